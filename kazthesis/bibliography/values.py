"""Raw BibTeX field values → plain Unicode text.

Two steps, kept apart because names need the braces that decoding drops:
:func:`evaluate` resolves ``#`` concatenation and ``@string`` abbreviations
(bibtexparser leaves ``#`` alone), :func:`decode` turns LaTeX into text, with
emphasis as the markers of :mod:`kazthesis.bibliography.emphasis` and sub- and
superscript digits as Unicode ones (H₂O); :func:`decode_plain` drops the markers.
"""

from __future__ import annotations

import logging
import re
from dataclasses import dataclass
from typing import NamedTuple

from pylatexenc.latex2text import LatexNodes2Text

from kazthesis.bibliography.emphasis import END, MARKERS, START, strip_emphasis, tidy

NBSP = "\u00a0"
MAX_VALUE = 100_000  # characters of one value after @string expansion; a real field is far shorter
# Characters that @string abbreviations may bring into one file in all. Decoding LaTeX costs ~30 µs a
# character, so this keeps a small file of abbreviations used over and over to seconds, not minutes;
# a real file brings in a few thousand (a publisher's name in every entry).
MAX_EXPANDED = 1_000_000

# BibTeX's predefined abbreviations; month names are read back by kazthesis.bibliography.dates.
MONTH_MACROS = {m[:3].lower(): m for m in ("January", "February", "March", "April", "May", "June", "July",
                                            "August", "September", "October", "November", "December")}

logging.getLogger("pylatexenc").setLevel(logging.CRITICAL + 1)  # it warns about LaTeX it cannot expand
_LATEX = LatexNodes2Text(math_mode="text", keep_comments=True, strict_latex_spaces=False)
_NEEDS_LATEX = re.compile(r"[\\{}~$]|--|``|''")
_SPACES = re.compile(r"[ \t\r\n\f\v]+")  # not \s: that would eat the no-break space "~" stands for
_URL_MACRO = re.compile(r"\\url\s*\{([^{}]*)\}")
_HREF_MACRO = re.compile(r"\\href\s*\{[^{}]*\}\s*\{([^{}]*)\}")
# {\em …}, {\it …}: a declaration opening a group italicises the group, like \emph{…}.
_EMPHASIS_GROUP = re.compile(r"\{\s*\\(?:em|it|itshape|sl|slshape)(?![a-zA-Z])\s*")
_EMPHASIS_MACRO = re.compile(r"\\(?:emph|textit|textsl|mkbibemph|mkbibitalic)\s*\{")
_SCRIPT_MACRO = re.compile(r"\\text(sub|super)script\s*\{")
_SCRIPT_MATH = re.compile(r"\$\s*([_^])\s*\{?\s*([0-9+\-=()]+)\s*\}?\s*\$")
_SCRIPT_CHARS = {"sub": str.maketrans("0123456789+-=()", "₀₁₂₃₄₅₆₇₈₉₊₋₌₍₎"),
                 "super": str.maketrans("0123456789+-=()", "⁰¹²³⁴⁵⁶⁷⁸⁹⁺⁻⁼⁽⁾")}


def split_top(value: str, separator: str) -> list[str]:
    """``value`` cut at each ``separator`` character outside braces and quotes."""
    parts, depth, quoted, start, escaped = [], 0, False, 0, False
    for index, char in enumerate(value):
        if escaped or char == "\\":  # \{ and \" are letters, not delimiters
            escaped = not escaped
            continue
        if char == "{":
            depth += 1
        elif char == "}":
            depth = max(depth - 1, 0)
        elif char == '"' and depth == 0:
            quoted = not quoted
        elif char == separator and depth == 0 and not quoted:
            parts.append(value[start:index])
            start = index + 1
    parts.append(value[start:])
    return parts


@dataclass
class Budget:
    """What is left of :data:`MAX_EXPANDED` for one file; ``spent`` once a value was refused for it."""

    left: int = MAX_EXPANDED
    spent: bool = False


class Evaluated(NamedTuple):
    """A raw value's text, the abbreviations it used that are not defined, and whether it went wrong."""

    text: str
    unknown: list[str]
    too_long: bool = False  # past MAX_VALUE: the text is "" (a .bib of @string doublings would fill memory)
    broken: bool = False  # it uses an abbreviation that was itself too long (already reported there)
    over_budget: bool = False  # the file's abbreviations brought in more than MAX_EXPANDED: the text is ""


