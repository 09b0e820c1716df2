"""Installing Readmark into a freedesktop desktop for the current user.

`readmark --install-desktop` copies the desktop entry, the AppStream metainfo,
the icons and a MIME package from `resources/desktop/` into the user's XDG data
home, with the entry's Exec pointing at the program that ran the command (a
venv or pipx install need not be on the menu's PATH). It makes Readmark the
default for Markdown and EPUB where the user has no default yet, and always
for `readmark://` links, in the user's mimeapps.list; then refreshes the
desktop and MIME databases with the desktop's own tools when they are there.
`--uninstall-desktop` takes all of it away again (defaults that name Readmark
included), leaving everything else as it was.

Text and HTML are offered (Open With) but never made Readmark's by default:
they belong to the user's editor and browser.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from dataclasses import dataclass, field
from pathlib import Path

from PySide6.QtCore import QCoreApplication

from readmark import paths, resources

APP_ID = "org.readmark.Readmark"
DESKTOP_FILE = f"{APP_ID}.desktop"
# Made Readmark's default when the user has none (for a type or its alias: a default
# for text/markdown stands for text/x-markdown too); the scheme is Readmark's own.
DEFAULT_FOR = (("text/markdown", "text/x-markdown"), ("application/epub+zip",))
SCHEME = "x-scheme-handler/readmark"
_DEFAULTS = "Default Applications"
_TOOL_TIMEOUT = 60  # seconds; the databases of a whole desktop take a moment


@dataclass
class Report:
    """What was done, line by line, for the terminal; `ok` is False when something failed."""

    lines: list[str] = field(default_factory=list)
    ok: bool = True

    def say(self, line: str) -> None:
        self.lines.append(line)


def supported() -> bool:
    """Desktop entries are a freedesktop thing: Linux and the BSDs."""
    return sys.platform.startswith("linux") or "bsd" in sys.platform


def launcher() -> list[str]:
    """The command that starts this Readmark: the frozen bundle's executable, the
    `readmark` script that is running, else this interpreter with `-m readmark`."""
    if getattr(sys, "frozen", False):  # the standalone bundle: its own executable
        return [str(Path(sys.executable).absolute())]
    script = Path(sys.argv[0]) if sys.argv and sys.argv[0] else None
    if script is not None and script.name in ("readmark", "readmark.exe"):
        found = shutil.which(str(script)) if not script.is_absolute() else str(script)
        if found and os.access(found, os.X_OK):
            return [str(Path(found).absolute())]
    return [str(Path(sys.executable).absolute()), "-m", "readmark"]


def exec_quote(argument: str) -> str:
    """One argument of a desktop entry's Exec key, quoted as the specification says.

    Inside double quotes, `"`, `` ` ``, `$` and `\\` are escaped with a backslash;
    and as the value is itself a string, each backslash is doubled once more.
    A literal `%` is `%%`."""
    text = argument.replace("%", "%%")
    if text and not any(c in text for c in " \t\n\"'\\><~|&;$*?#()`="):
        return text
    for char in ("\\", '"', "`", "$"):
        text = text.replace(char, "\\" + char)
    return '"' + text.replace("\\", "\\\\") + '"'


def desktop_entry(command: list[str]) -> str:
    """The bundled desktop entry with Exec and TryExec naming `command`."""
    template = resources.path("desktop", DESKTOP_FILE).read_text(encoding="utf-8")
    lines = []
    for line in template.splitlines():
        if line.startswith("Exec="):
            line = "Exec=" + " ".join(exec_quote(part) for part in command) + " %U"
        elif line.startswith("TryExec="):
            line = "TryExec=" + command[0]
        lines.append(line)
    return "\n".join(lines) + "\n"


