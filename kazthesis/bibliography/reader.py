"""references.bib → a :class:`Bibliography` of checked, decoded :class:`Entry` objects.

bibtexparser only splits the file into blocks (no middleware: its own
decoding would strip the braces of corporate authors). Everything after —
``@string`` and ``#``, LaTeX, names, dates, field aliases — is done here, and
every problem goes to :class:`Problems` with the 1-based line of its entry.
Nothing in this module raises on bad input.
"""

from __future__ import annotations

import difflib
import logging
import re
from dataclasses import dataclass, field
from pathlib import Path

import bibtexparser
from bibtexparser.model import DuplicateBlockKeyBlock, DuplicateFieldKeyBlock, ParsingFailedBlock, String
from bibtexparser.model import Entry as RawEntry

from kazthesis.bibliography.dates import format_day, parse_iso_date, parse_month, parse_year
from kazthesis.bibliography.emphasis import END, START, strip_emphasis
from kazthesis.bibliography.kinds import FORMS, REQUIRED, SUGGESTED_NAME, TYPED_SUBTYPES, form_of
from kazthesis.bibliography.model import Bibliography, Entry
from kazthesis.bibliography.names import parse_names
from kazthesis.bibliography.terms import IMPRINT_FIELDS, judged_language, language_code, language_name, terms_by_script
from kazthesis.bibliography.values import (
    MAX_EXPANDED,
    MAX_VALUE,
    Budget,
    Evaluated,
    decode,
    decode_plain,
    decode_url,
    evaluate,
)
from kazthesis.i18n import N_, _
from kazthesis.lang.registry import LANGUAGES, listed
from kazthesis.problems import Problems
from kazthesis.read.textfile import read_text

# bibtexparser logs its own warnings with 0-based lines; the problems below say it in our words.
logging.getLogger("bibtexparser").setLevel(logging.CRITICAL + 1)

# BibTeX name → biblatex name (arXiv's own BibTeX writes archivePrefix and primaryClass).
ALIASES = {"address": "location", "journal": "journaltitle", "archiveprefix": "eprinttype",
           "primaryclass": "eprintclass"}
NAME_FIELDS = ("author", "editor")
URL_FIELDS = ("url", "urldate", "doi")
# Where GOST's list can show a source's own italics (a species, a ship, a book named in a title): the rest
# is decoded to plain text.
EMPHASIS_FIELDS = frozenset({"title", "subtitle", "booktitle", "booksubtitle", "journal", "journaltitle", "series",
                             "note", "howpublished"})
_URL_IN_TEXT = re.compile(r"(?:\\url\s*\{\s*)?(https?://[^\s{}]+)\}?")
_ENTRY_START = re.compile(r"@\s*(\w+)\s*[{(]\s*([^,\s{}()]*)")
_BLOCK_START = re.compile(r"(?m)^[ \t]*@")


@dataclass
class _Raw:
    """An entry as bibtexparser split it, with its 1-based line."""

    entry: RawEntry
    line: int
    broken: set[str] = field(default_factory=set)  # fields left empty by a too-long @string (reported)


def load_bibliography(path: Path, problems: Problems, urldate: bool = True) -> Bibliography:
    """Read ``path`` (UTF-8, a BOM allowed); an unreadable or mis-encoded file is an error, not an exception."""
    text = read_text(path, problems)
    if text is None:
        return Bibliography()
    return parse_bibliography(text, path, problems, urldate)


def parse_bibliography(text: str, path: Path, problems: Problems, urldate: bool = True) -> Bibliography:
    """Parse .bib text; every problem goes to ``problems`` with its 1-based line. ``urldate``: a web page
    without the day it was read is warned about (GOST prints it; a CSL style such as APA need not)."""
    text = text.removeprefix("\ufeff").replace("\r\n", "\n").replace("\r", "\n")
    found = Problems(root=problems.root)  # collected here, then handed on in file order
    bibliography = _read(text, path, found, urldate)
    problems.extend(Problems(found.root, sorted(found, key=lambda p: p.line or 0)))
    return bibliography


