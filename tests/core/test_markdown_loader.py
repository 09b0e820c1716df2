from __future__ import annotations

import random
import re
from pathlib import Path

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from readmark.core.book import Book, BookError, LoadOptions
from readmark.core.formats import SUPPORTED_SUFFIXES, open_book
from readmark.core.formats.markdown import loader as markdown_loader
from readmark.core.formats.markdown.loader import PART_CHARS, split_markdown


def sources_of(book: Book) -> list[str]:
    return [book.renderer.source(i) for i in range(len(book.sections))]  # type: ignore[attr-defined]


def toc_flat(book: Book) -> list[tuple[str, int, int, str]]:
    return [(e.title, e.level, e.section, e.anchor) for e in book.toc_entries()]


def write(tmp_path: Path, text: str, name: str = "book.md") -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


# -------------------------------------------------------------- open_book


def test_supported_suffixes() -> None:
    assert {".md", ".markdown", ".mdown", ".mkd", ".txt"} <= set(SUPPORTED_SUFFIXES)


def test_unknown_suffix(tmp_path: Path) -> None:
    path = tmp_path / "book.docx"
    path.write_bytes(b"whatever")
    with pytest.raises(BookError) as info:
        open_book(path)
    assert info.value.template == "Readmark cannot open {suffix} files yet."
    assert info.value.params == {"suffix": ".docx"}


def test_suffix_is_case_insensitive(tmp_path: Path) -> None:
    book = open_book(write(tmp_path, "# A\n\ntext\n", "BOOK.MARKDOWN"))
    assert book.format == "markdown"


def test_book_fields(md_fixtures: Path) -> None:
    book = open_book(md_fixtures / "front_matter.md", LoadOptions(repair=False))
    assert book.format == "markdown"
    assert book.encoding == "utf-8"
    assert len(book.content_id) == 40
    assert book.options == LoadOptions(repair=False)
    assert "-markdown-r0-" in book.cache_key
    assert book.metadata.title == "The Front Matter Book"
    # The YAML block is metadata, not content.
    assert [s.title for s in book.sections] == ["Chapter One", "Chapter Two"]
    assert "Analytical" not in "".join(sources_of(book))


def test_missing_file_is_book_error(tmp_path: Path) -> None:
    with pytest.raises(BookError):
        open_book(tmp_path / "absent.md")


# ------------------------------------------------------------- splitting


def test_split_level_is_smallest_repeated_level(tmp_path: Path) -> None:
    text = (
        "# The Book\n\n"  # a lone title heading does not set the level
        "## One\n\ntext\n\n### Sub\n\ntext\n\n"
        "## Two\n\ntext\n"
    )
    book = open_book(write(tmp_path, text))
    assert [s.title for s in book.sections] == ["The Book", "One", "Two"]
    assert toc_flat(book) == [
        ("The Book", 1, 0, "the-book"),
        ("One", 2, 1, "one"),
        ("Sub", 3, 1, "sub"),
        ("Two", 2, 2, "two"),
    ]
    assert [c.title for c in book.toc[0].children] == ["One", "Two"]
    assert [c.title for c in book.toc[0].children[0].children] == ["Sub"]


def test_text_before_first_heading_is_section_zero(md_fixtures: Path) -> None:
    book = open_book(md_fixtures / "duplicate_headings.md")
    assert book.sections[0].title == ""
    assert sources_of(book)[0].startswith("Intro text before any heading.")
    assert book.sections[0].anchors == frozenset()


def test_blank_front_is_not_a_section(tmp_path: Path) -> None:
    book = open_book(write(tmp_path, "\n\n\n# A\n\nx\n\n# B\n\ny\n"))
    assert [s.title for s in book.sections] == ["A", "B"]


