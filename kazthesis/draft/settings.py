"""The new project's thesis.toml: the one ``kazthesis new`` writes, with the draft's title page, work type,
reference style and abbreviations put in.

Title-page fields the draft did not give stay ``[placeholders]``, which
``check`` and the build's closing line report.
"""

from __future__ import annotations

import re

from kazthesis import __version__
from kazthesis.i18n import _, use
from kazthesis.new.project import sample, thesis_toml

TOPIC_PLACEHOLDER = {"kk": "[Жұмыстың тақырыбы]", "ru": "[Тема работы]", "en": "[Topic]"}
MINISTRY_PLACEHOLDER = {"kk": "[Министрліктің атауы]", "ru": "[Название министерства]", "en": "[Ministry]"}
ORDER = ("ministry", "university", "faculty", "department", "work_type", "title", "discipline", "specialty",
         "author", "group", "supervisor", "city", "year")


def _quote(value: str) -> str:
    return '"' + value.replace("\\", "\\\\").replace('"', '\\"') + '"'


def placeholders(language: str) -> dict[str, str]:
    values = {k: v for k, v in sample(language)["title_page"].items() if v.startswith("[")}
    values["title"] = TOPIC_PLACEHOLDER[language]
    values["ministry"] = MINISTRY_PLACEHOLDER[language]
    return values


def settings_text(language: str, work_type: str | None, title_page: dict[str, str], style: str,
                  abbreviations: dict[str, str], draft_name: str, list_uncited: bool = False) -> str:
    """thesis.toml for the imported project."""
    text = thesis_toml(language, work_type or "coursework", sample_style=False)  # the draft's own style
    with use(language):  # its comments in the document's language, as `new` writes them
        first = "# " + _("thesis.toml — written by kazthesis {version} `import` from {draft}.").format(
            version=__version__, draft=draft_name)
        abbreviations_note = "# " + _("An abbreviation and what it stands for, one a line: the list printed after "
                                      "the contents page, in alphabet order.")
    text = first + text[text.index("\n"):]
    section = re.search(r"(?ms)^\[title_page\]\n(.*?)(?=^\[)", text)
    assert section is not None  # thesis_toml always writes [title_page]
    defaults = placeholders(language)
    lines = []
    for line in section.group(1).splitlines():
        match = re.match(r"^(#\s*)?(\w+) = (.*)$", line)
        name = match.group(2) if match else ""
        if match and name in ORDER:
            if name in title_page:
                value = title_page[name]
                lines.append(f"{name} = {value}" if name == "year" and value.isdigit() else f"{name} = {_quote(value)}")
                continue
            if name in defaults and not match.group(1):  # a field `new` fills in: a placeholder here
                lines.append(f"{name} = {_quote(defaults[name])}")
                continue
        lines.append(line)
    text = text[:section.start(1)] + "\n".join(lines) + "\n\n" + text[section.end(1):].lstrip("\n")
    if style != "gost-7.1-2003":
        text = re.sub(r'(?m)^# style = "gost-7\.1-2003"$', f'style = "{style}"', text, count=1)
    if list_uncited:  # the draft lists sources its text does not cite: they stay in the list
        text = re.sub(r"(?m)^# list_uncited = false$", "list_uncited = true", text, count=1)
    head = text.partition("\n[abbreviations]")[0]
    text = head.rstrip("\n") + "\n\n[abbreviations]\n" + abbreviations_note + "\n"
    text += "".join(f"{_quote(abbr)} = {_quote(meaning)}\n" for abbr, meaning in abbreviations.items())
    return text
