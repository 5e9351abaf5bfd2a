"""WorksheetExport: the practice panel's "Worksheet (PDF)" asks where to save, then writes it in
the window's language (gui.files.worksheet_pdf)."""

import os

from PySide6.QtCore import QObject, Signal

from gui.common.file_dialogs import ask_save_path
from gui.common.i18n import choose_language
from gui.files.worksheet_pdf import write_worksheet_pdf


class WorksheetExport(QObject):
    message = Signal(str)  # why the worksheet could not be written
    saved = Signal(str)  # a sentence for the status bar

    def __init__(self, window):
        super().__init__(window)
        self._window = window
        self.ask_path = self._ask_path  # (suggested path) -> a path or None; tests replace it

    def write(self, seed: int, count: int, notation: str) -> None:
        path = self.ask_path(os.path.join(os.path.expanduser("~"), f"gatelab-worksheet-{seed}.pdf"))
        if not path:
            return
        language = choose_language(self._window.window_settings.language())
        problem = write_worksheet_pdf(path, seed, count, language, notation)
        if problem:
            self.message.emit(self.tr("The worksheet could not be saved: {0}").format(problem))
        else:
            self.saved.emit(self.tr("Worksheet saved: {0}").format(path))

    def _ask_path(self, suggested: str) -> str | None:
        return ask_save_path(self._window, self.tr("Save the worksheet"), suggested,
                             self.tr("PDF (*.pdf)"), "pdf")
