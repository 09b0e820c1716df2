"""What goes wrong with sync folders, and what the reader is told: a file the
sync tool has half copied, a file from a newer Readmark, a folder that is gone,
a stranger's file. Nothing is lost and the next sync completes."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from sync_devices import Device, copy_file, full_round, highlight, make_devices

from readmark.core.sync import files
from readmark.core.sync.engine import SyncError, sync


@pytest.fixture
def pair(tmp_path: Path):
    a, b = make_devices(tmp_path, 2)
    yield a, b
    a.close()
    b.close()


def _english(report_problems) -> list[str]:
    return [str(p) for p in report_problems]


def test_a_half_copied_file_is_read_at_the_next_sync(pair: tuple[Device, Device]) -> None:
    a, b = pair
    made = highlight(3, note="on the way")
    a.book(0).add(made)
    a.sync()
    copy_file(a, b, fraction=0.5)
    report = b.sync()
    name = a.own_file().name
    assert _english(report.problems) == [
        f"{name} in the sync folder is incomplete (still being copied?); it will be read at "
        "the next sync."
    ]
    assert made.id not in b.everything() and report.incoming == 0
    copy_file(a, b)  # the copy finishes
    report = b.sync()
    assert report.problems == () and report.incoming == 1
    assert b.everything()[made.id][1].note == "on the way"


@pytest.mark.parametrize("cut", [0, 3, 7, 20, 48])
def test_a_file_cut_inside_its_header_is_incomplete_too(cut: int) -> None:
    data = files.wrap(b"payload")[:cut]
    with pytest.raises(files.EnvelopeError) as caught:
        files.unwrap(data, "x.rmsync")
    assert "incomplete" in str(caught.value)


def test_a_file_from_a_newer_readmark_is_left_alone(pair: tuple[Device, Device]) -> None:
    a, b = pair
    a.book(0).add(highlight(3))
    a.sync()
    copy_file(a, b)
    newer = b.folder / files.SUBFOLDER / f"{'f' * 32}{files.SUFFIX}"
    # A later format: the same envelope with format 3 and bytes this version cannot know.
    data = files.wrap(b"from the future")
    newer.write_bytes(data[:7] + (3).to_bytes(2, "big") + data[9:])
    report = b.sync()
    assert _english(report.problems) == [
        f"{newer.name} was written by a newer Readmark (sync format 3; this version reads 2). "
        "Update Readmark on this computer to read it; nothing of it was lost."
    ]
    assert report.incoming == 1  # everyone else's marks came in all the same
    assert newer.read_bytes() == data[:7] + (3).to_bytes(2, "big") + data[9:]  # untouched


def test_a_file_from_the_previous_readmark_is_read(pair: tuple[Device, Device]) -> None:
    a, b = pair
    made = highlight(3, note="written by format 1")
    a.book(0).add(made)
    a.sync()
    data = a.own_file().read_bytes()
    assert len(files.unwrap(data, "x")) == 1  # a first sync writes one frame: a snapshot
    where = b.folder / files.SUBFOLDER
    where.mkdir(parents=True, exist_ok=True)
    (where / a.own_file().name).write_bytes(data[:7] + (1).to_bytes(2, "big") + data[9:])
    report = b.sync()
    assert report.problems == () and b.everything()[made.id][1].note == "written by format 1"


def test_one_change_appends_a_small_frame_that_others_read_alone(
    pair: tuple[Device, Device],
) -> None:
    a, b = pair
    marks = [highlight(n, note=f"note {n}") for n in range(0, 600, 12)]
    for made in marks:
        a.book(0).add(made)
    a.sync()
    copy_file(a, b)
    b.sync()
    before = a.own_file().read_bytes()
    a.book(0).edit(marks[4].id, note="note 48, read again")
    a.sync()
    after = a.own_file().read_bytes()
    assert after.startswith(before) and 0 < len(after) - len(before) < 1000
    assert (a.state / "state.rmsync").read_bytes() == after  # the state: the same bytes
    copy_file(a, b)
    assert b.sync().incoming == 1
    assert b.everything()[marks[4].id][1].note == "note 48, read again"


def test_a_half_copied_appended_frame_is_read_at_the_next_sync(
    pair: tuple[Device, Device],
) -> None:
    a, b = pair
    first, second = highlight(3, note="first"), highlight(60, note="second")
    a.book(0).add(first)
    a.sync()
    copy_file(a, b)
    b.sync()
    snapshot = len(a.own_file().read_bytes())
    a.book(0).add(second)
    a.sync()
    whole = a.own_file().read_bytes()
    assert len(whole) > snapshot
    # The sync tool has copied the snapshot and half of the frame appended since.
    where = b.folder / files.SUBFOLDER / a.own_file().name
    where.write_bytes(whole[: (snapshot + len(whole)) // 2])
    report = b.sync()
    assert [("incomplete" in str(p)) for p in report.problems] == [True]
    assert second.id not in b.everything()
    where.write_bytes(whole)  # the copy finishes
    report = b.sync()
    assert report.problems == () and b.everything()[second.id][1].note == "second"


def test_appended_frames_are_folded_into_a_new_snapshot_before_they_outgrow_it(
    pair: tuple[Device, Device],
) -> None:
    a, b = pair
    made = highlight(3)
    a.book(0).add(made)
    a.sync()
    sizes = []
    for n in range(40):
        a.book(0).edit(made.id, note=f"thought number {n} " * 20)
        a.sync()
        sizes.append(len(a.own_file().read_bytes()))
    assert any(later < earlier for earlier, later in zip(sizes, sizes[1:], strict=False))
    assert len(files.unwrap(a.own_file().read_bytes(), "x")) < 40
    copy_file(a, b)
    assert b.sync().problems == ()
    assert b.everything()[made.id][1].note == "thought number 39 " * 20


def test_a_crash_while_appending_to_the_state_loses_nothing(pair: tuple[Device, Device]) -> None:
    a, b = pair
    first, second = highlight(3, note="first"), highlight(60, note="second")
    a.book(0).add(first)
    a.sync()
    a.book(0).add(second)
    frame = files.wrap(b"x" * 400)
    with (a.state / "state.rmsync").open("ab") as state:
        state.write(frame[:100])  # the last sync's append, cut short by a crash
    assert a.sync().problems == ()
    copy_file(a, b)
    b.sync()
    assert {x.note for _, x in b.everything().values()} == {"first", "second"}
    assert files.unwrap((a.state / "state.rmsync").read_bytes(), "x")  # whole again


def test_a_folder_that_is_gone_changes_nothing_and_the_next_sync_completes(
    pair: tuple[Device, Device], tmp_path: Path
) -> None:
    a, b = pair
    a.book(0).add(highlight(3))
    a.sync()
    copy_file(a, b)
    moved = tmp_path / "unplugged"
    b.folder.rename(moved)
    with pytest.raises(SyncError) as caught:
        b.sync()
    assert str(caught.value) == (
        f"The sync folder {b.folder} is not there (a drive not connected?). Nothing was "
        "changed; sync again once it is back."
    )
    assert b.everything() == {} and not b.folder.exists()  # not even created
    moved.rename(b.folder)
    assert b.sync().incoming == 1


def test_a_failed_write_keeps_the_changes_for_the_next_sync(
    pair: tuple[Device, Device],
) -> None:
    a, b = pair
    made = highlight(9)
    a.book(0).add(made)
    # The write fails half way (here: a folder where the file goes, as a confused
    # sync tool may leave; a drive pulled out fails the same way).
    blocker = a.own_file()
    blocker.mkdir(parents=True)
    (blocker / "x").write_text("x")
    report = a.sync()
    (blocker / "x").unlink()
    blocker.rmdir()
    assert report.outgoing == 1 and len(report.problems) == 1
    assert "will be written at the next sync" in str(report.problems[0])
    full_round([a, b])
    assert made.id in b.everything()


def test_strangers_files_in_the_folder_are_ignored(pair: tuple[Device, Device]) -> None:
    a, b = pair
    where = b.folder / files.SUBFOLDER
    where.mkdir(parents=True, exist_ok=True)
    (where / "notes.txt").write_text("hello")
    (where / f".{'a' * 32}{files.SUFFIX}.x1.tmp").write_bytes(b"RMSYNC\n")  # a write under way
    (where / f"{'b' * 32}{files.SUFFIX}").write_bytes(b"PK\x03\x04 a zip")
    report = b.sync()
    assert _english(report.problems) == [
        f"{'b' * 32}{files.SUFFIX} in the sync folder is not a Readmark file."
    ]


@settings(max_examples=200, deadline=None)
@given(st.binary(max_size=300))
def test_any_bytes_are_read_or_refused_with_a_message(data: bytes) -> None:
    try:
        payloads = files.unwrap(data, "x.rmsync")
    except files.EnvelopeError as error:
        assert str(error.problem)
        return
    assert b"".join(files.wrap(p) for p in payloads) == data
    assert files.frames(data, "x.rmsync").end == len(data)


@settings(max_examples=100, deadline=None)
@given(st.binary(min_size=1, max_size=400))
def test_a_sound_envelope_around_hostile_bytes_is_refused_by_the_merge(
    tmp_path_factory: pytest.TempPathFactory, data: bytes
) -> None:
    root = tmp_path_factory.mktemp("hostile")
    (device,) = make_devices(root, 1)
    try:
        where = device.folder / files.SUBFOLDER
        where.mkdir(parents=True, exist_ok=True)
        (where / f"{'c' * 32}{files.SUFFIX}").write_bytes(files.wrap(data))
        report = device.sync()
        assert len(report.problems) == 1 and "could not be merged" in str(report.problems[0])
    finally:
        device.close()


def test_one_sync_of_a_computer_at_a_time(pair: tuple[Device, Device]) -> None:
    a, _ = pair
    a.book(0).add(highlight(3))
    a.sync()
    import sqlite3

    holder = sqlite3.connect(a.state / "lock.sqlite3", isolation_level=None)
    holder.execute("BEGIN EXCLUSIVE")  # the window's sync, running
    try:
        with pytest.raises(SyncError) as caught:
            sync(a.library, a.folder, a.state, wait=0.2)
        assert str(caught.value) == "Another sync of this computer is running; try again after it."
    finally:
        holder.close()
    assert a.sync().problems == ()  # and once it is done, the next one runs
