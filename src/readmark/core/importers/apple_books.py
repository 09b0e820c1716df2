"""Apple Books: its annotation database, `AEAnnotation_*.sqlite` (Core Data, SQLite).

The layout, as the public tools that read it agree on (no file of it is published,
so tests build one in this shape):

    ZAEANNOTATION (ZANNOTATIONASSETID   the book, an id the library database names
                   ZANNOTATIONSELECTEDTEXT, ZANNOTATIONREPRESENTATIVETEXT   the quote
                   ZANNOTATIONNOTE, ZANNOTATIONSTYLE (0 underline, 1 green, 2 blue,
                   3 yellow, 4 pink, 5 purple), ZANNOTATIONISUNDERLINE,
                   ZANNOTATIONDELETED (1: a tombstone of a deleted mark),
                   ZANNOTATIONTYPE (3: where reading stopped — the app's own state),
                   ZANNOTATIONCREATIONDATE, ZANNOTATIONMODIFICATIONDATE (seconds since
                   2001-01-01 UTC), ZANNOTATIONLOCATION (an EPUB CFI), ZFUTUREPROOFING5
                   (the chapter))

Titles and authors are in a second database, `BKLibrary/BKLibrary-*.sqlite`
(`ZBKLIBRARYASSET`: ZASSETID, ZTITLE, ZAUTHOR), beside the `AEAnnotation` folder;
when it is there the books are named, else they are found by their quotes.

The file is untrusted: it is copied (with its `-wal`, which holds the latest
changes while Apple Books runs) into a temporary folder and opened there read-only,
with `trusted_schema` off (a view or trigger in it cannot call functions) and a
progress handler that stops any query running too long.
"""

from __future__ import annotations

import re
import shutil
import sqlite3
import tempfile
from contextlib import closing
from pathlib import Path

from readmark.core.annotations import Kind, Style
from readmark.core.export.w3c_import import AnnotationImportError
from readmark.core.i18n import QT_TRANSLATE_NOOP
from readmark.core.importers import records
from readmark.core.importers.records import MAX_BYTES, BookMarks, BookRef, Mark, ParsedMarks

MAGIC = b"SQLite format 3\x00"
APPLE_EPOCH = 978_307_200  # 2001-01-01T00:00:00Z in Unix seconds
COLOURS = {1: "green", 2: "blue", 3: "yellow", 4: "pink", 5: "purple"}
LAST_POSITION = 3  # ZANNOTATIONTYPE of the reading position Apple Books keeps
MAX_STEPS = 20_000_000  # SQLite VM steps a query may take before it is stopped
_COLUMNS = (
    "ZANNOTATIONASSETID", "ZANNOTATIONSELECTEDTEXT", "ZANNOTATIONREPRESENTATIVETEXT",
    "ZANNOTATIONNOTE", "ZANNOTATIONSTYLE", "ZANNOTATIONISUNDERLINE", "ZANNOTATIONDELETED",
    "ZANNOTATIONTYPE", "ZANNOTATIONCREATIONDATE", "ZANNOTATIONMODIFICATIONDATE",
    "ZANNOTATIONLOCATION", "ZFUTUREPROOFING5",
)  # fmt: skip


def looks_like(head: bytes) -> bool:
    return head.startswith(MAGIC)


def _refused(name: str) -> AnnotationImportError:
    return AnnotationImportError(
        QT_TRANSLATE_NOOP(
            "ImportError",
            "{path} is a database, but not Apple Books' annotations (AEAnnotation) in a "
            "shape Readmark can read.",
        ),
        path=name,
    )


def parse(path: Path) -> ParsedMarks:
    """The marks in an Apple Books annotation database, or AnnotationImportError."""
    name = str(path)
    with tempfile.TemporaryDirectory(prefix="readmark-import-") as folder:
        copy = Path(folder) / "AEAnnotation.sqlite"
        _copy_limited(path, copy)
        wal = path.with_name(path.name + "-wal")
        if wal.is_file():
            _copy_limited(wal, copy.with_name(copy.name + "-wal"))
        try:
            rows = _query(copy, "ZAEANNOTATION", _COLUMNS)
        except (sqlite3.Error, UnicodeDecodeError) as exc:  # SQLite's message about a
            # damaged schema can quote its bytes, which Python fails to decode
            raise _refused(name) from exc
        titles = _titles(path)
    parsed = ParsedMarks("apple-books", [])
    books: dict[str, BookMarks] = {}
    for row in rows:
        values = dict(zip(_COLUMNS, row, strict=True))
        if _number(values["ZANNOTATIONDELETED"]):
            parsed.leave_out(records.DELETED_IN_APPLE_BOOKS)
            continue
        if _number(values["ZANNOTATIONTYPE"]) == LAST_POSITION:
            continue  # not a mark: where the reader stopped
        mark = _mark(values)
        if mark is None:
            parsed.leave_out(records.NOT_AN_ANNOTATION)
            continue
        asset = _text(values["ZANNOTATIONASSETID"])
        title, authors = titles.get(asset, ("", ""))
        books.setdefault(asset, BookMarks(BookRef(title, authors))).marks.append(mark)
    parsed.books = list(books.values())
    return parsed