def evaluate(raw: str, macros: dict[str, str | None], limit: int = MAX_VALUE,
             budget: Budget | None = None) -> Evaluated:
    """A raw value as the file writes it → its text (braces inside kept), and the unknown abbreviations.

    ``{Title} # " part " # vol`` → ``Title part <value of vol>``; a bare ``jan`` → ``January``. A macro
    whose value is None was too long: using it gives "" and ``broken``. The length is counted before
    anything is joined, and what abbreviations bring in is charged to ``budget``, so memory and time
    stay bounded whatever the abbreviations double.
    """
    pieces: list[str] = []
    unknown: list[str] = []
    length, broken = 0, False
    for piece in (p.strip() for p in split_top(raw, "#")):
        if len(piece) >= 2 and piece[0] == "{" and piece[-1] == "}":
            text = piece[1:-1]
        elif len(piece) >= 2 and piece[0] == '"' and piece[-1] == '"':
            text = piece[1:-1]
        elif piece.isdigit() or not piece:
            text = piece
        elif piece.lower() in macros:
            value = macros[piece.lower()]
            broken = broken or value is None
            text = value or ""
            if budget is not None:
                budget.left -= len(text)
                if budget.left < 0:
                    return Evaluated("", unknown, broken=broken, over_budget=True)
        elif piece.lower() in MONTH_MACROS:
            text = MONTH_MACROS[piece.lower()]
        else:
            # An undefined abbreviation: BibTeX prints nothing; printing the word is kinder.
            unknown.append(piece)
            text = piece.strip('{}"')
        length += len(text)
        if length > limit:
            return Evaluated("", unknown, too_long=True, broken=broken)
        pieces.append(text)
    return Evaluated("".join(pieces), unknown, broken=broken)


def _closing_brace(text: str, start: int) -> int | None:
    """The index of the ``}`` that closes the group opened just before ``start``."""
    depth, index = 1, start
    while index < len(text):
        char = text[index]
        if char == "\\":
            index += 2
            continue
        depth += (char == "{") - (char == "}")
        if depth == 0:
            return index
        index += 1
    return None


def _mark_emphasis(text: str) -> str:
    """``\\emph{x}`` and its kin → START x END, before pylatexenc (which would drop the macro and keep x)."""
    text = _EMPHASIS_GROUP.sub(r"\\emph{", text)
    position = 0
    while match := _EMPHASIS_MACRO.search(text, position):
        close = _closing_brace(text, match.end())
        if close is None:  # unbalanced: leave it to the decoder
            break
        text = f"{text[:match.start()]}{START}{text[match.end():close]}{END}{text[close + 1:]}"
        position = match.start() + 1
    return text


def _scripts(text: str) -> str:
    """``H\\textsubscript{2}O``, ``H$_2$O`` → H₂O; a script that is not digits and signs keeps its text."""
    text = _SCRIPT_MATH.sub(lambda m: m.group(2).translate(_SCRIPT_CHARS["sub" if m.group(1) == "_" else "super"]),
                            text)
    position = 0
    while match := _SCRIPT_MACRO.search(text, position):
        close = _closing_brace(text, match.end())
        if close is None:
            break
        inner = text[match.end():close]
        if re.fullmatch(r"[0-9+\-=()]+", inner.strip()):
            inner = inner.strip().translate(_SCRIPT_CHARS[match.group(1)])
        text = f"{text[:match.start()]}{{{inner}}}{text[close + 1:]}"
        position = match.start() + 1
    return text


def decode(text: str) -> str:
    """LaTeX → Unicode: accents, ``--`` → –, ``\\&`` → &, ``~`` → no-break space; case braces dropped.

    Emphasis becomes START … END (see :mod:`kazthesis.bibliography.emphasis`); markers already in the
    file are not trusted and go.
    """
    text = text.translate(str.maketrans("", "", MARKERS))
    text = _HREF_MACRO.sub(r"\1", _URL_MACRO.sub(r"\1", text))
    text = text.replace("\\LaTeX", "LaTeX").replace("\\TeX", "TeX")
    if _NEEDS_LATEX.search(text):
        text = _mark_emphasis(_scripts(text))
        try:
            text = _LATEX.latex_to_text(text)
        except Exception:  # noqa: BLE001 - pylatexenc on malformed input: keep the letters
            text = re.sub(r"\\([^a-zA-Z])", r"\1", text).replace("{", "").replace("}", "").replace("~", NBSP)
    return _SPACES.sub(" ", tidy(_SPACES.sub(" ", text))).strip()


def decode_plain(text: str) -> str:
    """:func:`decode` without emphasis: for names, places, numbers and everything not printed in italics."""
    return strip_emphasis(decode(text)).strip()


def decode_url(text: str) -> str:
    """A URL keeps its ``~``, ``_`` and ``%``: only braces and escaping backslashes go."""
    text = _URL_MACRO.sub(r"\1", text)
    text = re.sub(r"\\([_%&#~$])", r"\1", text)
    return _SPACES.sub("", text.replace("{", "").replace("}", ""))
