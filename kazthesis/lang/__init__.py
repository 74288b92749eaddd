"""Language as data: a language's entry → its printed strings, typography, hyphenation and checker words.

One module per language (:mod:`~kazthesis.lang.kk`, :mod:`~kazthesis.lang.ru`, :mod:`~kazthesis.lang.en`,
and :mod:`~kazthesis.lang.uz` for sources only), each one :class:`~kazthesis.lang.language.Language`
entry; :mod:`~kazthesis.lang.registry` lists them, and every other stage looks its words up there. The
rules that apply an entry to text are beside it: :mod:`~kazthesis.lang.typography` (plain text → the
text as printed: quotes, dashes, no-break spaces), :mod:`~kazthesis.lang.hyphenation` (soft hyphens),
:mod:`~kazthesis.lang.urls` (where a URL may break), :mod:`~kazthesis.lang.wording` (fixed strings filled
in), :mod:`~kazthesis.lang.collation` (alphabet order) and :mod:`~kazthesis.lang.folding` (text made
comparable whatever typography it was printed with).
"""
