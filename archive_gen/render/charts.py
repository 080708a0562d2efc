"""Inline SVG pictures drawn at build time: activity over time and co-occurring actors.

Why SVG in the page and not a JavaScript chart: it is there without scripts, prints,
scales, and costs no request. Each picture is a ``<figure class="ag-chart">`` holding
an ``<svg>`` with a ``<title>`` and a ``<desc>`` (the numbers as text) that screen
readers announce; every bar and node also has its own ``<title>``.

Colours are never written into the SVG: shapes carry classes (``ag-chart__bar`` …) that
``archive.css`` fills from the theme's CSS variables, so the light and the dark palette
both work. The output is one HTML block for Python-Markdown: no blank lines inside,
every text and URL escaped, deterministic (coordinates rounded to one decimal).
"""

from __future__ import annotations

import hashlib
import math
import re
from html import escape
from typing import Iterable, Sequence

Bar = tuple[str, int] | tuple[str, int, str | None]  # (label, count[, href])
Node = tuple[str, str | None, int]  # (name, href, count)

WIDTH, BAR_HEIGHT = 640, 180  # viewBox of the activity chart
NET_WIDTH, NET_HEIGHT = 640, 420  # viewBox of the network picture
MAX_LABELS = 12  # x-axis labels shown at most; every bar still has its own <title>
MAX_NODES = 12
_NOT_XML = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")
LABEL_LENGTH = 22  # characters of a node label before it is shortened (the <title> has all)


def _e(value: object) -> str:
    """Text or attribute value, escaped for HTML and XML, on one line; characters XML
    cannot carry (controls, lone surrogates) are dropped."""
    return escape(" ".join(_NOT_XML.sub("", str(value)).split()), quote=True)


def _n(value: float) -> str:
    """A coordinate: one decimal, no trailing zero (stable bytes across platforms)."""
    text = f"{value:.1f}"
    return text[:-2] if text.endswith(".0") else text


def _chart_id(kind: str, title: str, data: object) -> str:
    """An id unique per picture on a page, stable across builds."""
    return f"ag-{kind}-" + hashlib.sha1(repr((title, data)).encode("utf-8", "surrogatepass")).hexdigest()[:8]


def _frame(kind: str, uid: str, width: int, height: int, title: str, desc: str,
           body: list[str], interactive: bool) -> str:
    """The figure and svg around ``body``; ``interactive`` (links inside) keeps them reachable."""
    role = "group" if interactive else "img"
    head = (f'<figure class="ag-chart ag-chart--{kind}">'
            f'<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" viewBox="0 0 {width} {height}" '
            f'role="{role}" aria-labelledby="{uid}-t" aria-describedby="{uid}-d" aria-label="{_e(title)}">')
    parts = [head, f'<title id="{uid}-t">{_e(title)}</title>', f'<desc id="{uid}-d">{_e(desc)}</desc>', *body,
             "</svg>", f'<figcaption>{_e(title)}</figcaption></figure>']
    return "\n".join(parts)


def _link(href: str | None, inner: str, label: str) -> str:
    if not href:
        return inner
    # xlink:href, not href: renderers disagree on a relative href in raw HTML (MkDocs keeps
    # it, relative to the page's URL; Zensical resolves it from the Markdown file), and both
    # keep an xlink:href as written. Browsers follow either on an SVG link.
    return f'<a xlink:href="{_e(href)}" aria-label="{_e(label)}">{inner}</a>'


def activity_chart(bars: Sequence[Bar], *, title: str, unit: str = "Artikel",
                   description: str | None = None) -> str:
    """A bar chart of counts per period, in the given order (oldest first).

    ``bars``: ``(label, count)`` or ``(label, count, href)``; a bar with an href links to
    the period's page (a month of the Chronik). ``unit`` names what is counted.
    """
    data = [(str(b[0]), max(0, int(b[1])), b[2] if len(b) > 2 else None) for b in bars]
    uid = _chart_id("activity", title, data)
    desc = description or "; ".join(f"{label}: {count} {unit}" for label, count, _ in data) or f"0 {unit}"
    top, bottom, left, right = 14, 28, 34, 8
    plot_w, plot_h = WIDTH - left - right, BAR_HEIGHT - top - bottom
    peak = max((count for _, count, _ in data), default=0) or 1
    step = plot_w / max(1, len(data))
    body = [f'<line class="ag-chart__axis" x1="{left}" y1="{top + plot_h}" x2="{WIDTH - right}" y2="{top + plot_h}"/>',
            f'<line class="ag-chart__grid" x1="{left}" y1="{top}" x2="{WIDTH - right}" y2="{top}"/>',
            f'<text class="ag-chart__tick" x="{left - 4}" y="{top + 4}" text-anchor="end">{peak}</text>',
            f'<text class="ag-chart__tick" x="{left - 4}" y="{top + plot_h}" text-anchor="end">0</text>']
    every = max(1, math.ceil(len(data) / MAX_LABELS))
    for i, (label, count, href) in enumerate(data):
        height = plot_h * count / peak
        x = left + i * step + step * 0.15
        rect = (f'<rect class="ag-chart__bar" x="{_n(x)}" y="{_n(top + plot_h - height)}" width="{_n(step * 0.7)}" '
                f'height="{_n(height)}"><title>{_e(f"{label}: {count} {unit}")}</title></rect>')
        body.append(_link(href, rect, f"{label}: {count} {unit}"))
        if i % every == 0:
            body.append(f'<text class="ag-chart__label" x="{_n(left + (i + 0.5) * step)}" y="{BAR_HEIGHT - 10}" '
                        f'text-anchor="middle">{_e(label)}</text>')
    return _frame("activity", uid, WIDTH, BAR_HEIGHT, title, desc, body, any(href for *_, href in data))


