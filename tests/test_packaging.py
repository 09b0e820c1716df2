"""The wheel is complete: installed into a clean virtual environment, Readmark runs.

Builds the wheel from this checkout, installs it with its dependencies into a new venv
(no system site-packages, nothing from the checkout on the path), checks the bundled
resources came along, and starts the installed program offscreen on the bundled guide.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
import tarfile
import venv
from pathlib import Path

import pytest

pytestmark = pytest.mark.slow

REPO = Path(__file__).resolve().parents[1]
BIN = "Scripts" if sys.platform == "win32" else "bin"
EXE = ".exe" if sys.platform == "win32" else ""


# The desktop integration (readmark --install-desktop copies these).
DESKTOP_FILES = (
    "desktop/org.readmark.Readmark.desktop",
    "desktop/org.readmark.Readmark.metainfo.xml",
    "desktop/org.readmark.Readmark.mime.xml",
    "desktop/icons/org.readmark.Readmark.svg",
    *(f"desktop/icons/{n}x{n}/org.readmark.Readmark.png" for n in (16, 32, 48, 128, 256)),
)


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
        "search/folding.bin",  # the first search reads the folding table, never builds it
        "search/folding-case.bin",
        *DESKTOP_FILES,
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
    # and the installed code takes the shipped folding table as its own (built from
    # the same folding.py, Unicode and OpenCC), so no search waits to build one
    fits = _run(
        [
            str(python),
            "-c",
            "from readmark.core.search import folding_store as s; "
            "print(all(s.read(s.shipped_path(c), s.key(c)) is not None for c in (False, True)))",
        ],
        cwd=installed,
        env=_clean_env(),
    ).stdout.strip()
    assert fits == "True"


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


def test_the_sdist_carries_the_desktop_files(tmp_path: Path) -> None:
    _run(
        [sys.executable, "-m", "build", "--sdist", "--outdir", str(tmp_path), str(REPO)],
        cwd=tmp_path,
        env=_clean_env(),
    )
    (sdist,) = tmp_path.glob("readmark-*.tar.gz")
    with tarfile.open(sdist) as archive:
        names = {name.split("/", 1)[1] for name in archive.getnames() if "/" in name}
    for relative in DESKTOP_FILES:
        assert f"resources/{relative}" in names, f"{relative} is missing from the sdist"
    assert "packaging/render_icons.py" in names


def test_the_installed_readmark_installs_its_desktop_entry(installed: Path, tmp_path: Path) -> None:
    """From the wheel (no checkout): the entry's Exec names the venv's own `readmark`."""
    result = _run(
        [str(installed / BIN / f"readmark{EXE}"), "--install-desktop"],
        cwd=tmp_path,
        env=_clean_env(
            XDG_DATA_HOME=str(tmp_path / "data"),
            XDG_CONFIG_HOME=str(tmp_path / "config"),
            READMARK_HOME=str(tmp_path / "home"),
        ),
        timeout=120,
    )
    entry = (tmp_path / "data" / "applications" / "org.readmark.Readmark.desktop").read_text(
        encoding="utf-8"
    )
    assert f"Exec={installed / BIN / 'readmark'} %U" in entry, result.stdout + entry


def test_pipx_install_gives_a_working_readmark_command(tmp_path: Path) -> None:
    """`pipx install .` from the checkout, into a private PIPX_HOME and bin folder."""
    pipx = shutil.which("pipx")
    assert pipx, (
        "pipx is not installed, and this test needs it: `sh packaging/setup.sh` installs it "
        "(Debian/Ubuntu: apt-get install pipx)"
    )
    env = _clean_env(
        PIPX_HOME=str(tmp_path / "pipx"),
        PIPX_BIN_DIR=str(tmp_path / "bin"),
        PIPX_MAN_DIR=str(tmp_path / "man"),
        PIPX_DEFAULT_PYTHON=sys.executable,
        READMARK_HOME=str(tmp_path / "home"),
        QT_QPA_PLATFORM="offscreen",
    )
    _run([pipx, "install", str(REPO)], cwd=tmp_path, env=env)
    readmark = tmp_path / "bin" / f"readmark{EXE}"
    assert _version() in _run([str(readmark), "--version"], cwd=tmp_path, env=env).stdout
    text = _run(
        [
            str(readmark),
            "text",
            str(REPO / "resources" / "guide" / "guide.en.md"),
            "--section",
            "0",
        ],
        cwd=tmp_path,
        env=env,
    ).stdout
    assert text.strip()
    smoke = _run([str(readmark), "--smoke-test"], cwd=tmp_path, env=env, timeout=180)
    assert "smoke-test ok" in smoke.stdout
