"""A change on text printed from thesis.toml or references.bib → the edit of that file that makes it.

A title-page field, a term or an abbreviation's meaning is a TOML string on
its key's line: the printed words are lined up with the string as written and
the new words go in with TOML's escapes. A reference-list entry is the .bib
entry formatted by GOST: the printed words are lined up with the entry's
text, and a change is made only where it falls wholly inside one run of
words both share (a title, a publisher, a place) — the punctuation and the
order of the parts are the tool's, not the file's.
"""

from __future__ import annotations

import re

from kazthesis.i18n import N_
from kazthesis.resolve.printed_units import Segment
from kazthesis.review.align import Alignment
from kazthesis.review.sources import SourceFile

TOML_VALUE_RE = re.compile(r"""^\s*(?:"[^"]*"|'[^']*'|[A-Za-z0-9_\-]+)\s*=\s*"""
                           r"""(?P<value>"(?:[^"\\]|\\.)*"|'[^']*'|\d+)""")
BIB_UNSAFE = set("{}\\%&$#")

# (start, end, new text) in the file, or why it cannot be made: a message marked with N_, its {setting} the
# segment's setting, translated where it is shown
Made = tuple[int, int, str] | str


def field_edit(source: SourceFile, segment: Segment, inside: tuple[int, int], inserted: str, line: int) -> Made:
    """The edit of a thesis.toml value for a change at ``inside`` (offsets in the segment's printed text)."""
    text = source.line_text(line)
    match = TOML_VALUE_RE.match(text)
    if match is None:
        return N_("the value of {setting} is not a one-line string in thesis.toml: change it there by hand")
    value = match.group("value")
    quote = value[0] if value[0] in "\"'" else ""
    inner_start = source.line_span(line)[0] + match.start("value") + (1 if quote else 0)
    written = value[1:-1] if quote else value
    alignment = Alignment(segment.printed, written)
    a, b = inside
    span = alignment.place(a, b)
    if span is None:
        return N_("the words were not found in the value of {setting}")
    new = inserted.replace("\u00a0", " ")
    if quote == '"':
        new = new.replace("\\", "\\\\").replace('"', '\\"')
    elif quote == "'" and "'" in new:
        return N_("{setting} is written in 'single quotes', which cannot hold a ' — change it by hand")
    elif not quote and not re.fullmatch(r"\d*", new):
        return N_("{setting} is a number: change it by hand")
    return inner_start + span[0], inner_start + span[1], new


def entry_span(source: SourceFile, line: int) -> tuple[int, int]:
    """Offsets of the .bib entry whose ``@`` is on ``line``: to the brace that closes it."""
    start = source.line_span(line)[0]
    text = source.text
    opening = text.find("{", start)
    if opening < 0:
        return start, start
    depth = 0
    for position in range(opening, len(text)):
        if text[position] == "{":
            depth += 1
        elif text[position] == "}":
            depth -= 1
            if depth == 0:
                return start, position + 1
    return start, len(text)


def reference_edit(source: SourceFile, segment: Segment, inside: tuple[int, int], inserted: str, line: int) -> Made:
    """The edit of a .bib entry for a change at ``inside`` of its printed description."""
    generated = N_("it is on generated text (the reference list's punctuation or order)")
    if BIB_UNSAFE & set(inserted):
        return N_("the new words hold characters BibTeX reads as markup: change the entry by hand")
    start, end = entry_span(source, line)
    alignment = Alignment(segment.printed, source.text[start:end])
    a, b = inside
    block = _block_of(alignment, a - 1 if a == b else a)
    if block is None or _block_of(alignment, max(b - 1, a)) is not block:
        return generated
    if a == b and _block_of(alignment, a) is not block:
        return generated
    span = alignment.place(a, b)
    if span is None:
        return generated
    return start + span[0], start + span[1], inserted.replace("\u00a0", " ")


def _block_of(alignment: Alignment, offset: int) -> tuple[int, int, int] | None:
    """The run of equal folded text holding the character at printed ``offset`` (None: no run)."""
    if offset < 0:
        return None
    folded = alignment.a
    index = next((i for i, origin in enumerate(folded.origin) if origin >= offset), None)
    if index is None or folded.origin[index] != offset:
        return None
    for block in alignment.blocks:
        if block[0] <= index < block[0] + block[2]:
            return block
    return None
