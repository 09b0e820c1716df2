"""Notes across sections (core/repair/carried_notes): a footnote body the converter set
under the next section's heading is attached to its marker at the end of the section
before, moved and never copied, the sections themselves unchanged.

Nougat's *Absolute Position Embeddings* (tests/fixtures/repair_corpus): `…the following
template 4:` ends § 2; `Footnote 4: In cases where a model does not have the [CLS]
token…` stands in § 3 after its first paragraph."""

from __future__ import annotations

from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from readmark.core.anchoring import SectionTexts, resolve
from readmark.core.annotations import Annotation, Kind, TextTarget
from readmark.core.book import LoadOptions
from readmark.core.formats import open_book
from readmark.core.repair.carried_notes import carry_notes

NOUGAT = (
    Path(__file__).resolve().parents[2]
    / "fixtures"
    / "repair_corpus"
    / "en_nougat_absolute_position_embeddings.md"
)
BODY = "In cases where a model does not have the [CLS] token, we instead use [BOS]."


def _texts(path: Path, repair: bool) -> list[str]:
    book = open_book(path, LoadOptions(repair=repair))
    return [book.section_text(i) for i in range(len(book.sections))]


def test_a_note_under_the_next_heading_goes_to_its_marker() -> None:
    book = open_book(NOUGAT, LoadOptions(repair=True))
    [marked] = [
        i for i in range(len(book.sections)) if "following template" in book.section_text(i)
    ]
    html = book.section_html(marked)
    assert 'class="footnote"' in html and "does not have the [CLS] token" in html
    texts = [book.section_text(i) for i in range(len(book.sections))]
    assert sum(text.count(BODY) for text in texts) == 1  # moved, not copied
    assert BODY in texts[marked]
    assert "Footnote 4" not in "".join(texts)


def test_the_sections_stay_as_they_were() -> None:
    on = open_book(NOUGAT, LoadOptions(repair=True))
    off = open_book(NOUGAT, LoadOptions(repair=False))
    assert [s.title for s in on.sections] == [s.title for s in off.sections]
    after = [on.section_text(i) for i in range(len(on.sections))]
    # § 3 still opens with its heading and first paragraph.
    [third] = [i for i, s in enumerate(on.sections) if s.title.startswith("3 Impact")]
    assert after[third].split("\n")[0].startswith("3 Impact of phase shifts")
    assert "First, we investigate the impact of phase shifting" in after[third]


def test_an_annotation_on_the_note_where_it_stood_is_placed_again() -> None:
    before = _texts(NOUGAT, repair=False)
    now = _texts(NOUGAT, repair=True)
    [section] = [i for i, text in enumerate(before) if BODY in text]
    start = before[section].index(BODY)
    annotation = Annotation(
        Kind.HIGHLIGHT,
        TextTarget.from_text(section, before[section], start, start + len(BODY)),
    )
    placed = resolve(annotation, SectionTexts.of_strings(now))
    assert not placed.orphaned
    target = placed.target
    assert now[target.section][target.start : target.end] == BODY


def test_a_body_without_a_marker_before_it_stays(tmp_path: Path) -> None:
    sources = [
        "## 1 One\n\nThe end of a section with no marker.\n",
        "## 2 Two\n\nFirst paragraph.\n\nFootnote 4: A note nobody marks.\n",
    ]
    assert carry_notes(sources, 0) == sources[0]
    assert carry_notes(sources, 1) == sources[1]
    path = tmp_path / "book.md"
    path.write_text("\n".join(sources), encoding="utf-8")
    texts = _texts(path, repair=True)
    assert "A note nobody marks." in texts[-1]


def test_a_body_its_own_section_marks_is_not_carried() -> None:
    sources = [
        "## 1 One\n\nThe previous section ends with the template 4:\n",
        "## 2 Two\n\nHere the model uses a token 4.\n\nFootnote 4: The note of § 2.\n",
    ]
    assert carry_notes(sources, 0) == sources[0]
    assert carry_notes(sources, 1) == sources[1]


def test_the_carried_characters_are_the_same() -> None:
    sources = [
        "## 1 One\n\nConcretely, the input uses the following template 4:\n",
        "## 2 Two\n\nFirst paragraph.\n\nFootnote 4: In cases where.\n\nSecond paragraph.\n",
    ]
    first, second = carry_notes(sources, 0), carry_notes(sources, 1)
    assert first.endswith("\n\nFootnote 4: In cases where.\n")
    assert "Footnote 4" not in second and second.startswith("## 2 Two\n\nFirst paragraph.")
    assert sorted(first + second) == sorted(sources[0] + sources[1])


_PIECES = [
    "## 2 Next",
    "First paragraph of a section.",
    "Footnote 4: A note.",
    "Footnote 5: Another note.",
    "the following template 4:",
    "a token 5.",
    "Footnote",
    "- a list item 4",
    "```\ncode 4:\n```",
    "",
]


@settings(max_examples=200, deadline=None)
@given(
    st.lists(
        st.lists(st.sampled_from(_PIECES) | st.text(max_size=30), max_size=8).map("\n\n".join),
        min_size=1,
        max_size=4,
    )
)
def test_carrying_never_loses_or_duplicates_a_character(sources: list[str]) -> None:
    carried = [carry_notes(sources, i) for i in range(len(sources))]

    def letters(texts: list[str]) -> list[str]:  # the gaps between blocks are layout
        return sorted(ch for ch in "".join(texts) if not ch.isspace())

    assert letters(carried) == letters(sources)
