"""A chapter's text → the same text with Pandoc's forms that markdown-it does not read turned into ones it does.

Every line stays where it was (problems are reported at their lines): ``$$ {#eq:x}`` becomes ``$$ (eq:x)``,
a line block (``| line``) lines ending in a hard break, the fences of a fenced div (``::: note``) and a
YAML block inside the text blank lines, an image or link address with a space in it ``<…>`` (Pandoc reads
``![](images/a b.png)``, CommonMark does not; noted for a warning). Blocks printed as text (simple and grid
tables, lists numbered with letters) are noted for a warning. Code is left alone.
"""

from __future__ import annotations

import re
from collections import deque
from dataclasses import dataclass, field

from kazthesis.i18n import _

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
# An image or link whose address has a space and no title after it: ![alt](images/a b.png), [site](a b.html).
SPACED_ADDRESS_RE = re.compile(r"(!?)\[([^\[\]\n]*)\]\(\s*([^\s()<>\"']+(?:[ \t]+[^\s()<>\"']+)+)\s*\)")
BACKTICKS_RE = re.compile(r"`+")
FANCY_ITEM_RE = re.compile(r"^\s*(?:#\.|[a-z]\.|[ivxlcdm]+\.|(?:[a-zA-Zа-яА-ЯёЁәіңғүұқөһӘІҢҒҮҰҚӨҺ]|[ivxlcdm]+"
                           r"|[IVXLCDM]+)\)|(?:[A-Z]|[IVXLCDM]+)\.\s)\s+\S")


# A lettered list's item: one letter (Latin, or Cyrillic as Kazakh and Russian writers use it) and ")" or
# "." — a capital with a period needs two spaces after it, as in Pandoc, so that an initial starts prose.
_LETTER = "a-zA-Zа-яА-ЯёЁәіңғүұқөһӘІҢҒҮҰҚӨҺ"
LETTER_ITEM_RE = re.compile(rf"^(\s{{0,3}})(\(?[{_LETTER}])(\)|\.)\s+\S")


def _letter_item(line: str) -> re.Match[str] | None:
    """The match of a lettered item's marker at the line's start (a capital and a period only before two
    spaces, as in Pandoc, so that a line starting with an initial — «А. Байтұрсынұлы» — is prose)."""
    match = LETTER_ITEM_RE.match(line)
    if match and match.group(3) == "." and match.group(2)[-1].isupper() and not line[match.end(3):].startswith("  "):
        return None
    return match


def _item_before(lines: list[str], index: int) -> bool:
    """Whether the line before is an item line of a list (the paragraph it continues would swallow this one)."""
    return index > 0 and bool(re.match(r"^\s{0,3}(?:[-*+]|\d+[.)])\s", lines[index - 1]))


def _lettered_items(lines: list[str], index: int, code: set[int]) -> list[int]:
    """The item lines of a lettered list starting at ``index`` (at least two items whose letters follow one
    another from a, а or A); empty when the line starts none."""
    first = _letter_item(lines[index])
    if first is None or index in code:
        return []
    indent, mark = first.group(1), first.group(2).lstrip("(")
    if mark.lower() not in "aа" or mark == "I":
        return []
    items, k = [index], index + 1
    while k < len(lines) and k not in code:
        line = lines[k]
        match = _letter_item(line)
        if match and match.group(1) == indent and match.group(3) == first.group(3):
            items.append(k)
        elif line.strip() and len(line) - len(line.lstrip()) <= len(indent) and not (
                k > 0 and lines[k - 1].strip()):  # after a blank line, unindented text ends the list
            break
        k += 1
    return items if len(items) >= 2 else []


@dataclass
class Prepared:
    """A chapter's text made ready for the parser, line for line, and the Pandoc forms that were met."""

    text: str
    div_fences: list[int]  # lines of opening ::: fences (all fences are taken out, their content stays)
    unread: list[tuple[int, str, str]]  # (line, message, hint): Pandoc blocks this tool does not read
    line_blocks: set[int] = field(default_factory=set)  # first lines of line blocks (| line)
    spaced: list[tuple[int, str, str]] = field(default_factory=list)  # (line, "!" or "", address with a space)
    lettered: set[int] = field(default_factory=set)  # lines of the items of lists marked a), а), A. …




