"""content/*.md → parsed chapters with numbered headings, figures, tables and citations.

This is the "gather everything first" stage: every file is parsed, every
heading, figure and table numbered, every citation recorded in order of first
appearance and every key and cross-reference checked, before anything is
rendered. Rendering (:mod:`kazthesis.render`) then only looks numbers up.
"""

from __future__ import annotations

import difflib
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import unquote, urlparse

from markdown_it.token import Token

from kazthesis import locale
from kazthesis.markdown import inline_lines, make_parser
from kazthesis.problems import Problems
from kazthesis.project import refuse_outside
from kazthesis.textfile import read_text

IMAGE_SUFFIXES = {".png", ".jpg", ".jpeg", ".svg", ".gif"}


@dataclass
class Heading:
    """A heading as the contents page and cross-references see it."""

    level: int
    title: str
    id: str
    kind: str  # "structural" | "chapter" | "section" | "appendix"
    number: str = ""  # "1", "1.2", "А.1"; "" when unnumbered
    letter: str = ""  # appendix letter
    path: str = ""
    line: int = 0
    has_body: bool = False  # any paragraph, list, table or figure below it
    cites: bool = False  # any citation below it (up to the next heading of its level)


@dataclass
class Label:
    """What a ``#id`` names, for cross-references."""

    kind: str  # "figure" | "table" | "heading"
    number: str
    text: str  # how a cross-reference prints it
    path: str
    line: int


@dataclass
class SourceFile:
    """One parsed content file."""

    path: Path
    rel: str
    tokens: list[Token]
    footnotes: dict[int, list[Token]]  # footnote id → its inline tokens


@dataclass
class Content:
    """All chapters, with everything numbered and every citation in order."""

    files: list[SourceFile] = field(default_factory=list)
    headings: list[Heading] = field(default_factory=list)
    labels: dict[str, Label] = field(default_factory=dict)
    cited_keys: list[str] = field(default_factory=list)  # order of first citation
    citation_count: int = 0
    figure_count: int = 0
    table_count: int = 0
    text_by_line: dict[tuple[str, int], str] = field(default_factory=dict)

    def register_citation(self, key: str) -> None:
        """Record a citation; the first one of a key fixes its place in citation order."""
        if key not in self._seen:
            self._seen.add(key)
            self.cited_keys.append(key)

    def __post_init__(self) -> None:
        self._seen: set[str] = set()


def plain_text(children: list[Token] | None) -> str:
    """Text of inline tokens without markup (for titles and captions)."""
    parts = []
    for child in children or []:
        if child.type in ("text", "code_inline"):
            parts.append(child.content)
        elif child.type in ("softbreak", "hardbreak"):
            parts.append(" ")
        elif child.type == "image":
            parts.append(plain_text(child.children))
    return "".join(parts).strip()


class _Numberer:
    """Counts chapters, sections, appendices, figures and tables as they come."""

    def __init__(self, language: str, per_chapter: bool) -> None:
        self.language = language
        self.per_chapter = per_chapter
        self.chapter = 0
        self.sections = [0, 0, 0, 0, 0]
        self.appendix_index = -1
        self.current: Heading | None = None  # current level-1 heading
        self.items = {"figure": 0, "table": 0}

    def heading(self, level: int, classes: list[str]) -> tuple[str, str, str]:
        """Return (kind, number, letter) for a new heading."""
        if level == 1:
            self.sections = [0, 0, 0, 0, 0]
            if "appendix" in classes:
                self.appendix_index += 1
                self.items = {"figure": 0, "table": 0}
                return "appendix", "", locale.appendix_letter(self.language, self.appendix_index)
            if "unnumbered" in classes:
                return "structural", "", ""
            self.chapter += 1
            if self.per_chapter:
                self.items = {"figure": 0, "table": 0}
            return "chapter", str(self.chapter), ""
        parent = self.current
        if "unnumbered" in classes or parent is None or parent.kind == "structural":
            return "section", "", ""
        self.sections[level - 2] += 1
        for deeper in range(level - 1, len(self.sections)):
            self.sections[deeper] = 0
        prefix = parent.letter if parent.kind == "appendix" else parent.number
        return "section", ".".join([prefix] + [str(n) for n in self.sections[: level - 1]]), ""

    def item(self, kind: str) -> str:
        """Number of the next figure or table: 1, 1.2 (per chapter) or А.1 (appendix)."""
        self.items[kind] += 1
        n = self.items[kind]
        parent = self.current
        if parent is not None and parent.kind == "appendix":
            return f"{parent.letter}.{n}"
        if self.per_chapter and parent is not None and parent.kind == "chapter":
            return f"{parent.number}.{n}"
        return str(n)


