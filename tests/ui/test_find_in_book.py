"""Search in the book as a reader uses it: Ctrl+F, typing, Enter and F3,
clicking a result, the hits marked on the page, Esc — through the window's
public widgets and the reader's public interface."""

from __future__ import annotations

import shutil
import time
from pathlib import Path

import pytest
from PySide6.QtCore import QLocale, QModelIndex, Qt
from PySide6.QtGui import QInputMethodEvent
from PySide6.QtWidgets import QApplication, QDockWidget, QLabel, QLineEdit, QListView, QToolButton
from reader_wait import wait_shown

from readmark.core.search import warm
from readmark.core.search.hit_list import Hit
from readmark.core.search.warm import PROCESS_NAME
from readmark.ui.search.results_model import HIT_ROLE


def panel(window) -> QDockWidget:
    return window.findChild(QDockWidget, "search")


def field(window) -> QLineEdit:
    return window.findChild(QLineEdit, "searchField")


def status(window) -> str:
    return window.findChild(QLabel, "searchStatus").text()


def results(window) -> QListView:
    return window.findChild(QListView, "searchResults")


def hit_rows(window) -> list[QModelIndex]:
    """The result rows that stand for a hit (the others name chapters)."""
    model = results(window).model()
    rows = [model.index(row, 0) for row in range(model.rowCount())]
    return [row for row in rows if row.data(HIT_ROLE) is not None]


def chapter_rows(window) -> list[str]:
    model = results(window).model()
    rows = [model.index(row, 0) for row in range(model.rowCount())]
    return [row.data() for row in rows if row.data(HIT_ROLE) is None]


def open_search(qtbot, window) -> QLineEdit:
    qtbot.keyClick(window.reader, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: panel(window) is not None and panel(window).isVisible())
    edit = field(window)
    qtbot.waitUntil(edit.hasFocus)
    return edit


def type_into(qtbot, edit: QLineEdit, text: str) -> None:
    """Type as a reader does: keys for ASCII, else what an input method (a Chinese
    IME) commits when a word is chosen."""
    if text.isascii():
        qtbot.keyClicks(edit, text)
        return
    event = QInputMethodEvent("", [])
    event.setCommitString(text)
    QApplication.sendEvent(edit, event)


def search(qtbot, window, text: str) -> None:
    """Type `text` into the field and wait until the whole book is searched."""
    edit = open_search(qtbot, window) if panel(window) is None else field(window)
    with qtbot.waitSignal(window.finder.searched, timeout=20_000):
        edit.selectAll()
        type_into(qtbot, edit, text)


def selected(window) -> str:
    return window.reader.textCursor().selectedText()


@pytest.fixture
def novel(tmp_path: Path, shared_books: Path) -> Path:
    copy = tmp_path / "三国演义.txt"
    shutil.copy(shared_books / "三国演义.txt", copy)
    return copy


def test_ctrl_f_type_enter_and_f3_go_through_the_hits(qtbot, make_window, open_and_wait, long_book):
    window = make_window()
    open_and_wait(window, long_book)
    assert panel(window) is None  # built at the first Ctrl+F, not before
    search(qtbot, window, "paragraph 3.2:")
    # "Paragraph 3.2:" once under "Chapter 3" and once under "Part 3.2".
    assert len(hit_rows(window)) == 2
    assert status(window) == "2 found"
    qtbot.keyClick(field(window), Qt.Key.Key_Return)
    wait_shown(qtbot, window.reader)
    qtbot.waitUntil(lambda: selected(window) == "Paragraph 3.2:")
    assert status(window) == "1 of 2"
    first_section = window.reader.section
    qtbot.keyClick(field(window), Qt.Key.Key_F3)
    qtbot.waitUntil(lambda: status(window) == "2 of 2")
    wait_shown(qtbot, window.reader)
    assert selected(window) == "Paragraph 3.2:"
    assert window.reader.section == first_section  # the same chapter, further on
    qtbot.keyClick(field(window), Qt.Key.Key_F3)  # round to the first again
    qtbot.waitUntil(lambda: status(window) == "1 of 2")
    qtbot.keyClick(field(window), Qt.Key.Key_Return, Qt.KeyboardModifier.ShiftModifier)
    qtbot.waitUntil(lambda: status(window) == "2 of 2")
    qtbot.keyClick(field(window), Qt.Key.Key_F3, Qt.KeyboardModifier.ShiftModifier)
    qtbot.waitUntil(lambda: status(window) == "1 of 2")
    # Going to a hit selects it quietly: no annotation popup offers to mark it.
    assert window.findChild(QDockWidget, "annotations") is None