def _files(data_home: Path) -> list[tuple[Path, Path | None]]:
    """(where it goes, the bundled file to copy; None for the desktop entry, written)."""
    bundled = resources.path("desktop")
    icons = bundled / "icons"
    hicolor = data_home / "icons" / "hicolor"
    pairs: list[tuple[Path, Path | None]] = [
        (data_home / "applications" / DESKTOP_FILE, None),
        (data_home / "metainfo" / f"{APP_ID}.metainfo.xml", bundled / f"{APP_ID}.metainfo.xml"),
        (data_home / "mime" / "packages" / f"{APP_ID}.xml", bundled / f"{APP_ID}.mime.xml"),
        (hicolor / "scalable" / "apps" / f"{APP_ID}.svg", icons / f"{APP_ID}.svg"),
    ]
    for folder in sorted(icons.iterdir()):
        png = folder / f"{APP_ID}.png"
        if folder.is_dir() and png.is_file():
            pairs.append((hicolor / folder.name / "apps" / png.name, png))
    return pairs


def install(
    data_home: Path | None = None,
    config_home: Path | None = None,
    command: list[str] | None = None,
) -> Report:
    """Install for the current user; see the module's description."""
    data_home = data_home or paths.xdg_data_home()
    config_home = config_home or paths.xdg_config_home()
    command = command or launcher()
    report = Report()
    try:
        for target, source in _files(data_home):
            target.parent.mkdir(parents=True, exist_ok=True)
            if source is None:
                target.write_text(desktop_entry(command), encoding="utf-8")
            else:
                shutil.copyfile(source, target)
        report.say(
            QCoreApplication.translate(
                "DesktopIntegration",
                "Installed Readmark's menu entry, icons and file types in {folder}",
            ).format(folder=data_home)
        )
        report.say(
            QCoreApplication.translate("DesktopIntegration", "It starts: {command}").format(
                command=" ".join(command)
            )
        )
        chosen = _set_defaults(config_home / "mimeapps.list")
    except OSError as error:
        report.ok = False
        report.say(
            QCoreApplication.translate("DesktopIntegration", "Could not install: {reason}").format(
                reason=f"{error.filename}: {error.strerror}" if error.filename else str(error)
            )
        )
        return report
    if chosen:
        report.say(
            QCoreApplication.translate(
                "DesktopIntegration", "Readmark now opens by default: {types}"
            ).format(types=", ".join(chosen))
        )
    _refresh(data_home, report)
    return report


def uninstall(data_home: Path | None = None, config_home: Path | None = None) -> Report:
    """Remove what `install` put in place, and the defaults that name Readmark."""
    data_home = data_home or paths.xdg_data_home()
    config_home = config_home or paths.xdg_config_home()
    report = Report()
    removed = 0
    try:
        for target, _source in _files(data_home):
            if target.is_file():
                target.unlink()
                removed += 1
        _remove_defaults(config_home / "mimeapps.list")
    except OSError as error:
        report.ok = False
        report.say(
            QCoreApplication.translate(
                "DesktopIntegration", "Could not uninstall: {reason}"
            ).format(reason=str(error))
        )
        return report
    report.say(
        QCoreApplication.translate(
            "DesktopIntegration",
            "Removed {count} files of Readmark's desktop integration from {folder}",
        ).format(count=removed, folder=data_home)
    )
    _refresh(data_home, report)
    return report


# -- mimeapps.list ----------------------------------------------------------------------
# Edited line by line: every line not about Readmark's defaults stays as the user (or
# their desktop) wrote it, comments and other sections included.


def _read_lines(path: Path) -> list[str]:
    return path.read_text(encoding="utf-8").splitlines() if path.is_file() else []


def _write_lines(path: Path, lines: list[str]) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(path.name + ".readmark-tmp")
    tmp.write_text("\n".join(lines) + "\n", encoding="utf-8")
    os.replace(tmp, path)


