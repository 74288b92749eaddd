"""The strings the profile's forms decide (kazthesis.resolve.forms): APA's section labels in title case, its
run-in headings' full stop; GOST's left as the language gives them."""

from __future__ import annotations

from kazthesis.lang import wording
from kazthesis.model import Heading, Source, Text
from kazthesis.resolve.forms import apply_heading_forms, printed_strings, section_label
from kazthesis.resolve.geometry import FORMS


def _heading(level: int, title: str, kind: str = "section") -> Heading:
    heading = Heading(level, [Text(title)], title, "", [], Source("content/a.md", 1))
    heading.kind = kind
    return heading


def test_apa_labels_its_sections_in_title_case_in_english_and_sentence_case_elsewhere() -> None:
    english = printed_strings("en", FORMS["apa"])
    assert (english["references"], english["contents"]) == ("References", "Contents")
    assert english["terms"] == "Terms and Definitions"  # minor words stay lower case
    assert english["appendix"].format(letter="A") == "Appendix A"
    kazakh = printed_strings("kk", FORMS["apa"])
    assert kazakh["references"] == "Пайдаланылған әдебиеттер тізімі"
    assert kazakh["appendix"].format(letter="Б") == "Қосымша Б"
    assert section_label("ПРИЛОЖЕНИЕ {letter}", "ru") == "Приложение {letter}"


def test_gost_keeps_the_language_s_strings() -> None:
    assert printed_strings("en", FORMS["gost"]) == wording.strings("en")


def test_a_run_in_heading_ends_with_one_full_stop_whatever_the_builds_before_did() -> None:
    fourth, fifth, asked = _heading(4, "Policy after 1991"), _heading(5, "Why now"), _heading(4, "Why now?")
    third = _heading(3, "Background")
    appendix = _heading(1, "Documents", "appendix")
    appendix.letter, appendix.label = "A", "APPENDIX A"
    strings = printed_strings("en", FORMS["apa"])
    for _ in range(2):  # watch mode: the same parsed headings resolved again
        apply_heading_forms([fourth, fifth, asked, third, appendix], FORMS["apa"], strings)
    assert [h.end for h in (fourth, fifth, asked, third)] == [".", ".", "", ""]
    assert appendix.label == "Appendix A"
    apply_heading_forms([fourth], FORMS["gost"], wording.strings("en"))  # the profile changed back
    assert fourth.end == ""
