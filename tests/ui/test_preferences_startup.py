"""What the preferences change at start-up, in the real program (`--smoke-test`):
the last book comes back, and an unreadable preferences file is set aside."""

from __future__ import annotations

import json
import subprocess
from pathlib import Path

from spawn_reader import run_offscreen


def _start(home: Path, *args: str) -> subprocess.CompletedProcess[str]:
    done = run_offscreen(["-m", "readmark", *args, "--smoke-test", "--lang", "en"], home)
    return done


def _title(done: subprocess.CompletedProcess[str]) -> str:
    line = next(x for x in done.stdout.splitlines() if x.startswith("smoke-test ok: "))
    return line[len("smoke-test ok: ") :]


def _settings_file(home: Path) -> Path:
    return home / "config" / "settings.json"  # paths.settings_file() under READMARK_HOME


def test_without_a_book_the_last_one_read_comes_back_unless_the_reader_says_no(
    long_book: Path, tmp_path: Path
) -> None:
    home = tmp_path / "home"
    assert _title(_start(home, str(long_book))) == "A Long Book"
    assert _title(_start(home)) == "A Long Book"  # reopened

    settings = _settings_file(home)
    assert not settings.exists()  # nothing chosen yet: reopening is the default
    settings.parent.mkdir(parents=True, exist_ok=True)
    values = {"version": 1, "session.reopen_last": False}
    settings.write_text(json.dumps(values), encoding="utf-8")
    assert _title(_start(home)) != "A Long Book"  # the guide instead

    values["session.reopen_last"] = True
    settings.write_text(json.dumps(values), encoding="utf-8")
    long_book.unlink()
    assert _title(_start(home)) != "A Long Book"  # gone: the guide, no error


def test_an_unreadable_preferences_file_is_set_aside_and_reading_goes_on(
    long_book: Path, tmp_path: Path
) -> None:
    home = tmp_path / "home"
    _start(home, str(long_book))
    settings = _settings_file(home)
    settings.parent.mkdir(parents=True, exist_ok=True)
    settings.write_text('{"reader.theme": "dark", oops', encoding="utf-8")

    assert _title(_start(home, str(long_book))) == "A Long Book"
    aside = list(settings.parent.glob("settings.json.unreadable-*"))
    assert len(aside) == 1
    assert aside[0].read_text(encoding="utf-8") == '{"reader.theme": "dark", oops'
