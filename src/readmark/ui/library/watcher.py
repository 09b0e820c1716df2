"""Watched folders: books that appear in them are added, at start and while running.

A QFileSystemWatcher on each folder and its subfolders says when entries come
or go; the folder is then walked again (on a `library-scan` background task).
A book file the library does not know yet waits until it is complete: its size
and modification time must stay the same over one `settle_ms` interval (a file
still being copied keeps growing), and only then is it handed on
(`books_ready`). A watched folder that disappears, or cannot be read, is
reported (`folder_unavailable`) and nothing is taken out of the library.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QFileSystemWatcher, QObject, QTimer, Signal

from readmark.core.operations.library_books import find_book_files
from readmark.ui.background import BackgroundTasks, Progress

# What the library knows: path → (size, mtime), as Catalog.known_files gives it.
Known = Callable[[], dict[str, tuple[int, float]]]


class FolderWatcher(QObject):
    books_ready = Signal(list)  # [Path]: new book files, complete
    folder_unavailable = Signal(str, str)  # folder, why

    def __init__(
        self,
        tasks: BackgroundTasks,
        known: Known,
        settle_ms: int = 1000,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._tasks = tasks
        self._known = known
        self._folders: list[Path] = []
        self._missing: set[Path] = set()  # reported once until they come back
        self._watcher = QFileSystemWatcher(self)
        self._watcher.directoryChanged.connect(self._changed)
        self._rescan = QTimer(self, singleShot=True, interval=250)  # changes come in bursts
        self._rescan.timeout.connect(self.scan)
        self._settle = QTimer(self, interval=settle_ms)
        self._settle.timeout.connect(self._check_settled)
        self._waiting: dict[Path, tuple[int, float]] = {}  # new files: last size and mtime
        self._handed: set[Path] = set()  # handed on, until the library knows them

    @property
    def folders(self) -> list[Path]:
        return list(self._folders)

    def set_folders(self, folders: list[Path]) -> None:
        """Watch these folders (and their subfolders) and scan them now."""
        self._folders = list(folders)
        self._missing &= set(self._folders)
        watched = self._watcher.directories()
        if watched:
            self._watcher.removePaths(watched)
        # Watched before the walk starts, so nothing that arrives during it is missed.
        present = [str(f) for f in self._folders if f.is_dir()]
        if present:
            self._watcher.addPaths(present)
        self.scan()

    def scan(self) -> None:
        """Walk every watched folder again (off the UI thread)."""
        folders = list(self._folders)
        if not folders:
            return

        def work(progress: Progress) -> tuple[list[Path], list[Path], list[tuple[Path, str]]]:
            subfolders: list[Path] = []
            books: list[Path] = []
            unavailable: list[tuple[Path, str]] = []
            for folder in folders:
                progress.check()
                if not folder.is_dir():
                    unavailable.append((folder, ""))
                    continue
                found, problems = find_book_files([folder])
                books += found
                unavailable += [(p.path, p.error.format()) for p in problems if p.path == folder]
                for root, dirs, _files in os.walk(folder):
                    progress.check()
                    dirs[:] = [d for d in dirs if not d.startswith(".")]
                    subfolders.append(Path(root))
            return subfolders, books, unavailable

        self._tasks.run("library-scan", work, self._scanned)

    def _scanned(self, result: tuple[list[Path], list[Path], list[tuple[Path, str]]]) -> None:
        subfolders, books, unavailable = result
        for folder, reason in unavailable:
            if folder not in self._missing:
                self._missing.add(folder)
                self.folder_unavailable.emit(str(folder), reason)
        self._missing -= {f for f in self._folders if f not in {u for u, _ in unavailable}}
        watching = set(self._watcher.directories())
        new = [str(f) for f in subfolders if str(f) not in watching]
        if new:
            self._watcher.addPaths(new)
            if watching:
                # A book may have arrived in a new subfolder between the walk and its
                # watch: one more walk, now that everything found is watched.
                self._rescan.start()
        # A watched folder that is gone cannot be watched; its parent is, so it is
        # seen when it comes back.
        for folder in self._folders:
            if folder in self._missing and folder.parent.is_dir():
                if str(folder.parent) not in watching:
                    self._watcher.addPath(str(folder.parent))
        known = self._known()
        self._handed = {p for p in self._handed if str(p) not in known}
        for path in books:
            if str(path) in known or path in self._handed or path in self._waiting:
                continue
            stamp = _stamp(path)
            if stamp is not None:
                self._waiting[path] = stamp
        if self._waiting and not self._settle.isActive():
            self._settle.start()

    def _changed(self, _folder: str) -> None:
        self._rescan.start()

    def _check_settled(self) -> None:
        ready = []
        for path, before in list(self._waiting.items()):
            now = _stamp(path)
            if now is None:  # gone again
                del self._waiting[path]
            elif now == before and now[0] > 0:
                del self._waiting[path]
                ready.append(path)
            else:
                self._waiting[path] = now  # still growing: look again later
        if not self._waiting:
            self._settle.stop()
        if ready:
            self._handed.update(ready)
            self.books_ready.emit(ready)


def _stamp(path: Path) -> tuple[int, float] | None:
    try:
        status = os.stat(path)
    except OSError:
        return None
    return status.st_size, status.st_mtime
