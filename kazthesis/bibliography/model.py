"""The entry model: what the reader produces and the templates consume.

Nothing here reads files or formats lists; :class:`Person` only knows the two
forms GOST writes a name in (CSL styles take its parts, given names included).
"""

from __future__ import annotations

from dataclasses import dataclass, field

NBSP = "\u00a0"


@dataclass(frozen=True)
class Person:
    """A person, or an organisation (``corporate``), as the reference list needs it."""

    last: str  # surname as written, or the organisation's whole name
    initials: tuple[str, ...] = ()  # ("Қ.-Ж.", "К.")
    prefix: str = ""  # "van", "de": printed but not sorted on
    suffix: str = ""  # "Jr.", "III"
    corporate: bool = False
    given: str = ""  # the given names as written ("Қасым-Жомарт Кемелұлы", "K. K."): what CSL styles print

    def heading(self) -> str:
        """``Назарбаев, Н.\u00a0Ә.`` — the inverted form that opens an entry."""
        if self.corporate:
            return self.last
        if not self.initials:  # "Абай", "Aristotle": a name with nothing to invert
            return " ".join(p for p in (self.prefix, self.last, self.suffix) if p)
        # The particle follows the initials (biblatex's default), so "van Gogh" sorts under G.
        given = NBSP.join((*self.initials, self.prefix) if self.prefix else self.initials)
        text = f"{self.last}, {given}"
        return f"{text}, {self.suffix}" if self.suffix else text

    def responsibility(self) -> str:
        """``Н.\u00a0Ә.\u00a0Назарбаев`` — initials first, after `` / ``."""
        if self.corporate:
            return self.last
        text = NBSP.join((*self.initials, self.prefix, self.last) if self.prefix else (*self.initials, self.last))
        return f"{text} {self.suffix}" if self.suffix else text


@dataclass
class Entry:
    """One source of references.bib, decoded: fields under their biblatex names."""

    key: str
    type: str  # lower-case BibTeX type as written: "book", "online", "booklet"…
    line: int  # 1-based line of the entry's "@"
    language: str = "en"  # kk | ru | en | uz: whose terms describe the SOURCE (its language, or its script's)
    year: int | None = None
    is_legal_act: bool = False
    title: str = ""  # plain text, for sorting and messages
    form: str = "book"  # the template that formats it (see kazthesis.bibliography.kinds)
    # Decoded text under biblatex names (location, journaltitle…); titles, series and notes may hold the
    # italics markers of kazthesis.bibliography.emphasis.
    fields: dict[str, str] = field(default_factory=dict)
    authors: list[Person] = field(default_factory=list)
    editors: list[Person] = field(default_factory=list)
    more_authors: bool = False  # "and others" in the .bib: the list goes on
    more_editors: bool = False
    month: int | None = None
    day: int | None = None

    def __post_init__(self) -> None:
        if self.title and not self.fields.get("title"):  # an Entry built by hand formats like a read one
            self.fields["title"] = self.title

    def get(self, *names: str) -> str:
        """The first non-empty of the fields ``names``, or ""."""
        return next((self.fields[n] for n in names if self.fields.get(n)), "")


@dataclass
class Bibliography:
    """Every entry of a .bib file, by key, in file order."""

    entries: dict[str, Entry] = field(default_factory=dict)

    def keys(self) -> list[str]:
        return list(self.entries)
