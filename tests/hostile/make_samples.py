"""Builds the hostile and broken sample books in this folder (the files are committed).

Run: .venv/bin/python tests/hostile/make_samples.py

Every sample is made here from code, with fixed timestamps, so running the
script again gives the same bytes and a reviewer reads the attacks as code.
`SAMPLES` maps a file name to its builder and to what a loader must do with it
(`Expect`); tests/core/test_hostile_files.py opens every file listed.

Text samples are kept small (≤ ~300 KB). Their full-size variants (a 5 MB
single line, 100,000 nested elements) are built by the test in a temporary
folder with `build(name, large=True)`; EPUB samples compress so well that they
are committed at full size.

Samples refer to `../outside_secret.png` and `../outside_secret.txt`: the test
puts files with those names next to the folder it opens the books from, and
checks that nothing from them ever reaches the book.
"""

from __future__ import annotations

import io
import struct
import warnings
import zipfile
from dataclasses import dataclass
from pathlib import Path

HERE = Path(__file__).parent
DATE = (2020, 1, 1, 0, 0, 0)

# Text that must never be visible in a book: it lives inside scripts, styles,
# frames, forms and objects, or in files outside the book.
JUNK = (
    "SCRIPT-JUNK",
    "STYLE-JUNK",
    "IFRAME-JUNK",
    "FORM-JUNK",
    "OBJECT-JUNK",
    "NOSCRIPT-JUNK",
    "TEMPLATE-JUNK",
    "SECRET-OUTSIDE",
    "root:x:0:0",
)
# URLs a book's resources must refuse, whatever the book says about them.
REFUSED_URLS = (
    "https://remote.example/track.png",
    "//remote.example/track.png",
    "../outside_secret.png",
    "../../../../../../../../etc/passwd",
    "/etc/passwd",
    "file:///etc/passwd",
)


@dataclass(frozen=True)
class Expect:
    """What a loader must do with a sample.

    `outcome`: "open" (it opens and every section renders), "error" (a
    BookError), or "either". `junk`: whether the JUNK markers are markup here
    (in plain text they are the book's own words and may be shown).
    """

    outcome: str = "either"
    junk: bool = True
    note: str = ""


# ---------------------------------------------------------------- hostile markup

HOSTILE_BODY = """
<h1 onclick="steal()">Hostile chapter</h1>
<script>document.write("SCRIPT-JUNK")</script>
<script src="https://remote.example/evil.js"></script>
<style>body { display: none } /* STYLE-JUNK */</style>
<noscript>NOSCRIPT-JUNK</noscript>
<template>TEMPLATE-JUNK</template>
<iframe src="https://remote.example/frame.html">IFRAME-JUNK</iframe>
<iframe src="../outside_secret.txt"></iframe>
<form action="https://remote.example/post"><input name="q" value="FORM-JUNK">
  <textarea>FORM-JUNK</textarea><button>FORM-JUNK</button></form>
<object data="../outside_secret.txt">OBJECT-JUNK</object>
<embed src="https://remote.example/x.swf">
<link rel="stylesheet" href="https://remote.example/x.css">
<p style="background: url(https://remote.example/bg.png)" onmouseover="steal()">Visible
 <a href="javascript:alert('SCRIPT-JUNK')">js link</a>
 <a href=" JaVaScRiPt:alert(1)">js link two</a>
 <img src="https://remote.example/track.png" alt="remote image">
 <img src="//remote.example/track.png" alt="protocol-relative image">
 <img src="../outside_secret.png" alt="outside image">
 <img src="/etc/passwd" alt="absolute image">
 <img src="file:///etc/passwd" alt="file image">
 <img src="data:text/html,SCRIPT-JUNK" alt="data html">
 <img src="x.png" onerror="alert('SCRIPT-JUNK')" alt="onerror image">
</p>
<svg><script>SCRIPT-JUNK</script></svg>
<p>End of the hostile chapter.</p>
"""

