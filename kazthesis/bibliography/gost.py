"""Entries → GOST 7.1-2003 / GOST R 7.0.100-2018 descriptions (docs/formatting.md §4).

Each form of :data:`kazthesis.bibliography.kinds.FORMS` has one template in
:data:`TEMPLATES`, built from the parts below with the combinators of
:mod:`kazthesis.bibliography.template`; a part whose fields are missing is
absent with its punctuation. The result is plain Unicode: no-break spaces in
names only, en dashes between areas and in page ranges; :func:`format_entry_marked`
also keeps the source's italics as markers (:mod:`kazthesis.bibliography.emphasis`).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from kazthesis.bibliography.dates import format_day
from kazthesis.bibliography.emphasis import strip_emphasis, tidy
from kazthesis.bibliography.kinds import THESIS_DEFAULT, THESIS_TYPES
from kazthesis.bibliography.model import Entry, Person
from kazthesis.bibliography.template import Part, areas, join, when
from kazthesis.bibliography.terms import edition_text, full_place, terms_for
from kazthesis.lang.language import SourceTable

STYLES = ("gost-7.1-2003", "gost-r-7.0.100-2018")
GOST_2003, GOST_2018 = STYLES
WHOLE_DOCUMENT_FORMS = {"book", "thesis", "report", "legislation"}  # where `pages` is the page total


@dataclass(frozen=True)
class Context:
    """What a template looks at: the entry, the style, and the terms of the entry's language."""

    entry: Entry
    style: str
    terms: SourceTable  # of the entry's language (and script: Uzbek in Latin script has its own)

    def term(self, name: str, **values: object) -> str:
        return self.terms.terms[name].format(**values)

    @property
    def electronic(self) -> bool:
        return self.entry.form == "online" or bool(self.entry.get("url"))


def field(*names: str) -> Part:
    """The first present of the fields ``names``."""
    return lambda c: c.entry.get(*names)


# --- names ------------------------------------------------------------------------------------

def _has_heading(entry: Entry) -> bool:
    """1–3 people, the first not an organisation (docs/formatting.md §4)."""
    people = entry.authors
    return 1 <= len(people) <= 3 and not entry.more_authors and not people[0].corporate


def heading(c: Context) -> str:
    """``Хабаров, А.\u00a0В.`` — the first author inverted, closed by a period."""
    if not _has_heading(c.entry):
        return ""
    text = c.entry.authors[0].heading()
    return text if text[-1:] in ".?!" else text + "."


def _name_list(c: Context, people: list[Person], more: bool) -> str:
    """All of up to three people; from four on (or after "and others") the first and [и др.]."""
    if not people:
        return ""
    if len(people) <= 3 and not more:
        return ", ".join(p.responsibility() for p in people)
    return f"{people[0].responsibility()} {c.term('others')}"


def _publishing_body(c: Context) -> str:
    """The publisher or site the entry's form prints (the same fields, in the same order, as its template)."""
    entry = c.entry
    if entry.form in ("book", "part"):
        return entry.get("publisher", "organization")
    if entry.form == "report":
        return entry.get("institution", "publisher", "organization")
    if entry.form == "online":
        return SITE(c)
    if entry.form == "legislation" and not _in_periodical(c):
        return entry.get("organization", "howpublished") if _online_only(c) else entry.get("publisher")
    return ""


def _same_body(first: str, second: str) -> bool:
    """``OECD`` and ``{OECD}.``: the same name, case, spaces and punctuation aside."""
    def key(text: str) -> str:
        return "".join(ch for ch in text.casefold() if ch.isalnum())
    return bool(key(first)) and key(first) == key(second)


def authors(c: Context) -> str:
    """All authors, or the first and "and others"; an organisation that also publishes the work is printed once.

    GOST keeps a corporate body in the statement of responsibility when it differs from the publisher;
    when the publisher (or the site, after ``//``) is the same body, `` / OECD. – Paris : OECD`` says it
    twice, so it stays where the imprint names it and leaves the statement of responsibility.
    """
    people = c.entry.authors
    if (len(people) == 1 and people[0].corporate and not c.entry.more_authors
            and _same_body(people[0].last, _publishing_body(c))):
        return ""
    return _name_list(c, people, c.entry.more_authors)


def editors(c: Context) -> str:
    names = _name_list(c, c.entry.editors, c.entry.more_editors)
    return f"{c.term('editor')} {names}" if names else ""


