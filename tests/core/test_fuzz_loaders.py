"""Fuzzing every loader: any input opens and renders, or raises BookError; nothing else.

Parametrised over `SUPPORTED_SUFFIXES` as it is when the tests run, so a new
loader is fuzzed as soon as `open_book` dispatches to it. Inputs: random bytes,
random markup-ish text in a random encoding, the small fixture books (of the
same format and of others) with bits flipped, bytes cut, inserted or repeated,
and — for ZIP-based books — archives rebuilt with one member so damaged, so
the XML and XHTML parsers behind a valid ZIP are reached too.

Bounded: a fixed number of examples per suffix (the module runs in ~30 s);
`derandomize` keeps CI reproducible, a failure prints the input to replay.
"""

from __future__ import annotations

import io
import warnings
import zipfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from readmark.core.book import BookError
from readmark.core.formats import SUPPORTED_SUFFIXES, open_book

pytestmark = pytest.mark.slow

TESTS = Path(__file__).resolve().parents[1]
EXAMPLES_PER_SUFFIX = 400
MAX_SEED_BYTES = 64 * 1024

HTML_SEED = b"""<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>Seed</title>
<meta name="author" content="A"></head><body><div class="c"><h1 id="a">One</h1>
<p>Text <b>bold</b> <img src="i.png" alt="i"> <a href="#b">link</a></p><h2>Sub</h2>
<script>x()</script><table><tr><td>c</td></tr></table></div><h1 id="b">Two</h1>
<p>&amp; &#20013; <![CDATA[x]]> <!-- c --></p></body></html>"""


def _seeds() -> list[tuple[str, bytes]]:
    """(suffix, bytes) of every small fixture book, and an HTML document."""
    found = [(".html", HTML_SEED), (".xhtml", HTML_SEED)]
    for path in sorted((TESTS / "fixtures").rglob("*")):
        suffix = path.suffix.lower()
        if path.is_file() and suffix in (".md", ".txt", ".epub", ".html", ".xhtml"):
            data = path.read_bytes()
            if 0 < len(data) <= MAX_SEED_BYTES:
                found.append((suffix, data))
    return found


SEEDS = _seeds()
ALPHABET = list("<>/=\"'&;#!-?[]{}()*_`~|:^ \n\t\r\x00\ufeffabcxyzCDATA中文日本語한\u3000\xe9") + [
    "<p>",
    "</p>",
    "<h1>",
    "</h1>",
    "<h2 id='x'>",
    "<div>",
    "</div>",
    "<script>",
    "</script>",
    "<![CDATA[",
    "]]>",
    "<!--",
    "-->",
    "# ",
    "## ",
    "\n\n",
    "```",
    "[^1]",
    "[^1]: ",
    "<?xml version='1.0'?>",
    '<meta charset="gbk">',
    "<!DOCTYPE x [<!ENTITY e 'ee'>]>",
    "&e;",
    "Chapter 1",
    "第一章",
]
ENCODINGS = ["utf-8", "utf-8-sig", "utf-16", "utf-16-le", "utf-16-be", "utf-32", "gb18030",
             "big5", "shift_jis", "euc-kr", "cp1252", "latin-1"]  # fmt: skip


@st.composite
def encoded_text(draw: st.DrawFn) -> bytes:
    text = "".join(draw(st.lists(st.sampled_from(ALPHABET), max_size=120)))
    encoding = draw(st.sampled_from(ENCODINGS))
    return text.encode(encoding, errors="replace")


def _mutate(data: bytes, draw: st.DrawFn) -> bytes:
    buffer = bytearray(data)
    for _ in range(draw(st.integers(1, 8))):
        if not buffer:
            break
        kind = draw(st.sampled_from(["flip", "cut", "insert", "delete", "repeat", "byte"]))
        at = draw(st.integers(0, len(buffer) - 1))
        if kind == "flip":
            buffer[at] ^= 1 << draw(st.integers(0, 7))
        elif kind == "byte":
            buffer[at] = draw(st.integers(0, 255))
        elif kind == "cut":
            del buffer[at:]
        elif kind == "insert":
            buffer[at:at] = draw(st.binary(min_size=1, max_size=16))
        elif kind == "delete":
            del buffer[at : at + draw(st.integers(1, 64))]
        else:
            piece = bytes(buffer[at : at + draw(st.integers(1, 256))])
            buffer[at:at] = piece * draw(st.integers(1, 20))
    return bytes(buffer)


@st.composite
def mutated_seed(draw: st.DrawFn) -> bytes:
    _, data = draw(st.sampled_from(SEEDS))
    return _mutate(data, draw)


@st.composite
def damaged_member(draw: st.DrawFn) -> bytes:
    """A ZIP fixture rebuilt, intact as a ZIP, with one member's content damaged."""
    zips = [data for suffix, data in SEEDS if suffix == ".epub"]
    if not zips:
        return draw(mutated_seed())
    data = draw(st.sampled_from(zips))
    try:
        source = zipfile.ZipFile(io.BytesIO(data))
        infos = source.infolist()
    except (zipfile.BadZipFile, OSError, ValueError):
        return data
    if not infos:
        return data
    victim = draw(st.sampled_from([i.filename for i in infos]))
    buffer = io.BytesIO()
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as target:
            for info in infos:
                try:
                    content = source.read(info)
                except Exception:  # noqa: BLE001 - a fixture that is broken on purpose
                    continue
                if info.filename == victim:
                    content = _mutate(content, draw)
                target.writestr(info, content)
    return buffer.getvalue()


INPUTS = st.one_of(
    st.binary(max_size=2048),
    encoded_text(),
    mutated_seed(),
    mutated_seed(),
    damaged_member(),
)


@pytest.mark.parametrize("suffix", SUPPORTED_SUFFIXES)
def test_any_input_opens_or_raises_book_error(tmp_path: Path, suffix: str) -> None:
    path = tmp_path / f"fuzzed{suffix}"

    @settings(
        max_examples=EXAMPLES_PER_SUFFIX,
        deadline=None,
        derandomize=True,
        database=None,
        suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
    )
    @given(data=INPUTS)
    # Found by this test: html.parser (3.11) raises AssertionError on a marked
    # section that is not CDATA, which raw HTML in Markdown reached unescaped.
    @example(data=b"<!DOCTYPE><![A>")
    @example(data=b"<p>a<![>b</p>")
    def opens_or_refuses(data: bytes) -> None:
        path.write_bytes(data)
        try:
            book = open_book(path)
        except BookError as error:
            assert str(error).strip()
            return
        assert book.sections
        for index in range(len(book.sections)):
            assert isinstance(book.section_html(index), str)
            assert isinstance(book.section_text(index), str)
        for entry in book.toc_entries():
            assert 0 <= entry.section < len(book.sections)

    opens_or_refuses()


def test_every_suffix_is_fuzzed() -> None:
    """A guard against the parametrisation silently going stale."""
    from readmark.core import formats

    assert set(formats.SUPPORTED_SUFFIXES) == set(SUPPORTED_SUFFIXES)
    assert {".md", ".txt", ".html", ".epub"} <= set(SUPPORTED_SUFFIXES)
