"""Shared fixtures: a private home for every test, offscreen Qt, the shared real books."""

from __future__ import annotations

import importlib.util
import os
import sys
from pathlib import Path
from types import ModuleType

import pytest

# Before anything imports Qt: no test opens a window on the developer's screen.
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

TESTS = Path(__file__).resolve().parent
REPO = TESTS.parent
# Beside the clone; a worktree one folder deeper (wt/<name>) finds them beside its parent.
SHARED_BOOKS = next(
    (
        p
        for p in (REPO.parent / "shared" / "books", REPO.parent.parent / "shared" / "books")
        if p.is_dir()
    ),
    REPO.parent / "shared" / "books",
)


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
    assert SHARED_BOOKS.is_dir(), (
        f"{SHARED_BOOKS} is absent: the tests read the real books kept beside the clone"
    )
    return SHARED_BOOKS


def _same_book_module() -> ModuleType:
    name = "same_book_fixtures"
    if name not in sys.modules:
        script = TESTS / "fixtures" / "same_book" / "make_fixtures.py"
        spec = importlib.util.spec_from_file_location(name, script)
        assert spec and spec.loader
        module = importlib.util.module_from_spec(spec)
        sys.modules[name] = module  # dataclasses look their module up while being made
        spec.loader.exec_module(module)
    return sys.modules[name]


@pytest.fixture
def same_book() -> ModuleType:
    """tests/fixtures/same_book/make_fixtures.py: one book, written as Markdown,
    EPUB, plain text and HTML (`write(book, folder)` → {format: path})."""
    return _same_book_module()


@pytest.fixture(params=["markdown", "epub", "plaintext", "html"])
def book_format(request: pytest.FixtureRequest) -> str:
    """Run a test once for each format of the same book."""
    return request.param


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    """Mark tests by folder: tests/ui -> gui, tests/e2e -> e2e."""
    folders = {TESTS / "ui": pytest.mark.gui, TESTS / "e2e": pytest.mark.e2e}
    for item in items:
        path = Path(str(item.path)).resolve()
        for folder, mark in folders.items():
            if folder in path.parents:
                item.add_marker(mark)
