"""Reading themes: colours for the view and the matching document stylesheet.

Qt's rich text understands a subset of CSS; everything here stays inside it
(no borders on blocks, no max-width: the reading column is set by the view).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from PySide6.QtGui import QColor, QGuiApplication, QPalette
from PySide6.QtWidgets import QWidget

from readmark.ui.palette import Palette, palette_for
from readmark.ui.reader import system_hints

if TYPE_CHECKING:
    from PySide6.QtCore import Qt
else:  # the enums are built on first use, not at import: see readmark/lazy_qt.py
    from readmark.lazy_qt import Qt


@dataclass(frozen=True)
class Typography:
    """The reader's layout preferences (core/store/settings.py says what each means)."""

    line_spacing: int = 135  # percent; CJK gets 5 more
    paragraph_spacing: float = 0.7  # ems
    indent: str = "auto"  # auto (CJK only) | on | off
    justify: str = "auto"  # auto (as the book's renderer says: CJK justified) | on | off
    column_width: int = 70  # average Latin characters; a CJK line holds 36/70 as many
    margin: int = 24  # least px beside the column

    def indents(self, cjk: bool) -> bool:
        return self.indent == "on" or (self.indent == "auto" and cjk)


@dataclass(frozen=True)
class Theme:
    name: str
    background: str
    text: str
    muted: str
    link: str
    code_background: str
    selection: str
    chrome: str  # menus, panels, buttons around the page
    dark: bool
    selected_text: str = ""  # text on the selection colour ("": the text colour)

    @property
    def on_selection(self) -> str:
        return self.selected_text or self.text


THEMES = {
    "light": Theme(
        "light", "#fcfcfa", "#1f1f1f", "#6a6a66", "#1a5fb4", "#f0f0ec", "#b5d3f5", "#efefec", False
    ),
    "dark": Theme(
        "dark", "#1d1e21", "#dadad4", "#9a9a94", "#8ab4f8", "#2b2d31", "#3d5a80", "#2a2b2f", True
    ),
    "sepia": Theme(
        "sepia", "#f4ecd8", "#3b2f1e", "#7d6a50", "#8a4b0f", "#eadfc4", "#d9c192", "#e8dcc0", False
    ),
}


def highlight_palette(theme: Theme) -> Palette:
    """The highlight colours on this theme's page (see ui.palette)."""
    return palette_for(theme.name, theme.background, theme.dark)


def system_is_dark() -> bool:
    hints = QGuiApplication.styleHints()
    dark = system_hints.scheme_is_dark(hints)  # without the `Qt` namespace's enums
    if dark is not None:
        return dark
    try:
        return hints.colorScheme() == Qt.ColorScheme.Dark
    except AttributeError:  # Qt < 6.5
        return QGuiApplication.palette().color(QPalette.ColorRole.Window).lightness() < 128


def contrast(a: QColor, b: QColor) -> float:
    """WCAG's contrast ratio of two colours (1 to 21)."""

    def luminance(c: QColor) -> float:
        def linear(v: float) -> float:
            return v / 12.92 if v <= 0.03928 else ((v + 0.055) / 1.055) ** 2.4

        return 0.2126 * linear(c.redF()) + 0.7152 * linear(c.greenF()) + 0.0722 * linear(c.blueF())

    high, low = sorted((luminance(a), luminance(b)), reverse=True)
    return (high + 0.05) / (low + 0.05)


def asks_high_contrast(palette: QPalette) -> bool:
    """The desktop asks for high contrast (Qt 6.10's accessibility hint), or its
    palette is one: light text on a black page, as Windows' High Contrast Black."""
    hints = QGuiApplication.styleHints()
    try:
        accessibility = hints.accessibility()
        high = system_hints.asks_high_contrast(accessibility)  # without the `Qt` enums
        if high is None:
            high = accessibility.contrastPreference() == Qt.ContrastPreference.HighContrast
        if high:
            return True
    except AttributeError:  # Qt < 6.10
        pass
    base, text = palette.color(QPalette.ColorRole.Base), palette.color(QPalette.ColorRole.Text)
    return base.lightness() < 64 and contrast(base, text) >= 15


def _mix(a: QColor, b: QColor, part_of_b: float) -> str:
    ours = (a.redF(), a.greenF(), a.blueF())
    theirs = (b.redF(), b.greenF(), b.blueF())
    return QColor.fromRgbF(
        *(x + (y - x) * part_of_b for x, y in zip(ours, theirs, strict=True))
    ).name()


def palette_theme(palette: QPalette) -> Theme:
    """The page in the system palette's own colours (a high-contrast desktop's):
    its page, text, links and selection, never softened."""
    role = QPalette.ColorRole
    base, text = palette.color(role.Base), palette.color(role.Text)
    return Theme(
        "system",
        base.name(),
        text.name(),
        _mix(text, base, 0.25),  # quotes and footnotes: still far from the page
        palette.color(role.Link).name(),
        _mix(base, text, 0.12),
        palette.color(role.Highlight).name(),
        palette.color(role.Window).name(),
        base.lightness() < 128,
        palette.color(role.HighlightedText).name(),
    )


def resolve(choice: str, system: QPalette | None = None) -> Theme:
    """'system' follows the desktop: its light/dark setting, and its own colours
    when it asks for high contrast (`system`: its palette, else the application's)."""
    if choice == "system":
        palette = system if system is not None else QGuiApplication.palette()
        if asks_high_contrast(palette):
            return palette_theme(palette)
        return THEMES["dark" if system_is_dark() else "light"]
    return THEMES.get(choice, THEMES["light"])


