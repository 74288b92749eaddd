"""What a source's language changes in its description: the terms table of FORMATTING.md §4.

Also how that language is found (``langid``/``language`` in any form a
reference manager writes, read with langcodes; else the letters of the title,
journal and imprint) and the full city names of GOST R 7.0.100-2018.
"""

from __future__ import annotations

import re
from functools import lru_cache

LANGUAGES = ("kk", "ru", "en", "uz")

# {n} a number, {p} a page range, {d} a date. Spaces are plain: only names get no-break spaces here.
# phd, master, candidate, doctor: a dissertation's kind, GOST 7.1's "дис. ... канд. ист. наук" without the
# branch of science (a type key does not say it). In Kazakhstan (since 2011) and Uzbekistan a PhD is the
# doctor of philosophy degree, "доктор философии (PhD)" / "философия докторы (PhD)" / "фалсафа доктори (PhD)",
# as their dissertations' title pages say; candidate and doctor are the earlier "кандидат наук" and
# "доктор наук". In kk and uz the degree comes first and "дис." last, as the languages order "X дәрежесін
# алуға арналған диссертация"; "..." stands for the words left out, as in GOST's own example.
TERMS: dict[str, dict[str, str]] = {
    "kk": {"total": "{n} б.", "pages": "{p} б.", "volume": "Т. {n}", "number": "№ {n}", "edition": "{n}-бас.",
           "others": "[т.б.]", "editor": "ред.", "eresource": "[Электрондық ресурс]",
           "accessed": "(қаралған күні: {d})", "print": "Мәтін : тікелей", "online": "Мәтін : электрондық",
           "phd": "философия докторы (PhD) ... дис.", "master": "магистр ... дис.", "candidate": "ғыл. канд. ... дис.",
           "doctor": "ғыл. д-ры ... дис."},
    "ru": {"total": "{n} с.", "pages": "С. {p}", "volume": "Т. {n}", "number": "№ {n}", "edition": "{n}-е изд.",
           "others": "[и др.]", "editor": "под ред.", "eresource": "[Электронный ресурс]",
           "accessed": "(дата обращения: {d})", "print": "Текст : непосредственный", "online": "Текст : электронный",
           "phd": "дис. ... д-ра философии (PhD)", "master": "дис. ... магистра", "candidate": "дис. ... канд. наук",
           "doctor": "дис. ... д-ра наук"},
    "en": {"total": "{n} p.", "pages": "P. {p}", "volume": "Vol. {n}", "number": "No. {n}", "edition": "{n} ed.",
           "others": "[et al.]", "editor": "ed. by", "eresource": "[Electronic resource]",
           "accessed": "(accessed: {d})", "print": "Text : unmediated", "online": "Text : electronic",
           "phd": "PhD thesis", "master": "Master's thesis", "candidate": "Candidate of Sciences thesis",
           "doctor": "Doctor of Sciences thesis"},
    "uz": {"total": "{n} б.", "pages": "{p} б.", "volume": "Т. {n}", "number": "№ {n}", "edition": "{n}-нашр",
           "others": "[ва б.]", "editor": "таҳр.", "eresource": "[Электрон ресурс]",
           "accessed": "(мурожаат санаси: {d})", "print": "Матн : бевосита", "online": "Матн : электрон",
           "phd": "фалсафа доктори (PhD) ... дис.", "master": "магистр ... дис.", "candidate": "фан номзоди ... дис.",
           "doctor": "фан доктори ... дис."},
    # Uzbek sources in Latin script (the official script since 1993) get the same terms transliterated.
    "uz-Latn": {"total": "{n} b.", "pages": "{p} b.", "volume": "T. {n}", "number": "№ {n}", "edition": "{n}-nashr",
                "others": "[va b.]", "editor": "tahr.", "eresource": "[Elektron resurs]",
                "accessed": "(murojaat sanasi: {d})", "print": "Matn : bevosita", "online": "Matn : elektron",
                "phd": "falsafa doktori (PhD) ... dis.", "master": "magistr ... dis.",
                "candidate": "fan nomzodi ... dis.", "doctor": "fan doktori ... dis."},
}

MONTHS: dict[str, tuple[str, ...]] = {
    "kk": ("қаң.", "ақп.", "нау.", "сәу.", "мам.", "мау.", "шіл.", "там.", "қыр.", "қаз.", "қар.", "жел."),
    "ru": ("янв.", "февр.", "марта", "апр.", "мая", "июня", "июля", "авг.", "сент.", "окт.", "нояб.", "дек."),
    "en": ("Jan.", "Feb.", "Mar.", "Apr.", "May", "June", "July", "Aug.", "Sept.", "Oct.", "Nov.", "Dec."),
    # FORMATTING.md gives no Uzbek list: the usual abbreviations of the Uzbek month names.
    "uz": ("янв.", "фев.", "мар.", "апр.", "май", "июн", "июл", "авг.", "сен.", "окт.", "ноя.", "дек."),
    "uz-Latn": ("yan.", "fev.", "mar.", "apr.", "may", "iyun", "iyul", "avg.", "sen.", "okt.", "noy.", "dek."),
}

