"""thesis.toml → a checked :class:`Config`.

The settings are declared once, in :data:`SETTINGS` (name, default, kind,
allowed values or range, description); loading validates the file against it,
reports every problem with its line, and fills in the layout profile.
"""

from __future__ import annotations

import difflib
import re
import tomllib
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from kazthesis.lang.registry import DOCUMENT_LANGUAGES
from kazthesis.problems import Problems
from kazthesis.read.project import exists, refuse_unreadable
from kazthesis.read.textfile import CONTROL_RE, control_characters

WORK_TYPES = ("coursework", "diploma", "master")

# docs/formatting.md §1. Lengths in mm, font size in pt, indent in cm.
PROFILES: dict[str, dict[str, Any]] = {
    "gost-7.32-2017": {
        "margin_left": 30, "margin_right": 15, "margin_top": 20, "margin_bottom": 20,
        "font": "Times New Roman", "font_size": 14, "line_spacing": 1.5, "indent": 1.25,
    },
    "kz-university": {
        "margin_left": 30, "margin_right": 10, "margin_top": 20, "margin_bottom": 25,
        "font": "Times New Roman", "font_size": 14, "line_spacing": 1.0, "indent": 0.8,
    },
}


# A font family name goes into the CSS: letters, digits, spaces, hyphens, dots and apostrophes only.
FONT_NAME_RE = re.compile(r"^[\w][\w .'\-]{0,62}$")

@dataclass(frozen=True)
class Setting:
    """One key of thesis.toml: its kind, default and allowed values."""

    kind: type | tuple[type, ...]
    default: Any
    doc: str
    choices: Sequence[Any] | None = None
    low: float | None = None
    high: float | None = None
    pattern: re.Pattern[str] | None = None  # what a text value must look like


