"""Checked inputs → one resolved :class:`~kazthesis.model.Document`, and norm control on it.

Every number and every printed string that depends on more than one file is decided here once,
in reading order (:mod:`~kazthesis.resolve.document` runs the steps): numbering (headings, figures,
tables, listings, formulas, footnotes, the order of first citation), references (the numbered list),
citations and crossrefs (their printed texts), contents, title (the title page's lines), table_fit
(column widths), listing (code lines). checks reads the finished document for norm control;
printed (with printed_units) lists the paragraphs a .docx of it prints, each with the source lines
it came from, which the .docx writer's markers and ``kazthesis review`` both use.
"""
