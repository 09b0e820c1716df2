"""The results list's model: chapters arriving in any order land in book order,
each followed by its hits, and the model stays consistent for Qt's views."""

from __future__ import annotations

import random

from hypothesis import given, settings
from hypothesis import strategies as st
from PySide6.QtCore import Qt

from readmark.core.search.hit_list import Hit
from readmark.ui.search.results_model import CONTEXT_ROLE, HIT_ROLE, ResultsModel

TEXT = "甲乙丙丁戊己庚辛壬癸" * 20


def model_with(batches: list[list[tuple[int, list[tuple[int, int]]]]]) -> ResultsModel:
    model = ResultsModel()
    model.reset(lambda section: f"第{section}章", lambda section: TEXT)
    for batch in batches:
        model.add(batch)
    return model


def rows(model: ResultsModel) -> list[object]:
    out: list[object] = []
    for row in range(model.rowCount()):
        index = model.index(row, 0)
        hit = index.data(HIT_ROLE)
        out.append(hit if hit is not None else index.data())
    return out


def test_chapters_arriving_in_any_order_are_listed_in_book_order(qtmodeltester) -> None:
    model = model_with([[(5, [(0, 1), (10, 11)])], [(7, [(3, 4)]), (9, [])], [(1, [(2, 3)])]])
    qtmodeltester.check(model, force_py=True)
    assert rows(model) == [
        "第1章 (1)",
        Hit(1, 2, 3),
        "第5章 (2)",
        Hit(5, 0, 1),
        Hit(5, 10, 11),
        "第7章 (1)",
        Hit(7, 3, 4),
    ]
    assert model.index_of_hit(Hit(5, 10, 11)).row() == 4
    assert not model.index_of_hit(Hit(5, 1, 2)).isValid()
    chapter = model.index(0, 0)
    assert not chapter.flags() & Qt.ItemFlag.ItemIsSelectable
    shown = model.index(1, 0).data(CONTEXT_ROLE)
    assert shown.hit == TEXT[2:3]


@given(st.dictionaries(st.integers(0, 40), st.lists(st.integers(0, 150), min_size=1, unique=True)))
@settings(max_examples=60)
def test_any_arrival_order_gives_the_same_list(found: dict[int, list[int]]) -> None:
    items = [(section, [(s, s + 1) for s in sorted(starts)]) for section, starts in found.items()]
    shuffled = items[:]
    random.Random(len(items)).shuffle(shuffled)
    batches = [shuffled[i : i + 3] for i in range(0, len(shuffled), 3)]
    model = model_with(batches)
    expected: list[object] = []
    for section, ranges in sorted(items):
        expected.append(f"第{section}章 ({len(ranges)})")
        expected += [Hit(section, a, b) for a, b in ranges]
    assert rows(model) == expected
    for row, item in enumerate(expected):
        if isinstance(item, Hit):
            assert model.index_of_hit(item).row() == row


def test_a_batch_over_several_gaps_is_inserted_once_per_gap_where_the_views_expect_it(
    qtmodeltester,
) -> None:
    # As when a search takes a part the background processes handed over together
    # with the sections it made itself from the far end of the book: one batch, its
    # sections falling between different listed ones.
    model = model_with([[(10, [(0, 1)]), (20, [(0, 1)]), (30, [(0, 1)])]])
    qtmodeltester.check(model, force_py=True)  # it watches every insertion from here
    inserted: list[tuple[int, int]] = []
    model.rowsInserted.connect(lambda _parent, first, last: inserted.append((first, last)))
    model.add([(1, [(0, 1)]), (2, [(0, 1), (2, 3)]), (25, [(0, 1)]), (40, [(0, 1)]), (41, [])])
    # One insertion per gap, the last first: chapters 40, then 25, then 1 and 2.
    assert inserted == [(6, 7), (4, 5), (0, 4)]
    assert [row for row in rows(model) if isinstance(row, str)] == [
        "第1章 (1)",
        "第2章 (2)",
        "第10章 (1)",
        "第20章 (1)",
        "第25章 (1)",
        "第30章 (1)",
        "第40章 (1)",
    ]
