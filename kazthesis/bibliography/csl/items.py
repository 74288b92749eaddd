"""An :class:`Entry` (as the BibTeX reader decoded it) → a CSL-JSON item for a CSL processor.

Every entry type the reader knows gets a CSL type, and every field it decodes goes where CSL
expects it, in the shapes Zotero's BibLaTeX export writes (``journaltitle``, ``date``,
``urldate``, ``institution`` for a report's or thesis's publisher, ``titleaddon`` for a web
page's site) and the shapes biblatex-apa documents (``origtitle`` for a title in its own
language beside its English ``title``, ``publisher`` of a thesis for its repository).

When the citing document is English (``romanize``), a source in Cyrillic is romanized
(:mod:`kazthesis.lang.transliteration`) and its title followed by the English translation in
square brackets, from ``titleaddon`` (or ``title`` beside an ``origtitle``), as APA 7 asks.
The translation is wrapped in CSL-JSON's ``nodecor`` span, so it stays upright inside an
italic title. :attr:`CslItem.untranslated` tells the caller to warn when there is none.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from kazthesis.bibliography.dates import parse_iso_date
from kazthesis.bibliography.emphasis import END, START
from kazthesis.bibliography.kinds import THESIS_TYPES
from kazthesis.bibliography.model import Entry, Person
from kazthesis.bibliography.names import parse_names
from kazthesis.i18n import N_, _
from kazthesis.lang.transliteration import has_cyrillic, transliterate
from kazthesis.problems import Problems

# BibTeX/biblatex type → CSL type (CSL 1.0.2 names). @misc is decided by its fields.
CSL_TYPES: dict[str, str] = {
    "book": "book", "mvbook": "book", "collection": "book", "mvcollection": "book", "proceedings": "book",
    "mvproceedings": "book", "reference": "book", "mvreference": "book", "periodical": "periodical",
    "article": "article-journal", "suppperiodical": "article-journal", "review": "review",
    "commentary": "article-journal",
    "incollection": "chapter", "inbook": "chapter", "bookinbook": "chapter", "suppbook": "chapter",
    "suppcollection": "chapter", "inproceedings": "paper-conference", "conference": "paper-conference",
    "inreference": "entry-encyclopedia",
    "phdthesis": "thesis", "mastersthesis": "thesis", "thesis": "thesis",
    "online": "webpage", "www": "webpage", "electronic": "webpage",
    "legislation": "legislation", "legal": "legislation", "jurisdiction": "legal_case",
    "report": "report", "techreport": "report", "manual": "report",
    "booklet": "pamphlet", "unpublished": "manuscript", "standard": "standard", "patent": "patent",
    "letter": "personal_communication", "artwork": "graphic", "image": "graphic", "dataset": "dataset",
    "software": "software", "video": "motion_picture", "movie": "motion_picture", "audio": "song",
    "music": "song", "performance": "performance",
}
ENTRYSUBTYPES = {"newspaper": "article-newspaper", "magazine": "article-magazine"}
# The degree a thesis's `type` key (or its entry type) names, in the languages of the CSL locales.
DEGREES = {
    "phd": {"en": "Doctoral dissertation", "ru": "Дис. … д-ра философии (PhD)", "kk": "PhD диссертациясы"},
    "doctor": {"en": "Doctoral dissertation", "ru": "Дис. … д-ра наук", "kk": "Ғылым докторы диссертациясы"},
    "candidate": {"en": "Candidate dissertation", "ru": "Дис. … канд. наук", "kk": "Ғылым кандидаты диссертациясы"},
    "master": {"en": "Master’s thesis", "ru": "Магистерская диссертация", "kk": "Магистрлік диссертация"},
}
# Types whose `number` is one identifier ("NIH Publication No. 18-2424"), never a range of numbers.
IDENTIFIER_TYPES = {"report", "thesis", "standard", "patent", "legislation", "legal_case", "software", "dataset"}
_ARXIV = re.compile(r"arxiv", re.IGNORECASE)


@dataclass
class CslItem:
    """A CSL-JSON item and what the caller should warn about."""

    data: dict[str, Any]
    untranslated: bool = False  # romanized, but no English translation of the title was given


LANGUAGE_NAMES = {"kk": N_("Kazakh"), "ru": N_("Russian"), "uz": N_("Uzbek")}


def csl_items(entries: Iterable[Entry], language: str, romanize: bool, problems: Problems,
              bib_path: Path) -> list[dict[str, Any]]:
    """The CSL-JSON items of ``entries``; one warning for each romanized title without a translation."""
    items = []
    for entry in entries:
        item = to_csl(entry, language, romanize)
        if item.untranslated:
            language_name = LANGUAGE_NAMES.get(entry.language, N_("Cyrillic script"))
            problems.warning(bib_path, entry.line, _("entry '{key}' is in {language}: the list romanizes its title and "
                                                     "should follow it with the English translation in square "
                                                     "brackets").format(key=entry.key, language=_(language_name)),
                             _("add titleaddon = {the title in English}"))
        items.append(item.data)
    return items


def to_csl(entry: Entry, language: str, romanize: bool) -> CslItem:
    """The CSL-JSON item for ``entry`` in a document written in ``language`` (kk, ru, en)."""
    fields = entry.fields
    kind = _csl_type(entry)
    roman = _Romanizer(entry.language if romanize else "")
    item: dict[str, Any] = {"id": entry.key, "type": kind, "language": entry.language}
    untranslated = _titles(entry, kind, roman, item)
    for role, people in (("author", entry.authors), ("editor", entry.editors)):
        if people:
            item[role] = [_name(p, roman) for p in people]
    if fields.get("translator"):
        item["translator"] = [_name(p, roman) for p in parse_names(fields["translator"], lambda s: s)[0]]
    _issued(entry, item)
    if fields.get("urldate"):
        year, month, day = _any_date(fields["urldate"])
        if year:
            item["accessed"] = {"date-parts": [[x for x in (year, month, day) if x]]}
    _numbers(entry, kind, item)
    _publishing(entry, kind, language, roman, item)
    for source, target in (("doi", "DOI"), ("url", "URL"), ("isbn", "ISBN"), ("issn", "ISSN"),
                           ("eventtitle", "event-title"), ("venue", "event-place"), ("version", "version")):
        if fields.get(source):
            item[target] = roman(fields[source]) if target.startswith("event") else fields[source]
    if _ARXIV.fullmatch(fields.get("eprinttype", "")) and fields.get("eprint") and "URL" not in item:
        item["URL"] = f"https://arxiv.org/abs/{fields['eprint']}"
    note = " ".join(v for v in (fields.get("note", ""), fields.get("addendum", "")) if v)
    if note:
        item["note"] = _rich(roman(note))
    return CslItem({k: v for k, v in item.items() if v not in ("", None, [])}, untranslated)


class _Romanizer:
    """Transliterates Cyrillic text for an English document; leaves everything as it is otherwise."""

    def __init__(self, language: str) -> None:
        self.language = language  # "" when nothing is romanized

    def __call__(self, text: str) -> str:
        return transliterate(text, self.language) if self.language and has_cyrillic(text) else text


def _csl_type(entry: Entry) -> str:
    fields, kind = entry.fields, entry.type
    if kind == "misc":
        if entry.form == "legislation":
            return "legislation"
        return "webpage" if fields.get("url") else "document"
    if kind == "article":
        return ENTRYSUBTYPES.get(fields.get("entrysubtype", "").strip().lower(), "article-journal")
    if kind in CSL_TYPES:
        return CSL_TYPES[kind]
    # A type the reader does not know: it chose the nearest form, and so do we.
    return {"book": "book", "article": "article-journal", "newspaper": "article-newspaper", "part": "chapter",
            "thesis": "thesis", "online": "webpage", "legislation": "legislation", "report": "report"}[entry.form]


def _joined(title: str, subtitle: str) -> str:
    """``Title: Subtitle``, the subtitle's first letter a capital as English and Russian styles write it."""
    if not subtitle:
        return title
    if not title:
        return subtitle
    separator = " " if title.rstrip(END)[-1:] in ":.?!" else ": "
    return f"{title}{separator}{subtitle[:1].upper()}{subtitle[1:]}"


