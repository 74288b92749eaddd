"""A style's global given-name rule and the items → how pandoc is to be run: once with the rule left out where
it cannot change a letter, split in two where only some sources need it, or once as the style is.

APA 7 and Chicago give a citation's author initials when another cited author has the same surname
(``givenname-disambiguation-rule="primary-name-with-initials"``, CSL 1.0.2 "Disambiguation"). pandoc's
citeproc works that rule out in time that grows with the cube of the number of different names: on a
600-source list of different authors, 10 of pandoc's 11 seconds. The rule's work is needed only among names
that share a surname, so:

* When no surname is written two ways (no "Smith, J." beside "Smith, A."), the rule finds nothing to
  do, and it decides nothing else either: it differs from no rule only in comparing a primary name's
  given name, which is then the same on both sides. The style is run with ``disambiguate-add-givenname``
  left out (:attr:`Plan.style_text`), and prints the same.
* Otherwise the sources are split into groups that cannot affect each other's citations: sources whose
  citations could read alike (their first names' surnames or, without names, their titles' first words
  overlap) are in one group, and groups cited in one citation are joined. The groups that hold a
  surname written two ways go to a second run, with the rule (:attr:`Plan.part`); everything else is
  taken from the first run, without it. The list's order is the first run's: the style sorts by the
  names as written, not as the rule prints them.
* A style that numbers its sources or asks for a citation's position (ibid, subsequent) is run as it
  is when a surname is written two ways: there a citation depends on more than its own group.

tests/bibliography/test_csl_disambiguation.py compares both ways with one run of the style as it is on
random lists full of shared surnames.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any

GLOBAL_RULES = {"all-names", "all-names-with-initials", "primary-name", "primary-name-with-initials"}
NAME_VARIABLES = ("author", "editor", "translator", "collection-editor", "composer", "container-author",
                  "director", "editorial-director", "illustrator", "interviewer", "original-author", "recipient",
                  "reviewed-author", "compiler", "chair", "contributor", "curator", "executive-producer",
                  "guest", "host", "narrator", "organizer", "performer", "producer", "script-writer",
                  "series-creator")
_CITATION = re.compile(r"<citation\b[^>]*>")
_ATTRIBUTE = re.compile(r'([\w-]+)="([^"]*)"')
_GIVENNAME = re.compile(r'\s+disambiguate-add-givenname="true"')
_WORD = re.compile(r"[^\W_]+")


@dataclass
class Plan:
    """The style to run over every item and citation, and the part that needs a second run with the rule."""

    style_text: str
    part: set[str] | None = None  # the ids run again with ``rule_text``; None: one run is exact


def plan(style_text: str, items: Sequence[dict[str, Any]], clusters: Iterable[Sequence[str]],
         positional: bool, numeric: bool) -> Plan:
    """How to run ``style_text`` on ``items`` cited in ``clusters`` (each a citation's item ids)."""
    tag = _CITATION.search(style_text)
    attributes = dict(_ATTRIBUTE.findall(tag.group())) if tag else {}
    rule = attributes.get("givenname-disambiguation-rule", "by-cite")
    if tag is None or attributes.get("disambiguate-add-givenname") != "true" or rule not in GLOBAL_RULES:
        return Plan(style_text)
    fast = style_text[:tag.start()] + _GIVENNAME.sub("", tag.group()) + style_text[tag.end():]
    every_name = rule.startswith("all-names")
    shared = _shared_surnames(items, every_name)
    if shared is None or (shared and (positional or numeric)):
        return Plan(style_text)  # a name without a surname, or a style where citations depend on each other
    if not shared:
        return Plan(fast)
    return Plan(fast, _part(items, clusters, shared, every_name))


def _names(item: dict[str, Any], every_name: bool) -> list[dict[str, Any]]:
    """The names the rule looks at: each name variable's first name (every name for the all-names rules)."""
    found = []
    for variable in NAME_VARIABLES:
        names = item.get(variable) or []
        found.extend(names if every_name else names[:1])
    return found


def _surname_words(name: dict[str, Any]) -> list[str]:
    """The words of a name's surname and particles: the processor's surname is some of them, whatever it splits off."""
    text = " ".join(str(name.get(part, "")) for part in ("non-dropping-particle", "dropping-particle", "family"))
    return [word.casefold() for word in _WORD.findall(text)]


def _shared_surnames(items: Sequence[dict[str, Any]], every_name: bool) -> set[str] | None:
    """The surname words that more than one different name carries; None when a name has no surname at all."""
    written: dict[str, set[str]] = {}
    for item in items:
        for name in _names(item, every_name):
            if name.get("literal"):
                continue  # an organisation: no given name for the rule to add
            words = _surname_words(name)
            if not words:
                return None
            shape = repr(sorted(name.items()))
            for word in words:
                written.setdefault(word, set()).add(shape)
    return {word for word, shapes in written.items() if len(shapes) > 1}


def _part(items: Sequence[dict[str, Any]], clusters: Iterable[Sequence[str]], shared: set[str],
          every_name: bool) -> set[str]:
    """The ids of the groups that hold a shared surname, with every group cited beside them."""
    parent: dict[str, str] = {}

    def find(key: str) -> str:
        while parent.setdefault(key, key) != key:
            parent[key] = parent[parent[key]]
            key = parent[key]
        return key

    def join(a: str, b: str) -> None:
        parent[find(a)] = find(b)

    needs_rule: set[str] = set()
    for item in items:
        ident = "id:" + str(item["id"])
        find(ident)
        first = [n for variable in NAME_VARIABLES for n in (item.get(variable) or [])[:1]]
        if first:  # a citation starts with a name: it can read like another only if their surnames match
            keys = {w for n in first for w in (_surname_words(n) or _WORD.findall(str(n.get("literal", ""))))}
        else:  # a citation without a name starts with a title (or the like): all of these are one group
            keys = {"", *(_first_word(item.get(v)) for v in ("title", "title-short", "container-title",
                                                              "publisher") if item.get(v))}
        for key in keys:
            join(ident, "word:" + key.casefold())
        if any(set(_surname_words(n)) & shared for n in _names(item, every_name) if not n.get("literal")):
            needs_rule.add(ident)
    for cluster in clusters:
        for a, b in zip(cluster, cluster[1:], strict=False):
            join("id:" + a, "id:" + b)
    marked = {find(ident) for ident in needs_rule}
    return {str(item["id"]) for item in items if find("id:" + str(item["id"])) in marked}


def _first_word(text: Any) -> str:
    words = _WORD.findall(re.sub(r"<[^>]+>", "", str(text)))
    return words[0] if words else ""
