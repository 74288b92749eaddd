"""Model nodes → HTML fragments: the chapters' semantic markup, and a reference-list entry's text.

Python writes the markup of what the student wrote (paragraphs, headings, figures, tables, listings,
formulas, footnotes); the page furniture around it lives in the Jinja2 templates (:mod:`kazthesis.pdf.html`).
"""

from __future__ import annotations

import base64
import re
from html import escape
from typing import Any

from markupsafe import Markup

from kazthesis.lang import registry
from kazthesis.lang.hyphenation import hyphenate_text
from kazthesis.lang.typography import NBSP, for_print
from kazthesis.lang.urls import url_with_breaks
from kazthesis.model import (
    Block,
    CaptionLine,
    Citation,
    Code,
    CodeBlock,
    CrossRef,
    Document,
    Emphasis,
    Figure,
    Heading,
    Inline,
    InlineImage,
    LineBreak,
    Link,
    ListBlock,
    Math,
    MathBlock,
    NoteRef,
    PageBreak,
    Paragraph,
    Part,
    Quote,
    Rule,
    Source,
    Statistics,
    Strikeout,
    Strong,
    Subscript,
    Superscript,
    Table,
    Text,
)
from kazthesis.resolve.forms import RUN_IN_LEVEL
from kazthesis.resolve.listing import listing_lines

SAFE_LINK_RE = re.compile(r"^(?:https?://|mailto:|#)", re.I)
# A run of this many characters with no place to break a line (no space, no soft hyphen, no dash) may not fit
# in a line, or a table's cell: it may break anywhere (its span's CSS), rather than run past the margin. Only
# such runs: allowing a break anywhere in all the text would change where ordinary lines break.
RUN = 20
UNBREAKABLE_RE = re.compile(f"[^\\s\u00ad\u200b\\-\u2010-\u2015/]{{{RUN},}}")


