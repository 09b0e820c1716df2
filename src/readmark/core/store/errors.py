"""What the library store raises: one hierarchy, with a message for the user.

Like qutebrowser's `misc/sql.py`, SQLite's failures are split by who is to
blame. The environment (a full disk, a lock held too long, a read-only file or
disk, an I/O error, a damaged file) gives a `StoreUnavailableError`: say so and
go on without saving. Anything else (SQL the schema refuses, a closed
connection, a broken constraint) is Readmark's own bug: `StoreBugError`.
Asking for a book or an annotation the library does not hold is neither:
`NotInLibraryError`, `AnnotationNotFoundError`; nor is a failed backup
(`BackupError`). Catch `StoreError` for all of them.

No `sqlite3` exception leaves a public method of the store: `converts_sqlite_errors`
wraps them, and `from_sqlite` is the one place that decides which kind an
error is.

Every error carries an English `template` marked for translation in
`context`, and the `params` that fill it; `readmark.i18n.translate_error`
shows it in the user's language, `str()` in English.
"""

from __future__ import annotations

import functools
import inspect
import sqlite3
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, ClassVar, Protocol, TypeVar

from readmark.core.i18n import QT_TRANSLATE_NOOP
from readmark.core.store.sqlite_setup import is_damage, primary_code


class StoreError(Exception):
    """The store could not do what was asked; the message is for the user."""

    # Every library message, whatever its class, is translated in the context
    # they have had since the first release (lupdate needs it spelt out in each
    # QT_TRANSLATE_NOOP), so existing translations stay valid.
    context: ClassVar[str] = "LibraryError"

    def __init__(self, template: str, **params: object) -> None:
        self.template = template
        self.params: dict[str, object] = params
        super().__init__(template.format(**params))


class StoreUnavailableError(StoreError):
    """The library cannot be used as things are: the environment failed, not our code.

    Permissions, a read-only disk, a full disk, a lock held too long, an I/O
    error, or a file that is damaged or too new (the subclasses below).
    """


class CorruptLibraryError(StoreUnavailableError):
    """The file is not an SQLite database, or a damaged one."""

    def __init__(self, path: Path, reason: str) -> None:
        super().__init__(
            QT_TRANSLATE_NOOP("LibraryError", "The library {path} is damaged: {reason}"),
            path=str(path),
            reason=reason,
        )


class NewerLibraryError(StoreUnavailableError):
    """The file was written by a newer Readmark (a schema this code does not know)."""

    def __init__(self, path: Path, *, found: int, known: int) -> None:
        super().__init__(
            QT_TRANSLATE_NOOP(
                "LibraryError",
                "The library {path} was written by a newer Readmark (schema "
                "{found}, this version knows {known}).",
            ),
            path=str(path),
            found=found,
            known=known,
        )
        self.found = found


class NotInLibraryError(StoreError):
    """The book was never opened here (or was forgotten): it has no record."""

    def __init__(self, book_path: Path) -> None:
        super().__init__(
            QT_TRANSLATE_NOOP(
                "LibraryError", "“{path}” is not in the library: open it in Readmark first."
            ),
            path=str(book_path),
        )
        self.book_path = book_path


class InvalidNameError(StoreError):
    """A name the reader typed cannot be used: a collection's, or a book's title."""

    EMPTY_COLLECTION = QT_TRANSLATE_NOOP("LibraryError", "A collection needs a name.")
    EMPTY_TITLE = QT_TRANSLATE_NOOP("LibraryError", "A book needs a title.")
    TOO_LONG = QT_TRANSLATE_NOOP(
        "LibraryError", "“{name}…” is too long for a collection's name (200 characters at most)."
    )
    TAKEN = QT_TRANSLATE_NOOP("LibraryError", "There is already a collection called “{name}”.")

    def __init__(self, template: str, name: str = "") -> None:
        super().__init__(template, name=name[:40])


class AnnotationNotFoundError(StoreError):
    """No annotation has this id (it may have been deleted meanwhile, by another window)."""

    def __init__(self, annotation_id: str) -> None:
        super().__init__(
            QT_TRANSLATE_NOOP(
                "LibraryError",
                "The annotation {id} is not in the library; it may have been deleted.",
            ),
            id=annotation_id,
        )
        self.annotation_id = annotation_id


