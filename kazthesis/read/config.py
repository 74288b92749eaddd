"""thesis.toml → a checked :class:`Config`.

The settings are declared once, in :data:`kazthesis.read.settings.SETTINGS` (name,
default, kind, allowed values or range, description); loading validates the file against it,
reports every problem with its line, and fills in the layout profile.
"""

from __future__ import annotations

import difflib
import re
import tomllib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from kazthesis.bibliography.csl.styles import CslStyle, resolve_style
from kazthesis.bibliography.gost import STYLES as GOST_STYLES
from kazthesis.i18n import N_, _
from kazthesis.problems import Problems
from kazthesis.read.profiles import PROFILES
from kazthesis.read.project import exists, refuse_unreadable
from kazthesis.read.settings import SETTINGS, Setting
from kazthesis.read.textfile import CONTROL_RE, control_characters

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
    csl_style: CslStyle | None = None  # [bibliography] style names a CSL style (None: a GOST style)
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
        return _("{name} must be {kind}, not true/false").format(name=name, kind=_kind_name(kinds))
    if not isinstance(value, kinds):
        return _("{name} must be {kind}, not {value!r}").format(name=name, kind=_kind_name(kinds), value=value)
    if setting.choices is not None and value not in setting.choices:
        options = ", ".join(repr(c) for c in setting.choices)
        return _("{name} = {value!r} is not one of {options}").format(name=name, value=value, options=options)
    if setting.low is not None and not setting.low <= value <= setting.high:
        return _("{name} = {value!r} is out of range {low}–{high}").format(
            name=name, value=value, low=f"{setting.low:g}", high=f"{setting.high:g}")
    if setting.pattern is not None and not setting.pattern.match(value):
        return _("{name} = {value!r} is not a valid {what}").format(name=name, value=value, what=_(setting.doc))
    return None


def _kind_name(kinds: tuple[type, ...]) -> str:
    names = {str: N_("text in quotes"), int: N_("a number"), float: N_("a number"), bool: N_("true or false")}
    return _(" or ").join(dict.fromkeys(_(names[k]) for k in kinds))


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
            problems.error(path, None, _("thesis.toml is not UTF-8 text"),
                           _("save it as UTF-8 (in Notepad: Save as → Encoding: UTF-8)"))
        except OSError as exc:
            problems.error(path, None, _("cannot read the file: {reason}").format(reason=exc.strerror or exc))
        else:
            data = _parse_toml(text, path, problems)
    else:
        problems.warning(path, None, _("thesis.toml not found: the defaults are used (Kazakh, GOST 7.32-2017, "
                                       "no title page)"),
                         _("start from the one 'kazthesis new' writes, or copy the example project's and fill it in"))
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
        problems.error(path, line, _("TOML syntax error: {reason}").format(reason=reason),
                       _('check quotes, "=" and [section] brackets on this line'))
        return {}
    except RecursionError:  # tomllib reads nested arrays and tables by recursion
        problems.error(path, _deepest_line(text), _("arrays or tables nested more than {depth} deep").format(
                                                     depth=MAX_TOML_DEPTH),
                       _("no setting of thesis.toml nests: write each value on its own line"))
        return {}
    for where, value in _strings(data):
        if spots := control_characters(value):
            shown = ", ".join(f"U+{ord(character):04X}" for _offset, character in spots[:3])
            problems.error(path, _key_lines(text).get(where), _("{setting} holds the control character {shown}, "
                           "which is not text").format(setting=where, shown=shown),
                           _("delete it: it came with text pasted from another program"))
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
        """A key nothing reads: an error, since a misspelt setting would silently leave its default in force."""
        homes = [section for section, settings in SETTINGS.items() if key in settings]
        if "" in homes:
            hint = _top_level_hint(key, where.split(".")[0])
        elif homes:
            hint = _("{key} belongs in {sections}").format(key=key, sections=_(" or ").join(
                f"[[{home}]]" if home == "insert" else f"[{home}]" for home in homes))
        else:
            hint = nearest(key, known)
        problems.error(path, lines.get(where), _("unknown setting {where!r}").format(where=where), hint)

    def unknown_section(key: str) -> None:
        problems.error(path, lines.get(key), _("unknown section [{key}]").format(key=key),
                       nearest(key, [f"[{name}]" for name in TOP_SECTIONS], bracketed=True))

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
                    problems.error(path, lines.get(where), err, _(setting.doc))
                else:
                    values[key][sub] = sub_value
        elif key == "abbreviations" and isinstance(value, dict):
            for abbr, meaning in value.items():
                if misplaced_setting(abbr, "abbreviations", config, problems):
                    continue
                if not isinstance(meaning, str):
                    problems.error(path, lines.get(f"abbreviations.{abbr}"),
                                   _("abbreviation {abbr!r} must be text in quotes").format(abbr=abbr),
                                   _('write АҚШ = "Америка Құрама Штаттары"'))
                else:
                    values["abbreviations"][abbr] = meaning
        elif key in SETTINGS[""]:
            setting = SETTINGS[""][key]
            if err := _check_value(key, value, setting):
                problems.error(path, lines.get(key), err, _(setting.doc))
            else:
                values[""][key] = value
        elif key in SETTINGS or key == "abbreviations":
            problems.error(path, lines.get(key), _("{key} must be a [{key}] section").format(key=key))
        elif isinstance(value, dict):
            unknown_section(key)
        else:
            unknown(key, list(SETTINGS[""]), key)

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

    _style(config, problems)
    bib = config.bibliography["file"]
    if Path(bib).is_absolute() or ".." in Path(bib).parts:
        problems.error(path, lines.get("bibliography.file"),
                       _("bibliography file {bib!r} is outside the project folder").format(bib=bib),
                       _("put the .bib file inside the project and give a relative path"))
        config.bibliography["file"] = "references.bib"


