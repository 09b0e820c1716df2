"""Sync between computers, case by case: concurrent edits, deletions, books by
content, reading positions, and what goes wrong with folders and files."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest
from sync_devices import Device, copy_file, full_round, highlight, make_devices

from readmark.core.store.library import ReadingPosition


@pytest.fixture
def devices(tmp_path: Path):
    made = make_devices(tmp_path, 3)
    yield made
    for device in made:
        device.close()


def test_concurrent_edits_of_one_note_keep_both_texts(devices: list[Device]) -> None:
    a, b, _ = devices
    made = highlight(10, note="shared thought")
    a.book(0).add(made)
    full_round(devices)
    a.book(0).edit(made.id, note="shared thought, from the train")
    b.book(0).edit(made.id, note="Second look: shared thought")
    full_round(devices)
    for device in devices:
        note = device.everything()[made.id][1].note
        assert "from the train" in note and "Second look" in note, note


def test_a_deletion_wins_over_a_concurrent_edit_and_stays(devices: list[Device]) -> None:
    a, b, c = devices
    made = highlight(30)
    a.book(0).add(made)
    full_round(devices)
    a.book(0).delete([made.id])
    b.book(0).edit(made.id, color="pink", note="edited meanwhile")
    full_round(devices)
    assert all(made.id not in d.everything() for d in devices)
    # c's old file, copied again later (a slow sync tool), brings nothing back.
    full_round(devices)
    assert all(made.id not in d.everything() for d in devices)


def test_books_are_matched_by_content_and_wait_for_a_book_not_here(
    devices: list[Device],
) -> None:
    a, b, c = devices  # c has only the first book
    made = highlight(5, note="in the second book")
    a.book(1).add(made)
    full_round(devices)
    assert b.book(1).get(made.id) is not None  # another path, same content
    assert c.everything()[made.id][0] == "content-two"  # waiting for its book
    c.library.touch(c.root / "books" / "elsewhere.txt", "content-two", "Two", "")
    claimed = c.library.annotations.claim_pending(c.root / "books" / "elsewhere.txt", "content-two")
    assert claimed == 1
    full_round(devices)
    assert len({d.everything()[made.id][1].note for d in devices}) == 1


def test_the_most_recent_reading_wins(devices: list[Device]) -> None:
    a, b, _ = devices
    a.library.save_position(a.books[0], ReadingPosition(3, 120, "older"))
    full_round(devices)
    assert b.library.get(b.books[0]).position == ReadingPosition(3, 120, "older")
    b.library.save_position(b.books[0], ReadingPosition(5, 40, "newer"))
    full_round(devices)
    for device in (a, b):
        assert device.library.get(device.books[0]).position == ReadingPosition(5, 40, "newer")
    report = a.sync()
    assert (report.incoming, report.outgoing) == (0, 0)  # settled: nothing goes back and forth


def test_a_second_sync_with_nothing_new_changes_nothing(devices: list[Device]) -> None:
    a, b, _ = devices
    a.book(0).add(highlight(1, note="x"))
    full_round(devices)
    before = a.own_file().read_bytes()
    for device in devices:
        report = device.sync()
        assert (report.incoming, report.outgoing, report.problems) == (0, 0, ())
    assert a.own_file().read_bytes() == before


def _wipe(path: Path) -> None:
    for file in sorted(path.rglob("*"), reverse=True):
        file.unlink() if file.is_file() else file.rmdir()


def test_deleted_sync_files_are_rebuilt_and_bring_nothing_back(devices: list[Device]) -> None:
    kept, deleted = highlight(1, note="kept"), highlight(40, note="deleted")
    devices[0].book(0).add(kept)
    devices[0].book(0).add(deleted)
    full_round(devices)
    devices[1].book(0).delete([deleted.id])
    full_round(devices)
    for device in devices:  # everything in the sync folder is deleted, everywhere
        _wipe(device.folder)
    full_round(devices)
    for device in devices:
        assert {i: a.note for i, (_, a) in device.everything().items()} == {kept.id: "kept"}
        assert device.own_file().exists()


def test_sync_files_and_sync_states_all_lost_lose_nothing(devices: list[Device]) -> None:
    kept, deleted = highlight(1, note="kept"), highlight(40, note="deleted")
    devices[0].book(0).add(kept)
    devices[0].book(0).add(deleted)
    full_round(devices)
    devices[1].book(0).delete([deleted.id])
    full_round(devices)
    for device in devices:  # the folder and every computer's sync state: rebuilt from libraries
        _wipe(device.folder)
        _wipe(device.state)
    full_round(devices)
    for device in devices:
        ((_, annotation),) = device.everything().values()
        # Rebuilt by each computer before it saw the others', the note's text may
        # be there more than once; it is never lost.
        assert annotation.id == kept.id and "kept" in annotation.note


def test_a_computer_whose_state_is_lost_reads_its_own_file_instead(devices: list[Device]) -> None:
    a, b, _ = devices
    first, second = highlight(1, note="one"), highlight(60, note="two")
    a.book(0).add(first)
    a.book(0).add(second)
    full_round(devices)
    (a.state / "state.rmsync").unlink()  # the sync state is gone; the library and folder stay
    a.book(0).delete([first.id])
    a.book(0).edit(second.id, note="two, edited")
    assert a.sync().outgoing == 2  # both seen as what changed here since the last sync
    full_round(devices)
    for device in devices:
        assert {i: x.note for i, (_, x) in device.everything().items()} == {
            second.id: "two, edited"
        }


def test_a_computer_that_lost_its_sync_state_does_not_resurrect(devices: list[Device]) -> None:
    a, b, c = devices
    made = highlight(8)
    a.book(0).add(made)
    full_round(devices)
    # b's library comes back from before the deletion reached it, its sync state lost.
    for file in b.state.iterdir():
        file.unlink()
    a.book(0).delete([made.id])
    full_round(devices)
    assert all(made.id not in d.everything() for d in devices)


def test_a_restored_library_gets_back_what_was_made_since_its_backup(
    devices: list[Device], tmp_path: Path
) -> None:
    a, b, _ = devices
    first, later = highlight(1, note="first"), highlight(50, note="later")
    a.book(0).add(first)
    a.sync()
    backup = tmp_path / "backup.sqlite3"
    with sqlite3.connect(a.library.path) as db:  # a copy, as a backup is
        db.execute("VACUUM INTO ?", (str(backup),))
    a.book(0).add(later)
    full_round(devices)
    # The backup is restored over the library (a new file): its sync base no longer fits.
    path = a.library.path
    a.library.close()
    for suffix in ("", "-wal", "-shm"):
        Path(f"{path}{suffix}").unlink(missing_ok=True)
    backup.rename(path)
    from readmark.core.store.library import Library

    a.library = Library(path)
    full_round(devices)
    assert set(a.everything()) == {first.id, later.id} == set(b.everything())


def test_undoing_a_deletion_keeps_a_note_edit_made_meanwhile_elsewhere(
    devices: list[Device],
) -> None:
    a, b, _ = devices
    made = highlight(10, note="first thought")
    a.book(0).add(made)
    full_round(devices)
    deletion = b.book(0).delete([made.id])
    b.sync()  # b's deletion is in b's file; a has not received it yet
    a.book(0).edit(made.id, note="first thought, and a second", color="green")
    a.sync()
    copy_file(a, b)
    b.sync()  # b now holds a's edit too, as part of a deleted annotation
    b.book(0).apply(deletion.inverse())  # and then b undoes its deletion
    full_round(devices)
    for device in devices:
        back = device.everything()[made.id][1]
        assert (back.note, back.color) == ("first thought, and a second", "green")


def test_undoing_a_deletion_keeps_the_edit_made_here_before_deleting_too(
    devices: list[Device],
) -> None:
    a, b, _ = devices
    made = highlight(10, note="first thought")
    a.book(0).add(made)
    full_round(devices)
    b.book(0).edit(made.id, note="first thought (b)")
    deletion = b.book(0).delete([made.id])
    b.sync()
    a.book(0).edit(made.id, note="first thought (a)")
    a.sync()
    copy_file(a, b)
    b.sync()
    b.book(0).apply(deletion.inverse())
    full_round(devices)
    notes = {device.everything()[made.id][1].note for device in devices}
    (note,) = notes
    assert "(a)" in note and "(b)" in note, note


def test_a_deletion_survives_losing_the_sync_state_and_the_device_id(
    devices: list[Device],
) -> None:
    a, b, _ = devices
    made, kept = highlight(8, note="deleted"), highlight(30, note="kept")
    a.book(0).add(made)
    a.book(0).add(kept)
    full_round(devices)
    a.book(0).delete([made.id])  # before any sync: only a's library knows
    _wipe(a.state)  # the data folder's sync/ is lost: the state and the computer's id
    full_round(devices)
    for device in devices:
        assert {i: x.note for i, (_, x) in device.everything().items()} == {kept.id: "kept"}


def test_a_lost_state_does_not_undo_an_undone_deletion_made_after_it(
    devices: list[Device],
) -> None:
    a, b, _ = devices
    made = highlight(8, note="wanted after all")
    a.book(0).add(made)
    full_round(devices)
    a.book(0).delete([made.id])
    deletion = b.book(0).delete([made.id])
    full_round(devices)
    b.book(0).apply(deletion.inverse())  # b wants it back, after a deleted it
    b.sync()
    _wipe(a.state)  # a forgets its sync: its own older deletion must not win
    full_round(devices)
    for device in devices:
        assert device.everything()[made.id][1].note == "wanted after all"


def test_an_older_sync_state_put_back_makes_the_next_sync_compare_everything(
    devices: list[Device],
) -> None:
    a, b, _ = devices
    marks = [highlight(n, note=f"note {n}") for n in range(0, 400, 20)]
    for made in marks:
        a.book(0).add(made)
    full_round(devices)
    a.book(0).edit(marks[3].id, note="note 60, again")
    a.sync()
    older = (a.state / "state.rmsync").read_bytes(), a.own_file().read_bytes()
    a.book(0).edit(marks[7].id, color="pink")
    a.book(0).delete([marks[5].id])
    a.sync()  # only a's own state and file know these two yet
    # The sync state and a's file in the folder come back from a backup made in
    # between (the library does not): the record of how far the last sync read
    # the library is the newer one, and must not be believed for the older state.
    (a.state / "state.rmsync").write_bytes(older[0])
    a.own_file().write_bytes(older[1])
    full_round(devices)
    for device in devices:
        held = {i: (x.note, x.color) for i, (_, x) in device.everything().items()}
        assert marks[5].id not in held
        assert held[marks[3].id] == ("note 60, again", "yellow")
        assert held[marks[7].id] == ("note 140", "pink")
    assert (a.sync().incoming, a.sync().outgoing) == (0, 0)


def test_a_deletion_taken_in_from_elsewhere_is_not_held_against_its_undo(
    devices: list[Device],
) -> None:
    a, b, _ = devices
    made = highlight(8, note="b changed its mind")
    a.book(0).add(made)
    full_round(devices)
    deletion = b.book(0).delete([made.id])
    b.sync()
    copy_file(b, a)  # the file with the deletion reaches a...
    b.book(0).apply(deletion.inverse())
    b.sync()  # ...while b undoes it; a takes the deletion in only now
    a.sync()
    assert made.id not in a.everything()
    copy_file(b, a)  # b's undo arrives when a has lost its sync state
    _wipe(a.state)
    full_round(devices)  # a's own record of that deletion is not a deletion of its own
    for device in devices:
        assert device.everything()[made.id][1].note == "b changed its mind"
