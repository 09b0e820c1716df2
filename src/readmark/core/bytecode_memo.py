"""A memo kept beside a module's bytecode: what start-up compiled, for the next start.

Python keeps a module's compiled bytecode in `__pycache__` (or under
PYTHONPYCACHEPREFIX) so that a later start does not compile it again. Start-up also
compiles things that are not modules — regular expressions (`core/lazy_re.py`,
`readmark/startup_re.py`) and the methods `dataclasses` writes for each data class
(`readmark/startup_dataclasses.py`) — and these memos keep them the same way: one
marshal file beside the module's `.pyc`, keyed by what made it (a stale key, a
damaged or missing file: an empty memo), written whole at exit when something was
added (merged with what another process wrote meanwhile; at most `limit` entries,
the newest). Nothing is written when Python writes no bytecode, and a frozen
program keeps none (its folder is not ours to write in). The file is trusted as
the `.pyc` beside it is: whoever can write one can write the other.
"""

from __future__ import annotations

import marshal
import os
import sys
from pathlib import Path
from typing import Any


def memo_path(module_file: str, suffix: str) -> Path | None:
    """`module_file`'s memo with `suffix`, beside its bytecode (None: none is kept)."""
    if getattr(sys, "frozen", False):
        return None
    try:
        from importlib.util import cache_from_source

        return Path(cache_from_source(module_file)).with_suffix(suffix)
    except (NotImplementedError, ValueError, TypeError):
        return None  # no cache tag


def read_memo(path: Path | None, key: object) -> dict[Any, Any]:
    """The memo at `path` if it was made under `key`, else empty."""
    if path is None:
        return {}
    try:
        found_key, entries = marshal.loads(path.read_bytes())
    except (OSError, ValueError, EOFError, TypeError):
        return {}
    return entries if found_key == key and isinstance(entries, dict) else {}


def write_memo(path: Path | None, key: object, added: dict[Any, Any], limit: int) -> None:
    """Add `added` to the memo at `path` (replaced whole, never half-written)."""
    if not added or path is None or sys.dont_write_bytecode:
        return
    entries = {**read_memo(path, key), **added}
    if len(entries) > limit:  # the oldest go first
        entries = dict(list(entries.items())[-limit:])
    import tempfile  # here: its import (random, shutil) is not for the first screen

    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}-")
        try:
            with os.fdopen(handle, "wb") as out:
                memo: Any = (key, entries)
                out.write(marshal.dumps(memo))
            os.replace(temporary, path)
        except BaseException:
            os.unlink(temporary)
            raise
    except (OSError, ValueError):
        pass  # a read-only installation: compiled at each start, as without a memo
