"""Loading the user-interface language: English (the source) or Japanese.

Translations are Qt's own: `tr()` in the code, `resources/i18n/gatelab_ja.ts`
made with pyside6-lupdate, compiled to `gatelab_ja.qm` with pyside6-lrelease
(the .qm is committed, so a fresh checkout shows Japanese without a build step).
"""

from pathlib import Path

from PySide6.QtCore import QLibraryInfo, QLocale, QTranslator

from gui.common.resource_paths import resources_dir

LANGUAGES = {"en": "English", "ja": "日本語"}


def translation_file(language: str) -> Path:
    return resources_dir() / "i18n" / f"gatelab_{language}.qm"


def system_language() -> str:
    name = QLocale.system().name()  # e.g. "ja_JP"
    return "ja" if name.startswith("ja") else "en"


def choose_language(setting: str | None) -> str:
    """The saved choice if valid, otherwise the system locale's language."""
    return setting if setting in LANGUAGES else system_language()


def install_translators(app, language: str) -> list:
    """Installs GateLab's and Qt's own (dialog buttons) translations; returns them to keep alive."""
    if language == "en":
        return []
    installed = []
    ours = QTranslator(app)
    if ours.load(str(translation_file(language))):
        app.installTranslator(ours)
        installed.append(ours)
    qt_base = QTranslator(app)
    qt_dir = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    if qt_base.load(f"qtbase_{language}", qt_dir):
        app.installTranslator(qt_base)
        installed.append(qt_base)
    return installed
