"""ExperimentFiles: Save, Save As, Open and dropped files, the current file and its unsaved mark.

Owned by the main window, which restores the trainer and views from what `load`
returns and shows `message` texts. Failures never raise and never show a modal
box themselves: they emit `message` and return False / None, so the current
experiment stays as it was. The two dialogs are attributes (`ask_save_path`,
`ask_open_path`) that tests replace. The question about unsaved runs is gui.shell.unsaved_work's.
"""

import contextlib
import os
import stat
import threading
from contextlib import contextmanager

from PySide6.QtCore import QDir, QFileDevice, QIODevice, QObject, QSaveFile, Qt, Signal
from PySide6.QtWidgets import QApplication, QFileDialog, QMessageBox, QProgressDialog, QWidget

from core.io import experiment as ex
from core.io import session_file
from core.io.experiment import Experiment, ExperimentError
from core.training.trainer import Trainer
from gui.common.file_dialogs import file_dialog

DEFAULT_SUFFIX = ex.SUFFIX.lstrip(".")  # QFileDialog wants it without the leading dot
OPEN_PROGRESS_MS = 400  # an open that takes longer shows a progress dialog with Cancel
Button = QMessageBox.StandardButton


def path_from_mime(mime) -> str | None:
    """The local path of a single dropped .json file, else None (several files, a URL, text...)."""
    if mime is None or not mime.hasUrls():
        return None
    urls = mime.urls()
    if len(urls) != 1 or not urls[0].isLocalFile():
        return None
    path = urls[0].toLocalFile()
    return path if path.lower().endswith(".json") else None


class _Reading(QObject):
    """One file being read in a thread of its own; `done` arrives in the GUI thread."""

    done = Signal(object, object)  # (Session and its restored Trainers) or None, error or None

    def __init__(self, path: str):
        super().__init__()
        self.path = path
        self.cancelled = False
        self._thread = threading.Thread(target=self._read, name="gatelab-open", daemon=True)

    def start(self) -> None:
        self._thread.start()

    def join(self, timeout: float | None = None) -> None:
        self._thread.join(timeout)

    def is_cancelled(self) -> bool:
        return self.cancelled

    def is_alive(self) -> bool:
        return self._thread.is_alive()

    def _read(self) -> None:
        stop = self.is_cancelled  # Cancel (or closing) stops the reader itself, not only its result
        try:
            session = session_file.read(self.path, should_stop=stop)
            result, error = (session, session_file.restore(session, should_stop=stop)), None
        except ex.ReadCancelled:
            result, error = None, None
        except ExperimentError as problem:
            result, error = None, problem
        except Exception as problem:  # noqa: BLE001 - a bug must not leave the dialog up
            result, error = None, ExperimentError(ex.UNREADABLE, f"{type(problem).__name__}: {problem}")
        self.done.emit(result, error)


