"""Tables that run onto the next page: split there, with "1-кестенің жалғасы".

CSS cannot print a label only on a table's continuation pages, so the PDF
stage renders, asks where each table's rows fell, splits the HTML table at
the first row of every later page (repeating the header row, adding the
continuation label), and renders again until the splits no longer move.
"""

from __future__ import annotations

import re

TABLE_RE = re.compile(
    r'(?P<open><div class="table-block"[^>]*>)(?P<caption><p class="table-caption">.*?</p>)'
    r'(?P<table><table data-table="(?P<n>[^"]+)" data-continued="(?P<continued>[^"]*)"[^>]*>)'
    r"(?P<head>\s*<thead>.*?</thead>)?\s*<tbody>(?P<rows>.*?)</tbody>\s*</table></div>",
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
        head = match["head"] or ""
        table_open = match["table"]
        pieces, previous = [], 0
        for start in starts:
            pieces.append(rows[previous : start.start()])
            previous = start.start()
        pieces.append(rows[previous:])
        html_pieces = [f"{match['caption']}{table_open}{head}<tbody>{pieces[0]}</tbody></table>"]
        for piece in pieces[1:]:
            html_pieces.append(f'<p class="table-continued">{match["continued"]}</p>'
                               f"{table_open}{head}<tbody>{piece}</tbody></table>")
        return match["open"] + "".join(html_pieces) + "</div>"

    return TABLE_RE.sub(cut, html)


def find_splits(pages: list) -> set[Split]:  # pages: list of weasyprint Page
    """Rows that open a later page of their table."""
    splits: set[Split] = set()
    seen_tables: set[str] = set()
    for page in pages:
        first_rows: dict[str, int] = {}
        # _page_box is WeasyPrint's laid-out page: the only place row positions exist.
        for box in page._page_box.descendants():
            element = getattr(box, "element", None)
            if getattr(box, "element_tag", None) == "tr" and element is not None and element.get("data-row"):
                first_rows.setdefault(element.get("data-table"), int(element.get("data-row")))
        for number, row in first_rows.items():
            if number in seen_tables:
                splits.add((number, row))
            seen_tables.add(number)
    return splits
