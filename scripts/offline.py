"""Build the offline edition and pack it into a reproducible zip with a checksum.

    python scripts/offline.py [--out dist]

The site is built with Material's offline plugin (``OFFLINE=true``), so that it works
from file:// with search. Unused lunr language files are dropped, the files are packed in
a fixed order with fixed dates and permissions, and ``<zip>.sha256`` is written beside it.
Same inputs, same bytes.

``SITE_URL``, the address where the site is published (as for the online build), is not the
offline edition's own address: the edition is built without it (its pages are files, its links
relative) and it is passed on as ``PUBLIC_SITE_URL``, so that "Cite this page" gives each page's
public address (hooks/mkdocs_sourcekit/hand_written.py). Without it the citations say that the address is not known.
"""

from __future__ import annotations

import argparse
import hashlib
import os
import re
import shutil
import sys
import time
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "scripts"))

from build import build, source_date_epoch  # noqa: E402

ZIP_NAME = "soft-power-central-asia-offline.zip"
TOP_FOLDER = "soft-power-central-asia"
# The search index is built for English only (see mkdocs.yml): no lunr language file,
# segmenter or stemmer is ever loaded, so none is shipped. Source maps serve developers only.
# The whole-site search/search_index.json is not read either: from file:// the pages load
# search_index.js, and served over http (Kiwix) they ask for search_index.<lang>.json.
UNUSED = ("assets/javascripts/lunr", "search/search_index.json")
UNUSED_SUFFIXES = (".map",)


def prune(site: Path) -> int:
    """Remove files the offline edition never loads; return the bytes saved."""
    saved = 0
    for relative in UNUSED:
        path = site / relative
        if path.is_dir():
            saved += sum(file.stat().st_size for file in path.rglob("*") if file.is_file())
            shutil.rmtree(path)
        elif path.is_file():
            saved += path.stat().st_size
            path.unlink()
    for path in sorted(site.rglob("*")):
        if path.is_file() and path.name.endswith(UNUSED_SUFFIXES):
            saved += path.stat().st_size
            path.unlink()
    return saved


# Only a server reads the per-language indexes (Kiwix does, from the ZIM archive made
# from the same folder); the zip is opened from file://, where search_index.js serves.
NOT_IN_ZIP = re.compile(r"^search/(search_index\.[a-z]{2}\.json$|[a-z]{2}/)")  # a language's manifest, shards, chunks


def pack(site: Path, target: Path, *, epoch: int) -> None:
    """Write ``site`` into ``target`` as a reproducible zip under :data:`TOP_FOLDER`."""
    stamp = time.gmtime(max(epoch, 315532800))[:6]  # zip dates start in 1980
    files = sorted(
        path for path in site.rglob("*") if path.is_file() and not NOT_IN_ZIP.match(path.relative_to(site).as_posix())
    )
    with zipfile.ZipFile(target, "w", compression=zipfile.ZIP_DEFLATED, compresslevel=9) as archive:
        for index, path in enumerate(files, start=1):
            info = zipfile.ZipInfo(f"{TOP_FOLDER}/{path.relative_to(site).as_posix()}", date_time=stamp)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = 0o644 << 16
            info.create_system = 3
            archive.writestr(info, path.read_bytes(), compresslevel=9)
            if index % 50 == 0 or index == len(files):
                print(f"  packed {index}/{len(files)} files", flush=True)


def offline_environment(environ: dict[str, str]) -> dict[str, str]:
    """The build's environment: ``OFFLINE``, and ``SITE_URL`` passed on as ``PUBLIC_SITE_URL``."""
    env = dict(environ, OFFLINE="true")
    public = env.pop("SITE_URL", "") or env.get("PUBLIC_SITE_URL", "")
    if public:
        env["PUBLIC_SITE_URL"] = public
    return env


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=ROOT / "dist", help="folder for the zip (default: dist/)")
    args = parser.parse_args()
    out: Path = args.out.resolve()
    out.mkdir(parents=True, exist_ok=True)
    epoch = int(os.environ.get("SOURCE_DATE_EPOCH") or source_date_epoch())
    os.environ["SOURCE_DATE_EPOCH"] = str(epoch)
    env = offline_environment(dict(os.environ))
    os.environ.pop("SITE_URL", None)  # build() reads os.environ
    os.environ.update(env)
    site = out / "offline-site"
    print("1/3 building the offline edition (all three languages)…", flush=True)
    public = env.get("PUBLIC_SITE_URL")
    print(f"    citations give the public address {public}" if public else "    SITE_URL unset: citations give no address", flush=True)
    if build(site) != 0:
        return 1
    print(f"2/3 dropping unused files: {prune(site):,d} bytes saved", flush=True)
    print("3/3 packing the zip…", flush=True)
    target = out / ZIP_NAME
    partial = target.with_suffix(".zip.partial")
    pack(site, partial, epoch=epoch)
    partial.replace(target)
    digest = hashlib.sha256(target.read_bytes()).hexdigest()
    (out / f"{ZIP_NAME}.sha256").write_text(f"{digest}  {ZIP_NAME}\n", encoding="utf-8")
    print(f"{target.relative_to(ROOT) if target.is_relative_to(ROOT) else target}: {target.stat().st_size:,d} bytes, sha256 {digest}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
