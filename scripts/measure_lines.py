#!/usr/bin/env python3
"""How well a PDF's paragraphs are set: its body lines read back from the glyph positions, and figures.

A development tool (nothing in the product imports it). It reads any PDF —
ours, or XeLaTeX's and Typst's from ``scripts/compare_typesetters.py`` — with
poppler: ``pdftotext -bbox`` gives every word's box, ``pdftohtml -xml`` which
text is bold. From them it rebuilds the lines of body text and prints:

* the lines, and the share of them that end in a hyphen (a soft-hyphen break
  or a break after a compound's own hyphen: a reader sees both);
* runs of hyphenated lines in a row (2, 3, more);
* paragraphs whose last line is a lone word fragment (``анық‐ / тау.``), and
  those whose last line is shorter than the first-line indent;
* the normal word space (the median gap between words on lines that are not
  justified: paragraphs' last lines), the share of justified lines whose widest
  word space is over twice it (and three times), and the widest space of all
  in units of it, with its line.

    .venv/bin/python scripts/measure_lines.py output/thesis.pdf --pages 4-37 [--lines] [--json]

What counts as body text: words in the commonest type size (footnotes,
tables and page numbers are smaller or alone), a line not wholly bold
(headings). A smaller word on a body line (a footnote call) stays on that
line, so it does not open a gap. Paragraphs are told apart by geometry: a line
ends its paragraph when it stops short of the text's right edge, or when the
next line starts indented, further down than one line pitch, or is not body
text; a paragraph runs on over a page break when the page's last line reaches
the right edge and the next page's first line starts at the left edge.
A justified line is any line of a paragraph but its last.
"""

from __future__ import annotations

import argparse
import html
import json
import re
import statistics
import subprocess
import sys
from collections import Counter
from dataclasses import asdict, dataclass, field
from pathlib import Path

HYPHENS = ("\u2010", "-", "\u00ad")  # WeasyPrint draws U+2010 at a soft hyphen; TeX and Typst draw "-"
EDGE = 1.5  # points: a line ending within this of the right edge reaches it
INDENTED = 3.0  # points: a line starting further right than this from the left edge is indented
_WORD_RE = re.compile(r'<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">(.*?)</word>')
_TEXT_RE = re.compile(r'<text top="(-?\d+)" left="(-?\d+)" width="(\d+)" height="(\d+)" font="\d+">(.*?)</text>')


@dataclass
class Word:
    x0: float
    top: float
    x1: float
    bottom: float
    text: str
    bold: bool = False


@dataclass
class Line:
    page: int
    top: float
    words: list[Word]
    paragraph: int = -1  # index of its paragraph in reading order
    last: bool = False  # the last line of its paragraph (not justified)

    @property
    def text(self) -> str:
        return " ".join(w.text for w in self.words)

    @property
    def left(self) -> float:
        return self.words[0].x0

    @property
    def right(self) -> float:
        return self.words[-1].x1

    @property
    def gaps(self) -> list[float]:
        """The spaces between its words, points (a superscript next to a word is not a space)."""
        return [b.x0 - a.x1 for a, b in zip(self.words, self.words[1:], strict=False) if b.x0 - a.x1 > 0.3]

    @property
    def hyphenated(self) -> bool:
        return self.text.endswith(HYPHENS) and len(self.words[-1].text) > 1


@dataclass
class Figures:
    pages: str
    lines: int
    paragraphs: int
    hyphenated: int
    hyphenated_share: float
    runs: dict[int, int]  # run length → how many runs of exactly that many hyphenated lines
    longest_run: int
    fragment_endings: list[str]  # last lines that are a lone word fragment
    short_endings: int  # last lines (of paragraphs of 2+ lines) shorter than the first-line indent
    normal_space: float  # points
    justified: int
    wide: int  # justified lines whose widest space is over 2 normal ones
    wide_share: float
    very_wide: list[str] = field(default_factory=list)  # justified lines with a space of 3 normal ones or more
    widest: float = 0.0  # in normal spaces
    widest_line: str = ""


def _run(*command: str) -> str:
    return subprocess.run(command, capture_output=True, text=True, check=True).stdout


def _page_range(pages: str | None) -> tuple[int, int] | None:
    if not pages:
        return None
    first, _, last = pages.partition("-")
    return int(first), int(last or first)


