"""Charts and the map as static SVG, drawn at build time from the facts data.

Hand-written SVG from templates: a few bar charts, a rank chart and one map need no chart library, and
templates keep full control of what matters here — labels in the page's language, the
light/dark palette through CSS variables, black-and-white print, ``<title>``/``<desc>``,
and values the tests can read back. (matplotlib or pygal would add a large dependency and
emit SVG that follows neither the site's palette nor its languages.)
"""

from __future__ import annotations

import json
import math
from collections.abc import Collection, Mapping
from dataclasses import dataclass
from pathlib import Path

from .errors import InputError
from .model import Fact, Reference
from .languages import texts
from .load import read_text
from .notation import format_number
from .schema import SLUG, Boolean, ListOf, MapOf, Number, Record, Text, Multilingual, validate
from .yamlio import line_at, line_of, load_yaml

PER_THOUSAND = {"thousand-people": 1.0, "people": 0.001}

TRILINGUAL = Multilingual()
THEMES = ListOf(SLUG, min_items=1)
LONGITUDE = Number(minimum=-180, maximum=180)
LATITUDE = Number(minimum=-90, maximum=90)
BAR = Record(required={"fact": SLUG, "label": TRILINGUAL}, optional={"value": Number(minimum=0), "target": Boolean()})
CHART = Record(
    required={"id": SLUG, "themes": THEMES, "title": TRILINGUAL, "axis": TRILINGUAL, "note": TRILINGUAL, "bars": ListOf(BAR, min_items=1)}
)
COUNTRY = Record(
    required={"lon": LONGITUDE, "lat": LATITUDE, "name": TRILINGUAL},
    optional={"fact": SLUG, "note": TRILINGUAL, "count_dx": Number(), "count_dy": Number()},
)
PLACE = Record(
    required={"lon": LONGITUDE, "lat": LATITUDE, "name": TRILINGUAL},
    optional={"capital": Boolean(), "anchor": Text(choices=("start", "middle", "end")), "dx": Number(), "dy": Number()},
)
MAP = Record(
    required={"themes": THEMES, "title": TRILINGUAL, "note": TRILINGUAL, "countries": MapOf(SLUG, COUNTRY), "places": ListOf(PLACE)}
)
CHARTS_FILE = Record(optional={"charts": ListOf(CHART), "map": MAP}, expected="a mapping with 'charts' and 'map'")


@dataclass(frozen=True)
class Bar:
    fact: Fact
    label: dict[str, str]
    value: float
    target: bool


@dataclass(frozen=True)
class Chart:
    id: str
    themes: tuple[str, ...]
    title: dict[str, str]
    axis: dict[str, str]
    note: dict[str, str]
    bars: tuple[Bar, ...]


@dataclass(frozen=True)
class MapSpec:
    themes: tuple[str, ...]
    title: dict[str, str]
    note: dict[str, str]
    countries: dict[str, dict]
    places: tuple[dict, ...]
    geometry: dict


def chart_value(fact: Fact, *, axis_in_thousands: bool) -> float:
    """A fact's value in the chart's unit (students are charted in thousands)."""
    if axis_in_thousands:
        return round(fact.value * PER_THOUSAND[fact.unit], 3)
    return float(fact.value)


def load_charts(path: Path, *, facts: Mapping[str, Fact], theme_slugs: Collection[str]) -> tuple[tuple[Chart, ...], MapSpec | None]:
    """Load ``seeds/charts.yml``; every bar and country names one of ``facts`` (by id), every
    chart one of ``theme_slugs``."""
    if not path.exists():
        return (), None
    data = load_yaml(path)
    validate(data, CHARTS_FILE, path=path)
    themes = set(theme_slugs)

    def check_themes(node: dict) -> tuple[str, ...]:
        for index, slug in enumerate(node["themes"]):
            if slug not in themes:
                raise InputError(path, f"unknown theme '{slug}' (themes: {', '.join(sorted(themes))})", line=line_at(node["themes"], index))
        return tuple(node["themes"])

    charts = []
    seen: set[str] = set()
    for node in data.get("charts", []):
        if node["id"] in seen:
            raise InputError(path, f"duplicate chart id '{node['id']}'", line=line_at(node, "id"))
        seen.add(node["id"])
        for bar in node["bars"]:
            if bar["fact"] not in facts:
                raise InputError(path, f"chart bar names unknown fact {bar['fact']!r}", line=line_of(bar))
        thousands = any(facts[bar["fact"]].unit in PER_THOUSAND for bar in node["bars"])
        bars = tuple(
            Bar(
                fact=facts[bar["fact"]],
                label=texts(bar["label"]),
                value=float(bar["value"]) if "value" in bar else chart_value(facts[bar["fact"]], axis_in_thousands=thousands),
                target=bar.get("target", False),
            )
            for bar in node["bars"]
        )
        charts.append(Chart(node["id"], check_themes(node), texts(node["title"]), texts(node["axis"]), texts(node["note"]), bars))
    map_node = data.get("map")
    map_spec = None
    if map_node:
        for key, country in map_node["countries"].items():
            if "fact" in country and country["fact"] not in facts:
                raise InputError(path, f"map country {key} names unknown fact {country['fact']!r}", line=line_of(country))
            if "fact" in country and "note" in country:
                raise InputError(path, f"map country {key} has a fact and a note: the note is for a country without a figure", line=line_of(country))
        map_spec = MapSpec(
            check_themes(map_node),
            texts(map_node["title"]),
            texts(map_node["note"]),
            {key: _with_texts(country) for key, country in map_node["countries"].items()},
            tuple(_with_texts(place) for place in map_node["places"]),
            _geometry(path.parent / "geo" / "central-asia.json"),
        )
    return tuple(charts), map_spec


