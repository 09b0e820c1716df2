"""Reshaping one parsed XHTML file into HTML for Qt's rich-text engine.

Runs on the ElementTree from `markup.parse_markup`, before the sanitiser:

- every id becomes its book-wide anchor (`anchors.BookMap`) and gets an empty
  `<a name>` at the start of its element (Qt links to names, not ids); headings
  without an id get one;
- links: to another spine file become `#anchor` (its top anchor when there is
  no fragment), so `Book.section_of_anchor` finds them; noterefs thus point at
  `fn-…` names; links to files that are not sections lose their `href`;
  remote links stay (the view hands them to the browser on request);
- images: `src` resolved to an archive path `/DIR/NAME` (percent-encoded) for
  `Book.resource`; an SVG wrapper around an `<image>` (common on cover pages)
  becomes that `<img>`;
- ruby becomes inline text, base then reading: 漢字(かんじ) — Qt has no ruby;
- publisher styles become tags (`styles`), then `style` and `class` go, and so
  do `<font>` colours, faces and sizes;
- HTML5 sectioning elements become `<div>` (Qt knows no `<section>`);
- vertical presentation forms (︒ ︵ …) become their horizontal characters.
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass
from urllib.parse import quote
from xml.etree import ElementTree

from readmark.core.formats.epub.anchors import HEADING_ID, BookMap
from readmark.core.formats.epub.package import resolve_href
from readmark.core.formats.epub.styles import StyleSheet

HEADINGS = frozenset(("h1", "h2", "h3", "h4", "h5", "h6"))
VOID = frozenset("area base br col embed hr img input link meta param source track wbr".split())
BLOCKS = frozenset(
    "p div h1 h2 h3 h4 h5 h6 li dd dt td th blockquote center section article aside "
    "header footer figure figcaption caption address".split()
)
# HTML5 blocks Qt's rich text does not know (it would lay them out inline).
_AS_DIV = frozenset("section article aside header footer nav main figure figcaption hgroup".split())
ASIDE_SEPARATOR = "\u2003"  # an em space sets floated inline text apart from the line
_ITALIC_TAGS = frozenset("i em cite var dfn".split())
_BOLD_TAGS = frozenset("b strong th".split()) | HEADINGS
_DROPPED_ATTRIBUTES = ("style", "class", "color", "face", "size", "bgcolor")
# U+FE10–FE19 and U+FE30–FE4F: punctuation shaped for vertical text, mapped to
# the full-width forms horizontal CJK text uses (NFKC alone gives ASCII).


def _horizontal_form(char: str) -> str:
    form = unicodedata.normalize("NFKC", char)
    if form in ("...", ".."):
        return "\u2026" if form == "..." else "\u2025"
    if form.startswith(" "):  # overlines: no horizontal counterpart
        return char
    if len(form) == 1 and "!" <= form <= "~":
        return chr(ord(form) + 0xFEE0)
    return form


_VERTICAL_FORMS = {
    c: _horizontal_form(chr(c))
    for c in [*range(0xFE10, 0xFE1A), *range(0xFE30, 0xFE50)]
    if unicodedata.normalize("NFKC", chr(c)) != chr(c)
}


@dataclass(frozen=True)
class FileContext:
    section: int
    member: str  # the file's member name
    book: BookMap
    styles: StyleSheet
    justify: bool  # CJK: paragraphs justified, as in print


def image_url(member: str) -> str:
    """The URL under which `Book.resource` finds archive member `member`."""
    return "/" + quote(member)


def body_of(root: ElementTree.Element) -> ElementTree.Element:
    return next(root.iter("body"), root)


def transform(root: ElementTree.Element, context: FileContext) -> ElementTree.Element:
    """Rewrite the tree in place; returns the element to show (the body)."""
    body = body_of(root)
    parents = {child: parent for parent in body.iter() for child in parent}
    headings = 0
    for element in list(root.iter()):
        tag = element.tag
        if not isinstance(tag, str):
            continue
        if tag in HEADINGS:
            headings += 1
            if not element.get("id"):
                element.set("id", HEADING_ID.format(headings))
        if element is not body and element not in parents:
            continue  # in <head>, or detached by an earlier step
        if "xml:lang" in element.attrib:
            element.attrib.setdefault("lang", element.attrib["xml:lang"])
        if tag in _AS_DIV:
            element.tag = tag = "div"
        if tag == "svg":
            _svg_to_img(element, context)
        elif tag == "ruby":
            _flatten_ruby(element)
        elif tag == "a":
            _rewrite_link(element, context)
        elif tag == "img":
            _rewrite_image(element, context)
        for node in [element, *_apply_style(element, context)]:
            parents.update({child: node for child in node})
        _anchor(element, context, parents.get(element))
        _horizontal_text(element)
    return body


def _anchor(
    element: ElementTree.Element, context: FileContext, parent: ElementTree.Element | None
) -> None:
    element_id = element.get("id") or (element.get("name") if element.tag == "a" else "")
    if not element_id:
        return
    name = context.book.anchor(context.section, element_id)
    element.set("id", name)
    if element.tag == "a":
        element.set("name", name)
        return
    anchor = ElementTree.Element("a", {"name": name})
    if element.tag in VOID:
        if parent is not None:
            anchor.tail = None
            parent.insert(list(parent).index(element), anchor)
        return
    anchor.tail = element.text
    element.text = None
    element.insert(0, anchor)


def _rewrite_link(element: ElementTree.Element, context: FileContext) -> None:
    href = element.get("href")
    if href is None:
        return
    target = resolve_href(context.member, href)
    if target is None:
        if not href.strip().lower().startswith(("http:", "https:", "mailto:", "ftp:")):
            del element.attrib["href"]
        return
    member, fragment = target
    section = context.book.section_of(member)
    if section is None:
        del element.attrib["href"]
        return
    book = context.book
    element.set("href", "#" + (book.anchor(section, fragment) if fragment else book.top(section)))


def _rewrite_image(element: ElementTree.Element, context: FileContext) -> None:
    src = element.get("src") or element.get("xlink:href") or element.get("href") or ""
    target = resolve_href(context.member, src) if src else None
    if target is not None:
        element.set("src", image_url(target[0]))
    elif not src.strip().lower().startswith(("http:", "https:", "//", "data:")):
        element.attrib.pop("src", None)


def _svg_to_img(svg: ElementTree.Element, context: FileContext) -> None:
    image = next((e for e in svg.iter() if e.tag in ("image", "img")), None)
    if image is None:
        return  # drawn SVG: the sanitiser drops it
    src = image.get("xlink:href") or image.get("href") or image.get("src") or ""
    tail = svg.tail
    svg.clear()
    svg.tag = "img"
    svg.attrib = {"src": src, "alt": ""}
    svg.tail = tail
    _rewrite_image(svg, context)


def _flatten_ruby(ruby: ElementTree.Element) -> None:
    """<ruby>漢字<rp>(</rp><rt>かんじ</rt><rp>)</rp></ruby> -> 漢字(かんじ)."""
    brackets = [("".join(rp.itertext()).strip() or "") for rp in ruby if rp.tag == "rp"]
    opening = brackets[0] if len(brackets) >= 2 else "("
    closing = brackets[1] if len(brackets) >= 2 else ")"
    pieces = [ruby.text or ""]
    for child in ruby:
        text = "".join(child.itertext())
        if child.tag in ("rt", "rtc"):
            if text.strip():
                pieces.append(f"{opening}{text.strip()}{closing}")
        elif child.tag != "rp":
            pieces.append(text)
        pieces.append(child.tail or "")
    tail = ruby.tail
    ruby.clear()
    ruby.tag = "span"
    ruby.text = "".join(pieces)
    ruby.tail = tail


def _apply_style(element: ElementTree.Element, context: FileContext) -> list[ElementTree.Element]:
    """Publisher styles as tags and attributes; returns the <b>/<i> wrappers it
    moved the element's children into."""
    tag = element.tag
    classes = element.get("class", "").split()
    style = (
        context.styles.style_of(tag, classes, element.get("style", ""))
        if (context.styles or element.get("style"))
        else None
    )
    for attribute in _DROPPED_ATTRIBUTES:
        element.attrib.pop(attribute, None)
    if context.justify and tag == "p" and "align" not in element.attrib:
        element.set("align", "justify")
    if style is None or tag in VOID:
        return []
    if style.align and tag in BLOCKS and (style.align != "justify" or context.justify):
        element.set("align", style.align)
    classes = ["small-caps"] if style.small_caps else []
    if style.floats and tag not in BLOCKS and (element.text or len(element)):
        classes.append("aside")
        element.text = ASIDE_SEPARATOR + (element.text or "")
    if classes:
        element.set("class", " ".join(classes))
    wrappers = []
    if style.bold and tag not in _BOLD_TAGS:
        wrappers.append(_wrap_content(element, "b"))
    if style.italic and tag not in _ITALIC_TAGS:
        wrappers.append(_wrap_content(element, "i"))
    return wrappers


def _wrap_content(element: ElementTree.Element, tag: str) -> ElementTree.Element:
    wrapper = ElementTree.Element(tag)
    wrapper.text = element.text
    wrapper.extend(list(element))
    element.text = None
    element[:] = [wrapper]
    return wrapper


def _horizontal_text(element: ElementTree.Element) -> None:
    if element.text:
        element.text = element.text.translate(_VERTICAL_FORMS)
    if element.tail:
        element.tail = element.tail.translate(_VERTICAL_FORMS)
