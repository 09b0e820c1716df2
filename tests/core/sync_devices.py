"""Computers for the sync tests: each a real library file, its sync state, and its
own copy of the shared folder (what the user's sync tool has copied there so far)."""

from __future__ import annotations

import shutil
from dataclasses import dataclass, field
from pathlib import Path

from readmark.core.annotations import Annotation, Kind, TextTarget
from readmark.core.operations import BookAnnotations, ChangeSet
from readmark.core.store.library import Library
from readmark.core.sync import files
from readmark.core.sync.engine import SyncReport, sync

TEXT = "It was the best of times, it was the worst of times, it was the age of wisdom. " * 20
CONTENTS = ("content-one", "content-two")


@dataclass
class Device:
    name: str
    root: Path
    books: tuple[Path, ...]  # this computer's paths of the books it has (by content)
    library: Library = field(init=False)
    undo: list[tuple[int, ChangeSet]] = field(default_factory=list)  # (book, changes)

    def __post_init__(self) -> None:
        self.library = Library(self.root / "library.sqlite3")
        self.folder.mkdir(parents=True, exist_ok=True)
        for path, content in zip(self.books, CONTENTS, strict=False):
            self.library.touch(path, content, f"Book {content}", "")

    @property
    def folder(self) -> Path:
        return self.root / "folder"

    @property
    def state(self) -> Path:
        return self.root / "sync-state"

    def sync(self) -> SyncReport:
        return sync(self.library, self.folder, self.state)

    def book(self, index: int) -> BookAnnotations:
        """The book's annotations as a window opening it now would hold them."""
        ops = BookAnnotations(self.library.annotations, self.books[index], "v1")
        ops.load()
        return ops

    def own_file(self) -> Path:
        return files.own_file(self.folder, files.device_id(self.state))

    def everything(self) -> dict[str, tuple[str, Annotation]]:
        """Every annotation by id, with the content of its book (pending or not)."""
        found = {}
        for item in self.library.annotations.everything():
            key = item.content_id if item.book_path is not None else item.source.rsplit(":", 1)[-1]
            found[item.annotation.id] = (key, item.annotation)
        return found

    def close(self) -> None:
        self.library.close()


def copy_file(source: Device, target: Device, fraction: float = 1.0) -> None:
    """The sync tool copies `source`'s file into `target`'s folder: whole, or cut
    short (a copy still under way) when `fraction` < 1."""
    own = source.own_file()
    if not own.exists():
        return
    data = own.read_bytes()
    where = target.folder / files.SUBFOLDER
    where.mkdir(parents=True, exist_ok=True)
    (where / own.name).write_bytes(data[: int(len(data) * fraction)] if fraction < 1 else data)


def highlight(start: int, note: str = "") -> Annotation:
    return Annotation(Kind.HIGHLIGHT, TextTarget.from_text(0, TEXT, start, start + 12), note=note)


def full_round(devices: list[Device], rounds: int = 3) -> None:
    """Everyone syncs and everyone's whole file reaches everyone, until settled."""
    for _ in range(rounds):
        for device in devices:
            device.sync()
        for source in devices:
            for target in devices:
                if source is not target:
                    copy_file(source, target)


def make_devices(root: Path, count: int = 3) -> list[Device]:
    devices = []
    for n in range(count):
        home = root / f"computer{n}"
        # The third computer has only the first book: marks in the second wait for it.
        names = ("one.epub", "two.txt") if n < 2 else ("one.epub",)
        devices.append(Device(f"c{n}", home, tuple(home / "books" / x for x in names)))
    return devices


def remove_tree(path: Path) -> None:
    shutil.rmtree(path, ignore_errors=True)
