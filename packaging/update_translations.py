#!/usr/bin/env python3
"""Refresh Readmark's translations from the source, then compile them.

    .venv/bin/python packaging/update_translations.py          update .ts, build .qm
    .venv/bin/python packaging/update_translations.py --check  also fail on unfinished messages

Runs `pyside6-lupdate` over every .py file under src/readmark into each
resources/translations/readmark_<lang>.ts (existing translations are kept, messages no
longer in the source are dropped), then `pyside6-lrelease` into the .qm next to it.
lupdate finds the strings by name: `self.tr(...)` (context = the class),
`QCoreApplication.translate("Context", ...)` and `QT_TRANSLATE_NOOP("Context", ...)`.
After running it, translate every message marked unfinished in the .ts (Qt Linguist:
`pyside6-linguist FILE.ts`, or by hand), then run this again to rebuild the .qm.
"""

from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SOURCE = ROOT / "src" / "readmark"
TRANSLATIONS = ROOT / "resources" / "translations"
LANGUAGES = ("zh_CN",)


def tool(name: str) -> str:
    """The Qt tool from the running Python's environment, else from PATH."""
    here = Path(sys.executable).parent / name
    found = str(here) if here.exists() else shutil.which(name)
    if not found:
        sys.exit(f"{name} not found: install PySide6-Essentials (sh packaging/setup.sh)")
    return found


def sources(root: Path = SOURCE) -> list[Path]:
    return sorted(p for p in root.rglob("*.py") if "__pycache__" not in p.parts)


def lupdate(ts: Path, language: str, files: list[Path] | None = None) -> None:
    """Merge the source strings into `ts` (created if missing)."""
    files = sources() if files is None else files
    cmd = [
        tool("pyside6-lupdate"),
        *map(str, files),
        "-source-language",
        "en",
        "-target-language",
        language,
        "-no-obsolete",
        "-locations",
        "absolute",
        "-ts",
        str(ts),
    ]
    subprocess.run(cmd, check=True, cwd=ROOT, stdout=subprocess.DEVNULL)


def lrelease(ts: Path, qm: Path) -> None:
    subprocess.run(
        [tool("pyside6-lrelease"), str(ts), "-qm", str(qm)],
        check=True,
        cwd=ROOT,
        stdout=subprocess.DEVNULL,
    )


def unfinished(ts: Path) -> list[tuple[str, str]]:
    """(context, source) of every message without a finished translation."""
    missing = []
    for context in ET.parse(ts).getroot().iter("context"):
        name = context.findtext("name", "")
        for message in context.iter("message"):
            translation = message.find("translation")
            if translation is None:
                missing.append((name, message.findtext("source", "")))
                continue
            forms = [f.text or "" for f in translation.iter("numerusform")]
            texts = forms if message.get("numerus") == "yes" and forms else [translation.text or ""]
            if translation.get("type") in ("unfinished", "vanished", "obsolete") or not all(
                t.strip() for t in texts
            ):
                missing.append((name, message.findtext("source", "")))
    return missing


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="exit 1 if any message is unfinished")
    args = parser.parse_args(argv)
    status = 0
    for language in LANGUAGES:
        ts = TRANSLATIONS / f"readmark_{language}.ts"
        TRANSLATIONS.mkdir(parents=True, exist_ok=True)
        lupdate(ts, language)
        lrelease(ts, ts.with_suffix(".qm"))
        todo = unfinished(ts)
        print(f"{ts.relative_to(ROOT)}: {len(todo)} message(s) to translate")
        for context, source in todo:
            print(f"  [{context}] {source!r}")
        if todo and args.check:
            status = 1
    return status


if __name__ == "__main__":
    sys.exit(main())
