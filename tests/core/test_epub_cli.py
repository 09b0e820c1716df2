"""`readmark info` and `readmark text` on EPUB books (the CLI goes through open_book).

Run as a child process, as a user runs it: the CLI sets up a QCoreApplication
for its messages, which must not leak into this Qt-free test process.
"""

from __future__ import annotations

import json
import os
import subprocess
from pathlib import Path

from test_cli import run as run_cli

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "epub"


def run(*args: str) -> subprocess.CompletedProcess[str]:
    return run_cli(*args, env=dict(os.environ, LANG="C.UTF-8", LC_ALL="C.UTF-8"))


def test_info_json() -> None:
    result = run("--lang", "en", "info", str(FIXTURES / "nav_fragments.epub"), "--json")
    assert result.returncode == 0, result.stderr
    info = json.loads(result.stdout)
    assert info["format"] == "epub"
    assert info["sections"] == 3
    assert info["metadata"]["title"] == "Fragments"
    assert info["metadata"]["isbn"] == "978-1-23456-789-7"
    assert [entry["title"] for entry in info["toc"]] == ["One", "Part Two"]
    assert info["toc"][0]["children"][0]["anchor"] == "i0-p3"


def test_text_of_one_section() -> None:
    result = run("text", str(FIXTURES / "vertical_ja.epub"), "--section", "0")
    assert result.returncode == 0, result.stderr
    assert "漢字(かんじ)を読（よ）む。" in result.stdout


def test_broken_epub_is_one_clear_line() -> None:
    result = run("--lang", "en", "info", str(FIXTURES / "truncated.epub"))
    assert result.returncode == 2
    assert "truncated.epub" in result.stderr and "Traceback" not in result.stderr


def test_the_note_for_a_missing_chapter_is_in_the_readers_language() -> None:
    book = str(FIXTURES / "missing_file.epub")
    english = run("--lang", "en", "text", book, "--section", "1")
    chinese = run("--lang", "zh_CN", "text", book, "--section", "1")
    assert english.stdout == "This part of the book (gone.xhtml) is missing from the book file.\n"
    assert chinese.stdout == "书中的这一部分（gone.xhtml）在书籍文件中缺失。\n"
