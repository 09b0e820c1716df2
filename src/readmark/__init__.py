"""Readmark: an offline desktop e-reader for reading and note-taking."""

__version__ = "0.1.0"
