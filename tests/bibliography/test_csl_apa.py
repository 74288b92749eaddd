"""APA 7 through the CSL processor: the APA Style website's reference examples for the common types come
out as it prints them, from BibTeX in the shapes Zotero's BibLaTeX export writes (``journaltitle``,
``date``, ``doi``, ``titleaddon`` for a web page's site, ``institution`` and ``type`` for reports
and theses); and the in-text forms of APA 7 ch. 8: et al., narrative citations, several works in one
citation, page locators, 2018a/2018b.

The expected strings are the examples of apastyle.apa.org's reference-example pages (journal article,
book, edited book chapter, webpage, report by a government agency, published dissertation), as
library guides that quote those pages print them; italics are marked *…*.
"""

from __future__ import annotations

import pytest
from csl_helpers import entries, format_with, marked, plain

from kazthesis.bibliography.csl import CiteItem

# Zotero's BibLaTeX export of the examples (sentence-case titles as Zotero stores them; Zotero braces
# only words with capitals inside them). A thesis's repository is in `publisher`, as biblatex-apa has it.
APA_EXAMPLES = r"""
@article{grady2019,
	title = {Emotions in storybooks: {A} comparison of storybooks that represent ethnic and racial groups in the United States},
	volume = {8},
	doi = {10.1037/ppm0000185},
	number = {3},
	journaltitle = {Psychology of Popular Media Culture},
	author = {Grady, Jessica Stoltzfus and Her, Malina and Moreno, Geena and Perez, Catherine and Yelinek, Jillian},
	date = {2019},
	pages = {207--217},
}

@book{sapolsky2017,
	title = {Behave: {The} biology of humans at our best and worst},
	publisher = {Penguin Books},
	author = {Sapolsky, Robert M.},
	date = {2017},
}

@book{burley2002,
	title = {A companion to genethics},
	publisher = {Blackwell},
	author = {Burley, Justine and Harris, John},
	date = {2002},
}

@incollection{aron2019,
	title = {Culinary arts: {Talent} and their development},
	booktitle = {The psychology of high performance: {Developing} human potential into domain-specific talent},
	publisher = {American Psychological Association},
	author = {Aron, L. and Botella, M. and Lubart, T.},
	editor = {Subotnik, R. F. and Olszewski-Kubilius, P. and Worrell, F. C.},
	date = {2019},
	pages = {345--359},
}

@incollection{dillard2020,
	title = {Currents in the study of persuasion},
	booktitle = {Media effects: {Advances} in theory and research},
	edition = {4},
	publisher = {Routledge},
	author = {Dillard, J. P.},
	editor = {Oliver, M. B. and Raney, A. A. and Bryant, J.},
	date = {2020},
	pages = {115--129},
}

@online{avramova2019,
	title = {The secret to a long, happy, healthy life? {Think} age-positive},
	url = {https://www.cnn.com/2019/01/03/health/respect-toward-elderly-leads-to-long-life-intl/index.html},
	titleaddon = {CNN},
	author = {Avramova, N.},
	date = {2019-01-03},
	urldate = {2024-03-15},
}

@online{who2018a,
	title = {Questions and answers on immunization and vaccine safety},
	url = {https://www.who.int/features/qa/84/en},
	titleaddon = {World Health Organization},
	author = {{World Health Organization}},
	date = {2018-03},
	urldate = {2024-03-15},
}

@online{who2018b,
	title = {The top 10 causes of death},
	url = {https://www.who.int/news-room/fact-sheets/detail/the-top-10-causes-of-death},
	titleaddon = {World Health Organization},
	author = {{World Health Organization}},
	date = {2018-05-24},
	urldate = {2024-03-15},
}

@report{nci2018,
	title = {Facing forward: {Life} after cancer treatment},
	number = {18-2424},
	institution = {U.S. Department of Health and Human Services, National Institutes of Health},
	type = {NIH Publication},
	author = {{National Cancer Institute}},
	date = {2018},
}

@report{fried2018,
	title = {Democratic defense against disinformation},
	institution = {Atlantic Council},
	author = {Fried, Daniel and Polyakova, Alina},
	date = {2018},
}

@thesis{zambrano2016,
	title = {The interaction of state and trait worry on response monitoring in those with worry and obsessive-compulsive symptoms},
	url = {https://repository.arizona.edu/handle/10150/620615},
	institution = {University of Arizona},
	publisher = {UA Campus Repository},
	type = {phdthesis},
	author = {Zambrano-Vazquez, L.},
	date = {2016},
}

@thesis{kabir2016,
	title = {Factors influencing customer satisfaction at a fast food hamburger chain: {The} relationship between customer satisfaction and customer loyalty},
	number = {10169573},
	institution = {Wilmington University},
	publisher = {ProQuest Dissertations \& Theses Global},
	type = {phdthesis},
	author = {Kabir, J. M.},
	date = {2016},
}
"""  # noqa: E501 - titles as Zotero exports them, one line each

