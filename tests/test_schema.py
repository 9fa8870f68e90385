"""The schema mechanism and the bounds of YAML loading: each bad input is one InputError with its line."""

from __future__ import annotations

import time
from pathlib import Path

import pytest

from sourcekit import yamlio
from sourcekit.catalogue import load_catalogue
from sourcekit.clean import load_rules
from sourcekit.corrections import load_corrections
from sourcekit.errors import InputError
from sourcekit.labels import load_labels, read_labels
from sourcekit.load import load_seed
from sourcekit.schema import (
    PARAGRAPH_ID,
    SLUG,
    TEXT,
    Boolean,
    Date,
    Either,
    ListOf,
    MapOf,
    Number,
    Record,
    Text,
    Multilingual,
    validate,
)
from sourcekit.translations import load_translations
from sourcekit.yamlio import LineDict, LineList, load_yaml

ROOT = Path(__file__).resolve().parents[1]
NOTE = Record(required={"text": TEXT}, optional={"note": TEXT})


def _yaml(tmp_path: Path, text: str, name: str = "data.yml") -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def _refused(tmp_path: Path, text: str, schema=None, *, name: str = "data.yml") -> InputError:  # noqa: ANN001
    """The one InputError that loading (and validating) ``text`` raises."""
    path = _yaml(tmp_path, text, name)
    with pytest.raises(InputError) as error:
        data = load_yaml(path)
        if schema is not None:
            validate(data, schema, path=path)
    assert error.value.path == path
    assert "\n" not in str(error.value)
    return error.value


def _valid(tmp_path: Path, text: str, schema) -> object:  # noqa: ANN001
    path = _yaml(tmp_path, text)
    data = load_yaml(path)
    validate(data, schema, path=path)
    return data


# --- Records: types, required and unknown keys -----------------------------------------


def test_unknown_key_names_its_line_and_suggests_the_known_one(tmp_path: Path) -> None:
    error = _refused(tmp_path, "text: a translation\nnte: a note\n", NOTE)
    assert (error.line, error.message) == (2, "unknown key 'nte' at the top of the file (did you mean 'note'?)")


def test_unknown_key_far_from_any_lists_the_known_keys(tmp_path: Path) -> None:
    error = _refused(tmp_path, "items:\n  - text: a\n    colour: red\n", Record(required={"items": ListOf(NOTE)}))
    assert (error.line, error.message) == (3, "unknown key 'colour' in an item of 'items' (known keys: text, note)")


def test_missing_key_names_the_line_of_its_mapping(tmp_path: Path) -> None:
    error = _refused(tmp_path, "items:\n  - text: a\n  - note: b\n", Record(required={"items": ListOf(NOTE)}))
    assert (error.line, error.message) == (3, "an item of 'items' needs 'text'")


def test_a_mapping_where_a_list_is_needed(tmp_path: Path) -> None:
    error = _refused(tmp_path, "- a\n- b\n", Record(required={"items": ListOf(TEXT)}))
    assert (error.line, error.message) == (1, "the file must be a mapping with 'items', not a list")


def test_an_empty_file_is_refused_where_a_mapping_is_needed(tmp_path: Path) -> None:
    error = _refused(tmp_path, "# nothing\n", Record(optional={"items": ListOf(TEXT)}))
    assert (error.line, error.message) == (None, "the file is empty; it must be a mapping")


# --- Strings, slugs, paragraph IDs -----------------------------------------------------


@pytest.mark.parametrize(
    ("text", "line", "message"),
    [
        ("text: [a, b]\n", 1, "'text' must be a non-empty string, not a list"),
        ("text: {a: b}\n", 1, "'text' must be a non-empty string, not a mapping"),
        ('text: ""\n', 1, "'text' is empty; it must be a non-empty string"),
        ("text: '   '\n", 1, "'text' is empty; it must be a non-empty string"),
        ("text:\n", 1, "'text' is empty; it must be a non-empty string"),
        ("note: a\ntext: 42\n", 2, "'text' must be a non-empty string, not the number 42"),
    ],
)
def test_text_must_be_a_non_empty_string(tmp_path: Path, text: str, line: int, message: str) -> None:
    error = _refused(tmp_path, text, NOTE)
    assert (error.line, error.message) == (line, message)


