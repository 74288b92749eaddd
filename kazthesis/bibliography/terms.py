"""Per-language terms of a GOST 7.1 description (FORMATTING.md §4)."""

from __future__ import annotations

TERMS: dict[str, dict[str, str]] = {
    "kk": {"total": "{n} б.", "pages": "{p} б.", "volume": "Т. {v}", "number": "№ {n}", "edition": "{n}-бас.",
           "others": "[т.б.]", "editor": "ред.", "eresource": "[Электрондық ресурс]",
           "accessed": "(қаралған күні: {d})", "text_print": "Мәтін : тікелей", "text_online": "Мәтін : электрондық"},
    "ru": {"total": "{n} с.", "pages": "С. {p}", "volume": "Т. {v}", "number": "№ {n}", "edition": "{n}-е изд.",
           "others": "[и др.]", "editor": "под ред.", "eresource": "[Электронный ресурс]",
           "accessed": "(дата обращения: {d})", "text_print": "Текст : непосредственный",
           "text_online": "Текст : электронный"},
    "en": {"total": "{n} p.", "pages": "P. {p}", "volume": "Vol. {v}", "number": "No. {n}", "edition": "{n} ed.",
           "others": "[et al.]", "editor": "ed. by", "eresource": "[Electronic resource]",
           "accessed": "(accessed: {d})", "text_print": "Text : unmediated", "text_online": "Text : electronic"},
    "uz": {"total": "{n} б.", "pages": "{p} б.", "volume": "Т. {v}", "number": "№ {n}", "edition": "{n}-нашр",
           "others": "[ва б.]", "editor": "таҳр.", "eresource": "[Электрон ресурс]",
           "accessed": "(мурожаат санаси: {d})", "text_print": "Матн : бевосита", "text_online": "Матн : электрон"},
}

MONTHS: dict[str, list[str]] = {
    "kk": ["қаң.", "ақп.", "нау.", "сәу.", "мам.", "мау.", "шіл.", "там.", "қыр.", "қаз.", "қар.", "жел."],
    "ru": ["янв.", "февр.", "марта", "апр.", "мая", "июня", "июля", "авг.", "сент.", "окт.", "нояб.", "дек."],
    "en": ["Jan.", "Feb.", "Mar.", "Apr.", "May", "June", "July", "Aug.", "Sept.", "Oct.", "Nov.", "Dec."],
    "uz": ["янв.", "фев.", "мар.", "апр.", "май", "июн.", "июл.", "авг.", "сен.", "окт.", "нояб.", "дек."],
}

LANGIDS = {
    "kk": "kk", "kazakh": "kk", "kaz": "kk", "ru": "ru", "russian": "ru", "rus": "ru",
    "en": "en", "english": "en", "american": "en", "british": "en", "eng": "en", "usenglish": "en",
    "ukenglish": "en", "uz": "uz", "uzbek": "uz", "uzb": "uz",
}

# GOST R 7.0.100-2018 writes cities in full.
FULL_CITY = {"М.": "Москва", "СПб.": "Санкт-Петербург", "Л.": "Ленинград", "Н. Новгород": "Нижний Новгород",
             "Ростов н/Д": "Ростов-на-Дону", "Мн.": "Минск", "К.": "Киев", "А.": "Алматы"}


def edition_text(value: str, language: str) -> str:
    """``2`` → ``2-е изд.``; English ordinals; non-numeric text as written."""
    value = value.strip()
    if not value.isdigit():
        return value
    if language == "en":
        n = int(value)
        suffix = "th" if 10 <= n % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")
        return f"{n}{suffix} ed."
    return TERMS[language]["edition"].format(n=value)
