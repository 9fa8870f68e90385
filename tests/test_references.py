"""Reference lists and citation markers (``sourcekit.references``).

The example lists are written for these tests (invented authors and titles) and laid out as
the PDF extraction leaves them: wrapped lines with trailing spaces, a word hyphenated at a
line end, a web address broken at a hyphen, a blank line at a page break inside an entry.
Table-driven cases cover every marker form in English, Russian and Kazakh text, and what
must not be taken for a marker; property tests check that nothing raises, spans stay in
bounds and apart, targets are entries, no line of a list is lost, and hostile input stays
fast.
"""

from __future__ import annotations

import random
import time
from functools import partial

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from sourcekit.clean import CleaningRules, join_hyphenated
from sourcekit.dehyphen import Vocabulary
from sourcekit.references import (
    Citation,
    Entry,
    entry_start,
    find_citations,
    protected_spans,
    split_entries,
)


def numbered(text: str, *, first: int = 1) -> list[tuple[int, str]]:
    """``text`` as the ``(line number, raw line)`` pairs that split_entries reads."""
    return list(enumerate(text.split("\n"), start=first))


def summary(entries: list[Entry]) -> list[tuple[int, int, int, tuple[str, ...], str | None]]:
    return [(entry.number, entry.start, entry.end, entry.authors, entry.year) for entry in entries]


# ----------------------------------------------------------------------------------------
# entry_start
# ----------------------------------------------------------------------------------------

ENTRY_STARTS = [
    ("1. Nye, J. S. Soft power.", (1, "Nye, J. S. Soft power.")),
    ("12) Шамбо Д. Китай.", (12, "Шамбо Д. Китай.")),
    ("[3] Morrow, J. Title.", (3, "Morrow, J. Title.")),
    ("[14]Morrow, J. Title.", (14, "Morrow, J. Title.")),
    ("- 1. Кошкар-оол А.А. Мягкая сила.", (1, "Кошкар-оол А.А. Мягкая сила.")),
    ("* 2. Nye, J. Title.", (2, "Nye, J. Title.")),
    ("• 5. Әбдіқадыров Т. Тақырып.", (5, "Әбдіқадыров Т. Тақырып.")),
    ("   7. Най Дж. Гибкая сила.   ", (7, "Най Дж. Гибкая сила.")),
    ("1.Кошкар-оол А.А.«Мягкая сила»", (1, "Кошкар-оол А.А.«Мягкая сила»")),
    ("2.«Жібек жолы» жобасы", (2, "«Жібек жолы» жобасы")),
    ("3\\. Escaped Markdown, A. Title.", (3, "Escaped Markdown, A. Title.")),
    ("4.", (4, "")),
    ("[4]", (4, "")),
    ("- Nye, J. S. (2004). Soft power.", (None, "Nye, J. S. (2004). Soft power.")),
    ("• Най Дж. Гибкая сила.", (None, "Най Дж. Гибкая сила.")),
]

NOT_ENTRY_STARTS = [
    "1 Nye, J. S. Soft power.",  # a bare number is too risky on its own
    "1.5 million students",
    "2.3. Methods",
    "2019. – 245 с.",
    "1945) was the year",
    "12 наурыз.",
    "– 245 с.",
    "- 245 p.",
    "Nye, J. S. (2004).",
    "",
    "   ",
]


@pytest.mark.parametrize(("line", "expected"), ENTRY_STARTS)
def test_entry_start_recognises_every_numbered_form(line: str, expected: tuple[int | None, str]) -> None:
    assert entry_start(line) == expected


@pytest.mark.parametrize("line", NOT_ENTRY_STARTS)
def test_entry_start_refuses_what_only_looks_numbered(line: str) -> None:
    assert entry_start(line) is None


# ----------------------------------------------------------------------------------------
# split_entries: numbered lists
# ----------------------------------------------------------------------------------------

NUMBERED_EN = """[1] Tulegenova, A. K. Bridges and Classrooms: Chinese Language Teaching in the Steppe. Almaty: 
Kestel Press, 2018. 204 p. 
[2] Marlow, P., Quan, L. Scholarships as diplomacy: reading the admission statistics of Chinese 

universities. Journal of Eurasian Exchange, 2019, vol. 4, no. 2, pp. 11–29. 
[3] Dunmore, R. Loans, Ports and Perceptions. London: Harrow & Finch, 2016. 310 p. 
[4] Open Steppe Data Initiative. Public Attitudes to Neighbours: a Survey. Available at: 
https://example.org/surveys/public-attitudes-
to-neighbours-2020 (accessed 3 March 2021). 

[5] Sadykova, Zh. T. Media narratives of partnership: a compara-
tive study of news sites. Central Asian Media Review, 2021, no. 3, pp. 40–58. """


