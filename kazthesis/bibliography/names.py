"""Person names of a .bib field → heading and statement-of-responsibility forms."""

from __future__ import annotations

import re
from dataclasses import dataclass

NBSP = "\u00a0"


@dataclass(frozen=True)
class Person:
    """A person (or an organisation, ``corporate``) as GOST needs it."""

    last: str
    initials: tuple[str, ...] = ()  # ("Қ.-Ж.",) or ("Н.", "Ә.")
    corporate: bool = False

    @property
    def heading(self) -> str:
        """``Назарбаев, Н. Ә.`` with no-break spaces, for the entry's heading."""
        if self.corporate or not self.initials:
            return self.last
        return f"{self.last},{NBSP}{NBSP.join(self.initials)}"

    @property
    def responsibility(self) -> str:
        """``Н. Ә. Назарбаев`` with no-break spaces, after `` / ``."""
        if self.corporate or not self.initials:
            return self.last
        return NBSP.join(self.initials) + NBSP + self.last


def split_names(value: str) -> list[str]:
    """Split on `` and `` outside braces."""
    parts, depth, current = [], 0, ""
    i = 0
    while i < len(value):
        char = value[i]
        depth += char == "{"
        depth -= char == "}"
        if depth == 0 and value[i:i + 5].lower() == " and " :
            parts.append(current)
            current = ""
            i += 5
            continue
        current += char
        i += 1
    parts.append(current)
    return [p.strip() for p in parts if p.strip()]


def _initial(given: str) -> str:
    """``Касым-Жомарт`` → ``К.-Ж.``; ``Н.`` stays; ``Frederick`` → ``F.``"""
    pieces = [p for p in given.split("-") if p]
    return "-".join(p[0].upper() + "." for p in pieces)


def parse_person(raw: str, decode) -> Person:  # noqa: ANN001 - decode: str -> str
    """One name as a reference manager writes it."""
    stripped = raw.strip()
    if stripped.startswith("{") and stripped.endswith("}") and _balanced_outer(stripped):
        return Person(decode(stripped[1:-1]).strip(), corporate=True)
    text = decode(stripped).strip()
    if text.lower() in ("others", "et al."):
        return Person("others")
    if "," in text:
        last, _, given = text.partition(",")
        given = given.replace(",", " ")
    else:
        words = text.split()
        if len(words) == 1:
            return Person(words[0])
        # "K.K. Tokayev", "Nursultan Nazarbayev": the last word is the surname.
        last, given = words[-1], " ".join(words[:-1])
    given = re.sub(r"\.(?=\S)", ". ", given)  # "Н.Ә." → "Н. Ә."
    initials = tuple(_initial(word) for word in given.split() if word[:1].isalpha())
    return Person(last.strip(), initials)


def _balanced_outer(text: str) -> bool:
    """True when the first brace closes at the very end: ``{A} and {B}`` is not one group."""
    depth = 0
    for index, char in enumerate(text):
        depth += char == "{"
        depth -= char == "}"
        if depth == 0 and index < len(text) - 1:
            return False
    return True
