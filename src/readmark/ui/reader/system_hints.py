"""The desktop's colour scheme and contrast preference, asked of Qt without PySide's enums.

`QStyleHints.colorScheme()` and `QAccessibilityHints.contrastPreference()` answer
with values of the `Qt` namespace, and PySide builds all 93 of its enum types
(~15 ms) the first time one is returned — on the way to the first screen, where
the "system" theme (the default) must know whether the desktop is dark. Where Qt is
the shared library `libQt6Gui.so.6` (Linux), the two getters are called directly
by their exported names (Itanium C++ ABI: `this` in, an int out) through ctypes:
the same Qt function, its answer as the plain int that `enum class` is. Anywhere
else, or if the library or a symbol is not there (an older Qt), the answer is None
and theme.py asks through PySide as before. tests/ui/test_first_paint_enums.py
checks both ways agree.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Callable
from functools import cache

from PySide6.QtCore import QObject

# Qt's values (qnamespace.h): Qt::ColorScheme::Dark, Qt::ContrastPreference::HighContrast
DARK = 2
HIGH_CONTRAST = 1
_COLOR_SCHEME = (
    "_ZNK11QStyleHints11colorSchemeEv"  # Qt::ColorScheme QStyleHints::colorScheme() const
)
_CONTRAST = "_ZNK19QAccessibilityHints18contrastPreferenceEv"  # … contrastPreference() const


@cache
def _getter(symbol: str) -> Callable[[QObject], int] | None:
    if not sys.platform.startswith("linux"):
        return None
    import ctypes

    import shiboken6

    try:
        # RTLD_NOLOAD: the copy of Qt PySide has loaded, never another one.
        qt_gui = ctypes.CDLL("libQt6Gui.so.6", mode=os.RTLD_NOLOAD)
        function = qt_gui[symbol]
    except (OSError, AttributeError):
        return None
    function.restype = ctypes.c_int
    function.argtypes = [ctypes.c_void_p]

    def call(hints: QObject) -> int:
        return int(function(shiboken6.getCppPointer(hints)[0]))

    return call


def scheme_is_dark(hints: QObject) -> bool | None:
    """`hints.colorScheme() == Qt.ColorScheme.Dark` of a QStyleHints; None: unknown here."""
    getter = _getter(_COLOR_SCHEME)
    return None if getter is None else getter(hints) == DARK


def asks_high_contrast(hints: QObject) -> bool | None:
    """`hints.contrastPreference() == Qt.ContrastPreference.HighContrast` of a
    QAccessibilityHints; None: unknown here."""
    getter = _getter(_CONTRAST)
    return None if getter is None else getter(hints) == HIGH_CONTRAST
