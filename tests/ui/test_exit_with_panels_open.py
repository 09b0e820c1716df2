"""The real program quits cleanly with every panel open: as the closed window is
taken apart its docks hide, and a pane that still listens must not reach into the
deleted window (it printed a traceback at every exit with the annotations panel
shown). Checked on the real program (`readmark BOOK --smoke-test`) on a fresh home."""

from __future__ import annotations

import subprocess
from pathlib import Path

from readmark.core.store.settings import Settings
from spawn_reader import run_offscreen

BOOK = (
    Path(__file__).resolve().parents[1]
    / "fixtures"
    / "repair_corpus"
    / "en_ia_nervous_exhaustion.txt"
)


def _run(home: Path) -> subprocess.CompletedProcess[str]:
    return run_offscreen(["-m", "readmark", str(BOOK), "--smoke-test"], home)


def test_quitting_with_the_annotations_panel_shown_prints_no_traceback(tmp_path: Path) -> None:
    _run(tmp_path)
    settings = Settings(tmp_path / "config" / "settings.json")  # paths.config_dir()
    settings.set("reader.annotations_visible", True)
    settings.set("reader.toc_visible", True)
    done = _run(tmp_path)
    assert "smoke-test ok" in done.stdout
    assert "Traceback" not in done.stderr, done.stderr[-2000:]