def prepare(text: str) -> Prepared:
    """Pandoc forms markdown-it does not read, turned into ones it does, keeping every line where it was:
    ``$$ {#eq:x}`` → ``$$ (eq:x)``; a line block (``| line``) → lines ending in a hard break; the fences
    of a fenced div (``::: note``) → blank lines; a YAML block inside the text → blank lines. Blocks
    printed as text (simple and grid tables, lists numbered with letters) are noted. Code is left alone."""
    lines = text.split("\n")
    code = _code_lines(lines)
    fences: list[int] = []
    unread: list[tuple[int, str, str]] = []
    lettered: set[int] = set()
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
            unread.append((index + 1, _("a YAML metadata block is not used and was left out"),
                           _("put the title-page details in thesis.toml")))
            lines[index : end + 1] = [""] * (end + 1 - index)
            index = end
        elif GRID_RULE_RE.match(line) and starts_block:
            unread.append((index + 1, _("a grid table (+---+) is not read: its text is printed as running text"),
                           _("write it as a pipe table: | a | b |")))
        elif SIMPLE_TABLE_RULE_RE.match(line) and not starts_block:
            unread.append((index + 1, _("a simple table (columns lined up with spaces) is not read: its text is "
                                        "printed as running text"),
                           _("write it as a pipe table: | a | b |, a line |---|---|, then the rows")))
        elif (starts_block or not _item_before(lines, index)) and (items := _lettered_items(lines, index, code)):
            for number, item in enumerate(items, 1):  # markdown-it reads numbers: a) b) → 1) 2), marked lettered
                match = LETTER_ITEM_RE.match(lines[item])
                lines[item] = f"{match.group(1)}{number}{match.group(3)}{lines[item][match.end(3):]}"  # type: ignore[union-attr]
                lettered.add(item + 1)
            index = items[-1]
        elif (FANCY_ITEM_RE.match(line) and index + 1 < len(lines) and FANCY_ITEM_RE.match(lines[index + 1])
              and not (index > 0 and FANCY_ITEM_RE.match(lines[index - 1]))):
            unread.append((index + 1, _("a list numbered {marker} (Roman numerals or #.) is not read: its text is "
                                        "printed as running text").format(marker=line.split()[0]),
                           _("number it 1. 2. 3. (or 1) 2) 3)), letter it a) b) c), or write - before each item")))
        index += 1
    spaced = []
    for index, line in enumerate(lines):  # an address with a space, as Pandoc reads it: in <…>
        if index not in code and "](" in line:
            lines[index] = _bracket_spaced(line, index + 1, spaced)
    beside = _TablesBeside(lines)
    for index, line in enumerate(lines):  # ": Caption" next to a table is its caption, not a definition
        if index not in code and line.startswith(": ") and (beside.after(index) or beside.before(index)):
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
    return Prepared("\n".join(lines), fences, unread, line_blocks, spaced, lettered)



def _code_spans(line: str) -> list[tuple[int, int]]:
    """Where the line's inline code is: a run of backticks to the next run of as many (CommonMark's rule),
    found in one pass (a pattern with a backreference took time quadratic in a line of backticks)."""
    runs = [m.span() for m in BACKTICKS_RE.finditer(line)]
    later: dict[int, deque[int]] = {}
    for index, (start, end) in enumerate(runs):
        later.setdefault(end - start, deque()).append(index)
    spans, index = [], 0
    while index < len(runs):
        start, end = runs[index]
        same = later[end - start]
        while same and same[0] <= index:
            same.popleft()
        if same:  # closed by the next run as long; a run with none is literal backticks
            index = same.popleft()
            spans.append((start, runs[index][1]))
        index += 1
    return spans


def _bracket_spaced(line: str, number: int, spaced: list[tuple[int, str, str]]) -> str:
    """``![alt](images/a b.png)`` → ``![alt](<images/a b.png>)``, outside inline code; each one noted."""
    code = _code_spans(line)

    def bracket(match: re.Match[str]) -> str:
        if any(start <= match.start() < end for start, end in code):
            return match.group()
        spaced.append((number, match.group(1), match.group(3)))
        return f"{match.group(1)}[{match.group(2)}](<{match.group(3)}>)"

    return SPACED_ADDRESS_RE.sub(bracket, line)


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


class _TablesBeside:
    """Whether the nearest block after or before a line is a pipe table (with a rule line: a line block has
    none; a definition's term is not one). A block here is a run of lines that are not blank, cut at the line
    asked about; what each line's run holds from it on (and up to it) is counted once, so that a run of
    thousands of ``Term`` / ``: definition`` lines is read once, not once for each of its lines."""

    def __init__(self, lines: list[str]) -> None:
        count = len(lines)
        blank = [not line.strip() for line in lines]
        pipe = ["|" in line for line in lines]
        rule = [bool(TABLE_RULE_RE.match(line.strip())) for line in lines]
        # From each line to the end of its run, and from its run's start to it: a pipe, a rule line.
        self.pipe_on, self.rule_on = [False] * (count + 1), [False] * (count + 1)
        for i in range(count - 1, -1, -1):
            if not blank[i]:
                self.pipe_on[i] = pipe[i] or self.pipe_on[i + 1]
                self.rule_on[i] = rule[i] or self.rule_on[i + 1]
        self.pipe_up, self.rule_up = [False] * count, [False] * count
        for i in range(count):
            if not blank[i]:
                self.pipe_up[i] = pipe[i] or (i > 0 and self.pipe_up[i - 1])
                self.rule_up[i] = rule[i] or (i > 0 and self.rule_up[i - 1])
        # The nearest line that is not blank, after and before each line.
        self.next_text, self.previous_text = [count] * (count + 1), [-1] * count
        for i in range(count - 1, -1, -1):
            self.next_text[i] = i if not blank[i] else self.next_text[i + 1]
        for i in range(count):
            self.previous_text[i] = i if not blank[i] else (self.previous_text[i - 1] if i else -1)

    def after(self, index: int) -> bool:
        start = self.next_text[index + 1] if index + 1 < len(self.next_text) else len(self.pipe_up)
        return start < len(self.pipe_up) and self.pipe_on[start] and self.rule_on[start]

    def before(self, index: int) -> bool:
        end = self.previous_text[index - 1] if index > 0 else -1
        return end >= 0 and self.pipe_up[end] and self.rule_up[end]