def _read(text: str, path: Path, problems: Problems, urldate: bool = True) -> Bibliography:
    lines = text.split("\n")
    blocks = _split(text, path, problems)
    macros: dict[str, str | None] = {}  # None: too long to use (reported at its @string)
    budget = Budget()
    raws: list[_Raw] = []
    for index, (block, line) in enumerate(blocks):
        if isinstance(block, String):
            result = evaluate(str(block.value), macros, budget=budget)
            macros[str(block.key).lower()] = None if result.too_long or result.broken else result.text
            _warn_unknown(result.unknown, _("@string {key}").format(key=block.key), path, line, problems)
            _report_size(result, _("the @string '{key}'").format(key=block.key), path, line, problems, budget)
        elif isinstance(block, DuplicateBlockKeyBlock):
            first = block.previous_block.start_line
            problems.error(path, line, _("duplicate key '{key}' (first defined at line {first})").format(
                                       key=block.key, first=first + 1 if first is not None else "?"),
                           _("give each entry its own key, or delete the copy"))
        elif isinstance(block, DuplicateFieldKeyBlock):
            raws.append(_Raw(block.ignore_error_block, line))  # keep it: its citations still resolve
        elif isinstance(block, ParsingFailedBlock):
            # bibtexparser's raw text stops where it gave up: judge the braces up to the next block.
            end = blocks[index + 1][1] - 1 if index + 1 < len(blocks) else len(lines)
            reason = str(getattr(block.error, "abort_reason", "") or block.error)
            _report_failed("\n".join(lines[line - 1:max(end, line)]), path, line, problems, reason)
        elif isinstance(block, RawEntry):
            raws.append(_Raw(block, line))
    bibliography = Bibliography()
    evaluated = [_evaluate_fields(raw, macros, budget, path, problems) for raw in raws]
    by_key: dict[str, dict[str, str]] = {}
    for raw, values in zip(raws, evaluated, strict=True):
        by_key.setdefault(raw.entry.key.strip(), values)
    for raw, values in zip(raws, evaluated, strict=True):
        key = raw.entry.key.strip()
        if not key:
            problems.error(path, raw.line, _("an @{entry_type} entry has no key").format(
                                             entry_type=raw.entry.entry_type),
                           _("write a key after the brace, e.g. @book{nazarbayev1996, ..."))
            continue
        if key in bibliography.entries:  # only when bibtexparser could not see it (file read piecewise)
            problems.error(path, raw.line, _("duplicate key '{key}' (first defined at line {first})").format(
                                           key=key, first=bibliography.entries[key].line),
                           _("give each entry its own key, or delete the copy"))
            continue
        fields = _inherit(values, by_key)
        bibliography.entries[key] = _make_entry(raw, fields, path, problems, urldate)
    return bibliography


def _split(text: str, path: Path, problems: Problems) -> list[tuple[object, int]]:
    """The file's blocks with their 1-based lines; read piece by piece if the whole will not parse."""
    try:
        library = bibtexparser.parse_string(text, parse_stack=[])
        return [(b, (b.start_line or 0) + 1) for b in library.blocks]
    except Exception:  # noqa: BLE001 - a parser bug must not stop the run: retry one block at a time
        pass
    blocks: list[tuple[object, int]] = []
    starts = [m.start() for m in _BLOCK_START.finditer(text)]
    for begin, end in zip(starts, [*starts[1:], len(text)], strict=True):
        offset = text.count("\n", 0, begin)
        piece = text[begin:end]
        try:
            library = bibtexparser.parse_string(piece, parse_stack=[])
        except Exception:  # noqa: BLE001
            _report_failed(piece, path, offset + 1, problems)
            continue
        blocks.extend((b, (b.start_line or 0) + offset + 1) for b in library.blocks)
    return blocks