HOSTILE_MARKDOWN = """# Hostile chapter

<script>document.write("SCRIPT-JUNK")</script>

<style>p { color: red } /* STYLE-JUNK */</style>

<iframe src="https://remote.example/frame.html">IFRAME-JUNK</iframe>

<form action="https://remote.example/post"><input value="FORM-JUNK"><button>FORM-JUNK</button></form>

<object data="../outside_secret.txt">OBJECT-JUNK</object><embed src="x.swf">

Visible text with ![remote](https://remote.example/track.png) and
![outside](../outside_secret.png) and ![abs](/etc/passwd) and
![file](file:///etc/passwd) and [js](javascript:alert('SCRIPT-JUNK')).

<img src="x.png" onerror="alert('SCRIPT-JUNK')" alt="onerror image">

End of the hostile chapter.
"""


def _billion_laughs(levels: int = 10) -> str:
    entities = ['<!ENTITY lol0 "lol">']
    for i in range(1, levels):
        entities.append(f'<!ENTITY lol{i} "{("&lol" + str(i - 1) + ";") * 10}">')
    return "".join(entities)


def _quadratic_blowup() -> str:
    return f'<!ENTITY big "{"x" * 50_000}">'


def xhtml(body: str, doctype_subset: str = "", title: str = "Chapter") -> str:
    doctype = f"<!DOCTYPE html [{doctype_subset}]>\n" if doctype_subset else "<!DOCTYPE html>\n"
    return (
        '<?xml version="1.0" encoding="utf-8"?>\n'
        + doctype
        + '<html xmlns="http://www.w3.org/1999/xhtml"><head><title>'
        + title
        + "</title></head>\n<body>"
        + body
        + "</body></html>\n"
    )


def deep(depth: int) -> str:
    return "<div>" * depth + "<p>deep text</p>" + "</div>" * depth


