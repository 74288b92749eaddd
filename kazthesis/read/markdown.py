"""The Markdown dialect of a thesis: markdown-it-py plus Pandoc's conventions.

CommonMark with tables and footnotes, and what Pandoc users write: heading
attributes ``{#id .class}``, citations ``[@key, 25]``, ``[-@key]``,
``[see @a; @b]`` and ``@key`` in running text, cross-references
``@fig:map`` and ``[@fig:a; @fig:b]``, image attributes ``{#fig:map
width=50%}``, table captions ``: Caption {#tbl:id}`` or ``Table: Caption``,
``\\newpage``. This module only tokenises: every rule here is linear in the
length of its input, and what the parser notices on the way (footnotes
defined twice, text nested too deep, attributes it does not use) is left in
``env`` and in token ``meta`` for :mod:`kazthesis.read.parse` to report.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field

from markdown_it import MarkdownIt
from markdown_it.rules_core import StateCore
from markdown_it.rules_inline import StateInline
from markdown_it.token import Token
from mdit_py_plugins.deflist import deflist_plugin
from mdit_py_plugins.dollarmath import dollarmath_plugin
from mdit_py_plugins.footnote import footnote_plugin
from mdit_py_plugins.front_matter import front_matter_plugin
from mdit_py_plugins.subscript import sub_plugin
from mdit_py_plugins.superscript import superscript_plugin

from kazthesis.model import CiteItem

# Pandoc's citation key: a letter, digit or _, then word characters and internal punctuation.
# A plain character class (one pass, no backtracking); trailing punctuation is cut off after.
KEY_PUNCTUATION = ":.#$%&+?<>~/-"
KEY_RE = re.compile(r"\w[\w:.#$%&+?<>~/\-]*")
XREF_PREFIXES = ("fig", "tbl", "sec", "app", "lst", "eq")
LOCATOR_AFTER_RE = re.compile(r" \[([^\[\]@]{1,60})\]")  # @key [25]: Pandoc's author-in-text locator
ATTRS_RE = re.compile(r"\s*\{([^{}]*)\}\s*$")
ATTR_PART_RE = re.compile(r"""\s*(?:\#(?P<id>[^\s"'{}]+)|\.(?P<cls>[^\s"'{}=]+)
    |(?P<key>[\w-]+)=(?:"(?P<dq>[^"]*)"|'(?P<sq>[^']*)'|(?P<bare>[^\s"'{}]+)))""", re.X)
CAPTION_RE = re.compile(r"^(?::|Table:)\s+(.*)$", re.S)
PAGE_BREAK_RE = re.compile(r"^\\(?:newpage|pagebreak|clearpage)\s*$")
MAX_NESTING = 40  # deeper text is dropped by markdown-it; reaching it is reported
MAX_DEPTH = 8  # lists and quotes inside each other: each level indents the text further
CONTAINERS = {"blockquote_open", "blockquote_close", "bullet_list_open", "bullet_list_close",
              "ordered_list_open", "ordered_list_close"}


@dataclass(frozen=True)
class Attributes:
    """``{#id .class key=value}`` as written."""

    id: str = ""
    classes: tuple[str, ...] = ()
    pairs: tuple[tuple[str, str], ...] = ()
    unreadable: str = ""  # text inside the braces that is not an attribute


def parse_attrs(text: str) -> Attributes:
    """``#fig:map .wide width=50% title="A b"`` → its parts (Pandoc's syntax, values with or without quotes)."""
    ident, classes, pairs, position, rest = "", [], [], 0, []
    while position < len(text):
        match = ATTR_PART_RE.match(text, position)
        if match is None:
            if text[position] == "-" and text[position + 1 : position + 2] in ("", " ", "\t"):
                classes.append("-")  # Pandoc's {-}: unnumbered
            elif not text[position].isspace():
                rest.append(text[position])
            position += 1
            continue
        if match["id"]:
            ident = match["id"]
        elif match["cls"]:
            classes.append(match["cls"])
        else:
            value = next(v for v in (match["dq"], match["sq"], match["bare"]) if v is not None)
            pairs.append((match["key"], value))
        position = match.end()
    return Attributes(ident, tuple(classes), tuple(pairs), "".join(rest))


