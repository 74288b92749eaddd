"""English (en): the document's strings, typography, hyphenation and checker words, and the terms of English
sources."""

from __future__ import annotations

from kazthesis.i18n import N_
from kazthesis.lang.language import DocumentTable, Hyphenation, Language, NewProject, SourceTable, Typography

# Latin letters: a–z and the accented ones of Latin-1 and Latin Extended-A/B.
ALPHABET = frozenset(chr(c) for c in (*range(0x61, 0x7B), *range(0xDF, 0x250)) if chr(c).isalpha())

STRINGS = {
    "contents": "CONTENTS",
    "abbreviations": "ABBREVIATIONS",
    "introduction": "INTRODUCTION",
    "conclusion": "CONCLUSION",
    "references": "REFERENCES",
    "terms": "TERMS AND DEFINITIONS",
    "appendix": "APPENDIX {letter}",
    "figure": "Figure {n}",
    "table": "Table {n}",
    "table_continued": "Table {n} continued",
    "listing": "Listing {n}",
    "listing_continued": "Listing {n} continued",
    "figure_ref": "Figure {n}",
    "table_ref": "Table {n}",
    "appendix_ref": "Appendix {letter}",
    "listing_ref": "Listing {n}",
    "figure_refs": "Figures {n}",
    "table_refs": "Tables {n}",
    "appendix_refs": "Appendices {letter}",
    "listing_refs": "Listings {n}",
    "page": "p. {pages}",
    "pages": "pp. {pages}",
    "author": "Submitted by",  # as English-medium universities word a title page
    "supervisor": "Supervisor",
    "discipline": "Course",
    "specialty": "Specialty",
    "topic": "Topic",
    "group_member": "Student of group {group}",
    "approval": "Admitted to defence",
    "head_of_department": "Head of department",
    "date_line": "“___” ____________ {year}",
    "work_coursework": "Coursework",
    "work_diploma": "Diploma thesis",
    "work_master": "Master's thesis",
    "terms_intro": "The following terms and definitions are used in this work:",
    # The statistics line in words, singular after 1.
    "statistics_pages": "{n} p.",
    "statistics_figures": "{n} figures",
    "statistics_figures_one": "{n} figure",
    "statistics_tables": "{n} tables",
    "statistics_tables_one": "{n} table",
    "statistics_sources": "{n} sources",
    "statistics_sources_one": "{n} source",
    "statistics_appendices": "{n} appendices",
    "statistics_appendices_one": "{n} appendix",
    "inserted_page": "Page {page} of {file} goes in place of this page",
}


def ordinal(number: int) -> str:
    """``1`` → ``1st``, ``2`` → ``2nd``, ``11`` → ``11th``: an edition's number."""
    suffix = "th" if 10 <= number % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(number % 10, "th")
    return f"{number}{suffix}"


ENGLISH = Language(
    code="en",
    name=N_("English"),  # marked for the message catalogues
    names=("en", "eng", "english", "american", "british", "usenglish", "ukenglish", "canadian", "australian",
           "newzealand", "английский", "ағылшын", "ағылшынша"),
    script="Latn",
    letters=frozenset(),
    words=frozenset({"the", "of", "and", "in", "on", "for", "to", "with", "from", "a", "an", "by", "at", "as", "is",
                     "are", "its", "how", "why", "what", "between", "towards", "toward", "into", "after", "under",
                     "during", "through", "their"}),
    endings=("tion", "tions", "sion", "ment", "ments", "ness", "ship", "ing", "ics", "ies", "ity", "ed", "ly", "ous"),
    stands_for_script=True,  # a German or French source is described with the English terms
    sources={"Latn": SourceTable(
        terms={"total": "{n} p.", "pages": "P. {p}", "volume": "Vol. {n}", "number": "No. {n}", "edition": "{n} ed.",
               "others": "[et al.]", "editor": "ed. by", "eresource": "[Electronic resource]",
               "accessed": "(accessed: {d})", "print": "Text : unmediated", "online": "Text : electronic",
               "phd": "PhD thesis", "master": "Master's thesis", "candidate": "Candidate of Sciences thesis",
               "doctor": "Doctor of Sciences thesis"},
        months=("Jan.", "Feb.", "Mar.", "Apr.", "May", "June", "July", "Aug.", "Sept.", "Oct.", "Nov.", "Dec."),
        month_stems=(("jan",), ("feb",), ("mar",), ("apr",), ("may",), ("jun",), ("jul",), ("aug",), ("sep",),
                     ("oct",), ("nov",), ("dec",)),
        ordinal=ordinal,
    )},
    document=DocumentTable(
        tag="en-US",
        strings=STRINGS,
        appendix_letters="ABCDEFGHIJKLMNOPQRSTUVWXYZ",
        abstract_titles=("ANNOTATION", "ABSTRACT", "SUMMARY"),
        typography=Typography(
            quotes=("“", "”", "‘", "’"),
            before_number="p|pp|P|Pp|vol|Vol|no|No|ch|Ch|fig|Fig|sec|Sec",
            after_number=r"p\.|pp\.|bn|mn|m|km|kg|ha|cm|mm|million|billion",
            century_words=r"c\.|cent\.|century|centuries",
            em_dash=True,
            apostrophe=True,
            month_names="January|February|March|April|May|June|July|August|September|October|November|December",
        ),
        hyphenation=Hyphenation(ALPHABET, "en_US", ("en",)),
        decimal_separator=".",
        page_words=("p", "pp", "page", "pages"),
        introduction={"relevance": ("relevance", ("relevance",)), "aim": ("aim", ("aim", "purpose")),
                      "objectives": ("objectives", ("objective", "task")), "object": ("object", ("object",)),
                      "subject": ("subject", ("subject",)), "methods": ("methods", ("method",)),
                      "structure": ("structure", ("structure",))},
        new_project=NewProject(
            made="New project made: {dir} ({kind}, in English).",
            files=("thesis.toml     settings and title page: fill in the fields in square brackets",
                   "content/        introduction, two chapters, conclusion, appendix (Markdown)",
                   "references.bib  sources",
                   "images/         figures"),
            next="Next:",
            warn="The first build gives warnings (unfilled fields, short length, few sources): that is\n"
                 "expected, and they go as you replace the sample text with your own.",
            settings_header="Project settings. Fill in the fields in square brackets with your own details; remove "
                            "the # before\na setting to change it (the value shown is the default).",
        ),
    ),
)
