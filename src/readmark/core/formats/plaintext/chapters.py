"""Chapter headings of plain-text books: the rule set and the scan that applies it.

The rules are data (`RULES`): each has a name, a description the settings can
show (marked for translation in context "ChapterRule"), a rank (1 volume or
part, 2 chapter, 3 section) and the pattern of the heading's label. A line is a
heading only when, besides matching a rule's label at its start,

- it is short (`MAX_HEADING_CHARS`) and stands on its own: it starts the text,
  follows a blank line, a heading, or a line that ends a paragraph (sentence
  punctuation, a line shorter than the wrap width, or any line of a book that
  is not hard-wrapped), so "…翻到\\n第二章的时候" in hard-wrapped text is no heading;
- what follows the label is nothing, or a title after a separator (a space,
  "：", "、", "."), or, in Chinese, a title attached without one that has no
  punctuation at all;
- the title does not end with sentence punctuation ("。", "，", ".", ";"…) and
  holds no "。" (a sentence that mentions 第二章 is not a heading), and an English
  title does not start with a small letter ("Chapter 5 of the Act says" is prose);
- it is not part of a contents list: three or more headings in a row, with at
  most one short line that is no sentence between neighbours, and a rank used twice, are a list of
  contents, not chapters (except for a last one that repeats the first entry:
  that is the first chapter, right after the list);
- its rule matches often enough (`min_count`: a line "I." is only a heading in a
  book with at least two such lines).

A heading without its own title takes the next line as subtitle when that line
is short, not a sentence, and followed by a blank line or an indented paragraph
("CHAPTER I." / "Down the Rabbit-Hole"). A line of dashes or equals signs under
a heading belongs to the heading: it is decoration.

One regex pass over the text finds the candidate lines (the pattern starts with
a newline, so the regex engine skips from newline to newline); only those are
looked at in Python.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from readmark.core.formats.plaintext.layout import (
    DECORATION,
    INDENT_CHARS,
    PARAGRAPH_END,
    Layout,
    ends_paragraph,
)
from readmark.core.i18n import QT_TRANSLATE_NOOP
from readmark.core.repair.furniture import is_page_number, is_running_header, is_stray_mark

MAX_HEADING_CHARS = 60
MAX_SUBTITLE_CHARS = 60

_CN_NUMBER = (
    r"(?:[0-9]{1,4}|[０-９]{1,4}|[〇零○一二三四五六七八九十百千万两壹贰叁肆伍陆柒捌玖拾佰仟]{1,8})"
)
_ROMAN = r"(?=[IVXLC])(?:C{0,3})(?:XC|XL|L?X{0,3})(?:IX|IV|V?I{0,3})"
_EN_WORD_NUMBER = (
    r"(?i:(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)(?:[- ](?:one|two|three|"
    r"four|five|six|seven|eight|nine))?|one|two|three|four|five|six|seven|eight|nine|ten|"
    r"eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|"
    r"first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|last)"
)
_EN_NUMBER = rf"(?:[0-9]{{1,4}}|{_ROMAN}|{_EN_WORD_NUMBER})"
# After an English label: a separator, the end of the line, or nothing else.
_EN_END = r"(?=[ \t.:—–-]|$|\n)"


@dataclass(frozen=True)
class ChapterRule:
    name: str
    description: str  # English; translate in context "ChapterRule"
    rank: int  # 1 volume / part, 2 chapter, 3 section
    label: str  # regex for the label at the start of a line
    examples: tuple[str, ...]
    min_count: int = 1  # matches needed in the book before any of them counts
    alone: bool = False  # a bare label must have blank lines above and below
    attached_title: bool = False  # a title may follow without a separator (第一回宴桃园)
    latin: bool = False  # a title starting with a small letter is prose, not a title


RULES: tuple[ChapterRule, ...] = (
    ChapterRule(
        name="chinese-volume",
        description=QT_TRANSLATE_NOOP(
            "ChapterRule",
            "Chinese volumes and parts: 第一卷, 第二部, 卷一, 卷之三, 上卷",
        ),
        rank=1,
        label=rf"第{_CN_NUMBER}[卷部集篇]|卷之?{_CN_NUMBER}|[上中下]卷|卷[上中下首末]",
        examples=("第一卷 潜龙在渊", "卷一", "卷之三", "第２部"),
        attached_title=True,
    ),
    ChapterRule(
        name="chinese-chapter",
        description=QT_TRANSLATE_NOOP(
            "ChapterRule",
            "Chinese chapters: 第一章, 第十二回, 第3章, 第１２话, with Chinese, Arabic or full-width numerals",
        ),
        rank=2,
        label=rf"第{_CN_NUMBER}[章回话話幕]",
        examples=("第一章 风起", "第十二回 曹操煮酒论英雄", "第3章", "第１２话"),
        attached_title=True,
    ),
    ChapterRule(
        name="chinese-section",
        description=QT_TRANSLATE_NOOP(
            "ChapterRule",
            "Chinese sections: 第一节, 第3节",
        ),
        rank=3,
        label=rf"第{_CN_NUMBER}[节節]",
        examples=("第一节 缘起", "第3节"),
        attached_title=True,
    ),
    ChapterRule(
        name="chinese-named",
        description=QT_TRANSLATE_NOOP(
            "ChapterRule",
            "Chinese named parts: 序, 序章, 前言, 引子, 楔子, 尾声, 后记, 番外, 附录",
        ),
        rank=2,
        label=(
            rf"(?:番外(?:篇|{_CN_NUMBER})?|序[章言幕曲]?|自序|代序|前言|引[子言]|楔子|"
            r"尾[声聲]|终章|終章|后记|後記|附[录錄]|跋)"
        ),
        examples=("序", "楔子", "番外一 春日", "后记"),
    ),
    ChapterRule(
        name="english-part",
        description=QT_TRANSLATE_NOOP(
            "ChapterRule",
            "English parts, books and volumes: Part One, BOOK II, Volume 3",
        ),
        rank=1,
        label=rf"(?:PART|Part|BOOK|Book|VOLUME|Volume)[ \t]+{_EN_NUMBER}{_EN_END}",
        examples=("Part One", "BOOK II. The Return", "Volume 3"),
        latin=True,
    ),
    ChapterRule(
        name="english-chapter",
        description=QT_TRANSLATE_NOOP(
            "ChapterRule",
            "English chapters: Chapter 1, CHAPTER XII, Chapter Twenty-One, with Arabic or Roman numerals or numbers in words",
        ),
        rank=2,
        label=rf"(?:CHAPTER|Chapter)[ \t]+{_EN_NUMBER}{_EN_END}",
        examples=("Chapter 1", "CHAPTER XII.", "Chapter Twenty-One: The End"),
        latin=True,
    ),
    ChapterRule(
        name="english-named",
        description=QT_TRANSLATE_NOOP(
            "ChapterRule",
            "English named parts: Prologue, Preface, Foreword, Introduction, Interlude, Epilogue, Afterword, Appendix",
        ),
        rank=2,
        label=(
            r"(?:PROLOGUE|Prologue|PREFACE|Preface|FOREWORD|Foreword|INTRODUCTION|Introduction|"
            r"INTERLUDE|Interlude|EPILOGUE|Epilogue|AFTERWORD|Afterword|"
            rf"(?:APPENDIX|Appendix)(?:[ \t]+(?:[A-Z]|{_EN_NUMBER}))?){_EN_END}"
        ),
        examples=("Prologue", "EPILOGUE", "Appendix A"),
        latin=True,
    ),
    ChapterRule(
        name="roman-numeral",
        description=QT_TRANSLATE_NOOP(
            "ChapterRule",
            "A Roman numeral on a line of its own (I., II, XII.), or before a title; only in books with at least two",
        ),
        rank=2,
        label=rf"{_ROMAN}\.?(?=[ \t]|$|\n)",
        examples=("I.", "XII", "IV. The Red-Headed League"),
        min_count=2,
        alone=True,
        latin=True,
    ),
)

_SPACES = " \t\u3000"
_SEPARATORS = " \t\u3000：:、.．·•—–-"
# A title ending like this is (the start of) a sentence.
_SENTENCE_END = "。，、；;,：:．."
_ANY_PUNCTUATION = re.compile(r"[。，、；：！？,.;:!?“”\"「」『』（）()]")


@dataclass
class Heading:
    start: int  # offset of the heading line
    end: int  # offset after the heading block (line, subtitle, underline and their newlines)
    rule: str
    rank: int
    label: str  # the heading line, runs of spaces collapsed
    subtitle: str = ""
    level: int = 0  # TOC level: ranks present in the book, renumbered from 1
    anchor: str = ""

    @property
    def title(self) -> str:
        return f"{self.label} {self.subtitle}" if self.subtitle else self.label


@dataclass
class _Candidate:
    start: int
    end: int  # end of the line (its newline or the end of the text)
    rule: ChapterRule
    label: str  # the whole line, runs of spaces collapsed
    title: str  # what follows the label on the line, stripped
    key: str  # the label alone ("CHAPTER I", "第一回"): the same in the contents and the text


# Every character a rule's label can begin with. The scan for headings looks
# at every line of the book; with this lookahead a line that cannot start one is
# passed over at once instead of being tried against each rule in turn, which
# makes the scan of a 10 MB novel ~4x faster. A rule whose label can begin with
# another character must add it here (tests/core/test_chapter_scan.py holds
# the scan to the one without the lookahead).
LABEL_FIRST_CHARACTERS = "第卷上中下番序自代前引楔尾终終后後附跋PBVCFIEAXL"


def _compile(rules: Sequence[ChapterRule]) -> tuple[re.Pattern[str], re.Pattern[str]]:
    body = "|".join(f"(?P<r{i}>{rule.label})" for i, rule in enumerate(rules))
    indent = f"[{_SPACES}]{{0,8}}"
    first = f"(?={indent}[{LABEL_FIRST_CHARACTERS}])"
    return re.compile(rf"\n{first}{indent}(?:{body})"), re.compile(rf"{indent}(?:{body})")


_LINE, _FIRST_LINE = _compile(RULES)


def find_headings(
    text: str, layout: Layout, start: int = 0, end: int | None = None
) -> list[Heading]:
    """The chapter headings in text[start:end], in order, with levels assigned."""
    end = len(text) if end is None else end
    candidates = _candidates(text, layout, start, end)
    candidates = _drop_contents_lists(text, candidates)
    counts: dict[str, int] = {}
    for c in candidates:
        counts[c.rule.name] = counts.get(c.rule.name, 0) + 1
    candidates = [c for c in candidates if counts[c.rule.name] >= c.rule.min_count]
    headings: list[Heading] = []
    for n, c in enumerate(candidates):
        limit = candidates[n + 1].start if n + 1 < len(candidates) else end
        headings.append(_heading(text, c, limit, layout))
    ranks = sorted({h.rank for h in headings})
    for h in headings:
        h.level = ranks.index(h.rank) + 1
    return headings


def _candidates(text: str, layout: Layout, start: int, end: int) -> list[_Candidate]:
    found: list[_Candidate] = []
    first = _FIRST_LINE.match(text, start, end)
    matches = [first] if first else []
    matches.extend(_LINE.finditer(text, start, end))
    previous_heading_end = -1
    for m in matches:
        line_start = m.start() if m is first else m.start() + 1
        line_end = text.find("\n", m.end(), end)
        line_end = end if line_end < 0 else line_end
        assert m.lastgroup is not None
        rule = RULES[int(m.lastgroup[1:])]
        candidate = _validate(text, m, rule, line_start, line_end)
        if candidate is None:
            continue
        if layout.paged and _page_furniture(text[line_start:line_end], layout):
            continue
        if not _stands_alone(text, candidate, layout, start, end, previous_heading_end):
            continue
        found.append(candidate)
        previous_heading_end = line_end
    return found


def _page_furniture(line: str, layout: Layout) -> bool:
    """In a book converted from print, a line that is a page's furniture, not a
    heading: a running header (`Chapter 1. The way of the program`), a page number
    that reads as a numeral (`II`) or a printer's signature mark (`C`)."""
    stripped = line.strip()
    return (
        is_running_header(stripped, layout.headers)
        or (len(stripped) <= 4 and (is_page_number(stripped) or is_stray_mark(stripped)))
        or bool(re.fullmatch(r"[A-Za-z](?:\s?\d{1,2})?", stripped))
    )