def test_clicking_a_result_goes_to_it_and_selects_it(qtbot, make_window, open_and_wait, long_book):
    window = make_window()
    open_and_wait(window, long_book)
    search(qtbot, window, "Paragraph 4.7:")
    rows = hit_rows(window)
    assert len(rows) == 2
    view = results(window)
    target = rows[1]
    hit = target.data(HIT_ROLE)
    assert isinstance(hit, Hit)
    view.scrollTo(target)
    rect = view.visualRect(target)
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    wait_shown(qtbot, window.reader)
    qtbot.waitUntil(lambda: selected(window) == "Paragraph 4.7:")
    assert window.reader.section == hit.section
    assert window.reader.selected_range() == (hit.start, hit.end)
    assert status(window) == "2 of 2"
    # The hit is on screen.
    first, last = window.reader.visible_range()
    assert first <= hit.start <= last


def test_every_hit_on_the_page_is_marked_while_searching_and_none_after(
    qtbot, make_window, open_and_wait, long_book
):
    window = make_window()
    open_and_wait(window, long_book)
    reader = window.reader
    before = len(reader.extraSelections())
    search(qtbot, window, "lazy dog")
    marked = reader.found_marked()
    assert len(marked) == 2 * 30 * 6  # six times in each paragraph of both halves
    text = reader.canonical_text()
    assert all(text[a:b] == "lazy dog" for a, b in marked)
    assert len(reader.extraSelections()) == before + len(marked)
    # The page's marks are extra selections over exactly those words.
    words = {s.cursor.selectedText() for s in reader.extraSelections()}
    assert words == {"lazy dog"}
    qtbot.keyClick(field(window), Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: not panel(window).isVisible())
    assert reader.found_marked() == []
    assert len(reader.extraSelections()) == before
    assert reader.hasFocus()


def test_options_match_case_whole_words_and_regular_expressions(
    qtbot, make_window, open_and_wait, long_book
):
    window = make_window()
    open_and_wait(window, long_book)
    search(qtbot, window, "QUICK")
    # Folded: every "quick" (4 chapters of 60 paragraphs, 6 in each), counted in the locale.
    assert status(window) == f"{QLocale().toString(1440)} found"
    with qtbot.waitSignal(window.finder.searched, timeout=20_000):
        qtbot.mouseClick(
            window.findChild(QToolButton, "searchMatchCase"), Qt.MouseButton.LeftButton
        )
    assert status(window) == "No results"
    with qtbot.waitSignal(window.finder.searched, timeout=20_000):
        qtbot.mouseClick(
            window.findChild(QToolButton, "searchMatchCase"), Qt.MouseButton.LeftButton
        )
    search(qtbot, window, "fo")
    assert status(window) == f"{QLocale().toString(1440)} found"
    with qtbot.waitSignal(window.finder.searched, timeout=20_000):
        qtbot.mouseClick(
            window.findChild(QToolButton, "searchWholeWords"), Qt.MouseButton.LeftButton
        )
    assert status(window) == "No results"
    qtbot.mouseClick(window.findChild(QToolButton, "searchWholeWords"), Qt.MouseButton.LeftButton)
    qtbot.mouseClick(window.findChild(QToolButton, "searchRegex"), Qt.MouseButton.LeftButton)
    search(qtbot, window, r"Paragraph 2\.1\d:")
    assert status(window) == "20 found"


@pytest.mark.parametrize(
    ("typed", "regex", "says"),
    [
        ("(", True, "This is not a valid regular expression"),
        ("[a-", True, "This is not a valid regular expression"),
        ("no such words anywhere", False, "No results"),
    ],
)
def test_a_query_that_cannot_be_searched_or_finds_nothing_says_so(
    qtbot, make_window, open_and_wait, long_book, typed, regex, says
):
    window = make_window()
    open_and_wait(window, long_book)
    open_search(qtbot, window)
    if regex:
        qtbot.mouseClick(window.findChild(QToolButton, "searchRegex"), Qt.MouseButton.LeftButton)
        qtbot.keyClicks(field(window), typed)
        qtbot.waitUntil(lambda: status(window).startswith(says))
    else:
        search(qtbot, window, typed)
        assert status(window) == says
    assert hit_rows(window) == []
    qtbot.keyClick(field(window), Qt.Key.Key_Return)  # Enter with nothing to go to
    assert status(window).startswith(says)


