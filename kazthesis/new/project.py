"""A language and a work type → a new project folder of the right shape that builds at once (``kazthesis new``).

The chapters, figure and sources are package files (``kazthesis/new/skeletons/<language>/``, with the
sample title page and abbreviations in its ``sample.toml``); thesis.toml is written here from
:data:`kazthesis.read.settings.SETTINGS`, so that it lists every setting, with its meaning and default, as
the tool knows them; what the command says, and the work type's name, come from the language's entry
in the registry (:mod:`kazthesis.lang`).
"""

from __future__ import annotations

import datetime
import shutil
import tomllib
from pathlib import Path
from typing import Any, TextIO

from kazthesis import __version__
from kazthesis.i18n import N_, _, use
from kazthesis.lang import registry, wording
from kazthesis.problems import problem_line
from kazthesis.read.profiles import PROFILES
from kazthesis.read.settings import SETTINGS

SKELETONS = Path(__file__).resolve().parent / "skeletons"
SHARED_FILES = ("references.bib",)
SAMPLE = "sample.toml"  # in each language's folder: [title_page] and [abbreviations] of the sample

SECTION_NOTES = {
    "layout": N_("Each value comes from the profile above; set one to override it."),
    "title_page": N_("Printed on the title page as written; a field left empty is not printed."),
    "bibliography": N_("The reference list: its style (GOST, or a CSL style such as APA), order, and the .bib file."),
    "checks": N_("Norm control (`check`): each check gives warnings, never errors."),
}
def _toml_value(value: Any) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int | float):
        return repr(value)
    return '"' + str(value).replace("\\", "\\\\").replace('"', '\\"') + '"'


def _setting_comment(name: str, setting: Any, default: Any) -> list[str]:
    doc = _(setting.doc)
    if setting.choices is not None:
        doc += ": " + ", ".join(_toml_value(c) for c in setting.choices)
    elif setting.low is not None:
        bounds = f"{setting.low:g}–{setting.high:g}"
        doc = f"{doc[:-1]}; {bounds})" if doc.endswith(")") else f"{doc} ({bounds})"
    return [f"# {doc}", f"# {name} = {_toml_value(default)}"]


def thesis_toml(language: str, work_type: str, year: int | None = None, sample_style: bool = True) -> str:
    """thesis.toml of a new project: every setting of SETTINGS with its meaning, most commented out at its default;
    the comments in the document's language.

    ``sample_style``: the language's sample chooses its bibliography style (English: APA); an imported draft,
    which keeps the style it was written in, says False."""
    with use(language):
        return _thesis_toml(language, work_type, datetime.date.today().year if year is None else year, sample_style)


