from __future__ import annotations

import hashlib
import re
from pathlib import Path

import pytest

from readmark.core import textio
from readmark.core.book import BookError
from readmark.core.textio import read_text


def test_utf8_plain(tmp_path: Path) -> None:
    path = tmp_path / "a.md"
    path.write_bytes("# Título\n\ntext 中文\n".encode())
    decoded = read_text(path)
    assert decoded.text == "# Título\n\ntext 中文\n"
    assert decoded.encoding == "utf-8"
    assert decoded.size == len(path.read_bytes())
    assert decoded.content_id == hashlib.blake2b(path.read_bytes(), digest_size=20).hexdigest()


def test_a_big_book_gets_the_same_content_id_made_beside_its_decoding(tmp_path: Path) -> None:
    # Over a megabyte the digest is made on a thread of its own while the text is decoded.
    raw = ("第一章 一段文字。\r\n" * 120_000).encode("gb18030")
    assert len(raw) > 2 * 1024 * 1024
    path = tmp_path / "big.txt"
    path.write_bytes(raw)
    decoded = read_text(path)
    assert decoded.encoding == "gb18030" and decoded.text.startswith("第一章 一段文字。\n")
    assert decoded.content_id == hashlib.blake2b(raw, digest_size=20).hexdigest()
    # A refusal after the digest was started still says why (and leaves no thread behind).
    (tmp_path / "bin.txt").write_bytes(b"\x00" * 10 + b"a line\n" * 300_000)
    with pytest.raises(BookError, match="binary"):
        read_text(tmp_path / "bin.txt")


def test_content_id_is_hash_of_bytes_not_text(tmp_path: Path) -> None:
    (tmp_path / "lf.md").write_bytes(b"# A\n\nb\n")
    (tmp_path / "crlf.md").write_bytes(b"# A\r\n\r\nb\r\n")
    lf, crlf = read_text(tmp_path / "lf.md"), read_text(tmp_path / "crlf.md")
    assert lf.text == crlf.text
    assert lf.content_id != crlf.content_id


def test_utf16_le_bom(md_fixtures: Path) -> None:
    decoded = read_text(md_fixtures / "utf16_bom.md")
    assert decoded.encoding == "utf-16-le"
    assert decoded.text.startswith("# Ünïcödé Title\n")
    assert "\ufeff" not in decoded.text and "中文" in decoded.text


def test_utf16_be_bom(md_fixtures: Path) -> None:
    decoded = read_text(md_fixtures / "utf16be_bom.md")
    assert decoded.encoding == "utf-16-be"
    assert decoded.text == "# Big Endian\n\nText.\n"


@pytest.mark.parametrize("codec", ["utf-16-le", "utf-16-be"])
def test_utf16_without_bom(tmp_path: Path, codec: str) -> None:
    path = tmp_path / "nobom.md"
    path.write_bytes("# Plain heading\n\nMostly ASCII text, 一点中文.\n".encode(codec))
    decoded = read_text(path)
    assert decoded.encoding == codec
    assert decoded.text.startswith("# Plain heading\n")


def test_utf32_bom(tmp_path: Path) -> None:
    path = tmp_path / "u32.md"
    path.write_bytes("# 三十二\n".encode("utf-32"))  # BOM + native order
    decoded = read_text(path)
    assert decoded.encoding.startswith("utf-32")
    assert decoded.text == "# 三十二\n"


def test_utf8_bom_is_stripped_before_heading(md_fixtures: Path) -> None:
    decoded = read_text(md_fixtures / "bom_heading.md")
    assert decoded.encoding == "utf-8-sig"
    assert decoded.text.startswith("# 隐公元年\n")


def test_gb18030(md_fixtures: Path) -> None:
    decoded = read_text(md_fixtures / "gb18030.md")
    assert decoded.encoding == "gb18030"
    assert decoded.text.startswith("# 第一章 桃园结义\n")