def count_by_period(dates: Iterable, unit: str = "year") -> list[tuple[int | tuple[int, int], int]]:
    """Counts per year (``unit="year"``) or per ``(year, month)``, oldest first, with the
    empty periods in between filled in: a gap in the archive is a gap in the chart."""
    counts: dict = {}
    for date in dates:
        key = date.year if unit == "year" else (date.year, date.month)
        counts[key] = counts.get(key, 0) + 1
    if not counts:
        return []
    first, last = min(counts), max(counts)
    if unit == "year":
        keys: list = list(range(first, last + 1))
    else:
        keys = [(y, m) for y in range(first[0], last[0] + 1) for m in range(1, 13) if first <= (y, m) <= last]
    return [(key, counts.get(key, 0)) for key in keys]


def _short(name: str) -> str:
    return name if len(name) <= LABEL_LENGTH else name[:LABEL_LENGTH - 1].rstrip() + "…"


def _placed(others: Sequence[Node]) -> list[tuple[Node, float, float, float]]:
    """Nodes on a circle around the centre, most frequent first from the top, clockwise;
    each with its x, y and an angle (for the label's side)."""
    ordered = sorted(others, key=lambda n: (-n[2], n[0], n[1] or ""))[:MAX_NODES]
    cx, cy, radius = NET_WIDTH / 2, NET_HEIGHT / 2, NET_HEIGHT / 2 - 56
    placed = []
    for i, node in enumerate(ordered):
        angle = -math.pi / 2 + 2 * math.pi * i / max(1, len(ordered))
        placed.append((node, cx + radius * math.cos(angle) * 1.35, cy + radius * math.sin(angle), angle))
    return placed


def _node(name: str, href: str | None, count: int, x: float, y: float, r: float, angle: float | None,
          unit: str) -> str:
    # Labels centred under the node (above it in the upper half): they never leave the viewBox.
    label_y = y + r + 14 if angle is None or math.sin(angle) >= -0.2 else y - r - 6
    kind = "ag-chart__node--centre" if angle is None else "ag-chart__node"
    inner = (f'<g class="{kind}"><title>{_e(f"{name}: {count} {unit}")}</title>'
             f'<circle cx="{_n(x)}" cy="{_n(y)}" r="{_n(r)}"/>'
             f'<text x="{_n(x)}" y="{_n(label_y)}" text-anchor="middle">{_e(_short(name))}</text></g>')
    return _link(href, inner, f"{name}: {count} {unit}")


def network_chart(centre: Node, others: Sequence[Node], *, title: str, unit: str = "gemeinsame Artikel",
                  description: str | None = None) -> str:
    """An actor (``centre``) and the actors named together with it, as linked nodes.

    ``others``: ``(name, href, count)``; the :data:`MAX_NODES` most frequent are drawn,
    node area and line width grow with ``count`` (articles in common).
    """
    placed = _placed(others)
    uid = _chart_id("network", title, (centre, [p[0] for p in placed]))
    desc = description or ", ".join(f"{n[0]} ({n[2]})" for n, *_ in placed) or "—"
    peak = max((n[2] for n, *_ in placed), default=1) or 1
    cx, cy = NET_WIDTH / 2, NET_HEIGHT / 2
    edges = [f'<line class="ag-chart__edge" x1="{_n(cx)}" y1="{_n(cy)}" x2="{_n(x)}" y2="{_n(y)}" '
             f'stroke-width="{_n(1 + 4 * n[2] / peak)}"/>' for n, x, y, _ in placed]
    nodes = [_node(n[0], n[1], n[2], x, y, 6 + 14 * math.sqrt(max(0, n[2]) / peak), angle, unit)
             for n, x, y, angle in placed]
    body = edges + nodes + [_node(centre[0], centre[1], centre[2], cx, cy, 22, None, unit)]
    interactive = bool(centre[1]) or any(n[1] for n, *_ in placed)
    return _frame("network", uid, NET_WIDTH, NET_HEIGHT, title, desc, body, interactive)
