"""Python-Markdown extension shaping HTML for Qt's rich-text engine.

Qt's QTextDocument follows links to `<a name="…">` anchors only, not to element
ids, and ignores CSS `text-align: justify` while honouring the `align`
attribute. `QtRichTextExtension` therefore, after every other tree step:

- puts an empty `<a name="ID"></a>` at the start of every element with an `id`
  (an `<a>` with an id gets `name="ID"` itself: anchors must not nest);
- marks paragraphs holding only images as `class="figure"`, centred (the
  stylesheet gives them no proportional line height, which Qt would apply to
  the image's line as well);
- when asked to, sets `align="justify"` on paragraphs that have no alignment of their own
  (not on the placeholder paragraphs of raw HTML blocks).
"""

from __future__ import annotations

from xml.etree import ElementTree

from markdown import Markdown
from markdown.extensions import Extension
from markdown.treeprocessors import Treeprocessor
from markdown.util import HTML_PLACEHOLDER_RE


def _is_raw_html(paragraph: ElementTree.Element) -> bool:
    """A paragraph that only holds a stashed raw-HTML block.

    Python-Markdown replaces exactly `<p>PLACEHOLDER</p>` by the raw HTML; with an
    attribute added the block would end up wrapped in a paragraph.
    """
    text = (paragraph.text or "").strip()
    return len(paragraph) == 0 and bool(HTML_PLACEHOLDER_RE.fullmatch(text))


def _is_figure(paragraph: ElementTree.Element) -> bool:
    """A paragraph holding only images (and whitespace)."""
    if len(paragraph) == 0 or (paragraph.text or "").strip():
        return False
    return all(child.tag == "img" and not (child.tail or "").strip() for child in paragraph)


class QtAnchorTreeprocessor(Treeprocessor):
    def __init__(self, md: Markdown, justify: bool) -> None:
        super().__init__(md)
        self.justify = justify

    def run(self, root: ElementTree.Element) -> None:
        for element in root.iter():
            tag = element.tag
            if not isinstance(tag, str):
                continue  # comments, processing instructions
            if tag == "p" and _is_figure(element):
                # Qt multiplies a proportional line height into the image's
                # line too; a figure paragraph gets its own plain style.
                element.set("class", "figure")
                element.set("align", "center")
            elif (
                self.justify
                and tag == "p"
                and "align" not in element.attrib
                and not _is_raw_html(element)
            ):
                element.set("align", "justify")
            anchor_id = element.get("id")
            if not anchor_id:
                continue
            if tag == "a":
                element.set("name", anchor_id)
                continue
            anchor = ElementTree.Element("a", {"name": anchor_id})
            anchor.tail = element.text
            element.text = None
            element.insert(0, anchor)


class QtRichTextExtension(Extension):
    def __init__(self, justify: bool = True) -> None:
        super().__init__()
        self.justify = justify

    def extendMarkdown(self, md: Markdown) -> None:  # noqa: N802 - Python-Markdown API
        # After attr_list (8) has set heading ids, before unescape (0).
        md.treeprocessors.register(QtAnchorTreeprocessor(md, self.justify), "qt_anchors", 4)
