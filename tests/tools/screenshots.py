"""Screenshots of a built site's main page types in Chromium, at desktop and phone sizes.

    python tests/tools/screenshots.py SITE_DIR OUT_DIR [PATH …]

Serves SITE_DIR on a free loopback port and writes OUT_DIR/<name>-<desktop|phone>.png for
the home page, an article, an actor page and the Chronik (or the paths given).
"""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from conftest import CHROMIUM, CHROMIUM_ARGS, serve_directory  # noqa: E402

SIZES = {"desktop": (1280, 900), "phone": (390, 844)}
DEFAULT = {"home": "/", "article": "/articles/2024/06/kim-sichert-putin-unterstuetzung-zu/",
           "actor": "/actors/wladimir-putin/", "chronik": "/timeline/", "actors": "/actors/"}


def main(site: Path, out: Path, paths: dict[str, str]) -> None:
    from playwright.sync_api import sync_playwright

    out.mkdir(parents=True, exist_ok=True)
    with serve_directory(site) as base, sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        for size, (width, height) in SIZES.items():
            page = browser.new_page(viewport={"width": width, "height": height}, locale="de-DE")
            for name, path in paths.items():
                page.goto(base + path)
                page.screenshot(path=str(out / f"{name}-{size}.png"), full_page=False)
            page.close()
        browser.close()


if __name__ == "__main__":
    args = sys.argv[1:]
    chosen = {Path(p).name or "home": p for p in args[2:]} or DEFAULT
    main(Path(args[0]), Path(args[1]), chosen)
