"""What a source's language changes in its description: the terms table of FORMATTING.md §4.

Also how that language is found (``langid``/``language``, else the title's
letters) and the full city names of GOST R 7.0.100-2018.
"""

from __future__ import annotations

import re

LANGUAGES = ("kk", "ru", "en", "uz")

# {n} a number, {p} a page range, {d} a date. Spaces are plain: only names get no-break spaces here.
TERMS: dict[str, dict[str, str]] = {
    "kk": {"total": "{n} б.", "pages": "{p} б.", "volume": "Т. {n}", "number": "№ {n}", "edition": "{n}-бас.",
           "others": "[т.б.]", "editor": "ред.", "eresource": "[Электрондық ресурс]",
           "accessed": "(қаралған күні: {d})", "print": "Мәтін : тікелей", "online": "Мәтін : электрондық"},
    "ru": {"total": "{n} с.", "pages": "С. {p}", "volume": "Т. {n}", "number": "№ {n}", "edition": "{n}-е изд.",
           "others": "[и др.]", "editor": "под ред.", "eresource": "[Электронный ресурс]",
           "accessed": "(дата обращения: {d})", "print": "Текст : непосредственный", "online": "Текст : электронный"},
    "en": {"total": "{n} p.", "pages": "P. {p}", "volume": "Vol. {n}", "number": "No. {n}", "edition": "{n} ed.",
           "others": "[et al.]", "editor": "ed. by", "eresource": "[Electronic resource]",
           "accessed": "(accessed: {d})", "print": "Text : unmediated", "online": "Text : electronic"},
    "uz": {"total": "{n} б.", "pages": "{p} б.", "volume": "Т. {n}", "number": "№ {n}", "edition": "{n}-нашр",
           "others": "[ва б.]", "editor": "таҳр.", "eresource": "[Электрон ресурс]",
           "accessed": "(мурожаат санаси: {d})", "print": "Матн : бевосита", "online": "Матн : электрон"},
    # Uzbek sources in Latin script (the official script since 1993) get the same terms transliterated.
    "uz-Latn": {"total": "{n} b.", "pages": "{p} b.", "volume": "T. {n}", "number": "№ {n}", "edition": "{n}-nashr",
                "others": "[va b.]", "editor": "tahr.", "eresource": "[Elektron resurs]",
                "accessed": "(murojaat sanasi: {d})", "print": "Matn : bevosita", "online": "Matn : elektron"},
}

MONTHS: dict[str, tuple[str, ...]] = {
    "kk": ("қаң.", "ақп.", "нау.", "сәу.", "мам.", "мау.", "шіл.", "там.", "қыр.", "қаз.", "қар.", "жел."),
    "ru": ("янв.", "февр.", "марта", "апр.", "мая", "июня", "июля", "авг.", "сент.", "окт.", "нояб.", "дек."),
    "en": ("Jan.", "Feb.", "Mar.", "Apr.", "May", "June", "July", "Aug.", "Sept.", "Oct.", "Nov.", "Dec."),
    # FORMATTING.md gives no Uzbek list: the usual abbreviations of the Uzbek month names.
    "uz": ("янв.", "фев.", "мар.", "апр.", "май", "июн", "июл", "авг.", "сен.", "окт.", "ноя.", "дек."),
    "uz-Latn": ("yan.", "fev.", "mar.", "apr.", "may", "iyun", "iyul", "avg.", "sen.", "okt.", "noy.", "dek."),
}

# langid / language values → language. Zotero writes "en-US", "ru", "Русский"; biblatex "russian".
LANGIDS = {
    **dict.fromkeys(("kk", "kaz", "kazakh", "қазақ", "қазақша", "қазақ тілі", "казахский"), "kk"),
    **dict.fromkeys(("ru", "rus", "russian", "русский", "орыс", "орысша"), "ru"),
    **dict.fromkeys(("en", "eng", "english", "american", "british", "usenglish", "ukenglish", "canadian",
                     "australian", "newzealand", "английский", "ағылшын", "ағылшынша"), "en"),
    **dict.fromkeys(("uz", "uzb", "uzbek", "o'zbek", "oʻzbek", "ўзбек", "узбекский", "өзбек"), "uz"),
}

UZBEK_LETTERS = frozenset("ЎўҲҳ")
KAZAKH_LETTERS = frozenset("ӘәҒғҚқҢңӨөҰұҮүҺһІі")

# GOST R 7.0.100-2018 writes places in full; GOST 7.1-2003 keeps what the .bib says.
FULL_PLACES = {
    "М.": "Москва", "СПб.": "Санкт-Петербург", "СПб": "Санкт-Петербург", "С.-Пб.": "Санкт-Петербург",
    "С.-Петербург": "Санкт-Петербург", "Л.": "Ленинград", "Н. Новгород": "Нижний Новгород",
    "Н.Новгород": "Нижний Новгород", "Ростов н/Д": "Ростов-на-Дону", "Ростов н/Д.": "Ростов-на-Дону",
    "Мн.": "Минск", "К.": "Киев", "А.": "Алматы", "А.-А.": "Алма-Ата", "Т.": "Ташкент",
    "N.Y.": "New York", "N. Y.": "New York", "L.": "London", "P.": "Paris", "B.": "Berlin",
    "Oxf.": "Oxford", "Camb.": "Cambridge",
}
FULL_PLACES_UZ = {"Т.": "Тошкент", "T.": "Toshkent"}


def terms_for(language: str, title: str) -> str:
    """The key of :data:`TERMS` for a source: its language, with Uzbek split by script."""
    if language == "uz" and not re.search("[\u0400-\u04ff]", title):
        return "uz-Latn"
    return language if language in TERMS else "en"


def language_of(stated: str, title: str) -> str:
    """FORMATTING.md §4: ``langid``/``language`` when it names kk/ru/en/uz, else the title's letters decide."""
    stated = stated.strip().lower()
    for candidate in (stated, *re.split(r"[-_,;/\s]+", stated)[:1]):
        if candidate in LANGIDS:
            return LANGIDS[candidate]
    letters = set(title)
    if letters & UZBEK_LETTERS:
        return "uz"
    if letters & KAZAKH_LETTERS:
        return "kk"
    if re.search("[\u0400-\u04ff]", title):
        return "ru"
    return "en"


def full_place(place: str, language: str) -> str:
    """``М.`` → ``Москва`` (each of ``М. ; СПб.`` on its own) for GOST R 7.0.100-2018."""
    table = {**FULL_PLACES, **FULL_PLACES_UZ} if language == "uz" else FULL_PLACES
    return " ; ".join(table.get(p.strip(), p.strip()) for p in place.split(";"))


def edition_text(value: str, terms: str) -> str:
    """``2`` → ``2-е изд.`` / ``2-бас.`` / ``2nd ed.``; text that is not a number is printed as written."""
    value = value.strip()
    if not value.isdigit():
        return value
    if terms == "en":
        number = int(value)
        suffix = "th" if 10 <= number % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(number % 10, "th")
        return f"{number}{suffix} ed."
    return TERMS[terms]["edition"].format(n=int(value))
