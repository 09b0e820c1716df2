"""Go › Go to Printed Page…: a page number of the printed book, and where it starts.

Asks only: `go_requested(PrintedPage)` when the page is in the book; a page that is
not says so in the dialog, which stays open for another try.
"""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from readmark.core.repair.page_marks import PageIndex


class PrintedPageDialog(QDialog):
    go_requested = Signal(object)  # PrintedPage

    def __init__(self, pages: PageIndex, current: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("printedPageDialog")
        self.setWindowTitle(self.tr("Go to Printed Page"))
        self._pages = pages
        first, last = pages.pages[0].label, pages.pages[-1].label
        prompt = QLabel(
            self.tr("Page of the printed book (this book has pages {first} to {last}):").format(
                first=first, last=last
            )
        )
        prompt.setWordWrap(True)
        self.page = QLineEdit(current)
        self.page.setObjectName("printedPage")
        self.page.selectAll()
        prompt.setBuddy(self.page)
        self.problem = QLabel()
        self.problem.setObjectName("printedPageProblem")
        self.problem.setWordWrap(True)
        self.problem.hide()
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self._go)
        buttons.rejected.connect(self.reject)
        self.page.textEdited.connect(lambda _text: self.problem.hide())
        layout = QVBoxLayout(self)
        layout.addWidget(prompt)
        layout.addWidget(self.page)
        layout.addWidget(self.problem)
        layout.addWidget(buttons)
        self.resize(380, self.sizeHint().height())

    def _go(self) -> None:
        wanted = self.page.text().strip()
        page = self._pages.find(wanted) if wanted else None
        if page is None:
            self.problem.setText(
                self.tr("There is no printed page “{page}” in this book.").format(page=wanted)
            )
            self.problem.show()
            self.page.selectAll()
            self.page.setFocus()
            return
        self.go_requested.emit(page)
        self.accept()
