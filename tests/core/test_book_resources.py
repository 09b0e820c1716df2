"""Images a book refers to: from its own folder only, never the network."""

from pathlib import Path

from readmark.core.book_resources import OUTSIDE, REMOTE, FolderResources, Refused


def test_folder_resources_stay_inside_the_folder(tmp_path: Path) -> None:
    book = tmp_path / "book"
    (book / "img").mkdir(parents=True)
    (book / "img" / "a.png").write_bytes(b"png-bytes")
    (tmp_path / "secret.png").write_bytes(b"secret")
    (book / "link.png").symlink_to(tmp_path / "secret.png")
    resources = FolderResources(book)
    assert resources.load(0, "img/a.png") == b"png-bytes"
    assert resources.load(0, "img/a%2Epng") == b"png-bytes"  # percent-encoded
    assert resources.load(0, "../secret.png") == Refused(OUTSIDE)
    assert resources.load(0, str(tmp_path / "secret.png")) == Refused(OUTSIDE)
    assert resources.load(0, (tmp_path / "secret.png").as_uri()) == Refused(OUTSIDE)
    assert resources.load(0, "link.png") == Refused(OUTSIDE)  # a symlink leading out
    for url in ("https://example.org/x.png", "//example.org/x.png", "ftp://h/x.png"):
        assert resources.load(0, url) == Refused(REMOTE)
    assert isinstance(resources.load(0, "missing.png"), Refused)
    assert isinstance(resources.load(0, "data:image/png;base64,AAAA"), Refused)