# --- title area -------------------------------------------------------------------------------

def medium(c: Context) -> str:
    """``[Электронный ресурс]`` — GOST 7.1-2003 only; 7.0.100 says it in the closing area instead."""
    return c.term("eresource") if c.electronic and c.style == GOST_2003 else ""


def volume(c: Context) -> str:
    value = c.entry.get("volume")
    return c.term("volume", n=value) if value else ""


RESPONSIBILITY = join(authors, editors, sep=" ; ")


def title_area(*other_info: Part, volume_part: Part | None = None, responsibility: Part = RESPONSIBILITY) -> Part:
    """``Title [medium] : other information. Т. 2 / responsibility``."""
    described = join(join(field("title"), medium, sep=" "), *other_info, sep=" : ")
    if volume_part is not None:
        described = join(described, volume_part, sep=". ")
    return join(described, responsibility, sep=" / ")


def lead(area: Part) -> Part:
    """The heading (if the entry has one) and the title area."""
    return join(heading, area, sep=" ")


# --- other areas --------------------------------------------------------------------------------

def edition(c: Context) -> str:
    value = c.entry.get("edition")
    return edition_text(value, c.terms) if value else ""


def place(c: Context) -> str:
    value = c.entry.get("location")
    return full_place(value, c.entry.language) if value and c.style == GOST_2018 else value


def publication(*publisher_fields: str) -> Part:
    """``Алматы : Өнер, 1996``; ``Алматы, 2005`` without a publisher."""
    return join(join(place, field(*publisher_fields), sep=" : "), field("year"), sep=", ")


def extent(c: Context) -> str:
    """``272 б.`` — ``pagetotal``, or ``pages`` of a whole document; a value with its own unit as written."""
    value = c.entry.get("pagetotal") or (c.entry.get("pages") if c.entry.form in WHOLE_DOCUMENT_FORMS else "")
    value = value.strip()
    return c.term("total", n=value) if value[-1:].isdigit() else value


def pages(c: Context) -> str:
    """``С. 25–31`` / ``25–31 б.``: a part's pages, any hyphen or dash between them an en dash."""
    value = re.sub(r"(?<=\w)\s*(?:-+|–|—)\s*(?=\w)", "–", c.entry.get("pages").strip())
    return c.term("pages", p=value) if value else ""


def number(c: Context) -> str:
    value = c.entry.get("number", "issue")
    return c.term("number", n=value) if value else ""


VOLUME_NUMBER = join(volume, number, sep=", ")  # "Т. 3, № 4" / "Vol. 3, No. 4"


def day_month(c: Context) -> str:
    """A newspaper's date: ``13 сәу.``, ``13 марта``."""
    if not c.entry.month:
        return ""
    name = c.terms.months[c.entry.month - 1]
    return f"{c.entry.day} {name}" if c.entry.day else name


def series(c: Context) -> str:
    """``(Библиотека студента ; 5)``."""
    text = join(field("series"), field("number"), sep=" ; ")(c) if c.entry.get("series") else ""
    return f"({text})" if text else ""


def url(c: Context) -> str:
    """``URL: https://… (қаралған күні: 15.03.2024)``."""
    address = c.entry.get("url")
    if not address:
        return ""
    visited = c.entry.get("urldate")
    return f"URL: {address} {c.term('accessed', d=format_day(visited))}" if visited else f"URL: {address}"


# GOST's note area (after the series area): how the work came out, then the .bib's note. The electronic
# address (URL) closes it; the identifiers (DOI, e-print numbers) form the area after it, as GOST R
# 7.0.100-2018 orders them; 7.0.100's closing "Текст : …" comes last.

def _howpublished_is_host(c: Context) -> bool:
    """True where ``howpublished`` already names the site (an @online without organisation or publisher)."""
    entry = c.entry
    if entry.form == "online":
        return not entry.get("titleaddon", "organization", "publisher")
    if entry.form == "legislation":
        return not _in_periodical(c) and _online_only(c) and not entry.get("organization")
    return False


def howpublished(c: Context) -> str:
    """``howpublished`` as a note (``Рукопись``, ``Lecture notes``), unless it is the site's name."""
    return "" if _howpublished_is_host(c) else c.entry.get("howpublished")


def _doi_link(c: Context) -> bool:
    """The URL is the DOI's own resolver address: printing both would say it twice."""
    address = re.sub(r"^https?://(?:dx\.)?", "", c.entry.get("url").strip().lower())
    return address == f"doi.org/{c.entry.get('doi').strip().lower()}"


