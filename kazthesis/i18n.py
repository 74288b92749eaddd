"""A message in English → the same message in the student's language (kk, ru or en), through gettext catalogues.

The language is ``KAZTHESIS_LANG``, else the locale (``LC_ALL``, then ``LC_MESSAGES``, then ``LANG``, as gettext
reads them) where it is Kazakh, Russian or English, else English. The catalogues are
``kazthesis/locale/<code>/LC_MESSAGES/kazthesis.po`` (English is the messages' own language, with no catalogue),
compiled to ``.mo`` beside them by ``python scripts/messages.py``, which also extracts every message marked
here into ``kazthesis/locale/kazthesis.pot``.

A message is marked where it is written: ``_("entry '{key}' has no {name}").format(key=…, name=…)`` — the
placeholders filled after the translation, never an f-string inside ``_()`` (extraction cannot see what an
f-string makes); ``ngettext(singular, plural, n)`` for a count; ``N_("…")`` for text kept in a table and
translated with ``_()`` where it is shown. The words ``error`` and ``warning`` of ``FILE:LINE: error: …``
stay English, so that editors still find the line.
"""

from __future__ import annotations

import gettext
import os
from functools import cache
from pathlib import Path

DOMAIN = "kazthesis"
LOCALE_DIR = Path(__file__).resolve().parent / "locale"
MESSAGE_LANGUAGES = ("kk", "ru", "en")
ENVIRONMENT = ("KAZTHESIS_LANG", "LC_ALL", "LC_MESSAGES", "LANG")

_chosen: list[str] = []  # a language set with use(), over the environment's


def _base(value: str) -> str:
    """``ru_RU.UTF-8``, ``kk-KZ``, ``en_US@euro`` → ``ru``, ``kk``, ``en``."""
    return value.split(".")[0].split("@")[0].replace("-", "_").split("_")[0].lower()


def message_language() -> str:
    """kk, ru or en: the first of :data:`ENVIRONMENT` that is set names it (else English)."""
    if _chosen:
        return _chosen[-1]
    for name in ENVIRONMENT:
        value = os.environ.get(name, "")
        if value:
            # gettext takes the first variable set even when it names a language we have no catalogue for;
            # KAZTHESIS_LANG alone falls through when it names none of ours.
            code = _base(value.split(":")[0])
            if code in MESSAGE_LANGUAGES:
                return code
            if name != "KAZTHESIS_LANG":
                return "en"
    return "en"


@cache
def catalogue(code: str) -> gettext.NullTranslations:
    """The compiled catalogue of ``code`` (English: the messages as written)."""
    return gettext.translation(DOMAIN, LOCALE_DIR, languages=[code], fallback=True)


def _(message: str) -> str:
    """``message`` in the student's language."""
    return catalogue(message_language()).gettext(message)


def ngettext(singular: str, plural: str, count: int) -> str:
    """The form of a message for ``count`` in the student's language (Russian has three)."""
    return catalogue(message_language()).ngettext(singular, plural, count)


def N_(message: str) -> str:  # noqa: N802 - gettext's name for "mark, translate later"
    """Marks ``message`` for the catalogue; it is translated where it is shown."""
    return message


class use:  # noqa: N801 - used as a function: ``with use("ru"): …``
    """Messages in ``code`` inside the block (a thesis.toml written in the document's language, a test)."""

    def __init__(self, code: str) -> None:
        self.code = code if code in MESSAGE_LANGUAGES else "en"

    def __enter__(self) -> str:
        _chosen.append(self.code)
        return self.code

    def __exit__(self, *exc: object) -> None:
        _chosen.pop()
