"""The rooms of the code import only what docs/architecture.md says they may.

Checked on the syntax tree of every module (imports inside functions count), so
a pane reaching into a sibling fails here, not in review.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

SRC = Path(__file__).resolve().parents[1] / "src"
PACKAGE = SRC / "readmark"

# room -> the readmark modules (prefixes) it may import besides itself.
# readmark.lazy_qt: the `Qt` namespace built on first use (the first screen needs none of it)
BASE = (
    "readmark.core",
    "readmark.i18n",
    "readmark.paths",
    "readmark.resources",
    "readmark.lazy_qt",
)
ALLOWED: dict[str, tuple[str, ...]] = {
    "readmark.core": ("readmark.core", "readmark.paths", "readmark.resources"),
    "readmark.ui.background": BASE,
    "readmark.ui.palette": BASE,
    "readmark.ui.reader": (*BASE, "readmark.ui.palette", "readmark.ui.background"),
    "readmark.ui.annotations": (
        *BASE,
        "readmark.ui.palette",
        "readmark.ui.background",
        "readmark.ui.reader",  # what the reader reports: Selection, Spot; the theme's palette
        "readmark.ui.shell.actions",  # the one declaration of every action and shortcut
    ),
    "readmark.ui.dialogs": (*BASE, "readmark.ui.palette"),
    "readmark.ui.search": (
        *BASE,
        "readmark.ui.palette",
        "readmark.ui.background",
        "readmark.ui.reader",  # the page it marks and moves through, the section provider
    ),
    "readmark.ui.library": (
        *BASE,
        "readmark.ui.background",
        "readmark.ui.shell.covers",  # the one home of cover thumbnails
    ),
    # the shell builds and wires every room; startup_gc: the collector held for start-up;
    # startup_re, startup_dataclasses: compiled from the memo for start-up
    "readmark.ui.shell": (
        *BASE,
        "readmark.ui",
        "readmark.startup_gc",
        "readmark.startup_re",
        "readmark.startup_dataclasses",
    ),
}


def _room(module: str) -> str | None:
    rooms = sorted(ALLOWED, key=len, reverse=True)
    return next((r for r in rooms if module == r or module.startswith(r + ".")), None)


def _module_name(path: Path) -> str:
    parts = path.relative_to(SRC).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def _readmark_imports(path: Path) -> list[tuple[int, str]]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    found = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            found += [(node.lineno, a.name) for a in node.names if a.name.startswith("readmark")]
        elif isinstance(node, ast.ImportFrom) and node.module and not node.level:
            if node.module.startswith("readmark"):
                # `from readmark.ui import palette` imports readmark.ui.palette
                found += [(node.lineno, f"{node.module}.{a.name}") for a in node.names]
    return found


def _allowed(target: str, prefixes: tuple[str, ...]) -> bool:
    return any(target == p or target.startswith(p + ".") for p in prefixes) or target in (
        "readmark.__version__",
    )


MODULES = sorted(PACKAGE.rglob("*.py"))


@pytest.mark.parametrize("path", MODULES, ids=lambda p: str(p.relative_to(PACKAGE)))
def test_a_room_imports_only_what_it_may(path: Path) -> None:
    module = _module_name(path)
    room = _room(module)
    if room is None:
        return  # the package's top level (cli, i18n, paths, resources) may use any room
    wrong = [
        f"line {line}: {target}"
        for line, target in _readmark_imports(path)
        if not _allowed(target, (room, *ALLOWED[room]))
    ]
    assert not wrong, f"{module} ({room}) imports outside its room: {wrong}"


def test_every_ui_module_is_in_a_room() -> None:
    loose = [
        _module_name(p)
        for p in (PACKAGE / "ui").rglob("*.py")
        if _room(_module_name(p)) is None and _module_name(p) != "readmark.ui"
    ]
    assert loose == []


def test_the_check_catches_a_pane_reaching_into_a_sibling(tmp_path: Path) -> None:
    fake = tmp_path / "x.py"
    fake.write_text("from readmark.ui.annotations.panel import AnnotationsPanel\n")
    [(line, target)] = _readmark_imports(fake)
    assert not _allowed(target, ("readmark.ui.reader",) + ALLOWED["readmark.ui.reader"])
