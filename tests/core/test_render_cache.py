import json
import shutil
import subprocess
import sys
import time
from pathlib import Path

import pytest

import readmark
from readmark.core import render_cache
from readmark.core.render_cache import RenderCache, rendering_modules, version_of

SOURCE_ROOT = Path(readmark.__file__).resolve().parent.parent
SAME_BOOK = Path(__file__).resolve().parent.parent / "fixtures" / "same_book"


def test_put_then_get(tmp_path: Path) -> None:
    cache = RenderCache(tmp_path)
    assert cache.get("book", 3) is None
    cache.put("book", 3, "<p>中文</p>")
    assert cache.get("book", 3) == "<p>中文</p>"
    assert cache.get("other-book", 3) is None


def test_changed_rendering_code_misses(tmp_path: Path, monkeypatch) -> None:
    from readmark.core.formats import open_book

    book_file = tmp_path / "b.md"
    book_file.write_text("# A\n\ntext\n")
    book = open_book(book_file)
    cache = RenderCache(tmp_path / "cache")
    cache.put(book.cache_key, 0, "<p>old</p>")
    monkeypatch.setattr(render_cache, "renderer_version", lambda: "different-code")
    assert cache.get(book.cache_key, 0) is None


def test_version_is_a_stable_digest_of_the_code() -> None:
    render_cache.renderer_version.cache_clear()
    first = render_cache.renderer_version()
    render_cache.renderer_version.cache_clear()
    assert render_cache.renderer_version() == first and len(first) == 16


def test_unwritable_cache_is_only_a_miss(tmp_path: Path) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("x")
    cache = RenderCache(blocker / "cache")
    cache.put("book", 0, "<p>x</p>")  # no exception
    assert cache.get("book", 0) is None


# ------------------------------------------------- what the version covers


@pytest.fixture(scope="module")
def source_copy(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The readmark package's sources, copied to be edited."""
    root = tmp_path_factory.mktemp("src")
    shutil.copytree(
        SOURCE_ROOT / "readmark", root / "readmark", ignore=shutil.ignore_patterns("__pycache__")
    )
    return root


def _edited(root: Path, module: str) -> str:
    """The version after appending a comment to `module` (a path under readmark/),
    the module put back as it was afterwards."""
    path = root / "readmark" / module
    original = path.read_bytes()
    try:
        path.write_bytes(original + b"\n# an edit\n")
        return version_of(root)
    finally:
        path.write_bytes(original)


@pytest.mark.parametrize(
    "module",
    [
        "core/textio.py",  # reached through formats/__init__'s function-level import
        "core/html_text.py",
        "core/sniff.py",
        "core/html_defuse.py",
        "core/scripts.py",
        "core/metadata.py",
        "core/repair/cjk.py",
        "core/formats/markdown/grammar.py",
        "core/html_sanitize.py",
        "__init__.py",
    ],
)
def test_editing_a_module_rendering_reaches_changes_the_version(
    source_copy: Path, module: str
) -> None:
    before = version_of(source_copy)
    assert _edited(source_copy, module) != before
    assert version_of(source_copy) == before  # put back: the same again


@pytest.mark.parametrize(
    "module",
    ["core/export/markdown.py", "core/store/library.py", "core/anchoring/resolver.py", "cli.py"],
)
def test_editing_a_module_rendering_does_not_reach_keeps_the_version(
    source_copy: Path, module: str
) -> None:
    assert (source_copy / "readmark" / module).is_file()
    assert _edited(source_copy, module) == version_of(source_copy)


def test_third_party_versions_count(monkeypatch: pytest.MonkeyPatch) -> None:
    before = version_of(SOURCE_ROOT)
    real = render_cache.distribution_version
    monkeypatch.setattr(
        render_cache,
        "distribution_version",
        lambda name: "0.0-other" if name == "markdown" else real(name),
    )
    assert version_of(SOURCE_ROOT) != before
    assert real("markdown") and real("charset_normalizer")


def test_the_version_covers_every_module_the_loaders_import(tmp_path: Path) -> None:
    """In a fresh interpreter: open and render a book of every kind, then compare the
    readmark modules loaded with those the version is computed from."""
    books = [SAME_BOOK / name for name in ("zh.md", "en.txt", "zh.txt", "en.epub", "zh.html")]
    script = """
import json, sys
import readmark.core.formats
from readmark.core.book import LoadOptions
from readmark.core.formats import open_book
for path in sys.argv[1:]:
    for repair in (False, True):
        book = open_book(path, LoadOptions(repair=repair))
        book.cache_key
        for i in range(len(book.sections)):
            book.section_html(i)
print(json.dumps(sorted(m for m in sys.modules if m == "readmark" or m.startswith("readmark."))))
"""
    result = subprocess.run(
        [sys.executable, "-c", script, *map(str, books)],
        capture_output=True,
        text=True,
        check=True,
        cwd=tmp_path,
    )
    loaded = set(json.loads(result.stdout))
    covered = set(rendering_modules(SOURCE_ROOT))
    assert "readmark.core.formats.markdown.render" in loaded  # the books were rendered
    assert loaded <= covered, sorted(loaded - covered)


def test_the_version_is_quick() -> None:
    # It is asked at start-up; measured at ~8 ms, the bound leaves room for a busy machine.
    start = time.perf_counter()
    version_of(SOURCE_ROOT)
    assert time.perf_counter() - start < 0.2


# ------------------------------------------------- the version remembered between starts


def test_the_remembered_version_is_used_until_the_code_changes(
    source_copy: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    memo = tmp_path / "renderer-version.json"
    computed: list[Path] = []
    real = render_cache._version_and_files

    def counting(root: Path) -> tuple[str, list[Path]]:
        computed.append(root)
        return real(root)

    monkeypatch.setattr(render_cache, "_version_and_files", counting)
    before = render_cache.remembered_version_of(source_copy, memo)
    assert before == version_of(source_copy)
    computed.clear()
    assert render_cache.remembered_version_of(source_copy, memo) == before
    assert computed == []  # read from the memo, nothing scanned

    # An edit to a module rendering reaches: computed again, and right.
    grammar = source_copy / "readmark" / "core" / "formats" / "markdown" / "grammar.py"
    original = grammar.read_bytes()
    grammar.write_bytes(original + b"\n# an edit\n")
    try:
        edited = render_cache.remembered_version_of(source_copy, memo)
        assert computed and edited != before and edited == real(source_copy)[0]
    finally:
        grammar.write_bytes(original)
    assert render_cache.remembered_version_of(source_copy, memo) == before  # put back

    # A module added to a package: its folder changed, so the graph is followed again.
    added = source_copy / "readmark" / "core" / "formats" / "new_format.py"
    computed.clear()
    added.write_text("X = 1\n", encoding="utf-8")
    try:
        assert render_cache.remembered_version_of(source_copy, memo) == before
        assert computed  # looked again (nothing imports it yet, so the same digest)
    finally:
        added.unlink()


def test_a_damaged_memo_is_only_a_recomputation(source_copy: Path, tmp_path: Path) -> None:
    memo = tmp_path / "renderer-version.json"
    memo.write_text('{"digest": "not this", "files": 3', encoding="utf-8")
    assert render_cache.remembered_version_of(source_copy, memo) == version_of(source_copy)
    memo.write_text('{"source_root": 1}', encoding="utf-8")
    assert render_cache.remembered_version_of(source_copy, memo) == version_of(source_copy)
