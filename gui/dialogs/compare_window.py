"""CompareWindow: two runs side by side on one timeline, both training at once if they need to.

Each side shows its run's output as a 2D map (two native 3D windows side by side in a
small window covered the tables under them) and its predictions at the step picked;
the loss plot holds both curves, and the timeline under it moves both sides at once (a
run shorter than the step picked shows its last step).

A side is either trained here (`train`: a run nothing else trains, in its own thread and
engine process, so two runs use two cores) or fed from elsewhere: `live` is a signal of
snapshots, such as the main window's, and a side takes those of its own run. Until the user
picks a past step the window follows the runs' present; a past step is rebuilt exactly from
the run's record (state_at, which may be called while the run trains).
"""

import html
import time

from PySide6.QtCore import QCoreApplication, Qt, QTimer, Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QSplitter, QVBoxLayout, QWidget

from core.training import states
from core.views.run_list import overlay_colour
from core.views.snapshot import make_snapshot
from gui.run.training_controller import TrainingController
from gui.views.heatmap_view import HeatmapView
from gui.views.loss_plot import LossPlot
from gui.views.predictions_table import PredictionsTable
from gui.views.timeline_bar import TimelineBar

# While two runs train, drawing takes CPU from both engines (on 2 cores, bench/compare_training.py):
# the run trained here sends 10 snapshots a second, enough for a 2D map and a table (and the main
# window's run 5 meanwhile, not 50), and this window redraws at most 10 times a second, each
# redraw taking what both sides sent since the last.
EMIT_INTERVAL_S = 0.1
REFRESH_MS = 100
OVERLAY_REFRESH_S = 0.25  # the other curve is redrawn whole (with its legend): less often


