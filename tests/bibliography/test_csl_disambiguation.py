"""The cheaper runs of kazthesis.bibliography.csl.disambiguation print exactly what one run of the style as it
is prints: random lists where surnames are shared and written two ways ("Smith, J.", "Smith, A."), works of one
author in one year, et al., editors in the author's place, organisations, works without authors whose titles
read like surnames, cited alone and together; and the 600-source list that was slow is fast."""

from __future__ import annotations

import json
import random
import time

import pytest

from kazthesis.bibliography.csl import disambiguation
from kazthesis.bibliography.csl.locales import with_locale
from kazthesis.bibliography.csl.processor import CiteItem, _formatted, _request, _run, pandoc_path
from kazthesis.bibliography.csl.styles import SHIPPED, STYLE_DIR, read_style
from kazthesis.problems import Problems

SURNAMES = ["Smith", "Lee", "Abenov", "van Dijk", "Kim", "Smith-Lee"]
GIVEN = ["J.", "A.", "John", "Jane", "J. A.", "Aigerim"]
TITLES = ["Smith", "Policy", "Policy and power", "Lee", "The steppe", "Abenov"]


def _style(name: str):
    style = read_style(name, STYLE_DIR / SHIPPED[name], Problems(), (STYLE_DIR, None))
    assert style is not None
    return style


def _random_list(seed: int, size: int) -> tuple[list[dict], list[tuple[CiteItem, ...]]]:
    rng = random.Random(seed)
    items = []
    for n in range(size):
        kind = rng.choice(["book", "article-journal", "chapter", "webpage", "report"])
        item: dict = {"id": f"w{n}", "type": kind, "title": rng.choice(TITLES) + (f" {n}" if rng.random() < .5
                                                                                   else "")}
        # Most authors are the only ones of their surname, as in a real list; a third share one.
        people = [{"family": rng.choice(SURNAMES) if rng.random() < .3 else f"Author{n}x{k}",
                   "given": rng.choice(GIVEN)} for k in range(rng.randint(1, 4))]
        shape = rng.random()
        if shape < .6:
            item["author"] = people
        elif shape < .75:
            item["editor"] = people
        elif shape < .85:
            item["author"] = [{"literal": rng.choice(["UNESCO", "Smith Foundation", "World Bank"])}]
        if rng.random() < .9:
            item["issued"] = {"date-parts": [[rng.choice([2019, 2020])]]}
        if kind == "article-journal":
            item["container-title"] = "Central Asian Survey"
        items.append(item)
    clusters = []
    for _ in range(size):
        chosen = rng.sample(items, rng.choice([1] * 8 + [2, 3]))
        mode = rng.choice(["normal", "normal", "author-in-text", "suppress-author"]) if len(chosen) == 1 \
            else "normal"
        clusters.append(tuple(CiteItem(i["id"], rng.choice(["", "", "25", "chap. 3"]), "", mode) for i in chosen))
    return items, list(dict.fromkeys(clusters))


@pytest.mark.parametrize("seed", range(6))
def test_the_split_runs_print_what_one_run_of_apa_prints(seed: int) -> None:
    style, binary = _style("apa"), pandoc_path()
    assert binary is not None
    items, clusters = _random_list(seed, 40)
    text = with_locale(style.text, "en-US")
    runs = disambiguation.plan(text, items, [[i.key for i in c] for c in clusters], False, False)
    assert runs.part and len(runs.part) < len(items)  # the case under test: part of the list needs the rule
    whole = _run(binary, style, text, json.dumps(items), _request(clusters, "en-US", True), "en-US")
    cheaper = _formatted(binary, style, text, items, clusters, "en-US", True)
    assert cheaper.citations == whole.citations
    assert cheaper.entries == whole.entries


def test_without_a_surname_written_two_ways_the_rule_is_left_out_and_nothing_changes() -> None:
    style, binary = _style("chicago-author-date"), pandoc_path()
    assert binary is not None
    items = [{"id": f"w{n}", "type": "book", "title": f"Book {n}", "issued": {"date-parts": [[2020]]},
              "author": [{"family": f"Author{n % 7}", "given": "A."}, {"family": "Lee", "given": GIVEN[n % 6]}]}
             for n in range(30)]
    clusters = [(CiteItem(f"w{n}"), CiteItem(f"w{(n * 7) % 30}", "25")) for n in range(30)]
    text = with_locale(style.text, "en-US")
    runs = disambiguation.plan(text, items, [[i.key for i in c] for c in clusters], True, False)
    assert runs.part is None and "disambiguate-add-givenname" not in runs.style_text.split("<citation")[1][:400]
    whole = _run(binary, style, text, json.dumps(items), _request(clusters, "en-US", True), "en-US")
    cheaper = _formatted(binary, style, text, items, clusters, "en-US", True)
    assert (cheaper.citations, cheaper.entries) == (whole.citations, whole.entries)
    assert "(Author1 and Lee 2020a" in " ".join(whole.citations)  # the list does need disambiguating


def test_a_positional_or_numeric_style_with_a_shared_surname_runs_as_it_is() -> None:
    items = [{"id": "a", "type": "book", "author": [{"family": "Smith", "given": "J."}]},
             {"id": "b", "type": "book", "author": [{"family": "Smith", "given": "A."}]}]
    text = with_locale(_style("apa").text, "en-US")
    for positional, numeric in ((True, False), (False, True)):
        assert disambiguation.plan(text, items, [["a"], ["b"]], positional, numeric).style_text == text
    assert disambiguation.plan(text, items, [["a"], ["b"]], False, False).part == {"a", "b"}


def test_six_hundred_sources_of_different_authors_take_about_a_second() -> None:
    style, binary = _style("apa"), pandoc_path()
    assert binary is not None
    items = [{"id": f"g{n}", "type": "book", "title": f"Study {n}", "publisher": "Qazaq University",
              "author": [{"family": f"Author{n}", "given": "A. B."}], "issued": {"date-parts": [[1995 + n % 30]]}}
             for n in range(600)]
    clusters = [(CiteItem(f"g{n}"),) for n in range(600)]
    started = time.perf_counter()
    output = _formatted(binary, style, with_locale(style.text, "en-US"), items, clusters, "en-US", True)
    took = time.perf_counter() - started
    assert len(output.entries) == 600 and output.citations[5] == "(Author5, 2000)"
    assert took < 6, f"{took:.1f} s (one run of the style as it is took about 10 s here)"
