"""How a passage is quoted with its source, and how a bookmark is named.

Text rules, no Qt: the window's *Copy as Quote* and the bookmark's default
name come from here, so the CLI and exports can say the same.
"""

from __future__ import annotations

from readmark.core.book import Metadata
from readmark.core.scripts import has_cjk, is_chinese_or_japanese_language

_LABEL_WORDS = 8
_LABEL_CJK_CHARS = 16


def quote_with_source(text: str, metadata: Metadata, chapter: str, page: str = "") -> str:
    """`text` in quotation marks with where it comes from: author, title, chapter and,
    in a book converted from print, the printed page (`core/repair/page_marks`).

    Chinese and Japanese follow their own convention: ——作者《书名》章节，第41页.
    """
    authors = ", ".join(metadata.authors)
    text = text.strip()
    if has_cjk(text, limit=40) or is_chinese_or_japanese_language(metadata.language):
        parts = (authors and authors + " ", f"《{metadata.title}》", chapter)
        where = "".join(part for part in parts if part)
        if page:
            where += f"，第{page}页" if page.isdigit() else f"，{page}"
        return f"“{text}”\n——{where}"
    cited_page = f"p. {page}" if page else ""
    source = ", ".join(part for part in (authors, metadata.title, chapter, cited_page) if part)
    return f"“{text}”\n— {source}"


def bookmark_label(chapter: str, text_here: str, book_title: str) -> str:
    """The chapter and the first words at the bookmark: "Chapter 3 — It was a…"."""
    words = " ".join(text_here[:200].split())
    if has_cjk(words, limit=40):
        start = words[:_LABEL_CJK_CHARS] + ("…" if len(words) > _LABEL_CJK_CHARS else "")
    else:
        parts = words.split(" ")
        start = " ".join(parts[:_LABEL_WORDS]) + ("…" if len(parts) > _LABEL_WORDS else "")
    if not chapter or start.startswith(chapter):  # at the chapter's own heading
        return start or book_title
    return f"{chapter} — {start}" if start else chapter
