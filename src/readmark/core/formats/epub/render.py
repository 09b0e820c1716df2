"""Rendering one spine file of an EPUB to display HTML, when a view asks for it.

Per section: read the member (within the archive's limits), parse tolerantly,
load the stylesheets it links (cached), reshape (`transform`), serialise
without recursion, then the HTML allowlist of `readmark.core.html_sanitize`
(scripts, iframes, forms and `style` go there). A spine file that is missing or
unreadable renders as a short visible note instead.

A renderer is not thread-safe (its ZIP reader and caches are its own);
`clone()` gives an independent one for another thread.
"""

from __future__ import annotations

import html
from dataclasses import dataclass
from xml.etree import ElementTree

from readmark.core.formats.epub.anchors import BookMap
from readmark.core.formats.epub.archive import EpubArchive, MemberError
from readmark.core.formats.epub.markup import decode_markup, parse_markup
from readmark.core.formats.epub.package import resolve_href
from readmark.core.formats.epub.styles import StyleSheet
from readmark.core.formats.epub.transform import VOID, FileContext, image_url, transform
from readmark.core.html_sanitize import sanitize_html
from readmark.core.i18n import QT_TRANSLATE_NOOP, localize

MAX_DEPTH = 120  # elements nested deeper are shown without their tags
# Shown in the text where the chapter would be: whole sentences, for translators.
_REASONS = {
    "missing": QT_TRANSLATE_NOOP(
        "EpubNote", "This part of the book ({name}) is missing from the book file."
    ),
    "too large": QT_TRANSLATE_NOOP(
        "EpubNote", "This part of the book ({name}) is too large to show."
    ),
    "damaged": QT_TRANSLATE_NOOP(
        "EpubNote", "This part of the book ({name}) is damaged in the book file."
    ),
}


@dataclass(frozen=True)
class SectionPlan:
    member: str  # archive member name ("" when the package's href left the archive)
    media_type: str
    problem: str = ""  # "", or MemberError.reason found when the book was opened


class EpubSectionRenderer:
    """`SectionRenderer` for the spine files of an EPUB."""

    def __init__(
        self, archive: EpubArchive, plans: tuple[SectionPlan, ...], book: BookMap, justify: bool
    ) -> None:
        self._archive = archive
        self._plans = plans
        self._book = book
        self._justify = justify
        self._css: dict[str, str] = {}

    def clone(self) -> EpubSectionRenderer:
        return EpubSectionRenderer(self._archive.clone(), self._plans, self._book, self._justify)

    def render(self, index: int) -> str:
        plan = self._plans[index]
        top = f'<a name="{self._book.top(index)}"></a>'
        if plan.problem or not plan.member:
            return top + _note(plan.member, plan.problem or "missing")
        if plan.media_type.startswith("image/"):
            return top + sanitize_html(
                f'<p align="center"><img src="{html.escape(image_url(plan.member))}" /></p>'
            )
        try:
            raw = self._archive.read(plan.member)
        except MemberError as error:
            return top + _note(plan.member, error.reason)
        root = parse_markup(raw)
        context = FileContext(
            index, plan.member, self._book, self._styles(root, plan.member), self._justify
        )
        body = transform(root, context)
        return top + sanitize_html(serialize(body))

    def _styles(self, root: ElementTree.Element, member: str) -> StyleSheet:
        sheet = StyleSheet()
        for element in root.iter():
            if element.tag == "link" and "stylesheet" in element.get("rel", "").lower().split():
                target = resolve_href(member, element.get("href", ""))
                if target is not None:
                    sheet.add(self._stylesheet(target[0]))
            elif element.tag == "style":
                sheet.add("".join(element.itertext()))
        return sheet

    def _stylesheet(self, member: str) -> str:
        if member not in self._css:
            found = self._archive.find(member)
            try:
                self._css[member] = decode_markup(self._archive.read(found)) if found else ""
            except MemberError:
                self._css[member] = ""
        return self._css[member]


def _note(member: str, reason: str) -> str:
    sentence = localize("EpubNote", _REASONS.get(reason, _REASONS["damaged"]))
    text = html.escape(sentence.format(name=member.rsplit("/", 1)[-1] or "?"))
    return f'<p class="missing" align="center"><i>{text}</i></p>'


def serialize(root: ElementTree.Element) -> str:
    """HTML for `root` and its descendants, without recursion (deep nesting is
    hostile input, not a reason to crash)."""
    out: list[str] = []
    stack: list[tuple[ElementTree.Element | str, int]] = [(root, 0)]
    while stack:
        item, depth = stack.pop()
        if isinstance(item, str):
            out.append(item)
            continue
        tag = item.tag
        tail = html.escape(item.tail, quote=False) if item.tail and depth else ""
        if not isinstance(tag, str):  # a comment or processing instruction
            out.append(tail)
            continue
        shown = depth <= MAX_DEPTH
        if shown:
            attributes = "".join(
                f' {name}="{html.escape(value)}"'
                for name, value in item.attrib.items()
                if ":" not in name
            )
            out.append(f"<{tag}{attributes} />" if tag in VOID else f"<{tag}{attributes}>")
        if item.text:
            out.append(html.escape(item.text, quote=False))
        closing = f"</{tag}>" if shown and tag not in VOID else ""
        stack.append((closing + tail, depth))
        stack.extend((child, depth + 1) for child in reversed(item))
    return "".join(out)
