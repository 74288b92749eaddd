"""Small combinators for bibliography templates, after pybtex's ``join``/``optional``/``sentence``.

A part is a function of the formatting context returning text, ``""`` when
its data is missing. Every combinator drops empty parts together with the
punctuation that would have joined them, so a missing field can never leave
``. – . –``, `` :  / `` or a dangling `` // `` behind. Text may carry the
emphasis markers of :mod:`kazthesis.bibliography.emphasis`: punctuation is
decided by the last visible character, and the period goes outside italics.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from kazthesis.bibliography.emphasis import last_visible, strip_emphasis

Part = Callable[[Any], str]

AREA = ". – "  # GOST's separator of areas (en dash)
FINAL = ".?!…"  # a text ending with one of these takes no further period


def join(*parts: Part, sep: str = "") -> Part:
    """The non-empty parts joined by ``sep``; a ``sep`` starting with "." loses it after ``изд.`` or ``?``."""

    def render(ctx: Any) -> str:
        out = ""
        for part in parts:
            value = part(ctx).strip()
            if not strip_emphasis(value).strip():
                continue
            if not out:
                out = value
            elif sep.startswith(".") and last_visible(out) in FINAL:
                out = f"{out}{sep[1:]}{value}"
            else:
                out = f"{out}{sep}{value}"
        return out

    return render


def areas(*parts: Part) -> Part:
    """GOST areas: ``A. – B. – C.``, ending with one period."""
    return sentence(join(*parts, sep=AREA))


def sentence(part: Part) -> Part:
    """The part closed by a period unless it already ends with ``.``, ``?``, ``!`` or ``…``."""

    def render(ctx: Any) -> str:
        value = part(ctx)
        return value if not value or last_visible(value) in FINAL else value + "."

    return render


def when(predicate: Callable[[Any], bool], part: Part, otherwise: Part | None = None) -> Part:
    """``part`` where ``predicate`` holds, else ``otherwise`` (or nothing)."""
    return lambda ctx: part(ctx) if predicate(ctx) else (otherwise(ctx) if otherwise else "")
