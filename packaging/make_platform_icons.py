"""Windows' .ico and macOS' .icns for the bundles, from the committed PNG icons.

    python packaging/make_platform_icons.py

Both formats are containers of PNG images (Windows Vista and later read PNG entries in
an .ico; .icns has had PNG entries since OS X 10.7), so they are assembled byte by byte
here: no image library, and the result is the same on every machine. Run it after
packaging/render_icons.py; tests/test_platform_packaging.py checks they are up to date.
"""

from __future__ import annotations

import struct
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
ICONS = ROOT / "resources" / "desktop" / "icons"
NAME = "org.readmark.Readmark.png"
ICO = ROOT / "packaging" / "windows" / "readmark.ico"
ICNS = ROOT / "packaging" / "macos" / "Readmark.icns"
ICO_SIZES = (16, 24, 32, 48, 64, 128, 256)
# .icns element types holding PNG data, by pixel size (ic09 = 512, ic08 = 256, ...).
ICNS_TYPES = ((16, b"icp4"), (32, b"icp5"), (64, b"icp6"), (128, b"ic07"), (256, b"ic08"),
              (512, b"ic09"))  # fmt: skip


def png(size: int) -> bytes:
    return (ICONS / f"{size}x{size}" / NAME).read_bytes()


def ico() -> bytes:
    images = [(size, png(size)) for size in ICO_SIZES]
    header = struct.pack("<HHH", 0, 1, len(images))  # reserved, type 1 = icon, count
    offset = len(header) + 16 * len(images)
    entries, data = b"", b""
    for size, image in images:
        side = 0 if size >= 256 else size  # 0 means 256 in an ICONDIRENTRY
        entries += struct.pack("<BBBBHHII", side, side, 0, 0, 1, 32, len(image), offset)
        offset += len(image)
        data += image
    return header + entries + data


def icns() -> bytes:
    body = b"".join(
        kind + struct.pack(">I", 8 + len(image)) + image
        for size, kind in ICNS_TYPES
        for image in (png(size),)
    )
    return b"icns" + struct.pack(">I", 8 + len(body)) + body


def main() -> None:
    ICO.write_bytes(ico())
    ICNS.write_bytes(icns())
    print(f"wrote {ICO.relative_to(ROOT)} and {ICNS.relative_to(ROOT)}")


if __name__ == "__main__":
    main()
