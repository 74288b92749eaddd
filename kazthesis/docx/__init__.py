"""The resolved document → a .docx that Word and LibreOffice open, laid out by the same geometry as the PDF.

:func:`render_docx` is the entry point (:mod:`kazthesis.docx.writer`); the
modules below it each write one kind of thing: ``wordml`` (WordprocessingML
pieces), ``styles`` (styles, settings, lists), ``story`` (the file being
written), ``inlines``, ``blocks``, ``tables``, ``images``, ``footnotes``,
``title_page``, ``contents``, ``pages`` (terms, abbreviations, references,
inserted pages), ``page_numbers`` (the contents page's numbers, as LibreOffice
lays the file out), ``markers`` (each paragraph's source in a hidden bookmark,
and that bookmark's format) and ``package`` (the page set-up and the saved
package). ``reading`` reads WordprocessingML paragraphs back (text, tracked
changes, markers): ``markers`` pairs the written paragraphs with their
sources through it, and ``kazthesis review`` reads a reviewed file with it.
"""

from kazthesis.docx.writer import render_docx

__all__ = ["render_docx"]
