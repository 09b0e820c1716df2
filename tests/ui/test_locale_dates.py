"""Dates and numbers in the interface language's locale, not the C locale's
"6 12 2026 14:54" that a system without a locale set gives every language."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, QDate, QDateTime, QLocale, QTime

from readmark import i18n
from readmark.core.store.schema import SCHEMA_VERSION

# 6 December 2026, 14:54 (and 30 s) in this computer's time zone, which the UI shows.
MOMENT = QDateTime(QDate(2026, 12, 6), QTime(14, 54, 30)).toSecsSinceEpoch()
C_LOCALE = "6 12 2026 14:54"


@pytest.fixture
def ui_language(qapp) -> Iterator[object]:  # type: ignore[no-untyped-def]
    """Install a UI language as the app does (`ui_language("zh_CN")`); undone after."""
    app = QCoreApplication.instance()
    yield lambda language: i18n.install_translator(app, language)
    i18n.uninstall_translators(app)


@dataclass(frozen=True)
class Backup:
    path: Path
    created: float
    reason: str = "manual"
    schema_version: int | None = SCHEMA_VERSION
    annotation_count: int | None = 12_345


def test_english_dates_and_numbers(ui_language) -> None:  # type: ignore[no-untyped-def]
    from readmark.ui.annotations.model import format_date

    ui_language("en")
    short, long = format_date(MOMENT), format_date(MOMENT, long=True)
    assert short != C_LOCALE
    assert short == QLocale("en_US").toString(
        QDateTime.fromSecsSinceEpoch(MOMENT), QLocale.FormatType.ShortFormat
    )
    assert short.startswith("12/6/26") and "2:54" in short
    assert "December 6, 2026" in long and "2:54" in long
    assert ":30" not in long and "Time" not in long  # no seconds, no zone's long name
    assert i18n.format_number(1234567) == "1,234,567"


def test_chinese_dates_and_numbers(ui_language) -> None:  # type: ignore[no-untyped-def]
    from readmark.ui.annotations.model import format_date

    assert ui_language("zh_CN")
    assert format_date(MOMENT) == "2026/12/6 14:54"
    long = format_date(MOMENT, long=True)
    assert long.startswith("2026年12月6日") and long.endswith(" 14:54")
    assert i18n.format_number(1234567) == "1,234,567"


def test_a_bare_system_locale_reads_as_english(ui_language) -> None:  # type: ignore[no-untyped-def]
    from readmark.ui.annotations.model import format_date

    ui_language("C")  # LANG=C: no translation, English text
    assert format_date(MOMENT).startswith("12/6/26")


def test_the_backup_list_speaks_the_ui_language(qtbot, ui_language) -> None:  # type: ignore[no-untyped-def]
    from readmark.ui.dialogs.backup_dialog import BackupDialog

    assert ui_language("zh_CN")
    dialog = BackupDialog([Backup(Path("/b/a.sqlite"), MOMENT)])
    qtbot.addWidget(dialog)
    row = dialog.list.topLevelItem(0)
    assert row.text(0) == "2026/12/6 14:54"
    assert "12,345" in row.text(2) and "批注" in row.text(2)


def test_the_backup_list_in_english(qtbot, ui_language) -> None:  # type: ignore[no-untyped-def]
    from readmark.ui.dialogs.backup_dialog import BackupDialog

    ui_language("en")
    dialog = BackupDialog([Backup(Path("/b/a.sqlite"), MOMENT)])
    qtbot.addWidget(dialog)
    row = dialog.list.topLevelItem(0)
    assert row.text(0).startswith("12/6/26") and row.text(0) != C_LOCALE
    assert row.text(2) == "12,345 annotations"
