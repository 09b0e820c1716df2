"""What a repair rule is: a named, described step from blocks to blocks."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from readmark.core.repair.blocks import SourceBlocks


@dataclass(frozen=True)
class RepairContext:
    """What a rule may need to know about the section it repairs."""

    id_prefix: str = ""  # makes footnote ids unique across the sections of one book


@dataclass(frozen=True)
class RepairRule:
    """One repair. `description` is marked with QT_TRANSLATE_NOOP("RepairRule", ...);
    translate it in that context where it is shown.

    `apply` must be idempotent and must not lose text: it may only remove or
    replace what its description says it does.
    """

    name: str
    description: str
    apply: Callable[[SourceBlocks, RepairContext], SourceBlocks]

    context = "RepairRule"