def test_numbered_list_in_brackets_as_pdf_extraction_leaves_it() -> None:
    entries = split_entries(numbered(NUMBERED_EN, first=101))
    assert summary(entries) == [
        (1, 101, 102, ("tulegenova",), "2018"),
        (2, 103, 105, ("marlow", "quan"), "2019"),
        (3, 106, 106, ("dunmore",), "2016"),
        # No year outside its address: the access date's is the first printed.
        (4, 107, 109, (), "2021"),
        (5, 111, 112, ("sadykova",), "2021"),
    ]
    assert entries[0].text == (
        "Tulegenova, A. K. Bridges and Classrooms: Chinese Language Teaching in the Steppe. Almaty: "
        "Kestel Press, 2018. 204 p."
    )
    # The page break inside entry 2 is joined with one space.
    assert "of Chinese universities. Journal" in entries[1].text
    # A web address broken at its own hyphen is rejoined with the hyphen and no space.
    assert "https://example.org/surveys/public-attitudes-to-neighbours-2020 (accessed" in entries[3].text
    # A word broken at a line end keeps its hyphen (undoing it needs the document's vocabulary).
    assert "a compara-tive study" in entries[4].text


def test_a_rejoin_function_undoes_hyphenation_the_project_way() -> None:
    vocabulary = Vocabulary.of("This is a comparative view.")
    rejoin = partial(join_hyphenated, vocabulary=vocabulary, rules=CleaningRules(keep_hyphen=frozenset()))
    entries = split_entries(numbered(NUMBERED_EN), rejoin_hyphenated=rejoin)
    assert "a comparative study of news sites." in entries[4].text
    # Addresses are never handed to it.
    assert "public-attitudes-to-neighbours-2020" in entries[3].text


NUMBERED_KK_MARKDOWN = """- 1. Жұмабаев Е.С. Қытай тілін оқытудың өңірлік ерекшеліктері // Шығыстану хабаршысы. – 2020. – № 2. – 
Б. 15–27.
- 2. Оразбекқызы Д. Мәдени дипломатия және жастар. – Алматы: Білім, 2017. – 180 б.
- 3. Ли Вэй. Жібек жолы белдеуінің гуманитарлық өлшемі [Электрондық ресурс]. – URL: https://example.kz/humanitarian-
dimension (қаралған күні: 10.01.2022)."""


def test_numbered_markdown_list_in_kazakh() -> None:
    entries = split_entries(numbered(NUMBERED_KK_MARKDOWN))
    assert summary(entries) == [
        (1, 1, 2, ("жұмабаев",), "2020"),
        (2, 3, 3, ("оразбекқызы",), "2017"),
        (3, 4, 5, ("вэй", "ли"), "2022"),  # given name and surname: both are kept
    ]
    assert entries[0].text.endswith("– № 2. – Б. 15–27.")
    assert "https://example.kz/humanitarian-dimension (қаралған" in entries[2].text


NUMBERED_RU_PARENTHESES = """1) Ахметова Р.Н. Образовательная миграция из Казахстана в Китай. – Астана: Елорда, 2019. – 
210 с.
2) Ким В.П., Серикбаев О.Т. Институты Конфуция: десять лет спустя // Вестник евразийских исследований. – 2021. – Вып.
12. – С. 33–48.
3)
Лю Ц. Китайская культура в Центральной Азии. – Пекин, 2015. – 96 с.
5) Орлова Е.А. Пропущенный номер. – М., 2010. – 50 с."""


def test_numbered_list_with_parentheses_a_number_alone_and_a_skipped_number() -> None:
    entries = split_entries(numbered(NUMBERED_RU_PARENTHESES))
    assert summary(entries) == [
        (1, 1, 2, ("ахметова",), "2019"),
        # "12. – С. 33–48." continues entry 2: 12 does not follow 2.
        (2, 3, 4, ("ким", "серикбаев"), "2021"),
        (3, 5, 6, ("лю",), "2015"),
        (5, 7, 7, ("орлова",), "2010"),
    ]
    assert entries[2].text.startswith("Лю Ц. Китайская культура")


