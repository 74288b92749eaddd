"""The total-fit line breaker (kazthesis.pdf.optimal_breaks) against every set of breaks of small paragraphs."""

from __future__ import annotations

from dataclasses import replace
from itertools import combinations
from math import inf

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from kazthesis.pdf.optimal_breaks import Box, Glue, Penalty, Settings, best_breaks, cost, lines_of, too_loose

SPACE = Glue(3.5, 1.75)
HYPHEN = 4.66


def _least(items, width, indent, weights):
    """The least cost over every set of legal breaks (None when no set qualifies), and the sets that have it."""
    candidates = [i for i, item in enumerate(items)
                  if (isinstance(item, Glue) and i and isinstance(items[i - 1], Box)) or isinstance(item, Penalty)]
    best, sets = None, []
    for count in range(len(candidates) + 1):
        for at in combinations(candidates, count):
            found = cost(items, at, width, indent, weights)
            if found is None:
                continue
            if best is None or found[0] < best[0] or found[0] == best[0] and found[1] < best[1] - _TIE * abs(best[1]):
                best, sets = found, [at]
            elif found[0] == best[0] and abs(found[1] - best[1]) <= _TIE * abs(best[1]):
                sets.append(at)
    return best, sets


_TIE = 1e-12


def _brute_force(items, width, indent, weights):
    """The costs best_breaks may give: the least cost over every set of legal breaks, and, when a set that has
    it holds a line past the tolerance, the least cost without a tolerance."""
    best, sets = _least(items, width, indent, weights)
    expected = []
    if any(not too_loose(items, at, width, indent, weights) for at in sets):
        expected.append(best)
    if any(too_loose(items, at, width, indent, weights) for at in sets):
        expected.append(_least(items, width, indent, replace(weights, tolerance=inf))[0])
    return expected


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
                                Settings(tolerance=3000.0), Settings(tolerance=3000.0, box_reach=2.0)]))
def test_the_least_cost_of_all_break_sets(items, width, indent, weights) -> None:
    found = best_breaks(items, width, indent, weights)
    expected = _brute_force(items, width, indent, weights)
    assert expected and None not in expected  # breaking at every place always qualifies
    assert any(found.hard == hard and found.demerits == pytest.approx(demerits, rel=1e-9, abs=1e-6)
               for hard, demerits in expected)
    tolerance = weights if not too_loose(items, found.at, width, indent, weights) else replace(weights,
                                                                                              tolerance=inf)
    assert cost(items, found.at, width, indent, tolerance) == pytest.approx((found.hard, found.demerits))


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


def test_a_last_line_a_little_too_long_shrinks_instead_of_leaving_a_word_alone() -> None:
    # "A B C" on a 100-pt measure: A fills a line; B and C are 1 pt too long for the last line at natural width
    # but fit with their space shrunk, as TeX's last line does. Set at natural width only, B would stand alone.
    items = [Box(96.0), SPACE, Box(50.0), Glue(3.5, 1.75, 1.0), Box(47.5)]
    found = best_breaks(items, 100.0)
    assert found.at == (1,)
    assert [items[a:b] for a, b in lines_of(items, found.at)][-1] == items[2:]


def test_a_paragraph_no_breaks_keep_within_the_tolerance_is_set_as_if_it_had_none() -> None:
    # A 50-pt word, a 30-pt one and a 60-pt one on a 100-pt measure: "A B / C" stretches line 1's one space
    # past the tolerance, and so does "A / B C" (A alone, no space to stretch), which the tolerance lets
    # through only because no choice avoids a line that holds no place to break. Without the tolerance the
    # space of "A B" is the lesser evil; a word alone on a line of a justified paragraph is the greater one.
    items = _words(50, 30, 60)
    tolerance = Settings(tolerance=10000.0)
    assert too_loose(items, (1,), 100.0, settings=tolerance) and too_loose(items, (3,), 100.0, settings=tolerance)
    assert best_breaks(items, 100.0, settings=tolerance).at == (3,)


def test_a_line_of_boxes_alone_stretches_no_further_than_box_reach() -> None:
    # Three words, then a URL's three pieces (no space between them), then a word; letters stretch by 2 %.
    # The least badness puts the three pieces alone on line 2, 8 pt short: its letters alone would have to
    # stretch 4.3 times as far as their 2 % (the renderer stops at box_reach: a ragged line). With box_reach 3
    # the third word goes down to line 2, whose space takes the slack.
    def box(width: float) -> Box:
        return Box(width, width * 0.02, width * 0.02)

    items = [box(39), SPACE, box(44), SPACE, box(11), SPACE, box(24), Penalty(0.0, 50.0), box(47),
             Penalty(0.0, 50.0), box(21), SPACE, box(26)]
    assert best_breaks(items, 100.0, settings=Settings(tolerance=10000.0)).at == (5, 11)
    assert best_breaks(items, 100.0, settings=Settings(tolerance=10000.0, box_reach=3.0)).at == (3, 9)