def test_blank_and_very_long_queries(qtbot, make_window, open_and_wait, long_book):
    window = make_window()
    open_and_wait(window, long_book)
    edit = open_search(qtbot, window)
    qtbot.keyClicks(edit, " ")  # a lone space: nothing is searched, and it says why
    qtbot.keyClick(edit, Qt.Key.Key_Return)
    assert status(window) == "Type something to find." and hit_rows(window) == []
    edit.clear()
    assert status(window) == ""
    edit.setText("x" * 20_000)  # pasted: the field keeps the first 10,000
    assert len(edit.text()) == 10_000
    qtbot.waitUntil(lambda: status(window) == "No results", timeout=20_000)


def test_a_traditional_query_finds_the_simplified_novel(qtbot, make_window, open_and_wait, novel):
    window = make_window()
    open_and_wait(window, novel)
    search(qtbot, window, "劉備")  # Traditional; the novel is printed in Simplified
    rows = hit_rows(window)
    assert len(rows) > 200
    chapters = chapter_rows(window)
    assert chapters[0].startswith("第一回 ")  # grouped by 回, in book order
    assert chapters[1].startswith("第二回 ")
    first = rows[0]
    assert first.data(Qt.ItemDataRole.DisplayRole).count("刘备") >= 1
    qtbot.keyClick(field(window), Qt.Key.Key_Return)
    wait_shown(qtbot, window.reader)
    qtbot.waitUntil(lambda: selected(window) == "刘备")


def chinese_book(folder: Path, chapters: int) -> Path:
    """Chinese Markdown of `chapters` chapters of ~35 KB, 寻找之词 once in each.
    Each paragraph holds a link, as converted books' paragraphs hold notes and
    marks: so each goes through the whole conversion, not its shortcut for plain
    paragraphs (core/formats/markdown/text_path.py), and a big book takes a while."""
    sentence = "天下大势，分久必合，合久必分。周末七国分争，[并入于秦](#qin)。" * 6
    parts = []
    for number in range(1, chapters + 1):
        paragraphs = [sentence] * 60
        paragraphs[30] = sentence[:20] + "寻找之词" + sentence[20:]
        parts.append(f"# 第{number}章\n\n" + "\n\n".join(paragraphs))
    path = folder / f"big{chapters}.md"
    path.write_text("---\ntitle: 大书\nlanguage: zh\n---\n\n" + "\n\n".join(parts))
    return path


@pytest.fixture
def big_chinese_book(tmp_path: Path) -> Path:
    """About 2 MB in 60 chapters: converting it all takes a while, as a big book's
    first search does."""
    return chinese_book(tmp_path, 60)


@pytest.fixture
def bigger_chinese_book(tmp_path: Path) -> Path:
    """About 7 MB in 200 chapters: big enough that converting it is still going on
    when the first hits are listed (2 MB is made ready to search while the query is
    typed, since conversion got faster)."""
    return chinese_book(tmp_path, 200)


def test_the_first_results_show_before_the_whole_book_is_searched(
    qtbot, make_window, open_and_wait, bigger_chinese_book
):
    window = make_window()
    open_and_wait(window, bigger_chinese_book)
    edit = open_search(qtbot, window)
    # What the list holds the moment its first hits arrive (not when this test next
    # looks: the whole book may be searched by then, conversion being fast now).
    first: list[tuple[int, str]] = []

    def listed() -> None:
        if not first and hit_rows(window):
            first.append((len(hit_rows(window)), status(window)))

    results(window).model().rowsInserted.connect(listed)
    type_into(qtbot, edit, "寻找之词")
    qtbot.waitUntil(lambda: bool(first), timeout=20_000)
    first_count, first_status = first[0]
    assert first_count < 200
    assert first_status.startswith("Searching")  # counted as they come
    qtbot.waitUntil(lambda: status(window) == "200 found", timeout=60_000)
    assert len(hit_rows(window)) == 200


def test_closing_the_book_closes_the_search(qtbot, make_window, open_and_wait, long_book):
    window = make_window()
    open_and_wait(window, long_book)
    search(qtbot, window, "fox")
    window.menu_actions.close_book.trigger()
    assert not panel(window).isVisible()
    assert not window.menu_actions.find.isEnabled()
    open_and_wait(window, long_book)
    search(qtbot, window, "Chapter 2")
    assert status(window) == "1 found"  # its heading, in the book opened again


def test_a_pattern_matching_everything_stops_at_a_limit_and_says_so(
    qtbot, make_window, open_and_wait, novel
):
    window = make_window()
    open_and_wait(window, novel)
    open_search(qtbot, window)
    qtbot.mouseClick(window.findChild(QToolButton, "searchRegex"), Qt.MouseButton.LeftButton)
    search(qtbot, window, ".")  # every character of a 600,000-character novel
    assert "the search stopped there" in status(window)
    assert window.finder.model.hits.total == 100_000
    assert len(window.reader.found_marked()) > 0
    qtbot.keyClick(field(window), Qt.Key.Key_Return)  # still moves through them
    qtbot.waitUntil(lambda: status(window).startswith("1 of "))


