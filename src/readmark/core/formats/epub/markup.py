"""Reading the XML and XHTML inside an EPUB, tolerantly.

`parse_markup` gives an `xml.etree.ElementTree` tree whatever it is fed:

- bytes are decoded by BOM, the XML declaration's `encoding`, a `<meta charset>`,
  else UTF-8 (with replacement characters, never an error);
- the DOCTYPE is removed before parsing, so no internal subset can declare
  entities (no "billion laughs"), and HTML named entities such as `&nbsp;`,
  which XHTML files use without declaring them, become character references;
  a bare `&` becomes `&amp;`;
- what expat still rejects (XHTML that is really HTML: unclosed `<p>`, `<br>`,
  unquoted attributes) is read again by an `html.parser`-based builder.

Tags and attribute names come out as lower-case local names without namespace
(`navPoint` -> `navpoint`, `{…/opf}scheme` -> `scheme`), except the attributes
that mean something with their prefix: `epub:type`, `xml:lang`, `xlink:href`.
"""

from __future__ import annotations

import codecs
import re
from html.entities import html5
from html.parser import HTMLParser
from xml.etree import ElementTree

from readmark.core.html_defuse import defuse_markup

_XML_DECL = re.compile(r"^\s*<\?xml[^>]*\?>", re.I)
_ENCODING_DECL = re.compile(rb"^\s*<\?xml[^>]*encoding\s*=\s*[\"']([A-Za-z0-9._-]+)", re.I)
_META_CHARSET = re.compile(rb"<meta[^>]+charset\s*=\s*[\"']?([A-Za-z0-9._-]+)", re.I)
_DOCTYPE = re.compile(r"<!DOCTYPE", re.I)
_SUBSET_END = re.compile(r"\]\s*>")
_ENTITY = re.compile(r"&(?:([A-Za-z][A-Za-z0-9]*);|(?!#[0-9]+;|#[xX][0-9A-Fa-f]+;))")
_XML_ENTITIES = frozenset(("amp", "lt", "gt", "quot", "apos"))
_PREFIXED = {
    "{http://www.idpf.org/2007/ops}type": "epub:type",
    "{http://www.w3.org/XML/1998/namespace}lang": "xml:lang",
    "{http://www.w3.org/1999/xlink}href": "xlink:href",
}
_VOID = frozenset("area base br col embed hr img input link meta param source track wbr".split())
_CLOSES_P = frozenset(
    "address article aside blockquote div dl fieldset figure footer form h1 h2 h3 h4 h5 h6 "
    "header hr main nav ol p pre section table ul".split()
)


def decode_markup(raw: bytes) -> str:
    for bom, encoding in ((codecs.BOM_UTF8, "utf-8-sig"), (codecs.BOM_UTF16_LE, "utf-16"),
                          (codecs.BOM_UTF16_BE, "utf-16")):  # fmt: skip
        if raw.startswith(bom):
            return raw.decode(encoding, errors="replace")
    declared = _ENCODING_DECL.match(raw) or _META_CHARSET.search(raw[:2048])
    if declared:
        try:
            return raw.decode(declared.group(1).decode("ascii"), errors="replace")
        except LookupError:
            pass
    return raw.decode("utf-8", errors="replace")


def _entity(match: re.Match[str]) -> str:
    name = match.group(1)
    if name is None:
        return "&amp;"  # a bare ampersand
    if name in _XML_ENTITIES:
        return match.group(0)
    chars = html5.get(name + ";")
    if chars is None:
        return "&amp;" + name + ";"
    return "".join(f"&#{ord(c)};" for c in chars)


def prepare_xml(text: str) -> str:
    text = _XML_DECL.sub("", text.lstrip("\ufeff"), count=1)
    return _ENTITY.sub(_entity, strip_doctype(text))


def strip_doctype(text: str) -> str:
    """`text` without its DOCTYPE (and internal subset), in one linear pass."""
    found = _DOCTYPE.search(text, 0, 64 * 1024)
    if found is None:
        return text
    start = found.start()
    close, bracket = text.find(">", start), text.find("[", start)
    if 0 <= bracket < close:
        end = _SUBSET_END.search(text, bracket)
        close = end.end() - 1 if end else -1
    return text[:start] + text[close + 1 :] if close >= 0 else text[:start]


def parse_markup(raw: bytes | str) -> ElementTree.Element:
    text = decode_markup(raw) if isinstance(raw, bytes) else raw
    try:
        root = ElementTree.fromstring(prepare_xml(text))
    except (ElementTree.ParseError, ValueError):
        root = parse_html(text)
    _localise(root)
    return root


def _local(name: str) -> str:
    if name in _PREFIXED:
        return _PREFIXED[name]
    if name.startswith("{"):
        name = name.rsplit("}", 1)[1]
    elif ":" in name and not name.startswith(("epub:", "xml:", "xlink:")):
        name = name.rsplit(":", 1)[1]
    return name.lower()


def _localise(root: ElementTree.Element) -> None:
    for element in root.iter():
        if not isinstance(element.tag, str):
            continue
        element.tag = _local(element.tag)
        if element.attrib:
            element.attrib = {_local(k): v for k, v in element.attrib.items()}


def parse_html(text: str) -> ElementTree.Element:
    builder = _HtmlTreeBuilder()
    builder.feed(defuse_markup(strip_doctype(text)))  # never raise (`<![A>`), never quadratic
    builder.close()
    return builder.root


class _HtmlTreeBuilder(HTMLParser):
    """An ElementTree from HTML as browsers forgive it: void elements, unclosed
    paragraphs, stray end tags."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.root = ElementTree.Element("html")
        self._stack = [self.root]
        self._open: dict[str, int] = {}  # tag -> how many are open (no stack scans)
        self._last: ElementTree.Element | None = None  # whose tail text goes to

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "html":
            self.root.attrib.update({k: v or "" for k, v in attrs})
            return
        if tag in _CLOSES_P and self._stack[-1].tag == "p":
            self._pop()
        element = ElementTree.SubElement(self._stack[-1], tag, {k: v or "" for k, v in attrs})
        self._last = None
        if tag in _VOID:
            self._last = element
        else:
            self._stack.append(element)
            self._open[tag] = self._open.get(tag, 0) + 1

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.handle_starttag(tag, attrs)
        if tag not in _VOID and tag != "html" and self._stack[-1].tag == tag:
            self._pop()

    def handle_endtag(self, tag: str) -> None:
        if not self._open.get(tag):
            return
        while self._stack[-1].tag != tag:
            self._pop()
        self._pop()

    def _pop(self) -> None:
        self._last = self._stack.pop()
        self._open[self._last.tag] -= 1

    def handle_data(self, data: str) -> None:
        if self._last is not None:
            self._last.tail = (self._last.tail or "") + data
        else:
            parent = self._stack[-1]
            parent.text = (parent.text or "") + data
