"""`readmark search QUERY` over the real books in ../shared/books, run as a user runs it:
real child processes on the test's own READMARK_HOME; and `readmark search BOOK QUERY`,
the in-book search on a file (Traditional Chinese finds the Simplified text, nothing found
is exit 1 as for grep, a bad regular expression is one line on stderr and exit 2)."""

from __future__ import annotations

import json
import os
from pathlib import Path

from readmark.core.book import LoadOptions
from readmark.core.formats import open_book
from test_cli import run


def _hits(*args: str) -> list[dict[str, object]]:
    result = run("search", *args, "--json")
    assert result.returncode == 0, result.stderr
    hits: list[dict[str, object]] = json.loads(result.stdout)
    return hits


def _lands(hit: dict[str, object], query_folded_len: int) -> str:
    """The text the reader shows at the hit's (section, offset): what it lands on."""
    book = open_book(Path(str(hit["path"])), LoadOptions())
    text = book.section_text(int(str(hit["section"])))
    start = int(str(hit["offset"]))
    return text[start : start + query_folded_len]


def test_search_the_real_books(shared_books: Path) -> None:
    added = run("library", "add", str(shared_books))
    assert "Added: 8" in added.stdout

    first = run("search", "曹操", "--limit", "3")
    assert first.returncode == 0, first.stderr
    assert "Indexing 8 books" in first.stderr  # what was missing is indexed first
    assert "TIny-3-Bad.epub" not in first.stderr  # never added, so never indexed
    assert "三国演义 — " in first.stdout and "[曹操]" in first.stdout
    assert "第一回 宴桃园豪杰三结义" in first.stdout  # the chapter of the first hit
    assert "Indexing" not in run("search", "曹操").stderr  # nothing to index any more

    # Chinese: one, two and four characters; each hit lands on what the reader shows.
    for query in ("曹", "曹操", "桃园结义", "关云长"):
        hits = _hits(query, "--book", str(shared_books / "三国演义.txt"))
        assert hits, query
        for hit in hits[:5]:
            assert _lands(hit, len(query)) == query
            assert hit["hit"] == query and hit["kind"] == "book"
    # Traditional over Simplified text: 關雲長 finds 关云长 (and the reverse is the
    # same rule), landing on the Simplified text the reader draws.
    traditional = _hits("關雲長")
    assert traditional and _lands(traditional[0], 3) == "关云长"
    assert traditional[0]["hit"] == "关云长"

    # English: a word, and a prefix of one (by words: "abbit" does not find "Rabbit").
    rabbit = _hits("Rabbit", "--book", "Alice’s Adventures in Wonderland")
    assert len(rabbit) > 20 and all(str(h["hit"]).casefold() == "rabbit" for h in rabbit)
    assert _lands(rabbit[0], 6).casefold() == "rabbit"
    prefix = _hits("Rabb")
    assert prefix and all(str(h["hit"]).casefold() == "rabb" for h in prefix)
    assert run("search", "abbit").returncode == 1

    # The Latin and Chinese books are told apart by --book.
    assert run("search", "曹操", "--book", str(shared_books / "11-0.txt")).returncode == 1


def test_no_hits_and_bad_queries(shared_books: Path) -> None:
    assert run("library", "add", str(shared_books / "11-0.txt")).returncode == 0
    none = run("search", "qqqzzzxj")
    assert none.returncode == 1 and none.stdout == "" and "Traceback" not in none.stderr
    for query in ("", " ", "x" * 10_001, '"', "*", "-", '"*(-'):
        result = run("search", query)
        assert result.returncode == 2, (query, result.stdout)
        assert result.stderr.startswith("readmark: ") and "Traceback" not in result.stderr
    # FTS5 syntax in a query with words is searched literally, never as syntax.
    for query in (
        '"Alice',
        "Alice*",
        "NEAR(Alice",
        "Alice AND Rabbit",
        "-Alice",
        "Alice OR",
        '"""*NEAR(-',
    ):
        result = run("search", "--", query)  # `--`: a query may start with a dash
        assert result.returncode in (0, 1) and "Traceback" not in result.stderr, query
    assert run("search", "x" * 10_000).returncode == 1
    missing = run("search", "Alice", "--book", "No Such Book")
    assert missing.returncode == 2 and "not in the library" in missing.stderr


def test_a_damaged_index_is_made_anew(shared_books: Path) -> None:
    assert run("library", "add", str(shared_books / "11-0.txt")).returncode == 0
    assert run("search", "Alice").returncode == 0
    index = Path(os.environ["READMARK_HOME"]) / "data" / "search-index.sqlite3"
    assert index.is_file()
    index.write_bytes(b"this is no database" * 100)
    again = run("search", "Alice")
    assert again.returncode == 0, again.stderr
    assert "made anew" in again.stderr and "Indexing 1 books" in again.stderr
    index.unlink()
    assert run("search", "Alice").returncode == 0


def test_filters_by_collection_and_language(shared_books: Path) -> None:
    from readmark import paths
    from readmark.core.store.library import Library

    assert "Added: 8" in run("library", "add", str(shared_books)).stdout
    library = Library(paths.library_db())
    library.catalog.create_collection("Classics")
    library.catalog.add_to_collection([(shared_books / "三国演义.txt").resolve()], "Classics")
    library.close()
    # "the" is in the English books; the collection holds only the Chinese novel.
    assert run("search", "the", "--language", "en").returncode == 0
    assert run("search", "the", "--collection", "classics").returncode == 1
    hits = _hits("曹操", "--collection", "Classics", "--language", "zh")
    assert {Path(str(h["path"])).name for h in hits} == {"三国演义.txt"}
    assert run("search", "曹操", "--language", "en").returncode == 1
    unknown = run("search", "曹操", "--collection", "Nope")
    assert unknown.returncode == 2 and "no collection" in unknown.stderr


# -- readmark search BOOK QUERY: the in-book search on a file ------------------------


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