def test_bare_numbers_count_only_in_sequence_before_an_author() -> None:
    lines = numbered("1 Nye, J. S. Soft Power. New York, 2004.\n2 Shambaugh, D. China Goes Global. Oxford,\n2013.\n3 Abenova, S. Roads. Almaty, 2019.")
    assert summary(split_entries(lines)) == [
        (1, 1, 1, ("nye",), "2004"),
        (2, 2, 3, ("shambaugh",), "2013"),
        (3, 4, 4, ("abenova",), "2019"),
    ]


# ----------------------------------------------------------------------------------------
# split_entries: unnumbered lists
# ----------------------------------------------------------------------------------------

UNNUMBERED_APA = """Abdrakhmanova, G., & Feld, T. (2019). Tuition as outreach: Chinese government scholarships  
in Kazakhstan. Asian Education Studies, 12(3), 201–219.  
Brennan, K. (2016a). The quiet magnet: Culture and credit in Beijing's western policy.  
Harlow House.  
Brennan, K. (2016b). Soft power reconsidered. Policy Notes, 8, 1–9.  
Okonkwo, D. L., Sato, M., & Villiers, P. (2021). Counting classrooms: A census of  
Confucius Institutes. https://doi.org/10.5555/count-
classrooms.2021  
van Houten, E. (2018). Images of the neighbour. In R. Lind (Ed.),  
Perception and policy (pp. 45–67). Northgate.  

Steppe Research Council. (2022). Annual survey of public opinion. SRC.  """


def test_unnumbered_apa_list_in_english() -> None:
    entries = split_entries(numbered(UNNUMBERED_APA))
    assert summary(entries) == [
        (1, 1, 2, ("abdrakhmanova", "feld"), "2019"),
        (2, 3, 4, ("brennan",), "2016a"),
        (3, 5, 5, ("brennan",), "2016b"),
        (4, 6, 8, ("okonkwo", "sato", "villiers"), "2021"),
        (5, 9, 10, ("van houten",), "2018"),
        (6, 12, 12, ("steppe research council",), "2022"),
    ]
    assert entries[3].text.endswith("Confucius Institutes. https://doi.org/10.5555/count-classrooms.2021")
    assert entries[4].text == (
        "van Houten, E. (2018). Images of the neighbour. In R. Lind (Ed.), Perception and policy (pp. 45–67). Northgate."
    )


UNNUMBERED_GOST = """Бекова С.Р. Китайские гранты и университеты региона. – Бишкек: Илим, 2017. – 
156 с. 
Громов А. В., Танатарова Л. К. Мягкая сила в сравнительной перспективе // 
Политическая наука. – 2020. – № 4. – С. 77–95. 
Культурные центры КНР в Центральной Азии: справочник / А. Н. Фомин, Е. Б. Жаксылык. – 
М.: Восток, 2019. – 88 с. 
Министерство образования и науки. Статистика академической мобильности. – URL: https://example.kz/stat/mobility-
2021 (дата обращения: 14.02.2022). 
Отчёт о сотрудничестве в сфере образования. – URL: https://example.org/report (дата обращения: 01.03.2022). 

Черных И. Ю. Язык, образование, влияние. – Алматы, 
2018. – 200 с.
Дж. Най. Гибкая сила. – Новосибирск, 2006. – 222 с."""


def test_unnumbered_gost_list_in_russian() -> None:
    entries = split_entries(numbered(UNNUMBERED_GOST))
    assert summary(entries) == [
        (1, 1, 2, ("бекова",), "2017"),
        (2, 3, 4, ("громов", "танатарова"), "2020"),
        # Title first: its authors are read from the statement of responsibility.
        (3, 5, 6, ("фомин", "жаксылык"), "2019"),
        (4, 7, 8, (), "2022"),  # the year in the address is not a printed year
        (5, 9, 9, (), "2022"),
        (6, 11, 12, ("черных",), "2018"),
        (7, 13, 13, ("най",), "2006"),
    ]
    assert "https://example.kz/stat/mobility-2021 (дата обращения: 14.02.2022)." in entries[3].text
    assert entries[1].text == (
        "Громов А. В., Танатарова Л. К. Мягкая сила в сравнительной перспективе // "
        "Политическая наука. – 2020. – № 4. – С. 77–95."
    )