def _report_failed(raw: str, path: Path, line: int, problems: Problems, reason: str = "") -> None:
    """A block bibtexparser gave up on: say whether its braces are unbalanced."""
    match = _ENTRY_START.match(raw.strip())
    if match and match.group(1).lower() == "string":
        what = _("the @string '{key}'").format(key=match.group(2))
    elif match and match.group(2):
        what = _("the entry '{key}' (@{type})").format(key=match.group(2), type=match.group(1).lower())
    else:
        what = (_("the block '{start}'").format(start=raw.strip().splitlines()[0][:40]) if raw.strip()
                else _("a block"))
    depth = 0
    for char in re.sub(r"\\[{}]", "", raw):
        depth += (char == "{") - (char == "}")
    if depth != 0:
        problems.error(path, line, _("unbalanced braces in {what}").format(what=what),
                       _("every { needs its }: check the field values of this entry"))
    elif "comma after entry key" in reason:
        problems.error(path, line, _("{what} is malformed: no comma after its key").format(what=what),
                       _("write the key, then a comma: @book{key, title = {...}, ...}"))
    else:
        problems.error(path, line, _("{what} is malformed").format(what=what),
                       _("check the comma after the key, the = after each field name and the commas between fields"))


def _warn_unknown(words: list[str], where: str, path: Path, line: int, problems: Problems) -> None:
    for word in words:
        problems.warning(path, line, _("{where}: '{word}' is not in braces, so BibTeX reads it as an "
                                       "undefined @string abbreviation").format(where=where, word=word),
                         _("write {{{word}}} if it is the text itself").format(word=word))


def _report_size(result: Evaluated, what: str, path: Path, line: int, problems: Problems, budget: Budget) -> None:
    """An error for a value that grew too long; none for one built from an abbreviation already reported."""
    if result.too_long and not result.broken:
        problems.error(path, line, _("{what} expands to more than {limit} characters").format(
                                   what=what, limit=f"{MAX_VALUE:_}".replace("_", " ")),
                       _("no real value is that long: write the text itself, not abbreviations repeated with #"))
    elif result.over_budget and not budget.spent:
        budget.spent = True
        problems.error(path, line, _("{what}: the @string abbreviations of this file expand to more than {limit} "
                                     "characters in all; from here on they are left empty").format(
                                   what=what, limit=f"{MAX_EXPANDED:_}".replace("_", " ")),
                       _("use each abbreviation for a short text (a journal's or publisher's name)"))


# Fields a GOST description never prints: not decoded, so a long Zotero abstract costs nothing.
UNPRINTED_FIELDS = frozenset({"abstract", "annotation", "annote", "file", "keywords", "mendeley-tags", "copyright",
                              "timestamp", "owner", "groups", "readstatus", "ranking", "priority", "review"})


def _evaluate_fields(raw: _Raw, macros: dict[str, str | None], budget: Budget, path: Path,
                     problems: Problems) -> dict[str, str]:
    """Field name (lower case) → value with ``#`` and abbreviations resolved; the first of repeated fields wins."""
    fields: dict[str, str] = {}
    repeated: list[str] = []
    for item in raw.entry.fields:
        name = str(item.key).strip().lower()
        if name in fields:
            repeated.append(name)
            continue
        if name in UNPRINTED_FIELDS:
            fields[name] = ""
            continue
        result = evaluate(str(item.value), macros, budget=budget)
        if not (name == "month" and parse_month(result.text)[0]):  # month = мамыр is understood all the same
            _warn_unknown(result.unknown, _("entry '{key}', field {name}").format(key=raw.entry.key, name=name), path,
                          raw.line, problems)
        _report_size(result, _("entry '{key}', field {name}").format(key=raw.entry.key, name=name), path, raw.line,
                     problems, budget)
        if result.broken or result.over_budget:
            raw.broken.add(name)
        if result.broken:
            problems.error(path, raw.line, _("entry '{key}', field {name} uses an @string that expands too far, "
                                             "so it is left empty").format(key=raw.entry.key, name=name),
                           _("fix that @string first (its error names it)"))
        fields[name] = result.text
    if repeated:
        names = ", ".join(dict.fromkeys(repeated))
        problems.error(path, raw.line, _("entry '{key}' has the field {names} more than once").format(
                                         key=raw.entry.key, names=names),
                       _("keep one of them (the first one is used)"))
    return fields


