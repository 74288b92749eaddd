"""A chapter's text → markdown-it tokens: the thesis dialect, CommonMark plus Pandoc's conventions.

CommonMark with tables and footnotes, and what Pandoc users write: heading
attributes ``{#id .class}``, citations and cross-references
(:mod:`kazthesis.read.citation_rules`), image attributes ``{#fig:map
width=50%}``, table captions ``: Caption {#tbl:id}`` or ``Table: Caption``,
``\\newpage``; the forms markdown-it cannot read are turned into ones it can
first (:mod:`kazthesis.read.pandoc`). This module only tokenises: every rule
here is linear in the length of its input, and what the parser notices on the
way (footnotes defined twice, text nested too deep, attributes it does not
use) is left in ``env`` and in token ``meta`` for :mod:`kazthesis.read.parse`
to report.
"""

from __future__ import annotations

import re

from markdown_it import MarkdownIt
from markdown_it.rules_core import StateCore
from markdown_it.token import Token
from mdit_py_plugins.deflist import deflist_plugin
from mdit_py_plugins.dollarmath import dollarmath_plugin
from mdit_py_plugins.footnote import footnote_plugin
from mdit_py_plugins.front_matter import front_matter_plugin
from mdit_py_plugins.subscript import sub_plugin
from mdit_py_plugins.superscript import superscript_plugin

from kazthesis.read.attributes import Attributes, parse_attrs, trailing_attrs
from kazthesis.read.citation_rules import at_rule, bracket_rule

CAPTION_RE = re.compile(r"^(?::|Table:)\s+(.*)$", re.S)
PAGE_BREAK_RE = re.compile(r"^\\(?:newpage|pagebreak|clearpage)\s*$")
MAX_NESTING = 40  # deeper text is dropped by markdown-it; reaching it is reported
MAX_DEPTH = 8  # lists and quotes inside each other: each level indents the text further
CONTAINERS = {"blockquote_open", "blockquote_close", "bullet_list_open", "bullet_list_close",
              "ordered_list_open", "ordered_list_close"}


# --- core rules: on the whole token stream, after the block parser -------------------------------------


def _heading_attrs(state: StateCore) -> None:
    """Move a trailing ``{#id .class}`` of a heading into the heading token."""
    tokens = state.tokens
    for i, token in enumerate(tokens):
        if token.type != "heading_open":
            continue
        inline = tokens[i + 1]
        match = trailing_attrs(inline.content)
        if match:
            attrs = parse_attrs(match.inner)
            inline.content = inline.content[: match.start].rstrip()
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
                if found := trailing_attrs(caption):
                    attrs = parse_attrs(found.inner)
                    caption = caption[: found.start].rstrip()
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
    """A markdown-it parser for thesis chapters (give it text that went through :func:`.pandoc.prepare`)."""
    md = MarkdownIt("commonmark", {"html": False, "maxNesting": MAX_NESTING}).enable(["table", "strikethrough"])
    md.use(footnote_plugin).use(front_matter_plugin).use(deflist_plugin).use(sub_plugin).use(superscript_plugin)
    # $…$ as Pandoc reads it: not "$5 and $6" (a digit after the closing $), "$$…$$ (eq:x)" labelled.
    md.use(dollarmath_plugin, allow_labels=True, allow_space=False, allow_digits=False, double_inline=True)
    md.inline.ruler.before("link", "bracket", bracket_rule)
    md.inline.ruler.before("link", "at", at_rule)
    md.core.ruler.after("block", "heading_attrs", _heading_attrs)
    md.core.ruler.after("heading_attrs", "table_captions", _table_captions)
    md.core.ruler.after("table_captions", "page_breaks", _page_breaks)
    md.core.ruler.after("page_breaks", "nesting", _nesting)
    md.core.ruler.before("footnote_tail", "footnote_definitions", _footnote_definitions)
    md.core.ruler.push("inline_attrs", _inline_attrs)
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

