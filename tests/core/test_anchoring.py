"""Anchoring on small books of our own: each test edits a copy the way an author would."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from readmark.core.anchoring import (
    QUOTE_THRESHOLD,
    SectionTexts,
    resolve,
    resolve_all,
    similarity,
)
from readmark.core.annotations import Annotation, Kind, TextTarget
from readmark.core.book import Book
from readmark.core.formats import open_book

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "anchoring"
REPEATED = "The lamp was lit at dusk, as it always had been."


def mark(
    texts: Book | SectionTexts,
    section: int,
    phrase: str,
    occurrence: int = 0,
    kind: Kind = Kind.HIGHLIGHT,
) -> Annotation:
    """A highlight on the `occurrence`-th `phrase` of a section, as the reader would make it."""
    text = texts.section_text(section) if isinstance(texts, Book) else texts.text(section)
    start = -1
    for _ in range(occurrence + 1):
        start = text.find(phrase, start + 1)
        assert start >= 0, f"{phrase!r} not in section {section}"
    return Annotation(kind, TextTarget.from_text(section, text, start, start + len(phrase)))


def position(texts: SectionTexts, section: int, before: str, kind: Kind) -> Annotation:
    """A bookmark or stand-alone note right after `before`: no quote, only context."""
    text = texts.text(section)
    point = text.index(before) + len(before)
    return Annotation(kind, TextTarget.from_text(section, text, point, point))


def edited_copy(tmp_path: Path, source: Path, *edits: tuple[str, str]) -> Path:
    """A copy of `source` with each (old, new) replaced once; the old text must be there."""
    text = source.read_text(encoding="utf-8")
    for old, new in edits:
        assert text.count(old) >= 1, old
        text = text.replace(old, new, 1)
    copy = tmp_path / f"edited-{len(list(tmp_path.iterdir()))}{source.suffix}"
    copy.write_text(text, encoding="utf-8")
    return copy


def points_at_its_text(annotation: Annotation, texts: Book | SectionTexts) -> bool:
    t = annotation.target
    text = texts.section_text(t.section) if isinstance(texts, Book) else texts.text(t.section)
    return text[t.start : t.end] == t.exact


@pytest.fixture
def lighthouse(tmp_path: Path) -> Path:
    copy = tmp_path / "lighthouse.md"
    shutil.copy(FIXTURES / "lighthouse.md", copy)
    return copy


@pytest.fixture
def tea(tmp_path: Path) -> Path:
    copy = tmp_path / "tea.md"
    shutil.copy(FIXTURES / "tea.md", copy)
    return copy


# --- the fast path and the contract ---------------------------------------------------------


def test_an_unchanged_book_gives_back_the_very_same_annotations(lighthouse: Path) -> None:
    book = open_book(lighthouse)
    annotations = [mark(book, 0, "eleven winters"), mark(book, 2, "bread, oil and a letter")]
    assert all(a is b for a, b in zip(annotations, resolve_all(book, annotations), strict=True))


def test_resolve_all_keeps_ids_order_and_everything_but_the_target(
    lighthouse: Path, tmp_path: Path
) -> None:
    book = open_book(lighthouse)
    first = mark(book, 1, "the barometer fell faster").edited(note="*ominous*", color="blue")
    gone = mark(book, 1, "its mast snapped halfway up")
    third = mark(book, 0, "ninety-one steps")
    edited = edited_copy(
        tmp_path,
        lighthouse,
        ("In the third week", "Late in the year, in the third week"),
        ("A fishing boat came round the headland at four o'clock, low in the water, "
         "its mast snapped halfway up.", ""),
    )  # fmt: skip
    results = resolve_all(open_book(edited), [first, gone, third])
    assert [a.id for a in results] == [first.id, gone.id, third.id]
    moved = results[0]
    assert (moved.note, moved.color, moved.modified) == ("*ominous*", "blue", first.modified)
    assert moved.target.exact == "the barometer fell faster" and not moved.orphaned
    assert results[1].orphaned and results[1].target == gone.target
    assert results[2] is third


def test_an_orphan_whose_text_comes_back_is_placed_again(lighthouse: Path) -> None:
    book = open_book(lighthouse)
    annotation = mark(book, 1, "the gulls had gone inland")
    orphan = Annotation(**{**annotation.__dict__, "orphaned": True})
    again = resolve_all(book, [orphan])[0]
    assert not again.orphaned and again.target == annotation.target


@pytest.mark.parametrize(
    "target",
    [
        TextTarget(section=7, start=0, end=5, exact="lamp "),
        TextTarget(section=-1, start=-4, end=-9, exact="dusk"),
        TextTarget(section=0, start=10_000, end=3, exact="x", prefix="", suffix="y"),
        TextTarget(section=0, start=5, end=5, exact=""),
    ],
)
def test_nonsense_targets_never_raise(target: TextTarget) -> None:
    texts = SectionTexts.of_strings(["The lamp was lit at dusk.", ""])
    result = resolve(Annotation(Kind.HIGHLIGHT, target), texts)
    assert result.orphaned or points_at_its_text(result, texts)


def test_an_empty_book_orphans_everything_but_raises_nothing() -> None:
    empty = SectionTexts.of_strings([])
    for kind in Kind:
        annotation = Annotation(kind, TextTarget(0, 0, 4, "lamp" if kind is Kind.HIGHLIGHT else ""))
        assert resolve(annotation, empty).orphaned


# --- edits ----------------------------------------------------------------------------------


def test_text_inserted_before_the_highlight(lighthouse: Path, tmp_path: Path) -> None:
    book = open_book(lighthouse)
    annotation = mark(book, 0, "a flask of tea under her arm")
    edited = open_book(
        edited_copy(tmp_path, lighthouse, ("The lamp was lit", "Every evening, the lamp was lit"))
    )
    (result,) = resolve_all(edited, [annotation])
    assert not result.orphaned and result.target.exact == annotation.target.exact
    assert result.target.start == annotation.target.start + len("Every evening, t") - 1
    assert result.original_exact == ""  # the quote reads the same
    assert points_at_its_text(result, edited)


def test_a_typo_fixed_inside_the_quote(lighthouse: Path, tmp_path: Path) -> None:
    typo = open_book(edited_copy(tmp_path, lighthouse, ("westerly gale", "westrely gale")))
    annotation = mark(typo, 0, "the stairs made in a westrely gale and the smell")
    (result,) = resolve_all(open_book(lighthouse), [annotation])
    assert result.target.exact == "the stairs made in a westerly gale and the smell"
    assert result.original_exact == "the stairs made in a westrely gale and the smell"
    # Anchored again after a second edit, the quote as first made is kept.
    again = resolve_all(
        open_book(edited_copy(tmp_path, lighthouse, ("westerly gale", "westerly storm"))),
        [result],
    )[0]
    assert again.target.exact == "the stairs made in a westerly storm and the smell"
    assert again.original_exact == "the stairs made in a westrely gale and the smell"


def test_the_paragraph_moved_to_another_chapter(lighthouse: Path, tmp_path: Path) -> None:
    book = open_book(lighthouse)
    paragraph = "Ships passed in the night without knowing her name, and she preferred it that way."
    annotation = mark(book, 0, "without knowing her name")
    edited = open_book(
        edited_copy(
            tmp_path,
            lighthouse,
            (paragraph + "\n\n", ""),
            ("and the gulls came back.", "and the gulls came back.\n\n" + paragraph),
        )
    )
    (result,) = resolve_all(edited, [annotation])
    assert (result.target.section, result.target.exact) == (2, "without knowing her name")
    assert not result.orphaned and points_at_its_text(result, edited)


def test_the_paragraph_deleted_leaves_an_orphan_with_its_quote(
    lighthouse: Path, tmp_path: Path
) -> None:
    book = open_book(lighthouse)
    annotation = mark(book, 1, "because the pencil shook too much").edited(note="why?")
    paragraph = book.section_text(1).split("\n\n")[2] + "\n\n"
    edited = open_book(edited_copy(tmp_path, lighthouse, (paragraph, "")))
    (result,) = resolve_all(edited, [annotation])
    assert result.orphaned
    assert result.target == annotation.target and result.note == "why?"
    assert result.quote == "because the pencil shook too much"


def test_a_repeated_sentence_is_told_apart_by_its_context(lighthouse: Path, tmp_path: Path) -> None:
    book = open_book(lighthouse)
    first, last = mark(book, 0, REPEATED), mark(book, 2, REPEATED)
    # Both chapters change before the sentence; the last chapter's copy now also
    # stands first in chapter 1, where the first one was.
    edited = open_book(
        edited_copy(
            tmp_path,
            lighthouse,
            ("Nothing else changed. ", ""),
            ("Marguerite had kept", "Nothing else changed. " + REPEATED + " Marguerite had kept"),
        )
    )
    got_first, got_last = resolve_all(edited, [first, last])
    assert got_first.target.section == 0 and got_last.target.section == 2
    text0 = edited.section_text(0)
    assert got_first.target.start == text0.index(REPEATED, text0.index(REPEATED) + 1)
    assert points_at_its_text(got_first, edited) and points_at_its_text(got_last, edited)


def test_a_changed_word_snaps_to_whole_words(lighthouse: Path, tmp_path: Path) -> None:
    book = open_book(lighthouse)
    annotation = mark(book, 1, "the pencil shook too much to be legible")
    edited = open_book(edited_copy(tmp_path, lighthouse, ("to be legible", "to be readable")))
    (result,) = resolve_all(edited, [annotation])
    assert result.target.exact == "the pencil shook too much to be readable"
    assert result.original_exact == annotation.quote


def test_chinese_insertion_and_edit_without_word_boundaries(tea: Path, tmp_path: Path) -> None:
    book = open_book(tea)
    annotation = mark(book, 1, "年轻人每天读书到深夜，白天帮老人劈柴、挑水")
    edited = open_book(
        edited_copy(
            tmp_path,
            tea,
            ("那年秋天，", "那年秋天，天气特别好，"),
            ("白天帮老人劈柴、挑水", "白天帮老人砍柴、挑水"),
        )
    )
    (result,) = resolve_all(edited, [annotation])
    assert result.target.exact == "年轻人每天读书到深夜，白天帮老人砍柴、挑水"
    assert result.original_exact == annotation.quote


def test_a_short_quote_needs_its_context(tea: Path, tmp_path: Path) -> None:
    book = open_book(tea)
    # 清茶 occurs in every chapter; the one in chapter 2 is meant.
    annotation = mark(book, 1, "清茶")
    shifted = open_book(edited_copy(tmp_path, tea, ("山上的清晨", "每一天，山上的清晨")))
    assert resolve_all(shifted, [annotation])[0] is annotation  # its own chapter did not change
    moved_in_chapter = open_book(edited_copy(tmp_path, tea, ("那年秋天，", "那年秋天，天气很好，")))
    (result,) = resolve_all(moved_in_chapter, [annotation])
    assert (result.target.section, result.target.exact) == (1, "清茶")
    assert result.target.start == annotation.target.start + len("天气很好，")
    rewritten = open_book(
        edited_copy(tmp_path, tea, ("老人没有多问，只给他倒了一杯清茶。", "老人请他进屋坐下。"))
    )
    # Its context is gone: the other chapters' 清茶 are not it.
    assert resolve_all(rewritten, [annotation])[0].orphaned


def test_a_long_quote_with_edits_inside(tea: Path, tmp_path: Path) -> None:
    text = (FIXTURES / "tea.md").read_text(encoding="utf-8")
    body = "".join(
        f"第{i}段：" + "云从山谷里慢慢升起，又慢慢散开。" * 3 + "\n\n" for i in range(40)
    )
    tea.write_text(text.replace("# 第二章 来客\n", "# 第二章 来客\n\n" + body), encoding="utf-8")
    book = open_book(tea)
    section = book.section_text(1)
    start = section.index("第5段")
    annotation = Annotation(Kind.HIGHLIGHT, TextTarget.from_text(1, section, start, start + 600))
    assert len(annotation.quote) == 600
    edited = tmp_path / "edited.md"
    edited.write_text(
        tea.read_text(encoding="utf-8")
        .replace("第7段：", "第七段（新）：")
        .replace("第2段：", "第二段：插入了一句话。"),
        encoding="utf-8",
    )
    edited_book = open_book(edited)
    (result,) = resolve_all(edited_book, [annotation])
    assert not result.orphaned
    assert result.target.exact.startswith("第5段")
    assert similarity(result.target.exact, annotation.quote) >= 0.95
    assert points_at_its_text(result, edited_book)


# --- positions: bookmarks and stand-alone notes ---------------------------------------------


def test_a_bookmark_follows_its_context() -> None:
    before = SectionTexts.of_strings(["Chapter one.\n\nShe climbed the steps. The lamp was lit."])
    bookmark = position(before, 0, "She climbed the steps. ", Kind.BOOKMARK)
    after = SectionTexts.of_strings(
        ["Chapter one.\n\nA new opening paragraph.\n\nShe climbed the steps. The lamp was lit."]
    )
    result = resolve(bookmark, after)
    assert result.target.start == after.text(0).index("The lamp") and not result.orphaned


@pytest.mark.parametrize(
    ("heading", "paragraph", "before", "inserted"),
    [
        (
            "Chapter 1: The Ferry",
            "The ferry left from the east end of the town. Old Zhou rowed it every morning.",
            "The fe",
            "(Edited from the manuscript.)",
        ),
        (
            "序",
            "我在江边住了十二年。每天清晨，江水从磨坊旁慢慢流过，像一个不肯醒来的人。",
            "我在江边住了",
            "（编者按：本章据作者手稿重新整理。）",
        ),
    ],
)
def test_a_bookmark_follows_its_paragraph_when_one_is_inserted_above_it(
    heading: str, paragraph: str, before: str, inserted: str
) -> None:
    # Near a chapter's start the stored prefix is short or mostly the heading; a
    # paragraph inserted under the heading leaves only the suffix whole.
    old = SectionTexts.of_strings([f"{heading}\n\n{paragraph}\n"])
    bookmark = position(old, 0, before, Kind.BOOKMARK)
    new = SectionTexts.of_strings([f"{heading}\n\n{inserted}\n\n{paragraph}\n"])
    result = resolve(bookmark, new)
    assert not result.orphaned
    assert result.target.start == new.text(0).index(paragraph) + len(before)


def test_a_bookmark_at_a_paragraph_start_goes_with_its_paragraph() -> None:
    first = "The keeper wrote in the log every night at nine, before the lamp was trimmed."
    second = "She climbed the steps to the lamp room, as she did every evening of the year."
    old = SectionTexts.of_strings([f"Chapter one\n\n{first}\n\n{second}\n"])
    bookmark = position(old, 0, f"{first}\n\n", Kind.BOOKMARK)  # the top of the page
    inserted = "A paragraph the editor added between the two, long enough to matter."
    new = SectionTexts.of_strings([f"Chapter one\n\n{first}\n\n{inserted}\n\n{second}\n"])
    result = resolve(bookmark, new)
    assert not result.orphaned
    assert result.target.start == new.text(0).index(second)


def test_a_note_at_a_position_follows_its_context_approximately() -> None:
    text = "The wind backed south-west and freshened. Then she stopped writing in the log."
    note = position(SectionTexts.of_strings([text]), 0, "freshened. ", Kind.NOTE)
    edited = SectionTexts.of_strings(
        ["Preface.\n\n" + text.replace("backed south-west", "backed to the south-west")]
    )
    result = resolve(note, edited)
    assert not result.orphaned and result.target.exact == ""
    assert result.target.start == edited.text(0).index("Then she")


def test_a_bookmark_whose_context_is_gone_stays_in_its_section_clamped() -> None:
    before = SectionTexts.of_strings(["Intro.", "A long chapter about the lighthouse keeper. " * 5])
    bookmark = position(
        before, 1, "A long chapter about the lighthouse keeper. " * 3, Kind.BOOKMARK
    )
    after = SectionTexts.of_strings(["Intro.", "Rewritten entirely: gulls."])
    result = resolve(bookmark, after)
    assert not result.orphaned
    assert (result.target.section, result.target.start) == (1, len("Rewritten entirely: gulls."))
    gone = resolve(bookmark, SectionTexts.of_strings(["Only one section now."]))
    assert not gone.orphaned and gone.target.section == 0


def test_a_stand_alone_note_whose_context_is_gone_is_orphaned() -> None:
    before = SectionTexts.of_strings(["The keeper wrote in the log every night at nine."])
    note = position(before, 0, "in the log ", Kind.NOTE)
    result = resolve(note, SectionTexts.of_strings(["Something else entirely, about gulls."]))
    assert result.orphaned and result.target == note.target


def test_similar_but_different_text_is_not_taken_for_the_quote() -> None:
    texts = SectionTexts.of_strings(
        ["The lamp was lit at dusk.\n\nThe lamp was trimmed at dawn, as it always had been."]
    )
    annotation = mark(texts, 0, "The lamp was lit at dusk.")
    result = resolve(annotation, SectionTexts.of_strings(["The lamp was trimmed at dawn."]))
    assert result.orphaned
    assert (
        similarity("The lamp was lit at dusk.", "The lamp was trimmed at dawn.") < QUOTE_THRESHOLD
    )


def test_an_imported_quote_without_a_position_is_placed() -> None:
    """Imports that carry only a quote come with section/start/end -1 (not placed yet)."""
    texts = SectionTexts.of_strings(["Chapter one.", "The lamp was lit at dusk, as always."])
    imported = Annotation(
        Kind.HIGHLIGHT, TextTarget(-1, -1, -1, "lit at dusk", "The lamp was ", ",")
    )
    result = resolve(imported, texts)
    assert (result.target.section, result.target.start) == (1, len("The lamp was "))
    assert not result.orphaned and result.original_exact == ""
    lost = Annotation(Kind.BOOKMARK, TextTarget(-1, -1, -1, "", "Nowhere in this ", "book at all"))
    assert resolve(lost, texts).orphaned


def test_quote_only_selector_is_found_without_context(tmp_path) -> None:
    # Other W3C tools often write just `exact`: that still selects its text.
    from readmark.core.anchoring import resolve_all
    from readmark.core.annotations import Annotation, Kind, TextTarget
    from readmark.core.formats import open_book

    path = tmp_path / "b.md"
    path.write_text("# One\n\nIt was a quiet morning. The birds sang.\n\n# Two\n\nAnother day.\n")
    book = open_book(path)
    for section, start in ((-1, -1), (1, 0)):
        quote = Annotation(Kind.HIGHLIGHT, TextTarget(section, start, start, "quiet morning"))
        placed = resolve_all(book, [quote])[0]
        assert not placed.orphaned
        assert placed.target.section == 0
        text = book.section_text(0)
        assert text[placed.target.start : placed.target.end] == "quiet morning"


def test_resolve_all_says_how_far_it_is_and_stops_when_told(lighthouse: Path) -> None:
    book = open_book(lighthouse)
    annotation = mark(book, 0, "eleven winters")
    many = [annotation] * 60
    heard: list[tuple[int, int]] = []
    resolve_all(book, many, lambda done, total: heard.append((done, total)))
    assert heard == [(0, 60), (25, 60), (50, 60), (60, 60)]

    class StopError(Exception):
        pass

    def stop_midway(done: int, _total: int) -> None:
        if done >= 25:
            raise StopError

    with pytest.raises(StopError):  # the window's Cancel raises there: nothing is returned
        resolve_all(book, many, stop_midway)