def apply_palette(widget: QWidget, theme: Theme) -> None:
    palette = widget.palette()
    for group in (QPalette.ColorGroup.Active, QPalette.ColorGroup.Inactive):
        palette.setColor(group, QPalette.ColorRole.Base, QColor(theme.background))
        palette.setColor(group, QPalette.ColorRole.Window, QColor(theme.background))
        palette.setColor(group, QPalette.ColorRole.Text, QColor(theme.text))
        palette.setColor(group, QPalette.ColorRole.Link, QColor(theme.link))
        palette.setColor(group, QPalette.ColorRole.Highlight, QColor(theme.selection))
        palette.setColor(group, QPalette.ColorRole.HighlightedText, QColor(theme.on_selection))
    widget.setPalette(palette)


def window_palette(theme: Theme) -> QPalette:
    """A palette for the whole window in the theme's colours, so menus, panels
    and scroll bars don't frame a dark page in light grey."""
    palette = QPalette()
    chrome, page, text = QColor(theme.chrome), QColor(theme.background), QColor(theme.text)
    muted = QColor(theme.muted)
    roles = {
        QPalette.ColorRole.Window: chrome,
        QPalette.ColorRole.WindowText: text,
        QPalette.ColorRole.Base: page,
        QPalette.ColorRole.AlternateBase: chrome,
        QPalette.ColorRole.Text: text,
        QPalette.ColorRole.Button: chrome,
        QPalette.ColorRole.ButtonText: text,
        QPalette.ColorRole.ToolTipBase: page,
        QPalette.ColorRole.ToolTipText: text,
        QPalette.ColorRole.PlaceholderText: muted,
        QPalette.ColorRole.Link: QColor(theme.link),
        QPalette.ColorRole.Highlight: QColor(theme.selection),
        QPalette.ColorRole.HighlightedText: QColor(theme.on_selection),
        QPalette.ColorRole.Light: chrome.lighter(130),
        QPalette.ColorRole.Midlight: chrome.lighter(115),
        QPalette.ColorRole.Mid: chrome.darker(130) if not theme.dark else chrome.lighter(160),
        QPalette.ColorRole.Dark: chrome.darker(160) if not theme.dark else chrome.lighter(200),
        QPalette.ColorRole.Shadow: QColor("#000000"),
    }
    for role, colour in roles.items():
        palette.setColor(role, colour)
    for role in (
        QPalette.ColorRole.Text,
        QPalette.ColorRole.WindowText,
        QPalette.ColorRole.ButtonText,
    ):
        palette.setColor(QPalette.ColorGroup.Disabled, role, muted)
    return palette


def stylesheet(theme: Theme, cjk: bool, em: float, typography: Typography = Typography()) -> str:
    """Document CSS. Qt takes margins and indents in px only, so `em` (the text
    font's pixel size) converts the typographic units here."""

    def px(ems: float) -> str:
        return f"{round(ems * em)}px"

    indent = f"text-indent: {px(2)};" if typography.indents(cjk) else ""
    # CJK fonts already carry tall line boxes; 140% of that reads like ~1.9em.
    line_height = f"{typography.line_spacing + (5 if cjk else 0)}%"
    spacing = px(typography.paragraph_spacing)
    return f"""
body {{ color: {theme.text}; }}
p {{ margin-top: 0; margin-bottom: {spacing}; line-height: {line_height}; {indent} }}
li {{ line-height: {line_height}; margin-bottom: {px(0.2)}; }}
dd {{ line-height: {line_height}; margin-left: {px(1.5)}; }}
dt {{ font-weight: bold; margin-top: {px(0.5)}; }}
h1 {{ font-size: x-large; margin-top: {px(1.2)}; margin-bottom: {px(0.8)}; font-weight: bold; }}
h2 {{ font-size: large; margin-top: {px(1.1)}; margin-bottom: {px(0.6)}; font-weight: bold; }}
h3, h4, h5, h6 {{ font-size: medium; margin-top: {px(1)}; margin-bottom: {px(0.5)};
                  font-weight: bold; }}
a {{ color: {theme.link}; text-decoration: none; }}
blockquote {{ color: {theme.muted}; margin-left: {px(1.5)}; margin-right: {px(1)};
              font-style: italic; }}
pre {{ background-color: {theme.code_background}; font-family: monospace;
       margin-top: {px(0.5)}; margin-bottom: {px(0.9)}; }}
code {{ background-color: {theme.code_background}; font-family: monospace; }}
table {{ margin-top: {px(0.5)}; margin-bottom: {px(1)}; border-color: {theme.muted}; }}
th {{ font-weight: bold; padding: {px(0.25)}; }}
td {{ padding: {px(0.25)}; }}
hr {{ color: {theme.muted}; margin-top: {px(1)}; margin-bottom: {px(1)}; }}
div.footnote {{ font-size: small; color: {theme.muted}; }}
div.footnote p {{ text-indent: 0; }}
li p {{ text-indent: 0; }}
.small-caps {{ font-variant: small-caps; }}
.aside {{ color: {theme.muted}; font-size: small; }}
p.figure {{ line-height: 100%; text-indent: 0; margin-top: {px(0.5)}; margin-bottom: {px(1)}; }}
"""
