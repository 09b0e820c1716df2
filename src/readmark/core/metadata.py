"""Finding a text book's title, authors, publisher, date, ISBN and language.

Sources, first wins per field:

1. a metadata block at the very start: YAML front matter (a flat subset), Pandoc
   `%` lines, MultiMarkdown `Key: Value` lines, or headings written as
   `# Title: …` / `## Author: …`;
2. for books converted from print, the front matter pages in the first ~20 KB:
   key–value lines of a copyright page (`出版发行:`, `作者:`, `版 次:` …), a short
   title-page line naming the author (`本书编写组`, `鲁迅 著`) or the publisher
   (`…出版社`), an ISBN, the Chinese CIP record;
3. the title page's first heading (plus a directly following deeper heading as
   subtitle), else the CIP title, else the file name;
4. the language detected from a sample of the text.

`split_front_matter` tells a loader where the metadata block ends, so the block
is not shown as part of the book.
"""

from __future__ import annotations

import operator
import re
import unicodedata
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field

from readmark.core.book import Metadata
from readmark.core.formats.markdown.grammar import (
    BLOCK_QUOTE,
    FENCE_CLOSE,
    LIST_ITEM,
    SETEXT_UNDERLINE,
    FenceClosers,
    atx_heading,
    fence_open,
)
from readmark.core.lazy_re import lazy
from readmark.core.scripts import is_chinese_or_japanese, is_han, is_hangul, is_kana

FRONT_PAGES_CHARS = 20 * 1024
LANGUAGE_SAMPLE_CHARS = 32 * 1024
# How much of the text after the metadata block `extract_metadata` reads.
HEAD_CHARS = max(FRONT_PAGES_CHARS, LANGUAGE_SAMPLE_CHARS)

# ---------------------------------------------------------------- meta blocks

_KEY_ALIASES = {
    "title": "title",
    "书名": "title",
    "書名": "title",
    "subtitle": "subtitle",
    "author": "authors",
    "authors": "authors",
    "creator": "authors",
    "by": "authors",
    "作者": "authors",
    "著者": "authors",
    "编者": "authors",
    "編者": "authors",
    "主编": "authors",
    "编著": "authors",
    "責任者": "authors",
    "责任者": "authors",
    "lang": "language",
    "language": "language",
    "publisher": "publisher",
    "出版社": "publisher",
    "出版者": "publisher",
    "出版发行": "publisher",
    "出版發行": "publisher",
    "出版": "publisher",
    "date": "date",
    "year": "date",
    "published": "date",
    "版次": "date",
    "isbn": "isbn",
    "description": "description",
    "abstract": "description",
    "summary": "description",
}

# `# Title: Enchiridion` style headings on a title page.
_LABEL_HEADING = lazy(
    r"^(title|subtitle|authors?|by|translator|translated by|editor|year|date|publisher|"
    r"language|isbn)\s*:\s*\S",
    re.I,
)


@dataclass
class FrontMatter:
    fields: dict[str, object] = field(default_factory=dict)
    end: int = 0  # offset in the text where the book proper starts


def is_label_heading(title: str) -> bool:
    """True for a title-page heading like `Author: Arrian` (metadata, not a chapter)."""
    return ":" in title and _LABEL_HEADING.match(title) is not None  # most have no colon


def split_front_matter(text: str) -> FrontMatter:
    """Parse a metadata block at the very start of `text`, if there is one."""
    return _yaml_block(text) or _pandoc_block(text) or _mmd_block(text) or FrontMatter()


