"""Moving through a search's hits while they arrive section by section."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from readmark.core.search.hit_list import Hit, HitList


def test_hits_are_in_book_order_whatever_order_the_sections_arrive_in() -> None:
    hits = HitList()
    hits.add(5, [(10, 12), (40, 42)])
    hits.add(7, [(0, 2)])
    hits.add(6, [])  # searched, nothing found
    hits.add(1, [(3, 5)])
    assert hits.total == len(hits) == 4
    assert hits.sections == [1, 5, 7]
    assert [hits.at(i) for i in range(4)] == [
        Hit(1, 3, 5),
        Hit(5, 10, 12),
        Hit(5, 40, 42),
        Hit(7, 0, 2),
    ]
    with pytest.raises(IndexError):
        hits.at(4)


def test_the_first_hit_from_a_place_in_the_book() -> None:
    hits = HitList()
    hits.add(2, [(10, 12), (40, 42)])
    hits.add(4, [(0, 2)])
    assert hits.index_from(0, 0) == 0
    assert hits.index_from(2, 10) == 0
    assert hits.index_from(2, 11) == 1
    assert hits.index_from(3, 0) == 2
    assert hits.index_from(4, 1) == 3 == hits.total
    assert hits.index_of(Hit(2, 40, 42)) == 1
    assert hits.index_of(Hit(2, 41, 42)) is None


@given(st.dictionaries(st.integers(0, 30), st.lists(st.integers(0, 500), unique=True)))
def test_every_hit_is_at_its_index(found: dict[int, list[int]]) -> None:
    hits = HitList()
    for section, starts in found.items():
        hits.add(section, [(s, s + 1) for s in sorted(starts)])
    expected = sorted(Hit(sec, s, s + 1) for sec, starts in found.items() for s in starts)
    assert [hits.at(i) for i in range(hits.total)] == expected
    for index, hit in enumerate(expected):
        assert hits.index_of(hit) == index
        assert hits.index_from(hit.section, hit.start) == index