@dataclass(frozen=True)
class BracketItem:
    """One ``prefix -@key, locator`` of a bracket."""

    key: str
    locator: str
    prefix: str
    bare: bool  # written with "-@"


def parse_bracket_item(part: str) -> BracketItem | None:
    """``see @a, 25`` → its parts; None when the text is not one item (linear: no backtracking regex)."""
    at = part.find("@")
    if at < 0:
        return None
    before = part[:at]
    bare = before.endswith("-")
    if bare:
        before = before[:-1]
    if before.strip() and not before[-1].isspace():
        return None  # "a@b.kz": an address, not a citation
    key = match_key(part, at + 1)
    if not key:
        return None
    rest = part[at + 1 + len(key) :].strip()
    if rest and not rest.startswith(","):
        return None
    return BracketItem(key, rest[1:].strip(), before.strip(), bare)


def match_key(text: str, position: int) -> str:
    """The citation key starting at ``position`` ("" when none): "smith2020" in "@smith2020." """
    match = KEY_RE.match(text, position)
    return match.group().rstrip(KEY_PUNCTUATION) if match else ""


def is_xref(key: str) -> bool:
    return key.split(":", 1)[0] in XREF_PREFIXES and ":" in key


# --- inline rules ------------------------------------------------------------------------------


def _closing_bracket(state: StateInline, start: int) -> int:
    """Index of the "]" closing the "[" at ``start`` with no "[" between, or -1 (bisect on a per-text index)."""
    cached = state.env.get("_brackets")
    if cached is None or cached[0] is not state.src:
        src = state.src
        cached = (src, [i for i, c in enumerate(src) if c == "]"], [i for i, c in enumerate(src) if c == "["])
        state.env["_brackets"] = cached
    _, closes, opens = cached
    at = bisect.bisect_right(closes, start)
    if at == len(closes):
        return -1
    end = closes[at]
    next_open = bisect.bisect_right(opens, start)
    if next_open < len(opens) and opens[next_open] < end:
        return -1
    return end


def _bracket_rule(state: StateInline, silent: bool) -> bool:
    """``[@key, 25]``, ``[-@key]``, ``[see @a; @b]`` and ``[@fig:a; -@fig:b]``."""
    start = state.pos
    if state.src[start] != "[":
        return False
    end = _closing_bracket(state, start)
    if end < 0:
        return False
    inner = state.src[start + 1 : end]
    if "@" not in inner:
        return False
    items = [parse_bracket_item(part) for part in inner.split(";")]
    if not all(items):
        return False
    found = [item for item in items if item is not None]
    if not silent:
        if all(is_xref(item.key) for item in found):
            token = state.push("xref", "", 0)
            token.meta = {"ids": [item.key for item in found], "bare": all(item.bare for item in found),
                          "prefixes": [item.prefix for item in found if item.prefix]}
        elif not any(is_xref(item.key) for item in found):
            token = state.push("citation", "", 0)
            token.meta = {"items": [CiteItem(item.key, item.locator, item.prefix) for item in found],
                          "author_in_text": False}
        else:
            return False
        token.content = state.src[start : end + 1]
    state.pos = end + 1
    return True


def _at_rule(state: StateInline, silent: bool) -> bool:
    """``@fig:map`` (a cross-reference) and ``@key`` in running text (an author-in-text citation)."""
    src, start = state.src, state.pos
    if src[start] != "@":
        return False
    if start > 0 and (src[start - 1].isalnum() or src[start - 1] in "_-\\["):
        return False  # an e-mail address, an escaped \@, or a bracket the bracket rule did not close
    key = match_key(src, start + 1)
    if not key:
        return False
    end = start + 1 + len(key)
    locator = ""
    if not is_xref(key) and (after := LOCATOR_AFTER_RE.match(src, end)):
        locator, end = after.group(1).strip(), after.end()
    if not silent:
        if is_xref(key):
            token = state.push("xref", "", 0)
            token.meta = {"ids": [key], "bare": False, "prefixes": []}
        else:
            token = state.push("citation", "", 0)
            token.meta = {"items": [CiteItem(key, locator)], "author_in_text": True}
        token.content = src[start:end]
    state.pos = end
    return True


# --- core rules ----------------------------------------------------------------------------------


