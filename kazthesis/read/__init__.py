"""Reading the project: thesis.toml, the chapters and the files they name → checked inputs.

Each file is read, decoded and parsed on its own, and every problem in it is reported at its line;
nothing here numbers anything or depends on another file (that is :mod:`kazthesis.resolve`'s job).
"""