def _copy_limited(source: Path, target: Path) -> None:
    try:
        if source.stat().st_size > MAX_BYTES:
            raise AnnotationImportError(
                QT_TRANSLATE_NOOP(
                    "ImportError",
                    "{path} is larger than {limit} MB; Readmark does not import files that large.",
                ),
                path=str(source),
                limit=MAX_BYTES // (1024 * 1024),
            )
        target.write_bytes(records.read_limited(source))
    except OSError as exc:
        raise AnnotationImportError(
            QT_TRANSLATE_NOOP("ImportError", "{path} cannot be read: {reason}"),
            path=str(source),
            reason=exc.strerror or str(exc),
        ) from exc


def _query(path: Path, table: str, columns: tuple[str, ...]) -> list[tuple[object, ...]]:
    """Every row's `columns` of `table` (a missing column reads as NULL)."""
    with closing(sqlite3.connect(f"file:{path}?mode=ro", uri=True)) as db:
        db.text_factory = lambda raw: raw.decode("utf-8", "replace")  # damaged text is no error
        db.execute("PRAGMA trusted_schema = OFF")
        db.execute("PRAGMA query_only = ON")
        db.execute("PRAGMA cell_size_check = ON")
        steps = [0]

        def stop() -> int:
            steps[0] += 1
            return 1 if steps[0] > MAX_STEPS // 1000 else 0

        db.set_progress_handler(stop, 1000)
        present = {
            str(r[1]).upper()
            for r in db.execute("SELECT * FROM pragma_table_info(?)", (table,)).fetchall()
        }
        if not present or not re.fullmatch(r"[A-Z0-9_]+", table):
            raise sqlite3.DatabaseError(f"no table {table}")
        wanted = ", ".join(c if c in present else "NULL" for c in columns)
        return db.execute(f"SELECT {wanted} FROM {table}").fetchall()  # noqa: S608 - known names


def _titles(annotations: Path) -> dict[str, tuple[str, str]]:
    """Asset id -> (title, author) from the library database beside, if it is there."""
    folder = annotations.parent.parent / "BKLibrary"
    found: dict[str, tuple[str, str]] = {}
    try:
        candidates = sorted(folder.glob("BKLibrary*.sqlite"))[:4] if folder.is_dir() else []
    except OSError:
        return found
    for library in candidates:
        with tempfile.TemporaryDirectory(prefix="readmark-import-") as temp:
            copy = Path(temp) / "BKLibrary.sqlite"
            try:
                _copy_limited(library, copy)
                wal = library.with_name(library.name + "-wal")
                if wal.is_file():
                    shutil.copyfile(wal, copy.with_name(copy.name + "-wal"))
                rows = _query(copy, "ZBKLIBRARYASSET", ("ZASSETID", "ZTITLE", "ZAUTHOR"))
            except (AnnotationImportError, sqlite3.Error, UnicodeDecodeError, OSError):
                continue
        for asset, title, author in rows:
            if isinstance(asset, str) and isinstance(title, str):
                found[asset] = (title, author if isinstance(author, str) else "")
    return found


def _text(value: object) -> str:
    return value if isinstance(value, str) else ""


def _number(value: object) -> int:
    return int(value) if isinstance(value, int | float) and not isinstance(value, bool) else 0


def _when(value: object) -> float | None:
    if isinstance(value, int | float) and not isinstance(value, bool) and abs(value) < 1e11:
        return float(value) + APPLE_EPOCH
    return None


def _mark(values: dict[str, object]) -> Mark | None:
    quote = (
        _text(values["ZANNOTATIONSELECTEDTEXT"]) or _text(values["ZANNOTATIONREPRESENTATIVETEXT"])
    ).strip()
    note = _text(values["ZANNOTATIONNOTE"]).strip()
    created = _when(values["ZANNOTATIONCREATIONDATE"])
    modified = _when(values["ZANNOTATIONMODIFICATIONDATE"]) or created
    style_number = _number(values["ZANNOTATIONSTYLE"])
    underline = bool(_number(values["ZANNOTATIONISUNDERLINE"])) or style_number == 0
    chapter = _text(values["ZFUTUREPROOFING5"])
    location = _text(values["ZANNOTATIONLOCATION"])
    if not quote and not note:
        if not location:
            return None
        return Mark(
            Kind.BOOKMARK,
            label=chapter or location,
            chapter=chapter,
            position=location,
            created=created,
            modified=modified,
        )
    return Mark(
        Kind.HIGHLIGHT if quote else Kind.NOTE,
        quote=quote,
        note=note,
        color=COLOURS.get(style_number, "yellow"),
        style=Style.UNDERLINE if underline and quote else Style.HIGHLIGHT,
        chapter=chapter,
        position=location,
        created=created,
        modified=modified,
    )
