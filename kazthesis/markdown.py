"""The Markdown dialect of a thesis: markdown-it-py plus our syntax.

CommonMark with tables and footnotes, and the Pandoc conventions the writer
uses: heading attributes ``{#id .class}``, citations ``[@key, 25]``,
cross-references ``@fig:map``, image attributes ``{#fig:map}`` and table
captions ``: Caption {#tbl:id}``. This module only parses; numbering and
checking happen in :mod:`kazthesis.content`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from markdown_it import MarkdownIt
from markdown_it.rules_core import StateCore
from markdown_it.rules_inline import StateInline
from markdown_it.token import Token
from mdit_py_plugins.attrs import attrs_plugin
from mdit_py_plugins.footnote import footnote_plugin

# Pandoc's citation key: starts with a letter, digit or _, may hold internal punctuation.
KEY = r"[\w][\w:.#$%&+?<>~/\-]*"
CITATION_RE = re.compile(r"\[\s*(-?@" + KEY + r"[^\[\]]*)\]")
CITE_ITEM_RE = re.compile(r"^\s*-?@(" + KEY + r")\s*(?:,\s*(.*?))?\s*$")
XREF_RE = re.compile(r"@((?:fig|tbl|sec|app):[\w\-:.]*\w)")
ATTRS_RE = re.compile(r"\s*\{([^{}]*)\}\s*$")
CAPTION_RE = re.compile(r"^:\s+(.*)$", re.S)


@dataclass(frozen=True)
class CiteItem:
    """One source inside a citation: its key and the locator as written."""

    key: str
    locator: str


def parse_attrs(text: str) -> tuple[str, list[str]]:
    """``#id .a .b`` → ("id", ["a", "b"])."""
    ident, classes = "", []
    for part in text.split():
        if part.startswith("#"):
            ident = part[1:]
        elif part.startswith("."):
            classes.append(part[1:])
    return ident, classes


def _citation_rule(state: StateInline, silent: bool) -> bool:
    """Inline rule for ``[@key]``, ``[@key, 25]`` and ``[@a; @b]``."""
    if state.src[state.pos] != "[":
        return False
    match = CITATION_RE.match(state.src, state.pos)
    if not match:
        return False
    items = []
    for part in match.group(1).split(";"):
        item = CITE_ITEM_RE.match(part)
        if not item:
            return False  # not a citation after all: leave it to the link rule
        items.append(CiteItem(item.group(1), (item.group(2) or "").strip()))
    if not silent:
        token = state.push("citation", "", 0)
        token.meta = {"items": items}
        token.content = match.group(0)
    state.pos = match.end()
    return True


def _xref_rule(state: StateInline, silent: bool) -> bool:
    """Inline rule for ``@fig:id``, ``@tbl:id``, ``@sec:id``, ``@app:id``."""
    if state.src[state.pos] != "@":
        return False
    if state.pos > 0 and (state.src[state.pos - 1].isalnum() or state.src[state.pos - 1] in "_[-"):
        return False  # e-mail address or a citation handled elsewhere
    match = XREF_RE.match(state.src, state.pos)
    if not match:
        return False
    if not silent:
        token = state.push("xref", "", 0)
        token.meta = {"id": match.group(1)}
        token.content = match.group(0)
    state.pos = match.end()
    return True


def _heading_attrs(state: StateCore) -> None:
    """Move a trailing ``{#id .class}`` of a heading into the heading token."""
    tokens = state.tokens
    for i, token in enumerate(tokens):
        if token.type != "heading_open":
            continue
        inline = tokens[i + 1]
        match = ATTRS_RE.search(inline.content)
        if match:
            ident, classes = parse_attrs(match.group(1))
            inline.content = inline.content[: match.start()].rstrip()
            if ident:
                token.attrSet("id", ident)
            if classes:
                token.attrSet("class", " ".join(classes))


def _table_captions(state: StateCore) -> None:
    """Turn a ``: Caption {#tbl:id}`` paragraph next to a table into its caption."""
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
                ident = ""
                if attrs := ATTRS_RE.search(caption):
                    ident, _ = parse_attrs(attrs.group(1))
                    caption = caption[: attrs.start()].rstrip()
                table.meta["caption"] = caption
                table.meta["caption_map"] = opening.map
                if ident:
                    table.attrSet("id", ident)
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


def make_parser() -> MarkdownIt:
    """A markdown-it parser for thesis chapters."""
    md = MarkdownIt("commonmark", {"html": False}).enable("table")
    md.use(footnote_plugin).use(attrs_plugin)
    md.inline.ruler.before("link", "citation", _citation_rule)
    md.inline.ruler.before("link", "xref", _xref_rule)
    md.core.ruler.after("block", "heading_attrs", _heading_attrs)
    md.core.ruler.after("heading_attrs", "table_captions", _table_captions)
    return md


def inline_lines(inline: Token) -> list[tuple[Token, int]]:
    """Children of an inline token with the 1-based source line each starts on."""
    line = (inline.map[0] if inline.map else 0) + 1
    result = []
    for child in inline.children or []:
        result.append((child, line))
        if child.type in ("softbreak", "hardbreak"):
            line += 1
    return result
