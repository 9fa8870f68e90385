"""The heavier benchmarks: Lighthouse, budgets, the build without the project's hooks, and
how the build time grows with the corpus. Called by ``scripts/bench.py``.
"""

from __future__ import annotations

import gzip
import json
import os
import random
import re
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "scripts"))
sys.path.insert(0, str(ROOT / "tests"))
sys.path.insert(0, str(ROOT / "hooks"))

from conftest import copy_project  # noqa: E402
from gzip_server import serve_gzip  # noqa: E402
from sourcekit.languages import current  # noqa: E402
from sourcekit.pipeline import MAX_SEED_BYTES, MB  # noqa: E402


LIGHTHOUSE = ROOT / "node_modules" / ".bin" / "lighthouse"
# One page of every type (its English address; kk/ and ru/ before it for the other languages).
PAGES = {
    "home": "",
    "theme": "themes/confucius-institutes/",
    "reader": "sources/new-silk-road-soft-power/",
    "reader part": "sources/new-silk-road-soft-power/part-2/",
    "parallel view": "sources/parallel/new-silk-road-soft-power/part-2/",
    "glossary": "glossary/",
    "timeline": "timeline/",
    "data": "data/",
    "classroom": "classroom/",
    "kit": "classroom/belt-and-road/",
    "404": "404.html",
}
LANGUAGES = current().codes  # mkdocs.yml's languages, the default first
CATEGORIES = ("performance", "accessibility", "best-practices", "seo")
BUDGETS = {"theme first view": 90_000, "further page HTML": 25_000, "search index per language": 100_000, "offline zip": 2 * 1024 * 1024}


def gz(data: bytes) -> int:
    """Size in bytes after gzip -9 (mtime 0, so the figure is stable)."""
    return len(gzip.compress(data, compresslevel=9, mtime=0))


def timed_build(project: Path, site: Path, *, strict: bool = True, env: dict | None = None, unset: tuple[str, ...] = ()) -> float:
    command = [sys.executable, "-m", "mkdocs", "build", "--quiet", "--site-dir", str(site)] + (["--strict"] if strict else [])
    environment = dict(os.environ, NO_MKDOCS_2_WARNING="1", SOURCE_DATE_EPOCH="1700000000", **(env or {}))
    for name in unset:  # e.g. a build without SITE_URL, whatever the shell says
        environment.pop(name, None)
    # Python's default: compiled modules are cached in __pycache__ (some sandboxes turn this
    # off, which would make every build compile the hooks again, as no reader's machine does).
    environment.pop("PYTHONDONTWRITEBYTECODE", None)
    start = time.perf_counter()
    subprocess.run(command, cwd=project, env=environment, check=True, capture_output=True)
    return time.perf_counter() - start


DUMP_HOOK = """
import os
from pathlib import Path

import yaml
from mkdocs.plugins import event_priority


@event_priority(-1000)
def on_page_markdown(markdown, page, config, files):
    out = Path(os.environ["SOURCEKIT_DUMP_DIR"]) / page.file.src_uri
    out.parent.mkdir(parents=True, exist_ok=True)
    meta = "---\\n" + yaml.safe_dump(dict(page.meta), allow_unicode=True) + "---\\n\\n" if page.meta else ""
    out.write_text(meta + markdown, encoding="utf-8")
    return markdown
"""


def static_twin(full: Path, bare: Path, dump: Path) -> None:
    """Make ``bare`` the same site as ``full`` without the project's hooks.

    A build of ``full`` with one extra hook, run after all the others, writes every page's
    final Markdown (generated pages included) to ``dump``. ``bare`` gets that Markdown as
    plain files in ``docs/`` and a ``mkdocs.yml`` with no ``hooks:``: the same pages, in the
    same languages, built by MkDocs, Material and i18n alone. The difference in build time
    is what the hooks cost.
    """
    shutil.copytree(full, bare, ignore=shutil.ignore_patterns("site", ".git"))
    (bare / "hooks" / "_dump_markdown.py").write_text(DUMP_HOOK, encoding="utf-8")
    config = bare / "mkdocs.yml"
    text = config.read_text(encoding="utf-8")
    config.write_text(re.sub(r"(\nhooks:\n(?:  - .*\n)+)", r"\1  - hooks/_dump_markdown.py\n", text), encoding="utf-8")
    timed_build(bare, bare / "site", env={"SOURCEKIT_DUMP_DIR": str(dump)})
    shutil.rmtree(bare / "site")
    for page in (bare / "docs").rglob("*.md"):
        page.unlink()
    shutil.copytree(dump, bare / "docs", dirs_exist_ok=True)
    text = re.sub(r"\nhooks:\n(?:  - .*\n)+", "\n", text)
    config.write_text(text.replace("strict: true", "strict: false"), encoding="utf-8")