def test_crlf_and_cr_become_lf(md_fixtures: Path) -> None:
    decoded = read_text(md_fixtures / "crlf.md")
    assert "\r" not in decoded.text
    assert decoded.text == "# Title\n\nFirst line.\nSecond line.\n\n## Part\n\nEnd.\n"


def test_undecodable_bytes_fall_back_to_replacement(tmp_path: Path) -> None:
    # Invalid in UTF-8 and in GB18030 (0x80 is not a GB18030 lead byte), no NULs.
    path = tmp_path / "broken.md"
    path.write_bytes(b"# Title\n\nabc \x80 def \xff\n")
    decoded = read_text(path)
    assert decoded.encoding == "utf-8"
    assert decoded.text.startswith("# Title\n") and "\ufffd" in decoded.text


def test_gbk_real_novel(shared_books: Path) -> None:
    decoded = read_text(shared_books / "三国演义.txt")
    assert decoded.encoding == "gb18030"
    assert "第一百二十回" in decoded.text
    assert "\ufffd" not in decoded.text


def test_real_book_bom_and_crlf(shared_books: Path) -> None:
    zuozhuan = read_text(shared_books / "春秋左传_cleaned_text_sample.md")
    assert zuozhuan.text.startswith("# 隐公元年")
    epictetus = read_text(shared_books / "Enchiridion of Epictetus.md")
    assert "\r" not in epictetus.text


def _error(path: Path) -> BookError:
    with pytest.raises(BookError) as info:
        read_text(path)
    return info.value


def test_missing_file(tmp_path: Path) -> None:
    error = _error(tmp_path / "nope.md")
    assert error.template == "“{name}” does not exist."
    assert str(error) == "“nope.md” does not exist."


def test_directory(tmp_path: Path) -> None:
    (tmp_path / "folder.md").mkdir()
    assert "is a folder" in str(_error(tmp_path / "folder.md"))