# Sections map key → Setting. A default of None under [layout] means "from the profile".
SETTINGS: dict[str, dict[str, Setting]] = {
    "": {
        "language": Setting(str, "kk", "document language", DOCUMENT_LANGUAGES),
        "profile": Setting(str, "gost-7.32-2017", "layout profile", tuple(PROFILES)),
        "work_type": Setting(str, "coursework", "kind of work, for the norm-control checks", WORK_TYPES),
    },
    "layout": {
        "margin_left": Setting((int, float), None, "left margin, mm", low=5, high=60),
        "margin_right": Setting((int, float), None, "right margin, mm", low=5, high=60),
        "margin_top": Setting((int, float), None, "top margin, mm", low=5, high=60),
        "margin_bottom": Setting((int, float), None, "bottom margin, mm", low=10, high=60),
        "font": Setting(str, None, "font family name (letters, digits, spaces and hyphens)",
                        pattern=FONT_NAME_RE),
        "font_size": Setting((int, float), None, "body font size, pt", low=8, high=20),
        "line_spacing": Setting((int, float), None, "line spacing (1.0, 1.5, 2.0 as in Word)", low=0.8, high=3),
        "indent": Setting((int, float), None, "first-line indent, cm", low=0, high=3),
        "contents_depth": Setting(int, 2, "heading levels listed in the contents", (1, 2, 3)),
        "numbering": Setting(str, "continuous", "figure and table numbering", ("continuous", "per-chapter")),
        "landscape_tables": Setting(bool, False, "a table too wide for the page may have a page turned sideways"),
        "listing_highlight": Setting(bool, False, "code listings highlighted in grey scale (bold keywords, grey "
                                     "comments and strings)"),
    },
    "title_page": {
        name: Setting(str, "", doc)
        for name, doc in (
            ("ministry", "ministry line at the top"),
            ("university", "university"),
            ("faculty", "faculty"),
            ("department", "department (кафедра)"),
            ("work_type", "work type as printed, e.g. КУРСТЫҚ ЖҰМЫС"),
            ("title", "the topic"),
            ("discipline", "discipline (пәні)"),
            ("specialty", "specialty (мамандығы)"),
            ("author", "the student (Орындаған)"),
            ("group", "the student's group"),
            ("supervisor", "supervisor (Ғылыми жетекші)"),
            ("city", "city"),
            ("year", "year"),
            ("head_of_department", "head of department, for the approval block"),
            ("pdf", "a PDF (e.g. the faculty's signed form) whose pages replace the generated title page"),
        )
    } | {"approval": Setting(bool, False, "print the «Қорғауға жіберілді» approval block (head of department, "
                                          "signature and date lines)")},
    # [[insert]] — an array of tables: PDF pages put in after the title page, the contents page, or at the end.
    "insert": {
        "file": Setting(str, "", "a PDF file in the project whose pages are put in"),
        "after": Setting(str, "end", "where the pages go", ("title", "contents", "end")),
    },
    "bibliography": {
        "style": Setting(str, "gost-7.1-2003", "GOST variant", ("gost-7.1-2003", "gost-r-7.0.100-2018")),
        "order": Setting(str, "citation", "order of the list", ("citation", "alphabetical")),
        "list_uncited": Setting(bool, False, "also list entries the text does not cite"),
        # GOST 7.32-2017, 6.16: sources are numbered in Arabic numerals with a full stop.
        "numbers": Setting(str, "1.", "how the list numbers its entries", ("1.", "1")),
        "file": Setting(str, "references.bib", "the .bib file, relative to the project"),
    },
    "checks": {
        "introduction_elements": Setting(bool, True, "the introduction names relevance, aim, objectives…"),
        "body_pages_min": Setting(int, 0, "minimum body pages (0: by work type)", low=0, high=1000),
        "body_pages_max": Setting(int, 0, "maximum body pages (0: by work type)", low=0, high=1000),
        "min_references": Setting(int, 0, "minimum number of references (0: by work type)", low=0, high=1000),
        "recent_years": Setting(int, 0, "recent-source window in years (0: off)", low=0, high=100),
        "recent_share": Setting((int, float), 0.5, "share of sources from the window", low=0, high=1),
        "chapter_citations": Setting(bool, True, "every chapter cites at least one source"),
        "empty_sections": Setting(bool, True, "no section is empty"),
        "placeholders": Setting(bool, True, "title-page fields still hold placeholders"),
        "abbreviations": Setting(bool, True, "the abbreviations page lists exactly the abbreviations the text uses"),
        "figure_placement": Setting(bool, True, "a figure or table stands at most one page after its first mention"),
        "unused_references": Setting(bool, True, "warn about .bib entries the text never cites"),
        "list_punctuation": Setting(bool, True, "items of a list after a colon start in lower case and end "
                                    "with ; (the last with .)"),
    },
}
# [abbreviations] is free-form: abbreviation = "meaning"; so is [terms]: term = "definition".

PLACEHOLDER_RE = re.compile(r"^\s*[<\[{(].*[>\]})]\s*$|ХХХ|XXX|…|\.\.\.")


@dataclass
class Config:
    """The validated settings of one thesis project."""

    root: Path
    language: str = "kk"
    profile: str = "gost-7.32-2017"
    work_type: str = "coursework"
    layout: dict[str, Any] = field(default_factory=dict)
    title_page: dict[str, str] = field(default_factory=dict)
    bibliography: dict[str, Any] = field(default_factory=dict)
    checks: dict[str, Any] = field(default_factory=dict)
    abbreviations: dict[str, str] = field(default_factory=dict)
    key_lines: dict[str, int] = field(default_factory=dict)  # "section.key" → line, for messages
    terms: dict[str, str] = field(default_factory=dict)  # [terms], in the order written
    inserts: list[Insert] = field(default_factory=list)  # [[insert]], in the order written
    insert_lines: list[dict[str, int]] = field(default_factory=list)  # each [[insert]]: key → line ("" its header)

    @property
    def path(self) -> Path:
        return self.root / "thesis.toml"

    @property
    def bib_path(self) -> Path:
        return self.root / self.bibliography["file"]