def read_words(pdf: Path, pages: tuple[int, int] | None = None) -> dict[int, list[Word]]:
    """Every word of the pages, by page number, with whether it is set in bold."""
    span = ["-f", str(pages[0]), "-l", str(pages[1])] if pages else []
    first = pages[0] if pages else 1
    bbox = _run("pdftotext", "-bbox", *span, str(pdf), "-")
    xml = _run("pdftohtml", "-xml", "-i", "-zoom", "1", "-stdout", *span, str(pdf))
    bold_boxes: dict[int, list[tuple[float, float, float, float]]] = {}
    for number, page in enumerate(re.split(r"<page number=", xml)[1:], first):
        for top, left, width, height, text in _TEXT_RE.findall(page):
            if text.startswith("<b>") or text.startswith("<i><b>"):
                bold_boxes.setdefault(number, []).append(
                    (float(left) - 1, float(top) - 1, float(left) + float(width) + 1, float(top) + float(height) + 1))
    result: dict[int, list[Word]] = {}
    for number, page in enumerate(re.split(r"<page ", bbox)[1:], first):
        words = []
        for x0, top, x1, bottom, text in _WORD_RE.findall(page):
            word = Word(float(x0), float(top), float(x1), float(bottom), html.unescape(text))
            cx, cy = (word.x0 + word.x1) / 2, (word.top + word.bottom) / 2
            word.bold = any(a <= cx <= c and b <= cy <= d for a, b, c, d in bold_boxes.get(number, []))
            words.append(word)
        result[number] = words
    return result


def body_lines(words: dict[int, list[Word]]) -> list[Line]:
    """The lines of body text, in reading order (see the module docstring)."""
    heights = Counter(round(w.bottom - w.top, 1) for page in words.values() for w in page)
    if not heights:
        return []
    body = heights.most_common(1)[0][0]
    lines: list[Line] = []
    for number in sorted(words):
        rows: list[Line] = []
        smaller = []
        for word in words[number]:
            if abs(word.bottom - word.top - body) >= 0.6:
                smaller.append(word)
                continue
            row = next((r for r in rows if abs(r.top - word.top) < 1.0), None)
            if row is None:
                rows.append(Line(number, word.top, [word]))
            else:
                row.words.append(word)
        for word in smaller:  # a footnote call or a superscript: on the body line it sits in
            middle = (word.top + word.bottom) / 2
            row = next((r for r in rows if r.top - 1 <= middle <= r.top + body + 1), None)
            if row is not None and word.bottom - word.top < body:
                row.words.append(word)
        for row in sorted(rows, key=lambda r: r.top):
            row.words.sort(key=lambda w: w.x0)
            if row.text.isdigit() and len(row.words) == 1:
                continue  # the page number
            if all(w.bold for w in row.words if abs(w.bottom - w.top - body) < 0.6):
                continue  # a heading
            lines.append(row)
    return lines


def _mode(values: list[float]) -> float:
    return Counter(round(v * 2) / 2 for v in values).most_common(1)[0][0]


def paragraphs(lines: list[Line]) -> None:
    """Mark each line with its paragraph and whether it ends it."""
    if not lines:
        return
    left = {page: _mode([ln.left for ln in lines if ln.page == page]) for page in {ln.page for ln in lines}}
    right = _mode([ln.right for ln in lines])
    pitch = _mode([b.top - a.top for a, b in zip(lines, lines[1:], strict=False) if b.page == a.page and b.top > a.top])
    paragraph = 0
    for n, line in enumerate(lines):
        line.paragraph = paragraph
        after = lines[n + 1] if n + 1 < len(lines) else None
        full = line.right >= right - EDGE
        if after is None or not full:
            ends = True
        elif after.page == line.page:
            ends = after.left > left[after.page] + INDENTED or after.top - line.top > pitch * 1.2
        else:
            first_of_next = after.page == line.page + 1
            ends = not first_of_next or after.left > left[after.page] + INDENTED
        line.last = ends
        paragraph += ends


