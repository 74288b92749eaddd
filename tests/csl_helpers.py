"""Shared by the CSL tests: .bib text in, the citations and list a CSL style makes out."""

from __future__ import annotations

from pathlib import Path

from kazthesis.bibliography import parse_bibliography
from kazthesis.bibliography.csl import CiteItem, Output, csl_items, locale_for, render, resolve_style
from kazthesis.bibliography.emphasis import END, START, strip_emphasis
from kazthesis.problems import Problems

BIB = Path("references.bib")


def format_with(style: str, bib: str, citations: list[list[CiteItem]], language: str = "en",
                root: Path = Path("."), list_all: bool = True) -> tuple[Output, Problems]:
    """Read ``bib`` as references.bib, then format ``citations`` and the list in ``style``."""
    problems = Problems()
    bibliography = parse_bibliography(bib, BIB, problems)
    found = resolve_style(style, root, problems, (Path("thesis.toml"), 1))
    assert found is not None, [str(p) for p in problems]
    items = csl_items(bibliography.entries.values(), language, language == "en", problems, BIB)
    return render(found, locale_for(language, found.default_locale), items, citations, list_all), problems


def plain(text: str) -> str:
    return strip_emphasis(text)


def marked(text: str) -> str:
    """Italics shown as *…*, to compare with how a style guide prints them."""
    return text.replace(START, "*").replace(END, "*")


def entries(output: Output) -> dict[str, str]:
    return {key: plain(text) for key, _, text in output.entries}
