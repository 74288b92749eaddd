"""The settings thesis.toml may hold: one table (:data:`SETTINGS`) of each key's kind, default, allowed values or
range and meaning, which :mod:`kazthesis.read.config` checks a file against, ``kazthesis new`` lists in the
thesis.toml it writes, and the README's tables are tested against."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from kazthesis.i18n import N_
from kazthesis.lang.registry import DOCUMENT_LANGUAGES
from kazthesis.read.profiles import PROFILES

WORK_TYPES = ("coursework", "diploma", "master")

# list_marks: marks separated by commas, each a dash or bullet, a numbered (1) 1.) or a lettered (а) a)) one.
LIST_MARKS_RE = re.compile(r"^\s*(?:[–—•\-*]|1[.)]|[аa]\))(?:\s*,\s*(?:[–—•\-*]|1[.)]|[аa]\)))*\s*$")

# A font family name goes into the CSS: letters, digits, spaces, hyphens, dots and apostrophes only.
FONT_NAME_RE = re.compile(r"^[\w][\w .'\-]{0,62}$")

@dataclass(frozen=True)
class Setting:
    """One key of thesis.toml: its kind, default and allowed values."""

    kind: type | tuple[type, ...]
    default: Any
    doc: str
    choices: Sequence[Any] | None = None
    low: float | None = None
    high: float | None = None
    pattern: re.Pattern[str] | None = None  # what a text value must look like


# Sections map key → Setting. A default of None under [layout] means "from the profile".
SETTINGS: dict[str, dict[str, Setting]] = {
    "": {
        "language": Setting(str, "kk", N_("document language"), DOCUMENT_LANGUAGES),
        "profile": Setting(str, "gost-7.32-2017", N_("layout profile"), tuple(PROFILES)),
        "work_type": Setting(str, "coursework", N_("kind of work, for the norm-control checks"), WORK_TYPES),
    },
    "layout": {
        "margin_left": Setting((int, float), None, N_("left margin, mm"), low=5, high=60),
        "margin_right": Setting((int, float), None, N_("right margin, mm"), low=5, high=60),
        "margin_top": Setting((int, float), None, N_("top margin, mm"), low=5, high=60),
        "margin_bottom": Setting((int, float), None, N_("bottom margin, mm"), low=10, high=60),
        "font": Setting(str, None, N_("font family name (letters, digits, spaces and hyphens)"),
                        pattern=FONT_NAME_RE),
        "font_size": Setting((int, float), None, N_("body font size, pt"), low=8, high=20),
        "line_spacing": Setting((int, float), None, N_("line spacing (1.0, 1.5, 2.0 as in Word)"), low=0.8, high=3),
        "indent": Setting((int, float), None, N_("first-line indent, cm"), low=0, high=3),
        "contents": Setting(bool, None, N_("a contents page (the APA student paper has none unless the course asks)")),
        "contents_depth": Setting(int, 2, N_("heading levels listed in the contents"), (1, 2, 3)),
        "numbering": Setting(str, "continuous", N_("figure and table numbering"), ("continuous", "per-chapter")),
        "landscape_tables": Setting(bool, False,
                                    N_("a table too wide for the page may have a page turned sideways")),
        "listing_highlight": Setting(bool, False, N_("code listings highlighted in grey scale (bold keywords, grey "
                                     "comments and strings)")),
        "list_marks": Setting(str, None, N_("the mark of a dash list's items at each level, comma-separated: a dash "
                                            "or bullet, 1) or 1. (numbered), а) (lettered)"), pattern=LIST_MARKS_RE),
    },
    "title_page": {
        name: Setting(str, "", doc)
        for name, doc in (
            ("ministry", N_("ministry line at the top")),
            ("university", N_("university")),
            ("faculty", N_("faculty")),
            ("department", N_("department")),
            ("work_type", N_("work type as printed, e.g. COURSEWORK")),
            ("title", N_("the topic")),
            ("discipline", N_("discipline")),
            ("specialty", N_("specialty")),
            ("author", N_("the student (Performed by)")),
            ("group", N_("the student's group")),
            ("supervisor", N_("supervisor")),
            ("city", N_("city")),
            ("year", N_("year")),
            ("head_of_department", N_("head of department, for the approval block")),
            ("course", N_("course number and name, for the APA student title page, e.g. IR 301: Foreign Policy")),
            ("instructor", N_("the instructor, for the APA student title page")),
            ("due_date", N_("the assignment's due date, for the APA student title page, e.g. May 4, 2026")),
            ("pdf", N_("a PDF (e.g. the faculty's signed form) whose pages replace the generated title page")),
        )
    } | {"approval": Setting(bool, False, N_("print the approval block «Admitted to defence» (head of "
                                          "department, signature and date lines)"))},
    # [[insert]] — an array of tables: PDF pages put in after the title page, the contents page, or at the end.
    "insert": {
        "file": Setting(str, "", N_("a PDF file in the project whose pages are put in")),
        "after": Setting(str, "end", N_("where the pages go"), ("title", "contents", "end")),
    },
    "bibliography": {
        # A GOST style (our own code), a CSL style by name, or a .csl file of the project: checked by _style.
        "style": Setting(str, "gost-7.1-2003", N_('bibliography style: "gost-7.1-2003", "gost-r-7.0.100-2018", or a '
                                                 'CSL style: "apa", "harvard", "ieee", "chicago-author-date", "mla", '
                                                 'or a .csl file of the project')),
        "order": Setting(str, "citation", N_("order of the list"), ("citation", "alphabetical")),
        "list_uncited": Setting(bool, False, N_("also list entries the text does not cite")),
        # GOST 7.32-2017, 6.16: sources are numbered in Arabic numerals with a full stop.
        "numbers": Setting(str, "1.", N_("how the list numbers its entries"), ("1.", "1")),
        "file": Setting(str, "references.bib", N_("the .bib file, relative to the project")),
    },
    "checks": {
        "introduction_elements": Setting(bool, True, N_("the introduction names relevance, aim, objectives…")),
        "body_pages_min": Setting(int, 0, N_("minimum body pages (0: by work type)"), low=0, high=1000),
        "body_pages_max": Setting(int, 0, N_("maximum body pages (0: by work type)"), low=0, high=1000),
        "min_references": Setting(int, 0, N_("minimum number of references (0: by work type)"), low=0, high=1000),
        "recent_years": Setting(int, 0, N_("recent-source window in years (0: off)"), low=0, high=100),
        "recent_share": Setting((int, float), 0.5, N_("share of sources from the window"), low=0, high=1),
        "chapter_citations": Setting(bool, True, N_("every chapter cites at least one source")),
        "empty_sections": Setting(bool, True, N_("no section is empty")),
        "placeholders": Setting(bool, True, N_("title-page fields still hold placeholders")),
        "abbreviations": Setting(bool, True,
                                 N_("the abbreviations page lists exactly the abbreviations the text uses")),
        "figure_placement": Setting(bool, True,
                                    N_("a figure or table stands at most one page after its first mention")),
        "unused_references": Setting(bool, True, N_("warn about .bib entries the text never cites")),
        "list_punctuation": Setting(bool, True, N_("items of a list after a colon start in lower case and end "
                                    "with ; (the last with .)")),
    },
}
# [abbreviations] is free-form: abbreviation = "meaning"; so is [terms]: term = "definition".
