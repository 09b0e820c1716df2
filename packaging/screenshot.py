"""Take a screenshot of the reader for the README and for looking at changes.

Run under a display (e.g. `xvfb-run -s "-screen 0 1280x860x24" .venv/bin/python
packaging/screenshot.py BOOK OUT.png --entry "前 言" --pages 1 --theme light`).
It drives the real main window, on a throwaway READMARK_HOME.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
from pathlib import Path

_SENTENCE_ENDS = '。；！？!?;“”「」"'
_CLAUSE_ENDS = "，：,:"


def _sentences(text: str, start: int, end: int) -> list[list[tuple[int, int]]]:
    """The sentences of text[start:end], each as its clauses' [start, end)."""
    sentences: list[list[tuple[int, int]]] = []
    clauses: list[tuple[int, int]] = []
    begin = start
    for i in range(start, end + 1):
        ch = text[i] if i < end else "。"
        if ch in _SENTENCE_ENDS or ch in _CLAUSE_ENDS:
            if text[begin:i].strip():
                clauses.append((begin, i))
            begin = i + 1
            if ch in _SENTENCE_ENDS and clauses:
                sentences.append(clauses)
                clauses = []
    return sentences


def _span(sentences: list[list[tuple[int, int]]], sentence: int, clause: int) -> tuple[int, int]:
    """Clauses of one sentence from `clause` on, up to ~40 characters (a quotable bit)."""
    clauses = sentences[sentence % len(sentences)]
    first = clauses[clause % len(clauses)]
    last = first
    for candidate in clauses[clauses.index(first) + 1 :]:
        if candidate[1] - first[0] > 40:
            break
        last = candidate
    return first[0], last[1]


