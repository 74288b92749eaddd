"""The profile's forms (:class:`~kazthesis.resolve.geometry.Forms`) → the printed strings that depend on them.

GOST's forms take the strings as :mod:`kazthesis.lang` gives them (the section labels in capitals). APA 7's
print its section labels bold and centred in title case — "References", "Appendix A", "Contents",
"Abbreviations" (English words are title-cased, other languages' labels sentence-cased: "Пайдаланылған
әдебиеттер тізімі", "Қосымша А") — and run a level-4 or level-5 heading into its paragraph, ending it with
a full stop ("Policy After 1991. The text…") unless it ends with its own. GOST captions a figure under it
and a table above it on one line, "Figure 1 – Title"; APA 7 stacks a caption above both: the number alone on
a line, the title under it (:attr:`kazthesis.model.CaptionLine.stacked`). Both writers print what is
decided here.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping

from kazthesis.lang import wording
from kazthesis.model import Captioned, Heading
from kazthesis.resolve.geometry import Forms

SECTION_LABELS = ("contents", "abbreviations", "terms", "references", "appendix")
RUN_IN_LEVEL = 4  # APA's levels 4 and 5 (and a deeper Markdown heading, drawn as level 5) run in
# Words an English title keeps in lower case after its first word (APA 7, 6.17: short conjunctions, articles
# and prepositions).
MINOR_WORDS = {"a", "an", "and", "as", "at", "but", "by", "for", "if", "in", "nor", "of", "off", "on", "or", "per",
               "so", "the", "to", "up", "via", "yet"}


def printed_strings(language: str, forms: Forms) -> Mapping[str, str]:
    """The fixed strings of ``language`` as the profile prints them."""
    strings = wording.strings(language)
    if forms.name != "apa":
        return strings
    return {**strings, **{key: section_label(strings[key], language) for key in SECTION_LABELS}}


def section_label(text: str, language: str) -> str:
    """``REFERENCES`` → ``References``, ``TERMS AND DEFINITIONS`` → ``Terms and Definitions`` (in English),
    ``ҚОСЫМША {letter}`` → ``Қосымша {letter}``; a one-letter word (an appendix's letter) as it is."""
    words = []
    for index, word in enumerate(text.split(" ")):
        lower = word.lower()
        if len(word) <= 1 or word.startswith("{"):
            words.append(word)
        elif index == 0 or (language == "en" and lower not in MINOR_WORDS):
            words.append(lower[:1].upper() + lower[1:])
        else:
            words.append(lower)
    return " ".join(words)


def apply_heading_forms(headings: list[Heading], forms: Forms, strings: Mapping[str, str]) -> None:
    """Each heading's appendix label and run-in full stop as the profile prints them (set on every build: a
    heading parsed once keeps what an earlier build gave it)."""
    for heading in headings:
        heading.end = ""
        if forms.name != "apa":
            continue
        if heading.kind == "appendix":
            heading.label = strings["appendix"].format(letter=heading.letter)
        if heading.level >= RUN_IN_LEVEL and not heading.plain.rstrip().endswith((".", "?", "!", "…")):
            heading.end = "."


def apply_caption_forms(captioned: Iterable[Captioned], forms: Forms) -> None:
    """Each figure's, table's and listing's caption form: APA 7's stacked one (Publication Manual 7.10 and
    7.22: the number in bold above the table or figure, the title one double-spaced line under it in italics,
    flush left), or GOST's one line (set on every build, as the headings' forms are)."""
    for node in captioned:
        node.stacked = forms.name == "apa"