def _heading_attrs(state: StateCore) -> None:
    """Move a trailing ``{#id .class}`` of a heading into the heading token."""
    tokens = state.tokens
    for i, token in enumerate(tokens):
        if token.type != "heading_open":
            continue
        inline = tokens[i + 1]
        match = ATTRS_RE.search(inline.content)
        if match:
            attrs = parse_attrs(match.group(1))
            inline.content = inline.content[: match.start()].rstrip()
            token.meta["attrs"] = attrs


def _table_captions(state: StateCore) -> None:
    """Turn a ``: Caption {#tbl:id}`` (or ``Table: Caption``) paragraph next to a table into its caption."""
    tokens = state.tokens
    i = 0
    while i < len(tokens) - 2:
        opening, inline = tokens[i], tokens[i + 1]
        if opening.type == "paragraph_open" and (match := CAPTION_RE.match(inline.content)):
            after = tokens[i + 3] if i + 3 < len(tokens) else None
            before = tokens[i - 1] if i > 0 else None
            table = None
            if after is not None and after.type == "table_open":
                table = after
            elif before is not None and before.type == "table_close":
                table = _matching_open(tokens, i - 1)
            if table is not None and "caption" not in table.meta:
                caption = match.group(1).strip()
                attrs = Attributes()
                if found := ATTRS_RE.search(caption):
                    attrs = parse_attrs(found.group(1))
                    caption = caption[: found.start()].rstrip()
                table.meta["caption"] = caption
                table.meta["caption_line"] = opening.map[0] + 1 if opening.map else 0
                table.meta["attrs"] = attrs
                del tokens[i : i + 3]
                continue
        i += 1


def _matching_open(tokens: list[Token], close_index: int) -> Token:
    depth = 0
    for j in range(close_index, -1, -1):
        if tokens[j].type == "table_close":
            depth += 1
        elif tokens[j].type == "table_open":
            depth -= 1
            if depth == 0:
                return tokens[j]
    raise AssertionError("table_close without table_open")


def _page_breaks(state: StateCore) -> None:
    """A paragraph holding only ``\\newpage`` (or ``\\pagebreak``) is a page break, as in Pandoc."""
    tokens = state.tokens
    for i, token in enumerate(tokens[:-2]):
        if token.type == "paragraph_open" and PAGE_BREAK_RE.match(tokens[i + 1].content.strip()):
            page_break = Token("page_break", "", 0, map=token.map)
            tokens[i : i + 3] = [page_break, Token("skip", "", 0), Token("skip", "", 0)]
    state.tokens = [t for t in tokens if t.type != "skip"]


def _footnote_definitions(state: StateCore) -> None:
    """Record every footnote definition with its line (markdown-it keeps only the last of a label)."""
    definitions = state.env.setdefault("footnote_definitions", [])
    for i, token in enumerate(state.tokens):
        if token.type == "footnote_reference_open":
            following = state.tokens[i + 1] if i + 1 < len(state.tokens) else None
            line = following.map[0] + 1 if following is not None and following.map else 0
            definitions.append((token.meta["label"], line))


def _nesting(state: StateCore) -> None:
    """Note text nested deeper than a page can show (each level indents it), or near markdown-it's
    own limit, below which text would silently vanish."""
    depth = 0
    for token in state.tokens:
        if token.type in CONTAINERS:
            depth += token.nesting
        if (depth > MAX_DEPTH or token.level >= MAX_NESTING - 2) and token.map:
            state.env["too_deep"] = (token.map[0] + 1, depth)
            return


def _inline_attrs(state: StateCore) -> None:
    """``{…}`` straight after an image, link or code: the image keeps id, width and height; the rest is noted."""
    for token in state.tokens:
        children = token.children or []
        for i, child in enumerate(children[:-1]):
            after = children[i + 1]
            target = child if child.type in ("image", "code_inline", "link_close") else None
            if target is None or after.type != "text" or not after.content.startswith("{"):
                continue
            end = after.content.find("}")
            if end < 0:
                continue
            target.meta["attrs"] = parse_attrs(after.content[1:end])
            after.content = after.content[end + 1 :]


