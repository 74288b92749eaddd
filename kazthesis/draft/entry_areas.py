"""One typed reference-list entry → its GOST areas, each recognised for what it holds.

GOST 7.1 separates areas by ``. – ``; students type ``. -``, ``.–``, ``. —``
or leave the dash out. The text is tidied (dashes, spaces around ``//``,
``:`` and ``/`` outside the title), split into areas, and each area after the
first is matched against the forms the formatter writes (its terms in each
language come from :mod:`kazthesis.bibliography.terms`): URL with access date,
DOI, year, ``Т. 3, № 4``, pages, page count, edition, ``Place : Publisher, Year``,
series, a newspaper's day and month, 7.0.100's ``Текст : электронный``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from kazthesis.lang.registry import LANGUAGES

UPPER = "A-ZА-ЯЁӘҒҚҢӨҰҮҺІЎҲЄЇҐ"
LOWER = "a-zа-яёәғқңөұүһіўҳєїґ"
# Every language's description terms, each script's table of a language on its own.
SOURCE_TABLES = [table for entry in LANGUAGES.values() for table in entry.sources.values()]


def _term_words(name: str) -> set[str]:
    """The fixed part of a term in every language: ``(қаралған күні: {d})`` → ``қаралған күні``."""
    words = set()
    for table in SOURCE_TABLES:
        text = table.terms[name]
        words.add(re.sub(r"\{\w\}", "", text).strip(" ():[]"))
    return words


ACCESSED_LABELS = {re.sub(r":\s*$", "", w).strip() for w in _term_words("accessed")} | {
    "дата доступа", "дата обращения", "қаралған күні", "accessed", "date of access", "қаралды", "обращение"}
MEDIUMS = {t.strip("[]") for t in _term_words("eresource")} | {"Электронный ресурс", "Электрондық ресурс",
                                                                "Electronic resource", "Текст", "Мәтін"}
MEDIUM_RE = re.compile(r"\s*\[(?:" + "|".join(sorted(map(re.escape, MEDIUMS), key=len, reverse=True)) + r")\]",
                       re.IGNORECASE)
CLOSING_RE = re.compile(r"^(?:Текст|Мәтін|Text|Матн|Matn)\s*:\s*[\w ,]+$", re.IGNORECASE)
MONTH_WORDS = {name.lower().rstrip("."): (lang, number)
               for lang, entry in LANGUAGES.items() for table in entry.sources.values()
               for number, name in enumerate(table.months, 1)}

URL_RE = re.compile(r"^(?:URL|Режим доступа|Қолжетімділік режимі|Available at|Access mode)\s*:\s*(?P<url>\S+?)"
                    r"(?:\s*\((?P<label>[^():]+?)\s*:\s*(?P<date>\d{1,2}\.\d{1,2}\.\d{2,4})\s*\)?)?\.?$",
                    re.IGNORECASE)
DOI_RE = re.compile(r"^(?:DOI|doi)\s*:?\s*(?P<doi>10\.\S+?)\.?$")
EPRINT_RE = re.compile(r"^(?P<kind>arXiv|JSTOR|PMID|PMCID|HDL|SSRN)\s*:\s*(?P<id>\S+)(?:\s*\[(?P<cls>[^\]]+)\])?\.?$")
YEAR_RE = re.compile(r"^(?P<year>(?:1[5-9]|20)\d{2})(?:\s*(?:ж|г|y)\.)?\.?$")
PAGES_RE = re.compile(r"^(?:[СсCcPpРр]|Pp|pp|Стр|стр|Б|б|B|b)\.\s*(?P<p>\d+(?:\s*[-–—]\s*\d+)?)\.?$"
                      r"|^(?P<q>\d+(?:\s*[-–—]\s*\d+)?)\s*(?:б|b|бет|бб)\.?$")
RANGE_RE = re.compile(r"^(?P<q>\d+\s*[-–—]\s*\d+)\s*(?:[сcp]|pp|стр)\.?$")
TOTAL_RE = re.compile(r"^(?P<n>\d+(?:\s*\[\d+\])?)\s*(?P<unit>с|c|б|b|p|pp|стр|бет|л|s)\.?$")
VOLUME_RE = re.compile(r"^(?:Т|T|Vol|Том|Volume|Jild)\.?\s*(?P<v>[\w-]+)(?:\s*,\s*(?:№|No\.?|N|Вып\.|Iss\.)\s*"
                       r"(?P<n>.+?))?\.?$")
NUMBER_RE = re.compile(r"^(?:№|No\.?|N|Вып\.|Iss\.|Issue)\s*(?P<n>[^.]+?(?:\.\d+)*)\.?$")
DAY_MONTH_RE = re.compile(rf"^(?P<d>\d{{1,2}})\s+(?P<m>[{LOWER}{UPPER}]+)\.?$")
EDITION_RE = re.compile(r"^(?P<n>\d+)(?:-?е изд|-бас|-басылым|-нашр|-nashr|-izd|st ed|nd ed|rd ed|th ed)\.?$",
                        re.IGNORECASE)
EDITION_TEXT_RE = re.compile(r"(?:изд\.|басылым|ed\.|edition|нашр)", re.IGNORECASE)
PUBLICATION_RE = re.compile(r"^(?P<place>[^:\d][^:]*?)\s*:\s*(?P<publisher>.+?)\s*,\s*(?P<year>(?:1[5-9]|20)\d{2})"
                            r"(?:\s*(?:ж|г)\.)?\.?$")
PLACE_YEAR_RE = re.compile(rf"^(?P<place>[{UPPER}][^:\d]*?)\s*,\s*(?P<year>(?:1[5-9]|20)\d{{2}})\.?$")
SERIES_RE = re.compile(r"^\((?P<series>.+?)(?:\s*;\s*(?P<number>[^;()]+))?\)\.?$")


@dataclass
class Area:
    """One area of an entry: what it was recognised as (``kind``) and the values it gave."""

    text: str
    kind: str = "unknown"
    values: dict[str, str] = field(default_factory=dict)


def tidy(text: str) -> str:
    """Spaces and dashes as GOST writes them: ``. –`` between areas, `` // `` before the host."""
    text = text.replace("\u00a0", " ").replace("\u202f", " ").replace("\t", " ")
    text = re.sub(r"[\u00ad\u200b¬]", "", text)
    text = re.sub(r"\s+", " ", text).strip()
    text = re.sub(r"\s*//\s*", " // ", text.replace("://", "\x00")).replace("\x00", "://")
    # ". -", ".–", ". —", ". --" between areas → ". – "
    text = re.sub(r"\.\s*(?:--|[-–—−])\s+(?=\S)", ". – ", text)
    text = re.sub(r"(?<=\w\w)\.\s*[–—−](?=\S)|(?<=\d)\.\s*[–—−](?=\S)", ". – ", text)  # not "U.S.–Kazakhstan"
    text = re.sub(r"\s+(?:--|—|−)\s+", " – ", text)
    text = re.sub(r"(?<=\d)\s*(?:--|—)\s*(?=\d)", "–", text)
    return text


