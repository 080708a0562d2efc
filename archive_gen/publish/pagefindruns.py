"""Pagefind's runs on the stand-in tree: started as soon as a shard's stand-ins are written,
waited for together (:mod:`.search` decides what to index).

A shard of old months is final long before the last page's stand-in is made (the pages come
oldest first), so its Pagefind run starts while the newer pages are still being parsed: the
largest shard, which alone set the end of the search step, no longer waits for the others'
stand-ins. Each run is its own process (``subprocess.Popen``, no thread: the stand-ins are made
in forked workers, which a thread would forbid); its output goes to a file, not a pipe that
nobody reads while it runs.
"""

from __future__ import annotations

import hashlib
import os
import shutil
import subprocess
from pathlib import Path

from ..errors import RenderError
from ..output.cache import Store, digest
from .stablefilters import stabilise

__all__ = ["Runs", "StandInTree", "Starter", "file_id", "shard_key"]

_TREE_STATE = "state"
_TREE_SHARDS = "shard keys"  # shard -> the key of the documents its folder holds (saved with the state)
PARALLEL = 2  # Pagefind runs at a time (two cores; Pagefind uses more than one thread only part of the time)


class Runs:
    """The Pagefind processes of one index: :meth:`start` one per shard, :meth:`finish` all."""

    def __init__(self, executable: Path, language: str, quiet: bool, workdir: str) -> None:
        self.executable, self.language, self.quiet, self.workdir = executable, language, quiet, workdir
        self.running: list[tuple[subprocess.Popen, Path, object]] = []

    def start(self, stand_ins: Path, bundle: Path) -> None:
        """Start indexing ``stand_ins`` into ``bundle``; with ``PARALLEL`` runs going, wait for the oldest."""
        while len(self.running) >= PARALLEL:
            self._wait(self.running.pop(0))
        command = [str(self.executable), "--site", str(stand_ins.resolve()), "--output-path", str(bundle.resolve()),
                   "--force-language", self.language, *(["--silent"] if self.quiet else [])]
        log = open(os.path.join(self.workdir, f"pagefind-{len(os.listdir(self.workdir))}.log"), "w+", encoding="utf-8",
                   errors="replace")
        try:
            # cwd: a temporary directory, so that no pagefind.yml of the caller's directory
            # changes what is indexed
            process = subprocess.Popen(command, cwd=self.workdir, stdin=subprocess.DEVNULL,
                                       stdout=log if self.quiet else None, stderr=log)
        except OSError as exc:
            log.close()
            raise RenderError(f"cannot run {self.executable}: {exc}") from exc
        self.running.append((process, bundle, log))

    def finish(self) -> None:
        """Wait for every run; the first failure raises (the others are stopped)."""
        try:
            while self.running:
                self._wait(self.running.pop(0))
        finally:
            self.stop()

    def stop(self) -> None:
        """Kill the runs still going (a failure elsewhere)."""
        for process, _, log in self.running:
            process.kill()
            process.wait()
            log.close()
        self.running = []

    def _wait(self, run: tuple[subprocess.Popen, Path, object]) -> None:
        process, bundle, log = run
        with log:
            code = process.wait()
            log.seek(0)
            detail = log.read().strip().splitlines()[-5:]
        if code != 0:
            raise RenderError(f"pagefind failed with exit code {code}: " + " | ".join(detail))
        stabilise(bundle)


