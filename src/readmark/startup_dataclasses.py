"""The methods `dataclasses` writes for each data class, compiled once per installation.

For every data class, `dataclasses` writes the source of its `__init__`, `__repr__`,
`__eq__`, … and runs it with `exec`, which compiles it first: ~44 data classes are
made before the sample book's first screen (the library's records, the book, the
repair's blocks, …), ~23 ms of CPU, most of it compiling. From `hold` (the first line
of `python -m readmark`, and `cli.main`) until `release` (once the first screen is
painted, or at once for a command), the `exec` that `dataclasses` calls takes the
compiled code of a source it has seen at an earlier start from a memo kept beside
this module's bytecode (core/bytecode_memo.py), and compiles and remembers the others
(written at exit). The code is what `exec` would compile from the same source — the
same file name (`<string>`) and the compiler flags `dataclasses` itself runs under —
and it runs as `exec` runs it: the classes are the same.

`dataclasses` names `exec` as a builtin; `hold` gives its module a global `exec`
that shadows the builtin, `release` takes it away. Where `dataclasses` already has
one, or no memo can be kept, `hold` does nothing.
"""

from __future__ import annotations
import __future__

import atexit
import dataclasses
import importlib.util
import sys
import threading
from types import CodeType
from typing import Any

from readmark.core.bytecode_memo import memo_path, read_memo, write_memo

_LIMIT = 3000  # entries (the newest); ~45 classes, ~6 methods each, a start
# What makes a compiled code object valid: the Python and its bytecode.
_KEY = ("readmark dataclasses 1", sys.version, importlib.util.MAGIC_NUMBER)
# The compiler flags a caller's `from __future__` imports add to what `exec` compiles.
_FUTURE_FLAGS = 0
for _feature in __future__.all_feature_names:
    _FUTURE_FLAGS |= getattr(__future__, _feature).compiler_flag

_PATH = memo_path(__file__, ".code")
_lock = threading.Lock()
_known: dict[tuple[str, int], CodeType] | None = None
_added: dict[tuple[str, int], CodeType] = {}
_held = [False]


def _exec(source: Any, globals: Any = None, locals: Any = None, /) -> None:  # noqa: A002
    """`exec` as `dataclasses` calls it, with the source's compiled code remembered."""
    if type(source) is not str:
        exec(source, globals, locals)  # noqa: S102 - exec as dataclasses asked
        return
    # `exec` of a string compiles it with the caller's `from __future__` flags: the same.
    flags = sys._getframe(1).f_code.co_flags & _FUTURE_FLAGS
    global _known
    with _lock:
        if _known is None:
            _known = read_memo(_PATH, _KEY)
        code = _known.get((source, flags))
    if type(code) is not CodeType:
        code = compile(source, "<string>", "exec", flags=flags, dont_inherit=True)
        with _lock:
            if not _added:
                atexit.register(_write)
            _added[(source, flags)] = _known[(source, flags)] = code
    exec(code, globals, locals)  # noqa: S102 - the code of dataclasses' own source


def _write() -> None:
    with _lock:
        added = dict(_added)
        _added.clear()
    write_memo(_PATH, _KEY, added, _LIMIT)


def hold() -> None:
    """Data classes made until `release` take their methods' code from the memo."""
    if _held[0] or _PATH is None or "exec" in vars(dataclasses):
        return
    _held[0] = True
    dataclasses.exec = _exec  # type: ignore[attr-defined]


def release() -> None:
    """`dataclasses` compiles as usual again; the memo's contents are let go."""
    global _known
    if _held[0]:
        _held[0] = False
        vars(dataclasses).pop("exec", None)
        with _lock:
            _known = None


def held() -> bool:
    return _held[0]
