"""One pass over an HTML document: clean body markup, headings, metadata, cut points.

`scan_html` feeds the (defused) document to `html.parser` once and writes the
body as normalised markup in small chunks, already reduced to the allowlist of
`readmark.core.html_sanitize` (elements in `DROP_WITH_CONTENT` vanish with their
content, other unknown elements keep only their text, attributes and URLs are
filtered). Along the way it notes:

- headings (`<h1>`…`<h6>`), with their plain-text titles and the ids the table
  of contents will point at: the heading's own id when it is the first use of
  that id, else a Unicode slug of its title unique across the document;
- `Cut`s: places where the body may be cut into sections. A cut records the
  elements open there, so a section can close them at its end and the next one
  reopen them (without their ids) at its start: a heading deep inside
  `<div class="chapter">` still starts a well-formed section. A heading's cut is
  moved back over the start tags just before it (its wrappers). Between
  headings, cuts are noted at block ends (and, in a long run of inline text,
  anywhere) so that an over-long chapter can be cut into parts;
- `<title>`, `<meta>` and `<html lang>` for the metadata.

Qt's rich-text engine follows links to `<a name>` anchors only, so every
element with an id gets `<a name="ID"></a>` as its first child (an `<a>` gets
`name` itself), as `markdown_extensions.QtRichTextExtension` does for Markdown.

Hostile input: nesting deeper than `MAX_DEPTH` keeps its text but loses the
extra tags (Qt's layout, and our reopening of open elements, stay bounded);
every stored string is bounded; nothing is recursive.
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass, field
from html.parser import HTMLParser

from markdown.extensions.toc import slugify_unicode

from readmark.core.html_defuse import defuse_markup
from readmark.core.html_sanitize import (
    ALLOWED_ATTRIBUTES,
    ALLOWED_ELEMENTS,
    DROP_WITH_CONTENT,
    VOID_ELEMENTS,
    safe_url,
)

MAX_DEPTH = 64
# Text pieces longer than this are written in several chunks, so that a cut can
# fall inside a long run of text (a 5 MB book on one line, without tags).
TEXT_PIECE = 16 * 1024
# A soft cut (at a block end) is noted at most every SOFT_STEP characters; a
# hard cut (anywhere) when there was no soft one for HARD_STEP characters.
SOFT_STEP = 8 * 1024
HARD_STEP = 96 * 1024
MAX_TITLE_CHARS = 1000
MAX_META_CHARS = 4000
SAMPLE_CHARS = 32 * 1024  # body text kept for language detection

HEADINGS = {f"h{n}": n for n in range(1, 7)}
_BLOCK_ENDS = frozenset(
    (
        "p div blockquote pre ul ol dl li dd table tr figure section article aside header "
        "footer nav main address center h1 h2 h3 h4 h5 h6"
    ).split()
)
_SPACE = re.compile(r"\s+")
_IDS = re.compile(r"""\s(?:id|name)\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+))""", re.I)
_EDGE_UNDERSCORES = re.compile(r"(?:^|(?<=-))_+|_+(?=-|$)")


@dataclass(frozen=True)
class OpenElement:
    """An element open at some point of the scan; a persistent stack (parent link)."""

    parent: OpenElement | None
    tag: str
    reopen: str  # its start tag without id and name, to reopen it in the next section
    depth: int


@dataclass(frozen=True)
class Cut:
    chunk: int  # index of the first chunk after the cut
    offset: int  # characters of markup before the cut
    stack: OpenElement | None  # elements open at the cut


@dataclass
class Heading:
    cut: Cut  # where a section starting with this heading begins
    chunk: int  # index of the heading's start-tag chunk
    level: int
    title: str
    anchor: str


@dataclass
class ScannedHtml:
    chunks: list[str]
    headings: list[Heading]
    cuts: list[Cut]  # soft and hard cuts, in order
    end: Cut  # the end of the body
    anchors: list[tuple[int, str]]  # (chunk index, id or name) in order
    first_content: int  # index of the first chunk with visible content; len(chunks) if none
    title: str = ""
    lang: str = ""
    meta: dict[str, list[str]] = field(default_factory=dict)  # lower-cased name -> contents
    sample: str = ""  # the start of the body text

    def markup(self, start: Cut, end: Cut) -> str:
        """The body between two cuts as balanced markup."""
        return (
            _reopen(start.stack) + "".join(self.chunks[start.chunk : end.chunk]) + _close(end.stack)
        )


def scan_html(text: str) -> ScannedHtml:
    """Scan a whole HTML document (already decoded)."""
    scanner = _Scanner(reserved_ids(text))
    scanner.feed(defuse_markup(text))
    scanner.close()
    return scanner.result()


def reserved_ids(text: str) -> set[str]:
    """Every id or name the document seems to define, so slugs avoid them.

    A generous regex rather than a parse: reserving too much only changes a slug.
    """
    found: set[str] = set()
    for match in _IDS.finditer(text):
        value = match.group(1) or match.group(2) or match.group(3) or ""
        found.add(html.unescape(value).strip())
    return found


def _reopen(stack: OpenElement | None) -> str:
    tags: list[str] = []
    while stack is not None:
        tags.append(stack.reopen)
        stack = stack.parent
    return "".join(reversed(tags))


def _close(stack: OpenElement | None) -> str:
    tags: list[str] = []
    while stack is not None:
        tags.append(f"</{stack.tag}>")
        stack = stack.parent
    return "".join(tags)


def _attribute_text(tag: str, attrs: list[tuple[str, str | None]]) -> tuple[str, str, str]:
    """(other attributes as markup, id, name) of an allowed element."""
    kept: list[str] = []
    ident = name = ""
    for key, value in attrs:
        key = key.lower()
        if key not in ALLOWED_ATTRIBUTES or key.startswith("on"):
            continue
        value = (value or "")[:MAX_META_CHARS]
        if key == "id":
            ident = value.strip()
            continue
        if key == "name":
            name = value.strip()
            continue
        if key in ("href", "src", "cite"):
            checked = safe_url(value, key, tag)
            if checked is None:
                continue
            value = checked
        kept.append(f' {key}="{html.escape(value, quote=True)}"')
    return "".join(kept), ident, name


@dataclass
class _OpenHeading:
    chunk: int
    level: int
    tag: str
    attributes: str
    explicit: str  # its own id, if that id was free
    cut: Cut
    depth: int  # of its element in the stack
    parts: list[str] = field(default_factory=list)
    size: int = 0

    def add(self, text: str) -> None:
        if self.size < MAX_TITLE_CHARS:
            self.parts.append(text[: MAX_TITLE_CHARS - self.size])
            self.size += len(self.parts[-1])


class _Scanner(HTMLParser):
    def __init__(self, reserved: set[str]) -> None:
        super().__init__(convert_charrefs=True)
        self._reserved = reserved
        self._used: set[str] = set()  # ids and names written so far
        self._slug_counters: dict[str, int] = {}
        self._chunks: list[str] = []
        self._offset = 0
        self._stack: OpenElement | None = None
        self._open_tags: list[str] = []  # the same stack's tag names, for end tags
        self._overflow: list[str] = []  # start tags dropped for depth, innermost last
        self._dropping: list[str] = []
        self._run_start: Cut | None = None  # before a run of start tags with nothing between
        self._headings: list[Heading] = []
        self._heading: _OpenHeading | None = None
        self._cuts: list[Cut] = []
        self._last_cut = 0
        self._anchors: list[tuple[int, str]] = []
        self._first_content = -1
        self._in_head = False
        self._title: list[str] | None = None  # collecting <title> text
        self._title_text = ""
        self._lang = ""
        self._meta: dict[str, list[str]] = {}
        self._sample: list[str] = []
        self._sample_size = 0

    # ------------------------------------------------------------ result

    def result(self) -> ScannedHtml:
        if self._heading is not None:
            self._end_heading()
        end = Cut(len(self._chunks), self._offset, self._stack)
        first = self._first_content if self._first_content >= 0 else len(self._chunks)
        return ScannedHtml(
            chunks=self._chunks,
            headings=self._headings,
            cuts=self._cuts,
            end=end,
            anchors=self._anchors,
            first_content=first,
            title=_SPACE.sub(" ", self._title_text).strip(),
            lang=self._lang,
            meta=self._meta,
            sample="".join(self._sample),
        )

    # ------------------------------------------------------------ output

    def _emit(self, markup: str) -> None:
        self._chunks.append(markup)
        self._offset += len(markup)

    def _here(self) -> Cut:
        return Cut(len(self._chunks), self._offset, self._stack)

    def _content(self) -> None:
        """Visible content was just written."""
        if self._first_content < 0:
            self._first_content = len(self._chunks) - 1
        self._run_start = None

    def _maybe_cut(self, soft: bool) -> None:
        step = SOFT_STEP if soft else HARD_STEP
        if self._heading is None and self._offset - self._last_cut >= step:
            self._cuts.append(self._here())
            self._last_cut = self._offset

    def _anchor(self, anchor: str) -> None:
        self._used.add(anchor)
        self._anchors.append((len(self._chunks), anchor))

    # ------------------------------------------------------------ parser events

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self._start(tag, attrs, self_closing=False)

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self._start(tag, attrs, self_closing=True)

    def _start(self, tag: str, attrs: list[tuple[str, str | None]], self_closing: bool) -> None:
        if self._dropping:
            if tag == self._dropping[-1] and not self_closing and tag not in VOID_ELEMENTS:
                self._dropping.append(tag)
            return
        if tag == "html":
            for key, value in attrs:
                if key in ("lang", "xml:lang") and value and not self._lang:
                    self._lang = value.strip()[:64]
            return
        if tag == "head":
            self._in_head = not self_closing
            return
        if tag == "body":
            self._in_head = False
            return
        if self._title is not None:  # html.parser does not know <title> holds text only
            self._end_title()
        if tag == "title":
            if not self._title_text and not self_closing:
                self._title = []
            elif not self_closing:
                self._dropping.append(tag)
            return
        if tag == "meta":
            self._note_meta(attrs)
            return
        if tag in DROP_WITH_CONTENT:
            if not self_closing and tag not in VOID_ELEMENTS:
                self._dropping.append(tag)
            return
        if tag not in ALLOWED_ELEMENTS:
            return
        self._in_head = False
        void = tag in VOID_ELEMENTS
        depth = self._stack.depth + 1 if self._stack is not None else 1
        if not void and not self_closing and depth > MAX_DEPTH:
            self._overflow.append(tag)
            return
        attributes, ident, name = _attribute_text(tag, attrs)
        if self._heading is not None and tag == "img":
            self._heading.add(" " + next((v or "" for k, v in attrs if k == "alt"), ""))

        if tag in HEADINGS and self._heading is None and not void and not self_closing:
            self._start_heading(tag, attributes, ident)
            return

        ident = ident if ident and ident not in self._used else ""
        if tag == "a":
            name = name or ident
            name = name if name and name not in self._used else ""
        if ident:
            self._anchor(ident)
            attributes += f' id="{html.escape(ident, quote=True)}"'
        if tag == "a" and name:
            if name != ident:
                self._anchor(name)
            attributes += f' name="{html.escape(name, quote=True)}"'
        start = f"<{tag}{attributes}"
        if void:
            self._emit(start + " />")
            if tag == "img":
                self._content()
            return
        if self._run_start is None:
            self._run_start = self._here()
        anchor = f'<a name="{html.escape(ident, quote=True)}"></a>' if ident and tag != "a" else ""
        self._emit(start + ">" + anchor)
        if self_closing:  # XHTML's <div/>: an empty element
            self._emit(f"</{tag}>")
            return
        self._push(tag, f"<{tag}{_without_ids(attributes)}>")

    def _push(self, tag: str, reopen: str) -> None:
        depth = self._stack.depth + 1 if self._stack is not None else 1
        self._stack = OpenElement(self._stack, tag, reopen, depth)
        self._open_tags.append(tag)

    def _start_heading(self, tag: str, attributes: str, ident: str) -> None:
        cut = self._run_start or self._here()
        explicit = ident if ident and ident not in self._used else ""
        if explicit:
            self._used.add(explicit)  # claimed now; recorded as an anchor at the end
        self._heading = _OpenHeading(
            chunk=len(self._chunks),
            level=HEADINGS[tag],
            tag=tag,
            attributes=attributes,
            explicit=explicit,
            cut=cut,
            depth=self._stack.depth + 1 if self._stack is not None else 1,
        )
        self._emit("")  # the start tag, written when the title (and so the id) is known
        self._push(tag, f"<{tag}{_without_ids(attributes)}>")

    def _end_heading(self) -> None:
        heading = self._heading
        assert heading is not None
        self._heading = None
        title = _SPACE.sub(" ", "".join(heading.parts)).strip()
        anchor = heading.explicit
        if not anchor and title:
            anchor = self._slug(title)
        tag = f"<{heading.tag}{heading.attributes}"
        if anchor:
            self._used.add(anchor)
            self._anchors.append((heading.chunk, anchor))
            escaped = html.escape(anchor, quote=True)
            tag += f' id="{escaped}"><a name="{escaped}"></a>'
            self._headings.append(Heading(heading.cut, heading.chunk, heading.level, title, anchor))
        else:
            tag += ">"
        self._offset += len(tag)
        self._chunks[heading.chunk] = tag

    def _slug(self, title: str) -> str:
        base = _EDGE_UNDERSCORES.sub("", slugify_unicode(title, "-"))[:80] or "section"
        anchor = base
        # Counting on from the last number given to this base keeps a book of
        # thousands of headings called "Notes" linear.
        counter = self._slug_counters.get(base, 0)
        while anchor in self._used or anchor in self._reserved:
            counter += 1
            anchor = f"{base}-{counter}"
        self._slug_counters[base] = counter
        return anchor

    def handle_endtag(self, tag: str) -> None:
        if self._dropping:
            if tag == self._dropping[-1]:
                self._dropping.pop()
            return
        if self._title is not None:
            self._end_title()
            if tag == "title":
                return
        if tag == "head":
            self._in_head = False
            return
        if self._overflow:
            # Search only the innermost few: a stray end tag must not cost a
            # walk over thousands of dropped ones.
            for k in range(len(self._overflow) - 1, max(len(self._overflow) - 8, -1), -1):
                if self._overflow[k] == tag:
                    del self._overflow[k:]
                    return
        if tag not in self._open_tags:
            return
        while self._stack is not None:
            closed = self._stack
            current = closed.tag
            self._stack = closed.parent
            self._open_tags.pop()
            self._emit(f"</{current}>")
            if self._heading is not None and closed.depth == self._heading.depth:
                self._end_heading()
            if current == tag:
                break
        self._run_start = None
        if tag in _BLOCK_ENDS:
            self._maybe_cut(soft=True)

    def handle_data(self, data: str) -> None:
        if self._dropping:
            return
        if self._title is not None:
            if sum(map(len, self._title)) < MAX_TITLE_CHARS:
                self._title.append(data[:MAX_TITLE_CHARS])
            return
        visible = not data.isspace()
        if self._in_head:
            if not visible:
                return
            self._in_head = False  # text in <head>: the body has begun
        if self._heading is not None:
            self._heading.add(data)
        if visible and self._sample_size < SAMPLE_CHARS:
            self._sample.append(data[: SAMPLE_CHARS - self._sample_size])
            self._sample_size += len(self._sample[-1])
        pos = 0
        while pos < len(data):
            end = _piece_end(data, pos)
            self._emit(html.escape(data[pos:end], quote=False))
            pos = end
            if visible:
                self._content()
            self._maybe_cut(soft=False)

    def _end_title(self) -> None:
        assert self._title is not None
        self._title_text = "".join(self._title)
        self._title = None

    def _note_meta(self, attrs: list[tuple[str, str | None]]) -> None:
        values = {key.lower(): (value or "") for key, value in attrs}
        key = values.get("name") or values.get("property") or values.get("http-equiv") or ""
        key = key.strip().lower()
        content = values.get("content", "").strip()
        if key and content and len(self._meta) < 64:
            contents = self._meta.setdefault(key, [])
            if len(contents) < 32:
                contents.append(content[:MAX_META_CHARS])


def _piece_end(data: str, pos: int) -> int:
    """End of the next piece of `data` from `pos`: at most TEXT_PIECE long,
    ending after white space when there is some near the limit."""
    end = pos + TEXT_PIECE
    if end >= len(data):
        return len(data)
    space = data.rfind(" ", end - TEXT_PIECE // 4, end)
    return space + 1 if space > pos else end


_ID_ATTRIBUTES = re.compile(r' (?:id|name)="[^"]*"')


def _without_ids(attributes: str) -> str:
    return _ID_ATTRIBUTES.sub("", attributes)
