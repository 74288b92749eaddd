"""The resolved document → the thesis PDF: HTML pieces from the templates, laid out, then assembled.

Only :mod:`kazthesis.pdf.weasy` touches WeasyPrint; the rest of this package makes the HTML, runs
the pieces through the renderer processes and joins their pages into one PDF.
"""