def seed_annotations(book_path: Path, section: int) -> None:
    """A small, varied set on `section`'s first two paragraphs, through the core API:
    four highlight colours (one with a note), an underline and a bookmark."""
    from readmark import paths
    from readmark.core.annotations import Annotation, Kind, Style, TextTarget
    from readmark.core.formats import open_book
    from readmark.core.store.library import Library, ReadingPosition
    from readmark.core.store.settings import Settings

    book = open_book(book_path)
    text = book.section_text(section)
    paragraphs, at = [], 0
    for line in text.split("\n"):
        if len(line) >= 60:
            paragraphs.append(_sentences(text, at, at + len(line)))
        at += len(line) + 1
    if len(paragraphs) < 2:
        raise SystemExit(f"section {section} has too little text to annotate")
    first, second = paragraphs[0], paragraphs[1]
    cjk = book.metadata.language.startswith(("zh", "ja", "ko"))

    def target(sentences: list[list[tuple[int, int]]], sentence: int, clause: int) -> TextTarget:
        return TextTarget.from_text(section, text, *_span(sentences, sentence, clause))

    note = "全书的立论基础，第一章展开。" if cjk else "The book's premise; chapter 1 develops it."
    marks = [
        Annotation(Kind.HIGHLIGHT, target(first, 1, 0), color="yellow"),
        Annotation(Kind.HIGHLIGHT, target(first, 4, 0), color="green"),
        Annotation(Kind.HIGHLIGHT, target(second, 1, 1), color="blue", note=note),
        Annotation(Kind.HIGHLIGHT, target(second, 2, 1), color="pink"),
        Annotation(Kind.HIGHLIGHT, target(second, 4, 0), color="purple", style=Style.UNDERLINE),
        Annotation(
            Kind.BOOKMARK,
            TextTarget.from_text(section, text, first[0][0][0], first[0][0][0]),
            label=book.sections[section].title,
        ),
    ]
    settings = Settings(paths.settings_file())
    settings.set("reader.toc_visible", False)
    settings.set("reader.annotations_visible", True)
    library = Library(paths.library_db())
    try:
        authors = ", ".join(book.metadata.authors)
        library.touch(book.path, book.content_id, book.metadata.title, authors)
        for annotation in marks:
            library.annotations.add(book.path, annotation, anchored_to=book.cache_key)
        library.save_position(book.path, ReadingPosition(section, 0))
    finally:
        library.close()


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("book", type=Path)
    parser.add_argument("out", type=Path)
    parser.add_argument("--entry", default="", help="TOC entry title to go to")
    parser.add_argument("--section", type=int, help="section to go to (0-based)")
    parser.add_argument("--pages", type=int, default=0, help="pages to turn after that")
    parser.add_argument("--theme", default="light", choices=["light", "dark", "sepia"])
    parser.add_argument("--size", default="1200x800")
    parser.add_argument("--lang", default="en")
    parser.add_argument(
        "--annotations",
        type=int,
        metavar="SECTION",
        help="seed highlights, an underline, a note and a bookmark into section SECTION, "
        "open the book there and show the annotations panel instead of the contents",
    )
    parser.add_argument(
        "--chapter-rules",
        action="store_true",
        help="open Book › Chapter Rules… over the book and take the window with it",
    )
    parser.add_argument(
        "--search",
        metavar="QUERY",
        help="open Find in Book (Ctrl+F), search for QUERY and go to the first hit",
    )
    parser.add_argument(
        "--error",
        action="store_true",
        help="the book is expected not to open: take the window with its message",
    )
    args = parser.parse_args()
    os.environ.setdefault("READMARK_HOME", tempfile.mkdtemp(prefix="readmark-shot-"))
    if args.annotations is not None:
        seed_annotations(args.book.resolve(), args.annotations)

    from PySide6.QtCore import QEventLoop, Qt, QTimer
    from PySide6.QtWidgets import QApplication

    from readmark import i18n, paths
    from readmark.core.store.settings import Settings
    from readmark.ui.shell.library_owner import LibraryOwner
    from readmark.ui.shell.main_window import MainWindow

    app = QApplication(sys.argv[:1])
    i18n.install_translator(app, args.lang)
    settings = Settings(paths.settings_file())
    settings.set("reader.theme", args.theme)
    owner = LibraryOwner(paths.library_db(), paths.backups_dir())
    owner.open()
    window = MainWindow(settings, owner, None, args.lang)
    width, height = (int(v) for v in args.size.split("x"))
    window.resize(width, height)
    window.show()

    def wait(ms: int) -> None:
        loop = QEventLoop()
        QTimer.singleShot(ms, loop.quit)
        loop.exec()

    def save_screen_over_window() -> int:
        """The screen where the window is, with any dialog over it (window.grab()
        would leave the dialog out)."""
        wait(400)  # the dialog is shown and painted
        frame = window.frameGeometry()
        screen = app.primaryScreen()
        shot = screen.grabWindow(0, frame.x(), frame.y(), frame.width(), frame.height())
        shot.save(str(args.out))
        print(args.out)
        return 0

    loop = QEventLoop()
    window.book_shown.connect(loop.quit)
    window.open_failed.connect(lambda message: (print(message, file=sys.stderr), loop.quit()))
    window.open_path(args.book)
    loop.exec()
    if args.error:
        if window.reader.book is not None:
            print(f"{args.book} opened; expected an error", file=sys.stderr)
            return 1
        return save_screen_over_window()
    if window.reader.book is None:
        return 1
    if args.entry:
        tree = window.toc.tree
        items = tree.findItems(args.entry, Qt.MatchFlag.MatchExactly | Qt.MatchFlag.MatchRecursive)
        if not items:
            print(f"no TOC entry {args.entry!r}", file=sys.stderr)
            return 1
        tree.itemClicked.emit(items[0], 0)
    if args.section is not None:
        window.reader.go_to(args.section)
    while window.reader.is_preparing():  # a section not converted yet arrives shortly
        wait(20)
    for _ in range(args.pages):
        window.reader.scroll_page(+1)
    if args.chapter_rules:
        window.menu_actions.chapter_rules.trigger()
        return save_screen_over_window()
    if args.search:
        window.menu_actions.find.trigger()
        searched = QEventLoop()
        window.finder.searched.connect(searched.quit)
        window.finder.panel.field.insert(args.search)  # as an input method commits it
        searched.exec()
        window.menu_actions.find_next.trigger()
        while window.reader.is_preparing():
            wait(20)
    wait(300)
    window.grab().save(str(args.out))
    print(args.out)
    return 0


if __name__ == "__main__":
    sys.exit(main())
