"""A supervisor's reviewed .docx → its comments and tracked changes at the FILE:LINE of the Markdown sources.

``kazthesis review REVIEWED.docx`` lists every mark in source order; with
``--apply`` the tracked changes are made in the sources (content/*.md,
references.bib, thesis.toml) where those still read as the .docx printed them,
and the comments go to ``output/review.txt``. The stages: :mod:`reviewed` reads
the .docx, :mod:`units` lists what the current project prints and from where,
:mod:`place` finds each reviewed paragraph among those, :mod:`marks` words the
marks, :mod:`edits` turns changes into source edits, :mod:`command` runs it.
"""
