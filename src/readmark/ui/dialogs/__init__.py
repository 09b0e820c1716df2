"""Dialogs that stand on their own: backups, export, chapter rules."""
