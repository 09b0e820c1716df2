"""The cyclic garbage collector waits while the reader starts.

Starting the reader makes ~40,000 objects that live as long as it does (the
modules, their classes and functions, PySide's enum types, the window) and
almost no garbage. Python's collector, counting allocations, examined the
young ones ~86 times before the first screen: 25–40 ms of the sample book's
first screen (CPU on the main thread and the book's loader; the bare
QTextBrowser the first screen is held to pays 10–15 ms for its own start).

So the GUI start holds the collector (`hold`) from the first line of
`python -m readmark` and of the installed command (`readmark.__main__:run`; `cli.main`
holds it too) until its first screen is painted, then
`release` lets it run as usual. Once the window is built, before its first book
is read, `settle` freezes what exists — the modules, their classes, the window:
moved to the collector's permanent generation and never examined again, as
`gc.freeze` is meant for — so the first collections after start-up do not walk
them; the book's objects are made after that and stay collectable. Memory is
still freed by reference counting meanwhile; only cycles made during start-up
wait (the few that are garbage before `settle` stay). A command
(`readmark info …`) releases the collector at once.
"""

from __future__ import annotations

import gc

_held = [False]


def hold() -> None:
    """Stop the cyclic collector until `release` (if it runs; calling again does nothing)."""
    if gc.isenabled():
        gc.disable()
        _held[0] = True


def settle() -> None:
    """What exists now lasts as long as the program: never examined again by the
    collector (only while `hold` has it stopped, i.e. during the window's start)."""
    if _held[0]:
        gc.freeze()


def release() -> None:
    """Start the collector again if `hold` stopped it."""
    if not _held[0]:
        return
    _held[0] = False
    gc.enable()


def held() -> bool:
    """Whether `hold` has the collector stopped."""
    return _held[0]
