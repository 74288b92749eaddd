"""Russian (ru): the document's strings, typography, hyphenation, case forms and checker words, and the terms of
Russian sources."""

from __future__ import annotations

from kazthesis.i18n import N_
from kazthesis.lang.language import (
    Declension,
    DocumentTable,
    Hyphenation,
    Language,
    NewProject,
    SourceTable,
    Typography,
)

ALPHABET = frozenset("абвгдеёжзийклмнопрстуфхцчшщъыьэюя")

STRINGS = {
    "contents": "СОДЕРЖАНИЕ",
    "abbreviations": "ПЕРЕЧЕНЬ СОКРАЩЕНИЙ И ОБОЗНАЧЕНИЙ",
    "introduction": "ВВЕДЕНИЕ",
    "conclusion": "ЗАКЛЮЧЕНИЕ",
    "references": "СПИСОК ИСПОЛЬЗОВАННЫХ ИСТОЧНИКОВ",
    "terms": "ТЕРМИНЫ И ОПРЕДЕЛЕНИЯ",
    "appendix": "ПРИЛОЖЕНИЕ {letter}",
    "figure": "Рисунок {n}",
    "table": "Таблица {n}",
    "table_continued": "Продолжение таблицы {n}",
    "listing": "Листинг {n}",
    "listing_continued": "Продолжение листинга {n}",
    "figure_ref": "рисунок {n}",
    "table_ref": "таблица {n}",
    "appendix_ref": "приложение {letter}",
    "listing_ref": "листинг {n}",
    "figure_refs": "рисунки {n}",
    "table_refs": "таблицы {n}",
    "appendix_refs": "приложения {letter}",
    "listing_refs": "листинги {n}",
    "page": "с. {pages}",
    "pages": "с. {pages}",
    "author": "Выполнил(а)",
    "supervisor": "Научный руководитель",
    "discipline": "Дисциплина",
    "specialty": "Специальность",
    "topic": "Тема",
    "group_member": "студент группы {group}",
    "approval": "«Допущен к защите»",
    "head_of_department": "Заведующий кафедрой",
    "date_line": "«___» ____________ {year} г.",
    "work_coursework": "Курсовая работа",
    "work_diploma": "Дипломная работа",
    "work_master": "Магистерская диссертация",
    "terms_intro": "В настоящей работе применяют следующие термины с соответствующими определениями:",
    # The statistics line abbreviated as GOST 7.32-2017 5.2 does: "Отчет 120 с., 24 рис., 12 табл., 50 источн.".
    "statistics_pages": "{n} с.",
    "statistics_figures": "{n} рис.",
    "statistics_figures_one": "{n} рис.",
    "statistics_tables": "{n} табл.",
    "statistics_tables_one": "{n} табл.",
    "statistics_sources": "{n} источн.",
    "statistics_sources_one": "{n} источн.",
    "statistics_appendices": "{n} прил.",
    "statistics_appendices_one": "{n} прил.",
    "inserted_page": "Вместо этой страницы вкладывается страница {page} файла {file}",
}

# A preposition right before a cross-reference governs a case; the noun of each kind of target in that case.
DECLENSION = Declension(
    prepositions={"в": "loc", "во": "loc", "на": "loc", "о": "loc", "об": "loc", "при": "loc", "из": "gen",
                  "у": "gen", "от": "gen", "до": "gen", "для": "gen", "без": "gen", "к": "dat", "ко": "dat",
                  "по": "dat", "с": "ins", "со": "ins", "над": "ins", "под": "ins"},
    nouns={
        "fig": {"nom": ("рисунок", "рисунки"), "loc": ("рисунке", "рисунках"), "gen": ("рисунка", "рисунков"),
                "dat": ("рисунку", "рисункам"), "ins": ("рисунком", "рисунками")},
        "tbl": {"nom": ("таблица", "таблицы"), "loc": ("таблице", "таблицах"), "gen": ("таблицы", "таблиц"),
                "dat": ("таблице", "таблицам"), "ins": ("таблицей", "таблицами")},
        "lst": {"nom": ("листинг", "листинги"), "loc": ("листинге", "листингах"), "gen": ("листинга", "листингов"),
                "dat": ("листингу", "листингам"), "ins": ("листингом", "листингами")},
        "app": {"nom": ("приложение", "приложения"), "loc": ("приложении", "приложениях"),
                "gen": ("приложения", "приложений"), "dat": ("приложению", "приложениям"),
                "ins": ("приложением", "приложениями")},
    },
)

