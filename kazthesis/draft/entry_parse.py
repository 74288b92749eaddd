"""A typed reference-list entry → the fields of a references.bib entry (type, authors, title, imprint…).

The inverse of :mod:`kazthesis.bibliography.gost`: the areas from
:mod:`.entry_areas` give the imprint, the first area gives the heading (the
first author inverted), the title and other title information (a thesis's
type, a law's date and number), the statement of responsibility after `` / ``
(authors, ``[и др.]``, editors after ``под ред.``) and the host after ``//``
(a journal, a book, a site). The entry type follows from what was found; the
language from the terms it is typed with (``с.``/``б.``/``p.``,
``[Электронный ресурс]``…), else from its title.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from kazthesis.bibliography.terms import detect_language
from kazthesis.draft.entry_areas import (
    ACCESSED_LABELS,
    LOWER,
    MEDIUM_RE,
    MONTH_WORDS,
    SOURCE_TABLES,
    UPPER,
    Area,
    classify,
    split_areas,
    split_loose,
    tidy,
)

INITIAL = rf"(?:[{UPPER}][{LOWER}]?\.(?:\s?-\s?[{UPPER}][{LOWER}]?\.)?)"
INITIALS = rf"(?:{INITIAL}\s?){{1,3}}"
SURNAME = rf"[{UPPER}][{LOWER}{UPPER}'’ʻ`-]+"
HEADING_COMMA = re.compile(rf"^(?P<last>{SURNAME}(?:\s{SURNAME})?),\s*(?P<init>{INITIALS})\s*(?P<rest>.*)$")
HEADING_LOOSE = re.compile(rf"^(?P<last>{SURNAME})\s+(?P<init>{INITIALS})\s*(?P<rest>.*)$")
MORE_LOOSE = re.compile(rf"^,\s*(?P<last>{SURNAME})\s+(?P<init>{INITIALS})\s*(?P<rest>.*)$")
NAME_INITIALS_FIRST = re.compile(rf"^(?P<init>{INITIALS})\s*(?P<last>{SURNAME}(?:\s{SURNAME})?)$")
NAME_INVERTED = re.compile(rf"^(?P<last>{SURNAME}(?:\s{SURNAME})?),?\s+(?P<init>{INITIALS})$")
OTHERS = {table.terms["others"] for table in SOURCE_TABLES} | {"и др.", "т.б.", "et al.", "[и др]", "[т. б.]", "и др"}
OTHERS_RE = re.compile(r"\s*(?:" + "|".join(re.escape(o) for o in sorted(OTHERS, key=len, reverse=True)) + r")\.?$")
EDITOR_RE = re.compile(r"^(?:под\s+(?:общ\.\s+|науч\.\s+)?ред\.|ред\.|жалпы\s+ред\.|ed\.\s+by|edited\s+by|eds?\.|"
                       r"таҳр\.|tahr\.)\s*(?P<names>.+)$", re.IGNORECASE)
THESIS_RE = re.compile(r"(?:^|\s)(?:автореф\.|дис\.|диссертация|диссертациясы|автореферат|dis\.|avtoref\.|"
                       r"(?:PhD|Master's|Doctoral|master's|doctoral)\s+(?:thesis|dissertation)|thesis|dissertation)",
                       re.IGNORECASE)
LEGAL_RE = re.compile(r"\b(?:Закон|Заңы|Кодекс|Конституция|Конституциясы|Указ|Жарлығы|Постановление|Қаулысы|"
                      r"Приказ|Бұйрығы|Law|Act|Code|Constitution|Decree|Resolution|Қонуни|Farmoni|Қарори|"
                      r"Кодексі|Ережесі|Положение)\b")
# Words that say which language's terms an entry is typed with; "б." alone is Kazakh or Uzbek.
LANGUAGE_CUES = {
    "ru": (r"\[Электронный ресурс\]", r"дата обращения", r"\d\s?с\.", r"(?:^|\s)С\.\s?\d", r"под ред\.",
           r"\[и др\.\]", r"изд\.", r"Текст\s?:", r"дис\.\s*\.\.\.\s*канд"),
    "kk": (r"\[Электрондық ресурс\]", r"қаралған күні", r"\[т\.\s?б\.\]", r"-бас\.", r"Мәтін\s?:"),
    "uz": (r"\[Электрон ресурс\]", r"мурожаат санаси", r"\[ва б\.\]", r"таҳр\.", r"нашр", r"Матн\s?:"),
    "en": (r"\[Electronic resource\]", r"accessed", r"\d\s?p\.", r"(?:^|\s)P\.\s?\d", r"Vol\.", r"No\.",
           r"ed\. by", r"\[et al\.\]", r"Text\s?:"),
}
LANGIDS = {"kk": "kazakh", "ru": "russian", "en": "english", "uz": "uzbek"}


@dataclass
class Parsed:
    """What a typed entry says, under BibTeX/biblatex field names; ``leftover`` is what fits no field."""

    type: str = "book"
    fields: dict[str, str] = field(default_factory=dict)
    authors: list[str] = field(default_factory=list)  # "Хабаров, А. В." or "{Corporate body}"
    editors: list[str] = field(default_factory=list)
    more_authors: bool = False
    language: str = "en"
    electronic: bool = False
    leftover: list[str] = field(default_factory=list)
    tidied: str = ""


def _initials(text: str) -> str:
    """``А.В.`` → ``А. В.``, ``Қ.-Ж.`` kept."""
    text = re.sub(r"\s*-\s*", "-", text.strip())
    return re.sub(r"\.(?=[^\s-])", ". ", text).strip()


def _person(text: str) -> str | None:
    """``А. В. Хабаров`` or ``Хабаров А.В.`` → ``Хабаров, А. В.``; None when it is not a person's name."""
    text = text.strip()
    match = NAME_INITIALS_FIRST.match(text) or NAME_INVERTED.match(text)
    if not match:
        return None
    return f"{match.group('last')}, {_initials(match.group('init'))}"