def test_unreadable_via_permission_error(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "secret.md"
    path.write_text("# secret\n")

    def deny(*args: object, **kwargs: object) -> None:
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr("builtins.open", deny)
    error = _error(path)
    assert error.template == "Readmark is not allowed to read “{name}”."


@pytest.mark.parametrize("name", ["empty.md", "whitespace.md"])
def test_empty(md_fixtures: Path, name: str) -> None:
    assert str(_error(md_fixtures / name)) == f"“{name}” is empty."


def test_utf16_whitespace_only_is_empty(tmp_path: Path) -> None:
    path = tmp_path / "blank16.md"
    path.write_bytes(" \n \n".encode("utf-16"))
    assert "is empty" in str(_error(path))


@pytest.mark.parametrize(
    ("name", "kind"),
    [
        ("image.png", "a PNG image"),
        ("photo.md", "a JPEG image"),
        ("book.zip.md", "a ZIP archive"),
        ("document.pdf.md", "a PDF document"),
    ],
)
def test_binary_magic_says_what_it_is(md_fixtures: Path, name: str, kind: str) -> None:
    error = _error(md_fixtures / name)
    assert error.params["kind"].startswith(kind)
    assert str(error).startswith(f"“{name}” is {kind}")


@pytest.mark.parametrize("name", ["nul_bytes.md", "control_chars.md"])
def test_binary_without_magic(md_fixtures: Path, name: str) -> None:
    assert "is a binary file" in str(_error(md_fixtures / name))


def test_text_starting_with_weak_magic_is_text(tmp_path: Path) -> None:
    path = tmp_path / "bm.md"
    path.write_text("BMW and MZ are just letters here.\n")
    assert read_text(path).text.startswith("BMW")


def test_too_big(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(textio, "MAX_BYTES", 1024 * 1024)
    path = tmp_path / "big.md"
    path.write_bytes(b"word " * (1024 * 1024 // 5 + 10))
    error = _error(path)
    assert "too big" in str(error) and error.params["limit"] == 1


def test_default_size_limit_is_200_mb() -> None:
    assert textio.MAX_BYTES == 200 * 1024 * 1024


def test_absurdly_long_line(tmp_path: Path) -> None:
    path = tmp_path / "oneline.md"
    path.write_bytes(b"# T\n\n" + b"a" * (textio.MAX_LINE_CHARS + 1) + b"\nend\n")
    error = _error(path)
    assert error.params["length"] == textio.MAX_LINE_CHARS + 1


def test_long_but_acceptable_line(tmp_path: Path) -> None:
    path = tmp_path / "longline.md"
    path.write_bytes(b"x" * 100_000 + b"\n" + b"y" * 100_000)
    assert len(read_text(path).text) == 200_001


def test_every_message_is_a_marked_template() -> None:
    source = Path(textio.__file__).read_text(encoding="utf-8")
    raised = re.findall(r"raise BookError\(", source)
    marked = re.findall(r"raise BookError\(\s*QT_TRANSLATE_NOOP\(\s*\"BookError\",", source)
    assert len(raised) >= 8
    assert len(marked) == len(raised)


def _longest_line(text: str) -> int:
    return max(len(line) for line in text.split("\n"))


def _long_line_found(path: Path, text: str) -> object:
    """The length `read_text` reports for `text`'s too long line, None if it reads it."""
    path.write_text(text, encoding="utf-8", newline="")
    try:
        read_text(path)
    except BookError as error:
        assert error.template.startswith("“{name}” has a line of"), error.template
        assert error.params["name"] == path.name
        return error.params["length"]
    return None


@pytest.mark.parametrize(
    "text",
    [
        "abcde",
        "abcdef",
        "abc\ndefghi\n",
        "abcdef\n\n\nab",
        "ab\ncd\nef\ngh\nij\nklmnop",
        "a\n" * 10 + "bcdefg" + "\n" * 3,
        "\n" * 20 + "x" * 6,
    ],
)
def test_line_length_check_finds_the_first_long_line(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path, text: str
) -> None:
    # The check jumps a window of MAX_LINE_CHARS at a time; with a small limit
    # every kind of line boundary falls inside, at or past a window's end.
    monkeypatch.setattr(textio, "MAX_LINE_CHARS", 5)
    found = _long_line_found(tmp_path / "book.md", text)
    if _longest_line(text) <= 5:
        assert found is None
        return
    first_long = next(line for line in text.split("\n") if len(line) > 5)
    assert found == len(first_long)


def test_line_length_check_matches_line_by_line(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    import random

    monkeypatch.setattr(textio, "MAX_LINE_CHARS", 7)
    rng = random.Random(3)
    checked = 0
    while checked < 2000:
        text = "".join(rng.choice("ab\n") for _ in range(rng.randint(0, 60)))
        if not text.strip():
            continue  # an empty book is refused as empty, before its lines are looked at
        found = _long_line_found(tmp_path / "b.md", text)
        expected = next((len(line) for line in text.split("\n") if len(line) > 7), None)
        assert found == expected, repr(text)
        checked += 1


def test_unicode_white_space_only_is_empty(tmp_path: Path) -> None:
    path = tmp_path / "blank.md"
    path.write_text("\u3000 \n\u2028\t\x0c\n\u00a0\n", encoding="utf-8")
    assert _error(path).template == "“{name}” is empty."


def test_a_file_whose_size_on_disk_says_nothing_is_read_whole() -> None:
    """/proc's files are regular files that say they are empty: the book is read to its
    end, not to the size it claims (read_bytes asks for that size first)."""
    path = Path("/proc/self/cmdline")
    assert path.stat().st_size == 0
    assert textio.read_bytes(path) == path.read_bytes() != b""


def test_a_book_is_read_exactly(tmp_path: Path) -> None:
    path = tmp_path / "book.md"
    data = "# 第一章\n\n".encode() + bytes(range(32, 127)) * 1000
    path.write_bytes(data)
    assert textio.read_bytes(path) == data
    path.write_bytes(b"")
    assert textio.read_bytes(path) == b""
