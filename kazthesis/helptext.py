"""The command line's help and usage texts, in the student's language (:mod:`kazthesis.i18n`).

The commands' lines are marked here and translated where :mod:`kazthesis.cli` prints them. argparse's own
words (``usage:``, ``options``, ``invalid choice: …``) are asked of the same catalogues: argparse looks its
``_``/``ngettext`` up in its module at each use, so :func:`translate_argparse` points them at ours; the texts
it can show a student are marked below so that the catalogues hold them.
"""

from __future__ import annotations

import argparse

from kazthesis.i18n import N_, _, ngettext

HEADER = N_("Turn a thesis project (content/*.md, references.bib, thesis.toml) into a\n"
            "GOST-formatted PDF and a Word file.")
FOOTER = N_("PROJECT_DIR is {default}.\n"
            "exit status: 0 success, 1 the input has errors (doctor: something is missing),\n"
            "2 wrong usage, 3 a bug in kazthesis")
# command → (usage, what it does)
COMMAND_HELP = {
    "new": ("{p} new DIR [--lang {languages}] [--work-type {work_types}]",
            N_("start a project in the new folder DIR: settings, introduction, two chapters,\n"
               "conclusion, appendix, sources and a figure, ready to build")),
    "import": ("{p} import DRAFT [DIR]",
               N_("make a new project in DIR (default: named after the draft) from a draft you already\n"
                  "have (.docx, .odt, .txt or .md): title page, chapters, tables, figures, footnotes,\n"
                  "the typed reference list as references.bib, typed citations linked; the draft is\n"
                  "not changed")),
    "build": ("{p} [build] [PROJECT_DIR]", N_("build PROJECT_DIR/output/thesis.pdf (and thesis.html)")),
    "docx": ("{p} docx [PROJECT_DIR]",
             N_("build PROJECT_DIR/output/thesis.docx, the same thesis for Word\n"
                "(styles, contents field, footnotes)")),
    "review": ("{p} review REVIEWED.docx [PROJECT_DIR] [--apply]",
               N_("list the comments and tracked changes of a .docx your reviewer sent back, each at\n"
                  "its FILE:LINE; with --apply make the changes in the sources (copies of the files\n"
                  "as they were go to output/review-backup/) and write the comments to output/review.txt")),
    "refs": ("{p} refs [PROJECT_DIR] [--all]",
             N_('print the reference list, one "N. entry" a line: the cited entries in list\n'
                "order, or with --all every entry of references.bib in file order")),
    "check": ("{p} check [PROJECT_DIR]", N_("check the input and the norm-control rules without writing a PDF")),
    "watch": ("{p} watch [PROJECT_DIR]",
              N_("build, then build again whenever a chapter, the .bib file, thesis.toml,\n"
                 "an image or a template is saved (Ctrl-C stops)")),
    "doctor": ("{p} doctor [PROJECT_DIR]",
               N_("check that this computer has what a build needs (Python, Pango, HarfBuzz,\n"
                  "fonts, a writable output/) and say how to install what is missing")),
    "help": ("{p} help [COMMAND]", N_("this help, or one command's")),
}

# What argparse itself may say to a student (Python 3.11's own wording; argparse asks the catalogue for them).
ARGPARSE_TEXTS = (
    N_("usage: "), N_("positional arguments"), N_("options"), N_("show this help message and exit"),
    N_("the following arguments are required: %s"), N_("invalid choice: %(value)r (choose from %(choices)s)"),
    N_("unrecognized arguments: %s"), N_("argument %(argument_name)s: %(message)s"), N_("expected one argument"),
    N_("ambiguous option: %(option)s could match %(matches)s"), N_("expected at most one argument"),
    N_("expected at least one argument"), N_("invalid %(type)s value: %(value)r"),
)


def translate_argparse() -> None:
    """argparse's words from our catalogues (it reads its module's ``_`` and ``ngettext`` at each use)."""
    argparse._ = _  # type: ignore[attr-defined]
    argparse.ngettext = ngettext  # type: ignore[attr-defined]
