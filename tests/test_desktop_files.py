"""The desktop entry, the AppStream metainfo and the icons pass the freedesktop
validators, and `readmark --install-desktop` makes Readmark the desktop's reader
of Markdown, EPUB and readmark:// links in a temporary XDG home (and takes it
all away again with --uninstall-desktop).

The validators and the desktop's tools are requirements, installed by
packaging/setup.sh (desktop-file-utils, appstream, xdg-utils, shared-mime-info
and libglib2.0-bin for gio); a missing one fails with what to install.
"""

from __future__ import annotations

import configparser
import os
import shlex
import shutil
import subprocess
import sys
import time
from pathlib import Path

import pytest
from PySide6.QtGui import QImage

from readmark import desktop_integration

REPO = Path(__file__).resolve().parents[1]
DESKTOP = REPO / "resources" / "desktop"
APP_ID = desktop_integration.APP_ID


def tool(name: str, package: str) -> str:
    found = shutil.which(name)
    if found is None:
        pytest.fail(
            f"{name} is not installed, and this test needs it: `sh packaging/setup.sh` "
            f"installs it (Debian/Ubuntu: apt-get install {package})."
        )
    return found


def run(cmd: list[str], env: dict[str, str] | None = None, timeout: int = 60):
    return subprocess.run(
        cmd, capture_output=True, text=True, env=env, timeout=timeout, check=False
    )


