"""`readmark info`, `text`, `import` and `export` on one book written as Markdown,
EPUB, plain text and HTML: a script sees the same book whatever its format."""

from __future__ import annotations

import json
from pathlib import Path

from readmark.core.export.common import ExportedBook
from readmark.core.export.w3c import dumps, to_w3c
from readmark.core.formats import open_book
from same_book_marks import marks
from test_cli_annotations import open_in_reader, run

# What differs by nature between the files of one book, not in what a reader sees.
FILE_FACTS = ("path", "format", "encoding", "content_id")


def info(path: Path) -> dict[str, object]:
    result = run("info", "--json", str(path))
    assert result.returncode == 0, result.stderr
    payload = json.loads(result.stdout)
    for key in FILE_FACTS:
        payload.pop(key)
    # A text file also says which rules found its chapters (the others have headings),
    # and lists the text before its first chapter, named by its title line: without
    # markup, nothing else would lead there from the contents.
    if path.suffix == ".txt":
        front = payload["toc"].pop(0)
        assert (front["title"], front["section"]) == (payload["metadata"]["title"], 0)
        assert sum(payload.pop("chapter_rules").values()) == len(payload["toc"])

    def without_anchors(entry: dict) -> dict:  # type: ignore[type-arg]
        entry.pop("anchor")
        entry["children"] = [without_anchors(c) for c in entry["children"]]
        return entry

    payload["toc"] = [without_anchors(e) for e in payload["toc"]]
    return payload


def test_info_and_text_are_the_same_for_every_format(same_book, tmp_path: Path) -> None:
    for book in same_book.BOOKS:
        paths = same_book.write(book, tmp_path)
        reference = paths.pop("markdown")
        expected_info, expected_text = info(reference), run("text", str(reference)).stdout
        assert expected_info["metadata"]["title"] == book.title
        assert book.chapters[-1].paragraphs[-1] in expected_text
        for fmt, path in paths.items():
            assert info(path) == expected_info, fmt
            assert run("text", str(path)).stdout == expected_text, fmt
            assert (
                run("text", "--section", "2", str(path)).stdout
                == run("text", "--section", "2", str(reference)).stdout
            )


def test_import_then_export_gives_the_same_notes_for_every_format(
    same_book, book_format: str, tmp_path: Path, monkeypatch
) -> None:
    monkeypatch.setenv("TZ", "UTC")  # the export's dates are in the reader's time zone
    [zh] = [b for b in same_book.BOOKS if b.stem == "zh"]
    path = same_book.write(zh, tmp_path)[book_format].resolve()
    book = open_book(path)
    open_in_reader(path)
    document = tmp_path / "marks.json"
    document.write_text(dumps(to_w3c(ExportedBook.from_book(book), marks(book))), encoding="utf-8")

    imported = run("import", str(document))
    assert imported.returncode == 0, imported.stderr
    assert "Added: 4" in imported.stdout
    exported = run("export", str(path), "--format", "md-plain")
    assert exported.returncode == 0, exported.stderr
    # Written out by hand, so the test does not compare the program with itself.
    link = " · [Open in Readmark](readmark://annotation/{:032x})".format
    assert exported.stdout == (
        "# Annotations: 江边小记\n\n林川\n\n## 序\n\n"
        f"**渡口 / ferry**\n\n*Bookmark · 2023-11-14 22:13*{link(1)}\n\n"
        "> 这些文字记下的，是那些年\n\nWhy **here**?\n\n"
        f"*Highlight · blue · 2023-11-14 22:13*{link(2)}\n\n"
        "## 第一章 渡口\n\n> 渡口在镇子的东头\n\n"
        f"*Highlight · green · underlined · 2023-11-14 22:13*{link(3)}\n\n"
        f"## 后记\n\n> 谢谢读到这\n\n*Highlight · pink · 2023-11-14 22:13*{link(4)}\n"
    )
    round_trip = json.loads(run("export", str(path), "--format", "json").stdout)
    assert round_trip == json.loads(document.read_text(encoding="utf-8"))
