"""Cost limits: rejoining web addresses stays fast at any length, and a text over the size
limit is refused with one line before it is read."""

from __future__ import annotations

import math
import random
import re
import time
from collections.abc import Callable
from pathlib import Path

import pytest
from conftest import run_mkdocs_build

from sourcekit.clean import _URL, repair_urls
from sourcekit.pipeline import MAX_SEED_BYTES, MB


def _slow_drop_repeated_tails(url: str, *, minimum: int = 4) -> str:
    """The first implementation, kept as the reference: plain, and slow on long addresses."""
    scheme_end = url.find("://") + 3
    for end in range(scheme_end + minimum, len(url)):
        head, rest = url[:end], url[end:]
        consumed = 0
        while rest:
            tail = next((head[k:] for k in range(len(head) - minimum + 1) if rest.startswith(head[k:])), None)
            if tail is None:
                break
            rest = rest[len(tail) :]
            consumed += len(tail)
        if consumed >= 2 * minimum and not rest:
            return head
        if consumed >= 2 * minimum and rest and not rest[0].isalnum():
            return head + rest
    return url


def _slow_repair_urls(text: str) -> str:
    return _URL.sub(lambda match: _slow_drop_repeated_tails(match.group(0).replace(". ", ".")), text)


def _address_with_repeats(head: str, starts: list[int], after: str) -> str:
    """``head`` followed by its tails from each of ``starts``, as the PDF extraction wrote them."""
    return head + "".join(head[start:] for start in starts if start < len(head)) + after


def _random_text(rng: random.Random) -> str:
    alphabet = rng.choice(["ab", "ab/", "abc.-/", "a/.", "abcdefgh/-", "aA1/", "a. b/"])
    scheme = rng.choice(["http://", "https://", "http://www. "])
    if rng.random() < 0.5:
        head = "".join(rng.choice(alphabet) for _ in range(rng.randint(0, 20)))
        starts = [rng.randint(0, 20) for _ in range(rng.randint(0, 4))]
        address = _address_with_repeats(head, starts, "".join(rng.choice(alphabet + ").") for _ in range(rng.randint(0, 5))))
    else:
        address = "".join(rng.choice(alphabet) for _ in range(rng.randint(0, 40)))
    return f"see ({scheme}{address}) and"


@pytest.mark.slow
def test_repair_urls_gives_what_the_slow_reference_gives() -> None:
    rng = random.Random(20240601)
    for _ in range(1500):
        text = _random_text(rng)
        assert repair_urls(text) == _slow_repair_urls(text), text


@pytest.mark.slow
def test_repair_urls_gives_what_the_slow_reference_gives_property() -> None:
    hypothesis = pytest.importorskip("hypothesis")
    strategies = hypothesis.strategies

    @strategies.composite
    def texts(draw: strategies.DrawFn) -> str:
        alphabet = draw(strategies.sampled_from(["ab", "ab/.", "abc-/", "aA1/. "]))
        head = draw(strategies.text(alphabet=alphabet, max_size=16))
        starts = draw(strategies.lists(strategies.integers(min_value=0, max_value=16), max_size=4))
        after = draw(strategies.text(alphabet=alphabet + ")", max_size=5))
        scheme = draw(strategies.sampled_from(["http://", "https://", "http://www. "]))
        return f"see {scheme}{_address_with_repeats(head, starts, after)} and"

    @hypothesis.settings(max_examples=400, deadline=None, derandomize=True, database=None)
    @hypothesis.given(texts())
    def check(text: str) -> None:
        assert repair_urls(text) == _slow_repair_urls(text)

    check()


@pytest.mark.slow
def test_a_50000_character_address_is_rejoined_quickly() -> None:
    rng = random.Random(7)
    path = "/".join("".join(rng.choice("abcdefghijklmnopqrstuvwxyz0123456789-_") for _ in range(12)) for _ in range(40))
    head = f"http://www. example. org/{path}/con-"
    starts = []
    while len(_address_with_repeats(head, starts, "")) < 50_000:
        starts.append(rng.randint(7, len(head) - 5))
    address = _address_with_repeats(head, starts, "/index. htm")
    assert len(address) >= 50_000
    start = time.perf_counter()
    repaired = repair_urls(f"(see {address}).")
    assert time.perf_counter() - start < 10.0  # the first implementation: hours (a guard, not a speed figure)
    assert repaired == f"(see {head.replace('. ', '.')}/index.htm)."


@pytest.mark.parametrize(
    "make_address",
    [  # made when the test runs, not when the file is collected
        lambda: "http://" + "".join(random.Random(3).choice("abcdefghij/-.") for _ in range(50_000)),  # no repeats
        lambda: "http://" + "a" * 50_000 + "b",  # repeats everywhere, never a clean end: the worst case
        lambda: "http://" + "".join(random.Random(4).choice("ab") for _ in range(50_000)),
        lambda: "http://x.org/?" + "&".join(f"id={n % 97}" for n in range(8_000)),
    ],
    ids=["plain", "periodic", "binary", "query"],
)
@pytest.mark.slow
def test_any_long_address_is_handled_quickly(make_address: Callable[[], str]) -> None:
    address = make_address()
    start = time.perf_counter()
    repair_urls(address)
    assert time.perf_counter() - start < 15.0  # a guard against super-linear work, not a speed figure


def _add_seed(project: Path, *, size: int) -> Path:
    """Add a catalogued seed of ``size`` bytes to ``project``."""
    seed = project / "seeds" / "900_too_long.txt"
    line = "A plain sentence of the test, long enough to fill the file quickly.\n"
    seed.write_text(line * (size // len(line) + 1), encoding="utf-8")
    with (project / "seeds" / "catalogue.yml").open("a", encoding="utf-8") as catalogue:
        catalogue.write(
            """
  - slug: too-long
    file: 900_too_long.txt
    type: article-journal
    original_language: en
    title:
      en: {text: "Too long", origin: source}
      kk: {text: "Тым ұзын", origin: editors}
      ru: {text: "Слишком длинный", origin: editors}
    authors: unknown
    affiliation: unknown
    year: unknown
"""
        )
    return seed


@pytest.mark.build
def test_a_text_over_the_limit_is_refused_quickly_with_one_line(project_copy: Path, tmp_path: Path) -> None:
    seed = _add_seed(project_copy, size=MAX_SEED_BYTES + 1)
    site = tmp_path / "site"
    start = time.perf_counter()
    result = run_mkdocs_build(project_copy, site)
    seconds = time.perf_counter() - start
    output = result.stdout + result.stderr
    assert result.returncode != 0
    assert "Traceback" not in output
    errors = [line for line in output.splitlines() if "ERROR" in line]
    assert len(errors) == 1, errors
    shown = math.ceil(seed.stat().st_size * 10 / MB) / 10
    assert re.search(
        rf"seeds/{seed.name}: text is {shown:.1f} MB; the limit is {MAX_SEED_BYTES // MB} MB per text \(split it into several texts\)$",
        errors[0],
    ), errors[0]
    assert not (site / "index.html").exists()
    assert seconds < 30, f"refused after {seconds:.1f} s: the text must be refused before it is read"
