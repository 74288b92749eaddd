"""Entries → GOST 7.1-2003 / GOST R 7.0.100-2018 descriptions (FORMATTING.md §4).

A description is a list of areas joined by ``. – ``; an area whose fields are
missing is simply absent, so no empty ``. – . –`` can appear. Each entry type
is one function in :data:`TEMPLATES`.
"""

from __future__ import annotations

import datetime
import re
from collections.abc import Callable

from kazthesis.bibliography.names import Person
from kazthesis.bibliography.reader import Entry
from kazthesis.bibliography.terms import FULL_CITY, MONTHS, TERMS, edition_text

NBSP = "\u00a0"
STYLES = ("gost-7.1-2003", "gost-r-7.0.100-2018")


def _end(text: str) -> str:
    """Text closed by a period unless it already ends with one (or ? !)."""
    text = text.rstrip()
    return text if not text or text[-1] in ".?!…" else text + "."


def _areas(*areas: str) -> str:
    """Join non-empty areas with ``. – `` (no doubled period after ``изд.``)."""
    present = [a.strip() for a in areas if a and a.strip()]
    out = ""
    for area in present:
        out = area if not out else f"{_end(out)} – {area}"
    return _end(out)


def _other_info(main: str, *others: str) -> str:
    """``Title : other title information`` — each present piece after `` : ``."""
    return " : ".join([main, *(o for o in others if o)])


def _pages(value: str) -> str:
    return re.sub(r"\s*[-–—]+\s*", "–", value.strip())


class _Description:
    """Shared pieces of every entry type."""

    def __init__(self, entry: Entry, style: str) -> None:
        self.entry = entry
        self.style = style
        self.terms = TERMS[entry.language]
        self.lang = entry.language

    def term(self, name: str, **values: str) -> str:
        return self.terms[name].format(**values).replace(" ", NBSP) if name in (
            "total", "pages", "volume", "number") else self.terms[name].format(**values)

    # --- names -------------------------------------------------------------------
    @property
    def people(self) -> list[Person]:
        return [p for p in self.entry.authors if p.last != "others"]

    @property
    def has_heading(self) -> bool:
        people = self.people
        return 1 <= len(people) <= 3 and not people[0].corporate and len(self.entry.authors) <= 3

    def heading(self) -> str:
        return self.people[0].heading if self.has_heading else ""

    def responsibility(self) -> str:
        """After `` / ``: all of 1–3 authors, or the first and "and others", then editors."""
        people = self.people
        parts = []
        if people:
            if len(self.entry.authors) <= 3:
                parts.append(", ".join(p.responsibility for p in people))
            else:
                parts.append(f"{people[0].responsibility} {self.terms['others']}")
        if self.entry.editors:
            editors = ", ".join(p.responsibility for p in self.entry.editors[:3])
            if len(self.entry.editors) > 3:
                editors += " " + self.terms["others"]
            parts.append(f"{self.terms['editor']} {editors}")
        return " ; ".join(parts)

    # --- areas -------------------------------------------------------------------
    def title(self, electronic: bool = False) -> str:
        text = _other_info(self.entry.get("title"), self.entry.get("subtitle"))
        if electronic and self.style == "gost-7.1-2003":
            text += " " + self.terms["eresource"]
        responsibility = self.responsibility()
        return f"{text} / {responsibility}" if responsibility else text

    def lead(self, electronic: bool = False) -> str:
        """Heading + title area."""
        heading = self.heading()
        return f"{heading} {self.title(electronic)}" if heading else self.title(electronic)

    def place(self) -> str:
        place = self.entry.get("location", "address")
        if self.style == "gost-r-7.0.100-2018":
            place = FULL_CITY.get(place, place)
        return place

    def publication(self, publisher_fields: tuple[str, ...] = ("publisher",)) -> str:
        """``Алматы : Өнер, 1996`` / ``Алматы, 2005`` / ``2005``."""
        place, publisher, year = self.place(), self.entry.get(*publisher_fields), self.entry.get("year")
        text = place
        if publisher:
            text = f"{text} : {publisher}" if text else publisher
        if year:
            text = f"{text}, {year}" if text else year
        return text

    def edition(self) -> str:
        value = self.entry.get("edition")
        return edition_text(value, self.lang) if value else ""

    def total_pages(self) -> str:
        value = self.entry.get("pagetotal") or (self.entry.get("pages") if self.entry.type in (
            "book", "collection", "mvbook", "proceedings", "thesis", "phdthesis", "mastersthesis", "report",
            "techreport", "legislation") else "")
        value = value.strip()
        return self.term("total", n=value) if value.isdigit() else value

    def page_range(self) -> str:
        value = self.entry.get("pages")
        return self.term("pages", p=_pages(value)) if value else ""

    def volume_number(self) -> str:
        volume, number = self.entry.get("volume"), self.entry.get("number", "issue")
        parts = [self.term("volume", v=volume) if volume else "", self.term("number", n=number) if number else ""]
        return ", ".join(p for p in parts if p)

    def url(self) -> str:
        url = self.entry.get("url")
        if not url:
            return ""
        text = f"URL: {url}"
        accessed = self.entry.get("urldate")
        if accessed:
            try:
                day = datetime.date.fromisoformat(accessed[:10]).strftime("%d.%m.%Y")
            except ValueError:
                day = accessed
            text += " " + self.terms["accessed"].format(d=day)
        return text

    def media(self, electronic: bool) -> str:
        """GOST R 7.0.100: the closing "Текст : электронный" area."""
        if self.style != "gost-r-7.0.100-2018":
            return ""
        return self.terms["text_online" if electronic else "text_print"]


