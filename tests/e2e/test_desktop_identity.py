"""On a real X display the window names itself as the desktop entry expects, so the
task bar and the applications menu put Readmark's icon and name on it: its WM_CLASS
matches the entry's StartupWMClass (read with xprop, x11-utils)."""

from __future__ import annotations

import configparser
import re
import shutil
import subprocess
import time
from collections.abc import Callable
from pathlib import Path

import pytest
from display_session import Program

REPO = Path(__file__).resolve().parents[2]
ENTRY = REPO / "resources" / "desktop" / "org.readmark.Readmark.desktop"


def _tool(name: str) -> str:
    found = shutil.which(name)
    if found is None:
        pytest.fail(
            f"{name} is not installed, and this test needs it: `sh packaging/setup.sh` installs "
            "it (Debian/Ubuntu: apt-get install x11-utils)."
        )
    return found


def _reader_window(env: dict[str, str], program: Program) -> str:
    """The id of the top-level window titled "… — Readmark" (there is no window manager)."""
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        assert program.running(), program.stderr()
        tree = subprocess.run(
            [_tool("xwininfo"), "-root", "-children"],
            env=env,
            capture_output=True,
            text=True,
            timeout=10,
        ).stdout
        match = re.search(r"^\s+(0x[0-9a-f]+) \".* — Readmark\"", tree, re.M)
        if match:
            return match.group(1)
        time.sleep(0.2)
    raise AssertionError(f"no Readmark window appeared; stderr:\n{program.stderr()}")


def test_the_window_class_is_the_one_the_desktop_entry_names(
    start_program: Callable[..., Program], x_env: dict[str, str]
) -> None:
    entry = configparser.ConfigParser(interpolation=None)
    entry.optionxform = str  # type: ignore[assignment, method-assign]
    entry.read(ENTRY, encoding="utf-8")
    expected = entry["Desktop Entry"]["StartupWMClass"]

    program = start_program()
    window = _reader_window(x_env, program)
    answer = subprocess.run(
        [_tool("xprop"), "-id", window, "WM_CLASS"],
        env=x_env,
        capture_output=True,
        text=True,
        timeout=10,
    ).stdout
    instance, klass = re.findall(r'"([^"]*)"', answer)
    assert expected in (instance, klass), answer
    assert klass == "Readmark"
