"""Patterns compiled at their first use (core/lazy_re.py) match exactly as `re`'s do,
and are compiled once, when first used — not when their module is imported."""

from __future__ import annotations

import importlib
import marshal
import os
import re
import subprocess
import sys
import uuid
from pathlib import Path
from types import ModuleType

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from readmark.core.lazy_re import LazyPattern, lazy

# The modules whose module-level patterns are lazy: every book's loader imports them.
LAZY_MODULES = (
    "readmark.core.metadata",
    "readmark.core.sniff",
    "readmark.core.html_simple",
    "readmark.core.formats.markdown.fast_blocks",
    "readmark.core.formats.markdown.fast_inline",
    "readmark.core.html_defuse",
    "readmark.core.html_sanitize",
    "readmark.core.html_text",
    "readmark.core.formats.markdown.text_path",
    "readmark.core.formats.markdown.linear",
    "readmark.core.repair.captions",
    "readmark.core.repair.contents_links",
    "readmark.core.repair.furniture",
    "readmark.core.repair.growing",
    "readmark.core.repair.inline",
    "readmark.core.repair.line_paragraphs",
    "readmark.core.repair.note_shapes",
    "readmark.core.repair.page_marks",
    "readmark.core.repair.page_splits",
    "readmark.core.repair.punctuation",
    "readmark.core.repair.running_headers",
)


def _patterns(module: ModuleType) -> list[LazyPattern]:
    return [value for value in vars(module).values() if isinstance(value, LazyPattern)]


ALL_LAZY = [
    pytest.param(pattern, id=f"{name.rsplit('.', 1)[-1]}:{pattern.pattern[:30]}")
    for name in LAZY_MODULES
    for pattern in _patterns(importlib.import_module(name))
]

# Text like the books': page furniture, notes, CJK punctuation, HTML, Markdown.
TEXT = st.lists(
    st.sampled_from(
        list("ab xyzIVX019 \t\n:：.。,，;；!！?？()（）[]<>/\"'*_`#-—…=|&")
        + list("第一章页注出版社编著年月ISBN")
        + ["\u3000", "\ue004", "\ue005", "①", "²"]
        + ['<a name="rm-page-12"></a>', "Chapter ", "Footnote 1:", "[^1]: "]
    ),
    max_size=60,
).map("".join)


def test_the_loaders_modules_have_lazy_patterns() -> None:
    assert len(ALL_LAZY) >= 40  # a module that went back to re.compile shows here


@pytest.mark.parametrize("pattern", ALL_LAZY)
@settings(max_examples=25, deadline=None)
@given(text=TEXT)
def test_a_lazy_pattern_matches_as_re_compiles_it(pattern: LazyPattern, text: str) -> None:
    same = re.compile(pattern.pattern, pattern.flags)
    assert pattern.flags == same.flags and pattern.groups == same.groups
    assert _spans(pattern.search(text)) == _spans(same.search(text))
    assert _spans(pattern.match(text)) == _spans(same.match(text))
    assert _spans(pattern.fullmatch(text)) == _spans(same.fullmatch(text))
    assert [_spans(m) for m in pattern.finditer(text)] == [_spans(m) for m in same.finditer(text)]
    assert pattern.findall(text) == same.findall(text)
    assert pattern.split(text) == same.split(text)
    assert pattern.subn("<\\g<0>>", text) == same.subn("<\\g<0>>", text)


def _spans(match: re.Match[str] | None) -> object:
    if match is None:
        return None
    return match.span(), match.groups(), match.groupdict()


def test_compiled_at_the_first_use_and_only_then(monkeypatch: pytest.MonkeyPatch) -> None:
    calls: list[object] = []
    compiler = importlib.import_module("re._compiler")  # what re.compile runs
    real = compiler._code

    def counting(parsed: object, flags: int) -> list[int]:
        calls.append(parsed)
        return real(parsed, flags)  # type: ignore[no-any-return]

    monkeypatch.setattr(compiler, "_code", counting)
    source = rf"(\d+)-(\d+)(?#{uuid.uuid4()})"  # never compiled before, in no memo
    pattern = lazy(source, re.ASCII)
    assert calls == []  # made, not compiled
    assert pattern.pattern == source and calls == []
    assert pattern.sub(r"\2-\1", "pages 12-34") == "pages 34-12"
    assert pattern.search("x 1-2").group(2) == "2"  # type: ignore[union-attr]
    assert [m.group(1) for m in pattern.finditer("1-2 3-4")] == ["1", "3"]
    assert pattern.split("a1-2b") == ["a", "1", "2", "b"]
    assert len(calls) == 1  # once, for all the methods
    assert pattern.flags & re.ASCII
    assert pattern.compiled() == re.compile(source, re.ASCII)


