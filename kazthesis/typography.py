"""Plain text runs → the same text with the typography of FORMATTING.md §5.

Applied to the content of each Markdown text token (never to code; the caller
makes sure of that). Only spaces, quotation marks, dashes and Word debris are
changed, never a letter or a digit, and applying the rules twice gives the
same text as applying them once:

* debris: ``¬`` used as a discretionary hyphen is removed and the word joined,
  soft hyphens and zero-width characters are dropped, runs of spaces and tabs
  become one space;
* a no-break space (U+00A0) joins initials to each other and to the surname
  (``Н.\u00a0Ә.\u00a0Назарбаев``, ``Назарбаев\u00a0Н.\u00a0Ә.``; Cyrillic initials
  typed together are spaced out, Latin ones such as ``J.R.R.`` are kept as
  typed), a Roman century to ``ғ.``/``в.`` (``XXI\u00a0ғ.``), ``№``/``§`` to their number,
  a page or volume abbreviation to the number after it (``с.\u00a025``), and a number
  to the unit or abbreviation after it (``1991\u00a0ж.``, ``5\u00a0%``); a number of
  one to four digits is also joined to a lowercase word after it, the word it
  counts (``94\u00a0келісім``, ``1991\u00a0жылы``) — a deliberately simple rule;
* a range of numbers gets an en dash without spaces (``1994–1996``, ``25–31``),
  but dates and codes with more than one hyphen (``2024-03-15``) and standard
  numbers (``ГОСТ 7.32-2017``, ``ISSN 1563-0269``) keep their hyphen;
* a spaced hyphen or double hyphen between words becomes an en dash whose
  leading space is a no-break space, so a line never starts with a dash;
  ``---`` becomes an em dash in English only;
* double quotation marks (straight, curly, low or angle) become «…» with „…“
  inside in Kazakh and Russian, “…” with ‘…’ inside in English, chosen by
  nesting depth; a straight mark opens after a space or bracket and closes
  after anything else; a run holding nothing but one straight mark cannot be
  told and is left as it is;
* hyphens inside words (``қарым-қатынас``) are left alone, and so is every
  token containing ``://`` or ``@`` (URLs, e-mail addresses).
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable

__all__ = ["NBSP", "apply_typography", "clean_debris"]

NBSP = "\u00a0"
LANGUAGES = ("kk", "ru", "en")


def _letter_class(predicate: Callable[[str], bool]) -> str:
    """A regex character class of the Latin and Cyrillic letters passing predicate."""
    chars = [chr(c) for r in ((0x41, 0x250), (0x400, 0x530)) for c in range(*r)]
    return "[" + "".join(c for c in chars if unicodedata.category(c).startswith("L") and predicate(c)) + "]"


UPPER = _letter_class(str.isupper)
LOWER = _letter_class(str.islower)
_SP = f"[ {NBSP}]"  # a space as the rules see it: plain or already no-break

# --- debris -------------------------------------------------------------------
_INVISIBLE = re.compile("[\u00ad\u200b\u200c\u200d\u2060\ufeff]")
# ¬ inside a word, or at a line end with the rest of the word on the next line.
_NOT_SIGN_JOIN = re.compile(r"(?<=[^\W\d_])¬+[ \t]*(?:\r?\n[ \t]*)?(?=[^\W\d_])")
_NOT_SIGN_END = re.compile(r"(?<=[^\W\d_])¬+")  # «сөз¬.»; a ¬ after a space is logic: kept
_SPACE_RUN = re.compile(f"[ \t{NBSP}]*\t[ \t{NBSP}]*|[ {NBSP}]{{2,}}")

# --- tokens left alone ----------------------------------------------------------
_PROTECTED = re.compile(r"\S*(?:://|@)\S*|(?<!\S)www\.\S+")
_PEEL_START = "\"'«»„“”‘’([<"
_PEEL_END = "\"'«»„“”‘’.,;:!?>]"

# --- dashes ---------------------------------------------------------------------
_NUMBER = r"\d+(?:[.,]\d+)?"
# Two numbers joined by a hyphen or dash, not part of a longer chain (2024-03-15, 8-701-555-12-34).
_RANGE = re.compile(
    rf"(?<![\w.,:/])(?<!\d[-–])({_NUMBER}){_SP}*(?:---|--|-|–|—){_SP}*({_NUMBER})(?!\w|[.,:/]\d|[-–]\d)"
)
# Standard and serial numbers whose hyphen is part of the designation.
_DESIGNATION = re.compile(
    r"(?:ГОСТ|GOST|ОСТ|СТ|ST|ISO|IEC|СНиП|СП|ТУ|РД|DIN|EN|IEEE|ISSN|ISBN|УДК|ББК|UDC|DOI|doi|ORCID)"
    rf"(?:{_SP}+(?:Р|R|РК|ҚР|KZ|РФ|ISO|IEC|EN))*:?{_SP}*$"
)
_EM_DASH_EN = re.compile(r"(?<=\S)---(?=\S)")
_SPACED_DASH = re.compile(rf"(?:(?<=\S)|^){_SP}+(---|--|-|–|—){_SP}+(?=\S|$)")

# --- no-break spaces ----------------------------------------------------------
_SIGN = re.compile(rf"(№+|§+){_SP}*(?=\d)")
_INITIAL = rf"{UPPER}\.(?:-{UPPER}\.)?"  # Н. or Қ.-Ж. (Қасым-Жомарт)
_INITIALS = rf"{_INITIAL}(?:{_SP}*{_INITIAL}){{0,2}}"
_SURNAME = rf"{UPPER}{LOWER}+(?:-{UPPER}{LOWER}+)?"
_INITIALS_FIRST = re.compile(rf"(?<![\w.\-])({_INITIALS}){_SP}*(?={UPPER}{LOWER})")
_SURNAME_FIRST = re.compile(rf"(?<![\w\-])({_SURNAME}){_SP}+({_INITIALS})(?!\w)")
# Cyrillic initials written together (Н.Ә.) are spaced out; Latin ones (J.R.R., U.S.) are kept as written.
_BETWEEN_INITIALS = re.compile(rf"(?<=[А-ЯЁӘҒҚҢӨҰҮҺІ]\.){_SP}*(?=[А-ЯЁӘҒҚҢӨҰҮҺІ])|(?<=\.){_SP}+(?={UPPER})")

# Abbreviations followed by a number: pages, volumes, chapters, figures.
_ABBREVIATIONS_BEFORE = {
    "kk": "б|т|Т|бет|тарау|сур",
    "ru": "с|С|т|Т|ч|Ч|гл|рис|табл|вып|стр",
    "en": "p|pp|P|Pp|vol|Vol|no|No|ch|Ch|fig|Fig|sec|Sec",
}
# Units and abbreviations after a number (any number of digits, decimals too).
_UNITS_AFTER = {
    "kk": r"ж\.ж\.|жж\.|ж\.|ғ\.|ғғ\.|б\.|т\.|с\.|г\.|гг\.|млн|млрд|трлн|мың|доллар|долл\.|теңге|тг|км|кг|га|см|мм|м|т",
    "ru": r"г\.|гг\.|в\.|вв\.|с\.|т\.|млн|млрд|трлн|тыс\.|руб\.|долл\.|тенге|тг|чел\.|экз\.|км|кг|га|см|мм|м|т",
    "en": r"p\.|pp\.|bn|mn|m|km|kg|ha|cm|mm|million|billion",
}
_SYMBOL_UNITS = r"%|‰|₸|\$|€|£|₽|°C|°"
# A century in Roman numerals (Cyrillic Х and І are common stand-ins): «XXI ғ.», «XX в.».
_CENTURY_WORDS = {"kk": r"ғ\.|ғғ\.|ғасыр\w*", "ru": r"в\.|вв\.|век\w*", "en": r"c\.|cent\.|century|centuries"}


def _compile_language_rules(lang: str) -> tuple[re.Pattern[str], re.Pattern[str], re.Pattern[str]]:
    before = re.compile(rf"(?<![\w.])((?:{_ABBREVIATIONS_BEFORE[lang]})\.){_SP}+(?=\d)")
    after = re.compile(
        rf"(?<![\w.,])(\d+(?:[.,]\d+)*){_SP}+(?=(?:{_UNITS_AFTER[lang]})(?!\w)|(?:{_SYMBOL_UNITS}))"
    )
    century = re.compile(rf"(?<![\w.])([IVXLCDMІХ]+){_SP}+(?=(?:{_CENTURY_WORDS[lang]})(?!\w))")
    return before, after, century


_LANGUAGE_RULES = {lang: _compile_language_rules(lang) for lang in LANGUAGES}
# "94 келісім", "1991 жылы": a short number and the lowercase word it counts.
_COUNTED_WORD = re.compile(rf"(?<![\w.,])(\d{{1,4}}(?:[.,]\d+)?){_SP}+(?={LOWER})")

# --- quotes -----------------------------------------------------------------------
_QUOTE_MARKS = {  # outer open, outer close, inner open, inner close
    "kk": ("«", "»", "„", "“"),
    "ru": ("«", "»", "„", "“"),
    "en": ("“", "”", "‘", "’"),
}
_QUOTE_CANDIDATES = frozenset('"«»„“”')
_OPENERS = frozenset("([{<-–—/\u2010")  # after these a straight quote opens


def clean_debris(text: str) -> str:
    """Remove what word processors leave in pasted text.

    ``¬`` used as a discretionary hyphen is removed and the word joined (also
    across one line break), soft hyphens and zero-width characters are
    dropped, and a run of spaces and tabs becomes one space (a no-break space
    if the run held one).
    """
    text = _INVISIBLE.sub("", text)
    text = _NOT_SIGN_JOIN.sub("", text)
    text = _NOT_SIGN_END.sub("", text)
    return _SPACE_RUN.sub(lambda m: NBSP if NBSP in m.group() else " ", text)


def _language(lang: str) -> str:
    base = lang.lower().replace("_", "-").split("-")[0]
    if base not in LANGUAGES:
        raise ValueError(f"no typography rules for language {lang!r}: expected one of {', '.join(LANGUAGES)}")
    return base


def _protected_spans(text: str) -> list[tuple[int, int]]:
    """Where the URLs and e-mail addresses are, without quotes or punctuation around them."""
    spans = []
    for match in _PROTECTED.finditer(text):
        start, end = match.span()
        while start < end and text[start] in _PEEL_START:
            start += 1
        while end > start and (text[end - 1] in _PEEL_END
                               or text[end - 1] == ")" and "(" not in text[start:end]):
            end -= 1
        if start < end:
            spans.append((start, end))
    return spans


def _range(match: re.Match[str]) -> str:
    if _DESIGNATION.search(match.string, 0, match.start()):
        return match.group()  # ГОСТ 7.32-2017 is a designation, not a range
    return f"{match.group(1)}–{match.group(2)}"


def _spaced_dash(match: re.Match[str], lang: str) -> str:
    dash = match.group(1)
    if dash in ("-", "--") or dash == "---" and lang != "en":
        dash = "–"
    elif dash == "---":
        dash = "—"
    return f"{NBSP}{dash} "


def _initials(initials: str) -> str:
    return _BETWEEN_INITIALS.sub(NBSP, initials)


def _rules(text: str, lang: str) -> str:
    """Every rule except quotes, on a piece of text holding no URL or address."""
    if lang == "en":
        text = _EM_DASH_EN.sub("—", text)
    text = _RANGE.sub(_range, text)  # after ---: 1994---1996 is a range too
    text = _SPACED_DASH.sub(lambda m: _spaced_dash(m, lang), text)
    text = _SIGN.sub(rf"\1{NBSP}", text)
    # Initials between two capitalised words are joined to both: a name is never split from them.
    text = _INITIALS_FIRST.sub(lambda m: f"{_initials(m.group(1))}{NBSP}", text)
    text = _SURNAME_FIRST.sub(lambda m: f"{m.group(1)}{NBSP}{_initials(m.group(2))}", text)
    before, after, century = _LANGUAGE_RULES[lang]
    text = before.sub(rf"\1{NBSP}", text)
    text = after.sub(rf"\1{NBSP}", text)
    text = century.sub(rf"\1{NBSP}", text)
    return _COUNTED_WORD.sub(rf"\1{NBSP}", text)


def _quote_direction(text: str, i: int, decided: dict[int, bool | None], depth: int, lang: str) -> bool | None:
    """True for an opening mark, False for a closing one, None to leave the mark as it is.

    depth is the number of quotations open before this mark.
    The decision must come out the same on the output, so that the rules are
    idempotent: «, „ open and », ” close wherever they stand; “ closes an inner
    quotation in kk/ru (it is the inner closing mark there) and opens otherwise;
    a straight quote opens after a space or an opening bracket and closes after
    anything else.
    """
    char = text[i]
    if char in "«„":
        return True
    if char in "»”":
        return False
    if char == "“":
        return not (lang != "en" and depth >= 2)
    prev = text[i - 1] if i else None
    nxt = text[i + 1] if i + 1 < len(text) else None
    if prev is not None and decided.get(i - 1) is not None:
        return decided[i - 1]  # "" → two marks going the same way
    if prev is None or prev.isspace() or prev in _OPENERS:
        if nxt is None:
            return None if prev is None else True  # a lone mark, or one before the next token
        if nxt.isspace():
            return False if prev is None else None  # closing a previous token, or a lone mark
        return True
    return False


def _quotes(text: str, lang: str, protected: list[tuple[int, int]]) -> str:
    """Double quotation marks → the language's marks, by nesting depth."""
    outer_open, outer_close, inner_open, inner_close = _QUOTE_MARKS[lang]
    out = list(text)
    decided: dict[int, bool | None] = {}
    depth = 0
    spans = iter(protected)
    span = next(spans, None)
    for i, char in enumerate(text):
        while span is not None and i >= span[1]:
            span = next(spans, None)
        if char not in _QUOTE_CANDIDATES or span is not None and span[0] <= i:
            continue
        opening = decided[i] = _quote_direction(text, i, decided, depth, lang)
        if opening is None:
            continue
        if opening:
            out[i] = outer_open if depth == 0 else inner_open
            depth += 1
        else:
            depth = max(depth - 1, 0)
            out[i] = outer_close if depth == 0 else inner_close
    return "".join(out)


def apply_typography(text: str, lang: str) -> str:
    """clean_debris, then the rules of FORMATTING.md §5 for lang (kk, ru or en)."""
    lang = _language(lang)
    text = clean_debris(text)
    pieces: list[str] = []
    protected: list[tuple[int, int]] = []
    length = 0
    position = 0
    for start, end in _protected_spans(text) + [(len(text), len(text))]:
        prose = _rules(text[position:start], lang)
        pieces.append(prose)
        length += len(prose)
        if end > start:
            pieces.append(text[start:end])
            protected.append((length, length + end - start))
            length += end - start
        position = end
    return _quotes("".join(pieces), lang, protected)