def _names(text: str, parsed: Parsed) -> tuple[list[str], bool]:
    """A statement of responsibility's names; True when it is an organisation's name instead."""
    text = text.strip()
    more = bool(OTHERS_RE.search(text))
    if more:
        text = OTHERS_RE.sub("", text).strip()
        parsed.more_authors = True
    people = [_person(piece) for piece in re.split(r"\s*,\s*(?=[^\s,]{1,3}\.|\S+\s+[^\s]{1,2}\.)", text)]
    if people and all(people):
        return [p for p in people if p], False
    return [text], True


def _responsibility(text: str, parsed: Parsed, has_heading: bool) -> None:
    for group in re.split(r"\s+;\s+", text):
        editor = EDITOR_RE.match(group.strip())
        if editor:
            names, corporate = _names(editor.group("names"), Parsed())
            parsed.editors = names if not corporate else ["{" + names[0] + "}"]
            continue
        names, corporate = _names(group, parsed)
        if corporate:
            if parsed.authors and has_heading:
                parsed.leftover.append(group)
            else:
                parsed.authors = ["{" + group.strip() + "}"]
        else:
            parsed.authors = names


def _title_part(text: str, parsed: Parsed) -> None:
    """``Title [medium] : other : дис. ... : 07.00.03. Т. 2`` → title, subtitle, type, volume."""
    if MEDIUM_RE.search(text):
        parsed.electronic = True
        text = MEDIUM_RE.sub("", text, count=1)
    volume = re.search(r"\.\s+(?:Т|Vol|T)\.\s*(\S+)$", text)
    if volume:
        parsed.fields["volume"] = volume.group(1)
        text = text[:volume.start()]
    parts = [p.strip() for p in re.split(r"\s+:\s+", text)]
    parsed.fields["title"] = parts[0].rstrip()
    others = parts[1:]
    for index, part in enumerate(others):
        if THESIS_RE.search(part):
            if index:
                parsed.fields["subtitle"] = " : ".join(others[:index])
            parsed.fields["type"] = " : ".join(others[index:])
            parsed.type = "thesis"
            return
    if others:
        parsed.fields["subtitle"] = " : ".join(others)


