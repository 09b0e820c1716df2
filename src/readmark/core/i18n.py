"""Marking core strings for translation without importing Qt.

The core must not depend on Qt, yet its messages reach users. Strings are marked
with `QT_TRANSLATE_NOOP(context, text)`, which Qt's lupdate recognises by name,
and are translated where they are shown (the UI, or the CLI through Qt's
translator) with the same context.
"""

from __future__ import annotations

from collections.abc import Callable


def QT_TRANSLATE_NOOP(context: str, text: str) -> str:  # noqa: N802 - lupdate's name
    return text


_translate: Callable[[str, str], str] | None = None
_language = "en"


def use_translator(translate: Callable[[str, str], str] | None, language: str) -> None:
    """Called by the GUI and the CLI once Qt's translator is installed, so the few
    sentences the core writes into a book's text (an EPUB's note for a chapter
    missing from the file) are in the reader's language."""
    global _translate, _language
    _translate, _language = translate, language


def localize(context: str, text: str) -> str:
    """`text` (marked with QT_TRANSLATE_NOOP in `context`) in the reader's language."""
    return _translate(context, text) if _translate else text


def text_language() -> str:
    """The language of core-written sentences: part of a cache key when a book has them."""
    return _language
