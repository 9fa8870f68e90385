"""The Markdown reader (``formats/markdown.py``): one draft per block, every line accounted for.

Small inputs for each construct, the security cases (markup in a seed stays text), the real
Markdown seed measured against today's segmentation (same lines, same text, so paragraph IDs
and text do not move), and properties over random Markdown-ish text: the reader never raises,
and every non-blank line is in exactly one draft or one removed line.
"""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from conftest import ROOT
from sourcekit.clean import load_rules, repair_doubled_fragments, repair_urls, unescape_markdown
from sourcekit.drafts import DRAFT_KINDS, Draft, Reading
from sourcekit.formats.markdown import looks_like_markdown, read
from sourcekit.segment import segment
from sourcekit.textutil import fingerprint

MARKDOWN_SEED = ROOT / "seeds" / "002_69c31a2c818111c0.txt"
PDF_SEED = ROOT / "seeds" / "000_038d1e9ada18b428.txt"


def only(text: str) -> Draft:
    """The one draft of ``text`` (which must give exactly one and remove nothing)."""
    reading = read(text)
    assert len(reading.drafts) == 1 and not reading.removed, reading
    return reading.drafts[0]


def texts(text: str) -> list[str]:
    return [draft.text for draft in read(text).drafts]


def assert_every_line_accounted(text: str, reading: Reading) -> None:
    """Every non-blank line in exactly one draft or removed line; blank lines never removed."""
    lines = text.split("\n")
    assert len(reading.id_lines) == len(lines)
    owners = [0] * (len(lines) + 1)
    for draft in reading.drafts:
        assert draft.kind in DRAFT_KINDS
        assert 1 <= draft.start <= draft.end <= len(lines), draft
        assert lines[draft.start - 1].strip() and lines[draft.end - 1].strip(), draft
        assert draft.text.strip(), draft
        if draft.kind == "preformatted":  # code keeps its indentation, not blank lines around it
            assert draft.text.strip("\n") == draft.text
            assert all(line == line.rstrip() for line in draft.text.split("\n")), draft
        else:
            assert draft.text == draft.text.strip(), draft
            assert "\n" not in draft.text and "  " not in draft.text, draft
        for number in range(draft.start, draft.end + 1):
            owners[number] += 1
    for removed in reading.removed:
        assert removed.text == lines[removed.line - 1] and removed.text.strip(), removed
        owners[removed.line] += 1
    for number, line in enumerate(lines, start=1):
        if line.strip():
            assert owners[number] == 1, (number, line, reading)
    assert [draft.start for draft in reading.drafts] == sorted(draft.start for draft in reading.drafts)


# --- Blocks -------------------------------------------------------------------------------


def test_atx_and_setext_headings_with_their_level_and_lines() -> None:
    reading = read("# Top title #\n\n### A *third* level\n\nUnderlined one\n==============\n\nAnd two\n---\n")
    assert [(d.kind, d.level, d.start, d.end, d.text) for d in reading.drafts] == [
        ("heading", 1, 1, 1, "Top title"),
        ("heading", 3, 3, 3, "A third level"),
        ("heading", 1, 5, 6, "Underlined one"),
        ("heading", 2, 8, 9, "And two"),
    ]
    assert not reading.removed


def test_a_paragraph_joins_its_lines_lazy_or_broken_with_one_space() -> None:
    draft = only("First line of it\n   second, indented   a bit  \nthird with a hard break\\\nfourth  \nfifth")
    assert (draft.kind, draft.start, draft.end) == ("text", 1, 5)
    assert draft.text == "First line of it second, indented a bit third with a hard break fourth fifth"


def test_a_block_quotation_is_a_quote_without_its_markers() -> None:
    reading = read("> Someone once said this\n> over two lines,\nand a lazy third.\n\n> > nested too\n")
    assert [(d.kind, d.start, d.end, d.text) for d in reading.drafts] == [
        ("quote", 1, 3, "Someone once said this over two lines, and a lazy third."),
        ("quote", 5, 5, "nested too"),
    ]


