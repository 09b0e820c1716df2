"""`readmark WORD…` with any mix of books, missing files, relative names, repeats and
links (hypothesis): `launch.prepare` either refuses with one line and exit 2, naming
a word that cannot be used, or starts with the first word and the others as
absolute paths or links, each once and never the first again. It never raises."""

from __future__ import annotations

import argparse
import os
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from readmark import launch

LINK = "readmark://open?book=0123&quote=x"


@pytest.fixture
def folder(tmp_path: Path, readmark_home: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    for name in ("a.md", "b.epub", "c d.txt"):
        (tmp_path / name).write_text("# A book\n", encoding="utf-8")
    monkeypatch.chdir(tmp_path)  # relative names are read from here
    return tmp_path


WORDS = st.sampled_from(["a.md", "b.epub", "c d.txt", "./a.md", "missing.md", LINK])


@settings(
    max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(words=st.lists(WORDS, max_size=6))
def test_prepare_opens_the_first_and_hands_on_the_rest_once(folder: Path, words: list[str]):
    refused: list[str] = []
    args = argparse.Namespace(
        book=words,
        lang="en",
        new_instance=True,  # no socket: what is prepared is the question
        smoke_test=False,
        install_desktop=False,
        uninstall_desktop=False,
    )
    start = launch.prepare(args, lambda _lang: None, lambda line: refused.append(line) or 2)

    if isinstance(start, int):
        assert start == 2 and len(refused) == 1
        # A missing file, or a first link whose book is not in this (empty) library.
        assert "missing.md" in refused[0] or (words[0] == LINK and "link" in refused[0])
        return
    assert refused == [] and "missing.md" not in words
    assert start.link is None  # a first link is refused here: the library is empty
    if not words:
        assert start.book is None and start.others == []
        return
    first = os.path.abspath(words[0])
    assert start.book is not None and str(start.book.absolute()) == first
    expected: list[str] = []
    for word in words[1:]:
        target = word if word == LINK else os.path.abspath(word)
        if target not in expected and target != first:
            expected.append(target)
    assert start.others == expected