def make_parser() -> MarkdownIt:
    """A markdown-it parser for thesis chapters (give it text that went through :func:`prepare`)."""
    md = MarkdownIt("commonmark", {"html": False, "maxNesting": MAX_NESTING}).enable(["table", "strikethrough"])
    md.use(footnote_plugin).use(front_matter_plugin).use(deflist_plugin).use(sub_plugin).use(superscript_plugin)
    # $…$ as Pandoc reads it: not "$5 and $6" (a digit after the closing $), "$$…$$ (eq:x)" labelled.
    md.use(dollarmath_plugin, allow_labels=True, allow_space=False, allow_digits=False, double_inline=True)
    md.inline.ruler.before("link", "bracket", _bracket_rule)
    md.inline.ruler.before("link", "at", _at_rule)
    md.core.ruler.after("block", "heading_attrs", _heading_attrs)
    md.core.ruler.after("heading_attrs", "table_captions", _table_captions)
    md.core.ruler.after("table_captions", "page_breaks", _page_breaks)
    md.core.ruler.after("page_breaks", "nesting", _nesting)
    md.core.ruler.before("footnote_tail", "footnote_definitions", _footnote_definitions)
    md.core.ruler.push("inline_attrs", _inline_attrs)
    return md


EQUATION_LABEL_RE = re.compile(r"^(.*\$\$)\s*\{#(eq:[^\s}]+)\}\s*$")
DIV_FENCE_RE = re.compile(r"^\s*:::+.*$")
LINE_BLOCK_RE = re.compile(r"^\| ?(.*)$")
TABLE_RULE_RE = re.compile(r"^\|?\s*:?-{3,}")
CODE_FENCE_RE = re.compile(r"^ {0,3}(`{3,}|~{3,})")
GRID_RULE_RE = re.compile(r"^\s*\+[-=:+]{3,}\+?\s*$")
YAML_KEY_RE = re.compile(r"^[A-Za-z_][\w-]*:(?:\s|$)")
SIMPLE_TABLE_RULE_RE = re.compile(r"^\s*-{2,}(?:\s+-{2,})+\s*$")  # Pandoc's simple table: "---  ----"
# Pandoc's fancy list markers (and Cyrillic "а)" as Kazakh and Russian writers use it); a capital with a
# period needs two spaces after it, as in Pandoc, so a line starting with an initial ("А. Байтұрсынұлы") is prose.
FANCY_ITEM_RE = re.compile(r"^\s*(?:#\.|[a-z]\.|[ivxlcdm]+\.|(?:[a-zA-Zа-яА-ЯёЁәіңғүұқөһӘІҢҒҮҰҚӨҺ]|[ivxlcdm]+"
                           r"|[IVXLCDM]+)\)|(?:[A-Z]|[IVXLCDM]+)\.\s)\s+\S")


@dataclass
class Prepared:
    """A chapter's text made ready for the parser, line for line, and the Pandoc forms that were met."""

    text: str
    div_fences: list[int]  # lines of opening ::: fences (all fences are taken out, their content stays)
    unread: list[tuple[int, str, str]]  # (line, message, hint): Pandoc blocks this tool does not read
    line_blocks: set[int] = field(default_factory=set)  # first lines of line blocks (| line)


AS_TEXT = "is not read: its text is printed as running text"


