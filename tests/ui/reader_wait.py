"""Waiting for the page, as a reader does: a section not converted yet arrives
from the background a moment after it was asked for."""

from __future__ import annotations


def wait_shown(qtbot, reader, timeout: int = 10_000) -> None:
    """Until the section asked for last is on screen."""
    qtbot.waitUntil(lambda: not reader.is_preparing(), timeout=timeout)
