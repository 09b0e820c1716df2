"""`Qt`, PySide's namespace of enums, built the first time one of them is used.

PySide makes all 93 of the `Qt` namespace's enum types (~15 ms) the moment the
name `Qt` is taken from `PySide6.QtCore` — or any call returns one of its values.
The first screen of a book needs none of them, so modules on its way import
this stand-in instead, which takes the real namespace only when an enum is first
asked for, and keeps each one asked for as its own attribute (the next use costs
what the real namespace costs). For the type checker it is the real `Qt`:

    if TYPE_CHECKING:
        from PySide6.QtCore import Qt
    else:
        from readmark.lazy_qt import Qt

`tests/ui/test_first_paint_enums.py` checks that the first screen is painted
before the namespace is built.
"""

from __future__ import annotations


class _Namespace:
    """Looks names up on the real `Qt` on first use and keeps them."""

    def __getattr__(self, name: str) -> object:
        from PySide6.QtCore import Qt

        value = getattr(Qt, name)
        setattr(self, name, value)
        return value


Qt = _Namespace()
