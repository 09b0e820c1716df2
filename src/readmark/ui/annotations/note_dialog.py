"""Writing a note: the quoted passage above a multi-line editor (Markdown).

Opened window-modal with `open()`, never `exec()`: the event loop goes on and
the caller learns the result from `accepted`.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

_QUOTE_CHARS = 400


class NoteDialog(QDialog):
    def __init__(self, parent: QWidget, quote: str, note: str = "", context: str = "") -> None:
        """`quote` is the passage the note belongs to ("" for a note at a point);
        `context` says where it is (the chapter), shown when there is no quote."""
        super().__init__(parent)
        self.setObjectName("noteDialog")
        self.setWindowTitle(self.tr("Edit Note") if note else self.tr("Add Note"))
        layout = QVBoxLayout(self)
        shown = " ".join(quote.split())
        if len(shown) > _QUOTE_CHARS:
            shown = shown[:_QUOTE_CHARS] + "…"
        self.quote = QLabel(f"“{shown}”" if shown else context)
        self.quote.setObjectName("noteQuote")
        self.quote.setWordWrap(True)
        self.quote.setTextFormat(Qt.TextFormat.PlainText)
        self.quote.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        font = self.quote.font()
        font.setItalic(bool(shown))
        self.quote.setFont(font)
        self.quote.setVisible(bool(self.quote.text()))
        layout.addWidget(self.quote)
        self.editor = QPlainTextEdit(note)
        self.editor.setObjectName("noteEditor")
        self.editor.setPlaceholderText(self.tr("Your note (Markdown works: *emphasis*, lists…)"))
        self.editor.setTabChangesFocus(True)
        self.editor.setAccessibleName(self.tr("Note"))
        self.editor.setAccessibleDescription(
            self.tr("Markdown works; Ctrl+Return saves the note, Escape leaves it unchanged")
        )
        layout.addWidget(self.editor, 1)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)
        # Return makes a new line in the note; Ctrl+Return is the way to say done.
        self.editor.installEventFilter(self)
        self.resize(480, 300)
        self.editor.setFocus()
        cursor = self.editor.textCursor()
        cursor.movePosition(cursor.MoveOperation.End)
        self.editor.setTextCursor(cursor)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802
        if (
            watched is self.editor
            and event.type() == QEvent.Type.KeyPress
            and isinstance(event, QKeyEvent)
            and event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter)
            and event.modifiers() & Qt.KeyboardModifier.ControlModifier
        ):
            self.accept()
            return True
        return super().eventFilter(watched, event)

    def text(self) -> str:
        return self.editor.toPlainText().strip()

    def ok_button(self) -> QPushButton:
        return self.buttons.button(QDialogButtonBox.StandardButton.Ok)