def split_areas(text: str) -> list[str]:
    """The areas of a tidied entry (the URL area kept whole: an address may hold ``. –``)."""
    url_at = re.search(r"(?:URL|Режим доступа)\s*:", text)
    head, tail = (text[:url_at.start()], text[url_at.start():]) if url_at else (text, "")
    parts = []
    for piece in re.split(r"\.\s+–\s+", head):
        # "…, 2022 – 384 p.": a dash typed without the period before it, where an area follows
        bits = piece.split(" – ")
        current = bits[0]
        for bit in bits[1:]:
            if classify(bit).kind not in ("unknown", "edition_text") and re.search(r"[\d.]$", current):
                parts.append(current.strip())
                current = bit
            else:
                current += " – " + bit
        parts.append(current.strip())
    if tail:
        if parts and not parts[-1]:
            parts.pop()
        closing = re.split(r"\.\s+–\s+", tail)  # URL … (date). – DOI: … . – Текст : электронный.
        parts.extend(p.strip() for p in closing)
    return [p for p in parts if p]


def classify(text: str) -> Area:
    """What one area (not the first) holds."""
    text = text.strip()
    bare = text.rstrip(".") if not re.search(r"\b(?:изд|бас|ed|с|б|p|pp|стр|ж|г|л|b)\.$", text) else text
    for kind, pattern in (("url", URL_RE), ("doi", DOI_RE), ("eprint", EPRINT_RE), ("year", YEAR_RE),
                          ("pages", PAGES_RE), ("range", RANGE_RE), ("total", TOTAL_RE), ("volume", VOLUME_RE),
                          ("number", NUMBER_RE), ("edition", EDITION_RE), ("publication", PUBLICATION_RE),
                          ("place_year", PLACE_YEAR_RE), ("series", SERIES_RE)):
        match = pattern.match(text) or pattern.match(bare)
        if match:
            values = {k: v for k, v in match.groupdict().items() if v}
            if kind == "range":
                kind = "pages"
            return Area(text, kind, values)
    if CLOSING_RE.match(bare):
        return Area(text, "closing")
    match = DAY_MONTH_RE.match(text)
    if match and match.group("m").lower().rstrip(".") in MONTH_WORDS:
        return Area(text, "day_month", {"d": match.group("d"), "m": match.group("m")})
    if EDITION_TEXT_RE.search(text) and len(text) < 60:
        return Area(text, "edition_text", {"e": text})
    return Area(text, "unknown")


def split_loose(first: str) -> tuple[str, list[str]]:
    """A first area that swallowed the imprint for want of dashes (``Title. Алматы : Өнер, 1996. 272 б.``):
    the title part, and the areas cut off its end."""
    pieces = re.split(r"(?<=[^\s.]{2}\.)\s+(?=\S)", first)
    cut: list[str] = []
    while len(pieces) > 1:
        candidate = pieces[-1]
        if classify(candidate).kind in ("unknown", "edition_text"):
            joined = pieces[-2] + " " + candidate
            if classify(joined).kind in ("unknown", "edition_text"):
                break
            pieces = pieces[:-2] + [joined]
            continue
        cut.insert(0, candidate)
        pieces.pop()
    return " ".join(pieces), cut
