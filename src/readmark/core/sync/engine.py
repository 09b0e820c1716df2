"""One sync: the library's changes out to this computer's file, everyone's in.

1. Load this computer's last synced document (`<data>/sync/state.rmsync`, the
   *base*: what the library and the document agreed on at the end of the last
   sync; `state`). If it belongs to another library file (a backup was restored,
   the library was rebuilt) it is still merged, but nothing is read from it as
   "what changed here": every annotation is then compared by the document, and
   the library's tombstones say what it deleted.
2. What changed in the library since the base becomes operations on the
   document: new annotations, the fields a person edits (colour, style, label,
   note — as text operations), deletions (a `deleted` flag), undone deletions
   (the flag cleared, the document's fields kept), and reading positions. The
   library numbers its changes (schema 5), so only the rows changed since the
   base are read: one edit among 10,000 annotations reads one row.
3. Every other computer's file is merged in (the CRDT does the merging); a file
   merged before and unchanged since (same size and payload digest, read from
   its header) is not read again.
4. What the merged document says that the library does not hold is committed
   to the library in one transaction through `operations.imports.replay`, which
   refuses (changing nothing) if an annotation changed meanwhile; the next sync
   then completes it. Only annotations whose containers changed are looked at.
5. Only then is the document saved: first in the data folder, then as this
   computer's file in the sync folder. Saved after the library commit, a crash
   in between costs at most a repeated edit, never a deletion or resurrection.

The library stays the source of truth: the sync folder's files can be deleted
and are written again from it at the next sync.
"""

from __future__ import annotations

import contextlib
import dataclasses
import difflib
import re
import sqlite3
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

import loro

from readmark.core.annotations import Annotation
from readmark.core.i18n import QT_TRANSLATE_NOOP
from readmark.core.operations.annotations import OperationError
from readmark.core.operations.imports import ImportChange, ImportChanges, replay_counted
from readmark.core.store.annotation_store import BOOK_URN, AnnotationStore, StoredAnnotation
from readmark.core.store.errors import StoreMessage
from readmark.core.store.library import Library, ReadingPosition
from readmark.core.sync import document, files, state
from readmark.core.sync.files import message


class SyncError(Exception):
    """The sync could not run; nothing in the library changed. For the reader."""

    context = files.CONTEXT

    def __init__(self, template: str, **params: object) -> None:
        self.template = template
        self.params: dict[str, object] = params
        super().__init__(template.format(**params))


@dataclass(frozen=True)
class SyncReport:
    incoming: int  # annotations and reading positions changed in this library
    outgoing: int  # changes of this library written for the other computers
    changes: ImportChanges = ImportChanges()  # what the library committed (views update)
    positions: tuple[Path, ...] = ()  # books whose reading position came from elsewhere
    problems: tuple[StoreMessage, ...] = field(default=())
    device: str = ""


_WORDS = re.compile(r"\s+|\S+")


def sync(
    library: Library,
    folder: Path,
    state_dir: Path,
    now: Callable[[], float] = time.time,
    wait: float = 60.0,
) -> SyncReport:
    """Sync the library with the folder; SyncError when it cannot run at all (or
    another sync of this computer still runs after `wait` seconds)."""
    if not folder.is_dir():
        raise SyncError(
            QT_TRANSLATE_NOOP(
                "SyncError",
                "The sync folder {folder} is not there (a drive not connected?). Nothing "
                "was changed; sync again once it is back.",
            ),
            folder=str(folder),
        )
    try:
        device = files.device_id(state_dir)
        (folder / files.SUBFOLDER).mkdir(exist_ok=True)
    except OSError as exc:
        raise _unwritable(folder, exc) from exc
    with _one_at_a_time(state_dir, wait):
        return _sync(library, folder, state_dir, device, now)


