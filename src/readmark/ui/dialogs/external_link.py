"""Asking before a link leaves the book: Readmark opens nothing on the network by
itself; the reader's browser does, if they say so."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QMessageBox, QWidget


def confirm_external_link(url: QUrl, parent: QWidget) -> QMessageBox:
    """Ask (window-modal, not blocking) whether to open `url` in the browser."""

    box = QMessageBox(
        QMessageBox.Icon.Question,
        QCoreApplication.translate("ExternalLink", "Open link in your browser?"),
        QCoreApplication.translate(
            "ExternalLink",
            "This link leads outside the book:\n\n{url}\n\nOpen it in your web browser?",
        ).format(url=url.toString()),
        QMessageBox.StandardButton.Open | QMessageBox.StandardButton.Cancel,
        parent,
    )
    box.setObjectName("externalLinkDialog")
    box.setDefaultButton(QMessageBox.StandardButton.Cancel)

    def answered(result: int) -> None:
        if result == QMessageBox.StandardButton.Open:
            QDesktopServices.openUrl(url)

    box.finished.connect(answered)
    box.open()
    return box
