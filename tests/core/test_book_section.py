"""A book's section: a value (equal, hashable, copied and pickled as one) that cannot
be changed once made, however it is made (core/book.py writes its fields itself)."""

from __future__ import annotations

import copy
import dataclasses
import pickle

import pytest
from hypothesis import given
from hypothesis import strategies as st

from readmark.core.book import Section

_sections = st.builds(
    Section,
    st.integers(0, 10_000),
    st.text(max_size=20),
    st.frozensets(st.text(max_size=8), max_size=4),
    st.integers(0, 10**7),
)


@given(_sections)
def test_a_section_is_a_value(section: Section) -> None:
    same = Section(section.index, section.title, section.anchors, section.size)
    assert same == section and hash(same) == hash(section)
    assert pickle.loads(pickle.dumps(section)) == section == copy.deepcopy(section)
    assert dataclasses.astuple(section) == (
        section.index,
        section.title,
        section.anchors,
        section.size,
    )
    assert dataclasses.replace(section, size=section.size + 1) != section


def test_a_section_has_its_defaults_and_names() -> None:
    section = Section(index=3, title="Chapter")
    assert (section.anchors, section.size) == (frozenset(), 0)
    assert repr(section) == "Section(index=3, title='Chapter', anchors=frozenset(), size=0)"


def test_a_section_cannot_be_changed() -> None:
    section = Section(0, "Front", frozenset({"front"}), 10)
    with pytest.raises(dataclasses.FrozenInstanceError):
        section.size = 11  # type: ignore[misc]
    with pytest.raises(dataclasses.FrozenInstanceError):
        del section.title
    assert section == Section(0, "Front", frozenset({"front"}), 10)
