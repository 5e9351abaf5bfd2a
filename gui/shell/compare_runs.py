"""CompareRuns: Tools > Compare, the run shown beside another in a compare window.

The session lends the compare window its runs: a new run to compare with is listed in the
session but trained by the compare window (the session keeps its hands off it) until the
window closes and gives it back. The run shown goes on training in the session meanwhile,
and the compare window takes its snapshots from the session's controller.
"""

from PySide6.QtCore import QObject, Qt, Signal

from gui.run.comparison import comparison_config
from gui.run.session import session_trainer
from gui.run.training_worker import EMIT_INTERVAL

# While the compare window trains a run too, the session's run sends 5 snapshots a second, not
# 50: drawing them took the CPU both engines need, and the compare window shows this run too,
# 10 times a second. With the engines' advances asked ahead (core.training.engine) and the
# compare window's redraws halved, each run went from 0.47-0.49 of headless to 0.66-0.82
# (medians of bench/compare_training.py's paired measurements, 2 and 4 runs; docs/compare_speed.md).
SHARED_EMIT_INTERVAL_S = 0.2


class CompareRuns(QObject):
    message = Signal(str)  # a sentence for the status bar
    runs_wanted = Signal()  # "the run selected" with no other run selected: show the Runs panel

    def __init__(self, session, selected_run_id, loss_convention, parent):
        """selected_run_id(): the run selected in the Runs panel, or None; loss_convention():
        the main window's, which the compare window opens in; parent: the main window."""
        super().__init__(parent)
        self._session = session
        self._selected = selected_run_id
        self._convention = loss_convention
        self._parent = parent
        self.window = None  # the compare window open, if any (one at a time)

    def compare_with(self, kind: str, run_id: int | None = None) -> None:
        """Opens two runs side by side: the run shown and another ("selected": run_id, else the
        Runs panel's selection; else a new run with one setting changed, gui.run.comparison.KINDS).
        A new run trains in the compare window while the run shown goes on training, if it does."""
        session = self._session
        current = session.trainer
        if kind == "selected":
            run_id = self._selected() if run_id is None else run_id
            other = None if run_id is None else session.run_by_id(run_id)
            if other is None or other is current:
                self.message.emit(self.tr(
                    "Select another run in the Runs panel first (View > Runs)."))
                self.runs_wanted.emit()
                return
            self._open(current, other, train_other=False)
            return
        other = session_trainer(comparison_config(current.config, kind))
        session.add_run(other, elsewhere=True)
        self._open(current, other, train_other=True)

    def _open(self, left, right, train_other: bool) -> None:
        from gui.dialogs.compare_window import CompareWindow

        self.close()  # one at a time: its runs are handed back first
        session = self._session
        window = CompareWindow(
            [left, right], [session.run_label(left), session.run_label(right)], self._parent,
            train=(False, train_other), live=session.controller.snapshot,
            latest=(session.live_snapshot() if session.is_running() else None, None))
        window.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        session.lend([left, right])  # both stay listed while it draws them
        window.closed.connect(lambda _trained, runs=(left, right): session.give_back(runs))
        window.closed.connect(lambda _runs, w=window: self._forget(w))
        self.window = window
        window.loss_plot.set_loss_convention(self._convention())
        if train_other:
            session.controller.set_emit_interval(SHARED_EMIT_INTERVAL_S)
        window.show()

    def _forget(self, window) -> None:
        if self.window is window:
            self.window = None
            self._session.controller.set_emit_interval(EMIT_INTERVAL)

    def set_loss_convention(self, convention) -> None:
        if self.window is not None:
            self.window.loss_plot.set_loss_convention(convention)

    def stop(self) -> None:
        """Stops the runs the compare window trains, whole (before they are saved)."""
        if self.window is not None:
            self.window.stop_training()

    def end_training(self) -> None:
        """Ends its training threads at once (quitting)."""
        if self.window is not None:
            self.window.end_training()

    def close(self) -> None:
        if self.window is not None:
            self.window.close()  # it hands its runs back (closed), then is deleted
