"""The command line, run as a user runs it: a real child process."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

from readmark import __version__

SAMPLE = "000_25b2869f1a30fd56.txt"


def run(
    *args: str, env: dict[str, str] | None = None, timeout: float = 60
) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "readmark", *args],
        capture_output=True,
        text=True,
        encoding="utf-8",
        timeout=timeout,
        env=env or dict(os.environ),
    )


def test_version() -> None:
    result = run("--version")
    assert result.returncode == 0
    assert result.stdout.strip() == f"Readmark {__version__}"


def test_info_json_on_the_sample_book(shared_books: Path) -> None:
    result = run("info", str(shared_books / SAMPLE), "--json")
    assert result.returncode == 0, result.stderr
    info = json.loads(result.stdout)
    meta = info["metadata"]
    assert meta["title"] == "怎样做好群众工作 密切党群关系"
    assert meta["authors"] == ["本书编写组"]
    assert meta["publisher"] == "中共党史出版社"
    assert meta["isbn"] == "978-7-5098-2161-9"
    assert meta["date"].startswith("2013")
    assert meta["language"] == "zh-Hans"
    titles = [entry["title"] for entry in info["toc"]]
    assert "前 言" in titles and "目 录" in titles
    preface = info["toc"][titles.index("前 言")]
    assert [c["title"] for c in preface["children"]] == [
        "为民:坚持全心全意为人民服务的宗旨教育",
        "务实:把群众工作做深做细做实",
        "清廉:教育干部树立正确的权力观",
    ]


def test_info_plain_lists_metadata_and_contents(shared_books: Path) -> None:
    result = run("info", str(shared_books / SAMPLE))
    assert result.returncode == 0, result.stderr
    assert "Title: 怎样做好群众工作 密切党群关系" in result.stdout
    assert "    为民:坚持全心全意为人民服务的宗旨教育" in result.stdout


def test_text_prints_the_repaired_book(shared_books: Path) -> None:
    result = run("text", str(shared_books / SAMPLE))
    assert result.returncode == 0, result.stderr
    text = result.stdout
    assert "得到贯彻落实。马克思主义唯物史观认为" in text  # joined across a page break
    assert "充分地尊重和依靠人民群众的创造力，不断提高" in text
    assert "<sup>" not in text and "---" not in text
    sections = text.split("\f\n")
    assert len(sections) == 4
    raw = run("text", str(shared_books / SAMPLE), "--no-repair").stdout
    assert "得到贯彻落实。马克思\n" in raw


def test_text_single_section(shared_books: Path) -> None:
    result = run("text", str(shared_books / SAMPLE), "--section", "2")
    assert result.returncode == 0
    assert result.stdout.startswith("前 言")
    bad = run("text", str(shared_books / SAMPLE), "--section", "99")
    assert bad.returncode == 2
    assert "no section 99" in bad.stderr


@pytest.mark.parametrize(
    ("name", "content", "expected"),
    [
        ("missing.md", None, "does not exist"),
        ("empty.md", b"", "is empty"),
        ("picture.md", b"\x89PNG\r\n\x1a\n" + bytes(200), "PNG"),
        ("book.pdf", b"%PDF-1.4\n", "cannot open .pdf"),
    ],
)
def test_errors_are_one_line_on_stderr_with_status_2(
    tmp_path: Path, name: str, content: bytes | None, expected: str
) -> None:
    path = tmp_path / name
    if content is not None:
        path.write_bytes(content)
    for command in ("info", "text"):
        result = run(command, str(path))
        assert result.returncode == 2
        assert expected in result.stderr
        assert "Traceback" not in result.stderr
        assert result.stderr.count("\n") == 1


def test_directory_is_an_error(tmp_path: Path) -> None:
    result = run("info", str(tmp_path))
    assert result.returncode == 2 and "Traceback" not in result.stderr


def test_messages_in_chinese(tmp_path: Path) -> None:
    result = run("--lang", "zh_CN", "info", str(tmp_path / "missing.md"))
    assert result.returncode == 2
    assert "不存在" in result.stderr


def test_no_display_says_so_plainly(tmp_path: Path) -> None:
    env = {
        k: v
        for k, v in os.environ.items()
        if k not in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM")
    }
    result = run(env=env)
    assert result.returncode == 2
    assert "display" in result.stderr
    assert "qt.qpa" not in result.stderr and "Traceback" not in result.stderr


def test_text_written_one_paragraph_per_line_keeps_its_paragraphs(shared_books: Path) -> None:
    # 春秋左传: UTF-8 with a BOM before the first heading, no blank lines at all.
    result = run("text", str(shared_books / "春秋左传_cleaned_text_sample.md"), "--section", "0")
    assert result.returncode == 0, result.stderr
    paragraphs = result.stdout.split("\n\n")
    assert paragraphs[0] == "隐公元年"
    assert paragraphs[1] == "【经】元年春王正月。三月，公及邾仪父盟于蔑。夏五月，郑伯克段于鄢。"
    assert "\n\n【传】元年春，王周正月。不书即位，摄也。\n\n" in result.stdout
    assert " 【传】" not in result.stdout  # no line joined into its neighbour with a space


def test_info_tells_which_rules_found_a_text_books_chapters(shared_books: Path) -> None:
    book = str(shared_books / "三国演义.txt")
    plain = run("--lang", "en", "info", book)
    assert plain.returncode == 0, plain.stderr
    assert "Chapters found by: chinese-chapter (120)" in plain.stdout
    payload = json.loads(run("info", "--json", book).stdout)
    assert payload["chapter_rules"] == {"chinese-chapter": 120}


# ------------------------------------------------ what the book path is, before its suffix

# Long enough for a slow, shared machine to start Python and Qt; short enough that a
# read blocked on a pipe fails its test quickly instead of stalling the run.
QUICK = 30


def _no_display_env() -> dict[str, str]:
    return {
        k: v
        for k, v in os.environ.items()
        if k not in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM")
    }


def _one_line_error(result: subprocess.CompletedProcess[str], expected: str) -> None:
    assert result.returncode == 2, (result.returncode, result.stderr)
    assert expected in result.stderr
    assert "Traceback" not in result.stderr
    assert result.stderr.count("\n") == 1


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("missing.pdf", "“missing.pdf” does not exist."),
        ("no-suffix", "“no-suffix” does not exist."),
        ("missing.docx", "“missing.docx” does not exist."),
    ],
)
def test_a_missing_file_does_not_exist_whatever_its_suffix(
    tmp_path: Path, name: str, expected: str
) -> None:
    for command in ("info", "text"):
        _one_line_error(run(command, str(tmp_path / name), timeout=QUICK), expected)


@pytest.mark.parametrize("name", ["x.md", "x.epub", "folder"])
def test_a_folder_is_a_folder_whatever_its_name(tmp_path: Path, name: str) -> None:
    (tmp_path / name).mkdir()
    _one_line_error(
        run("info", str(tmp_path / name), timeout=QUICK), f"“{name}” is a folder, not a book."
    )


def test_dev_null_is_not_a_regular_file() -> None:
    for command in ("info", "text"):
        _one_line_error(run(command, "/dev/null", timeout=QUICK), "is not a regular file")


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="named pipes are POSIX")
@pytest.mark.parametrize("name", ["pipe.md", "pipe.txt", "pipe.epub", "pipe.html", "pipe"])
def test_a_named_pipe_is_refused_without_waiting_for_a_writer(tmp_path: Path, name: str) -> None:
    fifo = tmp_path / name
    os.mkfifo(fifo)
    # A reader that opened the pipe would wait forever for a writer: the timeout
    # turns that into a quick failure (TimeoutExpired) instead of a stalled run.
    for command in ("info", "text"):
        _one_line_error(run(command, str(fifo), timeout=QUICK), f"“{name}” is not a regular file")


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="named pipes are POSIX")
def test_the_reader_window_refuses_a_named_pipe_too(tmp_path: Path) -> None:
    fifo = tmp_path / "pipe.md"
    os.mkfifo(fifo)
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    result = run("--smoke-test", str(fifo), env=env, timeout=QUICK)
    assert result.returncode == 1, result.stderr
    assert "smoke-test failed" in result.stderr and "is not a regular file" in result.stderr


def test_not_a_regular_file_in_chinese(tmp_path: Path) -> None:
    result = run("--lang", "zh_CN", "info", "/dev/null", timeout=QUICK)
    assert result.returncode == 2
    assert "不是普通文件" in result.stderr


# ------------------------------------------------ a mistyped command, with or without a display


@pytest.mark.parametrize(
    ("argv", "word"),
    [
        (["infoo", "book.md"], "infoo"),
        (["nosuchfile.md"], "nosuchfile.md"),
        (["--lang", "en", "txet"], "txet"),
    ],
)
@pytest.mark.parametrize("display", [False, True])
def test_a_mistyped_command_or_missing_book_says_so(
    tmp_path: Path, argv: list[str], word: str, display: bool
) -> None:
    env = _no_display_env()
    if display:
        env["QT_QPA_PLATFORM"] = "offscreen"  # the window would open: the check comes first
    result = subprocess.run(
        [sys.executable, "-m", "readmark", *argv],
        capture_output=True,
        text=True,
        encoding="utf-8",
        timeout=QUICK,
        env=env,
        cwd=tmp_path,
    )
    _one_line_error(result, f"no such file or command: {word}")
    assert "display" not in result.stderr
    for command in ("info", "text", "export", "import"):
        assert command in result.stderr


def test_a_mistyped_command_in_chinese(tmp_path: Path) -> None:
    result = run("--lang", "zh_CN", "infoo", str(tmp_path / "book.md"), env=_no_display_env())
    assert result.returncode == 2
    assert "没有" in result.stderr and "infoo" in result.stderr and "info" in result.stderr


def test_an_existing_book_without_a_display_still_blames_the_display(tmp_path: Path) -> None:
    book = tmp_path / "book.md"
    book.write_text("# A book\n\ntext\n", encoding="utf-8")
    result = run(str(book), env=_no_display_env(), timeout=QUICK)
    _one_line_error(result, "no graphical display")
    assert "no such file" not in result.stderr


CORPUS = Path(__file__).resolve().parent / "fixtures" / "repair_corpus"


def test_info_reports_what_the_print_repair_did(shared_books: Path) -> None:
    """`readmark info` says what the repair does: the sample book's 11 page splits and
    its footnote; Beard's OCR text, its page splits and its page furniture."""
    sample = run("--lang", "en", "info", str(shared_books / SAMPLE))
    assert sample.returncode == 0, sample.stderr
    assert "Repair: 11 page splits joined, 1 footnote attached" in sample.stdout
    book = str(CORPUS / "en_ia_nervous_exhaustion.txt")
    plain = run("--lang", "en", "info", book)
    assert (
        "Repair: 19 page splits joined, 21 page numbers and 21 running headers removed,"
        " 2 footnotes attached" in plain.stdout
    )
    chinese = run("--lang", "zh_CN", "info", book)
    assert "修复: 接合 19 处跨页断段，去除 21 个页码和 21 个页眉，关联 2 条脚注" in chinese.stdout
    payload = json.loads(run("info", "--json", book).stdout)
    assert payload["repair"] == {
        "page_splits": 19,
        "page_numbers": 21,
        "running_headers": 21,
        "footnotes": 2,
        "captions": 0,
    }
    # Nougat's paper: its notes (`Footnote 3: …`) and its captions inside sentences.
    nougat = run("--lang", "en", "info", str(CORPUS / "en_nougat_absolute_position_embeddings.md"))
    assert (
        "Repair: 2 page splits joined, 2 footnotes attached, 2 figures moved out of sentences"
        in nougat.stdout
    )
    clean = run("--lang", "en", "info", str(shared_books / "三国演义.txt"))
    assert "Repair:" not in clean.stdout  # nothing to repair, nothing said


