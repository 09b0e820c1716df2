"""Where the time of opening a book goes: a timeline of one `--smoke-test` run.

    QT_QPA_PLATFORM=offscreen .venv/bin/python bench/phases.py BOOK [--warm]

Wraps the main steps of opening a book (imports, window construction, loading on
the worker thread, TOC, section rendering, layout, first paint) with timers and
prints, for each, when it started and how long it took, in ms since the
interpreter started. It runs the real `readmark --smoke-test` path in this
process on a throwaway READMARK_HOME (`--warm` opens the book once first in the
same home, so the run is a re-open). Wrapping costs a few µs a call.
"""

from __future__ import annotations

import functools
import os
import sys
import tempfile
import threading
import time
from pathlib import Path

T0 = time.perf_counter()  # ~ after interpreter start; see `python -X importtime` for before
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "src"))

EVENTS: list[tuple[float, float, str, str]] = []  # start ms, duration ms, thread, name


def _ms() -> float:
    return (time.perf_counter() - T0) * 1000


def wrap(owner: object, attribute: str, label: str | None = None) -> None:
    original = getattr(owner, attribute, None)
    name = label or f"{getattr(owner, '__name__', owner)}.{attribute}"
    if original is None:  # the code moved on: say so, time the rest
        print(f"phases: {name} no longer exists; not timed", file=sys.stderr)
        return

    @functools.wraps(original)
    def timed(*args, **kwargs):  # type: ignore[no-untyped-def]
        start = _ms()
        try:
            return original(*args, **kwargs)
        finally:
            EVENTS.append((start, _ms() - start, threading.current_thread().name, name))

    setattr(owner, attribute, timed)


def instrument() -> None:
    start = _ms()
    import PySide6.QtWidgets  # noqa: F401

    EVENTS.append((start, _ms() - start, "MainThread", "import PySide6.QtWidgets"))
    start = _ms()
    import readmark.ui.shell.app as app
    import readmark.ui.shell.main_window as main_window

    EVENTS.append(
        (start, _ms() - start, "MainThread", "import readmark.ui.shell.app + main_window")
    )
    # Imported here only to be wrapped: what the first screen imports by itself is
    # measured by `python -X importtime`, not here.
    import readmark.core.formats as formats
    from readmark.core import metadata, textio
    from readmark.core.formats.markdown import loader as markdown_loader
    from readmark.core.formats.markdown import render as markdown_render
    from readmark.core.store import backups, library
    from readmark.ui.annotations import session
    from readmark.ui.reader import reader_view, section_provider, toc_panel
    from readmark.ui.shell import appearance, library_owner, start_page

    wrap(formats, "open_book", "open_book (worker thread)")
    wrap(textio, "read_text")
    if hasattr(formats, "read_text"):
        wrap(formats, "read_text", "read_text (formats)")
    wrap(markdown_loader, "extract_metadata")
    wrap(markdown_loader, "split_markdown")
    wrap(markdown_loader, "scan_lines")
    wrap(markdown_loader, "MarkdownSectionRenderer", "MarkdownSectionRenderer()")
    wrap(markdown_render.MarkdownSectionRenderer, "render")
    wrap(metadata, "detect_language")
    wrap(library_owner.LibraryOwner, "open", "LibraryOwner.open (library + recovery)")
    wrap(backups.BackupManager, "backup_now", "BackupManager.backup_now (the start-up backup)")
    wrap(main_window.MainWindow, "__init__", "MainWindow.__init__")
    wrap(main_window.MainWindow, "show", "MainWindow.show")
    wrap(main_window.MainWindow, "_book_loaded")
    wrap(appearance.Appearance, "apply")
    wrap(start_page.StartPage, "set_recent")
    wrap(library.Library, "__init__", "Library.__init__")
    wrap(library.Library, "touch")
    wrap(session.AnnotationSession, "open", "AnnotationSession.open")
    wrap(section_provider.SectionProvider, "__init__", "SectionProvider.__init__")
    wrap(section_provider.SectionProvider, "stored")
    wrap(section_provider.SectionProvider, "convert", "SectionProvider.convert (worker thread)")
    wrap(toc_panel.TocPanel, "set_entries")
    wrap(reader_view.ReaderView, "show_section")
    wrap(reader_view.ReaderView, "setHtml")
    wrap(reader_view.ReaderView, "_index_document")
    wrap(reader_view.ReaderView, "_apply_column")
    wrap(reader_view.ReaderView, "paintEvent")
    wrap(reader_view.ReaderView, "resizeEvent")
    wrap(app, "_arm_smoke_test")


def main() -> int:
    import argparse

    parser = argparse.ArgumentParser()
    parser.add_argument("book", type=Path)
    parser.add_argument("--warm", action="store_true", help="open once first: time a re-open")
    args = parser.parse_args()
    home = tempfile.mkdtemp(prefix="readmark-phases-")
    os.environ["READMARK_HOME"] = home
    if args.warm:
        import subprocess

        subprocess.run(
            [sys.executable, "-m", "readmark", str(args.book), "--smoke-test"],
            env=dict(os.environ),
            capture_output=True,
            check=True,
        )
    global T0
    T0 = time.perf_counter()
    instrument()
    from readmark.cli import main as readmark_main

    start = _ms()
    code = readmark_main([str(args.book), "--smoke-test"])
    EVENTS.append((start, _ms() - start, "MainThread", "readmark main() (to exit)"))
    print(f"\n{'start ms':>9} {'took ms':>9}  {'thread':<16} step")
    for start, took, thread, name in sorted(EVENTS):
        if took >= 0.5 or "paint" in name:
            print(f"{start:9.1f} {took:9.1f}  {thread[:16]:<16} {name}")
    return code


if __name__ == "__main__":
    raise SystemExit(main())
