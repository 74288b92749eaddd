"""A document language's fixed strings (:mod:`kazthesis.lang.registry`) → the texts printed: captions,
cross-references, page locators, appendix letters, the statistics line, an annotation's language."""

from __future__ import annotations

from collections.abc import Mapping

from kazthesis.lang.identify import detect
from kazthesis.lang.registry import DOCUMENT_LANGUAGES, document


def strings(language: str) -> Mapping[str, str]:
    """Every fixed string of ``language``, by name (the templates read them as ``strings.contents``…)."""
    return document(language).strings


def text(language: str, name: str, **values: object) -> str:
    """The fixed string ``name`` in ``language``, with its placeholders filled."""
    return document(language).strings[name].format(**values)


def appendix_letter(language: str, index: int) -> str:
    """Letter of the ``index``-th appendix (0-based): А, Б, В… or A, B, C…; after the last, АА, АБ…"""
    letters = document(language).appendix_letters
    if index < len(letters):
        return letters[index]
    return letters[index // len(letters) - 1] + letters[index % len(letters)]


def page_locator(language: str, pages: str) -> str:
    """``25`` → ``25 б.`` / ``с. 25`` / ``p. 25``; a range takes the plural form (``pp. 25–31`` in en)."""
    return text(language, "pages" if "–" in pages else "page", pages=pages)


def abstract_language(title: str, default: str) -> str:
    """The language of an annotation from its title: АҢДАТПА → kk, АННОТАЦИЯ → ru, ANNOTATION → en; another
    title by its letters (Kazakh letters → kk, other Cyrillic → ru, Latin → en); ``default`` when it has none."""
    word = title.strip().upper()
    for code in DOCUMENT_LANGUAGES:
        if word in document(code).abstract_titles:
            return code
    return detect(title, DOCUMENT_LANGUAGES) or default


def statistics_text(language: str, work_type: str, figures: int, tables: int, sources: int,
                    appendices: int) -> str:
    """The statistics line with ``{pages}`` left to fill in: "Курсовая работа {pages} с., 3 рис., 1 прил."
    Counts of zero are left out, as GOST 7.32's example leaves out what a report does not have."""
    words = strings(language)

    def count(name: str, n: int) -> str:
        key = f"statistics_{name}_one" if n == 1 else f"statistics_{name}"
        return words[key].format(n=n).replace(" ", "\u00a0", 1)  # a number never parts from its word

    parts = [words["statistics_pages"].format(n="{pages}").replace(" ", "\u00a0", 1)]
    parts += [count(name, n) for name, n in (("figures", figures), ("tables", tables), ("sources", sources),
                                            ("appendices", appendices)) if n]
    line = f"{words['work_' + work_type]} {', '.join(parts)}"
    return line if line.endswith(".") else line + "."
