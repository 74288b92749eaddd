"""A URL → where a line may break inside it, marked for the renderer; and where URLs stand in a text.

A URL or e-mail address is never changed by the typography rules (:func:`url_spans` finds them);
a line may break after ``/ . - ? & = _``, never inside ``scheme://`` (:func:`url_break_points`), and
:func:`url_with_breaks` marks those places with U+200B ZERO WIDTH SPACE for the renderer.
"""

from __future__ import annotations

import re

WORD_JOINER = "\u2060"  # no line break on either side; invisible, not in the PDF's text layer
ZERO_WIDTH_SPACE = "\u200b"  # a line-break opportunity; invisible, not in the PDF's text layer

_TOKEN = re.compile(r"\S+")  # a URL or address is a whitespace-free token holding :// or @, or starting with www.
_PEEL_START = "\"'«»„“”‘’([<"
_PEEL_END = "\"'«»„“”‘’.,;:!?>]"


def url_spans(text: str) -> list[tuple[int, int]]:
    """(start, end) of every URL and e-mail address in text, without quotes or punctuation around them.

    A URL or address is a whitespace-free token holding ``://`` or ``@``, or
    starting with ``www.`` after any opening quotes and brackets; those are
    peeled off its start, closing ones and final punctuation off its end (a
    closing parenthesis only while the URL holds more of them than opening
    ones: ``(https://a.kz/x_(1)),`` gives ``https://a.kz/x_(1)``).
    """
    spans = []
    for match in _TOKEN.finditer(text):
        start, end = match.span()
        while start < end and text[start] in _PEEL_START:
            start += 1
        token = text[start:end]
        if "://" not in token and "@" not in token and not token.startswith("www."):
            continue
        unmatched = token.count(")") - token.count("(")
        while end > start and (text[end - 1] in _PEEL_END or text[end - 1] == ")" and unmatched > 0):
            unmatched -= text[end - 1] == ")"
            end -= 1
        if start < end:
            spans.append((start, end))
    return spans


_URL_BREAK_AFTER = frozenset("/.-?&=_")
_SCHEME = re.compile(r"(?<![A-Za-z0-9+.\-])[A-Za-z][A-Za-z0-9+.\-]*://")  # from a run's start: linear


def url_break_points(url: str) -> list[int]:
    """Offsets p into url where a line may break, url[:p] staying on the line (docs/formatting.md §5).

    A break goes after ``/``, ``.``, ``-``, ``?``, ``&``, ``=`` or ``_``; after
    a run of them (``//``, ``/?``) only after the last, so a line never
    starts with one of them; never inside the scheme (``https://``: not after
    ``https:/``, nor after a dot or hyphen of the scheme name), nor right
    after it: ``https://`` stays with the host, never alone at a line end;
    never at the very end.
    """
    scheme = _SCHEME.match(url)
    first = scheme.end() + 1 if scheme else 1
    return [p for p in range(first, len(url))
            if url[p - 1] in _URL_BREAK_AFTER and url[p] not in _URL_BREAK_AFTER]


def url_with_breaks(url: str, mark: str = ZERO_WIDTH_SPACE) -> str:
    """url with mark (by default U+200B ZERO WIDTH SPACE) at each of its url_break_points, and a word
    joiner after every other mark a line breaker might break at (Pango breaks after ``https://``)."""
    allowed = set(url_break_points(url))
    pieces = []
    for position, char in enumerate(url):
        if position in allowed:
            pieces.append(mark)
        elif position and (url[position - 1] in _URL_BREAK_AFTER or url[position - 1] == ":"):
            pieces.append(WORD_JOINER)
        pieces.append(char)
    return "".join(pieces)
