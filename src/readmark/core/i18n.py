"""Marking core strings for translation without importing Qt.

The core must not depend on Qt, yet its messages reach users. Strings are marked
with `QT_TRANSLATE_NOOP(context, text)`, which Qt's lupdate recognises by name,
and are translated where they are shown (the UI, or the CLI through Qt's
translator) with the same context.
"""


def QT_TRANSLATE_NOOP(context: str, text: str) -> str:  # noqa: N802 - lupdate's name
    return text