def _host(text: str, parsed: Parsed) -> str:
    """The part after ``//``: a journal or site as it stands; a book's title, subtitle and editors."""
    main, _, editors = text.partition(" / ")
    if editors:
        match = EDITOR_RE.match(editors.strip())
        names, corporate = _names(match.group("names") if match else editors, Parsed())
        parsed.editors = names if not corporate else ["{" + names[0] + "}"]
    return main.strip()


def language_of(typed: str, title_text: str) -> str:
    """The language whose terms the entry is typed with; else the one its title is written in."""
    scores = {lang: sum(bool(re.search(cue, typed)) for cue in cues) for lang, cues in LANGUAGE_CUES.items()}
    best = max(scores, key=lambda lang: scores[lang])
    detected = detect_language(title_text)
    if re.search(r"\d\s?б\.|(?:^|\s)\d+[-–]\d+\s?б\.", typed) and scores[best] == 0:
        return "uz" if detected == "uz" else "kk"
    if scores[best] == 0:
        return detected
    if best == "kk" and detected == "uz":
        return "uz"
    return best


def parse_entry(text: str) -> Parsed:
    """The fields of one typed entry (its list number already taken off)."""
    parsed = Parsed()
    typed = tidy(text)
    parsed.tidied = typed
    areas = split_areas(typed)
    if not areas:
        return parsed
    first, rest = areas[0], [classify(a) for a in areas[1:]]
    if not rest or all(a.kind == "unknown" for a in rest):
        first, cut = split_loose(" ".join([first, *[a.text for a in rest]]) if rest else first)
        first = first.rstrip(".")
        rest = [classify(a) for a in cut]
    _first_area(first, parsed)
    _imprint(rest, parsed)
    _decide_type(parsed)
    title_text = " ".join(parsed.fields.get(n, "") for n in ("title", "subtitle", "journaltitle", "booktitle"))
    parsed.language = language_of(typed, title_text)
    parsed.fields["langid"] = LANGIDS[parsed.language]
    return parsed


def _first_area(first: str, parsed: Parsed) -> None:
    heading = HEADING_COMMA.match(first) or HEADING_LOOSE.match(first)
    if heading and not heading.group("rest")[:1].isupper() and heading.group("rest")[:1] not in "«\"“'[(0123456789":
        heading = None  # "Kazakhstan, U.S. ink memorandum…": a title, not a name and initials
    rest = first
    if heading and heading.group("rest"):
        parsed.authors = [f"{heading.group('last')}, {_initials(heading.group('init'))}"]
        rest = heading.group("rest")
        while more := MORE_LOOSE.match(rest):  # "Иванов И.И., Петров П.П. Title" typed loosely
            parsed.authors.append(f"{more.group('last')}, {_initials(more.group('init'))}")
            rest = more.group("rest")
    main, _, host = rest.partition(" // ")
    title, slash, responsibility = main.partition(" / ")
    if slash:
        _responsibility(responsibility, parsed, bool(heading))
        title = _give_back_initials(heading, parsed, title)
    _title_part(title, parsed)
    if host:
        parsed.fields["host"] = _host(host, parsed)


def _give_back_initials(heading: re.Match[str] | None, parsed: Parsed, title: str) -> str:
    """``Kudrenok, T. U.S. Secretary…`` / ``T. Kudrenok``: the heading took ``U. S.`` of the title for initials;
    the statement of responsibility says how many the author has."""
    if heading is None or not parsed.authors:
        return title
    said = _initials(heading.group("init"))
    last, _, own = parsed.authors[0].partition(", ")
    if last != heading.group("last") or own == said or not said.startswith(own):
        return title
    taken = heading.group("init").strip()
    extra = taken[len(taken) - len(taken.lstrip()):]
    count = own.count(".")
    pieces = re.findall(INITIAL + r"\s?", taken)
    extra = "".join(pieces[count:]).strip()
    return f"{extra} {title}" if extra else title


