"""A candidate place for an annotation, and how candidates compare."""

from __future__ import annotations

from dataclasses import dataclass

from readmark.core.annotations import TextTarget


@dataclass(frozen=True)
class Match:
    section: int
    start: int
    end: int
    score: float  # higher is better; candidates of one stage are compared by it

    def rank(self, old: TextTarget) -> tuple[float, int, int]:
        """Best score first; ties (to 3 decimals) go to the nearest to the old position."""
        return (-round(self.score, 3), abs(self.section - old.section), abs(self.start - old.start))


def better(old: TextTarget, best: Match | None, match: Match | None) -> Match | None:
    """The better of two candidates (either may be None); the first one on a tie."""
    if match is None or (best is not None and best.rank(old) <= match.rank(old)):
        return best
    return match