def _style(config: Config, problems: Problems) -> None:
    """``[bibliography] style``: a GOST style, or a CSL style found and read now (an unknown name is an error)."""
    value = config.bibliography["style"]
    if value in GOST_STYLES:
        return
    where = (config.path, config.key_lines.get("bibliography.style"))
    config.csl_style = resolve_style(value, config.root, problems, where, GOST_STYLES)
    if config.csl_style is None:
        config.bibliography["style"] = "gost-7.1-2003"  # the error stops the build; the list still formats


def misplaced_setting(key: str, section: str, config: Config, problems: Problems) -> bool:
    """True, after an error, for ``language = "ru"`` written below [abbreviations] or [terms]: TOML puts every line
    below a section header into that section, so it would be read as an abbreviation or a term."""
    if key not in SETTINGS[""]:
        return False
    problems.error(config.path, config.key_lines.get(f"{section}.{key}"),
                   _("{key} under [{section}] is read as one of its entries, not as the setting").format(
                       key=key, section=section), _top_level_hint(key, section))
    return True


def _top_level_hint(key: str, section: str) -> str:
    return _("{key} is a top-level setting: move it above the first [section] (every line below [{section}] belongs "
             "to [{section}])").format(key=key, section=section)


def nearest(key: str, known: list[str], bracketed: bool = False) -> str:
    """``did you mean 'language'?``, or the known keys when none is close."""
    close = difflib.get_close_matches(f"[{key}]" if bracketed else key, known, n=1)
    if close:
        return _("did you mean {name}?").format(name=close[0] if bracketed else repr(close[0]))
    if bracketed:
        return _("known sections: {names}").format(names=", ".join(known))
    return _("known keys: {names}").format(names=", ".join(known))


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
        problems.error(config.path, lines.get("terms"), _("terms must be a [terms] section"),
                       _('write [terms] and under it lines like Дипломатия = "definition"'))
        return
    for term, definition in value.items():
        if misplaced_setting(term, "terms", config, problems):
            continue
        if not isinstance(definition, str):
            problems.error(config.path, lines.get(f"terms.{term}"),
                           _("the definition of {term!r} must be text in quotes").format(term=term),
                           _('write Дипломатия = "мемлекеттің сыртқы саясатын жүзеге асыру құралы"'))
        else:
            config.terms[term] = definition


def _inserts(config: Config, value: Any, problems: Problems) -> None:
    """[[insert]] tables: each a file and where it goes (the PDF itself is checked by :mod:`kazthesis.read.inserts`)."""
    path = config.path
    if not isinstance(value, list):
        problems.error(path, config.key_lines.get("insert"), _("insert must be written as [[insert]] tables"),
                       _('write [[insert]] and under it file = "zadanie.pdf" and after = "title"'))
        return
    settings = SETTINGS["insert"]
    for index, table in enumerate(value):
        lines = config.insert_lines[index] if index < len(config.insert_lines) else {}
        header = lines.get("")
        if not isinstance(table, dict):
            problems.error(path, header, _("each [[insert]] holds file = … and after = …"))
            continue
        chosen = {name: setting.default for name, setting in settings.items()}
        for key, item in table.items():
            setting = settings.get(key)
            if setting is None:
                problems.error(path, lines.get(key, header), _("unknown setting 'insert.{key}'").format(key=key),
                               nearest(key, list(settings)))
            elif err := _check_value(f"insert.{key}", item, setting):
                problems.error(path, lines.get(key, header), err, _(setting.doc))
            else:
                chosen[key] = item
        if not chosen["file"]:
            problems.error(path, header, _("this [[insert]] names no file"), _('add file = "zadanie.pdf"'))
            continue
        config.inserts.append(Insert(chosen["file"], chosen["after"], lines.get("file", header)))


FACULTY_SECTIONS = {"terms": _terms, "insert": _inserts}
# Every section thesis.toml may have, for the nearest one to a misspelt name.
TOP_SECTIONS = [*(name for name in SETTINGS if name and name != "insert"), "abbreviations", "terms", "insert"]