def _yaml_block(text: str) -> FrontMatter | None:
    if not text.startswith("---"):
        return None
    first_nl = text.find("\n")
    if first_nl < 0 or text[:first_nl].strip() != "---":
        return None
    match = re.compile(r"^(?:---|\.\.\.)[ \t]*$", re.M).search(text, first_nl + 1, 16 * 1024)
    if match is None:
        return None
    block = text[first_nl + 1 : match.start()]
    fields: dict[str, object] = {}
    current_key = ""
    for line in block.split("\n"):
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        item = re.match(r"^\s*-\s+(.*)$", line)
        if item and current_key:
            value = _unquote(item.group(1))
            existing = fields.get(current_key)
            if isinstance(existing, list):
                existing.append(value)
            else:
                fields[current_key] = [value]
            continue
        kv = re.match(r"^([A-Za-z_\u4e00-\u9fff][\w \-\u4e00-\u9fff]*?)\s*:\s*(.*)$", line)
        if kv is None:
            if not fields:
                return None  # not YAML at all: a thematic break followed by text
            continue
        if line[:1].isspace():
            continue  # nested mapping: outside the flat subset
        current_key = kv.group(1).strip().lower()
        raw = kv.group(2).strip()
        if raw.startswith("[") and raw.endswith("]"):
            fields[current_key] = [_unquote(v) for v in _split_list(raw[1:-1])]
        elif raw in ("", "|", ">", "|-", ">-"):
            fields[current_key] = ""
        else:
            fields[current_key] = _unquote(raw)
    if not fields:
        return None
    end = match.end()
    return FrontMatter(fields, end + 1 if text[end : end + 1] == "\n" else end)


def _pandoc_block(text: str) -> FrontMatter | None:
    if not text.startswith("%"):
        return None
    lines = text.split("\n", 3)
    values: list[str] = []
    consumed = 0
    for line in lines[:3]:
        if not line.startswith("%"):
            break
        values.append(line[1:].strip())
        consumed += len(line) + 1
    fields: dict[str, object] = {}
    if values and values[0]:
        fields["title"] = values[0]
    if len(values) > 1 and values[1]:
        fields["authors"] = [a.strip() for a in values[1].split(";") if a.strip()]
    if len(values) > 2 and values[2]:
        fields["date"] = values[2]
    return FrontMatter(fields, min(consumed, len(text)))


def _mmd_block(text: str) -> FrontMatter | None:
    fields: dict[str, object] = {}
    pos = 0
    first = True
    while pos < len(text):
        nl = text.find("\n", pos)
        line = text[pos:] if nl < 0 else text[pos:nl]
        if not line.strip():
            break
        kv = re.match(r"^([A-Za-z][A-Za-z0-9 _\-]{0,30})\s*:\s*(.+)$", line)
        if kv is None:
            if first:
                return None
            if line[:1].isspace():  # continuation line of the previous value
                pos = len(text) if nl < 0 else nl + 1
                continue
            return None
        key = kv.group(1).strip().lower()
        if first and _KEY_ALIASES.get(key) not in ("title", "authors"):
            return None  # "Chapter 1: Beginnings" is a first line, not metadata
        first = False
        fields[key] = kv.group(2).strip()
        pos = len(text) if nl < 0 else nl + 1
    if not fields:
        return None
    return FrontMatter(fields, pos)


def _split_list(raw: str) -> list[str]:
    return [part.strip() for part in re.split(r",(?=(?:[^\"']*[\"'][^\"']*[\"'])*[^\"']*$)", raw)]


def _unquote(value: str) -> str:
    value = value.strip()
    if len(value) >= 2 and value[0] == value[-1] and value[0] in "\"'":
        inner = value[1:-1]
        return inner.replace("''", "'") if value[0] == "'" else inner.replace('\\"', '"')
    return re.sub(r"\s+#.*$", "", value)  # trailing YAML comment


def _normalise_fields(raw: dict[str, object]) -> dict[str, object]:
    out: dict[str, object] = {}
    for key, value in raw.items():
        name = _KEY_ALIASES.get(key.replace(" ", "").lower()) or _KEY_ALIASES.get(key.lower())
        if name is None or name in out:
            continue
        if name == "authors":
            items = (
                value
                if isinstance(value, list)
                else re.split(r"\s*(?:;|&|、| and )\s*", str(value))
            )
            authors = tuple(str(a).strip() for a in items if str(a).strip())
            if authors:
                out[name] = authors
        else:
            text = ", ".join(map(str, value)) if isinstance(value, list) else str(value)
            if text.strip():
                out[name] = text.strip()
    return out


