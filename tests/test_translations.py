"""The Simplified Chinese translation is complete, current, compiled and well-formed.

When one of these fails after you added or changed a user-visible string, run
`.venv/bin/python packaging/update_translations.py`, translate what it lists in
resources/translations/readmark_zh_CN.ts, and run it again to rebuild the .qm.
"""

from __future__ import annotations

import importlib.util
import re
import shutil
import xml.etree.ElementTree as ET
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
TS = REPO / "resources" / "translations" / "readmark_zh_CN.ts"
QM = TS.with_suffix(".qm")
FIX = "run packaging/update_translations.py and translate what it lists"

HAN = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff]")
# Common characters that exist only in Traditional Chinese: a zh_CN text must not use them.
TRADITIONAL = set("這們個為書開關設檔視體時會來說對錯與於後頁點選單擇標籤檢頭號進讀載無顯")
# {name}, {0}, {size:.1f}; Qt's %1, %L1, %n. Doubled braces are literal braces, not fields.
PLACEHOLDER = re.compile(r"(?<!\{)\{[^{}]*\}(?!\})|%L?\d+|%n")
# Names that stay as they are in Chinese; a source made only of these needs no Chinese.
KEEP_AS_IS = {"Readmark"}


@dataclass(frozen=True)
class Message:
    context: str
    source: str
    translations: tuple[str, ...]  # one, or one per plural form
    kind: str  # the translation's type attribute: "", "unfinished", "vanished", "obsolete"
    numerus: bool


def read_ts(path: Path) -> list[Message]:
    messages = []
    for context in ET.parse(path).getroot().iter("context"):
        name = context.findtext("name", "")
        for message in context.iter("message"):
            translation = message.find("translation")
            numerus = message.get("numerus") == "yes"
            if translation is None:
                texts: tuple[str, ...] = ("",)
                kind = "unfinished"
            else:
                forms = [f.text or "" for f in translation.iter("numerusform")]
                texts = tuple(forms) if numerus and forms else (translation.text or "",)
                kind = translation.get("type", "")
            messages.append(Message(name, message.findtext("source", ""), texts, kind, numerus))
    return messages


def _update_translations_module():
    # Loaded by path: the folder is named `packaging`, like the library.
    path = REPO / "packaging" / "update_translations.py"
    spec = importlib.util.spec_from_file_location("update_translations", path)
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="module")
def messages() -> list[Message]:
    assert TS.is_file(), f"{TS} is missing: {FIX}"
    found = read_ts(TS)
    assert found, f"{TS} holds no messages: {FIX}"
    return found


def test_ts_targets_simplified_chinese() -> None:
    root = ET.parse(TS).getroot()
    assert root.get("language") == "zh_CN"
    assert root.get("sourcelanguage", "en") == "en"


def test_every_message_has_a_finished_simplified_chinese_translation(
    messages: list[Message],
) -> None:
    problems = []
    for m in messages:
        where = f"[{m.context}] {m.source!r}"
        if m.kind:
            problems.append(f"{where}: translation is {m.kind}")
        elif not all(t.strip() for t in m.translations):
            problems.append(f"{where}: empty translation")
        else:
            words = PLACEHOLDER.sub("", m.source)
            for name in KEEP_AS_IS:
                words = words.replace(name, "")
            for t in m.translations:
                if re.search(r"[A-Za-z]", words) and not HAN.search(t):
                    problems.append(f"{where}: {t!r} is not Chinese")
                if TRADITIONAL & set(t):
                    problems.append(f"{where}: {t!r} uses Traditional characters")
    assert not problems, f"{FIX}:\n" + "\n".join(problems)


def test_no_source_string_is_missing_from_the_ts(tmp_path: Path) -> None:
    """lupdate over today's source finds nothing that the committed .ts lacks."""
    tool = _update_translations_module()
    copy = tmp_path / TS.name
    shutil.copyfile(TS, copy)
    tool.lupdate(copy, "zh_CN")
    committed = {(m.context, m.source) for m in read_ts(TS)}
    current = {(m.context, m.source) for m in read_ts(copy)}
    new = sorted(current - committed)
    assert not new, f"strings in the source but not in {TS.name} ({FIX}):\n" + "\n".join(
        f"  [{c}] {s!r}" for c, s in new
    )


def test_qm_loads_and_translates_every_message(messages: list[Message]) -> None:
    """The committed .qm is current: it gives each finished translation of the .ts.

    Compared through QTranslator rather than byte for byte, so a different lrelease
    version producing a different but equivalent file does not fail.
    """
    from PySide6.QtCore import QTranslator  # noqa: PLC0415

    assert QM.is_file(), f"{QM} is missing: {FIX}"
    translator = QTranslator()
    assert translator.load(str(QM)), f"QTranslator cannot load {QM}"
    assert translator.language() == "zh_CN"
    checked = 0
    stale = []
    for m in messages:
        if m.kind or not all(m.translations):
            continue  # reported by the completeness test
        n = 1 if m.numerus else -1
        if translator.translate(m.context, m.source, None, n) != m.translations[0]:
            stale.append(f"  [{m.context}] {m.source!r}")
        checked += 1
    assert checked, "no finished translation to check"
    assert not stale, f"{QM.name} is older than {TS.name} ({FIX}):\n" + "\n".join(stale)
    assert translator.translate("NoSuchContext", "No such text") == ""


def test_placeholders_survive_translation(messages: list[Message]) -> None:
    problems = []
    for m in messages:
        want = Counter(PLACEHOLDER.findall(m.source))
        for t in m.translations:
            if not t:
                continue  # reported by the completeness test
            got = Counter(PLACEHOLDER.findall(t))
            if m.numerus:  # a plural form may leave out %n, never add or lose others
                want.pop("%n", None)
                got.pop("%n", None)
            if got != want:
                problems.append(
                    f"[{m.context}] {m.source!r} -> {t!r}: "
                    f"placeholders {sorted(want.elements())} vs {sorted(got.elements())}"
                )
    assert not problems, "\n".join(problems)
