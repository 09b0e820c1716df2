"""A Markdown section's shown text, made without the steps of its display HTML
that cannot change the text, where that is provably so.

The text the reader shows is `html_to_text(render(i))`: repair, Python-Markdown,
page marks made anchors, the printed contents list linked, the sanitiser, then
`html_to_text`. Searching and indexing a whole book need only the text; this
makes exactly the same string sooner, by two shortcuts, each taken only when its
conditions hold (else the caller goes the HTML way):

1. **Runs of plain paragraphs stand in as one placeholder paragraph.** A block
   (the text between blank lines) all of whose lines start with a letter or an
   opening quote (`fast_blocks.PLAIN_BLOCK`; the first may open with its `*`
   emphasis) and that holds none of the characters any block or inline step of
   Python-Markdown or Readmark's extensions looks for (`_NOT_PLAIN`) but
   emphasis of one kind (`_only_emphasis`) and footnote references (`[^n20]`)
   goes to the paragraph step and comes out as `<p>` + itself + `</p>`; its text
   is then the block without its emphasis marks and with its whitespace runs made
   one space (`html_to_text`'s rule), stripped. Consecutive such blocks are
   replaced by one placeholder word that is itself such a block: every step
   treats it as it treated them (none looks at a paragraph's words), so the rest
   of the section converts to the same tree, and the placeholder's line in the
   text is replaced by the blocks' texts, each a paragraph of its own. The run's
   references follow the placeholder, in order, so Python-Markdown numbers them
   as before and their texts come back on its line. A run may also hold one-line
   headings (`_heading`) and tight lists (`_list`) of plain content, a list only
   where no list beside it would take its items or give it some
   (`_ends_without_list`, `_opens_nothing_before`). Not taken where something
   can reach across blocks: raw HTML (`<` anywhere but in a span, sup or sub
   tag), fenced code, the footnote placement marker, a definition (`: …`) right
   after the run (it takes the paragraph before it as its term), nor when the
   placeholder word is in the text.
   When that leaves nothing but placeholders and one-line footnote definitions
   of plain content (most chapters), the text is made without Python-Markdown
   at all (`text_of_stand_ins`).
2. **The sanitiser is skipped when Python-Markdown stashed no raw HTML**: its
   output is then made only of Python-Markdown's own elements (all in the
   sanitiser's allowlist, checked), well nested, and page-mark anchors; the
   sanitiser keeps every such element and the two attributes `html_to_text`
   reads (`class` of `a`, `alt` of `img`), drops no text, and re-escapes what it
   unescaped, so `html_to_text` gets the same calls. Only when the markup is of
   the simple shape both read the same way (`html_simple`). The contents-list
   links are skipped too: they only put `<a href>` around an entry's text, which
   `html_to_text` ignores.

tests/core/test_text_path.py holds this to `html_to_text(render(i))` byte for
byte on every book at hand and on generated Markdown.
"""

from __future__ import annotations

import re

from markdown import Markdown

from readmark.core.formats.markdown.fast_blocks import PLAIN_BLOCK
from readmark.core.html_sanitize import ALLOWED_ELEMENTS
from readmark.core.html_text import simple_text_of
from readmark.core.lazy_re import lazy

