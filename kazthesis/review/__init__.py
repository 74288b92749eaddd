"""A supervisor's reviewed .docx → its comments and tracked changes at the FILE:LINE of the Markdown sources.

``kazthesis review REVIEWED.docx`` lists every mark in source order; with
``--apply`` the tracked changes are made in the sources (content/*.md,
references.bib, thesis.toml) where those still read as the .docx printed them,
and the comments go to ``output/review.txt``. The stages: :mod:`reviewed` reads
the .docx (its paragraphs with :mod:`kazthesis.docx.reading`, :mod:`comments`),
:mod:`kazthesis.resolve.printed` lists what the current project prints and
from where, :mod:`place` finds each reviewed paragraph among those (by the
markers of :mod:`kazthesis.docx.markers`, else by text), :mod:`changes` turns
each tracked change into source edits (:mod:`carry`, :mod:`settings`,
:mod:`sources`, :mod:`align`), :mod:`verify` checks them before anything is
written, :mod:`marks` words the lines, :mod:`command` runs it. Review reads
what the writers write and imports from them; no writer imports from here.
"""
