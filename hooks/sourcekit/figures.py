"""Figures on a page: the table of key figures, the charts and the map, as accessible HTML and
SVG from templates. Their data (charts, the map's places and outlines) is read and checked by
:mod:`sourcekit.charts`; the facts by :mod:`sourcekit.knowledge`.
"""

from __future__ import annotations

from .charts import CHART_WIDTH, Chart, MapSpec, bar_rows, chart_height, is_rank_chart, project, rank_ticks, references
from .labels import Labels
from .model import Fact, Reference
from .notation import format_date, format_number
from .page_context import PageContext
from .templates import render_template

MAP_LAND_FILE = "assets/maps/central-asia.svg"


def format_value(fact: Fact, lang: str, labels: Labels) -> str:
    """A fact's value with its unit, written the way the language writes numbers; a year
    that its date tells more precisely (2007 of October 2007) is written as that date."""
    if fact.unit == "year" and fact.date != "unknown" and fact.date.split("-")[0] == str(int(fact.value)):
        return format_date(fact.date, lang)
    number = format_number(fact.value, lang, group=fact.unit not in ("year", "rank"))
    return labels.get(f"unit.{fact.unit}", lang, value=number)


def fact_when(fact: Fact, lang: str) -> str:
    """When a fact holds, in the language's words; empty where the value says it already
    (a year) or the source does not say (the table says that once, under it)."""
    if fact.date == "unknown" or fact.unit == "year":
        return ""
    return format_date(fact.date, lang)


def render_facts_table(facts: list[Fact], context: PageContext) -> str:
    """The table of key figures: each fact's label, value, when and where, with its citation."""
    lang, labels = context.lang, context.labels
    rows = [
        {
            "label": fact.label[lang],
            "value": format_value(fact, lang, labels),
            "when": fact_when(fact, lang),
            "date": fact.date,
            "is_date": fact.unit == "year" and fact.date != "unknown",
            "place": fact.place[lang],
            "cite": context.cite(fact.reference),
        }
        for fact in facts
    ]
    undated = any(fact.date == "unknown" and fact.unit != "year" for fact in facts)
    return render_template("key-figures.html", rows=rows, undated=undated, labels=labels, lang=lang)


def render_chart(chart: Chart, context: PageContext) -> str:
    """A bar chart of facts (a dot chart for places in a rating) as an accessible SVG figure."""
    lang, labels = context.lang, context.labels
    rows = bar_rows(chart, lang)
    height = chart_height(chart)
    description = "; ".join(f"{row['label']}: {row['text']}" for row in rows) + f" ({chart.axis[lang]})."
    return render_template(
        "chart.html",
        chart=chart,
        kind="rank" if is_rank_chart(chart) else "bar",
        rows=rows,
        ticks=rank_ticks(chart),
        width=CHART_WIDTH,
        height=height,
        scale_y=height - 30,
        title=chart.title[lang],
        description=description,
        axis=chart.axis[lang],
        note=chart.note[lang],
        cites="".join(context.cite(reference) for reference in references(chart)),
        sources_label=labels.get("chart.sources", lang),
        table_label=labels.get("chart.table", lang),
        label_col=labels.get("figures.figure", lang),
    )


def render_map_land(map_spec: MapSpec) -> str:
    """The map's land layer (country outlines) as a standalone SVG file, the same for every
    language and page: the pages draw their labels over it, so it is fetched (and cached) once
    instead of weighing 20 KB gzipped in every page with the map."""
    shapes = [
        {"path": path, "focus": key in map_spec.countries and key not in ("russia", "mongolia")}
        for key, path in map_spec.geometry["countries"].items()
    ]
    geometry = map_spec.geometry
    return render_template("map-land-svg.html", width=geometry["width"], height=geometry["height"], shapes=shapes) + "\n"


def render_map(context: PageContext) -> str:
    """The map of Central Asia with the places the sources name, as an accessible SVG figure."""
    lang, labels, spec = context.lang, context.labels, context.knowledge.map
    geometry = spec.geometry
    facts = {fact.id: fact for fact in context.knowledge.facts}
    country_labels = []
    for key, country in spec.countries.items():
        x, y = project(geometry, country["lon"], country["lat"])
        fact = facts.get(country.get("fact", ""))
        country_labels.append(
            {
                "key": key,
                "x": x,
                "y": y,
                "name": country["name"][lang],
                "count": int(fact.value) if fact else None,
                "fact": fact.id if fact else "",
                "note": country["note"][lang] if "note" in country else "",
                # the count's circle: under the name unless the data moves it
                "count_x": round(x + country.get("count_dx", 0), 1),
                "count_y": round(y + country.get("count_dy", 19), 1),
            }
        )
    places = []
    for place in spec.places:
        x, y = project(geometry, place["lon"], place["lat"])
        places.append(
            {
                "x": x,
                "y": y,
                "name": place["name"][lang],
                "capital": place.get("capital", False),
                "anchor": place.get("anchor", "start"),
                "dx": place.get("dx", 7),
                "dy": place.get("dy", -6),
            }
        )
    cited: dict[str, Reference] = {}
    for label in country_labels:
        if label["fact"]:
            reference = facts[label["fact"]].reference
            cited.setdefault(reference.key, reference)
    counts = "; ".join(
        f"{label['name']}: {label['count'] if label['count'] is not None else label['note']}"
        for label in country_labels
        if label["count"] is not None or label["note"]
    )
    description = labels.get("map.description", lang, counts=counts, places=", ".join(place["name"] for place in places))
    return render_template(
        "map.html",
        width=geometry["width"],
        height=geometry["height"],
        land_href=context.urls.relative(MAP_LAND_FILE, context.url),
        country_labels=country_labels,
        places=places,
        title=spec.title[lang],
        description=description,
        note=spec.note[lang],
        cites="".join(context.cite(reference) for reference in cited.values()),
        sources_label=labels.get("chart.sources", lang),
        table_label=labels.get("chart.table", lang),
        country_col=labels.get("map.country", lang),
        count_col=labels.get("map.count", lang),
        places_label=labels.get("map.places", lang),
        hint=labels.get("map.scroll_hint", lang),
    )