def test_duplicate_headings_get_unique_ids(md_fixtures: Path) -> None:
    book = open_book(md_fixtures / "duplicate_headings.md")
    anchors = [e.anchor for e in book.toc_entries()]
    assert anchors == ["chapter", "notes", "chapter-1", "notes-1", "setext-title"]
    assert len(set(anchors)) == len(anchors)
    # Setext level 1 heading is a chapter; the # line inside code is not a heading.
    assert [s.title for s in book.sections] == ["", "Chapter", "Chapter", "Setext Title"]
    assert "# not a heading inside code" in sources_of(book)[3]


def test_ids_are_written_into_sources_and_html(md_fixtures: Path) -> None:
    book = open_book(md_fixtures / "duplicate_headings.md")
    source = sources_of(book)[2]
    assert "# Chapter {#chapter-1}" in source
    assert "## Notes {#notes-1}" in source
    html = book.section_html(2)
    assert '<h1 id="chapter-1">' in html and '<a name="chapter-1"></a>' in html
    assert book.section_of_anchor("notes-1") == 2
    setext = book.section_html(3)
    assert '<h1 id="setext-title">' in setext


def test_cjk_headings_have_real_slugs(md_fixtures: Path) -> None:
    book = open_book(md_fixtures / "cjk_headings.md")
    assert toc_flat(book) == [
        ("第一章 开始", 1, 0, "第一章-开始"),
        ("第一节 重要的事", 2, 0, "第一节-重要的事"),
        ("第二章 链接之后", 1, 1, "第二章-链接之后"),
        ("Café Noir", 1, 2, "custom-id"),  # explicit {#id} honoured
    ]
    for i, section in enumerate(book.sections):
        html = book.section_html(i)
        for anchor in section.anchors:
            assert f'id="{anchor}"' in html and f'<a name="{anchor}"></a>' in html


def test_closing_hashes_and_existing_attributes(tmp_path: Path) -> None:
    text = "# One ##\n\nx\n\n# Two {.fancy}\n\ny\n"
    book = open_book(write(tmp_path, text), LoadOptions(repair=False))
    assert [e.anchor for e in book.toc_entries()] == ["one", "two"]
    assert '<h1 class="fancy" id="two">' in book.section_html(1) or (
        'id="two"' in book.section_html(1) and 'class="fancy"' in book.section_html(1)
    )


def test_large_headingless_book_is_cut_at_blank_lines(md_fixtures: Path) -> None:
    book = open_book(md_fixtures / "no_headings_large.md")
    sources = sources_of(book)
    assert len(sources) >= 2
    assert all(s.title == "" for s in book.sections)
    assert all(len(src) < PART_CHARS + 2000 for src in sources)
    # Parts are cut between paragraphs: each starts with a paragraph number.
    assert all(src[:4].isdigit() for src in sources)
    # The fenced block is never cut even though it contains blank lines.
    whole = [src for src in sources if "code block that must stay whole" in src]
    assert len(whole) == 1 and "with blank lines inside\n```" in whole[0]
    assert (
        sum(s.size for s in book.sections)
        >= (md_fixtures / "no_headings_large.md").stat().st_size - 10
    )


def test_oversized_chapter_parts_share_title(tmp_path: Path) -> None:
    para = "长" * 1000
    text = "# 第一章\n\n" + "\n\n".join([para] * 150) + "\n\n# 第二章\n\n短。\n"
    book = open_book(write(tmp_path, text))
    titles = [s.title for s in book.sections]
    assert titles[-1] == "第二章"
    assert set(titles[:-1]) == {"第一章"} and len(titles) >= 3
    assert book.section_of_anchor("第一章") == 0
    assert book.section_of_anchor("第二章") == len(titles) - 1


def test_no_blank_lines_still_splits(tmp_path: Path) -> None:
    text = "\n".join("一行文字" * 50 for _ in range(2000))  # ~400 K chars, no blank line
    book = open_book(write(tmp_path, text))
    assert len(book.sections) >= 3
    assert max(s.size for s in book.sections) <= markdown_loader.HARD_PART_CHARS + 1000