def baseline(runs: int) -> None:
    print(f"\n== Build with and without the project's hooks ({runs} runs each, alternating)", flush=True)
    with tempfile.TemporaryDirectory() as tmp:
        full = copy_project(Path(tmp) / "full")
        bare = Path(tmp) / "bare"
        static_twin(full, bare, Path(tmp) / "dump")
        # Alternate the two builds, so that both see the same machine (load, caches, clock).
        timings: list[tuple[float, float]] = []
        for _ in range(runs):
            timings.append((timed_build(full, Path(tmp) / "s1"), timed_build(bare, Path(tmp) / "s2", strict=False)))
        with_hooks = statistics.median(pair[0] for pair in timings)
        no_hooks = statistics.median(pair[1] for pair in timings)
        fastest = (min(pair[0] for pair in timings), min(pair[1] for pair in timings))
        pages = sorted(str(p.relative_to(Path(tmp) / "s1")) for p in (Path(tmp) / "s1").rglob("*.html"))
        bare_pages = sorted(str(p.relative_to(Path(tmp) / "s2")) for p in (Path(tmp) / "s2").rglob("*.html"))
        same = "the same pages" if pages == bare_pages else f"{len(bare_pages)} pages, NOT the same"
        print(f"with hooks    median {with_hooks:5.2f} s, fastest {fastest[0]:5.2f} s ({len(pages)} pages)")
        print(f"without hooks median {no_hooks:5.2f} s, fastest {fastest[1]:5.2f} s ({same}: every page's final Markdown as a static file)")
        # The fastest run is the least disturbed by the rest of the machine (as timeit advises);
        # on a shared VM the medians of a few runs can differ by a second from one call to the next.
        print(f"time in hooks {fastest[0] - fastest[1]:5.2f} s; ratio {fastest[0] / fastest[1]:.2f} on the fastest runs "
              f"(budget 1.30), {with_hooks / no_hooks:.2f} on the medians")


def replicate(project: Path, factor: int) -> None:
    """The corpus ×``factor`` in ``project``: each seed copied with its data files (corrections,
    structure hints, translations) under new slugs and file names."""
    seeds = project / "seeds"
    catalogue = (seeds / "catalogue.yml").read_text(encoding="utf-8")
    entries = catalogue.split("\nsources:\n", 1)[1]
    extra = []
    for copy in range(1, factor):
        for seed in ("000_038d1e9ada18b428.txt", "002_69c31a2c818111c0.txt"):
            shutil.copy(seeds / seed, seeds / f"{100 + copy:03d}{seed[3:]}")
        block = entries
        for slug in ("new-silk-road-soft-power", "china-soft-power-central-asia"):
            block = block.replace(f"slug: {slug}", f"slug: {slug}-{copy}")
            for folder in ("corrections", "structure"):
                for path in (seeds / folder).glob(f"{slug}.yml"):
                    shutil.copy(path, path.with_name(f"{slug}-{copy}.yml"))
            for path in (seeds / "translations").glob(f"{slug}.*.yml"):
                shutil.copy(path, path.with_name(path.name.replace(slug, f"{slug}-{copy}")))
        block = re.sub(r"file: \d{3}_", f"file: {100 + copy:03d}_", block)
        extra.append(block)
    (seeds / "catalogue.yml").write_text(catalogue + "".join("\n" + block for block in extra), encoding="utf-8")


def scaling(factors: tuple[int, ...]) -> None:
    print("\n== Build time as the corpus grows (seeds replicated)", flush=True)
    with tempfile.TemporaryDirectory() as tmp:
        for factor in factors:
            project = copy_project(Path(tmp) / f"x{factor}")
            replicate(project, factor)
            count = 2 * factor
            seconds = timed_build(project, Path(tmp) / f"site{factor}")
            print(f"×{factor:<3d} {count:4d} seeds: {seconds:6.2f} s, {seconds / count:5.2f} s per seed", flush=True)


