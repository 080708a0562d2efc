"""The theme's static files (and docs/' other files) linked from the live site when unchanged.

MkDocs copies every static file anew into the new site on every build: Material's ~860 assets,
0.37 CPU s at 10,000 articles, on the main process's critical path of a one-article build. A
copy is the source's bytes, so when the source is the very file the live site's copy was made
from, and that copy is still the very file made then, the live site's file is the copy: it is
hard-linked into the new site instead (a new directory entry for the same bytes; nothing writes
through a site's file, :mod:`..output.spare`).

What "the very file" means is a record in the project's cache (the ``statics`` pack, sealed like
every pack): per site path, the source's (size, mtime ns, inode) and the copy's, as the last
render made them (the source's path is not part of it: docs/' files are read from the staged
docs/, a new folder every build, where an unchanged file is the old one's hard link). A file is linked only when both still match
(the live copy's inode also proves it is the file that render wrote); anything else (no record,
another version, a corrupt or foreign pack, a changed or replaced source or live file, a link
that fails) is copied as MkDocs copies it. The record is of the site being made and saved after
its render: a build that fails later leaves a live site whose files do not match it, so they are
copied again. A source modified at or after the render began (:func:`..output.cache.fs_clock`) is
not recorded: racily clean, as Git's index calls it (an edit later in the same timestamp tick, to
the same size, would leave its stat as recorded), so the next build copies it again."""

from __future__ import annotations

import os

from ..output.cache import Store, fs_clock
from ..output.spare import Spare
from .pagefindruns import file_id

__all__ = ["StaticCopies"]

ENTRY = "static copies"  # the pack's entry: (version, {site path: (source id, copy id)})
VERSION = 1


class StaticCopies:
    """MkDocs' file copies while it builds into ``spare`` (the live site: ``live``): each linked
    from the live site when the record says it is the copy (see the module's docstring)."""

    def __init__(self, store: Store | None, live: str, spare: Spare) -> None:
        self.store, self.live, self.spare = store, live, spare
        self.root = os.path.join(str(spare.tree), "")
        entry = store.get(ENTRY) if store is not None else None
        known = entry[1] if isinstance(entry, tuple) and len(entry) == 2 and entry[0] == VERSION else None
        self.known: dict[str, tuple] = known if isinstance(known, dict) else {}
        self.made: dict[str, tuple] = {}
        self.linked = 0
        self.clock = fs_clock(store.path.parent) if store is not None else 0  # before the first copy

    def copy(self, source: str, output: str, copy_file) -> None:
        """``copy_file(source, output)`` (``output`` freed by the spare), or the live copy linked:
        then it is one of the spare's kept files (the live site's own: whatever writes it later
        unlinks it first)."""
        rel = output[len(self.root):] if output.startswith(self.root) and not os.path.isdir(output) else None
        source_id = file_id(source) if rel is not None else ()
        known = self.known.get(rel) if source_id else None
        if known is not None and known[0] == source_id and self._link(rel, output, known[1]):
            self.made[rel] = known
            return
        copy_file(source, output)
        if source_id and source_id[1] < self.clock:  # not racily clean
            self.made[rel] = (source_id, file_id(output))

    def _link(self, rel: str, output: str, copied: tuple) -> bool:
        live = os.path.join(self.live, rel)
        if file_id(live) != copied or os.path.lexists(output):
            return False
        try:
            os.makedirs(os.path.dirname(output), exist_ok=True)
            os.link(live, output)
        except OSError:
            return False
        self.spare.kept.add(output)
        self.linked += 1
        return True

    def save(self) -> None:
        """After the render: what this site's copies are (the next build's record)."""
        if self.store is not None and self.store.get(ENTRY) != (VERSION, self.made):
            self.store.put(ENTRY, (VERSION, self.made))
            self.store.save()
