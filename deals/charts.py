"""Geometry of the server-rendered SVG charts: plain numbers the templates draw.

Charts are SVG built here from the view's data, so they work without JavaScript, under
a strict Content Security Policy, and in both directions (the time axis runs from
inline-start to inline-end, so right to left in Arabic).
"""

import math
from dataclasses import dataclass

from .models import DealKind

KIND_ORDER = [code for code, _ in DealKind.Code.choices]


@dataclass(frozen=True)
class Segment:
    kind: str
    label: str
    count: int
    y: float
    height: float


@dataclass(frozen=True)
class Column:
    year: int
    total: int
    x: float
    label_x: float
    segments: list[Segment]


def deals_per_year(per_year: dict, *, rtl: bool, width=640, height=220, gap=12) -> dict:
    """Stacked columns of deals per year, one colour per kind (a deal of two kinds counts
    in both)."""
    years = sorted(per_year)
    if not years:
        return {"columns": [], "width": width, "height": height, "kinds": []}
    peak = max(sum(kinds.values()) for kinds in per_year.values())
    column_width = min(64, (width - gap * (len(years) + 1)) / len(years))
    plot_height = height - 40
    columns = []
    for index, year in enumerate(years):
        position = index if not rtl else len(years) - 1 - index
        x = gap + position * (column_width + gap)
        y = height - 24
        segments = []
        for kind in KIND_ORDER:
            count = per_year[year].get(kind, 0)
            if not count:
                continue
            segment_height = plot_height * count / peak
            y -= segment_height
            segments.append(Segment(kind, str(DealKind.Code(kind).label), count, y, segment_height))
        label_x = x + column_width / 2
        columns.append(Column(year, sum(per_year[year].values()), x, label_x, segments))
    kinds = [
        (kind, str(DealKind.Code(kind).label))
        for kind in KIND_ORDER
        if any(kind in per_year[year] for year in years)
    ]
    return {
        "columns": columns,
        "column_width": column_width,
        "width": width,
        "height": height,
        "kinds": kinds,
    }


def network(center: dict, partners: list[dict], *, size=360) -> dict:
    """A star of the companies a company dealt with, placed on a circle around it."""
    radius = size / 2 - 60
    middle = size / 2
    nodes = []
    for index, partner in enumerate(partners):
        angle = 2 * math.pi * index / max(len(partners), 1) - math.pi / 2
        nodes.append(
            {
                **partner,
                "x": round(middle + radius * math.cos(angle), 1),
                "y": round(middle + radius * math.sin(angle), 1),
            }
        )
    return {"center": center, "nodes": nodes, "size": size, "middle": middle}
