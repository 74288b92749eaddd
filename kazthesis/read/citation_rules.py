"""Citations and cross-references as Pandoc writes them → ``citation`` and ``xref`` tokens (markdown-it inline rules).

``[@key, 25]``, ``[-@key]``, ``[see @a; @b]`` and ``@key`` in running text are citations; ``@fig:map`` and
``[@fig:a; @fig:b]`` are cross-references. Each rule is linear in the length of its input: a bracket's end
is found by bisecting an index of the text's brackets, never by a regular expression that backtracks.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass

from markdown_it.rules_inline import StateInline

from kazthesis.model import CiteItem

# Pandoc's citation key: a letter, digit or _, then word characters and internal punctuation.
# A plain character class (one pass, no backtracking); trailing punctuation is cut off after.
KEY_PUNCTUATION = ":.#$%&+?<>~/-"
KEY_RE = re.compile(r"\w[\w:.#$%&+?<>~/\-]*")
XREF_PREFIXES = ("fig", "tbl", "sec", "app", "lst", "eq")
LOCATOR_AFTER_RE = re.compile(r" \[([^\[\]@]{1,60})\]")  # @key [25]: Pandoc's author-in-text locator


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


def bracket_rule(state: StateInline, silent: bool) -> bool:
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
            token.meta = {"items": [CiteItem(item.key, item.locator, item.prefix, item.bare) for item in found],
                          "author_in_text": False}
        else:
            return False
        token.content = state.src[start : end + 1]
    state.pos = end + 1
    return True


def at_rule(state: StateInline, silent: bool) -> bool:
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