def _book(entry: Entry, style: str) -> str:
    d = _Description(entry, style)
    electronic = bool(entry.get("url"))
    return _areas(d.lead(electronic), d.edition(), d.publication(("publisher", "institution", "organization")),
                  d.total_pages(), d.url(), d.media(electronic))


def _article(entry: Entry, style: str) -> str:
    d = _Description(entry, style)
    electronic = bool(entry.get("url"))
    journal = entry.get("journaltitle", "journal")
    host = f"{d.lead(electronic)} // {journal}"
    if entry.get("entrysubtype").lower() == "newspaper":
        date = ""
        if entry.get("day") and entry.get("month").isdigit():
            date = f"{int(entry.get('day'))}{NBSP}{MONTHS[d.lang][int(entry.get('month')) - 1]}"
        return _areas(host, entry.get("year"), date, entry.get("number") and d.term("number", n=entry.get("number")),
                      d.page_range(), d.url(), d.media(electronic))
    return _areas(host, entry.get("year"), d.volume_number(), d.page_range(), d.url(), d.media(electronic))


def _incollection(entry: Entry, style: str) -> str:
    d = _Description(entry, style)
    electronic = bool(entry.get("url"))
    book = _other_info(entry.get("booktitle"), entry.get("booksubtitle"))
    editors = ", ".join(p.responsibility for p in entry.editors)
    # Editors belong to the host: describe the part with its authors only.
    part = _Description(Entry(entry.key, entry.type, entry.line, dict(entry.fields), entry.authors, [],
                              entry.language), style)
    host = f"{part.lead(electronic)} // {book}"
    if editors:
        host += f" / {d.terms['editor']} {editors}"
    return _areas(host, d.publication(("publisher", "organization")), d.page_range(), d.url(), d.media(electronic))


def _thesis(entry: Entry, style: str) -> str:
    d = _Description(entry, style)
    title = _other_info(entry.get("title"), entry.get("subtitle"), entry.get("type"))
    responsibility = d.responsibility()
    lead = f"{title} / {responsibility}" if responsibility else title
    if d.heading():
        lead = f"{d.heading()} {lead}"
    place, year = d.place(), entry.get("year")
    manuscript = ", ".join(p for p in (place, year) if p)  # a manuscript: place and year only
    return _areas(lead, manuscript, d.total_pages(), d.media(False))


def _online(entry: Entry, style: str) -> str:
    d = _Description(entry, style)
    site = entry.get("organization", "publisher", "howpublished", "journaltitle", "journal")
    lead = d.lead(True)
    if site:
        lead += f" // {site}"
    return _areas(lead, entry.get("year"), d.url(), d.media(True))


def _legislation(entry: Entry, style: str) -> str:
    d = _Description(entry, style)
    electronic = bool(entry.get("url"))
    title = _other_info(entry.get("title"), entry.get("subtitle"))
    if electronic and style == "gost-7.1-2003":
        title += " " + d.terms["eresource"]
    site = entry.get("organization", "howpublished", "journaltitle")
    if electronic and site:
        title += f" // {site}"
    return _areas(title, d.edition(), d.publication(), d.total_pages(), d.url(), d.media(electronic))


def _misc(entry: Entry, style: str) -> str:
    if entry.is_legal_act:
        return _legislation(entry, style)
    if entry.get("url"):
        return _online(entry, style)
    return _book(entry, style)


TEMPLATES: dict[str, Callable[[Entry, str], str]] = {
    "book": _book, "mvbook": _book, "collection": _book, "mvcollection": _book, "proceedings": _book,
    "report": _book, "techreport": _book,
    "article": _article,
    "incollection": _incollection, "inproceedings": _incollection, "inbook": _incollection,
    "phdthesis": _thesis, "mastersthesis": _thesis, "thesis": _thesis,
    "online": _online, "www": _online, "electronic": _online,
    "legislation": _legislation, "legal": _legislation, "law": _legislation,
    "misc": _misc,
}


def format_entry(entry: Entry, style: str = "gost-7.1-2003") -> str:
    """The entry's description as plain Unicode text (no-break spaces included)."""
    template = TEMPLATES.get(entry.type, _book)
    return template(entry, style)
