"""Hostile and broken files: every loader opens them safely or says clearly why not.

The samples are built by tests/hostile/make_samples.py (committed); their
full-size text variants (5 MB lines, 100,000 nested elements, 200,000
unterminated tags) are built here in a temporary folder. For each sample,
`open_book` must either raise `BookError` with a message, or return a book
whose every section renders to HTML with no live script, frame, form or object,
no event handler and no `javascript:` URL, whose text shows none of the junk
markers, and whose resources refuse remote files and files outside the book.

Each sample runs in a forked child with a generous time limit, so that a hang
(a quadratic parser path, an entity bomb) fails its own test instead of the
whole run. It is a guard, not a benchmark: each sample takes well under a
second when things are right.
"""

from __future__ import annotations

import importlib.util
import multiprocessing
import sys
import traceback
from html.parser import HTMLParser
from multiprocessing.connection import Connection
from pathlib import Path
from typing import Any

import pytest

from readmark.core.book import BookError
from readmark.core.book_resources import Refused
from readmark.core.formats import SUPPORTED_SUFFIXES, open_book
from readmark.core.html_sanitize import DROP_WITH_CONTENT

HOSTILE = Path(__file__).resolve().parents[1] / "hostile"
TIME_LIMIT = 60.0  # seconds per sample; all of them take < 2 s when things are right

_spec = importlib.util.spec_from_file_location("make_samples", HOSTILE / "make_samples.py")
assert _spec is not None and _spec.loader is not None
samples = importlib.util.module_from_spec(_spec)
sys.modules["make_samples"] = samples  # dataclasses look their module up by name
_spec.loader.exec_module(samples)

COMMITTED = sorted(p.name for p in HOSTILE.iterdir() if p.name != "make_samples.py")
LARGE = sorted(samples.text_samples(large=True))


def supported(name: str) -> bool:
    return Path(name).suffix.lower() in SUPPORTED_SUFFIXES


