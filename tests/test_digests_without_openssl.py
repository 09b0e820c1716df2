"""The digests taken before the first screen — a book's content id, the single-instance
socket's name, the render cache's code version — come from CPython's own BLAKE2 and
SHA-256 modules instead of `hashlib` (which also loads OpenSSL's binding, ~2.5 ms):
they must be the very digests `hashlib` gives, or every book would look new to the
library, the cache would be thrown away, and a running Readmark would not be found."""

from __future__ import annotations

import hashlib
import os
from pathlib import Path

from hypothesis import given
from hypothesis import strategies as st

from readmark import paths
from readmark.core.book import BookError
from readmark.core.textio import read_text
from readmark.ui.shell import single_instance


def test_a_books_content_id_is_hashlibs_blake2b(shared_books: Path) -> None:
    for book in ("000_25b2869f1a30fd56.txt", "11-0.txt", "三国演义.txt"):
        path = shared_books / book
        expected = hashlib.blake2b(path.read_bytes(), digest_size=20).hexdigest()
        assert read_text(path).content_id == expected


@given(st.binary(max_size=4096).filter(lambda raw: raw.strip()))
def test_content_ids_of_any_text_are_hashlibs(tmp_path_factory, raw: bytes) -> None:  # type: ignore[no-untyped-def]
    path = tmp_path_factory.mktemp("ids") / "book.txt"
    text = raw.decode("utf-8", errors="replace").replace("\0", " ").strip() or "x"
    path.write_text(text, encoding="utf-8")
    data = path.read_bytes()
    try:
        decoded = read_text(path)
    except BookError:  # refused (control characters, …): no id to compare
        return
    assert decoded.content_id == hashlib.blake2b(data, digest_size=20).hexdigest()


def test_the_instance_socket_keeps_its_name(readmark_home: Path) -> None:
    name = single_instance.server_name()
    assert name is not None
    library = str(paths.data_dir().resolve())
    user = str(os.getuid())
    digest = hashlib.sha256(f"{user}\0{library}".encode()).hexdigest()[:20]
    assert Path(name).name == f"readmark-{user}-{digest}"
    assert "hashlib" not in single_instance.__dict__