class StandInTree:
    """The stand-in files Pagefind reads, written shard by shard, only what changed since the last run.

    Writing ~11,000 stand-ins (one directory each) and deleting them again costs more than
    Pagefind's own run on a slow file system, so the tree stays in the cache folder. Its state
    (per file: document hash, size, mtime, inode) is in a sealed pack (``store``; None: a fresh
    tree, nothing kept); while the tree is being changed the pack says "unknown", so a killed
    run leaves a tree that the next run rebuilds from nothing rather than trusts.

    With the state, the pack keeps each shard's key (:func:`shard_key`) as written: a shard
    written again with the same key, whose files are still the recorded ones (one ``stat`` each),
    is not hashed again (~10,000 stand-ins of the unchanged shards, every build). A shard any
    render process wrote into in this run loses its key (it is hashed as before)."""

    def __init__(self, tree: Path, store: Store | None) -> None:
        self.tree, self.store = tree, store
        self.state: dict[str, tuple] | None = None  # None: untouched so far (a reused index leaves it so)
        self.new_state: dict[str, tuple] = {}
        self.hashed: dict[str, tuple[str, str]] = {}  # file -> (document, its SHA-256) as recorded
        self.shard_keys: dict[str, str] = {}  # as recorded with the state
        self.new_shard_keys: dict[str, str] = {}

    def begin(self) -> dict[str, tuple]:
        """The recorded state, the pack marked "unknown" until :meth:`finish`: called before the
        tree is changed (by this process, or by render processes forked after it)."""
        if self.state is None:
            state = self.store.get(_TREE_STATE) if self.store is not None else None
            keys = self.store.get(_TREE_SHARDS) if self.store is not None else None
            if not isinstance(state, dict) or not self.tree.is_dir():
                state, keys = {}, None
                shutil.rmtree(self.tree, ignore_errors=True)
            self.state = dict(state)
            self.shard_keys = dict(keys) if isinstance(keys, dict) else {}
            if self.store is not None:
                self.store.put(_TREE_STATE, None)
                self.store.put(_TREE_SHARDS, None)
                self.store.save()
        return self.state

    def put(self, shard: str, rel: str, document: str) -> tuple[str, tuple]:
        """Write one stand-in into ``shard`` unless the tree holds it already (after :meth:`begin`;
        also in a forked render process, whose entry the parent takes with :meth:`record`)."""
        key = f"{shard}/{rel}"
        self.shard_keys.pop(shard, None)  # written here: its recorded key no longer says what it holds
        known, hashed = self.state.get(key), self.hashed.get(key)
        data = None
        if hashed is not None and hashed[0] is document:  # hashed when it was recorded
            sha = hashed[1]
        else:
            data = document.encode("utf-8")
            sha = hashlib.sha256(data).hexdigest()
        target = os.path.join(str(self.tree), shard, rel)
        found = file_id(target)
        if known is None or known[0] != sha or found != known[1:]:
            os.makedirs(os.path.dirname(target), exist_ok=True)
            with open(target, "wb") as out:
                out.write(document.encode("utf-8") if data is None else data)
            found = file_id(target)
        self.state[key] = (sha, *found)
        return key, (sha, *found)

    def record(self, entry: tuple[str, tuple], document: str) -> None:
        """What another process's :meth:`put` wrote for ``document``: its file and state."""
        key, state = entry
        self.begin()[key] = state
        self.shard_keys.pop(key.partition("/")[0], None)
        self.hashed[key] = (document, state[0])

    def write(self, shard: str, documents: list[tuple[str, str]], key: str | None = None) -> None:
        """Make the folder ``shard`` hold exactly these documents (path in the shard, stand-in):
        Pagefind may index it now. ``key``: their :func:`shard_key`."""
        state = self.begin()
        if key is not None and self.shard_keys.get(shard) == key and self._intact(shard, documents, state):
            for rel, _ in documents:
                self.new_state[f"{shard}/{rel}"] = state[f"{shard}/{rel}"]
            self.new_shard_keys[shard] = key
            return
        self.shard_keys.pop(shard, None)
        for rel, document in documents:
            name, entry = self.put(shard, rel, document)
            self.new_state[name] = entry
        self._remove([rel for rel in state if rel.startswith(f"{shard}/") and rel not in self.new_state])
        if key is not None:
            self.new_shard_keys[shard] = key

    def _intact(self, shard: str, documents: list[tuple[str, str]], state: dict[str, tuple]) -> bool:
        """The folder holds what the state records for exactly these documents' files (its key
        says they are the documents it was written with)."""
        prefix, tree = f"{shard}/", str(self.tree)
        if sum(1 for name in state if name.startswith(prefix)) != len(documents):
            return False
        for rel, _ in documents:
            known = state.get(prefix + rel)
            if known is None or file_id(os.path.join(tree, shard, rel)) != known[1:]:
                return False
        return True

    def finish(self) -> None:
        """Remove what no written document holds (shards that are gone); record the state."""
        self._remove([rel for rel in self.begin() if rel not in self.new_state])
        if self.store is not None:
            self.store.put(_TREE_STATE, self.new_state)
            self.store.put(_TREE_SHARDS, self.new_shard_keys)
            self.store.save()

    def _remove(self, rels: list[str]) -> None:
        tree = self.tree
        for rel in rels:
            del self.state[rel]
            target = tree / rel
            target.unlink(missing_ok=True)
            for folder in target.parents:  # empty folders of removed pages
                if folder == tree or any(folder.iterdir()):
                    break
                folder.rmdir()


def shard_key(identity: tuple[str, ...], name: str, docs: list[tuple[str, str]]) -> str:
    """Equal keys, equal input to Pagefind: the binary, the shard's name and stand-ins."""
    return digest(*identity, name, *(part for rel, document in docs for part in (rel, document)))


class Starter:
    """Starts a shard's Pagefind run as soon as its stand-ins are final (while MkDocs still renders
    other pages, or while the newer pages' stand-ins are made), unless the previous site's shard
    has the same key (it is linked afterwards). :attr:`started`: shard -> key."""

    def __init__(self, identity: tuple[str, ...], old_keys: dict[str, str], stand_ins: StandInTree,
                 runs: Runs) -> None:
        self.identity, self.old_keys, self.stand_ins, self.runs = identity, old_keys, stand_ins, runs
        self.bundle: Path | None = None  # site/pagefind/ of the site being made, once known
        self.started: dict[str, str] = {}

    def start(self, name: str, docs: list[tuple[str, str]]) -> None:
        if self.bundle is None or name in self.started:
            return
        key = shard_key(self.identity, name, docs)
        if self.old_keys.get(name) == key:
            return  # linked afterwards, with the other unchanged shards
        self.stand_ins.write(name, docs, key)
        self.runs.start(self.stand_ins.tree / name, self.bundle / name)
        self.started[name] = key

    def undo(self, keys: dict[str, str]) -> None:
        """Forget the shards started with another key than the final one (the render's guess of
        the shards did not hold): waited for, their bundles removed, to be indexed again."""
        wrong = [name for name, key in self.started.items() if keys.get(name) != key]
        if wrong:
            self.runs.finish()
            for name in wrong:
                shutil.rmtree(self.bundle / name, ignore_errors=True)
                del self.started[name]


def file_id(path: str) -> tuple[int, ...]:
    """(size, mtime ns, inode) of a file, () when there is none."""
    try:
        info = os.stat(path)
    except OSError:
        return ()
    return (info.st_size, info.st_mtime_ns, info.st_ino)
