"""Qt's file dialog with the labels its own Japanese misses.

Qt 6 changed "Look in:" and "Files of type:" to "&Look in:" and "Files of &type:", and the
qtbase_ja.qm that ships with PySide6 still has the old texts, so those two labels stayed English
in a Japanese GateLab. They are set here from GateLab's own translations.
"""

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QFileDialog, QWidget


def file_dialog(parent: QWidget | None, title: str, where: str, filters: str) -> QFileDialog:
    dialog = QFileDialog(parent, title, where, filters)
    dialog.setLabelText(QFileDialog.DialogLabel.LookIn,
                        QCoreApplication.translate("FileDialogs", "Look in:"))
    dialog.setLabelText(QFileDialog.DialogLabel.FileType,
                        QCoreApplication.translate("FileDialogs", "Files of type:"))
    return dialog


def ask_save_path(parent: QWidget | None, title: str, where: str, filters: str,
                  suffix: str = "") -> str | None:
    """A path to save to, or None if cancelled."""
    dialog = file_dialog(parent, title, where, filters)
    dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptSave)
    if suffix:
        dialog.setDefaultSuffix(suffix)
    if where:
        dialog.selectFile(where)
    if not dialog.exec():
        return None
    files = dialog.selectedFiles()
    return files[0] if files else None
