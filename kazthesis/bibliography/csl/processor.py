"""Citations and CSL-JSON items → the citations and reference list a CSL style prints, by pandoc's citeproc.

pandoc (the binary that the pypandoc-binary wheel carries) runs once per build on a small
document: one paragraph per citation, the items in a temporary CSL-JSON file, the style with
the document's locale put inside it (:mod:`kazthesis.bibliography.csl.locales`). ``--sandbox``
keeps pandoc from reading anything but those files and from touching the network. Its JSON
answer is read back into text with this package's italics markers
(:mod:`kazthesis.bibliography.emphasis`), one string per citation and per list entry, in the
order the style sorts the list.

Why pandoc and not citeproc-py: see the package's README (disambiguation, narrative citations,
APA's "(Eds.)" and thesis brackets, and speed).
"""

from __future__ import annotations

import hashlib
import importlib.util
import json
import re
import subprocess
import sys
import tempfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Literal

from kazthesis.bibliography.csl.items import IDENTIFIER_TYPES
from kazthesis.bibliography.csl.locales import locale_path, with_locale
from kazthesis.bibliography.csl.styles import CslStyle
from kazthesis.bibliography.emphasis import join_runs, tidy

Mode = Literal["normal", "author-in-text", "suppress-author"]
_MODES = {"normal": "NormalCitation", "author-in-text": "AuthorInText", "suppress-author": "SuppressAuthor"}
API_VERSION = [1, 23, 1]  # pandoc-types of pandoc 3.9, the version requirements.txt pins
TIMEOUT = 300  # seconds: a 600-source APA list takes about 2 s


class CslError(Exception):
    """The processor could not run or rejected the style; the message says why, in pandoc's words."""


@dataclass(frozen=True)
class CiteItem:
    """One work inside a citation: ``[@key, 25]`` → ``CiteItem("key", "25")``."""

    key: str
    locator: str = ""  # what follows the key's comma: "25", "25-31", "chap. 3" (a bare number is a page)
    prefix: str = ""
    mode: Mode = "normal"


@dataclass
class Output:
    """What the style made: citations in the order given, entries in the style's order."""

    citations: list[str] = field(default_factory=list)  # marked text
    entries: list[tuple[str, str, str]] = field(default_factory=list)  # key, label ("[1]" or ""), marked text
    hanging_indent: bool = False


def pandoc_path() -> Path | None:
    """The pandoc binary of the pypandoc-binary wheel, found without importing pypandoc (it is slow to import)."""
    spec = importlib.util.find_spec("pypandoc")
    if spec is None or not spec.submodule_search_locations:
        return None
    name = "pandoc.exe" if sys.platform == "win32" else "pandoc"
    for folder in spec.submodule_search_locations:
        candidate = Path(folder) / "files" / name
        if candidate.is_file():
            return candidate
    return None


def render(style: CslStyle, locale: str, items: list[dict[str, Any]], citations: list[list[CiteItem]],
           list_all: bool = False) -> Output:
    """Format ``citations`` and the list of the cited ``items`` (all of them with ``list_all``)."""
    binary = pandoc_path()
    if binary is None:
        raise CslError("pandoc is missing (it comes with the Python package pypandoc-binary)")
    # pandoc's time grows with the number of citations, and a thesis repeats many: a style whose citations
    # do not depend on their position (no "ibid", no "subsequent" form) is given each different citation
    # once, in order of first appearance, which keeps the numbering.
    unique = list(dict.fromkeys(tuple(cluster) for cluster in citations)) if 'position="' not in style.text \
        else [tuple(cluster) for cluster in citations]
    document = {"pandoc-api-version": API_VERSION, "meta": _meta(locale, list_all),
                "blocks": [{"t": "Para", "c": [_cite(list(cluster), number)]} for number, cluster in
                           enumerate(unique, 1)]}
    style_text, items_text, request = with_locale(style.text, locale), json.dumps(items, ensure_ascii=False), \
        json.dumps(document)
    key = hashlib.sha256("\0".join((style_text, items_text, request, repr(citations))).encode()).hexdigest()
    if key in _LAST:  # watch mode: an edit that leaves the citations and sources as they were costs nothing here
        return _LAST[key]
    output = _run(binary, style, style_text, items_text, request, locale)
    _singular_numbers(output, items, locale)
    if len(unique) != len(citations):
        text_of = dict(zip(unique, output.citations, strict=True))
        output.citations = [text_of[tuple(cluster)] for cluster in citations]
    word = _term(locale, "and") or "and"
    output.citations = [_narrative_and(text, word) if all(i.mode == "author-in-text" for i in cluster) else text
                        for text, cluster in zip(output.citations, citations, strict=True)]
    _LAST.clear()
    _LAST[key] = output
    return output


