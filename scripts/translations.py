"""Report translation coverage and every translation problem, per seed and language.

    python scripts/translations.py            # coverage and problems; exit 1 if any problem
    python scripts/translations.py --todo     # print the untranslated paragraphs as YAML stubs

Unlike the build, which stops at the first problem, this lists them all.
"""

from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "hooks"))

from sourcekit.catalogue import load_catalogue  # noqa: E402
from sourcekit.clean import load_rules  # noqa: E402
from sourcekit.pipeline import SEEDS_DIR, block_fingerprint, ingest_seed, translation_paths, translation_problems  # noqa: E402
from sourcekit.translation_checks import TARGET_LANGUAGES, coverage, needs_translation  # noqa: E402


def report(*, todo: bool = False) -> int:
    """Print coverage and problems; return the number of problems."""
    rules = load_rules()
    total = 0
    for entry in load_catalogue(SEEDS_DIR / "catalogue.yml"):
        document = ingest_seed(entry, seeds_dir=SEEDS_DIR, rules=rules, strict=False)
        paths = translation_paths(entry, SEEDS_DIR)
        for lang, (done, needed) in coverage(document.blocks, document.translations).items():
            share = 100 * done / needed if needed else 100.0
            print(f"{entry.slug:40} {lang}: {done}/{needed} paragraphs translated ({share:.0f}%)")
        for problem in translation_problems(document, seeds_dir=SEEDS_DIR):
            where = f"{problem.path.relative_to(ROOT)}" + (f":{problem.line}" if problem.line else "")
            print(f"{where}: {problem.message}")
            total += 1
        if todo:
            for lang in TARGET_LANGUAGES:
                for item in document.blocks:
                    if needs_translation(item, lang) and item.block.block_id not in document.translations[lang]:
                        print(f"# {paths[lang].relative_to(ROOT)}")
                        print(f"  {item.block.block_id}:\n    fingerprint: \"{block_fingerprint(item)}\"\n    text: \"\"  # {item.plain[:60]}")
    return total


if __name__ == "__main__":
    sys.exit(1 if report(todo="--todo" in sys.argv) else 0)
