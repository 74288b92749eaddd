#!/usr/bin/env python3
"""The same paragraphs set by Typst beside our PDF, and the line figures of both.

A development tool, not part of the product (and not in requirements.txt:
``.venv/bin/pip install typst==0.15.0`` brings the Typst compiler as a wheel).
It reads a built project's ``output/thesis.html`` — the text exactly as our
PDF sets it, with our soft hyphens — takes the running text's headings,
paragraphs and list items (introduction, chapters, conclusion), and writes them as a Typst document
with the same page, font, size, measure and first-line indent (read from the
HTML's own stylesheet). Typst has no Kazakh hyphenation patterns, so it is
given our soft hyphens and none of its own (``hyphenate: false``): both
typesetters choose among the same break opportunities, and the difference
is the line breaker alone — Typst's is Knuth–Plass total fit. Tables,
figures, formulas and code are left out (the figures count body lines only).

    .venv/bin/python scripts/compare_typesetters.py [PROJECT_DIR] [--out DIR]

writes DIR/typst.typ and DIR/typst.pdf (DIR defaults to PROJECT_DIR/output/compare) and prints the
figures of ``scripts/measure_lines.py`` for our PDF's running text (introduction to conclusion) and for
Typst's, side by side. ``scripts/benchmark.py --lines`` does the same for the exemplar and the Russian
fixture.

XeLaTeX is not used: it is not installed here (Debian's texlive-xetex pulls
in texlive-latex-extra), and with the same soft hyphens it would show the
same algorithm Typst uses.
"""

from __future__ import annotations

import argparse
import re
import sys
from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import measure_lines  # noqa: E402 - the script beside this one

ROOT = Path(__file__).resolve().parent.parent
SOFT_HYPHEN, WORD_JOINER, NBSP = "\u00ad", "\u2060", "\u00a0"


@dataclass
class Block:
    kind: str  # "h1", "h2", "h3" or "p"
    runs: list[tuple[str, str]] = field(default_factory=list)  # (style: "", "strong", "em", "super"; text)


class _Reader(HTMLParser):
    """The body's blocks from our HTML (see the module docstring)."""

    SKIPPED = {"table", "figure", "pre", "script", "style", "head"}

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.blocks: list[Block] = []
        self.stack: list[tuple[str, str]] = []  # (tag, class)
        self.block: Block | None = None
        self.in_body = False  # inside a section.part
        self.list_numbers: list[int] = []

    def _inside(self, tag: str = "", cls: str = "") -> bool:
        return any((not tag or t == tag) and (not cls or cls in c.split()) for t, c in self.stack)

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = dict(attrs)
        cls = values.get("class") or ""
        if tag in ("img", "br", "meta", "link"):
            return
        self.stack.append((tag, cls))
        if tag == "section":  # the running text: the introduction, the chapters, the conclusion
            self.in_body = bool({"part-structural", "part-chapter"} & set(cls.split()))
        if not self.in_body or self._skipped():
            return
        if tag == "ol":
            self.list_numbers.append(int(values.get("start") or 1) - 1)
        elif tag == "ul":
            self.list_numbers.append(-1)
        if tag in ("h1", "h2", "h3"):
            self.block = Block(tag)
        elif tag == "li" and "references" in self._list_class():
            self.block = Block("p")
        elif tag == "p" and not self._inside(cls="figure") and "table-caption" not in cls:
            if self.block is None:
                self.block = Block("p")
                if self._inside("li") and self.list_numbers:
                    number = self.list_numbers[-1]
                    if number >= 0:
                        self.list_numbers[-1] += 1
                        self.block.runs.append(("", f"{number + 1}. "))
                    else:
                        self.block.runs.append(("", "–" + NBSP))
        elif cls.split() and cls.split()[0] == "footnote" and self.block is not None:
            self.block.runs.append(("super", values.get("data-n") or ""))

    def _list_class(self) -> str:
        return next((c for t, c in reversed(self.stack) if t == "ol"), "")

    def _skipped(self) -> bool:
        return any(t in self.SKIPPED for t, _ in self.stack) or self._inside(cls="footnote") or self._inside(
            cls="math-block")

    def handle_endtag(self, tag: str) -> None:
        while self.stack:
            top, _ = self.stack.pop()
            if top == tag:
                break
        if not self.in_body:
            return
        if tag in ("ol", "ul") and self.list_numbers:
            self.list_numbers.pop()
        if self.block is not None and (tag == self.block.kind or (tag == "li" and self.block.kind == "p")):
            if "".join(text for _, text in self.block.runs).strip():
                self.blocks.append(self.block)
            self.block = None

    def handle_data(self, data: str) -> None:
        if self.block is None or self._skipped():
            return
        style = "strong" if self._inside("strong") or self._inside("b") else "em" if self._inside(
            "em") or self._inside("i") else ""
        if self._inside(cls="citation") or self._inside(cls="xref") or self._inside(cls="label"):
            data = data.replace(" ", NBSP)  # white-space: nowrap in our stylesheet
        # A word joiner between letters is a soft hyphen our layout withdrew: give Typst the same choice.
        data = re.sub(r"(?<=[^\W\d_])\u2060(?=[^\W\d_])", SOFT_HYPHEN, re.sub(r"\s+", " ", data))
        self.block.runs.append((style, data))