def _validate(
    text: str, m: re.Match[str], rule: ChapterRule, line_start: int, line_end: int
) -> _Candidate | None:
    line = text[line_start:line_end].strip(_SPACES)
    if len(line) > MAX_HEADING_CHARS:
        return None
    label = m.group(m.lastgroup or 0).strip(_SPACES)
    rest = text[m.end() : line_end].rstrip(_SPACES)
    title = rest.lstrip(_SEPARATORS)
    if rest and title:
        separated = rest[0] in _SEPARATORS
        if not separated and (not rule.attached_title or _ANY_PUNCTUATION.search(title)):
            return None
        if title[-1] in _SENTENCE_END or "。" in title:
            return None
        if rule.latin and title[0].islower():
            return None
    return _Candidate(
        line_start, line_end, rule, " ".join(line.split()), title, " ".join(label.split())
    )


def _stands_alone(
    text: str,
    c: _Candidate,
    layout: Layout,
    floor: int,
    end: int,
    previous_heading_end: int,
) -> bool:
    """Whether the candidate's line is a line on its own, not inside a paragraph."""
    blank_before = c.start == floor or _blank_line_before(text, c.start, floor)
    if c.rule.alone and not c.title:
        next_start = c.end + 1
        blank_after = next_start >= end or _line_is_blank(text, next_start, end)
        return blank_before and blank_after
    if blank_before or previous_heading_end == c.start - 1:
        return True
    if not layout.wrap_width:
        return True  # every line is a paragraph
    prev_start = text.rfind("\n", floor, c.start - 1) + 1
    prev_start = max(prev_start, floor)
    previous = text[prev_start : c.start - 1]
    return ends_paragraph(previous, layout)


