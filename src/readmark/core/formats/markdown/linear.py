"""Python-Markdown's stages that are quadratic on hostile input, made linear.

`make_linear(md)` installs both:

- `LinearHtmlBlocks` replaces the raw-HTML block stage (unterminated tags);
- `BracketGuard` stands before inline processing: link, image and reference
  patterns look for the `]` and `)` that close a `[` and `(`, and when there is
  none they search to the end of the paragraph, once for every unclosed one
  (200,000 `[` in one paragraph would take hours).

Both hide characters behind private-use stand-ins that the later stages pass
on as text, and put them back, so what a reader sees is what Python-Markdown
alone would show — except that in a paragraph whose unclosed brackets would
cost more than `BRACKET_SCAN_LIMIT` characters of searching, those brackets
can no longer open a link (a real paragraph is nowhere near it).
"""

from __future__ import annotations

import itertools
import re
from xml.etree import ElementTree

import markdown
from markdown.postprocessors import Postprocessor
from markdown.preprocessors import Preprocessor
from markdown.treeprocessors import Treeprocessor
from markdown.util import AtomicString

from readmark.core.lazy_re import lazy


def make_linear(md: markdown.Markdown) -> None:
    stage = md.preprocessors["html_block"]
    md.preprocessors.register(LinearHtmlBlocks(md, stage), "html_block", _HTML_BLOCK_PRIORITY)
    guard = BracketGuard(md)
    # After the footnotes are gathered (50), before inline patterns (20).
    md.treeprocessors.register(guard, "readmark_bracket_guard", 25)
    # Last of all, after the stash of raw HTML is put back (30) and `&` fixed (20).
    md.postprocessors.register(RestoreBrackets(md, guard), "readmark_bracket_restore", 1)


# Python-Markdown's own: after fenced code is stashed (25), so the parser never
# sees what is inside fences.
_HTML_BLOCK_PRIORITY = 20
# Candidates for the stand-in of `<`: private-use characters, then lone
# surrogates, which the text decoders readmark uses do not produce.
_STAND_INS = (range(0xE000, 0xF900), range(0xD800, 0xE000))


class LinearHtmlBlocks(Preprocessor):
    """Python-Markdown's raw-HTML block stage (`stage`), in linear time.

    Its parser (`markdown.htmlparser`, on `html.parser`) reads `<` and a letter
    as a start tag and searches for the tag's end; attribute names may start
    with `<`, so from `<a <a <a …` with no `>` after it the search runs to the
    end of the text, fails, and the parser moves on by one character, only to
    search again from the next `<a`: quadratic (200,000 `<a ` take over 50 minutes).

    Every construct that parser recognises ends with `>`, so a `<` after the
    last `>` is text to it whatever follows. Such `<` are hidden behind a
    stand-in character the parser passes on as text, and put back in what it
    returns: later stages see the text they always saw, so a `<` in a code
    span or code block still shows as written. A raw-HTML block left open to
    the end of the section goes to the output verbatim: there they come back
    as `&lt;`, since a bare `<a` would make the sanitiser's `html.parser`
    quadratic in turn, or take it for a tag ending at a `>` Markdown appends
    (the footnotes' `<div>`) and hide the text up to it.
    """

    def __init__(self, md: markdown.Markdown, stage: Preprocessor) -> None:
        super().__init__(md)
        self.stage = stage

    def run(self, lines: list[str]) -> list[str]:
        text = "\n".join(lines)
        if "<" not in text and "&" not in text:
            # Nothing for the stage's HTML parser to stop at: it would give the text
            # back as it is, at the cost of a parser per section.
            return lines
        tail = text.rfind(">") + 1
        if text.find("<", tail) < 0:
            return self.stage.run(lines)
        stand_in = _stand_in(text)
        if stand_in is None:  # the text holds all 8,448 candidates: no book does
            return self.stage.run(lines)
        stash = self.md.htmlStash.rawHtmlBlocks
        stashed = len(stash)
        hidden = text[:tail] + text[tail:].replace("<", stand_in)
        result = "\n".join(self.stage.run(hidden.split("\n")))
        for k in range(stashed, len(stash)):
            block = stash[k]
            if isinstance(block, str) and stand_in in block:
                stash[k] = block.replace(stand_in, "&lt;")
        return result.replace(stand_in, "<").split("\n")


