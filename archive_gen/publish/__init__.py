"""Publish: the generated ``docs/`` becomes a site (MkDocs today), previewed or built.

Everything a renderer plugin would do for us (search index, feeds, sitemap) belongs here or
in :mod:`archive_gen.render`, so that ``docs/`` never depends on one renderer.
"""