@contextlib.contextmanager
def _one_at_a_time(state_dir: Path, wait: float) -> Iterator[None]:
    """One sync of this computer at a time (the window's and `readmark sync`): both
    read and write the same state. SQLite's lock works across processes on every
    platform and is released when a process dies."""
    lock = sqlite3.connect(state_dir / "lock.sqlite3", timeout=wait, isolation_level=None)
    try:
        try:
            lock.execute("BEGIN EXCLUSIVE")
        except sqlite3.OperationalError as exc:
            raise SyncError(
                QT_TRANSLATE_NOOP(
                    "SyncError", "Another sync of this computer is running; try again after it."
                )
            ) from exc
        yield
    finally:
        lock.close()  # ends the transaction, releasing the lock


def _sync(
    library: Library, folder: Path, state_dir: Path, device: str, now: Callable[[], float]
) -> SyncReport:
    problems: list[StoreMessage] = []
    base = state.load(state_dir, folder, device, library, problems)
    doc = base.doc
    start = doc.state_frontiers, doc.len_ops
    held = doc.oplog_vv  # what the state file (and this computer's file) hold
    store = library.annotations
    # Read before the rows: a change committed in between is read again next time,
    # never missed.
    count = store.change_count()
    local = _LocalChanges.read(store, base)

    outgoing, undecided = _export_annotations(doc, base.trusted, local, now)
    doc.commit()
    peers, unreadable, merged = files.read_peers(folder, device, base.peers)
    problems += unreadable
    for peer in peers:
        try:
            document.import_payloads(doc, peer.payloads)
            merged[peer.device] = peer.signature
        except ValueError:
            problems.append(
                message(
                    QT_TRANSLATE_NOOP(
                        "SyncError",
                        "The file of computer {device} could not be merged; it will be "
                        "tried again at the next sync.",
                    ),
                    device=peer.device[:8],
                )
            )
    outgoing += _export_undecided(doc, undecided, local.stored)
    if not base.trusted:
        outgoing += _keep_deleted(doc, local.deleted)
    outgoing += _export_positions(doc, library, device, now)
    doc.commit()

    changes = _incoming(doc, _candidates(doc, start[0], local), local, library)
    if changes.changes:
        try:
            # One transaction; refuses a stale plan.
            before, after = replay_counted(library.annotations, changes, remember_deletions=False)
        except OperationError as exc:
            raise SyncError(
                QT_TRANSLATE_NOOP(
                    "SyncError",
                    "Annotations changed on this computer while syncing; nothing was "
                    "taken in. Sync again to complete it.",
                )
            ) from exc
        if before == count:  # nothing else changed the library since it was read:
            count = after  # what this sync wrote is in the document, not to be read again
    moved = _adopt_positions(doc, library, device)

    document.set_library(doc, device, state.library_identity(library))
    doc.commit()
    # Nothing new: nothing is written (the sync tool has nothing to copy; loro's bytes
    # for one state are not always the same, so they are not compared).
    grew = doc.len_ops != start[1]
    saved = base.signature if base.source == state_dir / state.STATE else None
    written = _save_state(state_dir, doc, base, saved if not grew else None, held)
    if written != saved or count != base.count or merged != base.peers:
        _save_record(state_dir, written, count, merged, library)
    try:
        _write_own(files.own_file(folder, device), state_dir, written, saved, grew)
    except OSError as exc:
        problems.append(
            message(
                QT_TRANSLATE_NOOP(
                    "SyncError",
                    "This computer's changes could not be written to {folder}: {reason}. "
                    "They are kept and will be written at the next sync.",
                ),
                folder=str(folder),
                reason=exc.strerror or str(exc),
            )
        )
    return SyncReport(
        incoming=len(changes) + len(moved),
        outgoing=outgoing,
        changes=changes,
        positions=tuple(moved),
        problems=tuple(problems),
        device=device,
    )


def _unwritable(folder: Path, exc: OSError) -> SyncError:
    return SyncError(
        QT_TRANSLATE_NOOP("SyncError", "The sync folder {folder} cannot be written: {reason}"),
        folder=str(folder),
        reason=exc.strerror or str(exc),
    )


def _book_key(stored: StoredAnnotation) -> str:
    if stored.book_path is not None and stored.content_id:
        return BOOK_URN + stored.content_id
    return stored.source


