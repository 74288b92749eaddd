"""The total-fit line breaker (kazthesis.pdf.optimal_breaks) against every set of breaks of small paragraphs."""

from __future__ import annotations

from itertools import combinations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from kazthesis.pdf.optimal_breaks import Box, Glue, Penalty, Settings, best_breaks, cost, lines_of

SPACE = Glue(3.5, 1.75)
HYPHEN = 4.66


def _brute_force(items, width, indent, weights):
    """The least cost over every set of legal breaks (None when no set qualifies)."""
    candidates = [i for i, item in enumerate(items)
                  if (isinstance(item, Glue) and i and isinstance(items[i - 1], Box)) or isinstance(item, Penalty)]
    best = None
    for count in range(len(candidates) + 1):
        for at in combinations(candidates, count):
            found = cost(items, at, width, indent, weights)
            if found is not None and (best is None or found < best):
                best = found
    return best


@st.composite
def paragraphs(draw):
    """Words of 1–3 syllables (soft hyphens between them), some compounds with their own hyphen, some
    spaces bound by a costly break (a long no-break chain), letters that may be spaced out or in by 2 % or not
    at all: at most 11 places to break."""
    items: list = []
    places = 0
    expansion = draw(st.sampled_from([0.0, 0.02]))
    for word in range(draw(st.integers(1, 6))):
        if word:
            if draw(st.booleans()) and draw(st.booleans()):
                items.append(Penalty(0.0, draw(st.sampled_from([100.0, 500.0]))))  # a chain's costly break
                items.append(Glue(3.5, 1.75))  # not a place to break: it follows a penalty
            else:
                items.append(draw(st.sampled_from([SPACE, Glue(3.5, 1.75, 1.0)])))
            places += 1
        for syllable in range(draw(st.integers(1, 3))):
            if syllable and places < 11:
                explicit = draw(st.integers(0, 4)) == 0
                items.append(Penalty(0.0, 50.0, True) if explicit else Penalty(HYPHEN, draw(st.sampled_from(
                    [0.0, 50.0, 300.0])), True))
                places += 1
            width = draw(st.floats(3.0, 60.0))
            items.append(Box(width, width * expansion, width * expansion))
        if places >= 11:
            break
    return items


@settings(max_examples=300, deadline=None)
@given(items=paragraphs(), width=st.floats(40.0, 160.0), indent=st.sampled_from([0.0, 20.0, 35.4]),
       weights=st.sampled_from([Settings(), Settings(double_hyphen=0.0, final_hyphen=0.0, lone_stretch=0.5),
                                Settings(short_last=1e6, fragment_last=1e7), Settings(tolerance=200.0),
                                Settings(tolerance=3000.0)]))
def test_the_least_cost_of_all_break_sets(items, width, indent, weights) -> None:
    found = best_breaks(items, width, indent, weights)
    expected = _brute_force(items, width, indent, weights)
    assert expected is not None  # breaking at every place always qualifies
    assert found.hard == expected[0]
    assert found.demerits == pytest.approx(expected[1], rel=1e-9, abs=1e-6)
    assert cost(items, found.at, width, indent, weights) == pytest.approx((found.hard, found.demerits))


def _words(*widths: float) -> list:
    items: list = []
    for w in widths:
        if items:
            items.append(SPACE)
        items.append(Box(w))
    return items


def test_total_fit_evens_out_what_first_fit_leaves_ragged() -> None:
    # First fit puts 3 words on line 1 (40 + 40 + 10 and two spaces: 97 of 100) and leaves one space of line 2
    # to stretch by 26.5; total fit carries the 10 down, so that both lines stretch a little.
    items = _words(40, 40, 10, 20, 50, 40)
    found = best_breaks(items, 100.0)
    assert [len([i for i in items[a:b] if isinstance(i, Box)]) for a, b in lines_of(items, found.at)] == [2, 3, 1]
    assert found.demerits * 10 < cost(items, (5, 9), 100.0)[1]  # first fit's breaks


def test_a_third_hyphenated_line_in_a_row_is_taken_only_when_nothing_else_fits() -> None:
    # Four 30-pt syllables, a 40-pt measure: every syllable must go on a line of its own, three hyphens in a row.
    word = [Box(30.0), Penalty(HYPHEN, 50, True), Box(30.0), Penalty(HYPHEN, 50, True), Box(30.0),
            Penalty(HYPHEN, 50, True), Box(30.0)]
    assert best_breaks(word, 40.0).hard == 1
    # With room for two syllables on a line the hyphens are spaced out.
    assert best_breaks(word, 70.0).hard == 0


def test_a_lone_fragment_or_a_short_last_line_is_avoided() -> None:
    # "xxxx xxxx xx-yy": the last word's tail alone on the last line is avoided by carrying the word whole.
    items = [*_words(40, 40), SPACE, Box(12), Penalty(HYPHEN, 0, True), Box(12)]
    found = best_breaks(items, 100.0, settings=Settings(short_last=0))
    last = lines_of(items, found.at)[-1]
    assert any(isinstance(i, Glue) for i in items[last[0]:last[1]]) or not found.at or not isinstance(
        items[found.at[-1]], Penalty)


def test_a_word_wider_than_the_measure_gets_a_line_of_its_own() -> None:
    items = _words(20, 200, 20)
    found = best_breaks(items, 100.0)
    assert [items[a:b] for a, b in lines_of(items, found.at)] == [[Box(20)], [Box(200)], [Box(20)]]


def _chain_after(widths: list[float], chain: tuple[float, float]) -> list:
    """Words, then a two-word no-break chain whose space may break at a cost of 1000."""
    return [*_words(*widths), SPACE, Box(chain[0]), Penalty(0.0, 1000.0), Glue(3.5, 1.75), Box(chain[1])]


def test_a_costly_break_in_a_no_break_chain_is_used_only_against_a_hole() -> None:
    # Carried down whole, the chain leaves line 1's three spaces 1.9 times their width: it is not broken.
    items = _chain_after([20, 20, 20, 20], (10, 40))
    assert best_breaks(items, 100.0).at == (7,)
    # Here line 1's two spaces would stand at 2.9 times their width: the chain is broken instead.
    items = _chain_after([20, 20, 20], (8, 40))
    assert best_breaks(items, 80.0).at == (7,)
    assert isinstance(items[7], Penalty)
