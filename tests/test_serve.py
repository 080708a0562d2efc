"""`archive-gen serve` for real: a subprocess serving over HTTP, a content edit that lands in
the served page, and no rebuild loop afterwards (our own writes into docs/ trigger at most
one more build, which writes nothing and so triggers none)."""

from __future__ import annotations

import os
import re
import signal
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
import uuid
from pathlib import Path

import pytest

from conftest import seed_article_path

START_DEADLINE = 60.0   # generation + first MkDocs build on a busy 2-core machine
CHANGE_DEADLINE = 60.0  # edit → regenerated → rebuilt → served
SETTLE_DEADLINE = 60.0  # the follow-up build (triggered by our docs/ writes) finishes
SETTLE_STABLE = 2.0     # a finished build counts as the last one after this long (MkDocs waits 0.25 s)
QUIET_PERIOD = 8.0      # after settling: no further build may start

# What MkDocs' live-reload server logs (INFO, shown by `archive-gen serve` unless -q).
BUILD_LINE = re.compile(r"Building documentation|Detected file changes")
DONE_LINE = re.compile(r"Reloading browsers")
RENDERED_LINE = re.compile(r"Rendered \d+ changed page")  # a rebuild of the rewritten pages only


def _free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _get(url: str) -> tuple[int, str]:
    try:
        with urllib.request.urlopen(url, timeout=5) as response:
            return response.status, response.read().decode("utf-8", "replace")
    except urllib.error.HTTPError as exc:
        return exc.code, ""
    except (urllib.error.URLError, ConnectionError, TimeoutError, OSError):
        return 0, ""


def _seed_url_path(root: Path, seed: Path) -> str:
    """The served path of the seed's generated page (docs/articles/YYYY/MM/slug.md)."""
    rel = seed.relative_to(root).as_posix()
    for page in sorted((root / "docs" / "articles").rglob("*.md")):
        head = page.read_text(encoding="utf-8").split("\n---", 1)[0]
        if re.search(r"^source_file:\s*['\"]?" + re.escape(rel) + r"['\"]?\s*$", head, re.MULTILINE):
            return "/" + page.relative_to(root / "docs").with_suffix("").as_posix() + "/"
    raise AssertionError(f"no generated page has source_file: {rel}")


def _interruptible() -> None:
    """Ctrl-C reaches the server even when the test run itself ignores SIGINT (a shell starts
    background jobs so, and Python keeps an inherited "ignore" instead of raising
    KeyboardInterrupt): serve must stop on SIGINT, and this test must see that."""
    signal.signal(signal.SIGINT, signal.SIG_DFL)


class Server:
    def __init__(self, root: Path, log: Path, *options: str) -> None:
        self.root, self.log_path = root, log
        self.port = _free_port()
        self.base = f"http://127.0.0.1:{self.port}"
        env = dict(os.environ, PYTHONUNBUFFERED="1", NO_MKDOCS_2_WARNING="1")
        self._log = open(log, "wb")
        self.proc = subprocess.Popen(
            [sys.executable, "-m", "archive_gen", "serve", "--config", str(root / "mkdocs.yml"),
             "-a", f"127.0.0.1:{self.port}", *options],
            cwd=root, stdout=self._log, stderr=subprocess.STDOUT, stdin=subprocess.DEVNULL, env=env,
            preexec_fn=_interruptible,
        )

    def log(self) -> str:
        return self.log_path.read_text(encoding="utf-8", errors="replace")

    def alive(self) -> None:
        if self.proc.poll() is not None:
            pytest.fail(f"archive-gen serve exited with {self.proc.returncode}:\n{self.log()}")

    def wait_for(self, what: str, condition, deadline: float, interval: float = 0.25):
        end = time.monotonic() + deadline
        while time.monotonic() < end:
            self.alive()
            result = condition()
            if result:
                return result
            time.sleep(interval)
        pytest.fail(f"timed out after {deadline:.0f} s waiting for {what}; server log:\n{self.log()}")

    def stop(self) -> int | None:
        if self.proc.poll() is None:
            self.proc.send_signal(signal.SIGINT)
            try:
                self.proc.wait(timeout=15)
            except subprocess.TimeoutExpired:
                self.proc.kill()
                self.proc.wait(timeout=10)
        self._log.close()
        return self.proc.returncode


