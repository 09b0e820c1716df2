"""A book of very many tiny sections converts in time linear in their number.

The hostile sample `same_heading_many_times.md` (tests/hostile/make_samples.py) is
100,000 sections of `# Notes` / `x`: opening it and converting every section (its HTML
and its text, as tests/core/test_hostile_files.py does) costs ~0.2 ms a section, all
of it the fixed cost of converting a section (the repair, Python-Markdown, the
sanitizer). Nothing may grow with the number of sections before it: the CPU time of 20
times the sections is about 20 times the time (quadratic work would make it 400).
"""

from __future__ import annotations

import time
from pathlib import Path

from readmark.core.formats import open_book


def _sample(folder: Path, sections: int) -> Path:
    path = folder / f"same_heading_{sections}.md"
    path.write_bytes(b"# Notes\n\nx\n\n" * sections)  # as make_samples builds it
    return path


def _convert_all(path: Path) -> float:
    """CPU seconds to open the book and convert every section to HTML and text."""
    start = time.process_time()
    book = open_book(path)
    for index in range(len(book.sections)):
        book.section_html(index)
        book.section_text(index)
    return time.process_time() - start


def test_a_book_of_tiny_sections_converts_in_linear_time(tmp_path: Path) -> None:
    small, large = _sample(tmp_path, 500), _sample(tmp_path, 10_000)
    book = open_book(large)
    assert len(book.sections) == 10_000
    assert book.section_text(9_999).split() == ["Notes", "x"]
    assert book.section_html(0) != book.section_html(1)  # each heading has its own id
    # Best of two each: a loaded machine slows both alike.
    ratio = min(_convert_all(large) for _ in range(2)) / min(_convert_all(small) for _ in range(2))
    assert ratio < 28, ratio  # 20 sizes: linear ~20, quadratic ~400
