"""Pack the offline edition into a Kiwix ZIM archive, with full-text search and metadata.

    python scripts/zim.py [--out dist]     (run `make offline` first; `make zim` does both)

Every file of the offline site becomes an entry under its own path, ``index.html`` is the
main page, and the HTML pages are indexed for Kiwix's search. Same inputs, same bytes is
not promised by libzim (it stamps a UUID), so the archive gets its own checksum file.

Kiwix's full-text search (libzim's Xapian index) strips diacritics, so ё = е there already,
but the Kazakh letters (қ ғ ұ ү ә ө і ң һ) are letters of their own. So that a reader who
types «казакстан» on a Russian keyboard finds «Қазақстан» as on the site, each page gets,
in the archive only, a hidden list of its words that have Kazakh letters, written folded
(:func:`folded_words`); the page shows nothing of it. (libzim's ``IndexData``, the other
way to give the indexer more text, dropped words with «ы» from the index in a trial.)
"""

from __future__ import annotations

import argparse
import hashlib
import mimetypes
import re
import struct
import sys
import zlib
from pathlib import Path

from libzim.writer import Creator, FileProvider, Hint, Item, StringProvider

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "hooks"))

from sourcekit.edition import current_edition  # noqa: E402
from sourcekit.languages import current  # noqa: E402

# ZIM metadata names languages by ISO 639-3 code; the site's (mkdocs.yml) are ISO 639-1.
ISO_639_3 = {"en": "eng", "kk": "kaz", "ru": "rus", "ky": "kir", "uz": "uzb", "tg": "tgk", "tk": "tuk", "zh": "zho", "de": "deu", "fr": "fra"}
from sourcekit.search_engine import fold  # noqa: E402

KAZAKH = re.compile(r"[қғұүәөіңһҚҒҰҮӘӨІҢҺ]")
WORD = re.compile(r"[^\W_]+(?:[-'’][^\W_]+)*")


def folded_words(html: str) -> str:
    """The page's words that have Kazakh letters, folded as the site's search folds them, once each."""
    body = html.split("<body", 1)[-1]
    text = re.sub(r"<(script|style|svg)\b.*?</\1>|<[^>]+>", " ", body, flags=re.S)
    words = dict.fromkeys(fold(word) for word in WORD.findall(text) if KAZAKH.search(word))
    return " ".join(words)


def with_folded_words(html: str) -> str:
    """The page with its folded words in a hidden block before ``</body>`` (for Kiwix's index only)."""
    words = folded_words(html)
    if not words or "</body>" not in html:
        return html
    block = f'<div hidden aria-hidden="true" data-search-exclude>{words}</div>'
    return html.replace("</body>", block + "</body>", 1)

ZIM_NAME = "soft-power-central-asia.zim"
MIME = {".html": "text/html", ".js": "application/javascript", ".css": "text/css", ".json": "application/json",
        ".svg": "image/svg+xml", ".png": "image/png", ".xml": "application/xml", ".txt": "text/plain", ".csv": "text/csv"}


class FileItem(Item):
    """One file of the site as a ZIM entry."""

    def __init__(self, site: Path, path: Path) -> None:
        super().__init__()
        self.site, self.path = site, path

    def get_path(self) -> str:
        return self.path.relative_to(self.site).as_posix()

    def get_title(self) -> str:
        if self.path.suffix != ".html":
            return ""
        match = re.search(r"<title>(.*?)</title>", self.path.read_text(encoding="utf-8"), re.S)
        return match.group(1).strip() if match else ""

    def get_mimetype(self) -> str:
        return MIME.get(self.path.suffix) or mimetypes.guess_type(self.path.name)[0] or "application/octet-stream"

    def get_contentprovider(self) -> FileProvider | StringProvider:
        if self.path.suffix == ".html":
            return StringProvider(with_folded_words(self.path.read_text(encoding="utf-8")))
        return FileProvider(str(self.path))

    def get_hints(self) -> dict:
        return {Hint.FRONT_ARTICLE: self.path.suffix == ".html" and self.path.name != "404.html"}


def illustration_png(size: int = 48) -> bytes:
    """A plain 48×48 PNG (the Kiwix library needs an illustration): a red square."""
    row = b"\x00" + bytes((0xC6, 0x28, 0x28)) * size
    raw = row * size

    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))

    header = struct.pack(">IIBBBBB", size, size, 8, 2, 0, 0, 0)
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", zlib.compress(raw, 9)) + chunk(b"IEND", b"")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=ROOT / "dist")
    args = parser.parse_args()
    site = args.out / "offline-site"
    if not (site / "index.html").exists():
        print(f"zim: {site} has no offline site; run `make offline` first", file=sys.stderr)
        return 1
    target = args.out / ZIM_NAME
    target.unlink(missing_ok=True)
    files = sorted(path for path in site.rglob("*") if path.is_file())
    with Creator(str(target)).config_indexing(True, "eng") as creator:
        creator.set_mainpath("index.html")
        creator.add_illustration(48, illustration_png())
        for name, value in {
            "Name": "soft-power-central-asia_mul",
            "Title": "China's soft power in Central Asia",
            "Description": f"Reference in {'/'.join(current().codes)} built from scholarly texts",
            "LongDescription": "A reference on China's soft power in Central Asia for students, teachers and researchers, in English, Kazakh and Russian, with every claim traced to its source paragraph.",
            "Language": ",".join(ISO_639_3.get(code, code) for code in current().codes),
            "Creator": "The editors",
            "Publisher": "The editors",
            "Tags": "_category:other;education;soft power;Central Asia;Kazakhstan",
            "Date": current_edition(offline=True).date,
        }.items():
            creator.add_metadata(name, value)
        for index, path in enumerate(files, start=1):
            creator.add_item(FileItem(site, path))
            if index % 50 == 0 or index == len(files):
                print(f"  added {index}/{len(files)} entries", flush=True)
    digest = hashlib.sha256(target.read_bytes()).hexdigest()
    (args.out / f"{ZIM_NAME}.sha256").write_text(f"{digest}  {ZIM_NAME}\n", encoding="utf-8")
    print(f"{target}: {target.stat().st_size:,d} bytes")
    return 0


if __name__ == "__main__":
    sys.exit(main())
