"""A source's language → the terms its description takes (the registry's source tables, docs/formatting.md §4).

How that language is found: ``langid``/``language`` in any form a reference
manager writes (the registry entries' names, else langcodes), else the title's
markers (:mod:`kazthesis.lang.identify`), else the journal's, publisher's or
place's; a language without an entry borrows the terms of the one standing for
its script. Also the full city names of GOST R
7.0.100-2018 and an edition's number.
"""

from __future__ import annotations

import re
from functools import lru_cache

from kazthesis.i18n import message_language
from kazthesis.lang.identify import detect, identify, markers, script
from kazthesis.lang.language import SourceTable
from kazthesis.lang.registry import CYRILLIC, LANGUAGES, standing_for

# langid / language values of languages without an entry that langcodes does not know: babel's and
# biblatex's names. The registry's languages are read from their entries' names; everything else
# ("ukrainian", "de-DE", "Deutsch", "Українська"…) goes to langcodes (importing it costs ~70 ms a run).
OTHER_LANGIDS = {
    **dict.fromkeys(("ngerman", "austrian", "naustrian", "swissgerman", "nswissgerman"), "de"),
    **dict.fromkeys(("brazil", "brazilian", "portuges"), "pt"),
    **dict.fromkeys(("acadian", "canadien", "francais"), "fr"),
}

# GOST R 7.0.100-2018 writes places in full; GOST 7.1-2003 keeps what the .bib says.
FULL_PLACES = {
    "М.": "Москва", "СПб.": "Санкт-Петербург", "СПб": "Санкт-Петербург", "С.-Пб.": "Санкт-Петербург",
    "С.-Петербург": "Санкт-Петербург", "Л.": "Ленинград", "Н. Новгород": "Нижний Новгород",
    "Н.Новгород": "Нижний Новгород", "Ростов н/Д": "Ростов-на-Дону", "Ростов н/Д.": "Ростов-на-Дону",
    "Мн.": "Минск", "К.": "Киев", "А.": "Алматы", "А.-А.": "Алма-Ата", "Т.": "Ташкент",
    "N.Y.": "New York", "N. Y.": "New York", "L.": "London", "P.": "Paris", "B.": "Berlin",
    "Oxf.": "Oxford", "Camb.": "Cambridge",
}


def terms_for(language: str, title: str) -> SourceTable:
    """The source table a source is described with: its language's, for the script of its title when the
    language has one for each script (Uzbek: Cyrillic, else Latin)."""
    sources = LANGUAGES[language].sources if language in LANGUAGES else LANGUAGES[standing_for("Latn")].sources
    script = "Cyrl" if CYRILLIC.search(title) else "Latn"
    return sources.get(script) or next(iter(sources.values()))


def _langids() -> dict[str, str]:
    """Every langid value read without langcodes: the entries' names, then the names of :data:`OTHER_LANGIDS`."""
    return {**{name: code for code, entry in LANGUAGES.items() for name in entry.names}, **OTHER_LANGIDS}


_LANGUAGE_NAME = re.compile(r"[^\W\d_][^\W\d_ '’ʻ()-]*(?:[ '’ʻ()-]+[^\W\d_]+)*\)?", re.UNICODE)


@lru_cache(maxsize=256)
def language_code(stated: str) -> str | None:
    """A ``langid``/``language`` value → an ISO 639 code: ``ukrainian``, ``uk-UA``, ``Українська`` → ``uk``.

    None when it names no language. A list (``English; Russian``) gives its first language.
    """
    text = stated.strip().lower().replace("_", "-")
    first = re.split(r"[,;/]", text)[0].strip()
    primary = first.split("-")[0] if re.fullmatch(r"[a-z]{2,3}(?:-[a-z0-9]{2,8})*", first) else ""
    langids = _langids()
    for candidate in (text, first, primary):  # "en-US" is English without asking langcodes
        if candidate in langids:
            return langids[candidate]
    import langcodes  # here, not at the top: most files never need it

    for candidate in dict.fromkeys((text, first)):
        if not candidate:
            continue
        try:
            tag = langcodes.get(candidate)
        except ValueError:  # not a tag: maybe a name, in English or in the language itself
            if not _LANGUAGE_NAME.fullmatch(candidate):  # language_data's trie breaks on NUL and odd bytes
                continue
            try:
                tag = langcodes.find(candidate)
            except (LookupError, ValueError, SystemError):
                continue
        if tag.is_valid() and tag.language and re.fullmatch("[a-z]{2,3}", tag.language) and tag.language != "und":
            return tag.language
    return None


