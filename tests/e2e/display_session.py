"""Running things on an X display from a test: screenshots, the program, window titles."""

from __future__ import annotations

import re
import select
import shutil
import subprocess
import sys
from pathlib import Path

from screen_text import Picture

HERE = Path(__file__).resolve().parent
GRAB_TIMEOUT = 15.0  # seconds; the first grab includes Qt's start-up


class Screen:
    """Screenshots of the whole display, taken by a helper process outside the program."""

    def __init__(self, env: dict[str, str]) -> None:
        self._process = subprocess.Popen(
            [sys.executable, str(HERE / "grab_screen.py")],
            env=env,
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
            encoding="utf-8",
        )

    def grab(self, path: Path) -> Picture:
        assert self._process.stdin is not None and self._process.stdout is not None
        self._process.stdin.write(f"{path}\n")
        self._process.stdin.flush()
        ready, _, _ = select.select([self._process.stdout], [], [], GRAB_TIMEOUT)
        if not ready:
            self._process.kill()
            raise RuntimeError(f"the screen grabber did not answer in {GRAB_TIMEOUT:.0f} s")
        answer = self._process.stdout.readline().strip()
        if not answer.startswith("ok"):
            _, err = self._process.communicate(timeout=5)
            raise RuntimeError(f"the screen grabber failed: {answer or err.strip()}")
        return Picture.load(str(path))

    def close(self) -> None:
        if self._process.stdin is not None:
            self._process.stdin.close()
        try:
            self._process.wait(5)
        except subprocess.TimeoutExpired:
            self._process.kill()
            self._process.wait()


class Program:
    """`python -m readmark ARGS` running in the background, its output kept in files."""

    def __init__(self, args: list[str], env: dict[str, str], logs: Path) -> None:
        self.stdout_path, self.stderr_path = logs / "stdout.txt", logs / "stderr.txt"
        with open(self.stdout_path, "wb") as out, open(self.stderr_path, "wb") as err:
            self.process = subprocess.Popen(
                [sys.executable, "-m", "readmark", *args], env=env, stdout=out, stderr=err
            )

    def running(self) -> bool:
        return self.process.poll() is None

    def stderr(self) -> str:
        return self.stderr_path.read_text(encoding="utf-8", errors="replace")

    def stop(self) -> None:
        if self.running():
            self.process.terminate()
            try:
                self.process.wait(5)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()


def window_titles(env: dict[str, str]) -> list[str] | None:
    """Titles of the display's top-level windows, or None without xwininfo (x11-utils)."""
    tool = shutil.which("xwininfo")
    if tool is None:
        return None
    result = subprocess.run(
        [tool, "-root", "-children"],
        env={**env, "LC_ALL": "C.UTF-8"},  # else non-ASCII titles fail to convert
        capture_output=True,
        text=True,
        encoding="utf-8",
        errors="replace",
        timeout=10,
    )
    return re.findall(r'^\s*0x[0-9a-f]+ "(.*)": ', result.stdout, flags=re.MULTILINE)