def _key_lines(text: str) -> dict[str, int]:
    """Map "section.key" to its 1-based line (tomllib gives no positions)."""
    lines: dict[str, int] = {}
    section = ""
    for number, raw in enumerate(text.splitlines(), 1):
        line = raw.strip()
        if m := re.match(r"^\[\s*([^\]]+?)\s*\]", line):
            section = m.group(1).strip().strip('"')
            lines.setdefault(section, number)
        elif m := re.match(r'^("[^"]*"|[A-Za-z0-9_\-]+)\s*=', line):
            key = m.group(1).strip('"')
            lines.setdefault(f"{section}.{key}" if section else key, number)
    return lines


def _check_value(name: str, value: Any, setting: Setting) -> str | None:
    """Return what is wrong with a value, or None."""
    kinds = setting.kind if isinstance(setting.kind, tuple) else (setting.kind,)
    if isinstance(value, bool) and bool not in kinds:
        return f"{name} must be {_kind_name(kinds)}, not true/false"
    if not isinstance(value, kinds):
        return f"{name} must be {_kind_name(kinds)}, not {value!r}"
    if setting.choices is not None and value not in setting.choices:
        options = ", ".join(repr(c) for c in setting.choices)
        return f"{name} = {value!r} is not one of {options}"
    if setting.low is not None and not setting.low <= value <= setting.high:
        return f"{name} = {value!r} is out of range {setting.low:g}–{setting.high:g}"
    if setting.pattern is not None and not setting.pattern.match(value):
        return f"{name} = {value!r} is not a valid {setting.doc}"
    return None


def _kind_name(kinds: tuple[type, ...]) -> str:
    names = {str: "text in quotes", int: "a number", float: "a number", bool: "true or false"}
    return " or ".join(dict.fromkeys(names.get(k, k.__name__) for k in kinds))


def load_config(root: Path, problems: Problems) -> Config:
    """Read ``root/thesis.toml`` (optional) and return the checked settings.

    Problems go to ``problems``; a value that is wrong is replaced by its
    default so later stages can still run and report their own problems.
    """
    config = Config(root=root)
    path = config.path
    data: dict[str, Any] = {}
    text = ""
    if exists(path) and refuse_unreadable(path, root, problems, "thesis.toml"):
        pass
    elif path.exists():
        try:
            text = path.read_text(encoding="utf-8-sig")
        except UnicodeDecodeError:
            problems.error(path, None, "thesis.toml is not UTF-8 text",
                           "save it as UTF-8 (in Notepad: Save as → Encoding: UTF-8)")
        except OSError as exc:
            problems.error(path, None, f"cannot read the file: {exc.strerror or exc}")
        else:
            data = _parse_toml(text, path, problems)
    else:
        problems.warning(path, None, "thesis.toml not found: the defaults are used (Kazakh, GOST 7.32-2017, "
                         "no title page)", "copy thesis.toml from the example project and fill it in")
    config.key_lines = _key_lines(text)
    config.insert_lines = _array_table_lines(text, "insert")
    _apply(config, data, problems)
    return config


def _parse_toml(text: str, path: Path, problems: Problems) -> dict[str, Any]:
    """The settings of thesis.toml's text; {} after an error (reported at its line)."""
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        line = _toml_error_line(str(exc))
        reason = re.sub(r"\(at line \d+, column \d+\)", "", str(exc)).rstrip()
        problems.error(path, line, f"TOML syntax error: {reason}",
                       'check quotes, "=" and [section] brackets on this line')
        return {}
    except RecursionError:  # tomllib reads nested arrays and tables by recursion
        problems.error(path, _deepest_line(text), f"arrays or tables nested more than {MAX_TOML_DEPTH} deep",
                       "no setting of thesis.toml nests: write each value on its own line")
        return {}
    for where, value in _strings(data):
        if spots := control_characters(value):
            shown = ", ".join(f"U+{ord(character):04X}" for _, character in spots[:3])
            problems.error(path, _key_lines(text).get(where), f"{where} holds the control character {shown}, "
                           "which is not text", "delete it: it came with text pasted from another program")
    return _without_controls(data)


def _without_controls(value: Any) -> Any:
    """The settings with the control characters (reported above) taken out, so that no later message or
    check meets them. tomllib read the data by recursion, so this recursion stays within Python's limit."""
    if isinstance(value, str):
        return CONTROL_RE.sub("", value)
    if isinstance(value, dict):
        return {key: _without_controls(item) for key, item in value.items()}
    if isinstance(value, list):
        return [_without_controls(item) for item in value]
    return value