EXPECTED = {
    "grady2019": "Grady, J. S., Her, M., Moreno, G., Perez, C., & Yelinek, J. (2019). Emotions in storybooks: A "
                 "comparison of storybooks that represent ethnic and racial groups in the United States. *Psychology "
                 "of Popular Media Culture*, *8*(3), 207–217. https://doi.org/10.1037/ppm0000185",
    "sapolsky2017": "Sapolsky, R. M. (2017). *Behave: The biology of humans at our best and worst*. Penguin Books.",
    "burley2002": "Burley, J., & Harris, J. (2002). *A companion to genethics*. Blackwell.",
    "aron2019": "Aron, L., Botella, M., & Lubart, T. (2019). Culinary arts: Talent and their development. In R. F. "
                "Subotnik, P. Olszewski-Kubilius, & F. C. Worrell (Eds.), *The psychology of high performance: "
                "Developing human potential into domain-specific talent* (pp. 345–359). American Psychological "
                "Association.",
    "dillard2020": "Dillard, J. P. (2020). Currents in the study of persuasion. In M. B. Oliver, A. A. Raney, & J. "
                   "Bryant (Eds.), *Media effects: Advances in theory and research* (4th ed., pp. 115–129). Routledge.",
    "avramova2019": "Avramova, N. (2019, January 3). *The secret to a long, happy, healthy life? Think age-positive*. "
                    "CNN. https://www.cnn.com/2019/01/03/health/respect-toward-elderly-leads-to-long-life-intl/"
                    "index.html",
    "who2018a": "World Health Organization. (2018a, March). *Questions and answers on immunization and vaccine "
                "safety*. https://www.who.int/features/qa/84/en",
    "nci2018": "National Cancer Institute. (2018). *Facing forward: Life after cancer treatment* (NIH Publication No. "
               "18-2424). U.S. Department of Health and Human Services, National Institutes of Health.",
    "fried2018": "Fried, D., & Polyakova, A. (2018). *Democratic defense against disinformation*. Atlantic Council.",
    "zambrano2016": "Zambrano-Vazquez, L. (2016). *The interaction of state and trait worry on response monitoring in "
                    "those with worry and obsessive-compulsive symptoms* [Doctoral dissertation, University of "
                    "Arizona]. UA Campus Repository. https://repository.arizona.edu/handle/10150/620615",
    "kabir2016": "Kabir, J. M. (2016). *Factors influencing customer satisfaction at a fast food hamburger chain: The "
                 "relationship between customer satisfaction and customer loyalty* (Publication No. 10169573) "
                 "[Doctoral dissertation, Wilmington University]. ProQuest Dissertations & Theses Global.",
}


@pytest.fixture(scope="module")
def apa():
    citations = [
        [CiteItem("grady2019")],
        [CiteItem("sapolsky2017", "25")],
        [CiteItem("sapolsky2017", "25-31")],
        [CiteItem("burley2002", mode="author-in-text")],
        [CiteItem("sapolsky2017"), CiteItem("burley2002")],
        [CiteItem("who2018a"), CiteItem("who2018b")],
        [CiteItem("aron2019", mode="author-in-text")],
        [CiteItem("sapolsky2017", mode="suppress-author")],
    ]
    output, problems = format_with("apa", APA_EXAMPLES, citations)
    return output, problems


@pytest.mark.parametrize("key", sorted(EXPECTED))
def test_each_reference_type_is_printed_as_the_apa_manual_prints_it(apa, key: str) -> None:
    output, _ = apa
    printed = {k: marked(text) for k, _, text in output.entries}
    assert printed[key] == EXPECTED[key]


def test_the_list_is_alphabetical_by_author_then_year_with_a_and_b_for_one_author_in_one_year(apa) -> None:
    output, _ = apa
    keys = [key for key, _, _ in output.entries]
    assert keys == ["aron2019", "avramova2019", "burley2002", "dillard2020", "fried2018", "grady2019", "kabir2016",
                    "nci2018", "sapolsky2017", "who2018a", "who2018b", "zambrano2016"]
    assert entries(output)["who2018b"].startswith("World Health Organization. (2018b, May 24). The top 10 causes")
    assert output.hanging_indent
    assert all(label == "" for _, label, _ in output.entries)


def test_in_text_citations_take_apa_s_forms(apa) -> None:
    output, _ = apa
    assert [plain(c) for c in output.citations] == [
        "(Grady et al., 2019)",  # three or more authors: the first and "et al." from the first citation on
        "(Sapolsky, 2017, p. 25)",  # [@sapolsky2017, 25]: a bare number is a page
        "(Sapolsky, 2017, pp. 25–31)",
        "Burley and Harris (2002)",  # @burley2002 in running text: "and", not "&"
        "(Burley & Harris, 2002; Sapolsky, 2017)",  # several works: alphabetical, separated by semicolons
        "(World Health Organization, 2018a, 2018b)",  # one author's works of one year: a, b, the name once
        "Aron et al. (2019)",
        "(2017)",  # [-@sapolsky2017]
    ]


def test_a_report_number_with_a_hyphen_is_one_number_not_a_range(apa) -> None:
    output, _ = apa
    assert "Nos." not in entries(output)["nci2018"]


def test_the_examples_need_no_warning(apa) -> None:
    _, problems = apa
    assert list(problems) == []
