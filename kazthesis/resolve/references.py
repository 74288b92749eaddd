"""The bibliography and the cited keys → the numbered reference list (and every entry, for ``refs --all``).

Each entry's description is formatted once (:mod:`kazthesis.bibliography.gost`): its plain text (as
``refs`` prints it) is the marked text without its italics markers.
"""

from __future__ import annotations

from kazthesis.bibliography import (
    Bibliography,
    Entry,
    format_entry_marked,
    order_entries,
    split_emphasis,
    strip_emphasis,
    unprinted,
)
from kazthesis.i18n import _, ngettext
from kazthesis.model import Document, Reference
from kazthesis.problems import Problems
from kazthesis.read.config import Config
from kazthesis.resolve.csl_references import csl_all_references


def make_reference_list(config: Config, bibliography: Bibliography, cited: list[str]) -> list[Reference]:
    """The reference list as the PDF prints it: cited entries (and, when the setting asks, uncited
    ones after them) in the configured order."""
    settings = config.bibliography
    entries = bibliography.entries
    chosen = [entries[key] for key in cited if key in entries]
    if settings["list_uncited"]:
        chosen += [entry for key, entry in entries.items() if key not in set(cited)]
    return numbered(order_entries(chosen, settings["order"]), settings["style"], settings["numbers"])


def numbered(entries: list[Entry], style: str, numbers: str = "1.") -> list[Reference]:
    """Entries with their numbers, plain text (as `refs` prints it), the same text in italic runs, and
    the number as the list prints it."""
    dot = "." if numbers == "1." else ""
    marked = [format_entry_marked(entry, style) for entry in entries]  # each entry formatted once
    return [Reference(n, entry, strip_emphasis(text), split_emphasis(text), f"{n}{dot}")
            for n, (entry, text) in enumerate(zip(entries, marked, strict=True), 1)]


def all_references(document: Document) -> list[Reference]:
    """Every entry of the .bib file, in file order (``refs --all``); under a CSL style, in the style's order."""
    if document.config.csl_style is not None:
        return csl_all_references(document.config, document.bibliography)
    settings = document.config.bibliography
    return numbered(list(document.bibliography.entries.values()), settings["style"], settings["numbers"])


def warn_unused(document: Document, problems: Problems) -> None:
    """One warning listing the entries the text never cites."""
    cited = set(document.cited_keys)
    unused = [entry for key, entry in document.bibliography.entries.items() if key not in cited]
    if unused:
        keys, count = ", ".join(entry.key for entry in unused), len(unused)
        problems.warning(document.config.bib_path, unused[0].line,
                         ngettext("{n} entry is never cited: {keys}", "{n} entries are never cited: {keys}",
                                  count).format(n=count, keys=keys),
                         ngettext("cite it, remove it, or set [bibliography] list_uncited = true",
                                  "cite them, remove them, or set [bibliography] list_uncited = true", count))


def warn_unprinted(document: Document, problems: Problems) -> None:
    """A listed entry with a field GOST has a place for but its type's description leaves out (an @article's
    publisher, an @online's series): the value is lost without a word otherwise. A CSL style prints by its own
    rules (APA's titleaddon is a Cyrillic title's English translation), so it is not asked."""
    if document.config.csl_style is not None:
        return
    style = document.config.bibliography["style"]
    for reference in document.references:
        entry = reference.entry
        for name in unprinted(entry, style):
            problems.warning(document.config.bib_path, entry.line,
                             _("entry '{key}' (@{type}): its {field} is not printed, as GOST describes this type of "
                               "source without it").format(key=entry.key, type=entry.type, field=name),
                             _("check the type (@book, @article, @incollection, @online…); if it is right, remove "
                               "{field} to say it is meant").format(field=name))
