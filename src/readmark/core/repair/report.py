"""What the repair did to a whole book: the report `readmark info` prints.

Counted by the same engines that show the book (`close_pages` for plain text converted
from print, `repair_markdown` for Markdown), run over every section's source once: it
costs about what showing every section would, so it is never computed before a book's
first screen; the window asks for it on a background task after that screen is painted
and keeps it, with the printed pages, in the render cache (`report_json`).
"""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import asdict

from readmark.core.book import Book
from readmark.core.repair.page_marks import PrintedPage
from readmark.core.repair.rule import RepairCounts

CACHE_NAME = "repair-report"  # RenderCache.get_about / put_about


def repair_counts(book: Book, between: Callable[[], None] | None = None) -> RepairCounts:
    """What the repair does to `book` as opened (nothing when its repair is off).
    `between` is called after each section: where a background task may stop, or
    pause to leave the interpreter to the reader."""
    counts = RepairCounts()
    if not book.options.repair:
        return counts
    renderer = book.renderer
    source = getattr(renderer, "source", None)
    if source is None:  # EPUB and HTML books are not repaired
        return counts
    if book.format == "text":
        from readmark.core.formats.plaintext.layout import Layout
        from readmark.core.formats.plaintext.page_splits import close_pages

        layout = getattr(renderer, "layout", None)
        if isinstance(layout, Layout) and layout.paged:
            for index in range(len(book.sections)):
                close_pages(source(index), layout, counts)
                if between is not None:
                    between()
        return counts
    from readmark.core.repair import repair_markdown
    from readmark.core.repair.running_headers import book_headers

    headers = book_headers(source(index) for index in range(len(book.sections)))
    for index in range(len(book.sections)):
        repair_markdown(source(index), id_prefix=f"s{index}-", counts=counts, headers=headers)
        if between is not None:
            between()
    return counts


def report_json(counts: RepairCounts, pages: list[PrintedPage]) -> str:
    """What the repair did and the printed pages it kept, to cache with the book."""
    rows = [[p.section, p.offset, p.label] for p in pages]
    return json.dumps({"counts": asdict(counts), "pages": rows}, ensure_ascii=False)


def report_from_json(text: str) -> tuple[RepairCounts, list[PrintedPage]] | None:
    """`report_json`'s text read back; None for anything else (then it is found again)."""
    try:
        data = json.loads(text)
        counts = RepairCounts(**{k: int(v) for k, v in data["counts"].items()})
        pages = [PrintedPage(int(s), int(o), str(label)) for s, o, label in data["pages"]]
    except (ValueError, TypeError, KeyError, AttributeError):
        return None
    return counts, pages
