"""Reading students' text files, with a clear word when the encoding is wrong.

Two different accidents look alike to a UTF-8 decoder. A whole file saved in
another encoding (Word on a Russian-language Windows writes Windows-1251,
Notepad's "Unicode" is UTF-16) gets one error naming that encoding and the
command that converts it. A UTF-8 file with a few stray bytes (text pasted
from an old document) gets one error per bad spot with its line and column:
converting that file would garble every good letter in it. Which case it is
is judged by how much of the non-ASCII text decodes as UTF-8;
charset-normalizer names the legacy encoding.
"""

from __future__ import annotations

import re
from pathlib import Path

from kazthesis.i18n import _, ngettext
from kazthesis.problems import Problems
from kazthesis.read.project import not_a_file

# Legacy encodings a student's file may really be in, most likely first (the order breaks ties).
LEGACY = ("cp1251", "koi8_r", "cp866", "mac_cyrillic", "ptcp154", "iso8859_5", "cp1252")
ICONV_NAMES = {"cp1251": "WINDOWS-1251", "koi8_r": "KOI8-R", "cp866": "CP866", "mac_cyrillic": "MACCYRILLIC",
               "ptcp154": "PT154", "iso8859_5": "ISO-8859-5", "cp1252": "WINDOWS-1252"}
MAX_SPOTS = 5  # bad spots listed one by one; the rest are counted
MIN_LEGACY_BYTES = 4  # fewer non-ASCII bytes than this name no encoding: "café" could be in any of them
# Letters of the languages a thesis here quotes; a wrong decoding gives Ђ, Ќ, љ, § and the like instead.
_ALPHABET = re.compile("[A-Za-zА-яЁёӘәҒғҚқҢңӨөҰұҮүҺһІіЎўҲҳ]")
_UTF8_SHARE = 0.5  # above this share of the non-ASCII bytes decoding as UTF-8, the file is UTF-8 with bad spots


def _looks_utf16(data: bytes) -> bool:
    """A byte order mark, or the NUL bytes that UTF-16 puts in every other byte of ASCII text."""
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return True
    head = data[:400]
    if len(head) < 4:
        return False
    even, odd = head[0::2].count(0) / len(head[0::2]), head[1::2].count(0) / len(head[1::2])
    return max(even, odd) > 0.25 and min(even, odd) < 0.05  # a binary file has NULs anywhere


def _alphabet_share(text: str) -> float:
    letters = [c for c in text if c.isalpha()]
    return sum(bool(_ALPHABET.match(c)) for c in letters) / len(letters) if letters else 0.0


def guess_encoding(data: bytes) -> str | None:
    """The encoding (as iconv names it) of bytes that are not UTF-8, when it is recognisable."""
    if _looks_utf16(data):
        return "UTF-16"
    if sum(b >= 0x80 for b in data) < MIN_LEGACY_BYTES:
        return None
    from charset_normalizer import from_bytes  # here: ~70 ms to import, and only a broken file needs it

    # Short files give charset-normalizer ties (cp1251, ISO-8859-5 and MacCyrillic share many letters):
    # the decoding that yields real letters wins, then the lower "chaos", then the likelier encoding.
    candidates = list(from_bytes(data, cp_isolation=list(LEGACY)))
    if not candidates:
        return None
    best = min(candidates, key=lambda m: (-round(_alphabet_share(str(m)), 2), round(m.chaos, 2),
                                          LEGACY.index(m.encoding) if m.encoding in LEGACY else len(LEGACY)))
    return ICONV_NAMES.get(best.encoding, best.encoding.upper().replace("_", "-"))


def _utf8_share(text: str) -> float:
    """Of the non-ASCII bytes (``text`` decoded with ``surrogateescape``), the share that is valid UTF-8."""
    good = sum(len(c.encode("utf-8")) for c in text if ord(c) > 0x7F and not "\udc80" <= c <= "\udcff")
    bad = sum("\udc80" <= c <= "\udcff" for c in text)
    return good / (good + bad) if good + bad else 1.0


def _bad_spots(text: str) -> list[tuple[int, int, bytes]]:
    """(line, column, bytes) of each run of undecodable bytes; the column counts characters, from 1."""
    spots = []
    for number, line in enumerate(text.split("\n"), 1):
        for match in re.finditer("[\udc80-\udcff]+", line):
            spots.append((number, match.start() + 1, bytes(ord(c) - 0xDC00 for c in match.group())))
    return spots


