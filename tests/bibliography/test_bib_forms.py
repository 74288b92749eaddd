"""GOST forms added for Zotero and Pandoc users: dissertations by degree, DOI and other identifiers, notes,
a corporate author printed once, and the name an author-in-text citation prints."""

from __future__ import annotations

from pathlib import Path

import pytest

from kazthesis.bibliography import Bibliography, citation_name, format_entry, parse_bibliography
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


# --- DOI, e-prints, notes ------------------------------------------------------------------------

ARTICLE = ("@article{k, author = {Smith, John}, title = {Steppe politics}, journal = {Central Asian Survey},"
           " year = {2019}, volume = {38}, number = {2}, pages = {101--120}")
ARTICLE_TEXT = (f"Smith, J. Steppe politics / J.{N}Smith // Central Asian Survey. – 2019. – Vol. 38, No. 2. – "
                "P. 101–120.")


@pytest.mark.parametrize("written", ["10.1080/02634937.2019.1234567", "https://doi.org/10.1080/02634937.2019.1234567",
                                     "http://dx.doi.org/10.1080/02634937.2019.1234567",
                                     "doi:10.1080/02634937.2019.1234567"])
def test_doi_is_printed_in_both_styles(written: str) -> None:
    bib = f"{ARTICLE}, doi = {{{written}}}}}"
    assert fmt(bib) == f"{ARTICLE_TEXT} – DOI: 10.1080/02634937.2019.1234567."
    assert fmt(bib, GOST_2018) == f"{ARTICLE_TEXT} – DOI: 10.1080/02634937.2019.1234567. – Text : unmediated."


def test_doi_follows_the_url_and_is_not_repeated_when_the_url_is_its_link() -> None:
    assert fmt(f"{ARTICLE}, doi = {{10.1/x}}, url = {{https://example.org/a}}, urldate = {{2024-03-15}}}}") == (
        f"Smith, J. Steppe politics [Electronic resource] / J.{N}Smith // Central Asian Survey. – 2019. – "
        "Vol. 38, No. 2. – P. 101–120. – URL: https://example.org/a (accessed: 15.03.2024). – DOI: 10.1/x.")
    assert fmt(f"{ARTICLE}, doi = {{10.1/X}}, url = {{https://doi.org/10.1/x}}}}").endswith(
        "P. 101–120. – URL: https://doi.org/10.1/x.")


@pytest.mark.parametrize(("fields", "printed"), [
    ("eprint = {2101.00001}, archivePrefix = {arXiv}, primaryClass = {cs.CL}", "arXiv: 2101.00001 [cs.CL]"),
    ("eprint = {2101.00001}, eprinttype = {arxiv}, eprintclass = {cs.CL}", "arXiv: 2101.00001 [cs.CL]"),
    ("eprint = {2101.00001v2}", "arXiv: 2101.00001v2"),
    ("eprint = {hep-th/9901001}", "arXiv: hep-th/9901001"),
    ("eprint = {12345678}, eprinttype = {jstor}", "JSTOR: 12345678"),
    ("eprint = {31415926}, eprinttype = {pubmed}", "PMID: 31415926"),
    ("eprint = {X-42}, eprinttype = {RePEc}", "RePEc: X-42"),
    ("eprint = {X-42}", "eprint: X-42"),
    ("eprint = {https://example.org/preprint}", "URL: https://example.org/preprint"),
])
def test_eprint_identifiers_close_the_description(fields: str, printed: str) -> None:
    assert fmt(f"{ARTICLE}, {fields}}}") == f"{ARTICLE_TEXT} – {printed}."


def test_eprint_that_repeats_the_doi_link_is_not_printed() -> None:
    assert fmt(f"{ARTICLE}, doi = {{10.1/x}}, eprint = {{https://doi.org/10.1/x}}}}") == (
        f"{ARTICLE_TEXT} – DOI: 10.1/x.")


def test_note_is_the_last_area_before_url_and_doi() -> None:
    assert fmt("@book{k, author = {Иванов, И. И.}, title = {История}, address = {Москва}, publisher = {Наука},"
               " year = {2001}, pagetotal = {300}, note = {Пер. с англ.}, doi = {10.1/y}}", GOST_2018) == (
        f"Иванов, И.{N}И. История / И.{N}И.{N}Иванов. – Москва : Наука, 2001. – 300 с. – Пер. с англ. – "
        "DOI: 10.1/y. – Текст : непосредственный.")
    assert fmt("@online{k, title = {Page}, url = {https://x.kz}, urldate = {2024-03-15}, note = {In Russian}}") == (
        "Page [Electronic resource]. – In Russian. – URL: https://x.kz (accessed: 15.03.2024).")


def test_zotero_data_lines_in_note_are_not_printed_and_its_doi_is_used() -> None:
    assert fmt(f"{ARTICLE}, note = {{Publisher: Routledge\n\\_eprint: https://doi.org/10.1/x\nISBN: 978-0\n"
               "tex.ids: smith2019\nDOI: 10.1/x}}") == f"{ARTICLE_TEXT} – DOI: 10.1/x."
    assert fmt(f"{ARTICLE}, note = {{Section: Nation\nTranslated from the Kazakh}}}}") == (
        f"{ARTICLE_TEXT} – Translated from the Kazakh.")