@pytest.mark.parametrize(
    ("name", "query"),
    [
        ("wasteland.epub", "water"),  # endnote links and poetry lines
        ("000_25b2869f1a30fd56.txt", "中国"),  # repaired: page splits joined, a footnote moved
        ("Liber_Esther.epub", "rex"),
    ],
)
def test_every_hit_lands_on_the_text_drawn(
    qtbot, make_window, open_and_wait, shared_books, tmp_path, name, query
):
    book = tmp_path / name
    shutil.copy(shared_books / name, book)
    window = make_window()
    open_and_wait(window, book)
    search(qtbot, window, query)
    hits = window.finder.model.hits
    assert hits.total > 0
    reader = window.reader
    for section in hits.sections[:4]:
        reader.go_to(section)
        wait_shown(qtbot, reader)
        qtbot.waitUntil(lambda section=section: reader.section == section)
        marked = {s.cursor.selectedText().casefold() for s in reader.extraSelections()}
        assert marked == {query.casefold()}, (section, marked)
        assert len(reader.found_marked()) == len(hits.ranges(section))


def test_reopening_the_book_without_repair_searches_its_new_text(
    qtbot, make_window, open_and_wait, shared_books, tmp_path
):
    book = tmp_path / "sample.txt"
    shutil.copy(shared_books / "000_25b2869f1a30fd56.txt", book)
    window = make_window()
    open_and_wait(window, book)
    search(qtbot, window, "中国")
    repaired = window.finder.model.hits.total
    assert repaired > 0
    with qtbot.waitSignal(window.finder.searched, timeout=20_000):
        with qtbot.waitSignal(window.book_shown, timeout=20_000):
            window.menu_actions.repair.trigger()  # Book › Repair… off: the book reopens
    assert panel(window).isVisible()
    assert window.reader.book.options.repair is False
    hits = window.finder.model.hits
    assert hits.total > 0
    section = hits.sections[0]
    text = window.reader.book.section_text(section)  # the unrepaired text now
    assert all(text[a:b] == "中国" for a, b in hits.ranges(section))


def _count_conversions(monkeypatch) -> list[int]:
    """Every section whose text a search makes from now on (the search makes a
    Markdown section's text through its renderer's `text`)."""
    from readmark.core.formats.markdown.render import MarkdownSectionRenderer

    converted: list[int] = []
    make = MarkdownSectionRenderer.text

    def counted(self: MarkdownSectionRenderer, index: int) -> str:
        converted.append(index)
        return make(self, index)

    monkeypatch.setattr(MarkdownSectionRenderer, "text", counted)
    return converted


def test_a_book_searched_before_is_searched_again_without_converting_it(
    qtbot, make_window, open_and_wait, big_chinese_book, monkeypatch
):
    from readmark import paths

    window = make_window()
    open_and_wait(window, big_chinese_book)
    search(qtbot, window, "寻找之词")
    assert status(window) == "60 found"
    first = [row.data() for row in hit_rows(window)]

    # Kept beside the book's converted sections, by whichever worker made the last
    # section's text: the search, or the preparing that began at Ctrl+F and may end
    # just after the search has.
    def saved() -> list[Path]:
        return list(paths.render_cache_dir().glob("*/search-text.bin"))

    qtbot.waitUntil(lambda: len(saved()) == 1, timeout=10_000)
    window.close()

    converted = _count_conversions(monkeypatch)
    again = make_window()  # the reader started again
    open_and_wait(again, big_chinese_book)
    search(qtbot, again, "寻找之词")
    assert status(again) == "60 found"
    assert [row.data() for row in hit_rows(again)] == first
    assert converted == []  # every section's text came from the saved copy


def test_a_big_book_just_opened_is_made_ready_to_search_in_the_background(
    qtbot, make_window, open_and_wait, big_chinese_book, monkeypatch
):
    from readmark import paths

    # However this Readmark was found (here: a source folder put on sys.path),
    # the process finds the same one.
    monkeypatch.delenv("PYTHONPATH", raising=False)
    window = make_window()
    open_and_wait(window, big_chinese_book)
    # Some seconds after the first screen, a process of its own saves the text.
    qtbot.waitUntil(lambda: any(paths.render_cache_dir().glob("*/search-text.bin")), timeout=60_000)
    qtbot.waitUntil(lambda: not window.tasks.running("search-warm"), timeout=10_000)
    converted = _count_conversions(monkeypatch)
    search(qtbot, window, "寻找之词")  # the first search in the book
    assert status(window) == "60 found"
    assert converted == []  # nothing left to convert


