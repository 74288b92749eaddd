"""kazthesis: Markdown chapters + references.bib → a GOST-formatted thesis PDF.

The build runs one way: config → content and citations → bibliography →
document model → HTML → PDF. Each stage lives in its own module.
"""

__version__ = "0.1.0"
