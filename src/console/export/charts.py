"""Charts for the report as SVG text: no plotting library, and every label escaped."""

from __future__ import annotations

from html import escape
from typing import Any

from .timefmt import clock, duration

FONT = "font-family='DejaVu Sans, Arial, sans-serif'"
PLANNED = "#9aa5b1"
ACTUAL = "#1f5fae"
OVER = "#b3261e"


def speaking_bars(people: list[dict[str, Any]], width: int = 760) -> str:
    """Horizontal bars, one per person, longest first."""
    rows = people[:30]
    if not rows:
        return ""
    bar_height, gap, label_width = 22, 8, 260
    height = len(rows) * (bar_height + gap) + 10
    longest = max(r["seconds"] for r in rows) or 1
    scale = (width - label_width - 80) / longest
    parts = [
        f"<svg xmlns='http://www.w3.org/2000/svg' width='{width}' height='{height}' viewBox='0 0 {width} {height}' "
        f"role='img' {FONT} font-size='13'>"
    ]
    for i, row in enumerate(rows):
        y = 5 + i * (bar_height + gap)
        name = escape(row["name"] if len(row["name"]) <= 36 else row["name"][:35] + "…")
        parts.append(
            f"<text x='{label_width - 8}' y='{y + 16}' text-anchor='end' fill='#222'>{name}</text>"
        )
        w = max(1.0, row["seconds"] * scale)
        parts.append(
            f"<rect x='{label_width}' y='{y}' width='{w:.1f}' height='{bar_height}' fill='{ACTUAL}' rx='3'/>"
        )
        parts.append(
            f"<text x='{label_width + w + 6:.1f}' y='{y + 16}' fill='#222'>{escape(duration(row['seconds']))}</text>"
        )
    parts.append("</svg>")
    return "".join(parts)


def timeline(
    slots: list[dict[str, Any]], zone: str, labels: dict[str, str], width: int = 760
) -> str:
    """Planned (grey) and actual (blue; red past the plan) bars per slot on one time axis."""
    times = [
        t
        for s in slots
        for t in (s["planned_start"], s["planned_end"], s["actual_start"], s["actual_end"])
        if t
    ]
    if not times:
        return ""
    start, end = min(times), max(times)
    span = max(60.0, end - start)
    label_width, row_height = 220, 46
    plot = width - label_width - 20
    height = len(slots) * row_height + 40

    def x(at: float) -> float:
        return label_width + (at - start) / span * plot

    parts = [
        f"<svg xmlns='http://www.w3.org/2000/svg' width='{width}' height='{height}' viewBox='0 0 {width} {height}' "
        f"role='img' {FONT} font-size='12'>"
    ]
    # Hour and half-hour marks.
    mark = start if start % 1800 == 0 else start - start % 1800 + 1800
    while mark < end:
        parts.append(
            f"<line x1='{x(mark):.1f}' y1='0' x2='{x(mark):.1f}' y2='{height - 24}' stroke='#ddd'/>"
        )
        parts.append(
            f"<text x='{x(mark):.1f}' y='{height - 8}' text-anchor='middle' fill='#555'>{clock(mark, zone)}</text>"
        )
        mark += 1800
    for i, slot in enumerate(slots):
        y = 8 + i * row_height
        title = escape(slot["title"] if len(slot["title"]) <= 30 else slot["title"][:29] + "…")
        parts.append(
            f"<text x='{label_width - 8}' y='{y + 20}' text-anchor='end' fill='#222'>{title}</text>"
        )
        px, pw = (
            x(slot["planned_start"]),
            max(1.0, x(slot["planned_end"]) - x(slot["planned_start"])),
        )
        parts.append(
            f"<rect x='{px:.1f}' y='{y}' width='{pw:.1f}' height='14' fill='{PLANNED}' rx='2'/>"
        )
        if slot["actual_start"]:
            actual_end = slot["actual_end"] or (
                slot["actual_start"] + (slot["actual_seconds"] or 0)
            )
            ax, aw = x(slot["actual_start"]), max(1.0, x(actual_end) - x(slot["actual_start"]))
            colour = OVER if actual_end > slot["planned_end"] + 60 else ACTUAL
            parts.append(
                f"<rect x='{ax:.1f}' y='{y + 17}' width='{aw:.1f}' height='14' fill='{colour}' rx='2'/>"
            )
    legend_y = height - 30
    parts.append(f"<rect x='10' y='{legend_y}' width='12' height='10' fill='{PLANNED}'/>")
    parts.append(f"<text x='26' y='{legend_y + 9}' fill='#222'>{escape(labels['planned'])}</text>")
    parts.append(f"<rect x='90' y='{legend_y}' width='12' height='10' fill='{ACTUAL}'/>")
    parts.append(f"<text x='106' y='{legend_y + 9}' fill='#222'>{escape(labels['actual'])}</text>")
    parts.append("</svg>")
    return "".join(parts)