class Writer:
    """Model nodes → HTML strings."""

    def __init__(self, document: Document) -> None:
        self.language = document.language
        self.paragraphs = 0  # numbered within each part (data-p): the layout stage finds a paragraph by it
        self.paragraph_sources: dict[str, Source] = {}  # data-p → where the paragraph is written (this part)
        self.highlight = bool(document.config.layout.get("listing_highlight"))
        self.total_pages: int | None = None  # the PDF's page count, for statistics lines; unknown before layout
        forms = document.geometry.forms
        self.hyphenate = forms.hyphenate  # APA: no word is broken at a line's end
        self.run_in = RUN_IN_LEVEL if forms.name == "apa" else 0  # headings of this level and deeper run in
        self.citation_class = "citation phrase" if document.citations_break else "citation"

    def text(self, text: str, hyphenate: bool) -> str:
        html = escape(hyphenate_text(text, self.language) if hyphenate and self.hyphenate else text, quote=False)
        return UNBREAKABLE_RE.sub(r'<span class="unbreakable">\g<0></span>', html) if len(html) >= RUN else html

    # --- inlines -------------------------------------------------------------------------------
    def inlines(self, nodes: list[Inline], hyphenate: bool = True) -> str:
        return "".join(self.inline(node, hyphenate) for node in nodes)

    def inline(self, node: Inline, hyphenate: bool) -> str:
        if isinstance(node, Text):
            return self.text(node.text, hyphenate)
        if isinstance(node, Emphasis):
            return f"<em>{self.inlines(node.children, hyphenate)}</em>"
        if isinstance(node, Strong):
            return f"<strong>{self.inlines(node.children, hyphenate)}</strong>"
        if isinstance(node, (Superscript, Subscript, Strikeout)):
            tag = {Superscript: "sup", Subscript: "sub", Strikeout: "s"}[type(node)]
            return f"<{tag}>{self.inlines(node.children, hyphenate)}</{tag}>"
        if isinstance(node, Code):
            return f"<code>{escape(node.text)}</code>"
        if isinstance(node, Link):
            inner = self.inlines(node.children, hyphenate)
            return f'<a href="{escape(node.url)}">{inner}</a>' if SAFE_LINK_RE.match(node.url) else inner
        if isinstance(node, LineBreak):
            return "<br>"
        if isinstance(node, Citation):
            return f'<span class="{self.citation_class}">{escape(node.text)}</span>'
        if isinstance(node, CrossRef):
            return f'<a class="xref" href="#{escape(node.ids[0])}">{escape(node.text)}</a>'
        if isinstance(node, NoteRef):
            note = node.note
            return (f'<span class="footnote" data-n="{note.number}">'
                    f"{self.inlines(note.children, hyphenate=False)}</span>")
        if isinstance(node, InlineImage):
            return f'<img class="inline" src="{escape(node.path.as_uri())}" alt="{escape(node.alt)}">'
        if isinstance(node, Math):
            return self.math(node)
        raise TypeError(f"no HTML for {type(node).__name__}")

    # --- blocks -----------------------------------------------------------------------------------
    def blocks(self, blocks: list[Block]) -> str:
        html, index = [], 0
        while index < len(blocks):
            block, following = blocks[index], blocks[index + 1] if index + 1 < len(blocks) else None
            if (self.run_in and isinstance(block, Heading) and block.level >= self.run_in
                    and isinstance(following, Paragraph) and not following.lines):
                html.append(self.run_in_paragraph(block, following))
                index += 2
            else:
                html.append(self.block(block))
                index += 1
        return "".join(html)

    def run_in_paragraph(self, heading: Heading, paragraph: Paragraph) -> str:
        """An APA level-4 or level-5 heading and its paragraph: the heading, bold, starts the paragraph's line."""
        self.paragraphs += 1
        title = self.inlines(heading.title, hyphenate=False) + escape(heading.end)
        level = min(heading.level, 5)
        return (f'<p data-p="{self.paragraphs}" class="run-in"><span id="{escape(heading.id)}" '
                f'class="run-in-heading level-{level}">{title}</span> {self.inlines(paragraph.children)}</p>\n')

    def block(self, block: Block) -> str:
        if isinstance(block, Heading):
            return self.heading(block)
        if isinstance(block, Paragraph):
            self.paragraphs += 1
            self.paragraph_sources[str(self.paragraphs)] = block.source
            lines = ' class="lines"' if block.lines else ""
            return f'<p data-p="{self.paragraphs}"{lines}>{self.inlines(block.children)}</p>\n'
        if isinstance(block, Figure):
            return self.figure(block)
        if isinstance(block, Table):
            return self.table(block)
        if isinstance(block, ListBlock):
            marks = block.marks or [""] * len(block.items)
            items = "".join(f'<li data-mark="{escape(mark)}">{self.blocks(item)}</li>\n'
                            for mark, item in zip(marks, block.items, strict=True))
            if block.ordered:
                start = f' start="{block.start}"' if block.start != 1 else ""
                return f"<ol{start}>\n{items}</ol>\n"
            return f"<ul>\n{items}</ul>\n"
        if isinstance(block, Quote):
            return f"<blockquote>\n{self.blocks(block.children)}</blockquote>\n"
        if isinstance(block, CodeBlock) and (block.listing or self.highlight):
            return self.listing(block) if block.listing else self.highlighted_code(block)
        if isinstance(block, Statistics):
            # Before layout the page count is unknown: three digits hold its place (pdf.py fills it in).
            pages = self.total_pages if self.total_pages is not None else 999
            return f'<p class="statistics">{escape(block.line(pages))}</p>\n'
        if isinstance(block, CodeBlock):
            return f'<pre class="code"><code>{escape(block.text)}</code></pre>\n'
        if isinstance(block, MathBlock):
            ident = f' id="{escape(block.id)}"' if block.id else ""
            number = f'<span class="equation-number">{escape(block.label)}</span>' if block.label else ""
            return f'<div class="math-block"{ident}>{self.math(block.math)}{number}</div>\n'
        if isinstance(block, PageBreak):
            return '<div class="page-break"></div>\n'
        if isinstance(block, Rule):
            return "<hr>\n"
        raise TypeError(f"no HTML for {type(block).__name__}")

    def math(self, math: Math) -> str:
        """A formula's drawing as an image (a data URL: its SVG never mixes with the page's markup)."""
        data = base64.b64encode(math.svg.encode()).decode()
        style = f"width: {math.width:.3f}em; height: {math.height:.3f}em; vertical-align: -{math.depth:.3f}em"
        return f'<img class="math" alt="{escape(math.tex)}" style="{style}" src="data:image/svg+xml;base64,{data}">'

    def heading(self, heading: Heading) -> str:
        ident = escape(heading.id)
        tag = f"h{min(heading.level, 6)}"
        title = self.inlines(heading.title, hyphenate=False)
        if heading.kind == "appendix":
            return (f'<h1 id="{ident}" class="appendix"><span class="appendix-label">{escape(heading.label)}</span> '
                    f'<span class="appendix-title">{title}</span></h1>\n')
        number = f'<span class="number">{escape(heading.number)}</span> ' if heading.number else ""
        return f'<{tag} id="{ident}" class="{heading.kind}">{number}{title}{escape(heading.end)}</{tag}>\n'

    def caption(self, line: CaptionLine) -> str:
        """A numbered caption: the label kept on one line (``.label``), the dash, the caption; stacked, the label
        and the caption (``.caption-title``) each a line of its own (thesis.css)."""
        text = self.inlines(line.text, hyphenate=False)
        if line.stacked:
            title = f'<span class="caption-title">{text}</span>' if line.text else ""
            return f'<span class="label">{escape(line.label)}</span>{title}'
        return f'<span class="label">{escape(line.label)}</span>{line.dash}{text}'

    def figure(self, figure: Figure) -> str:
        line = figure.caption_line
        text = self.caption(line)
        alt = escape(line.plain, quote=True)
        size = "".join(f"{name}: {value};" for name, value in (("width", figure.width), ("height", figure.height))
                       if value)
        style = f' style="{size}"' if size else ""
        image = f'<img src="{escape(figure.path.as_uri())}" alt="{alt}"{style}>'
        ident = f' id="{escape(figure.id)}"' if figure.id else ""
        body = f'<span class="figure-body">{image}</span>'
        # GOST's caption is under the figure, a stacked one (APA) above it
        if line.stacked:
            inner = f'<figcaption class="stacked">{text}</figcaption>{body}'
        else:
            inner = f"{body}<figcaption>{text}</figcaption>"
        return f'<figure class="figure"{ident}>{inner}</figure>\n'

    def table(self, table: Table) -> str:
        title = self.caption(table.caption_line)
        stacked = " stacked" if table.caption_line.stacked else ""
        ident = f' id="{escape(table.id)}"' if table.id else ""
        number = escape(table.number)
        step = f" {table.step}" if table.step else ""
        columns = "".join(f'<col style="width: {share * 100:.3f}%">' for share in table.widths)
        head = "".join("<tr>" + "".join(self.cell("th", cell) for cell in row) + "</tr>\n" for row in table.header)
        body = "".join(f'<tr data-table="{number}" data-row="{n}">' + "".join(self.cell("td", c) for c in row)
                       + "</tr>\n" for n, row in enumerate(table.rows, 1))
        # data-* let the layout stage split a table that runs onto the next page (tables.py).
        return (f'<div class="table-block{step}" data-table="{number}"{ident}>'
                f'<p class="table-caption{stacked}">{title}</p>'
                f'<table data-table="{number}" data-continued="{escape(table.continued)}">'
                f"<colgroup>{columns}</colgroup>\n"
                f"<thead>\n{head}</thead>\n<tbody>\n{body}</tbody>\n</table></div>\n")

    def cell(self, tag: str, cell: Any) -> str:
        align = f' style="text-align: {cell.align}"' if cell.align in ("left", "center", "right") else ""
        return f"<{tag}{align}>{self.inlines(cell.children)}</{tag}>"

    # --- listings and annotations ----------------------------------------------------------------
    def code_runs(self, runs: list[tuple[str, str]]) -> str:
        return "".join(f'<span class="hl-{style}">{escape(text)}</span>' if style else escape(text)
                       for style, text in runs)

    def listing(self, block: CodeBlock) -> str:
        """A numbered listing as a one-column table, a row a line: the layout stage splits it where it runs onto
        the next page and puts "Продолжение листинга 1" above the rest, as it does for tables (tables.py)."""
        number = f"lst-{block.number}"  # its own namespace: table 1 and listing 1 are split apart
        title = self.caption(block.caption_line)
        stacked = " stacked" if block.caption_line.stacked else ""
        ident = f' id="{escape(block.id)}"' if block.id else ""
        lines = listing_lines(block.text, block.language, self.highlight)
        rows = "".join(f'<tr data-table="{number}" data-row="{n}"><td>{self.code_runs(runs) or "&#160;"}</td></tr>\n'
                       for n, runs in enumerate(lines, 1))
        return (f'<div class="table-block listing-block" data-table="{number}"{ident}>'
                f'<p class="table-caption{stacked}">{title}</p>'
                f'<table data-table="{number}" data-continued="{escape(block.continued)}" class="listing">'
                f'<colgroup><col style="width: 100%"></colgroup>\n<thead>\n</thead>\n<tbody>\n{rows}</tbody>\n'
                "</table></div>\n")

    def highlighted_code(self, block: CodeBlock) -> str:
        lines = listing_lines(block.text, block.language, True)
        code = "\n".join(self.code_runs(runs) for runs in lines)
        return f'<pre class="code"><code>{code}</code></pre>\n'

    def abstract(self, part: Part) -> str:
        """An annotation, in its own language (its words are hyphenated by that language's rules)."""
        heading = part.heading
        language = heading.language if heading is not None and heading.language else self.language
        document_language, self.language = self.language, language
        try:
            html = self.part(part)
        finally:
            self.language = document_language
        return html.replace('<section class="part part-abstract">', f'<section class="part part-abstract" '
                            f'lang="{escape(language)}">', 1)

    def body(self, parts: list[Part], title: str) -> str:
        """The text as one run of pages (APA: no heading starts a page), under the paper's title."""
        self.paragraphs, self.paragraph_sources = 0, {}
        head = f'<p class="paper-title">{escape(title)}</p>\n' if title else ""
        return f'<section class="body">\n{head}{"".join(self.part(part, fresh=False) for part in parts)}</section>\n'

    def part(self, part: Part, fresh: bool = True) -> str:
        if fresh:  # data-p counts the paragraphs of a piece
            self.paragraphs, self.paragraph_sources = 0, {}
        heading = self.heading(part.heading) if part.heading else ""
        kind = part.heading.kind if part.heading else "continued"
        return f'<section class="part part-{kind}">\n{heading}{self.blocks(part.blocks)}</section>\n'


