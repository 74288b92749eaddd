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
