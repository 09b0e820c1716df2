"""Making markup safe to give to `html.parser`: linear time, no exceptions.

`html.parser` (CPython 3.11) has two weaknesses a hostile file can reach:

- A construct that opens with `<` but is never terminated (`</`, `<a b`, `<?`,
  `<!--` without `-->` …) makes the parser search to the end of the input for
  its terminator, fail, and move on by one construct: repeated, that is
  quadratic (2 MB of `</` takes minutes).
- `<![` that does not start a CDATA section reaches `_markupbase`, which raises
  `AssertionError` on anything it does not expect.

`defuse_markup` rewrites just those spots, in one pass, so that the parser's
output is otherwise unchanged:

- every `<` after the last `>` becomes `&lt;` (no construct can end there; the
  parser would have shown these as text anyway);
- every `<!--` with no `--\\s*>` after it becomes `&lt;!--` (likewise);
- a terminated `<![CDATA[…]]>` becomes its escaped text (XHTML's meaning); any
  other `<![` becomes `&lt;![`.
"""

from __future__ import annotations

import html

from readmark.core.lazy_re import lazy

_COMMENT_CLOSE = lazy(r"--\s*>")
_MARKED = "<!["
_CDATA_OPEN = "<![CDATA["
_CDATA_CLOSE = "]]>"


def defuse_markup(markup: str) -> str:
    """`markup` rewritten so that `html.parser` reads it in linear time without raising."""
    if _MARKED in markup:
        markup = _defuse_marked_sections(markup)
    last_gt = markup.rfind(">")
    if markup.find("<", last_gt + 1) >= 0:
        markup = markup[: last_gt + 1] + markup[last_gt + 1 :].replace("<", "&lt;")
    open_comment = markup.rfind("<!--")
    if open_comment >= 0 and not _COMMENT_CLOSE.search(markup, open_comment + 4):
        # Some openers have no close after them: those after the last close.
        last_close = 0
        for match in _COMMENT_CLOSE.finditer(markup):
            last_close = match.end()
        markup = markup[:last_close] + markup[last_close:].replace("<!--", "&lt;!--")
    return markup


def _defuse_marked_sections(markup: str) -> str:
    pieces: list[str] = []
    pos = 0
    last_close = markup.rfind(_CDATA_CLOSE)
    while True:
        start = markup.find(_MARKED, pos)
        if start < 0:
            break
        pieces.append(markup[pos:start])
        if markup.startswith(_CDATA_OPEN, start) and start < last_close:
            end = markup.find(_CDATA_CLOSE, start + len(_CDATA_OPEN))
            if end >= 0:
                pieces.append(html.escape(markup[start + len(_CDATA_OPEN) : end], quote=False))
                pos = end + len(_CDATA_CLOSE)
                continue
        pieces.append("&lt;![")
        pos = start + len(_MARKED)
    pieces.append(markup[pos:])
    return "".join(pieces)
