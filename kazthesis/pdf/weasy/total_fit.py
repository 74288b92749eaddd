"""Justified paragraphs set by total fit inside WeasyPrint: each paragraph's breaks chosen together, each line
filled by its own letter and word spacing.

WeasyPrint breaks lines one at a time, as far as each will go. Here, when it
starts to lay out a justified paragraph (:func:`iter_line_boxes`), the
paragraph's text is measured with the same fonts and shaping (Pango, a
character at a time: kerning and ligatures are off in our stylesheet, so a
run's width is the sum of its characters'), turned into items
(:mod:`kazthesis.pdf.break_items`), and its breaks are chosen by
:mod:`kazthesis.pdf.optimal_breaks`. Each line but the last then gets the
letter spacing and word spacing that make it as wide as the measure (the
slack shared between letters and spaces in proportion to how far each may
stretch or shrink), a fraction of a point short, which WeasyPrint's own
justification takes up; the last line keeps its natural spacing (unless
the plan has it a little too long: then it shrinks, as the others do). When
WeasyPrint splits a text box into lines (:func:`split_text_box`), the piece
of each line is cut where the plan says and laid out with that line's
spacing — so WeasyPrint lands on every planned break, and :func:`misplaced`
checks that it did.

A table cell's text (left-aligned or centred) is planned too, ragged: its
lines keep their natural spacing, and a word is broken only when it cannot
fit whole at the column's width.

A paragraph is planned again when its text changes under it (a soft hyphen
withdrawn by the hyphenation rules, a watch-mode edit): from the line where
the layout resumes, the earlier lines being already on their pages.
Paragraphs that hold something other than text (an image, an inline block)
or that are not justified are left to WeasyPrint.

:func:`install` puts the two functions where WeasyPrint's block and inline
layout call them (once per process). WeasyPrint 70.0's internals, as
:mod:`kazthesis.pdf.weasy.relayout` uses them.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from itertools import accumulate
from typing import Any

from kazthesis.pdf.break_items import Costs, paragraph_items
from kazthesis.pdf.optimal_breaks import Box, Glue, Settings, best_breaks, lines_of
from kazthesis.pdf.weasy.measuring import EDGE, segments_of, widths

__all__ = ["COSTS", "SETTINGS", "install", "misplaced"]

LETTER_LIMIT = 4.6  # letters stretch or shrink at most 4.6 times their stretch (9 % of their width)
COSTS = Costs(hyphen=500.0, explicit=100.0, other=50.0, chain=1000.0, stretch=0.5, shrink=0.2, expansion=0.02)
SETTINGS = Settings(tolerance=10000.0, fragment_last=1e9, box_reach=LETTER_LIMIT)
# A table cell's lines are ragged: no line is too loose, so a word is broken only when it cannot fit whole.
RAGGED_COSTS = Costs(hyphen=1e5, explicit=1e4, other=1e3, chain=1e5, stretch=1e4)
RAGGED_SETTINGS = Settings(lone_stretch=1e4)
MARGIN = 0.3  # CSS px a planned line is left short of the measure, for WeasyPrint's justification to take up
SOFT_HYPHEN = "\u00ad"
ATTRIBUTE = "_kazthesis_total_fit"  # on a text box: (plan, offset of its text in the paragraph's)

_ORIGINAL: dict[str, Any] = {}


@dataclass
class _Line:
    start: int  # offset in the paragraph's text
    end: int  # offset just after the character it breaks at (the paragraph's length + 1 for the last)
    letter: float = 0.0  # letter spacing, CSS px
    word: float = 0.0  # word spacing added, CSS px


@dataclass
class _Plan:
    line_box: Any
    text: str
    lines: list[_Line]
    width: float
    indent: float
    ragged: bool = False  # a table cell's: lines set at natural spacing, aligned as the cell says
    styles: dict = field(default_factory=dict)  # (style id, letter, word) → the style copy

    def line_at(self, offset: int) -> _Line:
        for line in self.lines:
            if offset < line.end:
                return line
        return self.lines[-1]


def install() -> None:
    """Use total fit in WeasyPrint's line layout (once per process)."""
    from weasyprint.layout import block, inline

    if not _ORIGINAL:
        _ORIGINAL["iter_line_boxes"] = block.iter_line_boxes
        _ORIGINAL["split_text_box"] = inline.split_text_box
        block.iter_line_boxes = iter_line_boxes
        inline.split_text_box = split_text_box


