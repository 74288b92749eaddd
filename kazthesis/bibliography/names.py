"""A BibTeX name list (``author``, ``editor``) → :class:`Person` objects.

Works on the value with its braces still in place: ``{{Қазақстан Республикасы
Білім министрлігі}}`` is one organisation, not four words. Reads the BibTeX
forms ``Last, First``, ``von Last, Jr, First`` and ``First von Last``, plus the
way students type Russian and Kazakh names: ``Иванов Иван Иванович``,
``Иванов И.И.``, ``К.К. Токаев``.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from kazthesis.bibliography.model import Person

_AND = re.compile(r"(?<!\s)\s+and\s+", re.IGNORECASE)  # from a run of spaces' start: each run read once
_INITIALS = re.compile(r"(?:[^\W\d_]{1,2}\.-?)+")  # "К.", "K.K.", "Қ.-Ж.", "Sh."
_ONE_INITIAL = re.compile(r"[^\W\d_]{1,2}\.(?:-[^\W\d_]{1,2}\.)?")
_SUFFIXES = {"jr", "jr.", "sr", "sr.", "ii", "iii", "iv"}
# Patronymics in the nominative: Иванович, Ивановна, Ильинична, Кемелұлы, Әбішқызы, Karimovich, Alisher o'g'li.
_PATRONYMIC = re.compile(r"(?:вич|вна|чна|ұлы|улы|қызы|кызы|оглы|ўғли|угли|қизи|кизи|"
                         r"ovich|evich|ovna|evna|ichna|uly|kyzy|qizi|o['ʻ’]g['ʻ’]li|ogli|ugli)$", re.IGNORECASE)
# Typical Russian and Kazakh surname endings, to tell "Петров Иван" from "Иван Петров".
_SURNAME = re.compile(r"(?:ов|ев|ёв|ин|ын|ова|ева|ёва|ина|ына|ский|ская|цкий|цкая|енко)$", re.IGNORECASE)


def split_top_words(text: str) -> list[str]:
    """Words (and single commas) of a name, splitting only outside braces."""
    words, depth, current = [], 0, ""
    for char in text:
        if char == "{":
            depth += 1
        elif char == "}":
            depth = max(depth - 1, 0)
        if depth == 0 and (char.isspace() or char == ","):
            if current:
                words.append(current)
            if char == ",":
                words.append(",")
            current = ""
            continue
        current += char
    if current:
        words.append(current)
    return words


def split_names(value: str) -> list[str]:
    """``A and B and {C and D}`` → ``["A", "B", "{C and D}"]``."""
    names, depth, start = [], 0, 0
    for index, char in enumerate(value):
        if char == "{":
            depth += 1
        elif char == "}":
            depth = max(depth - 1, 0)
        elif depth == 0 and char.isspace():
            match = _AND.match(value, index)
            if match and match.start() == index:
                names.append(value[start:index])
                start = match.end()
    names.append(value[start:])
    return [n.strip() for n in names if n.strip()]


def parse_names(value: str, decode: Callable[[str], str]) -> tuple[list[Person], bool]:
    """The people of a name-list field, and whether it ends with ``and others``."""
    people, more = [], False
    for raw in split_names(value):
        if raw.lower() in ("others", "et al.", "et al", "и др.", "т.б."):
            more = True
            continue
        person = parse_person(raw, decode)
        if person.last or person.initials:
            people.append(person)
    return people, more


def _wholly_braced(text: str) -> bool:
    """True when one brace group spans the text: ``{A B}``, not ``{A} {B}``."""
    if not (text.startswith("{") and text.endswith("}")):
        return False
    depth = 0
    for index, char in enumerate(text):
        depth += (char == "{") - (char == "}")
        if depth == 0 and index < len(text) - 1:
            return False
    return True


def _is_initials(word: str) -> bool:
    return bool(_INITIALS.fullmatch(word)) or (len(word) == 1 and word.isalpha() and word.isupper())


def _is_lower(word: str) -> bool:
    """A particle such as "van" or "de": BibTeX's "von" part starts lowercase."""
    first = next((c for c in word if c.isalpha()), "")
    return first.islower()