class CompareWindow(QWidget):
    closed = Signal(list)  # the trainers this window trained, once their threads have ended

    def __init__(self, runs, names, parent=None, train=(False, False), live=None, latest=None):
        """runs: two trainers; names: their labels; train: per side, whether this window
        trains it (nothing else may touch that trainer until `closed`); live: a signal of
        snapshots from elsewhere; latest: per side, the newest snapshot of a run trained
        elsewhere (None: the trainer is idle, and read as it is)."""
        super().__init__(parent, Qt.WindowType.Window)
        self.setWindowTitle(self.tr("GateLab — compare two runs"))
        self._runs = list(runs)
        self._names = list(names)
        latest = list(latest or (None, None))
        self._latest = [latest[k] if latest[k] is not None else _snapshot_of(run)
                        for k, run in enumerate(self._runs)]
        self._following = True  # the timeline at the present, moving on as the runs train
        self._dirty = False
        self._overlay_drawn = 0.0
        self._overlay_cost = 0.0  # seconds the last full redraw of the other curve took
        self._refresh = QTimer(self, singleShot=True, interval=REFRESH_MS)
        self._refresh.timeout.connect(self._on_refresh)
        self.outputs, self.tables = [], []
        # A column per run (box layouts: they honour the table's height for its width).
        sides = QHBoxLayout()
        for name in self._names:
            title = QLabel(f"<b>{html.escape(name)}</b>")  # a name the user typed is text
            title.setWordWrap(True)
            title.setToolTip(name)
            output = HeatmapView()
            table = PredictionsTable()
            # The map beside its table: a square map in a wide, short side (1366 x 768) was
            # squeezed to ~70 px above a table as wide as the side.
            body = QHBoxLayout()
            body.addWidget(output, 3)
            body.addWidget(table, 2, Qt.AlignmentFlag.AlignTop)
            column = QVBoxLayout()
            column.addWidget(title)
            column.addLayout(body, 1)
            sides.addLayout(column, 1)
            self.outputs.append(output)
            self.tables.append(table)
        self.loss_plot = LossPlot()
        self.timeline = TimelineBar()
        self.loss_plot.step_picked.connect(self.show_step)
        self.timeline.step_picked.connect(self.show_step)
        self.timeline.live_requested.connect(self._follow)
        self.status = QLabel()
        self.status.setWordWrap(True)
        self.stop_button = QPushButton(self.tr("&Stop training"))
        self.stop_button.setToolTip(self.tr(
            "Stops the runs this window trains; Train on continues them from where they are."))
        self.stop_button.clicked.connect(self._on_stop_button)
        top = QWidget()
        top.setLayout(sides)
        # A splitter: the sides get most of the height at first (the plot's own preferred
        # height would take it), and the user can move the line.
        self._splitter = QSplitter(Qt.Orientation.Vertical)
        self._splitter.addWidget(top)
        self._splitter.addWidget(self.loss_plot)
        self._splitter.setStretchFactor(0, 3)
        self._splitter.setStretchFactor(1, 2)
        bottom = QHBoxLayout()
        bottom.addWidget(self.status, 1)
        bottom.addWidget(self.stop_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self._splitter, 1)
        layout.addWidget(self.timeline)
        layout.addLayout(bottom)
        self._right_label = self.tr("right: {0}").format(_short(self._names[1]))
        self._left_label = self.tr("left: {0}").format(_short(self._names[0]))
        self._draw_overlay()
        screen = self.screen().availableGeometry()
        self.resize(min(1200, screen.width() - 16), min(900, screen.height() - 48))
        self._splitter.setSizes([int(self.height() * 0.6), int(self.height() * 0.4)])
        # Sides fed from elsewhere take that run's snapshots; the others this window trains.
        self._controllers = {}
        self._trained = [run for k, run in enumerate(self._runs) if train[k]]
        if live is not None:
            live.connect(self._on_live_elsewhere)
        for k, trained_here in enumerate(train):
            if trained_here:
                controller = TrainingController(self, emit_interval=EMIT_INTERVAL_S)
                controller.snapshot.connect(lambda snapshot, k=k: self._on_live(k, snapshot))
                controller.running_changed.connect(self._on_running_changed)
                self._controllers[k] = controller
        app = QCoreApplication.instance()
        if app is not None:  # quitting without closing the windows (app.quit) ends them too
            app.aboutToQuit.connect(self.end_training)
        self.show_step(self._last())
        self.train_on()

    # -- training ----------------------------------------------------------------------------
    def is_training(self) -> bool:
        return any(c.is_running() for c in self._controllers.values())

    def train_on(self) -> None:
        """Starts (or continues) every run this window trains that has steps left."""
        for k, controller in self._controllers.items():
            if not controller.is_running() and not self._runs[k].finished:
                controller.start(self._runs[k])
        self._on_running_changed()

    def stop_training(self) -> None:
        """Stops this window's runs and waits for their threads (each run keeps every step it
        completed): then the trainers may be read whole, e.g. to save them."""
        for controller in self._controllers.values():
            if not controller.shutdown(quitting=False):  # a step still in flight after 1.5 s:
                controller.shutdown(quitting=True)  # ended with its engine, keeping the last one
        self._on_running_changed()

    def end_training(self):
        """Ends the training threads at once (quitting): a step in flight may be cut short."""
        for controller in self._controllers.values():
            controller.shutdown(quitting=True)

    def _on_stop_button(self):
        if self.is_training():
            self.stop_training()
        else:
            self.train_on()

    def _on_running_changed(self, _running=None):
        training = self.is_training()
        left = any(not self._runs[k].finished for k in self._controllers)
        self.stop_button.setText(self.tr("&Stop training") if training else self.tr("&Train on"))
        self.stop_button.setEnabled(training or left)
        if training:
            self.status.setText(self.tr("Training the runs at once; pick any step meanwhile."))
        elif self._controllers:
            self.status.setText(self.tr("Stopped; Train on continues.") if left else
                                self.tr("The run trained here has finished."))
        if not training:
            self._dirty = True
            self._on_refresh()  # the final steps, and the other curve whole

    def _on_live(self, k: int, snapshot) -> None:
        self._latest[k] = snapshot
        self._dirty = True
        if not self._refresh.isActive():
            self._refresh.start()

    def _on_live_elsewhere(self, snapshot) -> None:
        for k, run in enumerate(self._runs):
            if k not in self._controllers and snapshot.run == run.run_id:
                self._on_live(k, snapshot)

    def _on_refresh(self) -> None:
        if not self._dirty:
            return
        self._dirty = False
        # The other curve is drawn whole: at most a tenth of the time goes to it (a 10^7-step
        # curve took 0.1 s a redraw).
        wait = max(OVERLAY_REFRESH_S, 10 * self._overlay_cost)
        if time.monotonic() - self._overlay_drawn >= wait or not self.is_training():
            self._draw_overlay()
        if self._following:
            self._show(self._last())
        else:
            self._show(self._step)  # the sides stay; the timeline and the curves move on

    def _draw_overlay(self) -> None:
        started = time.monotonic()
        self.loss_plot.set_overlays(
            [(self._right_label, overlay_colour(0), self._latest[1].losses)],
            main_label=self._left_label)
        self._overlay_drawn = time.monotonic()
        self._overlay_cost = self._overlay_drawn - started

    def closeEvent(self, event):  # noqa: N802 - Qt's name
        self._refresh.stop()
        self.stop_training()
        self.closed.emit(self._trained)
        super().closeEvent(event)

    # -- the timeline ------------------------------------------------------------------------
    def showEvent(self, event):  # noqa: N802 - Qt's name
        # The tables keep all four rows (their size is known once polished); without this the
        # layout squeezed them and the 3D views' native windows covered their top rows.
        for table in self.tables:
            table.setMinimumHeight(table.sizeHint().height())
        super().showEvent(event)

    def step(self) -> int:
        return self._step

    def _last(self) -> int:
        return max(snapshot.step for snapshot in self._latest)

    def _follow(self) -> None:
        self._following = True
        self._show(self._last())

    def show_step(self, step: int) -> None:
        """Puts both sides at `step` (each run at most at its own last step); a step before
        the present stays shown while the runs train on, until "back to live"."""
        self._following = int(step) >= self._last()
        self._show(step)

    def _show(self, step: int) -> None:
        self._step = max(0, min(int(step), self._last()))
        shown = []
        for k, run in enumerate(self._runs):
            latest = self._latest[k]
            at = max(run.record.start_step, min(self._step, latest.step))  # within its record
            snapshot = latest
            if at != latest.step:
                try:
                    state = run.state_at(at)
                except ValueError:  # a damaged file's record: its last step, which is known
                    state = None
                if state is not None:
                    snapshot = make_snapshot(state.config, state.weights, at, latest.losses,
                                             state=latest.state, run=run.run_id,
                                             live_step=latest.step)
            self.outputs[k].update_from(snapshot)
            self.tables[k].update_from(snapshot)
            if k == 0:
                self.loss_plot.update_from(snapshot)
            shown.append(snapshot)
        # The shared timeline spans the longer run: its snapshot says where the pick is.
        self.timeline.update_from(max(shown, key=lambda s: s.live_step or s.step))


def _snapshot_of(run):
    """An idle run's present, as the views take it."""
    if run.outcome is not None:
        ended = states.state_after(run.outcome.reason)
    else:
        ended = states.STOPPED if run.step else states.IDLE
    return make_snapshot(run.config, run.weights, run.step, run.history, state=ended,
                         run=run.run_id)


def _short(name: str, most: int = 28) -> str:
    """A legend label that fits: the run's number and the start of its name (escaped: the
    legend draws HTML, and a name is what the user typed)."""
    return html.escape(name if len(name) <= most else name[: most - 1] + "…")