def _report_spots(path: Path, text: str, problems: Problems) -> None:
    spots = _bad_spots(text)
    for line, column, raw in spots[:MAX_SPOTS]:
        shown = " ".join(f"0x{b:02X}" for b in raw[:8]) + (" …" if len(raw) > 8 else "")
        what = ngettext("invalid byte {bytes}", "invalid bytes {bytes}", len(raw)).format(bytes=shown)
        # Text pasted from a Windows-1251 document: say which letters to retype.
        legacy = raw.decode("cp1251", errors="replace")
        if len(raw) > 1 and all(c.isalpha() or c == " " for c in legacy) and re.search("[А-яЁё]", legacy):
            hint = _("retype «{text}» there (these bytes are that text in WINDOWS-1251), or delete them").format(
                text=legacy)
        else:
            hint = _("retype the character there, or delete it")
        problems.error(path, line, _("{what} at column {column} (the rest of the file is UTF-8)").format(
                                     what=what, column=column),
                       _("{hint}; do not convert the whole file, its other text is right").format(hint=hint))
    if len(spots) > MAX_SPOTS:
        line = spots[MAX_SPOTS][0]
        more = len(spots) - MAX_SPOTS
        problems.error(path, line, ngettext("{n} more place with invalid bytes from here on",
                                            "{n} more places with invalid bytes from here on", more).format(n=more),
                       _("fix them the same way: retype or delete the characters there"))


def read_text(path: Path, problems: Problems) -> str | None:
    """The file's text (UTF-8, BOM allowed, newlines normalised) or None after an error."""
    if kind := not_a_file(path):
        problems.error(path, None, _("{name} is {kind}, not a file").format(name=path.name, kind=kind),
                       _("put the file itself there (a named pipe or a device is never read)"))
        return None
    try:
        data = path.read_bytes()
    except OSError as exc:
        problems.error(path, None, _("cannot read the file: {strerror}").format(strerror=exc.strerror))
        return None
    name = path.name
    if _looks_utf16(data):
        _report_encoding(path, "UTF-16", None, problems)
        return None
    data = data.removeprefix(b"\xef\xbb\xbf")
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        escaped = data.decode("utf-8", errors="surrogateescape").replace("\r\n", "\n").replace("\r", "\n")
        encoding = guess_encoding(data) if _utf8_share(escaped) <= _UTF8_SHARE else None
        if encoding:
            _report_encoding(path, encoding, data[: exc.start].count(b"\n") + 1, problems)
        elif _bad_spots(escaped):
            _report_spots(path, escaped, problems)
        else:  # not reached for real files: a decode error always leaves a bad spot
            problems.error(path, None, _("{name} is not valid UTF-8 text").format(
                                         name=name), _("save it again with the encoding UTF-8"))
        return None
    if "\x00" in text:
        problems.error(path, None, _("the file holds NUL bytes: it is not a text file"),
                       _("save it as plain UTF-8 text"))
        return None
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    if spots := control_characters(text):
        _report_controls(path, text, spots, problems)
        return None
    return text


# Characters no XML document may hold (the .docx is XML) and no page shows: C0 controls other than tab and line
# breaks, and the two non-characters U+FFFE and U+FFFF.
CONTROL_RE = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")


def control_characters(text: str) -> list[tuple[int, str]]:
    """(offset, character) of each control character in ``text`` that is not text (see :data:`CONTROL_RE`);
    the same check for every writer, so that what the PDF would print as a box the .docx cannot refuse."""
    return [(match.start(), match.group()) for match in CONTROL_RE.finditer(text)]


def _report_controls(path: Path, text: str, spots: list[tuple[int, str]], problems: Problems) -> None:
    for offset, character in spots[:MAX_SPOTS]:
        line = text.count("\n", 0, offset) + 1
        column = offset - (text.rfind("\n", 0, offset) + 1) + 1
        problems.error(path, line, _("control character {code} at column {column}, which is not text").format(
                                   code=f"U+{ord(character):04X}", column=column),
                       _("delete it: it came with text pasted from another program"))
    if len(spots) > MAX_SPOTS:
        problems.error(path, text.count("\n", 0, spots[MAX_SPOTS][0]) + 1,
                       ngettext("{n} more control character from here on", "{n} more control characters from here on",
                                len(spots) - MAX_SPOTS).format(n=len(spots) - MAX_SPOTS),
                       _("delete them the same way"))


def _report_encoding(path: Path, encoding: str, line: int | None, problems: Problems) -> None:
    name = path.name
    problems.error(
        path, line, _("the file is in {encoding}, not UTF-8").format(encoding=encoding),
        _("convert it: iconv -f {encoding} -t UTF-8 {name} -o {name}.utf8 && mv {name}.utf8 {name}"
          " (or in your editor: Save as → Encoding: UTF-8)").format(encoding=encoding, name=name),
    )
