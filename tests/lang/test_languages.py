"""The language registry: every entry complete, and a new language is one new entry there and nothing else."""

from __future__ import annotations

import dataclasses
import re
import string
from pathlib import Path

import pytest
from conftest import read_pdf, run_cli, squash

from kazthesis.lang import identify, registry
from kazthesis.lang.en import ENGLISH
from kazthesis.lang.language import (
    INTRODUCTION_ELEMENTS,
    STRING_KEYS,
    TERM_KEYS,
    DocumentTable,
    Hyphenation,
    Language,
    NewProject,
    Typography,
)

ENTRIES = list(registry.LANGUAGES.values())
DOCUMENTS = [entry for entry in ENTRIES if entry.document is not None]


def _fields(template: str) -> set[str]:
    """The placeholders of a str.format template: "{n}-сурет" → {"n"}."""
    return {name for _, name, _, _ in string.Formatter().parse(template) if name}


def _nonempty(value: object) -> bool:
    return bool(value.strip()) if isinstance(value, str) else bool(value)


def test_the_registry_lists_the_document_and_source_languages() -> None:
    assert list(registry.LANGUAGES) == ["kk", "ru", "en", "uz"]
    assert list(registry.DOCUMENT_LANGUAGES) == ["kk", "ru", "en"]
    assert all(code == entry.code for code, entry in registry.LANGUAGES.items())


@pytest.mark.parametrize("entry", ENTRIES, ids=lambda entry: entry.code)
def test_every_entry_has_every_field_of_a_source_language(entry: Language) -> None:
    assert entry.name and entry.names and entry.script in ("Cyrl", "Latn")
    assert entry.code in entry.names and all(name == name.lower() for name in entry.names)
    assert entry.script in entry.sources, "a table for the script the language is usually written in"
    for table in entry.sources.values():
        assert tuple(table.terms) == TERM_KEYS, "the same keys, in the same order, as every other entry"
        assert all(_nonempty(value) for value in table.terms.values())
        for key, value in table.terms.items():
            assert _fields(value) == _fields(ENGLISH.sources["Latn"].terms[key]), key
        assert len(table.months) == 12 and all(_nonempty(month) for month in table.months)
        assert len(table.month_stems) == 12 and all(stems and all(stems) for stems in table.month_stems)
        assert table.ordinal(2).startswith("2")


@pytest.mark.parametrize("entry", DOCUMENTS, ids=lambda entry: entry.code)
def test_every_document_language_has_every_string_and_rule(entry: Language) -> None:
    table = entry.document
    assert table is not None and table.tag and table.decimal_separator and all(table.page_words)
    assert tuple(table.strings) == STRING_KEYS, "the same keys, in the same order, as every other entry"
    for key, value in table.strings.items():
        assert _nonempty(value), key
        assert _fields(value) == _fields(ENGLISH.document.strings[key]), f"{entry.code} {key}: other placeholders"
    assert len(set(table.appendix_letters)) == len(table.appendix_letters) > 20
    assert table.abstract_titles and all(title == title.upper() for title in table.abstract_titles)
    typography = table.typography
    assert len(typography.quotes) == 4 and all(typography.quotes)
    for pattern in (typography.before_number, typography.after_number, typography.century_words):
        assert pattern and re.compile(pattern)
    assert table.hyphenation.alphabet and table.hyphenation.dictionary and table.hyphenation.words
    assert all(registry.LANGUAGES[code].document is not None for code in table.hyphenation.words)
    assert tuple(table.introduction) == INTRODUCTION_ELEMENTS
    assert all(name and stems and all(stems) for name, stems in table.introduction.values())
    assert all(_nonempty(value) for value in dataclasses.asdict(table.new_project).values())
    if table.declension is not None:  # Russian: the cases its prepositions govern, for every kind of target
        cases = {"nom", *table.declension.prepositions.values()}
        assert all(set(forms) == cases for forms in table.declension.nouns.values())


def test_one_language_stands_for_each_script() -> None:
    standing = [entry.script for entry in ENTRIES if entry.stands_for_script]
    assert sorted(standing) == ["Cyrl", "Latn"]
    assert (registry.standing_for("Cyrl"), registry.standing_for("Latn"), registry.standing_for("Grek")) == \
        ("ru", "en", "en")


