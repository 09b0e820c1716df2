"""Qt translation set-up shared by the GUI and the CLI.

English is the source language; other languages are compiled Qt Linguist files
in resources/translations. The language comes from --lang, then the saved
preference, then the system locale.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QLocale, QTranslator

from readmark import resources

_installed: list[QTranslator] = []  # keep translators alive as long as the app


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


def translate_error(error: object) -> str:
    """A core error or message (BookError, LibraryError, StoreMessage) in the
    UI language: anything with `template`, `context` and `params`."""
    template = getattr(error, "template", None)
    context = getattr(error, "context", None)
    params = getattr(error, "params", {})
    if template is None or context is None:
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
