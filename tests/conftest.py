"""Shared fixtures: a private home for every test, offscreen Qt, the shared real books."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

# Before anything imports Qt: no test opens a window on the developer's screen.
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

TESTS = Path(__file__).resolve().parent
REPO = TESTS.parent
SHARED_BOOKS = REPO.parent / "shared" / "books"


@pytest.fixture(autouse=True)
def readmark_home(
    tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch
) -> Path:
    """Every test gets its own READMARK_HOME, so none touches the user's real folders."""
    home = tmp_path_factory.mktemp("readmark-home")
    monkeypatch.setenv("READMARK_HOME", str(home))
    return home


@pytest.fixture
def shared_books() -> Path:
    """The real books in ../shared/books (see its README for what each exercises)."""
    if not SHARED_BOOKS.is_dir():
        pytest.skip("../shared/books is absent (a user's clone); CI always has it")
    return SHARED_BOOKS


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    """Mark tests by folder: tests/ui -> gui, tests/e2e -> e2e."""
    folders = {TESTS / "ui": pytest.mark.gui, TESTS / "e2e": pytest.mark.e2e}
    for item in items:
        path = Path(str(item.path)).resolve()
        for folder, mark in folders.items():
            if folder in path.parents:
                item.add_marker(mark)