@dataclass(frozen=True)
class _LocalChanges:
    """What may have changed in the library since the base: with the base's change
    number, only the rows changed since (one edit among 10,000 reads one row);
    otherwise every annotation (`whole`). `deleted`: deletions in the same span
    (id → when), from the library's tombstones."""

    stored: dict[str, StoredAnnotation]
    deleted: dict[str, float]
    whole: bool

    @classmethod
    def read(cls, store: AnnotationStore, base: state.Base) -> _LocalChanges:
        if base.trusted and base.count is not None:
            changed, deleted = store.changed_since(base.count)
            return cls({s.annotation.id: s for s in changed}, deleted, whole=False)
        everything = {s.annotation.id: s for s in store.everything()}
        return cls(everything, store.deletions(), whole=True)


def _export_annotations(
    doc: loro.LoroDoc, trusted: bool, local: _LocalChanges, now: Callable[[], float]
) -> tuple[int, list[str]]:
    """The library's changes since the base (`doc` as loaded), as operations on the
    document; and the annotations the base never saw (decided once the others'
    files are in). Without a trusted base every annotation is undecided."""
    count = 0
    undecided = []
    stored = local.stored
    for annotation_id, item in stored.items():
        record = document.read(doc, annotation_id) if trusted else None
        if record is None:
            undecided.append(annotation_id)
        elif record.deleted:  # deleted at the last sync, made again here since: undone
            _restore(doc, record, item.annotation, now())
            count += 1
        elif _edited(record.annotation, item.annotation):
            document.write_edits(doc, record.annotation, item.annotation)
            count += 1
    if not trusted:
        return count, undecided
    gone = document.ids(doc) if local.whole else local.deleted
    for annotation_id in gone:
        if annotation_id in stored:
            continue
        standing = document.standing(doc, annotation_id)
        if standing is not None and not standing[0]:
            document.mark_deleted(doc, annotation_id)
            count += 1
    return count, undecided


def _restore(doc: loro.LoroDoc, record: document.Record, mine: Annotation, at: float) -> None:
    """Undo of a deletion the others have seen: the annotation comes back as the
    document holds it, with what was edited elsewhere meanwhile. Colour, style and
    label edited here later than that (before deleting, after the last sync) win;
    the note keeps both texts (`_union`): an edit made here before deleting was
    never written to the document, and neither side's words are lost."""
    document.restore(doc, mine.id, at)
    theirs = record.annotation
    if mine.modified > theirs.modified and _edited(theirs, mine, note=False):
        document.write_edits(doc, theirs, dataclasses.replace(mine, note=theirs.note))
    if mine.note != theirs.note:
        both = _union(theirs.note, mine.note)
        if both != theirs.note:
            document.write_note(doc, mine.id, both)


def _keep_deleted(doc: loro.LoroDoc, deleted: dict[str, float]) -> int:
    """Without a trusted base (the sync state and this computer's file lost, a
    library restored from a backup), deletions are known from the library's
    tombstones: a mark deleted here stays deleted, unless someone restored it
    (undid their own deletion) after this library deleted it."""
    count = 0
    for annotation_id, when in deleted.items():
        standing = document.standing(doc, annotation_id)
        if standing is not None and not standing[0] and standing[1] < when:
            document.mark_deleted(doc, annotation_id)
            count += 1
    return count


def _export_undecided(
    doc: loro.LoroDoc, undecided: list[str], stored: dict[str, StoredAnnotation]
) -> int:
    """Annotations the base never saw: new here, or known elsewhere already (a
    library restored, this computer's sync state lost). One deleted elsewhere stays
    deleted (`_incoming` removes it here), but what was edited here goes into the
    document all the same, as with a base: should its deletion be undone, it
    comes back with those edits. Without a base there is no telling an edit here
    from one made elsewhere: the newer colour, style and label win, and the note
    keeps both texts (`_union`), as concurrent edits would."""
    count = 0
    for annotation_id in undecided:
        item = stored[annotation_id]
        record = document.read(doc, annotation_id)
        if record is None:
            document.write_new(doc, _book_key(item), item.annotation)
            count += 1
            continue
        theirs, mine = record.annotation, item.annotation
        wrote = False
        if mine.modified > theirs.modified and _edited(theirs, mine, note=False):
            document.write_edits(doc, theirs, dataclasses.replace(mine, note=theirs.note))
            wrote = True
        if mine.note != theirs.note:
            both = _union(theirs.note, mine.note)
            if both != theirs.note:
                document.write_note(doc, annotation_id, both)
                wrote = True
        count += wrote
    return count