# Words of our own for the synthetic text (never sentences from the real seeds): a made-up
# report on river valleys and their schools, enough variety that the cleaner, the segmenter
# and the language detection do their usual work.
_SYNTHETIC_WORDS = (
    "the valley school keeps a small archive of river maps drawn by pupils over many winters and "
    "each teacher adds notes on the harvest the bridge repairs the new road and the market days "
    "while visitors from the coast bring seeds books and songs that the village council records "
    "in a ledger so that later readers can compare one season with another and see how trade "
    "and learning moved along the old caravan paths between the mountain towns"
).split()
SYNTHETIC_SLUG = "synthetic-size-benchmark"
SYNTHETIC_FILE = "900_synthetic_size_benchmark.txt"


def synthetic_text(size: int, *, seed: int = 1) -> str:
    """A Markdown text of at most (and about) ``size`` bytes, shaped like a long article.

    A title and a byline, then sections (a ``##`` heading every few paragraphs) of
    paragraphs made of random sentences over :data:`_SYNTHETIC_WORDS`, wrapped at about 100
    characters like an extraction; one paragraph in seven has a web address. A numbered
    list of references ends it. Each paragraph carries its own number, so that no two are
    alike (a paragraph ID is a hash of its text).
    """
    rng = random.Random(seed)
    out = ["## A synthetic long text for the size benchmark", "", "Bench Writer", ""]
    written = sum(len(line) + 1 for line in out)
    references = [f"- {n}. Writer {n}. Notes on the valley, volume {n}. https://example.org/notes/{n}/" for n in range(1, 21)]
    reserve = sum(len(line) + 1 for line in references) + 20
    paragraph = 0
    section = 0
    while True:
        chunk = []
        if paragraph % rng.randint(4, 8) == 0:
            section += 1
            chunk += [f"## Section {section}: {' '.join(rng.sample(_SYNTHETIC_WORDS, 3))}", ""]
        paragraph += 1
        sentences = []
        for _ in range(rng.randint(3, 7)):
            words = rng.choices(_SYNTHETIC_WORDS, k=rng.randint(8, 18))
            sentences.append(" ".join(words).capitalize() + ".")
        sentences.insert(rng.randint(0, len(sentences)), f"Note {paragraph} adds {rng.randint(2, 99)} entries.")
        if paragraph % 7 == 0:
            sentences.append(f"See https://example.org/valley/{paragraph}/notes-{rng.randint(1, 999)}.html for the map.")
        chunk += _wrap(" ".join(sentences), width=100) + [""]
        length = sum(len(line) + 1 for line in chunk)
        if written + length > size - reserve:
            break  # the text stays within ``size`` bytes: one at the limit must be accepted
        out += chunk
        written += length
    out += ["## References", ""] + [line for reference in references for line in (reference, "")]
    return "\n".join(out)


def _wrap(text: str, *, width: int) -> list[str]:
    lines, current = [], ""
    for word in text.split(" "):
        if current and len(current) + 1 + len(word) > width:
            lines.append(current + " ")  # the extraction's trailing space: a word ends here
            current = word
        else:
            current = f"{current} {word}" if current else word
    return lines + [current]


def add_synthetic_seed(project: Path, size: int) -> Path:
    """Add a synthetic text of ``size`` bytes to the seeds of ``project`` (a copy) and catalogue it."""
    seeds = project / "seeds"
    path = seeds / SYNTHETIC_FILE
    path.write_text(synthetic_text(size), encoding="utf-8")
    entry = f"""
  - slug: {SYNTHETIC_SLUG}
    file: {SYNTHETIC_FILE}
    type: article-journal
    original_language: en
    title:
      en: {{text: "A synthetic long text", origin: source}}
      kk: {{text: "Синтетикалық ұзын мәтін", origin: editors}}
      ru: {{text: "Синтетический длинный текст", origin: editors}}
    authors: unknown
    affiliation: unknown
    year: unknown
"""
    with (seeds / "catalogue.yml").open("a", encoding="utf-8") as catalogue:
        catalogue.write(entry)
    return path


