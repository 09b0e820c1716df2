"""Untrusted input: any text or bytes given to an importer parses, or raises the
importers' one clear error (AnnotationImportError) — never another exception,
never a hang; hostile shapes (deep nesting, code in a sidecar, binary, a huge
file) are refused with a message."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from readmark.core.importers import (
    AnnotationImportError,
    calibre,
    kindle,
    koreader,
    parse_text,
    read_marks,
    readest,
    records,
)
from readmark.core.importers.lua_table import loads
from readmark.core.importers.records import MAX_BYTES

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "importers"
SAMPLES = [
    (FIXTURES / "kindle_zh_herechen.txt").read_text(encoding="utf-8"),
    (FIXTURES / "kindle_en_mattioofr.txt").read_text(encoding="utf-8"),
    (FIXTURES / "koreader" / "1984.sdr" / "metadata.epub.lua").read_text(encoding="utf-8"),
    (FIXTURES / "calibre_highlights.json").read_text(encoding="utf-8-sig"),
]
FAST = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def parses_or_refuses(function: object, text: str) -> None:
    try:
        function(text)  # type: ignore[operator]
    except AnnotationImportError as error:
        assert str(error)


@st.composite
def mutated(draw: st.DrawFn) -> str:
    """A real sample with a slice cut out, replaced or repeated."""
    text = draw(st.sampled_from(SAMPLES))
    start = draw(st.integers(0, len(text)))
    end = draw(st.integers(start, min(len(text), start + 200)))
    middle = draw(
        st.sampled_from(
            ["", "{", "}", "==========\n", "\\", '"', "\x00", "-- ", "[[", text[start:end] * 3]
        )
    )
    return text[:start] + middle + text[end:]


@FAST
@given(st.one_of(st.text(max_size=400), mutated()))
def test_kindle_parses_anything(text: str) -> None:
    parses_or_refuses(kindle.parse, text)


@FAST
@given(st.one_of(st.text(max_size=400), mutated()))
def test_koreader_parses_anything(text: str) -> None:
    parses_or_refuses(koreader.parse, text)


@FAST
@given(st.one_of(st.text(max_size=400), mutated()))
def test_calibre_parses_anything(text: str) -> None:
    parses_or_refuses(calibre.parse, text)


@FAST
@given(st.one_of(st.text(max_size=400), mutated()))
def test_readest_parses_anything(text: str) -> None:
    parses_or_refuses(readest.parse, text)


@FAST
@given(st.one_of(st.text(max_size=400), mutated()))
def test_detection_and_dispatch_parse_anything(text: str) -> None:
    parses_or_refuses(parse_text, text)


lua_values = st.recursive(
    st.one_of(st.integers(-(2**40), 2**40), st.booleans(), st.text(max_size=20)),
    lambda inner: st.dictionaries(st.text(max_size=8), inner, max_size=4),
    max_leaves=20,
)


def to_lua(value: object) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int):
        return str(value)
    if isinstance(value, str):
        return '"' + "".join(f"\\{b}" for b in value.encode("utf-8")) + '"'
    assert isinstance(value, dict)
    return "{" + "".join(f"[{to_lua(k)}] = {to_lua(v)}," for k, v in value.items()) + "}"


@FAST
@given(st.dictionaries(st.text(max_size=8), lua_values, max_size=5))
def test_lua_tables_round_trip(table: dict[str, object]) -> None:
    assert loads("return " + to_lua(table)) == table


@pytest.mark.parametrize(
    "code",
    [
        'return os.execute("rm -rf ~")',
        'return { a = io.open("/etc/passwd") }',
        "return { a = (function() return 1 end)() }",
        "return { a = 1 + 1 }",
        "x = 1 return { }",
        "return { a = b }",
        "return setmetatable({}, {})",
    ],
)
def test_a_sidecar_holding_code_is_refused_not_run(code: str) -> None:
    with pytest.raises(AnnotationImportError, match="not a KOReader sidecar"):
        loads(code)


@pytest.mark.parametrize(
    "shape",
    [
        "return {a=" + "(" * 20_000 + "1" + ")" * 20_000 + "}",  # minutes for ANTLR
        "return {a=" + "+".join(["1"] * 20_000) + "}",
        "[[" * 200_000,
        'return {a="' + "y" * 1_000_000,
    ],
)
def test_code_and_unclosed_strings_are_refused_before_parsing(shape: str) -> None:
    with pytest.raises(AnnotationImportError, match="holds code|not closed"):
        loads(shape)


def test_an_oversized_sidecar_is_refused() -> None:
    with pytest.raises(AnnotationImportError, match="larger than a KOReader sidecar"):
        loads("return {" + '["a"]="x",' * 300_000 + "}")


def test_deep_nesting_is_refused_quickly() -> None:
    with pytest.raises(AnnotationImportError, match="nest"):
        loads("return " + "{" * 100_000 + "}" * 100_000)
    deep_json = (
        '{"type": "calibre_highlights", "highlights": ' + "[" * 100_000 + "]" * 100_000 + "}"
    )
    with pytest.raises(AnnotationImportError):
        parse_text(deep_json)


def test_binary_and_huge_files_are_refused(tmp_path: Path) -> None:
    binary = tmp_path / "My Clippings.txt"
    binary.write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 10)
    with pytest.raises(AnnotationImportError, match="not UTF-8"):
        read_marks(binary)
    nul = tmp_path / "nul.txt"
    nul.write_bytes(b"a\x00b")
    with pytest.raises(AnnotationImportError, match="binary"):
        read_marks(nul)
    huge = tmp_path / "huge.txt"
    with open(huge, "wb") as stream:
        stream.truncate(MAX_BYTES + 1)
    with pytest.raises(AnnotationImportError, match="larger than"):
        read_marks(huge)


@st.composite
def clippings(draw: st.DrawFn) -> tuple[str, list[tuple[str, str, str]]]:
    """A My Clippings.txt of random highlights, notes and bookmarks (kind, title, text)."""
    words = st.sampled_from(["the", "rabbit", "hole", "tea", "queen", "兔子", "洞", "茶"])
    entries = []
    blocks = []
    for number in range(draw(st.integers(1, 25))):
        kind = draw(st.sampled_from(["Highlight", "Note", "Bookmark"]))
        title = draw(st.sampled_from(["Alice (Carroll)", "三国演义 (罗贯中)"]))
        first = draw(st.integers(1, 60))
        last = first + draw(st.integers(0, 4))
        text = " ".join(draw(st.lists(words, min_size=1, max_size=8))) if kind != "Bookmark" else ""
        where = f"Location {first}-{last}" if kind == "Highlight" else f"Location {first}"
        blocks.append(
            f"{title}\n- Your {kind} on page 1 | {where} | Added on Monday, March 2, 2020 "
            f"11:{number % 60:02d}:08 PM\n\n{text}\n"
        )
        entries.append((kind, title, text))
    return "==========\n".join(blocks) + "==========\n", entries


@FAST
@given(clippings())
def test_kindle_history_loses_no_text(sample: tuple[str, list[tuple[str, str, str]]]) -> None:
    """Folding Kindle's history never loses what was clipped: every highlight's text
    is within a highlight kept for its book — or is an earlier version of one, which
    starts as it does (an end moved) —, every note is kept (on its highlight or on
    its own), and every highlight is either kept or counted as an earlier version."""
    from readmark.core.importers.records import normalized

    text, entries = sample
    parsed = kindle.parse(text)
    kept = {group.book.title: group.marks for group in parsed.books}
    for kind, title, body in entries:
        marks = kept[title.split(" (")[0]]
        if kind == "Highlight":
            quotes = [normalized(m.quote) for m in marks if m.kind.value == "highlight"]
            assert any(normalized(body) in q or q[:8] == normalized(body)[:8] for q in quotes)
        elif kind == "Note":
            assert any(normalized(body) in normalized(m.note) for m in marks)
    highlights_in = sum(1 for kind, _, _ in entries if kind == "Highlight")
    highlights_out = sum(1 for marks in kept.values() for m in marks if m.quote)
    assert highlights_out + parsed.left_out.get(records.EARLIER_VERSION, 0) == highlights_in
