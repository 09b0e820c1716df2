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
"""

from __future__ import annotations

import re
import sys
from collections.abc import Callable, Iterator
from typing import Any

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
            pattern = re.compile(self._source, self._flags)
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
