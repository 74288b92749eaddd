"""Lists → the printed mark of each item, decided once for the PDF and the Word file.

GOST 7.32-2017 («перечисления»): each item of an enumeration is marked
with a dash, or — where the text refers to an item — with a lower-case letter
of the document's alphabet and a parenthesis («а)», leaving out the letters
that look like digits or start no word: the same letters the appendices
leave out, :attr:`DocumentTable.appendix_letters`); a further level of
detail is numbered with Arabic numerals and a parenthesis («1)»). Here:

* a list written with letters (``a)``, ``а)``, ``A.``: Pandoc's lettered
  lists, read by :mod:`kazthesis.read.pandoc`) prints the document's letters
  with a parenthesis, whatever letters or case were typed;
* a numbered list prints its numbers with a parenthesis («1)») when its
  items continue the sentence that leads into it (the paragraph before ends
  with a colon, and so the items start in lower case and end in «;»), and as
  written («1.» or «1)») otherwise: items that are sentences of their own;
* a list written with dashes or bullets prints the mark the profile gives
  its level (the ``list_marks`` setting: one mark a level, the last for any
  deeper one). GOST's is ``"–, 1)"``: a dash, and nested lists numbered.

Kazakh lists: Kazakh faculties' guidelines follow GOST 7.32 (adopted in
Kazakhstan as an interstate standard), and Kazakh normative acts number the
sub-items of a point ``1)``, ``2)`` — so a Kazakh document gets the same
marks, its letters those its appendices use.
"""

from __future__ import annotations

from kazthesis.lang import registry
from kazthesis.model import Block, ListBlock, Paragraph, Quote, plain_text

DEFAULT_MARKS = "–, 1)"


def level_marks(setting: str) -> list[str]:
    """The marks of ``list_marks`` ("–, 1)"), one a level."""
    return [mark.strip() for mark in setting.split(",") if mark.strip()]


def mark_lists(blocks: list[Block], language: str, setting: str = DEFAULT_MARKS, depth: int = 0) -> None:
    """Give every list among ``blocks`` (and the lists inside them) its items' printed marks."""
    letters = registry.document(language).appendix_letters.lower()
    marks = level_marks(setting) or level_marks(DEFAULT_MARKS)
    previous: Block | None = None
    for block in blocks:
        if isinstance(block, ListBlock):
            block.marks = _marks(block, letters, marks[min(depth, len(marks) - 1)], _leads_in(previous), depth)
            for item in block.items:
                mark_lists(item, language, setting, depth + 1)
        elif isinstance(block, Quote):
            mark_lists(block.children, language, setting, depth)
        previous = block


def _leads_in(block: Block | None) -> bool:
    """Whether a paragraph leads into the list that follows it: its sentence goes on in the items."""
    return isinstance(block, Paragraph) and plain_text(block.children).rstrip().endswith(":")


def _marks(block: ListBlock, letters: str, level: str, continues: bool, depth: int) -> list[str]:
    count = len(block.items)
    if block.lettered:
        return [f"{_letter(letters, block.start + n - 1)})" for n in range(count)]
    if block.ordered:
        delimiter = ")" if continues or depth > 0 else block.delimiter
        return [f"{block.start + n}{delimiter}" for n in range(count)]
    if level[:1].isdigit():  # "1)" or "1.": the level is numbered
        return [f"{n + 1}{level[1:]}" for n in range(count)]
    if level[:1].isalpha():  # "а)": lettered
        return [f"{_letter(letters, n)}{level[1:]}" for n in range(count)]
    return [level] * count


def _letter(letters: str, index: int) -> str:
    """The index-th letter (0-based); past the alphabet's end, doubled (аа, бб…) as Word does."""
    return letters[index % len(letters)] * (index // len(letters) + 1)