class ExperimentFiles(QObject):
    message = Signal(str)  # why a save or an open failed, for the window to show
    changed = Signal()  # the file name or the unsaved-changes mark changed (update the title)
    saved = Signal(str)  # the path just written

    def __init__(self, window: QWidget | None = None):
        super().__init__(window)
        self._window = window
        self._path: str | None = None
        self._dirty = False
        self._readings: dict = {}  # files being read in the background -> their cancel()
        self._session = False  # the current file is a session file (several runs)
        self.opening = None  # the latest (for tests)
        self.opening_dialog = None
        self.ask_save_path = self._ask_save_path  # (suggested path) -> path or None
        self.ask_open_path = self._ask_open_path  # () -> path or None

    # -- the current file ------------------------------------------------------------
    def path(self) -> str | None:
        return self._path

    def file_name(self) -> str:
        return os.path.basename(self._path) if self._path else self.tr("Untitled")

    def is_dirty(self) -> bool:
        return self._dirty

    def mark_dirty(self) -> None:
        if not self._dirty:
            self._dirty = True
            self.changed.emit()

    def mark_clean(self) -> None:
        if self._dirty:
            self._dirty = False
            self.changed.emit()

    def set_current(self, path: str | None, session: bool = False) -> None:
        """The file the shown experiment now matches (after opening it); clears the mark."""
        self._path = os.fspath(path) if path else None
        self._session = bool(path) and session
        self._dirty = False
        self.changed.emit()

    def detach(self) -> str | None:
        """The shown run is a new one, not the file's: Save will ask for a name, so it cannot
        replace the saved run with another. Returns the file's name, if there was one."""
        name = os.path.basename(self._path) if self._path else None
        self._path = None
        self._session = False
        self._dirty = True
        self.changed.emit()
        return name

    def title_suffix(self) -> str:
        """"xor-run.gatelab.json*" with unsaved changes; "" for an untouched untitled run."""
        if self._path is None and not self._dirty:
            return ""
        return self.file_name() + ("*" if self._dirty else "")

    # -- saving ----------------------------------------------------------------------
    def save(self, trainer: Trainer, path: str | None = None) -> bool:
        """Save (to `path`, else the current file, else a chosen one). The trainer must not be
        running in a thread. False if cancelled or failed (then `message` said why)."""
        return self._save(lambda: ex.to_json(trainer), self._suggested_path(trainer), path, False)

    def save_session(self, trainers: list, current: int, names: dict, path: str | None = None,
                     ask: bool = False) -> bool:
        """Saves every run in one session file (to `path`, else the current session file, else
        a chosen one; ask: always choose). No trainer may be running in a thread."""
        current_path = None if ask or not self._session else self._path
        return self._save(lambda: session_file.to_json(trainers, current, names),
                          self._suggested_path(trainers[current], session=True),
                          path or current_path, True)

    def is_session(self) -> bool:
        """Whether the current file holds several runs (Save writes them all)."""
        return self._session

    def _save(self, make_text, suggested: str, path: str | None, session: bool) -> bool:
        # The current file is only the target for its own kind (one run, or a session).
        same_kind = self._session == session
        target = path or (self._path if same_kind else None) or self.ask_save_path(suggested)
        if not target:
            return False
        target = os.fspath(target)
        name = os.path.basename(target)
        try:
            with _busy():
                error = self._write(target, make_text())
        except ExperimentError as problem:
            error = str(problem)
        if error is not None:
            self.message.emit(self.tr("Could not save “{0}”: {1}\nAny existing file of that name "
                                      "is unchanged.").format(name, error))
            return False
        self.set_current(target, session)
        self.saved.emit(target)
        return True

    def _write(self, path: str, text: str) -> str | None:
        """Writes through QSaveFile (a temporary file renamed over `path` on commit).
        Returns why it failed, or None; on failure the old file is left as it was."""
        target = os.path.realpath(path)  # QSaveFile writes a symlink's target too; check that one
        try:
            ex.check_writable(target)
            old_mode = stat.S_IMODE(os.stat(target).st_mode)
        except FileNotFoundError:
            old_mode = None
        except PermissionError:
            return self.tr("the file is read-only")
        except OSError as error:
            return error.strerror or str(error)
        file = QSaveFile(path)
        if not file.open(QIODevice.OpenModeFlag.WriteOnly):
            return self._failure(file)
        data = text.encode("utf-8")
        written = file.write(data)
        if written != len(data):  # a short write must never be committed
            reason = self._failure(file, written, len(data))
            file.cancelWriting()
            file.commit()  # discards the temporary file
            return reason
        if not file.commit():
            return self._failure(file)
        if old_mode is not None:  # QSaveFile makes the new file with default permissions
            # The run is saved either way; a file system without modes keeps its own.
            with contextlib.suppress(OSError):
                os.chmod(target, old_mode)
        return None

    def _failure(self, file: QSaveFile, written=None, size=None) -> str:
        """Qt's reason if it has one ("Unknown error" is its text for none), else ours."""
        text = file.errorString()
        if file.error() != QFileDevice.FileError.NoError and text and text != "Unknown error":
            return text
        if written is not None:
            return self.tr("only {0} of {1} bytes could be written: the disk may be full, or the "
                           "file too large").format(max(written, 0), size)
        return self.tr("the file could not be written")

    def save_as(self, trainer: Trainer) -> bool:
        path = self.ask_save_path(self._suggested_path(trainer))
        return self.save(trainer, path) if path else False

    # -- opening ---------------------------------------------------------------------
    def load(self, path: str) -> Experiment | None:
        """Reads and checks a file without changing anything; None (and `message`) if refused."""
        try:
            with _busy():
                return ex.read(path)
        except ExperimentError as error:
            self.message.emit(self.tr("Could not open “{0}”: {1}")
                              .format(os.path.basename(os.fspath(path)), self._reason(error)))
            return None

    def load_in_background(self, path: str, on_loaded) -> None:
        """Reads and checks `path` in a thread of its own, so the window keeps drawing: a
        10^7-step file takes seconds. After OPEN_PROGRESS_MS a progress dialog offers Cancel.
        on_loaded(session, trainers) runs in the GUI thread once it is read (not if cancelled;
        an experiment file is a session of one run, core.io.session_file); a refusal emits
        `message`. Nothing changes until then."""
        reading = _Reading(os.fspath(path))
        dialog = QProgressDialog(self.tr("Opening “{0}”…").format(os.path.basename(reading.path)),
                                 self.tr("Cancel"), 0, 0, self._window)
        dialog.setWindowTitle(self.tr("Opening"))
        dialog.setMinimumDuration(OPEN_PROGRESS_MS)
        dialog.setValue(0)  # starts the minimum-duration clock (else Qt waits its default 4 s)
        dialog.setWindowModality(Qt.WindowModality.WindowModal)
        dialog.setAutoClose(False)
        dialog.setAutoReset(False)

        def cancel():
            reading.cancelled = True
            dialog.close()
            if self.opening_dialog is dialog:
                self.opening_dialog = None

        def finished(result, error):
            self._readings.pop(reading, None)
            if reading.cancelled:  # the window may be gone: touch nothing of it
                return
            dialog.canceled.disconnect(cancel)
            dialog.close()
            dialog.deleteLater()
            if self.opening_dialog is dialog:
                self.opening_dialog = None
            if error is not None:
                self.message.emit(self.tr("Could not open “{0}”: {1}")
                                  .format(os.path.basename(reading.path), self._reason(error)))
                return
            if result is not None:
                on_loaded(*result)

        dialog.canceled.connect(cancel)
        reading.done.connect(finished, Qt.ConnectionType.QueuedConnection)
        self._readings[reading] = cancel
        self.opening = reading
        self.opening_dialog = dialog
        reading.start()

    def is_opening(self) -> bool:
        return bool(self._readings)

    def cancel_reading(self) -> None:
        """Forgets every file still being read (the window is closing)."""
        for cancel in list(self._readings.values()):
            cancel()

    def open_path(self, path: str) -> Experiment | None:
        """load, and on success make it the current file (clean)."""
        experiment = self.load(path)
        if experiment is not None:
            self.set_current(path)
        return experiment

    def ask_open(self) -> Experiment | None:
        path = self.ask_open_path()
        return self.open_path(path) if path else None

    def _reason(self, error: ExperimentError) -> str:
        """The translated reason where the kind says it all; the core's detail otherwise."""
        reasons = {
            ex.EMPTY: self.tr("the file is empty"),
            ex.TRUNCATED: self.tr("the file is truncated: it ends before the experiment is complete"),
            ex.NOT_TEXT: self.tr("it is not a text file"),
            ex.NOT_EXPERIMENT: self.tr("it is not a GateLab experiment file"),
            ex.TOO_LARGE: self.tr("the file is larger than {0} MB, the most an experiment file can be")
            .format(ex.MAX_FILE_BYTES // 2**20),
        }
        return reasons.get(error.kind, str(error))

    # -- dialogs (replaceable) -------------------------------------------------------------
    def _suggested_path(self, trainer: Trainer, session: bool = False) -> str:
        if self._path and self._session == session:
            return self._path
        folder = os.path.dirname(self._path) if self._path else QDir.homePath()
        kind = "session" if session else "run"
        return os.path.join(folder, f"{trainer.config.gate}-{kind}{ex.SUFFIX}")

    def _filters(self) -> str:
        return self.tr("GateLab experiments (*.gatelab.json);;JSON files (*.json);;All files (*)")

    def file_dialog(self, title: str, where: str) -> QFileDialog:
        return file_dialog(self._window, title, where, self._filters())

    def _ask_save_path(self, suggested: str) -> str | None:
        dialog = self.file_dialog(self.tr("Save Experiment"), suggested)
        dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptSave)
        dialog.setDefaultSuffix(DEFAULT_SUFFIX)
        dialog.selectFile(suggested)
        if not dialog.exec():
            return None
        files = dialog.selectedFiles()
        return files[0] if files else None

    def _ask_open_path(self) -> str | None:
        folder = os.path.dirname(self._path) if self._path else QDir.homePath()
        dialog = self.file_dialog(self.tr("Open Experiment"), folder)
        dialog.setFileMode(QFileDialog.FileMode.ExistingFile)
        if not dialog.exec():
            return None
        files = dialog.selectedFiles()
        return files[0] if files else None


@contextmanager
def _busy():
    """A wait cursor for the few seconds a very long history takes to write or read."""
    app = QApplication.instance()
    if app is None:
        yield
        return
    QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
    try:
        yield
    finally:
        QApplication.restoreOverrideCursor()
