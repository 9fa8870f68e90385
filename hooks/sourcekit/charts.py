"""Charts and the map as static SVG, drawn at build time from the facts data.

Hand-written SVG from templates: four bar charts and one map need no chart library, and
templates keep full control of what matters here — labels in the page's language, the
light/dark palette through CSS variables, black-and-white print, ``<title>``/``<desc>``,
and values the tests can read back. (matplotlib or pygal would add a large dependency and
emit SVG that follows neither the site's palette nor its languages.)
"""

from __future__ import annotations

import json
import math
from dataclasses import dataclass
from pathlib import Path

from .knowledge import Fact, Knowledge, Reference
from .yamlio import line_of, load_yaml
from .errors import InputError

PER_THOUSAND = {"thousand-people": 1.0, "people": 0.001}


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


def load_charts(path: Path, knowledge: Knowledge) -> tuple[tuple[Chart, ...], MapSpec | None]:
    """Load ``seeds/charts.yml``; every bar must name an existing fact."""
    if not path.exists():
        return (), None
    data = load_yaml(path)
    facts = {fact.id: fact for fact in knowledge.facts}
    charts = []
    for node in data.get("charts") or []:
        bars = []
        thousands = any(facts.get(bar.get("fact")) and facts[bar["fact"]].unit in PER_THOUSAND for bar in node["bars"])
        for bar in node["bars"]:
            fact = facts.get(bar.get("fact"))
            if fact is None:
                raise InputError(path, f"chart bar names unknown fact {bar.get('fact')!r}", line=line_of(bar))
            value = float(bar["value"]) if "value" in bar else chart_value(fact, axis_in_thousands=thousands)
            bars.append(Bar(fact=fact, label=bar["label"], value=value, target=bool(bar.get("target"))))
        charts.append(Chart(node["id"], tuple(node["themes"]), node["title"], node["axis"], node["note"], tuple(bars)))
    map_node = data.get("map")
    map_spec = None
    if map_node:
        geometry = json.loads((path.parent / "geo" / "central-asia.json").read_text(encoding="utf-8"))
        for key, country in map_node["countries"].items():
            if country.get("fact") and country["fact"] not in facts:
                raise InputError(path, f"map country {key} names unknown fact {country['fact']!r}", line=line_of(country))
        map_spec = MapSpec(
            tuple(map_node["themes"]), map_node["title"], map_node["note"], map_node["countries"], tuple(map_node["places"]), geometry
        )
    return tuple(charts), map_spec


def project(geometry: dict, lon: float, lat: float) -> tuple[float, float]:
    """The map's projection (the same as ``scripts/geodata.py``)."""
    west, _south, east, north = geometry["box"]
    cos = math.cos(math.radians(geometry["mid_latitude"]))
    k = geometry["width"] / ((east - west) * cos)
    return round((lon - west) * cos * k, 1), round((north - lat) * k, 1)


def format_number(value: float, lang: str) -> str:
    """``13.2`` → ``13.2`` (en) or ``13,2`` (kk, ru); whole numbers without decimals."""
    text = f"{value:g}" if value != int(value) else str(int(value))
    return text.replace(".", ",") if lang != "en" else text


def bar_rows(chart: Chart, lang: str) -> list[dict]:
    """Geometry and text of each bar, for the template."""
    top = max(bar.value for bar in chart.bars) or 1
    rows = []
    for index, bar in enumerate(chart.bars):
        rows.append(
            {
                "y": 4 + index * 48,
                "width": round(350 * bar.value / top, 1),
                "value": bar.value,
                "text": format_number(bar.value, lang),
                "label": bar.label[lang],
                "target": bar.target,
                "fact": bar.fact.id,
            }
        )
    return rows


def references(chart: Chart) -> list[Reference]:
    """The paragraphs behind a chart, each once, in bar order."""
    seen: dict[str, Reference] = {}
    for bar in chart.bars:
        seen.setdefault(bar.fact.reference.key, bar.fact.reference)
    return list(seen.values())