def _thesis_toml(language: str, work_type: str, year: int, sample_style: bool) -> str:
    profile = SETTINGS[""]["profile"].default
    sample_toml = sample(language)
    title = dict(sample_toml["title_page"])
    title["work_type"] = wording.text(language, f"work_{work_type}")
    title["year"] = str(year)
    if work_type == "coursework":
        title.pop("specialty")  # a coursework names its discipline, a thesis its specialty
    else:
        title.pop("discipline")
    chosen = {"language": language, "work_type": work_type}
    lines = ["# " + _("thesis.toml — written by kazthesis {version} `new`.").format(version=__version__),
             *(f"# {line}" for line in registry.document(language).new_project.settings_header.splitlines()), ""]
    for name, setting in SETTINGS[""].items():
        comment = _setting_comment(name, setting, setting.default)
        if name in chosen:
            lines += [comment[0], f"{name} = {_toml_value(chosen[name])}"]
        else:
            lines += comment
    for section, settings in SETTINGS.items():
        if not section:
            continue
        if section == "insert":  # an array of tables: shown as a commented example
            note = _("The pages of another PDF of the project (a signed assignment sheet…): remove the #\n"
                     "before [[insert]] and before its lines, one [[insert]] a file.")
            lines += ["", *(f"# {line}" for line in note.splitlines()), "# [[insert]]",
                      *(line for name, setting in settings.items()
                        for line in _setting_comment(name, setting, setting.default or "forms/zadanie.pdf"))]
            continue
        lines += ["", f"[{section}]"]
        if note := SECTION_NOTES.get(section):
            lines.append(f"# {_(note)}")
        for name, setting in settings.items():
            default = setting.default
            if default is None and section == "layout":
                default = PROFILES[profile].get(name)
            chosen_here = sample_toml.get(section, {}) if section == "bibliography" and sample_style else {}
            if name in chosen_here:  # the sample's own choice (English: APA), the default shown beside it
                lines += [_setting_comment(name, setting, default)[0],
                          "# " + _("(default: {value})").format(value=_toml_value(default)),
                          f"{name} = {_toml_value(chosen_here[name])}"]
                continue
            if section == "title_page":
                lines.append(f"# {_(setting.doc)}")
                if name in title:
                    value: Any = int(title[name]) if name == "year" else title[name]
                    lines.append(f"{name} = {_toml_value(value)}")
                else:
                    lines.append(f"# {name} = {_toml_value(default)}")
            else:
                lines += _setting_comment(name, setting, default)
    lines += ["", "[abbreviations]", "# " + _("An abbreviation and what it stands for, one a line: the list printed "
                                              "after the contents page, in alphabet order.")]
    lines += [f"{_toml_value(abbr)} = {_toml_value(meaning)}" for abbr, meaning in sample_toml["abbreviations"].items()]
    return "\n".join(lines) + "\n"


def sample(language: str) -> dict[str, dict[str, str]]:
    """The sample's title page (the student's own details as [placeholders]) and abbreviations."""
    with (SKELETONS / language / SAMPLE).open("rb") as file:
        return tomllib.load(file)


def write_project(target: Path, language: str, work_type: str) -> None:
    """Write the sample project into ``target`` (made if missing; must be empty)."""
    target.mkdir(parents=True, exist_ok=True)
    source = SKELETONS / language
    for folder in ("content", "images"):
        shutil.copytree(source / folder, target / folder, ignore=shutil.ignore_patterns("__pycache__"))
    for name in SHARED_FILES:  # a language's own copy first (English: sentence-case titles, translations)
        shutil.copyfile(source / name if (source / name).is_file() else SKELETONS / name, target / name)
    (target / "thesis.toml").write_text(thesis_toml(language, work_type), encoding="utf-8")


def create(target: Path, language: str, work_type: str, out: TextIO, err: TextIO, prog: str = "kazthesis") -> int:
    """``kazthesis new``: refuse a folder in use, write the project, say what to do next; the exit status."""
    if target.exists() and not target.is_dir():
        print(problem_line(target, "error", _("a file of that name is in the way"),
                           _("give a name for a new folder")), file=err)
        return 2
    if target.is_dir() and any(target.iterdir()):
        print(problem_line(target, "error", _("the folder is not empty; kazthesis new writes only into a new or empty "
                                              "folder"),
                           _("give another name, e.g. '{prog} new my-thesis'").format(prog=prog)), file=err)
        return 2
    try:
        write_project(target, language, work_type)
    except OSError as exc:
        print(problem_line(target, "error", _("cannot write the project: {reason}").format(reason=exc.strerror or exc),
                           _("choose a folder you may write to")), file=err)
        return 1
    words = registry.document(language).new_project
    print(words.made.format(dir=target, kind=wording.text(language, f"work_{work_type}").lower()), file=out)
    for line in words.files:
        print(f"  {line}", file=out)
    print(words.next, file=out)
    if prog == "kazthesis":
        steps = [f"cd {target}", "kazthesis build      → output/thesis.pdf", "kazthesis check",
                 "kazthesis docx       → output/thesis.docx"]
    else:
        steps = [f"python {prog} {target}      → {target}/output/thesis.pdf", f"python {prog} check {target}"]
    for step in steps:
        print(f"  {step}", file=out)
    print(words.warn, file=out)
    return 0