def test_footnotes_at_end_move_to_citing_sections(md_fixtures: Path) -> None:
    book = open_book(md_fixtures / "footnotes_at_end.md", LoadOptions(repair=False))
    one, two, three, notes = sources_of(book)
    assert "[^a]: The note for a." in one and "[^b]: The note for b," in one
    assert "    continued on an indented line." in one and "    And a second paragraph." in one
    assert "[^b]: The note for b," in two and "[^a]:" not in two
    assert "[^" not in three
    assert "[^a]:" not in notes and "[^b]:" not in notes
    assert "[^unused]: Nobody cites this one." in notes  # unreferenced notes stay put
    html = book.section_html(1)
    assert 'class="footnote"' in html and "The note for b" in html
    assert "The note for a" not in html


def test_hash_without_space_is_a_heading_like_python_markdown(tmp_path: Path) -> None:
    book = open_book(write(tmp_path, "#第一章\n\n文\n\n#第二章\n\n文\n"))
    assert [s.title for s in book.sections] == ["第一章", "第二章"]
    assert '<h1 id="第二章">' in book.section_html(1)


@pytest.mark.parametrize("heading", ["#_:", "# _a b_c", "# a _b", "## x_ y", "#! {", "# a { b"])
def test_stray_underscores_do_not_swallow_the_id(tmp_path: Path, heading: str) -> None:
    book = open_book(write(tmp_path, heading + "\n"), LoadOptions(repair=False))
    (entry,) = list(book.toc_entries())
    assert "_" not in (entry.anchor[0], entry.anchor[-1])
    assert f'id="{entry.anchor}"' in book.section_html(0)


def test_unclosed_fence_hides_nothing(tmp_path: Path) -> None:
    book = open_book(write(tmp_path, "# A\n\n```\nnot closed\n\n# B\n\nx\n"))
    assert [s.title for s in book.sections] == ["A", "B"]


def test_longer_fence_needs_same_closer(tmp_path: Path) -> None:
    text = "# A\n\n````\n```\n# inside\n```\n````\n\n# B\n\nx\n"
    book = open_book(write(tmp_path, text))
    assert [s.title for s in book.sections] == ["A", "B"]


def test_setext_needs_a_block_start(tmp_path: Path) -> None:
    text = "# A\n\nline one\nline two\n---\n\n# B\n\nx\n"
    book = open_book(write(tmp_path, text))
    assert [e.title for e in book.toc_entries()] == ["A", "B"]


def test_label_headings_are_not_chapters(shared_books: Path) -> None:
    book = open_book(shared_books / "Enchiridion of Epictetus.md")
    assert book.sections[0].title == ""
    titles = [s.title for s in book.sections[1:]]
    assert titles[:3] == ["I", "II", "III"] and len(titles) == 51
    assert [e.level for e in book.toc] == [3] * 51


# ------------------------------------------------------------ real books


def test_sample_print_book(shared_books: Path) -> None:
    book = open_book(shared_books / "000_25b2869f1a30fd56.txt")
    assert book.metadata.title == "怎样做好群众工作 密切党群关系"
    assert [s.title for s in book.sections] == [
        "怎样",
        "怎样 做好群众工作 密切党群关系",
        "前 言",
        "目 录",
    ]
    assert book.section_of_anchor("前-言") == 2
    assert "Readmark" not in book.section_html(2)
    assert book.repairs  # the repair rules are offered for this book


def test_bom_book(shared_books: Path) -> None:
    book = open_book(shared_books / "春秋左传_cleaned_text_sample.md")
    assert book.encoding == "utf-8-sig"
    assert book.sections[0].title == "隐公元年"
    assert len(book.sections) == 11 and book.sections[-1].title == "隐公十一年"


def test_plain_text_still_opens(shared_books: Path) -> None:
    book = open_book(shared_books / "三国演义.txt")
    assert book.encoding == "gb18030"
    assert book.section_html(0)


# ------------------------------------------------------------ performance


