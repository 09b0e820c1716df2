"""`readmark library add|list|remove` and `import` onto a book on disk, run as a user
runs them: real child processes on the test's own READMARK_HOME."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

from test_cli import run

FIXTURES = Path(__file__).resolve().parent / "fixtures" / "export"


def test_add_the_real_books_list_them_and_remove_one(shared_books: Path) -> None:
    added = run("library", "add", str(shared_books))
    # The damaged EPUB is reported on stderr (status 2); the other eight are added.
    assert added.returncode == 2
    assert "Added: 8" in added.stdout and "Could not be added: 1" in added.stdout
    assert "TIny-3-Bad.epub" in added.stderr and "Traceback" not in added.stderr

    listed = run("library", "list", "--json")
    assert listed.returncode == 0, listed.stderr
    books = {Path(b["path"]).name: b for b in json.loads(listed.stdout)}
    assert len(books) == 8
    sanguo = books["三国演义.txt"]
    assert (sanguo["title"], sanguo["authors"], sanguo["format"]) == ("三国演义", "罗贯中", "text")
    assert sanguo["language"] == "zh-Hans" and sanguo["size"] == 1_206_396
    assert sanguo["added"].endswith("Z") and sanguo["last_read"] is None
    assert sanguo["progress"] is None and sanguo["annotations"] == 0
    assert books["wasteland.epub"]["title"] == "The Waste Land"

    text = run("library", "list")
    assert (
        "三国演义 — 罗贯中" in text.stdout
        and str((shared_books / "11-0.txt").resolve()) in text.stdout
    )

    again = run("library", "add", str(shared_books / "wasteland.epub"))
    assert again.returncode == 0 and "Already in the library: 1" in again.stdout

    removed = run("library", "remove", "The Waste Land")
    assert removed.returncode == 0, removed.stderr
    assert "Removed “The Waste Land” from the library." in removed.stdout
    titles = [b["title"] for b in json.loads(run("library", "list", "--json").stdout)]
    assert "The Waste Land" not in titles and len(titles) == 7
    assert (shared_books / "wasteland.epub").is_file()  # the file is never touched


def test_remove_says_what_happens_to_the_annotations(tmp_path: Path) -> None:
    book = tmp_path / "book.md"
    shutil.copyfile(FIXTURES / "book.md", book)
    golden = json.loads((FIXTURES / "annotations.json").read_text(encoding="utf-8"))
    golden["readmark:book"]["file"] = book.as_uri()
    notes = tmp_path / "notes.json"
    notes.write_text(json.dumps(golden), encoding="utf-8")
    assert run("import", str(notes)).returncode == 0  # adds the book with its 6 annotations

    kept = run("library", "remove", str(book))
    assert kept.returncode == 0
    assert "Its 6 annotations are kept" in kept.stdout
    assert json.loads(run("library", "list", "--json").stdout) == []
    back = run("library", "add", str(book))
    assert "Back in the library: 1" in back.stdout
    [entry] = json.loads(run("library", "list", "--json").stdout)
    assert entry["annotations"] == 6

    deleted = run("library", "remove", str(book), "--delete-annotations")
    assert deleted.returncode == 0, deleted.stderr
    assert "Its 6 annotations were deleted; the backup made first holds them:" in deleted.stdout
    backup = Path(deleted.stdout.rsplit(": ", 1)[1].strip())
    assert backup.is_file() and "before-remove" in backup.name


def test_import_onto_a_file_on_disk_then_export(tmp_path: Path) -> None:
    book = tmp_path / "Walden.md"
    shutil.copyfile(FIXTURES / "book.md", book)
    annotation = {
        "@context": "http://www.w3.org/ns/anno.jsonld",
        "id": "https://example.org/annotations/17",
        "type": "Annotation",
        "motivation": "commenting",
        "body": {"type": "TextualBody", "value": "Slow water.", "format": "text/plain"},
        "target": {
            "source": book.as_uri(),
            "selector": {
                "type": "TextQuoteSelector",
                "exact": "The river ran slowly past the mill.",
            },
        },
    }
    notes = tmp_path / "notes.json"
    notes.write_text(json.dumps(annotation), encoding="utf-8")
    imported = run("import", str(notes))
    assert imported.returncode == 0, imported.stderr
    assert (
        "Added: 1" in imported.stdout
        and "Waiting for their book to be opened: 0" in imported.stdout
    )
    exported = run("export", str(book), "--format", "md")
    assert exported.returncode == 0, exported.stderr
    assert "> The river ran slowly past the mill." in exported.stdout
    assert "Slow water." in exported.stdout


def test_errors_are_one_line_and_status_2(tmp_path: Path) -> None:
    missing = run("library", "remove", "No Such Book")
    assert missing.returncode == 2
    assert missing.stderr.count("\n") == 1 and "is not in the library" in missing.stderr
    nothing = run("library", "add", str(tmp_path / "nowhere.md"))
    assert nothing.returncode == 2 and "does not exist" in nothing.stderr
    empty = run("library", "list")
    assert empty.returncode == 0 and "The library is empty" in empty.stdout
    usage = run("library")
    assert usage.returncode == 2 and "Traceback" not in usage.stderr
