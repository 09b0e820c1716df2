"""`readmark search BOOK QUERY`, run as a user runs it: Traditional Chinese finds the
Simplified text (OpenCC's dictionaries), nothing found is exit 1 as for grep, a bad
regular expression is one line on stderr and exit 2."""

from __future__ import annotations

from pathlib import Path

from test_cli import run


def test_traditional_query_finds_the_simplified_novel(shared_books: Path) -> None:
    result = run("search", str(shared_books / "三国演义.txt"), "劉備")
    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    assert "[刘备]" in lines[0] and lines[0].split(":")[0] == "1"
    assert lines[-1] == f"Found: {len(lines) - 1}"
    assert len(lines) - 1 > 100


def test_regex_and_whole_words(shared_books: Path) -> None:
    result = run("search", str(shared_books / "11-0.txt"), r"rabbit-h\w+", "--regex")
    assert result.returncode == 0, result.stderr
    assert "[Rabbit-Hole]" in result.stdout and "[rabbit-hole]" in result.stdout
    whole = run("search", str(shared_books / "11-0.txt"), "Rabbit-H", "--whole-words")
    assert whole.returncode == 1 and whole.stdout.strip() == "Found: 0"


def test_nothing_found_and_bad_queries(shared_books: Path) -> None:
    book = str(shared_books / "11-0.txt")
    assert run("search", book, "zzqqzz").returncode == 1
    for bad in (("(", "--regex"), ("   ",)):
        result = run("search", book, *bad)
        assert result.returncode == 2, result
        assert len(result.stderr.strip().splitlines()) == 1 and "Traceback" not in result.stderr