def test_a_heading_or_code_inside_a_quotation_keeps_its_own_kind() -> None:
    reading = read("> ## Inside\n> plain words\n>\n>     code here\n")
    assert [(d.kind, d.text) for d in reading.drafts] == [
        ("heading", "Inside"),
        ("quote", "plain words"),
        ("preformatted", "code here"),
    ]
    assert [(r.line, r.reason) for r in reading.removed] == [(3, "markup without text")]


def test_bullet_and_numbered_items_with_marker_number_and_level() -> None:
    text = (
        "- dash item\n* star item\n+ plus item\n\n"
        "7. seventh\n8. eighth\n   wrapped\n\n"
        "1) paren\n   - inner\n     - deeper\n"
    )
    drafts = read(text).drafts
    assert [(d.kind, d.marker, d.number, d.level, d.start, d.end, d.text) for d in drafts] == [
        ("list_item", "-", None, 1, 1, 1, "dash item"),
        ("list_item", "*", None, 1, 2, 2, "star item"),
        ("list_item", "+", None, 1, 3, 3, "plus item"),
        ("list_item", "7.", 7, 1, 5, 5, "seventh"),
        ("list_item", "8.", 8, 1, 6, 7, "eighth wrapped"),
        ("list_item", "1)", 1, 1, 9, 9, "paren"),
        ("list_item", "-", None, 2, 10, 10, "inner"),
        ("list_item", "-", None, 3, 11, 11, "deeper"),
    ]


def test_a_further_paragraph_of_an_item_continues_it_without_a_marker() -> None:
    drafts = read("1. opening paragraph\n\n   more about it\n\n2. next item\n").drafts
    assert [(d.kind, d.marker, d.number, d.level, d.text) for d in drafts] == [
        ("list_item", "1.", 1, 1, "opening paragraph"),
        ("list_item", None, None, 1, "more about it"),
        ("list_item", "2.", 2, 1, "next item"),
    ]


def test_a_paragraph_in_a_quotation_in_a_list_is_a_quote() -> None:
    drafts = read("- item words\n\n  > quoted in the item\n").drafts
    assert [(d.kind, d.level) for d in drafts] == [("list_item", 1), ("quote", None)]


def test_a_bullet_holding_one_numbered_item_is_that_numbered_item() -> None:
    text = "- 1. Author A. First title. City, 2001.\n- 2. Author B. Second title,\n  continued.\n- 10) Tenth.\n"
    drafts = read(text).drafts
    assert [(d.kind, d.number, d.marker, d.level, d.start, d.end, d.text) for d in drafts] == [
        ("list_item", 1, "1.", 1, 1, 1, "Author A. First title. City, 2001."),
        ("list_item", 2, "2.", 1, 2, 3, "Author B. Second title, continued."),
        ("list_item", 10, "10)", 1, 4, 4, "Tenth."),
    ]


def test_a_bullet_holding_a_numbered_list_of_several_items_stays_nested() -> None:
    drafts = read("- 1. one\n  2. two\n").drafts
    assert [(d.number, d.marker, d.level) for d in drafts] == [(1, "1.", 2), (2, "2.", 2)]


def test_fenced_and_indented_code_are_preformatted_lines() -> None:
    text = "```python\n\ndef f():\n    return 1   \n\n```\n\n    indented\n      more\n\n~~~\nnever closed\n"
    reading = read(text)
    assert [(d.kind, d.start, d.end, d.text) for d in reading.drafts] == [
        ("preformatted", 1, 6, "def f():\n    return 1"),
        ("preformatted", 8, 9, "indented\n  more"),
        ("preformatted", 11, 12, "never closed"),
    ]
    assert_every_line_accounted(text, reading)


def test_code_keeps_what_looks_like_markup() -> None:
    code = "*not emphasis* [a](https://x.org) <b>"
    assert only(f"```\n{code}\n```").text == code