UNNUMBERED_KK = """Сейітқали Н. Қытайдың білім саясаты және Орталық Азия. – Астана: Фолиант, 2019. – 
240 б. 
Әбдіқадыров Т.Қ., Нұрланқызы А. Конфуций институттары: он жыл ішіндегі нәтижелер // 
Қоғам және дәуір. – 2021. – № 1. – Б. 12–25. 
Ерлан Мұхамедұлы. Жұмсақ күш ұғымы туралы ойлар // Егемен Қазақстан. – 2018. – 
5 қазан. 
ЮНЕСКО. Мәдени әртүрлілік туралы баяндама. – Париж, 2020. – 64 б."""


def test_unnumbered_list_in_kazakh() -> None:
    entries = split_entries(numbered(UNNUMBERED_KK))
    assert summary(entries) == [
        (1, 1, 2, ("сейітқали",), "2019"),
        (2, 3, 4, ("әбдіқадыров", "нұрланқызы"), "2021"),
        (3, 5, 6, ("ерлан", "мұхамедұлы"), "2018"),
        (4, 7, 7, ("юнеско",), "2020"),
    ]


def test_bulleted_list_numbers_entries_by_position() -> None:
    lines = numbered(
        "• Nye, J. S. (2004). Soft power. PublicAffairs.\n"
        "• Kurlantzick, J. (2007). Charm offensive: How China's soft power\n"
        "  is transforming the world. Yale University Press.\n"
        "• Steppe Almanac. (2020). Yearbook of the region."
    )
    assert summary(split_entries(lines)) == [
        (1, 1, 1, ("nye",), "2004"),
        (2, 2, 3, ("kurlantzick",), "2007"),
        (3, 4, 4, ("steppe almanac",), "2020"),
    ]


def test_empty_and_blank_lists_have_no_entries() -> None:
    assert split_entries([]) == []
    assert split_entries([(1, ""), (2, "   "), (3, "\f")]) == []


# ----------------------------------------------------------------------------------------
# find_citations: numeric markers
# ----------------------------------------------------------------------------------------

NINE = [Entry(number, f"Author{number}, A. Title.", number, number, (f"author{number}",), "2000") for number in range(1, 10)]

NUMERIC = [
    ("Soft power rests on attraction [3].", [("[3]", (3,))]),
    ("Как отмечают исследователи [3, с. 45], это не так.", [("[3, с. 45]", (3,))]),
    ("As argued earlier [3, p. 45].", [("[3, p. 45]", (3,))]),
    ("See the figures [3, pp. 4–5].", [("[3, pp. 4–5]", (3,))]),
    ("Бұл туралы [1, 45 б.] айтылған.", [("[1, 45 б.]", (1,))]),
    ("Бұл туралы [5, 12-бет] жазылған.", [("[5, 12-бет]", (5,))]),
    ("Two views [1; 4].", [("[1; 4]", (1, 4))]),
    ("Two views [1, 4].", [("[1, 4]", (1, 4))]),
    ("Две работы [2, 3].", [("[2, 3]", (2, 3))]),
    ("A range [1–3].", [("[1–3]", (1, 2, 3))]),
    ("A range [1-3].", [("[1-3]", (1, 2, 3))]),
    ("A range with spaces [1 – 3].", [("[1 – 3]", (1, 2, 3))]),
    ("Ranges and more [4–6; 9].", [("[4–6; 9]", (4, 5, 6, 9))]),
    ("Подробнее [3, с. 45; 7, с. 12].", [("[3, с. 45; 7, с. 12]", (3, 7))]),
    ("Том и страница [3, т. 2, с. 45].", [("[3, т. 2, с. 45]", (3,))]),
    ("Без запятой [3. С. 45].", [("[3. С. 45]", (3,))]),
    ("A colon [2: 17].", [("[2: 17]", (2,))]),
    ("Pages listed [3, pp. 4, 7].", [("[3, pp. 4, 7]", (3,))]),
    ("A prefix [see 3].", [("[see 3]", (3,))]),
    ("Со ссылкой [см.: 3, с. 5].", [("[см.: 3, с. 5]", (3,))]),
    ("Glued to the word.[5]", [("[5]", (5,))]),
    ("Several [1], [2] and [3].", [("[1]", (1,)), ("[2]", (2,)), ("[3]", (3,))]),
    # Numbers that are not entries: linked to those that are, or reported unlinked.
    ("Partly listed [1, 40].", [("[1, 40]", (1,))]),
    ("A range past the end [8–12].", [("[8–12]", (8, 9))]),
    ("Not in the list [40].", [("[40]", ())]),
    ("Not in the list [40, с. 5].", [("[40, с. 5]", ())]),
]

