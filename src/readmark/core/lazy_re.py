"""Regular expressions compiled when first used, not when their module is imported.

Python's `re` compiles a pattern in Python code (its parser and compiler), 0.05–2 ms
a pattern — the large Unicode classes of the CJK rules cost most. The book's loaders
import ~110 module-level patterns before a book's first screen; a given book uses
about two thirds of them (the sample book 68; an English book none of the CJK
ones, a Chinese book none of the English ones), and the rest were compiled for
nothing on the way to the first screen.

`lazy(source, flags)` stands in for `re.compile(source, flags)` at module level: the
pattern is compiled by `re` on the first call of any of its methods, and from then
on that method and the others are the compiled pattern's own (bound methods put on
the instance, so a hot loop pays one attribute lookup, as with a `re.Pattern`). The
compiled pattern is `re`'s, from the same source and flags: what it matches does not
change.

What a pattern compiles to is also remembered, as Python remembers a module's
bytecode: `re` turns a pattern into a list of codes for its C matcher, in Python, and
a class over a large Unicode range (the CJK rules' `[\u4e00-\u9fff]`) costs ~1 ms as
it walks every code point of it; the sample book's first section compiles ~50 lazy
patterns, ~10 ms. Those codes are written next to this module's bytecode (in its
`__pycache__`, or under PYTHONPYCACHEPREFIX; not when Python writes no bytecode)
when the process ends, keyed by Python's version and the matcher's `MAGIC`, and a
later start hands them to the matcher (`_sre.compile`, which is what
`re._compiler.compile` ends with, and which checks any code it is given: a damaged
or foreign memo raises there and the pattern is compiled as usual). A pattern made
from the memo equals (`==`: same source, flags and code) the one `re.compile` makes;
tests/core/test_lazy_re.py checks that for every lazy pattern. With another Python
whose `re` is laid out otherwise, nothing is remembered and `re.compile` does it all.
"""

from __future__ import annotations

import atexit
import importlib
import os
import re
import sys
import threading
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

from readmark.core.bytecode_memo import memo_path, read_memo, write_memo

try:  # CPython's own compiler, which re.compile runs (see the module's note)
    _sre = importlib.import_module("_sre")
    _parser = importlib.import_module("re._parser")
    _compiler = importlib.import_module("re._compiler")
    _MEMO_KEY: tuple[str, str, int, int] | None = (
        "readmark lazy_re 1",
        sys.version,
        int(_sre.MAGIC),
        int(_sre.CODESIZE),
    )
except (ImportError, AttributeError):  # another Python: re.compile does it all
    _MEMO_KEY = None

_TEMPLATE = 1  # re.TEMPLATE (deprecated; re warns when it is used): left to re

# (source, flags) -> (flags as compiled, code, groups - 1, groupindex, indexgroup):
# the arguments `_sre.compile` takes after the source.
_Entry = tuple[int, list[int], int, dict[str, int], tuple[str | None, ...]]

# The methods a compiled pattern puts on its stand-in once it exists.
_METHODS = ("search", "match", "fullmatch", "finditer", "findall", "sub", "subn", "split")


class LazyPattern:
    """A `re.Pattern[str]` compiled at its first use (see the module's note)."""

    def __init__(self, source: str, flags: int | re.RegexFlag = 0) -> None:
        self._source = source
        self._flags = flags
        self._pattern: re.Pattern[str] | None = None

    def compiled(self) -> re.Pattern[str]:
        """The compiled pattern (compiled now if it was not yet)."""
        pattern = self._pattern
        if pattern is None:
            # Two threads may both get here: both compile, both store equal patterns.
            pattern = _MEMO.compile(self._source, int(self._flags))
            for name in _METHODS:  # shadow the delegating methods below from now on
                setattr(self, name, getattr(pattern, name))
            self._pattern = pattern
        return pattern

    @property
    def pattern(self) -> str:
        return self._source

    @property
    def flags(self) -> int:
        return self.compiled().flags

    @property
    def groups(self) -> int:
        return self.compiled().groups

    @property
    def groupindex(self) -> Any:
        return self.compiled().groupindex

    # Used once each: the first call compiles, and the instance's own attributes
    # (the compiled pattern's bound methods) answer every later one.
    def search(self, string: str, pos: int = 0, endpos: int = sys.maxsize) -> re.Match[str] | None:
        return self.compiled().search(string, pos, endpos)

    def match(self, string: str, pos: int = 0, endpos: int = sys.maxsize) -> re.Match[str] | None:
        return self.compiled().match(string, pos, endpos)

    def fullmatch(
        self, string: str, pos: int = 0, endpos: int = sys.maxsize
    ) -> re.Match[str] | None:
        return self.compiled().fullmatch(string, pos, endpos)

    def finditer(
        self, string: str, pos: int = 0, endpos: int = sys.maxsize
    ) -> Iterator[re.Match[str]]:
        return self.compiled().finditer(string, pos, endpos)

    def findall(self, string: str, pos: int = 0, endpos: int = sys.maxsize) -> list[Any]:
        return self.compiled().findall(string, pos, endpos)

    def sub(self, repl: str | Callable[[re.Match[str]], str], string: str, count: int = 0) -> str:
        return self.compiled().sub(repl, string, count)

    def subn(
        self, repl: str | Callable[[re.Match[str]], str], string: str, count: int = 0
    ) -> tuple[str, int]:
        return self.compiled().subn(repl, string, count)

    def split(self, string: str, maxsplit: int = 0) -> list[str | Any]:
        return self.compiled().split(string, maxsplit)

    def __repr__(self) -> str:
        return f"lazy({self._source!r}, {self._flags!r})"


