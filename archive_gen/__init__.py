"""archive-gen: raw news articles in, an annotated, cross-linked news-event archive out.

The pipeline, one module (or package) per stage::

    content/ → ingest → annotate → index → write (docs/) → render (MkDocs → site/)
"""

__version__ = "0.1.0"