def content_files(root: Path) -> list[Path]:
    """The chapters, in file-name order."""
    folder = root / "content"
    if not folder.is_dir():
        return []
    return sorted(p for p in folder.iterdir() if p.suffix.lower() in (".md", ".markdown") and p.is_file())


def read_content(root: Path, language: str, bib_keys: list[str], per_chapter: bool,
                 problems: Problems) -> Content:
    """Parse, number and check every content file."""
    content = Content()
    paths, linked_out = [], False
    for path in content_files(root):
        if refuse_outside(path, root, problems, "this chapter"):
            linked_out = True
        else:
            paths.append(path)
    if not paths:
        if not linked_out:
            problems.error(root / "content", None, "no chapters found: the content folder is empty or missing",
                           "put your chapters in content/ as .md files, e.g. content/01-kirispe.md")
        return content
    parser = make_parser()
    numberer = _Numberer(language, per_chapter)
    known_keys = set(bib_keys)
    xrefs: list[tuple[str, str, int]] = []
    previous_level = 0
    for path in paths:
        text = read_text(path, problems)
        if text is None:
            continue
        rel = str(path.relative_to(root))
        for number, line in enumerate(text.splitlines(), 1):
            content.text_by_line[(rel, number)] = line
        env: dict = {}
        tokens = parser.parse(text, env)
        tokens, footnotes = _split_footnotes(tokens)
        source = SourceFile(path, rel, tokens, footnotes)
        content.files.append(source)
        section_heads: list[Heading] = []  # the open heading of each level
        for index, token in enumerate(tokens):
            line = (token.map[0] + 1) if token.map else 0
            if token.type == "heading_open":
                level = int(token.tag[1])
                if level > previous_level + 1:
                    problems.error(path, line, f"heading level {level} follows level {previous_level or 'none'}",
                                   "a section (##) must come under a chapter (#); "
                                   "do not skip heading levels")
                previous_level = level
                classes = (token.attrGet("class") or "").split()
                kind, number, letter = numberer.heading(level, classes)
                title = plain_text(tokens[index + 1].children)
                ident = token.attrGet("id") or f"h{len(content.headings) + 1}"
                token.attrSet("id", ident)
                heading = Heading(level, title, ident, kind, number, letter, rel, line)
                token.meta["heading"] = heading
                if level == 1:
                    numberer.current = heading
                section_heads = [h for h in section_heads if h.level < level] + [heading]
                content.headings.append(heading)
                _add_label(content, ident, _heading_label(heading, language), path, line, problems)
            elif token.type in ("paragraph_open", "bullet_list_open", "ordered_list_open", "table_open",
                                "fence", "code_block", "blockquote_open"):
                for head in section_heads:
                    head.has_body = True
            if token.type == "table_open":
                number = numberer.item("table")
                token.meta["number"] = number
                caption_line = (token.meta["caption_map"][0] + 1) if "caption_map" in token.meta else line
                if not token.meta.get("caption"):
                    problems.warning(path, line, f"table {number} has no caption",
                                     "add a line ': Caption {#tbl:name}' directly before the table")
                if ident := token.attrGet("id"):
                    _add_label(content, ident, Label("table", number, locale.text(language, "table_ref", n=number),
                                                     rel, caption_line), path, caption_line, problems)
                content.table_count += 1
            if token.type == "inline" and token.children:
                in_heading = index > 0 and tokens[index - 1].type == "heading_open"
                _scan_inline(token, source, content, numberer, known_keys, bib_keys, language, xrefs,
                             section_heads if not in_heading else [], in_heading, problems)
        for inline_tokens in footnotes.values():
            fake = Token("inline", "", 0, children=inline_tokens, map=None)
            _scan_inline(fake, source, content, numberer, known_keys, bib_keys, language, xrefs,
                         section_heads, False, problems)
    for ident, rel, line in xrefs:
        if ident not in content.labels:
            close = difflib.get_close_matches(ident, list(content.labels), n=1)
            hint = (f"did you mean @{close[0]}?" if close
                    else "give the figure, table or heading that id: {#" + ident + "}")
            problems.error(root / rel, line, f"cross-reference @{ident} points to nothing", hint)
    return content


