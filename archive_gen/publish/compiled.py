"""The theme's compiled templates, kept across builds in the project's cache.

MkDocs makes a new Jinja environment for every build (and the render makes more: one for the
pages it renders ahead, one in each early-forked renderer), and each compiles the theme's
templates again: ~70 compilations, about 0.9 CPU s at 10,000 articles, most of it on the main
process's critical path of a one-article build. Here every theme environment shares
:data:`~archive_gen.render.context.COMPILED` (also the generate step's template cache), loaded
from the ``templates`` pack before the render and saved after it. An entry is used only when
Jinja finds it matches the template's source checksum and its own bytecode format; the pack is
sealed like every pack (:class:`~archive_gen.output.cache.Store`: another archive-gen version,
a truncated or foreign file is never read) and names the Jinja and Python versions it was
compiled with, so a changed environment compiles afresh."""

from __future__ import annotations

import contextlib
import sys
from typing import Iterator

import jinja2

from ..output.cache import Store
from ..render.context import COMPILED

ENTRY = "compiled templates"  # the pack's entry: (versions, Jinja bucket key -> bytecode)


def _versions() -> str:
    return f"jinja2 {jinja2.__version__} python {sys.version_info[:3]}"


def load(store: Store) -> None:
    """The pack's compiled templates into :data:`COMPILED` (what this process compiled itself stays)."""
    entry = store.get(ENTRY)
    if isinstance(entry, tuple) and len(entry) == 2 and entry[0] == _versions() and isinstance(entry[1], dict):
        for key, code in entry[1].items():
            if isinstance(key, str) and isinstance(code, bytes):
                COMPILED.code.setdefault(key, code)


@contextlib.contextmanager
def theme_templates(store: Store | None) -> Iterator[None]:
    """While MkDocs builds: every theme environment compiles through :data:`COMPILED`; with
    ``store``, loaded from it first and, after a build that compiled anything, saved to it."""
    from mkdocs.theme import Theme

    if store is not None:
        load(store)
    before, get_env = COMPILED.added, Theme.get_env

    def sharing(theme: Theme) -> jinja2.Environment:
        env = get_env(theme)
        env.bytecode_cache = COMPILED  # read by the loader at each template's first load
        return env

    Theme.get_env = sharing  # type: ignore[method-assign]
    try:
        yield
    finally:
        Theme.get_env = get_env  # type: ignore[method-assign]
    if store is not None and COMPILED.added != before:
        store.put(ENTRY, (_versions(), dict(sorted(COMPILED.code.items()))))
        store.save()