def test_a_list_of_strings_refuses_an_empty_one_at_its_line(tmp_path: Path) -> None:
    error = _refused(tmp_path, "variants:\n  - one\n  - ''\n", Record(required={"variants": ListOf(TEXT)}))
    assert (error.line, error.message) == (3, "an item of 'variants' is empty; it must be a non-empty string")


def test_choices_suggest_the_close_one(tmp_path: Path) -> None:
    schema = Record(required={"unit": Text(choices=("count", "people"))})
    error = _refused(tmp_path, "unit: peoples\n", schema)
    assert error.message == "'unit' must be one of count, people, not 'peoples' (did you mean 'people'?)"


@pytest.mark.parametrize("slug", ["Bad Slug/../x", "../x", "x/y", "Upper", "a--b", "-a", "a_b", "a.yml"])
def test_slugs_are_lower_case_words_joined_by_hyphens(tmp_path: Path, slug: str) -> None:
    error = _refused(tmp_path, f"slug: {slug!r}\n", Record(required={"slug": SLUG}))
    assert error.line == 1
    assert error.message == f"'slug' must be lower-case words joined by hyphens (a-z, 0-9), not {slug!r}"


def test_slugs_that_are_valid(tmp_path: Path) -> None:
    assert _valid(tmp_path, "slug: soft-power-2\n", Record(required={"slug": SLUG})) == {"slug": "soft-power-2"}


def test_keys_of_a_mapping_are_checked_at_their_line(tmp_path: Path) -> None:
    schema = Record(required={"blocks": MapOf(PARAGRAPH_ID, NOTE)})
    error = _refused(tmp_path, "blocks:\n  p-abcdef: {text: a}\n  Intro: {text: b}\n", schema)
    assert (error.line, error.message) == (3, "key 'Intro' in 'blocks' must be a paragraph ID like p-1a2b3c")


# --- Texts in the site's languages (mkdocs.yml: en, kk, ru) ----------------------------


@pytest.mark.parametrize(
    ("text", "line", "message"),
    [
        ("title: A title\n", 1, "'title' must be a mapping of en (the site's default language) and any of kk, ru, not the string 'A title'"),
        ("title:\n  kk: b\n  ru: c\n", 2, "'title' needs 'en'"),
        ("title:\n  en: a\n  kk: b\n  ru: c\n  de: d\n", 5, "'de' in 'title' is not a language of the site (the languages of the site: en, kk, ru)"),
        ("title:\n  en: a\n  kk: [b, c]\n  ru: d\n", 3, "'title.kk' must be a non-empty string, not a list"),
    ],
)
def test_a_text_of_the_data_needs_the_default_language_and_no_unknown_one(tmp_path: Path, text: str, line: int, message: str) -> None:
    error = _refused(tmp_path, text, Record(required={"title": Multilingual()}))
    assert (error.line, error.message) == (line, message)


def test_a_text_of_the_data_may_lack_the_other_languages(tmp_path: Path) -> None:
    assert _valid(tmp_path, "title:\n  en: a\n", Record(required={"title": Multilingual()})) == {"title": {"en": "a"}}
    assert _valid(tmp_path, "title:\n  en: a\n  ru: c\n", Record(required={"title": Multilingual()})) == {"title": {"en": "a", "ru": "c"}}


def test_an_interface_text_needs_every_language(tmp_path: Path) -> None:
    error = _refused(tmp_path, "title:\n  en: a\n  kk: b\n", Record(required={"title": Multilingual(needs="every")}))
    assert (error.line, error.message) == (2, "'title' needs 'ru'")
    error = _refused(tmp_path, "title: a\n", Record(required={"title": Multilingual(needs="every")}))
    assert error.message == "'title' must be a mapping of en, kk and ru, not the string 'a'"


