"""Patterns compiled at start-up come from the memo of an earlier start
(readmark/startup_re.py): the second start compiles (almost) none of them before
its first screen, each is equal to what `re.compile` makes, and re compiles as
usual once the first screen is painted or a command runs."""

from __future__ import annotations

import json
import re
import uuid
from pathlib import Path

from readmark import startup_re
from spawn_reader import WATCH_FIRST_PAINT, run_offscreen

# `python -m readmark BOOK --smoke-test`, counting the patterns re's own compiler
# compiled (re._compiler._code: what the memo spares) before and after the first
# screen, and checking every pattern compiled by then against a fresh re.compile.
_PROBE = (
    """
import atexit, importlib, json, re, runpy, sys
compiler = importlib.import_module("re._compiler")
real_code = compiler._code
count = {"before": 0, "after": 0}
"""
    + WATCH_FIRST_PAINT
    + """def code(*args):
    count["after" if watch.painted else "before"] += 1
    return real_code(*args)
compiler._code = code
def report():
    from readmark import startup_re
    made = list(getattr(re, "_cache").items())
    compiler._code = real_code
    unequal = [key[1] for key, p in made
               if p != compiler.compile(key[1], key[2])]
    print("re " + json.dumps({**count, "cached": len(made), "unequal": unequal[:3],
                              "held": startup_re.held()}), flush=True)
atexit.register(report)
sys.argv = ["readmark", sys.argv[1], "--smoke-test"]
runpy.run_module("readmark", run_name="__main__")
"""
)


def _start(book: Path, home: Path, cache: Path) -> dict[str, object]:
    done = run_offscreen(["-c", _PROBE, str(book)], home, pycache=cache)
    assert "smoke-test ok" in done.stdout
    line = next(x for x in done.stdout.splitlines() if x.startswith("re "))
    result: dict[str, object] = json.loads(line[3:])
    return result


def test_a_later_start_compiles_its_patterns_from_the_memo(
    shared_books: Path, tmp_path: Path
) -> None:
    book = shared_books / "000_25b2869f1a30fd56.txt"
    cache = tmp_path / "pycache"
    first = _start(book, tmp_path / "home1", cache)
    assert first["before"] > 100  # PySide's, Python-Markdown's, the loaders', …
    assert list(cache.rglob("lazy_re.*.patterns"))  # remembered beside the bytecode
    second = _start(book, tmp_path / "home2", cache)
    assert second["before"] <= 3, second  # taken from the memo instead
    assert second["unequal"] == [] and second["cached"] > 100  # re's own patterns
    assert second["held"] is False  # re as usual after the first screen


def test_held_patterns_are_res_own_and_release_gives_re_back() -> None:
    before = re.compile  # the public function is never replaced
    for k in range(600):  # re's cache full, as after a long run: the oldest make room
        re.compile(f"filler {k}")
    startup_re.hold()
    try:
        source = rf"(?P<n>\d+)[一-鿿]+(?#{uuid.uuid4()})"
        made = re.compile(source, re.M)
        assert re.compile(source, re.M) is made  # from re's cache, as usual
        assert made.search("第12章").group("n") == "12"  # type: ignore[union-attr]
        assert re.sub(r"\s+", " ", "a \n b") == "a b"
        assert re.compile(made) is made  # a compiled pattern passes through, as in re
        assert re.compile("x", re.I).flags & re.I  # a RegexFlag, as re takes it
    finally:
        startup_re.release()
    assert re.compile is before and not startup_re.held()
    assert re.compile(source, re.M) == made  # the same source, flags and code
