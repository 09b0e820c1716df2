"""The folding table read from disk instead of built at the first search: the
shipped copy is the table this code builds, and a stored copy that is missing,
damaged or made from other rules is passed over and the table built and kept
again, never an error."""

from __future__ import annotations

import functools
import os
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from readmark.core.search import folding, folding_store


@functools.cache
def built(match_case: bool) -> dict[int, int]:
    return folding.build(match_case)


@pytest.mark.parametrize("match_case", [False, True])
def test_the_shipped_table_is_the_one_this_code_builds(match_case: bool) -> None:
    shipped = folding_store.shipped_path(match_case)
    assert shipped is not None and shipped.is_file()
    found = folding_store.read(shipped, folding_store.key(match_case))
    assert found is not None, (
        f"{shipped.name} was made by other folding code or another OpenCC/Unicode: "
        "run packaging/make_folding_tables.py"
    )
    table, digest = found
    assert table == built(match_case)
    assert digest == folding.table_digest(built(match_case))


def test_the_table_in_use_and_its_digest_are_the_built_ones() -> None:
    # The digest is the one indexes and saved texts recorded before tables were
    # stored: they stay valid.
    assert folding.table(False) == built(False)
    assert folding.digest(False) == folding.table_digest(built(False))
    assert folding.fold("紅樓夢 ＡＢＣ Café") == "红楼梦 abc cafe"


def test_a_missing_table_is_built_and_kept_then_read_back(tmp_path: Path) -> None:
    cached = tmp_path / "cache" / "search" / "folding.bin"
    table, digest = folding_store.stored_or_built(False, (None, cached))
    assert table == built(False) and digest == folding.table_digest(table)
    assert cached.is_file()
    assert folding_store.read(cached, folding_store.key(False)) == (table, digest)
    assert folding_store.stored_or_built(False, (None, cached)) == (table, digest)


def _valid(tmp_path: Path, match_case: bool = False) -> Path:
    cached = tmp_path / "folding.bin"
    assert folding_store.write(cached, folding_store.key(match_case), built(match_case))
    return cached