# --- planning ------------------------------------------------------------------------------------


def _unbreakable(box: Any) -> bool:
    """Whether a text box is (in) a run marked as having no place to break."""
    element = getattr(box, "element", None)
    return element is not None and "unbreakable" in (element.get("class") or "").split()


def _plan(context: Any, line_box: Any, width: float, indent: float, segments: list, start: int = 0,
          keep: list[_Line] | None = None, ragged: bool = False) -> _Plan:
    """The plan of a paragraph from ``start`` (a line start; the lines before it ``keep`` as they are)."""
    from weasyprint.text.line_break import get_log_attrs

    text = "".join(t for _, t, _ in segments)
    styles = {key: tb.style for tb, _, key in segments if tb is not None}
    tables = {key: widths(style) for key, style in styles.items()}
    key_at = [key for _, t, key in segments for _ in t]
    box_at = [n for n, (_, t, _) in enumerate(segments) for _ in t]
    lang = next(tb.style["lang"] for tb, _, _ in segments if tb is not None)
    # Each character's width, a run at a time (a table lookup a character), and their running sums.
    char_widths: list[float] = []
    # No break inside a piece that must not wrap (a citation, a list item's marker): only where its text meets
    # another's.
    nowrap: list[bool] = []
    nowrap_marker: list[bool] = []
    for _, t, key in segments:
        char_widths += [key[1]] * len(t) if key[0] == "edge" else map(tables[key].__getitem__, t)
        space = styles[key]["white_space"] if key[0] == "text" else "normal"
        nowrap += [space != "normal"] * len(t)
        nowrap_marker += [space == "pre-wrap"] * len(t)
    prefix = list(accumulate(char_widths, initial=0.0))

    def measure(piece: str, key: tuple) -> float:
        return key[1] * len(piece) if key[0] == "edge" else sum(map(tables[key].__getitem__, piece))

    rest = text[start:]
    attrs = get_log_attrs(rest, lang)
    places = {i for i in range(1, len(rest)) if attrs[i].is_line_break and not (
        nowrap[start + i - 1] and nowrap[start + i] and box_at[start + i - 1] == box_at[start + i])}
    # A run the HTML writer marked as having no place to break (pdf/fragments.py, class "unbreakable") may break
    # between any two of its characters, as CSS's overflow-wrap: anywhere lets WeasyPrint do, at the cost of a
    # break inside a chain: only where it cannot fit whole.
    anywhere = [_unbreakable(segments[box_at[j]][0]) for j in range(len(text))]
    forced = {i for i in range(1, len(rest)) if anywhere[start + i - 1] and anywhere[start + i]} - places
    runs = _runs(segments, start)
    paragraph = paragraph_items(runs, places | forced, measure, RAGGED_COSTS if ragged else COSTS, forced)
    items = paragraph.items
    breaks = best_breaks(items, width, indent if start == 0 else 0.0, RAGGED_SETTINGS if ragged else SETTINGS).at
    lines = list(keep or [])
    item_lines = lines_of(items, breaks)
    starts = [start] + [start + paragraph.offsets[b] + 1 for b in breaks]
    ends = starts[1:] + [len(text) + 1]
    for number, (first_item, end_item) in enumerate(item_lines):
        line = _Line(starts[number], ends[number])
        lines.append(line)
        last_line = number == len(item_lines) - 1
        if ragged:
            continue
        measure = width - (indent if start == 0 and number == 0 else 0.0)
        first, last = line.start, min(line.end - 1, len(text))
        if not last_line and text[last] not in " \u00a0\u00ad\u200b\u2005":
            last += 1  # a line broken after a hyphen, a dash or a slash keeps it
        while last > first and text[last - 1] == " ":
            last -= 1
        hyphen = not last_line and text[line.end - 1] == SOFT_HYPHEN
        natural = prefix[last] - prefix[first]
        if hyphen:
            natural += tables[key_at[line.end - 1]]["\u2010"]
        # The characters the line's spacing applies to (a list item's marker keeps its own).
        shaped = [j for j in range(first, last) if key_at[j][0] == "text" and not nowrap_marker[j]]
        if not shaped:
            continue
        slack = measure - MARGIN - natural
        if last_line and slack >= 0:
            continue  # the last line keeps its natural spacing, unless it is a little too long (then it shrinks)
        content = items[first_item:end_item]
        stretchy = (lambda item: item.stretch) if slack >= 0 else (lambda item: item.shrink)
        spaces = sum(stretchy(item) for item in content if isinstance(item, Glue))
        letters = sum(stretchy(item) for item in content if isinstance(item, Box))
        # Pango spaces every character of a piece (soft hyphens too) and WeasyPrint adds one more a piece.
        characters = len(shaped) + hyphen + len({box_at[j] for j in shaped}) - 1
        word_spaces = sum(1 for j in shaped if text[j] in " \u00a0")
        # The letters take their share of the slack, but never more than their own stretch or shrink (2 %
        # of their width): what is left goes to the word spaces, or stays at the line's end if it has none.
        share = slack * letters / (spaces + letters) if spaces + letters > 0 else 0.0
        if not word_spaces:
            share = slack
        share = max(-letters * LETTER_LIMIT, min(letters * LETTER_LIMIT, share))
        line.letter = share / characters
        if word_spaces:
            line.word = (slack - share) / word_spaces
    plan = _Plan(line_box, text, lines, width, indent, ragged)
    offset = 0
    for tb, t, _ in segments:
        if tb is not None:
            setattr(tb, ATTRIBUTE, (plan, offset))
        offset += len(t)
    return plan


