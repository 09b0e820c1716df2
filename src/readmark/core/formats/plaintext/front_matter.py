"""What a plain-text book says about itself: Project Gutenberg's header and
markers, or a title page.

A Project Gutenberg file has a header with `Title:`, `Author:` and `Language:`
lines, then `*** START OF THE PROJECT GUTENBERG EBOOK … ***`; the book ends at
`*** END OF THE PROJECT GUTENBERG EBOOK … ***` (with an "End of the Project
Gutenberg EBook of …" line just before it in older files), and the licence
follows. The header is metadata, not text to read; the licence is kept apart
from the book's own text.

Without such a header the first lines may still be a title page: a title in
《》 and an `作者：` line, or a short title line followed by "by Author".

The text before the first chapter heading (title page, 内容简介, a preface the
chapter rules do not know) is a section of its own; its contents entry is named
by its first line that reads as a heading (`front_matter_title`), else "Front
Matter" in the reader's language.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from readmark.core.formats.plaintext.layout import DECORATION
from readmark.core.i18n import QT_TRANSLATE_NOOP

HEADER_CHARS = 64 * 1024
TITLE_PAGE_CHARS = 3000
TITLE_PAGE_LINES = 12
LICENCE_TITLE = "The Project Gutenberg License"
# The contents entry of text before the first chapter that has no heading of its own.
FRONT_MATTER_TITLE = QT_TRANSLATE_NOOP("PlainText", "Front Matter")
FRONT_HEADING_CHARS = 40

_START = re.compile(
    r"^[ \t]*\*{3}[ \t]*START OF (?:THE|THIS) PROJECT GUTENBERG E-?BOOK[^\n]*$", re.M | re.I
)
_END = re.compile(
    r"^[ \t]*\*{3}[ \t]*END OF (?:THE|THIS) PROJECT GUTENBERG E-?BOOK[^\n]*$", re.M | re.I
)
_END_LINE = re.compile(r"^[ \t]*End of (?:the )?Project Gutenberg", re.M | re.I)
_FIELD = re.compile(
    r"^(Title|Author|Language|Translator|Editor|Release Date):[ \t]*(.+?)[ \t]*$", re.M
)
_BRACKETED = re.compile(r"^\[.*\]$")
_BY = re.compile(r"^(?:by|BY|By)[ \t]+(.{2,60})$")
_BOOK_TITLE_MARKS = re.compile(r"《([^》\n]{1,40})》")
_CHINESE_AUTHOR = re.compile(r"(?:作者|著者)[ \t\u3000]*[:：][ \t\u3000]*([^\s　，,。;；]{1,20})")
_SENTENCE_END = tuple(".,;:。，；：")
# In a heading-like line: none of these (a sentence, a title-and-author line).
_NOT_IN_HEADING = re.compile(r"[。，、；：！？,.;:!?“”\"「」『』（）()]")
_WHOLE_BOOK_TITLE = re.compile(r"《([^》]+)》")
_SPACES = " \t\u3000"

_LANGUAGES = {
    "english": "en",
    "chinese": "zh",
    "japanese": "ja",
    "korean": "ko",
    "french": "fr",
    "german": "de",
    "spanish": "es",
    "italian": "it",
    "portuguese": "pt",
    "dutch": "nl",
    "latin": "la",
    "russian": "ru",
    "greek": "el",
    "finnish": "fi",
    "swedish": "sv",
    "danish": "da",
    "norwegian": "no",
    "polish": "pl",
    "esperanto": "eo",
}


@dataclass
class FrontMatter:
    body_start: int = 0  # where the book's own text starts
    body_end: int = -1  # where it ends (-1: the end of the text)
    licence_start: int = -1  # start of the licence after the book (-1: none)
    title: str = ""
    authors: tuple[str, ...] = ()
    language: str = ""  # BCP 47
    fields: dict[str, str] = field(default_factory=dict)


def read_front_matter(text: str) -> FrontMatter:
    """Project Gutenberg's header and end marker, if the text has them."""
    front = FrontMatter(body_end=len(text))
    start = _START.search(text, 0, HEADER_CHARS)
    if start is not None:
        fields = {m.group(1).lower(): m.group(2) for m in _FIELD.finditer(text, 0, start.start())}
        front.fields = fields
        front.body_start = min(start.end() + 1, len(text))
        front.title = fields.get("title", "")
        author = fields.get("author", "")
        if author:
            front.authors = tuple(a.strip() for a in re.split(r";| and ", author) if a.strip())
        front.language = language_tag(fields.get("language", ""))
    end = None
    for m in _END.finditer(text, max(front.body_start, len(text) - 2 * HEADER_CHARS)):
        end = m
        break
    if end is not None:
        body_end = end.start()
        lines = list(_END_LINE.finditer(text, max(front.body_start, body_end - 1000), body_end))
        if lines:
            body_end = lines[-1].start()
        front.body_end = body_end
        front.licence_start = body_end
    return front