def initials_of(words: list[str]) -> tuple[str, ...]:
    """``["Қасым-Жомарт", "Кемелұлы"]`` → ``("Қ.-Ж.", "К.")``; ``["K.K."]`` → ``("K.", "K.")``."""
    initials: list[str] = []
    for word in words:
        if _INITIALS.fullmatch(word):
            initials.extend(_ONE_INITIAL.findall(word))
        else:
            pieces = [p for p in word.split("-") if p and p[0].isalpha()]
            if pieces:
                initials.append("-".join(p[0].upper() + "." for p in pieces))
    return tuple(initials)


def _split_particles(words: list[str]) -> tuple[str, list[str]]:
    """Leading lowercase words of a surname part: ``["van", "Gogh"]`` → ("van", ["Gogh"])."""
    index = 0
    while index < len(words) - 1 and _is_lower(words[index]):
        index += 1
    return " ".join(words[:index]), words[index:]


def _looks_like_person(words: list[str]) -> bool:
    """A braced name that is really a person (Zotero's single-field names): ``{Иванов Иван Иванович}``."""
    return 2 <= len(words) <= 3 and any(_PATRONYMIC.search(w) for w in words[1:])


def parse_person(raw: str, decode: Callable[[str], str]) -> Person:
    """One name as a reference manager or a student writes it."""
    raw = raw.strip()
    if _wholly_braced(raw):
        inner = decode(raw[1:-1])
        if not _looks_like_person(inner.split()):
            return Person(inner, corporate=True)
        raw = inner
    tokens = [decode(t) if t != "," else t for t in split_top_words(raw)]
    tokens = [t for t in tokens if t]
    parts: list[list[str]] = [[]]
    for token in tokens:
        if token == ",":
            parts.append([])
        else:
            parts[-1].append(token)
    parts = [p for p in parts if p]
    if not parts:
        return Person("")
    if len(parts) == 1:
        return _without_commas(parts[0])
    # "von Last, First" or "von Last, Jr, First" (further commas: part of the given names)
    prefix, last = _split_particles(parts[0])
    suffix = " ".join(parts[1]) if len(parts) > 2 else ""
    given = [w for p in (parts[2:] if len(parts) > 2 else parts[1:]) for w in p]
    trailing = []  # "Beethoven, Ludwig van": the particle written after the given name
    while given and _is_lower(given[-1]) and not _is_initials(given[-1]):
        trailing.insert(0, given.pop())
    prefix = " ".join(p for p in (prefix, *trailing) if p)
    return Person(" ".join(last), initials_of(given), prefix, suffix, given=" ".join(given))


def _without_commas(words: list[str]) -> Person:
    """``First von Last``, or a surname first as Russian and Kazakh lists write it."""
    suffix = ""
    if len(words) > 2 and words[-1].lower() in _SUFFIXES:
        suffix = words.pop()
    if len(words) == 1:
        return Person(words[0], suffix=suffix)
    first, rest = words[0], words[1:]
    surname_first = (
        # "Иванов И. И.", "Tokayev K.-J."
        (not _is_initials(first) and all(_is_initials(w) for w in rest))
        # "Иванов Иван Иванович", "Тоқаев Қасым-Жомарт Кемелұлы"
        or (len(words) == 3 and bool(_PATRONYMIC.search(words[-1])))
        # "Петров Иван" (but not "Иван Петров")
        or (len(words) == 2 and _is_cyrillic(first) and bool(_SURNAME.search(first))
            and not _SURNAME.search(words[-1]))
    )
    if surname_first:
        return Person(first, initials_of(rest), suffix=suffix, given=" ".join(rest))
    # BibTeX: the last word is the surname, lowercase words before it are its particles.
    index = len(words) - 1
    while index > 1 and _is_lower(words[index - 1]):
        index -= 1
    given, prefix = words[:index], " ".join(words[index:-1])
    return Person(words[-1], initials_of(given), prefix, suffix, given=" ".join(given))


def _is_cyrillic(word: str) -> bool:
    return bool(re.search("[\u0400-\u04ff]", word))