class _LiveMarkup(HTMLParser):
    """Finds what must never reach a view in rendered HTML."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.problems: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in DROP_WITH_CONTENT:
            self.problems.append(f"<{tag}> element")
        for name, value in attrs:
            if name.startswith("on"):
                self.problems.append(f"{name}= attribute on <{tag}>")
            if name == "style" and value and "url(" in value.lower():
                self.problems.append(f"style with url() on <{tag}>")
            if name in ("href", "src") and value:
                compact = "".join(value.split()).lower()
                if compact.startswith(("javascript:", "vbscript:", "data:text")):
                    self.problems.append(f"{name}={value!r} on <{tag}>")
                if (
                    tag == "img"
                    and name == "src"
                    and compact.startswith(("http:", "https:", "//", "ftp:"))
                    and "remote" not in (dict(attrs).get("class") or "").split()
                ):
                    self.problems.append(f"remote <img> without class remote: {value!r}")

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.handle_starttag(tag, attrs)


def check_book(path: Path) -> dict[str, Any]:
    """Open and render `path`; what happened, as plain data (runs in the child)."""
    expect = samples.expectation(path.name)
    try:
        book = open_book(path)
    except BookError as error:
        return {"outcome": "error", "message": str(error), "template": error.template}
    problems: list[str] = []
    if not book.sections:
        problems.append("a book with no sections")
    for index in range(len(book.sections)):
        html = book.section_html(index)
        text = book.section_text(index)
        finder = _LiveMarkup()
        finder.feed(html)
        finder.close()
        problems += [f"section {index}: {p}" for p in finder.problems]
        if expect.junk:
            problems += [f"section {index} shows {j!r}" for j in samples.JUNK if j in text]
        elif "SECRET-OUTSIDE" in text or "root:x:0:0" in text:
            problems.append(f"section {index} shows a file from outside the book")
    for url in samples.REFUSED_URLS:
        for index in {0, len(book.sections) - 1}:
            loaded = book.resource(index, url)
            if not isinstance(loaded, Refused):
                problems.append(f"resource {url!r} loaded {loaded[:40]!r}")
    if book.cover:
        cover = book.resource(0, book.cover)
        if isinstance(cover, bytes) and b"SECRET-OUTSIDE" in cover:
            problems.append("the cover comes from outside the book")
    return {"outcome": "open", "problems": problems, "sections": len(book.sections)}


def _child(path: Path, connection: Connection) -> None:
    try:
        connection.send(check_book(path))
    except BaseException as error:  # noqa: BLE001 - the point is to report anything
        connection.send(
            {"outcome": "crash", "error": repr(error), "traceback": traceback.format_exc()}
        )
    finally:
        connection.close()


def run_guarded(path: Path) -> dict[str, Any]:
    """`check_book(path)` in a forked child, killed after TIME_LIMIT seconds."""
    if "fork" not in multiprocessing.get_all_start_methods():
        return check_book(path)  # no guard without fork (Windows): still checked
    context = multiprocessing.get_context("fork")
    receiver, sender = context.Pipe(duplex=False)
    process = context.Process(target=_child, args=(path, sender), daemon=True)
    process.start()
    sender.close()
    try:
        if not receiver.poll(TIME_LIMIT):
            return {"outcome": "timeout"}
        return receiver.recv()
    except EOFError:
        return {"outcome": "crash", "error": f"child died (exit code {process.exitcode})"}
    finally:
        if process.is_alive():
            process.kill()
        process.join(5)
        receiver.close()


def assert_safe(result: dict[str, Any], name: str) -> None:
    outcome = result["outcome"]
    assert outcome != "timeout", f"{name}: still running after {TIME_LIMIT:.0f} s"
    assert outcome != "crash", f"{name}: {result['error']}\n{result.get('traceback', '')}"
    expected = samples.expectation(name).outcome
    if outcome == "error":
        # a sentence for the reader that names the file
        assert result["message"].strip() and "{" not in result["message"], result
        assert expected != "open", f"{name} should open but: {result['message']}"
    else:
        assert not result["problems"], f"{name}: " + "; ".join(result["problems"])
        assert expected != "error", f"{name} should be refused with a BookError"


@pytest.fixture
def book_folder(tmp_path: Path) -> Path:
    """A folder to open samples from, with secrets beside it that must stay unread."""
    (tmp_path / "outside_secret.png").write_bytes(b"SECRET-OUTSIDE")
    (tmp_path / "outside_secret.txt").write_bytes(b"SECRET-OUTSIDE")
    folder = tmp_path / "books"
    folder.mkdir()
    return folder


def test_samples_are_up_to_date() -> None:
    """The committed samples are exactly what make_samples.py builds."""
    built = samples.all_samples()
    assert sorted(built) == COMMITTED
    stale = [name for name, data in built.items() if (HOSTILE / name).read_bytes() != data]
    assert not stale, f"run tests/hostile/make_samples.py: {stale}"


def test_every_supported_suffix_has_samples() -> None:
    suffixes = {Path(name).suffix for name in COMMITTED}
    missing = {s for s in SUPPORTED_SUFFIXES if s not in suffixes}
    # Variants of a suffix (.htm, .markdown, …) go to the same loader as one that has samples.
    assert missing <= {".htm", ".markdown", ".mdown", ".mkd"}, missing


@pytest.mark.parametrize("name", COMMITTED)
def test_hostile_sample(name: str, book_folder: Path) -> None:
    if not supported(name):
        pytest.fail(f"a hostile sample for {Path(name).suffix}, which no loader opens")
    path = book_folder / name
    path.write_bytes((HOSTILE / name).read_bytes())
    assert_safe(run_guarded(path), name)


@pytest.mark.slow
@pytest.mark.parametrize("name", LARGE)
def test_large_hostile_sample(name: str, book_folder: Path) -> None:
    if not supported(name):
        pytest.fail(f"a hostile sample for {Path(name).suffix}, which no loader opens")
    path = book_folder / name
    path.write_bytes(samples.build(name, large=True))
    assert_safe(run_guarded(path), name)


@pytest.mark.parametrize("suffix", [".htm", ".markdown"])
def test_suffix_variants_share_their_loader(suffix: str, book_folder: Path) -> None:
    source = "scripts_forms_frames.html" if suffix == ".htm" else "scripts_forms_frames.md"
    path = book_folder / f"variant{suffix}"
    path.write_bytes((HOSTILE / source).read_bytes())
    assert_safe(run_guarded(path), source)
