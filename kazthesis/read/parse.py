"""One content file → a :class:`ParsedFile`: its parts as model nodes, not yet numbered.

The text is decoded (:mod:`~kazthesis.read.textfile`), its Pandoc forms made readable
(:mod:`~kazthesis.read.pandoc`), tokenised (:mod:`~kazthesis.read.markdown`), and the tokens turned into
blocks (:mod:`~kazthesis.read.blocks`) and inlines (:mod:`~kazthesis.read.inlines`). Everything that can be
checked inside one file is checked on the way — images, citation brackets, footnotes, attributes, nesting —
and the problems are kept with the file, so that a rebuild which reuses the parse (watch mode) reports
them again. Numbers, citation texts and cross-reference texts are left to :mod:`kazthesis.resolve`, which
sees every file.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from kazthesis.i18n import _
from kazthesis.model import Heading, Part
from kazthesis.problems import Problem, Problems
from kazthesis.read.blocks import BlockReader
from kazthesis.read.footnotes import check_footnotes, split_footnotes
from kazthesis.read.inlines import InlineReader
from kazthesis.read.markdown import MAX_DEPTH, make_parser
from kazthesis.read.pandoc import prepare
from kazthesis.read.textfile import read_text


@dataclass
class ParsedFile:
    """A content file read and parsed: parts in order, its lines, its own problems."""

    path: Path
    rel: str
    parts: list[Part] = field(default_factory=list)
    lines: list[str] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)


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
        problems.warning(path, line, _("a fenced div (:::) is not used: its fences were left out, its text is printed"),
                         _("delete the ::: lines"))
    for line, message, hint in prepared.unread:
        problems.warning(path, line, message, hint)
    for line, image, address in prepared.spaced:
        problems.warning(path, line, (_("the image path '{address}' has a space, which most Markdown readers take "
                                        "for its end (this tool reads it, as Pandoc does)") if image else
                                      _("the link address '{address}' has a space, which most Markdown readers take "
                                        "for its end (this tool reads it, as Pandoc does)")).format(address=address),
                         _("write it in angle brackets, {image}[…](<{address}>), or each space as %20").format(
                           image=image, address=address))
    tokens = make_parser().parse(prepared.text, env)
    body, notes = split_footnotes(tokens)
    reader = BlockReader(InlineReader(path, root, rel, language, problems, notes), prepared.line_blocks,
                         prepared.lettered)
    check_footnotes(env, path, problems)
    if deep := env.get("too_deep"):
        line, depth = deep
        problems.error(path, line, _("text nested {depth} levels deep (lists or quotes inside each other) would not "
                                     "fit the page").format(depth=depth),
                       _("nest lists and quotes at most {depth} levels deep").format(depth=MAX_DEPTH))
    blocks, _end = reader.blocks(body)
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