def test_letters_tell_the_language_and_kazakh_wins_a_tie_with_uzbek() -> None:
    codes = list(registry.LANGUAGES)
    assert identify.detect("Қазақстан тарихы", codes) == "kk"
    assert identify.detect("Ғылым", codes) == "kk"  # Ғ is Kazakh and Uzbek: the first entry wins
    assert identify.detect("Ўзбекистон тарихи", codes) == "uz"
    assert identify.detect("Халқ сўзи", codes) == "uz"  # қ and ў: Uzbek's letters hold both
    assert identify.detect("История", codes) == "ru"
    assert identify.detect("History", codes) == "en"
    assert identify.detect("1991–2001", codes) is None


# --- a made-up language, registered as one entry: copied from English, with other words ---------------------

WORDS = {
    "contents": "ENHAVO", "abbreviations": "MALLONGIGOJ", "introduction": "ENKONDUKO", "conclusion": "KONKLUDO",
    "references": "FONTOLISTO", "terms": "TERMINOJ", "appendix": "ALDONAĴO {letter}", "figure": "Bildo {n}",
    "table": "Tabelo {n}", "table_continued": "Daŭrigo de tabelo {n}", "listing": "Kodo {n}",
    "listing_continued": "Daŭrigo de kodo {n}", "figure_ref": "bildo {n}", "table_ref": "tabelo {n}",
    "appendix_ref": "aldonaĵo {letter}", "listing_ref": "kodo {n}", "figure_refs": "bildoj {n}",
    "table_refs": "tabeloj {n}", "appendix_refs": "aldonaĵoj {letter}", "listing_refs": "kodoj {n}",
    "page": "pĝ. {pages}", "pages": "pĝj. {pages}", "author": "Verkis", "supervisor": "Gvidanto",
    "discipline": "Fako", "specialty": "Specialeco", "topic": "Temo", "group_member": "studento de grupo {group}",
    "approval": "Permesita al defendo", "head_of_department": "Estro de katedro",
    "date_line": "„___“ ____________ {year}", "work_coursework": "Kursa laboro", "work_diploma": "Diploma laboro",
    "work_master": "Magistra disertacio", "terms_intro": "En ĉi tiu laboro estas uzataj la jenaj terminoj:",
    "statistics_pages": "{n} pĝ.", "statistics_figures": "{n} bildoj", "statistics_figures_one": "{n} bildo",
    "statistics_tables": "{n} tabeloj", "statistics_tables_one": "{n} tabelo", "statistics_sources": "{n} fontoj",
    "statistics_sources_one": "{n} fonto", "statistics_appendices": "{n} aldonaĵoj",
    "statistics_appendices_one": "{n} aldonaĵo", "inserted_page": "Paĝo {page} de {file} venas ĉi tien",
}
MADE_UP = dataclasses.replace(
    ENGLISH, code="xx", name="Testish", names=("xx", "testish"), stands_for_script=False,
    document=DocumentTable(
        tag="xx", strings=WORDS, appendix_letters="ABCĈDEFGĜHĤIJĴKLMNOPRSŜTUŬVZ", abstract_titles=("RESUMO",),
        typography=Typography(quotes=("„", "“", "‚", "‘"), before_number="pĝ|vol", after_number=r"pĝ\.|km|kg",
                              century_words=r"jc\.|jarcento"),
        hyphenation=Hyphenation(ENGLISH.document.hyphenation.alphabet, "en_US", ("xx",)), decimal_separator=",",
        page_words=("pĝ", "paĝo"),
        introduction={"relevance": ("aktualeco", ("aktual",)), "aim": ("celo", ("cel",)),
                      "objectives": ("taskoj", ("task",)), "object": ("objekto", ("objekt",)),
                      "subject": ("temo", ("temo",)), "methods": ("metodoj", ("metod",)),
                      "structure": ("strukturo", ("struktur",))},
        new_project=NewProject("Nova projekto: {dir} ({kind}).", ("thesis.toml",), "Poste:", "Avertoj.", "Agordoj."),
    ),
    sources={"Latn": dataclasses.replace(ENGLISH.sources["Latn"], terms={
        **ENGLISH.sources["Latn"].terms, "total": "{n} pĝ.", "eresource": "[Reta rimedo]"})},
)

