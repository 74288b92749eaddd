"""The one document model everything after the input stage works from.

:func:`build_document` runs the input stages in order — configuration,
bibliography, content — and joins their results: citation numbers, the
reference list in its order, the contents entries, the abbreviations.
Rendering, ``refs`` and ``check`` all start from a :class:`Document`.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from kazthesis.bibliography import Bibliography, Entry, format_entry, load_bibliography, order_entries
from kazthesis.collation import kazakh_sort_key
from kazthesis.config import Config, load_config
from kazthesis.content import Content, Heading, read_content
from kazthesis.problems import Problems
from kazthesis.project import refuse_outside


@dataclass
class Reference:
    """One numbered line of the reference list."""

    number: int
    entry: Entry
    text: str


@dataclass
class Document:
    """A thesis project read, checked and numbered — ready to render."""

    config: Config
    bibliography: Bibliography
    content: Content
    references: list[Reference] = field(default_factory=list)
    abbreviations: list[tuple[str, str]] = field(default_factory=list)

    @property
    def language(self) -> str:
        return self.config.language

    @property
    def contents_entries(self) -> list[Heading]:
        depth = self.config.layout["contents_depth"]
        return [h for h in self.content.headings if h.level <= depth]

    def citation_number(self, key: str) -> int:
        """The number a citation of ``key`` prints: its place in the reference list."""
        return self._numbers[key]

    def __post_init__(self) -> None:
        self._numbers: dict[str, int] = {}

    def set_references(self, references: list[Reference]) -> None:
        self.references = references
        self._numbers = {ref.entry.key: ref.number for ref in references}


def build_document(root: Path, problems: Problems) -> Document:
    """Read and check every input of the project at ``root``."""
    config = load_config(root, problems)
    bib_path = config.bib_path
    if bib_path.exists() and refuse_outside(bib_path, root, problems, config.bibliography["file"]):
        bibliography = Bibliography()
    elif bib_path.is_file():
        bibliography = load_bibliography(bib_path, problems)
    else:
        problems.error(bib_path, None, f"{config.bibliography['file']} not found",
                       "export your sources from Zotero (or any reference manager) as BibTeX into the project folder")
        bibliography = Bibliography()
    content = read_content(root, config.language, bibliography.keys(),
                           config.layout["numbering"] == "per-chapter", problems)
    document = Document(config, bibliography, content)
    document.set_references(make_reference_list(document))
    if config.checks["unused_references"] and not config.bibliography["list_uncited"]:
        _warn_unused(document, problems)
    document.abbreviations = sorted(config.abbreviations.items(), key=lambda item: kazakh_sort_key(item[0]))
    return document


def _warn_unused(document: Document, problems: Problems) -> None:
    """One warning listing the entries the text never cites."""
    cited = set(document.content.cited_keys)
    unused = [entry for key, entry in document.bibliography.entries.items() if key not in cited]
    if unused:
        keys = ", ".join(entry.key for entry in unused)
        count = f"{len(unused)} entr{'y is' if len(unused) == 1 else 'ies are'}"
        problems.warning(document.config.bib_path, unused[0].line, f"{count} never cited: {keys}",
                         "cite them, remove them, or set [bibliography] list_uncited = true")


def make_reference_list(document: Document) -> list[Reference]:
    """The reference list as the PDF prints it: cited entries (and, when the
    setting asks, uncited ones after them) in the configured order."""
    settings = document.config.bibliography
    entries = document.bibliography.entries
    cited = document.content.cited_keys
    chosen = [entries[key] for key in cited if key in entries]
    if settings["list_uncited"]:
        chosen += [entry for key, entry in entries.items() if key not in set(cited)]
    return _numbered(order_entries(chosen, settings["order"]), settings["style"])


def all_references(document: Document) -> list[Reference]:
    """Every entry of the .bib file, in file order (``refs --all``)."""
    return _numbered(list(document.bibliography.entries.values()), document.config.bibliography["style"])


def _numbered(entries: list[Entry], style: str) -> list[Reference]:
    return [Reference(n, entry, format_entry(entry, style)) for n, entry in enumerate(entries, 1)]