def _inherit(fields: dict[str, str], evaluated: dict[str, dict[str, str]]) -> dict[str, str]:
    """``crossref``: a part takes its book's fields (the book's title becomes its booktitle)."""
    target = fields.get("crossref", "").strip()
    parent = evaluated.get(target) if target else None
    if not parent or parent is fields:
        return fields
    inherited = {("book" + k if k in ("title", "subtitle") else k): v for k, v in parent.items()
                 if k not in ("author", "crossref", "pages")}
    return {**inherited, **fields}


# Zotero writes what it has no BibTeX field for into `note`, a "Key: value" line each (Publisher, ISBN,
# Section, _eprint, tex.*): machine data, not a note for the reader. Such lines are left out of the note.
_ZOTERO_KEYS = ("publisher|section|isbn|issn|doi|pmid|pmcid|arxiv|arxiv id|citation key|original-date|original date|"
                "original-title|original-publisher|original-publisher-place|publisher-place|event-place|event-date|"
                "event-title|place|archive|archive location|archive_location|call number|loc. in archive|type|genre|"
                "medium|status|number|version|language|rights|series|short title|title-short|accessed|issued|"
                "submitted|container-title|collection-title|dimensions|number-of-pages|number-of-volumes|page|"
                "volume|issue|edition|source|url|journal abbreviation|library catalog|running time|system|"
                "extra|tldr|abstract|annote")
_ZOTERO_LINE = re.compile(rf"^\s*(?:\\?_[\w-]+|tex\.[\w-]+|{_ZOTERO_KEYS})\s*:(.*)$", re.IGNORECASE)
_DOI = re.compile(r"^\s*(?:https?://(?:dx\.)?doi\.org/|doi:\s*)?(10\.\S+?)\s*$", re.IGNORECASE)


def _note_and_doi(raw: str) -> tuple[str, str]:
    """A raw note without Zotero's data lines, and the DOI one of them gave (Zotero's "DOI: 10.…")."""
    kept, found = [], ""
    for line in raw.split("\n"):
        match = _ZOTERO_LINE.match(line)
        if not match:
            kept.append(line)
        elif line.strip().lower().startswith("doi") and _DOI.match(match.group(1).strip()):
            found = _DOI.match(match.group(1).strip()).group(1)
    return "\n".join(kept), found


def _decoded(fields: dict[str, str]) -> dict[str, str]:
    """Text of every field but the names, under biblatex names."""
    decoded = {}
    fields = dict(fields)
    fields["note"], doi_in_note = _note_and_doi(fields.get("note", ""))
    for name, value in fields.items():
        if name in NAME_FIELDS:
            continue
        if name in URL_FIELDS:
            text = decode_url(value)
        else:
            text = decode(value) if name in EMPHASIS_FIELDS else decode_plain(value)
        canonical = ALIASES.get(name, name)
        if any(c.isalnum() for c in text) and not decoded.get(canonical):  # "{}", "--", "." say nothing
            decoded[canonical] = text
    if not decoded.get("url"):  # old BibTeX: howpublished = {\url{https://…}}
        match = _URL_IN_TEXT.fullmatch(fields.get("howpublished", "").strip())
        if match:
            decoded["url"] = match.group(1)
            decoded.pop("howpublished", None)
    if " and " in decoded.get("location", ""):
        decoded["location"] = decoded["location"].replace(" and ", " ; ")
    doi = _DOI.match(decoded.get("doi", "")) if decoded.get("doi") else None
    if doi:  # "https://doi.org/10.…" and "doi:10.…" are the DOI 10.…
        decoded["doi"] = doi.group(1)
    elif doi_in_note and not decoded.get("doi"):
        decoded["doi"] = doi_in_note
    return decoded