def _big_chinese_book(chapters: int = 700) -> str:
    rng = random.Random(7)
    chars = "的一是在不了有和人这中大为上个国我以要他时来用们生到作地出就分对成会可主发年动"
    out = ["# 测试之书\n\n"]
    for ch in range(1, chapters + 1):
        out.append(f"# 第{ch}章\n\n")
        for sub in range(3):
            out.append(f"## 第{sub + 1}节\n\n")
            for p in range(8):
                text = "".join(rng.choices(chars, k=rng.randint(80, 300)))
                out.append(text + (f"[^{ch}-{sub}]" if p == 3 else "") + "。\n\n")
            out.append(f"[^{ch}-{sub}]: 注释。\n\n")
    return "".join(out)


@pytest.mark.slow
def test_ten_megabyte_book_is_split_into_chapters(tmp_path: Path) -> None:
    # How fast this is, is bench/run.py's business; here: the structure.
    path = write(tmp_path, _big_chinese_book())
    assert path.stat().st_size > 9_000_000
    book = open_book(path)
    assert len(book.sections) == 701
    assert sum(1 for _ in book.toc_entries()) == 1 + 700 * 4
    assert "[^350-1]: 注释。" in book.renderer.source(350)  # type: ignore[attr-defined]


def test_split_is_linear_not_rendering(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    import markdown

    def forbidden(*args: object, **kwargs: object) -> str:
        raise AssertionError("open_book must not convert Markdown")

    monkeypatch.setattr(markdown.Markdown, "convert", forbidden)
    book = open_book(write(tmp_path, "# A\n\nx\n\n# B\n\ny\n"))
    assert len(book.sections) == 2


def test_split_markdown_of_empty_body() -> None:
    sources, sections, toc = split_markdown("")
    assert len(sources) == len(sections) == 1 and toc == []


# --------------------------------------------------------------- property


@settings(
    max_examples=150,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture],
)
@given(
    data=st.one_of(
        st.binary(max_size=600),
        st.text(
            alphabet=st.sampled_from(list("#=-*_`~[]^:() \n\t>|{}!<>/ab中文\r0.\x00\ufeff")),
            max_size=400,
        ).map(lambda s: s.encode("utf-8")),
        st.text(max_size=200).map(lambda s: s.encode("utf-16")),
    ),
    repair=st.booleans(),
)
def test_any_bytes_open_or_raise_book_error(tmp_path: Path, data: bytes, repair: bool) -> None:
    path = tmp_path / "random.md"
    path.write_bytes(data)
    try:
        book = open_book(path, LoadOptions(repair=repair))
    except BookError:
        return
    assert book.sections
    clone = book.renderer.clone()
    for i in range(len(book.sections)):
        assert isinstance(book.section_html(i), str)
        assert clone.render(i) == book.section_html(i)
    for entry in book.toc_entries():
        assert 0 <= entry.section < len(book.sections)
        assert entry.anchor in book.sections[entry.section].anchors
        assert f'id="{entry.anchor}"' in book.section_html(entry.section)


# ------------------------------------------------- scan by offsets vs by lines

# The scan visits only candidate lines found by a regex and works in offsets.
# The reference below is the straightforward walk over every line it replaced
# (headings, fences and footnote definitions by line number); they must agree.

# fmt: off
_TRICKY_LINES = [
    "", "", " ", "\u3000", "\x0c", "text", "  indented", "    code", "\tcode", "- item", "> q",
    "# H", "#", "## Sub {#sid}", "#######", "# H #", "# Author: A", "Title", "Title {#t}",
    "===", "---", "=", "--- ", "- - -", "```", "~~~", "````", "```py", "``` ", "  ```",
    "[^1]: note", "   [^a]: note", "    [^c]: code", "[^1]:", "see [^1] and [^a]", "[^x]",
    "   # Indented", "  ## C#", "# T #", "  ```", "   ~~~", "`````", "```a`b", "~~~ x y",
    "  ---", "   ===", "---\t", "1) x", "2. y", "-", "+ z", "[^]: empty",
]
# fmt: on


