"""``kazthesis new``: a small project of the right shape, in kk, ru or en, that builds at once.

The chapters, figure and sources are package files (``kazthesis/skeletons``);
thesis.toml is written here from :data:`kazthesis.read.config.SETTINGS`, so that it
lists every setting, with its meaning and default, as the tool knows them.
"""

from __future__ import annotations

import datetime
import shutil
from pathlib import Path
from typing import Any, TextIO

from kazthesis import __version__
from kazthesis.read.config import PROFILES, SETTINGS

SKELETONS = Path(__file__).resolve().parent / "skeletons"
SHARED_FILES = ("references.bib",)

# The sample topic and the title page: the ministry and topic written out, the student's own details as
# [placeholders] that `check` reports until they are filled in.
TITLE_PAGES: dict[str, dict[str, str]] = {
    "kk": {
        "ministry": "Қазақстан Республикасы Ғылым және жоғары білім министрлігі",
        "university": "[Университеттің атауы]",
        "faculty": "[Факультеттің атауы]",
        "department": "[Кафедраның атауы]",
        "title": "Қазақстанның ядролық қарудан бас тартуы және АҚШ-пен ынтымақтастығы (1991–2000 жж.)",
        "discipline": "[Пәннің атауы]",
        "specialty": "[Мамандықтың шифры мен атауы]",
        "author": "[Студенттің аты-жөні]",
        "group": "[Топ]",
        "supervisor": "[Ғылыми жетекшінің аты-жөні, ғылыми дәрежесі]",
        "city": "[Қала]",
    },
    "ru": {
        "ministry": "Министерство науки и высшего образования Республики Казахстан",
        "university": "[Название университета]",
        "faculty": "[Название факультета]",
        "department": "[Название кафедры]",
        "title": "Отказ Казахстана от ядерного оружия и сотрудничество с США (1991–2000 гг.)",
        "discipline": "[Название дисциплины]",
        "specialty": "[Шифр и название специальности]",
        "author": "[Фамилия и инициалы студента]",
        "group": "[Группа]",
        "supervisor": "[Фамилия и инициалы научного руководителя, учёная степень]",
        "city": "[Город]",
    },
    "en": {
        "ministry": "Ministry of Science and Higher Education of the Republic of Kazakhstan",
        "university": "[University]",
        "faculty": "[Faculty]",
        "department": "[Department]",
        "title": "Kazakhstan's Renunciation of Nuclear Weapons and Cooperation with the United States, 1991–2000",
        "discipline": "[Discipline]",
        "specialty": "[Specialty code and name]",
        "author": "[Student's name]",
        "group": "[Group]",
        "supervisor": "[Supervisor's name, academic degree]",
        "city": "[City]",
    },
}
WORK_TYPE_NAMES = {
    "kk": {"coursework": "Курстық жұмыс", "diploma": "Дипломдық жұмыс", "master": "Магистрлік диссертация"},
    "ru": {"coursework": "Курсовая работа", "diploma": "Дипломная работа", "master": "Магистерская диссертация"},
    "en": {"coursework": "Coursework", "diploma": "Diploma Thesis", "master": "Master's Thesis"},
}
ABBREVIATIONS = {
    "kk": {"АҚШ": "Америка Құрама Штаттары", "КСР": "Кеңестік Социалистік Республика",
           "ЯҚТШ": "Ядролық қаруды таратпау туралы шарт"},
    "ru": {"ДНЯО": "Договор о нераспространении ядерного оружия", "ССР": "Советская Социалистическая Республика",
           "США": "Соединённые Штаты Америки"},
    "en": {"CTR": "Cooperative Threat Reduction (the Nunn–Lugar programme)",
           "NPT": "Treaty on the Non-Proliferation of Nuclear Weapons", "SSR": "Soviet Socialist Republic",
           "US": "United States"},
}
HEADER = {
    "kk": "Жоба баптаулары. Жақшадағы өрістерді өз деректеріңізбен толтырыңыз; # белгісін алып тастасаңыз,\n"
          "баптау күшіне енеді (көрсетілген мән – әдепкі мән).",
    "ru": "Настройки проекта. Заполните поля в квадратных скобках своими данными; уберите # перед\n"
          "настройкой, чтобы её изменить (показано значение по умолчанию).",
    "en": "Project settings. Fill in the fields in square brackets with your own details; remove the # before\n"
          "a setting to change it (the value shown is the default).",
}
SECTION_NOTES = {
    "layout": "Each value comes from the profile above; set one to override it.",
    "title_page": "Printed on the title page as written; a field left empty is not printed.",
    "bibliography": "The reference list: GOST variant, order, and the .bib file.",
    "checks": "Norm control (`check`): each check gives warnings, never errors.",
}
MESSAGES = {
    "kk": {
        "made": "Жаңа жоба жасалды: {dir} ({kind}, қазақ тілінде).",
        "files": ["thesis.toml     баптаулар мен титул парағы: жақшадағы өрістерді толтырыңыз",
                  "content/        кіріспе, екі тарау, қорытынды, қосымша (Markdown)",
                  "references.bib  дереккөздер",
                  "images/         суреттер"],
        "next": "Келесі қадамдар:",
        "warn": "Алғашқы құрастыру ескертулер береді (толтырылмаған өрістер, жұмыс көлемі мен дереккөздер аз):\n"
                "бұл қалыпты жағдай, мәтінді өзіңіздікімен алмастырған сайын олар азаяды.",
        "kinds": {"coursework": "курстық жұмыс", "diploma": "дипломдық жұмыс", "master": "магистрлік диссертация"},
    },
    "ru": {
        "made": "Новый проект создан: {dir} ({kind}, на русском языке).",
        "files": ["thesis.toml     настройки и титульный лист: заполните поля в квадратных скобках",
                  "content/        введение, две главы, заключение, приложение (Markdown)",
                  "references.bib  источники",
                  "images/         рисунки"],
        "next": "Что дальше:",
        "warn": "Первая сборка выдаст предупреждения (незаполненные поля, малый объём и мало источников):\n"
                "это нормально, они исчезнут по мере того, как вы замените текст своим.",
        "kinds": {"coursework": "курсовая работа", "diploma": "дипломная работа",
                  "master": "магистерская диссертация"},
    },
    "en": {
        "made": "New project made: {dir} ({kind}, in English).",
        "files": ["thesis.toml     settings and title page: fill in the fields in square brackets",
                  "content/        introduction, two chapters, conclusion, appendix (Markdown)",
                  "references.bib  sources",
                  "images/         figures"],
        "next": "Next:",
        "warn": "The first build gives warnings (unfilled fields, short length, few sources): that is\n"
                "expected, and they go as you replace the sample text with your own.",
        "kinds": {"coursework": "coursework", "diploma": "diploma thesis", "master": "master's thesis"},
    },
}


