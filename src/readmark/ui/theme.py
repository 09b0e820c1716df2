"""Reading themes: colours for the view and the matching document stylesheet.

Qt's rich text understands a subset of CSS; everything here stays inside it
(no borders on blocks, no max-width: the reading column is set by the view).
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QGuiApplication, QPalette


@dataclass(frozen=True)
class Theme:
    name: str
    background: str
    text: str
    muted: str
    link: str
    code_background: str
    selection: str
    dark: bool


THEMES = {
    "light": Theme("light", "#fcfcfa", "#1f1f1f", "#6a6a66", "#1a5fb4", "#f0f0ec", "#b5d3f5", False),
    "dark": Theme("dark", "#1d1e21", "#dadad4", "#9a9a94", "#8ab4f8", "#2b2d31", "#3d5a80", True),
    "sepia": Theme("sepia", "#f4ecd8", "#3b2f1e", "#7d6a50", "#8a4b0f", "#eadfc4", "#d9c192", False),
}


def system_is_dark() -> bool:
    hints = QGuiApplication.styleHints()
    try:
        return hints.colorScheme() == Qt.ColorScheme.Dark
    except AttributeError:  # Qt < 6.5
        return QGuiApplication.palette().color(QPalette.ColorRole.Window).lightness() < 128


def resolve(choice: str) -> Theme:
    """'system' follows the desktop's light/dark setting."""
    if choice == "system":
        return THEMES["dark" if system_is_dark() else "light"]
    return THEMES.get(choice, THEMES["light"])


def apply_palette(widget, theme: Theme) -> None:  # type: ignore[no-untyped-def]
    palette = widget.palette()
    for group in (QPalette.ColorGroup.Active, QPalette.ColorGroup.Inactive):
        palette.setColor(group, QPalette.ColorRole.Base, QColor(theme.background))
        palette.setColor(group, QPalette.ColorRole.Window, QColor(theme.background))
        palette.setColor(group, QPalette.ColorRole.Text, QColor(theme.text))
        palette.setColor(group, QPalette.ColorRole.Link, QColor(theme.link))
        palette.setColor(group, QPalette.ColorRole.Highlight, QColor(theme.selection))
        palette.setColor(group, QPalette.ColorRole.HighlightedText, QColor(theme.text))
    widget.setPalette(palette)


def stylesheet(theme: Theme, cjk: bool) -> str:
    indent = "text-indent: 2em;" if cjk else ""
    line_height = "175%" if cjk else "150%"
    return f"""
body {{ color: {theme.text}; }}
p {{ margin-top: 0; margin-bottom: 0.75em; line-height: {line_height}; {indent} }}
li {{ line-height: {line_height}; }}
dd {{ line-height: {line_height}; margin-left: 1.5em; }}
dt {{ font-weight: bold; margin-top: 0.5em; }}
h1 {{ font-size: 1.6em; margin-top: 1.2em; margin-bottom: 0.8em; font-weight: bold; }}
h2 {{ font-size: 1.35em; margin-top: 1.1em; margin-bottom: 0.6em; font-weight: bold; }}
h3 {{ font-size: 1.15em; margin-top: 1em; margin-bottom: 0.5em; font-weight: bold; }}
h4, h5, h6 {{ font-size: 1em; margin-top: 0.9em; margin-bottom: 0.4em; font-weight: bold; }}
a {{ color: {theme.link}; text-decoration: none; }}
blockquote {{ color: {theme.muted}; margin-left: 1.5em; margin-right: 1em; font-style: italic; }}
pre {{ background-color: {theme.code_background}; font-family: monospace; font-size: 0.9em;
       margin-top: 0.5em; margin-bottom: 0.9em; }}
code {{ background-color: {theme.code_background}; font-family: monospace; font-size: 0.9em; }}
table {{ margin-top: 0.5em; margin-bottom: 1em; border-color: {theme.muted}; }}
th {{ font-weight: bold; padding: 4px 8px; }}
td {{ padding: 4px 8px; }}
hr {{ color: {theme.muted}; margin-top: 1em; margin-bottom: 1em; }}
div.footnote {{ font-size: 0.88em; color: {theme.muted}; }}
div.footnote p {{ text-indent: 0; }}
sup {{ font-size: 0.75em; }}
"""