NOT_NUMERIC = [
    "A quotation [sic] stays.",
    "Omitted words […] stay.",
    "Omitted words [...] stay.",
    "Титул [Электронный ресурс] остаётся.",
    "Title [Electronic resource] stays.",
    "Атауы [Электрондық ресурс] қалады.",
    "The year [2019] alone.",
    "Years [1991–2019] alone.",
    "A link [label](https://example.org/3) is a link.",
    "A link whose label is a number [3](https://example.org/three).",
    "An address https://example.org/list(2004)/item stays.",
    "Write to nye.2004@example.org today.",
    "In code `items[3]` nothing is cited.",
    "Hand-written page citations [@source#p-1a2b3c] belong elsewhere.",
    "A table [Table 3] is no reference.",
    "Empty [] and [ ] brackets.",
]


@pytest.mark.parametrize(("text", "expected"), NUMERIC)
def test_numeric_markers(text: str, expected: list[tuple[str, tuple[int, ...]]]) -> None:
    found = find_citations(text, NINE)
    assert [(citation.marker, citation.targets) for citation in found] == expected
    for citation in found:
        assert text[citation.start : citation.end] == citation.marker


@pytest.mark.parametrize("text", NOT_NUMERIC)
def test_what_is_not_a_numeric_marker(text: str) -> None:
    assert find_citations(text, NINE) == []


def test_a_year_in_brackets_is_a_marker_when_the_list_is_that_long() -> None:
    entries = [Entry(2019, "Long list, A. Title.", 1, 1, ("long list",), "2001")]
    assert find_citations("The year [2019] alone.", entries) == [Citation(9, 15, "[2019]", (2019,))]


def test_numeric_markers_with_no_list_are_reported_unlinked() -> None:
    assert [(citation.marker, citation.targets) for citation in find_citations("See [3] and [2019].", [])] == [("[3]", ())]


# ----------------------------------------------------------------------------------------
# find_citations: author–year markers
# ----------------------------------------------------------------------------------------

AUTHOR_YEAR_LIST = """Cooley, A., Heathershaw, J., & Sharman, J. C. (2015). The rise of kleptocracy. Journal of Democracy, 26(1), 1–9.
Kurlantzick, J. (2007). Charm offensive. Yale University Press.
Nye, J. S. (2004). Soft power. PublicAffairs.
Nye, J. S. (2011). The future of power. PublicAffairs.
Peyrouse, S., and Raimondi, P. P. (2019). China in Central Asia. Routledge.
Shambaugh, D. (2013a). China goes global. Oxford University Press.
Shambaugh, D. (2013b). Assessing soft power. The China Journal, 70, 1–8.
van Houten, E. (2018). Images of the neighbour. Northgate.
World Bank. (2020). Kazakhstan economic update. World Bank.
Най Дж. Гибкая сила. – Новосибирск, 2006. – 222 с.
Шамбо Д. Китай выходит в мир. – М., 2015. – 312 с.
Сейітқали Н. Қытайдың білім саясаты. – Астана, 2019. – 240 б."""

AUTHOR_YEAR_ENTRIES = split_entries(numbered(AUTHOR_YEAR_LIST))
COOLEY, KURLANTZICK, NYE_2004, NYE_2011, PEYROUSE, SHAMBAUGH_A, SHAMBAUGH_B, VAN_HOUTEN, WORLD_BANK = range(1, 10)
NAI, SHAMBO, SEITKALI = 10, 11, 12

