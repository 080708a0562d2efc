"""Rendered URLs: links inside raw HTML and the absolute URLs of feeds and JSON-LD."""

from __future__ import annotations

from archive_gen.paths import absolute_url, html_href, page_url


def test_links_in_raw_html_point_at_rendered_pages():
    assert page_url("actors/kim.md") == "actors/kim/" and page_url("actors/index.md") == "actors/"
    assert page_url("index.md") == "" and page_url("actors/kim.md", directory_urls=False) == "actors/kim.html"
    assert html_href("actors/kim.md", "actors/putin.md") == "../putin/"
    assert html_href("actors/kim.md", "timeline/2024/06.md") == "../../timeline/2024/06/"
    assert html_href("timeline/index.md", "timeline/2024/06.md") == "2024/06/"
    assert html_href("index.md", "actors/kim.md") == "actors/kim/"
    assert html_href("actors/kim.md", "index.md") == "../../"
    assert html_href("actors/kim.md", "actors/putin.md", directory_urls=False) == "putin.html"
    assert html_href("index.md", "index.md") == "./"
    assert absolute_url("https://example.org/archiv/", "actors/kim.md") == "https://example.org/archiv/actors/kim/"
    assert absolute_url("https://example.org/archiv", "feed.xml") == "https://example.org/archiv/feed.xml"

