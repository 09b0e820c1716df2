"""Plain text of rendered HTML, as a reader sees it (used by `readmark text`).

Block elements are separated by blank lines, list items and table rows stand on
lines of their own, `<br>` is a line break, whitespace collapses as a browser
collapses it (except in `<pre>`), entities are decoded, and footnote back-links
(↩) are dropped.
"""

from __future__ import annotations

from collections.abc import Iterable
from html.parser import HTMLParser

from readmark.core.html_simple import feed_simple
from readmark.core.lazy_re import lazy

_BLOCKS = frozenset(
    (
        "p div h1 h2 h3 h4 h5 h6 blockquote pre ul ol dl table hr figure figcaption "
        "section article aside header footer nav main address center caption"
    ).split()
)
_LINES = frozenset({"li", "dt", "dd", "tr"})
_SKIP = frozenset({"script", "style", "head", "title", "template"})
# Whitespace runs collapse to one space. Written to match only what that changes (a run
# of two or more, or one tab or newline), not every single space of a Latin text:
# the same result, without replacing each space by itself.
_SPACE = lazy(r"[ \t\n\r\f]{2,}|[\t\n\r\f]")


def html_to_text(markup: str, *, simple: bool = True) -> str:
    """`simple`: as in `readmark.core.html_sanitize.sanitize_html`."""
    parser = _TextParser()
    if not (simple and feed_simple(parser, markup)):
        parser = _TextParser()
        parser.feed(markup)
    parser.close()
    return parser.result()


def simple_text_of(markup: str) -> str | None:
    """`html_to_text(markup)` when `markup` is all of the simple shape
    (`html_simple`), else None (it is not read the other way here)."""
    parser = _TextParser()
    if not feed_simple(parser, markup):
        return None
    parser.close()
    return parser.result()


START, EMPTY, END, DATA = range(4)  # what `text_of_events` is told


def text_of_events(events: Iterable[tuple[int, str]]) -> str:
    """`html_to_text` of the markup whose tokens are `events`: (START, tag),
    (EMPTY, tag) for `<tag />`, (END, tag) and (DATA, text) — tags without
    attributes (`a` and `img` read theirs: not for them), text as it reads, not
    escaped. For a renderer that knows its markup's tokens without writing it."""
    parser = _TextParser()
    handlers = (
        lambda tag: parser.handle_starttag(tag, []),
        lambda tag: parser.handle_startendtag(tag, []),
        parser.handle_endtag,
        parser.handle_data,
    )
    for kind, value in events:
        handlers[kind](value)
    parser.close()
    return parser.result()


def text_and_anchors(markup: str, prefix: str) -> tuple[str, list[tuple[str, int]]]:
    """`html_to_text(markup)`, and where in it each named anchor whose name starts
    with `prefix` stands: (name, offset of the first character after it)."""
    parser = _TextParser(prefix)
    if not feed_simple(parser, markup):
        parser = _TextParser(prefix)
        parser.feed(markup)
    parser.close()
    text = parser.result()
    return text, [(name, parser.result_offset(raw)) for name, raw in parser.anchors]


class _TextParser(HTMLParser):
    def __init__(self, anchor_prefix: str = "") -> None:
        super().__init__(convert_charrefs=True)
        self._anchor_prefix = anchor_prefix  # names of anchors to locate ("" = none)
        self._waiting: list[str] = []  # such anchors met, before the text they precede
        self.anchors: list[tuple[str, int]] = []  # (name, offset in the joined parts)
        self._parts: list[str] = []
        self._pending = 0  # newlines owed before the next text
        self._skip: list[str] = []
        self._pre = 0
        self._cell = False  # a table cell already on this row

    def result(self) -> str:
        text = "".join(self._parts)
        lines = [line.rstrip() for line in text.split("\n")]
        return "\n".join(lines).strip("\n") + ("\n" if text.strip() else "")

    def close(self) -> None:
        super().close()
        raw = sum(map(len, self._parts))
        self.anchors.extend((name, raw) for name in self._waiting)  # at the very end
        self._waiting = []

    def result_offset(self, raw: int) -> int:
        """An offset in the joined parts as an offset in `result()` (which drops the
        spaces at line ends and the blank lines at the start)."""
        text = "".join(self._parts)
        before = text[:raw]
        lines = before.split("\n")
        # Every line before the last one ends, so loses its trailing spaces.
        kept = sum(len(line.rstrip()) + 1 for line in lines[:-1]) + len(lines[-1])
        full = "\n".join(line.rstrip() for line in text.split("\n"))
        lead = len(full) - len(full.lstrip("\n"))
        result_length = len(full.strip("\n"))
        return max(0, min(kept - lead, result_length))

    def _break(self, newlines: int) -> None:
        if self._parts:
            self._pending = max(self._pending, newlines)

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if self._skip:
            if tag == self._skip[-1]:
                self._skip.append(tag)
            return
        attributes = dict(attrs) if tag in ("a", "img") else {}  # the two that read theirs
        if tag == "a" and self._anchor_prefix:
            name = attributes.get("name") or attributes.get("id") or ""
            if name.startswith(self._anchor_prefix):
                self._waiting.append(name)
        if tag in _SKIP or (tag == "a" and "footnote-backref" in (attributes.get("class") or "")):
            self._skip.append(tag)
            return
        if tag == "br":
            self._emit("\n", raw=True)
        elif tag == "img":
            alt = attributes.get("alt") or ""
            if alt:
                self._emit(alt)
        elif tag in _BLOCKS:
            self._break(2)
            if tag == "pre":
                self._pre += 1
            if tag == "hr":
                self._break(2)
        elif tag in _LINES:
            self._break(1)
            if tag == "tr":
                self._cell = False
        elif tag in ("td", "th"):
            if self._cell:
                self._emit("\t", raw=True)
            self._cell = True

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.handle_starttag(tag, attrs)
        if tag not in ("br", "img", "hr"):
            self.handle_endtag(tag)

    def handle_endtag(self, tag: str) -> None:
        if self._skip:
            if tag == self._skip[-1]:
                self._skip.pop()
            return
        if tag in _BLOCKS:
            if tag == "pre":
                self._pre = max(0, self._pre - 1)
            self._break(2)
        elif tag in _LINES:
            self._break(1)

    def handle_data(self, data: str) -> None:
        if self._skip:
            return
        if self._pre:
            self._emit(data, raw=True)
            return
        text = _SPACE.sub(" ", data)
        if not text.strip():
            # whitespace between inline elements is a space; between blocks, nothing
            if self._parts and not self._pending and not self._parts[-1].endswith((" ", "\n")):
                self._parts.append(" ")
            return
        if self._pending or not self._parts or self._parts[-1].endswith("\n"):
            text = text.lstrip()
        self._emit(text)

    def _emit(self, text: str, raw: bool = False) -> None:
        if self._pending:
            if self._parts:
                tail = self._parts[-1]
                if tail.endswith(" "):
                    self._parts[-1] = tail.rstrip(" ")
                self._parts.append("\n" * self._pending)
            self._pending = 0
        if self._waiting and text.strip():
            at = sum(map(len, self._parts)) + len(text) - len(text.lstrip())
            self.anchors.extend((name, at) for name in self._waiting)
            self._waiting = []
        self._parts.append(text)