def _reference_scan(body: str) -> tuple[list[tuple[int, int, bool]], list[int], dict]:
    """(line, level, setext) of headings, fenced lines, footnote line ranges."""
    from readmark.core.formats.markdown.grammar import (
        ATX_HEADING,
        BLOCK_QUOTE,
        FENCE,
        FENCE_CLOSE,
        FOOTNOTE_DEFINITION,
        INDENTED_CODE,
        LIST_ITEM,
        SETEXT_UNDERLINE,
        THEMATIC_BREAK,
        atx_heading,
        fence_open,
        is_blank,
    )

    lines = body.split("\n")
    n = len(lines)

    def closes(line: str, fence) -> bool:  # type: ignore[no-untyped-def]
        m = FENCE_CLOSE.match(line)
        return bool(m) and m["fence"][0] == fence.char and len(m["fence"]) >= fence.length

    def footnote_end(start: int) -> int:
        i = start + 1
        while i < n and not is_blank(lines[i]):
            if FOOTNOTE_DEFINITION.match(lines[i]) or ATX_HEADING.match(lines[i]):
                return i
            if FENCE.match(lines[i]):
                return i
            i += 1
        end = i
        while i < n and (is_blank(lines[i]) or INDENTED_CODE.match(lines[i])):
            i += 1
            if not is_blank(lines[i - 1]):
                end = i
        return end

    headings, fenced, footnotes = [], [], {}
    i, prev_blank = 0, True
    while i < n:
        line = lines[i]
        fence = fence_open(line)
        closers = [k for k in range(i + 1, n) if fence and closes(lines[k], fence)]
        if closers:
            fenced.extend(range(i, closers[0] + 1))
            i, prev_blank = closers[0] + 1, False
        elif atx_heading(line):
            headings.append((i, atx_heading(line).level, False))
            i, prev_blank = i + 1, False
        elif FOOTNOTE_DEFINITION.match(line):
            end = footnote_end(i)
            footnotes.setdefault(FOOTNOTE_DEFINITION.match(line)["label"], (i, end))
            i, prev_blank = end, not lines[end - 1].strip()
        elif (
            i + 1 < n
            and prev_blank
            and line.strip()
            and not INDENTED_CODE.match(line)
            and not THEMATIC_BREAK.match(line)
            and SETEXT_UNDERLINE.match(lines[i + 1])
            and not LIST_ITEM.match(line)
            and not BLOCK_QUOTE.match(line)
        ):
            headings.append((i, 1 if lines[i + 1].strip()[0] == "=" else 2, True))
            i, prev_blank = i + 2, False
        else:
            i, prev_blank = i + 1, not line.strip()
    return headings, fenced, footnotes


def _scan_by_lines(body: str) -> tuple[list[tuple[int, int, bool]], list[int], dict]:
    scan = markdown_loader.scan_lines(body)

    def line_of(offset: int) -> int:
        return body.count("\n", 0, offset)

    # The reference keeps headings whose title is empty; the scan drops them.
    headings = [(line_of(h.start), h.level, h.setext) for h in scan.headings]
    fenced = [k for a, b in scan.fences.spans for k in range(line_of(a), line_of(b - 1) + 1)]
    footnotes = {
        label: (line_of(a), line_of(b - 1) + 1) for label, (a, b) in scan.footnotes.items()
    }
    return headings, fenced, footnotes