def _blank_line_before(text: str, line_start: int, floor: int) -> bool:
    prev_start = max(text.rfind("\n", floor, line_start - 1) + 1, floor)
    return not text[prev_start : line_start - 1].strip()


def _line_is_blank(text: str, line_start: int, end: int) -> bool:
    line_end = text.find("\n", line_start, end)
    return not text[line_start : end if line_end < 0 else line_end].strip()


def _drop_contents_lists(text: str, candidates: list[_Candidate]) -> list[_Candidate]:
    """Leave out runs of three or more headings close together that repeat a rank."""
    if len(candidates) < 3:
        return candidates
    kept: list[_Candidate] = []
    run: list[_Candidate] = [candidates[0]]
    for c in candidates[1:]:
        if _close(text, run[-1], c):
            run.append(c)
            continue
        kept.extend(_unless_contents(run))
        run = [c]
    kept.extend(_unless_contents(run))
    return kept


def _close(text: str, a: _Candidate, b: _Candidate) -> bool:
    """Nothing between the two candidates' lines but blank lines and at most one
    short line that is no sentence (an entry's title on a line of its own)."""
    if b.start - a.end > 4096:
        return False
    lines = [line.strip(_SPACES) for line in text[a.end + 1 : b.start].split("\n")]
    lines = [line for line in lines if line]
    if not lines:
        return True
    line = lines[0]
    return len(lines) == 1 and len(line) <= MAX_SUBTITLE_CHARS and line[-1] not in PARAGRAPH_END


