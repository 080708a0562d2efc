"""Inline SVG charts: well-formed, described for screen readers, escaped, one Markdown block."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET

import markdown
from hypothesis import given, strategies as st

from archive_gen.render.charts import MAX_NODES, activity_chart, network_chart

S = "{http://www.w3.org/2000/svg}"
XLINK = "{http://www.w3.org/1999/xlink}"
MONTHS = [("Jan. 2024", 3, "../timeline/2024/01.md"), ("Feb. 2024", 0, None), ("März 2024", 7, "../timeline/2024/03.md")]
NEIGHBOURS = [("Wladimir Putin", "putin.md", 5), ("Nordkorea", "nordkorea.md", 9), ("Nato", None, 1)]


def svg_of(html: str) -> ET.Element:
    figure = ET.fromstring(html)
    assert figure.tag == "figure" and "ag-chart" in figure.get("class").split()
    svg = figure.find(S + "svg")
    assert svg is not None
    return svg


def assert_accessible(svg: ET.Element, title: str) -> None:
    assert svg.findtext(S + "title") == title
    assert svg.get("aria-label") == title
    assert svg.findtext(S + "desc")
    assert svg.get("aria-labelledby") == svg.find(S + "title").get("id")
    assert svg.get("aria-describedby") == svg.find(S + "desc").get("id")


def test_activity_chart_has_a_bar_per_period_with_text_alternatives():
    html = activity_chart(MONTHS, title="Artikel pro Monat")
    svg = svg_of(html)
    assert_accessible(svg, "Artikel pro Monat")
    assert svg.findtext(S + "desc") == "Jan. 2024: 3 Artikel; Feb. 2024: 0 Artikel; März 2024: 7 Artikel"
    bars = svg.findall(f".//{S}rect")
    assert [b.findtext(S + "title") for b in bars] == ["Jan. 2024: 3 Artikel", "Feb. 2024: 0 Artikel", "März 2024: 7 Artikel"]
    heights = [float(b.get("height")) for b in bars]
    assert heights[1] == 0 and heights[2] > heights[0] > 0
    assert [a.get(XLINK + "href") for a in svg.findall(S + "a")] == ["../timeline/2024/01.md", "../timeline/2024/03.md"]
    assert svg.get("role") == "group", "links inside: the picture must not hide them"
    assert svg_of(activity_chart(MONTHS[1:2], title="t")).get("role") == "img"


def test_long_series_thin_out_their_axis_labels():
    years = [(str(y), y % 7) for y in range(1990, 2030)]
    svg = svg_of(activity_chart(years, title="Artikel pro Jahr"))
    labels = [t.text for t in svg.findall(S + "text") if t.get("class") == "ag-chart__label"]
    assert 1 < len(labels) <= 12 and labels[0] == "1990"
    assert len(svg.findall(f".//{S}rect")) == 40


def test_colours_come_from_css_not_from_the_svg():
    html = activity_chart(MONTHS, title="t") + network_chart(("Kim", None, 12), NEIGHBOURS, title="n")
    assert not re.search(r'\b(fill|stroke|style)=', html)
    assert not re.search(r"#[0-9a-fA-F]{3,6}\b", html)


def test_network_chart_links_each_actor_and_orders_by_count():
    svg = svg_of(network_chart(("Kim Jong-un", "kim.md", 12), NEIGHBOURS, title="Gemeinsam genannt mit"))
    assert_accessible(svg, "Gemeinsam genannt mit")
    assert svg.findtext(S + "desc") == "Nordkorea (9), Wladimir Putin (5), Nato (1)"
    links = [(a.get(XLINK + "href"), a.get("aria-label")) for a in svg.findall(S + "a")]
    assert links == [("nordkorea.md", "Nordkorea: 9 gemeinsame Artikel"), ("putin.md", "Wladimir Putin: 5 gemeinsame Artikel"),
                     ("kim.md", "Kim Jong-un: 12 gemeinsame Artikel")]
    radii = {g.findtext(S + "title").split(":")[0]: float(g.find(S + "circle").get("r")) for g in svg.iter(S + "g")}
    assert radii["Nordkorea"] > radii["Wladimir Putin"] > radii["Nato"]
    assert len(svg.findall(S + "line")) == 3


def test_network_nodes_stay_inside_the_picture_and_are_capped():
    many = [(f"Akteur mit einem sehr langen Namen {i:02d}", f"a{i}.md", i + 1) for i in range(30)]
    svg = svg_of(network_chart(("Mitte", None, 40), many, title="t"))
    width, height = map(float, svg.get("viewBox").split()[2:])
    circles = svg.findall(f".//{S}circle")
    assert len(circles) == MAX_NODES + 1
    for c in circles:
        x, y, r = (float(c.get(k)) for k in ("cx", "cy", "r"))
        assert r <= x <= width - r and r <= y <= height - r
    assert all(len(t.text) <= 22 for t in svg.iter(S + "text"))


def test_hostile_labels_are_escaped_and_hrefs_quoted():
    nasty = '<script>alert(1)</script> & "x" \' '
    html = activity_chart([(nasty, 2, '" onload="alert(1)')], title=nasty) + network_chart((nasty, nasty, 1), [(nasty, nasty, 1)], title=nasty)
    assert "<script>" not in html and 'onload="' not in html
    for part in html.split("</figure>")[:-1]:
        svg_of(part + "</figure>")


def test_markdown_keeps_the_chart_as_one_html_block():
    chart = activity_chart(MONTHS, title="Artikel *pro* _Monat_") + "\n" + network_chart(("Kim", "k.md", 2), NEIGHBOURS, title="n")
    assert "\n\n" not in chart
    html = markdown.markdown(f"## Chronik\n\n{chart}\n\nText danach.")
    assert chart in html, "Python-Markdown must pass the figure through untouched"
    assert "<p><figure" not in html


def test_output_is_deterministic():
    assert activity_chart(MONTHS, title="t") == activity_chart(list(MONTHS), title="t")
    assert network_chart(("K", None, 1), NEIGHBOURS, title="n") == network_chart(("K", None, 1), NEIGHBOURS[::-1], title="n")


def test_empty_data_still_draws_a_described_picture():
    assert_accessible(svg_of(activity_chart([], title="leer")), "leer")
    assert_accessible(svg_of(network_chart(("Kim", None, 0), [], title="allein")), "allein")


@given(st.lists(st.tuples(st.text(max_size=12), st.integers(0, 10_000)), max_size=30))
def test_any_labels_and_counts_give_well_formed_svg(bars):
    svg_of(activity_chart(bars, title="t"))
    svg_of(network_chart(("x", None, 1), [(label, label, n) for label, n in bars], title="\x00t"))


def test_periods_are_counted_with_the_gaps_filled():
    import datetime as dt

    from archive_gen.render.charts import count_by_period

    dates = [dt.date(2022, 11, 5), dt.date(2023, 2, 1), dt.date(2023, 2, 9), dt.date(2020, 1, 1)]
    assert count_by_period(dates) == [(2020, 1), (2021, 0), (2022, 1), (2023, 2)]
    assert count_by_period(dates[:3], "month") == [((2022, 11), 1), ((2022, 12), 0), ((2023, 1), 0), ((2023, 2), 2)]
    assert count_by_period([]) == []