@settings(max_examples=400, deadline=None)
@given(
    lines=st.lists(st.sampled_from(_TRICKY_LINES), max_size=40),
    final_newline=st.booleans(),
)
def test_scan_agrees_with_a_walk_over_every_line(lines: list[str], final_newline: bool) -> None:
    body = "\n".join(lines) + ("\n" if final_newline else "")
    headings, fenced, footnotes = _reference_scan(body)
    scan = markdown_loader.scan_lines(body)
    kept = {(line, level, setext) for line, level, setext in headings}
    got_headings, got_fenced, got_footnotes = _scan_by_lines(body)
    assert set(got_headings) <= kept
    assert len(got_headings) == len(scan.headings)
    assert [h for h in headings if h in set(got_headings)] == got_headings
    assert got_fenced == fenced
    assert got_footnotes == footnotes
    for h in scan.headings:  # each heading's end is the end of its (first) line
        assert "\n" not in body[h.start : h.end] and body[h.end : h.end + 1] in ("", "\n")


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        ("Title\n===\n", [(0, 1, True)]),
        ("```\n```\nTitle\n---\n", []),  # right after a fence: not a block start
        ("```\n\nTitle\n---\n", [(2, 2, True)]),  # an unclosed fence hides nothing
        ("```\nTitle\n---\n", []),  # …but is a line of text
        ("```\n\nTitle\n===\n```\n", []),  # inside a fence
        ("[^1]: note\nmore\n===\n\nTitle\n===\n", [(4, 1, True)]),  # lazy note line
        ("[^1]: note\n\n    # indented\n# Real\n", [(3, 1, False)]),
        ("\u3000\nTitle\n===\n", [(1, 1, True)]),  # Unicode space is blank too
        ("# A\n---\n", [(0, 1, False)]),  # an ATX heading is not setext text
        ("- item\n---\n", []),
    ],
)
def test_scan_cases(body: str, expected: list[tuple[int, int, bool]]) -> None:
    assert _scan_by_lines(body)[0] == expected


@settings(max_examples=150, deadline=None)
@given(
    prefix=st.lists(st.sampled_from(_TRICKY_LINES), max_size=4).map("\n".join),
    newline=st.booleans(),
    lines=st.lists(st.sampled_from(_TRICKY_LINES), max_size=30),
)
@example(prefix="see [^1]", newline=True, lines=["# A", "[^1]: note", "# B"])
@example(prefix="x", newline=False, lines=["Title", "===", "# B"])
def test_split_from_an_offset_is_split_of_the_slice(
    prefix: str, newline: bool, lines: list[str]
) -> None:
    # build_book passes where the metadata block ends instead of slicing.
    prefix += "\n" if newline else ""
    body = "\n".join(lines)
    text = prefix + body

    def flat(result: tuple[list[str], list, list]) -> tuple:
        sources, sections, toc = result
        return sources, sections, [(e.title, e.section, e.anchor) for e in _walk(toc)]

    assert flat(split_markdown(text, len(prefix))) == flat(split_markdown(body))


def _walk(entries: list) -> list:
    return [x for e in entries for x in (e, *_walk(e.children))]


# ------------------------------------------------------- parts by offsets


def _reference_parts(body: str, dropped_lines: set[int], fenced: set[int]) -> list[list[int]]:
    """The line walk that cut oversized sections, on a one-section body: each part
    as the numbers of its lines."""
    lines = body.split("\n")
    parts, size, part_start = [], 0, 0
    for i, line in enumerate(lines):
        if i in dropped_lines:
            continue
        if size >= markdown_loader.PART_CHARS and i not in fenced and i > part_start:
            if not line.strip() or size >= markdown_loader.HARD_PART_CHARS:
                parts.append(list(range(part_start, i)))
                part_start, size = i, 0
        size += len(line) + 1
    rest = list(range(part_start, len(lines)))
    if parts and all(not lines[i].strip() for i in rest):
        parts[-1] = parts[-1] + rest  # never a part of only blank lines
    else:
        parts.append(rest)
    return parts


def _reference_source(lines: list[str], part: list[int], dropped_lines: set[int], note: str) -> str:
    """A part's source: its lines less the moved footnote, then that footnote if cited."""
    source = "\n".join(lines[i] for i in part if i not in dropped_lines).strip("\n")
    if note and re.search(r"\[\^1\](?!:)", source):
        source += "\n\n" + note
    return source + "\n"


