"""Rendering: pages, feeds, structured data and pictures from the archive graph."""
