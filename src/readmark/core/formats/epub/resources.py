"""Images an EPUB refers to: members of its own archive, never the network or the disk."""

from __future__ import annotations

import threading
from urllib.parse import urlsplit

from readmark.core.book_resources import (
    MAX_RESOURCE_BYTES,
    MISSING,
    OUTSIDE,
    REMOTE,
    TOO_LARGE,
    UNSUPPORTED,
    Refused,
    is_remote,
)
from readmark.core.formats.epub.archive import EpubArchive, MemberError
from readmark.core.formats.epub.package import resolve_href


class EpubResources:
    """`BookResources` over the archive: `/DIR/NAME` is a member by its archive path
    (what the renderer writes into `src`), a relative URL is resolved against the
    section's own file."""

    def __init__(self, archive: EpubArchive, members: tuple[str, ...]) -> None:
        self._archive = archive.clone()
        self._members = members  # section index -> member name
        self._lock = threading.Lock()

    def load(self, section: int, url: str) -> bytes | Refused:
        if is_remote(url):
            return Refused(REMOTE)
        parts = urlsplit(url)
        if parts.scheme:
            return Refused(UNSUPPORTED)
        base = self._members[section] if 0 <= section < len(self._members) else ""
        target = resolve_href(base, parts.path)  # percent-encoded or not: unquoted once
        if target is None:
            return Refused(OUTSIDE)
        member = self._archive.find(target[0])
        if member is None:
            return Refused(MISSING)
        if self._archive.size(member) > MAX_RESOURCE_BYTES:
            return Refused(TOO_LARGE)
        try:
            with self._lock:
                return self._archive.read(member, MAX_RESOURCE_BYTES)
        except MemberError as error:
            return Refused(TOO_LARGE if error.reason == "too large" else MISSING)
