"""Readmark in an applications menu: `readmark --install-desktop` into a throwaway
XDG home, then rofi's application launcher (`drun` mode: it reads the desktop
entries of the XDG data folders and their icons from the icon theme, as a
desktop's menu does) shown on the virtual display, and the screen saved.

    xvfb-run -a -s "-screen 0 640x230x24" .venv/bin/python packaging/menu_screenshot.py OUT.png

(`sh packaging/make_menu_screenshot.sh` does that.) Needs rofi (Debian: apt-get
install rofi) and the desktop tools --install-desktop refreshes with; the
picture documents the README's Installing section (docs/images/menu-entry.png).
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
# A plain look close to a desktop's launcher, readable at README size.
THEME = """
* { font: "DejaVu Sans 13"; background-color: #f6f5f4; text-color: #2e3436; }
window { fullscreen: true; padding: 14px; }
inputbar { padding: 6px 8px; border: 0 0 1px 0; border-color: #c0bfbc; children: [prompt, entry]; }
prompt { padding: 0 8px 0 0; text-color: #77767b; }
listview { lines: 3; columns: 1; spacing: 4px; padding: 10px 0 0 0; }
element { padding: 8px; border-radius: 6px; children: [element-icon, element-text]; }
element selected { background-color: #3584e4; text-color: #ffffff; }
element-icon { size: 40px; padding: 0 12px 0 0; background-color: inherit; }
element-text { vertical-align: 0.5; background-color: inherit; text-color: inherit; }
"""


def main(out: Path, typed: str) -> int:
    rofi = shutil.which("rofi")
    if rofi is None:
        print("menu_screenshot: rofi is missing (apt-get install rofi)", file=sys.stderr)
        return 2
    if not os.environ.get("DISPLAY"):
        print("menu_screenshot: no DISPLAY; run it under xvfb-run", file=sys.stderr)
        return 2
    with tempfile.TemporaryDirectory(prefix="readmark-menu-") as folder:
        home = Path(folder)
        env = dict(os.environ)
        env.update(
            HOME=str(home),
            XDG_DATA_HOME=str(home / "data"),
            XDG_CONFIG_HOME=str(home / "config"),
            XDG_CACHE_HOME=str(home / "cache"),
            READMARK_HOME=str(home / "readmark"),
            PYTHONPATH=str(ROOT / "src"),
        )
        installed = subprocess.run(
            [sys.executable, "-m", "readmark", "--install-desktop"],
            env=env,
            capture_output=True,
            text=True,
            check=False,
        )
        if installed.returncode != 0:
            print(installed.stderr, file=sys.stderr, end="")
            return installed.returncode
        theme = home / "menu.rasi"
        theme.write_text(THEME, encoding="utf-8")
        menu = subprocess.Popen(
            [
                rofi,
                "-show",
                "drun",
                "-show-icons",
                "-display-drun",
                "Applications",
                "-theme",
                str(theme),
                "-filter",
                typed,
            ],
            env=env,
        )
        try:
            time.sleep(2.0)  # rofi draws once it has read the entries and their icons
            if menu.poll() is not None:
                print("menu_screenshot: rofi exited early", file=sys.stderr)
                return 2
            _grab_screen(out)
        finally:
            menu.terminate()
            menu.wait(10)
    print(out)
    return 0


def _grab_screen(out: Path) -> None:
    """The whole virtual screen, as X11 has it (Qt's xcb platform reads the root window)."""
    os.environ.pop("QT_QPA_PLATFORM", None)
    from PySide6.QtGui import QGuiApplication

    app = QGuiApplication(["menu-screenshot"])
    screen = app.primaryScreen()
    if not screen.grabWindow(0).save(str(out)):
        raise SystemExit(f"menu_screenshot: {out} could not be written")


if __name__ == "__main__":
    arguments = sys.argv[1:]
    if not arguments or len(arguments) > 2:
        sys.exit("usage: menu_screenshot.py OUT.png [TYPED]")
    sys.exit(main(Path(arguments[0]), arguments[1] if len(arguments) > 1 else ""))
