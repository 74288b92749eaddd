"""Reading students' text files, with a clear word when the encoding is wrong.

Files saved from Word on a Russian-language Windows are often Windows-1251,
and Notepad's "Unicode" is UTF-16; both are told apart from UTF-8 here, and
the message carries the command that converts the file.
"""

from __future__ import annotations

from pathlib import Path

from kazthesis.problems import Problems


def _looks_cyrillic(text: str) -> bool:
    letters = [c for c in text if c.isalpha()]
    return bool(letters) and sum("\u0400" <= c <= "\u04ff" for c in letters) / len(letters) > 0.3


def guess_encoding(data: bytes) -> str | None:
    """Name the encoding of bytes that are not UTF-8, when it is recognisable."""
    if data.startswith((b"\xff\xfe", b"\xfe\xff")) or data[:200].count(b"\x00") > len(data[:200]) // 4:
        return "UTF-16"
    try:
        if _looks_cyrillic(data.decode("cp1251")):
            return "WINDOWS-1251"
    except UnicodeDecodeError:
        pass
    return None


def read_text(path: Path, problems: Problems) -> str | None:
    """The file's text (UTF-8, BOM allowed, newlines normalised) or None after an error."""
    try:
        data = path.read_bytes()
    except OSError as exc:
        problems.error(path, None, f"cannot read the file: {exc.strerror}")
        return None
    try:
        if data.startswith((b"\xff\xfe", b"\xfe\xff")):
            raise UnicodeDecodeError("utf-8", data, 0, 2, "UTF-16 byte order mark")
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        encoding = guess_encoding(data)
        name = path.name
        if encoding:
            problems.error(
                path, None if encoding == "UTF-16" else line,
                f"the file is in {encoding}, not UTF-8",
                f"convert it: iconv -f {encoding} -t UTF-8 {name} -o {name}.utf8 && mv {name}.utf8 {name}"
                " (or in your editor: Save as → Encoding: UTF-8)",
            )
        else:
            problems.error(path, line, "the file is not valid UTF-8 text",
                           "save it again with the encoding UTF-8")
        return None
    if "\x00" in text:
        problems.error(path, None, "the file holds NUL bytes: it is not a text file",
                       "save it as plain UTF-8 text")
        return None
    return text.replace("\r\n", "\n").replace("\r", "\n")