class StoreBugError(StoreError):
    """SQLite refused what Readmark asked of it: a bug in Readmark, not a problem of the file."""

    def __init__(self, path: Path, reason: str) -> None:
        super().__init__(
            QT_TRANSLATE_NOOP(
                "LibraryError",
                "Readmark made an error using the library {path} ({reason}). This is a bug "
                "in Readmark; please report it.",
            ),
            path=str(path),
            reason=reason,
        )


class BackupError(StoreError):
    """A backup could not be made or restored."""


# What to tell the user for each primary result code that means the environment failed.
_LOCKED = QT_TRANSLATE_NOOP(
    "LibraryError",
    "The library {path} is busy: another program kept it locked for too long "
    "({reason}). Try again in a moment.",
)
_FULL = QT_TRANSLATE_NOOP(
    "LibraryError", "The library {path} cannot be saved: the disk is full ({reason})."
)
_READ_ONLY = QT_TRANSLATE_NOOP(
    "LibraryError",
    "The library {path} cannot be written: the file, its folder or the disk "
    "is read-only ({reason}).",
)
_CANNOT_OPEN = QT_TRANSLATE_NOOP("LibraryError", "The library {path} cannot be opened ({reason}).")
_DISK_ERROR = QT_TRANSLATE_NOOP(
    "LibraryError", "The library {path} could not be read or written: a disk error ({reason})."
)
_NO_MEMORY = QT_TRANSLATE_NOOP(
    "LibraryError", "There is not enough memory to use the library {path} ({reason})."
)
_ENVIRONMENT: dict[int, str] = {
    sqlite3.SQLITE_BUSY: _LOCKED,  # another connection's lock, past the busy timeout
    sqlite3.SQLITE_LOCKED: _LOCKED,
    sqlite3.SQLITE_FULL: _FULL,
    sqlite3.SQLITE_READONLY: _READ_ONLY,
    sqlite3.SQLITE_PERM: _READ_ONLY,
    sqlite3.SQLITE_CANTOPEN: _CANNOT_OPEN,
    sqlite3.SQLITE_IOERR: _DISK_ERROR,
    sqlite3.SQLITE_PROTOCOL: _DISK_ERROR,  # file locking failed (a network file system)
    sqlite3.SQLITE_NOLFS: _DISK_ERROR,
    sqlite3.SQLITE_NOMEM: _NO_MEMORY,
}


def is_environmental(exc: sqlite3.Error) -> bool:
    """Whether the environment is to blame (including a damaged file), not Readmark."""
    return is_damage(exc) or primary_code(exc) in _ENVIRONMENT


def from_sqlite(exc: sqlite3.Error, path: Path) -> StoreError:
    """The StoreError that says what `exc`, raised using the library at `path`, means."""
    if is_damage(exc):
        return CorruptLibraryError(path, str(exc))
    template = _ENVIRONMENT.get(primary_code(exc))
    if template is not None:
        return StoreUnavailableError(template, path=str(path), reason=str(exc))
    return StoreBugError(path, str(exc))


@contextmanager
def sqlite_errors_converted(path: Path) -> Iterator[None]:
    """Raise the StoreError of any sqlite3 error raised inside, chained to it."""
    try:
        yield
    except sqlite3.Error as exc:
        raise from_sqlite(exc, path) from exc


class _OnFile(Protocol):
    @property
    def path(self) -> Path: ...


_Class = TypeVar("_Class", bound=type)


def converts_sqlite_errors(cls: _Class) -> _Class:
    """Class decorator: every public method turns sqlite3 errors into StoreError.

    The class has a `path` (its database file), named in the messages. Methods
    added later are covered too; properties must not run SQL.
    """
    for name, member in list(vars(cls).items()):
        if not name.startswith("_") and inspect.isfunction(member):
            setattr(cls, name, _converting(member))
    return cls


def _converting(method: Callable[..., Any]) -> Callable[..., Any]:
    @functools.wraps(method)
    def converting(self: _OnFile, *args: Any, **kwargs: Any) -> Any:
        with sqlite_errors_converted(self.path):
            return method(self, *args, **kwargs)

    return converting


@dataclass(frozen=True)
class StoreMessage:
    """A message for the user, translated like StoreError (template, params, context)."""

    template: str
    params: dict[str, object] = field(default_factory=dict)
    context: str = "LibraryError"

    def __str__(self) -> str:
        return self.template.format(**self.params)
