"""PySide's per-module import check, made cheap (readmark.pyside_hook), answers as
PySide's own does, and `from __feature__ import …` still works after it.

Run in a child process: the hook is process-wide.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import textwrap
from pathlib import Path

_PROBE = textwrap.dedent(
    """
    import json, sys
    import shiboken6
    feature = sys.modules["shibokensupport.feature"]
    original = feature._mod_uses_pyside
    from readmark import pyside_hook
    pyside_hook.make_cheap()
    pyside_hook.make_cheap()  # twice: still one wrapper
    cheap = feature._mod_uses_pyside
    import readmark.cli, readmark.core.book, readmark.ui.palette, markdown, json.decoder
    names = ["readmark.cli", "readmark.core.book", "readmark.ui.palette", "markdown",
             "json.decoder", "sys", "_json", "shiboken6"]
    answers = {n: [original(sys.modules[n]), cheap(sys.modules[n])] for n in names}
    import uses_feature
    print(json.dumps({"answers": answers, "cheap": cheap is not original,
                      "feature": uses_feature.TITLE}))
    """
)

_USES_FEATURE = textwrap.dedent(
    """
    from PySide6.QtCore import QObject
    from __feature__ import snake_case  # noqa

    o = QObject()
    o.set_object_name("snake")
    TITLE = o.object_name()
    """
)


def test_the_cheap_check_answers_as_pysides_and_features_still_work(tmp_path: Path) -> None:
    (tmp_path / "uses_feature.py").write_text(_USES_FEATURE, encoding="utf-8")
    src = Path(__file__).resolve().parents[1] / "src"
    env = dict(os.environ, PYTHONPATH=os.pathsep.join([str(src), str(tmp_path)]))
    done = subprocess.run(
        [sys.executable, "-c", _PROBE], env=env, capture_output=True, text=True, timeout=120
    )
    assert done.returncode == 0, done.stderr[-2000:]
    result = json.loads(done.stdout.strip().splitlines()[-1])
    assert result["cheap"]
    for name, (pyside, cheap) in result["answers"].items():
        assert pyside == cheap, name
    assert result["answers"]["readmark.ui.palette"] == [True, True]  # it imports PySide6
    assert result["answers"]["readmark.core.book"] == [False, False]
    assert result["feature"] == "snake"  # a module that asks for snake_case gets it
