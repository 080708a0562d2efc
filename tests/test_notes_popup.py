"""Passage notes in the browser (issue 15): the numbered marker opens its note in a pop-over
(notes.js, notes.css) by click or keyboard, Escape and a click elsewhere close it, it fits a
phone's screen, takes both palettes' colours, and without JavaScript the marker is still a
link to the note in the list and back. Real builds of the sample archive, Debian's Chromium."""

from __future__ import annotations

import re

import pytest

from conftest import TIMEOUT_MS, copy_project, seed_article_path, serve_directory

pytestmark = pytest.mark.browser

SEED = "/articles/2024/06/kim-sichert-putin-unterstuetzung-zu/"


def _page(browser, width=1280, height=900, **options):
    context = browser.new_context(viewport={"width": width, "height": height}, locale="de-DE", **options)
    context.set_default_timeout(TIMEOUT_MS)
    return context, context.new_page()


def _errors(page) -> list[str]:
    errors: list[str] = []
    page.on("pageerror", lambda exc: errors.append(str(exc)))
    page.on("console", lambda msg: errors.append(msg.text) if msg.type == "error" else None)
    return errors


def _inside_window(page, locator) -> bool:
    box = locator.bounding_box()
    size = page.viewport_size
    return (box is not None and box["x"] >= 0 and box["y"] >= 0
            and box["x"] + box["width"] <= size["width"] and box["y"] + box["height"] <= size["height"])


def test_a_click_opens_the_note_beside_its_marker_and_a_click_elsewhere_closes_it(built_site, browser):
    context, page = _page(browser)
    errors = _errors(page)
    try:
        with serve_directory(built_site / "site") as url:
            page.goto(url + SEED, wait_until="load")
            marker = page.get_by_role("link", name="Anmerkung 1")
            pop = page.locator("#" + marker.get_attribute("aria-controls"))
            assert marker.get_attribute("aria-expanded") == "false" and pop.is_hidden()
            assert marker.get_attribute("title") is None, "no native tooltip on top of the pop-over"
            assert marker.get_attribute("aria-describedby") == pop.get_attribute("id")
            assert pop.get_attribute("role") == "note"

            marker.click()
            assert pop.is_visible() and marker.get_attribute("aria-expanded") == "true"
            assert page.url == url + SEED, "the click opens the note; it does not jump to the list"
            assert "ratifiziert" in pop.inner_text() and "Redaktion" in pop.inner_text()
            assert pop.get_by_role("link").count() >= 1, "the note's sources are links in the pop-over"
            assert pop.locator("[id]").count() == 0, "the copy repeats no id of the list"
            assert _inside_window(page, pop)
            mark, box = page.locator("mark.ag-note-passage").bounding_box(), pop.bounding_box()
            assert abs(box["y"] - (mark["y"] + mark["height"])) < 40 or abs(mark["y"] - (box["y"] + box["height"])) < 40, \
                "the pop-over is next to its passage"

            marker.click()
            assert pop.is_hidden() and marker.get_attribute("aria-expanded") == "false", "a second click closes it"
            marker.click()
            page.locator("h1").click()
            assert pop.is_hidden(), "a click elsewhere closes it"
            assert errors == []
    finally:
        context.close()