def test_a_table_is_preformatted_rows_of_cells() -> None:
    text = (
        "| Country | Institutes |\n|:--------|-----------:|\n"
        "| Kazakhstan | *five* |\n| Kyrgyzstan | 4 |\nlazy row\n"
    )
    draft = only(text)
    assert (draft.kind, draft.start, draft.end) == ("preformatted", 1, 5)
    assert draft.text == "Country | Institutes\nKazakhstan | five\nKyrgyzstan | 4\nlazy row |"


def test_horizontal_rules_are_removed_lines() -> None:
    reading = read("Above.\n\n---\n\n***\n\n_ _ _\n\nBelow.\n")
    assert texts("Above.\n\n---\n\n***\n\n_ _ _\n\nBelow.\n") == ["Above.", "Below."]
    assert [(r.line, r.text, r.reason) for r in reading.removed] == [
        (3, "---", "horizontal rule"),
        (5, "***", "horizontal rule"),
        (7, "_ _ _", "horizontal rule"),
    ]


def test_comments_that_fill_their_lines_are_removed() -> None:
    text = "<!-- a note -->\n\nText.\n\n<!--\nseveral lines\n\nwith a gap\n-->\nAfter it.\n"
    reading = read(text)
    assert [(d.start, d.text) for d in reading.drafts] == [(3, "Text."), (10, "After it.")]
    assert [(r.line, r.reason) for r in reading.removed] == [(line, "comment") for line in (1, 5, 6, 8, 9)]


def test_a_comment_inside_a_line_or_never_closed_stays_as_text() -> None:
    assert texts("Before <!-- aside --> after.\n\n<!-- not closed\nat all\n") == [
        "Before <!-- aside --> after.",
        "<!-- not closed at all",
    ]


def test_link_reference_definitions_are_removed_and_their_links_resolved() -> None:
    reading = read(
        "See [the report][r] and [that].\n\n[r]: https://example.org/report\n   'Its title'\n[that]: ./local.md\n"
    )
    assert [d.text for d in reading.drafts] == ["See [the report](https://example.org/report) and that."]
    assert [(r.line, r.reason) for r in reading.removed] == [
        (3, "link reference definition"),
        (4, "link reference definition"),
        (5, "link reference definition"),
    ]


def test_lines_of_markup_alone_are_removed() -> None:
    text = "-\n\n>\n\n#\n\n```\n```\n\n![](https://example.org/i.png)\n"
    reading = read(text)
    assert reading.drafts == ()
    assert {r.reason for r in reading.removed} == {"markup without text"}
    assert_every_line_accounted(text, reading)


def test_what_lies_deeper_than_the_parser_reads_is_removed_as_too_deep() -> None:
    nested_list = "".join("  " * depth + "- x\n" for depth in range(12))
    text = "> " * 19 + "still read\n\n" + "> " * 25 + "too deep\n" + nested_list
    reading = read(text)
    assert [d.text for d in reading.drafts if d.kind == "quote"] == ["still read"]
    assert [d.level for d in reading.drafts if d.kind == "list_item"] == list(range(1, 10))
    assert [(r.line, r.reason) for r in reading.removed] == [(3, "nested too deeply")] + [
        (line, "nested too deeply") for line in range(13, 16)
    ]
    assert_every_line_accounted(text, reading)


@pytest.mark.slow
def test_emphasis_nested_thousands_deep_is_read_without_recursion() -> None:
    assert only("**" * 3000 + "core" + "**" * 3000).text == "core"
    assert only("*a " * 3000).text == " ".join(["*a"] * 3000)


def test_front_matter_is_not_recognised_but_no_line_is_lost() -> None:
    text = "---\ntitle: Something\n---\n\nBody.\n"
    reading = read(text)
    assert [(d.kind, d.text) for d in reading.drafts] == [("heading", "title: Something"), ("text", "Body.")]
    assert [(r.line, r.reason) for r in reading.removed] == [(1, "horizontal rule")]


