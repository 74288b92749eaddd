"""One content file → a :class:`ParsedFile`: its parts as model nodes, not yet numbered.

Everything that can be checked inside one file is checked here — images,
citation brackets, footnotes, attributes, nesting — and the problems are kept
with the file, so that a rebuild which reuses the parse (watch mode) reports
them again. Numbers, citation texts and cross-reference texts are left to
:mod:`kazthesis.resolve.numbering`, which sees every file.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from urllib.parse import unquote, urlparse
from xml.etree import ElementTree

from markdown_it.token import Token

from kazthesis.lang import registry
from kazthesis.lang.registry import DOCUMENT_LANGUAGES, listed
from kazthesis.lang.typography import apply_typography
from kazthesis.model import (
    Block,
    Cell,
    Citation,
    Code,
    CodeBlock,
    CrossRef,
    Emphasis,
    Figure,
    Footnote,
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
    plain_text,
)
from kazthesis.problems import Problem, Problems
from kazthesis.read.markdown import ATTRS_RE, MAX_DEPTH, Attributes, inline_lines, make_parser, parse_attrs, prepare
from kazthesis.read.mathematics import FormulaError, draw
from kazthesis.read.project import is_inside
from kazthesis.read.textfile import read_text

IMAGE_SUFFIXES = {".png", ".jpg", ".jpeg", ".svg", ".gif"}
OPENERS = {"em_open": Emphasis, "strong_open": Strong, "sup_open": Superscript, "sub_open": Subscript,
           "s_open": Strikeout, "link_open": Link}
CLOSERS = {"em_close", "strong_close", "sup_close", "sub_close", "s_close", "link_close"}
# Pandoc forms printed as text here, each named in a warning where it is met.
RAW_FORMS = (
    (re.compile(r"\\(?:begin|end)\{|\\[a-zA-Z]{2,}\*?(?=[{\[\s]|$)"), "raw LaTeX",
     "write it in Markdown; LaTeX commands are printed as text"),
    (re.compile(r"</?[a-zA-Z][a-zA-Z0-9]*(?:\s[^<>]*)?/?>"), "raw HTML",
     "write it in Markdown; HTML tags are printed as text"),
    (re.compile(r"\[[^\[\]]*\]\{[^{}]*\}"), "a bracketed span", "its attributes are not used: write the text alone"),
    (re.compile(r"^\s*\[[ xX]\]\s"), "a task-list box [ ]", "write the list without boxes"),
    (re.compile(r"^\s*\(@\w*\)\s"), "an example list item (@)", "write a numbered list: 1. 2. 3."),
)
HEADING_CLASSES = {"unnumbered", "appendix", "abstract", "unlisted", "-"}
STATISTICS_RE = re.compile(r"^\s*\[statistics\]\s*$", re.I)  # an annotation's statistics line, filled in by the tool
LISTING_ATTRIBUTES = {"caption"}
FIGURE_ATTRIBUTES = {"width", "height"}
LENGTH_RE = re.compile(r"^\d+(?:[.,]\d+)?(?:%|cm|mm|px|in|pt)$")


@cache
def _preposition_at_end(prepositions: tuple[str, ...]) -> re.Pattern[str]:
    """One of ``prepositions`` as the last word of a text, before the spaces that end it."""
    return re.compile(rf"(?<!\w)({'|'.join(map(re.escape, prepositions))})\s+$", re.I)


@dataclass
class ParsedFile:
    """A content file read and parsed: parts in order, its lines, its own problems."""

    path: Path
    rel: str
    parts: list[Part] = field(default_factory=list)
    lines: list[str] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)


class _Converter:
    """markdown-it tokens of one file → model blocks and inlines."""

    def __init__(self, path: Path, root: Path, rel: str, language: str, problems: Problems) -> None:
        self.path, self.root, self.rel, self.language, self.problems = path, root, rel, language, problems
        self.notes: dict[int, tuple[list[Token], int]] = {}  # footnote id → (inline tokens, line)
        self.labels: dict[int, str] = {}
        self.line_blocks: set[int] = set()  # first lines of Pandoc line blocks

    def source(self, line: int) -> Source:
        return Source(self.rel, line)

    # --- blocks ----------------------------------------------------------------------------
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
                blocks.append(ListBlock(kind == "ordered_list_open", items, self.source(line), start_number))
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
                self.problems.warning(self.path, line, "a YAML metadata block is not used and was left out",
                                      "put the title-page details in thesis.toml")
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
        math = self.math(token.content.strip(), True, line)
        if label and not label.startswith("eq:"):
            self.problems.warning(self.path, line, f"formula label ({label}) is not used",
                                  "number a formula with $$ … $$ {#eq:name}")
            label = ""
        if math is None:
            return Paragraph([Code(token.content.strip())], self.source(line))
        return MathBlock(math, self.source(line), label)

    def math(self, tex: str, display: bool, line: int) -> Math | None:
        try:
            return draw(tex, display)
        except FormulaError as exc:
            self.problems.error(self.path, line, f"the formula ${tex}$ cannot be read: {exc}",
                                "check the TeX: braces closed, commands spelled right")
            return None

    def definitions(self, tokens: list[Token], i: int) -> tuple[list[Block], int]:
        """A definition list (Pandoc's ``Term`` / ``: definition``) → one paragraph a term: "Term – definition"."""
        paragraphs: list[Block] = []
        term: list = []
        while tokens[i].type != "dl_close":
            token = tokens[i]
            if token.type == "dt_open":
                term = self.inlines(tokens[i + 1])
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
                self.problems.warning(self.path, line, f"heading class .{cls} is not used",
                                      "the classes a heading takes are .unnumbered, .unlisted, .appendix "
                                      "and .abstract")
        lang = self.abstract_lang(attrs, classes, line)
        self._ignored([pair for pair in attrs.pairs if pair[0] != "lang"], line, "a heading takes only {#id .class}")
        self._unreadable(attrs, line)
        title = self.inlines(inline)
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
        return Paragraph(self.inlines(inline), self.source(line), lines=line in self.line_blocks)

    def figure(self, image: Token, line: int) -> Figure | None:
        path = self.image_path(image, line)
        attrs: Attributes = image.meta.get("attrs", Attributes())
        sizes = {}
        for key, value in attrs.pairs:
            if key in FIGURE_ATTRIBUTES and LENGTH_RE.match(value):
                sizes[key] = value.replace(",", ".")
            elif key in FIGURE_ATTRIBUTES:
                self.problems.warning(self.path, line, f"{key}={value} is not a length this tool reads",
                                      f"write {key}=50% or {key}=8cm (also mm, px)")
        self._ignored([(k, v) for k, v in attrs.pairs if k not in FIGURE_ATTRIBUTES], line,
                      "a figure takes {#fig:id width=… height=…}")
        if attrs.classes:
            self._ignored([("." + c, "") for c in attrs.classes], line, "a figure takes {#fig:id width=… height=…}")
        self._unreadable(attrs, line)
        caption = self.inline_children(image.children or [], line)
        if path is None:
            return Figure(Path(), caption, self.source(line), attrs.id)
        return Figure(path, caption, self.source(line), attrs.id, sizes.get("width", ""), sizes.get("height", ""))

    def table(self, tokens: list[Token], i: int, line: int) -> tuple[Table, int]:
        opening = tokens[i]
        attrs: Attributes = opening.meta.get("attrs", Attributes())
        caption_line = opening.meta.get("caption_line") or line
        caption_text = opening.meta.get("caption", "")
        caption = [Text(apply_typography(caption_text, self.language))] if caption_text else []
        self._ignored(attrs.pairs, caption_line, "a table caption takes {#tbl:id}")
        self._unreadable(attrs, caption_line)
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
                row.append(Cell(self.inline_children(tokens[i + 1].children or [], cell_line), align))
            i += 1
        table = Table(caption, header, rows, Source(self.rel, caption_line), attrs.id)
        return table, i + 1

    # --- listings and annotations ------------------------------------------------------------
    def code_block(self, token: Token, line: int) -> CodeBlock:
        """A code block; a fence with ``{#lst:name caption="…"}`` (Pandoc's attributes) is a numbered listing."""
        text = token.content.rstrip("\n")
        info = token.info.strip() if token.type == "fence" else ""
        match = ATTRS_RE.search(info)
        if match is None:
            return CodeBlock(text, info, self.source(line))
        attrs = parse_attrs(match.group(1))
        language = info[: match.start()].strip() or (attrs.classes[0] if attrs.classes else "")
        hint = 'a listing takes {#lst:name caption="…"} (and a language: ```python {#lst:name caption="…"})'
        self._ignored([pair for pair in attrs.pairs if pair[0] not in LISTING_ATTRIBUTES], line, hint)
        ident = attrs.id
        if ident and not ident.startswith("lst:"):
            self.problems.warning(self.path, line, f"the listing id #{ident} does not start with lst:",
                                  f"write {{#lst:{ident}}}, and refer to it as @lst:{ident}")
        caption_text = dict(attrs.pairs).get("caption", "").strip()
        caption = [Text(apply_typography(caption_text, self.language))] if caption_text else []
        return CodeBlock(text, language, self.source(line), ident, caption, listing=bool(ident or caption))

    def abstract_lang(self, attrs: Attributes, classes: list[str], line: int) -> str:
        """An annotation's ``lang=kk|ru|en``, checked ("" when not given or not usable)."""
        value = dict(attrs.pairs).get("lang", "")
        if not value:
            return ""
        if "abstract" not in classes:
            self.problems.warning(self.path, line, f"attribute lang={value} is not used and was left out",
                                  "only an annotation ({.abstract}) takes lang=")
            return ""
        if value not in DOCUMENT_LANGUAGES:
            codes = listed(f"lang={code}" for code in DOCUMENT_LANGUAGES)
            self.problems.warning(self.path, line, f"lang={value} is not a language of this tool; the annotation's "
                                  "language is taken from its title", f"write {codes}")
            return ""
        return value

    # --- inlines ---------------------------------------------------------------------------
    def inlines(self, inline: Token) -> list[Inline]:
        line = inline.map[0] + 1 if inline.map else 0
        return self.inline_children(inline.children or [], line)

    def inline_children(self, children: list[Token], line: int) -> list[Inline]:
        stack: list[list[Inline]] = [[]]
        pending: list[str] = []  # a run of text across soft line breaks: its typography is applied whole

        def flush() -> None:
            if pending:
                stack[-1].append(Text(apply_typography("".join(pending), self.language)))
                pending.clear()

        fake = Token("inline", "", 0, children=children, map=[line - 1, line])
        for child, at in inline_lines(fake):
            kind = child.type
            if kind == "text":
                self._text(child.content, at)
                pending.append(child.content)
                continue
            if kind == "softbreak":
                pending.append(" ")
                continue
            flush()
            out = stack[-1]
            if kind == "hardbreak":
                out.append(LineBreak())
            elif kind == "code_inline":
                self._ignored(child.meta.get("attrs", Attributes()).pairs, at, "inline code takes no attributes")
                out.append(Code(child.content))
            elif kind in OPENERS:
                node: Inline = Link(child.attrGet("href") or "", []) if kind == "link_open" else OPENERS[kind]([])
                out.append(node)
                stack.append(node.children)  # type: ignore[union-attr]
            elif kind in CLOSERS:
                if kind == "link_close":
                    attrs: Attributes = child.meta.get("attrs", Attributes())
                    self._ignored(list(attrs.pairs) + [("." + c, "") for c in attrs.classes], at,
                                  "a link takes no attributes")
                stack.pop()
            elif kind == "image":
                path = self.image_path(child, at)
                if path is not None:
                    out.append(InlineImage(path, plain_text(self.inline_children(child.children or [], at))))
            elif kind == "citation":
                out.append(Citation(list(child.meta["items"]), self.source(at), child.meta["author_in_text"]))
            elif kind == "xref":
                if child.meta["prefixes"]:
                    self.problems.warning(self.path, at, f"the words before the @ in {child.content} are not printed",
                                          "write them outside the brackets")
                self._preposition_before(out, child.meta["ids"], child.meta["bare"], child.content, at)
                out.append(CrossRef(list(child.meta["ids"]), self.source(at), child.meta["bare"]))
            elif kind == "footnote_ref":
                out.append(self.note_ref(child, at))
            elif kind in ("math_inline", "math_inline_double"):
                math = self.math(child.content, False, at)
                out.append(math if math is not None else Code(child.content))
        flush()
        return stack[0]

    def note_ref(self, token: Token, line: int) -> NoteRef:
        tokens, note_line = self.notes.get(token.meta["id"], ([], line))
        children = self.inline_children(tokens, note_line or line)
        return NoteRef(Footnote(token.meta.get("label", ""), children, self.source(note_line or line)))

    def _text(self, text: str, line: int) -> None:
        if "[@" in text or "[-@" in text:
            self.problems.error(self.path, line, "citation bracket '[@' is not closed or not well formed",
                                "write [@key], [@key, 25] or [@a; @b], with the closing ]")
        for label in re.findall(r"\[\^([^\]\s]+)\]", text):
            self.problems.error(self.path, line, f"footnote [^{label}] is never defined",
                                f"add a line '[^{label}]: the note's text' below the paragraph")
        for pattern, what, hint in RAW_FORMS:
            if match := pattern.search(text):
                self.problems.warning(self.path, line, f"{what} ({match.group().strip()}) is printed as it is written",
                                      hint)

    def _preposition_before(self, out: list, ids: list[str], bare: bool, written: str, line: int) -> None:
        """A preposition before ``@tbl:x`` that governs a case would print «в таблица 1»: the reference prints
        its noun in the nominative, so the writer declines it and takes the number alone (``в таблице
        [-@tbl:x]``). The prepositions and forms are the document language's (Russian has them)."""
        declension = registry.document(self.language).declension
        if declension is None or bare or not out or not isinstance(out[-1], Text):
            return
        nouns = declension.nouns.get(ids[0].split(":", 1)[0])
        if nouns is not None and (match := _preposition_at_end(tuple(declension.prepositions)).search(out[-1].text)):
            preposition, several = match.group(1), int(len(ids) > 1)
            nominative = nouns["nom"][several]
            declined = nouns[declension.prepositions[preposition.lower()]][several]
            bracketed = "[-" + written.lstrip("[").rstrip("]").replace("; @", "; -@") + "]"
            self.problems.warning(self.path, line, f"«{preposition} {written}» prints the noun in the nominative "
                                  f"(«{preposition} {nominative} 1»)", "decline it yourself and give the number "
                                  f"alone: {preposition} {declined} {bracketed}")

    def _unreadable(self, attrs: Attributes, line: int) -> None:
        if attrs.unreadable:
            self.problems.warning(self.path, line, f"'{attrs.unreadable}' in {{…}} is not an attribute and was "
                                  "left out", "write attributes as {#id .class key=value}")

    def _ignored(self, pairs: list[tuple[str, str]] | tuple[tuple[str, str], ...], line: int, hint: str) -> None:
        for key, value in pairs:
            shown = f"{key}={value}" if value else key
            self.problems.warning(self.path, line, f"attribute {shown} is not used and was left out", hint)

    # --- images ----------------------------------------------------------------------------
    def image_path(self, image: Token, line: int) -> Path | None:
        """The image file, checked: inside the project, a picture format, readable. None after an error."""
        src = image.attrGet("src") or ""
        parsed = urlparse(src)
        if parsed.scheme and len(parsed.scheme) > 1:  # "c:" would be a Windows drive
            self.problems.error(self.path, line, f"image {src!r} is on the network; the build never downloads",
                                "download the image into the project (e.g. images/) and refer to it by its path")
            return None
        candidates = [(self.path.parent / unquote(src)), (self.root / unquote(src))]
        found = next((c for c in candidates if c.is_file()), None)
        if found is None:
            self.problems.error(self.path, line, f"image file {src!r} not found",
                                "check the path; it is relative to the project folder, e.g. images/map.png")
            return None
        if not is_inside(found, self.root):
            self.problems.error(self.path, line, f"image {src!r} is outside the project folder",
                                "copy the image into the project (e.g. images/)")
            return None
        if found.suffix.lower() not in IMAGE_SUFFIXES:
            self.problems.error(self.path, line, f"image {src!r} is not PNG, JPEG or SVG",
                                "convert it to PNG, JPEG or SVG")
            return None
        if reason := unreadable_image(found):
            self.problems.error(self.path, line, f"image {src!r} cannot be read: {reason}",
                                "open it in an image editor and save it again as PNG, JPEG or SVG")
            return None
        return found.resolve()


def unreadable_image(path: Path) -> str:
    """Why an image file cannot be drawn ("" when it can): a broken picture must not print as a black box."""
    try:
        if path.suffix.lower() == ".svg":
            root = ElementTree.parse(path).getroot()
            return "" if root.tag.rsplit("}", 1)[-1] == "svg" else "the file is XML but not an SVG picture"
        from PIL import Image

        with Image.open(path) as picture:
            picture.load()
        return ""
    except OSError as exc:
        return exc.strerror or str(exc) or "the picture data is damaged"
    except (ElementTree.ParseError, ValueError, SyntaxError) as exc:
        return f"the picture data is damaged ({exc})"


def _split_footnotes(tokens: list[Token]) -> tuple[list[Token], dict[int, tuple[list[Token], int]]]:
    """Take the footnote block out of the stream; keep each note's inline tokens and line."""
    body: list[Token] = []
    notes: dict[int, tuple[list[Token], int]] = {}
    current: int | None = None
    in_block = False
    for token in tokens:
        if token.type == "footnote_block_open":
            in_block = True
        elif token.type == "footnote_block_close":
            in_block = False
        elif not in_block:
            body.append(token)
        elif token.type == "footnote_open":
            current = token.meta["id"]
            notes[current] = ([], 0)
        elif token.type == "inline" and current is not None:
            children, line = notes[current]
            if children:
                children.append(Token("softbreak", "br", 0))
            children.extend(c for c in token.children or [] if c.type != "footnote_anchor")
            notes[current] = (children, line or (token.map[0] + 1 if token.map else 0))
    return body, notes


def parse_file(path: Path, root: Path, language: str) -> ParsedFile:
    """Read and parse one chapter file; its problems stay with it."""
    problems = Problems(root=root)
    rel = str(path.relative_to(root))
    parsed = ParsedFile(path, rel)
    text = read_text(path, problems)
    if text is None:
        parsed.problems = problems.items
        return parsed
    parsed.lines = text.splitlines()
    env: dict = {}
    prepared = prepare(text)
    for line in prepared.div_fences:
        problems.warning(path, line, "a fenced div (:::) is not used: its fences were left out, its text is printed",
                         "delete the ::: lines")
    for line, message, hint in prepared.unread:
        problems.warning(path, line, message, hint)
    tokens = make_parser().parse(prepared.text, env)
    body, notes = _split_footnotes(tokens)
    converter = _Converter(path, root, rel, language, problems)
    converter.notes = notes
    converter.line_blocks = prepared.line_blocks
    _check_footnotes(env, path, problems)
    if deep := env.get("too_deep"):
        line, depth = deep
        problems.error(path, line, f"text nested {depth} levels deep (lists or quotes inside each other) would not "
                       f"fit the page", f"nest lists and quotes at most {MAX_DEPTH} levels deep")
    blocks, _ = converter.blocks(body)
    current = Part(None, [])
    for block in blocks:
        if isinstance(block, Heading) and block.level == 1:
            if current.heading is not None or current.blocks:
                parsed.parts.append(current)
            current = Part(block, [])
        else:
            current.blocks.append(block)
    if current.heading is not None or current.blocks:
        parsed.parts.append(current)
    parsed.problems = problems.items
    return parsed


def _check_footnotes(env: dict, path: Path, problems: Problems) -> None:
    """A label defined twice (markdown-it keeps the second text), or defined and never called."""
    first_line: dict[str, int] = {}
    for label, line in env.get("footnote_definitions", []):
        if label in first_line:
            problems.error(path, line, f"footnote [^{label}] is defined twice (first at line {first_line[label]})",
                           "give each note its own label, or delete one of the definitions")
        else:
            first_line[label] = line
    used = {":" + item.get("label", "") for item in env.get("footnotes", {}).get("list", {}).values()}
    for label, line in first_line.items():
        if ":" + label not in used:
            problems.warning(path, line, f"footnote [^{label}] is defined but never called, so it is not printed",
                             f"put [^{label}] in the text where the note belongs, or delete the definition")
