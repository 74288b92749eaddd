"""Parsed entries → references.bib text: readable keys (``tokayev1997``) and values escaped for the reader.

The values are plain Unicode; what the reader would take for LaTeX (``$``,
``%``, ``&``, ``#``, ``~``, braces, ``--``) is escaped so that it reads back
as typed.
"""

from __future__ import annotations

import re

from kazthesis.draft.entry_parse import Parsed
from kazthesis.draft.translit import key_word

# Field order in the written entry: the way reference managers write them.
ORDER = ("author", "editor", "title", "subtitle", "type", "booktitle", "booksubtitle", "journaltitle", "edition",
         "location", "publisher", "organization", "year", "month", "day", "volume", "number", "pages", "pagetotal",
         "series", "url", "urldate", "doi", "eprint", "eprinttype", "eprintclass", "entrysubtype", "langid")
VERBATIM = {"url", "doi", "eprint"}
STOPWORDS = {"the", "a", "an", "of", "on", "and", "in", "to", "for", "о", "об", "в", "на", "и", "по", "с", "к",
             "мен", "және", "туралы", "бойынша"}


def escape(value: str) -> str:
    """Text → a BibTeX value that the reader decodes back to the same text."""
    value = value.replace("\\", r"\textbackslash{}")
    value = re.sub(r"([{}$%&#_])", r"\\\1", value)
    value = value.replace("~", r"\textasciitilde{}").replace("--", "-{}-")
    return value


def make_key(parsed: Parsed, taken: set[str]) -> str:
    """``Тоқаев, Қ. К.`` 1997 → ``toqaev1997``; a work without a person: its first word; a, b… for repeats."""
    first = parsed.authors[0] if parsed.authors else ""
    if first and not first.startswith("{"):
        word = key_word(first.split(",")[0], parsed.language)
    else:
        words = [w for w in re.split(r"\W+", (first.strip("{}") or parsed.fields.get("title", "")).lower())
                 if len(w) > 2 and w not in STOPWORDS and not w.isdigit()]
        word = key_word(words[0], parsed.language) if words else ""
    base = (word[:20] or "source") + parsed.fields.get("year", "")
    key, suffix = base, 0
    while key in taken:
        suffix += 1
        key = base + "abcdefghijklmnopqrstuvwxyz"[(suffix - 1) % 26] * (1 + (suffix - 1) // 26)
    taken.add(key)
    return key


def entry_text(entry_type: str, key: str, fields: dict[str, str], comment: str = "") -> str:
    """One ``@type{key, field = {value}, …}`` entry, the fields in :data:`ORDER`."""
    names = [n for n in ORDER if fields.get(n)] + [n for n in fields if n not in ORDER and fields.get(n)]
    width = max((len(n) for n in names), default=0)
    lines = [f"% {line}" for line in comment.splitlines()]
    lines.append(f"@{entry_type}{{{key},")
    for name in names:
        value = fields[name]
        if name not in ("author", "editor"):
            value = value if name in VERBATIM else escape(value)
        lines.append(f"  {name.ljust(width)} = {{{value}}},")
    lines.append("}")
    return "\n".join(lines)


def parsed_fields(parsed: Parsed) -> dict[str, str]:
    """The .bib fields of a parsed entry: names joined by ``and``, an organisation braced."""
    fields = dict(parsed.fields)
    fields.pop("closing", None)
    if parsed.authors:
        people = [_name(n) for n in parsed.authors]
        fields["author"] = " and ".join(people + (["others"] if parsed.more_authors else []))
    if parsed.editors:
        fields["editor"] = " and ".join(_name(n) for n in parsed.editors)
    return fields


def _name(name: str) -> str:
    if name.startswith("{"):
        return "{" + escape(name.strip("{}")) + "}"  # an organisation: braced, so it stays one name
    last, _, initials = name.partition(",")
    return f"{{{escape(last.strip())}}}, {escape(initials.strip())}" if " " in last.strip() else escape(name)