# ---------------------------------------------------------- inline markup

# (pattern, replacement, characters one of which any match holds): a pattern is
# tried only on a title holding one of them, and a group's text is taken by a C
# callable (a template like r"\1" is expanded by Python code, once per match).
_GROUP_1 = operator.methodcaller("group", 1)
_GROUP_2 = operator.methodcaller("group", 2)
_INLINE_PATTERNS: tuple[tuple[re.Pattern[str], Callable[[re.Match[str]], str] | str, str], ...] = (
    (re.compile(r"\s*\{[#.][^}]*\}\s*$"), "", "{"),  # attr_list {#id .class}
    (re.compile(r"!\[([^\]]*)\]\([^)]*\)"), _GROUP_1, "!"),  # images
    (re.compile(r"\[([^\]]*)\]\([^)]*\)"), _GROUP_1, "["),  # links
    (re.compile(r"\[([^\]]*)\]\[[^\]]*\]"), _GROUP_1, "["),  # reference links
    (re.compile(r"\[\^[^\]]*\]"), "", "["),  # footnote references
    (re.compile(r"<[^>]*>"), "", "<"),  # html tags
    (re.compile(r"(\*\*|__)(.+?)\1"), _GROUP_2, "*_"),
    (re.compile(r"(?<![\w*])\*(?!\s)(.+?)(?<!\s)\*(?!\w)"), _GROUP_1, "*"),
    (re.compile(r"(?<![\w_])_(?!\s)(.+?)(?<!\s)_(?![\w])"), _GROUP_1, "_"),
    (re.compile(r"~~(.+?)~~"), _GROUP_1, "~"),
    (re.compile(r"`+([^`]*)`+"), _GROUP_1, "`"),
    (re.compile(r"\\([\\`*_{}\[\]()#+\-.!|~<>])"), _GROUP_1, "\\"),
)
_ENTITY = re.compile(r"&(#\d+|#x[0-9a-fA-F]+|[A-Za-z]+);")
# Every pattern above needs one of these characters (images and links a `[`);
# most titles have none, and a book can have thousands of headings.
_MARKUP_CHAR = re.compile(r"[{\[<*_~`\\&]")


def strip_inline_markup(text: str) -> str:
    """The plain text of a line of inline Markdown (for titles and slugs)."""
    if not _MARKUP_CHAR.search(text):
        return " ".join(text.split())
    for pattern, repl, needles in _INLINE_PATTERNS:
        for needle in needles:
            if needle in text:
                break
        else:
            continue  # no match can be without one of them
        if pattern.search(text):
            text = pattern.sub(repl, text)
    if "&" in text:
        import html

        text = html.unescape(text)
    return " ".join(text.split())


# ------------------------------------------------------------- title page


def _headings_near_start(text: str, limit: int) -> list[tuple[int, str, int]]:
    """(level, plain title, line number) of ATX and setext headings in text[:limit],
    read by the loader's block grammar (outside fenced code)."""
    lines = text[:limit].split("\n")
    closers = FenceClosers((k, line) for k, line in enumerate(lines) if FENCE_CLOSE.match(line))
    found: list[tuple[int, str, int]] = []
    i = 0
    while i < len(lines):
        line = lines[i]
        fence = fence_open(line)
        closer = closers.closer(fence, i) if fence else None
        if closer is not None:
            i = closer + 1
            continue
        atx = atx_heading(line)
        if atx:
            found.append((atx.level, strip_inline_markup(atx.content.strip()), i))
        elif (
            i + 1 < len(lines)
            and line.strip()
            and SETEXT_UNDERLINE.match(lines[i + 1])
            and not LIST_ITEM.match(line)
            and not BLOCK_QUOTE.match(line)
        ):
            level = 1 if lines[i + 1].strip()[0] == "=" else 2
            found.append((level, strip_inline_markup(line.strip()), i))
        i += 1
    return found