def _union(theirs: str, mine: str) -> str:
    """A text holding both `theirs` and `mine` in order: what each has that the
    other has not is kept (nothing is taken as deleted)."""
    by_char = difflib.SequenceMatcher(None, mine, theirs, autojunk=False).get_opcodes()
    if all(op in ("equal", "insert") for op, *_ in by_char):
        return theirs  # `theirs` is `mine` with text added (a comma, a word, a sentence)
    # By words (with the spaces between them), so neither text's words are interleaved.
    ours, other = _WORDS.findall(theirs), _WORDS.findall(mine)
    matcher = difflib.SequenceMatcher(None, ours, other, autojunk=False)
    parts = []
    for op, a1, a2, b1, b2 in matcher.get_opcodes():
        parts += ours[a1:a2]
        if op == "replace":
            parts.append(" ")
        if op in ("insert", "replace"):
            parts += other[b1:b2]
    return "".join(parts)


def _edited(before: Annotation, after: Annotation, note: bool = True) -> bool:
    keys = (*document.EDITABLE, "note") if note else document.EDITABLE
    return any(getattr(before, key) != getattr(after, key) for key in keys)


def _candidates(doc: loro.LoroDoc, start: loro.Frontiers, local: _LocalChanges) -> set[str]:
    """The annotations the merged document may hold differently from the library:
    with the whole library read, every one; otherwise those whose containers
    changed since the base (the others' operations and ours) and those changed here."""
    if local.whole:
        return set(document.ids(doc))
    found = set(local.stored) | set(local.deleted)
    spans = doc.find_id_spans_between(start, doc.state_frontiers).forward.inner()
    for peer, (first, end) in spans.items():
        for container in doc.get_changed_containers_in(loro.ID(peer, first), end - first):
            name = getattr(container, "name", "")
            if isinstance(name, str) and name[:2] in ("a:", "n:"):
                found.add(name[2:])
    return found


def _incoming(
    doc: loro.LoroDoc, candidates: set[str], local: _LocalChanges, library: Library
) -> ImportChanges:
    """What the merged document holds that the library does not, as one import."""
    stored = local.stored
    if not local.whole:
        missing = candidates - stored.keys()
        stored = {**stored, **{s.annotation.id: s for s in library.annotations.stored(missing)}}
    changes: list[ImportChange] = []
    books: dict[str, Path | None] = {}
    for annotation_id in sorted(candidates):
        record = document.read(doc, annotation_id)
        if record is None:
            continue
        item = stored.get(annotation_id)
        if item is None:
            if record.deleted:
                continue
            path = _book_path(record.book, books, library)
            changes.append(ImportChange(path, "" if path else record.book, None, record.annotation))
        elif record.deleted:
            changes.append(ImportChange(item.book_path, item.source, item.annotation, None))
        elif _edited(item.annotation, record.annotation):
            theirs = record.annotation
            after = dataclasses.replace(
                item.annotation,
                color=theirs.color,
                style=theirs.style,
                label=theirs.label,
                note=theirs.note,
                modified=theirs.modified,
            )
            changes.append(
                ImportChange(item.book_path, item.source, item.annotation, after, item.anchored_to)
            )
    return ImportChanges(tuple(changes))


def _book_path(key: str, cache: dict[str, Path | None], library: Library) -> Path | None:
    """The library's book for a book key; None keeps the annotation waiting under it."""
    if key not in cache:
        path = None
        if key.startswith(BOOK_URN):
            path = library.annotations.book_with_content(key[len(BOOK_URN) :])
        cache[key] = path
    return cache[key]