# Characters some step of the conversion looks for inside a block (inline
# patterns' triggers, attribute lists, entities, raw HTML, escapes), control and
# private-use characters (Python-Markdown's own markers, the repair's page marks
# and note markers), and line separators. Not parentheses: only a link (`](`, and
# a plain paragraph holds no `]` but a footnote reference's, never before a `(`)
# reads them, and the bracket guard (formats/markdown/linear.py), which hides an
# unclosed `(` of a huge paragraph, puts it back as it was.
_NOT_PLAIN_CHARACTERS = "`\\\\\\[\\]<>&*_{}\x00-\x09\x0b-\x1f\x7f\x85\u2028\u2029\ue000-\uf8ff"
_NOT_PLAIN = lazy(f"[{_NOT_PLAIN_CHARACTERS}]|  \n")
# `PLAIN_BLOCK` holding none of `_NOT_PLAIN`'s characters, in one pass (most plain
# paragraphs: no emphasis, no reference); "  \n" is looked for apart.
_PLAIN_LINE = f"(?:[^\\W\\d_]|[“‘「『《〈【（])[^\\n|{_NOT_PLAIN_CHARACTERS}]*"
_PLAINEST_BLOCK = lazy(f"{_PLAIN_LINE}(?:\\n{_PLAIN_LINE})*")
_DEFINITION = lazy(r"\n*[ ]{0,3}:")
_SPACES = lazy(r"[ \t\n\r\f]{2,}|[\t\n\r\f]")
_WORD = "rmplainrun"  # the placeholder: _WORD + number + "x"
# A placeholder's line: its number, then the texts of its run's references.
_PLACEHOLDER_LINE = lazy(f"(?m)^{_WORD}(\\d+)x((?: [^ \\n]+)*)$")
_FOOTNOTE_MARKER = "///Footnotes Go Here///"
# A `<` that is neither a `<span …>`, `<sup>` or `<sub>` tag (or its end) nor a `<`
# no tag can start with (`a < b`): raw HTML that may reach across blocks (a block
# element, a comment, `<pre>` or `<script>` opened in one paragraph and closed in
# another), or an autolink. Those three are inline to Python-Markdown (never a raw
# HTML block, even at a line's start) and to `html_to_text` (no break, no skipped
# text, no preformatted run), so what they stand in acts in its own block alone;
# a print conversion writes them by the hundred (`<span id="page-12-0"></span>`,
# `<sup>1</sup>`), and they stood in the way of every block of such a section.
_OTHER_THAN_INLINE_TAGS = lazy(r"<(?!/?(?:span|sup|sub)(?=[\s/>])[^<>]*>|[^A-Za-z/!?])")
_TAG = lazy(r"</?([a-z][a-z0-9]*)")


# `_NOT_PLAIN` but the asterisk and the underscore, which a plain paragraph may
# hold as emphasis (`_only_emphasis`).
_NOT_PLAIN_BUT_EMPHASIS = lazy(
    "[`\\\\\\[\\]<>&{}\x00-\x09\x0b-\x1f\x7f\x85\u2028\u2029\ue000-\uf8ff]|  \n"
)


# A footnote reference: `[^n20]`, `[^s5-1]` (letters, digits, hyphens). In a plain
# paragraph it is the only bracket; it stays in the placeholder's paragraph (below).
_REFERENCE = lazy(r"\[\^[^\W_](?:[^\W_]|-)*\]")
_REFERENCE_LABEL = lazy(r"\[\^((?:[^\W_]|-)+)\]")  # a reference's label
_AT_REFERENCE = "\ue000"  # where a reference stood in a run's text (`_NOT_PLAIN` keeps it out)


def _is_plain(block: str) -> bool:
    if _PLAINEST_BLOCK.fullmatch(block) is not None and "  \n" not in block:
        return True
    # A paragraph may open with its emphasis (`**重点**在于…`): no block step reads
    # a line opening with one or two asterisks and a letter (a list wants a space
    # after one, a rule only asterisks and spaces), and the emphasis is judged below.
    opening = 2 if block[:2] == "**" else 1 if block[:1] == "*" else 0
    if PLAIN_BLOCK.fullmatch(block, opening) is None:
        return False
    if "[" in block or "]" in block:
        if "](" in block:
            return False  # a reference with no definition would be a link's text
        # Judged as if each reference were a digit: the emphasis test then asks no
        # more of a mark beside it than of one beside a number (its text is one).
        block = _REFERENCE.sub("1", block)
    found = _NOT_PLAIN.search(block)
    return found is None or (found[0] in "*_" and _only_emphasis(block))


def _only_emphasis(block: str) -> bool:
    """Whether every mark of `block` (which holds no other character of
    `_NOT_PLAIN`) opens or closes an emphasis on one line, all `*x*` or all
    `_x_`, x starting and ending with no space and holding no mark, an
    underscore pair also with no letter or digit on its outer sides. Then
    Python-Markdown's `not_strong` (a mark between spaces, or at a line's start)
    takes none of them, and `em_strong` (`EMPHASIS_RE`) or `em_strong2`
    (`SMART_EMPHASIS_RE`; with no doubled mark, none of the strong ones) takes
    each pair in turn: `<em>x</em>`, whose text is x, so the paragraph's text is
    the block without its marks. (A third of the bench books' paragraphs that
    are not plain hold nothing else.)"""
    mark = "*" if "*" in block else "_"
    if mark == "*" and "_" in block:
        return False
    if _NOT_PLAIN_BUT_EMPHASIS.search(block):
        return False
    if mark + mark in block:
        # All strong (`**x**`), no single asterisk: Python-Markdown's `STRONG_RE`
        # takes each pair (the patterns before it want three marks or a single one
        # after x), `<strong>x</strong>`, whose text is x. No `__x__`.
        if mark == "_" or "*" in block.replace("**", ""):
            return False
        mark = "**"
    parts = block.split(mark)
    if len(parts) % 2 == 0:
        return False
    for k in range(1, len(parts), 2):
        inner = parts[k]
        if not inner or "\n" in inner or inner[0].isspace() or inner[-1].isspace():
            return False
        if mark == "_" and (parts[k - 1][-1:].isalnum() or parts[k + 1][:1].isalnum()):
            return False  # `(?<!\w)` before, `(?!\w)` after (no `_` next to it)
    return True


