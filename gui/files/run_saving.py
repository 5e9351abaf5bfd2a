"""RunSaving: Save, Save As and Save all runs, and which runs a file then holds.

Save writes the run shown as one run, or, when a session file is open, every run of the
session again. After a save the session learns which runs the file holds as they are now
(its unsaved marks). A run shown that is not the open single-run file's leaves that file, so
Save cannot overwrite it with another run.
"""

import os

from PySide6.QtCore import QObject, Signal


class RunSaving(QObject):
    message = Signal(str)  # a sentence for the status bar

    def __init__(self, session, files, before_saving_all=None, parent=None):
        """files: the window's ExperimentFiles; before_saving_all(): stops the runs trained
        elsewhere (the compare window's), so they are written whole."""
        super().__init__(parent)
        self._session = session
        self._files = files
        self._before_saving_all = before_saving_all
        self._left = None  # the single-run file last left: its run, shown again unchanged, goes back to it
        session.run_replaced.connect(self._on_run_replaced)

    def save(self) -> bool:
        """Save: a session file gets every run again; otherwise the run shown, as one run."""
        if self._files.is_session():
            return self.save_all(ask=False)
        trainer = self._session.trainer
        return self._saved([trainer], self._files.save(trainer))

    def save_as(self) -> bool:
        trainer = self._session.trainer
        return self._saved([trainer], self._files.save_as(trainer))

    def save_all(self, ask: bool) -> bool:
        """Every run in a session file (ask: always choose where)."""
        if self._before_saving_all is not None:
            self._before_saving_all()
        session = self._session
        runs = list(session.runs)
        return self._saved(runs, self._files.save_session(
            runs, runs.index(session.trainer), session.names_by_index(), ask=ask), session=True)

    def _saved(self, runs, saved: bool, session: bool = False) -> bool:
        """After a save: these runs are as the file now holds them (and no others are)."""
        if saved:
            self._session.mark_saved(runs, os.path.realpath(self._files.path()), session=session)
        return saved

    def leave_file(self, keep_session: bool = False) -> str:
        """The run shown is a new one, not the open file's: a sentence saying so, or "".
        keep_session: an open session file stays (Save writes every run, the new one too)."""
        left = None if keep_session and self._files.is_session() else self._files.detach()
        return self.tr("This is a new, untitled run; {0} is unchanged.").format(left) if left else ""

    def _on_run_replaced(self) -> None:
        """Another run is shown (a branch, a listed run, a new one): a single-run file open is
        not its file, so Save must not overwrite that with it. A session file holds them all."""
        if self._files.is_session():
            return
        back = self._left
        if self._files.path() is None and back is not None and \
                self._session.file_holding(self._session.trainer) == os.path.realpath(back):
            self._files.set_current(back)  # say, Ctrl+Z of the edit that branched off the file's run
            return
        if self._files.path() is not None:
            self._left = self._files.path()
        left = self._files.detach()
        if left:
            self.message.emit(self.tr(
                "This run is not the one in {0}: Save asks for a new name.").format(left))
