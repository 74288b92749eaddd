"""@string abbreviations that double themselves are bounded: memory and time stay small, the line is named."""

from __future__ import annotations

import time
import tracemalloc
from pathlib import Path

from kazthesis.bibliography import Bibliography, parse_bibliography
from kazthesis.problems import Problems


def parse(text: str) -> tuple[Bibliography, list[str]]:
    problems = Problems()
    bib = parse_bibliography(text, Path("references.bib"), problems)
    return bib, [str(p) for p in problems]


def doublings(count: int, seed: str = "ab") -> list[str]:
    return [f'@string{{s0 = "{seed}"}}'] + [f"@string{{s{i} = s{i - 1} # s{i - 1}}}" for i in range(1, count + 1)]


def test_forty_doublings_are_refused_at_the_line_that_grows_too_long() -> None:
    text = "\n".join([*doublings(40), "@book{k, title = s40, year = {2000}}",
                      "@book{ok, title = {Қазақстан тарихы}, publisher = s3, year = {2000}}"])
    assert len(text.encode()) < 2048
    tracemalloc.start()
    started = time.perf_counter()
    bib, messages = parse(text)
    elapsed = time.perf_counter() - started
    peak = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()
    assert peak < 20_000_000 and elapsed < 5
    # "ab" doubled 16 times is 131 072 characters: s16, on line 17, is the first over 100 000.
    assert messages == [
        "references.bib:17: error: the @string 's16' expands to more than 100 000 characters — no real value is that "
        "long: write the text itself, not abbreviations repeated with #",
        "references.bib:42: error: entry 'k', field title uses an @string that expands too far, so it is left "
        "empty — fix that @string first (its error names it)",
    ]
    assert bib.entries["ok"].fields["publisher"] == "ab" * 8


def test_abbreviations_used_over_and_over_have_a_budget_for_the_whole_file() -> None:
    # s15 is 65 536 characters, under the limit of one value; with the 131 068 the doublings brought in,
    # the fourteenth use (k13, line 30) is over a million. The entries after it are not blamed again.
    entries = [f"@book{{k{n}, title = s15, year = {{2000}}}}" for n in range(20)]
    started = time.perf_counter()
    bib, messages = parse("\n".join([*doublings(15), *entries]))
    assert time.perf_counter() - started < 5
    assert messages == [
        "references.bib:30: error: entry 'k13', field title: the @string abbreviations of this file expand to more "
        "than 1 000 000 characters in all; from here on they are left empty — use each abbreviation for a short "
        "text (a journal's or publisher's name)"]
    assert len(bib.entries["k12"].title) == 65_536 and bib.entries["k13"].title == bib.entries["k19"].title == ""


def test_a_field_too_long_in_itself() -> None:
    _, messages = parse("@book{k, title = {" + "x" * 100_001 + "}, year = {2000}}")
    assert messages[0] == ("references.bib:1: error: entry 'k', field title expands to more than 100 000 characters"
                           " — no real value is that long: write the text itself, not abbreviations repeated with #")


def test_fields_never_printed_are_not_decoded() -> None:
    bib, messages = parse("@book{k, title = {T}, year = {2000}, abstract = {\\unknown{" + "x" * 50_000 + "}} # oops}")
    assert messages == [] and bib.entries["k"].title == "T"
