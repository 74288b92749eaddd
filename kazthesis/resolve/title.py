"""The title page's printed lines, decided once for both writers from thesis.toml's ``[title_page]``.

Each line is said the way its language says it: the group as «ХҚ-31 тобының
студенті», «студент группы МО-21», "Student of group IR-31"; the optional
approval block («Қорғауға жіберілді», head of department, signature and date
lines); a ministry name too long for one line broken into lines of even
length (measured in the title page's bold capitals), not a long line and a
stub.

The APA 7 student title page (profile ``apa-7-student``) prints the title and,
under it, one line each: the author, the affiliation (department, university),
the course number and name, the instructor and the due date — from
``course``, ``instructor`` and ``due_date``, or, where those are not given,
the GOST page's ``discipline``, ``supervisor`` and ``year``, so that a project
changes profile with one setting.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from kazthesis.lang import registry, wording
from kazthesis.read.fonts import text_width
from kazthesis.resolve.geometry import page_geometry


@dataclass
class TitlePage:
    """The title page as both writers print it; every text already has the document's typography."""

    head: list[list[str]] = field(default_factory=list)  # ministry, university, faculty, department: lines each
    approval: list[str] = field(default_factory=list)  # the «Қорғауға жіберілді» block, or nothing
    work_type: str = ""
    topic: str = ""  # "Тақырыбы: «…»"
    subject: list[str] = field(default_factory=list)  # "Пәні: …", "Мамандығы: …"
    people: list[tuple[str, list[str]]] = field(default_factory=list)  # ("Орындаған", [group line, name])
    foot: str = ""  # "Алматы 2026"
    student: list[str] = field(default_factory=list)  # APA's student title page: the lines under the title
    title: str = ""  # for the PDF's metadata
    author: str = ""
    keywords: str = ""


def balanced_lines(text: str, width: float, family: str, size: float) -> list[str]:
    """``text`` (set in bold capitals) in as few lines as fit ``width`` points, of lengths as even as can be."""
    words = text.split()
    if not words:
        return []

    def measure(line: list[str]) -> float:
        return text_width(" ".join(line).upper(), family, size, bold=True)

    if measure(words) <= width:
        return [text]
    for count in range(2, len(words) + 1):
        best: tuple[float, list[list[str]]] | None = None
        for cuts in _cuts(len(words), count):
            lines = [words[a:b] for a, b in zip((0, *cuts), (*cuts, len(words)), strict=True)]
            widest = max(measure(line) for line in lines)
            if widest <= width and (best is None or widest < best[0]):
                best = (widest, lines)
        if best is not None:
            return [" ".join(line) for line in best[1]]
    return [text]  # a single word wider than the page: left to the writer to break


def _cuts(words: int, lines: int):  # noqa: ANN202 - tuples of cut positions
    """Every way to cut ``words`` words into ``lines`` non-empty lines (a ministry name is a few words)."""
    if lines == 1:
        yield ()
        return
    for first in range(1, words - lines + 2):
        for rest in _cuts(words - first, lines - 1):
            yield (first, *(first + cut for cut in rest))


def make_title_page(fields: dict[str, object], language: str, layout: dict) -> TitlePage:
    """The printed title page from the ``[title_page]`` fields (already with the document's typography)."""
    strings = wording.strings(language)

    def get(name: str) -> str:
        value = fields.get(name, "")
        return value if isinstance(value, str) else ""

    width = page_geometry(layout).text_width_pt
    page = TitlePage(title=get("title"), author=get("author"), keywords=get("discipline"))
    for name in ("ministry", "university", "faculty", "department"):
        if get(name):
            page.head.append(balanced_lines(get(name), width, layout["font"], layout["font_size"]))
    year = get("year")
    if fields.get("approval"):
        head = get("head_of_department")
        page.approval = [strings["approval"], strings["head_of_department"],
                         f"{'_' * 14} {head}".rstrip(), strings["date_line"].format(year=year or "20__")]
    page.work_type = get("work_type")
    if get("title"):
        opening, closing = registry.document(language).typography.quotes[:2]
        page.topic = f"{strings['topic']}: {opening}{get('title')}{closing}"
    page.subject = [f"{strings[name]}: {get(name)}" for name in ("discipline", "specialty") if get(name)]
    author = [strings["group_member"].format(group=get("group"))] if get("group") else []
    if get("author"):
        author.append(get("author"))
    if author:
        page.people.append((strings["author"], author))
    if get("supervisor"):
        # "Ахметов Б. К., кандидат исторических наук, доцент": the name on a line, the degree and title after.
        name, comma, rest = get("supervisor").partition(", ")
        placeholder = name.startswith("[")  # "[Ғылыми жетекшінің аты-жөні, ғылыми дәрежесі]" stays whole
        page.people.append((strings["supervisor"], [name + comma.strip(), rest] if rest and not placeholder
                            else [get("supervisor")]))
    page.foot = " ".join(v for v in (get("city"), year) if v)
    affiliation = ", ".join(v for v in (get("department"), get("university")) if v)
    page.student = [v for v in (get("author"), affiliation, get("course") or get("discipline"),
                                get("instructor") or get("supervisor"), get("due_date") or year) if v]
    return page