def _stand_in(text: str) -> str | None:
    """A character that does not occur in `text`, preferably a private-use one."""
    if "\ue000" not in text:
        return "\ue000"
    used = set(text)
    codes = itertools.chain.from_iterable(_STAND_INS)
    return next((chr(c) for c in codes if chr(c) not in used), None)


# Characters searched past an unclosed bracket, summed over a paragraph, above
# which its unclosed brackets are hidden: ~0.1 s of Python-Markdown's scanning.
BRACKET_SCAN_LIMIT = 2_000_000
_BRACKETS = {"[": "[]", "(": "()"}
# What inline processing has replaced by the time links are looked for: escaped
# characters and code spans (a backtick run closed by one of the same length).
_TOKENS = lazy(r"\\.|`+|[\[\]()]", re.DOTALL)


class BracketGuard(Treeprocessor):
    """Hides the unclosed `[` and `(` of paragraphs where searching past each of
    them to the paragraph's end would be quadratic; `RestoreBrackets` puts them
    back in the finished HTML."""

    def __init__(self, md: markdown.Markdown) -> None:
        super().__init__(md)
        self.stand_ins: dict[str, str] = {}  # stand-in -> bracket, for this document

    def run(self, root: ElementTree.Element) -> None:
        self.stand_ins = {}
        for element in root.iter():
            for attribute in ("text", "tail"):
                text = getattr(element, attribute)
                if text and not isinstance(text, AtomicString) and ("[" in text or "(" in text):
                    hidden = self._guard(text, root)
                    if hidden is not text:
                        setattr(element, attribute, hidden)

    def _guard(self, text: str, root: ElementTree.Element) -> str:
        tokens = _bracket_tokens(text)
        for bracket, pair in _BRACKETS.items():
            unclosed = _unclosed(tokens, pair)
            if sum(len(text) - i for i in unclosed) <= BRACKET_SCAN_LIMIT:
                continue
            stand_in = self._stand_in(bracket, root)
            if stand_in is None:
                continue
            chars = list(text)
            for i in unclosed:
                chars[i] = stand_in
            text = "".join(chars)
        return text

    def _stand_in(self, bracket: str, root: ElementTree.Element) -> str | None:
        for stand_in, original in self.stand_ins.items():
            if original == bracket:
                return stand_in
        used = "".join(itertools.chain(root.itertext(), self.stand_ins))
        fresh = _stand_in(used)
        if fresh is not None:
            self.stand_ins[fresh] = bracket
        return fresh


class RestoreBrackets(Postprocessor):
    def __init__(self, md: markdown.Markdown, guard: BracketGuard) -> None:
        super().__init__(md)
        self.guard = guard

    def run(self, text: str) -> str:
        for stand_in, bracket in self.guard.stand_ins.items():
            text = text.replace(stand_in, bracket)
        return text


def _bracket_tokens(text: str) -> list[tuple[int, str]]:
    """(offset, bracket) of the brackets the link patterns will see: not escaped,
    not in a code span. Linear: each backtick run looks up the next run of its
    length in an index of runs by length."""
    matches = list(_TOKENS.finditer(text))
    runs: dict[int, list[int]] = {}
    for n, m in enumerate(matches):
        if m.group()[0] == "`":
            runs.setdefault(len(m.group()), []).append(n)
    next_run = {length: 0 for length in runs}
    tokens: list[tuple[int, str]] = []
    n = 0
    while n < len(matches):
        m = matches[n]
        token = m.group()
        if token[0] == "`":
            same = runs[len(token)]
            k = next_run[len(token)]
            while k < len(same) and same[k] <= n:
                k += 1
            next_run[len(token)] = k
            if k < len(same):
                n = same[k]  # the code span ends there
        elif token[0] != "\\":
            tokens.append((m.start(), token))
        n += 1
    return tokens


def _unclosed(tokens: list[tuple[int, str]], pair: str) -> list[int]:
    """Offsets of the opening brackets of `pair` no later closing one balances."""
    opening, closing = pair[0], pair[1]
    open_at: list[int] = []
    for offset, token in tokens:
        if token == opening:
            open_at.append(offset)
        elif token == closing and open_at:
            open_at.pop()
    return open_at