def huge_line(chars: int) -> str:
    words = "lorem ipsum dolor sit amet "
    return "<p>" + words * (chars // len(words)) + "</p>"


# ---------------------------------------------------------------- text samples


def text_samples(large: bool) -> dict[str, bytes]:
    depth = 100_000 if large else 10_000
    line = 5_000_000 if large else 100_000
    repeat = 200_000 if large else 10_000
    samples: dict[str, bytes] = {}
    page = f"<html><head><title>Hostile</title></head><body>{HOSTILE_BODY}</body></html>"
    for suffix in (".html", ".xhtml"):
        samples[f"scripts_forms_frames{suffix}"] = page.encode()
        samples[f"deep_nesting{suffix}"] = deep(depth).encode()
        samples[f"huge_line{suffix}"] = huge_line(line).encode()
        samples[f"nul_bytes{suffix}"] = (
            b"<h1>NUL\x00 bytes</h1><p>text\x00with\x00nuls and more words around them "
            + b"to read.</p>" * 20
        )
    samples["scripts_forms_frames.md"] = HOSTILE_MARKDOWN.encode()
    samples["scripts_forms_frames.txt"] = HOSTILE_MARKDOWN.replace("# ", "").encode()
    samples["deep_nesting.md"] = ("# Deep\n\n" + deep(depth) + "\n").encode()
    samples["huge_line.md"] = ("# Long\n\n" + "lorem ipsum " * (line // 12) + "\n").encode()
    samples["huge_line.txt"] = ("lorem ipsum " * (line // 12) + "\n").encode()
    samples["nul_bytes.md"] = b"# NUL\n\ntext\x00with\x00nuls\n"
    samples["nul_bytes.txt"] = b"text\x00with\x00nuls\n" * 10
    samples["mostly_nul.txt"] = b"\x00" * 4096 + b"text"
    samples["mostly_nul.html"] = b"<p>" + b"\x00" * 4096 + b"</p>"
    samples["binary_junk.md"] = bytes(range(256)) * 16
    samples["binary_junk.html"] = bytes(range(256)) * 16
    samples["png_named.txt"] = b"\x89PNG\r\n\x1a\n" + bytes(64)
    samples["zip_named.html"] = b"PK\x03\x04" + bytes(64)
    samples["invalid_utf8.html"] = (
        b"<meta charset='utf-8'><h1>Bad \xff\xfe bytes</h1><p>\xc3\x28</p>"
    )
    samples["invalid_utf8.md"] = b"# Bad \xff\xfe bytes\n\n\xc3\x28 text\n"
    samples["utf16_no_bom.html"] = "<h1>Sixteen</h1><p>bits</p>".encode("utf-16-le")
    samples["lying_charset.html"] = b'<meta charset="utf-32"><p>Not UTF-32 at all</p>'
    samples["codec_charset.html"] = b'<meta charset="zlib"><p>zlib is not a text encoding</p>'
    # Entity bombs in HTML: html.parser never expands DOCTYPE entities.
    bomb = xhtml("<p>&lol9; &big; &ext;</p>", _billion_laughs() + _quadratic_blowup())
    samples["entity_bomb.xhtml"] = bomb.encode()
    samples["entity_bomb.html"] = bomb.encode()
    # Constructs that make html.parser quadratic or raise when unprotected.
    samples["unterminated_end_tags.html"] = b"<p>x</p>" + b"</" * repeat
    samples["unterminated_start_tags.html"] = b"<p>x</p>" + b"<a " * repeat
    samples["unterminated_comments.html"] = b"<p>x</p>" + b"<!--x>" * repeat
    samples["marked_sections.html"] = b"<p>x</p>" + b"<![" * repeat + b"<![if x]>y<![endif]>"
    samples["unterminated_start_tags.md"] = b"# T\n\n" + b"<a " * repeat
    samples["unterminated_end_tags.md"] = b"# T\n\n" + b"</" * repeat
    # Link patterns search to the paragraph's end for the `]` or `)` closing each.
    samples["unclosed_brackets.md"] = b"# T\n\n" + b"[ " * repeat + b"]"
    samples["unclosed_link_parens.md"] = b"# T\n\n" + b"[a](" * (repeat // 2)
    samples["marked_sections.md"] = b"# T\n\n<![<![ x\n\n<![CDATA[ y\n"
    # Thousands of headings with one title: unique ids must stay linear.
    samples["same_heading_many_times.html"] = b"<h2>Notes</h2><p>x</p>" * (repeat // 2)
    samples["same_heading_many_times.md"] = b"# Notes\n\nx\n\n" * (repeat // 2)
    samples["broken_markup.html"] = (
        b"stray <html><head><title>Broken<body><h1>Unclosed <b>bold <i>both"
        b"<table><tr><td>cell<td></table></span></div></p><p>&unknown; &#99999999; &#x0;"
        b"<h1>Second</h1><p>text <a href='#nowhere'"
    )
    samples["empty.html"] = b""
    samples["empty.txt"] = b""
    samples["blank.md"] = b"  \n\t\n"
    samples["blank.txt"] = "\u3000\u3000\r\n \n\t".encode("utf-8")
    return samples


# ---------------------------------------------------------------- EPUB samples

CONTAINER = """<?xml version="1.0"?>
<container version="1.0" xmlns="urn:oasis:names:tc:opendocument:xmlns:container">
<rootfiles><rootfile full-path="{opf}" media-type="application/oebps-package+xml"/></rootfiles>
</container>"""


def opf(manifest: list[tuple[str, str]], spine: list[str] | None = None, subset: str = "") -> str:
    """A package document; `manifest` is (id, href) of XHTML items."""
    items = "".join(
        f'<item id="{i}" href="{h}" media-type="application/xhtml+xml"/>' for i, h in manifest
    )
    refs = "".join(f'<itemref idref="{i}"/>' for i in (spine or [i for i, _ in manifest]))
    doctype = f"<!DOCTYPE package [{subset}]>" if subset else ""
    return (
        f'<?xml version="1.0" encoding="utf-8"?>{doctype}'
        '<package xmlns="http://www.idpf.org/2007/opf" version="3.0" unique-identifier="id">'
        '<metadata xmlns:dc="http://purl.org/dc/elements/1.1/">'
        '<dc:identifier id="id">hostile</dc:identifier><dc:title>Hostile</dc:title>'
        "<dc:language>en</dc:language></metadata>"
        f"<manifest>{items}</manifest><spine>{refs}</spine></package>"
    )


def _info(name: str, compress: int = zipfile.ZIP_DEFLATED) -> zipfile.ZipInfo:
    info = zipfile.ZipInfo(name, DATE)
    info.compress_type = compress
    info.external_attr = 0o644 << 16
    return info


def epub(
    files: list[tuple[str, str | bytes]],
    opf_path: str = "OEBPS/content.opf",
    container: str | None = None,
) -> bytes:
    """A ZIP with the mimetype first, a container pointing at `opf_path`, then `files`."""
    buffer = io.BytesIO()
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # duplicate names are the point of some samples
        with zipfile.ZipFile(buffer, "w") as archive:
            archive.writestr(_info("mimetype", zipfile.ZIP_STORED), "application/epub+zip")
            archive.writestr(
                _info("META-INF/container.xml"),
                container if container is not None else CONTAINER.format(opf=opf_path),
            )
            for name, data in files:
                archive.writestr(_info(name), data)
    return buffer.getvalue()


def simple_epub(chapter: str | bytes, subset: str = "") -> bytes:
    return epub(
        [
            ("OEBPS/content.opf", opf([("c1", "c1.xhtml")], subset=subset)),
            ("OEBPS/c1.xhtml", chapter),
        ]
    )


def zip_bomb() -> bytes:
    """A chapter of 50 MB of spaces deflated to ~50 KB (ratio ~1000:1), streamed in."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr(_info("mimetype", zipfile.ZIP_STORED), "application/epub+zip")
        archive.writestr(_info("META-INF/container.xml"), CONTAINER.format(opf="content.opf"))
        archive.writestr(_info("content.opf"), opf([("c1", "c1.xhtml")]))
        with archive.open(_info("c1.xhtml"), "w") as member:
            member.write(b'<html xmlns="http://www.w3.org/1999/xhtml"><body><p>')
            chunk = b" " * (1024 * 1024)
            for _ in range(50):
                member.write(chunk)
            member.write(b"</p></body></html>")
    return buffer.getvalue()


def _patch_sizes(data: bytes, name: bytes, size: int) -> bytes:
    """Set the uncompressed size of entry `name` in both its headers to `size`."""
    out = bytearray(data)
    local = out.find(b"PK\x03\x04")
    while local >= 0:
        name_len = struct.unpack_from("<H", out, local + 26)[0]
        if bytes(out[local + 30 : local + 30 + name_len]) == name:
            struct.pack_into("<I", out, local + 22, size)
        local = out.find(b"PK\x03\x04", local + 4)
    central = out.find(b"PK\x01\x02")
    while central >= 0:
        name_len = struct.unpack_from("<H", out, central + 28)[0]
        if bytes(out[central + 46 : central + 46 + name_len]) == name:
            struct.pack_into("<I", out, central + 24, size)
        central = out.find(b"PK\x01\x02", central + 4)
    return bytes(out)


def _patch_flags(data: bytes, name: bytes, flags: int) -> bytes:
    """OR `flags` into the general-purpose bits of entry `name` (e.g. 1 = encrypted)."""
    out = bytearray(data)
    for signature, flag_at, name_len_at, name_at in (
        (b"PK\x03\x04", 6, 26, 30),
        (b"PK\x01\x02", 8, 28, 46),
    ):
        pos = out.find(signature)
        while pos >= 0:
            name_len = struct.unpack_from("<H", out, pos + name_len_at)[0]
            if bytes(out[pos + name_at : pos + name_at + name_len]) == name:
                old = struct.unpack_from("<H", out, pos + flag_at)[0]
                struct.pack_into("<H", out, pos + flag_at, old | flags)
            pos = out.find(signature, pos + 4)
    return bytes(out)


def symlink_epub() -> bytes:
    """Chapter and image entries that are symbolic links to files outside the book."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr(_info("mimetype", zipfile.ZIP_STORED), "application/epub+zip")
        archive.writestr(_info("META-INF/container.xml"), CONTAINER.format(opf="content.opf"))
        archive.writestr(_info("content.opf"), opf([("c1", "c1.xhtml"), ("link", "link.xhtml")]))
        archive.writestr(
            _info("c1.xhtml"),
            xhtml('<h1>Links</h1><p>text <img src="secret.png" alt="linked image"/></p>'),
        )
        for name, target in (
            ("link.xhtml", "/etc/passwd"),
            ("secret.png", "../outside_secret.png"),
        ):
            info = _info(name, zipfile.ZIP_STORED)
            info.create_system = 3  # Unix
            info.external_attr = (0o120777 << 16) | 0x20  # S_IFLNK | rwxrwxrwx
            archive.writestr(info, target)
    return buffer.getvalue()


def epub_samples() -> dict[str, bytes]:
    chapter = xhtml("<h1>Fine</h1><p>A fine chapter.</p>")
    samples: dict[str, bytes] = {}
    samples["zip_bomb.epub"] = zip_bomb()
    small = simple_epub(xhtml("<h1>Small</h1><p>" + "x" * 1000 + "</p>"))
    # Headers claim 4 GB for a 1 KB chapter: refuse or read within limits, never allocate.
    samples["zip_declared_huge.epub"] = _patch_sizes(small, b"OEBPS/c1.xhtml", 0xFFFF_FFF0)
    # Headers claim 10 bytes for a 50 MB chapter: reading must stop at the claim (bad CRC).
    samples["zip_lying_small.epub"] = _patch_sizes(zip_bomb(), b"c1.xhtml", 10)
    samples["encrypted_entry.epub"] = _patch_flags(small, b"OEBPS/c1.xhtml", 0x1)
    samples["path_traversal.epub"] = epub(
        [
            (
                "OEBPS/content.opf",
                opf(
                    [
                        ("c1", "c1.xhtml"),
                        ("up", "../../../../../../../../etc/passwd"),
                        ("abs", "/etc/passwd"),
                        ("file", "file:///etc/passwd"),
                        ("evil", "../evil.xhtml"),
                        ("drive", "C:/evil.xhtml"),
                    ]
                ),
            ),
            (
                "OEBPS/c1.xhtml",
                xhtml(
                    '<h1>Traversal</h1><p><img src="../../../../../../etc/passwd" alt="up"/>'
                    '<img src="/etc/passwd" alt="abs"/><a href="../evil.xhtml">evil</a></p>'
                ),
            ),
            ("../evil.xhtml", xhtml("<p>SCRIPT-JUNK from a traversal entry</p>")),
            ("/abs.xhtml", xhtml("<p>SCRIPT-JUNK from an absolute entry</p>")),
            ("C:/evil.xhtml", xhtml("<p>SCRIPT-JUNK from a drive entry</p>")),
            ("OEBPS/..\\..\\evil2.xhtml", xhtml("<p>SCRIPT-JUNK backslashes</p>")),
        ]
    )
    samples["symlink_entries.epub"] = symlink_epub()
    samples["duplicate_entries.epub"] = epub(
        [
            ("OEBPS/content.opf", opf([("c1", "c1.xhtml")])),
            ("OEBPS/content.opf", "<package>not the first one</package>"),
            ("OEBPS/c1.xhtml", chapter),
            ("OEBPS/c1.xhtml", xhtml("<p>second copy</p>")),
        ]
    )
    samples["missing_files.epub"] = epub(
        [
            (
                "OEBPS/content.opf",
                opf([("c1", "c1.xhtml"), ("gone", "gone.xhtml"), ("c2", "c2.xhtml")]),
            ),
            ("OEBPS/c1.xhtml", xhtml('<h1>One</h1><p><img src="missing.png" alt="m"/></p>')),
            ("OEBPS/c2.xhtml", xhtml("<h1>Two</h1><p>two</p>")),
        ]
    )
    samples["all_spine_missing.epub"] = epub([("OEBPS/content.opf", opf([("gone", "gone.xhtml")]))])
    samples["malformed_opf.epub"] = epub(
        [
            ("OEBPS/content.opf", "<package><manifest><item id='c1' href=c1.xhtml"),
            ("OEBPS/c1.xhtml", chapter),
        ]
    )
    samples["malformed_container.epub"] = epub(
        [("OEBPS/content.opf", opf([("c1", "c1.xhtml")])), ("OEBPS/c1.xhtml", chapter)],
        container="<container><rootfiles><rootfile full-path=",
    )
    samples["container_traversal.epub"] = epub(
        [("OEBPS/content.opf", opf([("c1", "c1.xhtml")])), ("OEBPS/c1.xhtml", chapter)],
        opf_path="../../../../etc/passwd",
    )
    samples["no_container.epub"] = _without(simple_epub(chapter), b"META-INF/container.xml")
    samples["malformed_xhtml.epub"] = simple_epub(
        '<?xml version="1.0"?><html><body><h1>Broken<p>unclosed <b>tags & bare amp'
        "<div></span></html></body><p>after the end"
    )
    samples["billion_laughs_opf.epub"] = epub(
        [
            (
                "OEBPS/content.opf",
                opf([("c1", "c1.xhtml")], subset=_billion_laughs()).replace(
                    "<dc:title>Hostile", "<dc:title>&lol9;"
                ),
            ),
            ("OEBPS/c1.xhtml", chapter),
        ]
    )
    samples["billion_laughs_xhtml.epub"] = simple_epub(
        xhtml("<h1>Laughs</h1><p>&lol9;</p>", _billion_laughs())
    )
    samples["quadratic_blowup_xhtml.epub"] = simple_epub(
        xhtml("<p>" + "&big;" * 20_000 + "</p>", _quadratic_blowup())
    )
    samples["external_entity_xhtml.epub"] = simple_epub(
        xhtml(
            "<h1>XXE</h1><p>&ext;</p>",
            '<!ENTITY ext SYSTEM "file:///etc/passwd">'
            '<!ENTITY remote SYSTEM "https://remote.example/x.dtd">',
        )
    )
    # Both stay under 1 MB uncompressed: larger, their ratio alone makes them zip bombs.
    samples["huge_line.epub"] = simple_epub(xhtml(huge_line(900_000)))
    samples["deep_nesting.epub"] = simple_epub(xhtml(deep(60_000)))
    samples["nul_bytes.epub"] = simple_epub(
        xhtml("<h1>NUL</h1><p>text\x00with\x00nuls</p>").encode()
    )
    samples["scripts_forms_frames.epub"] = simple_epub(xhtml(HOSTILE_BODY))
    samples["not_a_zip.epub"] = b"This is not a ZIP archive at all.\n" * 10
    samples["truncated_zip.epub"] = simple_epub(chapter)[:300]
    samples["empty.epub"] = b""
    return samples


def _without(data: bytes, name: bytes) -> bytes:
    """The archive without entry `name`, rebuilt."""
    source = zipfile.ZipFile(io.BytesIO(data))
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        for info in source.infolist():
            if info.filename.encode() != name:
                archive.writestr(info, source.read(info))
    return buffer.getvalue()


# ---------------------------------------------------------------- expectations

_ERROR = Expect("error")
_OPEN = Expect("open")
EXPECTATIONS: dict[str, Expect] = {
    "empty.html": _ERROR,
    "empty.txt": _ERROR,
    "blank.txt": _ERROR,
    "blank.md": _ERROR,
    "empty.epub": _ERROR,
    "not_a_zip.epub": _ERROR,
    "truncated_zip.epub": _ERROR,
    "mostly_nul.txt": _ERROR,
    "mostly_nul.html": _ERROR,
    "binary_junk.md": _ERROR,
    "binary_junk.html": _ERROR,
    "png_named.txt": _ERROR,
    "zip_named.html": _ERROR,
    "all_spine_missing.epub": _ERROR,
    "scripts_forms_frames.txt": Expect("open", junk=False, note="plain text shows tags as text"),
    "huge_line.txt": Expect("either", junk=False),
    "nul_bytes.txt": Expect("either", junk=False),
}
for _name in (
    "scripts_forms_frames.html",
    "scripts_forms_frames.xhtml",
    "scripts_forms_frames.md",
    "scripts_forms_frames.epub",
    "deep_nesting.html",
    "deep_nesting.xhtml",
    "deep_nesting.epub",
    "huge_line.epub",
    "huge_line.html",
    "huge_line.xhtml",
    "entity_bomb.html",
    "entity_bomb.xhtml",
    "broken_markup.html",
    "unterminated_end_tags.html",
    "unterminated_start_tags.html",
    "unterminated_comments.html",
    "marked_sections.html",
    "same_heading_many_times.html",
    "duplicate_entries.epub",
    "missing_files.epub",
    "path_traversal.epub",
    "symlink_entries.epub",
):
    EXPECTATIONS[_name] = _OPEN


def build(name: str, large: bool = False) -> bytes:
    """The bytes of sample `name`; `large` gives the full-size text variants."""
    if name.endswith(".epub"):
        return epub_samples()[name]
    return text_samples(large)[name]


def all_samples(large: bool = False) -> dict[str, bytes]:
    return {**text_samples(large), **epub_samples()}


def expectation(name: str) -> Expect:
    return EXPECTATIONS.get(name, Expect())


def main() -> None:
    for old in HERE.iterdir():
        if old.is_file() and old.name not in ("make_samples.py", "README.md"):
            old.unlink()
    for name, data in all_samples().items():
        (HERE / name).write_bytes(data)


if __name__ == "__main__":
    main()
