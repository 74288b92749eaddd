"""The shape of one language entry: what ``lang/kk.py``, ``lang/ru.py``… each fill in, and nothing else does.

A :class:`Language` is one language as the tool knows it: how a source's ``langid`` names it and
which letters tell it apart (:attr:`Language.names`, :attr:`Language.letters`), the bibliographic
terms its sources are described with (:attr:`Language.sources`, one table per script), and — for the
languages a thesis may be written in — every string the document prints, the typography and
hyphenation of its running text, and the words norm control looks for (:attr:`Language.document`).
The registry (:mod:`kazthesis.lang.registry`) lists the entries; every other module reads them there.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field

# The keys every document table's ``strings`` holds (a test checks each entry against this list). Values are
# str.format templates: {n} a number, {letter} an appendix letter, {pages} pages, {group}, {year}, {file}, {page}.
STRING_KEYS = (
    # structural headings and captions
    "contents", "abbreviations", "introduction", "conclusion", "references", "terms", "appendix",
    "figure", "table", "table_continued", "listing", "listing_continued",
    # cross-references: one target, several targets
    "figure_ref", "table_ref", "appendix_ref", "listing_ref", "figure_refs", "table_refs", "appendix_refs",
    "listing_refs",
    # a page locator in a citation: one page, a range
    "page", "pages",
    # the title page
    "author", "supervisor", "discipline", "specialty", "topic", "group_member", "approval", "head_of_department",
    "date_line", "work_coursework", "work_diploma", "work_master",
    # the terms page, the statistics line of an annotation (_one: after the number 1), an inserted page
    "terms_intro", "statistics_pages", "statistics_figures", "statistics_figures_one", "statistics_tables",
    "statistics_tables_one", "statistics_sources", "statistics_sources_one", "statistics_appendices",
    "statistics_appendices_one", "inserted_page",
)
# The elements an introduction names (norm control), in the order a warning lists them.
INTRODUCTION_ELEMENTS = ("relevance", "aim", "objectives", "object", "subject", "methods", "structure")
# The keys of a source table's ``terms``: {n} a number, {p} a page range, {d} a date.
TERM_KEYS = ("total", "pages", "volume", "number", "edition", "others", "editor", "eresource", "accessed", "print",
             "online", "phd", "master", "candidate", "doctor")


@dataclass(frozen=True)
class Typography:
    """What the running-text rules (:mod:`kazthesis.lang.typography`) do differently in this language.

    The three patterns are regular-expression alternations (escape the dots): an abbreviation before a
    number (``с|гл`` keeps ``с. 25`` together), a unit or abbreviation after one (``г\\.|млн``), and the
    word after a Roman century (``в\\.|век\\w*``).
    """

    quotes: tuple[str, str, str, str]  # outer opening, outer closing, inner opening, inner closing
    before_number: str
    after_number: str
    century_words: str
    em_dash: bool = False  # "---" is an em dash (English); elsewhere a spaced "---" is an en dash like "--"
    one_letter_words: str = ""  # letters that, standing alone as a word, stay with the next one (Russian в, с…)
    apostrophe: bool = False  # a straight ' inside or at the end of a word is ’ (Kazakhstan’s, ’90s, students’)
    month_names: str = ""  # capitalised month names kept with their day: 29 August, August 29


@dataclass(frozen=True)
class Hyphenation:
    """Where a word of this language may break (:mod:`kazthesis.lang.hyphenation`).

    ``dictionary`` is Pyphen's dictionary for the language (``ru_RU``), or :data:`KAZAKH_SYLLABLES` for the
    tool's own syllable rules. A word of the document is broken by the first language of ``words`` whose
    ``alphabet`` holds all its letters, by that language's rules; a word no alphabet holds is left whole.
    """

    alphabet: frozenset[str]  # lower-case letters of the language's words
    dictionary: str
    words: tuple[str, ...]  # codes, in order: a Russian document also breaks Kazakh words, by Kazakh rules


KAZAKH_SYLLABLES = "kazakh-syllables"


@dataclass(frozen=True)
class Declension:
    """The forms a writer declines by hand before a cross-reference (``в таблице [-@tbl:x]``), because the
    reference prints its noun in the nominative: each preposition with the case it governs, and each kind of
    target's noun in each case (singular, plural). A language without prepositions that decline has none."""

    prepositions: Mapping[str, str]  # "в" → "loc"
    nouns: Mapping[str, Mapping[str, tuple[str, str]]]  # "tbl" → {"nom": ("таблица", "таблицы"), …}


@dataclass(frozen=True)
class NewProject:
    """What ``kazthesis new`` says and writes in this language (the sample chapters are files of
    ``kazthesis/new/skeletons/<code>/``)."""

    made: str  # "{dir}" and "{kind}" (the work type in lower case)
    files: tuple[str, ...]  # one line a file or folder of the new project
    next: str
    warn: str
    settings_header: str  # the comment at the top of thesis.toml


@dataclass(frozen=True)
class DocumentTable:
    """Everything a thesis written in this language prints, and how its text is set and checked."""

    tag: str  # the language tag Word marks the text with: "kk-KZ"
    strings: Mapping[str, str]  # every key of STRING_KEYS
    appendix_letters: str  # in order; the letters a language leaves out are not here
    abstract_titles: tuple[str, ...]  # an annotation under one of these titles (upper case) is in this language
    typography: Typography
    hyphenation: Hyphenation
    decimal_separator: str
    page_words: tuple[str, ...]  # "page" as a writer puts it around a citation's page number: с. 25, 25 б.
    introduction: Mapping[str, tuple[str, tuple[str, ...]]]  # element → (its name in a warning, stems to find)
    new_project: NewProject
    declension: Declension | None = None


@dataclass(frozen=True)
class SourceTable:
    """The terms a source in this language (and script) is described with in the reference list."""

    terms: Mapping[str, str]  # every key of TERM_KEYS
    months: tuple[str, ...]  # the twelve month names as a description prints them
    month_stems: tuple[tuple[str, ...], ...]  # for each month, the beginnings that name it in a .bib field
    ordinal: Callable[[int], str] = str  # the number of an edition as "{n}" prints it: 2 → "2nd" in English


@dataclass(frozen=True)
class Language:
    """One entry of the registry."""

    code: str  # ISO 639-1
    name: str  # in English, for messages: "Kazakh"
    names: tuple[str, ...]  # how a .bib file's langid / language may name it, in lower case: codes, names
    script: str  # "Cyrl" or "Latn": the script it is usually written in
    letters: frozenset[str]  # letters that tell it from the other languages of its script ("" for none)
    sources: Mapping[str, SourceTable]  # by script; the first is for a source whose script does not decide
    places: Mapping[str, str] = field(default_factory=dict)  # a city abbreviation → its full name (GOST R 7.0.100)
    stands_for_script: bool = False  # describes a source in a language without an entry, written in its script
    document: DocumentTable | None = None  # None: only a source language (Uzbek)
    # What tells a title in this language from one in the others (kazthesis.lang.identify): whole words
    # (lower case) and word endings only it writes among them, and letter pairs (Uzbek's Latin oʻ).
    words: frozenset[str] = frozenset()
    endings: tuple[str, ...] = ()
    pairs: tuple[str, ...] = ()
