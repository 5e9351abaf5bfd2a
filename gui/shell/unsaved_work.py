"""UnsavedWork: no run of the session is lost without a word.

Before anything drops runs (quitting, opening a session file over them) the user is asked,
with the unsaved runs named, to save them all, discard them or cancel. When GateLab is ended
from outside (a signal, the window destroyed, the display lost) there is no one to ask: every
unsaved run goes to this instance's recovery file (gui.files.recovery), offered at the next
start. The window wires it; the policy is here.
"""

import os
import sys
import threading

from PySide6.QtCore import QObject, QStandardPaths, Qt, Signal
from PySide6.QtWidgets import QMessageBox

from gui.common.messages import sentences
from gui.files.recovery import RecoveryFolder, check

SAVE, DISCARD, CANCEL = "save", "discard", "cancel"
NAMES_SHOWN = 3  # runs named in the question; the rest are counted


def recovery_folder() -> str:
    """The user's GateLab data folder's "recovery" folder."""
    folder = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.AppDataLocation)
    return os.path.join(folder or os.path.expanduser("~"), "recovery")


class UnsavedWork(QObject):
    message = Signal(str)  # a sentence for the window to show (status bar and notice)
    recovered = Signal(list)  # [gui.files.recovery.Found], checked, at start
    _checked = Signal(list)  # from the checking thread

    def __init__(self, session, save_all, save_shown, parent=None, folder: str | None = None):
        """save_all(): saves every run as a session file; save_shown(): Save (the shown run, or
        the open session file). Both return True when saved."""
        super().__init__(parent)
        self._session = session
        self._save_all = save_all
        self._save_shown = save_shown
        self._window = parent
        self.recovery = RecoveryFolder(folder or recovery_folder())
        self.saves_all = False  # the question's Save writes every run (else the run shown)
        self.ask = self._ask  # (labels, action) -> SAVE, DISCARD or CANCEL; tests replace it
        self.recovered_box = None
        self._checked.connect(self._on_checked, Qt.ConnectionType.QueuedConnection)

    # -- asking --------------------------------------------------------------------------
    def confirm(self, action: str) -> bool:
        """True to go on with `action` (e.g. "quit"): nothing unsaved, saved, or discarded.
        Call it while no thread trains the session's runs."""
        unsaved = self._session.unsaved_runs()
        if not unsaved:
            return True
        labels = [self._session.run_label(run) for run in unsaved]
        # Save saves the run shown as Ctrl+S does; any other unsaved run needs a session file.
        self.saves_all = unsaved != [self._session.trainer]
        answer = self.ask(labels, action)
        if answer == SAVE:
            return bool(self._save_all() if self.saves_all else self._save_shown())
        return answer == DISCARD

    def confirm_delete(self, run) -> bool:
        """Before the Runs panel deletes `run`: True if it has nothing unsaved, or the user
        says to delete it all the same."""
        if not self._session.is_unsaved(run):
            return True
        return self.ask([self._session.run_label(run)], "delete") == DISCARD

    def delete_run(self, run_id: int) -> None:
        """The Runs panel's Delete: a run with unsaved progress is asked about first (the shown
        run and the compare window's are refused by the session, with a reason)."""
        session = self._session
        run = session.run_by_id(run_id)
        if run is None or run is session.trainer or session.is_lent(run_id) or \
                self.confirm_delete(run):
            session.delete_run(run_id)

    def _ask(self, labels: list, action: str) -> str:
        box = QMessageBox(QMessageBox.Icon.Warning, self.tr("Unsaved runs"),
                          question_text(labels), QMessageBox.StandardButton.NoButton, self._window)
        if action == "delete":
            box.setInformativeText(self.tr("Deleting it loses its progress; this cannot be undone."))
            save = None
            discard = box.addButton(self.tr("Delete"), QMessageBox.ButtonRole.DestructiveRole)
        else:
            box.setInformativeText(self.tr(
                "Their progress will be lost unless you save it. Save all keeps every run of the "
                "session in one file (File > Open brings them all back).") if self.saves_all else
                self.tr("Its progress will be lost unless you save it."))
            save = box.addButton(self.tr("Save all…") if self.saves_all else self.tr("Save…"),
                                 QMessageBox.ButtonRole.AcceptRole)
            discard = box.addButton(self.tr("Discard and quit") if action == "quit"
                                    else self.tr("Discard and open"), QMessageBox.ButtonRole.DestructiveRole)
        cancel = box.addButton(QMessageBox.StandardButton.Cancel)
        box.setDefaultButton(save if save is not None else cancel)
        box.setEscapeButton(cancel)
        box.exec()
        clicked = box.clickedButton()
        if clicked is None:
            return CANCEL
        return SAVE if clicked is save else DISCARD if clicked is discard else CANCEL

    # -- ended from outside ------------------------------------------------------------------
    def keep_for_recovery(self) -> str | None:
        """Writes every unsaved run to this instance's recovery file (call it with no thread
        training). Returns the file, or None if nothing was unsaved or it failed (then stderr
        says why: the window may already be gone)."""
        session = self._session
        runs = session.unsaved_runs()
        if not runs:
            return None
        current = runs.index(session.trainer) if session.trainer in runs else 0
        names = {k: name for k, run in enumerate(runs)
                 if (name := session.names_by_id().get(run.run_id))}
        labels = [session.run_label(run) for run in runs]
        try:
            kept = self.recovery.keep(runs, current, names, labels)
        except OSError as error:
            print(f"gatelab: could not keep the unsaved runs in {self.recovery.folder}: "
                  f"{error.strerror or error}", file=sys.stderr)
            return None
        for label, reason in kept.left_out:
            print(f"gatelab: run \u201c{label}\u201d could not be kept: {reason}", file=sys.stderr)
        return kept.path

    # -- at start ----------------------------------------------------------------------------
    def check_at_start(self) -> None:
        """Says at once if unsaved runs could not be kept here; offers what ended instances kept
        (checked in a thread: a long run's file takes seconds to read)."""
        problem = self.recovery.problem()
        if problem is not None:
            self.message.emit(self.tr(
                "Unsaved runs cannot be kept if GateLab is ended from outside: the folder {0} "
                "cannot be written ({1}). Save your runs yourself.").format(self.recovery.folder, problem))
        found = self.recovery.collect()
        if not found:
            return
        threading.Thread(target=lambda: self._checked.emit(
            [(item, check(item.path) if item.complete else None) for item in found]),
            name="gatelab-recovery-check", daemon=True).start()

    def _on_checked(self, results: list) -> None:
        good = [item.path for item, problem in results if item.complete and problem is None]
        lines = []
        if good:
            lines.append(self.tr("GateLab was ended last time with unsaved runs. They were kept "
                                 "in: {0}").format(", ".join(good)))
        for item, problem in results:
            if not item.complete:
                lines.append(self.tr("A recovery file was cut off while it was written (GateLab "
                                     "was killed then); it cannot be opened: {0}").format(item.path))
            elif problem is not None:
                lines.append(self.tr("A recovery file is damaged and cannot be opened ({0}): {1}")
                             .format(problem, item.path))
        self.message.emit(sentences(*lines))
        self.recovered.emit(good)
        if good and self._window is not None:
            self._offer(good[0], "\n\n".join(lines), len(good))

    def _offer(self, path: str, text: str, many: int = 1) -> None:
        box = QMessageBox(QMessageBox.Icon.Information, self.tr("Unsaved runs kept"), text,
                          QMessageBox.StandardButton.NoButton, self._window)
        box.setWindowModality(Qt.WindowModality.NonModal)
        open_button = box.addButton(self.tr("Open them now") if many == 1 else self.tr("Open the newest now"),
                                    QMessageBox.ButtonRole.AcceptRole)
        box.addButton(self.tr("Later (File > Open)"), QMessageBox.ButtonRole.RejectRole)
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        box.buttonClicked.connect(lambda button: button is open_button and self._window.open_file(path))
        self.recovered_box = box
        box.show()


def question_text(labels: list) -> str:
    """The question's first lines, in the user's language: how many runs, then a few by name,
    one a line, and how many more."""
    from PySide6.QtCore import QCoreApplication as Qca

    if len(labels) == 1:
        return Qca.translate("UnsavedWork", "This run has progress that is not saved:") + \
            f"\n\u2022 {labels[0]}"
    lines = [Qca.translate("UnsavedWork", "{0} runs have progress that is not saved:").format(len(labels))]
    lines += [f"\u2022 {label}" for label in labels[:NAMES_SHOWN]]
    rest = len(labels) - NAMES_SHOWN
    if rest > 0:
        lines.append(Qca.translate("UnsavedWork", "\u2022 and {0} more").format(rest))
    return "\n".join(lines)
