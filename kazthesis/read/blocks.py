"""Block tokens of one chapter → model blocks: headings, paragraphs, lists, quotes, tables, figures, code
listings, formulas and definition lists, each checked for the attributes it takes.

The inlines inside each block are read by :class:`kazthesis.read.inlines.InlineReader`, which also holds
the file and its problems.
"""

from __future__ import annotations

import re
from pathlib import Path

from markdown_it.token import Token

from kazthesis.i18n import N_, _
from kazthesis.lang.registry import DOCUMENT_LANGUAGES, listed
from kazthesis.lang.typography import apply_typography
from kazthesis.model import (
    Block,
    Cell,
    Code,
    CodeBlock,
    Figure,
    Heading,
    ListBlock,
    MathBlock,
    PageBreak,
    Paragraph,
    Quote,
    Rule,
    Statistics,
    Strong,
    Table,
    Text,
    plain_text,
)
from kazthesis.read.attributes import Attributes, parse_attrs, trailing_attrs
from kazthesis.read.inlines import InlineReader

HEADING_CLASSES = {"unnumbered", "appendix", "abstract", "unlisted", "-"}
STATISTICS_RE = re.compile(r"^\s*\[statistics\]\s*$", re.I)  # an annotation's statistics line, filled in by the tool
LISTING_ATTRIBUTES = {"caption"}
FIGURE_ATTRIBUTES = {"width", "height"}
LENGTH_RE = re.compile(r"^\d+(?:[.,]\d+)?(?:%|cm|mm|px|in|pt)$")