def test_the_keyboard_opens_it_tabs_into_it_and_escape_closes_it_back_on_the_marker(built_site, browser):
    context, page = _page(browser)
    try:
        with serve_directory(built_site / "site") as url:
            page.goto(url + SEED, wait_until="load")
            marker = page.get_by_role("link", name="Anmerkung 1")
            pop = page.locator("#" + marker.get_attribute("aria-controls"))
            marker.focus()
            page.keyboard.press("Enter")
            assert pop.is_visible()
            page.keyboard.press("Tab")
            assert pop.evaluate("pop => pop.contains(document.activeElement) && document.activeElement.tagName === 'A'"), \
                "the next Tab stop is the first link in the note"
            page.keyboard.press("Escape")
            assert pop.is_hidden() and marker.get_attribute("aria-expanded") == "false"
            assert marker.evaluate("el => el === document.activeElement"), "Escape returns focus to the marker"
            page.keyboard.press(" ")
            assert pop.is_visible(), "Space opens it too (it acts as a disclosure button)"
            page.keyboard.press("Shift+Tab")
            assert pop.is_hidden(), "focus leaving marker and note closes it"
    finally:
        context.close()


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_on_a_phone_it_fits_the_screen_in_the_palette_s_colours(built_site, browser, scheme, tmp_path):
    context, page = _page(browser, 360, 740, color_scheme=scheme, is_mobile=True, has_touch=True)
    try:
        with serve_directory(built_site / "site") as url:
            page.goto(url + SEED, wait_until="load")
            marker = page.get_by_role("link", name="Anmerkung 1")
            marker.tap()
            pop = page.locator(".ag-note-pop")
            assert pop.is_visible() and _inside_window(page, pop)
            colours = pop.evaluate("""pop => {
                const style = getComputedStyle(pop), body = getComputedStyle(document.body);
                return [style.backgroundColor, style.color, body.backgroundColor, body.color];
            }""")
            assert colours[0] == colours[2] and colours[1] == colours[3], \
                f"the pop-over takes the page's own colours: {colours}"
            dark = sum(int(c) for c in re.findall(r"\d+", colours[0])[:3]) < 3 * 128
            assert dark == (scheme == "dark"), colours
            page.wait_for_timeout(300)  # the fade-in
            page.screenshot(path=str(tmp_path / f"note-phone-{scheme}.png"))
            page.touchscreen.tap(5, 5 + page.viewport_size["height"] // 2)
            assert pop.is_hidden(), "a tap elsewhere closes it"
    finally:
        context.close()


def test_without_javascript_the_marker_leads_to_the_note_and_back(built_site, browser):
    context, page = _page(browser, java_script_enabled=False)
    try:
        with serve_directory(built_site / "site") as url:
            page.goto(url + SEED, wait_until="load")
            assert page.locator(".ag-note-pop").count() == 0
            marker = page.get_by_role("link", name="Anmerkung 1")
            assert "ratifiziert" in (marker.get_attribute("title") or ""), "the note as the marker's description"
            marker.click()
            page.wait_for_url(re.compile(r"#ag-note-1$"))
            assert "ratifiziert" in page.locator("li:has(#ag-note-1)").inner_text()
            page.get_by_role("link", name="Zurück zur Textstelle").click()
            page.wait_for_url(re.compile(r"#ag-note-ref-1$"))
    finally:
        context.close()


def test_a_hostile_note_in_the_pop_over_runs_nothing(tmp_path, browser):
    from archive_gen.cli import main

    root = copy_project(tmp_path / "archive")
    sidecar = seed_article_path(root).with_suffix(".yml")
    hostile = ("- exact: Propagandaangestellten\n"
               "  note: '<img src=x onerror=\"window.pwned=1\"> <script>window.pwned=2</script> "
               "[x](javascript:window.pwned=3) Mallory'\n")
    sidecar.write_text(sidecar.read_text(encoding="utf-8").replace("annotations:\n", "annotations:\n" + hostile, 1),
                       encoding="utf-8")
    assert main(["build", "-q", "--config", str(root / "mkdocs.yml")]) == 0
    context, page = _page(browser)
    dialogs: list[str] = []
    page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
    try:
        with serve_directory(root / "site") as url:
            page.goto(url + SEED, wait_until="load")
            marker = page.locator("mark.ag-note-passage", has_text="Propagandaangestellten").locator(
                "xpath=following-sibling::sup[1]/a")
            marker.click()
            pop = page.locator("#" + marker.get_attribute("aria-controls"))
            assert "Mallory" in pop.inner_text() and "<script>" in pop.inner_text(), "shown as text"
            assert pop.locator("img, script").count() == 0
            assert not any((a.get_attribute("href") or "").startswith("javascript:") for a in pop.locator("a").all())
            assert page.evaluate("window.pwned") is None and dialogs == []
    finally:
        context.close()

