"""The language registry: every language the tool knows, one entry each (``lang/<code>.py``), in one table.

To add a language, write its entry (copy ``lang/en.py``: :class:`~kazthesis.lang.language.Language` says
what each field is) and list it in :data:`LANGUAGES` below; a language with a document table may then be
the ``language`` of a thesis, and any entry describes the sources in that language. Nothing else changes:
every module looks its words up here, when it needs them (a test registers a made-up language and builds
a thesis in it). Only ``kazthesis new --lang`` wants more: a sample project in
``kazthesis/new/skeletons/<code>/``.

The order of :data:`LANGUAGES` is the order messages list the languages in, and the first entry wins a tie
when :mod:`kazthesis.lang.identify` tells a text's language (Kazakh before Uzbek: both write Қ and Ғ).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator, Sequence

from kazthesis.lang.en import ENGLISH
from kazthesis.lang.kk import KAZAKH
from kazthesis.lang.language import DocumentTable
from kazthesis.lang.ru import RUSSIAN
from kazthesis.lang.uz import UZBEK

LANGUAGES = {entry.code: entry for entry in (KAZAKH, RUSSIAN, ENGLISH, UZBEK)}

CYRILLIC = re.compile("[\u0400-\u04ff]")


class _DocumentLanguages(Sequence[str]):
    """The codes of the languages a thesis may be written in (the entries with a document table), read from
    :data:`LANGUAGES` at every use."""

    def _codes(self) -> tuple[str, ...]:
        return tuple(code for code, entry in LANGUAGES.items() if entry.document is not None)

    def __getitem__(self, index):  # noqa: ANN001, ANN204 - Sequence's signature
        return self._codes()[index]

    def __len__(self) -> int:
        return len(self._codes())

    def __iter__(self) -> Iterator[str]:
        return iter(self._codes())

    def __contains__(self, code: object) -> bool:
        return code in self._codes()

    def __repr__(self) -> str:
        return repr(self._codes())


DOCUMENT_LANGUAGES: Sequence[str] = _DocumentLanguages()


def document(code: str) -> DocumentTable:
    """The document table of a language a thesis may be written in (KeyError for any other)."""
    table = LANGUAGES[code].document
    if table is None:
        raise KeyError(code)
    return table


def base_code(tag: str) -> str:
    """``kk-KZ``, ``ru_RU``, ``EN`` → ``kk``, ``ru``, ``en``."""
    return tag.lower().replace("_", "-").split("-")[0]


def listed(words: Iterable[str], last: str = "or") -> str:
    """``a, b or c``: the languages (or anything else) as a message lists them."""
    words = list(words)
    return f"{', '.join(words[:-1])} {last} {words[-1]}" if len(words) > 1 else "".join(words)


def standing_for(script: str) -> str:
    """The language whose terms describe a source in a language without an entry: the one standing for its
    script (Cyrillic → Russian), else the one standing for Latin."""
    standing = {entry.script: code for code, entry in reversed(LANGUAGES.items()) if entry.stands_for_script}
    return standing.get(script, standing["Latn"])