# --- Dates and numbers -----------------------------------------------------------------


@pytest.mark.parametrize("date", ["1989-13-45", "2015-02-29", "2017-00", "17", "2017-9", "2017/09", "unknown", "next year"])
def test_dates_must_exist(tmp_path: Path, date: str) -> None:
    error = _refused(tmp_path, f"id: x\ndate: {date}\n", Record(required={"id": TEXT, "date": Date()}))
    assert error.line == 2
    assert error.message == f"'date' must be a real date YYYY, YYYY-MM or YYYY-MM-DD, not {date!r}"


@pytest.mark.parametrize("date", ["2016-02-29", "2017-09", "2017", "2017-12-31"])
def test_real_dates_pass_and_stay_strings(tmp_path: Path, date: str) -> None:
    assert _valid(tmp_path, f"date: {date}\n", Record(required={"date": Date()})) == {"date": date if "-" in date else int(date)}


def test_unknown_date_only_where_allowed(tmp_path: Path) -> None:
    assert _valid(tmp_path, "date: unknown\n", Record(required={"date": Date(unknown=True)})) == {"date": "unknown"}
    assert _valid(tmp_path, "date: 2004\n", Record(required={"date": Date()})) == {"date": 2004}


@pytest.mark.parametrize(
    ("value", "message"),
    [
        ("true", "'value' must be a number, not true"),
        ("'12'", "'value' must be a number, not the string '12'"),
        (".nan", "'value' must be a number, not the number nan"),
        (".inf", "'value' must be a number, not the number inf"),
        ("[1]", "'value' must be a number, not a list"),
    ],
)
def test_numbers_are_finite_and_not_booleans(tmp_path: Path, value: str, message: str) -> None:
    error = _refused(tmp_path, f"value: {value}\n", Record(required={"value": Number()}))
    assert (error.line, error.message) == (1, message)


def test_number_bounds_and_whole_numbers(tmp_path: Path) -> None:
    longitude = Record(required={"lon": Number(minimum=-180, maximum=180)})
    assert _refused(tmp_path, "lon: 181\n", longitude).message == "'lon' must be a number from -180 to 180, not 181"
    answer = Record(required={"answer": Number(integer=True, minimum=0)})
    assert _refused(tmp_path, "answer: 1.5\n", answer).message == "'answer' must be a whole number of at least 0, not the number 1.5"
    assert _refused(tmp_path, "answer: -1\n", answer).message == "'answer' must be a whole number of at least 0, not -1"
    assert _valid(tmp_path, "lon: -12.5\n", longitude) == {"lon": -12.5}


def test_booleans(tmp_path: Path) -> None:
    error = _refused(tmp_path, "target: 'yes'\n", Record(required={"target": Boolean()}))
    assert error.message == "'target' must be true or false, not the string 'yes'"


# --- Either ---------------------------------------------------------------------------

AUTHORS = Record(required={"authors": Either(Text(choices=("unknown",)), ListOf(TEXT, min_items=1), expected="a list of names or 'unknown'")})


def test_either_accepts_each_option(tmp_path: Path) -> None:
    assert _valid(tmp_path, "authors: unknown\n", AUTHORS) == {"authors": "unknown"}
    assert _valid(tmp_path, "authors: [A. Name]\n", AUTHORS) == {"authors": ["A. Name"]}


def test_either_names_all_options_or_the_bad_item(tmp_path: Path) -> None:
    assert _refused(tmp_path, "authors: A. Name\n", AUTHORS).message == (
        "'authors' must be a list of names or 'unknown', not the string 'A. Name'"
    )
    assert _refused(tmp_path, "authors: 3\n", AUTHORS).message == "'authors' must be a list of names or 'unknown', not the number 3"
    error = _refused(tmp_path, "authors:\n  - A. Name\n  - [B, C]\n", AUTHORS)
    assert (error.line, error.message) == (3, "an item of 'authors' must be a non-empty string, not a list")


