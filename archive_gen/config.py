"""Typed settings for one run: where things are, which language, how strict."""

from __future__ import annotations

import os
from dataclasses import dataclass, replace
from pathlib import Path

import yaml

from .errors import ConfigError, printable


DEFAULT_MAX_FILE_BYTES = 10 * 1024 * 1024  # larger source files are refused (--max-file-size)
# The renderers that read the same docs/, mkdocs.yml and overrides/ (README "Renderers").
RENDERERS = ("mkdocs", "zensical")


@dataclass(frozen=True)
class Config:
    project_dir: Path
    content_dir: Path
    docs_dir: Path
    site_dir: Path
    mkdocs_file: Path
    language: str = "de"  # UI language of generated labels
    strict: bool = False  # warnings fail the run
    quiet: bool = False
    page_size: int = 50  # articles per listing page (term pages, months)
    max_file_bytes: int = DEFAULT_MAX_FILE_BYTES  # larger article files are reported and skipped
    drafts: bool = False  # include articles with status draft or review (the preview does, with a banner)
    site_name: str = ""  # from mkdocs.yml: shown in citations and feeds
    site_url: str = ""  # from mkdocs.yml: permanent links, feeds, structured data ("" when not set)
    licence: str = ""  # from mkdocs.yml's extra.licence: the site's licence, for structured data
    country: str | None = None  # mkdocs.yml's extra.country: the archive's home country (at, de …), for names
    #   that several countries use ("Die Grünen") when an article gives no better evidence
    directory_urls: bool = True  # mkdocs.yml's use_directory_urls: how page URLs look
    renderer: str = "mkdocs"  # what renders docs/ into site/: one of RENDERERS (--renderer)

    @classmethod
    def load(
        cls,
        mkdocs_file: str | Path = "mkdocs.yml",
        content_dir: str | Path | None = None,
        docs_dir: str | Path | None = None,
        **overrides,
    ) -> "Config":
        """Settings from ``mkdocs.yml`` (docs_dir, site_dir, theme language), then overrides."""
        mkdocs_path = Path(mkdocs_file).resolve()
        if not mkdocs_path.is_file():
            raise ConfigError(f"{mkdocs_file}: no such file (run in the archive's directory or pass --config)")
        project = mkdocs_path.parent
        settings = _read_mkdocs_yml(mkdocs_path)
        theme = settings.get("theme") if isinstance(settings.get("theme"), dict) else {}
        config = cls(
            project_dir=project,
            content_dir=_resolve(project, content_dir or "content"),
            docs_dir=_resolve(project, docs_dir or settings.get("docs_dir") or "docs"),
            site_dir=_resolve(project, settings.get("site_dir") or "site"),
            mkdocs_file=mkdocs_path,
            language=str(theme.get("language") or "de"),
            site_name=str(settings.get("site_name") or ""),
            site_url=_site_url(settings.get("site_url")),
            licence=_text_of((settings.get("extra") or {}).get("licence") if isinstance(settings.get("extra"), dict) else None),
            directory_urls=settings.get("use_directory_urls", True) is not False,
            country=_country((settings.get("extra") or {}).get("country") if isinstance(settings.get("extra"), dict) else None),
        )
        config = replace(config, **{k: v for k, v in overrides.items() if v is not None})
        if config.renderer not in RENDERERS:
            raise ConfigError(f"renderer {config.renderer!r}: use one of {', '.join(RENDERERS)}")
        if not config.content_dir.is_dir():
            raise ConfigError(f"{config.content_dir}: content directory not found")
        return config

    def display_path(self, path: Path) -> str:
        """A path as shown in diagnostics and on pages: relative to the project when it is
        inside it, on one line, printable.

        A symbolic link is named as itself, never by its target (``content/articles/x.txt``,
        not ``/etc/passwd``), and a broken link or a link loop is no reason to fail here.
        Bytes of a file name that are not UTF-8 are shown as ``\\xff``.
        """
        absolute = os.path.abspath(path)
        root = os.path.join(str(self.project_dir), "")
        if os.sep == "/" and absolute.startswith(root):
            shown = absolute[len(root):]  # the usual case, without pathlib (a build asks 10,000 times)
        else:
            shown = self._walked(Path(absolute), str(path))
        return printable(os.fsencode(shown).decode("utf-8", "backslashreplace"))

    def _walked(self, absolute: Path, shown: str) -> str:
        """Relative to the project as written, else through the folder's real path, else as given."""
        for candidate in (absolute, Path(os.path.realpath(absolute.parent)) / absolute.name):
            try:
                return candidate.relative_to(self.project_dir).as_posix()
            except ValueError:
                continue
        return shown


def _site_url(value: object) -> str:
    """The site's address with one closing slash, or "" (relative links still work without it)."""
    if not isinstance(value, str) or not value.strip().startswith(("https://", "http://")):
        return ""
    return value.strip().rstrip("/") + "/"


def _country(value: object) -> str | None:
    return value.strip().lower() if isinstance(value, str) and len(value.strip()) == 2 else None


def _text_of(value: object) -> str:
    """A footer entry's text: ``text`` or ``{text: …, url: …}``."""
    if isinstance(value, dict):
        value = value.get("text")
    return value.strip() if isinstance(value, str) else ""


def _resolve(base: Path, value: str | Path) -> Path:
    path = Path(value)
    return (path if path.is_absolute() else base / path).resolve()


class _LenientLoader(yaml.SafeLoader):
    """mkdocs.yml may hold ``!!python/name`` tags for extensions; we only need plain keys."""


_LenientLoader.add_multi_constructor("", lambda loader, suffix, node: None)
_LenientLoader.add_multi_constructor("tag:yaml.org,2002:python/", lambda loader, suffix, node: None)


def _read_mkdocs_yml(path: Path) -> dict:
    try:
        data = yaml.load(path.read_text(encoding="utf-8"), Loader=_LenientLoader)
    except (OSError, yaml.YAMLError) as exc:
        raise ConfigError(f"{path}: cannot read: {exc}") from None
    return data if isinstance(data, dict) else {}
