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
- scrolling the grid a screen every 1/60 s for 120 frames, the event loop
  running between them (covers arrive meanwhile): each frame from when it is
  due until the grid has painted (a frame at 60 Hz is 16.7 ms), and the longest
  the UI thread was busy between frames; then a screen every 0.1 s, where the
  covers of each screen are made and arrive between the steps.

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
FRAMES = 120  # screens scrolled, one per 1/60 s
STEPS = 30  # then screens scrolled one per 0.1 s


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

    # Scrolling as a flick does, a screen every 1/60 s, with the event loop running
    # between frames, so covers arriving meanwhile (their conversion, their repaint)
    # land in the frame they delay. A frame: from when it is due (or when the one
    # before it ended, if that ran late) until the grid has painted the scroll.
    from PySide6.QtCore import QEvent, QObject

    class Paints(QObject):
        count = 0

        def eventFilter(self, watched, event):  # type: ignore[no-untyped-def]  # noqa: N802
            if event.type() == QEvent.Type.Paint:
                Paints.count += 1
            return False

    paints = Paints()
    view.grid.viewport().installEventFilter(paints)
    bar = view.grid.verticalScrollBar()

    def scroll(period: float, count: int) -> dict[str, list[float]]:
        """Wall time of each frame; the UI thread's own CPU time for it (what the
        work costs, whatever else the machine runs) and for each turn of the event
        loop between frames (covers arriving)."""
        got: dict[str, list[float]] = {"wall": [], "cpu": [], "between_wall": [], "between_cpu": []}
        ended = begun = time.perf_counter()
        for k in range(count):
            due = max(begun + k * period, ended)
            while (now := time.perf_counter()) < due:
                cpu = time.thread_time()
                app.processEvents()
                got["between_wall"].append((time.perf_counter() - now) * 1000)
                got["between_cpu"].append((time.thread_time() - cpu) * 1000)
                time.sleep(0.0005)
            before = Paints.count
            cpu = time.thread_time()
            bar.setValue(bar.value() + view.grid.viewport().height())
            while Paints.count == before:
                app.processEvents()
            ended = time.perf_counter()
            got["cpu"].append((time.thread_time() - cpu) * 1000)
            got["wall"].append((ended - due) * 1000)
        return got

    flick = scroll(1 / 60, FRAMES)
    out["frames"] = [round(f, 1) for f in flick["wall"]]
    out["scroll_median"] = statistics.median(flick["wall"])
    out["scroll_max"] = max(flick["wall"])
    out["scroll_late"] = sum(f > 1000 / 60 for f in flick["wall"])
    out["scroll_cpu_max"] = max(flick["cpu"])
    out["stall_max"] = max(flick["between_wall"], default=0.0)
    # A screen every 0.1 s (a wheel turned steadily): covers come between the steps.
    steps = scroll(0.1, STEPS)
    out["step_frames"] = [round(f, 1) for f in steps["wall"]]
    out["step_max"] = max(steps["wall"])
    out["step_cpu_max"] = max(steps["cpu"])
    out["step_stall_max"] = max(steps["between_wall"], default=0.0)
    out["step_stall_cpu_max"] = max(steps["between_cpu"], default=0.0)
    out["load"] = os.getloadavg()[0]
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


def _child(src: Path) -> dict[str, object] | None:
    """One run in a fresh process on a fresh home, with the sources in `src`."""
    with tempfile.TemporaryDirectory() as home:
        env = dict(os.environ, READMARK_HOME=home, QT_QPA_PLATFORM="offscreen", PYTHONPATH=str(src))
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
        return None
    result: dict[str, object] = json.loads(line[len("RESULT ") :])
    return result


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument(
        "--against",
        type=Path,
        help="another checkout's src folder (e.g. an older revision), run interleaved "
        "with this one and shown beside it",
    )
    parser.add_argument("--child", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        print("RESULT " + json.dumps(_once()), flush=True)
        return 0
    src = Path(__file__).resolve().parents[1] / "src"
    runs: list[dict[str, object]] = []
    others: list[dict[str, object]] = []
    for _ in range(args.runs):
        for folder, into in ((src, runs), (args.against, others)):
            if folder is None:
                continue
            result = _child(folder.resolve())
            if result is None:
                return 1
            into.append(result)

    def row(key: str, of: list[dict[str, object]]) -> tuple[float, float, float]:
        values = [float(r[key]) for r in of if key in r]  # type: ignore[arg-type]
        if not values:
            return float("nan"), float("nan"), float("nan")
        return statistics.median(values), min(values), max(values)

    reference = row("reference", runs)[0]
    labels = [
        ("first_show", "Ctrl+L, first time: room built, 5,000 books listed, grid painted", 500),
        ("show_again", "Ctrl+L again (entries reloaded), grid painted", 500),
        ("covers_on_screen", "then the covers on screen made off the UI thread and painted", None),
        ("to_list", "switch to the list, painted", None),
        ("filter_key", "filter keystroke (西游) applied, painted", None),
        ("sort_title", "sort 5,000 by title, painted", None),
        ("scroll_median", f"scroll the grid a screen each 1/60 s (median of {FRAMES})", 16.7),
        ("scroll_max", f"scroll the grid a screen each 1/60 s (slowest of {FRAMES})", 16.7),
        ("scroll_late", f"frames over 16.7 ms (of {FRAMES}; a count)", None),
        ("scroll_cpu_max", "… the UI thread's own CPU time in the slowest frame", 16.7),
        ("stall_max", "longest the UI thread was busy between frames", None),
        (
            "step_max",
            f"scroll a screen each 0.1 s, covers arriving between (slowest of {STEPS})",
            16.7,
        ),
        ("step_cpu_max", "… the UI thread's own CPU time in the slowest step", 16.7),
        (
            "step_stall_max",
            "longest the UI thread was busy between those steps (covers arriving)",
            None,
        ),
        ("step_stall_cpu_max", "… its own CPU time in that longest turn", 16.7),
        ("reference", "reference: a bare QListView over the same 5,000 titles, painted", None),
    ]
    print(
        f"Library view, {BOOKS:,} books ({WITH_COVERS} with a saved cover), "
        f"median of {len(runs)} fresh processes (min–max), offscreen 1100×760"
        + (f"; beside it {args.against}, run interleaved" if others else "")
        + f"; load average {row('load', runs)[1]:.1f}–{row('load', runs)[2]:.1f} during the runs"
        + "\n"
    )
    against = " | against: median (min–max)" if others else ""
    print(f"| operation | median ms | min–max ms | × reference | target{against} |")
    print("|---|---:|---|---:|---" + ("|---" if others else "") + "|")
    for key, label, target in labels:
        median, low, high = row(key, runs)
        verdict = ""
        if target is not None:
            verdict = f"< {target} ms " + (
                "**PASS**" if (high if key.endswith("max") else median) < target else "**FAIL**"
            )
        ratio = f"{median / reference:.1f}×" if key != "reference" else "1.0×"
        extra = ""
        if others:
            o_median, o_low, o_high = row(key, others)
            extra = f" | {o_median:.1f} ({o_low:.1f}–{o_high:.1f})"
        print(f"| {label} | {median:.1f} | {low:.1f}–{high:.1f} | {ratio} | {verdict}{extra} |")
    return 0


if __name__ == "__main__":
    sys.exit(main())
