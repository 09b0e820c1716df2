"""The Qt-free core: book model, format loaders, print repair, local store.

Nothing under this package may import PySide6 widgets; a test enforces it so the
core stays testable without a display and reusable from the CLI.
"""
