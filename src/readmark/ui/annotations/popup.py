"""The small bar that appears next to selected text or a clicked highlight.

A child of the reader's viewport rather than a window of its own: a click on
it never takes the keyboard focus from the page, it needs no window manager,
and goes away with a scroll or a click elsewhere (the reader says when). From
the keyboard (the Menu key or Shift+F10 on a selection) it takes the focus:
arrows and Tab go from button to button, Enter or Space presses one, Escape
gives the focus back to the page.
"""

from __future__ import annotations

from PySide6.QtCore import QPoint, QRect, QSize, Qt, Signal
from PySide6.QtGui import QColor, QFont, QKeyEvent
from PySide6.QtWidgets import (
    QApplication,
    QFrame,
    QGraphicsDropShadowEffect,
    QHBoxLayout,
    QToolButton,
    QWidget,
)

from readmark.core.annotations import Annotation, Kind, Style
from readmark.ui.palette import Palette, colour_names, palette_for, swatch_icon

_GAP = 6  # pixels between the text and the bar


class SelectionPopup(QFrame):
    colour_chosen = Signal(str)
    underline_chosen = Signal()
    note_requested = Signal()
    copy_requested = Signal()
    quote_requested = Signal()
    delete_requested = Signal()
    escaped = Signal()  # Escape while the keyboard was in the popup

    def __init__(self, viewport: QWidget) -> None:
        super().__init__(viewport)
        self.setObjectName("selectionPopup")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setAutoFillBackground(True)
        shadow = QGraphicsDropShadowEffect(self)
        shadow.setBlurRadius(12)
        shadow.setOffset(0, 2)
        shadow.setColor(QColor(0, 0, 0, 90))
        self.setGraphicsEffect(shadow)
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.setAccessibleName(self.tr("Mark the selection"))
        # The keyboard's focus is drawn as a ring: auto-raised tool buttons show no frame.
        self.setStyleSheet(
            "QToolButton:focus { border: 2px solid palette(highlight); border-radius: 3px; }"
        )
        self.annotation: Annotation | None = None  # what it acts on; None = the selection
        layout = QHBoxLayout(self)
        layout.setContentsMargins(4, 3, 4, 3)
        layout.setSpacing(1)
        self.swatches: dict[str, QToolButton] = {}
        for colour, name in colour_names().items():
            button = self._button(layout, "", self.tr("Highlight in {colour}").format(colour=name))
            button.setObjectName(f"swatch_{colour}")
            button.setIconSize(QSize(18, 18))
            button.clicked.connect(lambda _=False, c=colour: self.colour_chosen.emit(c))
            self.swatches[colour] = button
        self.underline = self._button(layout, self.tr("U"), self.tr("Underline"))
        self.underline.setObjectName("underlineButton")
        font = QFont(self.underline.font())
        font.setUnderline(True)
        self.underline.setFont(font)
        self.underline.setCheckable(True)
        self.underline.clicked.connect(lambda: self.underline_chosen.emit())
        layout.addSpacing(6)
        self.note = self._button(layout, self.tr("Note"), self.tr("Add a note"))
        self.note.setObjectName("noteButton")
        self.note.clicked.connect(lambda: self.note_requested.emit())
        self.copy = self._button(layout, self.tr("Copy"), self.tr("Copy the text"))
        self.copy.setObjectName("copyButton")
        self.copy.clicked.connect(lambda: self.copy_requested.emit())
        self.quote = self._button(
            layout, self.tr("Quote"), self.tr("Copy as a quote with its source")
        )
        self.quote.setObjectName("quoteButton")
        self.quote.clicked.connect(lambda: self.quote_requested.emit())
        self.delete = self._button(layout, self.tr("Delete"), self.tr("Delete (Ctrl+Z undoes)"))
        self.delete.setObjectName("deleteButton")
        self.delete.clicked.connect(lambda: self.delete_requested.emit())
        self._colours = palette_for("light", "#ffffff")
        self.hide()

    def _button(self, layout: QHBoxLayout, text: str, tip: str) -> QToolButton:
        button = QToolButton(self)
        button.setText(text)
        button.setToolTip(tip)
        button.setAccessibleName(tip)
        button.setAutoRaise(True)
        # Tab (from the keyboard) but not click focus: a click leaves the page its focus.
        button.setFocusPolicy(Qt.FocusPolicy.TabFocus)
        layout.addWidget(button)
        return button

    def buttons(self) -> list[QToolButton]:
        """The buttons shown, left to right."""
        shown = [b for b in self.findChildren(QToolButton) if not b.isHidden()]
        return sorted(shown, key=lambda b: b.x())

    def focus_first(self) -> None:
        """Put the keyboard in the popup, on its first button."""
        shown = self.buttons()
        if shown:
            shown[0].setFocus(Qt.FocusReason.PopupFocusReason)

    def has_keyboard(self) -> bool:
        focus = QApplication.focusWidget()
        return focus is not None and self.isAncestorOf(focus)

    def _step(self, step: int) -> bool:
        shown = self.buttons()
        focus = QApplication.focusWidget()
        if not shown or focus not in shown:
            return False
        shown[(shown.index(focus) + step) % len(shown)].setFocus(Qt.FocusReason.TabFocusReason)
        return True

    def focusNextPrevChild(self, next: bool) -> bool:  # noqa: N802, A002 - Qt override
        # Tab goes round the popup's buttons: the keyboard leaves it with Escape.
        return self._step(1 if next else -1) or super().focusNextPrevChild(next)

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 - Qt override
        key = event.key()
        if key == Qt.Key.Key_Escape:
            self.escaped.emit()
        elif key in (Qt.Key.Key_Right, Qt.Key.Key_Down):
            self._step(1)
        elif key in (Qt.Key.Key_Left, Qt.Key.Key_Up):
            self._step(-1)
        elif key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            focus = QApplication.focusWidget()
            if isinstance(focus, QToolButton) and self.isAncestorOf(focus):
                focus.click()
        else:
            super().keyPressEvent(event)

    def set_colours(self, colours: Palette) -> None:
        """The theme's highlight colours, for the swatches."""
        self._colours = colours
        for colour, name in colour_names().items():  # the reader may have renamed them
            if colour in self.swatches:
                tip = self.tr("Highlight in {colour}").format(colour=name)
                self.swatches[colour].setToolTip(tip)
                self.swatches[colour].setAccessibleName(tip)
        self._paint_swatches(None)

    def _paint_swatches(self, current: str | None) -> None:
        ring = self.palette().windowText().color()
        for colour, button in self.swatches.items():
            swatch, line = self._colours.swatch(colour), self._colours.line(colour)
            button.setIcon(swatch_icon(swatch, line, 18, ring if colour == current else None))

    def show_for_selection(self, rect: QRect) -> None:
        """Offer to mark the selected text, which `rect` (viewport) spans."""
        self.annotation = None
        self._paint_swatches(None)
        for button in self.swatches.values():
            button.setVisible(True)
        self.underline.setVisible(True)
        self.underline.setChecked(False)
        self.note.setText(self.tr("Note"))
        self.note.setToolTip(self.tr("Add a note"))
        self.note.setAccessibleName(self.tr("Add a note"))
        self.copy.setVisible(True)
        self.quote.setVisible(True)
        self.delete.setVisible(False)
        self._place(rect)

    def show_for_annotation(self, annotation: Annotation, rect: QRect) -> None:
        """Offer to change or delete a highlight or note shown at `rect`."""
        self.annotation = annotation
        marks = annotation.kind is Kind.HIGHLIGHT
        self._paint_swatches(annotation.color if annotation.style is Style.HIGHLIGHT else None)
        for button in self.swatches.values():
            button.setVisible(marks)
        self.underline.setVisible(marks)
        self.underline.setChecked(annotation.style is Style.UNDERLINE)
        if annotation.note:
            self.note.setText(self.tr("Edit Note"))
            self.note.setToolTip(self.tr("Edit the note"))
            self.note.setAccessibleName(self.tr("Edit the note"))
        else:
            self.note.setText(self.tr("Note"))
            self.note.setToolTip(self.tr("Add a note"))
            self.note.setAccessibleName(self.tr("Add a note"))
        self.copy.setVisible(marks)
        self.quote.setVisible(marks)
        self.delete.setVisible(True)
        self._place(rect)

    def _place(self, rect: QRect) -> None:
        """Above the text if there is room, else below it; always inside the viewport."""
        # The window's look, not the page's: the viewport carries the book's font
        # and colours, which would make a bar of buttons in 20-pixel type.
        self.setFont(QApplication.font())
        self.setPalette(QApplication.palette())
        self.adjustSize()
        parent = self.parentWidget()
        area = parent.rect() if parent is not None else rect
        size = self.sizeHint()
        x = rect.center().x() - size.width() // 2
        y = rect.top() - size.height() - _GAP
        if y < area.top() + 2:
            y = rect.bottom() + _GAP
        x = max(area.left() + 2, min(x, area.right() - size.width() - 2))
        y = max(area.top() + 2, min(y, area.bottom() - size.height() - 2))
        self.move(QPoint(x, y))
        self.show()
        self.raise_()
