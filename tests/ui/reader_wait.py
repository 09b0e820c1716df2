"""Waiting for the page, as a reader does: a section not converted yet arrives
from the background a moment after it was asked for."""

from __future__ import annotations


def wait_shown(qtbot, reader, timeout: int = 10_000) -> None:
    """Until the section asked for last is on screen."""
    qtbot.waitUntil(lambda: not reader.is_preparing(), timeout=timeout)


def window_answers(qtbot, window) -> None:
    """While long work runs: a key press on the page and a menu command's shortcut
    both act at once."""
    from PySide6.QtCore import Qt

    reader = window.reader
    reader.setFocus()
    bar = reader.verticalScrollBar()
    before = bar.value()
    qtbot.keyClick(reader, Qt.Key.Key_PageDown)
    assert bar.value() > before
    shown = window.toc.isVisible()
    qtbot.keyClick(reader, Qt.Key.Key_F9)  # View › Table of Contents
    assert window.toc.isVisible() is not shown