# An ATX heading on one line, Python-Markdown's way (its `#`s at the line's start,
# none at its end), its content then maybe an attribute list holding only an id
# (`{#第1节-愿围白族帝}`, as the loader writes them), which attr_list takes away.
_HEADING = lazy(r"#{1,6} (?P<content>[^#\n]+?)(?: \{#(?:[^\W_]|[-.:])+\})?")
# A tight list's item on one line: `- ` or a number and `. `, then its content.
_BULLET_ITEM = lazy(r"- (?P<content>[^\n]+)")
_NUMBER_ITEM = lazy(r"\d{1,9}\. (?P<content>[^\n]+)")


def _heading(block: str) -> list[str] | None:
    """The content of a one-line heading whose content is a plain paragraph's
    (`_is_plain`, or would be after a letter): its text is the content's, a block
    of its own (`h1`–`h6` are blocks to `html_to_text` as `p` is; the anchor put
    in it holds no text)."""
    found = _HEADING.fullmatch(block)
    if found is None:
        return None
    content = found["content"]
    # A heading's content is read inline only: opening with a digit (`1.1 Title`)
    # it is as plain as with a letter (no list is looked for in a heading).
    if not _is_plain("a" + content if content[:1] in "0123456789" else content):
        return None
    return [content]


def _list(block: str) -> list[str] | None:
    """The items of a tight list, one line each, all `- ` or all numbered, each
    content a plain paragraph's: its text is their texts, a line each (`li`)."""
    item = _BULLET_ITEM if block[:1] == "-" else _NUMBER_ITEM
    items: list[str] = []
    for line in block.split("\n"):
        found = item.fullmatch(line)
        if found is None or not _is_plain(found["content"]):
            return None
        items.append(found["content"])
    return items


# A list item's start, as Python-Markdown's list steps read one (a tab is spaces
# by then); on any line of a block, or a line opening with white space.
_LIST_START = lazy(r"(?:[*+-]|\d+\.)(?:[ \t]|$)", re.MULTILINE)
_LIST_OR_INDENT_AT_A_LINE = lazy(r"^(?:\s|(?:[*+-]|\d+\.)(?:[ \t]|$))", re.MULTILINE)


def _opens_nothing_before(block: str, kind: str) -> bool:
    """A block after a list of `kind` ("-" or "1.") (past the footnote definitions
    Python-Markdown takes out) that it cannot take into the list: no white space
    before it, not a list of the same kind (sane_lists: a list of the other kind
    starts a list of its own, beside a list as beside a paragraph), and no
    definition (taken out, it would leave a later list beside this one); or none."""
    if not block:
        return True
    if block[:1].isspace() or block[:1] == "[":
        return False
    found = _LIST_START.match(block)
    return found is None or (kind == "-") != (found[0][:1] in "*+-")


def _ends_without_list(block: str) -> bool:
    """A block Python-Markdown leaves as it is (not stood in) whose last element
    cannot be a list that a list after it would join: no line of it opens with
    white space or a list marker (a list starts a block only there, also after a
    heading that splits the block), and no definition (taken out, which would
    leave the block before it beside the list)."""
    return bool(block) and block[:1] != "[" and _LIST_OR_INDENT_AT_A_LINE.search(block) is None


def _definition_follows(blocks: list[str], before: int) -> bool:
    """Whether a definition (`: …`) is the next block from `before` that stays in
    Python-Markdown's tree: past the blocks it may take out (a footnote's or a
    link's definition, the indented paragraphs of a note), it takes the paragraph
    before them as its term, a term a line (so a multi-line paragraph is no longer
    one). Anything else ends the look."""
    for block in blocks[before:]:
        block = block.lstrip("\n")
        if not block:
            continue
        if _DEFINITION.match(block):
            return True
        if block[0] not in "[ \t":
            return False
    return False


