"""Tables that run onto the next page: split there, with "1-кестенің жалғасы" above the rest.

CSS cannot print a label only on a table's continuation pages, so the layout
stage asks where each table's rows fell (in the laid-out boxes) and splits
the HTML table at the first row of every later page, repeating the header
row and giving each continuation the label as its first header row, which
keeps it on the page of the rows it introduces. (How wide a table's columns are is
decided before layout: :mod:`kazthesis.resolve.table_fit`.)
"""

from __future__ import annotations

import re

TABLE_RE = re.compile(
    r'(?P<open><div class="table-block[^"]*" data-table="(?P<n>[^"]+)"[^>]*>)'
    r'(?P<caption><p class="table-caption">.*?</p>)'
    r'(?P<table><table data-table="[^"]+" data-continued="(?P<continued>[^"]*)"[^>]*>)'
    r"(?P<head>.*?</thead>)\s*<tbody>(?P<rows>.*?)</tbody>\s*</table></div>",
    re.S,
)
ROW_RE = re.compile(r'<tr data-table="[^"]*" data-row="(\d+)">')
Split = tuple[str, int]  # (table number, first row of a continuation)


def split_tables(html: str, splits: set[Split]) -> str:
    """The HTML with each table cut before the rows named in ``splits``."""
    if not splits:
        return html

    def cut(match: re.Match[str]) -> str:
        number = match["n"]
        rows = match["rows"]
        starts = [m for m in ROW_RE.finditer(rows) if (number, int(m.group(1))) in splits]
        if not starts:
            return match.group(0)
        head = match["head"]
        # The label is the first header row: a header row is never parted from the rows under it.
        label = (f'<tr class="table-continued"><th colspan="{max(head.count("<col "), 1)}">'
                 f'{match["continued"]}</th></tr>')
        continued_head = head.replace("<thead>", "<thead>" + label, 1)
        table_open = match["table"]
        pieces, previous = [], 0
        for start in starts:
            pieces.append(rows[previous : start.start()])
            previous = start.start()
        pieces.append(rows[previous:])
        html_pieces = [f"{match['caption']}{table_open}{head}<tbody>{pieces[0]}</tbody></table>"]
        for piece in pieces[1:]:
            html_pieces.append(f"{table_open}{continued_head}<tbody>{piece}</tbody></table>")
        return match["open"] + "".join(html_pieces) + "</div>"

    return TABLE_RE.sub(cut, html)


def table_boxes(pages: list):  # noqa: ANN201 - yields (page index, box); pages: WeasyPrint page boxes
    """Every laid-out table box with the page it is on (the laid-out boxes: the only place rows have pages)."""
    for index, page in enumerate(pages):
        for box in page.descendants():
            if getattr(box, "element_tag", None) in ("table", "tr") and getattr(box, "element", None) is not None:
                yield index, box


def find_splits(pages: list) -> set[Split]:
    """Rows that open a later page of their table."""
    splits: set[Split] = set()
    seen_tables: set[str] = set()
    first_rows: dict[int, dict[str, int]] = {}
    for index, box in table_boxes(pages):
        element = box.element
        if box.element_tag == "tr" and element.get("data-row"):
            first_rows.setdefault(index, {}).setdefault(element.get("data-table"), int(element.get("data-row")))
    for index in sorted(first_rows):
        for number, row in first_rows[index].items():
            if number in seen_tables:
                splits.add((number, row))
            seen_tables.add(number)
    return splits