def _imprint(areas: list[Area], parsed: Parsed) -> None:
    fields = parsed.fields
    for area in areas:
        values, kind = area.values, area.kind
        if kind == "url":
            fields["url"] = values["url"]
            if values.get("date"):
                day, month, year = values["date"].split(".")
                fields["urldate"] = f"{year if len(year) == 4 else '20' + year}-{int(month):02d}-{int(day):02d}"
                if values.get("label", "").strip().lower() not in {label.lower() for label in ACCESSED_LABELS}:
                    parsed.leftover.append(values.get("label", ""))
        elif kind == "doi":
            fields["doi"] = values["doi"]
        elif kind == "eprint":
            fields["eprint"], fields["eprinttype"] = values["id"], values["kind"]
            if values.get("cls"):
                fields["eprintclass"] = values["cls"]
        elif kind == "year":
            fields["year"] = values["year"]
        elif kind == "pages":
            fields["host_pages"] = re.sub(r"\s*[-–—]\s*", "–", values.get("p") or values.get("q", ""))
        elif kind == "total":
            fields["pagetotal"] = values["n"]
            fields["total_unit"] = values["unit"]
        elif kind == "volume":
            fields["volume"] = values["v"]
            if values.get("n"):
                fields["number"] = values["n"]
        elif kind == "number":
            fields["number"] = values["n"]
        elif kind == "edition":
            fields["edition"] = values["n"]
        elif kind == "edition_text":
            fields["edition"] = values["e"].rstrip(".") + "." if values["e"].endswith(".") else values["e"]
        elif kind == "publication":
            fields["location"], fields["publisher"], fields["year"] = (values["place"], values["publisher"],
                                                                       values["year"])
        elif kind == "place_year":
            fields["location"], fields["year"] = values["place"], values["year"]
        elif kind == "series":
            fields["series"] = values["series"]
            if values.get("number"):
                fields["series_number"] = values["number"]
        elif kind == "day_month":
            fields["month_text"], fields["day"] = values["m"], values["d"]
        elif kind == "closing":
            parsed.fields["closing"] = area.text
        elif "note" not in fields and area.text.strip(" ."):
            # an area of the imprint that names nothing else is GOST's note (an article number, where a thesis
            # was written): printed as typed, in the same place
            fields["note"] = area.text.strip().rstrip(".")
        else:
            parsed.leftover.append(area.text)


def _decide_type(parsed: Parsed) -> None:
    """The entry type, and the host's and pages' fields under the names that type uses."""
    fields = parsed.fields
    host = fields.pop("host", "")
    pages = fields.pop("host_pages", "")
    title_area = " ".join(fields.get(n, "") for n in ("title", "subtitle"))
    legal = bool(LEGAL_RE.search(title_area)) and not parsed.authors
    periodical = any(k in fields for k in ("volume", "number", "month_text")) or (pages and "location" not in fields)
    if parsed.type == "thesis" and not host:
        parsed.type = "thesis"
    elif host and fields.get("location") and not legal:
        parsed.type = "incollection"
        fields["booktitle"], _, sub = host.partition(" : ")
        if sub:
            fields["booksubtitle"] = sub
    elif host and (periodical or not fields.get("url")):
        parsed.type = "legislation" if legal else "article"
        fields["journaltitle"] = host
        if "month_text" in fields:
            fields["entrysubtype"] = "newspaper"
    elif host:
        parsed.type = "legislation" if legal else "online"
        fields["organization"] = host
    elif legal:
        parsed.type = "legislation"
    elif fields.get("url") and not fields.get("publisher"):
        parsed.type = "online"
    else:
        parsed.type = "book"
    if pages:
        fields["pages"] = pages
    if "month_text" in fields:
        month = MONTH_WORDS.get(fields.pop("month_text").lower().rstrip("."))
        if month:
            fields["month"] = str(month[1])
    fields.pop("total_unit", None)
    if "series_number" in fields:
        if "number" in fields:  # a book's number in its series and an issue number cannot both be kept
            parsed.leftover.append(fields.pop("series_number"))
        else:
            fields["number"] = fields.pop("series_number")