def join_title(title: str, subtitle: str) -> str:
    """Title and subtitle as one line: no space between CJK, ': ' between Latin.

    CJK here is Chinese and Japanese, written without spaces; a Korean title takes
    ': ' like a Latin one, as Korean puts spaces between words."""
    if not title:
        return subtitle
    if not subtitle:
        return title
    if is_chinese_or_japanese(title[-1]) or is_chinese_or_japanese(subtitle[0]):
        return title + subtitle
    return f"{title}: {subtitle}"


def _title_from_headings(body: str) -> tuple[str, dict[str, object]]:
    """The title page's title, plus fields given by `# Key: value` headings."""
    headings = _headings_near_start(body, FRONT_PAGES_CHARS)
    labels: dict[str, object] = {}
    rest = []
    for level, title, line_no in headings:
        if is_label_heading(title):
            key, _, value = title.partition(":")
            labels.setdefault(key.strip().lower(), value.strip())
        else:
            rest.append((level, title, line_no))
    if not rest:
        return "", labels
    lines = body[:FRONT_PAGES_CHARS].split("\n")

    def block_after(index: int) -> list[str]:
        start = rest[index][2] + 1
        end = rest[index + 1][2] if index + 1 < len(rest) else len(lines)
        # setext underlines belong to their heading, not to the body text
        return [ln for ln in lines[start:end] if ln.strip() and not SETEXT_UNDERLINE.match(ln)]

    def title_page_like(block: list[str]) -> bool:
        return len(block) <= 8 and all(len(ln.strip()) <= 40 for ln in block)

    level, title, _ = rest[0]
    block = block_after(0)
    if not block and len(rest) > 1 and rest[1][0] > level and rest[1][1]:
        if title_page_like(block_after(1)):
            title = join_title(title, rest[1][1])
            block = block_after(1)
    lone = sum(1 for h in rest if h[0] <= level) == 1
    if not (lone or title_page_like(block)):
        return "", labels  # the first heading is a chapter: the book has no title page
    return title, labels


# ---------------------------------------------------------- front matter pages

_ISBN_RE = lazy(r"ISBN(?:[-‐ ]?1[03])?\s*[:：]?\s*([0-9][0-9\-‐– ]{8,20}[0-9Xx])")
_KV_LINE = lazy(
    r"^[ \t\u3000]*(?:\*\*)?([\u4e00-\u9fff][\u4e00-\u9fff \u3000]{0,7}?)(?:\*\*)?"
    r"[ \t\u3000]*[:：](?:\*\*)?[ \t\u3000]*(.+?)[ \t\u3000]*$",
    re.M,
)
_CIP_RE = lazy(
    r"^(?P<title>[^/\n]{1,80}?)\s*/\s*(?P<resp>[^\n]{1,80}?)\s*[.．。]\s*[—\-–]+\s*"
    r"(?P<place>[^:：\n]{1,20})\s*[:：]\s*(?P<publisher>[^,，\n]{1,40})\s*[,，]\s*"
    r"(?P<year>\d{4})(?:\s*[.．]\s*(?P<month>\d{1,2}))?",
    re.M,
)
_ROLE_SUFFIX = lazy(r"(编写组|編寫組|编委会|編委會|编著|編著|主编|主編|著|编|編|译|譯|撰|绘|繪)$")
_SENTENCE_PUNCT = lazy(r"[。，,；;！!？?:：、“”\"《》()（）/]")
_EDITION_DATE = lazy(r"(\d{4})\s*年\s*(\d{1,2})\s*月")


def isbn_is_valid(digits: str) -> bool:
    digits = digits.upper()
    if len(digits) == 10 and re.fullmatch(r"\d{9}[\dX]", digits):
        total = sum((10 - i) * (10 if c == "X" else int(c)) for i, c in enumerate(digits))
        return total % 11 == 0
    if len(digits) == 13 and digits.isdigit():
        total = sum(int(c) * (1 if i % 2 == 0 else 3) for i, c in enumerate(digits))
        return total % 10 == 0
    return False