def _split_title(fields: dict[str, str]) -> None:
    """``Title: subtitle`` in one field, as Zotero exports it, → title and subtitle (GOST's `` : ``); a title
    beside its own subtitle field is left as written."""
    title = fields.get("title", "")
    if fields.get("subtitle") or ": " not in title or fields.get("entrysubtype", "").strip().lower() in TYPED_SUBTYPES:
        return  # a subtitle of its own, or a description kept as typed
    main, rest = title.split(": ", 1)
    if strip_emphasis(main).strip() and strip_emphasis(rest).strip() and main.count(START) == main.count(END):
        fields["title"], fields["subtitle"] = main.rstrip(), rest.strip()


def _make_entry(raw: _Raw, values: dict[str, str], path: Path, problems: Problems, urldate: bool = True) -> Entry:
    key, entry_type = raw.entry.key.strip(), raw.entry.entry_type.lower()
    fields = _decoded(values)
    _split_title(fields)
    entry = Entry(key, entry_type, raw.line, fields=fields, title=strip_emphasis(fields.get("title", "")))
    entry.authors, entry.more_authors = parse_names(values.get("author", ""), decode_plain)
    entry.editors, entry.more_editors = parse_names(values.get("editor", ""), decode_plain)
    _read_date(entry, path, problems)
    entry.form, known = form_of(entry_type, fields)
    _read_language(entry, path, problems)
    if not known:
        close = difflib.get_close_matches(entry_type, list(FORMS), n=1, cutoff=0.75)
        if close:
            entry.form = form_of(close[0], fields)[0]
        problems.warning(path, entry.line, _("entry '{key}' has the unknown type @{entry_type}; it is formatted "
                                             "like @{form}").format(key=key, entry_type=entry_type,
                                                                     form=FORM_TYPES.get(entry.form, entry.form)),
                         _("did you mean @{close}?").format(close=close[0]) if close else
                         _("use @book, @article, @incollection, @thesis, @report, @online or @legislation"))
    entry.is_legal_act = entry.form == "legislation"
    for alternatives in REQUIRED[entry.form]:
        if not any(fields.get(name) or name in raw.broken for name in alternatives):
            name = SUGGESTED_NAME.get(alternatives[0], alternatives[0])
            problems.error(path, entry.line, _("entry '{key}' (@{entry_type}) has no {name}").format(
                                               key=key, entry_type=entry_type, name=name),
                           _("add {name} = {{...}} to the entry").format(name=name))
    if entry.form == "typed" and fields.get("entrysubtype", "").strip().lower() == "typed":
        problems.warning(path, entry.line, _("entry '{key}' is kept as it was typed: its description is printed "
                           "as written, without GOST punctuation applied").format(key=key),
                         _("write its fields (author, title, location, publisher, year…) and remove entrysubtype"))
    if urldate and entry.form == "online" and fields.get("url") and not fields.get("urldate"):
        problems.warning(path, entry.line, _("entry '{key}' has a url but no urldate").format(key=key),
                         _("add urldate = {YYYY-MM-DD}, the day you read the page: GOST prints it"))
    return entry


# How a message names the field that decided a source's language (kazthesis.bibliography.terms.IMPRINT_FIELDS).
IMPRINT_NAMES = {"journaltitle": N_("journal"), "booktitle": N_("book"), "booksubtitle": N_("book"),
                 "howpublished": N_("site"), "publisher": N_("publisher"), "institution": N_("institution"),
                 "organization": N_("organisation"), "location": N_("place of publication")}
# The BibTeX type a message names for each form (kazthesis.bibliography.kinds).
FORM_TYPES = {"part": "incollection", "newspaper": "article", "typed": "misc"}