AUTHOR_YEAR = [
    ("Attraction matters (Nye, 2004).", [("(Nye, 2004)", (NYE_2004,))]),
    ("Attraction matters (Nye, 2004, p. 5).", [("(Nye, 2004, p. 5)", (NYE_2004,))]),
    ("Attraction matters (Nye 2004: 5).", [("(Nye 2004: 5)", (NYE_2004,))]),
    ("Two books (Shambaugh 2013a; Kurlantzick 2007).", [("(Shambaugh 2013a; Kurlantzick 2007)", (SHAMBAUGH_A, KURLANTZICK))]),
    ("Two years (Nye 2004, 2011).", [("(Nye 2004, 2011)", (NYE_2004, NYE_2011))]),
    ("Two authors (Peyrouse and Raimondi 2019).", [("(Peyrouse and Raimondi 2019)", (PEYROUSE,))]),
    ("Any listed surname (Raimondi 2019).", [("(Raimondi 2019)", (PEYROUSE,))]),
    ("Many authors (Cooley et al., 2015).", [("(Cooley et al., 2015)", (COOLEY,))]),
    ("A prefix (see Nye, 2004).", [("(see Nye, 2004)", (NYE_2004,))]),
    ("A prefix (e.g. Nye 2004).", [("(e.g. Nye 2004)", (NYE_2004,))]),
    ("Two prefixes (see, e.g., Nye 2004).", [("(see, e.g., Nye 2004)", (NYE_2004,))]),
    ("A particle (van Houten, 2018).", [("(van Houten, 2018)", (VAN_HOUTEN,))]),
    ("An organisation (World Bank, 2020).", [("(World Bank, 2020)", (WORLD_BANK,))]),
    ("An exact letter (Shambaugh 2013b).", [("(Shambaugh 2013b)", (SHAMBAUGH_B,))]),
    ("No letter cited (Shambaugh, 2013).", [("(Shambaugh, 2013)", (SHAMBAUGH_A, SHAMBAUGH_B))]),
    ("In brackets [Nye, 2004].", [("[Nye, 2004]", (NYE_2004,))]),
    ("Мягкая сила (Най, 2006).", [("(Най, 2006)", (NAI,))]),
    ("Мягкая сила (Най 2006, с. 12).", [("(Най 2006, с. 12)", (NAI,))]),
    ("Мягкая сила [Най 2006: 12].", [("[Най 2006: 12]", (NAI,))]),
    ("Подробнее (см.: Шамбо, 2015).", [("(см.: Шамбо, 2015)", (SHAMBO,))]),
    ("Жұмсақ күш (Най, 2006, 12 б.).", [("(Най, 2006, 12 б.)", (NAI,))]),
    ("Жұмсақ күш (қараңыз: Сейітқали, 2019).", [("(қараңыз: Сейітқали, 2019)", (SEITKALI,))]),
    # Narrative markers.
    ("As Nye (2004) argued, attraction matters.", [("Nye (2004)", (NYE_2004,))]),
    ("As Joseph Nye (2004) argued.", [("Nye (2004)", (NYE_2004,))]),
    ("Shambaugh (2013a, p. 7) disagrees.", [("Shambaugh (2013a, p. 7)", (SHAMBAUGH_A,))]),
    ("Nye’s (2011) book.", [("Nye’s (2011)", (NYE_2011,))]),
    ("Peyrouse and Raimondi (2019) show it.", [("Peyrouse and Raimondi (2019)", (PEYROUSE,))]),
    ("Cooley et al. (2015) show it.", [("Cooley et al. (2015)", (COOLEY,))]),
    ("The World Bank (2020) reports it.", [("World Bank (2020)", (WORLD_BANK,))]),
    ("Как пишет Най (2006), сила гибка.", [("Най (2006)", (NAI,))]),
    ("Найдың (2006) пікірінше, күш икемді.", [("Найдың (2006)", (NAI,))]),
    ("Сейітқалидың (2019) айтуынша.", [("Сейітқалидың (2019)", (SEITKALI,))]),
    ("Nye-дің (2004) еңбегі.", [("Nye-дің (2004)", (NYE_2004,))]),
    ("Как показал Ная (2006) анализ.", [("Ная (2006)", (NAI,))]),
    # Clearly a name and a year, but not in the list: reported unlinked.
    ("Someone else (Smith, 2010).", [("(Smith, 2010)", ())]),
    ("A wrong year (Nye 1999).", [("(Nye 1999)", ())]),
    ("A missing letter (Shambaugh 2013c).", [("(Shambaugh 2013c)", ())]),
    ("Другой автор (Иванов, 2012, с. 4).", [("(Иванов, 2012, с. 4)", ())]),
    # Both kinds in one sentence.
    ("Both [3] and (Nye, 2011).", [("[3]", (3,)), ("(Nye, 2011)", (NYE_2011,))]),
]