def _style(html: str, pattern: str, default: str) -> str:
    match = re.search(pattern, html)
    return match.group(1) if match else default


def _string(text: str) -> str:
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'


def typst_source(html: str, lang: str) -> str:
    """Our HTML's body as a Typst document with the same page, type and measure."""
    reader = _Reader()
    reader.feed(html)
    margin = _style(html, r"@page \{[^}]*?margin: ([^;]+);", "20mm 15mm 20mm 30mm").split()
    top, right, bottom, left = (margin * 4)[:4] if len(margin) == 1 else margin
    size = _style(html, r"html \{[^}]*?font-size: ([\d.]+pt)", "14pt")
    line_height = float(_style(html, r"html \{[^}]*?line-height: ([\d.]+)", "1.5"))
    indent = _style(html, r"\bp \{ margin: 0; text-indent: ([^;]+);", "1.25cm")
    # Typst's line pitch is the leading plus the line's own height (ascender to descender, 1.107 em here).
    leading = max(line_height - 1.107, 0.0)
    out = [
        f"#set page(paper: \"a4\", margin: (top: {top}, right: {right}, bottom: {bottom}, left: {left}))",
        f"#set text(font: \"Liberation Serif\", size: {size}, lang: \"{lang}\", hyphenate: false,"
        " top-edge: \"ascender\", bottom-edge: \"descender\")",
        f"#set par(justify: true, leading: {leading:.3f}em, spacing: {leading:.3f}em,"
        f" first-line-indent: (amount: {indent}, all: true))",
        "#show heading: it => block(above: 1.5em, below: 1.5em, text(size: 1em, weight: \"bold\", it.body))",
        "",
    ]
    for block in reader.blocks:
        body = "".join(_run(style, text) for style, text in block.runs)
        if block.kind == "h1":
            out.append("#pagebreak(weak: true)")
        if block.kind.startswith("h"):
            out.append(f"#heading(level: {block.kind[1]})[{body}]")
        else:
            out.append(f"#par[{body}]")
        out.append("")
    return "\n".join(out)


def _run(style: str, text: str) -> str:
    literal = "#" + _string(text)
    if style == "strong":
        return f"#strong[{literal}]"
    if style == "em":
        return f"#emph[{literal}]"
    if style == "super":
        return f"#super[{literal}]"
    return literal


def typeset(project: Path, out: Path) -> Path | None:
    """Typst's PDF of a built project's running text (written in ``out``); None when Typst is not installed."""
    try:
        import typst
    except ImportError:
        return None
    html = (project / "output" / "thesis.html").read_text(encoding="utf-8")
    out.mkdir(parents=True, exist_ok=True)
    source = out / "typst.typ"
    source.write_text(typst_source(html, _style(html, r'<html lang="([a-z]+)', "kk")), encoding="utf-8")
    typst.compile(str(source), output=str(out / "typst.pdf"), font_paths=[])
    return out / "typst.pdf"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("project", nargs="?", type=Path, default=ROOT)
    parser.add_argument("--out", type=Path)
    args = parser.parse_args(argv)
    html_path, pdf = args.project / "output" / "thesis.html", args.project / "output" / "thesis.pdf"
    if not html_path.exists() or not pdf.exists():
        print(f"{html_path}: not built — run build.py build {args.project} first", file=sys.stderr)
        return 1
    theirs = typeset(args.project, args.out or args.project / "output" / "compare")
    if theirs is None:
        print("Typst is not installed: .venv/bin/pip install typst==0.15.0", file=sys.stderr)
        return 1
    lang = _style(html_path.read_text(encoding="utf-8"), r'<html lang="([a-z]+)', "kk")
    ours, _ = measure_lines.measure(pdf, measure_lines.body_pages(pdf, lang))
    print(side_by_side({"kazthesis (WeasyPrint)": ours, "Typst 0.15": measure_lines.measure(theirs)[0]}))
    return 0


def side_by_side(columns: dict[str, measure_lines.Figures]) -> str:
    """The figures of each typesetter in one table."""
    rows = [
        ("body lines", lambda f: f"{f.lines}"),
        ("ending in a hyphen", lambda f: f"{f.hyphenated_share} % ({f.hyphenated})"),
        ("runs of 3 hyphenated lines", lambda f: f"{f.runs.get(3, 0)} (longest {f.longest_run})"),
        ("paragraphs ending on a fragment", lambda f: f"{len(f.fragment_endings)}"),
        ("last line shorter than the indent", lambda f: f"{f.short_endings}"),
        ("justified lines with a space > 2 normal", lambda f: f"{f.wide_share} % ({f.wide} of {f.justified})"),
        ("... of 3 normal or more", lambda f: f"{len(f.very_wide)}"),
        ("widest space, normal spaces", lambda f: f"{f.widest}"),
    ]
    names = list(columns)
    width = max(len(label) for label, _ in rows)
    cells = {n: [show(columns[n]) for _, show in rows] for n in names}
    widths = {n: max(len(n), *(len(c) for c in cells[n])) for n in names}
    lines = [" " * width + " | " + " | ".join(n.ljust(widths[n]) for n in names)]
    for k, (label, _) in enumerate(rows):
        lines.append(label.ljust(width) + " | " + " | ".join(cells[n][k].ljust(widths[n]) for n in names))
    return "\n".join(lines)


if __name__ == "__main__":
    sys.exit(main())
