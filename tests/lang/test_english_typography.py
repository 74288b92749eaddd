"""English running text: typographic apostrophes, and a day kept with its month (issue #23)."""

from __future__ import annotations

import pytest

from kazthesis.lang.typography import NBSP, apply_typography


@pytest.mark.parametrize(("typed", "printed"), [
    ("Kazakhstan's policy", "Kazakhstan’s policy"),
    ("it didn't", "it didn’t"),
    ("in the '90s", "in the ’90s"),
    ("the students' work", "the students’ work"),
    ("'quoted' word", "'quoted' word"),  # a quoted word's opening mark is not an apostrophe
    ("On 29 August 1991", f"On 29{NBSP}August 1991"),
    ("by August 29, 1991", f"by August{NBSP}29, 1991"),
    ("see p. 25", f"see p.{NBSP}25"),
])
def test_english_typography(typed: str, printed: str) -> None:
    assert apply_typography(typed, "en") == printed
    assert apply_typography(printed, "en") == printed  # applying it twice changes nothing


def test_kazakh_and_russian_text_keep_their_apostrophes() -> None:
    assert apply_typography("Kazakhstan's", "kk") == "Kazakhstan's"
    assert apply_typography("Kazakhstan's", "ru") == "Kazakhstan's"
