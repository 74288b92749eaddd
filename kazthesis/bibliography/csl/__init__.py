"""references.bib entries → citations and a reference list in any CSL style (APA 7, Harvard, IEEE…).

:mod:`styles` finds the style a project names (shipped in ``styles/``, or a .csl file in the
project), :mod:`locales` the CSL locale of the document's language (``locales/``, kk-KZ
included), :mod:`items` turns each :class:`~kazthesis.bibliography.model.Entry` into CSL-JSON
(romanizing Cyrillic sources for English documents), and :mod:`processor` has pandoc's
citeproc format the citations and the list. The GOST styles are not here: they are
:mod:`kazthesis.bibliography.gost`, and stay the default.
"""

from kazthesis.bibliography.csl.items import CslItem, csl_items, to_csl
from kazthesis.bibliography.csl.locales import locale_for
from kazthesis.bibliography.csl.processor import CiteItem, CslError, Output, pandoc_path, render
from kazthesis.bibliography.csl.styles import CslStyle, is_csl_value, resolve_style, style_names

__all__ = ["CiteItem", "CslError", "CslItem", "CslStyle", "Output", "csl_items", "is_csl_value", "locale_for",
           "pandoc_path", "render", "resolve_style", "style_names", "to_csl"]