def _runs(segments: list, start: int) -> list[tuple[str, tuple]]:
    """The (text, key) runs of the paragraph's text from ``start``."""
    runs, offset = [], 0
    for _, t, key in segments:
        if offset + len(t) > start:
            runs.append((t[max(0, start - offset):], key))
        offset += len(t)
    return runs


def _position(line_box: Any, skip_stack: dict | None, segments: list) -> int:
    """The offset in the paragraph's text where a layout resuming at ``skip_stack`` starts."""
    from weasyprint.formatting_structure import boxes

    if skip_stack is None:
        return 0
    offsets, offset = {}, 0
    for tb, t, _ in segments:
        if tb is not None:
            offsets[id(tb)] = offset
        offset += len(t)
    box = line_box
    while skip_stack:
        (index, skip_stack), = skip_stack.items()
        if isinstance(box, boxes.TextBox):
            return offsets.get(id(box), 0) + len(box.text.encode()[:index or 0].decode())
        box = box.children[index]
        if skip_stack is None:  # resuming at the start of a child
            return _first_offset(box, offsets)
    return 0


def _first_offset(box: Any, offsets: dict) -> int:
    if id(box) in offsets:
        return offsets[id(box)]
    for child in getattr(box, "children", ()):
        found = _first_offset(child, offsets)
        if found is not None:
            return found
    return 0


def iter_line_boxes(context: Any, box: Any, position_y: float, bottom_space: float, skip_stack: dict | None,
                    containing_block: Any, *args: Any) -> Any:
    """WeasyPrint's ``iter_line_boxes``, after planning the paragraph's lines when it is justified or in a
    table cell."""
    style = containing_block.style
    ragged = type(containing_block).__name__ == "TableCellBox" and style["text_align_all"] != "justify"
    if (style["text_align_all"] == "justify" or ragged) and style["white_space"] == "normal":
        from weasyprint.layout.percent import resolve_one_percentage, resolve_percentages

        resolve_percentages(box, containing_block)
        if skip_stack is None:
            resolve_one_percentage(box, "text_indent", containing_block.width)
        segments: list = []
        if segments_of(box, segments) and any(tb is not None for tb, _, _ in segments):
            _refresh(context, box, containing_block.width, skip_stack, segments, ragged)
    return _ORIGINAL["iter_line_boxes"](context, box, position_y, bottom_space, skip_stack, containing_block,
                                        *args)


def _refresh(context: Any, line_box: Any, width: float, skip_stack: dict | None, segments: list,
             ragged: bool = False) -> None:
    """Plan the paragraph, or plan it again from where the layout resumes if its text or measure changed."""
    text = "".join(t for _, t, _ in segments)
    first = next(tb for tb, _, _ in segments if tb is not None)
    marked = getattr(first, ATTRIBUTE, None)
    plan = marked[0] if marked else None
    if skip_stack is None:
        if plan is None or plan.text != text or plan.width != width or plan.indent != line_box.text_indent:
            _plan(context, line_box, width, line_box.text_indent, segments, ragged=ragged)
        return
    if plan is not None and plan.text == text and plan.width == width:
        return
    start = _position(line_box, skip_stack, segments)
    keep = [line for line in plan.lines if line.end <= start] if plan is not None else []
    _plan(context, line_box, width, plan.indent if plan else 0.0, segments, start, keep, ragged)


