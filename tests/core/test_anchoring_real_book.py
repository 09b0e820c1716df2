"""Anchoring on the real books in ../shared/books: edits made to a copy, repair toggled."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from readmark.core.anchoring import QUOTE_THRESHOLD, resolve_all, similarity
from readmark.core.annotations import Annotation, Kind, TextTarget
from readmark.core.book import Book, LoadOptions
from readmark.core.formats import open_book

CHINESE = "000_25b2869f1a30fd56.txt"
PREFACE = 2  # 前 言: the long section, where the paragraphs split at page breaks are
CONTENTS = 3  # 目 录, the last section
ACROSS_THE_SPLIT = "依靠人民群众的创造"  # …创造 ‖ 力,不断提高… is one paragraph cut in two


def mark(book: Book, section: int, phrase: str, occurrence: int = 0) -> Annotation:
    text = book.section_text(section)
    start = -1
    for _ in range(occurrence + 1):
        start = text.find(phrase, start + 1)
        assert start >= 0, f"{phrase!r} not in section {section}"
    return Annotation(
        Kind.HIGHLIGHT, TextTarget.from_text(section, text, start, start + len(phrase))
    )


def at(book: Book, annotation: Annotation) -> str:
    t = annotation.target
    return book.section_text(t.section)[t.start : t.end]


@pytest.fixture
def chinese(shared_books: Path, tmp_path: Path) -> Path:
    copy = tmp_path / CHINESE
    shutil.copy(shared_books / CHINESE, copy)
    return copy


def edit(path: Path, old: str, new: str, count: int = 1) -> Path:
    text = path.read_text(encoding="utf-8")
    assert old in text, old
    edited = path.with_name(f"edited-{len(list(path.parent.iterdir()))}{path.suffix}")
    edited.write_text(text.replace(old, new, count), encoding="utf-8")
    return edited


def paragraph_starting(path: Path, start: str) -> str:
    """The whole source line (a paragraph) that begins with `start`."""
    (line,) = [
        line for line in path.read_text(encoding="utf-8").splitlines() if line.startswith(start)
    ]
    return line


def test_unchanged_real_book_takes_the_fast_path(chinese: Path) -> None:
    book = open_book(chinese)
    annotations = [
        mark(book, PREFACE, "群众工作的本质是密切党群关系"),
        mark(book, CONTENTS, "务实"),
    ]
    assert all(a is b for a, b in zip(annotations, resolve_all(book, annotations), strict=True))


def test_text_inserted_before_the_highlight(chinese: Path) -> None:
    book = open_book(chinese)
    quote = "资产阶级的捧场则可能征服我们队伍中的意志薄弱者"
    annotations = [mark(book, PREFACE, quote), mark(book, PREFACE, "两个务必")]
    inserted = "这是编辑新加的一段话，用来检验标注能否跟着文字移动。\n\n"
    edited = open_book(
        edit(chinese, "新中国成立以后，中国共产党", inserted + "新中国成立以后，中国共产党")
    )
    results = resolve_all(edited, annotations)
    for before, after in zip(annotations, results, strict=True):
        assert not after.orphaned and after.target.exact == before.quote == at(edited, after)
        assert after.target.start == before.target.start + len(inserted)
        assert after.original_exact == ""


def test_a_typo_fixed_inside_the_quote(chinese: Path) -> None:
    typo = open_book(edit(chinese, "党同人民群众的血肉联系", "党同人民群众的血肉连系"))
    annotation = mark(typo, PREFACE, "进一步密切党同人民群众的血肉连系，充分地尊重")
    (result,) = resolve_all(open_book(chinese), [annotation])
    assert result.target.exact == "进一步密切党同人民群众的血肉联系，充分地尊重"
    assert result.original_exact == "进一步密切党同人民群众的血肉连系，充分地尊重"
    assert result.target.section == PREFACE and not result.orphaned


def test_the_paragraph_moved_to_another_chapter(chinese: Path) -> None:
    paragraph = paragraph_starting(chinese, "开展群众工作,是中国共产党依据")
    book = open_book(chinese)
    annotation = mark(book, PREFACE, "从全心全意为人民服务的根本宗旨出发")
    moved = edit(chinese, paragraph + "\n", "")
    moved.write_text(moved.read_text(encoding="utf-8") + "\n" + paragraph + "\n", encoding="utf-8")
    edited = open_book(moved)
    (result,) = resolve_all(edited, [annotation])
    assert result.target.section == CONTENTS and not result.orphaned
    assert result.target.exact == annotation.quote == at(edited, result)


def test_the_paragraph_deleted_leaves_an_orphan(chinese: Path) -> None:
    paragraph = paragraph_starting(chinese, "开展群众工作,是中国共产党依据")
    book = open_book(chinese)
    annotations = [
        mark(book, PREFACE, "从全心全意为人民服务的根本宗旨出发"),
        mark(book, PREFACE, "执政党的建设规律"),  # short, but with its context gone
        mark(book, PREFACE, "不愧英雄的称号"),  # elsewhere: must still be found
    ]
    edited = open_book(edit(chinese, paragraph + "\n", ""))
    gone, short, kept = resolve_all(edited, annotations)
    assert gone.orphaned and gone.target == annotations[0].target and gone.quote
    assert short.orphaned and short.target == annotations[1].target
    assert not kept.orphaned and kept.target.exact == "不愧英雄的称号"


def test_a_repeated_phrase_is_told_apart_by_its_context(chinese: Path) -> None:
    book = open_book(chinese)
    # 人民群众是历史的创造者 occurs twice in the preface; the second is meant.
    annotation = mark(book, PREFACE, "人民群众是历史的创造者", occurrence=1)
    # Text inserted between them moves the second occurrence further from its old
    # offset than the first one is: only the context can tell which is meant.
    filler = "补充说明：" + "群众工作需要耐心细致。" * 300 + "\n\n"
    edited = open_book(
        edit(chinese, "新中国成立以后，中国共产党", filler + "新中国成立以后，中国共产党")
    )
    (result,) = resolve_all(edited, [annotation])
    text = edited.section_text(PREFACE)
    first = text.index("人民群众是历史的创造者")
    second = text.index("人民群众是历史的创造者", first + 1)
    assert abs(first - annotation.target.start) < abs(second - annotation.target.start)
    assert result.target.start == second and result.target.prefix.endswith("依据“")


@pytest.mark.parametrize(("made_with", "opened_with"), [(True, False), (False, True)])
def test_repair_toggled_moves_highlights_to_the_same_words(
    chinese: Path, made_with: bool, opened_with: bool
) -> None:
    made = open_book(chinese, LoadOptions(repair=made_with))
    opened = open_book(chinese, LoadOptions(repair=opened_with))
    text = made.section_text(PREFACE)
    split = text.index(ACROSS_THE_SPLIT)
    across = Annotation(
        Kind.HIGHLIGHT, TextTarget.from_text(PREFACE, text, split, split + 26)
    )  # …依靠人民群众的创造 ‖ 力，不断提高人民群众的…
    later = mark(made, PREFACE, "存在于少数党员干部中的形式主义和官僚主义")
    got_across, got_later = resolve_all(opened, [across, later])

    assert not got_later.orphaned and got_later.target.exact == later.quote
    assert at(opened, got_later) == later.quote

    assert not got_across.orphaned and at(opened, got_across) == got_across.target.exact
    joined = "依靠人民群众的创造力，不断提高人民群众的"
    split_apart = "依靠人民群众的创造\n\n力,不断提高人民群众的"
    expected = split_apart if not opened_with else joined
    assert got_across.target.exact.startswith(expected)
    assert got_across.original_exact == across.quote
    assert similarity(got_across.target.exact, across.quote) >= QUOTE_THRESHOLD


def test_repair_toggled_orphans_a_short_quote_torn_by_the_split(chinese: Path) -> None:
    """Four characters of which the split takes a third: not enough left to be sure."""
    joined = open_book(chinese, LoadOptions(repair=True))
    annotation = mark(joined, PREFACE, "创造力，不")
    (result,) = resolve_all(open_book(chinese, LoadOptions(repair=False)), [annotation])
    assert result.orphaned and result.target == annotation.target


def test_an_english_book_edited(shared_books: Path, tmp_path: Path) -> None:
    alice = tmp_path / "alice.txt"
    shutil.copy(shared_books / "11-0.txt", alice)
    book = open_book(alice)
    section = len(book.sections) - 1
    annotations = [
        mark(book, 1, "considering in her own mind (as well as she could, for the hot day"),
        mark(book, section, "the Mock Turtle"),
        mark(book, 8, "“Off with his head!”"),
    ]
    original = alice.read_text(encoding="utf-8")
    insertion = "A NOTE FROM THE EDITOR.\n\nThis edition adds a paragraph here.\n\n"
    start = "Alice was beginning to get very tired"
    assert start in original and "\nhot day made her feel" in original  # hard-wrapped
    edited_text = original.replace(start, insertion + start, 1)
    edited_text = edited_text.replace("\nhot day made her feel", "\nwarm day made her feel", 1)
    edited_path = tmp_path / "alice-edited.txt"
    edited_path.write_text(edited_text, encoding="utf-8")
    edited = open_book(edited_path)
    results = resolve_all(edited, annotations)
    assert [r.id for r in results] == [a.id for a in annotations]
    first, *rest = results
    assert (
        first.target.exact == "considering in her own mind (as well as she could, for the warm day"
    )
    assert first.original_exact == annotations[0].quote
    for before, after in zip(annotations[1:], rest, strict=True):
        assert not after.orphaned and after.target.exact == before.quote == at(edited, after)
