"""Between the command line and the window: what `readmark [BOOK|LINK]` settles first.

- `--install-desktop` / `--uninstall-desktop` (desktop_integration) and exit;
- file:// URLs (the desktop entry's `%U`) become paths;
- a `readmark://` link is checked against the library, so a link to a book not
  in it is refused on stderr with exit status 2 before any window opens;
- unless `--new-instance`, the Readmark already running for this user and
  library is handed the book or link (ui/shell/single_instance) and this
  process exits 0 — before the window's modules are imported, so a hand-off
  costs ~0.1 s; otherwise this process claims to be that Readmark.

Kept out of cli.py so its `main` stays a few lines (start-up is measured there).
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication

if TYPE_CHECKING:
    from readmark.ui.shell.single_instance import Claim

LINK_SCHEME = "readmark:"


def is_link(word: str) -> bool:
    return word[: len(LINK_SCHEME)].lower() == LINK_SCHEME


def paths_from_file_urls(argv: list[str]) -> list[str]:
    """Each file:// URL (what a desktop passes for `%U`) as its local path."""
    return [_from_file_url(word) for word in argv]


def _from_file_url(word: str) -> str:
    if word[:7].lower() != "file://":
        return word
    from urllib.parse import unquote, urlsplit

    parts = urlsplit(word)
    if parts.netloc not in ("", "localhost"):
        return word  # another machine's file: left as it is, and reported as missing
    return unquote(parts.path)


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--new-instance",
        action="store_true",
        help="open a window of its own even when Readmark is running (default: hand it over)",
    )
    parser.add_argument(
        "--install-desktop",
        action="store_true",
        help="add Readmark to your applications menu and file types (Linux desktops)",
    )
    parser.add_argument(
        "--uninstall-desktop", action="store_true", help="take away what --install-desktop added"
    )


class Start:
    """What the window opens with, and this process's claim to be the one Readmark.
    `others`: what was named after the first book or link (absolute paths, links),
    added to the library once the window is up (ui/shell/arrivals.py)."""

    def __init__(
        self,
        book: Path | None,
        link: str | None,
        claim: Claim | None,
        others: list[str] | None = None,
    ) -> None:
        self.book, self.link, self.claim = book, link, claim
        self.others = others or []

    def release(self) -> None:
        if self.claim is not None:
            self.claim.release()


def prepare(
    args: argparse.Namespace,
    translated: Callable[[str | None], Any],
    fail: Callable[[str], int],
) -> Start | int:
    """A `Start` for the window, or the exit status when there is nothing more to do.

    `translated(lang)` installs the CLI's translator; `fail(message)` prints one
    line on stderr and returns 2. Several books: the first is opened, the others
    added to the library (every one of them must exist)."""
    if args.install_desktop or args.uninstall_desktop:
        translated(args.lang)
        return _desktop(install=args.install_desktop, fail=fail)
    words: list[str] = list(args.book or [])
    first = words[0] if words else None
    link = first if first is not None and is_link(first) else None
    book = Path(first) if first is not None and link is None else None
    if link is not None:
        translated(args.lang)
        refused = _check_link(link, fail)
        if refused is not None:
            return refused
    for word in words:
        if not is_link(word) and not Path(word).exists():
            translated(args.lang)
            return fail(
                QCoreApplication.translate("Cli", "“{path}” does not exist.").format(path=word)
            )
    # Absolute: the running Readmark (or this one, later) may have another folder.
    target = link or (str(book.absolute()) if book is not None else None)
    named = [w if is_link(w) else str(Path(w).absolute()) for w in words[1:]]
    others = [w for w in dict.fromkeys(named) if w != target]
    claim = None
    if not args.new_instance:
        from readmark.ui.shell.single_instance import hand_over_or_claim

        targets = [target, *others] if target else []
        claim = hand_over_or_claim(targets, hand_over=not args.smoke_test)
        if claim is None:
            return 0  # the running Readmark has them
    return Start(book, link, claim, others)


def _check_link(link: str, fail: Callable[[str], int]) -> int | None:
    """None when the library can follow `link`; else the exit status, having said why."""
    from readmark import paths
    from readmark.core import links
    from readmark.core.store.errors import StoreError
    from readmark.core.store.library import Library
    from readmark.i18n import translate_error

    try:
        parsed = links.parse(link)
        library = Library(paths.library_db())
        try:
            found = links.locate(library, parsed)
        finally:
            library.close()
    except links.LinkError as error:
        return fail(QCoreApplication.translate("Links", error.template).format(detail=error.detail))
    except StoreError as error:
        return fail(translate_error(error))
    if found is None:
        return fail(
            QCoreApplication.translate(
                "Cli",
                "the book this link points to is not in your library: open the book in "
                "Readmark once, and its links will work.",
            )
        )
    return None


def _desktop(install: bool, fail: Callable[[str], int]) -> int:
    from readmark import desktop_integration

    if not desktop_integration.supported():
        return fail(
            QCoreApplication.translate(
                "Cli",
                "--install-desktop is for Linux and BSD desktops; on Windows and macOS the "
                "installer registers Readmark with the system.",
            )
        )
    report = desktop_integration.install() if install else desktop_integration.uninstall()
    for line in report.lines:  # on failure to stderr, as every error of the CLI
        print(line, file=sys.stdout if report.ok else sys.stderr)
    return 0 if report.ok else 2
