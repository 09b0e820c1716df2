"""Anchoring under random edits (hypothesis), and the fast path on a 3 MB book."""

from __future__ import annotations

import random
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from readmark.core.anchoring import (
    QUOTE_THRESHOLD,
    SHORT_QUOTE,
    SectionTexts,
    resolve,
    resolve_all,
    similarity,
)
from readmark.core.annotations import Annotation, Kind, TextTarget
from readmark.core.formats import open_book

WORDS = (
    "lamp keeper storm gull harbour tide rope ladder lantern window night morning "
    "the a of and in she he it was had came went"
).split() + "清茶 山上 老人 年轻人 群众 工作 人民 创造力 历史 发展 书包 秋天".split()


@st.composite
def sentences(draw: st.DrawFn) -> str:
    words = draw(st.lists(st.sampled_from(WORDS), min_size=2, max_size=12))
    text = "".join(w if not w.isascii() else w + " " for w in words).strip()
    return text + ("." if words[-1].isascii() else "。")


@st.composite
def chapters(draw: st.DrawFn) -> str:
    paragraphs = draw(
        st.lists(st.lists(sentences(), min_size=1, max_size=4), min_size=1, max_size=5)
    )
    return "\n\n".join(" ".join(p) for p in paragraphs)


Edit = tuple[str, int, float, int, str, int]
edits = st.tuples(
    st.sampled_from(["insert", "delete", "replace", "move"]),
    st.integers(0, 10),  # section (modulo the count)
    st.floats(0, 1),  # where in it
    st.integers(1, 60),  # how much to delete or replace
    sentences(),  # what to insert
    st.integers(0, 10),  # the section a paragraph moves to
)


def apply(texts: list[str], edit: Edit) -> list[str]:
    kind, section, where, length, words, to = edit
    texts = list(texts)
    section %= len(texts)
    text = texts[section]
    at = int(where * len(text))
    if kind == "insert":
        texts[section] = text[:at] + words + text[at:]
    elif kind == "delete":
        texts[section] = text[:at] + text[at + length :]
    elif kind == "replace":
        texts[section] = text[:at] + words[: max(1, length // 4)] + text[at + length // 4 :]
    else:
        paragraphs = text.split("\n\n")
        paragraph = paragraphs.pop(int(where * (len(paragraphs) - 1)))
        texts[section] = "\n\n".join(paragraphs)
        target = texts[to % len(texts)].split("\n\n")
        target.insert(length % (len(target) + 1), paragraph)
        texts[to % len(texts)] = "\n\n".join(target)
    return texts


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    book=st.lists(chapters(), min_size=2, max_size=4),
    spans=st.lists(
        st.tuples(
            st.integers(0, 10),
            st.floats(0, 1),
            st.integers(0, 80),
            st.sampled_from([Kind.HIGHLIGHT, Kind.HIGHLIGHT, Kind.NOTE, Kind.BOOKMARK]),
        ),
        min_size=1,
        max_size=12,
    ),
    changes=st.lists(edits, min_size=1, max_size=4),
)
def test_random_edits_never_lose_an_annotation_silently(
    book: list[str], spans: list[tuple[int, float, int, Kind]], changes: list[Edit]
) -> None:
    annotations = []
    for section, where, length, kind in spans:
        section %= len(book)
        start = int(where * len(book[section]))
        end = start if kind is Kind.BOOKMARK else start + length
        target = TextTarget.from_text(section, book[section], start, end)
        annotations.append(Annotation(kind, target))
    edited = book
    for change in changes:
        edited = apply(edited, change)
    texts = SectionTexts.of_strings(edited)

    results = [resolve(a, texts) for a in annotations]

    assert [r.id for r in results] == [a.id for a in annotations]
    for before, after in zip(annotations, results, strict=True):
        if after.orphaned:
            assert after.target == before.target
            continue
        t = after.target
        assert texts.text(t.section)[t.start : t.end] == t.exact
        if len(before.quote) <= SHORT_QUOTE:
            assert t.exact == before.quote or before.kind is Kind.BOOKMARK
        elif before.quote and before.kind is not Kind.BOOKMARK:
            assert similarity(t.exact, before.quote) >= QUOTE_THRESHOLD
        assert after.original_exact == ("" if t.exact == before.quote else before.quote)


def test_resolve_all_on_unchanged_random_books_is_the_identity() -> None:
    rng = random.Random(7)
    book = [" ".join(rng.choice(WORDS) for _ in range(400)) for _ in range(5)]
    texts = SectionTexts.of_strings(book)
    annotations = []
    for _ in range(300):
        section = rng.randrange(5)
        start = rng.randrange(len(book[section]))
        end = min(len(book[section]), start + rng.randrange(0, 40))
        annotations.append(
            Annotation(Kind.HIGHLIGHT, TextTarget.from_text(section, book[section], start, end))
        )
    assert all(resolve(a, texts) is a for a in annotations)


def generated_book(path: Path, size: int = 3_000_000) -> Path:
    """A Markdown book of about `size` characters: chapters of paragraphs of random words."""
    rng = random.Random(3)
    words = [w for w in WORDS if w.isascii()] + "river mountain letter garden silver".split()
    parts, total, number = [], 0, 0
    while total < size:
        number += 1
        paragraphs = [
            " ".join(rng.choice(words) for _ in range(rng.randint(20, 120))).capitalize() + "."
            for _ in range(rng.randint(10, 30))
        ]
        chapter = f"# Chapter {number}\n\n" + "\n\n".join(paragraphs) + "\n\n"
        parts.append(chapter)
        total += len(chapter)
    path.write_text("".join(parts), encoding="utf-8")
    return path


@pytest.mark.slow  # converting 3 MB of Markdown twice takes a few seconds
def test_ten_thousand_unchanged_annotations_on_a_3_mb_book_take_the_fast_path(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    book = open_book(generated_book(tmp_path / "big.md"))
    texts = [book.section_text(i) for i in range(len(book.sections))]
    assert sum(map(len, texts)) > 2_900_000
    rng = random.Random(11)
    annotations = []
    for n in range(10_000):
        section = n % len(texts)
        start = rng.randrange(len(texts[section]) - 100)
        end = start + rng.choice([0, 2, 15, 60, 100])
        kind = Kind.BOOKMARK if end == start else Kind.HIGHLIGHT
        annotations.append(
            Annotation(kind, TextTarget.from_text(section, texts[section], start, end))
        )

    # Every search for a moved quote (exact, then approximate) walks the sections
    # nearest first; the fast path only looks where each annotation was.
    searches = []
    real_nearest_first = SectionTexts.nearest_first
    monkeypatch.setattr(
        SectionTexts,
        "nearest_first",
        lambda texts, index: searches.append(index) or real_nearest_first(texts, index),
    )
    loads = []
    real_load = book.section_text
    monkeypatch.setattr(book, "section_text", lambda i: loads.append(i) or real_load(i))

    results = resolve_all(book, annotations)

    assert searches == []
    assert sorted(loads) == list(range(len(texts)))  # each section converted once
    assert all(a is b for a, b in zip(annotations, results, strict=True))
