"""Back Up Now and Restore on a big library: how long the window stops answering.

    QT_QPA_PLATFORM=offscreen .venv/bin/python bench/backups.py [--annotations 20000] [--reps 3]

A library with `--annotations` highlights (every 5th with a ~1 KB note, in 50 books)
is made once through the core API. Then, in a real MainWindow, a 5 ms timer ticks
while each operation runs; the longest gap between two ticks is the longest time
the window could not answer (input, paint). Side by side in the same run:

- reference: the core call made on the UI thread, as Readmark did before the
  operations moved to the background (`BackupManager.backup_now("manual")`, and
  `LibraryOwner`'s close, `BackupManager.restore`, open);
- now: File › Back Up Library Now (`LibraryTools.backup_now`) and a restore
  (`LibraryTools.restore`), until they say they are done.

Medians over `--reps`; wall time of each operation too.
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))


def seed(home: Path, count: int) -> None:
    from readmark import paths
    from readmark.core.annotations import Annotation, Kind, TextTarget
    from readmark.core.store.library import Library

    text = "It was the best of times, it was the worst of times, it was the age of wisdom."
    library = Library(paths.library_db())
    books = []
    for n in range(50):
        book = home / f"book-{n}.md"
        library.touch(book, f"content-{n}", f"Book {n}", "")
        books.append(book)
    per_book = count // len(books)
    for n, book in enumerate(books):
        marks = []
        for k in range(per_book):
            start = (k * 7) % 60
            mark = Annotation(Kind.HIGHLIGHT, TextTarget.from_text(0, text, start, start + 9))
            if k % 5 == 0:
                mark = mark.edited(note=f"Note {n}.{k}: " + "a thought worth keeping " * 40)
            marks.append((None, mark))
        library.annotations.apply(book, marks)
    library.close()


class Gaps:
    """The longest wait between ticks of a 5 ms timer: how long the window was deaf."""

    def __init__(self) -> None:
        from PySide6.QtCore import QTimer

        self.timer = QTimer()
        self.timer.setInterval(5)
        self.timer.timeout.connect(self._tick)
        self.longest = 0.0
        self._last = 0.0

    def start(self) -> None:
        self.longest, self._last = 0.0, time.perf_counter()
        self.timer.start()

    def _tick(self) -> None:
        now = time.perf_counter()
        self.longest = max(self.longest, now - self._last)
        self._last = now

    def stop(self) -> float:
        self._tick()
        self.timer.stop()
        return self.longest


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--annotations", type=int, default=20_000)
    parser.add_argument("--reps", type=int, default=3)
    args = parser.parse_args()
    home = Path(tempfile.mkdtemp(prefix="readmark-bench-backups-"))
    os.environ["READMARK_HOME"] = str(home)

    from PySide6.QtCore import QEventLoop, QTimer
    from PySide6.QtWidgets import QApplication

    from readmark import paths
    from readmark.core.render_cache import RenderCache
    from readmark.core.store.settings import Settings
    from readmark.ui.shell.library_owner import LibraryOwner
    from readmark.ui.shell.main_window import MainWindow

    app = QApplication(["readmark"])
    seed(home, args.annotations)
    size = paths.library_db().stat().st_size
    owner = LibraryOwner(paths.library_db(), paths.backups_dir(), keep=50)
    owner.open()
    window = MainWindow(
        Settings(paths.settings_file()), owner, RenderCache(paths.render_cache_dir()), "en"
    )
    window.show()
    tools = window.tools
    gaps = Gaps()

    def settle() -> None:
        loop = QEventLoop()
        QTimer.singleShot(50, loop.quit)
        loop.exec()

    def timed(run) -> tuple[float, float]:  # (wall s, longest gap s)
        settle()
        gaps.start()
        started = time.perf_counter()
        run()
        wall = time.perf_counter() - started
        return wall, gaps.stop()

    def until(signal, start) -> None:
        loop = QEventLoop()
        signal.connect(loop.quit)
        QTimer.singleShot(0, start)
        loop.exec()
        signal.disconnect(loop.quit)

    def restore_on_the_ui_thread(backup: Path) -> None:
        owner.close()
        owner.backups.restore(backup)
        owner.open()
        owner.replaced.emit(owner.library)

    # Kept outside the backups folder, which rotates (Preferences keep 10 there).
    backup = owner.backups.backup_now("bench").rename(home / "kept-backup.sqlite3")
    keys = ("b-ref", "b-now", "r-ref", "r-now")
    rows: dict[str, list[tuple[float, float]]] = {key: [] for key in keys}
    for _ in range(args.reps):
        rows["b-ref"].append(timed(lambda: owner.backups.backup_now("manual")))
        rows["b-now"].append(timed(lambda: until(tools.backed_up, tools.backup_now)))
        rows["r-ref"].append(timed(lambda: restore_on_the_ui_thread(backup)))
        rows["r-now"].append(timed(lambda: until(tools.restored, lambda: tools.restore(backup))))
    names = {
        "b-ref": "Back Up Now, on the UI thread (before)",
        "b-now": "Back Up Now, in the background (now)",
        "r-ref": "Restore, on the UI thread (before)",
        "r-now": "Restore, in the background (now)",
    }
    print(f"library: {args.annotations:,} annotations, {size / 2**20:.1f} MiB; reps {args.reps}")
    print("| operation | wall time | longest the window did not answer |")
    print("|---|---|---|")
    for key, name in names.items():
        wall = statistics.median(w for w, _ in rows[key])
        gap = statistics.median(g for _, g in rows[key])
        print(f"| {name} | {wall * 1000:.0f} ms | {gap * 1000:.0f} ms |")
    window.close()
    owner.close()
    app.quit()
    return 0


if __name__ == "__main__":
    sys.exit(main())