def _titles(entry: Entry, kind: str, roman: _Romanizer, item: dict[str, Any]) -> bool:
    """title, container-title, collection-title and title-short; True when a translation is missing."""
    fields = entry.fields
    title = _joined(fields.get("title", ""), fields.get("subtitle", ""))
    addon = fields.get("titleaddon", "")
    translation = ""
    if fields.get("origtitle"):  # biblatex-apa: the title in its own language beside the English one
        translation, title = (title if roman.language else ""), fields["origtitle"]
    elif addon and has_cyrillic(title) and not has_cyrillic(addon):
        translation = addon if roman.language else ""  # an English title beside a Cyrillic one: for English papers
    elif addon and kind == "webpage" and not _site(fields):
        fields = {**fields, "howpublished": addon}  # Zotero's BibLaTeX export: the site's name
    elif addon:
        translation = addon  # biblatex-apa: a description such as "Editorial", in square brackets
    untranslated = bool(roman.language and has_cyrillic(title) and not translation)
    item["title"] = _rich(roman(title)) + (_upright(f"[{translation}]") if translation else "")
    if fields.get("shorttitle") or translation:  # a citation by title names the work, not its translation
        item["title-short"] = _rich(roman(fields.get("shorttitle") or title))
    container = ""
    if kind in ("chapter", "paper-conference", "entry-encyclopedia"):
        container = _joined(fields.get("booktitle", ""), fields.get("booksubtitle", ""))
        book_addon = fields.get("booktitleaddon", "")
        if container and book_addon and roman.language and has_cyrillic(container):
            item["container-title"] = _rich(roman(container)) + _upright(f"[{book_addon}]")
            container = ""
    elif kind.startswith("article") or kind == "review":
        container = _joined(fields.get("journaltitle", ""), fields.get("journalsubtitle", ""))
    elif kind == "webpage":
        container = _site(fields)
    if container and [container] == [p.last for p in entry.authors if p.corporate]:
        container = ""  # the organisation that wrote the page is the site: named once (APA 7, 9.16)
    if container:
        item["container-title"] = _rich(roman(container))
    if fields.get("shortjournal"):
        item["container-title-short"] = roman(fields["shortjournal"])
    if fields.get("series"):
        item["collection-title"] = _rich(roman(fields["series"]))
    return untranslated


