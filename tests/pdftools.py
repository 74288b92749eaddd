"""Reading a built PDF back: words with positions, fonts, the contents page."""

from __future__ import annotations

import html
import re
import subprocess
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

MM = 72 / 25.4  # points per millimetre


@dataclass(frozen=True)
class Word:
    page: int
    text: str
    x0: float
    y0: float
    x1: float
    y1: float


def words(path: Path) -> list[Word]:
    """Every word of the PDF with its box in points (origin top left)."""
    xml = subprocess.run(["pdftotext", "-bbox", str(path), "-"], capture_output=True, text=True, check=True).stdout
    result = []
    for number, page in enumerate(re.split(r"<page ", xml)[1:], 1):
        for m in re.finditer(r'<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">(.*?)</word>',
                             page):
            result.append(Word(number, html.unescape(m.group(5)), *(float(m.group(i)) for i in range(1, 5))))
    return result


def fonts(path: Path) -> list[dict[str, str]]:
    """pdffonts' table as dicts (name, emb, …)."""
    lines = subprocess.run(["pdffonts", str(path)], capture_output=True, text=True, check=True).stdout.splitlines()
    rows = []
    for line in lines[2:]:
        parts = line.split()
        rows.append({"name": parts[0], "emb": parts[-5], "sub": parts[-4], "uni": parts[-3]})
    return rows


def outline(path: Path) -> list[tuple[int, str]]:
    """The PDF bookmarks as (page, title), in order."""
    xml = subprocess.run(["pdftohtml", "-xml", "-i", "-stdout", str(path)], capture_output=True, text=True,
                         check=True).stdout
    return [(int(p), html.unescape(t)) for p, t in re.findall(r'<item page="(\d+)">(.*?)</item>', xml)]


TOC_LINE = re.compile(r"^\s*(.*?)\s*\.{2,}\s*(\d+)\s*$")


def contents_entries(page_text: str) -> list[tuple[str, int]]:
    """(entry text, page) for each entry of a contents page; wrapped entries joined."""
    lines = [line.strip() for line in page_text.splitlines() if line.strip()][1:]  # drop the page title
    entries: list[tuple[str, int]] = []
    pending = ""
    for line in lines:
        if match := TOC_LINE.match(line):
            entries.append(((pending + " " + match.group(1)).strip(), int(match.group(2))))
            pending = ""
        elif not line.isdigit():  # a wrapped title; the page's own number is skipped
            pending = (pending + " " + line).strip()
    return entries


@dataclass(frozen=True)
class Line:
    page: int
    text: str
    y: float  # top, points from the top of the page
    x: float  # left end, points from the left edge
    widest_gap: float = 0.0  # the widest space between two of its words, points


def body_lines(path: Path) -> list[Line]:
    """The physical lines set in the body's type size (footnotes, tables in smaller type and the page
    numbers left out), in reading order, page by page: words grouped by their baseline, so that a wide
    justified gap does not cut a line in two as pdftotext's own line grouping may."""
    xml = subprocess.run(["pdftotext", "-bbox", str(path), "-"], capture_output=True, text=True, check=True).stdout
    word_re = re.compile(r'<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">(.*?)</word>')
    pages = re.split(r"<page ", xml)[1:]
    heights = [round(float(m.group(4)) - float(m.group(2)), 1) for page in pages for m in word_re.finditer(page)]
    body = max(set(heights), key=heights.count)
    lines: list[Line] = []
    for number, page in enumerate(pages, 1):
        rows: dict[float, list[tuple[float, float, str]]] = {}
        for x, top, right, bottom, text in word_re.findall(page):
            if abs(float(bottom) - float(top) - body) >= 0.6:
                continue
            key = next((k for k in rows if abs(k - float(top)) < 1.0), float(top))
            rows.setdefault(key, []).append((float(x), float(right), html.unescape(text)))
        for top in sorted(rows):
            row = sorted(rows[top])
            text = " ".join(t for _, _, t in row)
            gap = max((b[0] - a[1] for a, b in zip(row, row[1:], strict=False)), default=0.0)
            if not text.isdigit():  # the page number
                lines.append(Line(number, text, top, row[0][0], gap))
    return lines


def clip_boxes(path: Path, page: int) -> list[tuple[float, float]]:
    """Width and height in mm of every rectangle a page clips its drawing to (WeasyPrint clips each
    image and SVG to the box it was given), read from the content stream with the scale in force."""
    import pikepdf

    with pikepdf.open(path) as pdf:
        operations = pikepdf.parse_content_stream(pdf.pages[page - 1])
    drawn = list(_with_matrix(operations))
    boxes = []
    for (name, operands, ctm), (following, _, _) in zip(drawn, drawn[1:], strict=False):
        if name == "re" and following == "W":  # a rectangle made the clipping path
            width, height = (float(x) for x in operands[2:4])
            boxes.append((width * abs(ctm[0]) / MM, height * abs(ctm[3]) / MM))
    return boxes