def _export_positions(
    doc: loro.LoroDoc, library: Library, device: str, now: Callable[[], float]
) -> int:
    """This library's reading positions that moved since they were last written."""
    written = document.positions(doc)
    count = 0
    for record in library.books(exclude=()):
        position = record.position
        if position is None:
            continue
        mine = written.get((record.content_id, device))
        if mine is not None and (mine.section, mine.offset) == (position.section, position.offset):
            continue
        # The first time, the place is as recent as the last opening; later, it
        # moved since the last sync: now is the closest we know.
        at = record.last_opened if mine is None else now()
        document.write_position(
            doc,
            record.content_id,
            device,
            document.Position(position.section, position.offset, position.snippet, at),
        )
        count += 1
    return count


def _adopt_positions(doc: loro.LoroDoc, library: Library, device: str) -> list[Path]:
    """Each book's most recent reading, wherever it was: taken here when it is newer."""
    newest: dict[str, tuple[float, str, document.Position]] = {}
    for (content_id, who), position in document.positions(doc).items():
        candidate = (position.at, who, position)
        if content_id not in newest or candidate[:2] > newest[content_id][:2]:
            newest[content_id] = candidate
    written = document.positions(doc)
    moved = []
    for record in library.books(exclude=()):
        found = newest.get(record.content_id)
        if found is None or found[1] == device:
            continue
        theirs, here = found[2], record.position
        if here is None or (theirs.section, theirs.offset) != (here.section, here.offset):
            library.save_position(
                Path(record.path), ReadingPosition(theirs.section, theirs.offset, theirs.snippet)
            )
            moved.append(Path(record.path))
        # Ours now says the same, at the same time: it will not look like a new reading.
        if written.get((record.content_id, device)) != theirs:
            document.write_position(doc, record.content_id, device, theirs)
    return moved


def _save_state(
    state_dir: Path,
    doc: loro.LoroDoc,
    base: state.Base,
    unchanged: files.Signature | None,
    held: loro.VersionVector,
) -> files.Signature:
    """Save the document as the state file, unless `unchanged` (it is on disk as it
    is): the updates since it was loaded appended as a frame, or written whole when
    the appended frames would outgrow the snapshot. Its new signature."""
    if unchanged is not None:
        return unchanged
    path = state_dir / state.STATE
    try:
        state_dir.mkdir(parents=True, exist_ok=True)
        saved = base.signature if base.source == path else None
        if saved is not None and files.signature(path) == saved and saved[0] < 2 * base.first:
            frame = files.wrap(bytes(doc.export(loro.ExportMode.Updates(held))))
            files.append(path, frame)
            return saved[0] + len(frame), saved[1]
        whole = files.wrap(document.export(doc))
        files.write_atomically(path, whole)
        return len(whole), files.digest(whole)
    except OSError as exc:
        raise _state_unwritable(state_dir, exc) from exc


def _save_record(
    state_dir: Path,
    signature: files.Signature,
    count: int,
    merged: files.Signatures,
    library: Library,
) -> None:
    try:
        state.save(state_dir, signature, count, merged, library)
    except OSError as exc:
        raise _state_unwritable(state_dir, exc) from exc


def _state_unwritable(state_dir: Path, exc: OSError) -> SyncError:
    return SyncError(
        QT_TRANSLATE_NOOP(
            "SyncError",
            "The sync state in {folder} cannot be written: {reason}. The library is "
            "safe; sync again once the folder can be written.",
        ),
        folder=str(state_dir),
        reason=exc.strerror or str(exc),
    )


def _write_own(
    own: Path,
    state_dir: Path,
    written: files.Signature,
    before: files.Signature | None,
    grew: bool,
) -> None:
    """Make this computer's file in the folder the state file's bytes: nothing to
    do when it has them, the new frame appended when it had the state's previous
    bytes, else a whole copy (OSError on failure)."""
    now = files.signature(own)
    if now == written:
        return
    appending = grew and before is not None and now == before and written[1] == before[1]
    start = before[0] if appending and before is not None else 0
    with (state_dir / state.STATE).open("rb") as source:
        source.seek(start)
        data = source.read(written[0] - start)
    if appending:
        files.append(own, data)
    else:
        files.write_atomically(own, data)
