"""apply_typography and hyphenate_text take time linear in the length of the text.

A regex that backtracks over a run without spaces made 50 000 letters take
seconds. Each input shape is timed at two sizes in one run and the ratio is
checked, not an absolute time: four times the text must take well under
sixteen times as long (quadratic); the bound is 8× plus a small constant for
timer noise.
"""

from __future__ import annotations

import time
from collections.abc import Callable

import pytest

from kazthesis.lang.hyphenation import hyphenate_text
from kazthesis.lang.typography import apply_typography

N = 6_000
SLACK = 0.05  # seconds

# Runs without a space (and a few with), each of which once made some rule quadratic or worse:
# a piece repeated to the length, or a text built for the length.
SHAPES: dict[str, str | Callable[[int], str]] = {
    "kazakh letters": "қазақстан",
    "russian letters": "государство",
    "latin letters": "government",
    "one vowel": "у",                      # у after у: the /w/ rule once recursed letter by letter
    "consonants": "б",
    "mixed case": "Аа",
    "e-mail": "a@",
    "scheme": "a://",
    "www": "www.",
    "number sign": "№",
    "digits and dots": "1.",
    "ranges": "1-2 ",                       # the designation check once searched the whole text before each range
    "closing brackets": ")",
    "spaces and tabs": " \t",
    "not signs": "а¬",
    "russian one-letter words": "в ",
    "soft signs": "аь",
    "consonant cluster": lambda n: "а" + "б" * (n - 2) + "а",  # the onset search once tried every split
    "sign cluster": lambda n: "а" + "ь" * (n - 2) + "а",
}


def _text(shape: str, n: int) -> str:
    piece = SHAPES[shape]
    return piece(n) if callable(piece) else (piece * n)[:n]


def _seconds(function: Callable[[str, str], str], text: str, lang: str) -> float:
    """The best of three runs, each on a slightly different text (no cache can answer)."""
    best = float("inf")
    for repeat in range(1, 4):
        start = time.perf_counter()
        function(text[0] * repeat + text, lang)
        best = min(best, time.perf_counter() - start)
    return best


@pytest.mark.parametrize("function", [apply_typography, hyphenate_text], ids=lambda f: f.__name__)
@pytest.mark.parametrize("shape", SHAPES)
def test_time_is_linear_in_the_length(function: Callable[[str, str], str], shape: str) -> None:
    small, large = _text(shape, N), _text(shape, 4 * N)
    for lang in ("kk", "ru", "en"):
        short, long = _seconds(function, small, lang), _seconds(function, large, lang)
        assert long < 8 * short + SLACK, f"{shape}, {lang}: {short:.3f} s for {N} characters, {long:.3f} s for {4 * N}"
