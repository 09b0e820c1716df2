"""The Windows and macOS build configurations, checked as far as Linux allows.

Neither can be built here (no Windows, no Inno Setup compiler, no macOS): these tests read
what the builds would use and hold it to what Readmark opens. The macOS Info.plist is
parsed with plistlib: document types for every book format of the desktop entry, the
readmark:// URL scheme, the executable and icon the PyInstaller spec makes. The Inno Setup
script is read section by section: each book extension is registered for "Open with" and
Default Apps, readmark:// links open the installed program, every preprocessor name is
defined, the files it names exist. The PyInstaller spec compiles and what it names exists.
"""

from __future__ import annotations

import configparser
import importlib.util
import plistlib
import re
import struct
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
PACKAGING = REPO / "packaging"
DESKTOP = REPO / "resources" / "desktop" / "org.readmark.Readmark.desktop"
APP_ID = "org.readmark.Readmark"
EXTENSIONS = {"md", "markdown", "epub", "txt", "html", "htm"}
# The system's names for the types of the desktop entry's MimeType key.
UTI_OF_MIME = {
    "text/markdown": "net.daringfireball.markdown",
    "text/x-markdown": "net.daringfireball.markdown",
    "application/epub+zip": "org.idpf.epub-container",
    "text/plain": "public.plain-text",
    "text/html": "public.html",
}


def desktop_mime_types() -> list[str]:
    entry = configparser.ConfigParser(interpolation=None)
    entry.optionxform = str  # type: ignore[assignment,method-assign]
    entry.read(DESKTOP, encoding="utf-8")
    return [m for m in entry["Desktop Entry"]["MimeType"].split(";") if m]


@pytest.fixture(scope="module")
def plist() -> dict:
    with open(PACKAGING / "macos" / "Info.plist", "rb") as file:
        return plistlib.load(file)


def test_the_app_opens_every_book_type_of_the_desktop_entry(plist: dict) -> None:
    types = plist["CFBundleDocumentTypes"]
    assert all(t["CFBundleTypeRole"] == "Viewer" for t in types)
    content_types = {uti for t in types for uti in t["LSItemContentTypes"]}
    extensions = {ext for t in types for ext in t.get("CFBundleTypeExtensions", [])}
    assert extensions == EXTENSIONS
    for mime in desktop_mime_types():
        if mime.startswith("x-scheme-handler/"):
            continue
        assert UTI_OF_MIME[mime] in content_types, mime
    # Markdown and EPUB are not system types everywhere: declared, with their tags.
    imported = {t["UTTypeIdentifier"]: t["UTTypeTagSpecification"] for t in
                plist["UTImportedTypeDeclarations"]}  # fmt: skip
    assert "md" in imported["net.daringfireball.markdown"]["public.filename-extension"]
    assert "text/markdown" in imported["net.daringfireball.markdown"]["public.mime-type"]
    assert imported["org.idpf.epub-container"]["public.mime-type"] == ["application/epub+zip"]


def test_the_app_handles_readmark_links_and_is_named_as_on_linux(plist: dict) -> None:
    schemes = [s for t in plist["CFBundleURLTypes"] for s in t["CFBundleURLSchemes"]]
    assert schemes == ["readmark"]
    assert "x-scheme-handler/readmark" in desktop_mime_types()
    assert plist["CFBundleIdentifier"] == APP_ID
    assert plist["CFBundleExecutable"] == "readmark"  # the spec's EXE name
    assert (PACKAGING / "macos" / plist["CFBundleIconFile"]).is_file()
    assert plist["CFBundlePackageType"] == "APPL" and plist["NSHighResolutionCapable"] is True


def inno_sections() -> dict[str, list[str]]:
    """The .iss's lines by section, comments and preprocessor lines apart."""
    sections: dict[str, list[str]] = {"#": []}
    current = "Setup"
    for raw in (PACKAGING / "windows" / "readmark.iss").read_text(encoding="utf-8").splitlines():
        line = raw.strip()
        if not line or line.startswith(";"):
            continue
        if line.startswith("#"):
            sections["#"].append(line)
        elif re.fullmatch(r"\[\w+\]", line):
            current = line[1:-1]
            sections.setdefault(current, [])
        else:
            sections.setdefault(current, []).append(line)
    return sections


def inno_entry(line: str) -> dict[str, str]:
    """`Root: HKA; Subkey: "a"; ValueName: ""` as a dict (quotes doubled inside)."""
    fields = re.findall(r'(\w+):\s*("(?:[^"]|"")*"|[^;]*)', line)
    return {k: v[1:-1].replace('""', '"') if v.startswith('"') else v.strip() for k, v in fields}


