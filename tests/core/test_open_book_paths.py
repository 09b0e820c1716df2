"""What the book path is comes before its suffix, and only regular files are ever read.

A missing file does not exist whatever its suffix; a folder is a folder; a named
pipe, a device or a socket is refused without being opened for reading (a pipe
would block the reader forever). The path can be swapped between the check and
the open: the opened descriptor is checked again, and opening never blocks.

Every read of a pipe here runs in a thread with a time limit; if one blocks, a
writer comes and goes so that it returns, and the test fails instead of hanging.
"""

from __future__ import annotations

import os
import shutil
import socket
import stat
import tempfile
import threading
from collections.abc import Callable
from pathlib import Path

import pytest

from readmark.core import textio
from readmark.core.book import BookError
from readmark.core.formats import SUPPORTED_SUFFIXES, open_book
from readmark.core.formats.epub.archive import read_book_file

TIME_LIMIT = 10.0  # seconds; each call takes milliseconds when things are right
NOT_REGULAR = "“{name}” is not a regular file ({kind}); Readmark opens only ordinary files."
needs_fifo = pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="named pipes are POSIX")


def _error_without_hanging(call: Callable[[], object], fifo: Path | None = None) -> BookError:
    """The BookError `call` raises, failing (not hanging) if it blocks on `fifo`."""
    outcome: dict[str, BaseException | object] = {}

    def target() -> None:
        try:
            outcome["value"] = call()
        except BaseException as exc:  # noqa: BLE001 - reported below
            outcome["error"] = exc

    thread = threading.Thread(target=target, daemon=True)
    thread.start()
    thread.join(TIME_LIMIT)
    if thread.is_alive():
        if fifo is not None:
            # Blocked opening the pipe for reading: a writer that comes and goes frees it.
            try:
                os.close(os.open(fifo, os.O_WRONLY | os.O_NONBLOCK))
            except OSError:
                pass
            thread.join(TIME_LIMIT)
        pytest.fail(f"reading {fifo or 'the book'} blocked")
    error = outcome.get("error")
    assert isinstance(error, BookError), f"expected a BookError, got {outcome!r}"
    return error


def _open_error(path: Path) -> BookError:
    return _error_without_hanging(lambda: open_book(path), path)


# ------------------------------------------------------------------------ missing


@pytest.mark.parametrize("name", ["missing.pdf", "missing.docx", "no-suffix", "missing.md"])
def test_missing_file_does_not_exist_whatever_its_suffix(tmp_path: Path, name: str) -> None:
    error = _open_error(tmp_path / name)
    assert error.template == "“{name}” does not exist."
    assert str(error) == f"“{name}” does not exist."


def test_a_path_through_a_file_does_not_exist(tmp_path: Path) -> None:
    (tmp_path / "book.md").write_text("# A\n")
    error = _open_error(tmp_path / "book.md" / "inner.md")
    assert error.template == "“{name}” does not exist."


def test_an_existing_file_with_an_unknown_suffix_is_still_refused_by_suffix(
    tmp_path: Path,
) -> None:
    path = tmp_path / "book.pdf"
    path.write_bytes(b"%PDF-1.4\n")
    error = _open_error(path)
    assert error.template == "Readmark cannot open {suffix} files yet."


# ------------------------------------------------------------------------ folders


@pytest.mark.parametrize("name", ["x.md", "x.epub", "x.txt", "x.html", "folder", "x.pdf"])
def test_folder_is_a_folder_whatever_its_name(tmp_path: Path, name: str) -> None:
    (tmp_path / name).mkdir()
    error = _open_error(tmp_path / name)
    assert error.template == "“{name}” is a folder, not a book."
    assert error.params == {"name": name}


# ------------------------------------------------------------ devices, pipes, sockets


@pytest.mark.skipif(not Path("/dev/null").exists(), reason="no /dev/null here")
def test_dev_null_is_not_a_regular_file() -> None:
    error = _open_error(Path("/dev/null"))
    assert error.template == NOT_REGULAR
    assert error.params == {"name": "null", "kind": "a device"}
    assert (
        str(error) == "“null” is not a regular file (a device); Readmark opens only ordinary files."
    )


