"""The wheel is complete: installed into a clean virtual environment, Readmark runs.

Builds the wheel from this checkout, installs it with its dependencies into a new venv
(no system site-packages, nothing from the checkout on the path), checks the bundled
resources came along, and starts the installed program offscreen on the bundled guide.
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
import venv
from pathlib import Path

import pytest

pytestmark = pytest.mark.slow

REPO = Path(__file__).resolve().parents[1]
BIN = "Scripts" if sys.platform == "win32" else "bin"
EXE = ".exe" if sys.platform == "win32" else ""


def _version() -> str:
    text = (REPO / "src" / "readmark" / "__init__.py").read_text(encoding="utf-8")
    match = re.search(r'^__version__ = "([^"]+)"', text, re.M)
    assert match, "no __version__ in src/readmark/__init__.py"
    return match.group(1)


def _run(cmd: list[str], cwd: Path, env: dict[str, str] | None = None, timeout: int = 900):
    result = subprocess.run(cmd, cwd=cwd, env=env, capture_output=True, text=True, timeout=timeout)
    assert result.returncode == 0, (
        f"{' '.join(map(str, cmd))} exited {result.returncode}\n"
        f"--- stdout\n{result.stdout[-4000:]}\n--- stderr\n{result.stderr[-4000:]}"
    )
    return result


def _clean_env(**extra: str) -> dict[str, str]:
    """The caller's environment without anything that would leak the checkout in."""
    env = {
        k: v for k, v in os.environ.items() if k not in ("PYTHONPATH", "VIRTUAL_ENV", "PYTHONHOME")
    }
    env.update(extra)
    return env


@pytest.fixture(scope="module")
def installed(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A fresh venv with the freshly built wheel installed; returns the venv folder."""
    work = tmp_path_factory.mktemp("packaging")
    dist = work / "dist"
    _run(
        [
            sys.executable,
            "-m",
            "pip",
            "wheel",
            "--no-deps",
            "--disable-pip-version-check",
            "-w",
            str(dist),
            str(REPO),
        ],
        cwd=work,
        env=_clean_env(),
    )
    wheels = list(dist.glob("readmark-*.whl"))
    assert len(wheels) == 1, f"expected one readmark wheel, got {wheels}"

    env_dir = work / "venv"
    venv.EnvBuilder(with_pip=True, system_site_packages=False, clear=True).create(env_dir)
    python = env_dir / BIN / f"python{EXE}"
    # Dependencies come from PyPI or pip's cache, the same ones the dev venv got.
    _run(
        [str(python), "-m", "pip", "install", "--disable-pip-version-check", str(wheels[0])],
        cwd=work,
        env=_clean_env(),
    )
    return env_dir


def _site_packages_readmark(env_dir: Path) -> Path:
    python = env_dir / BIN / f"python{EXE}"
    out = _run(
        [str(python), "-c", "import readmark, os; print(os.path.dirname(readmark.__file__))"],
        cwd=env_dir,
        env=_clean_env(),
    ).stdout.strip()
    package = Path(out)
    assert env_dir in package.parents, f"readmark imported from {package}, not from the venv"
    return package


def test_wheel_installs_the_bundled_resources(installed: Path) -> None:
    package = _site_packages_readmark(installed)
    resources = package / "resources"
    for relative in (
        "guide/guide.en.md",
        "guide/guide.zh.md",
        "guide/images/readmark-window.png",
        "translations/readmark_zh_CN.qm",
    ):
        assert (resources / relative).is_file(), f"{relative} is missing from the wheel"
    # and the running code finds them there, not in a checkout
    python = installed / BIN / f"python{EXE}"
    found = _run(
        [str(python), "-c", "from readmark import resources; print(resources.guide_book('en'))"],
        cwd=installed,
        env=_clean_env(),
    ).stdout.strip()
    assert Path(found) == resources / "guide" / "guide.en.md"


def test_installed_readmark_reports_its_version(installed: Path, tmp_path: Path) -> None:
    result = _run(
        [str(installed / BIN / f"readmark{EXE}"), "--version"],
        cwd=tmp_path,
        env=_clean_env(QT_QPA_PLATFORM="offscreen", READMARK_HOME=str(tmp_path / "home")),
        timeout=120,
    )
    assert _version() in result.stdout + result.stderr


def test_installed_readmark_opens_the_guide_offscreen(installed: Path, tmp_path: Path) -> None:
    """`--smoke-test` opens the bundled guide in the real window and waits for its text."""
    result = _run(
        [str(installed / BIN / f"python{EXE}"), "-m", "readmark", "--smoke-test"],
        cwd=tmp_path,
        env=_clean_env(QT_QPA_PLATFORM="offscreen", READMARK_HOME=str(tmp_path / "home")),
        timeout=180,
    )
    titles = {
        m.group(1).strip()
        for guide in (REPO / "resources" / "guide").glob("guide.*.md")
        if (m := re.search(r"^title:\s*(.+)$", guide.read_text(encoding="utf-8"), re.M))
    }
    assert titles, "no titles found in the guides' front matter"
    match = re.search(r"^smoke-test ok: (.+)$", result.stdout, re.M)
    assert match, f"no 'smoke-test ok' line in:\n{result.stdout}\n{result.stderr}"
    assert match.group(1).strip() in titles
