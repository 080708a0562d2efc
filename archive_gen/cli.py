"""Command line: parse arguments, run a stage, print diagnostics, set the exit code.

Exit codes: 0 success, 1 content errors (or warnings under ``--strict``) or a failed
render, 2 wrong usage or settings.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path
from dataclasses import replace
from typing import Sequence

from . import __version__
from .config import DEFAULT_MAX_FILE_BYTES, RENDERERS, Config
from .errors import ArchiveGenError, ConfigError, Diagnostics, RenderError

EXIT_OK, EXIT_ERRORS, EXIT_USAGE = 0, 1, 2


def main(argv: Sequence[str] | None = None) -> int:
    parser = _parser()
    args = parser.parse_args(argv)
    if not getattr(args, "command", None):
        parser.print_help()
        return EXIT_USAGE
    try:
        return args.run(args)
    except ConfigError as exc:
        print(f"archive-gen: {exc}", file=sys.stderr)
        return EXIT_USAGE
    except RenderError as exc:
        print(f"archive-gen: {exc}", file=sys.stderr)
        return EXIT_ERRORS
    except ArchiveGenError as exc:
        print(f"archive-gen: {exc}", file=sys.stderr)
        return EXIT_ERRORS
    except KeyboardInterrupt:
        return 130


def _parser() -> argparse.ArgumentParser:
    common = argparse.ArgumentParser(add_help=False)
    common.add_argument("--config", default="mkdocs.yml", help="the site's mkdocs.yml (default: ./mkdocs.yml)")
    common.add_argument("--content", help="content directory (default: content/ beside mkdocs.yml)")
    common.add_argument("--docs", help="generated Markdown directory (default: docs_dir of mkdocs.yml)")
    common.add_argument("-q", "--quiet", action="store_true", help="no progress output")
    common.add_argument("--strict", action="store_true", help="treat warnings as errors")
    common.add_argument("--max-file-size", type=float, metavar="MB",
                        help="refuse source files larger than this (default: 10 MB)")

    parser = argparse.ArgumentParser(prog="archive-gen", description="Annotated, cross-linked news archives.")
    parser.add_argument("--version", action="version", version=f"archive-gen {__version__}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")

    p = sub.add_parser("build", parents=[common, _renderer_option()], help="generate docs/ from content/, then render site/")
    p.add_argument("--drafts", action="store_true", help="include drafts and articles in review (marked as such)")
    p.add_argument("--jobs", type=int, metavar="N", help="worker processes (default: ARCHIVE_GEN_JOBS or all cores)")
    p.set_defaults(run=cmd_build)
    p = sub.add_parser("generate", parents=[common], help="only generate docs/")
    p.add_argument("--drafts", action="store_true", help="include drafts and articles in review (marked as such)")
    p.add_argument("--jobs", type=int, metavar="N", help="worker processes (default: ARCHIVE_GEN_JOBS or all cores)")
    p.set_defaults(run=cmd_generate)
    p = sub.add_parser("serve", parents=[common, _renderer_option()], help="live preview; edits in content/ regenerate")
    p.add_argument("-a", "--dev-addr", help="IP:PORT to serve on (default 127.0.0.1:8000)")
    p.add_argument("--open", action="store_true", help="open the preview in a browser")
    p.set_defaults(run=cmd_serve)
    p = sub.add_parser("check", parents=[common], help="validate content/ without writing anything")
    p.add_argument("--format", choices=("text", "github"), default="text",
                   help="github: GitHub Actions annotations on stdout, shown on the pull request")
    p.set_defaults(run=cmd_check)
    p = sub.add_parser("extract", parents=[common], help="print what the annotator finds in source files")
    p.add_argument("files", nargs="+", type=Path, metavar="FILE")
    p.add_argument("--format", choices=("json", "text"), default="text")
    p.add_argument("--indent", type=int, default=None, help="pretty-print JSON with this indent")
    p.set_defaults(run=cmd_extract)

    p = sub.add_parser("import", parents=[common], help="turn raw articles into curated files in content/articles/")
    p.add_argument("sources", nargs="+", type=Path, metavar="FILE|DIR")
    p.add_argument("-n", "--dry-run", action="store_true", help="report what would be written; write nothing")
    p.set_defaults(run=cmd_import)
    p = sub.add_parser("schema", help="write the front-matter JSON Schemas (for editors' tools)")
    p.add_argument("--output", type=Path, default=Path("schema"), metavar="DIR", help="default: ./schema")
    p.set_defaults(run=cmd_schema)

    _data_commands(sub, common)
    actors = sub.add_parser("actors", help="registry tools: suggest new actors, add one")
    actor_sub = actors.add_subparsers(dest="actors_command", metavar="ACTION", required=True)
    p = actor_sub.add_parser("suggest", parents=[common], help="rank names found in articles that the registry lacks")
    p.add_argument("--min-articles", type=int, default=1, metavar="N", help="only names seen in at least N articles")
    p.add_argument("--limit", type=int, default=50, metavar="N", help="show at most N names (0: all)")
    p.add_argument("--format", choices=("json", "text"), default="text")
    p.set_defaults(run=cmd_actors_suggest)
    p = actor_sub.add_parser("add", parents=[common], help="write a registry entry content/actors/<id>.md")
    p.add_argument("name", help='the actor\'s name as it should be shown, e.g. "Jens Stoltenberg"')
    p.add_argument("--kind", choices=("person", "organization", "state", "place", "group"), default="person")
    p.add_argument("--id", dest="actor_id", help="registry id (default: from the name)")
    p.add_argument("--alias", action="append", default=[], help="another name (repeatable)")
    p.add_argument("--description", default="", help="one or two sentences for the actor's page")
    p.set_defaults(run=cmd_actors_add)
    return parser


def _data_commands(sub, common: argparse.ArgumentParser) -> None:
    p = sub.add_parser("export", parents=[common], help="write the archive as open data: one file per table")
    p.add_argument("--format", choices=("json", "csv", "parquet"), default="json",
                   help="json: JSON Lines; csv: UTF-8 with a header; parquet: needs archive-gen[data]")
    p.add_argument("--output", type=Path, default=Path("export"), metavar="DIR", help="default: ./export")
    p.add_argument("--drafts", action="store_true", help="include drafts and articles in review")
    p.set_defaults(run=cmd_export)
    events = sub.add_parser("events", help="events: suggest which articles report one event")
    events_sub = events.add_subparsers(dest="events_command", metavar="ACTION", required=True)
    p = events_sub.add_parser("suggest", parents=[common], help="group articles that seem to report one event")
    p.add_argument("--window", type=int, default=2, metavar="DAYS", help="compare articles at most this far apart")
    p.add_argument("--format", choices=("json", "text"), default="text")
    p.add_argument("--drafts", action="store_true", help="include drafts and articles in review")
    p.set_defaults(run=cmd_events_suggest)
    p = events_sub.add_parser("add", parents=[common], help="write an event file content/events/<id>.md")
    p.add_argument("title", help="what happened, as a headline")
    p.add_argument("--date", required=True, help="YYYY-MM-DD, or YYYY-MM / YYYY when only that is known")
    p.add_argument("--place", default=None, help="registry id of the place")
    p.add_argument("--id", dest="event_id", default=None, help="default: from the title")
    p.add_argument("--description", default="", help="the event page's text")
    p.set_defaults(run=cmd_events_add)


def _renderer_option() -> argparse.ArgumentParser:
    """``--renderer`` of build and serve (README "Renderers: MkDocs or Zensical")."""
    option = argparse.ArgumentParser(add_help=False)
    option.add_argument("--renderer", choices=RENDERERS, help="what renders the site: mkdocs (default) or zensical")
    return option


def _config(args: argparse.Namespace) -> Config:
    limit = getattr(args, "max_file_size", None)
    if limit is not None and limit <= 0:
        raise ConfigError(f"--max-file-size {limit}: give a size in MB above 0")
    return Config.load(args.config, content_dir=args.content, docs_dir=args.docs, strict=args.strict, quiet=args.quiet,
                       max_file_bytes=int(limit * 1024 * 1024) if limit else None,
                       drafts=getattr(args, "drafts", None) or None, renderer=getattr(args, "renderer", None))


def _jobs(args: argparse.Namespace) -> int | None:
    jobs = getattr(args, "jobs", None)
    if jobs is not None and jobs < 1:
        raise ConfigError(f"--jobs {jobs}: give a number of processes of 1 or more")
    return jobs


def _progress(args: argparse.Namespace):
    return (lambda message: None) if args.quiet else (lambda message: print(f"archive-gen: {message}", file=sys.stderr))


def _report(diags: Diagnostics, strict: bool, quiet: bool, what: str = "") -> int:
    for diagnostic in diags:
        print(diagnostic, file=sys.stderr)
    failed = diags.failed(strict)
    if not quiet or failed:
        summary = f"{len(diags.errors)} error(s), {len(diags.warnings)} warning(s)"
        if diags.notes:
            summary += f", {len(diags.notes)} note(s)"
        print(f"archive-gen: {what}{summary}" + (" — failed (--strict)" if strict and failed and not diags.errors else ""),
              file=sys.stderr)
    return EXIT_ERRORS if failed else EXIT_OK


def cmd_generate(args: argparse.Namespace) -> int:
    from .pipeline import generate

    config = _config(args)
    diags = Diagnostics()
    result = generate(config, diags, _progress(args), jobs=_jobs(args))
    return _report(diags, args.strict, args.quiet, f"{len(result.archive.articles)} articles; ")


def cmd_build(args: argparse.Namespace) -> int:
    """docs/ and site/ are replaced together, only after generating and rendering succeeded."""
    from .pipeline import build_site

    config = _config(args)
    diags = Diagnostics()
    result = build_site(config, diags, _progress(args), jobs=_jobs(args))
    code = _report(diags, args.strict, args.quiet, f"{len(result.archive.articles)} articles; ")
    if result.committed and not args.quiet:
        print(f"archive-gen: site written to {config.site_dir}", file=sys.stderr)
    return code


def cmd_serve(args: argparse.Namespace) -> int:
    from .preview import PreviewSession
    from .publish.serve import Changes, serve

    config = replace(_config(args), strict=False, drafts=True)  # the preview shows drafts, marked
    session = PreviewSession(config)  # the caches and docs/ pages, kept in memory between rebuilds
    reported: set[str] = set()

    def regenerate(first: bool = False) -> Changes | None:
        """Before every build: regenerate docs/ and say which pages changed. A broken article
        never stops the preview (its problem is printed once); if generating fails as a whole,
        the previous docs/ stays and the server keeps running, except before it started."""
        diags, started = Diagnostics(), time.perf_counter()
        try:
            result = session.regenerate(diags)
        except ArchiveGenError as exc:
            if first:
                raise
            print(f"archive-gen: {exc}", file=sys.stderr)
            return None
        for line in map(str, diags):
            if line not in reported:  # a problem is told once, not on every reload
                print(line, file=sys.stderr)
                reported.add(line)
        if result.stats.written or result.stats.removed:
            print(f"archive-gen: {result.stats.written} pages written, {result.stats.removed} removed "
                  f"(docs/ in {time.perf_counter() - started:.1f} s)", file=sys.stderr)
        return Changes(*session.changes) if session.changes is not None else None

    try:
        regenerate(first=True)  # MkDocs needs docs/ to exist before it loads its config
        serve(config.mkdocs_file, config.content_dir, config.docs_dir, regenerate,
              dev_addr=args.dev_addr, open_browser=args.open, quiet=config.quiet, renderer=config.renderer)
    finally:
        session.close()  # the packs, written once more (they are only written when quiet)
    return EXIT_OK


def cmd_check(args: argparse.Namespace) -> int:
    """Everything a build would report, and what only the whole archive shows (duplicates,
    broken links in hand-written pages), without writing a file."""
    from .tools.check import check, github_annotation

    diags = Diagnostics()
    articles = check(_config(args), diags, _progress(args))
    if args.format == "github":
        for diagnostic in diags:
            print(github_annotation(diagnostic))
        return EXIT_ERRORS if diags.failed(args.strict) else EXIT_OK
    return _report(diags, args.strict, args.quiet, f"{len(articles)} articles checked; ")


def cmd_import(args: argparse.Namespace) -> int:
    from .tools.importer import format_report, import_sources

    config = _config(args)
    diags = Diagnostics()
    report = import_sources(args.sources, config, diags, dry_run=args.dry_run)
    sys.stdout.write(format_report(report))
    return EXIT_ERRORS if diags.failed(args.strict) else EXIT_OK


def cmd_schema(args: argparse.Namespace) -> int:
    from .schemas import write_schemas

    for path in write_schemas(args.output):
        print(path)
    return EXIT_OK


def cmd_export(args: argparse.Namespace) -> int:
    from .pipeline import gather
    from .tools.export import export

    config = _config(args)
    diags = Diagnostics()
    archive = gather(config, diags, _progress(args))
    counts = export(archive, args.output, args.format)
    for name, rows in counts.items():
        print(f"{args.output / name}\t{rows}")
    return _report(diags, args.strict, args.quiet, f"{len(archive.articles)} articles exported; ")


def cmd_events_suggest(args: argparse.Namespace) -> int:
    from .pipeline import gather
    from .tools.events import format_text, suggest

    config = _config(args)
    diags = Diagnostics()
    archive = gather(config, diags, _progress(args))
    items, groups = suggest(archive.articles, window=args.window)
    if args.format == "json":
        print(json.dumps([g.record(items) for g in groups], ensure_ascii=False, indent=2))
    elif groups:
        print(format_text(items, groups))
    return _report(diags, args.strict, args.quiet, f"{len(groups)} suggested event(s) in {len(items)} articles; ")


def cmd_events_add(args: argparse.Namespace) -> int:
    from .errors import ContentError
    from .tools.events import add_event

    config = _config(args)
    try:
        path = add_event(config.content_dir, args.title, args.date, event_id=args.event_id, place=args.place,
                         description=args.description)
    except ContentError as exc:
        print(exc.diagnostic(), file=sys.stderr)
        return EXIT_ERRORS
    if not args.quiet:
        print(f"archive-gen: wrote {config.display_path(path)}; add 'event: {path.stem}' to each report's "
              "front matter (x.yml beside a wire file)", file=sys.stderr)
    return EXIT_OK


def cmd_actors_suggest(args: argparse.Namespace) -> int:
    from .pipeline import collect
    from .tools.suggest import format_text, suggest

    config = _config(args)
    diags = Diagnostics()
    registry, articles = collect(config, diags, _progress(args))
    ranked = suggest(articles, registry, min_articles=args.min_articles)
    shown = ranked[: args.limit] if args.limit > 0 else ranked
    if args.format == "json":
        print(json.dumps([s.record() for s in shown], ensure_ascii=False, indent=2))
    elif shown:
        print(format_text(shown))
    code = _report(diags, args.strict, True)
    if not args.quiet:
        print(f"archive-gen: {len(ranked)} candidate(s) in {len(articles)} articles, {len(shown)} shown", file=sys.stderr)
    return code


def cmd_actors_add(args: argparse.Namespace) -> int:
    from .errors import ContentError
    from .tools.suggest import add_actor

    config = _config(args)
    try:
        path = add_actor(config.content_dir, args.name, args.kind, actor_id=args.actor_id,
                         aliases=tuple(args.alias), description=args.description)
    except ContentError as exc:
        print(exc.diagnostic(), file=sys.stderr)
        return EXIT_ERRORS
    if not args.quiet:
        print(f"archive-gen: wrote {config.display_path(path)}; the next build links '{args.name}'", file=sys.stderr)
    return EXIT_OK


def cmd_extract(args: argparse.Namespace) -> int:
    from .annotate import Annotator
    from .model import Registry
    from .pipeline import read_article
    from .registry import load_registry
    from .tools.extract import extract_record, extract_text

    diags = Diagnostics()
    try:
        config = _config(args)
        registry = load_registry(config.content_dir, diags, config.display_path)
        language = config.language
    except ConfigError as exc:
        print(f"archive-gen: {exc}; extracting without a registry", file=sys.stderr)
        registry, language = Registry(), "de"
    annotator = Annotator(registry, language)
    for path in args.files:
        article = read_article(annotator, path, str(path), diags, DEFAULT_MAX_FILE_BYTES)
        if article is None:
            continue
        if args.format == "json":
            print(json.dumps(extract_record(article, registry), ensure_ascii=False, indent=args.indent))
        else:
            print(extract_text(article, registry))
    return _report(diags, args.strict, True)
