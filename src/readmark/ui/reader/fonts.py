"""Choosing the book font by the book's language.

Without a named Simplified Chinese font Qt falls back to whatever CJK font
fontconfig offers first, often the Japanese glyph variants. So the family list
is chosen by language (SC, TC, JP, KR) and filtered to installed families.
"""

from __future__ import annotations

from PySide6.QtGui import QFont, QFontDatabase

from readmark.core.scripts import is_cjk_language

_SERIF_LATIN = ["Noto Serif", "DejaVu Serif", "Georgia", "Times New Roman", "Liberation Serif"]

_CJK = {
    "zh-Hans": [
        "Noto Serif CJK SC",
        "Noto Sans CJK SC",
        "Source Han Serif SC",
        "SimSun",
        "Songti SC",
        "Microsoft YaHei",
        "WenQuanYi Micro Hei",
    ],
    "zh-Hant": [
        "Noto Serif CJK TC",
        "Noto Sans CJK TC",
        "Source Han Serif TC",
        "PMingLiU",
        "Songti TC",
        "Microsoft JhengHei",
    ],
    "ja": [
        "Noto Serif CJK JP",
        "Noto Sans CJK JP",
        "Source Han Serif JP",
        "Yu Mincho",
        "Hiragino Mincho ProN",
        "MS Mincho",
    ],
    "ko": [
        "Noto Serif CJK KR",
        "Noto Sans CJK KR",
        "Source Han Serif KR",
        "Batang",
        "AppleMyungjo",
        "Malgun Gothic",
    ],
}


def script_key(language: str) -> str | None:
    low = language.lower()
    if low.startswith("zh"):
        if any(t in low for t in ("hant", "-tw", "-hk", "-mo", "_tw", "_hk")):
            return "zh-Hant"
        return "zh-Hans"
    if low.startswith("ja"):
        return "ja"
    if low.startswith("ko"):
        return "ko"
    return None


def family_list(language: str, preferred: str = "") -> list[str]:
    """Installed families to try in order: the user's choice, then by language."""
    installed = set(QFontDatabase.families())
    key = script_key(language)
    candidates = [preferred] if preferred else []
    if key:
        candidates += _CJK[key]
    candidates += _SERIF_LATIN
    # Latin books still need CJK glyphs for stray characters: SC last as fallback.
    candidates += _CJK["zh-Hans"]
    seen: list[str] = []
    for family in candidates:
        if family and family in installed and family not in seen:
            seen.append(family)
    return seen


def is_cjk(language: str) -> bool:
    return is_cjk_language(language)


# The desktop font size the default reading size was chosen beside (points).
_USUAL_UI_SIZE = 11


def default_reading_size(default: int, ui_font: QFont) -> int:
    """The reading size for a reader who never chose one: `default` beside a usual
    desktop font, larger in step with a desktop font made larger (low vision)."""
    ui_size = ui_font.pointSizeF()
    if ui_size <= _USUAL_UI_SIZE:  # also -1: a font sized in pixels
        return default
    return min(48, round(default * ui_size / _USUAL_UI_SIZE))


def book_font(language: str, preferred: str, point_size: int) -> QFont:
    font = QFont()
    families = family_list(language, preferred)
    if families:
        font.setFamilies(families)
    font.setPointSize(point_size)
    font.setStyleStrategy(QFont.StyleStrategy.PreferAntialias)
    return font


def missing_cjk_font(language: str) -> bool:
    """A CJK book with no CJK font installed would show empty boxes."""
    key = script_key(language)
    if key is None:
        return False
    installed = set(QFontDatabase.families())
    known = {family for families in _CJK.values() for family in families}
    return not (installed & known) and not any("CJK" in f or "Han" in f for f in installed)
