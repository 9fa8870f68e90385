"""Ingest figures: time per 100 KB of text, each fixture's segmentation counts, a 1 MB text, a 30-page PDF.

    python scripts/bench_ingest.py      # also part of `make bench`

The fixtures are the texts of ``tests/data/ingest/`` (one per common format); the 1 MB text
is made of them, repeated page after page, as one long PDF extraction. Measures, never
asserts.
"""

from __future__ import annotations

import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "hooks"))
sys.path.insert(0, str(ROOT / "tests"))

from ingest_truth import entry_for, fixtures, truth_of  # noqa: E402
from sourcekit.clean import load_rules  # noqa: E402
from sourcekit.pipeline import ingest_seed  # noqa: E402
from sourcekit.report import summary_line  # noqa: E402

KB = 1024


def timed_ingest(path: Path, truth: dict, runs: int = 3) -> tuple[float, object]:
    """Median seconds to ingest ``path`` as a seed of its own (fresh process cache aside)."""
    rules = load_rules()
    samples = []
    document = None
    with tempfile.TemporaryDirectory() as folder:
        seeds = Path(folder)
        (seeds / path.name).write_bytes(path.read_bytes())
        for _ in range(runs):
            start = time.perf_counter()
            document = ingest_seed(entry_for(seeds / path.name, truth), seeds_dir=seeds, rules=rules, strict=False)
            samples.append(time.perf_counter() - start)
    return statistics.median(samples), document


def main() -> None:
    print("\n== Ingest of the fixtures (tests/data/ingest), median of 3")
    per_100kb = []
    for path in fixtures():
        truth = truth_of(path)
        seconds, document = timed_ingest(path, truth)
        size = path.stat().st_size
        per_100kb.append(seconds * 100 * KB / size)
        print(f"{path.name:20} {size / KB:6.1f} KB {seconds * 1000:7.1f} ms  ({seconds * 100 * KB / size * 1000:6.1f} ms per 100 KB)")
        print(f"{'':20} {summary_line(document)}")
    print(f"ingest time per 100 KB, median over the fixtures: {statistics.median(per_100kb) * 1000:.0f} ms")

    # In a fresh process, so that no dictionary answer is cached from the fixtures above.
    import subprocess

    subprocess.run([sys.executable, __file__, "--big"], check=True)
    subprocess.run([sys.executable, __file__, "--pdf"], check=True)


def big() -> None:
    print("\n== A 1 MB text (the PDF fixtures repeated as one long extraction), in a fresh process")
    pages = [path.read_text(encoding="utf-8") for path in fixtures() if truth_of(path)["format"] == "pdf_text"]
    body = ""
    while len(body.encode("utf-8")) < 1000 * KB:
        for page in pages:
            body += page.replace("\f", "") + "\n\f"
    body = body.encode("utf-8")[: 1000 * KB].decode("utf-8", "ignore")
    with tempfile.TemporaryDirectory() as folder:
        big = Path(folder) / "big.txt"
        big.write_text(body, encoding="utf-8")
        seconds, document = timed_ingest(big, {"original_language": "en", "title": "Big"}, runs=1)
        size = big.stat().st_size
        print(f"{size:,d} bytes ingested in {seconds:.2f} s ({seconds * 100 * KB / size * 1000:.0f} ms per 100 KB); {len(document.blocks):,d} blocks")


def long_pdf() -> None:
    """A 30-page PDF (made by scripts/make_test_pdfs.py --long), ingested in a fresh process."""
    import subprocess

    print("\n== A 30-page PDF (scripts/make_test_pdfs.py --long), in a fresh process")
    with tempfile.TemporaryDirectory() as folder:
        pdf = Path(folder) / "long.pdf"
        made = subprocess.run([sys.executable, str(ROOT / "scripts" / "make_test_pdfs.py"), "--long", str(pdf)], capture_output=True, text=True)
        if made.returncode != 0:
            print(f"not measured: {(made.stdout + made.stderr).strip().splitlines()[-1]}")
            return
        seconds, document = timed_ingest(pdf, {"original_language": "ru", "title": "Long"}, runs=1)
        pages = len({item.block.page for item in document.blocks if item.block.page})
        print(f"{pdf.stat().st_size:,d} bytes, {pages} printed pages, ingested in {seconds:.2f} s; {len(document.blocks):,d} blocks")
        print(summary_line(document))


if __name__ == "__main__":
    if "--big" in sys.argv:
        big()
    elif "--pdf" in sys.argv:
        long_pdf()
    else:
        main()
