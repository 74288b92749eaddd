"""Years, months and days as students write them in a .bib file."""

from __future__ import annotations

import re

from kazthesis.lang.registry import LANGUAGES

_YEAR = re.compile(r"(?<!\d)(1[0-9]{3}|20[0-9]{2})(?!\d)")
_ISO = re.compile(r"^\s*(\d{4})(?:-(\d{1,2}))?(?:-(\d{1,2}))?")


def parse_year(text: str) -> int | None:
    """The first plausible four-digit year in ``text`` (``2019``, ``2019–2020``, ``[2005]``)."""
    match = _YEAR.search(text)
    return int(match.group(1)) if match else None


def parse_iso_date(text: str) -> tuple[int | None, int | None, int | None]:
    """``2021-12-16`` → (2021, 12, 16); ``2021-12`` and ``2021`` too; a range gives its start."""
    match = _ISO.match(text)
    if not match:
        return None, None, None
    year, month, day = (int(g) if g else None for g in match.groups())
    month = month if month and 1 <= month <= 12 else None
    day = day if month and day and 1 <= day <= 31 else None
    return year, month, day


def parse_month(text: str) -> tuple[int | None, int | None]:
    """A month field → (month, day): ``4``, ``apr``, ``April 13``, ``13 сәуір``, ``апреля``."""
    month = day = None
    for word in re.findall(r"\d+|[^\W\d_]+", text.lower()):
        if word.isdigit():
            number = int(word)
            if month is None and 1 <= number <= 12 and not re.search(r"[^\W\d_]", text):
                month = number
            elif day is None and 1 <= number <= 31:
                day = number
            continue
        for stem, value in _month_stems():
            if word.startswith(stem) and month is None:
                month = value
                break
    if month is None:
        return None, None
    return month, day


def _month_stems() -> list[tuple[str, int]]:
    """The beginnings of month names in every language and script of the registry, longest first."""
    stems = [(stem, month) for language in LANGUAGES.values() for table in language.sources.values()
             for month, names in enumerate(table.month_stems, 1) for stem in names]
    return sorted(dict.fromkeys(stems), key=lambda item: -len(item[0]))


def format_day(text: str) -> str:
    """An access date as GOST prints it: ``2024-03-15`` → ``15.03.2024``; anything else as written."""
    year, month, day = parse_iso_date(text)
    if year and month and day:
        return f"{day:02d}.{month:02d}.{year}"
    return text.strip()
