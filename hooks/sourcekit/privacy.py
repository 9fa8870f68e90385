"""Personal data: e-mail addresses are never published, whatever input file they are in.

Seeds are cut into segments by ``annotate`` (an ``email`` segment is shown as a withheld
notice); every other text that comes from ``seeds/`` (translations, glossary, catalogue,
theme data) passes through :func:`withhold_emails` when its YAML is read, so that no
page, search index, download or offline edition can carry an address.
"""

from __future__ import annotations

import re

from .textutil import detect_language

# Local part, "@", then a domain with at least one dot: what a reader would recognise as an
# address. Obfuscated forms ("name at host dot kz") are left alone: they are not addresses.
# The match starts only where a run of address characters starts, so that a long run without
# "@" costs one pass, not one per character (the lookbehind).
EMAIL = re.compile(r"(?<![\w.+-])[\w.+-]+@[\w-]+(?:\.[\w-]+)+")

# The same words as the interface label ``reader.email_withheld`` (tests keep them equal).
WITHHELD = {
    "en": "[e-mail address withheld]",
    "kk": "[электрондық пошта мекенжайы жарияланбайды]",
    "ru": "[адрес электронной почты не публикуется]",
}


def withhold_emails(text: str) -> str:
    """``text`` with each e-mail address replaced by a notice in the text's own language."""
    if "@" not in text:
        return text
    notice = WITHHELD[detect_language(text)]
    return EMAIL.sub(notice, text)
