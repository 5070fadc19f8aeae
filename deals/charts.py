"""Geometry of the server-rendered SVG charts: plain numbers the templates draw.

Charts are SVG built here from the view's data, so they work without JavaScript, under
a strict Content Security Policy, and in both directions (the time axis runs from
inline-start to inline-end, so right to left in Arabic).
"""

import math
from dataclasses import dataclass


@dataclass(frozen=True)
class Column:
    #: The year, or None for the deals whose year is not known.
    year: int | None
    count: int
    x: float
    y: float
    height: float
    label_x: float

    @property
    def value_y(self) -> float:
        """Where the column's count is written, just above it."""
        return self.y - 4


@dataclass(frozen=True)
class Tick:
    value: int
    y: float


def _ticks(peak: int, baseline: float, plot_height: float) -> list[Tick]:
    """Whole-number marks of the count axis, at most about five, from 0 to the peak."""
    step = max(1, math.ceil(peak / 5))
    return [
        Tick(value, baseline - plot_height * value / peak) for value in range(0, peak + 1, step)
    ]


def deals_per_year(
    per_year: dict, *, rtl: bool, width=640, height=220, gap=12, axis_width=32
) -> dict:
    """One column per year counting each deal once, and a last column for the deals whose
    year is not known (`per_year[None]`), with a count axis and each column's count."""
    years = sorted(year for year in per_year if year is not None)
    if None in per_year:
        years.append(None)
    if not years:
        return {"columns": [], "ticks": [], "width": width, "height": height}
    peak = max(per_year[year] for year in years)
    plot_width = width - axis_width
    column_width = min(64, (plot_width - gap * (len(years) + 1)) / len(years))
    baseline, plot_height = height - 24, height - 48
    columns = []
    for index, year in enumerate(years):
        position = index if not rtl else len(years) - 1 - index
        x = gap + position * (column_width + gap) + (0 if rtl else axis_width)
        column_height = plot_height * per_year[year] / peak
        columns.append(
            Column(
                year,
                per_year[year],
                x,
                baseline - column_height,
                column_height,
                x + column_width / 2,
            )
        )
    return {
        "columns": columns,
        "column_width": column_width,
        "ticks": _ticks(peak, baseline, plot_height),
        # Centred in its margin: "start" and "end" flip with the text direction.
        "axis_x": width - axis_width / 2 if rtl else axis_width / 2,
        "baseline": baseline,
        "plot_start": 0 if rtl else axis_width,
        "plot_end": width - axis_width if rtl else width,
        "width": width,
        "height": height,
    }


def network(center: dict, partners: list[dict], *, size=360) -> dict:
    """A star of the companies and people a company dealt with, on a circle around it.

    Each counterpart is a small dot with its name beneath, outside the dot, so no outline
    crosses the letters (an Arabic alef read as the circle's edge); the names keep inside
    the picture for up to about 15 characters at 11px.
    """
    radius = size / 2 - 72
    middle = size / 2
    dot = 10
    nodes = []
    for index, partner in enumerate(partners):
        angle = 2 * math.pi * index / max(len(partners), 1) - math.pi / 2
        x = round(middle + radius * math.cos(angle), 1)
        y = round(middle + radius * math.sin(angle), 1)
        nodes.append({**partner, "x": x, "y": y, "label_y": round(y + dot + 4, 1)})
    return {
        "center": center,
        "nodes": nodes,
        "size": size,
        "middle": middle,
        "dot": dot,
        "center_radius": 36,
    }
