"""Plain text runs → the same text with the typography of docs/formatting.md §5.

Applied to the content of each Markdown text token (never to code; the caller
makes sure of that). Only spaces, quotation marks, dashes, word joiners and Word
debris are changed, never a letter or a digit, and applying the rules twice
gives the same text as applying them once:

* debris: ``¬`` used as a discretionary hyphen is removed and the word joined,
  soft hyphens and zero-width characters are dropped (the word joiners of
  ranges are put back by the range rule), runs of spaces and tabs become one
  space;
* a no-break space (U+00A0) joins initials to each other and to the surname
  (``Н.\u00a0Ә.\u00a0Назарбаев``, ``Назарбаев\u00a0Н.\u00a0Ә.``; Cyrillic initials
  typed together are spaced out, Latin ones such as ``J.R.R.`` are kept as
  typed), a Roman century to ``ғ.``/``в.`` (``XXI\u00a0ғ.``), ``№``/``§`` to their number,
  a page or volume abbreviation to the number after it (``с.\u00a025``), and a number
  to the unit or abbreviation after it (``1991\u00a0ж.``, ``5\u00a0%``); a number of
  one to four digits is also joined to a lowercase word after it, the word it
  counts (``94\u00a0келісім``, ``1991\u00a0жылы``) — a deliberately simple rule;
* two numbers joined by a hyphen are a range when the second is greater
  than the first (``1994-1996``, ``25-31``, ``2-3``; a four-digit year and two
  digits count as the year they abbreviate: ``2019-20``): they get an en dash
  without spaces. An en dash or ``--`` typed between two numbers without
  spaces is always a range; a spaced hyphen or dash (``1994 - 1996``) is one
  when the numbers ascend. Everything else keeps its hyphen as written: a
  second number that is not greater (``Boeing 787-9``), a number written
  with a leading zero (``05-06``), dates and codes with more than one hyphen
  (``2024-03-15``, ``8-701-555-12-34``) and standard numbers (``ГОСТ
  7.32-2017``, ``ISSN 1563-0269``). Known limit: ``737-800`` ascends, so it
  becomes a range. The en dash of a range is joined to both numbers with
  U+2060 WORD JOINER (``RANGE_DASH``): Pango may break a line after an en
  dash, and a range must never be split (``1994–`` | ``1996``). WeasyPrint
  draws nothing for the joiner and the PDF's text layer does not hold it;
* a spaced hyphen or double hyphen between words becomes an en dash whose
  leading space is a no-break space, so a line never starts with a dash; the
  same goes for a spaced en or em dash (the author's em dash is kept), also
  after a closing quotation mark or bracket (``» – ``) and at the end of a run
  (``Абай -`` before a line break in the source); ``---`` becomes an em dash
  in English only;
* in Russian a one-letter word (в, с, к, и, а, о, у, я, capitals too) is
  joined to the word after it by a no-break space (``в\u00a0Москве``,
  ``и\u00a0в\u00a02001``);
* double quotation marks (straight, curly, low or angle) become «…» with „…“
  inside in Kazakh and Russian, “…” with ‘…’ inside in English, chosen by
  nesting depth; a straight mark opens after a space or bracket and closes
  after anything else; a run holding nothing but one straight mark cannot be
  told and is left as it is;
* in English, a straight apostrophe inside a word, before a year's last two digits or after a plural's s
  is ’ (``Kazakhstan’s``, ``’90s``, ``students’``), and a day stays with its month (``29\u00a0August``,
  ``August\u00a029``);
* hyphens inside words (``қарым-қатынас``) are left alone, and so is every
  whitespace-free token containing ``://`` or ``@`` or starting with ``www.``
  (URLs, e-mail addresses; see :func:`kazthesis.lang.urls.url_spans`).

URLs are never changed here; where one may break is :mod:`kazthesis.lang.urls`'s
business.

Every rule runs in time linear in the length of the text (no regex here can
backtrack over a long run without spaces; there is a test).
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable
from functools import cache

from kazthesis.lang.language import Typography
from kazthesis.lang.registry import DOCUMENT_LANGUAGES, base_code, document
from kazthesis.lang.urls import WORD_JOINER, url_spans

__all__ = ["NBSP", "RANGE_DASH", "WORD_JOINER", "apply_typography", "clean_debris", "for_print"]

NBSP = "\u00a0"
LABEL_SPACE = "\u2005"  # FOUR-PER-EM SPACE: as wide as a word space in Times, and justification leaves it be
RANGE_DASH = f"{WORD_JOINER}–{WORD_JOINER}"  # the en dash of a number range, joined to both numbers


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

# --- dashes ---------------------------------------------------------------------
_NUMBER = r"\d+(?:[.,]\d+)?"
# Two numbers joined by a hyphen or dash, not part of a longer chain (2024-03-15, 8-701-555-12-34).
_RANGE = re.compile(
    rf"(?<![\w.,:/])(?<!\d[-–])({_NUMBER})({_SP}*)(---|--|-|–|—)({_SP}*)({_NUMBER})(?!\w|[.,:/]\d|[-–]\d)"
)
_DESIGNATION_REACH = 60  # characters before a number that may hold its designation (ГОСТ Р ISO …)
# Standard and serial numbers whose hyphen is part of the designation.
_DESIGNATION = re.compile(
    r"(?:ГОСТ|GOST|ОСТ|СТ|ST|ISO|IEC|СНиП|СП|ТУ|РД|DIN|EN|IEEE|ISSN|ISBN|УДК|ББК|UDC|DOI|doi|ORCID)"
    rf"(?:{_SP}+(?:Р|R|РК|ҚР|KZ|РФ|ISO|IEC|EN))*:?{_SP}*$"
)
_EM_DASH = re.compile(r"(?<=\S)---(?=\S)")
# A dash with spaces around it, or after a space at the end of a run (the source's line ends there).
_SPACED_DASH = re.compile(rf"(?:(?<=\S)|^){_SP}+(---|--|-|–|—)(?:({_SP}+)(?=\S|$)|(?=\n)|$)")

# --- no-break spaces ----------------------------------------------------------
_SIGN = re.compile(rf"(?<![№§])([№§]+){_SP}*(?=\d)")
_INITIAL = rf"{UPPER}\.(?:-{WORD_JOINER}?{UPPER}\.)?"  # Н. or Қ.-Ж. (Қасым-Жомарт)
_INITIALS_HYPHEN = re.compile(rf"(?<={UPPER}\.)-(?={UPPER}\.)")  # Қ.-Ж.: no break after the hyphen
_INITIALS = rf"{_INITIAL}(?:{_SP}*{_INITIAL}){{0,2}}"
_SURNAME = rf"{UPPER}{LOWER}+(?:-{UPPER}{LOWER}+)?"
_INITIALS_FIRST = re.compile(rf"(?<![\w.\-])({_INITIALS}){_SP}*(?={UPPER}{LOWER})")
_SURNAME_FIRST = re.compile(rf"(?<![\w\-])({_SURNAME}){_SP}+({_INITIALS})(?!\w)")
# Cyrillic initials written together (Н.Ә.) are spaced out; Latin ones (J.R.R., U.S.) are kept as written.
_BETWEEN_INITIALS = re.compile(rf"(?<=[А-ЯЁӘҒҚҢӨҰҮҺІ]\.){_SP}*(?=[А-ЯЁӘҒҚҢӨҰҮҺІ])|(?<=\.){_SP}+(?={UPPER})")

_SYMBOL_UNITS = r"%|‰|₸|\$|€|£|₽|°C|°"  # after a number in any language


@cache
def _language_rules(typography: Typography) -> tuple[re.Pattern[str], re.Pattern[str], re.Pattern[str]]:
    """A language's number rules (its entry's patterns): an abbreviation before a number, a unit after one, the
    word after a Roman century (Cyrillic Х and І are common stand-ins for the Latin numerals)."""
    before = re.compile(rf"(?<![\w.])((?:{typography.before_number})\.){_SP}+(?=\d)")
    after = re.compile(
        rf"(?<![\w.,])(\d+(?:[.,]\d+)*){_SP}+(?=(?:{typography.after_number})(?!\w)|(?:{_SYMBOL_UNITS}))"
    )
    century = re.compile(rf"(?<![\w.])([IVXLCDMІХ]+){_SP}+(?=(?:{typography.century_words})(?!\w))")
    return before, after, century


@cache
def _one_letter_words(letters: str) -> re.Pattern[str]:
    """One-letter words (prepositions, conjunctions, particles) that stay with the word after them."""
    return re.compile(rf"(?<![\w.\-\u2010-\u2015])([{letters}]) (?=\S|$)")


# "94 келісім", "1991 жылы": a short number and the lowercase word it counts.
_COUNTED_WORD = re.compile(rf"(?<![\w.,])(\d{{1,4}}(?:[.,]\d+)?){_SP}+(?={LOWER})")

# --- quotes -----------------------------------------------------------------------
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


def _language(lang: str) -> Typography:
    base = base_code(lang)
    if base not in DOCUMENT_LANGUAGES:
        raise ValueError(f"no typography rules for language {lang!r}: expected one of "
                         f"{', '.join(DOCUMENT_LANGUAGES)}")
    return document(base).typography


def _value(number: str) -> float:
    return float(number.replace(",", "."))


def _ascending(first: str, second: str) -> bool:
    """Whether a hyphen between these numbers makes a range: the second is greater.

    A number written with a leading zero (05, 007) is a code, never a range
    end; a four-digit year followed by two digits stands for the year they
    abbreviate (2019-20 → 2020).
    """
    if any(len(n) > 1 and n[0] == "0" and n[1].isdigit() for n in (first, second)):
        return False
    if len(first) == 4 and len(second) == 2 and first.isdigit() and second.isdigit():
        return int(first[:2] + second) > int(first)
    return _value(second) > _value(first)


def _range(match: re.Match[str]) -> str:
    first, space_before, dash, space_after, second = match.groups()
    reach = max(match.start() - _DESIGNATION_REACH, 0)
    if _DESIGNATION.search(match.string, reach, match.start()):
        return match.group()  # ГОСТ 7.32-2017 is a designation, not a range
    typed_as_range = dash in ("–", "--") and not space_before and not space_after
    if not typed_as_range and not _ascending(first, second):
        return match.group()  # Boeing 787-9; a spaced dash is left to the spaced-dash rule
    return f"{first}{RANGE_DASH}{second}"


def _spaced_dash(match: re.Match[str], typography: Typography) -> str:
    dash = match.group(1)
    if dash in ("-", "--") or dash == "---" and not typography.em_dash:
        dash = "–"
    elif dash == "---":
        dash = "—"
    return f"{NBSP}{dash}{' ' if match.group(2) else ''}"


def _initials(initials: str) -> str:
    return _INITIALS_HYPHEN.sub(f"-{WORD_JOINER}", _BETWEEN_INITIALS.sub(NBSP, initials))


def _rules(text: str, typography: Typography) -> str:
    """Every rule except quotes, on a piece of text holding no URL or address."""
    if typography.em_dash:
        text = _EM_DASH.sub("—", text)
    text = _RANGE.sub(_range, text)  # after ---: 1994---1996 is a range too
    text = _SPACED_DASH.sub(lambda m: _spaced_dash(m, typography), text)
    if typography.one_letter_words:
        text = _one_letter_words(typography.one_letter_words).sub(rf"\1{NBSP}", text)
    text = _SIGN.sub(rf"\1{NBSP}", text)
    # Initials between two capitalised words are joined to both: a name is never split from them.
    text = _INITIALS_FIRST.sub(lambda m: f"{_initials(m.group(1))}{NBSP}", text)
    text = _SURNAME_FIRST.sub(lambda m: f"{m.group(1)}{NBSP}{_initials(m.group(2))}", text)
    before, after, century = _language_rules(typography)
    text = before.sub(rf"\1{NBSP}", text)
    text = after.sub(rf"\1{NBSP}", text)
    text = century.sub(rf"\1{NBSP}", text)
    if typography.apostrophe:
        text = _APOSTROPHE.sub("’", text)
    if typography.month_names:
        day_month, month_day = _month_rules(typography.month_names)
        text = month_day.sub(rf"\1{NBSP}", day_month.sub(rf"\1{NBSP}", text))
    return _COUNTED_WORD.sub(rf"\1{NBSP}", text)


# A straight apostrophe between letters (Kazakhstan's, don't), before a decade or year's last digits ('90s,
# '19) or after the s of a plural possessive (students' work); a quoted 'word' keeps its opening mark.
_APOSTROPHE = re.compile(r"(?<=[^\W\d_])'(?=[^\W\d_])|(?<![\w'’])'(?=\d\d(?:s\b|\b))|(?<=[sS])'(?=[\s.,;:!?)]|$)")


@cache
def _month_rules(names: str) -> tuple[re.Pattern[str], re.Pattern[str]]:
    """``29 August`` and ``August 29``: the day stays with its month (no line break between them)."""
    return (re.compile(rf"(?<![\w.,])(\d{{1,2}}){_SP}+(?=(?:{names})\b)"),
            re.compile(rf"\b((?:{names})){_SP}+(?=\d{{1,2}}\b)"))


def _quote_direction(text: str, i: int, decided: dict[int, bool | None], depth: int,
                     inner_close: str) -> bool | None:
    """True for an opening mark, False for a closing one, None to leave the mark as it is.

    depth is the number of quotations open before this mark.
    The decision must come out the same on the output, so that the rules are
    idempotent: «, „ open and », ” close wherever they stand; “ closes an inner
    quotation where it is the language's inner closing mark (kk, ru) and opens otherwise;
    a straight quote opens after a space or an opening bracket and closes after
    anything else.
    """
    char = text[i]
    if char in "«„":
        return True
    if char in "»”":
        return False
    if char == "“":
        return not (inner_close == "“" and depth >= 2)
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


def _quotes(text: str, typography: Typography, protected: list[tuple[int, int]]) -> str:
    """Double quotation marks → the language's marks, by nesting depth."""
    outer_open, outer_close, inner_open, inner_close = typography.quotes
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
        opening = decided[i] = _quote_direction(text, i, decided, depth, inner_close)
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
    """clean_debris, then the rules of docs/formatting.md §5 for lang (kk, ru or en)."""
    typography = _language(lang)
    text = clean_debris(text)
    pieces: list[str] = []
    protected: list[tuple[int, int]] = []
    length = 0
    position = 0
    for start, end in url_spans(text) + [(len(text), len(text))]:
        prose = _rules(text[position:start], typography)
        pieces.append(prose)
        length += len(prose)
        if end > start:
            pieces.append(text[start:end])
            protected.append((length, length + end - start))
            length += end - start
        position = end
    return _quotes("".join(pieces), typography, protected)


