"""A scroll area's viewport, without the cost of asking for it.

PySide answers the first `QAbstractScrollArea.viewport()` of a process by building
every QtWidgets class and enum it has not built yet (~50 enum types, 14 ms on the
way to the first screen, measured in `ReaderView.__init__`): the method's return is
resolved through the module's whole type list. `findChild` is told the type it
returns and builds nothing (0.1 ms). Qt names the viewport it makes
"qt_scrollarea_viewport" (QAbstractScrollAreaPrivate::init); a viewport set with
`setViewport` may not be so named, and then `viewport()` answers as before.
"""

from __future__ import annotations

from PySide6.QtWidgets import QAbstractScrollArea, QWidget

_QT_NAME = "qt_scrollarea_viewport"


def viewport_of(area: QAbstractScrollArea) -> QWidget:
    # Searched without options: `Qt.FindChildOption.FindDirectChildrenOnly` would build
    # the `Qt` namespace (readmark/lazy_qt.py). Qt looks at the direct children first,
    # so a viewport of this area is found before any deeper one; a deeper one is refused.
    found = area.findChild(QWidget, _QT_NAME)
    return found if found is not None and found.parent() is area else area.viewport()
