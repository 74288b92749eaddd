"""Kazakh (kk): the document's strings, typography, hyphenation and checker words, and the terms of Kazakh sources."""

from __future__ import annotations

from kazthesis.i18n import N_
from kazthesis.lang.language import (
    KAZAKH_SYLLABLES,
    DocumentTable,
    Hyphenation,
    Language,
    NewProject,
    SourceTable,
    Typography,
)

# Every letter of the Kazakh Cyrillic alphabet (which contains the Russian one), and those only Kazakh writes.
ALPHABET = frozenset("аәбвгғдеёжзийкқлмнңоөпрстуұүфхһцчшщъыіьэюя")
LETTERS = frozenset("ӘәҒғҚқҢңӨөҰұҮүҺһІі")

STRINGS = {
    "contents": "МАЗМҰНЫ",
    "abbreviations": "БЕЛГІЛЕУЛЕР МЕН ҚЫСҚАРТУЛАР",
    "introduction": "КІРІСПЕ",
    "conclusion": "ҚОРЫТЫНДЫ",
    "references": "ПАЙДАЛАНЫЛҒАН ӘДЕБИЕТТЕР ТІЗІМІ",
    "terms": "ТЕРМИНДЕР МЕН АНЫҚТАМАЛАР",
    "appendix": "ҚОСЫМША {letter}",
    "figure": "{n}-сурет",
    "table": "{n}-кесте",
    "table_continued": "{n}-кестенің жалғасы",
    "listing": "{n}-листинг",
    "listing_continued": "{n}-листингтің жалғасы",
    "figure_ref": "{n}-сурет",
    "table_ref": "{n}-кесте",
    "appendix_ref": "{letter} қосымшасы",
    "listing_ref": "{n}-листинг",
    "figure_refs": "{n}-суреттер",
    "table_refs": "{n}-кестелер",
    "appendix_refs": "{letter} қосымшалары",
    "listing_refs": "{n}-листингтер",
    "page": "{pages} б.",
    "pages": "{pages} б.",
    "author": "Орындаған",
    "supervisor": "Ғылыми жетекші",
    "discipline": "Пәні",
    "specialty": "Мамандығы",
    "topic": "Тақырыбы",
    "group_member": "{group} тобының студенті",
    "approval": "«Қорғауға жіберілді»",
    "head_of_department": "Кафедра меңгерушісі",
    "date_line": "«___» ____________ {year} ж.",
    "work_coursework": "Курстық жұмыс",
    "work_diploma": "Дипломдық жұмыс",
    "work_master": "Магистрлік диссертация",
    "terms_intro": "Осы жұмыста тиісті анықтамалары бар мынадай терминдер қолданылады:",
    # The statistics line of an annotation (GOST 7.32-2017 5.2) with the page abbreviation б. (бет), as Kazakh
    # bibliographic descriptions write it, and the nouns written out: after a numeral a Kazakh noun takes no
    # plural and needs no abbreviation ("3 сурет, 2 кесте, 20 дереккөз, 1 қосымша").
    "statistics_pages": "{n} б.",
    "statistics_figures": "{n} сурет",
    "statistics_figures_one": "{n} сурет",
    "statistics_tables": "{n} кесте",
    "statistics_tables_one": "{n} кесте",
    "statistics_sources": "{n} дереккөз",
    "statistics_sources_one": "{n} дереккөз",
    "statistics_appendices": "{n} қосымша",
    "statistics_appendices_one": "{n} қосымша",
    "inserted_page": "Бұл беттің орнына {file} файлының {page}-беті қойылады",
}

