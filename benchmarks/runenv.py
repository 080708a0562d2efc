"""The environment a benchmark runs archive-gen in: as an installed package runs.

An installed (or editable) package imports its modules from cached bytecode (``__pycache__``).
A shell with ``PYTHONDONTWRITEBYTECODE`` set (this development machine sets it) never writes
that cache, so every build compiles archive-gen's ~115 modules again: ~0.4 CPU s per build
that no user pays (measured in session 16: start-up 1.20–1.32 s against 0.82–0.86 s). The
benchmarks' builds run without it."""
from __future__ import annotations

import os


def installed_env(base: dict[str, str] | None = None) -> dict[str, str]:
    """``base`` (the current environment by default) without ``PYTHONDONTWRITEBYTECODE``."""
    env = dict(os.environ if base is None else base)
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    return env
