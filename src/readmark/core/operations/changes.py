"""What an operation changed: the value every view updates from, and undo replays.

A change is a pair (before, after) of one annotation: (None, a) added it, (a,
None) removed it, (a, b) replaced a by b. A change set is the changes one
operation committed together; its inverse is what undoing it commits. Views
never reload everything after a change set: they remove each `before` and
place each `after` (a set marked `reset` is the exception: a book opened or
its annotations re-placed, when everything may have moved).
"""

from __future__ import annotations

from dataclasses import dataclass

from readmark.core.annotations import Annotation


@dataclass(frozen=True)
class Change:
    before: Annotation | None
    after: Annotation | None

    def __post_init__(self) -> None:
        if self.before is None and self.after is None:
            raise ValueError("a change needs a before or an after")
        if self.before is not None and self.after is not None:
            if self.before.id != self.after.id:
                raise ValueError("a change replaces one annotation by itself, edited")

    @property
    def id(self) -> str:
        annotation = self.after or self.before
        assert annotation is not None
        return annotation.id

    def inverse(self) -> Change:
        return Change(self.after, self.before)


@dataclass(frozen=True)
class ChangeSet:
    changes: tuple[Change, ...] = ()
    reset: bool = False  # everything may have changed: views show `Annotations.all()` anew

    def __bool__(self) -> bool:
        return bool(self.changes) or self.reset

    @property
    def added(self) -> list[Annotation]:
        return [c.after for c in self.changes if c.before is None and c.after is not None]

    @property
    def removed(self) -> list[Annotation]:
        return [c.before for c in self.changes if c.after is None and c.before is not None]

    @property
    def changed(self) -> list[Annotation]:
        """The new state of annotations that were edited (not added or removed)."""
        return [c.after for c in self.changes if c.before is not None and c.after is not None]

    @property
    def sections(self) -> set[int]:
        """Every section a change touched, before or after."""
        found = set()
        for change in self.changes:
            for annotation in (change.before, change.after):
                if annotation is not None:
                    found.add(annotation.target.section)
        return found

    def inverse(self) -> ChangeSet:
        """The change set that undoes this one (in reverse order)."""
        return ChangeSet(tuple(c.inverse() for c in reversed(self.changes)))