def _unless_contents(run: list[_Candidate]) -> list[_Candidate]:
    """The run, or nothing if it is a contents list; the list's last line is the
    first chapter itself when it repeats the list's first entry (the chapter
    follows the list with nothing between)."""
    if len(run) < 3 or len({c.rule.rank for c in run}) == len(run):
        return run
    if run[-1].key == run[0].key:
        return [run[-1]]
    return []


def _heading(text: str, c: _Candidate, limit: int, layout: Layout) -> Heading:
    """The candidate as a heading: subtitle and underline taken in."""
    end = _next_line(text, c.end, limit)
    subtitle = ""
    if not c.title:
        # `第三回` / a rule of dashes / `　　　賈雨村夤緣复舊職　林黛玉拋父進京都`: a
        # title set under the label's rule is still its title.
        end = _past_rules(text, end, limit)
    if not c.title and end < limit:
        line_end = _line_end(text, end, limit)
        line = text[end:line_end].strip(_SPACES)
        after = _next_line(text, line_end, limit)
        if (
            line
            and len(line) <= MAX_SUBTITLE_CHARS
            and line[-1] not in _SENTENCE_END
            and not DECORATION.fullmatch(line)
            and after < limit
            and _starts_block(text, after, limit, layout)
        ):
            subtitle = " ".join(line.split())
            end = after
    # A line of dashes or equals signs under the heading (a blank line may
    # come between) is its decoration.
    probe, blanks = end, 0
    while probe < limit:
        line_end = _line_end(text, probe, limit)
        line = text[probe:line_end].strip()
        if not line:
            blanks += 1
            if blanks > 1:
                break
        elif DECORATION.fullmatch(line):
            end, blanks = line_end + 1, 0
        else:
            break
        probe = line_end + 1
    return Heading(
        start=c.start,
        end=min(end, limit),
        rule=c.rule.name,
        rank=c.rule.rank,
        label=c.label,
        subtitle=subtitle,
    )


def _past_rules(text: str, start: int, limit: int) -> int:
    """Where the text goes on after the blank lines and rules of dashes under a
    heading; `start` itself when no rule is there."""
    probe, seen_rule = start, False
    while probe < limit:
        line_end = _line_end(text, probe, limit)
        line = text[probe:line_end].strip()
        if line and not DECORATION.fullmatch(line):
            break
        seen_rule = seen_rule or bool(line)
        probe = line_end + 1
    return min(probe, limit) if seen_rule else start


def _starts_block(text: str, line_start: int, limit: int, layout: Layout) -> bool:
    line = text[line_start : _line_end(text, line_start, limit)]
    return not line.strip() or (line[:1] in INDENT_CHARS and layout.indented_paragraphs)


def _line_end(text: str, start: int, limit: int) -> int:
    end = text.find("\n", start, limit)
    return limit if end < 0 else end


def _next_line(text: str, line_end: int, limit: int) -> int:
    """Start of the line after the one ending at `line_end` (capped at `limit`)."""
    return min(line_end + 1, limit)
