"""A .bib snippet → its entries and problems, or its one entry in GOST form, for the bibliography tests."""

from __future__ import annotations

from pathlib import Path

from kazthesis.bibliography import Bibliography, format_entry, parse_bibliography
from kazthesis.problems import Problems

N = "\u00a0"  # the no-break space GOST puts between initials, and between initials and a surname


def parse(text: str) -> tuple[Bibliography, Problems]:
    problems = Problems()
    return parse_bibliography(text, Path("references.bib"), problems), problems


def fmt(text: str, style: str = "gost-7.1-2003", key: str | None = None) -> str:
    """Format the (only, or ``key``) entry of a .bib snippet."""
    bib, _ = parse(text)
    entry = bib.entries[key] if key else next(iter(bib.entries.values()))
    return format_entry(entry, style)


def closed(text: str) -> str:
    """An area as it ends before the next ". – ": "2-е изд." stays, "2-нашр" takes a period."""
    return text if text.endswith(".") else text + "."