# --- laying out ----------------------------------------------------------------------------------


def _spaced(plan: _Plan, style: Any, letter: float, word: float) -> Any:
    key = (id(style), letter, word)
    spaced = plan.styles.get(key)
    if spaced is None:
        spaced = style.copy()
        spaced["letter_spacing"] = letter
        spaced["word_spacing"] = word
        plan.styles[key] = spaced
    return spaced


def split_text_box(context: Any, box: Any, available_width: float | None, skip: int | None,
                   is_line_start: bool = True) -> Any:
    """WeasyPrint's ``split_text_box``; a planned paragraph's text box is cut where its line ends, and laid
    out with that line's spacing."""
    marked = getattr(box, ATTRIBUTE, None)
    if marked is None or available_width is None:
        return _ORIGINAL["split_text_box"](context, box, available_width, skip, is_line_start)
    from weasyprint.layout.inline import strut
    from weasyprint.text.line_break import create_layout, first_line_metrics

    plan, offset = marked
    local = len(box.text.encode()[:skip or 0].decode())
    line = plan.line_at(offset + local)
    spaced = (line.letter or line.word) and box.style["white_space"] != "pre-wrap"  # a marker keeps its own
    style = _spaced(plan, box.style, line.letter, line.word) if spaced else box.style
    end = line.end - offset  # in box.text, just after the character the line breaks at
    if line is plan.lines[-1] or end >= len(box.text):
        piece, resume = box.text[local:], None
    else:
        piece, resume = box.text[local:end], len(box.text[:end].encode())
    hyphenated = resume is not None and piece.endswith(SOFT_HYPHEN)
    if hyphenated:
        piece += style["hyphenate_character"]
    elif resume is not None:
        piece = piece.rstrip(" \u00a0\u2005")  # the space broken at (a chain's, a label's) is not drawn
    if not piece:
        return None, resume, False
    layout = create_layout(piece, style, context, None, 0)
    first_line, _ = layout.get_first_line()
    layout, length, _, width, height, baseline = first_line_metrics(
        first_line, piece, layout, None, True, style, hyphenated, style["hyphenate_character"])
    if not layout.text or not length:
        return None, resume, False
    new_box = box.copy_with_text(layout.text)
    setattr(new_box, ATTRIBUTE, None)
    new_box.kazthesis_offset = offset + local  # where the piece starts in the paragraph (for misplaced)
    new_box.kazthesis_plan = plan
    new_box.style = style
    new_box.width = width
    new_box.pango_layout = layout
    new_box.height = height
    line_height, _ = strut(style)
    new_box.margin_top = new_box.margin_bottom = (line_height - height) / 2
    new_box.baseline = baseline + new_box.margin_top
    return new_box, resume, False


def misplaced(pages: list) -> list[str]:
    """The lines of laid-out pages that do not start where their paragraph's plan says (empty: every planned
    line landed), described for a test's message."""
    found: list[str] = []
    for number, page in enumerate(pages, 1):
        for line in _line_boxes(page, []):
            piece = _first_piece(line)
            if piece is None:
                continue
            plan, start = _plan_of(piece), piece.kazthesis_offset
            if plan is not None and not any(planned.start <= start and not plan.text[planned.start:start].strip(
                    " " + EDGE) for planned in plan.lines):
                found.append(f"page {number}: a line starts at {start} of «{plan.text[:40]}…», "
                             f"planned at {[planned.start for planned in plan.lines]}")
    return found


def _line_boxes(box: Any, into: list) -> list:
    if type(box).__name__ == "LineBox":
        into.append(box)
        return into
    for child in getattr(box, "children", None) or []:
        _line_boxes(child, into)
    return into


def _first_piece(box: Any) -> Any:
    for child in getattr(box, "children", None) or []:
        if hasattr(child, "kazthesis_offset"):
            return child
        found = _first_piece(child)
        if found is not None:
            return found
    return None


def _plan_of(piece: Any) -> _Plan | None:
    return getattr(piece, "kazthesis_plan", None)
