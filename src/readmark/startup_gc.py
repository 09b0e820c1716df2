"""The cyclic garbage collector waits while the reader starts.

Starting the reader makes ~40,000 objects that live as long as it does (the
modules, their classes and functions, PySide's enum types, the window) and
almost no garbage. Python's collector, counting allocations, examined the
young ones ~86 times before the first screen: 25–40 ms of the sample book's
first screen (CPU on the main thread and the book's loader; the bare
QTextBrowser the first screen is held to pays 10–15 ms for its own start).

So the GUI start holds the collector (`hold`) from the first line of
`python -m readmark` (or of `cli.main`) until its first screen is painted, then
`release` freezes what start-up made — moved to the collector's permanent
generation, never examined again, as `gc.freeze` is meant for — and lets it run
as usual. Memory is still freed by reference counting meanwhile; only cycles
made during start-up wait (and the few that are garbage then stay). A command
(`readmark info …`) releases it at once, without freezing.
"""

from __future__ import annotations

import gc

_held = [False]


def hold() -> None:
    """Stop the cyclic collector until `release` (if it runs; calling again does nothing)."""
    if gc.isenabled():
        gc.disable()
        _held[0] = True


def release(freeze: bool = True) -> None:
    """Start the collector again if `hold` stopped it; with `freeze`, what exists
    now is never examined again (see the module's description)."""
    if not _held[0]:
        return
    _held[0] = False
    if freeze:
        gc.freeze()
    gc.enable()


def held() -> bool:
    """Whether `hold` has the collector stopped."""
    return _held[0]
