"""On-disk cache of converted sections, so re-opening a book skips conversion.

Keyed by `Book.cache_key`: the content hash, the format, the options that
change output and a digest of the rendering code; a changed file or renderer simply misses. Files are
written atomically; any read or write problem is a miss, never an error.

The rendering code is every Readmark module the loaders can import, found by
following the import statements from `readmark.core.formats` in the sources
(parsed, never imported), and the third-party packages that render (Python-Markdown
and charset-normalizer), by version. A module added to that graph is covered the
day it is imported; there is no list to keep.
"""

from __future__ import annotations

import ast
import functools
import hashlib
import importlib
import importlib.util
import json
import os
import re
import tempfile
from collections.abc import Iterable, Iterator
from pathlib import Path

from readmark import __version__

RENDERING_ROOTS = ("readmark.core.formats",)
# Third-party distributions whose output ends up in a rendered section.
RENDERING_DISTRIBUTIONS = ("markdown", "charset_normalizer")
_PACKAGE = "readmark"


@functools.cache
def renderer_version() -> str:
    """A digest of the code that turns a book into HTML (cached: asked at start-up).

    Any change to a module the loaders reach, or to the version of Python-Markdown
    or charset-normalizer, changes it, so a cached chapter can never outlive the
    code that made it (no version number to forget to bump).
    """
    from readmark import paths

    source_root = Path(__file__).resolve().parents[2]
    return remembered_version_of(source_root, paths.cache_dir() / "renderer-version.json")


def version_of(source_root: Path) -> str:
    """The renderer version of the `readmark` package under `source_root`."""
    return _version_and_files(source_root)[0]


def _version_and_files(source_root: Path) -> tuple[str, list[Path]]:
    digest = hashlib.blake2b(digest_size=8)
    # A frozen build may ship no sources: the release number still separates them.
    digest.update(__version__.encode())
    reachable = _reachable(source_root, RENDERING_ROOTS)
    for name, (_path, source) in sorted(reachable.items()):
        digest.update(b"\0" + name.encode() + b"\0")
        digest.update(source)
    for distribution in RENDERING_DISTRIBUTIONS:
        digest.update(f"\0{distribution}={distribution_version(distribution)}".encode())
    return digest.hexdigest(), [path for path, _source in reachable.values()]


def remembered_version_of(source_root: Path, memo: Path) -> str:
    """`version_of(source_root)`, remembered in the file `memo` with what it was
    computed from: the files read (their size and modification time), the package's
    folders (a module added or removed changes its folder's time) and the
    third-party versions. While none of those changed, the remembered digest is
    the digest (a few dozen `stat`s instead of reading and scanning ~60 sources,
    ~8 ms at every start); otherwise it is computed again and remembered."""
    folders = _package_folders(source_root)
    distributions = {d: distribution_version(d) for d in RENDERING_DISTRIBUTIONS}
    try:
        known = json.loads(memo.read_text(encoding="utf-8"))
        if (
            known["source_root"] == str(source_root)
            and known["release"] == __version__
            and known["distributions"] == distributions
            and known["folders"] == _stamps(folders)
            and known["files"] == _stamps(Path(p) for p in known["files"])
        ):
            return str(known["digest"])
    except (OSError, ValueError, KeyError, TypeError):
        pass
    digest, files = _version_and_files(source_root)
    remembered = {
        "source_root": str(source_root),
        "release": __version__,
        "distributions": distributions,
        "folders": _stamps(folders),
        "files": _stamps(files),
        "digest": digest,
    }
    _write_atomically(memo, json.dumps(remembered))
    return digest


def _package_folders(source_root: Path) -> list[Path]:
    folders = []
    for folder, dirs, _names in os.walk(source_root / _PACKAGE):
        dirs[:] = [d for d in dirs if not d.startswith((".", "__"))]
        folders.append(Path(folder))
    return folders


def _stamps(paths: Iterable[Path]) -> dict[str, list[int]]:
    """Size and modification time (ns) of each path; [-1, -1] for one that is gone."""
    stamps = {}
    for path in paths:
        try:
            info = os.stat(path)
            stamps[str(path)] = [info.st_size, info.st_mtime_ns]
        except OSError:
            stamps[str(path)] = [-1, -1]
    return stamps


