"""Operations: every change to user data as one validated, committed step that
returns what changed (`ChangeSet`). The window calls these and nothing else to
change annotations; views update from the change sets."""

from readmark.core.operations.annotations import BookAnnotations, OperationError, reading_order
from readmark.core.operations.changes import Change, ChangeSet
from readmark.core.operations.imports import ImportChange, ImportChanges, commit_import, replay

__all__ = [
    "BookAnnotations",
    "Change",
    "ChangeSet",
    "ImportChange",
    "ImportChanges",
    "OperationError",
    "commit_import",
    "reading_order",
    "replay",
]
