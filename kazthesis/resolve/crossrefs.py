"""Cross-references → their printed texts (``1-сурет``, ``таблицы 2, 3``, ``(4)``), once every label is known.

A reference to nothing is an error that suggests the id meant (or, for ``@tbl:x-те``, that a case
ending goes outside the brackets).
"""

from __future__ import annotations

import difflib
from collections.abc import Callable

from kazthesis.i18n import _
from kazthesis.lang import wording
from kazthesis.model import CrossRef, Source
from kazthesis.resolve.numbering import Label


class CrossReferences:
    """The labels of the document (``#id`` → what it names) and the texts that refer to them."""

    def __init__(self, labels: dict[str, Label], language: str, error: Callable[[Source, str, str], None]) -> None:
        self.labels, self.language, self.error = labels, language, error

    def text(self, xref: CrossRef) -> str:
        """What ``xref`` prints: the kind's word and the numbers (in the document's language), numbers alone for
        ``[-@…]`` and headings, a formula's number in parentheses; ``@id`` after an error."""
        found: list[Label] = []
        for ident in xref.ids:
            label = self.labels.get(ident)
            if label is None:
                self.missing(ident, xref)
                return "@" + ident
            found.append(label)
        kinds = {label.kind for label in found}
        numbers = ", ".join(label.number or label.title for label in found)
        if kinds == {"equation"}:
            return ", ".join(f"({label.number})" for label in found)
        if xref.bare or kinds == {"heading"}:
            return numbers
        if len(kinds) > 1:  # fig and tbl in one bracket: each says what it is
            return ", ".join(self.text(CrossRef([ident], xref.source)) for ident in xref.ids)
        kind = kinds.pop()
        name = f"{kind}_ref"  # figure_ref, table_ref, appendix_ref, listing_ref
        if len(found) > 1:
            name += "s"
        value = numbers.replace(", ", ",\u00a0")
        return wording.text(self.language, name, n=value, letter=value).replace(" ", "\u00a0")

    def missing(self, ident: str, xref: CrossRef) -> None:
        stem, _dash, ending = ident.rpartition("-")
        if stem in self.labels and ending.isalpha():
            hint = _("a case ending goes outside the brackets: [-@{stem}]-{ending}").format(stem=stem, ending=ending)
        else:
            close = difflib.get_close_matches(ident, list(self.labels), n=1)
            hint = (_("did you mean @{ident}?").format(ident=close[0]) if close
                    else _("give the figure, table or heading that id: {{#{ident}}}").format(ident=ident))
        self.error(xref.source, _("cross-reference @{ident} points to nothing").format(ident=ident), hint)
