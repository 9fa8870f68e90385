"""An attacker's copy of the project: injection payloads in every kind of input.

:func:`poison` rewrites a project copy so that every text a contributor can give us (the
catalogue, theme data, glossary, facts, timeline, differences, charts, classroom kits,
translations, a new Markdown seed and a hand-written page citing it) carries markup that
would run script, add attributes, link to ``javascript:``/``data:`` or fetch from another
host if it were ever treated as anything but text, and an e-mail address that must never be
published. The tests build it and look at the result as files and in a browser.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import yaml

# No digits and no "[n]": translations are checked for the numbers and citation markers of
# their original, and the payload must not be what stops the build.
SCRIPT = "<script>alert(document.domain)</script>"
HANDLER = "<img src=x onerror=alert(document.domain)>"
BREAKOUT = '"></title><svg onload=alert(document.domain)>'
ATTR_LIST = '{: autofocus onfocus="alert(document.domain)" tabindex="0" }'
JS_LINK = "[click](javascript:alert(document.domain))"
DATA_LINK = '<a href="data:text/html,<script>alert(document.domain)</script>">data</a>'
REMOTE_IMAGE = "![pixel](http://evil.example/pixel.png)"
EMAIL = "leak.test@evil.example"
PAYLOAD = " ".join((SCRIPT, HANDLER, BREAKOUT, JS_LINK, DATA_LINK, REMOTE_IMAGE, EMAIL, ATTR_LIST))
# What a reader must see, as text, where a payload went.
VISIBLE = "onerror=alert(document.domain)"

NEW_SLUG = "attacker-text"
NEW_FILE = "900_attacker.md"
# A cited paragraph of a real seed whose translations get the payload.
CITED = ("china-soft-power-central-asia", "p-aeec18")


def _load(path: Path) -> Any:
    return yaml.safe_load(path.read_text(encoding="utf-8"))


def _dump(path: Path, data: Any) -> None:
    path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False, width=10_000), encoding="utf-8")


def _poison_trilingual(node: dict, key: str) -> None:
    value = node.get(key)
    if isinstance(value, dict):
        for language in ("en", "kk", "ru"):
            if isinstance(value.get(language), str):
                value[language] = value[language] + " " + PAYLOAD


def _seed_text() -> str:
    """A Markdown seed written for this test, with payloads where an article has text."""
    return (
        f"# An attacker's article about cultural exchange {ATTR_LIST}\n\n"
        f"## Cultural exchange between neighbouring countries {ATTR_LIST}\n\n"
        f"Exchange programmes bring students and teachers together across borders [1]. "
        f"This sentence hides markup: {JS_LINK} {SCRIPT} {HANDLER} {REMOTE_IMAGE} {DATA_LINK}. "
        f"Write to {EMAIL} for details.\n\n"
        f"A second paragraph quotes a citation that is not ours: [@new-silk-road-soft-power#p-983d47] "
        f"and one that does not exist: [@{NEW_SLUG}#p-000000].\n\n"
        "## References\n\n"
        f"- 1. A report on exchange programmes {JS_LINK}.\n"
    )


def poison(project: Path) -> dict[str, str]:
    """Put payloads into every input of ``project``; return facts the tests need
    (``cited``: the new seed's paragraph cited from a hand-written page)."""
    seeds = project / "seeds"

    catalogue = _load(seeds / "catalogue.yml")
    for entry in catalogue["sources"]:
        for language in ("en", "kk", "ru"):
            entry["title"][language]["text"] += " " + PAYLOAD
        entry["affiliation"] = "A university " + PAYLOAD
        entry["notes"] = "Notes " + PAYLOAD
        if isinstance(entry.get("authors"), list):
            for name in entry["authors"]:
                name["family"] += " " + PAYLOAD
                name["given"] = name.get("given", "A.") + " " + PAYLOAD
        entry["container_title"] = "A journal " + PAYLOAD
        entry["publisher"] = "A publisher " + PAYLOAD
        entry["volume"] = "3"
        entry["pages"] = "45-60"
    catalogue["sources"].append(
        {
            "slug": NEW_SLUG,
            "file": NEW_FILE,
            "type": "manuscript",
            "original_language": "en",
            "title": {
                "en": {"text": "An attacker's article " + PAYLOAD, "origin": "source"},
                "kk": {"text": "Шабуылшының мақаласы " + PAYLOAD, "origin": "editors"},
                "ru": {"text": "Статья злоумышленника " + PAYLOAD, "origin": "editors"},
            },
            "authors": [{"family": "Author " + PAYLOAD, "given": "Given " + PAYLOAD}, {"literal": "A body " + PAYLOAD}],
            "genre": {language: "A genre " + PAYLOAD for language in ("en", "kk", "ru")},
            "container_title": "Journal " + PAYLOAD,
            "affiliation": "unknown",
            "year": "unknown",
        }
    )
    _dump(seeds / "catalogue.yml", catalogue)
    (seeds / NEW_FILE).write_text(_seed_text(), encoding="utf-8")

    themes = _load(seeds / "themes.yml")
    for theme in themes["themes"]:
        _poison_trilingual(theme, "title")
        _poison_trilingual(theme, "summary")
    _dump(seeds / "themes.yml", themes)

    for name, key, fields in (
        ("glossary.yml", "terms", ("definition",)),
        ("facts.yml", "facts", ("label", "place")),
        ("timeline.yml", "events", ("text",)),
        ("differences.yml", "differences", ("topic", "note")),
    ):
        data = _load(seeds / name)
        for item in data[key]:
            for field in fields:
                _poison_trilingual(item, field)
            for claim in item.get("claims", []):
                _poison_trilingual(claim, "text")
        _dump(seeds / name, data)

    charts = _load(seeds / "charts.yml")
    for chart in charts.get("charts", []):
        for field in ("title", "note"):
            _poison_trilingual(chart, field)
        for bar in chart.get("bars", []):
            _poison_trilingual(bar, "label")
    _dump(seeds / "charts.yml", charts)

    for kit_path in sorted((seeds / "classroom").glob("*.yml")):
        kit = _load(kit_path)
        for question in kit.get("questions", []):
            _poison_trilingual(question, "text")
        for item in kit.get("quiz", []):
            _poison_trilingual(item, "question")
            _poison_trilingual(item, "explanation")
        _dump(kit_path, kit)

    source, paragraph = CITED
    for language in ("kk", "ru"):
        path = seeds / "translations" / f"{source}.{language}.yml"
        translations = _load(path)
        block = translations["blocks"][paragraph]
        block["text"] += " " + PAYLOAD
        block["note"] = "Translator's note " + PAYLOAD
        _dump(path, translations)

    cited = _translate_new_seed(project)
    page = project / "docs" / "themes" / "soft-power.en.md"
    page.write_text(
        page.read_text(encoding="utf-8") + f"\n\nAn attacker's paragraph is cited here [@{NEW_SLUG}#{cited}].\n",
        encoding="utf-8",
    )
    return {"cited": cited}


def _translate_new_seed(project: Path) -> str:
    """Kazakh and Russian translations of the new seed (payloads in its heading's); return
    the ID of its paragraph with the payload."""
    from sourcekit.catalogue import load_catalogue
    from sourcekit.clean import load_rules
    from sourcekit.pipeline import block_fingerprint, ingest_seed
    from sourcekit.translation_checks import TRANSLATABLE_KINDS

    seeds = project / "seeds"
    entry = next(entry for entry in load_catalogue(seeds / "catalogue.yml") if entry.slug == NEW_SLUG)
    document = ingest_seed(entry, seeds_dir=seeds, rules=load_rules(seeds / "cleaning.yml"), strict=False)
    words = {
        "kk": {
            "heading": "Көрші елдер арасындағы мәдени алмасу туралы",
            "paragraph": "Алмасу бағдарламалары студенттер мен мұғалімдерді біріктіреді [1]. Бұл сөйлемде белгілер жасырылған.",
            "references_heading": "Әдебиеттер",
            "list_item": "Алмасу бағдарламалары туралы есеп.",
        },
        "ru": {
            "heading": "О культурном обмене между соседними странами",
            "paragraph": "Программы обмена объединяют студентов и преподавателей [1]. В этом предложении спрятана разметка.",
            "references_heading": "Литература",
            "list_item": "Отчёт о программах обмена.",
        },
    }
    cited = ""
    for language in ("kk", "ru"):
        blocks = {}
        for item in document.blocks:
            kind = item.block.kind
            if kind not in TRANSLATABLE_KINDS:
                continue
            text = words[language][kind]
            if kind == "heading":
                text += " " + ATTR_LIST
            if kind == "paragraph" and "[1]" not in item.plain:
                text = text.replace(" [1]", "") + f" [@new-silk-road-soft-power#p-983d47] [@{NEW_SLUG}#p-000000]"
            if kind == "paragraph" and "[1]" in item.plain:
                text += " " + PAYLOAD
                cited = item.block.block_id
            blocks[item.block.block_id] = {"fingerprint": block_fingerprint(item), "text": text}
        _dump(seeds / "translations" / f"{NEW_SLUG}.{language}.yml", {"blocks": blocks})
    assert cited, "the new seed's first paragraph was not found"
    return cited
