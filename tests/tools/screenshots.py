"""Screenshots of the sample archive in Chromium, with the render/ modules wired in by hand.

    .venv/bin/python tests/tools/screenshots.py [OUT_DIR] [--full]

Builds a copy of the sample archive, then (until the page renderer calls them) adds to the
generated Markdown what the reader's-archive pages will show: chips in the article header,
captions as figures, the JSON-LD, and on the busiest actor's page the activity chart and the
network of co-occurring actors. Takes home, article and actor page at desktop (1280×900)
and phone (390×844) size into OUT_DIR (default /tmp/archive-screens), light and dark; the
window only, or the whole page with ``--full``.
"""

from __future__ import annotations

import html
import re
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve()
sys.path.insert(0, str(HERE.parents[1]))  # tests/: conftest's project copy and server

from conftest import CHROMIUM, CHROMIUM_ARGS, copy_project, serve_directory  # noqa: E402

from archive_gen import paths  # noqa: E402
from archive_gen.build import generate  # noqa: E402
from archive_gen.config import Config  # noqa: E402
from archive_gen.errors import Diagnostics  # noqa: E402
from archive_gen.render import charts, jsonld, urls  # noqa: E402

SITE = "https://example.org/archiv/"
SIZES = {"desktop": (1280, 900), "phone": (390, 844)}
KIND_OF_TAXONOMY = {"places": "place", "topics": "topic", "sources": "source"}


def chips(markdown: str, archive) -> str:
    """Header lines ``- **Akteure** …: [Name](../actors/x.md), …`` → chip links."""
    def chip(match: re.Match) -> str:
        taxonomy, term = match.group(2), match.group(3)
        actor = archive.registry.actors.get(term)
        kind = actor.kind if actor and taxonomy in ("actors", "places") else KIND_OF_TAXONOMY.get(taxonomy, "topic")
        return f"{match.group(0)}{{ .ag-chip .ag-chip--{kind} }}"
    head, sep, rest = markdown.partition("\n\n## ")
    lines = [re.sub(r"\[[^\]]+\]\(((?:\.\./)+)(actors|places|topics)/([a-z0-9-]+)\.md\)", chip, line)
             if line.startswith("- **") else line for line in head.split("\n")]
    # Chips are separated by their own margins: no commas between them.
    lines = [line.replace(" }, [", " } [") for line in lines]
    return "\n".join(lines) + sep + rest


def figures(markdown: str, article) -> str:
    """Caption paragraphs → ``figure.ag-figure`` with credit and the not-archived note."""
    for caption in article.captions:
        figure = (f'<figure class="ag-figure"><figcaption>{html.escape(caption.text)}'
                  f'<span class="ag-figure__credit">Foto: {html.escape(caption.credit or "")}</span>'
                  '<span class="ag-figure__note">Das Foto selbst ist nicht im Archiv.</span></figcaption></figure>')
        markdown = re.sub(r"^\*[^\n]*\n\{ \.ag-caption \}$", lambda _: figure, markdown, count=1, flags=re.M)
    return markdown


def actor_extras(archive, actor_id: str, page: str) -> str:
    dates = [archive.article(slug).date for slug in archive.by_actor[actor_id]]
    bars = [(str(year), n) for year, n in charts.count_by_period(dates, "year")]
    others = [(archive.registry.actors[o].name, urls.html_href(page, paths.term_page("actors", o)), n)
              for o, n in archive.cooccurrence.get(actor_id, ()) if o in archive.registry.actors]
    actor = archive.registry.actors[actor_id]
    activity = charts.activity_chart(bars, title=f"Artikel über {actor.name} pro Jahr")
    network = charts.network_chart((actor.name, None, len(archive.by_actor[actor_id])), others,
                                   title=f"Gemeinsam genannt mit {actor.name}")
    return f"\n## Im Lauf der Zeit\n\n{activity}\n\n## Netzwerk\n\n{network}\n"


def with_jsonld(page_text: str, data: dict) -> str:
    """The structured data as ``jsonld:`` in the front matter (main.html puts it in <head>)."""
    import yaml

    head, body = page_text.removeprefix("---\n").split("\n---\n", 1)
    meta = {**yaml.safe_load(head), "jsonld": data}
    return f"---\n{yaml.safe_dump(meta, allow_unicode=True, sort_keys=False, width=200)}---\n{body}"


def wire(root: Path):
    """Generate docs/, then add what the page renderer will add; returns the two page paths."""
    archive = generate(Config.load(root / "mkdocs.yml"), Diagnostics()).archive
    docs = root / "docs"
    seed = next(a for a in archive.articles if a.captions)
    page = paths.article_page(seed.date.year, seed.date.month, seed.slug)
    text = chips(figures((docs / page).read_text(encoding="utf-8"), seed), archive)
    ld = jsonld.article_jsonld(seed, registry=archive.registry, url=SITE + urls.page_url(page), site_url=SITE,
                               site_name="Nachrichtenarchiv", term_url=lambda t, i: SITE + f"{t}/{i}/")
    (docs / page).write_text(with_jsonld(text, ld), encoding="utf-8")
    busiest = max(archive.by_actor, key=lambda a: (len(archive.cooccurrence.get(a, ())), a))
    actor_page = paths.term_page("actors", busiest)
    body = with_jsonld((docs / actor_page).read_text(encoding="utf-8"),
                       jsonld.term_jsonld(archive.registry.actors[busiest], url=SITE + urls.page_url(actor_page)))
    (docs / actor_page).write_text(body.replace("\n## Artikel", actor_extras(archive, busiest, actor_page) + "\n## Artikel", 1),
                                   encoding="utf-8")
    return urls.page_url(page), urls.page_url(actor_page)


def render(root: Path) -> Path:
    from mkdocs.commands.build import build
    from mkdocs.config import load_config

    build(load_config(str(root / "mkdocs.yml")))
    return root / "site"


def shoot(site: Path, pages: dict[str, tuple[str, str | None]], out: Path, full_page: bool = False) -> list[Path]:
    from playwright.sync_api import sync_playwright

    out.mkdir(parents=True, exist_ok=True)
    taken = []
    with serve_directory(site) as url, sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        for size, (width, height) in SIZES.items():
            for scheme in ("light", "dark"):
                context = browser.new_context(viewport={"width": width, "height": height}, locale="de-DE",
                                              color_scheme=scheme, device_scale_factor=1)
                page = context.new_page()
                for name, (path, anchor) in pages.items():
                    page.goto(f"{url}/{path}", wait_until="load")
                    if anchor:  # the part of the page to look at, under the sticky header
                        page.locator(anchor).first.evaluate("e => window.scrollTo(0, e.getBoundingClientRect().top + scrollY - 140)")
                        page.wait_for_timeout(600)  # Material's header title fades on scroll
                    target = out / f"{name}-{size}-{scheme}.png"
                    page.screenshot(path=str(target), full_page=full_page)
                    taken.append(target)
                context.close()
        browser.close()
    return taken


def main(argv: list[str]) -> int:
    out = Path(argv[0]) if argv and not argv[0].startswith("-") else Path("/tmp/archive-screens")
    with tempfile.TemporaryDirectory() as tmp:
        root = copy_project(Path(tmp) / "archive")
        article, actor = wire(root)
        site = render(root)
        pages = {"home": ("", None), "article": (article, None), "article-figure": (article, "figure.ag-figure"),
                 "actor": (actor, None), "actor-charts": (actor, "figure.ag-chart")}
        for path in shoot(site, pages, out, full_page="--full" in argv):
            print(path)
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
