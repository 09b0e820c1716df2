"""What a repair rule is: a named, described step from blocks to blocks."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

from readmark.core.repair.blocks import SourceBlocks


@dataclass
class RepairCounts:
    """What a repair did, for the report (`readmark info`): page splits joined, page
    numbers and running headers removed, footnotes attached, figures and captions
    moved out of sentences."""

    page_splits: int = 0
    page_numbers: int = 0
    running_headers: int = 0
    footnotes: int = 0
    captions: int = 0

    def add(self, other: RepairCounts) -> None:
        self.page_splits += other.page_splits
        self.page_numbers += other.page_numbers
        self.running_headers += other.running_headers
        self.footnotes += other.footnotes
        self.captions += other.captions


@dataclass(frozen=True)
class RepairContext:
    """What a rule may need to know about the section it repairs."""

    id_prefix: str = ""  # makes footnote ids unique across the sections of one book
    counts: RepairCounts = field(default_factory=RepairCounts)  # what the rules did
    # Keys of the short lines the whole book repeats (running_headers.book_headers).
    headers: frozenset[str] = frozenset()


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
