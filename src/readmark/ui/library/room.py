"""The library room: the page, its model and covers, adding and taking out books,
and the watched folders — over the core's library operations.

Adding reads each book on a `library-add` background task (with progress and
Cancel) and records them all on the UI thread in one transaction. Adds that
arrive while one runs (a drop, a watched folder) wait their turn rather than
cancel it.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from pathlib import Path

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtWidgets import QCheckBox, QInputDialog, QMessageBox, QWidget

from readmark.core.operations.library_books import (
    AddReport,
    Unreadable,
    describe_files,
    find_book_files,
    new_or_changed_in,
    record_books,
    remove_book,
)
from readmark.core.store.backups import BackupManager
from readmark.core.store.catalog import BookFile
from readmark.core.store.errors import BackupError, StoreError
from readmark.core.store.library import Library
from readmark.core.store.settings import Settings
from readmark.i18n import format_number, translate_error
from readmark.ui.background import BackgroundTasks, Progress
from readmark.ui.library.details_dialog import DetailsDialog
from readmark.ui.library.model import LibraryModel
from readmark.ui.library.thumbnails import ThumbnailCache
from readmark.ui.library.view import LibraryView
from readmark.ui.library.watcher import FolderWatcher
from readmark.ui.shell.covers import remember_cover

_Described = tuple[list[BookFile], list[Unreadable]]


class LibraryRoom(QObject):
    book_requested = Signal(str)  # open this book
    message = Signal(str)  # for the status bar
    busy = Signal(str)  # what is being added (progress text)
    progressed = Signal(int, int)  # done, total
    idle = Signal()
    changed = Signal()  # books were added or taken out

    def __init__(
        self,
        library: Library | None,
        backups: BackupManager | None,
        tasks: BackgroundTasks,
        settings: Settings,
        window: QWidget,
        settle_ms: int = 1000,
    ) -> None:
        super().__init__(window)
        self._library = library
        self._backups = backups
        self._tasks = tasks
        self._settings = settings
        self._window = window
        self._queue: list[tuple[list[Path], bool]] = []  # (paths, said aloud) waiting
        self.model = LibraryModel(self)
        self.covers = ThumbnailCache(tasks, self)
        self.covers.set_device_ratio(window.devicePixelRatioF())
        self.view = LibraryView(self.model, self.covers, window)
        self.view.set_mode(str(settings.get("library.mode")))
        self.view.set_sorting(
            str(settings.get("library.sort")), bool(settings.get("library.sort_descending"))
        )
        self.watcher = FolderWatcher(tasks, self._known, settle_ms, self)
        self.watcher.books_ready.connect(lambda paths: self.add(paths, quiet=True))
        self.watcher.folder_unavailable.connect(self._folder_unavailable)
        v = self.view
        v.book_requested.connect(self.book_requested)
        v.add_requested.connect(self.add)
        v.remove_requested.connect(self.ask_remove)
        v.mode_changed.connect(lambda mode: self._save("library.mode", mode))
        v.sort_changed.connect(self._sort_changed)
        v.details_requested.connect(self.edit_details)
        v.collect_requested.connect(self.collect)
        v.uncollect_requested.connect(
            lambda path, name: self._change(
                lambda lib: lib.catalog.remove_from_collection([Path(path)], name)
            )
        )
        panel = v.collections
        panel.create_requested.connect(lambda: self.collect("", ""))
        panel.rename_requested.connect(self.rename_collection)
        panel.delete_requested.connect(self.delete_collection)
        self.refresh()

    # -- the library in use ----------------------------------------------------------

    def set_library(self, library: Library | None, backups: BackupManager | None) -> None:
        """After a restore: the reopened library."""
        self._library, self._backups = library, backups
        self.refresh()
        self.start_watching()

    def refresh(self) -> None:
        library = self._library
        try:
            self.model.set_entries(library.catalog.entries() if library else [])
            self.view.set_collections(library.catalog.collections() if library else [])
        except StoreError as error:
            self.message.emit(translate_error(error))

    def _known(self) -> dict[str, tuple[int, float]]:
        return self._library.catalog.known_files() if self._library else {}

    # -- adding ----------------------------------------------------------------------

    def add(self, paths: Sequence[Path], quiet: bool = False) -> None:
        """Add files and folders (searched recursively); `quiet`: from a watched
        folder, said in the status bar only."""
        if self._library is None:
            self.message.emit(self.tr("The library is not available, so nothing was added."))
            return
        self._queue.append((list(paths), quiet))
        if not self._tasks.running("library-add"):
            self._next()

    def cancel(self) -> None:
        self._queue.clear()
        self._tasks.cancel("library-add")
        self.idle.emit()

    def _next(self) -> None:
        if not self._queue:
            self.idle.emit()
            return
        paths, quiet = self._queue.pop(0)
        # Books already in the library at the same size and time are not read again
        # (a removed book added explicitly comes back: only those count as known).
        known = self._library.catalog.known_files(include_removed=False) if self._library else {}
        self.busy.emit(self.tr("Adding books…"))

        def work(progress: Progress) -> tuple[_Described, int]:
            files, problems = find_book_files(paths)
            fresh = new_or_changed_in(known, files)
            described, unreadable = describe_files(
                fresh,
                lambda done, total, _name: progress.report(done, total),
                remember_cover,  # thumbnails made here, off the UI thread
            )
            return (described, [*problems, *unreadable]), len(files) - len(fresh)

        def done(result: tuple[_Described, int]) -> None:
            (described, unreadable), unchanged = result
            self._record(described, unreadable, unchanged, quiet)
            self._next()

        def failed(error: BaseException) -> None:
            self.message.emit(translate_error(error))
            self._next()

        self._tasks.run(
            "library-add", work, done, failed, lambda d, t, _text: self.progressed.emit(d, t)
        )

    def _record(
        self,
        described: list[BookFile],
        unreadable: list[Unreadable],
        unchanged: int,
        quiet: bool,
    ) -> None:
        if self._library is None:
            return
        try:
            report = record_books(self._library, described, unreadable)
        except StoreError as error:
            self.message.emit(translate_error(error))
            return
        for path in report.added + report.moved:
            entry = self._library.catalog.entry(path)
            if entry is not None:
                self.covers.forget(entry.content_id)
        self.refresh()
        self.changed.emit()
        self.message.emit(self._summary(report, unchanged))
        if report.unreadable and not quiet:
            self._show_unreadable(report.unreadable)

    def _summary(self, report: AddReport, unchanged: int) -> str:
        parts = [self.tr("{count} added").format(count=format_number(len(report.added)))]
        if report.moved:
            parts.append(
                self.tr("{count} found moved or renamed (annotations kept)").format(
                    count=format_number(len(report.moved))
                )
            )
        if report.restored:
            parts.append(self.tr("{count} back").format(count=format_number(len(report.restored))))
        if report.already or unchanged:
            parts.append(
                self.tr("{count} already there").format(
                    count=format_number(len(report.already) + unchanged)
                )
            )
        if report.unreadable:
            parts.append(
                self.tr("{count} could not be read").format(
                    count=format_number(len(report.unreadable))
                )
            )
        return self.tr("Library: {parts}.").format(parts=", ".join(parts))

    def _show_unreadable(self, unreadable: list[Unreadable]) -> None:
        box = QMessageBox(
            QMessageBox.Icon.Warning,
            self.tr("Some books could not be added"),
            self.tr("{count} files could not be read; the others were added.").format(
                count=format_number(len(unreadable))
            ),
            QMessageBox.StandardButton.Ok,
            self._window,
        )
        box.setObjectName("unreadableBooks")
        box.setDetailedText("\n".join(f"{u.path}: {translate_error(u.error)}" for u in unreadable))
        box.open()

    # -- taking out ------------------------------------------------------------------

    def ask_remove(self, path: str) -> None:
        """Ask, saying how many annotations the book has and what happens to them."""
        library = self._library
        entry = library.catalog.entry(Path(path)) if library else None
        if library is None or entry is None:
            return
        box = QMessageBox(self._window)
        box.setObjectName("removeBook")
        box.setIcon(QMessageBox.Icon.Question)
        box.setWindowTitle(self.tr("Remove from Library"))
        box.setText(self.tr("Remove “{title}” from the library?").format(title=entry.title))
        delete = None
        if entry.annotations:
            box.setInformativeText(
                self.tr(
                    "It has {count} annotations. They are kept and come back if you add or "
                    "open the book again. The book file is not deleted."
                ).format(count=format_number(entry.annotations))
            )
            delete = QCheckBox(
                self.tr("Delete its {count} annotations too").format(
                    count=format_number(entry.annotations)
                )
            )
            delete.setObjectName("deleteAnnotations")
            box.setCheckBox(delete)
        else:
            box.setInformativeText(self.tr("The book file is not deleted."))
        remove = box.addButton(self.tr("Remove"), QMessageBox.ButtonRole.AcceptRole)
        box.addButton(QMessageBox.StandardButton.Cancel)

        def answered() -> None:
            if box.clickedButton() is remove:
                self.remove(Path(path), delete is not None and delete.isChecked())

        box.finished.connect(answered)
        box.open()

    def remove(self, path: Path, delete_annotations: bool = False) -> None:
        if self._library is None:
            return
        try:
            removal = remove_book(self._library, path, delete_annotations, self._backups)
        except (StoreError, BackupError) as error:
            self.message.emit(translate_error(error))
            return
        self.refresh()
        self.changed.emit()
        if removal.deleted:
            self.message.emit(
                self.tr(
                    "Removed; its {count} annotations were deleted (a backup made first keeps "
                    "them: File › Backups and Restore…)."
                ).format(count=format_number(removal.annotations))
            )
        elif removal.annotations:
            self.message.emit(
                self.tr("Removed; its {count} annotations are kept for its return.").format(
                    count=format_number(removal.annotations)
                )
            )
        else:
            self.message.emit(self.tr("Removed from the library."))

    # -- details and collections -------------------------------------------------------

    def _change(self, change: Callable[[Library], object]) -> bool:
        """Make a change to the library, then show it; False (and said) if it failed."""
        if self._library is None:
            return False
        try:
            change(self._library)
        except StoreError as error:
            self.message.emit(translate_error(error))
            return False
        self.refresh()
        self.changed.emit()
        return True

    def edit_details(self, path: str) -> None:
        entry = self._library.catalog.entry(Path(path)) if self._library else None
        if entry is None:
            return
        dialog = DetailsDialog(entry, self._window)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)

        def save() -> None:
            title, authors, series, tags = dialog.values()
            self._change(
                lambda lib: lib.catalog.set_details(Path(path), title, authors, series, tags)
            )

        dialog.accepted.connect(save)
        dialog.open()

    def collect(self, path: str, name: str) -> None:
        """Put the book at `path` ("" = none) in collection `name` ("" = ask for a new one)."""
        if not name:
            name, ok = QInputDialog.getText(
                self._window, self.tr("New Collection"), self.tr("Name of the collection:")
            )
            if not ok or not name.strip():
                return
        if path:
            self._change(lambda lib: lib.catalog.add_to_collection([Path(path)], name))
        else:
            self._change(lambda lib: lib.catalog.create_collection(name))

    def rename_collection(self, old: str) -> None:
        new, ok = QInputDialog.getText(
            self._window,
            self.tr("Rename Collection"),
            self.tr("New name for “{name}”:").format(name=old),
            text=old,
        )
        if ok and new.strip() and new != old:
            if self._change(lambda lib: lib.catalog.rename_collection(old, new)):
                self.view.collections.choose(" ".join(new.split()))

    def delete_collection(self, name: str) -> None:
        box = QMessageBox(
            QMessageBox.Icon.Question,
            self.tr("Delete Collection"),
            self.tr("Delete the collection “{name}”? Its books stay in the library.").format(
                name=name
            ),
            QMessageBox.StandardButton.Cancel,
            self._window,
        )
        box.setObjectName("deleteCollection")
        delete = box.addButton(self.tr("Delete"), QMessageBox.ButtonRole.AcceptRole)
        box.finished.connect(
            lambda _result: (
                box.clickedButton() is delete
                and self._change(lambda lib: lib.catalog.delete_collection(name))
            )
        )
        box.open()

    # -- watched folders -------------------------------------------------------------

    def start_watching(self) -> None:
        self.watcher.set_folders(self._library.catalog.watched_folders() if self._library else [])

    def watch(self, folder: Path) -> None:
        if self._library is None:
            return
        try:
            self._library.catalog.watch_folder(folder)
        except StoreError as error:
            self.message.emit(translate_error(error))
            return
        self.message.emit(self.tr("Watching “{folder}” for new books.").format(folder=folder))
        self.start_watching()

    def unwatch(self, folder: Path) -> None:
        if self._library is None:
            return
        try:
            self._library.catalog.unwatch_folder(folder)
        except StoreError as error:
            self.message.emit(translate_error(error))
            return
        self.start_watching()

    def _folder_unavailable(self, folder: str, reason: str) -> None:
        if reason:
            text = self.tr(
                "The watched folder “{folder}” cannot be read ({reason}); its books stay in "
                "the library."
            ).format(folder=folder, reason=reason)
        else:
            text = self.tr(
                "The watched folder “{folder}” is not there (moved, deleted, or a disk not "
                "connected); its books stay in the library."
            ).format(folder=folder)
        self.message.emit(text)

    # -- settings --------------------------------------------------------------------

    def _sort_changed(self, key: str, descending: bool) -> None:
        self._save("library.sort", key)
        self._save("library.sort_descending", descending)

    def _save(self, key: str, value: object) -> None:
        if not self._settings.set(key, value):
            self.message.emit(self.tr("The setting could not be saved; it applies until you quit."))