@given(text=TEXT)
def test_every_method_first_gives_the_same(text: str) -> None:
    """Whichever method is called first (it compiles), it answers as `re` does."""
    source = r"(?P<n>\d{1,4})|([一-鿿]+)"
    same = re.compile(source)
    assert _spans(lazy(source).search(text)) == _spans(same.search(text))
    assert _spans(lazy(source).match(text, 1)) == _spans(same.match(text, 1))
    assert _spans(lazy(source).fullmatch(text)) == _spans(same.fullmatch(text))
    assert lazy(source).findall(text, 0, 40) == same.findall(text, 0, 40)
    assert [m.span() for m in lazy(source).finditer(text)] == [
        m.span() for m in same.finditer(text)
    ]
    assert lazy(source).sub("#", text, 2) == same.sub("#", text, 2)
    assert lazy(source).subn(lambda m: m.group(0) * 2, text) == same.subn(
        lambda m: m.group(0) * 2, text
    )
    assert lazy(source).split(text, 1) == same.split(text, 1)
    assert lazy(source).groupindex == same.groupindex


# A child Python that compiles every lazy pattern of the loaders' modules and says
# whether each equals (same source, flags and matcher code) what re.compile makes.
# argv[1] "no-compiler": re's own compiler is made to fail, so every pattern must
# come from the memo written by an earlier child.
_CHILD = """
import importlib, re, sys
from readmark.core.lazy_re import LazyPattern
if sys.argv[1] == "no-compiler":
    compiler = importlib.import_module("re._compiler")
    real = compiler._code
    def refuse(*args):
        raise AssertionError("compiled by re, not taken from the memo")
    patterns = []
    for name in sys.argv[2:]:
        patterns += [v for v in vars(importlib.import_module(name)).values()
                     if isinstance(v, LazyPattern)]
    compiler._code = refuse
    made = [p.compiled() for p in patterns]
    compiler._code = real
else:
    patterns = []
    for name in sys.argv[2:]:
        patterns += [v for v in vars(importlib.import_module(name)).values()
                     if isinstance(v, LazyPattern)]
    made = [p.compiled() for p in patterns]
same = sum(m == re.compile(p.pattern, p.flags) for m, p in zip(made, patterns))
print(len(patterns), same)
"""


def _child(cache: Path, mode: str, *, bytecode: bool = True) -> tuple[int, int]:
    env = dict(os.environ, PYTHONPYCACHEPREFIX=str(cache))
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    if not bytecode:
        env["PYTHONDONTWRITEBYTECODE"] = "1"
    done = subprocess.run(
        [sys.executable, "-c", _CHILD, mode, *LAZY_MODULES],
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert done.returncode == 0, done.stderr[-3000:]
    count, same = done.stdout.split()
    return int(count), int(same)


def _memo_files(cache: Path) -> list[Path]:
    return list(cache.rglob("lazy_re.*.patterns"))


def test_what_patterns_compile_to_is_remembered_next_to_the_bytecode(tmp_path: Path) -> None:
    count, same = _child(tmp_path, "compile")
    assert count >= 40 and same == count  # made by the matcher from re's own code
    assert len(_memo_files(tmp_path)) == 1  # written at exit, beside lazy_re's .pyc
    # A later start takes every pattern from the memo (re's compiler refuses here),
    # and each is equal to what re.compile makes.
    assert _child(tmp_path, "no-compiler") == (count, count)


def test_a_damaged_or_foreign_memo_is_compiled_around(tmp_path: Path) -> None:
    count, _ = _child(tmp_path, "compile")
    (memo,) = _memo_files(tmp_path)
    good = memo.read_bytes()
    for damaged in (b"", b"\x00garbage", good[: len(good) // 2], marshal.dumps(("other", {}))):
        memo.write_bytes(damaged)
        assert _child(tmp_path, "compile") == (count, count)
        assert memo.read_bytes() == good  # rewritten whole at exit
    # Codes the matcher refuses (its own check of any code it is given): compiled anew.
    key, entries = marshal.loads(good)
    wrong = {
        pattern: (entry[0], [999, *entry[1]], *entry[2:]) for pattern, entry in entries.items()
    }
    memo.write_bytes(marshal.dumps((key, wrong)))
    assert _child(tmp_path, "compile") == (count, count)


def test_no_memo_is_written_when_python_writes_no_bytecode(tmp_path: Path) -> None:
    count, same = _child(tmp_path, "compile", bytecode=False)
    assert same == count and _memo_files(tmp_path) == []
