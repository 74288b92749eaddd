"""LaTeX markup in fields keeps its text; emphasis survives as markers that plain output strips."""

from __future__ import annotations

from pathlib import Path

import pytest

from kazthesis.bibliography import (
    Bibliography,
    format_entry,
    format_entry_marked,
    order_entries,
    parse_bibliography,
    split_emphasis,
    strip_emphasis,
)
from kazthesis.problems import Problems

N = "\u00a0"
S, E = "\ue000", "\ue001"


def parse(text: str) -> Bibliography:
    problems = Problems()
    bib = parse_bibliography(text, Path("references.bib"), problems)
    assert [str(p) for p in problems] == []
    return bib


def both(bibtex: str) -> tuple[str, str]:
    entry = next(iter(parse(bibtex).entries.values()))
    return format_entry(entry), format_entry_marked(entry)


@pytest.mark.parametrize(("title", "plain", "marked"), [
    (r"The \emph{Titanic} and \textit{Homo sapiens}", "The Titanic and Homo sapiens",
     f"The {S}Titanic{E} and {S}Homo sapiens{E}"),
    (r"{\em Sic} transit", "Sic transit", f"{S}Sic{E} transit"),
    (r"{\it Ex libris}", "Ex libris", f"{S}Ex libris{E}"),
    (r"\mkbibemph{Mens} et \mkbibitalic{manus}", "Mens et manus", f"{S}Mens{E} et {S}manus{E}"),
    (r"\textsl{Slanted} text", "Slanted text", f"{S}Slanted{E} text"),
    (r"\emph{Nested \emph{twice}} here", "Nested twice here", f"{S}Nested twice{E} here"),
    (r"A \textit{ spaced } word", "A spaced word", f"A {S}spaced{E} word"),
    (r"\textbf{Bold} and \textsc{Small Caps}", "Bold and Small Caps", "Bold and Small Caps"),
    # "Title: subtitle" in one field is split as GOST writes it (#26).
    (r"Water: H\textsubscript{2}O and E = mc\textsuperscript{2}", "Water : H₂O and E = mc²",
     "Water : H₂O and E = mc²"),
    (r"CO$_2$ and x$^{3}$", "CO₂ and x³", "CO₂ and x³"),
    (r"\textsuperscript{th} and \textsubscript{max}", "th and max", "th and max"),
])
def test_markup_keeps_its_text_and_emphasis_its_italics(title: str, plain: str, marked: str) -> None:
    assert both(f"@book{{k, title = {{{title}}}, year = {{2000}}}}") == (f"{plain}. – 2000.", f"{marked}. – 2000.")


def test_a_title_ending_in_italics_takes_its_period_outside_and_none_after_a_question_mark() -> None:
    assert both(r"@book{k, title = {\emph{Что делать?}}, address = {Москва}, year = {1863}}") == (
        "Что делать? – Москва, 1863.", f"{S}Что делать?{E} – Москва, 1863.")
    assert both(r"@book{k, title = {On \emph{Ulysses}}, year = {1922}}")[1] == f"On {S}Ulysses{E}. – 1922."


def test_emphasis_in_a_journal_and_a_note_but_never_in_names_or_numbers() -> None:
    plain, marked = both(r"@article{k, author = {\emph{Smith}, John}, title = {On \emph{Drosophila}},"
                         r" journal = {\textit{Nature}}, year = {\emph{2001}}, pages = {\emph{5}--9}}")
    assert plain == f"Smith, J. On Drosophila / J.{N}Smith // Nature. – 2001. – P. 5–9."
    assert marked == f"Smith, J. On {S}Drosophila{E} / J.{N}Smith // {S}Nature{E}. – 2001. – P. 5–9."


def test_markers_already_in_the_file_are_not_trusted() -> None:
    entry = next(iter(parse(f"@book{{k, title = {{Broken {S}marker}}, year = {{2000}}}}").entries.values()))
    assert format_entry_marked(entry) == "Broken marker. – 2000."


def test_sorting_and_language_ignore_emphasis() -> None:
    bib = parse(r"@book{b, title = {\emph{Бақыт}}, year = {2000}}" "\n"
                r"@book{a, title = {\emph{\textit{Ана}}}, year = {2000}, langid = {kazakh}}" "\n"
                r"@book{z, title = {\emph{Zeta}}, year = {2000}}")
    assert [e.key for e in order_entries(list(bib.entries.values()), "alphabetical")] == ["a", "b", "z"]
    assert bib.entries["b"].language == "kk" and bib.entries["b"].title == "Бақыт"


def test_split_emphasis() -> None:
    assert split_emphasis(f"Ab {S}cd{E}.") == [("Ab ", False), ("cd", True), (".", False)]
    assert split_emphasis("plain") == [("plain", False)]
    assert split_emphasis("") == []
    assert split_emphasis(f"{S}{E}x{E}y{S}z") == [("xy", False), ("z", True)]  # unbalanced markers tolerated
    assert split_emphasis(f"{S}a{S}b{E}c{E}d") == [("abc", True), ("d", False)]
    assert strip_emphasis(f"{S}a{E}b") == "ab"