NOT_AUTHOR_YEAR = [
    "Founded (2004) as a school.",
    "It opened (in 2004).",
    "It opened (January 2004).",
    "Қазан (2019) айында.",
    "The plan (Kazakhstan 2050) is long.",
    "The law on languages (1997) is old.",  # a narrative shape that names no entry
    "The Law on Languages (1997) is old.",
    "A page (p. 5) alone.",
    "A name (Nye) alone.",
    "Nye 2004 without parentheses.",
    "An address https://example.org/Nye(2004) stays.",
    "Mail nye2004@example.org (not a marker) stays.",
    "A link [Nye (2004)](https://example.org/nye) is a link.",
]


@pytest.mark.parametrize(("text", "expected"), AUTHOR_YEAR)
def test_author_year_markers(text: str, expected: list[tuple[str, tuple[int, ...]]]) -> None:
    found = find_citations(text, AUTHOR_YEAR_ENTRIES)
    assert [(citation.marker, citation.targets) for citation in found] == expected


@pytest.mark.parametrize("text", NOT_AUTHOR_YEAR)
def test_what_is_not_an_author_year_marker(text: str) -> None:
    assert find_citations(text, AUTHOR_YEAR_ENTRIES) == []


def test_the_author_year_list_reads_as_expected() -> None:
    assert [(entry.authors, entry.year) for entry in AUTHOR_YEAR_ENTRIES] == [
        (("cooley", "heathershaw", "sharman"), "2015"),
        (("kurlantzick",), "2007"),
        (("nye",), "2004"),
        (("nye",), "2011"),
        (("peyrouse", "raimondi"), "2019"),
        (("shambaugh",), "2013a"),
        (("shambaugh",), "2013b"),
        (("van houten",), "2018"),
        (("world bank",), "2020"),
        (("най",), "2006"),
        (("шамбо",), "2015"),
        (("сейітқали",), "2019"),
    ]


def test_markers_are_sorted_and_never_inside_addresses() -> None:
    text = (
        "First (Nye, 2004), then https://example.org/a[3](Nye,2004) and "
        "mail nye@example.org, then [2] and Shambaugh (2013b)."
    )
    found = find_citations(text, AUTHOR_YEAR_ENTRIES)
    assert [citation.marker for citation in found] == ["(Nye, 2004)", "[2]", "Shambaugh (2013b)"]


# ----------------------------------------------------------------------------------------
# Properties
# ----------------------------------------------------------------------------------------

MARKER_PIECES = st.sampled_from(
    [
        "[", "]", "(", ")", ";", ",", ":", ".", " ", "\n", "–", "-", "3", "12", "2004", "2013a",
        "Nye", "Най", "Сейітқали", "et al.", "and", "и", "с.", "p.", "б.", "see ", "https://", "www.",
        "@", "example.org", "`", "’s", "дың", "[sic]", "[3, с. 45]", "(Nye, 2004)", "Nye (2004)",
        "[1–3]", "(2004)", "\x00",
    ]
)
TEXTS = st.one_of(st.text(max_size=300), st.lists(MARKER_PIECES, max_size=80).map("".join))
ENTRY_LISTS = st.sampled_from([[], NINE, AUTHOR_YEAR_ENTRIES, split_entries(numbered(UNNUMBERED_GOST))])


@pytest.mark.slow
@settings(max_examples=400, deadline=None, derandomize=True, database=None, suppress_health_check=[HealthCheck.too_slow])
@given(text=TEXTS, entries=ENTRY_LISTS)
def test_find_citations_is_total_in_bounds_and_apart(text: str, entries: list[Entry]) -> None:
    found = find_citations(text, entries)
    numbers = {entry.number for entry in entries}
    protected = protected_spans(text)
    position = 0
    for citation in found:
        assert position <= citation.start < citation.end <= len(text)
        assert citation.marker == text[citation.start : citation.end]
        assert set(citation.targets) <= numbers
        assert len(set(citation.targets)) == len(citation.targets)
        assert all(citation.end <= start or citation.start >= end for start, end in protected)
        position = citation.end