def language_tag(name: str) -> str:
    """ "English" -> "en"; a tag already ("en", "zh-Hans") stays; unknown -> ""."""
    name = name.strip()
    first = re.split(r"[,;/]| and ", name)[0].strip()
    if re.fullmatch(r"[a-z]{2,3}(?:-[A-Za-z0-9]{2,8})*", first):
        return first
    return _LANGUAGES.get(first.lower(), "")


def title_page(text: str, start: int, end: int) -> tuple[str, tuple[str, ...]]:
    """(title, authors) from the first lines of text[start:end], or ("", ())."""
    lines = [
        line.strip(" \t\u3000")
        for line in text[start : min(end, start + TITLE_PAGE_CHARS)].split("\n")
    ]
    lines = [line for line in lines if line and not _BRACKETED.match(line)][:TITLE_PAGE_LINES]
    if not lines:
        return "", ()
    # Chinese: 《书名》 on the first line, an 作者： line near it.
    marked = _BOOK_TITLE_MARKS.search(lines[0])
    if marked:
        authors: tuple[str, ...] = ()
        for line in lines[:4]:
            author = _CHINESE_AUTHOR.search(line)
            if author:
                authors = (author.group(1),)
                break
        return marked.group(1).strip(), authors
    # English: a title line, then "by Author".
    for n, line in enumerate(lines[1:], start=1):
        by = _BY.match(line)
        if by:
            title, name = lines[n - 1], by.group(1)
            if len(title) <= 80 and not title.endswith(_SENTENCE_END) and _is_name(name):
                authors = tuple(a.strip() for a in re.split(r",| and ", name) if a.strip())
                return title, authors
            break
    return "", ()


_NAME_PARTICLES = frozenset("and de del della der di du la le van von y".split())


def _is_name(text: str) -> bool:
    """ "Lewis Carroll", "Miguel de Cervantes": not "the time she came back"."""
    words = text.replace(",", " ").split()
    return 0 < len(words) <= 8 and all(
        w[0].isupper() or w.lower() in _NAME_PARTICLES or w[0] in '(“"' for w in words
    )


def front_matter_title(text: str, start: int, end: int) -> str:
    """The first line of text[start:end] that reads as a heading, or "".

    Such a line stands alone (a blank line or the start above it, a blank line
    or the end below it), is short, holds no sentence punctuation, and is not
    an author line, an [Illustration] or a rule of dashes: "内容简介", "Contents",
    a book's title. A title in book title marks alone on its line, 《三国演义》,
    is given without them. Only the first lines are looked at.
    """
    lines = text[start : min(end, start + TITLE_PAGE_CHARS)].split("\n")
    if start + TITLE_PAGE_CHARS < end:
        lines.pop()  # cut off mid-line: its end is unknown
    seen = 0
    for n, raw in enumerate(lines):
        line = raw.strip(_SPACES)
        if not line:
            continue
        seen += 1
        if seen > TITLE_PAGE_LINES:
            break
        alone = (n == 0 or not lines[n - 1].strip()) and (
            n + 1 == len(lines) or not lines[n + 1].strip()
        )
        if (
            alone
            and len(line) <= FRONT_HEADING_CHARS
            and not _NOT_IN_HEADING.search(line)
            and not _BRACKETED.match(line)
            and not _is_bracketed_cjk(line)
            and not DECORATION.fullmatch(line)
            and not _BY.match(line)
            and not _CHINESE_AUTHOR.search(line)
        ):
            whole = _WHOLE_BOOK_TITLE.fullmatch(line)
            return whole.group(1).strip() if whole else " ".join(line.split())
    return ""


def _is_bracketed_cjk(line: str) -> bool:
    """［插图］, 【图】: a placeholder, not a heading."""
    return line[0] in "［【〔" and line[-1] in "］】〕"
