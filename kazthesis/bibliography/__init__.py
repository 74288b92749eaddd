"""references.bib → GOST reference-list entries, each described in its source's language.

The steps are separate modules: :mod:`reader` (file → entries, with problems),
:mod:`names`, :mod:`values` and :mod:`dates` (what the reader decodes),
:mod:`kinds` (entry types → forms), :mod:`terms` (a source's language → its terms, from the
language registry :mod:`kazthesis.lang.registry`),
:mod:`gost` (the templates, built with :mod:`template`), :mod:`emphasis`
(italics carried as markers), :mod:`order` and :mod:`intext` (the name an
author-in-text citation prints).
"""

from kazthesis.bibliography.emphasis import split_emphasis, strip_emphasis
from kazthesis.bibliography.gost import STYLES, format_entry, format_entry_marked, unprinted
from kazthesis.bibliography.intext import citation_name
from kazthesis.bibliography.model import Bibliography, Entry, Person
from kazthesis.bibliography.order import ORDERS, order_entries
from kazthesis.bibliography.reader import load_bibliography, parse_bibliography

__all__ = ["ORDERS", "STYLES", "Bibliography", "Entry", "Person", "citation_name", "format_entry",
           "format_entry_marked", "load_bibliography", "order_entries", "parse_bibliography", "split_emphasis",
           "strip_emphasis", "unprinted"]
