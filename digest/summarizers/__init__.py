"""Summarization algorithms behind one sumy-style seam: `summarizer(document, n)`.

`document` builds our small document model from clean paragraphs, `news` holds our
default algorithm, `filters` decides which sentences may stand in a summary at all,
and `sumy_seam` adapts the same document to sumy's summarizers (imported lazily:
sumy pulls in numpy and nltk, which cost ~0.5 s at startup).
"""
