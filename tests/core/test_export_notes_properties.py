"""Re-exporting into a note the reader keeps editing, as a property.

Hypothesis interleaves what a reader does to the note (adds lines anywhere,
rewrites the free area under a block, moves a block, deletes a block) with what
happens in Readmark (annotations added, deleted, their notes edited), and
re-exports after each step. After every export:

- every line the reader wrote (and did not delete themselves) is still there;
- each annotation in the library is in the note exactly once;
- each annotation deleted in Readmark is gone;
- exporting again changes nothing.
"""

from __future__ import annotations

import os
import re
from datetime import UTC

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from test_export import FIXTURES

from readmark.core.annotations import Annotation, Kind, TextTarget
from readmark.core.book import Book
from readmark.core.export.common import ExportedBook
from readmark.core.export.logseq import LOGSEQ
from readmark.core.export.notes import Flavour, NoteOptions, update_note
from readmark.core.export.obsidian import OBSIDIAN
from readmark.core.formats import open_book

OPTIONS = NoteOptions(zone=UTC)
BOOK = open_book(FIXTURES / "book.md")
EXPORTED = ExportedBook.from_book(BOOK)


def pool(book: Book) -> list[Annotation]:
    """Twelve annotations across the book's three sections (and one orphan)."""
    made = []
    for n in range(12):
        section = n % 3
        text = book.section_text(section)
        start = (n * 7) % max(1, len(text) - 12)
        target = TextTarget.from_text(section, text, start, start + 10)
        if n == 11:
            target = TextTarget(-1, -1, -1, "gone from the book")
        kind = (Kind.HIGHLIGHT, Kind.NOTE, Kind.BOOKMARK)[n % 4 % 3]
        made.append(
            Annotation(
                kind,
                target,
                id=f"{n + 1:032x}",
                color=("yellow", "green", "blue", "pink", "purple")[n % 5],
                note=f"note {n}" if n % 2 else "",
                label=f"mark {n}" if kind is Kind.BOOKMARK else "",
                created=1_700_000_000.0 + n,
            )
        )
    return made


POOL = pool(BOOK)

user_step = st.one_of(
    st.tuples(st.just("insert"), st.integers(0, 10_000)),
    st.tuples(st.just("property"), st.integers(0, 10_000)),
    st.tuples(st.just("edit-free"), st.integers(0, 10_000)),
    st.tuples(st.just("move"), st.integers(0, 10_000), st.integers(0, 10_000)),
    st.tuples(st.just("delete-block"), st.integers(0, 10_000)),
)
library_step = st.one_of(
    st.tuples(st.just("add"), st.integers(0, len(POOL) - 1)),
    st.tuples(st.just("remove"), st.integers(0, len(POOL) - 1)),
    st.tuples(st.just("edit-note"), st.integers(0, len(POOL) - 1)),
)


def id_lines(flavour: Flavour, text: str, annotation: Annotation) -> int:
    key = flavour.key(annotation)
    pattern = rf"^\^{key}$" if flavour is OBSIDIAN else rf"^\s+id:: {key}$"
    return len(re.findall(pattern, text, flags=re.M))


class Reader:
    """The note as the reader edits it, and the lines they expect to find again."""

    def __init__(self, flavour: Flavour) -> None:
        self.flavour = flavour
        self.expected: set[str] = set()
        self.count = 0

    def words(self) -> str:
        self.count += 1
        return f"my words {self.count}"

    def line(self, words: str) -> str:
        # In Logseq, a new block, or (every third) a line typed in a text editor.
        return f"- {words}" if self.flavour is LOGSEQ and self.count % 3 else words

    def apply(self, text: str, step: tuple) -> str:
        parsed = self.flavour.parse(text)
        blocks = [i for i, item in enumerate(parsed.items) if item.kind == "block"]
        kind = step[0]
        if kind == "insert":
            lines = text.split("\n")
            words = self.words()
            self.expected.add(words)
            at = step[1] % (len(lines) + 1)
            return "\n".join([*lines[:at], self.line(words), *lines[at:]])
        if kind == "property":  # a property of their own, at the top of the note
            words = self.words()
            if self.flavour is LOGSEQ:
                self.expected.add(words)
                return f"my-prop-{self.count}:: {words}\n{text}"
            if text.startswith("---\n"):
                self.expected.add(words)
                return f"---\nmy-prop-{self.count}: {words}\n{text[4:]}"
            return text
        if not blocks:
            return text
        item = parsed.items[blocks[step[1] % len(blocks)]]
        if kind == "edit-free":
            self._forget(item.free)
            words = self.words()
            self.expected.add(words)
            item.free = [f"\t- {words}" if self.flavour is LOGSEQ else words]
        elif kind == "move":
            parsed.items.remove(item)
            parsed.items.insert(step[2] % (len(parsed.items) + 1), item)
        elif kind == "delete-block":
            self._forget(item.free)
            parsed.items.remove(item)
        front = parsed.front if parsed.front is not None else ""
        if self.flavour is OBSIDIAN and parsed.front is None:
            return "\n\n".join(self._plain(parsed.items))  # keep the reader's text as it was
        return self.flavour.serialise(front, parsed.items)

    def _plain(self, items: list) -> list[str]:
        return ["\n".join([*i.lines, *([""] + i.free if i.free else [])]) for i in items]

    def _forget(self, lines: list[str]) -> None:
        for line in lines:
            for words in list(self.expected):
                if line.strip().endswith(words):
                    self.expected.discard(words)


