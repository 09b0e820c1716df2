"""Qt translation set-up shared by the GUI and the CLI.

English is the source language; other languages are compiled Qt Linguist files
in resources/translations. The language comes from --lang, then the saved
preference, then the system locale.

The same language sets Qt's default locale, so dates and numbers shown with
`QLocale()` (`format_datetime`, `format_number`, `%Ln` in a translation) read
as the rest of the interface does: "2026/12/6 14:54" beside Chinese text, not
the C locale's "6 12 2026 14:54" of a system without a locale set.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QDateTime, QLocale, QTranslator

from readmark import resources

if TYPE_CHECKING:
    from readmark.core.repair.rule import RepairCounts

_installed: list[QTranslator] = []  # keep translators alive as long as the app
_system_locale = QLocale()  # Qt's default before any language was chosen


def system_language() -> str:
    return QLocale.system().name()  # e.g. "zh_CN", "en_US"


def normalise(language: str) -> str:
    """'zh', 'zh-CN', 'zh_Hans_CN' → 'zh_CN'; 'en-GB' → 'en_GB'."""
    lang = language.replace("-", "_").strip()
    low = lang.lower()
    if low.startswith("zh"):
        if any(tag in low for tag in ("hant", "_tw", "_hk", "_mo")):
            return "zh_TW"
        return "zh_CN"
    return lang or "en"


def install_translator(app: QCoreApplication, language: str) -> bool:
    """Install the translation for `language`; False if none ships (English is built in)."""
    language = normalise(language)
    from readmark.core import i18n as core_i18n

    core_i18n.use_translator(None, "en")
    QLocale.setDefault(ui_locale(language))
    if language.startswith("en"):
        return False
    qm = resources.translations_dir() / f"readmark_{language}.qm"
    translator = QTranslator(app)
    if not qm.is_file() or not translator.load(str(qm)):
        return False
    app.installTranslator(translator)
    _installed.append(translator)
    core_i18n.use_translator(QCoreApplication.translate, language)
    # Qt's own strings (standard dialog buttons) when the wheel ships them.
    from PySide6.QtCore import QLibraryInfo

    qt_translator = QTranslator(app)
    qt_dir = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    if qt_translator.load(f"qtbase_{language}", qt_dir):
        app.installTranslator(qt_translator)
        _installed.append(qt_translator)
    return True


def uninstall_translators(app: QCoreApplication) -> None:
    """Undo `install_translator`: English again, and Qt's default locale as it was."""
    from readmark.core import i18n as core_i18n

    for translator in _installed:
        app.removeTranslator(translator)
    _installed.clear()
    core_i18n.use_translator(None, "en")
    QLocale.setDefault(_system_locale)


def ui_locale(language: str) -> QLocale:
    """The locale of the interface language: its dates, times and numbers.

    A language Qt does not know, and the C/POSIX locale of a bare system, are
    shown as English (United States), the language of the untranslated text.
    """
    locale = QLocale(normalise(language))
    if locale.language() in (QLocale.Language.C, QLocale.Language.AnyLanguage):
        return QLocale(QLocale.Language.English, QLocale.Country.UnitedStates)
    return locale


def format_datetime(epoch: float, long: bool = False) -> str:
    """A moment (seconds since the epoch) in local time, as the UI language writes it.

    Short: the locale's short date and time ("12/6/26 2:54 PM", "2026/12/6 14:54").
    Long: its long date with the short time ("Sunday, December 6, 2026 2:54 PM",
    "2026年12月6日星期日 14:54"); Qt's long time adds seconds and the zone's name.
    """
    locale = QLocale()
    when = QDateTime.fromMSecsSinceEpoch(round(epoch * 1000))
    if not long:
        return locale.toString(when, QLocale.FormatType.ShortFormat)
    pattern = (
        f"{locale.dateFormat(QLocale.FormatType.LongFormat)} "
        f"{locale.timeFormat(QLocale.FormatType.ShortFormat)}"
    )
    return locale.toString(when, pattern)


def format_number(number: int | float) -> str:
    """A number as the UI language writes it: 12,345 in English and Chinese."""
    return QLocale().toString(number)


def translate_error(error: object) -> str:
    """A core error or message (BookError, StoreError, StoreMessage) in the
    UI language: anything with `template`, `context` and `params`."""
    template = getattr(error, "template", None)
    context = getattr(error, "context", None)
    params = getattr(error, "params", {})
    if not isinstance(template, str) or not isinstance(context, str):
        return str(error)
    translated = QCoreApplication.translate(context, template)
    # Some parameters are themselves marked phrases ("a PNG image"); names and
    # paths have no translation and come back unchanged.
    params = {
        key: QCoreApplication.translate(context, value) if isinstance(value, str) else value
        for key, value in params.items()
    }
    try:
        return translated.format(**params)
    except (KeyError, IndexError, ValueError):
        return template.format(**params)


def repair_report(counts: RepairCounts) -> str:
    """`37 page splits joined, 212 page numbers and 58 running headers removed, 14
    footnotes attached`: what the print repair did to a book ("" when nothing), for
    `readmark info` and the window. (Each call spelled out: lupdate reads them.)"""
    splits, numbers = counts.page_splits, counts.page_numbers
    headers, notes = counts.running_headers, counts.footnotes
    parts = []
    if splits:
        parts.append(
            QCoreApplication.translate("RepairReport", "1 page split joined")
            if splits == 1
            else QCoreApplication.translate("RepairReport", "%Ln page splits joined", "", splits)
        )
    number_text = (
        QCoreApplication.translate("RepairReport", "1 page number")
        if numbers == 1
        else QCoreApplication.translate("RepairReport", "%Ln page numbers", "", numbers)
    )
    header_text = (
        QCoreApplication.translate("RepairReport", "1 running header")
        if headers == 1
        else QCoreApplication.translate("RepairReport", "%Ln running headers", "", headers)
    )
    if numbers and headers:
        parts.append(
            QCoreApplication.translate("RepairReport", "{numbers} and {headers} removed").format(
                numbers=number_text, headers=header_text
            )
        )
    elif numbers or headers:
        parts.append(
            QCoreApplication.translate("RepairReport", "{furniture} removed").format(
                furniture=number_text if numbers else header_text
            )
        )
    if notes:
        parts.append(
            QCoreApplication.translate("RepairReport", "1 footnote attached")
            if notes == 1
            else QCoreApplication.translate("RepairReport", "%Ln footnotes attached", "", notes)
        )
    n = counts.captions  # figures, captions and credits moved out of sentences
    one = QCoreApplication.translate("RepairReport", "1 figure moved out of a sentence")
    many = QCoreApplication.translate("RepairReport", "%Ln figures moved out of sentences", "", n)
    if n:
        parts.append(one if n == 1 else many)
    return QCoreApplication.translate("RepairReport", ", ").join(parts)