def stand_in(source: str) -> tuple[str, list[str]]:
    """`source` with its runs of plain paragraphs replaced by placeholders, and the
    text of each run; (`source`, []) when the shortcut is not safe here.

    A run may also hold one-line headings whose content is plain (`_heading`) and
    tight lists of plain items (`_list`). A list only after a block that does not
    end in a list of its kind (a paragraph, a heading, a list of the other kind,
    `_ends_without_list`) and before one that opens nothing
    (`_opens_nothing_before`): Python-Markdown puts a list's items into a list of
    their kind just before it (a blank line apart) and indented blocks after it
    into its last item, and the placeholder is a paragraph, so a list that had
    one beside it would take other items in, or give them."""
    if "```" in source or "~~~" in source or _WORD in source:
        return source, []
    if "<" in source and _OTHER_THAN_INLINE_TAGS.search(source) is not None:
        return source, []
    if _FOOTNOTE_MARKER in source:
        return source, []
    # Without the line breaks that end it (a section cut from a book ends with one),
    # which Python-Markdown reads as blank lines: its last block can be plain too.
    blocks = source.rstrip("\n").split("\n\n")
    out: list[str] = []
    runs: list[str] = []
    # The run: each block as it was written, and what its text is made of (a
    # paragraph: itself; a heading: its content; a list: its items' contents).
    run: list[tuple[str, list[str]]] = []
    # The list the block before ends in: "" none, "-" or "1." a list of that kind
    # (stood in), "?" maybe one (a block left as it is).
    list_before = ""

    def stand(blocks_of_run: list[tuple[str, list[str]]]) -> None:
        """The placeholder for a run, its footnote references after it, in order:
        Python-Markdown numbers them as before (by their definitions, which stay;
        a reference with none stays as written), and their texts come back on the
        placeholder's line, one word each, for `put_back` to put where they stood."""
        text = "\n\n".join("\n".join(_text(p) for p in pieces) for _, pieces in blocks_of_run)
        references = ""
        if "[" in text:
            references = "".join(
                " " + found
                for _, pieces in blocks_of_run
                for piece in pieces
                for found in _REFERENCE.findall(piece)
            )
            text = _REFERENCE.sub(_AT_REFERENCE, text)
        runs.append(text)
        out.append(f"{_WORD}{len(runs) - 1}x{references}")

    def close(before: int) -> None:
        """End the run before block `before`; a definition next takes its last block back."""
        if run and _definition_follows(blocks, before):
            out_tail = run.pop()[0]
            if run:
                stand(run)
            out.append(out_tail)
        elif run:
            stand(run)
        run.clear()

    for index, block in enumerate(blocks):
        pieces: list[str] | None = None
        kind = ""
        if _is_plain(block):
            pieces = [block]
        elif block[:1] == "#":
            pieces = _heading(block)
        elif block[:1] in "-0123456789":
            kind = "-" if block[:1] == "-" else "1."
            # What follows once Python-Markdown took out the footnote definitions
            # of one line (nothing indented after them: that would be theirs).
            following = next(
                (b for b in blocks[index + 1 :] if b and not _ONE_LINE_DEFINITION.fullmatch(b)),
                "",
            )
            if list_before not in (kind, "?") and _opens_nothing_before(following, kind):
                pieces = _list(block)
        if pieces is not None:
            run.append((block, pieces))
            list_before = kind
            continue
        close(index)
        list_before = "" if _ends_without_list(block) else "?"
        out.append(block)
    close(len(blocks))
    return "\n\n".join(out), runs


def _text(block: str) -> str:
    """A plain paragraph's text as `html_to_text` makes it. Where its only
    whitespace of `_SPACES`'s kinds is spaces and line breaks (`_NOT_PLAIN` keeps
    the rest out of a plain paragraph) and no two of them touch, each line break
    becomes a space and nothing else changes: the same string, without the regex
    (stand_in 25 -> 16 ms per MB of the bench books). Only for what `_is_plain`
    took: a paragraph, a heading's content, a list item's content."""
    if "*" in block:  # only emphasis (`_only_emphasis`): its text has no marks
        block = block.replace("*", "")
    elif "_" in block:
        block = block.replace("_", "")
    # No tab, carriage return or form feed (`_NOT_PLAIN`), no "\n\n" (blocks are
    # cut there), no "\n " (every line opens with a letter or a quote): only two
    # spaces, or a space before a line break, make two of them touch.
    if "  " in block or " \n" in block:
        return _SPACES.sub(" ", block).strip()
    return block.replace("\n", " ").strip()


