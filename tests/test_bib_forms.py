"""GOST forms added for Zotero and Pandoc users: dissertations by degree, DOI and other identifiers, notes,
a corporate author printed once, and the name an author-in-text citation prints."""

from __future__ import annotations

from pathlib import Path

import pytest

from kazthesis.bibliography import Bibliography, format_entry, parse_bibliography
from kazthesis.bibliography.terms import TERMS
from kazthesis.problems import Problems

N = "\u00a0"
GOST_2018 = "gost-r-7.0.100-2018"


def parse(text: str) -> tuple[Bibliography, list[str]]:
    problems = Problems()
    bib = parse_bibliography(text, Path("references.bib"), problems)
    return bib, [str(p) for p in problems]


def fmt(text: str, style: str = "gost-7.1-2003") -> str:
    bib, _ = parse(text)
    return format_entry(next(iter(bib.entries.values())), style)


def test_every_language_has_every_term() -> None:
    assert all(set(table) == set(TERMS["ru"]) for table in TERMS.values())


# --- dissertations --------------------------------------------------------------------------------

THESES = {
    "kk": ("Әбенов, Б. Қазақстан дипломатиясы : {} / Б.{N}Әбенов. – Алматы, 2020. – 150 б.",
           {"phd": "философия докторы (PhD) ... дис.", "master": "магистр ... дис.",
            "candidate": "ғыл. канд. ... дис.", "doctor": "ғыл. д-ры ... дис."}),
    "ru": ("Иванов, И.{N}И. Внешняя политика Казахстана : {} / И.{N}И.{N}Иванов. – Алматы, 2020. – 150 с.",
           {"phd": "дис. ... д-ра философии (PhD)", "master": "дис. ... магистра",
            "candidate": "дис. ... канд. наук", "doctor": "дис. ... д-ра наук"}),
    "en": ("Smith, J. Central Asia in world politics : {} / J.{N}Smith. – Cambridge, 2020. – 150 p.",
           {"phd": "PhD thesis", "master": "Master's thesis", "candidate": "Candidate of Sciences thesis",
            "doctor": "Doctor of Sciences thesis"}),
    "uz": ("Каримов, А. Ўзбекистон тарихи : {} / А.{N}Каримов. – Тошкент, 2020. – 150 б.",
           {"phd": "фалсафа доктори (PhD) ... дис.", "master": "магистр ... дис.",
            "candidate": "фан номзоди ... дис.", "doctor": "фан доктори ... дис."}),
}
THESIS_BIB = {
    "kk": "author = {Әбенов, Б.}, title = {Қазақстан дипломатиясы}, address = {Алматы}",
    "ru": "author = {Иванов, И. И.}, title = {Внешняя политика Казахстана}, address = {Алматы}, langid = {russian}",
    "en": "author = {Smith, J.}, title = {Central Asia in world politics}, address = {Cambridge}",
    "uz": "author = {Каримов, А.}, title = {Ўзбекистон тарихи}, address = {Тошкент}",
}
TYPE_KEYS = [("@thesis", "phdthesis", "phd"), ("@thesis", "mathesis", "master"), ("@thesis", "candthesis", "candidate"),
             ("@thesis", "doctoralthesis", "doctor"), ("@phdthesis", "PhDThesis", "phd"),
             ("@mastersthesis", "mathesis", "master"), ("@phdthesis", "", "phd"), ("@mastersthesis", "", "master")]


@pytest.mark.parametrize("lang", list(THESES))
@pytest.mark.parametrize(("entry_type", "type_key", "degree"), TYPE_KEYS)
def test_thesis_type_keys_print_the_dissertation_form_in_the_entrys_language(lang: str, entry_type: str,
                                                                              type_key: str, degree: str) -> None:
    template, forms = THESES[lang]
    type_field = f", type = {{{type_key}}}" if type_key else ""
    text = fmt(f"{entry_type}{{k, {THESIS_BIB[lang]}, year = {{2020}}, pagetotal = {{150}}{type_field}}}")
    assert text == template.format(forms[degree], N=N)


def test_a_thesis_type_that_is_not_a_key_is_printed_as_written() -> None:
    assert fmt("@phdthesis{k, author = {Иванов, И. И.}, title = {Внешняя политика}, type = {дис. ... канд. ист. "
               "наук : 07.00.03}, address = {Алматы}, year = {2010}, pagetotal = {150}}") == (
        f"Иванов, И.{N}И. Внешняя политика : дис. ... канд. ист. наук : 07.00.03 / И.{N}И.{N}Иванов. – Алматы, "
        "2010. – 150 с.")
    assert fmt("@thesis{k, title = {Essay}, type = {Bachelor's thesis}, year = {2010}}") == (
        "Essay : Bachelor's thesis. – 2010.")
    assert fmt("@thesis{k, title = {Essay}, year = {2010}}") == "Essay. – 2010."
