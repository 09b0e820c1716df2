"""Guards against the PySide6 release that aborts Readmark on Python 3.11.

PySide6 6.12.0 on CPython 3.11 leaks a reference to None on every call of a void Qt
method; after some thousands of calls the interpreter aborts with "Fatal Python error:
none_dealloc". A reader makes that many calls in minutes, so the dependency excludes
6.12 below Python 3.12, and this file checks both the installed PySide6 and the pin.
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
import tomllib
from pathlib import Path

import pytest
from packaging.requirements import Requirement  # a dependency of pytest itself

PYPROJECT = Path(__file__).resolve().parents[1] / "pyproject.toml"
CALLS = 50_000


def test_many_void_qt_calls_do_not_abort() -> None:
    # In a subprocess: the failure is a hard abort, which must show up as a failed test
    # with Python's fatal-error message rather than kill the test run.
    script = f"""
from PySide6.QtCore import QObject, QTimer
obj = QObject()
timer = QTimer()
for i in range({CALLS}):
    obj.setObjectName("x")     # void
    timer.setInterval(i % 100)  # void
    obj.blockSignals(False)     # returns bool, for contrast
print("done")
"""
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    result = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, timeout=300, env=env
    )
    assert result.returncode == 0, (
        f"{CALLS} void Qt calls ended with exit status {result.returncode}:\n{result.stderr}"
    )
    assert result.stdout.startswith("done")


def _pyside_requirements() -> list[str]:
    data = tomllib.loads(PYPROJECT.read_text(encoding="utf-8"))
    reqs = [r for r in data["project"]["dependencies"] if re.match(r"\s*pyside6", r, re.I)]
    assert reqs, "pyproject.toml does not depend on PySide6"
    return reqs


def test_pyside6_requirement_excludes_6_12_on_python_3_11() -> None:
    reqs = [Requirement(r) for r in _pyside_requirements()]
    for python in ("3.11", "3.11.9"):
        env = {"python_version": python[:4], "python_full_version": python}
        applicable = [r for r in reqs if r.marker is None or r.marker.evaluate(env)]
        assert applicable, f"no PySide6 requirement applies on Python {python}"
        for bad in ("6.12.0", "6.12.1", "6.12.5"):
            assert not all(r.specifier.contains(bad, prereleases=True) for r in applicable), (
                f"PySide6 {bad} would be allowed on Python {python}: {[str(r) for r in applicable]}"
            )
        good = "6.11.3"
        assert all(r.specifier.contains(good) for r in applicable), (
            f"PySide6 {good} is refused on Python {python}: {[str(r) for r in applicable]}"
        )


def test_pyside6_requirement_still_allows_6_12_on_python_3_12() -> None:
    reqs = [Requirement(r) for r in _pyside_requirements()]
    env = {"python_version": "3.12", "python_full_version": "3.12.4"}
    applicable = [r for r in reqs if r.marker is None or r.marker.evaluate(env)]
    assert applicable and all(r.specifier.contains("6.12.0") for r in applicable)


@pytest.mark.skipif(sys.version_info >= (3, 12), reason="the bug is only on Python 3.11")
def test_installed_pyside6_is_not_6_12_on_python_3_11() -> None:
    import PySide6  # noqa: PLC0415

    major_minor = tuple(int(p) for p in PySide6.__version__.split(".")[:2])
    assert major_minor != (6, 12), f"PySide6 {PySide6.__version__} aborts on Python 3.11"
