"""Sync between computers, case by case: concurrent edits, deletions, books by
content, reading positions, and what goes wrong with folders and files."""

from __future__ import annotations

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

