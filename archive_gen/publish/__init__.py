"""Publishing the rendered site: the renderer and the search index."""
