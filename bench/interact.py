"""In-process interaction timings for bench/run.py: one offscreen QApplication,
a real `MainWindow` built the way tests/ui/conftest.py builds it, a big book.

Every timed operation ends the same way, so each number is "until the new
screen is laid out and painted": `QApplication.processEvents()`, forcing the
document layout (`documentLayout().documentSize()`), then a synchronous
`viewport().repaint()`.

Between trials the bench waits for the section provider's background prefetch
to finish (a reader does not act within milliseconds of the previous action),
except in the row that says it does not.
"""

from __future__ import annotations

import os
import statistics
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path

from PySide6.QtCore import QEventLoop, QTimer

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


@dataclass
class OpResult:
    name: str
    samples_ms: list[float] = field(default_factory=list)
    paint_ms: list[float] = field(default_factory=list)  # the repaint alone
    note: str = ""
    target_ms: float | None = 100.0

    @property
    def median(self) -> float:
        return statistics.median(self.samples_ms) if self.samples_ms else float("nan")

    @property
    def max(self) -> float:
        return max(self.samples_ms) if self.samples_ms else float("nan")

    @property
    def paint_median(self) -> float:
        return statistics.median(self.paint_ms) if self.paint_ms else float("nan")


class Session:
    """A MainWindow on a throwaway READMARK_HOME with one book open."""

    def __init__(self, book: Path | None, language: str, home: str | None = None) -> None:
        """Open `book` (None: leave the window empty) on `home` (None: a fresh one)."""
        from PySide6.QtWidgets import QApplication

        self.app = QApplication.instance() or QApplication(["readmark-bench"])
        self.home = home or tempfile.mkdtemp(prefix="readmark-bench-ui-")
        os.environ["READMARK_HOME"] = self.home

        from readmark import paths
        from readmark.core.render_cache import RenderCache
        from readmark.core.store.settings import Settings
        from readmark.ui.shell.library_owner import LibraryOwner
        from readmark.ui.shell.main_window import MainWindow

        self.owner = LibraryOwner(paths.library_db(), paths.backups_dir())
        self.owner.open()
        self.library = self.owner.library
        self.window = MainWindow(
            Settings(paths.settings_file()),
            self.owner,
            RenderCache(paths.render_cache_dir()),
            language,
        )
        self.window.resize(1000, 700)
        self.window.show()
        self.reader = self.window.reader
        self.tree = self.window.toc.tree
        self._shown_at = 0.0
        self.reader.section_shown.connect(self._on_section_shown)
        self.app.processEvents()
        if book is not None:
            self._open(book)

    # -- plumbing --------------------------------------------------------------

    def _on_section_shown(self, _index: int) -> None:
        self._shown_at = time.perf_counter()

    def _wait(self, predicate, timeout: float = 30.0) -> bool:  # type: ignore[no-untyped-def]
        deadline = time.perf_counter() + timeout
        while not predicate():
            if time.perf_counter() > deadline:
                return False
            self.app.processEvents()
            time.sleep(0.002)
        return True

    def _open(self, book: Path) -> None:
        done: list[object] = []
        self.window.book_shown.connect(done.append)
        self.window.open_failed.connect(lambda message: done.append(RuntimeError(message)))
        self.window.open_path(book)
        if not self._wait(lambda: bool(done), timeout=120):
            raise RuntimeError(f"{book} did not open within 120 s")
        if isinstance(done[0], Exception):
            raise done[0]
        self.settle()
        self.idle()

    def settle(self) -> float:
        """Wait for a section asked for to arrive (it is converted in the background),
        process events, force layout, paint; returns the repaint's own ms."""
        if self.reader.is_preparing():
            # Wait as the application does, in Qt's event loop (which lets the worker
            # have the interpreter), not by polling it, until the section is shown.
            loop = QEventLoop()
            self.reader.section_shown.connect(loop.quit)
            QTimer.singleShot(30_000, loop.quit)
            if self.reader.is_preparing():
                loop.exec()
            self.reader.section_shown.disconnect(loop.quit)
        self.app.processEvents()
        self.reader.document().documentLayout().documentSize()
        start = time.perf_counter()
        self.reader.viewport().repaint()
        return (time.perf_counter() - start) * 1000

    def idle(self, timeout: float = 5.0) -> None:
        """Let background prefetch finish so it does not share the GIL with a trial."""
        timer = getattr(self.reader, "_prefetch_timer", None)
        if timer is not None:  # prefetch starts once the reader pauses
            self._wait(lambda: not timer.isActive(), timeout=timeout)
            self.app.processEvents()
        tasks = self.window.tasks
        self._wait(lambda: not tasks.running("prefetch"), timeout=timeout)
        time.sleep(0.01)
        self.app.processEvents()

    def chapters(self) -> list:  # type: ignore[type-arg]
        return [self.tree.topLevelItem(i) for i in range(self.tree.topLevelItemCount())]

    def section_count(self) -> int:
        book = self.reader.book
        assert book is not None
        return len(book.sections)

    def close(self) -> None:
        self.window.close()
        self.owner.close()
        self.window.deleteLater()
        self.app.processEvents()

    # -- operations --------------------------------------------------------------

    def _timed(self, result: OpResult, action) -> None:  # type: ignore[no-untyped-def]
        start = time.perf_counter()
        action()
        paint = self.settle()
        result.samples_ms.append((time.perf_counter() - start) * 1000)
        result.paint_ms.append(paint)

    def toc_jumps(self, trials: int, label: str) -> OpResult:
        """Click TOC entries of far chapters (the last `trials` ones, last first)."""
        result = OpResult(f"TOC jump to a far chapter ({label})")
        items = self.chapters()
        targets = items[-trials:][::-1] if len(items) > trials else items[::-1]
        for item in targets:
            self.reader.go_to(0, remember=False)
            self.settle()
            self.idle()
            section, _anchor = item.data(0, 256)  # Qt.UserRole
            self._timed(result, lambda item=item: self.tree.itemClicked.emit(item, 0))
            if self.reader.section != section:
                result.note = f"landed in section {self.reader.section}, expected {section}"
        return result

    def page_scrolls(self, trials: int, first_section: int) -> OpResult:
        result = OpResult("scroll one page (PageDown inside a chapter)")
        section = first_section
        self.reader.go_to(section, remember=False)
        self.settle()
        self.idle()
        bar = self.reader.verticalScrollBar()
        while len(result.samples_ms) < trials:
            if bar.value() + 2 * self.reader.viewport().height() >= bar.maximum():
                section += 1  # the next page would reach the chapter's end: start afresh
                self.reader.go_to(section, remember=False)
                self.settle()
                self.idle()
                continue
            self._timed(result, lambda: self.reader.scroll_page(+1))
        return result

    def chapter_flows(self, trials: int, first_section: int, wait_prefetch: bool) -> OpResult:
        name = "flow into the next chapter at a chapter end (PageDown)"
        if not wait_prefetch:
            name = "flow into the next chapter right after arriving at its end (prefetch running)"
        result = OpResult(name)
        if not wait_prefetch:
            result.target_ms = None
            result.note = "worst case, information only"
        for k in range(trials):
            section = first_section + k
            if section + 1 >= self.section_count():
                break
            self.reader.go_to(section, remember=False)
            self.to_end()
            if wait_prefetch:
                self.idle()
            self._timed(result, lambda: self.reader.scroll_page(+1))
            if self.reader.section != section + 1:
                result.note = (
                    f"did not flow: in section {self.reader.section}, expected {section + 1}"
                )
        return result

    def to_end(self) -> None:
        """Scroll to the very end; the maximum grows while Qt lays the chapter out."""
        bar = self.reader.verticalScrollBar()
        for _ in range(10):
            self.settle()
            if bar.value() >= bar.maximum():
                return
            bar.setValue(bar.maximum())

    def backward_flows(self, trials: int, first_section: int) -> OpResult:
        result = OpResult(
            "flow back into the previous chapter at a chapter top (PageUp), landing at its end"
        )
        short = []
        for k in range(trials):
            section = first_section + k
            if section >= self.section_count():
                break
            self.reader.go_to(section, remember=False)
            self.settle()
            self.reader.verticalScrollBar().setValue(0)
            self.settle()
            self.idle()
            self._timed(result, lambda: self.reader.scroll_page(-1))
            bar = self.reader.verticalScrollBar()
            if self.reader.section != section - 1:
                result.note = (
                    f"did not flow: in section {self.reader.section}, expected {section - 1}"
                )
            elif bar.value() < bar.maximum():
                short.append(bar.maximum() - bar.value())
        if short:
            result.note = (
                f"landed short of the chapter end in {len(short)} of "
                f"{len(result.samples_ms)} trials, "
                f"by up to {max(short)} px of {self.reader.verticalScrollBar().maximum()}"
            )
        return result

    def resizes(self, trials: int, section: int) -> OpResult:
        result = OpResult("window resize (re-layout of the chapter)")
        self.reader.go_to(section, remember=False)
        self.settle()
        self.idle()
        bar = self.reader.verticalScrollBar()
        bar.setValue(bar.maximum() // 2)
        self.settle()
        sizes = [(1280, 860), (900, 640), (1100, 760), (1000, 700)]
        for k in range(trials):
            w, h = sizes[k % len(sizes)]
            self._timed(result, lambda w=w, h=h: self.window.resize(w, h))
        return result


def run_interactions(book: Path, language: str, trials: int) -> list[OpResult]:
    session = Session(book, language)
    try:
        n = session.section_count()
        results = [
            session.toc_jumps(trials, "not converted yet"),
            session.toc_jumps(trials, "visited before: render cache warm"),
            session.page_scrolls(trials, first_section=min(n - 1, max(1, n // 5))),
            session.chapter_flows(trials, first_section=max(1, n // 3), wait_prefetch=True),
            session.chapter_flows(trials, first_section=max(1, n // 2), wait_prefetch=False),
            session.backward_flows(trials, first_section=max(2, (3 * n) // 5)),
            session.resizes(trials, section=min(n - 1, max(1, (2 * n) // 3))),
        ]
    finally:
        session.close()
    return results
