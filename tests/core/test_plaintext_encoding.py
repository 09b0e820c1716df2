"""Encoding detection and the reader's choice of encoding for plain-text books."""

from __future__ import annotations

import codecs
import importlib.util
from pathlib import Path
from types import ModuleType

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from readmark.core.book import BookError, LoadOptions
from readmark.core.formats import open_book
from readmark.core.formats.plaintext import encoding, read_plain_text

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "plaintext"


def _make_fixtures() -> ModuleType:
    spec = importlib.util.spec_from_file_location("make_fixtures", FIXTURES / "make_fixtures.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


MAKE = _make_fixtures()


@pytest.mark.parametrize(
    ("name", "codec", "original"),
    [
        ("big5_wrapped.txt", "big5", lambda: MAKE.big5_wrapped().decode("big5")),
        ("shift_jis.txt", "shift_jis", lambda: MAKE.shift_jis().decode("shift_jis")),
        ("euc_kr.txt", "euc_kr", lambda: MAKE.euc_kr().decode("euc_kr")),
        ("iso2022_jp.txt", "iso2022_jp", lambda: MAKE.shift_jis().decode("shift_jis")),
        ("iso2022_kr.txt", "iso2022_kr", lambda: MAKE.euc_kr().decode("euc_kr")),
        ("utf16le_nobom.txt", "utf-16-le", MAKE.utf16_chinese),
        ("utf16be_nobom.txt", "utf-16-be", MAKE.utf16_english),
        ("utf32_bom.txt", "utf-32-le", MAKE.utf16_chinese),
        ("cp1252_quotes.txt", "cp1252", lambda: MAKE.cp1252_quotes().decode("cp1252")),
        ("chinese_named.txt", "utf-8", lambda: MAKE.chinese_named().decode()),
    ],
)
def test_encoding_is_detected(name: str, codec: str, original) -> None:
    decoded = read_plain_text(FIXTURES / name)
    assert decoded.encoding == codec
    assert decoded.text == original()


def test_ascii_text_that_merely_mentions_escapes_stays_utf8(tmp_path: Path) -> None:
    path = tmp_path / "ascii.txt"
    path.write_bytes(b"Chapter 1\n\nThe sequence ESC $ B switches sets; $B is a price.\n")
    assert read_plain_text(path).encoding == "utf-8"


def test_gb18030_user_defined_area_is_not_read_as_gbk() -> None:
    raw = (FIXTURES / "gb18030_user_area.txt").read_bytes()
    with pytest.raises(UnicodeDecodeError):
        raw.decode("gbk")
    decoded = read_plain_text(FIXTURES / "gb18030_user_area.txt")
    assert decoded.encoding == "gb18030"
    assert "\ue000" in decoded.text and "𠀀" in decoded.text and "😀" in decoded.text
    assert "\ufffd" not in decoded.text


def test_cp1252_curly_quotes_are_quotes() -> None:
    text = read_plain_text(FIXTURES / "cp1252_quotes.txt").text
    assert "“Well,”" in text and "it’s" in text and "—" in text and "5 €" in text


def test_gbk_novel(shared_books: Path) -> None:
    """三国演义 is GBK with 0x85 as the first byte of 厔: read as GB18030, exactly."""
    raw = (shared_books / "三国演义.txt").read_bytes()
    assert "厔".encode("gbk") == b"\x85\x84" and b"\x85\x84" in raw
    decoded = read_plain_text(shared_books / "三国演义.txt")
    assert decoded.encoding == "gb18030"
    assert "\ufffd" not in decoded.text and "厔" in decoded.text
    assert decoded.text.encode("gb18030") == raw


def test_a_damaged_gbk_file_keeps_its_encoding(tmp_path: Path) -> None:
    """One broken byte must not let a single-byte codec turn the book to mojibake."""
    good = ("　　" + "话说天下大势，分久必合，合久必分。" * 40 + "\n\n") * 20
    raw = good.encode("gbk")
    middle = len(raw) // 2
    middle -= middle % 2  # between two characters
    path = tmp_path / "damaged.txt"
    path.write_bytes(raw[:middle] + b"\xff" + raw[middle:])
    decoded = read_plain_text(path)
    assert decoded.encoding == "gb18030"
    assert decoded.text.count("\ufffd") == 1
    assert decoded.text.replace("\ufffd", "") == good


def test_a_damaged_utf8_file_stays_utf8(tmp_path: Path) -> None:
    good = "Ünïcödé text, “quoted”, 中文。\n\n" * 200
    raw = good.encode()
    path = tmp_path / "damaged.txt"
    path.write_bytes(raw[:1000] + b"\xc3" + raw[1000:])
    decoded = read_plain_text(path)
    assert decoded.encoding == "utf-8"
    assert decoded.text.count("\ufffd") == 1


def _spy_on_the_detector(monkeypatch: pytest.MonkeyPatch) -> list[bytes]:
    """What charset-normalizer, the detector of last resort, is given to judge."""
    import charset_normalizer

    judged: list[bytes] = []
    real = charset_normalizer.from_bytes

    def spy(raw: bytes, *args: object, **kwargs: object) -> object:
        judged.append(bytes(raw))
        return real(raw, *args, **kwargs)

    monkeypatch.setattr(charset_normalizer, "from_bytes", spy)
    return judged


def test_big_file_is_judged_on_a_sample(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    judged = _spy_on_the_detector(monkeypatch)
    text = (
        "　　" + "周末七国分争，并入于秦。及秦灭之后，楚、汉分争，又并入于汉。" * 10 + "\n"
    ) * 2000
    path = tmp_path / "big.txt"
    path.write_bytes(text.encode("gbk"))
    decoded = read_plain_text(path)
    assert decoded.encoding == "gb18030" and decoded.text == text
    assert judged and len(judged[0]) <= 2 * encoding.SAMPLE_BYTES < path.stat().st_size


def test_sample_is_cut_at_line_ends(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    judged = _spy_on_the_detector(monkeypatch)
    text = "周末七国分争，并入于秦。\n" * 20000
    path = tmp_path / "lines.txt"
    path.write_bytes(text.encode("gbk"))
    assert read_plain_text(path).text == text
    [sample] = judged
    assert len(sample) <= 2 * encoding.SAMPLE_BYTES
    assert sample.endswith(b"\n")
    sample.decode("gbk")  # no character cut in half
    # The start and the middle of the file, each cut at a line end.
    assert text.encode("gbk").startswith(sample[: sample.index(b"\n") + 1])
    assert sample.count(b"\n") < 20000


def test_ascii_with_a_stray_nul_is_not_utf16(tmp_path: Path) -> None:
    """Pairs of ASCII letters are CJK characters in UTF-16: that must not fool it."""
    raw = ("Plain English text, line after line.\n" * 100).encode()
    path = tmp_path / "nul.txt"
    path.write_bytes(raw[:300] + b"\x00" + raw[300:])
    assert not encoding.detect(path.read_bytes())[1].startswith("utf-16")
    with pytest.raises(BookError) as info:
        read_plain_text(path)
    assert "binary" in info.value.template


# ------------------------------------------------------------ the reader's choice


def test_override_gives_mojibake_but_opens(shared_books: Path) -> None:
    book = open_book(shared_books / "三国演义.txt", LoadOptions(encoding="big5"))
    assert book.encoding == "big5"
    assert book.options.encoding == "big5"
    text = book.section_text(0)
    assert "三国演义" not in text  # mojibake
    for i in range(len(book.sections)):
        book.section_html(i)


def test_override_on_a_fixture(tmp_path: Path) -> None:
    book = open_book(FIXTURES / "gb18030_user_area.txt", LoadOptions(encoding="big5"))
    assert book.encoding == "big5" and book.format == "text"
    assert all(book.section_html(i) is not None for i in range(len(book.sections)))
    right = open_book(FIXTURES / "big5_wrapped.txt", LoadOptions(encoding="BIG5"))
    assert right.encoding == "big5" and "桃園結義" in right.section_text(0)


def test_override_with_an_alias_is_canonical() -> None:
    book = open_book(FIXTURES / "cp1252_quotes.txt", LoadOptions(encoding="latin_1"))
    assert book.encoding == "iso8859-1"
    assert "\x93Well,\x94" in book.renderer.source(0)  # type: ignore[attr-defined]


@pytest.mark.parametrize("name", ["no-such-codec", "base64", "rot13", "zlib"])
def test_unknown_or_non_text_codec_is_a_book_error(name: str) -> None:
    with pytest.raises(BookError) as info:
        open_book(FIXTURES / "cp1252_quotes.txt", LoadOptions(encoding=name))
    assert info.value.params == {"encoding": name}
    assert "{encoding}" in info.value.template


def test_punycode_that_cannot_decode_is_a_book_error() -> None:
    with pytest.raises(BookError):
        open_book(FIXTURES / "gb18030_user_area.txt", LoadOptions(encoding="punycode"))


def test_decoder_choice() -> None:
    assert encoding.decoder("") is encoding.detect
    assert encoding.decoder("  ") is encoding.detect
    assert encoding.decoder("gbk")(b"\xc4\xe3")[1] == "gbk"


# ------------------------------------------------------------------ never crashes


@settings(max_examples=300, deadline=None)
@given(st.binary(max_size=3000))
def test_detect_never_raises(raw: bytes) -> None:
    text, codec = encoding.detect(raw)
    assert isinstance(text, str)
    codecs.lookup(codec)


@settings(max_examples=100, deadline=None)
@given(st.text(max_size=400), st.sampled_from(["gbk", "big5", "shift_jis", "utf-16-le", "cp1252"]))
def test_detect_reads_text_in_any_supported_encoding(text: str, codec: str) -> None:
    try:
        raw = text.encode(codec)
    except UnicodeEncodeError:
        return
    decoded, _ = encoding.detect(raw)
    assert isinstance(decoded, str)