def test_howpublished_is_a_note_unless_it_names_the_site() -> None:
    assert fmt("@misc{k, author = {Doe, Jane}, title = {Field notes}, howpublished = {Manuscript}, year = {1999}}") == (
        f"Doe, J. Field notes / J.{N}Doe. – 1999. – Manuscript.")
    assert fmt("@misc{k, title = {Page}, howpublished = {Akorda}, url = {https://x.kz}, urldate = {2024-03-15}}") == (
        "Page [Electronic resource] // Akorda. – URL: https://x.kz (accessed: 15.03.2024).")
    assert fmt("@online{k, title = {Page}, organization = {Akorda}, howpublished = {Blog post},"
               " url = {https://x.kz}, urldate = {2024-03-15}}") == (
        "Page [Electronic resource] // Akorda. – Blog post. – URL: https://x.kz (accessed: 15.03.2024).")


# --- a corporate author printed once --------------------------------------------------------------

@pytest.mark.parametrize(("bibtex", "expected"), [
    ("@book{k, author = {{OECD}}, title = {Education at a Glance}, address = {Paris}, publisher = {OECD},"
     " year = {2019}, pagetotal = {493}}", "Education at a Glance. – Paris : OECD, 2019. – 493 p."),
    ("@report{k, author = {{World Bank}}, title = {Growth}, institution = {{World bank}}, year = {2018}}",
     "Growth. – World bank, 2018."),
    ("@online{k, author = {{OECD}}, title = {Data}, organization = {OECD}, url = {https://x.org},"
     " urldate = {2024-03-15}}", "Data [Electronic resource] // OECD. – URL: https://x.org (accessed: 15.03.2024)."),
    ("@misc{k, author = {{Қазақстан Республикасының Ақорда}}, title = {Хабар},"
     " howpublished = {Қазақстан Республикасының Ақорда}, url = {https://akorda.kz}, urldate = {2024-03-15}}",
     "Хабар [Электрондық ресурс] // Қазақстан Республикасының Ақорда. – URL: https://akorda.kz (қаралған күні: "
     "15.03.2024)."),
    # A different body stays in the statement of responsibility.
    ("@book{k, author = {{Қазақстан Республикасы Білім министрлігі}}, title = {Бағдарлама}, address = {Астана},"
     " publisher = {Фолиант}, year = {2019}}",
     "Бағдарлама / Қазақстан Республикасы Білім министрлігі. – Астана : Фолиант, 2019."),
    # The body is printed where the template names it: the publisher wins over the organisation.
    ("@book{k, author = {{OECD}}, title = {Report}, organization = {OECD}, publisher = {Routledge}, year = {2019}}",
     "Report / OECD. – Routledge, 2019."),
    # Not a lone organisation: everyone is printed.
    ("@book{k, author = {{OECD} and Smith, John}, title = {Report}, publisher = {OECD}, year = {2019}}",
     f"Report / OECD, J.{N}Smith. – OECD, 2019."),
])
def test_a_corporate_author_that_publishes_the_work_is_printed_once(bibtex: str, expected: str) -> None:
    assert fmt(bibtex) == expected


# --- the name before an author-in-text citation's number ----------------------------------------------

@pytest.mark.parametrize(("bibtex", "name"), [
    ("@book{k, author = {Әбенов, Бақыт Қайратұлы and Тоқаев, Қ.}, title = {Т}, year = {2000}}", "Әбенов"),
    ("@book{k, author = {Н.Ә. Назарбаев}, title = {Т}, year = {2000}}", "Назарбаев"),
    ("@book{k, author = {A, A. and B, B. and C, C. and D, D.}, title = {Т}, year = {2000}}", "A"),
    ("@book{k, author = {van Gogh, Vincent}, title = {Letters}, year = {2000}}", "van Gogh"),
    ("@book{k, author = {M{\\\"u}ller, J{\\\"o}rg}, title = {T}, year = {2000}}", "Müller"),
    ("@book{k, author = {{Қазақстан Республикасы Білім министрлігі}}, title = {Т}, year = {2000}}",
     "Қазақстан Республикасы Білім министрлігі"),
    ("@book{k, author = {Абай}, title = {Қара сөздер}, year = {2000}}", "Абай"),
    ("@legislation{k, title = {Қазақстан Республикасының Конституциясы}, year = {1995}}",
     "Қазақстан Республикасының Конституциясы"),
    ("@collection{k, editor = {Smith, J.}, title = {Central Asia in \\emph{global} politics}, year = {2019}}",
     "Central Asia in global politics"),
    ("@online{k, title = {Мемлекет басшысы АҚШ Мемлекеттік хатшысын қабылдады, келіссөздер барысында екіжақты "
     "ынтымақтастық талқыланды}, url = {https://x.kz}, urldate = {2024-03-15}}",
     "Мемлекет басшысы АҚШ Мемлекеттік хатшысын қабылдады…"),
    ("@misc{k, title = {First Visit of U.S. Secretary of State to Kazakhstan Took Place 30 Years Ago},"
     " shorttitle = {First Visit of {U.S.} Secretary}, year = {2021}}", "First Visit of U.S. Secretary"),
])
def test_citation_name(bibtex: str, name: str) -> None:
    bib, _ = parse(bibtex)
    assert citation_name(next(iter(bib.entries.values()))) == name