def test_the_installer_registers_the_book_types_and_links() -> None:
    sections = inno_sections()
    setup = dict(line.split("=", 1) for line in sections["Setup"])
    assert setup["ChangesAssociations"] == "yes"
    registry = [inno_entry(line) for line in sections["Registry"]]
    defines = dict(re.findall(r'#define (\w+) "([^"]*)"', "\n".join(sections["#"])))
    progid = defines["ProgId"]
    open_with = {
        e["Subkey"].split("\\")[2][1:]
        for e in registry
        if e["Subkey"].endswith("\\OpenWithProgids") and e["ValueName"] == "{#ProgId}"
    }
    assert open_with == EXTENSIONS
    capabilities = {
        e["ValueName"][1:]
        for e in registry
        if e["Subkey"] == "Software\\Readmark\\Capabilities\\FileAssociations"
        and e["ValueData"] == "{#ProgId}"
    }
    assert capabilities == EXTENSIONS
    commands = {e["Subkey"]: e["ValueData"] for e in registry if e["Subkey"].endswith("command")}
    assert progid == "Readmark.Book"
    for owner in ("Software\\Classes\\{#ProgId}", "Software\\Classes\\readmark"):
        assert commands[f"{owner}\\shell\\open\\command"] == '"{app}\\{#AppExe}" "%1"'
    assert {"Subkey": "Software\\Classes\\readmark", "ValueType": "string",
            "ValueName": "URL Protocol", "ValueData": ""} in [
        {k: e[k] for k in ("Subkey", "ValueType", "ValueName", "ValueData")} for e in registry
    ]  # fmt: skip
    assert defines["AppExe"] == "readmark.exe"  # the spec's EXE name on Windows


def test_the_installer_script_is_complete() -> None:
    sections = inno_sections()
    text = (PACKAGING / "windows" / "readmark.iss").read_text(encoding="utf-8")
    defined = set(re.findall(r"#define (\w+)", text))
    used = set(re.findall(r"\{#(\w+)\}", text))
    assert used <= defined, f"used but never defined: {used - defined}"
    setup = dict(line.split("=", 1) for line in sections["Setup"])
    assert (PACKAGING / "windows" / setup["SetupIconFile"]).is_file()
    assert setup["PrivilegesRequired"] == "lowest"  # no administrator needed
    (files,) = [inno_entry(line) for line in sections["Files"]]
    assert files["Source"] == "{#BundleDir}\\*" and "recursesubdirs" in files["Flags"]
    # the default bundle folder is where build_installer.ps1's PyInstaller run puts it
    assert re.search(r'#define BundleDir "\.\.\\\.\.\\dist\\readmark"', text)
    assert "dist\\readmark" in (PACKAGING / "windows" / "build_installer.ps1").read_text()


def test_the_platform_icons_are_made_from_the_current_pngs() -> None:
    spec = importlib.util.spec_from_file_location("icons", PACKAGING / "make_platform_icons.py")
    assert spec and spec.loader
    icons = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(icons)
    ico = (PACKAGING / "windows" / "readmark.ico").read_bytes()
    icns = (PACKAGING / "macos" / "Readmark.icns").read_bytes()
    assert ico == icons.ico() and icns == icons.icns(), "run packaging/make_platform_icons.py"
    reserved, kind, count = struct.unpack("<HHH", ico[:6])
    assert (reserved, kind, count) == (0, 1, 7)
    assert icns[:4] == b"icns" and struct.unpack(">I", icns[4:8])[0] == len(icns)
    assert b"ic09" in icns  # the 512 px image Finder's large views use


def test_the_pyinstaller_spec_compiles_and_names_what_exists() -> None:
    source = (PACKAGING / "pyinstaller" / "readmark.spec").read_text(encoding="utf-8")
    compile(source, "readmark.spec", "exec")
    assert (PACKAGING / "pyinstaller" / "readmark_main.py").is_file()
    assert 'name="readmark"' in source
    hidden_imports = source.split("hiddenimports=[", 1)[1].split("]")[0]
    for hidden in re.findall(r'"(readmark\.[\w.]+)"', hidden_imports):
        assert importlib.util.find_spec(hidden), hidden
    # every Qt module Readmark imports is kept; the ones excluded are never imported
    imported = {
        m
        for path in (REPO / "src").rglob("*.py")
        for m in re.findall(r"PySide6\.(Qt\w+)", path.read_text(encoding="utf-8"))
    }
    excluded = set(re.findall(r"\b(Qt\w+)\b", source.split("UNUSED_QT = [", 1)[1].split("]")[0]))
    assert imported and not imported & excluded, imported & excluded
    assert sys.version_info >= (3, 11)
