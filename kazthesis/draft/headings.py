"""What a draft paragraph is, judged from its text and look: a structural element, a chapter or section
heading (typed or styled), a caption, a list item — or body text.

Each function looks at one paragraph; :mod:`.structure` walks the draft and
decides with the context (the contents page, the current chapter).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from kazthesis.draft.model import Paragraph

UPPER = "A-ZА-ЯЁӘҒҚҢӨҰҮҺІЎҲ"
ROMAN = {"I": 1, "II": 2, "III": 3, "IV": 4, "V": 5, "VI": 6, "VII": 7, "VIII": 8, "IX": 9, "X": 10}
# Structural elements by their name in kk, ru and en (compared case-folded, with spaces squeezed).
STRUCTURAL = {
    "introduction": ("кіріспе", "введение", "introduction"),
    "conclusion": ("қорытынды", "заключение", "conclusion", "conclusions", "қорытындылар", "выводы"),
    "references": ("пайдаланылған әдебиеттер тізімі", "пайдаланылған әдебиет тізімі", "пайдаланылған әдебиеттер",
                   "пайдаланылған дереккөздер тізімі", "әдебиеттер тізімі", "қолданылған әдебиеттер тізімі",
                   "пайдаланған әдебиеттер тізімі", "список использованных источников", "список литературы",
                   "список использованной литературы", "библиографический список", "литература", "references",
                   "bibliography", "list of references", "works cited", "әдебиеттер"),
    "contents": ("мазмұны", "мазмұн", "содержание", "оглавление", "contents", "table of contents"),
    "abbreviations": ("белгілеулер мен қысқартулар", "қысқартулар", "қысқартулар тізімі", "шартты белгілер",
                      "обозначения и сокращения", "сокращения", "перечень сокращений", "список сокращений",
                      "abbreviations", "list of abbreviations", "abbreviations and symbols"),
    "terms": ("терминдер мен анықтамалар", "термины и определения", "terms and definitions"),
    "abstract": ("аңдатпа", "аннотация", "annotation", "abstract", "түйін", "резюме"),
}
STRUCTURAL_BY_NAME = {name: kind for kind, names in STRUCTURAL.items() for name in names}
APPENDIX_RE = re.compile(rf"^(?:ҚОСЫМША|Қосымша|ПРИЛОЖЕНИЕ|Приложение|APPENDIX|Appendix)\s+([{UPPER}]|\d+)\b\.?"
                         r"\s*(.*)$")
APPENDIX_AFTER_RE = re.compile(rf"^([{UPPER}])\s+(?:ҚОСЫМШАСЫ|қосымшасы|ҚОСЫМША|қосымша)\b\.?\s*(.*)$")
CHAPTER_WORDS = r"(?:ТАРАУ|Тарау|тарау|ГЛАВА|Глава|глава|CHAPTER|Chapter|РАЗДЕЛ|Раздел|БӨЛІМ|Бөлім|БОБ|Боб)"
NUMERAL = r"(\d+|[IVXІХ]+)"
CHAPTER_WORD_FIRST = re.compile(rf"^{CHAPTER_WORDS}\s*{NUMERAL}\.?(?:\s*[.:–—-]\s*|\s+|$)(.*)$")
CHAPTER_NUMBER_FIRST = re.compile(rf"^{NUMERAL}\s*[-–.]?\s*{CHAPTER_WORDS}\.?(?:\s*[.:–—-]\s*|\s+|$)(.*)$")
NUMBERED = re.compile(r"^(\d{1,2})((?:\.\d{1,2}){0,2})\.?\s+(\S.*)$")
CAPTION_KK = re.compile(r"^(\d+(?:\.\d+)?)\s*-?\s*(сурет|кесте|Сурет|Кесте|СУРЕТ|КЕСТЕ)\b\s*[–—-]?\s*(.*)$")
CAPTION_WORD = re.compile(r"^(Рисунок|Рис\.|Figure|Fig\.|Таблица|Табл\.|Table|Сурет|Кесте)\s*(\d+(?:\.\d+)?)"
                          r"\s*[–—.:-]?\s*(.*)$", re.IGNORECASE)
LIST_ITEM = re.compile(r"^(?:(?P<bullet>[-–—•·▪●◦*])|(?P<number>\d{1,2})[.)]|(?P<letter>[а-яәғқңөұүһіa-z])\))"
                       r"\s+(?P<text>\S.*)$")
LIST_ITEM_MARK = re.compile(r"^\s*(?:[-–—•·▪●◦*]|\d{1,2}[.)]|[а-яәғқңөұүһіa-z]\))\s+")
LEADERS = re.compile(r"(?:\s*\.{4,}|\s*…{2,}|\s*_{4,}|\t)\s*\d*\s*")


@dataclass
class Caption:
    kind: str  # "figure" | "table"
    number: str  # as typed: "1", "1.2"
    text: str


def squeeze(text: str) -> str:
    """Text as compared: spaces squeezed, typed page numbers and leaders dropped."""
    text = LEADERS.sub(" ", text)
    text = re.sub(r"\s+\d{1,3}\s*$", "", text)
    return re.sub(r"\s+", " ", text).strip(" .:")


def structural_kind(text: str) -> str | None:
    """``КІРІСПЕ`` → ``introduction``; None for any other text."""
    return STRUCTURAL_BY_NAME.get(squeeze(text).casefold())


def roman(value: str) -> int | None:
    value = value.replace("І", "I").replace("Х", "X")
    return int(value) if value.isdigit() else ROMAN.get(value)


def chapter_heading(text: str) -> tuple[int, str] | None:
    """``ТАРАУ І Title``, ``1 ТАРАУ Title``, ``ГЛАВА 1. Title`` → (1, ``Title``)."""
    text = text.strip()
    match = CHAPTER_WORD_FIRST.match(text) or CHAPTER_NUMBER_FIRST.match(text)
    if not match:
        return None
    number = roman(match.group(1))
    return (number, match.group(2).strip()) if number else None


def numbered_heading(text: str) -> tuple[list[int], str] | None:
    """``1.2 Title`` → ([1, 2], ``Title``); ``1 Title`` → ([1], ``Title``)."""
    match = NUMBERED.match(text.strip())
    if not match or not match.group(3)[:1].isupper() and match.group(3)[:1] not in "«\"“":
        return None
    numbers = [int(match.group(1)), *(int(n) for n in match.group(2).split(".") if n)]
    return numbers, match.group(3).strip()


def appendix_heading(text: str) -> tuple[str, str] | None:
    """``ҚОСЫМША А Title`` or ``А қосымшасы`` → (``А``, ``Title``)."""
    text = squeeze(text) if LEADERS.search(text) else text.strip()
    match = APPENDIX_RE.match(text) or APPENDIX_AFTER_RE.match(text)
    return (match.group(1), match.group(2).strip()) if match else None


def caption(text: str) -> Caption | None:
    """``1-сурет – Title``, ``Таблица 2 – Title``, ``Figure 3. Title``."""
    text = text.strip()
    match = CAPTION_KK.match(text)
    if match:
        kind = "figure" if match.group(2).lower() == "сурет" else "table"
        return Caption(kind, match.group(1), match.group(3).strip())
    match = CAPTION_WORD.match(text)
    if match and (match.group(3) or len(text) < 20):
        word = match.group(1).lower()
        kind = "figure" if word.startswith(("рис", "fig", "сурет")) else "table"
        return Caption(kind, match.group(2), match.group(3).strip())
    return None


def looks_like_heading(paragraph: Paragraph) -> bool:
    """A short line without a final full stop, such as a heading is."""
    text = paragraph.text.strip()
    return 0 < len(text) <= 200 and not text.endswith((".", ",", ";")) or text.endswith("..") and len(text) <= 200


def is_caps(text: str) -> bool:
    letters = [c for c in text if c.isalpha()]
    return len(letters) >= 3 and sum(c.isupper() for c in letters) >= 0.8 * len(letters)


def list_item(text: str) -> tuple[str, str] | None:
    """A typed list item: (``bullet`` | ``number`` | ``letter``, its text)."""
    match = LIST_ITEM.match(text.strip())
    if not match:
        return None
    kind = "bullet" if match.group("bullet") else "number" if match.group("number") else "letter"
    return kind, match.group("text")


def contents_entries(text: str) -> list[str]:
    """A typed contents line (or several run together) → its entries without leaders and page numbers."""
    pieces = re.split(r"(?:\.{4,}|…{2,}|_{4,})\s*(?:\d+(?![.\d]))?\s*", text)
    if len(pieces) == 1:
        pieces = re.split(r"\t\s*\d+\s*", text)
    return [squeeze(p) for p in pieces if squeeze(p)]


def sentence_case(text: str, forms: dict[str, str]) -> str:
    """``ҚАЗАҚСТАН – АҚШ ҚАРЫМ-ҚАТЫНАСЫ`` → ``Қазақстан – АҚШ қарым-қатынасы``: each word as the body text
    writes it inside a sentence (``forms``: case-folded word → that spelling), else in lower case."""
    if not is_caps(text):
        return text

    def word_form(match: re.Match[str]) -> str:
        word = match.group(0)
        return forms.get(word.casefold(), word.lower())

    result = re.sub(r"\w+", word_form, text.strip())
    for index, char in enumerate(result):
        if char.isalpha():
            return result[:index] + char.upper() + result[index + 1:]
    return result


def spelling_forms(texts: list[str]) -> dict[str, str]:
    """Words the body text writes with a capital inside a sentence (names, abbreviations): folded → form."""
    counts: dict[str, dict[str, int]] = {}
    for text in texts:
        for match in re.finditer(r"(?<=[\w,;:–—-] )(\w+)", text):
            word = match.group(1)
            forms = counts.setdefault(word.casefold(), {})
            forms[word] = forms.get(word, 0) + 1
    chosen = {}
    for folded, forms in counts.items():
        best = max(forms, key=lambda form: forms[form])
        if best[:1].isupper():
            chosen[folded] = best
    return chosen
