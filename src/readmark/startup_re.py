"""Regular expressions compiled at start-up are remembered from one start to the next.

Python's `re` compiles a pattern in Python code, and ~250 patterns are compiled
before the sample book's first screen: PySide's signature module (~20 ms of them,
compiled as `PySide6` is imported; the bare QTextBrowser the first screen is held
to pays those too), Python-Markdown's, the standard library's, Readmark's own.
From `hold` (the first line of `python -m readmark`, and `cli.main`) until `release`
(once the first screen is painted, or at once for a command), `re`'s compile step
takes what each pattern compiles to from the memo `readmark.core.lazy_re` keeps
beside its bytecode, and remembers the patterns it did not hold yet (written at
exit): a later start hands the matcher the code instead of compiling again. The
patterns are `re`'s own (equal, `==`, to what `re.compile` makes: same source,
flags and code; `_sre.compile` checks any code it is given) and go into `re`'s
cache as it would put them; only the compiling is skipped.

A pattern taken from the memo is not parsed again, so a warning its parsing gives
(`FutureWarning: Possible nested set`, …) is given at the start that compiled it, not
at the later ones.

This replaces `re._compile` — the function `re.compile`, `re.match`, `re.sub`, …
all go through — for the start only. Without CPython's `re` internals, or with
no place for the memo (PYTHONDONTWRITEBYTECODE still reads one; a frozen program
has none), `hold` does nothing.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

from readmark.core.lazy_re import compile_remembered, forget_memo, memo_usable

_MAX_CACHE = 512  # re's own bound on its cache (re._MAXCACHE in 3.11)
_held: list[Callable[[Any, Any], Any]] = []  # re's own compile step while held


def hold() -> None:
    """Compile patterns from the memo until `release` (calling again does nothing)."""
    original = getattr(re, "_compile", None)
    cache = getattr(re, "_cache", None)
    if _held or original is None or not isinstance(cache, dict) or not memo_usable():
        return

    def compile_step(pattern: Any, flags: Any) -> Any:
        if isinstance(flags, re.RegexFlag):
            flags = flags.value
        kind = type(pattern)
        if (kind is str or kind is bytes) and type(flags) is int and not flags & re.DEBUG:
            try:
                return cache[kind, pattern, flags]
            except KeyError:
                pass
            if not flags & 1:  # re.TEMPLATE (deprecated): left to re, which warns
                made = compile_remembered(pattern, flags)
                if len(cache) >= _MAX_CACHE:  # as re does: the oldest makes room
                    try:
                        del cache[next(iter(cache))]
                    except (StopIteration, RuntimeError, KeyError):
                        pass
                cache[kind, pattern, flags] = made
                return made
        return original(pattern, flags)

    _held.append(original)
    re._compile = compile_step  # type: ignore[attr-defined]


def release() -> None:
    """`re` compiles as usual again (what was compiled stays in its cache), and the
    memo's contents are let go."""
    if _held:
        re._compile = _held.pop()  # type: ignore[attr-defined]
        forget_memo()


def held() -> bool:
    return bool(_held)
