"""In-text citations as FORMATTING.md §3 prints them: ``[1, 25 б.]``, ``[1; 2]``."""

from __future__ import annotations

import re
from collections.abc import Callable

from kazthesis import locale
from kazthesis.markdown import CiteItem

PAGES_RE = re.compile(r"^(\d+)(?:\s*[-–—]+\s*(\d+))?$")


def format_locator(locator: str, language: str) -> str:
    """``25`` → ``25 б.``; ``25-31`` → ``25–31 б.``; anything else as written."""
    match = PAGES_RE.match(locator.strip())
    if not match:
        return locator.strip()
    pages = match.group(1) if match.group(2) is None else f"{match.group(1)}–{match.group(2)}"
    # A no-break space keeps "25 б." / "с. 25" together (FORMATTING.md §5).
    return locale.page_locator(language, pages).replace(" ", "\u00a0")


def format_citation(items: list[CiteItem], number_of: Callable[[str], int], language: str) -> str:
    """The bracketed citation for ``items``, numbered by ``number_of(key)``."""
    parts = []
    for item in sorted(items, key=lambda item: number_of(item.key)):  # [2; 9; 16], as GOST lists them
        text = str(number_of(item.key))
        if item.locator:
            text += ", " + format_locator(item.locator, language)
        parts.append(text)
    return "[" + "; ".join(parts) + "]"
