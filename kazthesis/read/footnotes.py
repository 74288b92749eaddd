"""A chapter's footnotes: the definitions taken out of the token stream, and the labels checked.

markdown-it puts every ``[^label]: text`` into one footnote block at the end; the notes are
kept by their id with their own lines, so that a note's text is read where it is called.
"""

from __future__ import annotations

from pathlib import Path

from markdown_it.token import Token

from kazthesis.i18n import _
from kazthesis.problems import Problems

Notes = dict[int, tuple[list[Token], int]]  # footnote id → (its inline tokens, its line)


def split_footnotes(tokens: list[Token]) -> tuple[list[Token], Notes]:
    """Take the footnote block out of the stream; keep each note's inline tokens and line."""
    body: list[Token] = []
    notes: Notes = {}
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


def check_footnotes(env: dict, path: Path, problems: Problems) -> None:
    """A label defined twice (markdown-it keeps the second text), or defined and never called."""
    first_line: dict[str, int] = {}
    for label, line in env.get("footnote_definitions", []):
        if label in first_line:
            problems.error(path, line, _("footnote [^{label}] is defined twice (first at line {first_line})").format(
                                         label=label, first_line=first_line[label]),
                           _("give each note its own label, or delete one of the definitions"))
        else:
            first_line[label] = line
    used = {":" + item.get("label", "") for item in env.get("footnotes", {}).get("list", {}).values()}
    for label, line in first_line.items():
        if ":" + label not in used:
            problems.warning(path, line, _("footnote [^{label}] is defined but never called, so it is not "
                                           "printed").format(label=label),
                             _("put [^{label}] in the text where the note belongs, or delete the definition").format(
                               label=label))
