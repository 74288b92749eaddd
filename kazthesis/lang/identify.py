"""A short text (a source's title) → the language it is written in, by the markers of the registry's entries.

Each entry names what only it writes among the languages the tool knows (:class:`~kazthesis.lang.language.Language`):
letters (Kazakh Ә, Uzbek Ў), letter pairs (Uzbek's Latin oʻ), whole words (Russian ``и``, Kazakh ``мен``,
Uzbek ``ва``, English ``the``) and word endings (Russian ``-ого``, Uzbek ``-нинг``). The language whose markers
the text holds most of, each counted once, is the text's; the registry's order breaks a tie (Kazakh before Uzbek:
both write Қ and Ғ). A text with no marker at all is undecided (None): a one-word Cyrillic title such as «Тарих»
could be Kazakh, Russian or Uzbek. docs/formatting.md §4 states the rule; tests/data/source_titles.tsv measures it.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from kazthesis.lang.registry import CYRILLIC, LANGUAGES

# Uzbek's oʻ and gʻ as typed: with ʻ, ‘, ’, ' or `. A capital after the mark is an Irish name (O'Brien), not Uzbek.
_UZBEK_MARK = re.compile(r"([OoGg])[ʻ‘’'`](?=[a-z])")
_WORD = re.compile(r"[^\W\d_]+(?:[ʻ’'][^\W\d_]+)*")  # ta’lim, Kazakhstan's: one word each


def normalised(text: str) -> str:
    """Lower case, with Uzbek's oʻ and gʻ in one spelling."""
    return _UZBEK_MARK.sub(lambda m: m.group(1) + "ʻ", text).lower()


def markers(text: str, code: str) -> int:
    """How many of the language ``code``'s markers ``text`` holds, each counted once."""
    entry = LANGUAGES[code]
    text = normalised(text)
    words = set(_WORD.findall(text))
    held = len(entry.letters & set(text)) + sum(pair in text for pair in entry.pairs)
    held += len(entry.words & words)
    held += sum(any(word.endswith(ending) and len(word) > len(ending) + 1 for word in words)
                for ending in entry.endings)
    return held


def identify(text: str, codes: Iterable[str] | None = None) -> str | None:
    """The language of ``text`` among ``codes`` (all the registry's by default) by its markers; None when it holds
    none of any language's."""
    best, most = None, 0
    for code in (codes if codes is not None else LANGUAGES):
        held = markers(text, code)
        if held > most:
            best, most = code, held
    return best


def script(text: str) -> str | None:
    """``Cyrl`` when the text has a Cyrillic letter, else ``Latn`` when it has a Latin one, else None."""
    if CYRILLIC.search(text):
        return "Cyrl"
    if any("a" <= c.lower() <= "z" for c in text):
        return "Latn"
    return None


def detect(text: str, codes: Iterable[str] | None = None) -> str | None:
    """:func:`identify`, else the language among ``codes`` that stands for the text's script (Cyrillic → ru,
    Latin → en); None for a text without letters of either."""
    codes = list(codes if codes is not None else LANGUAGES)
    found = identify(text, codes)
    if found is not None:
        return found
    written = script(text)
    if written is None:
        return None
    return next((code for code in codes if LANGUAGES[code].stands_for_script and LANGUAGES[code].script == written),
                None)
