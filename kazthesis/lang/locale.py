"""Fixed strings of the document in kk, ru and en (FORMATTING.md §2 and §3)."""

from __future__ import annotations

STRINGS: dict[str, dict[str, str]] = {
    "kk": {
        "contents": "МАЗМҰНЫ",
        "abbreviations": "БЕЛГІЛЕУЛЕР МЕН ҚЫСҚАРТУЛАР",
        "introduction": "КІРІСПЕ",
        "conclusion": "ҚОРЫТЫНДЫ",
        "references": "ПАЙДАЛАНЫЛҒАН ӘДЕБИЕТТЕР ТІЗІМІ",
        "appendix": "ҚОСЫМША {letter}",
        "figure": "{n}-сурет",
        "table": "{n}-кесте",
        "table_continued": "{n}-кестенің жалғасы",
        "figure_ref": "{n}-сурет",
        "table_ref": "{n}-кесте",
        "appendix_ref": "{letter} қосымшасы",
        "figure_refs": "{n}-суреттер",
        "table_refs": "{n}-кестелер",
        "appendix_refs": "{letter} қосымшалары",
        "page": "{pages} б.",
        "author": "Орындаған",
        "supervisor": "Ғылыми жетекші",
        "discipline": "Пәні",
        "specialty": "Мамандығы",
        "topic": "Тақырыбы",
        "group_member": "{group} тобының студенті",
        "approval": "«Қорғауға жіберілді»",
        "head_of_department": "Кафедра меңгерушісі",
        "date_line": "«___» ____________ {year} ж.",
    },
    "ru": {
        "contents": "СОДЕРЖАНИЕ",
        "abbreviations": "ПЕРЕЧЕНЬ СОКРАЩЕНИЙ И ОБОЗНАЧЕНИЙ",
        "introduction": "ВВЕДЕНИЕ",
        "conclusion": "ЗАКЛЮЧЕНИЕ",
        "references": "СПИСОК ИСПОЛЬЗОВАННЫХ ИСТОЧНИКОВ",
        "appendix": "ПРИЛОЖЕНИЕ {letter}",
        "figure": "Рисунок {n}",
        "table": "Таблица {n}",
        "table_continued": "Продолжение таблицы {n}",
        "figure_ref": "рисунок {n}",
        "table_ref": "таблица {n}",
        "appendix_ref": "приложение {letter}",
        "figure_refs": "рисунки {n}",
        "table_refs": "таблицы {n}",
        "appendix_refs": "приложения {letter}",
        "page": "с. {pages}",
        "author": "Выполнил(а)",
        "supervisor": "Научный руководитель",
        "discipline": "Дисциплина",
        "specialty": "Специальность",
        "topic": "Тема",
        "group_member": "студент группы {group}",
        "approval": "«Допущен к защите»",
        "head_of_department": "Заведующий кафедрой",
        "date_line": "«___» ____________ {year} г.",
    },
    "en": {
        "contents": "CONTENTS",
        "abbreviations": "ABBREVIATIONS",
        "introduction": "INTRODUCTION",
        "conclusion": "CONCLUSION",
        "references": "REFERENCES",
        "appendix": "APPENDIX {letter}",
        "figure": "Figure {n}",
        "table": "Table {n}",
        "table_continued": "Table {n} continued",
        "figure_ref": "Figure {n}",
        "table_ref": "Table {n}",
        "appendix_ref": "Appendix {letter}",
        "figure_refs": "Figures {n}",
        "table_refs": "Tables {n}",
        "appendix_refs": "Appendices {letter}",
        "page": "p. {pages}",
        "pages": "pp. {pages}",
        "author": "Performed by",
        "supervisor": "Supervisor",
        "discipline": "Discipline",
        "specialty": "Specialty",
        "topic": "Topic",
        "group_member": "student of group {group}",
        "approval": "Admitted to defence",
        "head_of_department": "Head of department",
        "date_line": "“___” ____________ {year}",
    },
}

# Appendix letters: kk and ru skip Ё З Й О Ч Ъ Ы Ь (FORMATTING.md §2).
APPENDIX_LETTERS = {
    "kk": "АБВГДЕЖИКЛМНПРСТУФХЦШЩЭЮЯ",
    "ru": "АБВГДЕЖИКЛМНПРСТУФХЦШЩЭЮЯ",
    "en": "ABCDEFGHIJKLMNOPQRSTUVWXYZ",
}


def text(language: str, name: str, **values: object) -> str:
    """The fixed string ``name`` in ``language``, with its placeholders filled."""
    return STRINGS[language][name].format(**values)


