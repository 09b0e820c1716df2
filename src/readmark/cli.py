"""The command line: `readmark [BOOK]` starts the reader; `info` and `text`
print what the reader would show, from the same core; `export` and `import`
move a book's annotations out of and into the library.

Errors are one clear line on stderr and exit status 2, never a traceback.
"""

from __future__ import annotations

import argparse
import contextlib
import io
import json
import os
import sys
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication

from readmark import (
    __version__,
    launch,
    pyside_hook,
    startup_dataclasses,
    startup_gc,
    startup_re,
)

if TYPE_CHECKING:
    from readmark.core.book import Book, TocEntry
    from readmark.core.repair.page_marks import PrintedPage
    from readmark.core.store.library import Library

EXIT_ERROR = 2
COMMANDS = ("info", "text", "search", "export", "import", "library", "sync")


def _app_for_translation(language: str | None) -> QCoreApplication:
    """A QCoreApplication (no GUI) so the CLI speaks the user's language too."""
    from readmark import i18n

    app = QCoreApplication.instance() or QCoreApplication([sys.argv[0]])
    i18n.install_translator(app, language or i18n.system_language())
    return app


def _fail(message: str) -> int:
    print(f"readmark: {message}", file=sys.stderr)
    return EXIT_ERROR


def _open(path: str, repair: bool) -> Book:
    from readmark.core.book import LoadOptions
    from readmark.core.formats import open_book

    return open_book(Path(path), LoadOptions(repair=repair))


def _print_toc(entries: Sequence[TocEntry], depth: int = 0) -> None:
    for entry in entries:
        print("  " * depth + entry.title)
        _print_toc(entry.children, depth + 1)


