"""The tooltip over a note in the reader: the note rendered as the panel shows it."""

from __future__ import annotations

from PySide6.QtGui import QTextDocument
from test_annotations_highlights import LEFT, drag_select, find, point_at
from test_annotations_notes import hover, note_dialog

from readmark.core.note_markdown import note_html

NOTE = (
    "**Why** so *slowly*?\n\n"
    "- it is summer\n"
    "- the mill is old\n\n"
    "<script>alert(1)</script> <img src=http://example.com/x.png> "
    "[a link](javascript:alert(1))"
)


def add_note(qtbot, window, text: str, note: str) -> tuple[int, int]:
    reader = window.reader
    start, end = find(reader, text)
    drag_select(qtbot, reader, start, end)
    popup = window.annotator.popup
    qtbot.waitUntil(popup.isVisible)
    qtbot.mouseClick(popup.note, LEFT)
    dialog = note_dialog(qtbot, window)
    dialog.editor.setPlainText(note)
    qtbot.mouseClick(dialog.ok_button(), LEFT)
    return start, end


def shown_text(markup: str) -> str:
    document = QTextDocument()
    document.setHtml(markup)
    return document.toPlainText()


def test_a_hovered_note_is_shown_rendered_and_safe(qtbot, make_window, open_and_wait, long_book):
    window = make_window()
    open_and_wait(window, long_book)
    start, _ = add_note(qtbot, window, "brown fox jumps", NOTE)
    tip = hover(qtbot, window.reader, point_at(window.reader, start + 2))
    assert tip == note_html(NOTE)  # as in the annotations panel and the export
    assert "<strong>Why</strong>" in tip and "<em>slowly</em>" in tip
    assert "<ul>" in tip and "<li>it is summer</li>" in tip
    assert "**" not in tip and "- it is" not in tip  # never the raw marks
    assert "<script" not in tip and "alert" not in tip
    assert "<img" not in tip and "example.com" not in tip
    assert "javascript" not in tip and "a link" in tip
    assert shown_text(tip).startswith("Why so slowly?")


def test_a_long_note_is_cut_with_its_markup_kept_whole(
    qtbot, make_window, open_and_wait, long_book
):
    window = make_window()
    open_and_wait(window, long_book)
    long_note = "**Start** " + "many words follow here " * 200
    start, _ = add_note(qtbot, window, "brown fox jumps", long_note)
    tip = hover(qtbot, window.reader, point_at(window.reader, start + 2))
    assert tip.startswith("<p><strong>Start</strong>") and tip.endswith("…</p>")
    text = shown_text(tip)
    assert 700 < len(text) <= 801  # limited as before: 800 characters and the ellipsis
