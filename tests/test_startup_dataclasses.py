"""Data classes made while start-up holds `dataclasses`' compiling
(readmark/startup_dataclasses.py) are the same classes: their methods' code equals
what `dataclasses` compiles itself, they behave alike, and a second start of the real
program takes every method's code from the memo of the first."""

from __future__ import annotations

import dataclasses
from dataclasses import InitVar, dataclass, field
from pathlib import Path
from typing import Any, ClassVar

import pytest

from readmark import startup_dataclasses
from spawn_reader import run_offscreen

METHODS = (
    "__init__",
    "__repr__",
    "__eq__",
    "__hash__",
    "__lt__",
    "__le__",
    "__gt__",
    "__ge__",
    "__setattr__",
    "__delattr__",
    "__post_init__",
)


def _kinds() -> list[Any]:
    """Data classes of every shape the dataclasses module writes methods for."""

    @dataclass
    class Plain:
        a: int
        b: str = "x"
        c: list[int] = field(default_factory=list)

    @dataclass(frozen=True, order=True)
    class Frozen:
        page: int
        label: str = field(default="", compare=False)

    @dataclass(slots=True, kw_only=True)
    class Slotted:
        name: str
        size: float = 1.5

    @dataclass(eq=False, repr=False)
    class Bare:
        x: Any = None

    @dataclass(unsafe_hash=True)
    class Hashed:
        x: int
        y: tuple[int, ...] = ()

    @dataclass
    class WithInitVar:
        total: int = 0
        start: InitVar[int] = 0
        limit: ClassVar[int] = 3

        def __post_init__(self, start: int) -> None:
            self.total += start

    return [Plain, Frozen, Slotted, Bare, Hashed, WithInitVar]


def _codes(cls: Any) -> dict[str, object]:
    out = {}
    for name in METHODS:
        method = vars(cls).get(name)
        code = getattr(method, "__code__", None)
        if code is not None:
            out[name] = code
    return out


def _behaviour(kinds: list[Any]) -> list[object]:
    plain, frozen, slotted, bare, hashed, with_init_var = kinds
    seen: list[object] = [
        repr(plain(1)),
        plain(1) == plain(1, "x", []),
        plain(2).c is not plain(2).c,
        repr(sorted([frozen(3), frozen(1, "a"), frozen(2)])),
        frozen(1, "a") == frozen(1, "b"),
        hash(frozen(4)) == hash(frozen(4, "z")),
        repr(slotted(name="n")),
        slotted(name="n") == slotted(name="n", size=1.5),
        bare() == bare(),
        hash(hashed(1, (2,))) == hash(hashed(1, (2,))),
        with_init_var(1, 2).total,
        with_init_var.limit,
    ]
    with pytest.raises(dataclasses.FrozenInstanceError):
        frozen(1).page = 2
    with pytest.raises(TypeError):
        slotted("positional")
    return seen


def test_classes_made_while_held_are_the_same_classes() -> None:
    plain = _kinds()
    startup_dataclasses.hold()
    try:
        held_first = _kinds()  # compiled (or from the memo of an earlier run)
        held_again = _kinds()  # from the memo, this process's own
    finally:
        startup_dataclasses.release()
    assert not startup_dataclasses.held() and "exec" not in vars(dataclasses)
    for mine, theirs, again in zip(held_first, plain, held_again, strict=True):
        assert _codes(mine) == _codes(theirs) == _codes(again), mine.__qualname__
        assert _codes(mine)  # at least __init__
    assert _behaviour(held_first) == _behaviour(plain) == _behaviour(held_again)


def _start(book: Path, home: Path, cache: Path) -> None:
    done = run_offscreen(["-m", "readmark", str(book), "--smoke-test"], home, pycache=cache)
    assert "smoke-test ok" in done.stdout


def test_a_later_start_takes_every_method_from_the_memo(shared_books: Path, tmp_path: Path) -> None:
    book = shared_books / "000_25b2869f1a30fd56.txt"
    cache = tmp_path / "pycache"
    _start(book, tmp_path / "home1", cache)
    (memo,) = cache.rglob("startup_dataclasses.*.code")  # beside its bytecode
    written = memo.stat().st_mtime_ns, memo.read_bytes()
    _start(book, tmp_path / "home2", cache)
    # Nothing new to remember: every data class method came from the memo.
    assert (memo.stat().st_mtime_ns, memo.read_bytes()) == written
    memo.write_bytes(b"\x00damaged")  # a damaged memo: compiled as usual, written anew
    _start(book, tmp_path / "home3", cache)
    assert memo.read_bytes() == written[1]