def find_isbn(text: str) -> str:
    """The first checksum-valid ISBN in `text`, hyphens kept as printed."""
    for match in _ISBN_RE.finditer(text):
        printed = re.sub(r"[‐–]", "-", match.group(1)).replace(" ", "-").upper()
        printed = re.sub(r"-+", "-", printed).strip("-")
        digits = printed.replace("-", "")
        # the capture may run into following digits; try the valid prefixes
        for length in (13, 10):
            if len(digits) >= length and isbn_is_valid(digits[:length]):
                return _cut_printed(printed, length)
    return ""


def _cut_printed(printed: str, n_digits: int) -> str:
    count = 0
    for i, ch in enumerate(printed):
        if ch != "-":
            count += 1
            if count == n_digits:
                return printed[: i + 1]
    return printed


def _clean_value(value: str) -> str:
    value = strip_inline_markup(value)
    return value.strip(" \t\u3000*_")


def _front_pages(pages: str) -> dict[str, object]:
    found: dict[str, object] = {}
    isbn = find_isbn(pages)
    if isbn:
        found["isbn"] = isbn
    for match in _KV_LINE.finditer(pages):
        key = re.sub(r"[ \u3000]", "", match.group(1))
        value = _clean_value(match.group(2))
        if not value:
            continue
        name = _KEY_ALIASES.get(key)
        if name == "authors" and "authors" not in found:
            found["authors"] = (_strip_role(value),)
        elif name == "publisher" and "publisher" not in found:
            found["publisher"] = value
        elif name == "date" and "date" not in found:
            m = _EDITION_DATE.search(value)
            if m:
                found["date"] = f"{m.group(1)}-{int(m.group(2)):02d}"
        elif name == "title" and "title" not in found:
            found["title"] = value

    for raw_line in pages.split("\n"):
        line = _clean_value(raw_line.lstrip("#> \t"))
        if not line or len(line) > 30 or _SENTENCE_PUNCT.search(line):
            continue
        if "page_author" not in found and _ROLE_SUFFIX.search(line) and len(line) > 1:
            found["page_author"] = (_strip_role(line),)
        elif "page_publisher" not in found and re.search(r"出版社$|出版公司$|书局$|書局$", line):
            found["page_publisher"] = line

    cip = _CIP_RE.search(pages)
    if cip:
        found["cip_title"] = cip.group("title").strip()
        found["cip_authors"] = (_strip_role(cip.group("resp").strip()),)
        found["cip_publisher"] = cip.group("publisher").strip()
        month = cip.group("month")
        found["cip_date"] = cip.group("year") + (f"-{int(month):02d}" if month else "")
    return found


def _strip_role(name: str) -> str:
    name = name.strip()
    if re.search(r"(编写组|編寫組|编委会|編委會)$", name):
        return name
    stripped = _ROLE_SUFFIX.sub("", name).strip(" \u3000")
    return stripped or name


# ---------------------------------------------------------------- language

_SIMPLIFIED = (
    "这们个来说时国会为对发过还没学经动实现开关间长进问从样点东两种军边头门书车马听见气电话让应"
    "党众与产万义业认员机华爱报张将给带难变观战钱纪样调办务乐术场亲传师欢总设总农质区历"
    "岁写觉语谁请读论识记讲该证许设谈资达运连远选递还适邮钟铁银错门闭闻阳队际陆陈隐难"
    "飞饭马验鱼鸟麦黄齐龙龟"
)
_TRADITIONAL = (
    "這們個來說時國會為對發過還沒學經動實現開關間長進問從樣點東兩種軍邊頭門書車馬聽見氣電話讓應"
    "黨眾與產萬義業認員機華愛報張將給帶難變觀戰錢紀樣調辦務樂術場親傳師歡總設總農質區歷"
    "歲寫覺語誰請讀論識記講該證許設談資達運連遠選遞還適郵鐘鐵銀錯門閉聞陽隊際陸陳隱難"
    "飛飯馬驗魚鳥麥黃齊龍龜"
)
_SIMPLIFIED_SET = frozenset(_SIMPLIFIED) - frozenset(_TRADITIONAL)
_TRADITIONAL_SET = frozenset(_TRADITIONAL) - frozenset(_SIMPLIFIED)