PROJECT = {
    "thesis.toml": """language = "xx"

[title_page]
university = "Universitato"
work_type = "Kursa laboro"
title = "Provo"
author = "Studento S."
group = "T-1"
supervisor = "Gvidanto G."
city = "Astana"
year = 2026

[abbreviations]
UN = "Unuiĝintaj Nacioj"
""",
    "content/00-resumo.md": "# RESUMO {.abstract}\n\n[statistics]\n\nLa laboro priskribas provon.\n",
    "content/01-enkonduko.md": """# ENKONDUKO {.unnumbered}

La aktualeco de la temo estas granda. La celo estas montri la vortojn. La taskoj estas tri. La objekto kaj la
temo de la laboro, kaj ĝia strukturo, estas klaraj. UN kaj UN aperas du fojojn.
""",
    "content/02-capitro.md": """# Unua ĉapitro

Jen "citaĵo" kaj fonto [@fonto2020, 25]; vidu @fig:mapo kaj @tbl:datumoj.

![Mapo de la lando](images/mapo.svg){#fig:mapo}

: Datumoj de la provo {#tbl:datumoj}

| Jaro | Valoro |
|------|--------|
| 2020 | 1      |
""",
    "content/03-konkludo.md": "# KONKLUDO {.unnumbered}\n\nLa laboro estas finita [@fonto2020, paĝo 26].\n",
    "content/09-aldonajo.md": "# Plia materialo {.appendix}\n\nAldona teksto.\n",
    "references.bib": """@book{fonto2020,
  author = {Zamenhof, Ludoviko},
  title = {Fundamento de Esperanto},
  publisher = {Hachette},
  address = {Paris},
  year = {1905},
  pages = {240},
  langid = {testish}
}
""",
    "images/mapo.svg": '<svg xmlns="http://www.w3.org/2000/svg" width="200" height="100">'
                       '<rect width="200" height="100" fill="#ccc"/></svg>\n',
}


def test_a_new_language_is_one_entry_in_the_registry(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The made-up language is registered and nothing else is touched: the build, the checks and the reference
    list find every word they print or look for in its entry."""
    monkeypatch.setitem(registry.LANGUAGES, "xx", MADE_UP)
    project = tmp_path / "provo"
    for name, text in PROJECT.items():
        (project / name).parent.mkdir(parents=True, exist_ok=True)
        (project / name).write_text(text, encoding="utf-8")
    result = run_cli("build", project)
    assert result.status == 0, result.err
    pdf = read_pdf(project / "output" / "thesis.pdf")
    text = squash("".join(pdf.pages))
    for printed in ("RESUMO", "ENHAVO", "MALLONGIGOJ", "ENKONDUKO", "1 UNUA ĈAPITRO", "KONKLUDO", "FONTOLISTO",
                    "ALDONAĴO A", "Bildo 1 – Mapo de la lando", "Tabelo 1 – Datumoj de la provo",
                    "vidu bildo 1 kaj tabelo 1", "[1, pĝ. 25]", "[1, pĝ. 26]", "„citaĵo“", "Verkis",
                    "studento de grupo T-1", "Gvidanto", "Temo: „Provo“", "Kursa laboro",
                    "1 bildo, 1 tabelo, 1 fonto, 1 aldonaĵo",
                    "240 pĝ."):  # the last: the source's language is read from its langid, its terms used
        assert squash(printed) in text, printed
    assert not any(word in text for word in ("CONTENTS", "INTRODUCTION", "REFERENCES", "Figure", "Table"))
    check = run_cli("check", project)
    # Norm control looks for the entry's words: every element but the methods is named above.
    assert "the introduction does not name its metodoj —" in check.err, check.err


def test_an_unknown_document_language_is_refused_with_the_registry_list(tmp_path: Path) -> None:
    project = tmp_path / "p"
    (project / "content").mkdir(parents=True)
    (project / "content" / "01.md").write_text("# A\n\nText.\n", encoding="utf-8")
    (project / "thesis.toml").write_text('language = "xx"\n', encoding="utf-8")
    result = run_cli("check", project)
    assert "language = 'xx' is not one of 'kk', 'ru', 'en'" in result.err

