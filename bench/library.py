"""`bench/library.py`: the library view with 5,000 books, against a bare QListView
over the same 5,000 titles, measured in the same run (issue 11 §5).

Each run is a fresh process (offscreen, window 1100×760) on a fresh
READMARK_HOME whose library holds 5,000 books (half Chinese, half English
titles; 500 with a saved cover thumbnail, the rest get a generated cover).
Timed, from the action to the grid painted (processEvents, then a synchronous
repaint of the grid's viewport):

- the first Ctrl+L (the room's modules imported, the model filled, laid out);
- Ctrl+L again after going back to the start page (entries reloaded);
- the covers on screen all made (off the UI thread) and painted;
- switching to the list, one filter keystroke, sorting by title;
- scrolling the grid a screen at a time: the scroll until the grid has painted
  (a frame at 60 Hz is 16.7 ms).

The reference is a bare QListView with a QStringListModel of the same titles,
from creating it to its first paint, in the same process.

    .venv/bin/python bench/library.py [--runs 3]
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

BOOKS = 5000
WITH_COVERS = 500


def _titles() -> list[tuple[str, str]]:
    chinese = ["红楼梦", "三国演义", "水浒传", "西游记", "聊斋志异", "儒林外史", "春秋左传", "史记"]
    english = ["Walden", "Emma", "Middlemarch", "Ulysses", "Moby-Dick", "Persuasion", "Dubliners"]
    rows = []
    for n in range(BOOKS):
        if n % 2:
            rows.append((f"{chinese[n % len(chinese)]} 第{n}卷", "佚名"))
        else:
            rows.append((f"{english[n % len(english)]}, volume {n}", f"Author {n % 97}"))
    return rows


def _seed(home: Path) -> None:
    from PySide6.QtGui import QColor, QImage

    from readmark import paths
    from readmark.core.store.catalog import BookFile
    from readmark.core.store.library import Library

    library = Library(paths.library_db())
    files = [
        BookFile(
            path=home / "books" / f"book-{n}.md",
            content_id=f"{n:040x}",
            title=title,
            authors=author,
            format=("markdown", "epub", "text")[n % 3],
            language="zh-Hans" if n % 2 else "en",
            size=10_000 + n * 37,
            mtime=0.0,
        )
        for n, (title, author) in enumerate(_titles())
    ]
    library.catalog.record(files)
    for n, book in enumerate(files[:2000]):
        if n % 3 == 0:
            library.catalog.set_progress(book.path, (n % 100) / 100, "Chapter 1")
    library.close()
    covers = paths.cache_dir() / "covers"
    covers.mkdir(parents=True, exist_ok=True)
    for n in range(0, BOOKS, BOOKS // WITH_COVERS):
        image = QImage(88, 128, QImage.Format.Format_RGB32)
        image.fill(QColor.fromHsv(n % 360, 120, 200))
        image.save(str(covers / f"{n:040x}.png"))


def _once() -> dict[str, object]:
    """One run, in this process (a child of main)."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtCore import QStringListModel
    from PySide6.QtWidgets import QApplication, QListView

    app = QApplication(sys.argv[:1])
    home = Path(os.environ["READMARK_HOME"])
    _seed(home)

    from readmark import paths
    from readmark.core.render_cache import RenderCache
    from readmark.core.store.settings import Settings
    from readmark.ui.shell.library_owner import LibraryOwner
    from readmark.ui.shell.main_window import MainWindow

    assert "readmark.ui.library.room" not in sys.modules
    owner = LibraryOwner(paths.library_db(), paths.backups_dir())
    owner.open()
    window = MainWindow(
        Settings(paths.settings_file()), owner, RenderCache(paths.render_cache_dir()), "en"
    )
    window.resize(1100, 760)
    window.show()
    for _ in range(5):
        app.processEvents()
    action = window.menu_actions.show_library
    out: dict[str, object] = {}

    def timed(do) -> float:  # type: ignore[no-untyped-def]
        start = time.perf_counter()
        do()
        app.processEvents()
        room = window.library_wiring.room
        room.view.current_view().viewport().repaint()
        return (time.perf_counter() - start) * 1000

    out["first_show"] = timed(action.trigger)
    room = window.library_wiring.room
    view = room.view
    assert view.model.rowCount() == BOOKS, view.model.rowCount()
    # The covers of the first screen, made off the UI thread, arrive.
    start = time.perf_counter()
    while room.covers._wanted or window.tasks.running("library-covers"):  # noqa: SLF001 - bench
        app.processEvents()
        time.sleep(0.001)
    view.grid.viewport().repaint()
    out["covers_on_screen"] = (time.perf_counter() - start) * 1000
    action.trigger()  # back to the start page
    app.processEvents()
    out["show_again"] = timed(action.trigger)

    # One frame: the scroll, then the events until the grid's viewport has painted
    # (the paint the scroll asked for), as the window system would show it.
    from PySide6.QtCore import QEvent, QObject

    class Paints(QObject):
        count = 0

        def eventFilter(self, watched, event):  # type: ignore[no-untyped-def]  # noqa: N802
            if event.type() == QEvent.Type.Paint:
                Paints.count += 1
            return False

    paints = Paints()
    view.grid.viewport().installEventFilter(paints)
    frames = []
    bar = view.grid.verticalScrollBar()
    for _ in range(40):
        before = Paints.count
        start = time.perf_counter()
        bar.setValue(bar.value() + view.grid.viewport().height())
        while Paints.count == before:
            app.processEvents()
        frames.append((time.perf_counter() - start) * 1000)
        app.processEvents()  # covers that arrived meanwhile: their own frame, not timed here
    out["frames"] = [round(f, 1) for f in frames]
    out["scroll_median"] = statistics.median(frames)
    out["scroll_max"] = max(frames)
    out["to_list"] = timed(lambda: view.set_mode("list", announce=True))
    out["filter_key"] = timed(lambda: view.model.set_filter("西游"))
    assert view.model.rowCount() > 0
    view.model.set_filter("")
    out["sort_title"] = timed(lambda: view.model.sort_by("title", False))

    titles = [f"{t} — {a}" for t, a in _titles()]
    start = time.perf_counter()
    bare = QListView()
    bare.setUniformItemSizes(True)
    bare.setModel(QStringListModel(titles))
    bare.resize(1100, 760)
    bare.show()
    app.processEvents()
    bare.viewport().repaint()
    out["reference"] = (time.perf_counter() - start) * 1000
    window.close()
    owner.close()
    return out


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--child", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        print("RESULT " + json.dumps(_once()), flush=True)
        return 0
    src = Path(__file__).resolve().parents[1] / "src"
    runs = []
    for _ in range(args.runs):
        with tempfile.TemporaryDirectory() as home:
            env = dict(
                os.environ,
                READMARK_HOME=home,
                QT_QPA_PLATFORM="offscreen",
                PYTHONPATH=str(src),
            )
            done = subprocess.run(
                [sys.executable, __file__, "--child"],
                env=env,
                capture_output=True,
                text=True,
                timeout=600,
            )
            line = next((x for x in done.stdout.splitlines() if x.startswith("RESULT ")), None)
            if line is None:
                print(done.stderr[-3000:], file=sys.stderr)
                return 1
            runs.append(json.loads(line[len("RESULT ") :]))

    def row(key: str) -> tuple[float, float, float]:
        values = [float(r[key]) for r in runs]
        return statistics.median(values), min(values), max(values)

    reference = row("reference")[0]
    labels = [
        ("first_show", "Ctrl+L, first time: room built, 5,000 books listed, grid painted", 500),
        ("show_again", "Ctrl+L again (entries reloaded), grid painted", 500),
        ("covers_on_screen", "then the covers on screen made off the UI thread and painted", None),
        ("to_list", "switch to the list, painted", None),
        ("filter_key", "filter keystroke (西游) applied, painted", None),
        ("sort_title", "sort 5,000 by title, painted", None),
        ("scroll_median", "scroll the grid a screen (median of 40)", 16.7),
        ("scroll_max", "scroll the grid a screen (slowest of 40)", 16.7),
        ("reference", "reference: a bare QListView over the same 5,000 titles, painted", None),
    ]
    print(
        f"Library view, {BOOKS:,} books ({WITH_COVERS} with a saved cover), "
        f"median of {len(runs)} fresh processes (min–max), offscreen 1100×760\n"
    )
    print("| operation | median ms | min–max ms | × reference | target |")
    print("|---|---:|---|---:|---|")
    for key, label, target in labels:
        median, low, high = row(key)
        verdict = ""
        if target is not None:
            verdict = f"< {target} ms " + (
                "**PASS**" if (high if key == "scroll_max" else median) < target else "**FAIL**"
            )
        ratio = f"{median / reference:.1f}×" if key != "reference" else "1.0×"
        print(f"| {label} | {median:.1f} | {low:.1f}–{high:.1f} | {ratio} | {verdict} |")
    return 0


if __name__ == "__main__":
    sys.exit(main())