@dataclass(frozen=True)
class TextRun:
    """One text-showing operation of a page: where its baseline starts (points, origin top left), its type
    size in points, and its font's ascent and descent (em, both positive, from the font descriptor)."""

    x: float
    baseline: float
    size: float
    ascent: float
    descent: float


def _multiply(m: tuple[float, ...], n: tuple[float, ...]) -> tuple[float, ...]:
    """The PDF matrix product m × n (row vectors: a point is transformed by m, then by n)."""
    a, b, c, d, e, f = m
    a2, b2, c2, d2, e2, f2 = n
    return (a * a2 + b * c2, a * b2 + b * d2, c * a2 + d * c2, c * b2 + d * d2,
            e * a2 + f * c2 + e2, e * b2 + f * d2 + f2)


IDENTITY = (1.0, 0.0, 0.0, 1.0, 0.0, 0.0)


def _with_matrix(operations: list) -> Iterator[tuple[str, list, tuple[float, ...]]]:
    """A content stream's operators other than q, Q and cm, each with the transformation matrix in force."""
    ctm, stack = IDENTITY, []
    for operands, operator in operations:
        name = str(operator)
        if name == "q":
            stack.append(ctm)
        elif name == "Q":
            ctm = stack.pop()
        elif name == "cm":
            ctm = _multiply(tuple(float(x) for x in operands), ctm)
        else:
            yield name, operands, ctm


def text_runs(path: Path, page: int) -> list[TextRun]:
    """Every text run of a page (1-based), read from its content stream with the transformations in force."""
    import pikepdf

    with pikepdf.open(path) as pdf:
        pdf_page = pdf.pages[page - 1]
        height = float(pdf_page.mediabox[3])
        fonts = {}
        for name, font in pdf_page.Resources.get("/Font", {}).items():
            descriptor = (font.DescendantFonts[0] if "/DescendantFonts" in font else font).FontDescriptor
            fonts[name] = (float(descriptor.Ascent) / 1000, -float(descriptor.Descent) / 1000)
        operations = pikepdf.parse_content_stream(pdf_page)
    runs: list[TextRun] = []
    tm, font, size = IDENTITY, ("", (0.0, 0.0)), 0.0
    for name, operands, ctm in _with_matrix(operations):
        if name == "BT":
            tm = IDENTITY
        elif name == "Tm":
            tm = tuple(float(x) for x in operands)
        elif name == "Td":
            tm = _multiply((1.0, 0.0, 0.0, 1.0, float(operands[0]), float(operands[1])), tm)
        elif name == "Tf":
            font, size = (str(operands[0]), fonts.get(str(operands[0]), (0.0, 0.0))), float(operands[1])
        elif name in ("TJ", "Tj"):
            a, b, c, d, e, f = _multiply(tm, ctm)
            runs.append(TextRun(e, height - f, size * (c * c + d * d) ** 0.5, *font[1]))
    return runs


def strokes(path: Path, page: int) -> list[tuple[float, float, float, float]]:
    """Every straight line a page strokes (a table's rules: WeasyPrint draws each border as ``m l S``), as
    (x0, y0, x1, y1) in points, origin top left, with the transformations in force."""
    import pikepdf

    with pikepdf.open(path) as pdf:
        height = float(pdf.pages[page - 1].mediabox[3])
        operations = pikepdf.parse_content_stream(pdf.pages[page - 1])
    start, lines = (0.0, 0.0), []
    pending: list[tuple[float, float, float, float]] = []

    def point(x: float, y: float, ctm: tuple[float, ...]) -> tuple[float, float]:
        a, b, c, d, e, f = ctm
        return a * x + c * y + e, height - (b * x + d * y + f)

    for name, operands, ctm in _with_matrix(operations):
        if name == "m":
            start = point(float(operands[0]), float(operands[1]), ctm)
        elif name == "l":
            end = point(float(operands[0]), float(operands[1]), ctm)
            pending.append((*start, *end))
            start = end
        elif name == "S":
            lines += pending
            pending = []
        elif name in ("n", "f", "f*", "B", "B*", "b", "b*"):
            pending = []
    return lines


def word_size(word: Word, runs: list[TextRun]) -> TextRun:
    """The text run a word (of :func:`words`) was shown in: on its baseline, the nearest start at its left."""
    found = [run for run in runs if word.y0 - 0.01 <= run.baseline <= word.y1 + 0.01 and run.x <= word.x0 + 0.05]
    assert found, f"no text run holds {word}"
    return max(found, key=lambda run: run.x)


A4_HEIGHT = 841.89  # points


def page_number_drawn(every_word: list[Word], page: int) -> bool:
    """Whether ``page``'s own number is drawn in its bottom margin (the last 20 mm of an A4 page)."""
    return any(w.page == page and w.text == str(page) and w.y0 > A4_HEIGHT - 20 * MM for w in every_word)
