"""A change of printed text → where it falls in the source, and the words to write there.

The .docx's paragraph is lined up with the unit's printed text
(:func:`correspondence`), a printed offset becomes an offset of the unit's
source form (:func:`key_offset`), and that one, lined up with the source lines,
a place in the file. The words typed go in as Markdown that prints them
(:func:`escaped`), in the case the source writes a title printed in capitals
(:func:`in_case_of`), without the characters they share with the words they
replace (:func:`trimmed`), and a deletion that would leave an empty ``**`` takes
it too (:func:`with_empty_markup`).
"""

from __future__ import annotations

import re

from kazthesis.docx.reading import PARAGRAPH, Edit
from kazthesis.model import Source
from kazthesis.resolve.printed_units import Unit
from kazthesis.review.align import Alignment
from kazthesis.review.sources import Sources, region

TEXT_KINDS = ("text", "field", "reference")
MARKDOWN_SPECIAL_RE = re.compile(r"([\\`*_\[\]$^~<])")
AT_RE = re.compile(r"(^|(?<=[\s(\[;]))@")
DELIMITERS = ("**", "__", "~~", "*", "_", "~", "^")


def key_offset(unit: Unit, printed: int, at_end: bool) -> int:
    """The source-form offset of a printed offset: of the character there, or for an end (and an insertion
    point) of the gap after the character before it."""
    starts, key_start = unit.offsets(), 0
    for i, segment in enumerate(unit.segments):
        inside = starts[i] < printed <= starts[i + 1] if at_end else starts[i] <= printed < starts[i + 1]
        if inside:
            if segment.kind == "text":
                return key_start + min(printed - starts[i], len(segment.key))
            return key_start + len(segment.key) if at_end else key_start
        key_start += len(segment.key)
    return key_start if printed else 0


def source_line(original: str, offset: int, unit: Unit, sources: Sources) -> Source | None:
    """The exact source line of ``original[offset]`` (a paragraph's text in the .docx) where it can be found."""
    source = sources.get(unit.source.path)
    if source is None or unit.generated or not unit.source.path.endswith((".md", ".markdown")):
        return None
    printed = Alignment(original, unit.printed).point(offset)
    if printed is None:
        return None
    start, end = region(source, unit.source.line, unit.kind)
    at = Alignment(unit.key, source.text[start:end]).point(key_offset(unit, printed, False))
    return Source(unit.source.path, source.line_of(start + at)) if at is not None else None


def escaped(text: str, unit: Unit) -> str:
    text = MARKDOWN_SPECIAL_RE.sub(r"\\\1", text)
    text = AT_RE.sub(r"\\@", text)
    if unit.kind == "cell":
        text = text.replace("|", "\\|")
    return text


def with_empty_markup(text: str, start: int, end: int) -> tuple[int, int]:
    """A deletion that would leave an empty ``**`` or ``*`` pair takes the pair too."""
    for delimiter in DELIMITERS:
        size = len(delimiter)
        if text[start - size : start] == delimiter and text[end : end + size] == delimiter:
            return start - size, end + size
    return start, end


def in_case_of(typed: str, written: str) -> str:
    """Words typed over a title printed in capitals, in the case the source writes that title in: "ДАМУЫ"
    over "қалыптасуы" is "дамуы", over "Қалыптасуы" "Дамуы"."""
    letters = [c for c in written if c.isalpha()]
    if not letters or all(c.isupper() for c in letters) or not typed.isupper():
        return typed
    lower = typed.lower()
    return lower[:1].upper() + lower[1:] if written.lstrip()[:1].isupper() and written.strip() else lower


def trimmed(edit: Edit) -> Edit:
    """A replacement without the characters its old and new words share at the ends («өзекті» → «аса өзекті»
    is "аса " put in): the source keeps its own characters and markup there."""
    old, new = edit.deleted, edit.inserted
    if not old or not new or PARAGRAPH in new:
        return edit
    head = 0
    while head < min(len(old), len(new)) and old[head] == new[head]:
        head += 1
    tail = 0
    while tail < min(len(old), len(new)) - head and old[-1 - tail] == new[-1 - tail]:
        tail += 1
    return Edit(edit.start + head, edit.end - tail, old[head : len(old) - tail], new[head : len(new) - tail],
                edit.revision, edit.move)


def correspondence(original: str, unit: Unit) -> Alignment | None:
    """The .docx's text lined up with the unit's printed text; None when they differ outside generated text."""
    alignment = Alignment(original, unit.printed)
    if alignment.identical:
        return alignment
    starts = unit.offsets()
    for _, _, b0, b1 in alignment.differences():
        covering = [i for i in range(len(unit.segments))
                    if (starts[i] < b1 and b0 < starts[i + 1]) or (b0 == b1 and starts[i] <= b0 <= starts[i + 1])]
        if not covering or any(unit.segments[i].kind in TEXT_KINDS for i in covering
                               if not (b0 == b1 and b0 in (starts[i], starts[i + 1]))):
            return None
    return alignment