# --- yamlio: lines, dates, e-mail addresses --------------------------------------------


def test_lines_of_keys_and_items_are_recorded(tmp_path: Path) -> None:
    data = load_yaml(_yaml(tmp_path, "# comment\nname: x\nitems:\n  - a\n\n  - b\nnested:\n  key: 1\n"))
    assert isinstance(data, LineDict) and data.line == 2
    assert data.lines == {"name": 2, "items": 3, "nested": 7}
    assert isinstance(data["items"], LineList) and data["items"].lines == [4, 6]
    assert yamlio.line_at(data["nested"], "key") == 8
    assert yamlio.line_at(data["items"], 5, 99) == 99


def test_dates_are_not_turned_into_date_objects(tmp_path: Path) -> None:
    assert load_yaml(_yaml(tmp_path, "a: 2013-09-07\nb: 1989-13-45\n")) == {"a": "2013-09-07", "b": "1989-13-45"}


def test_email_addresses_are_withheld_in_values_not_keys(tmp_path: Path) -> None:
    data = load_yaml(_yaml(tmp_path, "a@b.example: Write to someone@example.org now\nlist: [x.y@mail.kz]\n"))
    assert data == {
        "a@b.example": "Write to [e-mail address withheld] now",
        "list": ["[e-mail address withheld]"],
    }


# --- yamlio: bounds -------------------------------------------------------------------


def test_anchors_and_aliases_are_refused(tmp_path: Path) -> None:
    error = _refused(tmp_path, "a: 1\nb: &name [x]\nc: *name\n")
    assert (error.line, error.message) == (2, "anchors and aliases (&name, *name) are not allowed in data files; write each value out")


def test_an_alias_bomb_is_refused_at_once(tmp_path: Path) -> None:
    lines = ['a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]']
    for level in range(ord("b"), ord("j") + 1):
        previous = chr(level - 1)
        lines.append(f"{chr(level)}: &{chr(level)} [" + ",".join([f"*{previous}"] * 9) + "]")
    text = "notes:\n" + "\n".join("  " + line for line in lines) + "\n"
    started = time.perf_counter()
    error = _refused(tmp_path, text)
    assert time.perf_counter() - started < 10  # a guard against super-linear work (minutes to hours), not a speed figure: make bench measures speed
    assert error.line == 2 and "anchors and aliases" in error.message


def test_nesting_up_to_the_limit_loads(tmp_path: Path) -> None:
    depth = yamlio.MAX_DEPTH
    assert load_yaml(_yaml(tmp_path, "[" * depth + "]" * depth)) is not None


@pytest.mark.parametrize(
    "text",
    [
        "[" * (yamlio.MAX_DEPTH + 1) + "]" * (yamlio.MAX_DEPTH + 1),
        "[" * 20_000 + "]" * 20_000,
        "a:\n" + "- " * 20_000 + "x\n",
        "{a: " * 300_000 + "x" + "}" * 300_000,  # libyaml's composer would crash at this depth
    ],
    ids=["limit+1", "20000-flow", "20000-block", "300000-flow"],
)
def test_deep_nesting_is_refused(tmp_path: Path, text: str) -> None:
    error = _refused(tmp_path, text)
    assert error.message == f"nested more than {yamlio.MAX_DEPTH} levels deep"
    assert error.line in (1, 2)


def test_a_file_over_the_size_limit_is_refused_unread(tmp_path: Path) -> None:
    path = tmp_path / "big.yml"
    path.write_bytes(b"a: " + b"x" * yamlio.MAX_BYTES)
    with pytest.raises(InputError) as error:
        load_yaml(path)
    assert error.value.message == "is larger than 5,000,000 bytes, the limit for this kind of file"


def test_control_characters_are_refused_with_line_and_column(tmp_path: Path) -> None:
    error = _refused(tmp_path, "a: 1\nb: x\x00y\n")
    assert error.line == 2
    assert error.message.startswith("contains a control character U+0000 at column 5;")
    assert _refused(tmp_path, "a: \x1b[31m\n").message.startswith("contains a control character U+001B at column 4;")