def measured_build(project: Path, site: Path, *, timeout: float | None = None) -> dict:
    """Build ``project`` once under ``/usr/bin/time -v``: seconds, peak memory, exit code, pages, bytes, last line."""
    command = [sys.executable, "-m", "mkdocs", "build", "--strict", "--quiet", "--site-dir", str(site)]
    environment = dict(os.environ, NO_MKDOCS_2_WARNING="1", SOURCE_DATE_EPOCH="1700000000")
    environment.pop("PYTHONDONTWRITEBYTECODE", None)
    start = time.perf_counter()
    result = subprocess.run(["/usr/bin/time", "-v", *command], cwd=project, env=environment, capture_output=True, text=True, timeout=timeout)
    seconds = time.perf_counter() - start
    peak = re.search(r"Maximum resident set size \(kbytes\): (\d+)", result.stderr)
    cpu = sum(float(value) for value in re.findall(r"(?:User|System) time \(seconds\): ([\d.]+)", result.stderr))
    messages = [line for line in result.stderr.splitlines() if line.strip() and not line.startswith(("\t", "Command "))]
    files = [path for path in site.rglob("*") if path.is_file()] if site.exists() else []
    return {
        "seconds": seconds,
        "cpu_seconds": cpu,
        "peak_mb": int(peak.group(1)) / 1024 if peak else float("nan"),
        "code": result.returncode,
        "pages": sum(1 for path in files if path.suffix == ".html"),
        "site_mb": sum(path.stat().st_size for path in files) / MB,
        "message": messages[-1] if messages else "",
        "stderr": result.stderr,
    }


def text_sizes(sizes_mb: tuple[float, ...], *, source: Path | None = None, lift_limit: bool = False) -> None:
    """Build time and peak memory with one long synthetic text of each size (in MB) added.

    A size above the limit (``MAX_SEED_BYTES``) shows how quickly the build refuses it, or,
    with ``lift_limit``, how the cost grows beyond it (the copy's limit is raised).
    ``source`` is another copy of the project to measure (for a before/after comparison).
    """
    print("\n== One long text: build time and peak memory by its size (synthetic text of our own words)", flush=True)
    limit = "lifted" if lift_limit else f"{MAX_SEED_BYTES / MB:g} MB per text"
    print(f"limit {limit}; budget for a text at the limit: 60 s and 1 GB (peak resident memory, /usr/bin/time -v)")
    print(f"{'text':>8} {'time':>8} {'cpu':>8} {'peak':>9} {'pages':>6} {'site':>9}  result")
    with tempfile.TemporaryDirectory() as tmp:
        for size_mb in sizes_mb:
            project = Path(tmp) / f"mb{size_mb}"
            if source is None:
                copy_project(project)
            else:
                shutil.copytree(source, project, ignore=shutil.ignore_patterns("site", ".cache", "__pycache__"))
            add_synthetic_seed(project, int(size_mb * MB))
            if lift_limit:
                pipeline = project / "hooks" / "sourcekit" / "pipeline.py"
                text = pipeline.read_text(encoding="utf-8")
                pipeline.write_text(re.sub(r"(?m)^MAX_SEED_BYTES = .*$", "MAX_SEED_BYTES = 1 << 40", text), encoding="utf-8")
            site = Path(tmp) / f"site{size_mb}"
            run = measured_build(project, site)
            result = "built" if run["code"] == 0 else f"refused: {run['message'][:110]}"
            print(
                f"{size_mb:6g} MB {run['seconds']:6.1f} s {run['cpu_seconds']:6.1f} s {run['peak_mb']:6.0f} MB "
                f"{run['pages']:6d} {run['site_mb']:6.0f} MB  {result}",
                flush=True,
            )
            shutil.rmtree(project, ignore_errors=True)
            shutil.rmtree(site, ignore_errors=True)


