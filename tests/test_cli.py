"""The command line, run as a user runs it: a real child process."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from readmark import __version__

SAMPLE = "000_25b2869f1a30fd56.txt"


def run(*args: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "readmark", *args],
        capture_output=True,
        text=True,
        encoding="utf-8",
        timeout=60,
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