def _site(fields: dict[str, str]) -> str:
    """A web page's site, as the GOST templates take it: organization, publisher, howpublished, journal."""
    return next((fields[n] for n in ("organization", "publisher", "howpublished", "journaltitle") if fields.get(n)),
                "")


def _name(person: Person, roman: _Romanizer) -> dict[str, str]:
    if person.corporate or not (person.given or person.initials):
        return {"literal": roman(person.last)} if person.corporate else {"family": roman(person.last)}
    given = person.given or " ".join(person.initials)
    if roman.language and has_cyrillic(given):
        # Romanized, a Cyrillic initial can be two letters (Ю. → Yu., Х. → Kh.), which a style's own
        # initializing would cut to one: hand it the initials ready-made.
        given = " ".join(person.initials)
    name = {"family": roman(person.last), "given": roman(given)}
    if person.prefix:
        name["non-dropping-particle"] = roman(person.prefix)
    if person.suffix:
        name["suffix"] = person.suffix
    return name


def _any_date(text: str) -> tuple[int | None, int | None, int | None]:
    """An ISO date, or the ``15.03.2024`` students copy from GOST lists."""
    match = re.fullmatch(r"\s*(\d{1,2})\.(\d{1,2})\.(\d{4})\s*", text)
    if match:
        day, month, year = (int(g) for g in match.groups())
        return (year, month, day) if 1 <= month <= 12 and 1 <= day <= 31 else (year, None, None)
    return parse_iso_date(text)


