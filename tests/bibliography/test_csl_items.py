"""Entry → CSL-JSON: every entry type the BibTeX reader knows has a CSL 1.0.2 type, and the fields of
Zotero's BibLaTeX export land in the CSL variables a style reads."""

from __future__ import annotations

from pathlib import Path

import pytest
from csl_helpers import format_with, plain

from kazthesis.bibliography import parse_bibliography
from kazthesis.bibliography.csl import CiteItem, to_csl
from kazthesis.bibliography.kinds import CLOSEST, FORMS
from kazthesis.problems import Problems

# The item types of the CSL 1.0.2 schema (csl-types.rnc).
CSL_TYPES = set("article article-journal article-magazine article-newspaper bill book broadcast chapter classic "
                "collection dataset document entry entry-dictionary entry-encyclopedia event figure graphic hearing "
                "interview legal_case legislation manuscript map motion_picture musical_score pamphlet "
                "paper-conference patent performance periodical personal_communication post post-weblog regulation "
                "report review review-book software song speech standard thesis treaty webpage".split())


# bibtexparser reads "@commentary{" as an "@comment" block, so no entry of that type reaches the reader.
TYPES = sorted({*FORMS, *CLOSEST} - {"commentary"})


def _entry(bib: str):
    problems = Problems()
    entries = parse_bibliography(bib, Path("references.bib"), problems).entries
    return next(iter(entries.values()))


@pytest.mark.parametrize("entry_type", TYPES)
def test_every_entry_type_the_reader_knows_has_a_csl_type(entry_type: str) -> None:
    entry = _entry(f"@{entry_type}{{k, title = {{T}}, journal = {{J}}, booktitle = {{B}}, year = {{2020}}}}")
    assert to_csl(entry, "en", romanize=True).data["type"] in CSL_TYPES


def test_every_entry_type_renders_in_apa() -> None:
    types = TYPES
    bib = "\n".join(f"@{t}{{k{i}, title = {{Title {i}}}, author = {{Doe, Jane}}, year = {{2020}}, url = "
                    f"{{https://example.org/{i}}}}}" for i, t in enumerate(types))
    output, _ = format_with("apa", bib, [[CiteItem(f"k{i}")] for i in range(len(types))])
    assert len(output.entries) == len(types)
    for key, _, text in output.entries:
        assert f"Title {key[1:]}" in plain(text)
        # Laws and cases are cited by title (APA 7, 11.4), everything else by its author.
        assert ("Doe, J." in text) == (types[int(key[1:])] not in ("legislation", "legal", "jurisdiction"))


def test_zotero_s_biblatex_fields_reach_their_csl_variables() -> None:
    entry = _entry(r"""@incollection{k,
      title = {A chapter}, subtitle = {its subtitle}, booktitle = {The book}, booksubtitle = {more},
      author = {van Gogh, Vincent and Smith, Jr., John}, editor = {Doe, Jane},
      translator = {Roe, Richard}, series = {Studies}, number = {4}, edition = {2}, volume = {3},
      pages = {10--20}, publisher = {Press}, location = {London and New York}, date = {2019-04-05},
      urldate = {2024-03-15}, doi = {https://doi.org/10.1000/xyz}, isbn = {978-0-00-000000-0},
      shorttitle = {A chapter}, langid = {english}, note = {DOI: 10.1000/xyz}
    }""")
    data = to_csl(entry, "en", romanize=True).data
    assert data["type"] == "chapter"
    assert data["title"] == "A chapter: Its subtitle" and data["container-title"] == "The book: More"
    assert data["author"] == [{"family": "Gogh", "given": "Vincent", "non-dropping-particle": "van"},
                              {"family": "Smith", "given": "John", "suffix": "Jr."}]
    assert data["editor"] == [{"family": "Doe", "given": "Jane"}]
    assert data["translator"] == [{"family": "Roe", "given": "Richard"}]
    assert (data["collection-title"], data["collection-number"]) == ("Studies", "4")
    assert (data["edition"], data["volume"], data["page"]) == ("2", "3", "10-20")
    assert (data["publisher"], data["publisher-place"]) == ("Press", "London; New York")
    assert data["issued"] == {"date-parts": [[2019, 4, 5]]}
    assert data["accessed"] == {"date-parts": [[2024, 3, 15]]}
    assert data["DOI"] == "10.1000/xyz" and data["ISBN"] == "978-0-00-000000-0"
    assert data["language"] == "en" and "note" not in data  # Zotero's "DOI: …" line is data, not a note


def test_a_thesis_report_and_web_page_in_zotero_s_shapes() -> None:
    thesis = to_csl(_entry("@thesis{k, title={T}, type={mathesis}, institution={KIMEP University}, year={2021}}"),
                    "en", True).data
    assert (thesis["genre"], thesis["publisher"]) == ("Master’s thesis", "KIMEP University")
    report = to_csl(_entry("@report{k, title={T}, type={Working paper}, number={12}, institution={OECD}, "
                           "year={2020}}"), "en", True).data
    assert (report["genre"], report["number"], report["publisher"]) == ("Working paper", "12", "OECD")
    page = to_csl(_entry("@online{k, title={T}, titleaddon={The Diplomat}, url={https://thediplomat.com/x}, "
                         "date={2023-01-02}, urldate={2024-03-15}}"), "en", True).data
    assert (page["type"], page["container-title"], page["URL"]) == ("webpage", "The Diplomat", "https://thediplomat.com/x")
    assert "[" not in page["title"]  # Zotero's titleaddon of a page is its site, not a description
