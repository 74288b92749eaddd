"""Typography applied to every text run without the writer doing anything (FORMATTING.md §5).

No-break spaces after initials and between a number and its unit, «» quotes
(„“ inside), spaced en dashes between words, unspaced en dashes in number
ranges, and the debris Word leaves in pasted text removed. The caller passes
only prose: never code, and URLs or e-mail addresses inside the text are left
as they are.
"""

from __future__ import annotations

import re

NBSP = "\u00a0"
CAPITAL = "А-ЯЁӘҒҚҢӨҰҮҺІA-Z"
LOWER = "а-яёәғқңөұүһіa-z"

DEBRIS_RE = re.compile(r"¬\s*")
INVISIBLE_RE = re.compile("[\u00ad\u200b\u200c\u200d\u2060\ufeff]")
SPACES_RE = re.compile(r"[ \t]{2,}|\t")
# Tokens never touched: URLs, e-mail addresses, paths.
PROTECTED_RE = re.compile(r"\S*(?:://|www\.|@)\S*")

# "Н. Ә. Назарбаев", "Қ.-Ж. Тоқаев", "Назарбаев Н.Ә.", "J. Smith".
INITIAL = rf"(?<![\w])[{CAPITAL}]\.(?:-[{CAPITAL}]\.)?"
INITIAL_SPACE_RE = re.compile(rf"({INITIAL})[ {NBSP}]?(?=[{CAPITAL}])")
SURNAME_INITIAL_RE = re.compile(rf"(?<![\w])([{CAPITAL}][{LOWER}]+(?:-[{CAPITAL}][{LOWER}]+)?) (?={INITIAL})")

# A number and the unit, abbreviation or counted word after it.
UNITS = {
    "kk": r"ж\.|жж\.|б\.|т\.|млн|млрд|мың|трлн|км|кг|м|га|тг|теңге|доллар|%",
    "ru": r"г\.|гг\.|с\.|т\.|в\.|вв\.|млн|млрд|тыс\.|трлн|руб\.|км|кг|м|га|тг|%",
    "en": r"p\.|pp\.|km|kg|m|bn|mn|%",
}
SIGN_RE = re.compile(r"([№§])[ ]?(?=\d)")

DASH_BETWEEN_WORDS_RE = re.compile(rf"(?<=\S)[ {NBSP}]+(?:--|-|–|—)[ {NBSP}]+(?=\S)")
RANGE_RE = re.compile(r"(?<![\d.,/:\-–])(\d{1,4})[ ]?[-–—][ ]?(\d{1,4})(?![\d/:]|[.,\-–]\d)")

QUOTES = {"kk": ("«", "»", "„", "“"), "ru": ("«", "»", "„", "“"), "en": ("“", "”", "‘", "’")}


def clean_debris(text: str) -> str:
    """Remove Word's pasted debris: ``¬`` hyphens, invisible characters, runs of spaces and tabs."""
    text = DEBRIS_RE.sub("", text)
    text = INVISIBLE_RE.sub("", text)
    return SPACES_RE.sub(" ", text)


def _quotes(text: str, language: str) -> str:
    """Double quotes → the language's, opening or closing by what precedes, nested by depth."""
    outer_open, outer_close, inner_open, inner_close = QUOTES[language]
    candidates = '"«»„“”' if language != "en" else '"“”'
    result = []
    depth = 0
    for index, char in enumerate(text):
        if char not in candidates:
            result.append(char)
            continue
        before = text[index - 1] if index else " "
        if char in "«„":
            opening = True
        elif char in "»”":
            opening = False
        elif char == "“" and language != "en":
            opening = depth == 0  # „…“ closes with “; a lone “…” is English-style
        else:
            opening = before.isspace() or before in "([{–—-/«„"
        if opening:
            depth += 1
            result.append(outer_open if depth == 1 else inner_open)
        else:
            result.append(inner_close if depth >= 2 else outer_close)
            depth = max(depth - 1, 0)
    return "".join(result)


def _prose(text: str, language: str) -> str:
    text = INITIAL_SPACE_RE.sub(rf"\1{NBSP}", text)
    text = SURNAME_INITIAL_RE.sub(rf"\1{NBSP}", text)
    text = re.sub(rf"(\d)[ ](?=(?:{UNITS[language]})(?![\w]))", rf"\1{NBSP}", text)
    text = re.sub(rf"(\b\d{{1,4}})[ ](?=[{LOWER}])", rf"\1{NBSP}", text)  # "94 келісім", "1991 жылы"
    text = SIGN_RE.sub(rf"\1{NBSP}", text)
    text = RANGE_RE.sub(r"\1–\2", text)
    # A dash between words: no-break space before it, so a line never starts with it.
    text = DASH_BETWEEN_WORDS_RE.sub(f"{NBSP}– ", text)
    return _quotes(text, language)


def apply_typography(text: str, lang: str) -> str:
    """Clean debris and apply the typographic rules of ``lang`` (kk, ru, en) to a text run."""
    text = clean_debris(text)
    language = lang if lang in QUOTES else "en"
    # URLs and addresses are parked behind private-use placeholders, so the
    # rules see where they stand (a dash after a URL) without changing them.
    protected = PROTECTED_RE.findall(text)
    if protected:
        counter = iter(range(len(protected)))
        text = PROTECTED_RE.sub(lambda m: f"\ue000{next(counter)}\ue001", text)
    text = _prose(text, language)
    for index, original in enumerate(protected):
        text = text.replace(f"\ue000{index}\ue001", original, 1)
    return text