def _command(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(prog="readmark")
    parser.add_argument("--lang", help="language of messages, e.g. zh_CN")
    sub = parser.add_subparsers(dest="command", required=True)
    info = sub.add_parser("info", help="print a book's metadata and table of contents")
    info.add_argument("book")
    info.add_argument("--json", action="store_true", help="machine-readable output")
    info.add_argument("--no-repair", action="store_true", help="show the book as the file has it")
    text = sub.add_parser("text", help="print a book's text as the reader shows it")
    text.add_argument("book")
    text.add_argument("--no-repair", action="store_true", help="show the book as the file has it")
    text.add_argument("--section", type=int, help="print only this section (0-based)")
    text.add_argument(
        "--pages",
        action="store_true",
        help="show where each printed page starts, as [p. 41] (the repair's page marks)",
    )
    export = sub.add_parser(
        "export",
        help="write a book's annotations: a note for Obsidian or Logseq (updated, never "
        "overwritten, when it exists), Readwise CSV, HTML or W3C JSON",
    )
    export.add_argument("book", nargs="?")
    export.add_argument(
        "--format",
        choices=("md", "obsidian", "logseq", "readwise", "md-plain", "html", "json"),
        help="md (= obsidian), logseq, readwise (CSV), md-plain, html or json "
        "(default: from the suffix of -o, else md)",
    )
    export.add_argument("-o", "--output", help="the file to write (default: standard output)")
    export.add_argument(
        "--overwrite",
        action="store_true",
        help="replace an existing note instead of updating it (what you wrote in it is lost)",
    )
    export.add_argument(
        "--mark-deleted",
        action="store_true",
        help="keep annotations deleted in Readmark in the note, marked, instead of removing them",
    )
    export.add_argument(
        "--all", action="store_true", help="every book's note into --folder (updating those there)"
    )
    export.add_argument("--folder", help="with --all: the folder of notes, e.g. an Obsidian vault")
    import_ = sub.add_parser(
        "import",
        help="import annotations: W3C JSON, Kindle My Clippings.txt, KOReader sidecars "
        "(a file or a folder), calibre exports",
    )
    import_.add_argument("file")
    from readmark import cli_library  # `readmark library add|list|remove`

    cli_library.add_parser(sub)
    from readmark import cli_search  # `readmark search QUERY` and `search BOOK QUERY`

    cli_search.add_parser(sub)
    from readmark import cli_sync  # `readmark sync [--folder DIR]`

    cli_sync.add_parser(sub)
    import_.add_argument("--dry-run", action="store_true", help="print what would happen only")
    import_.add_argument("--book", help="the library's book for a file that names none (calibre)")
    # Subcommand options may come before or after the book.
    args = parser.parse_args(argv)
    _app_for_translation(args.lang)
    if args.command == "export":
        return _export(args)
    if args.command == "import":
        return _import(args)
    if args.command == "library":
        return cli_library.run(args, _library, _fail)
    if args.command == "sync":
        try:
            return cli_sync.run(args, _library, _fail)
        except _LibraryUnusableError as failure:
            return _fail(failure.message)
    if args.command == "search" and not cli_search.in_one_book(args):
        return cli_search.run(args, _library, _fail)  # the library; else BOOK QUERY below

    from readmark.core.book import BookError
    from readmark.core.html_text import html_to_text
    from readmark.i18n import translate_error

    try:
        book = _open(args.book, repair=not args.no_repair)
    except BookError as error:
        return _fail(translate_error(error))

    if args.command == "search":
        return cli_search.run_in_book(args, book, _fail)
    if args.command == "info":
        if args.json:
            payload = {
                "path": str(book.path),
                "format": book.format,
                "encoding": book.encoding,
                "content_id": book.content_id,
                "metadata": book.metadata.as_dict(),
                "sections": len(book.sections),
                "toc": [entry.as_dict() for entry in book.toc],
            }
            if book.format == "text":
                payload["chapter_rules"] = book.chapter_rules
            payload["repair"] = _repair_counts(book)
            payload["printed_pages"] = [
                {"section": p.section, "offset": p.offset, "label": p.label}
                for p in _printed_pages(book)
            ]
            print(json.dumps(payload, ensure_ascii=False, indent=2))
            return 0
        meta = book.metadata
        rows = [
            (QCoreApplication.translate("Cli", "Title"), meta.title),
            (QCoreApplication.translate("Cli", "Authors"), ", ".join(meta.authors)),
            (QCoreApplication.translate("Cli", "Language"), meta.language),
            (QCoreApplication.translate("Cli", "Publisher"), meta.publisher),
            (QCoreApplication.translate("Cli", "Date"), meta.date),
            (QCoreApplication.translate("Cli", "ISBN"), meta.isbn),
            (QCoreApplication.translate("Cli", "Format"), f"{book.format} ({book.encoding})"),
            (QCoreApplication.translate("Cli", "Sections"), str(len(book.sections))),
            (
                QCoreApplication.translate("Cli", "Chapters found by"),
                ", ".join(f"{name} ({count})" for name, count in book.chapter_rules.items()),
            ),
            (QCoreApplication.translate("Cli", "Repair"), _repair_report(book)),
            (QCoreApplication.translate("Cli", "Printed pages"), _pages_summary(book)),
        ]
        for label, value in rows:
            if value:
                print(f"{label}: {value}")
        print()
        print(QCoreApplication.translate("Cli", "Contents") + ":")
        _print_toc(book.toc, 1)
        return 0

    indices = range(len(book.sections))
    if args.section is not None:
        if not 0 <= args.section < len(book.sections):
            return _fail(
                QCoreApplication.translate(
                    "Cli", "There is no section {number}; this book has {count}."
                ).format(number=args.section, count=len(book.sections))
            )
        indices = range(args.section, args.section + 1)
    pages = _printed_pages(book) if args.pages else []
    first = True
    for index in indices:
        if not first:
            sys.stdout.write("\f\n")  # a page separator between sections, as pdftotext does
        first = False
        shown = html_to_text(book.section_html(index))
        if pages:
            shown = _with_page_marks(shown, index, pages)
        sys.stdout.write(shown.rstrip("\n") + "\n")
    return 0


def _repair_counts(book: Book) -> dict[str, int]:
    from dataclasses import asdict

    from readmark.core.repair.report import repair_counts

    return asdict(repair_counts(book))


def _repair_report(book: Book) -> str:
    from readmark.core.repair.report import repair_counts
    from readmark.i18n import repair_report

    return repair_report(repair_counts(book))


def _pages_summary(book: Book) -> str:
    """`20 (p. 4 to p. 23)`: how many printed pages the repair kept marks of."""
    pages = _printed_pages(book)
    if not pages:
        return ""
    return QCoreApplication.translate("Cli", "{count} (p. {first} to p. {last})").format(
        count=len(pages), first=pages[0].label, last=pages[-1].label
    )


def _printed_pages(book: Book) -> list[PrintedPage]:
    from readmark.core.repair.page_marks import printed_pages

    return printed_pages(book)


def _with_page_marks(text: str, section: int, pages: list[PrintedPage]) -> str:
    """`readmark text --pages`: the section's text with `[p. 41]` where each printed
    page starts (the reader shows nothing there: the marks are invisible)."""
    for page in sorted((p for p in pages if p.section == section), reverse=True):
        mark = QCoreApplication.translate("Cli", "[p. {page}]").format(page=page.label)
        text = text[: page.offset] + mark + text[page.offset :]
    return text


def _export(args: argparse.Namespace) -> int:
    """`readmark export BOOK`: the book's annotations, anchored in the book as it is on disk."""
    from readmark.core.book import BookError
    from readmark.core.export import FORMATS, ExportError, format_for, write_export
    from readmark.core.export.collect import annotations_to_export, find_record
    from readmark.core.export.common import ExportedBook
    from readmark.core.export.notes import NoteOptions
    from readmark.i18n import translate_error

    if args.all:
        return _export_all(args)
    if not args.book:
        return _fail(
            QCoreApplication.translate("Cli", "export needs a BOOK, or --all --folder DIR.")
        )

    try:
        book = _open(args.book, repair=True)
        with _library() as library:
            record = find_record(library, book)
            if record is None:
                return _fail(
                    QCoreApplication.translate(
                        "Cli", "“{path}” is not in the library: open it in Readmark first."
                    ).format(path=args.book)
                )
            if not record.repair:  # positions count the text as the reader shows it
                book = _open(args.book, repair=False)
            placed = annotations_to_export(library, record, book)
    except BookError as error:
        return _fail(translate_error(error))
    except _LibraryUnusableError as failure:
        return _fail(failure.message)
    name = args.format or (format_for(Path(args.output)) if args.output else "md")
    options = NoteOptions(tr=QCoreApplication.translate, mark_deleted=args.mark_deleted)
    exported = ExportedBook.from_book(book)
    if not args.output:
        exporter, _suffix = FORMATS[name]
        sys.stdout.write(exporter(exported, placed, QCoreApplication.translate))
        return 0
    try:
        write_export(Path(args.output), name, exported, placed, options, args.overwrite)
    except ExportError as error:
        return _fail(translate_error(error))
    except OSError as exc:
        return _fail(
            QCoreApplication.translate("Cli", "“{path}” cannot be written: {reason}").format(
                path=args.output, reason=exc.strerror or str(exc)
            )
        )
    return 0


def _export_all(args: argparse.Namespace) -> int:
    """`readmark export --all --folder DIR`: every book's note, those there updated."""
    from readmark.core.export import ExportError
    from readmark.core.export.all_books import export_all, jobs_from
    from readmark.core.export.notes import NoteOptions
    from readmark.i18n import format_number, translate_error

    name = args.format or "obsidian"
    if name not in ("md", "obsidian", "logseq"):
        return _fail(
            QCoreApplication.translate(
                "Cli", "--all writes notes: use --format obsidian or logseq."
            )
        )
    if not args.folder:
        return _fail(QCoreApplication.translate("Cli", "--all needs --folder DIR."))
    try:
        with _library() as library:
            jobs = jobs_from(library)
    except _LibraryUnusableError as failure:
        return _fail(failure.message)
    options = NoteOptions(tr=QCoreApplication.translate, mark_deleted=args.mark_deleted)
    try:
        report = export_all(jobs, Path(args.folder), name, options)
    except ExportError as error:
        return _fail(translate_error(error))
    for title, problem in report.failed:
        print(f"readmark: {title}: {translate_error(problem)}", file=sys.stderr)
    print(
        QCoreApplication.translate(
            "Cli", "New notes: {new}, updated: {updated}, failed: {failed}"
        ).format(
            new=format_number(len(report.written)),
            updated=format_number(len(report.updated)),
            failed=format_number(len(report.failed)),
        )
    )
    return EXIT_ERROR if report.failed else 0


def _import(args: argparse.Namespace) -> int:
    """`readmark import FILE.json`: merge, then say what happened to each annotation."""
    from readmark import cli_import
    from readmark.core.export.importer import import_annotations
    from readmark.core.export.w3c_import import AnnotationImportError
    from readmark.i18n import translate_error

    try:
        if cli_import.is_other_reader(Path(args.file)):
            with _library() as library:
                return cli_import.run(library, args)
        if args.dry_run:
            return _fail(
                QCoreApplication.translate("Cli", "--dry-run is for other readers' files.")
            )
        with _library() as library:
            report = import_annotations(library, Path(args.file))
    except AnnotationImportError as error:
        return _fail(translate_error(error))
    except _LibraryUnusableError as failure:
        return _fail(failure.message)
    rows = [
        (QCoreApplication.translate("Cli", "Added"), report.added),
        (QCoreApplication.translate("Cli", "Updated"), report.updated),
        (QCoreApplication.translate("Cli", "Unchanged"), report.unchanged),
        (QCoreApplication.translate("Cli", "Waiting for their book to be opened"), report.pending),
        (QCoreApplication.translate("Cli", "Skipped"), len(report.skipped)),
    ]
    for label, count in rows:
        print(f"{label}: {count}")
    for path in report.books_added:  # named by a target and found on disk
        print(QCoreApplication.translate("Cli", "Added to the library: {path}").format(path=path))
    for skipped in report.skipped:
        print(f"  {skipped.where}: {translate_error(skipped)}")
    return 0


class _LibraryUnusableError(Exception):
    """The library could not be opened or read; `message` is ready to show."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


@contextlib.contextmanager
def _library() -> Iterator[Library]:
    """The user's library, closed afterwards; its failures become one readable line."""
    from readmark import paths
    from readmark.core.store.errors import StoreError
    from readmark.core.store.library import Library
    from readmark.i18n import translate_error

    try:
        library = Library(paths.library_db())
    except StoreError as error:
        raise _LibraryUnusableError(translate_error(error)) from error
    try:
        yield library
    except StoreError as error:
        raise _LibraryUnusableError(translate_error(error)) from error
    finally:
        library.close()


def _first_word(argv: list[str]) -> str | None:
    """The first argument that is not an option (or an option's value)."""
    words = iter(argv)
    for word in words:
        if word == "--lang":
            next(words, None)
        elif not word.startswith("-"):
            return word
    return None


def _x_server_answers(display: str) -> bool:
    """Whether the X server named by DISPLAY accepts a connection.

    Qt aborts the process (with advice about unrelated libraries) when it
    cannot connect, so we look first: ":N" is a local socket, "host:N" TCP.
    """
    import socket

    host, _, rest = display.rpartition(":")
    number = rest.split(".")[0]
    if not number.isdigit():
        return True  # an unusual form; let Qt judge it
    try:
        if host in ("", "unix") or host.startswith("/"):
            path = host if host.startswith("/") else f"/tmp/.X11-unix/X{number}"
            with socket.socket(socket.AF_UNIX, socket.SOCK_STREAM) as sock:
                sock.settimeout(2)
                sock.connect(path)
        else:
            socket.create_connection((host, 6000 + int(number)), timeout=2).close()
    except OSError:
        return False
    return True


def _has_display() -> bool:
    if os.environ.get("QT_QPA_PLATFORM"):
        return True
    if sys.platform.startswith("linux") or "bsd" in sys.platform:
        if os.environ.get("WAYLAND_DISPLAY"):
            return True
        display = os.environ.get("DISPLAY", "")
        return bool(display) and _x_server_answers(display)
    return True  # Windows and macOS always have a desktop session for GUI apps


def main(argv: list[str] | None = None) -> int:
    startup_gc.hold()  # the window's start, until its first screen (startup_gc.py)
    startup_re.hold()  # its patterns compiled from the memo, likewise (startup_re.py)
    startup_dataclasses.hold()  # and its data classes' methods (startup_dataclasses.py)
    try:
        return _main(sys.argv[1:] if argv is None else argv)
    finally:
        startup_gc.release()
        startup_re.release()
        startup_dataclasses.release()


def _main(argv: list[str]) -> int:
    pyside_hook.make_cheap()  # before the window's or a command's modules are imported
    for stream in (sys.stdout, sys.stderr):
        # Only a real text stream has reconfigure() (typeshed types sys.stdout as
        # TextIO, which has none): it is None under pythonw, may be another
        # object under a test harness.
        if not isinstance(stream, io.TextIOWrapper):
            continue
        try:
            stream.reconfigure(encoding="utf-8", errors="replace")
        except ValueError:
            pass
    try:
        argv = launch.paths_from_file_urls(argv)  # the desktop entry's %U: file:// URLs
        word = _first_word(argv)
        if word in COMMANDS:
            startup_gc.release()  # a command runs with the collector as usual
            startup_re.release()  # and re as usual
            startup_dataclasses.release()
            return _command(argv)
        if word is not None and not os.path.exists(word) and not launch.is_link(word):
            return _unknown_word(word, argv)
        return _gui(argv)
    except BrokenPipeError:
        # `readmark text book | head`: the reader went away; not an error.
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 0
    except KeyboardInterrupt:
        return 130


def _unknown_word(word: str, argv: list[str]) -> int:
    """`readmark infoo book.md`, `readmark missing.md`: neither a command nor a file.

    Said before anything else, whether or not there is a display to open a window on.
    """
    language = argparse.ArgumentParser(add_help=False)
    language.add_argument("--lang")
    known, _rest = language.parse_known_args(argv)
    _app_for_translation(known.lang)
    return _fail(
        QCoreApplication.translate(
            "Cli", "no such file or command: {word} (the commands are {commands})"
        ).format(word=word, commands=", ".join(COMMANDS))
    )


def _gui(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(
        prog="readmark",
        description=(
            "Readmark, an offline e-reader. Commands: info BOOK, text BOOK, "
            "export BOOK, import FILE.json, library add|list|remove, search [BOOK] QUERY."
        ),
    )
    parser.add_argument(
        "book",
        nargs="*",
        help="a book or a readmark:// link (default: the bundled guide); more books are "
        "added to the library",
    )
    parser.add_argument("--version", action="version", version=f"Readmark {__version__}")
    parser.add_argument("--lang", help="user interface language, e.g. en or zh_CN")
    parser.add_argument(
        "--smoke-test",
        action="store_true",
        help="open the book, wait until its text is on screen, print timings and exit",
    )
    launch.add_arguments(parser)
    args = parser.parse_args(argv)
    start = launch.prepare(args, _app_for_translation, _fail)
    if isinstance(start, int):
        return start  # installed, refused, or handed to the Readmark already running
    if not _has_display():
        start.release()
        _app_for_translation(args.lang)
        return _fail(
            QCoreApplication.translate(
                "Cli",
                "no graphical display is available (DISPLAY and WAYLAND_DISPLAY are not set, "
                "or the display does not answer), so the reader window cannot open. Run it on "
                "a desktop, or under a virtual display: xvfb-run readmark. Without a display "
                "you can still use `readmark info BOOK` and `readmark text BOOK`.",
            )
        )
    from readmark.ui.shell.app import run_gui

    return run_gui(
        start.book,
        args.lang,
        smoke_test=args.smoke_test,
        link=start.link,
        claim=start.claim,
        others=start.others,  # several books named: the rest go to the library
    )
