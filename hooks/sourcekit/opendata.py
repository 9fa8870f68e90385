"""Open data: the facts and the timeline as CSV and JSON, in each language.

Every row carries its source, paragraph ID, the exact evidence text and a link to the
paragraph in the reader, so that a researcher can check each number.
"""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

from .languages import current
from .model import Knowledge
from .parts import paragraph_path
from .urls import SiteUrls

FACT_FIELDS = ("id", "theme", "label", "value", "unit", "date", "place", "source", "paragraph", "page", "evidence", "link")
EVENT_FIELDS = ("id", "date", "themes", "text", "source", "paragraph", "page", "evidence", "link")


def _reference_fields(reference, lang: str, urls: SiteUrls, base: str, knowledge: Knowledge) -> dict:  # noqa: ANN001 - a knowledge.Reference
    """The columns that trace a row to its source: the paragraph, its printed page in the
    original (where the source shows pages), the evidence and its address
    in the reader of ``lang`` (in the part that shows it)."""
    document = knowledge.sources[reference.source]
    path = paragraph_path(document, reference.paragraph)
    return {
        "source": reference.source,
        "paragraph": reference.paragraph,
        "page": document.by_id()[reference.paragraph].block.page or "",  # printed page in the original, where known
        "evidence": reference.evidence,
        "link": base + urls.page(path, lang) + f"#{reference.paragraph}",
    }


def fact_rows(knowledge: Knowledge, lang: str, *, urls: SiteUrls, base: str = "") -> list[dict]:
    """The facts in ``lang``, one dict per fact with :data:`FACT_FIELDS`."""
    return [
        {
            "id": fact.id,
            "theme": fact.theme,
            "label": fact.label[lang],
            "value": fact.value,
            "unit": fact.unit,
            "date": fact.date,
            "place": fact.place[lang],
            **_reference_fields(fact.reference, lang, urls, base, knowledge),
        }
        for fact in knowledge.facts
    ]


def event_rows(knowledge: Knowledge, lang: str, *, urls: SiteUrls, base: str = "") -> list[dict]:
    """The timeline in ``lang``, one dict per event with :data:`EVENT_FIELDS`."""
    return [
        {
            "id": event.id,
            "date": event.date,
            "themes": " ".join(event.themes),
            "text": event.text[lang],
            **_reference_fields(event.reference, lang, urls, base, knowledge),
        }
        for event in knowledge.events
    ]


def to_csv(rows: list[dict], fields: tuple[str, ...]) -> str:
    """CSV with a header row, UTF-8 friendly (Excel opens it with the BOM the writer adds)."""
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=fields, lineterminator="\r\n")
    writer.writeheader()
    writer.writerows(rows)
    return buffer.getvalue()


def write_open_data(site_dir: Path, knowledge: Knowledge, *, urls: SiteUrls, base: str = "") -> list[Path]:
    """Write ``data/{facts,timeline}.{lang}.{csv,json}`` into ``site_dir``."""
    folder = site_dir / "data"
    folder.mkdir(parents=True, exist_ok=True)
    written = []
    for lang in current().codes:
        for name, rows, fields in (
            ("facts", fact_rows(knowledge, lang, urls=urls, base=base), FACT_FIELDS),
            ("timeline", event_rows(knowledge, lang, urls=urls, base=base), EVENT_FIELDS),
        ):
            csv_path = folder / f"{name}.{lang}.csv"
            csv_path.write_text("\ufeff" + to_csv(rows, fields), encoding="utf-8")
            json_path = folder / f"{name}.{lang}.json"
            json_path.write_text(json.dumps({"fields": list(fields), "rows": rows}, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
            written += [csv_path, json_path]
    return written