KAZAKH = Language(
    code="kk",
    name=N_("Kazakh"),  # marked for the message catalogues
    names=("kk", "kaz", "kazakh", "қазақ", "қазақша", "қазақ тілі", "казахский", "qazaq", "qazaqsha", "qazaq tili",
           "kazak"),
    script="Cyrl",
    letters=LETTERS,
    # Words only Kazakh writes that carry none of its own letters (its letters decide the rest).
    words=frozenset({"мен", "пен", "бен", "туралы", "тарихы", "жылы", "жылдары", "бойынша"}),
    sources={"Cyrl": SourceTable(
        # In kk the degree comes first and "дис." last, as the language orders "X дәрежесін алуға арналған
        # диссертация"; a PhD is the doctor of philosophy degree, as Kazakh dissertations' title pages say.
        terms={"total": "{n} б.", "pages": "{p} б.", "volume": "Т. {n}", "number": "№ {n}", "edition": "{n}-бас.",
               "others": "[т.б.]", "editor": "ред.", "eresource": "[Электрондық ресурс]",
               "accessed": "(қаралған күні: {d})", "print": "Мәтін : тікелей", "online": "Мәтін : электрондық",
               "phd": "философия докторы (PhD) ... дис.", "master": "магистр ... дис.",
               "candidate": "ғыл. канд. ... дис.", "doctor": "ғыл. д-ры ... дис."},
        months=("қаң.", "ақп.", "нау.", "сәу.", "мам.", "мау.", "шіл.", "там.", "қыр.", "қаз.", "қар.", "жел."),
        month_stems=(("қаң",), ("ақп",), ("нау",), ("сәу",), ("мам",), ("мау",), ("шіл",), ("там",), ("қыр",),
                     ("қаз",), ("қар",), ("жел",)),
    )},
    document=DocumentTable(
        tag="kk-KZ",
        strings=STRINGS,
        appendix_letters="АБВГДЕЖИКЛМНПРСТУФХЦШЩЭЮЯ",  # without Ё З Й О Ч Ъ Ы Ь
        abstract_titles=("АҢДАТПА", "ТҮЙІНДЕМЕ"),
        typography=Typography(
            quotes=("«", "»", "„", "“"),
            before_number="б|т|Т|бет|тарау|сур",
            after_number=r"ж\.ж\.|жж\.|ж\.|ғ\.|ғғ\.|б\.|т\.|с\.|г\.|гг\.|млн|млрд|трлн|мың|доллар|долл\.|теңге|тг"
                         r"|км|кг|га|см|мм|м|т",
            century_words=r"ғ\.|ғғ\.|ғасыр\w*",
        ),
        hyphenation=Hyphenation(ALPHABET, KAZAKH_SYLLABLES, ("kk",)),  # Pyphen ships no Kazakh dictionary
        decimal_separator=",",
        page_words=("б", "бет"),
        # Stems, so that "өзектілігі" and "өзектілік" both count.
        introduction={"relevance": ("өзектілігі", ("өзектілі",)), "aim": ("мақсаты", ("мақсат",)),
                      "objectives": ("міндеттері", ("міндет",)), "object": ("нысаны", ("нысан",)),
                      "subject": ("пәні", ("пән",)), "methods": ("әдістері", ("әдіс",)),
                      "structure": ("құрылымы", ("құрылым",))},
        new_project=NewProject(
            made="Жаңа жоба жасалды: {dir} ({kind}, қазақ тілінде).",
            files=("thesis.toml     баптаулар мен титул парағы: жақшадағы өрістерді толтырыңыз",
                   "content/        кіріспе, екі тарау, қорытынды, қосымша (Markdown)",
                   "references.bib  дереккөздер",
                   "images/         суреттер"),
            next="Келесі қадамдар:",
            warn="Алғашқы құрастыру ескертулер береді (толтырылмаған өрістер, жұмыс көлемі мен дереккөздер аз):\n"
                 "бұл қалыпты жағдай, мәтінді өзіңіздікімен алмастырған сайын олар азаяды.",
            settings_header="Жоба баптаулары. Жақшадағы өрістерді өз деректеріңізбен толтырыңыз; # белгісін алып "
                            "тастасаңыз,\nбаптау күшіне енеді (көрсетілген мән – әдепкі мән).",
        ),
    ),
)
