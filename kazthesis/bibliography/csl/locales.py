"""The document's language → the CSL locale its citations and list are written in, put into the style.

A CSL processor looks up terms, dates and punctuation in a locale file; pandoc carries its own
copies and has none for Kazakh. So the locale shipped here (``locales/``: en-US, en-GB and ru-RU
from the CSL project, kk-KZ written for kazthesis) is copied into the style itself as an in-style
``<locale>``, which every CSL processor reads before its own files: the output depends on the
files in this package only, and a Kazakh document gets Kazakh terms.
"""

from __future__ import annotations

import re
from pathlib import Path

LOCALE_DIR = Path(__file__).parent / "locales"
LOCALES = {"en": "en-US", "ru": "ru-RU", "kk": "kk-KZ"}
_PROLOG = re.compile(r"^\s*<\?xml[^>]*\?>\s*")
_INFO = re.compile(r"\s*<info>.*?</info>", re.DOTALL)
_STYLE_INFO_END = re.compile(r"</info>")
_LANG = re.compile(r'\s+xml:lang="[^"]*"')


def locale_for(document_language: str, style_default: str = "") -> str:
    """The locale tag for a document in ``document_language`` (kk, ru, en).

    A style that names an English locale of its own (a British university's Harvard: en-GB) keeps it
    in an English document.
    """
    tag = LOCALES.get(document_language, "en-US")
    if document_language == "en" and style_default.startswith("en-") and locale_path(style_default).is_file():
        return style_default
    return tag


def locale_path(tag: str) -> Path:
    return LOCALE_DIR / f"locales-{tag}.xml"


def locale_element(tag: str) -> str:
    """The ``<locale>`` element of a shipped locale file without its prolog, ``<info>`` and language.

    Without ``xml:lang`` an in-style locale ranks below the style's own locales for the language and
    above the processor's files (CSL 1.0.2, "Locale Fallback"): the style's own "en" overrides (APA's
    "Eds.") still win, and the processor's built-in copies are never reached.
    """
    text = locale_path(tag).read_text(encoding="utf-8")
    text = _INFO.sub("", _PROLOG.sub("", text), count=1)
    return _LANG.sub("", text, count=1)


def with_locale(style_text: str, tag: str) -> str:
    """``style_text`` with the locale ``tag`` inserted after its ``<info>``, where CSL allows ``<locale>``."""
    match = _STYLE_INFO_END.search(style_text)
    if match is None:  # a style without <info> is not valid CSL; the processor will say so
        return style_text
    return style_text[:match.end()] + "\n" + locale_element(tag) + style_text[match.end():]