# langid / language values read without langcodes: the four languages' usual names and codes (importing
# langcodes costs ~70 ms a run), babel's and biblatex's names it does not know, Kazakh and Uzbek self-names.
# Everything else ("ukrainian", "de-DE", "Deutsch", "Українська"…) goes to langcodes.
LANGIDS = {
    **dict.fromkeys(("kk", "kaz", "kazakh", "қазақ", "қазақша", "қазақ тілі", "казахский", "qazaq", "qazaqsha",
                     "qazaq tili", "kazak"), "kk"),
    **dict.fromkeys(("ru", "rus", "russian", "русский", "орыс", "орысша", "orys"), "ru"),
    **dict.fromkeys(("en", "eng", "english", "american", "british", "usenglish", "ukenglish", "canadian",
                     "australian", "newzealand", "английский", "ағылшын", "ағылшынша"), "en"),
    **dict.fromkeys(("uz", "uzb", "uzbek", "o'zbek", "oʻzbek", "o‘zbek", "o’zbek", "ўзбек", "ўзбекча", "өзбек",
                     "узбекский", "узбекча"), "uz"),
    **dict.fromkeys(("ngerman", "austrian", "naustrian", "swissgerman", "nswissgerman"), "de"),
    **dict.fromkeys(("brazil", "brazilian", "portuges"), "pt"),
    **dict.fromkeys(("acadian", "canadien", "francais"), "fr"),
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


_LANGUAGE_NAME = re.compile(r"[^\W\d_][^\W\d_ '’ʻ()-]*(?:[ '’ʻ()-]+[^\W\d_]+)*\)?", re.UNICODE)


@lru_cache(maxsize=256)
def language_code(stated: str) -> str | None:
    """A ``langid``/``language`` value → an ISO 639 code: ``ukrainian``, ``uk-UA``, ``Українська`` → ``uk``.

    None when it names no language. A list (``English; Russian``) gives its first language.
    """
    text = stated.strip().lower().replace("_", "-")
    first = re.split(r"\s*[,;/]\s*", text)[0]
    primary = first.split("-")[0] if re.fullmatch(r"[a-z]{2,3}(?:-[a-z0-9]{2,8})*", first) else ""
    for candidate in (text, first, primary):  # "en-US" is English without asking langcodes
        if candidate in LANGIDS:
            return LANGIDS[candidate]
    import langcodes  # here, not at the top: most files never need it

    for candidate in dict.fromkeys((text, first)):
        if not candidate:
            continue
        try:
            tag = langcodes.get(candidate)
        except ValueError:  # not a tag: maybe a name, in English or in the language itself
            if not _LANGUAGE_NAME.fullmatch(candidate):  # language_data's trie breaks on NUL and odd bytes
                continue
            try:
                tag = langcodes.find(candidate)
            except (LookupError, ValueError, SystemError):
                continue
        if tag.is_valid() and tag.language and re.fullmatch("[a-z]{2,3}", tag.language) and tag.language != "und":
            return tag.language
    return None


def language_name(code: str) -> str:
    """``uk`` → ``Ukrainian``: for messages."""
    import langcodes

    return langcodes.Language.get(code).display_name("en")


def script_of(text: str) -> str | None:
    """``Cyrl`` or ``Latn``, whichever has more letters in ``text``; None without letters of either."""
    cyrillic = len(re.findall("[\u0400-\u04ff]", text))
    latin = sum(1 for c in text if c.isascii() and c.isalpha())
    if not cyrillic and not latin:
        return None
    return "Cyrl" if cyrillic >= latin else "Latn"


def terms_by_script(stated: str, code: str, text: str) -> str:
    """The terms for a language without its own (FORMATTING.md §4): Cyrillic → ru, anything else → en.

    The script is the one the tag names (``sr-Latn``), else the one the source is written in, else the
    language's usual one.
    """
    import langcodes

    try:
        tag = langcodes.get(stated.strip().replace("_", "-"))
        script = tag.script
    except ValueError:
        script = None
    script = script or script_of(text) or langcodes.Language.get(code).maximize().script
    return "ru" if script == "Cyrl" else "en"


def detect_language(text: str) -> str:
    """FORMATTING.md §4 without a ``langid``: a letter of ``ЎўҲҳ`` → uz; of ``ӘәҒғ…Іі`` → kk; other Cyrillic → ru."""
    letters = set(text)
    if letters & UZBEK_LETTERS:
        return "uz"
    if letters & KAZAKH_LETTERS:
        return "kk"
    if re.search("[\u0400-\u04ff]", text):
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
