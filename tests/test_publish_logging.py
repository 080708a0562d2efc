"""MkDocs' messages reach the stderr of the build that logs them (``publish.mkdocs.mkdocs_logging``),
also when an earlier caller's stderr (a test's capture, an embedding tool's stream) is gone."""

from __future__ import annotations

import io
import logging
import sys

from archive_gen.publish.mkdocs import mkdocs_logging


def test_mkdocs_messages_go_to_the_stderr_of_now(monkeypatch):
    first = io.StringIO()
    monkeypatch.setattr(sys, "stderr", first)
    mkdocs_logging()
    first.close()  # its owner is gone
    second = io.StringIO()
    monkeypatch.setattr(sys, "stderr", second)
    mkdocs_logging()
    logging.getLogger("mkdocs.commands.build").error("Error building page 'a.md'")
    assert second.getvalue() == "mkdocs: ERROR: Error building page 'a.md'\n"