def rendering_modules(source_root: Path, roots: Iterable[str] = RENDERING_ROOTS) -> dict[str, Path]:
    """Module name -> source file of every Readmark module `roots` can import,
    directly or through others, at the top of a module or inside a function."""
    return {name: path for name, (path, _source) in _reachable(source_root, roots).items()}


def _reachable(source_root: Path, roots: Iterable[str]) -> dict[str, tuple[Path, bytes]]:
    files = _module_files(source_root)
    found: dict[str, tuple[Path, bytes]] = {}
    pending = [name for root in roots for name in _with_parents(root)]
    while pending:
        name = pending.pop()
        path = files.get(name)
        if name in found or path is None:
            continue
        try:
            source = path.read_bytes()
        except OSError:
            continue
        found[name] = (path, source)
        for imported in _imports(source, name, path.name == "__init__.py"):
            if imported in files and imported not in found:
                pending.extend(_with_parents(imported))
    return found


def _module_files(source_root: Path) -> dict[str, Path]:
    """Module name -> source of every module of the package under `source_root`
    (a package by its __init__.py): one walk, cheaper than asking per import."""
    files: dict[str, Path] = {}
    top = source_root / _PACKAGE
    for folder, dirs, names in os.walk(top):
        dirs[:] = [d for d in dirs if not d.startswith((".", "__"))]
        package = Path(folder).relative_to(source_root).parts
        for file in names:
            if file.endswith(".py"):
                stem = file[:-3]
                parts = package if stem == "__init__" else (*package, stem)
                files[".".join(parts)] = Path(folder, file)
    return files


def _with_parents(name: str) -> Iterator[str]:
    """`a.b.c`, `a.b`, `a`: importing a module runs its packages first."""
    parts = name.split(".")
    for end in range(len(parts), 0, -1):
        yield ".".join(parts[:end])


# Import statements, found without parsing the whole module (which would take
# ~100 ms for the rendering code, at every start): a line that starts with
# `import` or `from … import`, parenthesised names included. Each is then parsed
# with `ast`; a file where that fails (a backslash continuation, a comment with a
# parenthesis inside the parentheses) is parsed whole. A docstring line that looks
# like an import can only add a module, never lose one.
_IMPORT_LINE = re.compile(
    rb"^[ \t]*(?:from[ \t]+[\w.]+[ \t]+import[ \t]*(?:\([^)]*\)|[^\n]*)|import[ \t]+[^\n]*)",
    re.M,
)
# importlib.import_module("readmark.…") with a literal name.
_IMPORT_MODULE = re.compile(rb"import_module\(\s*[\"'](readmark(?:\.\w+)*)[\"']")


def _imports(source: bytes, module: str, is_package: bool) -> set[str]:
    """Readmark modules `module`'s source may import: for `from p import n`, both
    `p` and `p.n` (the caller keeps those that exist)."""
    statements = b"\n".join(m.group().strip() for m in _IMPORT_LINE.finditer(source))
    nodes: Iterable[ast.AST]
    try:
        nodes = ast.parse(statements).body  # import statements only, side by side
    except SyntaxError:
        try:
            nodes = ast.walk(ast.parse(source))
        except SyntaxError:
            return set()
    package = module if is_package else module.rpartition(".")[0]
    names: set[str] = {m.group(1).decode() for m in _IMPORT_MODULE.finditer(source)}
    for node in nodes:
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            base = _absolute(node.module or "", node.level, package)
            if base:
                names.add(base)
                names.update(f"{base}.{alias.name}" for alias in node.names if alias.name != "*")
    return {n for n in names if n == _PACKAGE or n.startswith(_PACKAGE + ".")}


def _absolute(name: str, level: int, package: str) -> str:
    """The absolute name of `from {"." * level}{name} import …` inside `package`."""
    if level == 0:
        return name
    parts = package.split(".")
    if level - 1 > len(parts):
        return ""
    base = ".".join(parts[: len(parts) - (level - 1)])
    return f"{base}.{name}" if name and base else name or base


