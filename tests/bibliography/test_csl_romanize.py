"""Sources in Cyrillic under a CSL style: romanized with their English translation in an English document
(APA 7, 9.38), left in their own script in a Russian or Kazakh one, whose citations speak that language.

The sources are real ones from the exemplar's references.bib (the comments there name the pages they were
checked against); the English translations of their titles are ours.
"""

from __future__ import annotations

from csl_helpers import entries, format_with, marked, plain

from kazthesis.bibliography.csl import CiteItem

SOURCES = r"""
@article{aleksandrov2021congress,
  author       = {Александров, Станислав Николаевич},
  title        = {Конгресс США и проблема нарушения прав человека в Казахстане (1991–2001 гг.)},
  titleaddon   = {The U.S. Congress and the problem of human rights violations in Kazakhstan, 1991–2001},
  journaltitle = {Вестник Томского государственного университета. История},
  year         = {2021},
  number       = {70},
  doi          = {10.17223/19988613/70/9},
  langid       = {russian},
}

@online{egemen2021jusan,
  organization = {Egemen.kz},
  title        = {«Жусан» операциясының айтылмаған тұстары},
  titleaddon   = {Untold aspects of Operation Jusan},
  date         = {2021-07-12},
  url          = {https://egemen.kz/article/281386-zhusan-operatsiyasynynh-aytylmaghan-tustary},
  urldate      = {2026-11-20},
  langid       = {kazakh},
}

@article{boziev2023soft,
  author       = {Бозиев, Ахмед Хасанович and Тамазов, Мурат Нурбиевич and Лаврова, Юлия Сергеевна},
  title        = {Политика «мягкой силы» США по отношению к Казахстану и Киргизии в 90-е гг. XX в.},
  journaltitle = {Вестник Адыгейского государственного университета. Серия: Регионоведение: философия, история, социология, юриспруденция, политология, культурология},
  year         = {2023},
  langid       = {russian},
}
"""  # noqa: E501 - a journal's whole name on one line

CITATIONS = [[CiteItem("aleksandrov2021congress", "25")], [CiteItem("egemen2021jusan")],
             [CiteItem("boziev2023soft")]]


def test_a_russian_article_is_romanized_and_followed_by_its_translation() -> None:
    output, _ = format_with("apa", SOURCES, CITATIONS)
    printed = {key: marked(text) for key, _, text in output.entries}
    assert printed["aleksandrov2021congress"] == (
        "Aleksandrov, S. N. (2021). Kongress SSHA i problema narusheniya prav cheloveka v Kazakhstane "
        "(1991–2001 gg.) [The U.S. Congress and the problem of human rights violations in Kazakhstan, 1991–2001]. "
        "*Vestnik Tomskogo gosudarstvennogo universiteta. Istoriya*, (70). https://doi.org/10.17223/19988613/70/9")
    assert plain(output.citations[0]) == "(Aleksandrov, 2021, p. 25)"


def test_a_kazakh_page_is_romanized_and_its_translation_stays_upright_after_the_italic_title() -> None:
    output, _ = format_with("apa", SOURCES, CITATIONS)
    printed = {key: marked(text) for key, _, text in output.entries}
    # No author: the title moves to the author's place (APA 7, 9.12); the translation is not italic.
    assert printed["egemen2021jusan"] == (
        "*«Zhūsan» operatsīyasynyng aytylmaghan tustary* [Untold aspects of Operation Jusan]. (2021, July 12). "
        "Egemen.kz. https://egemen.kz/article/281386-zhusan-operatsiyasynynh-aytylmaghan-tustary")
    # Cited by its title, without the translation.
    assert plain(output.citations[1]) == "(«Zhūsan» operatsīyasynyng aytylmaghan tustary, 2021)"


def test_a_romanized_title_without_a_translation_gets_one_warning_naming_the_entry() -> None:
    output, problems = format_with("apa", SOURCES, CITATIONS)
    warnings = [str(p) for p in problems]
    assert len(warnings) == 1
    assert warnings[0].startswith("references.bib:23: warning: entry 'boziev2023soft' is in Russian")
    assert "add titleaddon = {the title in English}" in warnings[0]
    assert entries(output)["boziev2023soft"].startswith("Boziyev, A. Kh., Tamazov, M. N., & Lavrova, Yu. S. (2023). "
                                                        "Politika «myagkoy sily» SSHA")
    assert plain(output.citations[2]) == "(Boziyev et al., 2023)"


def test_a_russian_document_keeps_the_sources_in_their_own_script_and_speaks_russian() -> None:
    output, problems = format_with("apa", SOURCES, CITATIONS, language="ru")
    assert list(problems) == []  # nothing is romanized, so no translation is asked for
    listed = entries(output)
    assert listed["aleksandrov2021congress"].startswith(
        "Александров, С. Н. (2021). Конгресс США и проблема нарушения прав человека в Казахстане (1991–2001 гг.). ")
    assert "[The U.S. Congress" not in listed["aleksandrov2021congress"]
    assert [plain(c) for c in output.citations] == ["(Александров, 2021, с. 25)",
                                                    "(«Жусан» операциясының айтылмаған тұстары, 2021)",
                                                    "(Бозиев и др., 2023)"]


def test_a_kazakh_document_uses_the_kk_kz_locale() -> None:
    output, _ = format_with("apa", SOURCES, CITATIONS, language="kk")
    assert [plain(c) for c in output.citations] == ["(Александров, 2021, б. 25)",
                                                    "(«Жусан» операциясының айтылмаған тұстары, 2021)",
                                                    "(Бозиев т.б., 2023)"]
    assert "(2021, шілде 12)" in entries(output)["egemen2021jusan"]


def test_biblatex_apa_s_shape_origtitle_in_the_source_s_language_title_in_english() -> None:
    bib = r"""@book{medeubaeva2012doctrine,
      author    = {Медеубаева, Ж. М.},
      origtitle = {История формирования внешнеполитической доктрины Республики Казахстан (1991–2010 годы)},
      title     = {The history of the formation of the foreign policy doctrine of the Republic of Kazakhstan (1991–2010)},
      address   = {Астана},
      year      = {2012},
      langid    = {russian},
    }"""  # noqa: E501
    output, problems = format_with("apa", bib, [[CiteItem("medeubaeva2012doctrine")]])
    assert list(problems) == []
    assert marked(output.entries[0][2]) == (
        "Medeubayeva, Zh. M. (2012). *Istoriya formirovaniya vneshnepoliticheskoy doktriny Respubliki Kazakhstan "
        "(1991–2010 gody)* [The history of the formation of the foreign policy doctrine of the Republic of "
        "Kazakhstan (1991–2010)].")
