"""MkDocs hook file used only by ``archive-gen serve`` (see :mod:`archive_gen.serve`)."""

from archive_gen import serve


def on_pre_build(config, **kwargs):
    serve.regenerate()
