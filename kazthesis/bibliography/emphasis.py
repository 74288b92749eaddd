"""Italics in reference-list text: a pair of private-use characters that plain output strips.

LaTeX emphasis in a .bib field (``\\emph{}``, ``\\textit{}``, ``{\\em …}``,
biblatex's ``\\mkbibemph{}``) is decoded to :data:`START` … :data:`END`
(U+E000 … U+E001) around its text, in the fields where GOST's list can show
it (titles, series, notes). The templates carry the markers like letters and
look through them for punctuation; :func:`kazthesis.bibliography.format_entry`
strips them, so the plain text of ``refs`` and of the tests has none, and
:func:`kazthesis.bibliography.format_entry_marked` keeps them for a writer
that can print italics: :func:`split_emphasis` cuts that text into runs.
Emphasis inside emphasis stays italic: GOST's list is upright, so one level
is all it shows. Sort keys, language detection and messages use plain text.
"""

from __future__ import annotations

START = "\ue000"  # italics begin
END = "\ue001"  # italics end
MARKERS = START + END
_STRIP = str.maketrans("", "", MARKERS)


def strip_emphasis(text: str) -> str:
    """``text`` without the emphasis markers."""
    return text.translate(_STRIP)


def split_emphasis(text: str) -> list[tuple[str, bool]]:
    """``"Ab \\ue000cd\\ue001."`` → ``[("Ab ", False), ("cd", True), (".", False)]``: runs and whether each is italic.

    Adjacent runs of the same kind are merged and empty ones left out; an unbalanced marker is tolerated
    (an END without START is ignored, a START without END runs to the end).
    """
    runs: list[tuple[str, bool]] = []
    depth, current = 0, ""
    for char in text:
        if char not in MARKERS:
            current += char
            continue
        italic_before = depth > 0
        depth = depth + 1 if char == START else max(depth - 1, 0)
        if (depth > 0) != italic_before and current:
            runs.append((current, italic_before))
            current = ""
    if current:
        runs.append((current, depth > 0))
    return runs


def join_runs(runs: list[tuple[str, bool]]) -> str:
    """The inverse of :func:`split_emphasis`: runs → marked text."""
    return "".join(f"{START}{text}{END}" if italic else text for text, italic in runs)


def last_visible(text: str) -> str:
    """The last character that is not a marker, or "" (what decides the punctuation after ``text``)."""
    return text.rstrip(MARKERS)[-1:]


def tidy(text: str) -> str:
    """Markers balanced, empty pairs gone, spaces at the edges of italics moved outside them."""
    runs = []
    for run, italic in split_emphasis(text):
        if italic:
            stripped = run.strip(" ")
            lead, trail = run[: len(run) - len(run.lstrip(" "))], run[len(run.rstrip(" ")):]
            runs.extend(r for r in ((lead, False), (stripped, True), (trail, False)) if r[0])
        else:
            runs.append((run, False))
    merged: list[tuple[str, bool]] = []
    for run, italic in runs:
        if merged and merged[-1][1] == italic:
            merged[-1] = (merged[-1][0] + run, italic)
        else:
            merged.append((run, italic))
    return join_runs(merged)