def lighthouse(sites: dict[str, tuple[Path, int]], *, types: list[str] | None = None, langs: tuple[str, ...] = LANGUAGES) -> list[dict]:
    """Lighthouse (mobile) on one page of every type in every language, for each built site
    (``{"with SITE_URL": (site, port), "without SITE_URL": (site, port)}``; each is served on
    its port, which a site built with ``SITE_URL`` names). ``LIGHTHOUSE_RUNS`` runs per page
    (default 3; the median by performance is kept). Prints a table, then every audit that
    cost a point; returns the rows."""
    print("\n== Lighthouse (mobile), served with gzip on 127.0.0.1", flush=True)
    if not LIGHTHOUSE.exists() or not Path("/usr/bin/chromium").exists():
        print("skipped: needs `npm install` (lighthouse) and Debian's chromium")
        return []
    runs = max(1, int(os.environ.get("LIGHTHOUSE_RUNS", "3")))
    chosen = {name: path for name, path in PAGES.items() if not types or name in types}
    print(f"median of {runs} run(s) per page (Lighthouse's scores vary from run to run; the range of performance is shown)")
    rows: list[dict] = []
    for build, (site, port) in sites.items():
        print(f"\n-- built {build}")
        print(f"{'type':14} {'page':48} perf a11y best  seo  transfer  perf range  FCP     LCP     TBT")
        with serve_gzip(site, port):
            for lang in langs:
                for name, page in chosen.items():
                    path = ("" if lang == "en" else f"{lang}/") + page
                    reports = [_lighthouse_report(f"http://127.0.0.1:{port}/{path}") for _ in range(runs)]
                    reports.sort(key=lambda report: report["categories"]["performance"]["score"])
                    report = reports[len(reports) // 2]
                    scores = [round(report["categories"][key]["score"] * 100) for key in CATEGORIES]
                    perf = [round(r["categories"]["performance"]["score"] * 100) for r in reports]
                    transfer = int(report["audits"]["total-byte-weight"]["numericValue"])
                    metrics = [report["audits"][key]["numericValue"] for key in ("first-contentful-paint", "largest-contentful-paint", "total-blocking-time")]
                    print(
                        f"{name:14} /{path:47} {scores[0]:4d} {scores[1]:4d} {scores[2]:4d} {scores[3]:4d} {transfer:9,d}  {min(perf):4d}–{max(perf):<4d}  "
                        f"{metrics[0] / 1000:4.1f} s  {metrics[1] / 1000:4.1f} s  {metrics[2]:4.0f} ms",
                        flush=True,
                    )
                    rows.append({"build": build, "type": name, "path": path, "scores": scores, "transfer": transfer, "lost": _lost_points(report)})
    short = [row for row in rows if min(row["scores"]) < 100]
    print(f"\n{len(rows) - len(short)} of {len(rows)} pages score 100 in all four categories")
    for row in short:
        print(f"  {row['build']}, /{row['path']}: " + "; ".join(row["lost"]))
    return rows


def _lost_points(report: dict) -> list[str]:
    """The audits that cost points, by category: "seo: hreflang (0)"."""
    lost = []
    for key in CATEGORIES:
        category = report["categories"][key]
        if category["score"] == 1:
            continue
        for ref in category["auditRefs"]:
            audit = report["audits"][ref["id"]]
            if ref["weight"] and audit["score"] is not None and audit["score"] < 1:
                lost.append(f"{key}: {ref['id']} ({audit['score']:.2f})")
    return lost


def _lighthouse_report(url: str) -> dict:
    result = subprocess.run(
        [str(LIGHTHOUSE), url, "--chrome-path=/usr/bin/chromium",
         "--chrome-flags=--headless=new --no-sandbox --disable-gpu --disable-background-networking --disable-component-update",
         "--output=json", "--quiet", "--only-categories=performance,accessibility,best-practices,seo"],
        capture_output=True, text=True, timeout=180,
    )
    if result.returncode != 0 or not result.stdout.strip():
        problem = (result.stderr.strip().splitlines() or ["no report"])[-1]
        raise SystemExit(f"bench: Lighthouse failed on {url}: {problem}")
    return json.loads(result.stdout)


def budgets(site: Path, offline_zip: Path | None) -> None:
    print("\n== Budgets", flush=True)
    theme = site / "themes" / "confucius-institutes" / "index.html"
    html = theme.read_bytes()
    assets = [(theme.parent / href.decode()).resolve() for href in re.findall(rb'(?:href|src)="([^"]+\.(?:css|js))"', html)]
    first_view = gz(html) + sum(gz(path.read_bytes()) for path in assets if path.exists())
    largest_page = max((gz(page.read_bytes()), page) for page in site.rglob("*.html") if page != theme)
    indexes = {lang: gz((site / "search" / f"search_index.{lang}.json").read_bytes()) for lang in LANGUAGES}
    rows = [
        ("theme first view (HTML+CSS+JS, gz)", first_view, BUDGETS["theme first view"]),
        (f"largest further page HTML (gz): {largest_page[1].relative_to(site)}", largest_page[0], BUDGETS["further page HTML"]),
    ] + [(f"search index {lang} (gz)", size, BUDGETS["search index per language"]) for lang, size in indexes.items()]
    if offline_zip and offline_zip.exists():
        rows.append(("offline zip", offline_zip.stat().st_size, BUDGETS["offline zip"]))
    for name, value, limit in rows:
        print(f"{name:75} {value:10,d} / {limit:10,d}  {'ok' if value <= limit else 'OVER'}")


def _free_port() -> int:
    sock = socket.socket()
    sock.bind(("127.0.0.1", 0))
    port = sock.getsockname()[1]
    sock.close()
    return port


def lighthouse_sites(tmp: Path, which: tuple[str, ...] = ("with", "without")) -> dict[str, tuple[Path, int]]:
    """The site built with ``SITE_URL`` (the address it is served at) and without, in ``tmp``."""
    sites = {}
    for kind in which:
        port = _free_port()
        site = tmp / f"site-{kind}"
        if kind == "with":
            timed_build(ROOT, site, env={"SITE_URL": f"http://127.0.0.1:{port}/"})
        else:
            timed_build(ROOT, site, unset=("SITE_URL",))
        sites[f"{kind} SITE_URL"] = (site, port)
    return sites


def publish_offline_edition(tmp: Path, sites: list[Path]) -> Path:
    """Build the offline edition into ``tmp/dist`` and put it in each site's ``download/``, as the
    publishing workflow does (the teachers' page links it when it is there); return the folder."""
    offline = tmp / "dist"
    subprocess.run([sys.executable, "scripts/offline.py", "--out", str(offline)], cwd=ROOT, check=True, capture_output=True)
    for site in sites:
        (site / "download").mkdir(exist_ok=True)
        for name in ("soft-power-central-asia-offline.zip", "soft-power-central-asia-offline.zip.sha256"):
            shutil.copy2(offline / name, site / "download" / name)
    return offline


def lighthouse_only(arguments: list[str]) -> None:
    """``python scripts/bench_more.py lighthouse [--types home,404] [--langs kk] [--builds with]``:
    only the Lighthouse table (``LIGHTHOUSE_RUNS=1`` for a quick look)."""
    import argparse

    parser = argparse.ArgumentParser(prog="bench_more.py lighthouse")
    parser.add_argument("--types", help=f"page types, comma-separated (default all: {', '.join(PAGES)})")
    parser.add_argument("--langs", default=",".join(LANGUAGES))
    parser.add_argument("--builds", default="with,without", help="with and/or without SITE_URL")
    options = parser.parse_args(arguments)
    types = options.types.split(",") if options.types else None
    unknown = [name for name in types or [] if name not in PAGES]
    if unknown:
        raise SystemExit(f"unknown page type(s): {', '.join(unknown)}; known: {', '.join(PAGES)}")
    with tempfile.TemporaryDirectory() as tmp:
        sites = lighthouse_sites(Path(tmp), tuple(options.builds.split(",")))
        publish_offline_edition(Path(tmp), [site for site, _port in sites.values()])
        rows = lighthouse(sites, types=types, langs=tuple(options.langs.split(",")))
    if rows and any(min(row["scores"]) < 100 for row in rows):
        raise SystemExit(1)


def main() -> None:
    runs = int(os.environ.get("BENCH_RUNS", "5"))
    with tempfile.TemporaryDirectory() as tmp:
        sites = lighthouse_sites(Path(tmp))
        site = sites["with SITE_URL"][0]
        offline = publish_offline_edition(Path(tmp), [site for site, _port in sites.values()])
        budgets(site, offline / "soft-power-central-asia-offline.zip")
        print(f"offline zip: {(offline / 'soft-power-central-asia-offline.zip').stat().st_size:,d} bytes")
        lighthouse(sites)
    baseline(max(3, runs))
    scaling(tuple(int(x) for x in os.environ.get("BENCH_SCALES", "10,50").split(",")))
    # The largest text the build accepts, and a 10 MB one (refused); BENCH_TEXT_SIZES=1,2,5,10 for more.
    sizes = os.environ.get("BENCH_TEXT_SIZES")
    text_sizes(tuple(float(x) for x in sizes.split(",")) if sizes else (MAX_SEED_BYTES / MB, 10.0))


if __name__ == "__main__":
    if sys.argv[1:2] == ["lighthouse"]:
        lighthouse_only(sys.argv[2:])
    elif sys.argv[1:2] == ["sizes"]:  # only the text sizes: python scripts/bench_more.py sizes 1,2,5,10 [--no-limit]
        arguments = [argument for argument in sys.argv[2:] if argument != "--no-limit"]
        chosen = tuple(float(x) for x in arguments[0].split(",")) if arguments else (MAX_SEED_BYTES / MB, 10.0)
        text_sizes(chosen, lift_limit="--no-limit" in sys.argv)
    else:
        main()
