"""BibTeX/biblatex entry types → the GOST form that describes them, and what each form needs.

One table, read by the reader (to check entries) and by the templates (to
pick one). A form is a key of ``kazthesis.bibliography.gost.TEMPLATES``.
"""

from __future__ import annotations

# Types the tool knows; aliases of the same form are read quietly.
FORMS: dict[str, str] = {
    "book": "book", "mvbook": "book", "collection": "book", "mvcollection": "book", "proceedings": "book",
    "mvproceedings": "book", "reference": "book", "mvreference": "book",
    "article": "article",
    "incollection": "part", "inproceedings": "part", "conference": "part", "inbook": "part",
    "bookinbook": "part", "suppbook": "part", "suppcollection": "part", "inreference": "part",
    "phdthesis": "thesis", "mastersthesis": "thesis", "thesis": "thesis",
    "online": "online", "www": "online", "electronic": "online",
    "legislation": "legislation", "legal": "legislation", "jurisdiction": "legislation",
    "report": "report", "techreport": "report",
    "misc": "book",  # made more precise by form_of: a URL makes it online, type = legislation a law
}

# The closest form of types the tool does not describe on their own (formatted with a warning).
CLOSEST: dict[str, str] = {
    "booklet": "book", "manual": "book", "unpublished": "book", "periodical": "book", "standard": "book",
    "patent": "book", "letter": "book", "artwork": "book",
    "dataset": "online", "software": "online", "video": "online", "movie": "online", "audio": "online",
    "music": "online", "image": "online", "performance": "online",
    "suppperiodical": "article", "review": "article", "commentary": "article",
}

# What each form cannot do without: one field of each tuple (docs/formatting.md §4, and what GOST prints).
REQUIRED: dict[str, tuple[tuple[str, ...], ...]] = {
    "book": (("title",), ("year",)),
    "article": (("title",), ("journaltitle",), ("year",)),
    "newspaper": (("title",), ("journaltitle",), ("year",)),
    "part": (("title",), ("booktitle",), ("year",)),
    "thesis": (("title",), ("year",)),
    "online": (("title",), ("url",)),
    "legislation": (("title",),),
    "report": (("title",), ("year",)),
    "typed": (("title",),),
}

# entrysubtype values of an entry whose title is its whole description, printed as written: "typed" (a
# reference `kazthesis import` could not split into fields) and "placeholder" (a number the draft cites
# with no entry in its list: `check` reports it until it is written).
TYPED_SUBTYPES = ("typed", "placeholder")

# The BibTeX name to suggest when a field is missing (journaltitle is biblatex's).
SUGGESTED_NAME = {"journaltitle": "journal"}

LEGISLATION_TYPES = {"legislation", "law", "legal"}

# A thesis's `type` key (biblatex's, and biblatex-gost's docthesis) → the degree term of a language's source terms;
# any other `type` is printed as written. @phdthesis and @mastersthesis say it without a type.
THESIS_TYPES = {"phdthesis": "phd", "mathesis": "master", "mastersthesis": "master", "masterthesis": "master",
                "candthesis": "candidate", "doctoralthesis": "doctor", "docthesis": "doctor"}
THESIS_DEFAULT = {"phdthesis": "phd", "mastersthesis": "master"}


def form_of(entry_type: str, fields: dict[str, str]) -> tuple[str, bool]:
    """The form for an entry, and whether its type is one the tool knows."""
    if fields.get("entrysubtype", "").strip().lower() in TYPED_SUBTYPES:
        return "typed", True
    form, known = _form_of_type(entry_type, fields)
    if form == "article" and fields.get("entrysubtype", "").strip().lower() == "newspaper":
        form = "newspaper"
    return form, known


def _form_of_type(entry_type: str, fields: dict[str, str]) -> tuple[str, bool]:
    if entry_type == "misc":
        if fields.get("type", "").strip().lower() in LEGISLATION_TYPES:
            return "legislation", True
        return ("online" if fields.get("url") else "book"), True
    if entry_type in FORMS:
        return FORMS[entry_type], True
    if entry_type in CLOSEST:
        form = CLOSEST[entry_type]
    elif fields.get("booktitle"):
        form = "part"
    elif fields.get("journaltitle"):
        form = "article"
    else:
        form = "online" if fields.get("url") else "book"
    if form == "online" and not fields.get("url"):
        form = "book"
    return form, False
