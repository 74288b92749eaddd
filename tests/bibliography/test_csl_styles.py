"""Choosing a CSL style: the shipped ones by name (IEEE numbered, Harvard, Chicago, MLA), a university's
own .csl file in the project, a dependent style, and the errors for names and files that are no style.
Also the Kazakh locale written for kazthesis: complete beside en-US, and what a Kazakh list prints with it.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from csl_helpers import entries, format_with, plain
from test_csl_apa import APA_EXAMPLES

from kazthesis.bibliography.csl import CiteItem, CslError, render, resolve_style, style_names
from kazthesis.bibliography.csl.locales import locale_path
from kazthesis.bibliography.gost import STYLES as GOST_STYLES
from kazthesis.problems import Problems

WHERE = (Path("thesis.toml"), 4)


def test_ieee_numbers_the_sources_in_order_of_first_citation() -> None:
    citations = [[CiteItem("sapolsky2017", "25")], [CiteItem("grady2019")], [CiteItem("sapolsky2017")],
                 [CiteItem("aron2019"), CiteItem("dillard2020")], [CiteItem("grady2019")],
                 [CiteItem("sapolsky2017", "25")]]
    output, _ = format_with("ieee", APA_EXAMPLES, citations, list_all=False)
    # A citation repeated is formatted once and printed at each of its places.
    assert [plain(c) for c in output.citations] == ["[1, p. 25]", "[2]", "[1]", "[3], [4]", "[2]", "[1, p. 25]"]
    assert [(key, label) for key, label, _ in output.entries] == [
        ("sapolsky2017", "[1]"), ("grady2019", "[2]"), ("aron2019", "[3]"), ("dillard2020", "[4]")]
    assert entries(output)["grady2019"] == (
        "J. S. Grady, M. Her, G. Moreno, C. Perez, and J. Yelinek, “Emotions in storybooks: A comparison of storybooks "
        "that represent ethnic and racial groups in the United States,” Psychology of Popular Media Culture, vol. 8, "
        "no. 3, pp. 207–217, 2019, doi: 10.1037/ppm0000185.")
    assert not output.hanging_indent


@pytest.mark.parametrize(("style", "citation"), [
    ("harvard", "(Sapolsky, 2017, p. 25)"),  # Cite Them Right
    ("chicago-author-date", "(Sapolsky 2017, 25)"),
    ("mla", "(Sapolsky 25)"),
    ("apa", "(Sapolsky, 2017, p. 25)"),
])
def test_each_shipped_author_date_style_cites_in_its_own_form(style: str, citation: str) -> None:
    output, _ = format_with(style, APA_EXAMPLES, [[CiteItem("sapolsky2017", "25")]], list_all=False)
    assert plain(output.citations[0]) == citation
    assert len(output.entries) == 1 and "Behave" in output.entries[0][2]


def test_every_shipped_style_reads_and_renders() -> None:
    for name in style_names():
        output, problems = format_with(name, APA_EXAMPLES, [[CiteItem("grady2019")]])
        assert len(output.entries) == 12, name
        assert list(problems) == [], name


# A university's own style, as small as CSL allows: «key-number» citations and "title / year" entries.
UNIVERSITY_STYLE = """<?xml version="1.0" encoding="utf-8"?>
<style xmlns="http://purl.org/net/xbiblio/csl" class="in-text" version="1.0">
  <info>
    <title>Example University numeric</title>
    <id>https://example.edu/styles/numeric</id>
    <updated>2026-01-01T00:00:00+00:00</updated>
  </info>
  <citation>
    <layout prefix="{" suffix="}" delimiter="; "><text variable="citation-number"/></layout>
  </citation>
  <bibliography>
    <layout>
      <text variable="citation-number" suffix=") "/>
      <text variable="title" suffix=" / "/>
      <date variable="issued"><date-part name="year"/></date>
    </layout>
  </bibliography>
</style>
"""


def test_a_csl_file_in_the_project_is_a_style(tmp_path: Path) -> None:
    (tmp_path / "styles").mkdir()
    (tmp_path / "styles" / "uni.csl").write_text(UNIVERSITY_STYLE, encoding="utf-8")
    output, problems = format_with("styles/uni.csl", APA_EXAMPLES, [[CiteItem("fried2018"), CiteItem("burley2002")]],
                                   root=tmp_path, list_all=False)
    assert plain(output.citations[0]) == "{1; 2}"
    assert [plain(t) for _, _, t in output.entries] == ["1) Democratic defense against disinformation / 2018",
                                                        "2) A companion to genethics / 2002"]
    assert list(problems) == []


@pytest.mark.parametrize(("value", "suggestion"), [
    ("apa6", "did you mean 'apa'?"),
    ("harvrd", "did you mean 'harvard'?"),
    ("gost-7.1-2008", "did you mean 'gost-7.1-2003'"),
])
def test_an_unknown_style_name_is_an_error_naming_the_nearest(value: str, suggestion: str) -> None:
    problems = Problems()
    assert resolve_style(value, Path("."), problems, WHERE, tuple(GOST_STYLES)) is None
    [problem] = list(problems)
    assert str(problem).startswith(f"thesis.toml:4: error: unknown bibliography style '{value}' — {suggestion}")
    assert "'mla'" in str(problem) and "path of a .csl file" in str(problem)


def test_a_missing_or_outside_csl_file_is_an_error(tmp_path: Path) -> None:
    problems = Problems()
    assert resolve_style("styles/none.csl", tmp_path, problems, WHERE) is None
    assert resolve_style("../elsewhere.csl", tmp_path, problems, WHERE) is None
    assert [p.message for p in problems] == ["the style file 'styles/none.csl' does not exist",
                                             "the style file '../elsewhere.csl' is outside the project folder"]


def test_a_dependent_style_uses_its_shipped_parent_and_no_network(tmp_path: Path) -> None:
    dependent = """<?xml version="1.0" encoding="utf-8"?>