def appendix_letter(language: str, index: int) -> str:
    """Letter of the ``index``-th appendix (0-based): А, Б, В… or A, B, C…"""
    letters = APPENDIX_LETTERS[language]
    if index < len(letters):
        return letters[index]
    return letters[index // len(letters) - 1] + letters[index % len(letters)]


def page_locator(language: str, pages: str) -> str:
    """``25`` → ``25 б.`` / ``с. 25`` / ``p. 25``; a range takes ``pp.`` in en."""
    if language == "en" and "–" in pages:
        return text(language, "pages", pages=pages)
    return text(language, "page", pages=pages)


# --- what faculties add around the chapters: annotations, listings, terms, inserted pages ---------------
# Kept apart from STRINGS above and merged into it, one registry for the writers.
#
# The statistics line of an annotation follows GOST 7.32-2017 5.2 ("Отчет 120 с., 24 рис., 12 табл.,
# 50 источн., 2 прил."): ru as the standard abbreviates it; kk with the page abbreviation б. (бет) as in
# Kazakh bibliographic descriptions and the nouns written out (after a numeral a Kazakh noun takes no plural
# and needs no abbreviation: "3 сурет, 2 кесте, 20 дереккөз, 1 қосымша"); en in words, singular after 1.
FACULTY_STRINGS: dict[str, dict[str, str]] = {
    "kk": {
        "listing": "{n}-листинг",
        "listing_continued": "{n}-листингтің жалғасы",
        "listing_ref": "{n}-листинг",
        "listing_refs": "{n}-листингтер",
        "terms": "ТЕРМИНДЕР МЕН АНЫҚТАМАЛАР",
        "terms_intro": "Осы жұмыста тиісті анықтамалары бар мынадай терминдер қолданылады:",
        "work_coursework": "Курстық жұмыс",
        "work_diploma": "Дипломдық жұмыс",
        "work_master": "Магистрлік диссертация",
        "statistics_pages": "{n} б.",
        "statistics_figures": "{n} сурет",
        "statistics_tables": "{n} кесте",
        "statistics_sources": "{n} дереккөз",
        "statistics_appendices": "{n} қосымша",
        "inserted_page": "Бұл беттің орнына {file} файлының {page}-беті қойылады",
    },
    "ru": {
        "listing": "Листинг {n}",
        "listing_continued": "Продолжение листинга {n}",
        "listing_ref": "листинг {n}",
        "listing_refs": "листинги {n}",
        "terms": "ТЕРМИНЫ И ОПРЕДЕЛЕНИЯ",
        "terms_intro": "В настоящей работе применяют следующие термины с соответствующими определениями:",
        "work_coursework": "Курсовая работа",
        "work_diploma": "Дипломная работа",
        "work_master": "Магистерская диссертация",
        "statistics_pages": "{n} с.",
        "statistics_figures": "{n} рис.",
        "statistics_tables": "{n} табл.",
        "statistics_sources": "{n} источн.",
        "statistics_appendices": "{n} прил.",
        "inserted_page": "Вместо этой страницы вкладывается страница {page} файла {file}",
    },
    "en": {
        "listing": "Listing {n}",
        "listing_continued": "Listing {n} continued",
        "listing_ref": "Listing {n}",
        "listing_refs": "Listings {n}",
        "terms": "TERMS AND DEFINITIONS",
        "terms_intro": "The following terms and definitions are used in this work:",
        "work_coursework": "Coursework",
        "work_diploma": "Diploma thesis",
        "work_master": "Master's thesis",
        "statistics_pages": "{n} p.",
        "statistics_figures": "{n} figures",
        "statistics_figures_one": "{n} figure",
        "statistics_tables": "{n} tables",
        "statistics_tables_one": "{n} table",
        "statistics_sources": "{n} sources",
        "statistics_sources_one": "{n} source",
        "statistics_appendices": "{n} appendices",
        "statistics_appendices_one": "{n} appendix",
        "inserted_page": "Page {page} of {file} goes in place of this page",
    },
}
for _language, _strings in FACULTY_STRINGS.items():
    STRINGS[_language].update(_strings)

# The usual titles of an annotation in each language (upper case), for telling its language.
ABSTRACT_TITLES = {"АҢДАТПА": "kk", "ТҮЙІНДЕМЕ": "kk", "АННОТАЦИЯ": "ru", "РЕФЕРАТ": "ru", "ANNOTATION": "en",
                   "ABSTRACT": "en", "SUMMARY": "en"}
KAZAKH_LETTERS = set("ӘәҒғҚқҢңӨөҰұҮүҺһІі")


def abstract_language(title: str, default: str) -> str:
    """The language of an annotation from its title: АҢДАТПА → kk, АННОТАЦИЯ → ru, ANNOTATION → en; another
    title by its letters (Kazakh letters → kk, other Cyrillic → ru, Latin → en); ``default`` when it has none."""
    word = title.strip().upper()
    if word in ABSTRACT_TITLES:
        return ABSTRACT_TITLES[word]
    if any(c in KAZAKH_LETTERS for c in title):
        return "kk"
    if any("\u0400" <= c <= "\u04ff" for c in title):
        return "ru"
    if any("a" <= c.lower() <= "z" for c in title):
        return "en"
    return default


def statistics_text(language: str, work_type: str, figures: int, tables: int, sources: int,
                    appendices: int) -> str:
    """The statistics line with ``{pages}`` left to fill in: "Курсовая работа {pages} с., 3 рис., 1 прил."
    Counts of zero are left out, as GOST 7.32's example leaves out what a report does not have."""
    strings = STRINGS[language]

    def count(name: str, n: int) -> str:
        key = f"statistics_{name}_one" if n == 1 and f"statistics_{name}_one" in strings else f"statistics_{name}"
        return strings[key].format(n=n).replace(" ", "\u00a0", 1)  # a number never parts from its word

    parts = [strings["statistics_pages"].format(n="{pages}").replace(" ", "\u00a0", 1)]
    parts += [count(name, n) for name, n in (("figures", figures), ("tables", tables), ("sources", sources),
                                            ("appendices", appendices)) if n]
    line = f"{strings['work_' + work_type]} {', '.join(parts)}"
    return line if line.endswith(".") else line + "."
