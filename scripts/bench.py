"""Benchmark: build time, ingest time per seed, page weight and search index size.

Prints its figures as a table; measures, never asserts. Run with ``make bench``.
"""

from __future__ import annotations

import re
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "hooks"))
sys.path.insert(0, str(ROOT / "scripts"))

from sourcekit.catalogue import load_catalogue  # noqa: E402
from sourcekit.clean import load_rules  # noqa: E402
from sourcekit.pipeline import SEEDS_DIR, ingest_seed  # noqa: E402
from bench_more import gz  # noqa: E402
from sourcekit.languages import current  # noqa: E402

RUNS = int(os.environ.get("BENCH_RUNS", "5"))
SITE_LANGUAGES = current()  # mkdocs.yml's languages, the default first
PREFIXES = {code: SITE_LANGUAGES.prefix(code) for code in SITE_LANGUAGES.codes}


def build_once(site: Path, *, clear: Path | None = None) -> float:
    """One build's wall time; ``clear``: a folder removed first (the disk cache)."""
    if clear is not None:
        shutil.rmtree(clear, ignore_errors=True)
    env = dict(os.environ, NO_MKDOCS_2_WARNING="1", SOURCE_DATE_EPOCH="1700000000")
    start = time.perf_counter()
    subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "--quiet", "--site-dir", str(site)],
        cwd=ROOT, env=env, check=True,
    )
    return time.perf_counter() - start


def main() -> None:
    print(f"== Full trilingual build (mkdocs build --strict), {RUNS} runs")
    with tempfile.TemporaryDirectory() as tmp:
        site = Path(tmp) / "site"
        times = []
        for run in range(1, RUNS + 1):
            seconds = build_once(site)
            times.append(seconds)
            print(f"   run {run}/{RUNS}: {seconds:.2f} s", flush=True)
        print(f"build time median: {statistics.median(times):.2f} s")

        print("\n== What the disk cache of the site model saves (.cache/sourcekit/), 3 builds each, alternating")
        cache = ROOT / ".cache" / "sourcekit"
        with_cache, without_cache = [], []
        for _ in range(3):
            without_cache.append(build_once(site, clear=cache))
            with_cache.append(build_once(site))
        saved = statistics.median(without_cache) - statistics.median(with_cache)
        print(f"without the cache median {statistics.median(without_cache):5.2f} s; with it {statistics.median(with_cache):5.2f} s; "
              f"saved {saved:.2f} s a build ({saved / statistics.median(without_cache):.0%})")

        print("\n== Ingest time per seed (load → clean → segment → correct → annotate), median of 5")
        rules = load_rules()
        for entry in load_catalogue(SEEDS_DIR / "catalogue.yml"):
            samples = []
            for _ in range(5):
                start = time.perf_counter()
                document = ingest_seed(entry, seeds_dir=SEEDS_DIR, rules=rules)
                samples.append(time.perf_counter() - start)
            print(f"{entry.slug:40} {statistics.median(samples) * 1000:7.1f} ms  ({len(document.blocks)} blocks)")

        print("\n== HTML per page, gzipped (bytes)")
        pages = sorted(site.rglob("*.html"))
        sizes = []
        for page in pages:
            size = gz(page.read_bytes())
            sizes.append(size)
            print(f"{page.relative_to(site).as_posix():60} {size:8,d}")
        print(f"{'median page':60} {int(statistics.median(sizes)):8,d}")

        print("\n== Search index per language: the manifest a page loads, then shards and chunks on demand")
        index = json.loads((site / "search" / "search_index.json").read_text(encoding="utf-8"))
        for lang, prefix in PREFIXES.items():
            docs = [
                doc for doc in index["docs"]
                if (doc["location"].startswith(prefix) if prefix else not doc["location"].startswith(("kk/", "ru/")))
            ]
            data = json.dumps({"config": index["config"], "docs": docs}, ensure_ascii=False).encode("utf-8")
            manifest = (site / "search" / f"search_index.{lang}.json").read_bytes()
            shards = [gz(path.read_bytes()) for path in (site / "search" / lang).glob("t*.json")]
            chunks = [gz(path.read_bytes()) for path in (site / "search" / lang).glob("d*.json")]
            print(f"{lang}: {len(docs):4d} documents ({gz(data):8,d} gzipped as one file); manifest {gz(manifest):6,d}; "
                  f"{len(shards)} shards, largest {max(shards, default=0):6,d}; {len(chunks)} chunks, largest {max(chunks, default=0):6,d} (gzipped)")

        print("\n== SVG (charts and map) per page, bytes")
        for page in pages:
            figures = b"".join(re.findall(rb"<svg class=\"sk-(?:chart|map)-svg\".*?</svg>", page.read_bytes(), re.S))
            if figures:
                print(f"{page.relative_to(site).as_posix():60} {len(figures):8,d} raw {gz(figures):8,d} gzipped")

        print("\n== A theme page: first view, gzipped (HTML + CSS + JS it loads)")
        theme = site / "themes" / "confucius-institutes" / "index.html"
        html = theme.read_bytes()
        assets = [
            (theme.parent / href.decode()).resolve()
            for href in re.findall(rb'(?:href|src)="([^"]+\.(?:css|js))"', html)
            if not href.startswith(b"http")
        ]
        first_view = gz(html) + sum(gz(path.read_bytes()) for path in assets if path.exists())
        print(f"HTML {gz(html):,d} + {len(assets)} assets = {first_view:,d} bytes")

        print("\n== Translation coverage")
        from translations import report

        report()

        total = sum(path.stat().st_size for path in site.rglob("*") if path.is_file())
        print(f"\n== Site size: {total:,d} bytes on disk")

    import bench_ingest
    import bench_more

    bench_ingest.main()
    bench_more.main()

    import bench_search

    bench_search.main(tuple(int(x) for x in os.environ.get("BENCH_SEARCH_SCALES", "1,50").split(",")))


if __name__ == "__main__":
    main()
