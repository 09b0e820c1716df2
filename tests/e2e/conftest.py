"""Fixtures for running the real program under Xvfb and looking at the screen.

The program runs as a subprocess on the xcb platform (the one users have), on a
private Xvfb display and a private READMARK_HOME. Screenshots are taken from
outside it by grab_screen.py and kept in the artifacts folder for a human to see:
$READMARK_TEST_ARTIFACTS if set, else <repo>/artifacts/ (gitignored).
"""

from __future__ import annotations

import os
import re
import select
import shutil
import subprocess
import time
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from display_session import Program, Screen

HERE = Path(__file__).resolve().parent
REPO = HERE.parents[1]
SCREEN_SIZE = "1280x860x24"
START_TIMEOUT = 10.0  # seconds for Xvfb or the grabber to come up


def artifacts_root() -> Path:
    override = os.environ.get("READMARK_TEST_ARTIFACTS")
    return Path(override) if override else REPO / "artifacts"


@pytest.fixture
def artifacts(request: pytest.FixtureRequest) -> Path:
    """A folder for this test's screenshots and logs that outlives the run."""
    name = re.sub(r"[^\w.-]+", "_", request.node.name).strip("_")
    folder = artifacts_root() / "e2e" / name
    shutil.rmtree(folder, ignore_errors=True)
    folder.mkdir(parents=True)
    return folder


@pytest.fixture(scope="module")
def xvfb() -> Iterator[str]:
    """A private X display (":N"); Xvfb picks a free number and tells us through a pipe."""
    binary = shutil.which("Xvfb")
    if binary is None:
        pytest.fail(
            "Xvfb is not installed, and the end-to-end tests need it. "
            "`sh packaging/setup.sh` installs it (Debian/Ubuntu: apt-get install xvfb xauth)."
        )
    read_end, write_end = os.pipe()
    server = subprocess.Popen(
        # -noreset: by default X resets when its last client leaves, and a client
        # connecting during that reset is refused.
        [
            binary,
            "-displayfd",
            str(write_end),
            "-screen",
            "0",
            SCREEN_SIZE,
            "-nolisten",
            "tcp",
            "-noreset",
        ],
        pass_fds=(write_end,),
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
    )
    os.close(write_end)
    number = b""
    deadline = time.monotonic() + START_TIMEOUT
    while not number.endswith(b"\n") and time.monotonic() < deadline:
        ready, _, _ = select.select([read_end], [], [], 0.1)
        if ready:
            chunk = os.read(read_end, 16)
            if not chunk:
                break  # Xvfb closed the pipe: it failed
            number += chunk
    os.close(read_end)
    if not number.strip().isdigit():
        server.kill()
        _, err = server.communicate()
        pytest.fail(
            f"Xvfb did not start: {err.decode(errors='replace').strip() or 'no display number'}"
        )
    try:
        yield ":" + number.decode().strip()
    finally:
        server.terminate()
        try:
            server.wait(5)
        except subprocess.TimeoutExpired:
            server.kill()
            server.wait()


@pytest.fixture
def x_env(xvfb: str, tmp_path: Path) -> dict[str, str]:
    """The environment of a user on that display: xcb (no QT_QPA_PLATFORM), a fresh home."""
    env = {k: v for k, v in os.environ.items() if k not in ("QT_QPA_PLATFORM", "WAYLAND_DISPLAY")}
    env["DISPLAY"] = xvfb
    env["READMARK_HOME"] = str(tmp_path / "home")
    return env


@pytest.fixture
def screen(x_env: dict[str, str]) -> Iterator[Screen]:
    grabber = Screen(x_env)
    try:
        yield grabber
    finally:
        grabber.close()


@pytest.fixture
def start_program(x_env: dict[str, str], artifacts: Path) -> Iterator[Callable[..., Program]]:
    """Start the reader on the test's display (keywords add to its env); stopped after the test."""
    started: list[Program] = []

    def start(*args: str, **env: str) -> Program:
        program = Program(list(args), {**x_env, **env}, artifacts)
        started.append(program)
        return program

    yield start
    for program in started:
        program.stop()
