"""What the repair did to a whole book: the report `readmark info` prints.

Counted by the same engines that show the book (`close_pages` for plain text converted
from print, `repair_markdown` for Markdown), run over every section's source once: it
costs about what showing every section would, so it is asked for, never computed when a
book opens.
"""

from __future__ import annotations

from readmark.core.book import Book
from readmark.core.repair.rule import RepairCounts


def repair_counts(book: Book) -> RepairCounts:
    """What the repair does to `book` as opened (nothing when its repair is off)."""
    counts = RepairCounts()
    if not book.options.repair:
        return counts
    renderer = book.renderer
    source = getattr(renderer, "source", None)
    if source is None:  # EPUB and HTML books are not repaired
        return counts
    if book.format == "text":
        from readmark.core.formats.plaintext.reflow import Layout, close_pages

        layout = getattr(renderer, "layout", None)
        if isinstance(layout, Layout) and layout.paged:
            for index in range(len(book.sections)):
                close_pages(source(index), layout, counts)
        return counts
    from readmark.core.repair import repair_markdown

    for index in range(len(book.sections)):
        repair_markdown(source(index), id_prefix=f"s{index}-", counts=counts)
    return counts
