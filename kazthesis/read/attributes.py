"""``{#id .class key=value}`` as Pandoc writes attributes → :class:`Attributes`, one pass, no backtracking.

Both steps are linear in the line's length whatever it holds: :func:`trailing_attrs` finds the braces at a
line's end by looking back from it (a pattern searched from every position would scan a long run of spaces
once for each of them), and :func:`parse_attrs` steps over spaces itself before each part.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

ATTR_PART_RE = re.compile(r"""(?:\#(?P<id>[^\s"'{}]+)|\.(?P<cls>[^\s"'{}=]+)
    |(?<![\w-])(?P<key>[\w-]+)=(?:"(?P<dq>[^"]*)"|'(?P<sq>[^']*)'|(?P<bare>[^\s"'{}]+)))""", re.X)


@dataclass(frozen=True)
class Trailing:
    """Attributes at the end of a line: ``text[start:]`` is `` {…}`` with the spaces around it."""

    start: int
    inner: str  # what stands between the braces


def trailing_attrs(text: str) -> Trailing | None:
    """The ``{…}`` (no brace inside) that ends ``text``, spaces after it allowed; None when there is none."""
    end = len(text.rstrip())
    if not end or text[end - 1] != "}":
        return None
    opening = text.rfind("{", 0, end - 1)
    if opening < 0 or "}" in text[opening + 1 : end - 1]:
        return None
    return Trailing(len(text[:opening].rstrip()), text[opening + 1 : end - 1])


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
        if text[position].isspace():
            position += 1
            continue
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
