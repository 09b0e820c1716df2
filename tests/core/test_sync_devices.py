"""Three computers sharing a sync folder, under random use: adding, editing notes,
recolouring, deleting, undoing, syncing, and the sync tool copying each other's
files whole or half-written, in any order. Once everyone has seen everyone's
files, all three hold the same annotations; nothing acknowledged on any of them
is lost, nothing deleted comes back, and concurrent edits of one note keep every
computer's text."""

from __future__ import annotations

import tempfile
from pathlib import Path

from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st
from sync_devices import Device, copy_file, full_round, highlight, make_devices, remove_tree

from readmark.core.operations import OperationError

DEVICES = 3
device = st.integers(0, DEVICES - 1)
pick = st.integers(0, 50)
operation = st.one_of(
    st.tuples(st.just("add"), device, st.integers(0, 1), st.integers(0, 400)),
    st.tuples(st.just("note"), device, pick),
    st.tuples(st.just("note"), device, pick),  # twice as likely: concurrent note edits
    st.tuples(st.just("colour"), device, pick, st.sampled_from(["green", "blue", "pink"])),
    st.tuples(st.just("delete"), device, pick),
    st.tuples(st.just("undo"), device),
    st.tuples(st.just("sync"), device),
    st.tuples(st.just("share"), device),  # sync, and the tool copies the file everywhere
    st.tuples(st.just("forget"), device),  # its sync state lost, its own file still there
    st.tuples(st.just("reinstall"), device),  # its sync state and computer id lost
    st.tuples(st.just("copy"), device, device, st.sampled_from([1.0, 1.0, 0.5, 0.01, 0.99])),
)


class Model:
    """What the reader did, to check the end state against."""

    def __init__(self) -> None:
        self.added: set[str] = set()
        self.removed: set[str] = set()  # deleted, or its adding undone, somewhere
        self.recreated: set[str] = set()  # a deletion undone somewhere
        self.tokens: dict[str, set[str]] = {}  # the words each note edit appended
        self.note_undone: set[str] = set()
        self.counter = 0


def _run(op: tuple, devices: list[Device], model: Model) -> None:
    kind, who = op[0], devices[op[1]]
    if kind in ("sync", "share"):
        who.sync()
        for other in devices if kind == "share" else ():
            if other is not who:
                copy_file(who, other)
        return
    if kind == "forget":
        for file in who.state.glob("state.*"):
            file.unlink()
        return
    if kind == "reinstall":
        remove_tree(who.state)
        return
    if kind == "copy":
        if op[1] != op[2]:
            copy_file(who, devices[op[2]], op[3])
        return
    if kind == "undo":
        if not who.undo:
            return
        book, changes = who.undo.pop()
        try:
            who.book(book).apply(changes.inverse())
        except OperationError:
            return  # it changed since (a sync brought something): undo refused, as in the window
        for change in changes.changes:
            if change.before is None:
                model.removed.add(change.id)
            elif change.after is None:
                model.recreated.add(change.id)
            elif change.before.note != change.after.note:
                model.note_undone.add(change.id)
        return
    if kind == "add":
        book = op[2] if op[2] < len(who.books) else 0
        made = highlight(op[3], note=f"n{model.counter}")
        model.counter += 1
        who.undo.append((book, who.book(book).add(made)))
        model.added.add(made.id)
        model.tokens[made.id] = set()
        return
    ops_by_book = [(b, who.book(b)) for b in range(len(who.books))]
    candidates = [(b, a) for b, ops in ops_by_book for a in ops.all()]
    if not candidates:
        return
    book, target = candidates[op[2] % len(candidates)]
    ops = dict(ops_by_book)[book]
    if kind == "note":
        token = f"[{who.name}-{model.counter}]"
        model.counter += 1
        changes = ops.edit(target.id, note=f"{target.note} {token}")
        model.tokens.setdefault(target.id, set()).add(token)
    elif kind == "colour":
        changes = ops.edit(target.id, color=op[3])
    else:
        changes = ops.delete([target.id])
        model.removed.add(target.id)
        # This computer's own note edits went with the annotation it deleted: if
        # another computer undoes a deletion of its own, the annotation returns
        # without what this one wrote and then threw away. Every other
        # computer's edits must survive.
        mine = f"[{who.name}-"
        model.tokens[target.id] = {
            t for t in model.tokens.get(target.id, set()) if not t.startswith(mine)
        }
    if changes:
        who.undo.append((book, changes))


@settings(
    max_examples=60,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)
@given(st.lists(operation, min_size=20, max_size=60))
@example(  # found by CI: c0 edits a note, c1 deletes it and undoes that: c0's edit is kept
    [("add", 1, 0, 0), ("share", 1), ("sync", 0), ("note", 0, 0), ("delete", 1, 0)]
    + [("share", 1), ("undo", 1), ("delete", 0, 0)]
)
@example(  # found with 400 examples: c0, its sync state lost, edits a note c1 has deleted
    [("add", 0, 0, 0), ("share", 0), ("sync", 1), ("delete", 1, 31), ("reinstall", 0)]
    + [("share", 1), ("note", 0, 4), ("undo", 1)]  # c1 undoes it: c0's edit comes back too
)
def test_three_computers_end_with_the_same_marks(ops: list[tuple]) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        devices = make_devices(Path(tmp), DEVICES)
        model = Model()
        try:
            for op in ops:
                _run(op, devices, model)
            full_round(devices)
            states = [d.everything() for d in devices]
        finally:
            for d in devices:
                d.close()
    first = states[0]
    for other in states[1:]:
        assert {k: (b, _fields(a)) for k, (b, a) in other.items()} == {
            k: (b, _fields(a)) for k, (b, a) in first.items()
        }
    kept = model.added - model.removed
    assert kept <= set(first), "an acknowledged annotation was lost"
    gone = model.removed - model.recreated
    assert not gone & set(first), "a deleted annotation came back"
    for annotation_id, tokens in model.tokens.items():
        # Every edit of a note that is still there survives, whoever made it and
        # whatever happened to the annotation meanwhile (deleted and restored
        # included), unless its own edit was undone.
        if annotation_id in first and annotation_id not in model.note_undone:
            note = first[annotation_id][1].note
            assert all(t in note for t in tokens), (note, tokens)


def _fields(a):  # what every computer must agree on (positions are each one's own)
    return (a.kind, a.color, a.style, a.note, a.label, a.created, a.modified, a.target.exact)
