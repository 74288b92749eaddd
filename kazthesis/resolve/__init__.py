"""Checked inputs → one resolved :class:`~kazthesis.model.Document`, and norm control on it.

Every number and every printed string that depends on more than one file is decided here once,
in reading order: headings, figures, tables, citations, cross-references, the contents, the title page.
"""