def _issued(entry: Entry, item: dict[str, Any]) -> None:
    if entry.year is None:
        return  # the style prints its "no date" term (APA: n.d.)
    parts = [entry.year]
    if entry.month:
        parts.append(entry.month)
        if entry.day:
            parts.append(entry.day)
    item["issued"] = {"date-parts": [parts]}


def _numbers(entry: Entry, kind: str, item: dict[str, Any]) -> None:
    fields = entry.fields
    if fields.get("volume"):
        item["volume"] = fields["volume"]
    if fields.get("edition"):
        item["edition"] = fields["edition"]
    pages = fields.get("pages", "")
    if kind in ("book", "report", "thesis", "pamphlet") and not fields.get("pagetotal") and pages and "-" not in pages \
            and "–" not in pages:
        item["number-of-pages"] = pages  # a book's `pages` is its length (as the GOST templates read it)
    elif pages:
        item["page"] = pages.replace("–", "-")
    if fields.get("pagetotal"):
        item["number-of-pages"] = fields["pagetotal"]
    if fields.get("volumes"):
        item["number-of-volumes"] = fields["volumes"]
    if fields.get("chapter"):
        item["chapter-number"] = fields["chapter"]
    number = fields.get("number", "")
    if kind.startswith("article") or kind == "review":
        item["issue"] = fields.get("issue") or number
    elif kind in IDENTIFIER_TYPES:
        item["number"] = number
    elif number and fields.get("series"):
        item["collection-number"] = number
    elif number:
        item["number"] = number


def _publishing(entry: Entry, kind: str, language: str, roman: _Romanizer, item: dict[str, Any]) -> None:
    """publisher, publisher-place, genre and archive: a thesis's university is its publisher."""
    fields = entry.fields
    if kind == "thesis":
        item["publisher"] = roman(fields.get("institution") or fields.get("school", ""))
        item["archive"] = roman(fields.get("publisher", ""))  # the database or repository that holds it
        item["genre"] = _degree(entry, language)
    else:
        publisher = fields.get("publisher") or fields.get("institution") or (
            fields.get("organization", "") if kind in ("report", "book", "paper-conference") else "")
        if kind != "webpage":
            item["publisher"] = roman(publisher)
        if fields.get("type") and kind not in ("legislation",):
            item["genre"] = roman(fields["type"])
    if fields.get("location"):
        item["publisher-place"] = roman(fields["location"].replace(" ; ", "; "))
    if kind not in ("thesis", "webpage") and not item.get("archive") and fields.get("library"):
        item["archive"] = roman(fields["library"])


def _degree(entry: Entry, language: str) -> str:
    """A thesis's genre: the degree its ``type`` key names, in the document's language; other text as written."""
    written = entry.fields.get("type", "").strip()
    key = THESIS_TYPES.get(written.lower()) or (None if written else THESIS_TYPES.get(entry.type))
    if key is None and language == "en" and has_cyrillic(written):  # "дис. … канд. ист. наук : 07.00.03"
        key = next((degree for degree, pattern in _DEGREE_WORDS if pattern.search(written)), None)
        if key is None:
            return transliterate(written, "kk" if entry.language == "kk" else "ru")
    if key is None:
        return written
    return DEGREES[key].get(language, DEGREES[key]["en"])


# How a Russian or Kazakh `type` names the degree, for an English list.
_DEGREE_WORDS = tuple((degree, re.compile(pattern, re.IGNORECASE)) for degree, pattern in (
    ("phd", r"phd|философия докторы|доктора философии"), ("candidate", r"канд"),
    ("doctor", r"д-ра|доктор|докт"), ("master", r"магист")))


def _escape(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def _rich(text: str) -> str:
    """Decoded text → CSL-JSON rich text: our italics markers become ``<i>`` (which CSL flips inside italics)."""
    return _escape(text).replace(START, "<i>").replace(END, "</i>")


def _upright(text: str) -> str:
    """A span that the style's italics or quotes never reach, after a space."""
    return f' <span class="nodecor">{_escape(text)}</span>'