# `readmark text` of the clean books in ../shared/books, as it was before the repair
# learned to measure a book's pages (sha256 of the output): a book that is not converted
# from print is not touched. A change that means to alter one must say why and update it.
CLEAN_TEXT = {
    "11-0.txt": "f838a0aa37287d89f8d37b08f328da965d6b9383125068fa3f4ca6c32503ce9e",
    "三国演义.txt": "9bfb70beb2cf6a101fd03b90998d11c4d1b37221c36bf92afa4badabb81a29fc",
    "春秋左传_cleaned_text_sample.md": (
        "c89e5f9747907a556e9f5604b87448e45311f00ee2b96fb9a1d61057901003a5"
    ),
    "Enchiridion of Epictetus.md": (
        "e1254acab2facf8d4e8373a03bf89b4f4381c9b71d2992925b92dc1c66ee0f5c"
    ),
}


@pytest.mark.parametrize("name", sorted(CLEAN_TEXT))
def test_the_page_repair_leaves_clean_books_byte_for_byte(shared_books: Path, name: str) -> None:
    import hashlib

    result = run("--lang", "en", "text", str(shared_books / name), timeout=120)
    assert result.returncode == 0, result.stderr
    assert hashlib.sha256(result.stdout.encode("utf-8")).hexdigest() == CLEAN_TEXT[name]


def test_printed_pages_in_info_and_text() -> None:
    """The page numbers the repair drops are kept as marks: `info` counts them and
    `text --pages` shows where each printed page starts (the reader shows nothing)."""
    book = str(CORPUS / "zh_hans_pdftotext_civil_code_draft.txt")
    info = run("--lang", "en", "info", book)
    assert "Printed pages: 19 (p. 11 to p. 29)" in info.stdout
    payload = json.loads(run("info", "--json", book).stdout)
    assert [p["label"] for p in payload["printed_pages"]][:3] == ["11", "12", "13"]
    marked = run("text", "--pages", book).stdout
    assert "[p. 13]第三十二条\u3000没有依法具有监护资格的人的" in marked
    plain = run("text", book).stdout
    assert "[p. " not in plain
    assert re.sub(r"\[p\. \d+\]", "", marked) == plain
