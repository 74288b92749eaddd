"""Reading the project: thesis.toml, the chapters and the files they name → checked inputs.

Each file is read, decoded and parsed on its own, and every problem in it is reported at its line;
nothing here numbers anything or depends on another file (that is :mod:`kazthesis.resolve`'s job).
A chapter goes textfile (bytes → text) → pandoc (Pandoc's forms made readable) → markdown (tokens, with
citation_rules and attributes) → parse (blocks, inlines → model nodes, with images and footnotes
checked); config reads thesis.toml against the table of settings (settings, profiles), inserts the PDFs
it names, inputs keeps what was read for watch mode.
"""