def _read_language(entry: Entry, path: Path, problems: Problems) -> None:
    """``langid``/``language`` in any form; a language without terms of its own borrows its script's; without either,
    the title decides, else the imprint, with a warning (docs/formatting.md §4)."""
    stated = entry.get("langid", "language")
    title = strip_emphasis(" ".join(entry.get(name) for name in ("title", "subtitle")))
    imprint = {name: strip_emphasis(entry.get(name)) for name in IMPRINT_FIELDS if entry.get(name)}
    code = language_code(stated) if stated else None
    if code in LANGUAGES:
        entry.language = code
        return
    if code:
        entry.language = terms_by_script(stated, code, " ".join((title, *imprint.values())))
        names = listed((language.name.lower() for language in LANGUAGES.values()), _("or"))
        problems.warning(path, entry.line, _("entry '{key}' is in {language}, which has no terms of its own: it is "
                                             "described with the {terms} ones").format(
                                               key=entry.key, language=language_name(code),
                                               terms=_(LANGUAGES[entry.language].name)),
                         _("check it in the list; to choose the terms yourself, set langid to {names}").format(
                             names=names))
        return
    entry.language, decided_by = judged_language(title, imprint)
    name = _(LANGUAGES[entry.language].name)
    if stated:
        field_name = "langid" if entry.get("langid") else "language"
        problems.warning(path, entry.line, _("entry '{key}': {field} '{stated}' names no language; the language is "
                                             "judged from the title and imprint ({name})").format(
                                               key=entry.key, field=field_name, stated=stated, name=name),
                         _("write a language name or code, e.g. {field} = {{russian}} or {{ru}}").format(
                             field=field_name))
    elif decided_by not in ("title", "latin") and entry.form != "typed":
        if decided_by in IMPRINT_NAMES:
            message = _("entry '{key}': its title does not show its language; it is described as {name}, the "
                        "language of its {field}").format(key=entry.key, name=name, field=_(IMPRINT_NAMES[decided_by]))
        else:
            message = _("entry '{key}': its title does not show its language; nor does its imprint: it is described "
                        "as {name}, by its script").format(key=entry.key, name=name)
        problems.warning(path, entry.line, message,
                         _("if the source is in {name}, add langid = {{{langid}}}; if not, langid = its "
                           "language").format(name=name, langid=LANGUAGES[entry.language].name.lower()))


def _read_date(entry: Entry, path: Path, problems: Problems) -> None:
    """year/month/day from ``year``, ``month``, ``day`` or an ISO ``date``; odd values are warned about."""
    fields = entry.fields
    year, month, day = parse_iso_date(fields.get("date", ""))
    if fields.get("date") and year is None:
        problems.warning(path, entry.line, _("entry '{key}': date '{value}' is not a date").format(
                                             key=entry.key, value=fields["date"]),
                         _("write it as YYYY-MM-DD, YYYY-MM or YYYY, e.g. date = {2021-12-16}"))
    if not fields.get("year") and year:
        fields["year"] = str(year)
    entry.year = parse_year(fields.get("year", ""))
    if fields.get("year") and entry.year is None:
        problems.warning(path, entry.line, _("entry '{key}': year '{value}' is not a year").format(
                                             key=entry.key, value=fields["year"]),
                         _("write four digits, e.g. year = {2021}"))
    if fields.get("month"):
        month, day_in_month = parse_month(fields["month"])
        day = day_in_month or day
        if month is None:
            problems.warning(path, entry.line, _("entry '{key}': month '{value}' is not a month").format(
                                                 key=entry.key, value=fields["month"]),
                             _("write its number or name, e.g. month = {4} or month = apr"))
    if fields.get("day"):
        day = int(fields["day"]) if fields["day"].isdigit() and 1 <= int(fields["day"]) <= 31 else day
    entry.month, entry.day = month, (day if month else None)
    urldate = fields.get("urldate", "")
    if urldate and format_day(urldate) == urldate.strip() and not re.fullmatch(r"\d{2}\.\d{2}\.\d{4}", urldate):
        problems.warning(path, entry.line, _("entry '{key}': urldate '{urldate}' is not a date").format(
                                             key=entry.key, urldate=urldate),
                         _("write it as YYYY-MM-DD, e.g. urldate = {2024-03-15}"))