<style xmlns="http://purl.org/net/xbiblio/csl" version="1.0" default-locale="en-GB">
  <info>
    <title>Journal of Example Studies</title>
    <id>http://www.zotero.org/styles/journal-of-example-studies</id>
    <link href="http://www.zotero.org/styles/apa" rel="independent-parent"/>
    <updated>2026-01-01T00:00:00+00:00</updated>
  </info>
</style>"""
    (tmp_path / "journal.csl").write_text(dependent, encoding="utf-8")
    problems = Problems()
    style = resolve_style("journal.csl", tmp_path, problems, WHERE)
    assert style is not None and style.path.name == "apa.csl" and style.default_locale == "en-GB"
    assert style.title == "Journal of Example Studies"
    (tmp_path / "other.csl").write_text(dependent.replace("styles/apa", "styles/nature"), encoding="utf-8")
    assert resolve_style("other.csl", tmp_path, problems, WHERE) is None
    assert problems.items[-1].message == ("'other.csl' is a dependent CSL style: it only points to "
                                          "http://www.zotero.org/styles/nature")


def test_a_note_style_and_a_file_that_is_no_style_are_errors(tmp_path: Path) -> None:
    (tmp_path / "notes.csl").write_text(UNIVERSITY_STYLE.replace('class="in-text"', 'class="note"'), encoding="utf-8")
    (tmp_path / "broken.csl").write_text("<style><info>", encoding="utf-8")
    problems = Problems(root=tmp_path)
    assert resolve_style("notes.csl", tmp_path, problems, WHERE) is None
    assert resolve_style("broken.csl", tmp_path, problems, WHERE) is None
    assert "is a note style" in problems.items[0].message
    assert str(problems.items[1]).startswith("broken.csl:1: error: 'broken.csl' is not a readable CSL style")


def test_a_style_the_processor_rejects_raises_with_its_message(tmp_path: Path) -> None:
    (tmp_path / "nolayout.csl").write_text(UNIVERSITY_STYLE.replace("<citation>", "<citation><sort/>")
                                           .replace('<layout prefix="{" suffix="}" delimiter="; ">', "<layut>")
                                           .replace("</layout>\n  </citation>", "</layut>\n  </citation>"),
                                           encoding="utf-8")
    style = resolve_style("nolayout.csl", tmp_path, Problems(), WHERE)
    assert style is not None
    with pytest.raises(CslError):
        render(style, "en-US", [{"id": "a", "type": "book", "title": "A"}], [[CiteItem("a")]])


def _terms(path: Path) -> list[tuple[str, str]]:
    root = ET.parse(path).getroot()
    return [(term.get("name", ""), term.get("form", "")) for term in root.iter("{http://purl.org/net/xbiblio/csl}term")]


def test_the_kazakh_locale_has_every_term_of_en_us_and_kazakh_ordinals() -> None:
    english, kazakh = _terms(locale_path("en-US")), _terms(locale_path("kk-KZ"))
    english_ordinals = {("ordinal-01", ""), ("ordinal-02", ""), ("ordinal-03", ""), ("ordinal-11", ""),
                        ("ordinal-12", ""), ("ordinal-13", "")}
    assert [t for t in english if t not in english_ordinals] == [t for t in kazakh if not t[0].startswith("ordinal-")]
    text = locale_path("kk-KZ").read_text(encoding="utf-8")
    assert 'xml:lang="kk-KZ"' in text and "creativecommons.org/licenses/by-sa/3.0/" in text
    for month in ("қаңтар", "ақпан", "наурыз", "сәуір", "мамыр", "маусым", "шілде", "тамыз", "қыркүйек", "қазан",
                  "қараша", "желтоқсан"):
        assert f">{month}</term>" in text


def test_a_kazakh_list_prints_kazakh_terms_and_ordinals() -> None:
    output, _ = format_with("apa", APA_EXAMPLES, [[CiteItem("grady2019")], [CiteItem("dillard2020", "116")]],
                            language="kk", list_all=False)
    assert [plain(c) for c in output.citations] == ["(Grady т.б., 2019)", "(Dillard, 2020, б. 116)"]
    assert "(Ред.), Media effects: Advances in theory and research (4-ші бас., б. 115–129)" in entries(output)[
        "dillard2020"]
    assert entries(output)["dillard2020"].count("Ішінде") == 1
