"""A paragraph's text → total-fit items and back (kazthesis.pdf.break_items)."""

from __future__ import annotations

from math import inf

import pytest

from kazthesis.pdf.break_items import NBSP, SOFT_HYPHEN, WORD_JOINER, Costs, paragraph_items
from kazthesis.pdf.optimal_breaks import Box, Glue, Penalty


def _width(text: str, style: object) -> float:
    """A stand-in measure: 7 pt a character, 14 in bold, the hyphen 4 pt, the marks nothing."""
    if text == "\u2010":
        return 4.0
    if text == " ":
        return 3.5
    return len(text.translate({ord(c): None for c in "\u00ad\u200b\u2060"})) * (14.0 if style == "b" else 7.0)


def _places(text: str) -> set[int]:
    """Where a line may break, as the renderer's rules say: after a space or a soft hyphen, and after a
    hyphen followed by a letter."""
    return {i + 1 for i, c in enumerate(text) if c in f" {SOFT_HYPHEN}" or (c == "-" and text[i + 1:i + 2].isalpha())}


def test_spaces_soft_hyphens_and_hyphens_become_glue_and_penalties() -> None:
    text = f"ал қа{SOFT_HYPHEN}ты{SOFT_HYPHEN}нас қарым-қатынас 1993{NBSP}жылы"
    found = paragraph_items([(text, None)], _places(text), _width)
    kinds = [type(item).__name__ for item in found.items]
    assert kinds == ["Box", "Glue", "Box", "Penalty", "Box", "Penalty", "Box", "Glue", "Box", "Penalty", "Box",
                     "Glue", "Box", "Penalty", "Glue", "Box"]
    assert found.items[0] == Box(14.0) and found.items[2] == Box(14.0)  # the soft hyphen draws nothing
    assert found.items[3] == Penalty(4.0, 300.0, True)
    assert found.items[9] == Penalty(0.0, 100.0, True) and found.items[8] == Box(42.0)  # қарым- keeps its hyphen
    assert found.items[13] == Penalty(0.0, inf)  # the no-break space is glue that is no place to break
    assert {text[at] for at in found.offsets.values()} == {" ", SOFT_HYPHEN, "-"}
    assert 13 not in found.offsets


def test_the_spaces_after_the_last_word_are_no_place_to_break() -> None:
    found = paragraph_items([("бір екі ", None)], {4, 8}, _width)
    assert found.items == [Box(21.0), Glue(3.5, 1.75), Box(21.0)]
    assert list(found.offsets) == [1]


def test_a_run_in_another_style_is_measured_in_it() -> None:
    found = paragraph_items([("Мақ", "b"), ("сат – ", None)], {7}, _width)
    assert found.items[0] == Box(3 * 14.0 + 3 * 7.0)


@pytest.mark.parametrize(("text", "breakable"), [
    (f"ал Алматыда{NBSP}Н.{NBSP}Ә.{NBSP}Назарбаев келді", ["Алматыда|Н."]),
    (f"Қ.-{WORD_JOINER}Ж.{NBSP}Тоқаев{NBSP}Д.{NBSP}Трамптың", ["Тоқаев|Д."]),
    (f"С.{NBSP}Ф.{NBSP}Старр мен", []),  # initials and their surname
    (f"Babu Sahib,{NBSP}H.{NBSP}M.{NBSP}H. A Concise", []),  # surname first: no surname after the initials
    (f"№{NBSP}70.{NBSP}– URL", []),
    (f"1993{NBSP}жылғы 6{NBSP}сәуірде", []),  # two chains of two words: each holds
])
def test_only_a_no_break_space_before_initials_with_their_surname_may_break(text: str, breakable: list[str]) -> None:
    found = paragraph_items([(text, None)], _places(text), _width)
    chain = [k for k, at in found.offsets.items() if text[at] == NBSP]
    assert [text[:found.offsets[k]].split()[-1].split(NBSP)[-1] + "|" + text[found.offsets[k] + 1:].split(NBSP)[0]
            for k in chain] == breakable
    assert all(found.items[k] == Penalty(0.0, 1000.0) for k in chain)


def test_glue_stretches_and_shrinks_by_the_shares_given() -> None:
    found = paragraph_items([("а б", None)], {2}, _width, Costs(stretch=0.5, shrink=0.25))
    assert found.items[1] == Glue(3.5, 1.75, 0.875)
