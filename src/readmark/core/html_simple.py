"""Feeding HTML of the simplest shape to an `html.parser.HTMLParser` without its tokenizer.

The HTML Readmark makes from Markdown, and the sanitiser's output, is almost all
of one shape: text without `<`, start tags written `<name attr="value" …>` or
`<name … />` with lower-case names and double-quoted values holding no `"`, `<`
or `>`, and end tags `</name>`. `html.parser` spends most of its time finding
those tokens with Python-level scanning; `feed_simple` finds them with one regex
and calls the parser's own handlers with exactly the arguments `html.parser`
(Python 3.11, `convert_charrefs=True`) would pass: each run of text between two
tags unescaped whole, names as written (they are lower case already), values
unescaped. Whatever is not of that shape (a comment, a bare `<`, single quotes,
an unquoted value, `script`/`style` whose content `html.parser` reads raw, …)
makes it give up at once, before the caller's result is used: the caller then
feeds the markup to a fresh parser the ordinary way. Tests compare the two ways
on every book at hand and on generated HTML (tests/core/test_html_simple.py).
"""

from __future__ import annotations

from html import unescape
from html.parser import HTMLParser

from readmark.core.lazy_re import lazy

_TOKEN = lazy(
    r"([^<]+)"  # text
    r'|<([a-z][a-z0-9]*)((?: [a-z][a-z0-9-]*="[^"<>]*")*)( /)?>'  # start tag
    r"|</([a-z][a-z0-9]*)>"  # end tag
)
_ATTRIBUTE = lazy(r' ([a-z][a-z0-9-]*)="([^"<>]*)"')
# Elements whose content html.parser reads as raw text (HTMLParser.CDATA_CONTENT_ELEMENTS).
_RAW_TEXT = frozenset(HTMLParser.CDATA_CONTENT_ELEMENTS)


def feed_simple(parser: HTMLParser, markup: str) -> bool:
    """Feed all of `markup` to `parser`'s handlers and return True, or return
    False as soon as something is not of the simple shape (the parser has then
    seen part of it and must be thrown away)."""
    data, start, empty, end = (
        parser.handle_data,
        parser.handle_starttag,
        parser.handle_startendtag,
        parser.handle_endtag,
    )
    position = 0
    for token in _TOKEN.finditer(markup):
        if token.start() != position:
            return False  # something no token matches stands there
        position = token.end()
        kind = token.lastindex
        if kind == 1:
            text = token.group(1)
            data(unescape(text) if "&" in text else text)
        elif kind == 5:
            end(token.group(5))
        else:
            tag = token.group(2)
            if tag in _RAW_TEXT:
                return False
            attrs: list[tuple[str, str | None]] = [
                (name, unescape(value) if "&" in value else value)
                for name, value in _ATTRIBUTE.findall(token.group(3))
            ]
            if token.group(4):
                empty(tag, attrs)
            else:
                start(tag, attrs)
    return position == len(markup)


def is_simple_html(markup: str) -> bool:
    """Is all of `markup` of the shape `feed_simple` takes?"""
    position = 0
    end = len(markup)
    match = _TOKEN.compiled().match  # the compiled pattern's own, for the loop
    while position < end:
        token = match(markup, position)
        if token is None or token.group(2) in _RAW_TEXT:
            return False
        position = token.end()
    return True
