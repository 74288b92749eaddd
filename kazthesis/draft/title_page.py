"""The draft's title page (the lines before its contents page or first heading) → thesis.toml's
``[title_page]`` fields and the work type.

Each line is matched by the words such a line holds in kk, ru or en
(``министрлігі``, ``университет``, ``Орындаған:``, ``Научный руководитель:``…);
the topic is the line after the work type, or the one after ``тақырыбы:``.
A field not found stays a placeholder that ``check`` reports.
"""

from __future__ import annotations

import re

FIELDS: tuple[tuple[str, str], ...] = (
    ("ministry", r"министрлігі|министерство|ministry"),
    ("university", r"университет|university|институт|institute|академия|academy|college|колледж"),
    ("faculty", r"факультет|faculty|school of"),
    ("department", r"кафедра|department"),
    ("discipline", r"пән(?:і|і:)|дисциплин|discipline|course:|по предмету"),
    ("specialty", r"мамандығы|мамандық|специальност|specialty|speciality|образовательная программа|"
                  r"білім беру бағдарламасы|educational program"),
    ("supervisor", r"ғылыми жетекші|жетекші|научный руководитель|руководитель|supervisor|тексерген|проверил"),
    ("author", r"орындаған|орындады|выполнил|выполнила|performed by|prepared by|completed by|done by|author:|"
               r"студент(?:і|ка)?\b|student\b"),
    ("group", r"тобы|группа|group"),
)
WORK_TYPES = (
    ("coursework", r"курстық жұмыс|курсовая работа|курсовой проект|course ?work|term paper"),
    ("master", r"магистрлік диссертация|магистерская диссертация|master'?s thesis|диссертация"),
    ("diploma", r"дипломдық жұмыс|дипломная работа|дипломный проект|дипломдық жоба|diploma|bachelor|"
                r"бітіру жұмысы|выпускная работа"),
)
TOPIC_LABEL = re.compile(r"^(?:тақырыбы|тақырып|на тему|тема|topic|title)\s*[:：]?\s*", re.IGNORECASE)
CITY_YEAR = re.compile(r"^(?P<city>[^\d,]{2,30}?)[\s,–—-]*(?P<year>(?:19|20)\d{2})\s*(?:ж\.?|г\.?|жыл)?\s*$")
LABEL = re.compile(r"^[^:]{2,40}:\s*")
GROUP_IN_TEXT = re.compile(r"\b([A-ZА-ЯӘҒҚҢӨҰҮҺІ]{1,5}-?\d{2,4}[A-ZА-Яа-я]?)\b")


def _value(line: str) -> str:
    """The text after a label (``Ғылыми жетекші: х.ғ.к. Әбенов Б.`` → ``х.ғ.к. Әбенов Б.``)."""
    stripped = LABEL.sub("", line, count=1).strip()
    return stripped or line.strip()


def read_title_page(lines: list[str]) -> tuple[dict[str, str], str | None, list[str]]:
    """(fields found, work type key or None, lines that matched nothing)."""
    found: dict[str, str] = {}
    work_type = None
    rest: list[str] = []
    topic_next = False
    pending = ""  # a label alone ("Ғылыми жетекші:"), its value on the next line or in the next cell
    for line in (line.strip() for line in lines):
        if not line:
            continue
        low = line.casefold()
        if pending:
            found[pending], pending = line, ""
            continue
        if TOPIC_LABEL.match(line) and len(TOPIC_LABEL.sub("", line)) > 3:
            found["title"] = TOPIC_LABEL.sub("", line).strip("«»\"“” ")
            continue
        if topic_next and "title" not in found and not any(re.search(p, low) for _, p in FIELDS):
            found["title"] = line.strip("«»\"“” ")
            topic_next = False
            continue
        if TOPIC_LABEL.fullmatch(line + ":") or TOPIC_LABEL.fullmatch(line):
            topic_next = True
            continue
        kind = next((key for key, pattern in WORK_TYPES if re.search(pattern, low)), None)
        if kind and "work_type" not in found and len(line) < 60:
            found["work_type"] = line
            work_type = kind
            topic_next = True
            continue
        city = CITY_YEAR.match(line)
        if city:
            found.setdefault("city", city.group("city").strip(" ,"))
            found.setdefault("year", city.group("year"))
            continue
        field = next((key for key, pattern in FIELDS if re.search(pattern, low) and key not in found), None)
        if field is None:
            rest.append(line)
            continue
        if field == "author":
            group = GROUP_IN_TEXT.search(line)
            if group and "group" not in found:
                found["group"] = group.group(1)
                # "Орындаған: Серікова Айгерім, ХҚ-31 тобының студенті": the piece with the group goes
                line = ", ".join(piece for piece in line.split(",") if group.group(1) not in piece).strip()
        if line.endswith(":") and LABEL.fullmatch(line):
            pending = field
            continue
        found[field] = _value(line)
    return found, work_type, rest