def test_the_desktop_entry_is_valid() -> None:
    result = run(
        [tool("desktop-file-validate", "desktop-file-utils"), str(DESKTOP / f"{APP_ID}.desktop")]
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "error" not in (result.stdout + result.stderr).lower()


def test_the_desktop_entry_declares_what_readmark_opens() -> None:
    entry = configparser.ConfigParser(interpolation=None)
    entry.optionxform = str  # type: ignore[assignment, method-assign]
    entry.read(DESKTOP / f"{APP_ID}.desktop", encoding="utf-8")
    section = entry["Desktop Entry"]
    types = set(section["MimeType"].strip(";").split(";"))
    assert types == {
        "text/markdown",
        "text/x-markdown",
        "application/epub+zip",
        "text/plain",
        "text/html",
        "x-scheme-handler/readmark",
    }
    assert section["Icon"] == APP_ID
    assert section["Exec"] == "readmark %U"  # %U: files as file:// URLs, and readmark:// links


def test_the_metainfo_is_valid_offline() -> None:
    result = run(
        [
            tool("appstreamcli", "appstream"),
            "validate",
            "--no-net",
            str(DESKTOP / f"{APP_ID}.metainfo.xml"),
        ]
    )
    assert result.returncode == 0, result.stdout + result.stderr


def test_the_metainfo_names_screenshots_that_exist() -> None:
    text = (DESKTOP / f"{APP_ID}.metainfo.xml").read_text(encoding="utf-8")
    images = [
        line.split("/docs/images/")[1].split("<")[0]
        for line in text.splitlines()
        if "/docs/images/" in line
    ]
    assert images
    for image in images:
        assert (REPO / "docs" / "images" / image).is_file(), image


@pytest.mark.parametrize("size", [16, 24, 32, 48, 64, 128, 256, 512])
def test_every_png_icon_is_the_svg_rendered_at_its_size(size: int) -> None:
    """The committed PNGs are packaging/render_icons.py's output for today's SVG."""
    sys.path.insert(0, str(REPO / "packaging"))
    try:
        import render_icons
    finally:
        sys.path.remove(str(REPO / "packaging"))
    png = QImage(str(DESKTOP / "icons" / f"{size}x{size}" / f"{APP_ID}.png"))
    assert png.width() == png.height() == size
    fresh = render_icons.render(DESKTOP / "icons" / f"{APP_ID}.svg", size)
    fresh = fresh.convertToFormat(png.format())
    differing = sum(
        1
        for y in range(size)
        for x in range(size)
        if abs(png.pixelColor(x, y).alpha() - fresh.pixelColor(x, y).alpha()) > 8
        or abs(png.pixelColor(x, y).red() - fresh.pixelColor(x, y).red()) > 8
    )
    assert differing <= size * size // 100, "run packaging/render_icons.py after changing the SVG"


def test_exec_quoting_follows_the_specification() -> None:
    q = desktop_integration.exec_quote
    assert q("/usr/bin/readmark") == "/usr/bin/readmark"
    assert q("/home/ada/My Apps/readmark") == '"/home/ada/My Apps/readmark"'
    assert q('/opt/a"b$c') == '"/opt/a\\\\"b\\\\$c"'
    assert q("/opt/100%") == "/opt/100%%"


# -- installing into a temporary XDG home -------------------------------------------------


@pytest.fixture
def xdg(tmp_path: Path) -> dict[str, str]:
    """A user's environment whose XDG data and config homes are temporary folders."""
    env = {k: v for k, v in os.environ.items() if not k.startswith("XDG_")}
    env.update(
        XDG_DATA_HOME=str(tmp_path / "data"),
        XDG_CONFIG_HOME=str(tmp_path / "config"),
        XDG_DATA_DIRS="/usr/local/share:/usr/share",
        XDG_CONFIG_DIRS="/etc/xdg",
        PYTHONPATH=str(REPO / "src"),
        HOME=str(tmp_path / "home"),
    )
    return env


def readmark(*args: str, env: dict[str, str]) -> subprocess.CompletedProcess[str]:
    return run([sys.executable, "-m", "readmark", *args], env=env, timeout=120)


def test_install_desktop_makes_readmark_the_reader_of_markdown_epub_and_links(
    xdg: dict[str, str], tmp_path: Path
) -> None:
    tool("update-desktop-database", "desktop-file-utils")
    tool("update-mime-database", "shared-mime-info")
    result = readmark("--install-desktop", env=xdg)
    assert result.returncode == 0, result.stderr
    assert "Refreshed with update-desktop-database" in result.stdout
    data = Path(xdg["XDG_DATA_HOME"])
    entry = data / "applications" / f"{APP_ID}.desktop"
    for path in (
        entry,
        data / "metainfo" / f"{APP_ID}.metainfo.xml",
        data / "icons" / "hicolor" / "scalable" / "apps" / f"{APP_ID}.svg",
        data / "icons" / "hicolor" / "16x16" / "apps" / f"{APP_ID}.png",
        data / "icons" / "hicolor" / "256x256" / "apps" / f"{APP_ID}.png",
        data / "applications" / "mimeinfo.cache",
        data / "mime" / "mime.cache",
    ):
        assert path.is_file(), path
    # the installed entry is valid too, with Exec naming this Python
    check = run([tool("desktop-file-validate", "desktop-file-utils"), str(entry)])
    assert check.returncode == 0, check.stdout + check.stderr

    xdg_mime = tool("xdg-mime", "xdg-utils")
    for mime in ("text/markdown", "application/epub+zip", "x-scheme-handler/readmark"):
        answer = run([xdg_mime, "query", "default", mime], env=xdg)
        assert answer.stdout.strip() == f"{APP_ID}.desktop", (mime, answer.stdout, answer.stderr)
    # text and HTML are offered (Open With), never made Readmark's by default
    defaults = (Path(xdg["XDG_CONFIG_HOME"]) / "mimeapps.list").read_text(encoding="utf-8")
    assert "text/plain" not in defaults and "text/html" not in defaults
    # the desktop (GLib's shared-mime-info) sees a .md file as text/markdown
    book = tmp_path / "a book.md"
    book.write_text("# A book\n\nText.\n", encoding="utf-8")
    info = run(
        [tool("gio", "libglib2.0-bin"), "info", "-a", "standard::content-type", str(book)], env=xdg
    )
    assert info.stdout.strip().endswith("standard::content-type: text/markdown"), info.stdout


def test_the_menu_lists_the_installed_entry_and_can_draw_its_icon(
    xdg: dict[str, str], tmp_path: Path
) -> None:
    """What an applications menu does with the entry: GLib's GDesktopAppInfo (GNOME's
    menus, `gio`) lists it for the book types, and the icon it names is found in the
    hicolor theme of the XDG data home and drawn by GDK-Pixbuf, as GTK menus and
    rofi draw it. (The SVG was once not recognised: `<svg` came after a long comment,
    past the 256 bytes shared-mime-info sniffs, so menus showed no icon.)"""
    assert readmark("--install-desktop", env=xdg).returncode == 0
    listed = run([tool("gio", "libglib2.0-bin"), "mime", "application/epub+zip"], env=xdg)
    assert f"{APP_ID}.desktop" in listed.stdout, listed.stdout + listed.stderr

    data = Path(xdg["XDG_DATA_HOME"])
    entry = configparser.ConfigParser(interpolation=None)
    entry.read(data / "applications" / f"{APP_ID}.desktop", encoding="utf-8")
    icon = entry["Desktop Entry"]["Icon"]
    svg = data / "icons" / "hicolor" / "scalable" / "apps" / f"{icon}.svg"
    assert b"<svg" in svg.read_bytes()[:256]
    thumbnailer = tool("gdk-pixbuf-thumbnailer", "libgdk-pixbuf2.0-bin librsvg2-common")
    drawn = []
    for source in (svg, data / "icons" / "hicolor" / "48x48" / "apps" / f"{icon}.png"):
        out = tmp_path / f"{source.suffix[1:]}.png"
        result = run([thumbnailer, "-s", "48", str(source), str(out)], env=xdg)
        assert result.returncode == 0, result.stderr
        drawn.append(QImage(str(out)).convertToFormat(QImage.Format.Format_ARGB32))
    from_svg, from_png = drawn
    assert from_svg.size() == from_png.size() and from_svg.width() == 48
    pixels = [(x, y) for y in range(48) for x in range(48)]
    assert sum(from_svg.pixelColor(x, y).alpha() == 255 for x, y in pixels) > 48 * 48 // 2
    differing = sum(
        abs(from_svg.pixelColor(x, y).red() - from_png.pixelColor(x, y).red()) > 24
        or abs(from_svg.pixelColor(x, y).alpha() - from_png.pixelColor(x, y).alpha()) > 24
        for x, y in pixels
    )
    assert differing < 48 * 48 // 50  # the same book drawn from either file


def test_the_installed_exec_line_starts_this_readmark(xdg: dict[str, str]) -> None:
    assert readmark("--install-desktop", env=xdg).returncode == 0
    entry = configparser.ConfigParser(interpolation=None)
    entry.optionxform = str  # type: ignore[assignment, method-assign]
    entry.read(Path(xdg["XDG_DATA_HOME"]) / "applications" / f"{APP_ID}.desktop")
    command = shlex.split(entry["Desktop Entry"]["Exec"])
    assert command[-1] == "%U"
    assert Path(command[0]).is_absolute() and os.access(command[0], os.X_OK)
    assert entry["Desktop Entry"]["TryExec"] == command[0]
    version = run([*command[:-1], "--version"], env=xdg)
    assert version.returncode == 0 and "Readmark" in version.stdout, version.stderr


def test_gio_opens_a_markdown_book_and_a_link_with_readmark(
    xdg: dict[str, str], tmp_path: Path
) -> None:
    """`gio open` launches the installed entry's Exec with the book's URL. The Exec
    is swapped for a recorder here, as the real one would open a window."""
    gio = tool("gio", "libglib2.0-bin")
    assert readmark("--install-desktop", env=xdg).returncode == 0
    entry = Path(xdg["XDG_DATA_HOME"]) / "applications" / f"{APP_ID}.desktop"
    record = tmp_path / "launched.txt"
    recorder = tmp_path / "recorder.sh"
    recorder.write_text(f'#!/bin/sh\nprintf "%s\\n" "$@" >> "{record}"\n', encoding="utf-8")
    recorder.chmod(0o755)
    text = entry.read_text(encoding="utf-8")
    lines = [
        f"Exec={recorder} %U" if line.startswith("Exec=") else line
        for line in text.splitlines()
        if not line.startswith("TryExec=")
    ]
    entry.write_text("\n".join(lines) + "\n", encoding="utf-8")
    book = tmp_path / "book.md"
    book.write_text("# A book\n", encoding="utf-8")
    link = "readmark://open?book=abc&quote=a%20b"
    for target in (str(book), link):
        result = run([gio, "open", target], env=xdg)
        assert result.returncode == 0, result.stderr
    deadline = time.monotonic() + 20
    while time.monotonic() < deadline and (
        not record.exists() or len(record.read_text().splitlines()) < 2
    ):
        time.sleep(0.1)
    launched = record.read_text().splitlines()
    # GLib passes a local file as its path even for %U; other launchers pass file:// URLs,
    # which readmark reads as paths too (test_readmark_understands_what_the_desktop_passes)
    assert launched[0] in (str(book), book.as_uri())
    assert launched[1:] == [link]


def test_readmark_understands_what_the_desktop_passes(tmp_path: Path) -> None:
    """A file:// URL (what %U gives) is read as its path."""
    from readmark import launch

    book = tmp_path / "a book 书.md"
    assert launch.paths_from_file_urls([book.as_uri(), "x.md", "readmark://a"]) == [
        str(book),
        "x.md",
        "readmark://a",
    ]


def test_uninstall_takes_everything_away_and_keeps_the_users_other_defaults(
    xdg: dict[str, str],
) -> None:
    config = Path(xdg["XDG_CONFIG_HOME"])
    config.mkdir(parents=True)
    users = (
        "# my defaults\n[Added Associations]\ntext/plain=gedit.desktop;\n\n"
        "[Default Applications]\ntext/markdown=typora.desktop;\nimage/png=gimp.desktop;\n"
    )
    (config / "mimeapps.list").write_text(users, encoding="utf-8")
    installed = readmark("--install-desktop", env=xdg)
    assert installed.returncode == 0, installed.stderr
    defaults = (config / "mimeapps.list").read_text(encoding="utf-8")
    assert "text/markdown=typora.desktop;" in defaults  # the user's choice stands,
    assert "text/x-markdown" not in defaults  # for its alias too
    assert f"application/epub+zip={APP_ID}.desktop;" in defaults

    removed = readmark("--uninstall-desktop", env=xdg)
    assert removed.returncode == 0, removed.stderr
    data = Path(xdg["XDG_DATA_HOME"])
    left = [p for p in data.rglob(f"{APP_ID}*") if p.is_file()]
    assert left == []
    # exactly as the user had it: comments, other groups and their order kept
    assert (config / "mimeapps.list").read_text(encoding="utf-8") == users


def test_a_missing_refresh_tool_is_said_not_hidden(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(desktop_integration.shutil, "which", lambda _name: None)
    report = desktop_integration.install(tmp_path / "data", tmp_path / "config", ["/bin/true"])
    assert report.ok
    assert any("update-desktop-database is not installed" in line for line in report.lines)
    assert any("update-mime-database is not installed" in line for line in report.lines)


def test_an_unwritable_data_home_is_one_clear_line(xdg: dict[str, str], tmp_path: Path) -> None:
    blocker = tmp_path / "data"
    blocker.write_text("a file where a folder should be", encoding="utf-8")
    result = readmark("--install-desktop", env=xdg)
    assert result.returncode == 2
    assert "Could not install" in result.stdout + result.stderr
    assert "Traceback" not in result.stderr
