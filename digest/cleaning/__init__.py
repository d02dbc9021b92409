"""The clean stage's parts: widget phrase table, per-line labels, body span finder."""