def _with_texts(node: dict) -> dict:
    """A country or place of the map with its name and note as :class:`~sourcekit.languages.Texts`."""
    return {key: texts(value) if key in ("name", "note") else value for key, value in node.items()}


def _geometry(path: Path) -> dict:
    """The map's outlines (made by ``scripts/geodata.py``)."""
    try:
        return json.loads(read_text(path))
    except json.JSONDecodeError as error:
        raise InputError(path, f"malformed JSON: {error.msg}", line=error.lineno) from None


def project(geometry: dict, lon: float, lat: float) -> tuple[float, float]:
    """The map's projection (the same as ``scripts/geodata.py``)."""
    west, _south, east, north = geometry["box"]
    cos = math.cos(math.radians(geometry["mid_latitude"]))
    k = geometry["width"] / ((east - west) * cos)
    return round((lon - west) * cos * k, 1), round((north - lat) * k, 1)


# Chart geometry, in SVG units. A chart is drawn 400 units wide and shown at most 1.1 times
# that (sourcekit.css), and on a 390 px phone at about 0.9: 14-unit text is 12.5 px there.
CHART_WIDTH = 400
ROW_HEIGHT = 46
BAR_SPACE = 348  # the longest bar; the rest of the width is for its value
MIN_BAR = 3  # a value above zero is never thinner than this (a 1 beside a 1000)
TRACK_START, TRACK_END = 10, 370  # a rank chart's scale, from place 1 to its last place


def is_rank_chart(chart: Chart) -> bool:
    """A chart of places in a rating: drawn as dots on a scale, because a rank is a position,
    not an amount (a bar as long as "30th" would make the last place look the biggest)."""
    return all(bar.fact.unit == "rank" for bar in chart.bars)


def rank_scale(chart: Chart) -> tuple[int, list[int]]:
    """The last place on a rank chart's scale (the next ten up from the lowest place shown)
    and the places ticked on it: 1, then every ten."""
    top = max(10, math.ceil(max(bar.value for bar in chart.bars) / 10) * 10)
    return top, [1, *range(10, top + 1, 10)]


def rank_x(place: float, top: int) -> float:
    """Where place ``place`` sits on a scale from 1 (left) to ``top`` (right)."""
    return round(TRACK_START + (place - 1) / (top - 1) * (TRACK_END - TRACK_START), 1)


def bar_rows(chart: Chart, lang: str) -> list[dict]:
    """Geometry and text of each bar (or dot, on a rank chart), for the template."""
    rank = is_rank_chart(chart)
    top = rank_scale(chart)[0] if rank else (max(bar.value for bar in chart.bars) or 1)
    rows = []
    for index, bar in enumerate(chart.bars):
        y = 4 + index * ROW_HEIGHT
        if rank:
            x = rank_x(bar.value, top)
            width = 0.0
        else:
            x = 0.0
            width = round(BAR_SPACE * bar.value / top, 1)
            if bar.value > 0:
                width = max(width, MIN_BAR)
        rows.append(
            {
                "y": y,
                "x": x,
                "width": width,
                "value": bar.value,
                "text": format_number(bar.value, lang, group=not rank),
                # the value beside its bar, or beside its dot (on the left of a dot near the end)
                "text_x": round(width + 6, 1) if not rank else (x + 11 if x < TRACK_END - 40 else x - 11),
                "text_anchor": "end" if rank and x >= TRACK_END - 40 else "start",
                "label": bar.label[lang],
                "target": bar.target,
                "fact": bar.fact.id,
            }
        )
    return rows


def chart_height(chart: Chart) -> int:
    """The height of a chart: its rows, then the scale of a rank chart, then the unit line."""
    return 8 + len(chart.bars) * ROW_HEIGHT + (24 if is_rank_chart(chart) else 0) + 20


def rank_ticks(chart: Chart) -> list[dict]:
    """The ticks of a rank chart's scale (none for a bar chart)."""
    if not is_rank_chart(chart):
        return []
    top, ticks = rank_scale(chart)
    return [{"x": rank_x(place, top), "text": str(place)} for place in ticks]


def references(chart: Chart) -> list[Reference]:
    """The paragraphs behind a chart, each once, in bar order."""
    seen: dict[str, Reference] = {}
    for bar in chart.bars:
        seen.setdefault(bar.fact.reference.key, bar.fact.reference)
    return list(seen.values())