MAX_TOML_DEPTH = 100  # deeper nesting is reported where it starts


def _deepest_line(text: str) -> int | None:
    """The line where brackets and braces (outside strings) first nest deeper than MAX_TOML_DEPTH."""
    depth, quote = 0, ""
    for number, line in enumerate(text.splitlines(), 1):
        for character in line:
            if quote:
                quote = "" if character == quote else quote
            elif character in "\"'":
                quote = character
            elif character == "#":
                break
            else:
                depth += (character in "[{") - (character in "]}")
                if depth > MAX_TOML_DEPTH:
                    return number
        quote = ""
    return None


def _strings(data: Any, where: str = "") -> list[tuple[str, str]]:
    """Every text value of the settings, with its "section.key" (an array's values under its key)."""
    found: list[tuple[str, str]] = []
    stack = [(where, data)]
    while stack:
        key, value = stack.pop()
        if isinstance(value, str):
            found.append((key, value))
        elif isinstance(value, dict):
            stack.extend((f"{key}.{k}" if key else str(k), v) for k, v in value.items())
        elif isinstance(value, list):
            stack.extend((key, v) for v in value)
    return sorted(found)


def _toml_error_line(message: str) -> int | None:
    m = re.search(r"at line (\d+)", message)
    return int(m.group(1)) if m else None


def _apply(config: Config, data: dict[str, Any], problems: Problems) -> None:
    path = config.path
    lines = config.key_lines

    def unknown(key: str, known: list[str], where: str) -> None:
        close = difflib.get_close_matches(key, known, n=1)
        hint = f"did you mean {close[0]!r}?" if close else f"known keys: {', '.join(known)}"
        problems.warning(path, lines.get(where), f"unknown setting {where!r} is ignored", hint)

    values: dict[str, dict[str, Any]] = {section: {} for section in SETTINGS}
    values["abbreviations"] = {}
    for key, value in data.items():
        if key in FACULTY_SECTIONS:
            FACULTY_SECTIONS[key](config, value, problems)
            continue
        if key in SETTINGS and key and isinstance(value, dict):
            section_values = value
            for sub, sub_value in section_values.items():
                where = f"{key}.{sub}"
                setting = SETTINGS[key].get(sub)
                if setting is None:
                    unknown(sub, list(SETTINGS[key]), where)
                    continue
                if key == "title_page" and isinstance(sub_value, int) and not isinstance(sub_value, bool):
                    sub_value = str(sub_value)  # year = 2026 is fine
                if err := _check_value(where, sub_value, setting):
                    problems.error(path, lines.get(where), err, setting.doc)
                else:
                    values[key][sub] = sub_value
        elif key == "abbreviations" and isinstance(value, dict):
            for abbr, meaning in value.items():
                if not isinstance(meaning, str):
                    problems.error(path, lines.get(f"abbreviations.{abbr}"),
                                   f"abbreviation {abbr!r} must be text in quotes",
                                   'write АҚШ = "Америка Құрама Штаттары"')
                else:
                    values["abbreviations"][abbr] = meaning
        elif key in SETTINGS[""]:
            setting = SETTINGS[""][key]
            if err := _check_value(key, value, setting):
                problems.error(path, lines.get(key), err, setting.doc)
            else:
                values[""][key] = value
        elif key in SETTINGS or key == "abbreviations":
            problems.error(path, lines.get(key), f"{key} must be a [{key}] section")
        else:
            unknown(key, list(SETTINGS[""]) + [f"[{s}]" for s in SETTINGS if s] + ["[abbreviations]"], key)

    top = values[""]
    config.language = top.get("language", "kk")
    config.profile = top.get("profile", "gost-7.32-2017")
    config.work_type = top.get("work_type", "coursework")
    layout = {k: s.default for k, s in SETTINGS["layout"].items()}
    layout.update(PROFILES[config.profile])
    layout.update(values["layout"])
    config.layout = layout
    config.title_page = {k: s.default for k, s in SETTINGS["title_page"].items()} | values["title_page"]
    config.bibliography = {k: s.default for k, s in SETTINGS["bibliography"].items()} | values["bibliography"]
    config.checks = {k: s.default for k, s in SETTINGS["checks"].items()} | values["checks"]
    config.abbreviations = values["abbreviations"]

    bib = config.bibliography["file"]
    if Path(bib).is_absolute() or ".." in Path(bib).parts:
        problems.error(path, lines.get("bibliography.file"),
                       f"bibliography file {bib!r} is outside the project folder",
                       "put the .bib file inside the project and give a relative path")
        config.bibliography["file"] = "references.bib"