URL_RE = re.compile(r"(https?://\S+)")


def reference_html(runs: list[tuple[str, bool]], language: str | None = None) -> Markup:
    """A reference-list entry: escaped, italic runs in <em>, each URL with its break points marked, the
    words hyphenated by the rules of the entry's ``language`` (kk, ru, en; none for any other)."""
    html = []
    for text, italic in runs:
        parts = URL_RE.split(for_print(text))
        inner = "".join(_url_link(part) if i % 2 else escape(_hyphenated(part, language), quote=False)
                        for i, part in enumerate(parts))
        html.append(f"<em>{inner}</em>" if italic else inner)
    return Markup("".join(html))


def _url_link(url: str) -> str:
    """A URL (a DOI as https://doi.org/…) as a link, with its break points marked; the sentence's own full
    stop or bracket after it is not part of the address."""
    target = url.rstrip(".,;:)")
    link = f'<span class="url">{escape(url_with_breaks(url))}</span>'
    return f'<a href="{escape(target)}">{link}</a>' if SAFE_LINK_RE.match(target) else link


SPACED_RE = re.compile(r"[^ ]+")


def _hyphenated(text: str, language: str | None) -> str:
    """Words hyphenated, except in what print rules joined with no-break spaces (an access date, a unit)."""
    if language not in registry.DOCUMENT_LANGUAGES:  # the languages with hyphenation rules (not Uzbek)
        return text
    return SPACED_RE.sub(lambda m: m.group() if NBSP in m.group() else hyphenate_text(m.group(), language), text)