_AREA_DASH = re.compile(r"(?<=[.?!\]]) – ")
_DIGIT_DASH = re.compile(r"(?<=\d)–(?=\d)")
_LABEL_SPACE = re.compile(r"\b(URL|DOI):[ ]")
_ACCESS_DATE = re.compile(r"\([^()]{1,40}: \d{2}\.\d{2}\.\d{4}\)")
# An entry may be in any language of the list: the running text's rules of every language keep numbers with
# their abbreviations and units (Т. 18, No. 2, 2001 гг., 240 с., 45 %), and these add what only a
# bibliographic description writes (Вып. 3, Кн. 2, Iss. 4, Bd. 7, Nr. 5, Б. 25; a German page count, 236 S.).
_REF_BEFORE_NUMBER = re.compile(r"(?<![\w.])((?:Б|Вып|Кн|Iss|Bd|Nr|S)\.) (?=\d)")
_REF_PAGES_AFTER = re.compile(r"(?<=\d) (?=[Ss]\.(?!\w))")


def for_print(description: str) -> str:
    """A reference-list entry as it is printed, so that justified lines keep no holes and nothing
    dangles: no line starts with the dash between areas, no number range is split, ``URL:`` and
    ``DOI:`` stay with what follows them (the URL itself breaks at its own points), and the access
    date ``(дата обращения: 15.03.2024)`` is one unit, and so are ``2001 гг.``, ``240 с.`` and ``№ 45``.
    ``refs`` prints the entry without this."""
    text = _AREA_DASH.sub(f"{NBSP}– ", description)
    # "URL:" and what follows are kept together by a four-per-em space (a word space wide, but never
    # stretched: a line holding only the label and a long URL stays ragged instead of opening a hole
    # after the label) and a word joiner (no break after it). Not a no-break space: before the URL's own
    # <span> WeasyPrint 70 breaks that line badly, leaving words alone on lines earlier in the entry.
    text = _LABEL_SPACE.sub(lambda m: f"{m.group(1)}:{LABEL_SPACE}{WORD_JOINER}", text)
    text = _ACCESS_DATE.sub(lambda m: m.group().replace(" ", NBSP), text)
    every = [document(code).typography for code in DOCUMENT_LANGUAGES]
    for typography in every:
        for rule in _language_rules(typography)[:2]:
            text = rule.sub(rf"\1{NBSP}", text)
    text = _REF_BEFORE_NUMBER.sub(rf"\1{NBSP}", text)
    text = _REF_PAGES_AFTER.sub(NBSP, text)
    text = _SIGN.sub(rf"\1{NBSP}", text)
    for letters in dict.fromkeys(t.one_letter_words for t in every if t.one_letter_words):
        text = _one_letter_words(letters).sub(rf"\1{NBSP}", text)  # в связи с ним: with the next word
    text = _INITIALS_HYPHEN.sub(f"-{WORD_JOINER}", text)
    return _DIGIT_DASH.sub(RANGE_DASH, text)