def doi(c: Context) -> str:
    """``DOI: 10.1080/02634937.2019.1234567``, as GOST R 7.0.100-2018 prints it."""
    value = c.entry.get("doi")
    return f"DOI: {value}" if value and not _doi_link(c) else ""


EPRINT_NAMES = {"arxiv": "arXiv", "jstor": "JSTOR", "pubmed": "PMID", "pmcid": "PMCID", "hdl": "HDL",
                "googlebooks": "Google Books", "ssrn": "SSRN", "mr": "MR", "zbl": "Zbl"}
_ARXIV_ID = re.compile(r"(?:\d{4}\.\d{4,5}|(?<![a-z-])[a-z-]+(?:\.[A-Z]{2})?/\d{7})(?:v\d+)?")


def eprint(c: Context) -> str:
    """``arXiv: 2101.00001 [cs.CL]``: an e-print archive's identifier (biblatex's eprint fields)."""
    value = c.entry.get("eprint").strip()
    if not value:
        return ""
    kind = c.entry.get("eprinttype").strip()
    if value.lower().startswith(("http://", "https://")):  # Taylor & Francis exports: the DOI's link again
        same = value.rstrip("/").lower() in (c.entry.get("url").rstrip("/").lower(),
                                             f"https://doi.org/{c.entry.get('doi').lower()}")
        return "" if same else f"URL: {value}"
    name = EPRINT_NAMES.get(kind.lower(), kind) or ("arXiv" if _ARXIV_ID.fullmatch(value) else "eprint")
    archive_class = c.entry.get("eprintclass").strip()
    return f"{name}: {value} [{archive_class}]" if archive_class else f"{name}: {value}"


def media(c: Context) -> str:
    """GOST R 7.0.100-2018's closing area: ``Текст : непосредственный`` or ``Текст : электронный``."""
    if c.style != GOST_2018:
        return ""
    return c.term("online" if c.electronic else "print")


# The site an online source is on: Zotero and Better BibTeX export the website's title as titleaddon.
SITE = field("titleaddon", "organization", "publisher", "howpublished", "journaltitle")
HOST_BOOK = join(join(field("booktitle"), field("booksubtitle"), sep=" : "), editors, sep=" / ")


def _in_periodical(c: Context) -> bool:
    return bool(c.entry.get("journaltitle"))


def _online_only(c: Context) -> bool:
    return bool(c.entry.get("url")) and not c.entry.get("location", "publisher")


# --- templates --------------------------------------------------------------------------------

# What closes every description: notes, the electronic address, identifiers, 7.0.100's medium.
ENDING = (howpublished, field("note"), url, doi, eprint, media)

BOOK = areas(lead(title_area(field("subtitle"), volume_part=volume)),
             edition, publication("publisher", "organization"), extent, series, *ENDING)

ARTICLE = areas(join(lead(title_area(field("subtitle"))), field("journaltitle"), sep=" // "),
                field("year"), VOLUME_NUMBER, pages, *ENDING)

NEWSPAPER = areas(join(lead(title_area(field("subtitle"))), field("journaltitle"), sep=" // "),
                  field("year"), day_month, number, pages, *ENDING)

# A part of a book: its editors belong to the host, after the book's title.
PART = areas(join(lead(title_area(field("subtitle"), responsibility=authors)), HOST_BOOK, sep=" // "),
             edition, publication("publisher", "organization"), volume, pages, *ENDING)


def thesis_type(c: Context) -> str:
    """``дис. ... д-ра философии (PhD)`` for ``type = {phdthesis}`` or a bare @phdthesis; other text as written."""
    value = c.entry.get("type")
    degree = THESIS_TYPES.get(value.strip().lower()) if value else THESIS_DEFAULT.get(c.entry.type)
    return c.term(degree) if degree else value


def school(c: Context) -> str:
    """Where a thesis was written and defended: GOST R 7.0.100-2018 names it after the statement of responsibility
    (`` / И. И. Иванов ; Казахский национальный университет``); GOST 7.1-2003 describes a thesis as a
    manuscript, without it."""
    return c.entry.get("school", "institution") if c.style == GOST_2018 else ""


