"""The real program quits cleanly with every panel open: as the closed window is
taken apart its docks hide, and a pane that still listens must not reach into the
deleted window (it printed a traceback at every exit with the annotations panel
shown). Checked on the real program (`readmark BOOK --smoke-test`) on a fresh home."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from readmark.core.store.settings import Settings

BOOK = (
    Path(__file__).resolve().parents[1]
    / "fixtures"
    / "repair_corpus"
    / "en_ia_nervous_exhaustion.txt"
)


def _run(home: Path) -> subprocess.CompletedProcess[str]:
    env = dict(os.environ, READMARK_HOME=str(home), QT_QPA_PLATFORM="offscreen")
    return subprocess.run(
        [sys.executable, "-m", "readmark", str(BOOK), "--smoke-test"],
        env=env,
        capture_output=True,
        text=True,
        encoding="utf-8",
        timeout=120,
    )


def test_quitting_with_the_annotations_panel_shown_prints_no_traceback(tmp_path: Path) -> None:
    first = _run(tmp_path)
    assert first.returncode == 0, first.stderr[-2000:]
    settings = Settings(tmp_path / "config" / "settings.json")  # paths.config_dir()
    settings.set("reader.annotations_visible", True)
    settings.set("reader.toc_visible", True)
    done = _run(tmp_path)
    assert done.returncode == 0, done.stderr[-2000:]
    assert "smoke-test ok" in done.stdout
    assert "Traceback" not in done.stderr, done.stderr[-2000:]
