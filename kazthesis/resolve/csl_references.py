"""Citations and the bibliography under a CSL style (APA, Harvard, IEEE…) → the reference list and every
citation's printed text, both made by one run of the CSL processor.

The GOST path (:mod:`~kazthesis.resolve.references`, :mod:`~kazthesis.resolve.citations`) numbers by first
citation and prints ``[1, 25 б.]``; here the style decides everything: ``(Abenov, 2020, p. 25)``,
``Abenov (2020)`` for ``@abenov2020`` in running text, ``[1]`` in a numeric style, the list's order, and
the label each entry carries (``[1]``, or none in an author–date list). An English document romanizes its
Cyrillic sources (:mod:`kazthesis.bibliography.csl.items`).
"""

from __future__ import annotations

import re

from kazthesis.bibliography import Bibliography, Entry, split_emphasis, strip_emphasis
from kazthesis.bibliography.csl import CiteItem as CslCite
from kazthesis.bibliography.csl import CslError, csl_items, locale_for, render
from kazthesis.i18n import _
from kazthesis.lang.typography import apply_typography
from kazthesis.model import Citation, Reference
from kazthesis.problems import Problems
from kazthesis.read.config import Config

_NUMBER = re.compile(r"\d+")


def _cluster(citation: Citation, entries: dict[str, Entry]) -> list[CslCite]:
    mode_of = ("author-in-text" if citation.author_in_text else "normal")
    return [CslCite(item.key, item.locator, item.prefix, "suppress-author" if item.bare else mode_of)
            for item in citation.items if item.key in entries]


def csl_reference_list(config: Config, bibliography: Bibliography, citations: list[Citation], cited: list[str],
                       problems: Problems) -> tuple[list[Reference], bool] | None:
    """The list in the style's order and whether its entries hang, with each citation's text written; None
    when the processor failed (an error names the style and pandoc's reason)."""
    style = config.csl_style
    assert style is not None
    entries = bibliography.entries
    chosen = [key for key in cited if key in entries]
    if config.bibliography["list_uncited"]:
        chosen += [key for key in entries if key not in set(cited)]
    items = csl_items([entries[key] for key in chosen], config.language, config.language == "en", problems,
                      config.bib_path)
    clusters = [_cluster(citation, entries) for citation in citations]
    try:
        output = render(style, locale_for(config.language, style.default_locale), items,
                        [cluster for cluster in clusters if cluster], list_all=True)
    except CslError as exc:
        problems.error(config.path, config.key_lines.get("bibliography.style"),
                       _("the CSL style '{name}' could not be used: {exc}").format(name=style.name, exc=exc),
                       _("check the .csl file (a style from the Zotero style repository works as it is)"))
        return None
    texts = iter(output.citations)
    references = []
    for position, (key, label, marked) in enumerate(output.entries, 1):
        references.append(Reference(position, entries[key], strip_emphasis(marked), split_emphasis(marked), label))
    numbers = {ref.entry.key: int(m.group()) if (m := _NUMBER.search(ref.label)) else ref.number
               for ref in references}
    for citation, cluster in zip(citations, clusters, strict=True):
        if not cluster:
            citation.text = "[?]"  # only after an error (an unknown key), which stops the build
            continue
        citation.text = apply_typography(strip_emphasis(next(texts)), config.language)
        citation.numbers = sorted({numbers[item.key] for item in cluster})
    return references, output.hanging_indent


def csl_all_references(config: Config, bibliography: Bibliography) -> list[Reference]:
    """Every entry of the .bib file in the style's order (``refs --all``); problems were reported by the build."""
    style = config.csl_style
    assert style is not None
    items = csl_items(bibliography.entries.values(), config.language, config.language == "en", Problems(),
                      config.bib_path)
    output = render(style, locale_for(config.language, style.default_locale), items, [], list_all=True)
    return [Reference(n, bibliography.entries[key], strip_emphasis(text), split_emphasis(text), label)
            for n, (key, label, text) in enumerate(output.entries, 1)]
