"""Tables that run onto the next page: split there, with "1-кестенің жалғасы" above the rest.

CSS cannot print a label only on a table's continuation pages, so the layout
stage reads where each table's rows fell (the laid-out row boxes, whose
elements carry ``data-table`` and ``data-row``: :func:`find_splits`) and
splits the HTML table at the first row of every later page, repeating the
header row and giving each continuation the label as its first header row,
which keeps it on the page of the rows it introduces. (How wide a table's
columns are is decided before layout: :mod:`kazthesis.resolve.table_fit`.)

Why the HTML string is cut, and laid out again whole: the cut moves rows
between pages, so it needs a new layout, and WeasyPrint lays out HTML. The
model could write the table again, but the worker that finds the cut has
only the piece's HTML, and asking the build for each cut would send every
layout pass back through it; WeasyPrint's element tree could be cut, but it
would then be written back to HTML for ``thesis.html`` and the next pass,
and its serialisation is not the writer's. Cutting the string at places a
real HTML tokenizer finds (:mod:`kazthesis.pdf.weasy.markup`) changes only
the table's own tags and keeps every other byte, withdrawn hyphens and
entities included; the result is checked against a fresh layout of the same
HTML (tests/pdf/weasy/test_relayout.py).
"""

from __future__ import annotations

from html import escape

from kazthesis.pdf.weasy.boxes import table_rows
from kazthesis.pdf.weasy.markup import Tag, element_end, tags

Split = tuple[str, int]  # (table number, first row of a continuation)


def find_splits(pages: list) -> set[Split]:
    """Rows that open a later page of their table; ``pages`` are WeasyPrint page boxes."""
    splits: set[Split] = set()
    seen_tables: set[str] = set()
    first_rows: dict[int, dict[str, int]] = {}
    for index, number, row in table_rows(pages):
        first_rows.setdefault(index, {}).setdefault(number, row)
    for index in sorted(first_rows):
        for number, row in first_rows[index].items():
            if number in seen_tables:
                splits.add((number, row))
            seen_tables.add(number)
    return splits


def split_tables(html: str, splits: set[Split]) -> str:
    """The HTML with each table cut before the rows named in ``splits``.

    A table is the writer's ``<div class="table-block" data-table="N">`` (see :mod:`kazthesis.pdf.html`): its
    caption, then ``<table data-continued="…">`` with a ``<colgroup>``, a ``<thead>`` and a ``<tbody>`` of
    rows marked ``data-row``. A continuation repeats the table's start tag and its head, with the label as
    the head's first row.
    """
    if not splits:
        return html
    found = tags(html)
    out, previous = [], 0
    index = 0
    while index < len(found):
        tag = found[index]
        if (not tag.closing and tag.name == "div" and tag.has_class("table-block")
                and any(number == tag.attrs.get("data-table") for number, _ in splits)):
            end = element_end(found, index)
            cut = _cut(html, found[index : end + 1], splits)
            if cut is not None:
                out.append(html[previous : tag.start] + cut)
                previous = found[end].end
            index = end
        index += 1
    return "".join(out) + html[previous:]


def _cut(html: str, block: list[Tag], splits: set[Split]) -> str | None:
    """A table block's HTML cut before its rows in ``splits``; None when it has none of them."""
    number = block[0].attrs.get("data-table")
    table = next(i for i, tag in enumerate(block) if tag.name == "table" and not tag.closing)
    head_end = next(i for i, tag in enumerate(block) if tag.name == "thead" and tag.closing)
    body = next(i for i, tag in enumerate(block) if tag.name == "tbody" and not tag.closing)
    body_end = next(i for i, tag in enumerate(block) if tag.name == "tbody" and tag.closing)
    starts = [tag.start for tag in block[body:body_end]
              if tag.name == "tr" and not tag.closing and (number, int(tag.attrs.get("data-row") or 0)) in splits]
    if not starts:
        return None
    table_open = html[block[table].start : block[table].end]
    head = html[block[table].end : block[head_end].end]  # the colgroup and the thead
    columns = sum(tag.name == "col" and not tag.closing for tag in block[table:head_end])
    continued = block[table].attrs.get("data-continued") or ""
    # The label is the first header row: a header row is never parted from the rows under it.
    label = f'<tr class="table-continued"><th colspan="{max(columns, 1)}">{escape(continued)}</th></tr>'
    continued_head = head.replace("<thead>", "<thead>" + label, 1)
    bounds = [block[body].end, *starts, block[body_end].start]
    rows = [html[bounds[k] : bounds[k + 1]] for k in range(len(bounds) - 1)]
    caption = html[block[0].end : block[table].start]
    pieces = [f"{caption}{table_open}{head}<tbody>{rows[0]}</tbody></table>"]
    pieces += [f"{table_open}{continued_head}<tbody>{piece}</tbody></table>" for piece in rows[1:]]
    return html[block[0].start : block[0].end] + "".join(pieces) + "</div>"