def test_yaml_that_is_not_utf8_names_its_line(tmp_path: Path) -> None:
    path = tmp_path / "data.yml"
    path.write_bytes(b"a: 1\nb: caf\xe9\n")
    with pytest.raises(InputError) as error:
        load_yaml(path)
    assert (error.value.line, error.value.message) == (2, "not valid UTF-8: byte 0xe9 cannot be decoded")


@pytest.mark.parametrize(
    ("text", "line", "start"),
    [
        ("a: 1\nb: " + "9" * 5000 + "\n", 2, "malformed YAML: cannot read this value: Exceeds the limit"),
        ("a: 1\n[x]: 2\n", 2, "a key must be a name, not a list or a mapping"),
        ("a: 1\na: 2\n", 2, "duplicate key 'a'"),
        ("a: !!python/object/apply:os.system [echo]\n", 1, "malformed YAML: could not determine a constructor"),
    ],
)
def test_values_python_cannot_build_are_one_line(tmp_path: Path, text: str, line: int, start: str) -> None:
    error = _refused(tmp_path, text)
    assert error.line == line and error.message.startswith(start), error


# --- Seeds ----------------------------------------------------------------------------


def test_a_form_feed_in_a_seed_is_kept_as_a_page_break(tmp_path: Path) -> None:
    """The reader tells pages apart by the form feed; line numbers stay those of an editor."""
    path = tmp_path / "seed.txt"
    path.write_bytes(b"Page one ends.\n\x0cPage two.\n")
    assert load_seed(path) == "Page one ends.\n\x0cPage two.\n"


def test_a_nul_byte_in_a_seed_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "seed.txt"
    path.write_bytes(b"First line\nSecond\x00 line\n")
    with pytest.raises(InputError) as error:
        load_seed(path)
    assert error.value.line == 2 and error.value.message.startswith("contains a control character U+0000 at column 7")


def test_a_seed_linked_from_outside_its_folder_is_refused(tmp_path: Path) -> None:
    outside = tmp_path / "hostname"
    outside.write_text("secret-host\n", encoding="utf-8")
    (tmp_path / "seeds").mkdir()
    seed = tmp_path / "seeds" / "seed.txt"
    seed.symlink_to(outside)
    with pytest.raises(InputError) as error:
        load_seed(seed)
    assert error.value.message == "is a link to a file outside seeds/; put the file itself in seeds/"
    inside = tmp_path / "seeds" / "other.txt"
    inside.symlink_to(seed.with_name("real.txt"))
    seed.with_name("real.txt").write_text("A text.\n", encoding="utf-8")
    assert load_seed(inside) == "A text.\n", "a link inside the folder is fine"


# --- Every loader validates ------------------------------------------------------------


def test_each_loader_refuses_a_bad_shape(tmp_path: Path) -> None:
    """One broken file per loader: the schema stops each, naming the line."""
    translations = _yaml(tmp_path, "blocks:\n  p-abcdef:\n    fingerprint: '0123456789ab'\n    text: Мәтін\n    nte: x\n")
    with pytest.raises(InputError, match=r":5: unknown key 'nte' in 'blocks.p-abcdef' \(did you mean 'note'\?\)"):
        load_translations(translations)
    corrections = _yaml(tmp_path, "corrections:\n  - find: a\n    replace: b\n    reason: because\n")
    with pytest.raises(InputError, match=r":4: 'corrections.reason' must be a mapping of en \(the site's default language\) and any of kk, ru, not the string"):
        load_corrections(corrections)
    rules = _yaml(tmp_path, "keep_hyphen:\n  - well-known\n  - unhyphenated\n")
    with pytest.raises(InputError, match=r":3: an item of 'keep_hyphen' must be a hyphenated word, not 'unhyphenated'"):
        load_rules(rules)
    labels = _yaml(tmp_path, "a.b: {en: x, kk: y, ru: z}\nc.d: {en: x, kk: y}\n")
    with pytest.raises(InputError, match=r":2: 'c.d' needs 'ru'"):
        load_labels(labels)
    braces = _yaml(tmp_path, "a.b: {en: 'x {', kk: y, ru: z}\n", "braces.yml")
    with pytest.raises(InputError, match=r":1: label 'a.b.en' has a '\{' or '\}'"):
        load_labels(braces)