def detect_language(text: str) -> str:
    """A BCP 47 tag for the sample's script: zh-Hans, zh-Hant, ja, ko, en or ""."""
    han = kana = hangul = latin = other = 0
    simplified = traditional = 0
    # Each distinct character is classified once (a 32K-character Chinese
    # sample has well under a thousand): several times faster than one by one.
    for ch, n in Counter(text[:LANGUAGE_SAMPLE_CHARS]).items():
        if ch < "\u0080":
            if ch.isalpha():
                latin += n
            continue
        if is_han(ch):
            han += n
            if ch in _SIMPLIFIED_SET:
                simplified += n
            elif ch in _TRADITIONAL_SET:
                traditional += n
        elif is_kana(ch):
            kana += n
        elif is_hangul(ch):
            hangul += n
        elif ch.isalpha():
            if unicodedata.name(ch, "").startswith("LATIN"):
                latin += n
            else:
                other += n
    # A CJK character carries about as much as a Latin word of ~5 letters.
    cjk_weight = (han + kana + hangul) * 4
    if cjk_weight > latin + other and han + kana + hangul >= 5:
        if hangul > han + kana:
            return "ko"
        if kana >= 0.05 * (han + kana) and kana >= 5:
            return "ja"
        if traditional > simplified:
            return "zh-Hant"
        return "zh-Hans" if simplified or not traditional else "zh-Hant"
    if latin >= 20 and latin > 2 * other:
        return "en"
    return ""


# ------------------------------------------------------------------ main


def _names(value: object) -> tuple[str, ...]:
    """The authors found (every source gives a tuple of names), typed as such."""
    return tuple(map(str, value)) if isinstance(value, tuple) else ()


def extract_metadata(text: str, fallback_title: str, front: FrontMatter | None = None) -> Metadata:
    """Everything the book says about itself; `fallback_title` is usually the file stem.

    `front` is `split_front_matter(text)` when the caller already has it.
    """
    if front is None:
        front = split_front_matter(text)
    meta = _normalise_fields(front.fields)
    # Only the start of the book is looked at; copying a whole 10 MB text would
    # cost more than all the rest.
    body = text[front.end : front.end + HEAD_CHARS]

    page_title, labels = _title_from_headings(body)
    for key, value in _normalise_fields(labels).items():
        meta.setdefault(key, value)
    if "title" in meta and "subtitle" in meta:
        meta["title"] = join_title(str(meta["title"]), str(meta["subtitle"]))

    pages = _front_pages(body[:FRONT_PAGES_CHARS])
    authors = (
        meta.get("authors")
        or pages.get("authors")
        or pages.get("page_author")
        or pages.get("cip_authors")
        or ()
    )
    publisher = (
        meta.get("publisher")
        or pages.get("publisher")
        or pages.get("page_publisher")
        or pages.get("cip_publisher")
        or ""
    )
    date = meta.get("date") or pages.get("date") or pages.get("cip_date") or ""
    isbn = meta.get("isbn") or pages.get("isbn") or ""
    title = (
        meta.get("title")
        or page_title
        or pages.get("title")
        or pages.get("cip_title")
        or fallback_title
    )
    language = meta.get("language") or detect_language(body)
    return Metadata(
        title=str(title),
        authors=_names(authors),
        language=str(language),
        publisher=str(publisher),
        date=str(date),
        isbn=str(isbn),
        description=str(meta.get("description", "")),
    )
