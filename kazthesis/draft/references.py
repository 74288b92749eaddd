"""The draft's typed reference list → references.bib entries, each checked by formatting it back.

Every entry is parsed (:mod:`.entry_parse`), written as BibTeX, read back by
the build's own reader and formatted by the build's own GOST templates. An
entry is *parsed* when that description holds every word of the typed one (the
tool may add what GOST asks for: ``[Электронный ресурс]``, the authors after
`` / ``); otherwise, or when the reader finds a field it needs missing, it is
*kept as typed*: an entry that prints the typed text as written, with a
warning. A number the text cites with no entry becomes a *placeholder* entry.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from kazthesis.bibliography import format_entry, parse_bibliography
from kazthesis.draft.bibtex import entry_text, make_key, parsed_fields
from kazthesis.draft.entry_parse import LANGIDS, Parsed, parse_entry
from kazthesis.i18n import _
from kazthesis.problems import Problems

GOST_2003, GOST_2018 = "gost-7.1-2003", "gost-r-7.0.100-2018"
_NUMBER = re.compile(r"^\s*(?:\[(\d{1,4})\]|(\d{1,4})\s*[.)]|(\d{1,4})\s+(?=\D))\s*")
PLACEHOLDER_TEXT = {
    "kk": "[Дереккөз {n}: мәтінде [{n}] сілтемесі бар, ал әдебиеттер тізімінде жоқ – сипаттамасын жазыңыз]",
    "ru": "[Источник {n}: в тексте есть ссылка [{n}], а в списке литературы его нет – впишите его описание]",
    "en": "[Source {n}: the text cites [{n}] but the reference list has no such entry – write its description]",
}


@dataclass
class Source:
    """One source of the new project: its key, the number the draft gave it, and how it was made."""

    key: str
    number: int | None  # the typed list number (the one the draft's [6] means)
    status: str  # "parsed" | "typed" | "placeholder"
    bib: str  # its references.bib text
    typed: str = ""  # the draft's text of it
    formatted: str = ""  # what the build prints for it
    paragraph: int = 0  # where it stood in the draft
    why: str = ""  # for a kept entry: what did not fit


def split_number(text: str) -> tuple[int | None, str]:
    """``6. Тоқаев…`` / ``[6] …`` / ``6) …`` → (6, ``Тоқаев…``)."""
    match = _NUMBER.match(text)
    if not match:
        return None, text.strip()
    return int(next(g for g in match.groups() if g)), text[match.end():].strip()


def _words(text: str) -> list[str]:
    return re.findall(r"\w+", text.replace("\u00ad", "").casefold())


def _missing_words(typed: str, formatted: str) -> list[str]:
    """Words of the typed entry the formatted one lacks (counted, so a repeated word must repeat)."""
    have: dict[str, int] = {}
    for word in _words(formatted):
        have[word] = have.get(word, 0) + 1
    missing = []
    for word in _words(typed):
        if have.get(word):
            have[word] -= 1
        else:
            missing.append(word)
    return missing


def style_of(typed_entries: list[str]) -> str:
    """GOST R 7.0.100-2018 when most entries close with ``Текст : электронный`` and the like."""
    closing = sum(bool(re.search(r"(?:Текст|Мәтін|Text|Матн|Matn)\s*:\s*\w+\.?\s*$", t)) for t in typed_entries)
    return GOST_2018 if typed_entries and closing * 2 > len(typed_entries) else GOST_2003


def _format(bib: str, key: str, style: str) -> tuple[str, list[str]]:
    problems = Problems()
    bibliography = parse_bibliography(bib, Path("references.bib"), problems)
    entry = bibliography.entries.get(key)
    errors = [p.message for p in problems.errors]
    return (format_entry(entry, style) if entry else ""), errors


def build_source(typed: str, number: int | None, taken: set[str], style: str, paragraph: int = 0) -> Source:
    """One typed entry → a parsed source, or one kept as typed."""
    parsed = parse_entry(typed)
    key = make_key(parsed, taken)
    bib = entry_text(parsed.type, key, parsed_fields(parsed))
    formatted, errors = _format(bib, key, style)
    missing = _missing_words(parsed.tidied, formatted) if formatted else ["*"]
    if not errors and not missing and not parsed.leftover:
        return Source(key, number, "parsed", bib, typed, formatted, paragraph)
    why = (errors[0] if errors else  # a message of the .bib reader, already in the student's language
           _("'{words}' fits no field").format(words=" ".join(parsed.leftover)) if parsed.leftover else
           _("the words {words} found no field").format(words=", ".join(dict.fromkeys(missing[:4]))))
    return kept_as_typed(typed, number, key, parsed, paragraph, why, style)


def kept_as_typed(typed: str, number: int | None, key: str, parsed: Parsed, paragraph: int, why: str,
                  style: str) -> Source:
    text = parsed.tidied or typed.strip()
    fields = {"title": text, "entrysubtype": "typed", "langid": LANGIDS[parsed.language]}
    if parsed.fields.get("year"):
        fields["year"] = parsed.fields["year"]  # for the recent-sources check; not printed
    bib = entry_text("misc", key, fields, comment="Kept as typed in the draft: " + why)
    formatted, _ = _format(bib, key, style)
    return Source(key, number, "typed", bib, typed, formatted, paragraph, why)


def placeholder(number: int, language: str, taken: set[str]) -> Source:
    """An entry for a number the draft cites with no list entry: it prints a request to write it."""
    key = f"source{number}"
    while key in taken:
        key += "x"
    taken.add(key)
    text = PLACEHOLDER_TEXT[language].format(n=number)
    bib = entry_text("misc", key, {"title": text, "entrysubtype": "placeholder", "langid": LANGIDS[language]},
                     comment=f"The draft cites [{number}], and its reference list has no entry {number}.")
    return Source(key, number, "placeholder", bib, formatted=text)


def read_list(items: list[tuple[int, str]], style: str) -> list[Source]:
    """The reference list's paragraphs (draft position, text) → sources, numbered as typed or by position."""
    taken: set[str] = set()
    sources = []
    for index, (position, text) in enumerate(items, 1):
        number, body = split_number(text)
        if not body:
            continue
        sources.append(build_source(body, number if number is not None else index, taken, style, position))
    return sources


def bib_file(sources: list[Source]) -> str:
    header = ("% Sources of the draft, as `kazthesis import` read its reference list. Each entry prints in GOST\n"
              "% form; one kept as typed prints its text as written (write its fields to have GOST applied);\n"
              "% a placeholder stands for a number the draft cites with no entry: write that source.\n")
    return header + "\n" + "\n\n".join(source.bib for source in sources) + "\n"