# --- Inline text ---------------------------------------------------------------------------


def test_emphasis_goes_and_code_spans_keep_their_content() -> None:
    assert only("Some *light*, **heavy**, _under_ and __double__ words; `x * y` and ``a `b` c``.").text == (
        "Some light, heavy, under and double words; x * y and a `b` c."
    )


def test_web_links_stay_as_markdown_links_and_other_links_become_their_label() -> None:
    text = (
        "Read [the *brief*](https://example.org/brief?a=1&b=2), [old](HTTP://example.org/old), "
        "[mail](mailto:someone@example.org), [page](../other.md), [top](#top) and [empty]()."
    )
    assert only(text).text == (
        "Read [the brief](https://example.org/brief?a=1&b=2), [old](HTTP://example.org/old), "
        "mail, page, top and empty."
    )


def test_a_link_address_is_written_so_that_annotate_reads_it_whole() -> None:
    assert only("[wiki](https://example.org/wiki/Soft_(power))").text == (
        "[wiki](https://example.org/wiki/Soft_%28power%29)"
    )
    assert only("[a page](<https://example.org/two words>)").text == (
        "[a page](https://example.org/two%20words)"
    )
    assert only("[](https://example.org/bare)").text == "https://example.org/bare"
    assert only("[see [1] here](https://example.org/x)").text == "see [1] here (https://example.org/x)"


def test_images_autolinks_entities_and_escapes() -> None:
    text = (
        "![a *small* map](maps/asia.png) <https://example.org/a> <someone@example.org> "
        "&amp; &copy; &#1178; \\# \\[x\\]"
    )
    assert only(text).text == "a small map https://example.org/a someone@example.org & © Қ # [x]"


def test_escaped_asterisks_around_a_line_or_a_word_run_are_emphasis_and_go() -> None:
    assert only("\\*Nur-Sultan, Kazakhstan\\*").text == "Nur-Sultan, Kazakhstan"
    assert only("Where: \\*\\*Almaty city\\*\\* and \\_Astana\\_.").text == "Where: Almaty city and Astana."
    assert only("## **References:**").text == "References:"
    assert only("**UDC 327** ").text == "UDC 327"


def test_escaped_markers_that_wrap_nothing_stay() -> None:
    assert only("\\*Nurai\\_n@example.kz\\*").text == "Nurai_n@example.kz"
    assert only("snake\\_case\\_name and 2 \\* 3 \\* 4 and a\\*b\\*c").text == (
        "snake_case_name and 2 * 3 * 4 and a*b*c"
    )
    assert only("a lone \\* star").text == "a lone * star"
    assert only("\\*open only").text == "*open only"


def test_a_paragraph_broken_in_mid_sentence_is_one_draft() -> None:
    reading = read("The first half of a sentence that\n\n\ncontinues after a page break.\n")
    assert [(d.kind, d.start, d.end, d.text) for d in reading.drafts] == [
        ("text", 1, 4, "The first half of a sentence that continues after a page break.")
    ]


@pytest.mark.parametrize(
    "text",
    [
        "A finished sentence.\n\nlower case start\n",  # the first one ended
        "No ending\n\nCapital start\n",  # the second one starts a sentence
        "No ending\n\n[link](https://example.org) first\n",  # markup first, not a letter
        "- an item\n\nlower case start\n",  # an item is not a broken paragraph
        "No ending\n<!-- note -->\nlower case start\n",  # a removed line between
    ],
)
def test_paragraphs_that_are_not_broken_stay_apart(text: str) -> None:
    assert len(read(text).drafts) == 2


