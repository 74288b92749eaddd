"""``{#id .class key=value}`` as Pandoc writes attributes → :class:`Attributes`, one pass, no backtracking."""

from __future__ import annotations

import re
from dataclasses import dataclass

ATTRS_RE = re.compile(r"\s*\{([^{}]*)\}\s*$")
ATTR_PART_RE = re.compile(r"""\s*(?:\#(?P<id>[^\s"'{}]+)|\.(?P<cls>[^\s"'{}=]+)
    |(?P<key>[\w-]+)=(?:"(?P<dq>[^"]*)"|'(?P<sq>[^']*)'|(?P<bare>[^\s"'{}]+)))""", re.X)


@dataclass(frozen=True)
class Attributes:
    """``{#id .class key=value}`` as written."""

    id: str = ""
    classes: tuple[str, ...] = ()
    pairs: tuple[tuple[str, str], ...] = ()
    unreadable: str = ""  # text inside the braces that is not an attribute


def parse_attrs(text: str) -> Attributes:
    """``#fig:map .wide width=50% title="A b"`` → its parts (Pandoc's syntax, values with or without quotes)."""
    ident, classes, pairs, position, rest = "", [], [], 0, []
    while position < len(text):
        match = ATTR_PART_RE.match(text, position)
        if match is None:
            if text[position] == "-" and text[position + 1 : position + 2] in ("", " ", "\t"):
                classes.append("-")  # Pandoc's {-}: unnumbered
            elif not text[position].isspace():
                rest.append(text[position])
            position += 1
            continue
        if match["id"]:
            ident = match["id"]
        elif match["cls"]:
            classes.append(match["cls"])
        else:
            value = next(v for v in (match["dq"], match["sq"], match["bare"]) if v is not None)
            pairs.append((match["key"], value))
        position = match.end()
    return Attributes(ident, tuple(classes), tuple(pairs), "".join(rest))
