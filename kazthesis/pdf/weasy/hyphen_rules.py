"""The hyphenation rules only the laid-out lines can check, and their fix.

docs/formatting.md §5: at most three hyphenated lines in a row, and no hyphenated
word on the last line of a page. WeasyPrint has ``hyphenate-limit-chars``
but no ``hyphenate-limit-lines`` (nor a rule for page ends), so the layout
stage reads the lines (:func:`faults`) and withdraws the soft hyphens of
each offending word — that one occurrence, in its paragraph (paragraphs
carry ``data-p``) — both in the HTML (:func:`withdraw`) and in the laid-out
piece's box tree (:func:`withdraw_in_boxes`), which is then laid out again
from the word's page on (:mod:`kazthesis.pdf.weasy.relayout`). A withdrawn soft hyphen
becomes a word joiner: no break, and every text offset stays where it was.
The word moves whole to the next line; the rules are checked again.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

from kazthesis.pdf.weasy.boxes import line_text, page_lines, paragraph_of_line, paragraph_texts
from kazthesis.pdf.weasy.markup import paragraph_texts as html_paragraph_texts

HYPHEN = "\u2010"  # what WeasyPrint draws at a soft-hyphen break
SOFT_HYPHEN = "\u00ad"
WORD_JOINER = "\u2060"
MAX_RUN = 3
SKIPPED_RE = re.compile(r"[\s\u00ad\u2060\u200b]")  # not counted when lines are matched to their paragraph
WORD_CHAR_RE = re.compile(r"[\w\-]")  # what a word is made of, for the rules (a hyphenated compound is one)


@dataclass(frozen=True)
class Fault:
    """A hyphenated word the rules do not allow, and where it is."""

    paragraph: str  # the paragraph's data-p
    word: str  # as written, without soft hyphens
    occurrence: int  # which occurrence of the word in the paragraph's text (1-based)
    page: int  # the page (0-based) whose line breaks it
    line: int = 0  # which line of that page (0-based)


def paragraph_start(pages: list, page: int) -> int:
    """The first page holding a line of a paragraph that has lines on ``page`` (going back through pages
    that end inside one): a page's faults depend on no line before it."""
    while page > 0:
        here = {paragraph_of_line(line) for line in page_lines(pages[page])} - {None}
        before = page_lines(pages[page - 1])
        if not before or paragraph_of_line(before[-1]) not in here:
            return page
        page -= 1
    return page


def ends_hyphenated(line) -> bool:  # noqa: ANN001 - a WeasyPrint line box
    """Whether the line ends in a word broken at a soft hyphen."""
    return line_text(line).rstrip().endswith(HYPHEN)


def _plain(text: str) -> str:
    return text.replace(SOFT_HYPHEN, "").replace(WORD_JOINER, "")


def _word_pattern(word: str) -> re.Pattern[str]:
    """The word with a soft hyphen or word joiner allowed between any two of its letters."""
    between = f"[{SOFT_HYPHEN}{WORD_JOINER}]?"
    return re.compile(r"(?<![\w\u00ad\u2060])" + between.join(re.escape(c) for c in word) + r"(?![\w\u00ad\u2060])")


def _count(word: str, text: str) -> int:
    return len(re.findall(r"(?<!\w)" + re.escape(word) + r"(?!\w)", text))


