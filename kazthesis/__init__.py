"""kazthesis: Markdown chapters + references.bib → a GOST-formatted thesis PDF (and a .docx).

The build runs one way, a folder a stage: ``read`` (thesis.toml, the chapters and the files they
name → checked inputs) and ``bibliography`` (references.bib → described entries) → ``resolve`` (one
:class:`~kazthesis.model.Document`, every number and printed string decided once, and norm control)
→ a writer that only lays it out: ``pdf`` (HTML pieces, laid out by WeasyPrint behind ``pdf/weasy``,
then assembled) or ``docx``. ``lang`` holds every language's words and text rules, which all stages
read. Around the build: ``new`` and ``draft`` make projects (from a sample, from a student's draft);
``cli``, ``pipeline`` and ``watch`` run the stages. The README's "How it works" walks through them.
"""

__version__ = "0.1.0"
