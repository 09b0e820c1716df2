"""Recent books on the start page and in File › Open Recent: the bundled guide,
always one click away under Help, is not among them."""

from __future__ import annotations

from pathlib import Path

from readmark import resources


def _start_page_titles(window) -> list[str]:  # type: ignore[no-untyped-def]
    recent = window.start_page.recent
    return [recent.item(i).text().split("\n")[0] for i in range(recent.count())]


def _menu_titles(window) -> list[str]:  # type: ignore[no-untyped-def]
    menu = window.menu_actions.recent_menu
    menu.aboutToShow.emit()  # the menu is filled as it opens
    return [a.text() for a in menu.actions() if a.isEnabled()]


def test_the_guide_is_not_a_recent_book(qtbot, make_window, open_and_wait, tmp_path: Path) -> None:
    book = tmp_path / "book.md"
    book.write_text("---\ntitle: A Real Book\n---\n\n# One\n\nText.\n", encoding="utf-8")
    window = make_window()
    with qtbot.waitSignal(window.book_shown, timeout=10_000):
        window.menu_actions.open_guide.trigger()  # Help › Guide
    window.close_book()
    assert _start_page_titles(window) == []
    assert _menu_titles(window) == []

    open_and_wait(window, book)
    window.close_book()
    assert _start_page_titles(window) == ["A Real Book"]
    assert _menu_titles(window) == ["A Real Book"]

    # The place in the guide is still remembered.
    assert window.library.get(resources.guide_book("en").resolve()) is not None
