"""What an author-in-text citation prints before its number (docs/formatting.md §3): ``Әбенов [1]``.

The first author's surname (with its particle: ``van Gogh``), an organisation's
whole name, or, for a work without an author, its title: Zotero's
``shorttitle`` where there is one, else the title cut after a few words.
"""

from __future__ import annotations

from kazthesis.bibliography.emphasis import strip_emphasis
from kazthesis.bibliography.model import Entry

LONG_TITLE = 8  # words: a title longer than this is cut …
KEPT_WORDS = 6  # … to this many, and "…"


def citation_name(entry: Entry) -> str:
    """The name that stands before the number in running text: ``Әбенов``, ``OECD``, ``Ғасырлар тоғысында``."""
    if entry.authors:
        first = entry.authors[0]
        if first.corporate:
            return first.last
        return " ".join(p for p in (first.prefix, first.last) if p) or first.responsibility()
    title = strip_emphasis(entry.get("shorttitle") or entry.title).strip()
    words = title.split()
    if len(words) > LONG_TITLE:
        # Cut at a word, without the comma or colon that stood after it.
        return " ".join(words[:KEPT_WORDS]).rstrip(",;:.–—- ") + "…"
    return title or entry.key