class BlockReader:
    """markdown-it block tokens of one file → model blocks."""

    def __init__(self, inline: InlineReader, line_blocks: set[int], lettered: set[int] | None = None) -> None:
        self.inline = inline
        self.path, self.language, self.problems = inline.path, inline.language, inline.problems
        self.source, self.ignored, self.unreadable = inline.source, inline.ignored, inline.unreadable
        self.line_blocks = line_blocks  # first lines of Pandoc line blocks
        self.lettered = lettered or set()  # lines of the items of lettered lists

    def blocks(self, tokens: list[Token], start: int = 0, close: str | None = None) -> tuple[list[Block], int]:
        """Blocks from ``tokens[start:]`` up to the token of type ``close`` (its index is returned)."""
        blocks: list[Block] = []
        i = start
        while i < len(tokens):
            token = tokens[i]
            line = token.map[0] + 1 if token.map else 0
            kind = token.type
            if kind == close:
                return blocks, i
            if kind == "heading_open":
                blocks.append(self.heading(token, tokens[i + 1], line))
                i += 3
            elif kind == "paragraph_open":
                blocks.append(self.paragraph(tokens[i + 1], line))
                i += 3
            elif kind in ("bullet_list_open", "ordered_list_open"):
                items: list[list[Block]] = []
                i += 1
                while tokens[i].type == "list_item_open":
                    item, i = self.blocks(tokens, i + 1, "list_item_close")
                    items.append(item)
                    i += 1
                start_number = int(token.attrGet("start") or 1)
                ordered = kind == "ordered_list_open"
                blocks.append(ListBlock(ordered, items, self.source(line), start_number,
                                        lettered=ordered and line in self.lettered,
                                        delimiter=token.markup if ordered else "."))
                i += 1
            elif kind == "blockquote_open":
                inner, i = self.blocks(tokens, i + 1, "blockquote_close")
                blocks.append(Quote(inner, self.source(line)))
                i += 1
            elif kind in ("fence", "code_block"):
                blocks.append(self.code_block(token, line))
                i += 1
            elif kind == "table_open":
                table, i = self.table(tokens, i, line)
                blocks.append(table)
            elif kind in ("math_block", "math_block_label"):
                blocks.append(self.math_block(token, line))
                i += 1
            elif kind == "dl_open":
                items, i = self.definitions(tokens, i + 1)
                blocks.extend(items)
            elif kind == "front_matter":
                self.problems.warning(self.path, line, _("a YAML metadata block is not used and was left out"),
                                      _("put the title-page details in thesis.toml"))
                i += 1
            elif kind == "page_break":
                blocks.append(PageBreak(self.source(line)))
                i += 1
            elif kind == "hr":
                blocks.append(Rule(self.source(line)))
                i += 1
            else:  # html_block is off; anything else carries no content of its own
                i += 1
        return blocks, i

    def math_block(self, token: Token, line: int) -> Block:
        label = token.info.strip() if token.type == "math_block_label" else ""
        math = self.inline.math(token.content.strip(), True, line)
        if label and not label.startswith("eq:"):
            self.problems.warning(self.path, line, _("formula label ({label}) is not used").format(label=label),
                                  _("number a formula with $$ … $$ {#eq:name}"))
            label = ""
        if math is None:
            return Paragraph([Code(token.content.strip())], self.source(line))
        return MathBlock(math, self.source(line), label)

    def definitions(self, tokens: list[Token], i: int) -> tuple[list[Block], int]:
        """A definition list (Pandoc's ``Term`` / ``: definition``) → one paragraph a term: "Term – definition"."""
        paragraphs: list[Block] = []
        term: list = []
        while tokens[i].type != "dl_close":
            token = tokens[i]
            if token.type == "dt_open":
                term = self.inline.inlines(tokens[i + 1])
                line = token.map[0] + 1 if token.map else 0
                i += 3
            elif token.type == "dd_open":
                inner, i = self.blocks(tokens, i + 1, "dd_close")
                first = inner[0] if inner and isinstance(inner[0], Paragraph) else None
                body = first.children if first else []
                paragraphs.append(Paragraph([Strong(term), Text(" – "), *body], self.source(line)))
                paragraphs.extend(inner[1:] if first else inner)
                i += 1
            else:
                i += 1
        return paragraphs, i + 1

    def heading(self, token: Token, inline: Token, line: int) -> Heading:
        attrs: Attributes = token.meta.get("attrs", Attributes())
        classes = ["unnumbered" if c == "-" else c for c in attrs.classes]
        for cls in classes:
            if cls not in HEADING_CLASSES:
                self.problems.warning(self.path, line, _("heading class .{cls} is not used").format(cls=cls),
                                      _("the classes a heading takes are .unnumbered, .unlisted, .appendix "
                                        "and .abstract"))
        lang = self.abstract_lang(attrs, classes, line)
        self.ignored([pair for pair in attrs.pairs if pair[0] != "lang"], line, N_("a heading takes only {#id .class}"))
        self.unreadable(attrs, line)
        title = self.inline.inlines(inline)
        return Heading(int(token.tag[1]), title, plain_text(title).strip(), attrs.id, classes, self.source(line),
                       lang=lang)

    def paragraph(self, inline: Token, line: int) -> Block:
        if STATISTICS_RE.match(inline.content):
            return Statistics(self.source(line))
        children = [c for c in inline.children or [] if not (c.type == "text" and not c.content.strip())]
        if len(children) == 1 and children[0].type == "image":
            figure = self.figure(children[0], line)
            if figure is not None:
                return figure
        return Paragraph(self.inline.inlines(inline), self.source(line), lines=line in self.line_blocks)

    def figure(self, image: Token, line: int) -> Figure | None:
        path = self.inline.image(image, line)
        attrs: Attributes = image.meta.get("attrs", Attributes())
        sizes = {}
        for key, value in attrs.pairs:
            if key in FIGURE_ATTRIBUTES and LENGTH_RE.match(value):
                sizes[key] = value.replace(",", ".")
            elif key in FIGURE_ATTRIBUTES:
                self.problems.warning(self.path, line, _("{key}={value} is not a length this tool reads").format(
                                                         key=key, value=value),
                                      _("write {key}=50% or {key}=8cm (also mm, px)").format(key=key))
        self.ignored([(k, v) for k, v in attrs.pairs if k not in FIGURE_ATTRIBUTES], line,
                      N_("a figure takes {#fig:id width=… height=…}"))
        if attrs.classes:
            self.ignored([("." + c, "") for c in attrs.classes], line, N_("a figure takes {#fig:id width=… height=…}"))
        self.unreadable(attrs, line)
        caption = self.inline.inline_children(image.children or [], line)
        if path is None:
            return Figure(Path(), caption, self.source(line), attrs.id)
        return Figure(path, caption, self.source(line), attrs.id, sizes.get("width", ""), sizes.get("height", ""))

    def table(self, tokens: list[Token], i: int, line: int) -> tuple[Table, int]:
        opening = tokens[i]
        attrs: Attributes = opening.meta.get("attrs", Attributes())
        caption_line = opening.meta.get("caption_line") or line
        caption_text = opening.meta.get("caption", "")
        caption = [Text(apply_typography(caption_text, self.language))] if caption_text else []
        self.ignored(attrs.pairs, caption_line, N_("a table caption takes {#tbl:id}"))
        self.unreadable(attrs, caption_line)
        header: list[list[Cell]] = []
        rows: list[list[Cell]] = []
        target = header
        row: list[Cell] = []
        i += 1
        while tokens[i].type != "table_close":
            token = tokens[i]
            if token.type == "tbody_open":
                target = rows
            elif token.type == "tr_open":
                row = []
            elif token.type == "tr_close":
                target.append(row)
            elif token.type in ("th_open", "td_open"):
                style = token.attrGet("style") or ""
                align = style.split(":", 1)[1].strip() if style.startswith("text-align:") else ""
                cell_line = tokens[i + 1].map[0] + 1 if tokens[i + 1].map else line
                row.append(Cell(self.inline.inline_children(tokens[i + 1].children or [], cell_line), align))
            i += 1
        table = Table(caption, header, rows, self.source(caption_line), attrs.id)
        return table, i + 1

    # --- listings and annotations ------------------------------------------------------------
    def code_block(self, token: Token, line: int) -> CodeBlock:
        """A code block; a fence with ``{#lst:name caption="…"}`` (Pandoc's attributes) is a numbered listing."""
        text = token.content.rstrip("\n")
        info = token.info.strip() if token.type == "fence" else ""
        match = trailing_attrs(info)
        if match is None:
            return CodeBlock(text, info, self.source(line))
        attrs = parse_attrs(match.inner)
        language = info[: match.start].strip() or (attrs.classes[0] if attrs.classes else "")
        hint = N_('a listing takes {#lst:name caption="…"} (and a language: ```python {#lst:name caption="…"})')
        self.ignored([pair for pair in attrs.pairs if pair[0] not in LISTING_ATTRIBUTES], line, hint)
        ident = attrs.id
        if ident and not ident.startswith("lst:"):
            self.problems.warning(self.path, line, _("the listing id #{ident} does not start with lst:").format(
                                                     ident=ident),
                                  _("write {{#lst:{ident}}}, and refer to it as @lst:{ident}").format(ident=ident))
        caption_text = dict(attrs.pairs).get("caption", "").strip()
        caption = [Text(apply_typography(caption_text, self.language))] if caption_text else []
        return CodeBlock(text, language, self.source(line), ident, caption, listing=bool(ident or caption))

    def abstract_lang(self, attrs: Attributes, classes: list[str], line: int) -> str:
        """An annotation's ``lang=kk|ru|en``, checked ("" when not given or not usable)."""
        value = dict(attrs.pairs).get("lang", "")
        if not value:
            return ""
        if "abstract" not in classes:
            self.problems.warning(self.path, line, _("attribute lang={value} is not used and was left out").format(
                                                     value=value),
                                  _("only an annotation ({.abstract}) takes lang="))
            return ""
        if value not in DOCUMENT_LANGUAGES:
            codes = listed(f"lang={code}" for code in DOCUMENT_LANGUAGES)
            self.problems.warning(self.path, line, _("lang={value} is not a language of this tool; the annotation's "
                                                     "language is taken from its title").format(value=value),
                                  _("write {codes}").format(codes=codes))
            return ""
        return value