CATALOGUE_ENTRY = """sources:
  - slug: a-text
    file: {file}
    type: manuscript
    original_language: en
    title:
      en: {{text: A text, origin: source}}
      kk: {{text: Мәтін, origin: editors}}
      ru: {{text: Текст, origin: editors}}
    authors: unknown
    affiliation: unknown
    year: unknown
"""


@pytest.mark.parametrize("file", ["/etc/hostname", "../outside.txt", "sub/a.txt", "sub\\\\a.txt", ".hidden.txt", "a..txt", "a.docx", "C:a.txt"])
def test_a_catalogued_file_is_a_plain_name_in_seeds(tmp_path: Path, file: str) -> None:
    (tmp_path / "seeds").mkdir()
    catalogue = _yaml(tmp_path / "seeds", CATALOGUE_ENTRY.format(file=f'"{file}"'), "catalogue.yml")
    with pytest.raises(InputError) as error:
        load_catalogue(catalogue)
    assert error.value.line == 3
    assert error.value.message.startswith("'sources.file' must be a plain file name in seeds/ ending in .txt, .md or .pdf")


def test_seeds_and_slug_files_are_matched_to_the_catalogue(tmp_path: Path) -> None:
    seeds = tmp_path / "seeds"
    seeds.mkdir()
    catalogue = _yaml(seeds, CATALOGUE_ENTRY.format(file="a.TXT"), "catalogue.yml")
    (seeds / "a.TXT").write_text("A text.\n", encoding="utf-8")
    assert [entry.file for entry in load_catalogue(catalogue)] == ["a.TXT"]

    (seeds / "b.Md").write_text("Another.\n", encoding="utf-8")
    with pytest.raises(InputError, match=r"b\.Md: seed has no entry in catalogue\.yml"):
        load_catalogue(catalogue)
    (seeds / "b.Md").unlink()

    for folder, name, message in (
        ("translations", "ghost.kk.yml", "translation of 'ghost', which is not a catalogued slug; slugs: a-text"),
        ("translations", "a-text.de.yml", "translation into 'de', which is not a language of the site (en, kk, ru)"),
        ("translations", "a-text.yml", "a translation file is named <slug>.<language>.yml, with a slug of: a-text"),
        ("corrections", "ghost.yml", "corrections for 'ghost', which is not a catalogued slug; name the file <slug>.yml after one of: a-text"),
    ):
        (seeds / folder).mkdir(exist_ok=True)
        stray = seeds / folder / name
        stray.write_text("{}\n", encoding="utf-8")
        with pytest.raises(InputError) as error:
            load_catalogue(catalogue)
        assert (error.value.path, error.value.message) == (stray, message)
        stray.unlink()
    (seeds / "translations" / "a-text.kk.yml").write_text("{}\n", encoding="utf-8")
    (seeds / "translations" / ".DS_Store").write_bytes(b"\x00")
    assert load_catalogue(catalogue), "a file for a catalogued slug and language is fine, hidden files are ignored"


@pytest.mark.slow
def test_the_real_data_files_pass_their_schemas() -> None:
    """Every real data file loads: the schemas describe the data as it is."""
    from sourcekit.knowledge import load_knowledge
    from sourcekit.pipeline import ingest

    documents = ingest(ROOT / "seeds")
    knowledge = load_knowledge(ROOT / "seeds", documents)
    assert knowledge.charts and knowledge.map is not None and knowledge.kits
    assert read_labels(ROOT / "hooks" / "data" / "labels.yml").table