# A thesis: place and year (a manuscript has no publisher), its type in the source's language; the school in
# GOST R 7.0.100-2018 only.
THESIS = areas(lead(title_area(field("subtitle"), thesis_type, responsibility=join(RESPONSIBILITY, school, sep=" ; "))),
               join(place, field("year"), sep=", "), extent, *ENDING)

ONLINE = areas(join(lead(title_area(field("subtitle"))), SITE, sep=" // "), field("year"), *ENDING)

# A legal act starts with its title; published in a periodical, on a site, or as a book.
LEGISLATION = when(
    _in_periodical,
    areas(join(title_area(field("subtitle")), field("journaltitle"), sep=" // "),
          field("year"), day_month, number, pages, *ENDING),
    when(_online_only,
         areas(join(title_area(field("subtitle")), field("organization", "howpublished"), sep=" // "),
               field("year"), *ENDING),
         areas(title_area(field("subtitle")), edition, publication("publisher"), extent, *ENDING)),
)

REPORT_TYPE = join(field("type"), number, sep=" ")
REPORT = areas(lead(title_area(field("subtitle"), REPORT_TYPE)),
               publication("institution", "publisher", "organization"), extent, *ENDING)

TEMPLATES: dict[str, Part] = {
    "book": BOOK,
    "article": ARTICLE,
    "newspaper": NEWSPAPER,
    "part": PART,
    "thesis": THESIS,
    "online": ONLINE,
    "legislation": LEGISLATION,
    "report": REPORT,
    "typed": areas(field("title")),  # the description as typed (kinds.TYPED_SUBTYPES)
}


# The fields a description has a place for (docs/formatting.md §4), and those each form prints: a field of the
# first set that its entry's form does not print is lost without a word, so the build names it
# (kazthesis.resolve.references.warn_unprinted). The dates' parts (a journal article's month) and identifiers GOST
# leaves out of a reference list (ISBN) are not among them.
PLACED = frozenset({"subtitle", "titleaddon", "editor", "booktitle", "booksubtitle", "journaltitle", "series",
                    "volume", "number", "issue", "edition", "location", "publisher", "institution", "organization",
                    "school", "pages", "pagetotal", "type", "howpublished", "note", "url", "urldate", "doi", "eprint"})
_ENDING_FIELDS = {"howpublished", "note", "url", "urldate", "doi", "eprint"}
_PRINTED_BY_FORM: dict[str, set[str]] = {
    "book": {"volume", "edition", "location", "publisher", "organization", "pages", "pagetotal", "series", "number"},
    "article": {"journaltitle", "volume", "number", "issue", "pages"},
    "newspaper": {"journaltitle", "number", "issue", "pages"},
    "part": {"booktitle", "booksubtitle", "edition", "location", "publisher", "organization", "volume", "pages"},
    "thesis": {"type", "location", "pages", "pagetotal"},
    "online": {"titleaddon", "organization", "publisher", "journaltitle"},
    "legislation": {"journaltitle", "number", "issue", "pages", "organization", "edition", "publisher", "location",
                    "pagetotal"},
    "report": {"type", "number", "location", "institution", "publisher", "organization", "pages", "pagetotal"},
    "typed": set(PLACED),
}
PRINTED = {form: frozenset(fields | _ENDING_FIELDS | {"subtitle", "editor"})
           for form, fields in _PRINTED_BY_FORM.items()}


def unprinted(entry: Entry, style: str) -> list[str]:
    """The fields of ``entry`` that GOST has a place for but its form's description (in ``style``) leaves out."""
    # GOST 7.1-2003 has no place for a thesis's school (a manuscript), GOST R 7.0.100-2018 prints it: neither loses it.
    printed = PRINTED.get(entry.form, PRINTED["book"])
    if entry.form == "thesis":
        printed |= {"school", "institution"}
    return sorted(name for name in PLACED - printed if entry.get(name))


def format_entry_marked(entry: Entry, style: str = GOST_2003) -> str:
    """The entry's description with its italics as START … END markers: cut it with ``split_emphasis``."""
    if style not in STYLES:
        raise ValueError(f"unknown bibliography style {style!r}; expected one of {', '.join(STYLES)}")
    context = Context(entry, style, terms_for(entry.language, entry.title))
    return tidy(TEMPLATES.get(entry.form, BOOK)(context))


def format_entry(entry: Entry, style: str = GOST_2003) -> str:
    """The entry's description as plain Unicode text (no-break spaces in names, en dashes)."""
    return strip_emphasis(format_entry_marked(entry, style))
