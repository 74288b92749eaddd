"""The message catalogues: kazthesis's marked messages → kazthesis/locale/kazthesis.pot → kk and ru .po → .mo.

    python scripts/messages.py           # extract, merge into the .po files, compile the .mo files
    python scripts/messages.py --check   # exit 1 if a catalogue is behind the code or a message untranslated

Babel does the work (a tool of the repository, in requirements.txt; the installed package needs only the .mo
files, which are committed). A new message: write it as kazthesis/i18n.py says, run this script, translate the
new entries of the two .po files (each one is listed), run it again, commit the .pot, .po and .mo files.
"""

from __future__ import annotations

import datetime
import io
import sys
from pathlib import Path

from babel.messages.catalog import Catalog
from babel.messages.extract import extract_from_dir
from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po, write_po

REPO = Path(__file__).resolve().parent.parent
PACKAGE = REPO / "kazthesis"
LOCALE = PACKAGE / "locale"
TEMPLATE = LOCALE / "kazthesis.pot"
LANGUAGES = ("kk", "ru")  # English is the messages' own language
KEYWORDS = {"_": None, "N_": None, "ngettext": (1, 2)}
METHOD_MAP = [("**.py", "python")]
# The catalogues carry a fixed date, so that the same messages always give the same files (--check compares them).
DATE = datetime.datetime(2026, 1, 1, tzinfo=datetime.UTC)


def extract() -> Catalog:
    """Every marked message of the package, with where it is written."""
    template = Catalog(project="kazthesis", msgid_bugs_address="", charset="utf-8", fuzzy=False,
                       creation_date=DATE, revision_date=DATE)
    for filename, lineno, message, comments, context in extract_from_dir(
            PACKAGE, METHOD_MAP, keywords=KEYWORDS, comment_tags=("Translators:",), strip_comment_tags=True):
        template.add(message, None, [(f"kazthesis/{filename}", lineno)], auto_comments=comments, context=context)
    return template


def _po_bytes(catalog: Catalog) -> bytes:
    buffer = io.BytesIO()
    write_po(buffer, catalog, width=120, omit_header=False, sort_output=False, ignore_obsolete=True,
             include_lineno=False)
    return buffer.getvalue()


def _mo_bytes(catalog: Catalog) -> bytes:
    buffer = io.BytesIO()
    write_mo(buffer, catalog, use_fuzzy=False)
    return buffer.getvalue()


def merged(code: str, template: Catalog) -> Catalog:
    """The language's catalogue with the template's messages: translations kept, new ones empty."""
    path = LOCALE / code / "LC_MESSAGES" / "kazthesis.po"
    if path.exists():
        with path.open("rb") as file:
            catalog = read_po(file, locale=code)
    else:
        catalog = Catalog(locale=code, project="kazthesis", charset="utf-8", fuzzy=False)
    catalog.update(template, no_fuzzy_matching=True)  # Plural-Forms from the locale: kk two (2 қате), ru three
    catalog.obsolete.clear()
    catalog.creation_date = catalog.revision_date = DATE
    catalog.fuzzy = False
    return catalog


def untranslated(catalog: Catalog) -> list[str]:
    """The messages of a catalogue with no translation (or a plural form missing)."""
    missing = []
    for message in catalog:
        if not message.id:
            continue
        strings = message.string if isinstance(message.string, tuple) else (message.string,)
        if message.fuzzy or not all(strings):
            missing.append(message.id if isinstance(message.id, str) else message.id[0])
    return missing


def files() -> dict[Path, bytes]:
    """What the catalogue files should hold, from the code and the translations written so far."""
    template = extract()
    wanted = {TEMPLATE: _po_bytes(template)}
    for code in LANGUAGES:
        catalog = merged(code, template)
        folder = LOCALE / code / "LC_MESSAGES"
        po = _po_bytes(catalog)
        wanted[folder / "kazthesis.po"] = po
        with io.BytesIO(po) as file:
            wanted[folder / "kazthesis.mo"] = _mo_bytes(read_po(file, locale=code))
    return wanted


def main(argv: list[str]) -> int:
    wanted = files()
    if "--check" in argv:
        stale = [str(path.relative_to(REPO)) for path, data in wanted.items()
                 if not path.exists() or path.read_bytes() != data]
        for path in stale:
            print(f"{path}: behind the code — run python scripts/messages.py", file=sys.stderr)
    else:
        stale = []
        for path, data in wanted.items():
            path.parent.mkdir(parents=True, exist_ok=True)
            if not path.exists() or path.read_bytes() != data:
                path.write_bytes(data)
    missing = 0
    for code in LANGUAGES:
        with (LOCALE / code / "LC_MESSAGES" / "kazthesis.po").open("rb") as file:
            for message in untranslated(read_po(file, locale=code)):
                print(f"kazthesis/locale/{code}/LC_MESSAGES/kazthesis.po: untranslated: {message}", file=sys.stderr)
                missing += 1
    return 1 if stale or missing else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