def measure(pdf: Path, pages: str | None = None) -> tuple[Figures, list[Line]]:
    """The figures of the module docstring for the pages (``"4-37"``; None: all), and the lines."""
    span = _page_range(pages)
    lines = body_lines(read_words(pdf, span))
    paragraphs(lines)
    indent = 0.0
    if lines:
        left = _mode([ln.left for ln in lines])
        firsts = [ln.left - left for n, ln in enumerate(lines) if n == 0 or lines[n - 1].last]
        indented = [f for f in firsts if f > INDENTED]
        indent = _mode(indented) if indented else 0.0
    hyphenated = [ln for ln in lines if ln.hyphenated and not ln.last]
    runs: Counter[int] = Counter()
    run = 0
    for n, line in enumerate(lines):
        if line.hyphenated and not line.last:
            run += 1
        if run and (not (line.hyphenated and not line.last) or n + 1 == len(lines)):
            runs[run] += 1
            run = 0
    fragments, short = [], 0
    for n, line in enumerate(lines):
        if not line.last or n == 0 or lines[n - 1].last:
            continue  # a one-line paragraph has no ending to judge
        if lines[n - 1].hyphenated and len(line.words) == 1:
            fragments.append(f"p. {line.page}: {lines[n - 1].words[-1].text} / {line.text}")
        if line.right - line.left < indent:
            short += 1
    ragged = [g for ln in lines if ln.last for g in ln.gaps]
    normal = statistics.median(ragged) if ragged else 0.0
    justified = [ln for ln in lines if not ln.last and ln.gaps]
    wide = [ln for ln in justified if max(ln.gaps) > 2 * normal]
    very = [ln for ln in justified if max(ln.gaps) >= 3 * normal]
    widest = max(justified, key=lambda ln: max(ln.gaps), default=None)
    figures = Figures(
        pages=pages or "all", lines=len(lines), paragraphs=len({ln.paragraph for ln in lines}),
        hyphenated=len(hyphenated), hyphenated_share=_share(len(hyphenated), len(lines)),
        runs=dict(sorted(runs.items())), longest_run=max(runs, default=0),
        fragment_endings=fragments, short_endings=short, normal_space=round(normal, 2),
        justified=len(justified), wide=len(wide), wide_share=_share(len(wide), len(justified)),
        very_wide=[f"p. {ln.page}: {ln.text}" for ln in very],
        widest=round(max(widest.gaps) / normal, 2) if widest and normal else 0.0,
        widest_line=f"p. {widest.page}: {widest.text}" if widest else "")
    return figures, lines


def body_pages(pdf: Path, language: str) -> str:
    """The pages of a thesis's running text, "first-last": from the introduction's page to the page before
    the reference list's (by the PDF's bookmarks and the document language's titles)."""
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
    from kazthesis.lang import wording

    xml = _run("pdftohtml", "-xml", "-i", "-stdout", str(pdf))
    marks = [(int(p), html.unescape(t)) for p, t in re.findall(r'<item page="(\d+)">(.*?)</item>', xml)]
    first = next(page for page, title in marks if title == wording.text(language, "introduction"))
    last = next(page for page, title in marks if title == wording.text(language, "references")) - 1
    return f"{first}-{last}"


def _share(part: int, whole: int) -> float:
    return round(100 * part / whole, 1) if whole else 0.0


def report(figures: Figures) -> str:
    """The figures as a few lines of text."""
    runs = ", ".join(f"{length} in a row: {count}" for length, count in figures.runs.items() if length > 1) or "none"
    lines = [
        f"pages {figures.pages}: {figures.lines} lines of body text in {figures.paragraphs} paragraphs",
        f"lines ending in a hyphen: {figures.hyphenated} ({figures.hyphenated_share} %)",
        f"runs of hyphenated lines: {runs}; longest {figures.longest_run}",
        f"paragraphs ending on a word fragment: {len(figures.fragment_endings)}"
        + "".join(f"\n    {f}" for f in figures.fragment_endings),
        f"paragraphs whose last line is shorter than the indent: {figures.short_endings}",
        f"normal word space: {figures.normal_space} pt",
        f"justified lines: {figures.justified}; with a space over 2 normal ones: {figures.wide} "
        f"({figures.wide_share} %); of 3 or more: {len(figures.very_wide)}",
        f"widest space: {figures.widest} normal ones — {figures.widest_line}",
    ]
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("pdf", type=Path)
    parser.add_argument("--pages", help="a page range such as 4-37 (default: all pages)")
    parser.add_argument("--body", metavar="LANGUAGE",
                        help="measure a thesis's running text: from the introduction to the reference list")
    parser.add_argument("--lines", action="store_true", help="also print every line, marked")
    parser.add_argument("--json", action="store_true", help="print the figures as JSON")
    args = parser.parse_args(argv)
    figures, lines = measure(args.pdf, body_pages(args.pdf, args.body) if args.body else args.pages)
    if args.lines:
        for line in lines:
            gap = max(line.gaps, default=0.0) / figures.normal_space if figures.normal_space else 0.0
            mark = ("¶" if line.last else " ") + ("-" if line.hyphenated and not line.last else " ")
            print(f"{line.page:3} {mark} {gap:4.1f} {line.text}")
    print(json.dumps(asdict(figures), ensure_ascii=False, indent=1) if args.json else report(figures))
    return 0


if __name__ == "__main__":
    sys.exit(main())