# What `stand_in` leaves of a section that needs no Python-Markdown at all: its
# placeholders (their references after them) and footnote definitions on one line.
_PLACEHOLDER_BLOCK = lazy(f"{_WORD}(\\d+)x((?: \\[\\^[^\\]\\s]+\\])*)")
_ONE_LINE_DEFINITION = lazy(r"\[\^((?:[^\W_]|-)+)\]: (?P<content>[^\n]+)")


def text_of_stand_ins(shortened: str, runs: list[str]) -> str | None:
    """The text of a section `stand_in` left as nothing but its placeholders and
    footnote definitions of one line of plain content each (most chapters of a
    Markdown book made from a word processor or a print conversion: paragraphs,
    headings, lists, notes), made without Python-Markdown; None for anything else.

    What Python-Markdown would make of it, and `html_to_text` of that: each
    placeholder's paragraph (its run's text, `put_back`), then, after a rule, each
    definition in the order defined (`<li><p>` content, a non-breaking space and a
    back-link `html_to_text` drops, and the space with it at the line's end) — all
    a blank line apart. A reference reads the number of its definition in that
    order (footnotes' USE_DEFINITION_ORDER), or stays as written where none is
    defined. A label defined twice, or anything else, goes Python-Markdown's way.
    """
    flow: list[tuple[int, list[str]]] = []
    definitions: dict[str, str] = {}
    # Python-Markdown drops the blank lines at the ends (the loader's sections end
    # with a line break).
    for block in shortened.strip("\n").split("\n\n"):
        found = _PLACEHOLDER_BLOCK.fullmatch(block)
        if found is not None:
            flow.append((int(found[1]), _REFERENCE_LABEL.findall(found[2])))
            continue
        found = _ONE_LINE_DEFINITION.fullmatch(block)
        if found is None or found[1] in definitions or not _is_plain(found["content"]):
            return None
        definitions[found[1]] = found["content"]
    if [number for number, _ in flow] != list(range(len(runs))):
        return None
    numbers = {label: str(n) for n, label in enumerate(definitions, start=1)}

    def filled(text: str, labels: list[str]) -> str | None:
        pieces = text.split(_AT_REFERENCE)
        if len(pieces) != len(labels) + 1:
            return None
        words = [numbers.get(label, f"[^{label}]") for label in labels]
        return "".join(p + w for p, w in zip(pieces, [*words, ""], strict=True))

    parts: list[str] = []
    for number, labels in flow:
        part = filled(runs[number], labels)
        if part is None:
            return None
        parts.append(part)
    for content in definitions.values():
        text = _text(content)
        labels = _REFERENCE_LABEL.findall(content) if "[" in text else []
        part = filled(_REFERENCE.sub(_AT_REFERENCE, text), labels)
        if part is None:
            return None
        parts.append(part)
    return "\n\n".join(parts) + "\n" if parts else None


def put_back(text: str, runs: list[str]) -> str | None:
    """`text` with each placeholder's line replaced by its run's text; None unless
    every placeholder stands once, alone on its line, in order."""
    if not runs:
        return text
    found = _PLACEHOLDER_LINE.findall(text)
    if [number for number, _ in found] != [str(n) for n in range(len(runs))]:
        return None
    if text.count(_WORD) != len(runs):
        return None
    filled: list[str] = []
    for (_, references), run in zip(found, runs, strict=True):
        texts = references.split(" ")[1:]
        pieces = run.split(_AT_REFERENCE)
        if len(pieces) != len(texts) + 1:
            return None  # a reference's text was not one word
        filled.append("".join(p + t for p, t in zip(pieces, [*texts, ""], strict=True)))
    return _PLACEHOLDER_LINE.sub(lambda m: filled[int(m[1])], text)


def converted_text(md: Markdown, markup: str) -> str | None:
    """The text of `markup`, just made by `md.convert` (and its page marks made
    anchors), without the sanitiser; None when that is not provably the same."""
    if md.htmlStash.html_counter:
        return None  # raw HTML or entities put back as they were written
    if not {match[1] for match in _TAG.finditer(markup)} <= ALLOWED_ELEMENTS:
        return None
    return simple_text_of(markup)