def language_name(code: str) -> str:
    """``uk`` → ``Ukrainian`` (``украинский``, ``украин``): for messages, in their language (language_data names
    the languages in each)."""
    import langcodes

    return langcodes.Language.get(code).display_name(message_language())


def script_of(text: str) -> str | None:
    """``Cyrl`` or ``Latn``, whichever has more letters in ``text``; None without letters of either."""
    cyrillic = len(re.findall("[\u0400-\u04ff]", text))
    latin = sum(1 for c in text if c.isascii() and c.isalpha())
    if not cyrillic and not latin:
        return None
    return "Cyrl" if cyrillic >= latin else "Latn"


def terms_by_script(stated: str, code: str, text: str) -> str:
    """The language whose terms describe a source in a language without an entry (docs/formatting.md §4): the one
    standing for its script (Cyrillic → ru), anything else → en.

    The script is the one the tag names (``sr-Latn``), else the one the source is written in, else the
    language's usual one.
    """
    import langcodes

    try:
        tag = langcodes.get(stated.strip().replace("_", "-"))
        script = tag.script
    except ValueError:
        script = None
    script = script or script_of(text) or langcodes.Language.get(code).maximize().script
    return standing_for(script or "")


def detect_language(text: str) -> str:
    """The language of a text by its markers (:func:`kazthesis.lang.identify.identify`), else the one standing for
    its script: other Cyrillic → ru, anything else → en."""
    return detect(text) or standing_for("Latn")


# The fields that decide a title the markers leave open, in the order they are looked at: the journal (or the
# book a part is in, or the site), then the publisher, then the place (docs/formatting.md §4).
IMPRINT_FIELDS = ("journaltitle", "booktitle", "booksubtitle", "howpublished", "publisher", "institution",
                  "organization", "location")


def judged_language(title: str, imprint: dict[str, str]) -> tuple[str, str]:
    """The language of a source without ``langid`` (docs/formatting.md §4), and what decided it: ``"title"`` (its
    title and subtitle), else the imprint's fields together, named by the first of :data:`IMPRINT_FIELDS` that
    holds a marker of the language found, else ``"script"`` (a Cyrillic title: Russian, which stands for the
    script) or ``"latin"`` (any other: English, as Uzbek in Latin script shows itself by its markers)."""
    found = identify(title)
    if found is not None:
        return found, "title"
    found = identify(" ".join(imprint.get(name, "") for name in IMPRINT_FIELDS))
    if found is not None:
        return found, next(name for name in IMPRINT_FIELDS if markers(imprint.get(name, ""), found))
    text = title or " ".join(imprint.values())
    return detect_language(text), "script" if script(text) == "Cyrl" else "latin"


def full_place(place: str, language: str) -> str:
    """``М.`` → ``Москва`` (each of ``М. ; СПб.`` on its own) for GOST R 7.0.100-2018; the source language's own
    abbreviations first (an Uzbek source's ``Т.`` is ``Тошкент``)."""
    own = LANGUAGES[language].places if language in LANGUAGES else {}
    table = {**FULL_PLACES, **own}
    return " ; ".join(table.get(p.strip(), p.strip()) for p in place.split(";"))


def edition_text(value: str, terms: SourceTable) -> str:
    """``2`` → ``2-е изд.`` / ``2-бас.`` / ``2nd ed.``; text that is not a number is printed as written."""
    value = value.strip()
    if not value.isdigit():
        return value
    return terms.terms["edition"].format(n=terms.ordinal(int(value)))