_LAST: dict[str, Output] = {}  # the last run's answer, by a hash of what pandoc was given


def _run(binary: Path, style: CslStyle, style_text: str, items_text: str, request: str, locale: str) -> Output:
    """pandoc on the request, in a temporary folder holding the style and the items."""
    with tempfile.TemporaryDirectory(prefix="kazthesis-csl-") as folder:
        style_file, items_file = Path(folder) / "style.csl", Path(folder) / "items.json"
        style_file.write_text(style_text, encoding="utf-8")
        items_file.write_text(items_text, encoding="utf-8")
        try:
            done = subprocess.run([str(binary), "--sandbox", "-f", "json", "-t", "json", "--citeproc",
                                   "--csl", str(style_file), "--bibliography", str(items_file)],
                                  input=request.encode(), capture_output=True, timeout=TIMEOUT,
                                  check=False)
        except (OSError, subprocess.TimeoutExpired) as exc:
            raise CslError(f"pandoc did not run: {exc}") from exc
    if done.returncode != 0:
        message = done.stderr.decode(errors="replace").strip().replace(str(style_file), style.name)
        raise CslError(message or f"pandoc stopped with status {done.returncode}")
    return _read(json.loads(done.stdout), _quotes(locale))


def _narrative_and(text: str, word: str) -> str:
    """"Burley & Harris (2002)" → "Burley and Harris (2002)": APA 7 (8.17) writes "&" only inside parentheses.

    CSL 1.0.2 gives a style one name form for both kinds of citation, so APA's "&" reaches narrative ones.
    """
    out, depth = [], 0
    for index, char in enumerate(text):
        depth += (char == "(") - (char == ")")
        if char == "&" and depth == 0 and text[index - 1:index] == " " and text[index + 1:index + 2] == " ":
            out.append(word)
        else:
            out.append(char)
    return "".join(out)


def _term(locale: str, name: str) -> str:
    """A long term of a shipped locale ("and" → "және" in kk-KZ)."""
    match = re.search(rf'<term name="{name}">([^<]*)</term>', locale_path(locale).read_text(encoding="utf-8"))
    return match.group(1) if match else ""


def _meta(locale: str, list_all: bool) -> dict[str, Any]:
    meta: dict[str, Any] = {"lang": {"t": "MetaString", "c": locale}}
    if list_all:
        meta["nocite"] = {"t": "MetaInlines", "c": [_cite([CiteItem("*")], 0)]}
    return meta


# Locator words students write, in English, Russian and Kazakh → the CSL label pandoc recognizes.
_LABELS = {"page": "p pp page pages с стр б бет", "chapter": "ch chap chapter гл глава тар тарау",
           "section": "sec section § раздел разд", "volume": "vol volume т том", "paragraph": "para paragraph п абз",
           "figure": "fig figure рис сурет", "part": "pt part ч часть бөл бөлім", "line": "l line жол",
           "note": "n note прим ескерт"}
_LABEL_OF = {word: label for label, words in _LABELS.items() for word in words.split()}
_LOCATOR = re.compile(r"^\s*(?:([^\W\d]+|§)\.?\s*)?(\d[\w–\-, ]*?)\s*(?:([^\W\d]+)\.?)?\s*$")


def locator_suffix(locator: str) -> str:
    """``ch. 2`` → ``chapter 2``, ``25 б.`` → ``page 25``, ``25-31`` as it is: what pandoc reads as a locator."""
    match = _LOCATOR.match(locator)
    if not match:
        return locator
    before, value, after = match.groups()
    label = _LABEL_OF.get((before or after or "").lower())
    if (before or after) and label is None:
        return locator  # a word kazthesis does not know: the style prints it as written
    return f"{label} {value}" if label else value


def _cite(cluster: list[CiteItem], number: int) -> dict[str, Any]:
    citations = []
    for item in cluster:
        locator = locator_suffix(item.locator)
        suffix = [{"t": "Str", "c": ","}, {"t": "Space"}, {"t": "Str", "c": locator}] if locator else []
        prefix = [{"t": "Str", "c": item.prefix}] if item.prefix else []
        citations.append({"citationId": item.key, "citationPrefix": prefix, "citationSuffix": suffix,
                          "citationMode": {"t": _MODES[item.mode]}, "citationNoteNum": number,
                          "citationHash": 0})
    return {"t": "Cite", "c": [citations, [{"t": "Str", "c": "?"}]]}