@pytest.mark.parametrize("flavour", [OBSIDIAN, LOGSEQ], ids=["obsidian", "logseq"])
@settings(
    max_examples=int(os.environ.get("READMARK_EXAMPLES", "60")),
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow],
)
@given(
    first=st.sets(st.integers(0, len(POOL) - 1)),
    steps=st.lists(st.one_of(user_step, library_step), max_size=14),
)
def test_reexports_keep_the_readers_text_and_each_annotation_once(
    flavour: Flavour, first: set[int], steps: list[tuple]
) -> None:
    library = {POOL[n].id: POOL[n] for n in first}
    ever: set[str] = set(library)
    text = update_note(flavour, None, EXPORTED, list(library.values()), OPTIONS)
    reader = Reader(flavour)
    for step in steps:
        if step[0] in ("add", "remove", "edit-note"):
            annotation = POOL[step[1]]
            if step[0] == "add":
                library[annotation.id] = annotation
                ever.add(annotation.id)
            elif step[0] == "remove":
                library.pop(annotation.id, None)
            elif annotation.id in library:
                edited = library[annotation.id]
                library[annotation.id] = edited.edited(note=edited.note + " edited")
        else:
            text = reader.apply(text, step)
        text = update_note(flavour, text, EXPORTED, list(library.values()), OPTIONS)

        lines = text.split("\n")
        for words in reader.expected:
            assert any(line.rstrip().endswith(words) for line in lines), (words, text)
        for annotation_id in ever:
            annotation = POOL[int(annotation_id, 16) - 1]
            expected = 1 if annotation_id in library else 0
            assert id_lines(flavour, text, annotation) == expected, (annotation_id, text)
        again = update_note(flavour, text, EXPORTED, list(library.values()), OPTIONS)
        assert again == text


def _fragments(flavour: Flavour) -> st.SearchStrategy[str]:
    """Lines a hand-edited note may hold, Readmark's own shapes among them."""
    keys = [flavour.key(a) for a in POOL[:4]]
    return st.one_of(
        st.sampled_from(
            [
                "---",
                "...",
                "title: [unclosed",
                "tags: readmark",
                "tags:",
                "  - books",
                "> [!quote] Highlight",
                "> > [!note] Note",
                ">",
                "## The First Chapter",
                "## Beginning",
                "# Title",
                "```",
                "- ## The Second Chapter",
                "-",
                "- > quoted",
                "\t- child",
                "  readmark:: Highlight",
                "title:: x",
                "tags:: a, b",
                "",
            ]
        ),
        st.sampled_from(keys).map(lambda key: f"^{key}"),
        st.sampled_from(keys).map(lambda key: f"  id:: {key}"),
        st.text(st.characters(codec="utf-8", exclude_categories=("Cs",)), max_size=20),
    )


@pytest.mark.parametrize("flavour", [OBSIDIAN, LOGSEQ], ids=["obsidian", "logseq"])
@settings(max_examples=int(os.environ.get("READMARK_EXAMPLES", "60")), deadline=None)
@given(data=st.data(), live=st.sets(st.integers(0, len(POOL) - 1)))
def test_any_note_updates_without_error_keeping_each_annotation_once(
    flavour: Flavour, data: st.DataObject, live: set[int]
) -> None:
    lines = data.draw(st.lists(_fragments(flavour), max_size=30))
    existing = "\n".join(lines)
    annotations = [POOL[n] for n in sorted(live)]
    text = update_note(flavour, existing, EXPORTED, annotations, OPTIONS)
    for annotation in POOL:
        if annotation in annotations:
            assert id_lines(flavour, text, annotation) >= 1
    # Readmark's blocks: each live annotation once (lines of the reader's that merely look
    # like an id, in a code block or a block of theirs, are theirs to keep).
    items = flavour.parse(text).items
    blocks = [
        item.key
        for item in items
        if item.kind == "block" and item.key in {flavour.key(a) for a in annotations}
    ]
    assert sorted(blocks) == sorted(flavour.key(a) for a in annotations)
    assert update_note(flavour, text, EXPORTED, annotations, OPTIONS) == text
