from pathlib import Path

from readmark.core import render_cache
from readmark.core.render_cache import RenderCache


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