def _defaults_section(lines: list[str]) -> tuple[int, int] | None:
    """The [Default Applications] group as (its header's index, the index after it)."""
    header = next((i for i, line in enumerate(lines) if line.strip() == f"[{_DEFAULTS}]"), None)
    if header is None:
        return None
    end = header + 1
    while end < len(lines) and not lines[end].lstrip().startswith("["):
        end += 1
    return header, end


def _key(line: str) -> str:
    key, equals, _value = line.partition("=")
    return key.strip() if equals and not line.lstrip().startswith("#") else ""


def _set_defaults(path: Path) -> list[str]:
    """Make Readmark the default where no default is set (and for its links);
    returns the types it is now the default for."""
    lines = _read_lines(path)
    found = _defaults_section(lines)
    if found is None:
        if lines and lines[-1].strip():
            lines.append("")
        lines.append(f"[{_DEFAULTS}]")
        found = (len(lines) - 1, len(lines))
    header, end = found
    current = {_key(lines[i]): i for i in range(header + 1, end) if _key(lines[i])}

    def someone_elses(mime: str) -> bool:
        if mime not in current:
            return False
        value = lines[current[mime]].partition("=")[2].strip().rstrip(";")
        return bool(value) and value != DESKTOP_FILE

    chosen, added = [], []
    for group in (*DEFAULT_FOR, (SCHEME,)):
        if group != (SCHEME,) and any(someone_elses(mime) for mime in group):
            continue  # the user's choice stands
        for mime in group:
            ours = f"{mime}={DESKTOP_FILE};"
            if mime in current:
                lines[current[mime]] = ours
            else:
                added.append(ours)
            chosen.append(mime)
    # after the group's last entry, before the blank lines that end it
    at = end
    while at > header + 1 and not lines[at - 1].strip():
        at -= 1
    lines[at:at] = added
    _write_lines(path, lines)
    return chosen


def _remove_defaults(path: Path) -> None:
    lines = _read_lines(path)
    found = _defaults_section(lines)
    if found is None:
        return
    header, end = found
    changed = False
    for i in range(end - 1, header, -1):
        mime = _key(lines[i])
        if not mime:
            continue
        entries = [e for e in lines[i].partition("=")[2].strip().split(";") if e]
        kept = [e for e in entries if e != DESKTOP_FILE]
        if len(kept) != len(entries):
            changed = True
            if kept:
                lines[i] = f"{mime}={';'.join(kept)};"
            else:
                del lines[i]
    if changed:
        _write_lines(path, lines)


# -- the desktop's databases --------------------------------------------------------------


def _refresh(data_home: Path, report: Report) -> None:
    """Run the desktop's own tools over the user's folders, saying when one is missing."""
    for tool, folder in (
        ("update-desktop-database", data_home / "applications"),
        ("update-mime-database", data_home / "mime"),
    ):
        found = shutil.which(tool)
        if found is None:
            report.say(
                QCoreApplication.translate(
                    "DesktopIntegration",
                    "{tool} is not installed, so the desktop may notice Readmark only after "
                    "you log in again (Debian and Ubuntu: desktop-file-utils, shared-mime-info).",
                ).format(tool=tool)
            )
            continue
        if not folder.is_dir():
            continue
        try:
            result = subprocess.run(
                [found, str(folder)],
                capture_output=True,
                text=True,
                timeout=_TOOL_TIMEOUT,
                check=False,
            )
        except (OSError, subprocess.TimeoutExpired) as error:
            report.say(
                QCoreApplication.translate("DesktopIntegration", "{tool} failed: {reason}").format(
                    tool=tool, reason=str(error)
                )
            )
            continue
        if result.returncode != 0:
            reason = (result.stderr or result.stdout).strip().splitlines()
            report.say(
                QCoreApplication.translate("DesktopIntegration", "{tool} failed: {reason}").format(
                    tool=tool, reason=reason[-1] if reason else result.returncode
                )
            )
        else:
            report.say(
                QCoreApplication.translate("DesktopIntegration", "Refreshed with {tool}.").format(
                    tool=tool
                )
            )
