"""Annotations in the window: the controller that turns requests into core operations, the panel with its model and delegate, the selection popup, the note dialog and undo."""
