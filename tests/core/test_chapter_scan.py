"""The chapter scan's lookahead (`chapters.LABEL_FIRST_CHARACTERS`) only speeds it up.

Held to the scan without it, built here from the same public RULES: on the real
books and the plain-text fixtures, and on hypothesis text made of every word and
character the rules' labels are written with, at line starts, indented or not.
A rule whose label could begin with a character missing from the lookahead
would lose headings; these tests find that.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from readmark.core.formats.plaintext import chapters
from readmark.core.formats.plaintext.encoding import read_plain_text

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "plaintext"
SPACES = " \t\u3000"


def _reference() -> re.Pattern[str]:
    """The scan as it was before the lookahead."""
    body = "|".join(f"(?P<r{i}>{rule.label})" for i, rule in enumerate(chapters.RULES))
    return re.compile(rf"\n[{SPACES}]{{0,8}}(?:{body})")


REFERENCE = _reference()


def _found(pattern: re.Pattern[str], text: str) -> list[tuple[int, int, str | None]]:
    return [(m.start(), m.end(), m.lastgroup) for m in pattern.finditer(text)]


def _scan(text: str) -> list[tuple[int, int, str | None]]:
    """What find_headings' line scan matches, through the module's own pattern."""
    return _found(chapters._LINE, text)


# Every run of letters or CJK characters in the labels' regular expressions
# ("PROLOGUE", "Foreword", "番外", "卷之", the classes' members), and each of
# their characters on its own.
_WORDS = sorted(
    {
        word
        for rule in chapters.RULES
        for word in re.findall(r"[A-Za-z]+|[\u3000-\u9fff\uff10-\uff19]+", rule.label)
    }
    | {example for rule in chapters.RULES for example in rule.examples}
)
_CHARACTERS = sorted({ch for word in _WORDS for ch in word} | set("0123456789１２IVXLC .:-—"))


def test_every_label_word_starts_with_a_listed_character() -> None:
    examples = [example for rule in chapters.RULES for example in rule.examples]
    assert examples
    for example in examples:
        assert example[0] in chapters.LABEL_FIRST_CHARACTERS, example


@pytest.mark.parametrize(
    "name",
    sorted(p.name for p in FIXTURES.glob("*.txt")),
)
def test_fixtures_scan_as_before(name: str) -> None:
    text = read_plain_text(FIXTURES / name).text
    assert _scan(text) == _found(REFERENCE, text)


def test_real_books_scan_as_before(shared_books: Path) -> None:
    scanned = 0
    for path in sorted(shared_books.glob("*.txt")):
        text = read_plain_text(path).text
        found = _scan(text)
        assert found == _found(REFERENCE, text), path.name
        scanned += len(found)
    assert scanned > 100  # 三国演义 alone has 120 chapters


_line = st.tuples(
    st.text(alphabet=SPACES, max_size=10),
    st.lists(
        st.one_of(st.sampled_from(_WORDS), st.text(alphabet=_CHARACTERS, max_size=6)),
        max_size=4,
    ).map("".join),
).map("".join)


@settings(max_examples=400, deadline=None)
@given(st.lists(_line, min_size=1, max_size=12))
def test_any_text_scans_as_before(lines: list[str]) -> None:
    text = "\n".join(["", *lines])
    assert _scan(text) == _found(REFERENCE, text)
