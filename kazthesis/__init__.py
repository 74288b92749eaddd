"""kazthesis: Markdown chapters + references.bib → a GOST-formatted thesis PDF (and a .docx).

The build runs one way: read and check the inputs (config, bibliography, markdown and parse) →
resolve them into one document model (numbering → model.Document) → write it (render, layout and
assemble → PDF; docx_writer → Word). The README's "How it works" walks through the modules.
"""

__version__ = "0.1.0"