def _heading_label(heading: Heading, language: str) -> Label:
    if heading.kind == "appendix":
        text = locale.text(language, "appendix_ref", letter=heading.letter)
    else:
        text = heading.number or heading.title
    return Label("heading", heading.number or heading.letter, text, heading.path, heading.line)


def _add_label(content: Content, ident: str, label: Label, path: Path, line: int, problems: Problems) -> None:
    if ident in content.labels:
        first = content.labels[ident]
        problems.error(path, line, f"id #{ident} is used twice (first at {first.path}:{first.line})",
                       "give each heading, figure and table its own id")
        return
    content.labels[ident] = label


def _split_footnotes(tokens: list[Token]) -> tuple[list[Token], dict[int, list[Token]]]:
    """Take the footnote block out of the stream; keep each note's inline tokens."""
    body: list[Token] = []
    notes: dict[int, list[Token]] = {}
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
            notes[current] = []
        elif token.type == "inline" and current is not None:
            if notes[current]:
                notes[current].append(Token("softbreak", "br", 0))
            notes[current].extend(c for c in token.children or [] if c.type != "footnote_anchor")
    return body, notes


def _scan_inline(inline: Token, source: SourceFile, content: Content, numberer: _Numberer,
                 known_keys: set[str], bib_keys: list[str], language: str,
                 xrefs: list[tuple[str, str, int]], section_heads: list[Heading], in_heading: bool,
                 problems: Problems) -> None:
    children = inline.children or []
    lone_image = len([c for c in children if not (c.type == "text" and not c.content.strip())]) == 1 and any(
        c.type == "image" for c in children)
    for child, line in inline_lines(inline):
        if child.type == "citation":
            for item in child.meta["items"]:
                if item.key in known_keys:
                    content.register_citation(item.key)
                    for head in section_heads:
                        head.cites = True
                else:
                    close = difflib.get_close_matches(item.key, bib_keys, n=3, cutoff=0.5)
                    hint = ("did you mean " + ", ".join(close) + "?") if close else \
                        f"add an entry @...{{{item.key}, ...}} to references.bib or correct the key"
                    problems.error(source.path, line, f"citation key '{item.key}' is not in references.bib", hint)
            content.citation_count += 1
        elif child.type == "xref":
            xrefs.append((child.meta["id"], source.rel, line))
        elif child.type == "text" and "[@" in child.content:
            problems.error(source.path, line, "citation bracket '[@' is not closed or not well formed",
                           "write [@key], [@key, 25] or [@a; @b], with the closing ]")
        elif child.type == "image":
            _check_image(child, source, line, problems)
            if lone_image and not in_heading:
                number = numberer.item("figure")
                child.meta["figure"] = number
                content.figure_count += 1
                if ident := child.attrGet("id"):
                    _add_label(content, ident, Label("figure", number, locale.text(language, "figure_ref", n=number),
                                                     source.rel, line), source.path, line, problems)
                if not plain_text(child.children):
                    problems.warning(source.path, line, f"figure {number} has no caption",
                                     "write the caption in the brackets: ![Caption](images/file.png)")


def _check_image(image: Token, source: SourceFile, line: int, problems: Problems) -> None:
    """An image must be a file inside the project: never the network, never outside."""
    src = image.attrGet("src") or ""
    parsed = urlparse(src)
    if parsed.scheme and len(parsed.scheme) > 1:  # "c:" would be a Windows drive
        problems.error(source.path, line, f"image {src!r} is on the network; the build never downloads",
                       "download the image into the project (e.g. images/) and refer to it by its path")
        image.meta["resolved"] = None
        return
    root = source.path.parent.parent.resolve()
    candidates = [(source.path.parent / unquote(src)).resolve(), (root / unquote(src)).resolve()]
    found = next((c for c in candidates if c.is_file()), None)
    if found is None:
        problems.error(source.path, line, f"image file {src!r} not found",
                       "check the path; it is relative to the project folder, e.g. images/map.png")
    elif not found.is_relative_to(root):
        problems.error(source.path, line, f"image {src!r} is outside the project folder",
                       "copy the image into the project (e.g. images/)")
        found = None
    elif found.suffix.lower() not in IMAGE_SUFFIXES:
        problems.error(source.path, line, f"image {src!r} is not PNG, JPEG or SVG",
                       "convert it to PNG, JPEG or SVG")
        found = None
    image.meta["resolved"] = found