@settings(max_examples=300, deadline=None)
@given(
    lines=st.lists(
        st.sampled_from(["", " ", "word " * 3, "x" * 25, "```", "[^1]: n", "  cont", "cites [^1]"]),
        max_size=60,
    ),
    part_chars=st.integers(min_value=1, max_value=120),
)
def test_parts_agree_with_a_walk_over_every_line(lines: list[str], part_chars: int) -> None:
    # With no heading the body is one section, cut into parts (each a source) when
    # it is longer than PART_CHARS; a footnote definition that is cited moves to the
    # parts citing it, and its lines neither count nor are cut at.
    body = "\n".join(lines)
    scan = markdown_loader.scan_lines(body)
    line_starts = [0]
    for line in lines[:-1]:
        line_starts.append(line_starts[-1] + len(line) + 1)
    cited = re.search(r"\[\^1\](?!:)", body) is not None
    moved = markdown_loader.Spans([scan.footnotes["1"]] if cited and "1" in scan.footnotes else [])
    dropped_lines = {i for i, s in enumerate(line_starts) if s in moved}
    fenced = {i for i, s in enumerate(line_starts) if s in scan.fences}
    note = "".join(body[a:b] for a, b in moved.spans).strip("\n")

    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(markdown_loader, "PART_CHARS", part_chars)
        patch.setattr(markdown_loader, "HARD_PART_CHARS", 2 * part_chars)
        sources, sections, toc = split_markdown(body)
        expected = _reference_parts(body, dropped_lines, fenced)
    assert toc == []
    every_line = body.split("\n")
    assert sources == [_reference_source(every_line, p, dropped_lines, note) for p in expected]


def test_small_section_is_one_part_without_a_walk(monkeypatch: pytest.MonkeyPatch) -> None:
    def no_lookups(self: markdown_loader.Spans, offset: int) -> bool:
        raise AssertionError("a section under PART_CHARS needs no line walk")

    body = "# A\n\n" + "x\n\n" * 1000
    assert len(body) < PART_CHARS
    monkeypatch.setattr(markdown_loader.Spans, "__contains__", no_lookups)
    sources, sections, toc = split_markdown(body)
    assert len(sources) == 1 and sources[0].startswith("# A {#a}\n\nx\n")


def test_sources_are_patched_slices() -> None:
    text = (
        "Intro\n\n[^n]: The note,\n    indented.\n\n"
        "# One\n\nCites [^n].\n\n[^u]: Unused.\n\n"
        "Title\n-----\n\nend\n\n\n"
        "# Two {.x}\n\n```\n# not a heading\n```\n"
    )
    sources, sections, toc = split_markdown(text)
    assert sources == [
        "Intro\n",
        "# One {#one}\n\nCites [^n].\n\n[^u]: Unused.\n\nTitle {#title}\n-----\n\nend\n\n"
        "[^n]: The note,\n    indented.\n",
        "# Two {#two .x}\n\n```\n# not a heading\n```\n",
    ]
    assert [s.size for s in sections] == [
        text.index("# One"),
        text.index("# Two") - text.index("# One"),
        len(text) - text.index("# Two"),
    ]  # the length of the book's text each holds
    assert [(e.title, e.section, e.anchor) for e in _walk(toc)] == [
        ("One", 1, "one"),
        ("Title", 1, "title"),
        ("Two", 2, "two"),
    ]


def test_moved_notes_before_the_first_chapter_leave_no_section() -> None:
    text = "[^1]: A note.\n\n[^2]: Another.\n\n# A\n\nCites [^1].\n\n# B\n\nAnd [^2].\n"
    sources, sections, _ = split_markdown(text)
    assert [s.title for s in sections] == ["A", "B"]
    assert sources == [
        "# A {#a}\n\nCites [^1].\n\n[^1]: A note.\n",
        "# B {#b}\n\nAnd [^2].\n\n[^2]: Another.\n",
    ]


def test_no_empty_part_when_a_chapter_ends_just_past_the_part_size(tmp_path: Path) -> None:
    paragraph = "x" * 999
    body = "\n\n".join([paragraph] * 64) + "\n\n" + "y" * 2000 + "\n\n"
    book = open_book(write(tmp_path, "# A\n\n" + body + "# B\n\ntext\n"))
    titles = [s.title for s in book.sections]
    assert titles.count("B") == 1
    assert all(s.size > 1 for s in book.sections), [(s.title, s.size) for s in book.sections]
