"""Citations → their printed texts (docs/formatting.md §3): ``[1, 25 б.]``, ``[3; 7–9]``, ``Әбенов [1]``."""

from __future__ import annotations

import re
from collections.abc import Callable
from functools import cache

from kazthesis.bibliography import Entry, citation_name
from kazthesis.lang import registry, wording
from kazthesis.lang.typography import RANGE_DASH
from kazthesis.model import Citation, CiteItem

NBSP = "\u00a0"


@cache
def _pages(words: tuple[str, ...]) -> re.Pattern[str]:
    """"25", "25-31", with a page word before them ("p. 25", "pp. 25–31", "с. 25", "бет 25") or after, with its
    period ("25 б."); the words are those of every document language (:attr:`DocumentTable.page_words`)."""
    word = "|".join(sorted(map(re.escape, words), key=len, reverse=True))
    return re.compile(rf"^(?:(?:{word})\.?\s*)?(\d+)(?:\s*[-–—]+\s*(\d+))?(?:\s*(?:{word})\.)?$", re.IGNORECASE)


def format_locator(locator: str, language: str) -> str:
    """``25`` → ``25 б.``; ``25-31`` → ``25–31 б.``; anything else as written."""
    words = tuple(word for code in registry.DOCUMENT_LANGUAGES for word in registry.document(code).page_words)
    match = _pages(words).match(locator.strip())
    if not match:
        return locator.strip()
    pages = match.group(1) if match.group(2) is None else f"{match.group(1)}{RANGE_DASH}{match.group(2)}"
    # A no-break space keeps "25 б." / "с. 25" together (docs/formatting.md §5).
    return wording.page_locator(language, pages).replace(" ", NBSP)


def _item_text(number: int, item: CiteItem, language: str) -> str:
    text = str(number)
    if item.prefix:
        text = f"{item.prefix} {text}"
    if item.locator:
        text += ", " + format_locator(item.locator, language)
    return text


def format_citation(items: list[CiteItem], number_of: Callable[[str], int], language: str) -> str:
    """The bracketed citation for ``items``, numbered by ``number_of(key)``: ascending, as GOST lists
    them, with three or more consecutive plain numbers as a range (``[18–22]``, ``[3; 7–9]``)."""
    ordered = sorted(((number_of(item.key), item) for item in items), key=lambda pair: pair[0])
    parts: list[str] = []
    run: list[int] = []  # consecutive numbers without locator or prefix

    def close_run() -> None:
        if len(run) >= 3:
            parts.append(f"{run[0]}{RANGE_DASH}{run[-1]}")
        else:
            parts.extend(str(n) for n in run)
        run.clear()

    for number, item in ordered:
        if item.locator or item.prefix:
            close_run()
            parts.append(_item_text(number, item, language))
        elif run and number == run[-1]:
            continue  # the same source twice in one bracket
        elif run and number == run[-1] + 1:
            run.append(number)
        else:
            close_run()
            run.append(number)
    close_run()
    return "[" + "; ".join(parts) + "]"


def write_citation_texts(citations: list[Citation], numbers: dict[str, int], entries: dict[str, Entry],
                         language: str) -> None:
    """Each citation's numbers and printed text, once the reference list is numbered (``numbers``: key → number);
    an author-in-text citation is preceded by the name (``Әбенов [1]``)."""
    for citation in citations:
        items = [item for item in citation.items if item.key in numbers]
        if not items:
            citation.text = "[?]"  # only after an error, which stops the build
            continue
        citation.numbers = sorted({numbers[item.key] for item in items})
        text = format_citation(items, numbers.__getitem__, language)
        if citation.author_in_text:
            text = f"{citation_name(entries[items[0].key])}{NBSP}{text}"
        citation.text = text