def _toml_value(value: Any) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int | float):
        return repr(value)
    return '"' + str(value).replace("\\", "\\\\").replace('"', '\\"') + '"'


def _setting_comment(name: str, setting: Any, default: Any) -> list[str]:
    doc = setting.doc
    if setting.choices is not None:
        doc += ": " + ", ".join(_toml_value(c) for c in setting.choices)
    elif setting.low is not None:
        bounds = f"{setting.low:g}–{setting.high:g}"
        doc = f"{doc[:-1]}; {bounds})" if doc.endswith(")") else f"{doc} ({bounds})"
    return [f"# {doc}", f"# {name} = {_toml_value(default)}"]


def thesis_toml(language: str, work_type: str, year: int | None = None) -> str:
    """thesis.toml of a new project: every setting of SETTINGS with its meaning, most commented out at its default."""
    year = datetime.date.today().year if year is None else year
    profile = SETTINGS[""]["profile"].default
    title = dict(TITLE_PAGES[language])
    title["work_type"] = WORK_TYPE_NAMES[language][work_type]
    title["year"] = str(year)
    if work_type == "coursework":
        title.pop("specialty")  # a coursework names its discipline, a thesis its specialty
    else:
        title.pop("discipline")
    chosen = {"language": language, "work_type": work_type}
    lines = [f"# thesis.toml — written by kazthesis {__version__} `new`.",
             *(f"# {line}" for line in HEADER[language].splitlines()), ""]
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
            lines += ["", "# [[insert]]  — the pages of another PDF of the project (a signed assignment sheet…)",
                      *(line for name, setting in settings.items()
                        for line in _setting_comment(name, setting, setting.default or "forms/zadanie.pdf"))]
            continue
        lines += ["", f"[{section}]"]
        if note := SECTION_NOTES.get(section):
            lines.append(f"# {note}")
        for name, setting in settings.items():
            default = setting.default
            if default is None and section == "layout":
                default = PROFILES[profile].get(name)
            if section == "title_page":
                lines.append(f"# {setting.doc}")
                if name in title:
                    value: Any = int(title[name]) if name == "year" else title[name]
                    lines.append(f"{name} = {_toml_value(value)}")
                else:
                    lines.append(f"# {name} = {_toml_value(default)}")
            else:
                lines += _setting_comment(name, setting, default)
    lines += ["", "[abbreviations]", "# An abbreviation and what it stands for, one a line: the list printed after the"
              " contents page, in alphabet order."]
    lines += [f"{_toml_value(abbr)} = {_toml_value(meaning)}" for abbr, meaning in ABBREVIATIONS[language].items()]
    return "\n".join(lines) + "\n"


def write_project(target: Path, language: str, work_type: str) -> None:
    """Write the sample project into ``target`` (made if missing; must be empty)."""
    target.mkdir(parents=True, exist_ok=True)
    source = SKELETONS / language
    for folder in ("content", "images"):
        shutil.copytree(source / folder, target / folder, ignore=shutil.ignore_patterns("__pycache__"))
    for name in SHARED_FILES:
        shutil.copyfile(SKELETONS / name, target / name)
    (target / "thesis.toml").write_text(thesis_toml(language, work_type), encoding="utf-8")


def create(target: Path, language: str, work_type: str, out: TextIO, err: TextIO, prog: str = "kazthesis") -> int:
    """``kazthesis new``: refuse a folder in use, write the project, say what to do next; the exit status."""
    if target.exists() and not target.is_dir():
        print(f"{target}: error: a file of that name is in the way — give a name for a new folder", file=err)
        return 2
    if target.is_dir() and any(target.iterdir()):
        print(f"{target}: error: the folder is not empty; kazthesis new writes only into a new or empty folder "
              f"— give another name, e.g. '{prog} new my-thesis'", file=err)
        return 2
    try:
        write_project(target, language, work_type)
    except OSError as exc:
        print(f"{target}: error: cannot write the project: {exc.strerror or exc} — choose a folder you may "
              "write to", file=err)
        return 1
    words = MESSAGES[language]
    print(words["made"].format(dir=target, kind=words["kinds"][work_type]), file=out)
    for line in words["files"]:
        print(f"  {line}", file=out)
    print(words["next"], file=out)
    if prog == "kazthesis":
        steps = [f"cd {target}", "kazthesis build      → output/thesis.pdf", "kazthesis check",
                 "kazthesis docx       → output/thesis.docx"]
    else:
        steps = [f"python {prog} {target}      → {target}/output/thesis.pdf", f"python {prog} check {target}"]
    for step in steps:
        print(f"  {step}", file=out)
    print(words["warn"], file=out)
    return 0
