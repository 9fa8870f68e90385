"""Charts, map and open data: drawn from the facts, in three languages, and checkable."""

from __future__ import annotations

import csv
import io
import json
import re
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from sourcekit.charts import chart_value, load_charts
from sourcekit.knowledge import load_knowledge
from sourcekit.pipeline import ingest

# Its fixtures ingest the real seeds (about a second): every test here is slow (and some build).
pytestmark = pytest.mark.slow


ROOT = Path(__file__).resolve().parents[1]
SEEDS = ROOT / "seeds"
PREFIX = {"en": "", "kk": "kk/", "ru": "ru/"}
SVG_NS = "{http://www.w3.org/2000/svg}"


@pytest.fixture(scope="module")
def knowledge():
    return load_knowledge(SEEDS, ingest(SEEDS))


def svgs(html: str) -> list[ET.Element]:
    """Every inline SVG figure of a page, parsed as XML (so it must be well-formed)."""
    return [ET.fromstring(match) for match in re.findall(r"<svg class=\"sk-(?:chart|map)-svg\".*?</svg>", html, re.S)]


def test_at_least_four_charts_and_a_map(knowledge) -> None:
    assert len(knowledge.charts) >= 4
    assert knowledge.map is not None and len(knowledge.map.geometry["countries"]) >= 8


@pytest.mark.build
@pytest.mark.parametrize("lang", ["en", "kk", "ru"])
def test_data_page_charts_equal_the_facts(built_site: Path, knowledge, lang: str) -> None:
    html = (built_site / PREFIX[lang] / "data" / "index.html").read_text(encoding="utf-8")
    figures = svgs(html)
    assert len(figures) == len(knowledge.charts) + 1
    facts = {fact.id: fact for fact in knowledge.facts}
    for chart, svg in zip(knowledge.charts, figures):
        assert svg.get("role") == "img" and svg.get("aria-labelledby")
        assert svg.find(f"{SVG_NS}title").text == chart.title[lang]
        assert svg.find(f"{SVG_NS}desc").text
        bars = svg.findall(f"{SVG_NS}g[@class]")
        bars = [bar for bar in bars if "sk-datum" in bar.get("class").split()]  # a bar, or a dot of a rank
        assert [bar.get("data-fact") for bar in bars] == [bar.fact.id for bar in chart.bars]
        thousands = any(facts[bar.fact.id].unit in ("thousand-people", "people") for bar in chart.bars)
        for element, bar in zip(bars, chart.bars):
            expected = bar.value if bar.fact.unit == "year" else chart_value(facts[bar.fact.id], axis_in_thousands=thousands)
            assert float(element.get("data-value")) == pytest.approx(expected)
            label = element.findall(f"{SVG_NS}text")[0].text
            assert label == bar.label[lang]
    map_svg = figures[-1]
    counts = {g.get("data-fact"): int(g.get("data-value")) for g in map_svg.iter(f"{SVG_NS}g") if g.get("data-fact")}
    assert counts and all(facts[fact_id].value == value for fact_id, value in counts.items())
    names = [text.text for text in map_svg.iter(f"{SVG_NS}text")]
    assert {"en": "Astana", "kk": "Үрімші", "ru": "Бишкек"}[lang] in names
    assert "sk-data-table" in html and html.count("<table") >= len(figures)


@pytest.mark.build
def test_theme_pages_place_their_charts(built_site: Path) -> None:
    html = (built_site / "themes" / "confucius-institutes" / "index.html").read_text(encoding="utf-8")
    assert 'id="chart-ci-by-country"' in html and 'id="chart-ci-worldwide"' in html
    assert 'id="map-central-asia"' in (built_site / "kk" / "index.html").read_text(encoding="utf-8")
    assert 'id="map-central-asia"' in (built_site / "ru" / "themes" / "belt-and-road" / "index.html").read_text(encoding="utf-8")


@pytest.mark.build
@pytest.mark.parametrize("lang", ["en", "kk", "ru"])
def test_downloads_parse_and_match_the_facts(built_site: Path, knowledge, lang: str) -> None:
    data = built_site / "data"
    facts = json.loads((data / f"facts.{lang}.json").read_text(encoding="utf-8"))
    rows = list(csv.DictReader(io.StringIO((data / f"facts.{lang}.csv").read_text(encoding="utf-8-sig"))))
    assert [row["id"] for row in rows] == [row["id"] for row in facts["rows"]] == [fact.id for fact in knowledge.facts]
    by_id = {fact.id: fact for fact in knowledge.facts}
    for row in rows:
        fact = by_id[row["id"]]
        assert float(row["value"]) == pytest.approx(fact.value)
        assert row["label"] == fact.label[lang] and row["evidence"] == fact.reference.evidence
        assert row["paragraph"] == fact.reference.paragraph and row["link"].endswith("#" + fact.reference.paragraph)
        target = built_site / row["link"].split("#")[0] / "index.html"
        assert f'id="{fact.reference.paragraph}"' in target.read_text(encoding="utf-8")
    events = json.loads((data / f"timeline.{lang}.json").read_text(encoding="utf-8"))
    assert [row["id"] for row in events["rows"]] == [event.id for event in knowledge.events]
    timeline_csv = list(csv.DictReader(io.StringIO((data / f"timeline.{lang}.csv").read_text(encoding="utf-8-sig"))))
    assert all(row["evidence"] and row["source"] and row["paragraph"] for row in timeline_csv)


def test_chart_of_an_unknown_fact_fails(tmp_path: Path, knowledge) -> None:
    from sourcekit.errors import InputError

    path = tmp_path / "charts.yml"
    path.write_text(
        "charts:\n  - id: x\n    themes: [soft-power]\n    title: {en: a, kk: a, ru: a}\n    axis: {en: a, kk: a, ru: a}\n"
        "    note: {en: a, kk: a, ru: a}\n    bars:\n      - fact: no-such-fact\n        label: {en: a, kk: a, ru: a}\n",
        encoding="utf-8",
    )
    with pytest.raises(InputError, match="charts.yml:8: chart bar names unknown fact 'no-such-fact'"):
        load_charts(path, facts={fact.id: fact for fact in knowledge.facts}, theme_slugs=[theme.slug for theme in knowledge.themes])