@needs_fifo
@pytest.mark.parametrize("suffix", [*SUPPORTED_SUFFIXES, "", ".pdf"])
def test_named_pipe_is_refused_without_blocking(tmp_path: Path, suffix: str) -> None:
    fifo = tmp_path / f"pipe{suffix}"
    os.mkfifo(fifo)
    error = _open_error(fifo)
    assert error.template == NOT_REGULAR
    assert error.params == {"name": fifo.name, "kind": "a named pipe"}


@needs_fifo
def test_every_reader_of_book_bytes_refuses_a_pipe(tmp_path: Path) -> None:
    fifo = tmp_path / "pipe.epub"
    os.mkfifo(fifo)
    for call in (
        lambda: textio.read_bytes(fifo),
        lambda: textio.read_text(fifo),
        lambda: read_book_file(fifo),
    ):
        assert _error_without_hanging(call, fifo).template == NOT_REGULAR


@pytest.mark.skipif(not hasattr(socket, "AF_UNIX"), reason="no Unix sockets")
def test_socket_is_not_a_regular_file(tmp_path: Path) -> None:
    # A short folder of its own: a socket's path may not be longer than ~100 bytes.
    folder = Path(tempfile.mkdtemp(prefix="rm-", dir="/tmp"))
    path = folder / "s.md"
    try:
        with socket.socket(socket.AF_UNIX, socket.SOCK_STREAM) as server:
            server.bind(str(path))
            error = _open_error(path)
    finally:
        shutil.rmtree(folder, ignore_errors=True)
    assert error.template == NOT_REGULAR
    assert error.params["kind"] == "a socket"


def test_a_symlink_to_a_book_is_read(tmp_path: Path) -> None:
    book = tmp_path / "real.md"
    book.write_text("# Linked\n\ntext\n", encoding="utf-8")
    link = tmp_path / "link.md"
    link.symlink_to(book)
    assert open_book(link).metadata.title == "Linked"


# ------------------------------------------------- the path swapped after the check


def _stat_as_if(monkeypatch: pytest.MonkeyPatch, path: Path, stand_in: Path) -> None:
    """os.stat of `path` reports `stand_in`: the path is swapped after the check."""
    real_stat = os.stat

    def swapped(target: object, *args: object, **kwargs: object) -> os.stat_result:
        if isinstance(target, (str, os.PathLike)) and Path(target) == path:
            return real_stat(stand_in)
        return real_stat(target, *args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(os, "stat", swapped)


@needs_fifo
def test_pipe_swapped_in_after_the_check_is_refused_without_blocking(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    regular = tmp_path / "regular.md"
    regular.write_text("# A\n\ntext\n", encoding="utf-8")
    fifo = tmp_path / "pipe.md"
    os.mkfifo(fifo)
    _stat_as_if(monkeypatch, fifo, regular)
    assert stat.S_ISREG(os.stat(fifo).st_mode)  # the check is fooled
    error = _error_without_hanging(lambda: textio.read_bytes(fifo), fifo)
    assert error.template == NOT_REGULAR
    assert error.params["kind"] == "a named pipe"


def test_folder_swapped_in_after_the_check_is_refused(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    regular = tmp_path / "regular.md"
    regular.write_text("# A\n\ntext\n", encoding="utf-8")
    folder = tmp_path / "folder.md"
    folder.mkdir()
    _stat_as_if(monkeypatch, folder, regular)
    error = _error_without_hanging(lambda: textio.read_bytes(folder))
    assert error.template == "“{name}” is a folder, not a book."


def test_file_grown_after_the_check_is_still_limited(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    small = tmp_path / "small.md"
    small.write_text("# A\n", encoding="utf-8")
    big = tmp_path / "big.md"
    big.write_bytes(b"x" * 2048)
    monkeypatch.setattr(textio, "MAX_BYTES", 1024)
    _stat_as_if(monkeypatch, big, small)
    error = _error_without_hanging(lambda: textio.read_bytes(big))
    assert "too big" in error.template


def test_messages_are_marked_templates() -> None:
    import re

    import readmark.core.formats as formats

    source = Path(formats.__file__).read_text(encoding="utf-8")
    raised = re.findall(r"raise BookError\(", source)
    marked = re.findall(r"raise BookError\(\s*QT_TRANSLATE_NOOP\(\s*\"BookError\",", source)
    assert len(marked) == len(raised)
