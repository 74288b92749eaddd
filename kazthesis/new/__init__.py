"""``kazthesis new``: a language and a work type → a new thesis project that builds at once.

:mod:`~kazthesis.new.project` writes it: the sample chapters, figure and sources of ``skeletons/<language>/``
(one folder a document language) and a thesis.toml listing every setting.
"""
