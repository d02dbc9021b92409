"""Built-in themes, shipped as package data (`digest.themes`)."""
