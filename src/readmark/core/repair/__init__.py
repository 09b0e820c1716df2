"""Repair of books converted from print (PDF or scan to Markdown).

`repair_markdown(source)` fixes one section's Markdown source before it is
converted: footnotes stranded at page bottoms, paragraphs cut at page breaks,
half-width punctuation and line breaks in Chinese text. `RULES` lists the rules
in the order they run; each has a `name` and a translatable `description`.

The names are loaded when first asked for (PEP 562): the plain-text loader
uses a few of this package's shape tests (`furniture`, `page_marks`,
`note_shapes`), and importing the whole pipeline with them — every rule's
regular expressions compiled — cost a .txt book ~20 ms before its first screen.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from readmark.core.repair.pipeline import RULES, repair_markdown
    from readmark.core.repair.rule import RepairContext, RepairRule

__all__ = ["RULES", "RepairContext", "RepairRule", "repair_markdown"]

_HOMES = {
    "RULES": "readmark.core.repair.pipeline",
    "repair_markdown": "readmark.core.repair.pipeline",
    "RepairContext": "readmark.core.repair.rule",
    "RepairRule": "readmark.core.repair.rule",
}


def __getattr__(name: str) -> object:
    home = _HOMES.get(name)
    if home is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    value = getattr(importlib.import_module(home), name)
    globals()[name] = value  # asked for once
    return value