def _warming_processes() -> list[str]:
    """Processes making a book's text (Linux /proc): copies of this process forked
    under their own name, or the text-making module started as a program."""
    found = []
    for process in Path("/proc").glob("[0-9]*"):
        try:
            name = (process / "comm").read_text().strip()
            words = (process / "cmdline").read_bytes().split(b"\0")
            state = (process / "stat").read_text().rsplit(")", 1)[1].split()[0]
        except (OSError, IndexError):
            continue
        if state != "Z" and (name == PROCESS_NAME or b"readmark.core.search.warm" in words):
            found.append(process.name)
    return found


def _slow_copies(monkeypatch) -> None:
    """Each section's text takes 50 ms more: forked copies of this process inherit
    it, so they are still at work when looked for (a 2 MB book's text is theirs in
    well under a tenth of a second otherwise); programs started anew take longer
    than that just to start."""
    from readmark.core.formats.markdown.render import MarkdownSectionRenderer

    make = MarkdownSectionRenderer.text

    def slow(self: MarkdownSectionRenderer, index: int) -> str:
        time.sleep(0.05)
        return make(self, index)

    monkeypatch.setattr(MarkdownSectionRenderer, "text", slow)


@pytest.mark.parametrize("forks", [True, False], ids=["forked copies", "programs"])
def test_opening_another_book_or_closing_the_window_ends_the_text_making_process(
    qtbot, make_window, open_and_wait, big_chinese_book, long_book, monkeypatch, forks
):
    # Linux forks copies of the reader; elsewhere the module is started as a program.
    monkeypatch.setattr(warm, "FORKS", forks)
    _slow_copies(monkeypatch)
    window = make_window()
    open_and_wait(window, big_chinese_book)
    qtbot.waitUntil(lambda: bool(_warming_processes()), timeout=20_000)
    open_and_wait(window, long_book)  # cancels the task, which ends its process
    qtbot.waitUntil(lambda: not _warming_processes(), timeout=10_000)
    open_and_wait(window, big_chinese_book)
    qtbot.waitUntil(lambda: bool(_warming_processes()), timeout=20_000)
    window.close()  # so does closing the window
    qtbot.waitUntil(lambda: not _warming_processes(), timeout=10_000)


def test_a_search_typed_before_the_processes_start_starts_them(
    qtbot, make_window, open_and_wait, big_chinese_book, monkeypatch
):
    # They start once the first screen is painted; a search typed before that (here:
    # the start held back for a minute) wants them at once, not then.
    from readmark.ui.shell import search_warmer

    monkeypatch.setattr(search_warmer, "DELAY_MS", 60_000)
    _slow_copies(monkeypatch)
    window = make_window()
    open_and_wait(window, big_chinese_book)
    assert not window.tasks.running("search-warm")
    window.menu_actions.find.trigger()
    type_into(qtbot, window.finder.panel.field, "天下")
    qtbot.waitUntil(lambda: window.tasks.running("search-warm"), timeout=2_000)
    qtbot.waitUntil(lambda: bool(_warming_processes()), timeout=5_000)
    window.close()
    qtbot.waitUntil(lambda: not _warming_processes(), timeout=10_000)


def test_when_no_process_can_be_forked_the_search_makes_the_text_itself(
    qtbot, make_window, open_and_wait, big_chinese_book, monkeypatch
):
    # The second fork fails (the system's limit of processes, or its memory): no
    # error reaches the reader, the copy already made is ended, and a search finds
    # every hit, making the text in the window as for a small book.
    import errno

    real = warm.fork_share
    calls: list[int] = []

    def second_fails(*args, **kwargs):
        calls.append(1)
        if len(calls) == 2:
            raise OSError(errno.EAGAIN, "Resource temporarily unavailable")
        return real(*args, **kwargs)

    monkeypatch.setattr(warm, "FORKS", True)
    monkeypatch.setattr(warm, "fork_share", second_fails)
    _slow_copies(monkeypatch)
    window = make_window()
    open_and_wait(window, big_chinese_book)
    qtbot.waitUntil(lambda: len(calls) == 2, timeout=5_000)
    assert not window.tasks.running("search-warm")
    qtbot.waitUntil(lambda: not _warming_processes(), timeout=10_000)
    search(qtbot, window, "寻找之词")
    assert window.finder.model.hits.total == 60