LINE_PIECES = st.sampled_from(
    [
        "1. ", "[2] ", "3) ", "- ", "• ", "- 4. ", "12 ", "Nye, J. S. (2004). ", "Най Дж. ", "J. S. Nye. ",
        "Нұртай Лаханұлы. ", "UNESCO. ", "Title of a book. ", "– М.: Наука, 2015. – 312 с.", "pp. 4–5.",
        "https://example.org/a-", "b/c.html", "(дата обращения: 12.03.2022).", "compara-", "tive", ",", " ",
        "С. 45–67.", "\t", "2019. – ",
    ]
)
LINES = st.lists(st.one_of(st.lists(LINE_PIECES, max_size=6).map("".join), st.text(max_size=40)), max_size=30)


def _non_space(text: str) -> str:
    return "".join(text.split())


@pytest.mark.slow
@settings(max_examples=400, deadline=None, derandomize=True, database=None, suppress_health_check=[HealthCheck.too_slow])
@given(lines=LINES, first=st.integers(min_value=1, max_value=500))
def test_split_entries_loses_no_line(lines: list[str], first: int) -> None:
    pairs = numbered("\n".join(lines), first=first) if lines else []
    entries = split_entries(pairs)
    non_blank = [number for number, raw in pairs if raw.strip()]
    for number in non_blank:
        assert sum(entry.start <= number <= entry.end for entry in entries) == 1
    starts = [entry.start for entry in entries]
    assert starts == sorted(starts)
    by_number = dict(pairs)
    for entry in entries:
        assert entry.start <= entry.end
        assert by_number[entry.start].strip() and by_number[entry.end].strip()
        assert all(author == author.lower() for author in entry.authors)
        # Nothing but white space and the number or bullet of the first line is dropped.
        printed = _non_space("".join(by_number[number] for number in range(entry.start, entry.end + 1)))
        kept = _non_space(entry.text)
        assert printed.endswith(kept) and len(printed) - len(kept) <= 8


@pytest.mark.slow
@settings(max_examples=300, deadline=None, derandomize=True, database=None)
@given(line=st.one_of(st.text(max_size=60), st.lists(LINE_PIECES, max_size=4).map("".join)))
def test_entry_start_returns_a_tail_of_the_line(line: str) -> None:
    found = entry_start(line)
    if found is not None:
        assert line.strip().endswith(found[1])


# ----------------------------------------------------------------------------------------
# Speed on hostile input
# ----------------------------------------------------------------------------------------

# Made when a test runs, not when the file is collected (the random one takes a second).
HOSTILE_TEXTS = {
    "random": lambda: "".join(random.Random(7).choice("[](), ;:.-–aAN ye1234567890\nНай") for _ in range(200_000)),
    "open parentheses": lambda: "(" + "Aa Bb, " * 28_000,
    "open brackets": lambda: "[" + "1, " * 66_000,
    "capitalised words": lambda: ("Aaa Bbb Ccc, " * 25 + "(2004) ") * 600,
    "narratives": lambda: ("Xx " * 50 + "(2004) ") * 1_200,
    "one long word before @": lambda: "a" * 200_000 + "@",
    "@ before one long word": lambda: "a@" + "b" * 200_000,
    "real markers": lambda: ("Nye (2004) [3, с. 45] (Nye, 2004, p. 5) https://example.org/a(b) " * 3_000)[:200_000],
}


@pytest.mark.slow
@pytest.mark.parametrize("name", HOSTILE_TEXTS)
def test_find_citations_is_fast_on_200_kb(name: str) -> None:
    text = HOSTILE_TEXTS[name]()
    started = time.perf_counter()
    find_citations(text, AUTHOR_YEAR_ENTRIES)
    assert time.perf_counter() - started < 10.0  # a guard against super-linear work (minutes to hours), not a speed figure: make bench measures speed


@pytest.mark.slow
def test_split_entries_is_fast_on_a_long_list_and_a_long_line() -> None:
    long_list = numbered((UNNUMBERED_APA + "\n" + UNNUMBERED_GOST + "\n") * 250)
    long_lines = [(1, "Aa " * 60_000), (2, "Bb, C. " * 30_000), (3, "(" * 1_000 + "Nye, " * 20_000)]
    many_short = [(number, "x-") for number in range(1, 20_001)]
    for lines in (long_list, long_lines, many_short):
        started = time.perf_counter()
        split_entries(lines)
        assert time.perf_counter() - started < 10.0  # a guard against super-linear work (minutes to hours), not a speed figure: make bench measures speed
