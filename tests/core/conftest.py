"""Fixtures for the Qt-free core tests (`shared_books` comes from tests/conftest.py)."""

from __future__ import annotations

from pathlib import Path

import pytest

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "markdown"


@pytest.fixture
def md_fixtures() -> Path:
    """Small Markdown and binary files made by tests/fixtures/markdown/make_fixtures.py."""
    return FIXTURES
