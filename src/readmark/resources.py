"""Bundled resources (guide books, translations, icons), wherever we run from.

In a wheel the top-level `resources/` folder is installed as `readmark/resources`
(see pyproject.toml); from a source checkout it is found next to `src/`.
"""

from __future__ import annotations

from importlib import resources as _res
from pathlib import Path


def root() -> Path:
    packaged = Path(str(_res.files("readmark"))) / "resources"
    if packaged.is_dir():
        return packaged
    checkout = Path(__file__).resolve().parents[2] / "resources"
    if checkout.is_dir():
        return checkout
    raise FileNotFoundError("Readmark's resources folder is missing; reinstall Readmark.")


def path(*parts: str) -> Path:
    return root().joinpath(*parts)


GUIDE_NAMES = {"en": "guide.en.md", "zh": "guide.zh.md"}


def guide_book(language: str) -> Path:
    """The bundled guide in the UI language: Chinese for zh*, English otherwise."""
    return path("guide", GUIDE_NAMES["zh" if language.lower().startswith("zh") else "en"])


def guide_books() -> tuple[Path, ...]:
    """Every bundled guide, resolved as the window records an opened book's path
    (recent books leave them out: the guide is always under Help); () when the
    resources folder is missing."""
    try:
        folder = path("guide")
    except FileNotFoundError:
        return ()
    return tuple((folder / name).resolve() for name in GUIDE_NAMES.values())


def translations_dir() -> Path:
    return path("translations")
