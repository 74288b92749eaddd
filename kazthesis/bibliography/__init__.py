"""references.bib → GOST 7.1 reference-list entries, each in its source's language.

Reading (:mod:`reader`), names (:mod:`names`), terms (:mod:`terms`),
formatting (:mod:`gost`) and ordering (:mod:`order`) are separate steps.
"""

from kazthesis.bibliography.gost import STYLES, format_entry
from kazthesis.bibliography.order import ORDERS, order_entries
from kazthesis.bibliography.reader import Bibliography, Entry, load_bibliography, parse_bibliography

__all__ = ["STYLES", "ORDERS", "Bibliography", "Entry", "format_entry", "load_bibliography", "order_entries",
           "parse_bibliography"]
