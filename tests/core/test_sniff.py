from __future__ import annotations

from pathlib import Path

from readmark.core.sniff import looks_like_markdown, markdown_score
from readmark.core.textio import read_text


def test_converted_print_book_is_markdown(shared_books: Path) -> None:
    assert looks_like_markdown(read_text(shared_books / "000_25b2869f1a30fd56.txt").text)


def test_gutenberg_plain_text_with_underscore_italics_is_not(shared_books: Path) -> None:
    text = read_text(shared_books / "11-0.txt").text
    assert "_very_" in text  # the trap: Gutenberg italics look like emphasis
    assert not looks_like_markdown(text)


def test_gbk_novel_is_not(shared_books: Path) -> None:
    assert not looks_like_markdown(read_text(shared_books / "三国演义.txt").text)


def test_one_stray_star_is_not_enough() -> None:
    text = "A plain story.\n\nShe said *hello and left.\n\nThe end, 5 * 3 = 15.\n"
    assert not looks_like_markdown(text)


def test_single_signal_is_not_enough() -> None:
    assert not looks_like_markdown("Shopping list:\n\n- eggs\n- milk\n- bread\n\nThat's all.\n")
    assert not looks_like_markdown("Intro\n\n# just one line with a hash\n\nMore prose.\n")


def test_thematic_break_stars_are_not_a_list() -> None:
    assert markdown_score("Text.\n\n*      *      *\n*      *      *\n*   *   *\n\nMore.") == 0


def test_headings_alone_are_enough_when_several() -> None:
    text = "# Chapter 1\n\nText.\n\n# Chapter 2\n\nText.\n\n# Chapter 3\n\nText.\n"
    assert looks_like_markdown(text)


def test_mixed_signals() -> None:
    assert looks_like_markdown("Title\n=====\n\nSome **bold** and a [link](http://x.org).\n")
    assert looks_like_markdown("```\ncode\n```\n\n| a | b |\n|---|---|\n| 1 | 2 |\n")
    assert looks_like_markdown("Text<sup>1</sup> with a note.[^1]\n\n[^1]: note\n")


def test_only_the_start_is_examined() -> None:
    plain = "Plain prose without any markup at all. " * 2000  # > 64 KB
    assert not looks_like_markdown(plain + "\n\n# A\n\n# B\n\n# C\n\n**x** **y**\n")


def test_a_programming_book_from_pdftotext_is_not() -> None:
    """pdftotext of *Think Python*'s Appendix B: numbered exercises, a `> 1010` table cell
    and Python's `__init__` (no bold word) are no Markdown."""
    book = Path(__file__).resolve().parents[1] / "fixtures" / "repair_corpus"
    text = read_text(book / "en_pdftotext_think_python_appendix_b.txt").text
    assert "def __init__(self" in text
    assert not looks_like_markdown(text)


def test_bold_words_still_count_as_emphasis() -> None:
    text = "Some __bold words__ here.\n\nAnd **more bold** there.\n\n# Title\n"
    assert markdown_score(text) >= 2