def _builds(log: str) -> list[str]:
    return [line for line in log.splitlines() if BUILD_LINE.search(line) or DONE_LINE.search(line)]


def _add_marker(seed: Path, marker: str) -> None:
    """Append a sentence with ``marker`` to a long body paragraph of the raw wire text (not
    the first paragraph with its date line, not the sign-off at the end)."""
    lines = seed.read_text(encoding="utf-8").split("\n")
    candidates = [i for i, line in enumerate(lines[1:-1], start=1) if len(line) > 200 and line.rstrip().endswith(".")]
    assert candidates, "the seed has no long body paragraph to edit"
    i = candidates[len(candidates) // 2]
    lines[i] = lines[i].rstrip() + f" Das Stichwort der Vorschau lautet {marker}."
    seed.write_text("\n".join(lines), encoding="utf-8")


def test_serve_regenerates_on_content_edit_without_rebuild_loop(project):
    seed = seed_article_path(project)
    marker = "Markierwort" + uuid.uuid4().hex[:10]
    server = Server(project, project.parent / "serve.log")
    try:
        # 1. the preview comes up and serves the seed article
        server.wait_for("docs/ to be generated", lambda: (project / "docs" / "articles").is_dir()
                        and any((project / "docs" / "articles").rglob("*.md")), START_DEADLINE)
        url = server.base + _seed_url_path(project, seed)
        status, html = server.wait_for(f"{url} to answer 200", lambda: (r := _get(url))[0] == 200 and r,
                                       START_DEADLINE)
        assert "<title>" in html and marker not in html
        log = server.log()
        assert f"Serving on {server.base}/" in log, f"the preview must say where it serves:\n{log}"

        # 2. an edit in content/ is regenerated, rebuilt and served: only the rewritten pages
        # are rendered (MkDocs' files, nav and templates kept from its last complete build)
        before, offset = len(_builds(server.log())), len(server.log())
        _add_marker(seed, marker)
        server.wait_for(f"the marker {marker} in {url}", lambda: marker in _get(url)[1], CHANGE_DEADLINE)
        assert len(_builds(server.log())) > before, "the page changed without a logged rebuild?"
        edited = server.log()[offset:]
        assert RENDERED_LINE.search(edited) and "Documentation built" not in edited, edited

        # 3. no rebuild loop: the builds settle (the last event is a finished build and stays
        # the last for a moment: a pending rebuild starts right after "Reloading browsers") …
        seen: dict[str, object] = {"events": None, "since": 0.0}

        def settled():
            events = _builds(server.log())
            if events != seen["events"]:
                seen.update(events=events, since=time.monotonic())
                return None
            stable = time.monotonic() - seen["since"] >= SETTLE_STABLE
            return events if stable and events and DONE_LINE.search(events[-1]) else None
        settled_events = server.wait_for("the rebuilds to settle", settled, SETTLE_DEADLINE, interval=0.5)
        # … and stay settled over a quiet period
        end = time.monotonic() + QUIET_PERIOD
        while time.monotonic() < end:
            server.alive()
            time.sleep(0.5)
        after = _builds(server.log())
        assert after == settled_events, (
            f"rebuild loop: {len(after) - len(settled_events)} more build events in {QUIET_PERIOD:.0f} s "
            f"of quiet:\n{server.log()}")
        starts = [e for e in after[before:] if "Building documentation" in e]
        # one build for the edit, at most one more for our own writes into docs/
        assert 1 <= len(starts) <= 2, f"{len(starts)} builds for one edit:\n{server.log()}"
        assert marker in _get(url)[1]

        # 4. a new article is a new page: MkDocs lists the files again (a complete build), and
        # the next edit renders single pages again
        added = seed.with_name("zz-vorschau-neu" + seed.suffix)
        added.write_text(seed.read_text(encoding="utf-8").replace(marker, marker + "neu"), encoding="utf-8")
        offset = len(server.log())
        server.wait_for("a complete build for the new page", lambda: "Documentation built" in server.log()[offset:],
                        CHANGE_DEADLINE)
        offset = len(server.log())
        _add_marker(seed, marker + "zwei")
        server.wait_for("the second edit", lambda: marker + "zwei" in _get(url)[1], CHANGE_DEADLINE)
        assert RENDERED_LINE.search(server.log()[offset:]), server.log()[offset:]
    finally:
        code = server.stop()
    assert "Traceback" not in server.log(), server.log()
    assert code in (0, 130, -signal.SIGINT), f"serve ended with {code} on SIGINT:\n{server.log()}"


def test_single_page_render_equals_a_clean_build(project):
    """What serve's rebuild of just the rewritten pages writes (MkDocs' files, nav and templates
    kept from its last complete build) is byte for byte what a clean MkDocs build writes."""
    from dataclasses import replace

    from mkdocs.commands.build import build
    from mkdocs.config import load_config

    from archive_gen.config import Config
    from archive_gen.errors import Diagnostics
    from archive_gen.preview import PreviewSession
    from archive_gen.publish import serve

    config = replace(Config.load(project / "mkdocs.yml", quiet=True), drafts=True)
    session = PreviewSession(config, jobs=1, quiet_seconds=3600)
    session.regenerate(Diagnostics())
    hook = str(Path(serve.__file__).with_name("preview_hook.py"))

    def mkdocs_config(site: Path, hooks: bool):
        return load_config(str(project / "mkdocs.yml"), docs_dir=str(config.docs_dir), site_dir=str(site),
                           site_url="", **({"hooks": [hook]} if hooks else {}))

    kept, clean = project.parent / "kept", project.parent / "clean"
    build(mkdocs_config(kept, True), dirty=True)  # the complete build whose set-up is kept
    seed = seed_article_path(project)
    _add_marker(seed, "Einzelseite")
    session.regenerate(Diagnostics())
    changes = serve.Changes(*session.changes)
    assert changes.written and not changes.removed
    assert serve._rendered is not None and serve._rendered.render(changes)
    build(mkdocs_config(clean, False))
    for rel in changes.written:
        out = serve._rendered.files.get_file_from_path(rel).dest_uri
        assert (kept / out).read_bytes() == (clean / out).read_bytes(), out
    session.close()


def _live_server(tmp_path: Path):
    from mkdocs.livereload import LiveReloadServer
    return LiveReloadServer(builder=lambda: None, host="127.0.0.1", port=_free_port(), root=str(tmp_path))


def _wants_rebuild(server) -> bool:
    with server._rebuild_cond:  # MkDocs' own flag: what its build loop waits for
        return server._want_rebuild


def test_content_is_watched_by_file_events_and_reading_is_no_edit(tmp_path, monkeypatch):
    """content/ is watched by inotify, not by MkDocs' polling (twice a second over every
    article); a write asks for a rebuild, a read (the regeneration reads every article) must
    not, or the preview would rebuild forever."""
    from archive_gen.publish import serve as serve_module
    monkeypatch.delenv("ARCHIVE_GEN_POLLING", raising=False)
    content = tmp_path / "content"
    (content / "articles").mkdir(parents=True)
    article = content / "articles" / "a.md"
    article.write_text("alt", encoding="utf-8")
    server = _live_server(tmp_path / "site")
    monkeypatch.setattr(serve_module, "_events", None)
    serve_module.watch_by_events(server, str(content))
    events = serve_module._events
    assert events is not None, "no event observer on this platform"
    try:
        server.watch(str(content))  # what MkDocs does after on_serve: it only counts
        assert not server.observer.emitters, "content/ is still polled"
        time.sleep(0.5)
        article.read_text(encoding="utf-8")
        time.sleep(1.0)
        assert not _wants_rebuild(server), "reading an article asked for a rebuild"
        article.write_text("neu", encoding="utf-8")
        end = time.monotonic() + 10
        while not _wants_rebuild(server) and time.monotonic() < end:
            time.sleep(0.05)
        assert _wants_rebuild(server), "an edit asked for no rebuild"
    finally:
        events.stop()


def test_polling_stays_when_asked(tmp_path, monkeypatch):
    from archive_gen.publish import serve as serve_module
    monkeypatch.setenv("ARCHIVE_GEN_POLLING", "1")
    monkeypatch.setattr(serve_module, "_events", None)
    server = _live_server(tmp_path / "site")
    serve_module.watch_by_events(server, str(tmp_path))
    server.watch(str(tmp_path))
    assert serve_module._events is None and len(server.observer.emitters) == 1  # polled
    assert str(tmp_path) in server._watch_refs  # MkDocs' own (polling) watch