RUSSIAN = Language(
    code="ru",
    name=N_("Russian"),  # marked for the message catalogues
    names=("ru", "rus", "russian", "русский", "орыс", "орысша", "orys"),
    script="Cyrl",
    letters=frozenset(),
    # Prepositions, conjunctions and endings Kazakh and Uzbek do not write (not -их or -ий: тарих, иқтисодий).
    words=frozenset({"и", "в", "во", "на", "для", "под", "по", "о", "об", "от", "из", "с", "со", "к", "при", "как",
                     "что", "не", "или", "без", "над", "между", "через", "после", "до", "у", "а", "за", "про"}),
    endings=("ого", "его", "ому", "ему", "ая", "яя", "ое", "ее", "ые", "ие", "ых", "ой", "ских", "них", "ский",
             "цкий", "ость", "ости", "ние", "ния", "нию", "ний", "ниях", "ция", "ции", "ций", "ться", "ется", "ются",
             "ство", "ства", "ству"),
    stands_for_script=True,  # a Ukrainian or Belarusian source is described with the Russian terms
    sources={"Cyrl": SourceTable(
        terms={"total": "{n} с.", "pages": "С. {p}", "volume": "Т. {n}", "number": "№ {n}", "edition": "{n}-е изд.",
               "others": "[и др.]", "editor": "под ред.", "eresource": "[Электронный ресурс]",
               "accessed": "(дата обращения: {d})", "print": "Текст : непосредственный",
               "online": "Текст : электронный", "phd": "дис. ... д-ра философии (PhD)", "master": "дис. ... магистра",
               "candidate": "дис. ... канд. наук", "doctor": "дис. ... д-ра наук"},
        months=("янв.", "февр.", "марта", "апр.", "мая", "июня", "июля", "авг.", "сент.", "окт.", "нояб.", "дек."),
        month_stems=(("янв",), ("фев",), ("мар",), ("апр",), ("май", "мая", "мае"), ("июн",), ("июл",), ("авг",),
                     ("сен",), ("окт",), ("ноя",), ("дек",)),
    )},
    document=DocumentTable(
        tag="ru-RU",
        strings=STRINGS,
        appendix_letters="АБВГДЕЖИКЛМНПРСТУФХЦШЩЭЮЯ",  # without Ё З Й О Ч Ъ Ы Ь
        abstract_titles=("АННОТАЦИЯ", "РЕФЕРАТ"),
        typography=Typography(
            quotes=("«", "»", "„", "“"),
            before_number="с|С|т|Т|ч|Ч|гл|рис|табл|вып|стр",
            after_number=r"г\.|гг\.|в\.|вв\.|с\.|т\.|млн|млрд|трлн|тыс\.|руб\.|долл\.|тенге|тг|чел\.|экз\.|км|кг|га"
                         r"|см|мм|м|т",
            century_words=r"в\.|вв\.|век\w*",
            one_letter_words="вскиаоуяВСКИАОУЯ",  # prepositions, conjunctions, particles: в Москве, и в 2001
        ),
        # Russian words by Pyphen's dictionary, words with a Kazakh letter by the Kazakh rules.
        hyphenation=Hyphenation(ALPHABET, "ru_RU", ("ru", "kk")),
        decimal_separator=",",
        page_words=("с", "стр"),
        introduction={"relevance": ("актуальность", ("актуальн",)), "aim": ("цель", ("цель", "цели")),
                      "objectives": ("задачи", ("задач",)), "object": ("объект", ("объект",)),
                      "subject": ("предмет", ("предмет",)), "methods": ("методы", ("метод",)),
                      "structure": ("структура", ("структур",))},
        declension=DECLENSION,
        new_project=NewProject(
            made="Новый проект создан: {dir} ({kind}, на русском языке).",
            files=("thesis.toml     настройки и титульный лист: заполните поля в квадратных скобках",
                   "content/        введение, две главы, заключение, приложение (Markdown)",
                   "references.bib  источники",
                   "images/         рисунки"),
            next="Что дальше:",
            warn="Первая сборка выдаст предупреждения (незаполненные поля, малый объём и мало источников):\n"
                 "это нормально, они исчезнут по мере того, как вы замените текст своим.",
            settings_header="Настройки проекта. Заполните поля в квадратных скобках своими данными; уберите # "
                            "перед\nнастройкой, чтобы её изменить (показано значение по умолчанию).",
        ),
    ),
)