# --- [terms] and [[insert]] ------------------------------------------------------------------------------


@dataclass(frozen=True)
class Insert:
    """One ``[[insert]]``: a PDF file of the project and where its pages go."""

    file: str
    after: str  # "title" | "contents" | "end"
    line: int | None  # the line of its file = "…" (or of its [[insert]] header), for messages


def _array_table_lines(text: str, name: str) -> list[dict[str, int]]:
    """For each ``[[name]]`` in order: its keys' 1-based lines, and its header's under ""."""
    tables: list[dict[str, int]] = []
    inside = False
    for number, raw in enumerate(text.splitlines(), 1):
        line = raw.strip()
        if re.match(rf"^\[\[\s*{re.escape(name)}\s*\]\]", line):
            tables.append({"": number})
            inside = True
        elif line.startswith("["):
            inside = False
        elif inside and (m := re.match(r'^("[^"]*"|[A-Za-z0-9_\-]+)\s*=', line)):
            tables[-1].setdefault(m.group(1).strip('"'), number)
    return tables


def _terms(config: Config, value: Any, problems: Problems) -> None:
    """[terms]: term = "definition", as [abbreviations]."""
    lines = config.key_lines
    if not isinstance(value, dict):
        problems.error(config.path, lines.get("terms"), "terms must be a [terms] section",
                       'write [terms] and under it lines like Дипломатия = "definition"')
        return
    for term, definition in value.items():
        if not isinstance(definition, str):
            problems.error(config.path, lines.get(f"terms.{term}"), f"the definition of {term!r} must be text in "
                           "quotes", 'write Дипломатия = "мемлекеттің сыртқы саясатын жүзеге асыру құралы"')
        else:
            config.terms[term] = definition


def _inserts(config: Config, value: Any, problems: Problems) -> None:
    """[[insert]] tables: each a file and where it goes (the PDF itself is checked by :mod:`kazthesis.read.inserts`)."""
    path = config.path
    if not isinstance(value, list):
        problems.error(path, config.key_lines.get("insert"), "insert must be written as [[insert]] tables",
                       'write [[insert]] and under it file = "zadanie.pdf" and after = "title"')
        return
    settings = SETTINGS["insert"]
    for index, table in enumerate(value):
        lines = config.insert_lines[index] if index < len(config.insert_lines) else {}
        header = lines.get("")
        if not isinstance(table, dict):
            problems.error(path, header, "each [[insert]] holds file = … and after = …")
            continue
        chosen = {name: setting.default for name, setting in settings.items()}
        for key, item in table.items():
            setting = settings.get(key)
            if setting is None:
                close = difflib.get_close_matches(key, list(settings), n=1)
                hint = f"did you mean {close[0]!r}?" if close else f"known keys: {', '.join(settings)}"
                problems.warning(path, lines.get(key, header), f"unknown setting 'insert.{key}' is ignored", hint)
            elif err := _check_value(f"insert.{key}", item, setting):
                problems.error(path, lines.get(key, header), err, setting.doc)
            else:
                chosen[key] = item
        if not chosen["file"]:
            problems.error(path, header, "this [[insert]] names no file", 'add file = "zadanie.pdf"')
            continue
        config.inserts.append(Insert(chosen["file"], chosen["after"], lines.get("file", header)))


FACULTY_SECTIONS = {"terms": _terms, "insert": _inserts}