# --- Security: markup in a seed is text -----------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("<script>alert(1)</script>", "<script>alert(1)</script>"),
        ('<div onclick="x()">\nblock\n</div>', '<div onclick="x()"> block </div>'),
        ("Some <b onmouseover=x>bold</b> words", "Some <b onmouseover=x>bold</b> words"),
        ("A heading {: onclick=x }", "A heading {: onclick=x }"),
        ("[x](javascript:alert(1))", "x"),
        ("[x](JaVaScRiPt:alert(1))", "x"),
        ("[x](data:text/html;base64,PHNjcmlwdD4=)", "x"),
        ("![x](http://evil.example/y.png)", "x"),
        ("<javascript:alert(1)>", "javascript:alert(1)"),
        ("&lt;img src=x onerror=y&gt;", "<img src=x onerror=y>"),
    ],
)
def test_html_attribute_lists_and_unsafe_links_come_out_as_plain_text(text: str, expected: str) -> None:
    draft = only(text)
    assert (draft.kind, draft.text) == ("text", expected)
    assert "](" not in draft.text


def test_only_http_and_https_links_keep_their_address() -> None:
    text = (
        "[a](https://ok.example) [b](http://ok.example) "
        "[c](ftp://no.example) [d](file:///etc/passwd) [e](//no.example)"
    )
    assert only(text).text == "[a](https://ok.example) [b](http://ok.example) c d e"


# --- id_lines ------------------------------------------------------------------------------


def test_id_lines_are_the_lines_after_todays_repairs() -> None:
    text = "\\*Place\\*\n\nSee http://www. example. com/a\nwith Вотин-Вотин-\nцева"
    expected = repair_urls(repair_doubled_fragments(unescape_markdown(text))).split("\n")
    assert read(text).id_lines == tuple(expected)
    assert read(text).id_lines[:3] == ("Place", "", "See http://www.example.com/a")


@pytest.mark.slow
@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from([*"\\*_-. :/\nhtpsw#[]()abcВо", "http://", "www. ", "Во-Во-", "\\*"]), max_size=60))
def test_the_id_repairs_never_change_the_count_of_lines(pieces: list[str]) -> None:
    text = "".join(pieces)
    repaired = repair_urls(repair_doubled_fragments(unescape_markdown(text)))
    assert len(repaired.split("\n")) == len(text.split("\n"))


def test_a_carriage_return_does_not_shift_the_lines() -> None:
    text = "One\rline.\n\nNext\r\n"
    reading = read(text)
    assert [(d.start, d.end, d.text) for d in reading.drafts] == [(1, 1, "One line."), (3, 3, "Next")]
    assert_every_line_accounted(text, reading)


# --- The real Markdown seed ---------------------------------------------------------------


def test_the_markdown_seed_keeps_todays_lines_and_text() -> None:
    """Each block that today's segmentation finds has a draft with the same lines and text."""
    text = MARKDOWN_SEED.read_text(encoding="utf-8")
    reading = read(text)
    drafts = {(draft.start, draft.end): draft for draft in reading.drafts}
    blocks = segment(text, rules=load_rules())
    assert len(blocks) == len(reading.drafts) == 22
    for block in blocks:
        draft = drafts.get((block.line, block.end_line))
        assert draft is not None, block
        assert draft.text == block.text, (block, draft)
        # The ID is a hash of the draft's id_lines: the same as today's.
        id_text = "\n".join(reading.id_lines[draft.start - 1 : draft.end])
        assert block.block_id == f"p-{fingerprint(id_text, length=6)}", block
    assert reading.id_lines == tuple(repair_urls(repair_doubled_fragments(unescape_markdown(text))).split("\n"))
    assert_every_line_accounted(text, reading)


def test_the_markdown_seed_reads_as_its_structure() -> None:
    drafts = read(MARKDOWN_SEED.read_text(encoding="utf-8")).drafts
    assert [(d.kind, d.level, d.text) for d in drafts if d.kind == "heading"] == [
        ("heading", 2, "SOFT POWER OF CHINA IN CENTRAL ASIA"),
        ("heading", 2, "References:"),
    ]
    references = [d for d in drafts if d.kind == "list_item"]
    assert [(d.number, d.marker, d.level) for d in references] == [(n, f"{n}.", 1) for n in range(1, 6)]
    assert "kazakhstan_china_interview_yerzhan_kerimbay" in references[3].text
    assert {d.kind for d in drafts} == {"text", "heading", "list_item"}


