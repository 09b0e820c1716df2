"""The core (src/readmark/core) is pure Python: no PySide6, no reaching into the UI.

Checked on the syntax tree, so an import inside a function or under `if TYPE_CHECKING`
counts too, and once more at run time for imports that come in through another module.
"""

from __future__ import annotations

import ast
import os
import subprocess
import sys
from pathlib import Path

import pytest

CORE = Path(__file__).resolve().parents[1] / "src" / "readmark" / "core"
FORBIDDEN = ("PySide6", "shiboken6", "readmark.ui")


def _forbidden(name: str) -> bool:
    return any(name == f or name.startswith(f + ".") for f in FORBIDDEN)


def _imports(tree: ast.AST, module: str) -> list[tuple[int, str]]:
    """(line, module name) for every import in the tree, relative ones resolved."""
    package = module.rsplit(".", 1)[0]
    found: list[tuple[int, str]] = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            found += [(node.lineno, alias.name) for alias in node.names]
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = package.rsplit(".", node.level - 1)[0] if node.level > 1 else package
                name = f"{base}.{node.module}" if node.module else base
            else:
                name = node.module or ""
            found.append((node.lineno, name))
            found += [(node.lineno, f"{name}.{alias.name}") for alias in node.names]
        elif (
            isinstance(node, ast.Call)
            and node.args
            and isinstance(node.args[0], ast.Constant)
            and isinstance(node.args[0].value, str)
            and (
                (isinstance(node.func, ast.Name) and node.func.id == "__import__")
                or (isinstance(node.func, ast.Attribute) and node.func.attr == "import_module")
            )
        ):
            found.append((node.lineno, node.args[0].value))
    return found


def _core_modules() -> list[tuple[Path, str]]:
    modules = []
    for path in sorted(CORE.rglob("*.py")):
        parts = path.relative_to(CORE.parents[1]).with_suffix("").parts
        if parts[-1] == "__init__":
            parts = parts[:-1] + ("__init__",)
        modules.append((path, ".".join(parts)))
    return modules


def test_the_core_exists() -> None:
    assert len(_core_modules()) >= 2, f"no core modules found under {CORE}"


@pytest.mark.parametrize(("path", "module"), _core_modules(), ids=[m for _, m in _core_modules()])
def test_core_module_imports_no_qt(path: Path, module: str) -> None:
    tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
    bad = [f"line {line}: {name}" for line, name in _imports(tree, module) if _forbidden(name)]
    assert not bad, f"{path} imports Qt or the UI (the core must stay pure Python): {bad}"


def test_importing_the_whole_core_loads_no_qt() -> None:
    """Catches Qt pulled in indirectly, e.g. through a helper outside the core."""
    script = (
        "import importlib, pkgutil, sys\n"
        "import readmark.core as core\n"
        "for info in pkgutil.walk_packages(core.__path__, 'readmark.core.'):\n"
        "    importlib.import_module(info.name)\n"
        "print('\\n'.join(sorted(m for m in sys.modules if m.split('.')[0] in "
        "('PySide6', 'shiboken6') or m.startswith('readmark.ui'))))\n"
    )
    src = str(CORE.parents[1])
    result = subprocess.run(
        [sys.executable, "-c", script],
        capture_output=True,
        text=True,
        timeout=120,
        env={**os.environ, "PYTHONPATH": src},
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "", f"importing readmark.core loaded: {result.stdout}"