def prepare(text: str) -> Prepared:
    """Pandoc forms markdown-it does not read, turned into ones it does, keeping every line where it was:
    ``$$ {#eq:x}`` → ``$$ (eq:x)``; a line block (``| line``) → lines ending in a hard break; the fences
    of a fenced div (``::: note``) → blank lines; a YAML block inside the text → blank lines. Blocks
    printed as text (simple and grid tables, lists numbered with letters) are noted. Code is left alone."""
    lines = text.split("\n")
    code = _code_lines(lines)
    fences: list[int] = []
    unread: list[tuple[int, str, str]] = []
    index = 0
    while index < len(lines):
        line = lines[index]
        starts_block = index == 0 or not lines[index - 1].strip()
        if index in code:
            pass
        elif match := EQUATION_LABEL_RE.match(line):
            lines[index] = f"{match.group(1)} ({match.group(2)})"
        elif DIV_FENCE_RE.match(line):
            if line.strip().strip(":").strip():  # an opening fence names the div; the closing one is bare
                fences.append(index + 1)
            lines[index] = ""
        elif index > 0 and starts_block and (end := _yaml_block_end(lines, index)):
            unread.append((index + 1, "a YAML metadata block is not used and was left out",
                           "put the title-page details in thesis.toml"))
            lines[index : end + 1] = [""] * (end + 1 - index)
            index = end
        elif GRID_RULE_RE.match(line) and starts_block:
            unread.append((index + 1, f"a grid table (+---+) {AS_TEXT}", "write it as a pipe table: | a | b |"))
        elif SIMPLE_TABLE_RULE_RE.match(line) and not starts_block:
            unread.append((index + 1, f"a simple table (columns lined up with spaces) {AS_TEXT}",
                           "write it as a pipe table: | a | b |, a line |---|---|, then the rows"))
        elif (FANCY_ITEM_RE.match(line) and index + 1 < len(lines) and FANCY_ITEM_RE.match(lines[index + 1])
              and not (index > 0 and FANCY_ITEM_RE.match(lines[index - 1]))):
            unread.append((index + 1, f"a list numbered {line.split()[0]} (letters, Roman numerals or #.) {AS_TEXT}",
                           "number it 1. 2. 3. (or 1) 2) 3)), or write - before each item"))
        index += 1
    for index, line in enumerate(lines):  # ": Caption" next to a table is its caption, not a definition
        if index not in code and line.startswith(": ") and (_table_beside(lines, index, 1)
                                                              or _table_beside(lines, index, -1)):
            lines[index] = "Table:" + line[1:]
    index, line_blocks = 0, set()
    while index < len(lines):  # a run of "| " lines with no table rule is a line block
        end = index
        while end < len(lines) and end not in code and LINE_BLOCK_RE.match(lines[end]) and lines[end].strip() != "|":
            end += 1
        run = lines[index:end]
        if len(run) > 0 and not any(TABLE_RULE_RE.match(line) or line.rstrip().endswith("|") for line in run):
            line_blocks.add(index + 1)
            for k in range(index, end):
                content = LINE_BLOCK_RE.match(lines[k]).group(1)  # type: ignore[union-attr]
                lines[k] = content + ("\\" if k < end - 1 else "")
        index = end + 1 if end > index else index + 1
    return Prepared("\n".join(lines), fences, unread, line_blocks)


def _yaml_block_end(lines: list[str], index: int) -> int | None:
    """The closing line of a YAML block opened by ``---`` at ``index`` (Pandoc reads one anywhere):
    ``key: value`` straight after the opening, and ``---`` or ``...`` before a blank line."""
    if lines[index].rstrip() != "---" or index + 1 >= len(lines) or not YAML_KEY_RE.match(lines[index + 1]):
        return None
    for end in range(index + 2, len(lines)):
        if lines[end].rstrip() in ("---", "..."):
            return end
        if not lines[end].strip():
            return None
    return None


def _code_lines(lines: list[str]) -> set[int]:
    """Indexes of the lines inside fenced code blocks (``` or ~~~), fences included."""
    inside: set[int] = set()
    fence = ""
    for index, line in enumerate(lines):
        stripped = line.lstrip()
        if fence:
            inside.add(index)
            if stripped.startswith(fence) and not stripped[len(fence):].strip():
                fence = ""
        elif match := CODE_FENCE_RE.match(line):
            fence = match.group(1)
            inside.add(index)
    return inside


def _table_beside(lines: list[str], index: int, step: int) -> bool:
    """Whether the nearest block after (step 1) or before (step -1) line ``index`` is a pipe table,
    with a rule line (a line block has none; a definition's term is not one)."""
    index += step
    while 0 <= index < len(lines) and not lines[index].strip():
        index += step
    block = []
    while 0 <= index < len(lines) and lines[index].strip():
        block.append(lines[index].strip())
        index += step
    return "|" in "".join(block) and any(TABLE_RULE_RE.match(line) for line in block)


def inline_lines(inline: Token) -> list[tuple[Token, int]]:
    """Children of an inline token with the 1-based source line each starts on."""
    line = (inline.map[0] if inline.map else 0) + 1
    result = []
    for child in inline.children or []:
        result.append((child, line))
        if child.type in ("softbreak", "hardbreak"):
            line += 1
    return result