# --- looks_like_markdown -------------------------------------------------------------------


def test_the_seeds_are_told_apart() -> None:
    assert looks_like_markdown(MARKDOWN_SEED.read_text(encoding="utf-8"))
    assert not looks_like_markdown(PDF_SEED.read_text(encoding="utf-8"))


@pytest.mark.parametrize(
    "text",
    [
        "## A heading\n\nText.",
        "Text with an escaped \\* star.",
        "See [the site](https://example.org).",
        "```\ncode\n```",
        "**UDC 327**\n\nText.",
        "| a | b |\n|---|---|\n| 1 | 2 |",
    ],
)
def test_markdown_is_recognised(text: str) -> None:
    assert looks_like_markdown(text)


@pytest.mark.parametrize(
    "text",
    [
        "1. Introduction\n\nThe study of soft power began.\n2. Method",
        "- first point of the list \n- second point\n",
        "> an e-mail reply quoted\n",
        "Price: 5 * 3 = 15, see [1] and (2).\n#hashtag",
        "Reference [Electronic resource]//.-URL: https://example.org/a_b",
    ],
)
def test_text_extracted_from_a_pdf_is_not_taken_for_markdown(text: str) -> None:
    assert not looks_like_markdown(text)


# --- Properties ------------------------------------------------------------------------------

_FRAGMENTS = [
    "", " ", "text", "lower words", "Sentence.", "# Heading", "###### six", "#", "Title", "=====", "---", "***",
    "- item", "* item", "+ item", "-", "1. one", "2) two", "- 1. ref", "- 2. ref", "> quote", ">", "> > deep",
    "```", "~~~", "```py", "    code", "\tcode", "| a | b |", "|---|---|", "| 1 |", "<!-- c -->", "<!--", "-->",
    "[r]: https://example.org", "[x][r]", "[x](https://a.org)", "[x](javascript:alert(1))", "![i](http://e/i.png)",
    "<https://a.org>", "<div>", "</div>", "\\*esc\\*", "**strong**", "*em*", "_u_", "`code`", "&amp;", "text\\",
    "text  ", "{: onclick=x }", "\u00a0", "\r", "  lazy", "   - nested", "      - deeper",
]
_PREFIXES = ["", "", "", "  ", "    ", "> ", "- ", "1. ", "> - ", "- > ", "   "]
_LINE = st.one_of(
    st.sampled_from(_FRAGMENTS),
    st.tuples(st.sampled_from(_PREFIXES), st.sampled_from(_FRAGMENTS)).map("".join),
    # deeper than the parser reads (MAX_NESTING)
    st.tuples(st.sampled_from(_PREFIXES), st.integers(2, 25), st.sampled_from(_FRAGMENTS)).map(
        lambda parts: parts[0] * parts[1] + parts[2]
    ),
    st.text(alphabet=st.sampled_from(list("#>-*_+`~|[]()!<>\\:=. \taq1Қ")), max_size=12),
)


@pytest.mark.slow
@settings(max_examples=500, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(_LINE, max_size=30).map("\n".join))
def test_every_line_of_markdownish_text_is_in_one_draft_or_removed(text: str) -> None:
    assert_every_line_accounted(text, read(text))


@pytest.mark.slow
@settings(max_examples=200, deadline=None)
@given(st.text(max_size=200))
def test_any_text_is_read_without_an_error(text: str) -> None:
    assert_every_line_accounted(text, read(text))


def test_the_reading_is_a_pure_function_of_the_text() -> None:
    """A reader is a pure function of the text: the same text, the same reading."""
    text = MARKDOWN_SEED.read_text(encoding="utf-8")
    assert read(text) == read(text)