def _quotes(locale: str) -> dict[str, tuple[str, str]]:
    """The locale's quotation marks: pandoc leaves CSL's quotes as Quoted elements for the writer to draw."""
    text = locale_path(locale).read_text(encoding="utf-8")

    def term(name: str, default: str) -> str:
        match = re.search(rf'<term name="{name}">([^<]*)</term>', text)
        return match.group(1) if match else default

    return {"DoubleQuote": (term("open-quote", "“"), term("close-quote", "”")),
            "SingleQuote": (term("open-inner-quote", "‘"), term("close-inner-quote", "’"))}


def _read(document: dict[str, Any], quotes: dict[str, tuple[str, str]]) -> Output:
    output = Output()
    for block in document["blocks"]:
        if block["t"] == "Para" and block["c"] and block["c"][0]["t"] == "Cite":
            output.citations.append(_marked(block["c"][0]["c"][1], quotes))
        elif block["t"] == "Div" and block["c"][0][0] == "refs":
            output.hanging_indent = "hanging-indent" in block["c"][0][1]
            for entry in block["c"][1]:
                key = entry["c"][0][0].removeprefix("ref-")
                inlines = [i for b in entry["c"][1] if b["t"] in ("Para", "Plain") for i in b["c"]]
                label = ""
                if inlines and inlines[0]["t"] == "Span" and "csl-left-margin" in inlines[0]["c"][0][1]:
                    label = _marked(inlines[0]["c"][1], quotes).strip()
                    inlines = inlines[1:]
                output.entries.append((key, label, _marked(inlines, quotes).strip()))
    return output


def _marked(inlines: list[dict[str, Any]], quotes: dict[str, tuple[str, str]]) -> str:
    runs: list[tuple[str, bool]] = []
    _walk(inlines, False, runs, quotes)
    return tidy(join_runs(_merge(runs)))


def _merge(runs: list[tuple[str, bool]]) -> list[tuple[str, bool]]:
    merged: list[tuple[str, bool]] = []
    for text, italic in runs:
        if merged and merged[-1][1] == italic:
            merged[-1] = (merged[-1][0] + text, italic)
        else:
            merged.append((text, italic))
    return merged


def _singular_numbers(output: Output, items: list[dict[str, Any]], locale: str) -> None:
    """"Nos. 18-2424" → "No. 18-2424": CSL reads a hyphenated number as a range, but a report has one number."""
    text = locale_path(locale).read_text(encoding="utf-8")
    match = re.search(r'<term name="number" form="short">\s*<single>([^<]*)</single>\s*<multiple>([^<]*)</multiple>',
                      text)
    if not match:
        return
    single, plural = match.groups()
    numbers = {i["id"]: i["number"] for i in items if i.get("type") in IDENTIFIER_TYPES and "-" in i.get("number", "")}
    for index, (key, label, entry) in enumerate(output.entries):
        if key in numbers:
            for many, one in ((plural, single), (plural[:1].upper() + plural[1:], single[:1].upper() + single[1:])):
                entry = entry.replace(f"{many} {numbers[key]}", f"{one} {numbers[key]}")
            output.entries[index] = (key, label, entry)


def _walk(inlines: list[dict[str, Any]], italic: bool, runs: list[tuple[str, bool]],
          quotes: dict[str, tuple[str, str]]) -> None:
    for inline in inlines:
        kind, content = inline["t"], inline.get("c")
        if kind == "Str":
            runs.append((content, italic))
        elif kind in ("Space", "SoftBreak", "LineBreak"):
            runs.append((" ", italic))
        elif kind == "Emph":
            _walk(content, True, runs, quotes)
        elif kind == "Quoted":
            opening, closing = quotes[content[0]["t"]]
            runs.append((opening, italic))
            _walk(content[1], italic, runs, quotes)
            runs.append((closing, italic))
        elif kind == "Span":
            upright = "nodecoration" in content[0][1] or "csl-no-emph" in content[0][1]
            _walk(content[1], False if upright else italic, runs, quotes)
        elif kind in ("Link", "Cite"):
            _walk(content[1], italic, runs, quotes)
        elif kind in ("Strong", "SmallCaps", "Superscript", "Subscript", "Underline", "Strikeout"):
            _walk(content, italic, runs, quotes)
        elif kind == "Code":
            runs.append((content[1], italic))