def distribution_version(name: str) -> str:
    """The installed version of a distribution, read from its `.dist-info` folder
    beside the package (importlib.metadata would cost ~40 ms at start-up); the
    package's own `__version__` when there is no such folder (a frozen build)."""
    try:
        spec = importlib.util.find_spec(name)
    except (ImportError, ValueError):
        spec = None
    if spec is None or spec.origin is None:
        return ""
    folder = Path(spec.origin).resolve().parent.parent
    wanted = _normalised(name)
    try:
        entries = sorted(os.listdir(folder))
    except OSError:
        entries = []
    versions = [
        entry.partition("-")[2].rpartition(".")[0]
        for entry in entries
        if entry.endswith((".dist-info", ".egg-info"))
        and _normalised(entry.partition("-")[0]) == wanted
    ]
    if versions:
        return ",".join(versions)
    try:
        return str(getattr(importlib.import_module(name), "__version__", ""))
    except ImportError:
        return ""


def _normalised(name: str) -> str:
    return re.sub(r"[-_.]+", "_", name).lower()


class RenderCache:
    def __init__(self, root: Path) -> None:
        self.root = root

    def unused(self) -> bool:
        """Nothing was ever put here (a first start): nothing to find, so a caller
        need not work out a key (the rendering code's digest) to look."""
        return not self.root.exists()

    def _file(self, book_key: str, index: int) -> Path:
        return self.root / book_key / f"{index}.html"

    def get(self, book_key: str, index: int) -> str | None:
        return self._read(self._file(book_key, index))

    def kept(self, book_key: str) -> set[int]:
        """The sections kept for a book (one listing of its folder, ~1 ms for a
        thousand sections, where a `stat` of each would take ten times that)."""
        try:
            names = os.listdir(self.root / book_key)
        except OSError:
            return set()
        return {
            int(stem)
            for stem, dot, ext in (n.partition(".") for n in names)
            if dot and ext == "html" and stem.isdigit()
        }

    def put(self, book_key: str, index: int, html: str) -> None:
        self._write(self._file(book_key, index), html)

    def get_about(self, book_key: str, name: str) -> str | None:
        """Something found by reading the whole rendered book (`name`: a plain word, e.g.
        its printed pages), kept beside its sections and valid exactly as long."""
        return self._read(self.root / book_key / f"{name}.json")

    def put_about(self, book_key: str, name: str, text: str) -> None:
        self._write(self.root / book_key / f"{name}.json", text)

    def get_blob(self, book_key: str, name: str) -> bytes | None:
        """Bytes kept beside a book's sections (`name`: a plain word), valid exactly
        as long as they are; None when absent or unreadable."""
        try:
            return (self.root / book_key / f"{name}.bin").read_bytes()
        except OSError:
            return None

    def has_blob(self, book_key: str, name: str) -> bool:
        return (self.root / book_key / f"{name}.bin").is_file()

    def blobs(self, book_key: str) -> set[str]:
        """The names of the blobs kept for a book (one listing of its folder)."""
        try:
            names = os.listdir(self.root / book_key)
        except OSError:
            return set()
        return {name[:-4] for name in names if name.endswith(".bin") and not name.startswith(".")}

    def remove_blob(self, book_key: str, name: str) -> None:
        try:
            (self.root / book_key / f"{name}.bin").unlink()
        except OSError:
            pass

    def put_blob(self, book_key: str, name: str, data: bytes) -> None:
        target = self.root / book_key / f"{name}.bin"
        try:
            target.parent.mkdir(parents=True, exist_ok=True)
            fd, tmp = tempfile.mkstemp(dir=target.parent, prefix=".part-")
            with os.fdopen(fd, "wb") as handle:
                handle.write(data)
            os.replace(tmp, target)
        except OSError:
            pass

    def _read(self, path: Path) -> str | None:
        try:
            return path.read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError):
            return None

    def _write(self, target: Path, html: str) -> None:
        _write_atomically(target, html)


def _write_atomically(target: Path, text: str) -> None:
    """Write `text` to `target` through a temporary file; a failure writes nothing."""
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=target.parent, prefix=".part-")
        with os.fdopen(fd, "w", encoding="utf-8") as handle:
            handle.write(text)
        os.replace(tmp, target)
    except OSError:
        pass
