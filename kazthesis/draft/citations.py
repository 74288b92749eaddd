"""Typed citations and cross-references in running text → the project's Markdown forms.

``[6]`` → ``[@key]``, ``[6, 25 б.]`` / ``[6, с. 25]`` → ``[@key, 25]``,
``[6–9]`` and ``[6; 8]`` → ``[@a; @b; …]``; ``1-суретте``, ``(таблица 2)``,
``Figure 3`` → the number replaced by ``[-@fig:…]`` where the draft has that
figure or table. A cited number with no list entry is handed to ``missing``,
which gives it a placeholder key.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field

NUMBERS = r"\d{1,3}(?:\s*[-–—]\s*\d{1,3})?(?:\s*[,;]\s*\d{1,3}(?:\s*[-–—]\s*\d{1,3})?)*"
PAGE = r"\d+(?:\s*[-–—]\s*\d+)?"
LOCATOR = (rf"(?:(?:[сСpPбБsSрР]|pp|Pp|стр|Стр)\.\s*(?P<pre>{PAGE})"
           rf"|(?P<post>{PAGE})\s*(?:б|бб|бет|с|p|pp|b|s)\.?"
           rf"|(?P<other>(?:т|Т|vol|Vol|том)\.\s*\d+[^\]]*))")
CITATION = re.compile(rf"\[\s*(?P<numbers>{NUMBERS})(?:\s*[,;]\s*{LOCATOR})?\s*\]")
KK_REF = re.compile(r"(?<![\w.\-])(?P<n>\d+(?:\.\d+)?)(?=\s*-\s*(?P<word>сурет|кесте|Сурет|Кесте)\w*)")
WORD_REF = re.compile(r"(?P<word>(?:рисун\w*|Рисун\w*|рис\.|Рис\.|таблиц\w*|Таблиц\w*|табл\.|Табл\.|Figure|figure|"
                      r"Fig\.|fig\.|Table|table)\s+)(?P<n>\d+(?:\.\d+)?)(?![\w.]\d)")


@dataclass
class Linker:
    """What the text's numbers point to: list numbers → keys, typed figure and table numbers → ids."""

    keys: dict[int, str]
    figures: dict[str, str] = field(default_factory=dict)
    tables: dict[str, str] = field(default_factory=dict)
    missing: Callable[[int], str] | None = None
    citations: int = 0
    cross_references: int = 0
    used: set[str] = field(default_factory=set)  # the keys the text cites

    def key(self, number: int) -> str:
        if number not in self.keys and self.missing is not None:
            self.keys[number] = self.missing(number)
        return self.keys[number]


def _numbers(text: str) -> list[int]:
    """``6–9; 12`` → [6, 7, 8, 9, 12]."""
    out: list[int] = []
    for piece in re.split(r"\s*[,;]\s*", text):
        bounds = [int(n) for n in re.split(r"\s*[-–—]\s*", piece) if n]
        if len(bounds) == 2 and 0 <= bounds[1] - bounds[0] <= 50:
            out.extend(range(bounds[0], bounds[1] + 1))
        else:
            out.extend(bounds)
    return out


def link(text: str, linker: Linker) -> list[tuple[str, bool]]:
    """The text cut into (piece, is_markdown): citations and cross-references as Markdown, the rest as text."""
    spans: list[tuple[int, int, str]] = []
    for match in CITATION.finditer(text):
        numbers = _numbers(match.group("numbers"))
        if not numbers or len(numbers) > 60:
            continue
        keys = [linker.key(n) for n in numbers]
        linker.used.update(keys)
        locator = match.group("pre") or match.group("post") or match.group("other") or ""
        locator = re.sub(r"\s*[-–—]\s*", "-", locator.strip())
        body = "; ".join(f"@{k}" for k in keys)
        if locator and len(keys) == 1:
            body += f", {locator}"
        linker.citations += 1
        spans.append((match.start(), match.end(), f"[{body}]"))
    for pattern in (KK_REF, WORD_REF):
        for match in pattern.finditer(text):
            word = match.group("word").lower()
            targets = linker.figures if word.startswith(("сурет", "рис", "fig")) else linker.tables
            target = targets.get(match.group("n"))
            if target is None or any(s <= match.start("n") < e for s, e, _ in spans):
                continue
            linker.cross_references += 1
            spans.append((match.start("n"), match.end("n"), f"[-@{target}]"))
    spans.sort()
    pieces: list[tuple[str, bool]] = []
    at = 0
    for start, end, markdown in spans:
        if start < at:
            continue
        pieces.append((text[at:start], False))
        pieces.append((markdown, True))
        at = end
    pieces.append((text[at:], False))
    return [p for p in pieces if p[0]]
