"""PySide6's import hook, made cheap: ~0.2 ms a module instead of ~0.5–1 ms.

Once `shiboken6` is loaded, PySide replaces `__import__` so that `from
__feature__ import snake_case` can switch a module's Qt names; to know which
modules that may concern, it looks, once per module imported, whether the
module's source mentions "PySide6" — with `inspect.getsource`, which finds the
module's file by walking `sys.modules` and tokenizes the file to learn its
encoding. Readmark imports ~200 modules after Qt before its first screen (the
window's, the store's, Python-Markdown and the book's loader on the worker
thread), so that check alone was ~10 % of the first screen (measured with
`bench/run.py`; the bare QTextBrowser the first screen is held to imports
Python-Markdown before Qt and never pays it).

`make_cheap()` asks the same question of the same file by reading its bytes.
Modules without a `.py` file (built in, extension modules, frozen) get PySide's
own answer. Readmark uses no `__feature__`; nor does anything it imports.
If PySide's hook is not where it was (another PySide version), nothing changes.
"""

from __future__ import annotations

import sys
from collections.abc import Callable
from types import ModuleType

_MARK = "_readmark_cheap"


def make_cheap() -> None:
    """Replace PySide's per-module check by one that reads the file's bytes.

    Call it before the bulk of the imports; calling it again does nothing.
    """
    import shiboken6  # noqa: F401 - loads PySide's import hook (shibokensupport.feature)

    feature = sys.modules.get("shibokensupport.feature")
    original: Callable[[ModuleType], bool] | None = getattr(feature, "_mod_uses_pyside", None)
    if feature is None or original is None or getattr(original, _MARK, False):
        return

    def uses_pyside(module: ModuleType) -> bool:
        path = getattr(module, "__file__", None)
        if not isinstance(path, str) or not path.endswith(".py"):
            return original(module)
        try:
            with open(path, "rb") as source:
                return b"PySide6" in source.read()
        except OSError:
            return original(module)  # PySide answers "no" for a module without source

    setattr(uses_pyside, _MARK, True)
    feature._mod_uses_pyside = uses_pyside  # type: ignore[attr-defined]
