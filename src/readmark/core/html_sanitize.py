"""An allowlist HTML sanitiser for book content (Markdown may carry raw HTML).

Contract with the views:

- Elements in `DROP_WITH_CONTENT` (script, style, iframe, object, embed, form
  and form controls, …) disappear together with everything inside them.
  Other unknown elements lose their tags but keep their text.
- Only attributes in `ALLOWED_ATTRIBUTES` survive; every `on…` handler and
  every `style` goes.
- `href` and `src` values with a scheme other than http, https, ftp and mailto
  (`javascript:`, `vbscript:`, `file:` …) are removed; `src` may also be a
  `data:image/…` URL of a raster image, or a relative path.
- An `<img>` whose `src` is remote (http:, https:, ftp: or protocol-relative
  `//`) keeps its `src` and gets the class `remote` (added to any classes it
  had). Readmark is offline: a view must not fetch such an image but show a
  placeholder (or nothing) for `img.remote`.
- Comments, doctype and processing instructions are dropped; text is
  re-escaped; end tags are balanced.
"""

from __future__ import annotations

import html
import re
from html.parser import HTMLParser

from readmark.core.html_defuse import defuse_markup
from readmark.core.html_simple import feed_simple
from readmark.core.lazy_re import lazy

DROP_WITH_CONTENT = frozenset(
    (
        "script style iframe frame frameset object embed applet form input button "
        "textarea select option noscript template svg math canvas audio video head title "
        "link meta base param"
    ).split()
)
ALLOWED_ELEMENTS = frozenset(
    (
        "a abbr b big blockquote br caption center cite code col colgroup dd del dfn div "
        "dl dt em figcaption figure font h1 h2 h3 h4 h5 h6 hr i img ins kbd li mark ol p "
        "pre q rp rt ruby s samp small span strike strong sub sup table tbody td tfoot "
        "th thead tr tt u ul var section article aside header footer nav main address "
        "wbr"
    ).split()
)
VOID_ELEMENTS = frozenset(
    "br hr img col wbr input embed param link meta base source track area".split()
)
ALLOWED_ATTRIBUTES = frozenset(
    (
        "id name class href src alt title align valign colspan rowspan width height lang "
        "dir start type reversed value color size face cite datetime abbr scope border "
        "cellpadding cellspacing"
    ).split()
)
_URL_ATTRIBUTES = frozenset({"href", "src", "cite"})
_SAFE_SCHEMES = frozenset({"http", "https", "ftp", "mailto"})
_SCHEME = lazy(r"^([a-zA-Z][a-zA-Z0-9+.\-]*):")
_DATA_IMAGE = lazy(r"^data:image/(?:png|jpe?g|gif|webp|bmp);", re.I)
_REMOTE = lazy(r"^(?:https?:|ftp:|//)", re.I)
_INVISIBLE = lazy(r"[\x00-\x20\x7f]+")


def sanitize_html(markup: str, *, simple: bool = True) -> str:
    """`markup` with everything outside the allowlist removed.

    `simple`: markup of the simplest shape skips `html.parser`'s tokenizer for the
    same handlers (`readmark.core.html_simple`); False parses it all the ordinary way.
    """
    parser = _Sanitizer()
    if not (simple and feed_simple(parser, markup)):
        parser = _Sanitizer()
        parser.feed(defuse_markup(markup))  # raw HTML from a book: never raise, never quadratic
    parser.close()
    return parser.result()


def is_remote_url(url: str) -> bool:
    return bool(_REMOTE.match(_INVISIBLE.sub("", url)))


def safe_url(url: str, attribute: str, tag: str) -> str | None:
    """`url` if it may stay, else None."""
    compact = _INVISIBLE.sub("", html.unescape(url))
    scheme = _SCHEME.match(compact)
    if scheme is None:
        return url  # relative path, fragment or protocol-relative
    name = scheme.group(1).lower()
    if name in _SAFE_SCHEMES:
        return url
    if name == "data" and tag == "img" and attribute == "src" and _DATA_IMAGE.match(compact):
        return url
    return None


def _allowed_attributes(tag: str, attrs: list[tuple[str, str | None]]) -> str:
    """The attributes of a start tag that may stay, written out (` name="value"`…)."""
    kept: list[tuple[str, str]] = []
    classes = ""
    for name, value in attrs:
        name = name.lower()
        if name not in ALLOWED_ATTRIBUTES or name.startswith("on"):
            continue
        value = value if value is not None else ""
        if name in _URL_ATTRIBUTES:
            checked = safe_url(value, name, tag)
            if checked is None:
                continue
            value = checked
        if name == "class":
            classes = value
            continue
        kept.append((name, value))
    if tag == "img" and any(n == "src" and is_remote_url(v) for n, v in kept):
        classes = f"{classes} remote".strip()
    if classes:
        kept.append(("class", classes))
    return "".join(f' {n}="{html.escape(v, quote=True)}"' for n, v in kept)


class _Sanitizer(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self._out: list[str] = []
        self._open: list[str] = []
        self._dropping: list[str] = []  # stack of dropped elements we are inside
        self._checked: dict[tuple[object, ...], str] = {}  # (tag, *attrs) -> what is kept

    def result(self) -> str:
        while self._open:
            self._out.append(f"</{self._open.pop()}>")
        return "".join(self._out)

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self._start(tag, attrs, self_closing=False)

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self._start(tag, attrs, self_closing=True)

    def _start(self, tag: str, attrs: list[tuple[str, str | None]], self_closing: bool) -> None:
        if self._dropping:
            if tag == self._dropping[-1] and not self_closing and tag not in VOID_ELEMENTS:
                self._dropping.append(tag)
            return
        if tag in DROP_WITH_CONTENT:
            if not self_closing and tag not in VOID_ELEMENTS:
                self._dropping.append(tag)
            return
        if tag not in ALLOWED_ELEMENTS:
            return
        # A book repeats a few attribute sets thousands of times (`<p align="justify">`):
        # each is checked once per document.
        key = (tag, *attrs)
        text = self._checked.get(key)
        if text is None:
            text = _allowed_attributes(tag, attrs)
            self._checked[key] = text
        if tag in VOID_ELEMENTS:
            self._out.append(f"<{tag}{text} />")
        else:
            self._out.append(f"<{tag}{text}>")
            if self_closing:
                self._out.append(f"</{tag}>")
            else:
                self._open.append(tag)

    def handle_endtag(self, tag: str) -> None:
        if self._dropping:
            if tag == self._dropping[-1]:
                self._dropping.pop()
            return
        if tag not in self._open:
            return
        while self._open:
            current = self._open.pop()
            self._out.append(f"</{current}>")
            if current == tag:
                break

    def handle_data(self, data: str) -> None:
        if not self._dropping:
            self._out.append(html.escape(data, quote=False))