def faults(pages: list, paragraph_text: Callable[[str], str], first: int = 0) -> set[Fault]:
    """The hyphenated words that break the rules: on a page's last line, or a fourth hyphenated line in a row.

    ``pages`` are WeasyPrint page boxes, numbered from ``first``; ``paragraph_text`` gives a paragraph's whole
    text (its data-p → the text of its boxes before layout), where a word broken at a page's end is read
    whole — so a page's faults need no layout of the next page.
    """
    lines = [(first + index, line) for index, page in enumerate(pages) for line in page_lines(page)]
    texts = [line_text(line) for _, line in lines]
    paragraphs = [paragraph_of_line(line) for _, line in lines]
    first_of_page: dict[int, int] = {}
    for n, (page, _) in enumerate(lines):
        first_of_page.setdefault(page, n)
    last_of_page = {max(n for n, (page, _) in enumerate(lines) if page == index)
                    for index in range(first, first + len(pages)) if any(page == index for page, _ in lines)}
    found: set[Fault] = set()
    run = 0
    for n, (page, _) in enumerate(lines):
        hyphenated = texts[n].rstrip().endswith(HYPHEN)
        run = run + 1 if hyphenated and (n == 0 or paragraphs[n] == paragraphs[n - 1]) else int(hyphenated)
        if not hyphenated or not (n in last_of_page or run > MAX_RUN) or paragraphs[n] is None:
            continue
        run = 0  # the withdrawn word ends the run
        # How much of the paragraph's text the lines hold up to the break, spaces aside.
        before = [_unbroken(texts[k]) for k in range(n + 1) if paragraphs[k] == paragraphs[n]]
        located = _word_at(paragraph_text(paragraphs[n]), len(_squashed("".join(before))))
        if located is not None:
            word, occurrence = located
            found.add(Fault(paragraphs[n], word, occurrence, page, n - first_of_page[page]))
    return found


def _unbroken(line: str) -> str:
    """A line's text without the hyphen drawn at its break."""
    line = line.rstrip()
    return line[: -len(HYPHEN)] if line.endswith(HYPHEN) else line


def _squashed(text: str) -> str:
    return SKIPPED_RE.sub("", text)


def _word_at(text: str, count: int) -> tuple[str, int] | None:
    """The word of ``text`` that holds its ``count``-th character (spaces and invisible marks not counted),
    and which occurrence of that word in ``text`` it is (1-based)."""
    plain = _plain(text)
    seen = 0
    for offset, char in enumerate(plain):
        if not SKIPPED_RE.match(char):
            seen += 1
            if seen == count:
                if not WORD_CHAR_RE.match(char):
                    return None  # the lines and the text do not agree here: leave the line be
                start, end = offset, offset + 1  # out to the word's ends, a character at a time (linear)
                while start > 0 and WORD_CHAR_RE.match(plain[start - 1]):
                    start -= 1
                while end < len(plain) and WORD_CHAR_RE.match(plain[end]):
                    end += 1
                word = plain[start:end]
                return (word, _count(word, plain[:start]) + 1) if word.strip("-") else None
    return None


def _replace_occurrence(text: str, word: str, occurrence: int) -> tuple[str, int]:
    """``text`` with the soft hyphens of the word's n-th occurrence turned into word joiners; and how many
    occurrences ``text`` held (to count on in the next piece of text)."""
    matches = list(_word_pattern(word).finditer(text))
    if occurrence <= len(matches):
        match = matches[occurrence - 1]
        text = text[: match.start()] + match.group().replace(SOFT_HYPHEN, WORD_JOINER) + text[match.end() :]
    return text, len(matches)


def withdraw(html: str, found: set[Fault]) -> str:
    """The HTML with each faulty occurrence's soft hyphens withdrawn, in its paragraph's text only (its
    footnotes' texts are not the paragraph's: they are not counted, as :func:`withdraw_in_boxes` does not
    see them). A withdrawn soft hyphen becomes a word joiner, one character for one: every text stays where
    it was in the string, so the places are read once for all the faults."""
    if not found:
        return html
    texts = html_paragraph_texts(html)
    changed = list(html)
    for fault in found:
        remaining = fault.occurrence
        for gap in texts.get(fault.paragraph, []):
            text, count = _replace_occurrence("".join(changed[gap.start : gap.end]), fault.word, remaining)
            changed[gap.start : gap.end] = text
            if remaining <= count:
                break
            remaining -= count
    return "".join(changed)


def withdraw_in_boxes(root_box: object, found: set[Fault]) -> list[tuple[object, str]]:
    """The same change in a box tree before layout (so that only the pages after it are laid out again);
    returns each changed box with its text before, to undo it."""
    changed: list[tuple[object, str]] = []
    for fault in found:
        remaining = fault.occurrence
        for box in paragraph_texts(root_box, fault.paragraph):
            old = box.text  # type: ignore[attr-defined]
            box.text, count = _replace_occurrence(old, fault.word, remaining)  # type: ignore[attr-defined]
            if box.text != old:  # type: ignore[attr-defined]
                changed.append((box, old))
            if remaining <= count:
                break
            remaining -= count
    return changed