def lazy(source: str, flags: int | re.RegexFlag = 0) -> LazyPattern:
    """`re.compile(source, flags)`, done at the pattern's first use."""
    return LazyPattern(source, flags)


# The memo keeps at most this many patterns (the newest): the start-up hook
# (readmark/startup_re.py) also remembers patterns a book's loader builds from its text.
MEMO_LIMIT = 2000


class _CompiledMemo:
    """What patterns compile to, read once from its file at the first compile and
    written back at exit when patterns were added (see the module's note)."""

    def __init__(self, path: Path | None) -> None:
        self._path = path
        self._lock = threading.Lock()
        self._known: dict[tuple[str | bytes, int], _Entry] | None = None
        self._added: dict[tuple[str | bytes, int], _Entry] = {}

    def usable(self) -> bool:
        return _MEMO_KEY is not None and self._path is not None

    def compile(self, source: str | bytes, flags: int) -> re.Pattern[Any]:
        """`re.compile(source, flags)`, from the memo when it holds the pattern."""
        if not self.usable() or flags & (re.DEBUG | _TEMPLATE):
            return re.compile(source, flags)
        with self._lock:
            if self._known is None:
                self._known = self._read()
            entry = self._known.get((source, flags))
        if entry is not None:
            try:
                return _sre.compile(source, *entry)  # type: ignore[no-any-return]
            except (TypeError, ValueError, RuntimeError, OverflowError):
                pass  # not this matcher's code: compiled below as by re
        parsed = _parser.parse(source, flags)  # re._compiler.compile's steps
        code = _compiler._code(parsed, flags)
        groupindex = dict(parsed.state.groupdict)
        indexgroup: list[str | None] = [None] * parsed.state.groups
        for name, index in groupindex.items():
            indexgroup[index] = name
        entry = (
            int(flags | parsed.state.flags),
            [int(op) for op in code],
            parsed.state.groups - 1,
            groupindex,
            tuple(indexgroup),
        )
        pattern: re.Pattern[Any] = _sre.compile(source, *entry)
        with self._lock:
            if not self._added:
                atexit.register(self.write)
            self._added[(source, flags)] = entry
        return pattern

    def forget(self) -> None:
        """Let the memo's contents go (start-up is over: ~1 MB of code lists); patterns
        compiled later are compiled by re's steps, and still remembered."""
        with self._lock:
            self._known = {}

    def _read(self) -> dict[tuple[str | bytes, int], _Entry]:
        return read_memo(self._path, _MEMO_KEY)

    def write(self) -> None:
        """Add this process's new patterns to the memo file (bytecode_memo.py)."""
        with self._lock:
            added, self._added = self._added, {}
        write_memo(self._path, _MEMO_KEY, added, MEMO_LIMIT)


_MEMO = _CompiledMemo(memo_path(__file__, ".patterns"))


def _after_fork() -> None:
    # A copy of the reader made by fork (core/search/warm.py) has only the thread
    # that forked: a lock another thread held then would stay held in it for ever.
    _MEMO._lock = threading.Lock()


if hasattr(os, "register_at_fork"):
    os.register_at_fork(after_in_child=_after_fork)


def memo_usable() -> bool:
    """Whether patterns can be remembered here (CPython's re, a place for the memo)."""
    return _MEMO.usable()


def forget_memo() -> None:
    """The memo's contents are not needed any more (see `_CompiledMemo.forget`)."""
    _MEMO.forget()


def compile_remembered(source: str | bytes, flags: int) -> re.Pattern[Any]:
    """`re.compile(source, flags)`, taken from the memo when it holds the pattern,
    and remembered (written at exit) when it does not."""
    return _MEMO.compile(source, flags)