@pytest.mark.parametrize(
    "damage",
    [
        pytest.param(lambda data: b"", id="empty"),
        pytest.param(lambda data: data[: len(data) // 2], id="cut short"),
        pytest.param(lambda data: data[:-1] + bytes([data[-1] ^ 0xFF]), id="a byte changed"),
        pytest.param(lambda data: b"\x00" * len(data), id="zeros"),
        pytest.param(lambda data: data.replace(folding_store.MAGIC, b"x" * 19), id="no magic"),
    ],
)
def test_a_damaged_table_is_built_again_and_rewritten(tmp_path: Path, damage) -> None:  # type: ignore[no-untyped-def]
    cached = _valid(tmp_path)
    cached.write_bytes(damage(cached.read_bytes()))
    assert folding_store.read(cached, folding_store.key(False)) is None
    table, _digest = folding_store.stored_or_built(False, (None, cached))
    assert table == built(False)
    assert folding_store.read(cached, folding_store.key(False)) is not None  # kept again


def test_a_table_made_from_other_rules_is_not_used(tmp_path: Path) -> None:
    """Another OpenCC, Unicode or folding code gives another key: a table stored
    under it (here a wrong one) is passed over, and so is the case-kept table in
    place of the folded one."""
    cached = tmp_path / "folding.bin"
    folding_store.write(cached, b"\x01" * 16, {ord("A"): ord("B")})
    assert folding_store.stored_or_built(False, (None, cached))[0] == built(False)
    case_kept = _valid(tmp_path / "case", match_case=True)
    assert folding_store.read(case_kept, folding_store.key(False)) is None
    assert folding_store.key(False) != folding_store.key(True)


def test_a_shipped_table_of_other_rules_falls_back_to_the_cache(tmp_path: Path) -> None:
    shipped = tmp_path / "shipped.bin"
    folding_store.write(shipped, b"\x02" * 16, {ord("A"): ord("B")})
    cached = tmp_path / "cache.bin"
    assert folding_store.stored_or_built(False, (shipped, cached))[0] == built(False)
    assert folding_store.read(cached, folding_store.key(False)) is not None


@pytest.mark.parametrize("blocker", ["a file", "a folder"])
def test_a_cache_that_cannot_be_written_only_costs_time(tmp_path: Path, blocker: str) -> None:
    if blocker == "a file":
        (tmp_path / "cache").write_text("not a folder")
        cached = tmp_path / "cache" / "folding.bin"
    else:
        cached = tmp_path / "folding.bin"
        cached.mkdir()  # a folder where the file should be: unreadable, unwritable
    assert folding_store.stored_or_built(False, (None, cached))[0] == built(False)


def test_a_pipe_where_the_table_should_be_is_never_read(tmp_path: Path) -> None:
    cached = tmp_path / "folding.bin"
    os.mkfifo(cached)  # opening it to read would wait for a writer for ever
    assert folding_store.read(cached, folding_store.key(False)) is None
    assert folding_store.stored_or_built(False, (None, cached))[0] == built(False)


@settings(max_examples=200, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.binary(max_size=300))
def test_any_bytes_after_a_right_header_are_refused(tail: bytes) -> None:
    data = folding_store.MAGIC + folding_store.key(False) + tail
    assert folding_store.decode(data, folding_store.key(False)) is None


@settings(max_examples=100, deadline=None)
@given(st.data())
def test_a_stored_table_with_any_byte_changed_is_refused(data: st.DataObject) -> None:
    key = folding_store.key(False)
    good = folding_store.encode(key, {ord("X"): ord("x"), 0x570B: 0x56FD})
    at = data.draw(st.integers(0, len(good) - 1))
    flip = data.draw(st.integers(1, 255))
    bad = good[:at] + bytes([good[at] ^ flip]) + good[at + 1 :]
    assert folding_store.decode(bad, key) is None
    assert folding_store.decode(good, key) is not None


_PROCESS = """
import sys
from readmark.core.search import folding, folding_store

# As with another OpenCC or Python than the shipped table was made with.
folding_store.shipped_path = lambda match_case: None
if sys.argv[1] == "must-read":
    def refuse(match_case):
        raise SystemExit("built instead of read")
    folding.build = refuse
print(folding.fold("紅樓夢 ＡＢＣ"))
"""


def test_a_process_keeps_the_table_it_built_and_builds_a_damaged_copy_again(
    readmark_home: Path,
) -> None:
    import subprocess
    import sys

    src = Path(folding.__file__).resolve().parents[3]
    env = {**os.environ, "PYTHONPATH": str(src), "READMARK_HOME": str(readmark_home)}

    def run(mode: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            [sys.executable, "-c", _PROCESS, mode],
            env=env,
            capture_output=True,
            text=True,
            encoding="utf-8",
            timeout=60,
            check=False,
        )

    kept = readmark_home / "cache" / "search" / "folding.bin"
    for damage in (None, b"", b"garbage" * 1000):
        if damage is not None:
            kept.write_bytes(damage)
        built_run = run("may-build")
        assert (built_run.returncode, built_run.stdout, built_run.stderr) == (0, "红楼梦 abc\n", "")
        assert folding_store.read(kept, folding_store.key(False)) is not None
        read_run = run("must-read")  # the next process reads what the last one kept
        assert (read_run.returncode, read_run.stdout, read_run.stderr) == (0, "红楼梦 abc\n", "")


def bundle_resources(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """As in the frozen bundle: the shipped tables in its resources with the digest its
    build recorded (the spec's `write_source_digest`), and no folding.py to read."""
    from readmark import resources

    folder = tmp_path / "resources"
    search = folder / folding_store.FOLDER
    search.mkdir(parents=True)
    for match_case in (False, True):
        shipped = folding_store.shipped_path(match_case)
        assert shipped is not None
        (search / shipped.name).write_bytes(shipped.read_bytes())
    assert folding_store.write_source_digest(search) == search / folding_store.SOURCE_DIGEST
    monkeypatch.setattr(resources, "root", lambda: folder)
    monkeypatch.setattr(folding, "__file__", str(tmp_path / "frozen" / "folding.pyc"))
    return search


def test_the_checkout_ships_no_source_digest() -> None:
    # Only a bundle's build records one, from the folding.py it freezes: one committed
    # here could be left behind by a change to folding.py.
    shipped = folding_store.shipped_path(False)
    assert shipped is not None
    assert not (shipped.parent / folding_store.SOURCE_DIGEST).exists()


@pytest.mark.parametrize("match_case", [False, True])
def test_a_bundle_without_sources_uses_the_shipped_table(
    match_case: bool, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    with_sources = folding_store.key(match_case)
    bundle_resources(tmp_path, monkeypatch)
    assert folding_store.key(match_case) == with_sources
    shipped = folding_store.shipped_path(match_case)
    assert shipped is not None and shipped.is_relative_to(tmp_path)
    cached = tmp_path / "cache" / "folding.bin"
    table, digest = folding_store.stored_or_built(match_case, (shipped, cached))
    assert table == built(match_case) and digest == folding.table_digest(table)
    assert not cached.exists()  # read, not built


@pytest.mark.parametrize(
    "recorded",
    [
        pytest.param(None, id="none recorded"),
        pytest.param("0" * 32, id="another folding.py"),
        pytest.param("not a digest", id="damaged"),
        pytest.param("", id="empty"),
    ],
)
def test_a_bundle_without_the_right_digest_builds_its_table(
    recorded: str | None, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    with_sources = folding_store.key(False)
    digest_file = bundle_resources(tmp_path, monkeypatch) / folding_store.SOURCE_DIGEST
    if recorded is None:
        digest_file.unlink()
    else:
        digest_file.write_text(recorded)
    assert folding_store.key(False) != with_sources
    shipped = folding_store.shipped_path(False)
    assert shipped is not None and folding_store.read(shipped, folding_store.key(False)) is None
    cached = tmp_path / "cache" / "folding.bin"
    assert folding_store.stored_or_built(False, (shipped, cached))[0] == built(False)
    assert cached.is_file()  # built, and kept for the next start


def test_no_digest_is_recorded_without_a_source(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.setattr(folding, "__file__", str(tmp_path / "gone" / "folding.py"))
    with pytest.raises(FileNotFoundError):
        folding_store.write_source_digest(tmp_path)
    assert not (tmp_path / folding_store.SOURCE_DIGEST).exists()
