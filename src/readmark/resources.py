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


def guide_book(language: str) -> Path:
    """The bundled guide in the UI language: Chinese for zh*, English otherwise."""
    name = "guide.zh.md" if language.lower().startswith("zh") else "guide.en.md"
    return path("guide", name)


def translations_dir() -> Path:
    return path("translations")
