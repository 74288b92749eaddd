"""references.bib → checked :class:`Entry` objects (BibTeX and biblatex field names)."""

from __future__ import annotations

import datetime
import difflib
import logging
import re
from dataclasses import dataclass, field
from pathlib import Path

import bibtexparser
from bibtexparser.model import DuplicateBlockKeyBlock
from pylatexenc.latex2text import LatexNodes2Text

from kazthesis.bibliography.names import Person, parse_person, split_names
from kazthesis.bibliography.terms import LANGIDS
from kazthesis.problems import Problems
from kazthesis.textfile import read_text

logging.getLogger("bibtexparser").setLevel(logging.CRITICAL)
_LATEX = LatexNodes2Text(math_mode="verbatim", keep_comments=True, strict_latex_spaces=False)

# Types the tool formats, and what each must have (one field of each tuple).
KNOWN_TYPES = {
    "book": [("title",), ("year", "date")], "mvbook": [("title",), ("year", "date")],
    "collection": [("title",), ("year", "date")], "mvcollection": [("title",), ("year", "date")],
    "proceedings": [("title",), ("year", "date")],
    "article": [("title",), ("journal", "journaltitle"), ("year", "date")],
    "incollection": [("title",), ("booktitle",), ("year", "date")],
    "inproceedings": [("title",), ("booktitle",), ("year", "date")],
    "inbook": [("title",), ("booktitle",), ("year", "date")],
    "phdthesis": [("title",), ("year", "date")], "mastersthesis": [("title",), ("year", "date")],
    "thesis": [("title",), ("year", "date")],
    "online": [("title",), ("url",)], "www": [("title",), ("url",)], "electronic": [("title",), ("url",)],
    "misc": [("title",)], "legislation": [("title",)], "legal": [("title",)], "law": [("title",)],
    "report": [("title",), ("year", "date")], "techreport": [("title",), ("year", "date")],
}
MONTHS = {m: i for i, m in enumerate(
    ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"], 1)}
KAZAKH_LETTERS = set("ӘәҒғҚқҢңӨөҰұҮүҺһІі")
UZBEK_LETTERS = set("ЎўҲҳ")


@dataclass
class Entry:
    """One source, decoded and typed."""

    key: str
    type: str
    line: int
    fields: dict[str, str] = field(default_factory=dict)
    authors: list[Person] = field(default_factory=list)
    editors: list[Person] = field(default_factory=list)
    language: str = "en"
    year: int | None = None
    is_legal_act: bool = False

    @property
    def title(self) -> str:
        return self.fields.get("title", "")

    def get(self, *names: str) -> str:
        """The first non-empty of the fields ``names``."""
        return next((self.fields[n] for n in names if self.fields.get(n)), "")


@dataclass
class Bibliography:
    """All entries of a .bib file, in file order."""

    entries: dict[str, Entry] = field(default_factory=dict)

    def keys(self) -> list[str]:
        return list(self.entries)


def decode(value: str) -> str:
    """LaTeX → Unicode text: accents, ``--``, ``\\&``, ``~``; protective braces dropped."""
    if "\\" in value or "--" in value or "~" in value or "{" in value:
        try:
            value = _LATEX.latex_to_text(value)
        except Exception:  # noqa: BLE001 - pylatexenc on malformed input: fall back to plain stripping
            value = value.replace("{", "").replace("}", "")
    return re.sub(r"\s+", " ", value).strip()


def _language(fields: dict[str, str]) -> str:
    stated = (fields.get("langid") or fields.get("language") or "").strip().lower()
    if stated in LANGIDS:
        return LANGIDS[stated]
    title = fields.get("title", "")
    letters = set(title)
    if letters & UZBEK_LETTERS:
        return "uz"
    if letters & KAZAKH_LETTERS:
        return "kk"
    if any("\u0400" <= c <= "\u04ff" for c in title):
        return "ru"
    return "en"


def _date_parts(fields: dict[str, str]) -> None:
    """Fill year/month/day from an ISO ``date`` (biblatex) when they are missing."""
    date = fields.get("date", "")
    match = re.match(r"^(\d{4})(?:-(\d{1,2}))?(?:-(\d{1,2}))?", date)
    if match:
        fields.setdefault("year", match.group(1))
        if match.group(2):
            fields.setdefault("month", str(int(match.group(2))))
        if match.group(3):
            fields.setdefault("day", str(int(match.group(3))))
    month = fields.get("month", "").strip().lower()[:3]
    if month in MONTHS:
        fields["month"] = str(MONTHS[month])


def parse_bibliography(text: str, path: Path, problems: Problems) -> Bibliography:
    """Parse .bib text; every problem goes to ``problems`` with its line."""
    bibliography = Bibliography()
    library = bibtexparser.parse_string(text)
    first_lines = {raw.key: raw.start_line + 1 for raw in library.entries}
    for block in library.failed_blocks:
        line = block.start_line + 1
        if isinstance(block, DuplicateBlockKeyBlock):
            key = block.key
            problems.error(path, line, f"duplicate key '{key}' (first defined at line {first_lines.get(key, '?')})",
                           "give each entry its own key, or delete the copy")
        else:
            first = block.raw.strip().splitlines()[0][:50] if block.raw.strip() else ""
            if block.raw.count("{") != block.raw.count("}"):
                problems.error(path, line, f"unbalanced braces in the entry '{first}'",
                               "every { needs its }: check the field values of this entry")
            else:
                problems.error(path, line, f"malformed entry '{first}'",
                               "check the comma after the key, the = and the commas between fields")
    for raw in library.entries:
        line = raw.start_line + 1
        fields = {f.key.lower(): str(f.value) for f in raw.fields}
        raw_names = {role: fields.pop(role, "") for role in ("author", "editor")}
        decoded = {k: (v.replace("{", "").replace("}", "").strip() if k in ("url", "doi") else decode(v))
                   for k, v in fields.items()}
        _date_parts(decoded)
        entry_type = raw.entry_type.lower()
        entry = Entry(raw.key, entry_type, line, decoded)
        entry.authors = [parse_person(n, decode) for n in split_names(raw_names["author"])]
        entry.editors = [parse_person(n, decode) for n in split_names(raw_names["editor"])]
        entry.language = _language(decoded)
        year = re.search(r"\d{4}", decoded.get("year", ""))
        entry.year = int(year.group(0)) if year else None
        entry.is_legal_act = entry_type in ("legislation", "legal", "law") or (
            entry_type == "misc" and decoded.get("type", "").lower() == "legislation")
        _check_entry(entry, path, problems)
        bibliography.entries.setdefault(raw.key, entry)
    return bibliography


def _check_entry(entry: Entry, path: Path, problems: Problems) -> None:
    required = KNOWN_TYPES.get(entry.type)
    if required is None:
        close = difflib.get_close_matches(entry.type, list(KNOWN_TYPES), n=1)
        problems.warning(path, entry.line, f"entry '{entry.key}' has the unknown type @{entry.type}; "
                         "it is formatted as a book", f"did you mean @{close[0]}?" if close else
                         "use @book, @article, @incollection, @online, @legislation…")
        required = KNOWN_TYPES["book"][:1]
    for alternatives in required:
        if not any(entry.fields.get(name) for name in alternatives):
            problems.error(path, entry.line, f"entry '{entry.key}' (@{entry.type}) has no {alternatives[0]}",
                           f"add {alternatives[0]} = {{...}} to the entry")
    if entry.fields.get("year") and entry.year is None:
        problems.warning(path, entry.line, f"entry '{entry.key}': year '{entry.fields['year']}' is not a year",
                         "write four digits, e.g. year = {2021}")
    urldate = entry.fields.get("urldate", "")
    if urldate:
        try:
            datetime.date.fromisoformat(urldate)
        except ValueError:
            problems.warning(path, entry.line, f"entry '{entry.key}': urldate '{urldate}' is not a date",
                             "write it as YYYY-MM-DD, e.g. urldate = {2024-03-15}")


def load_bibliography(path: Path, problems: Problems) -> Bibliography:
    """Read and parse a .bib file (UTF-8)."""
    text = read_text(path, problems)
    if text is None:
        return Bibliography()
    return parse_bibliography(text, path, problems)
