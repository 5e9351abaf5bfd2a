"""CompareWindow: two runs side by side on one timeline, a view of a gui.run.comparison.Comparison.

Each side shows its run's output as a 2D map (two native 3D windows side by side in a
small window covered the tables under them) and its predictions at the step picked;
the loss plot holds both curves, and the timeline under it moves both sides at once (a
run shorter than the step picked shows its last step). Which runs train here, and each run
at the step picked, are the comparison's; this window only draws them, throttled.
"""

import html
import time

from PySide6.QtCore import QCoreApplication, Qt, QTimer, Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QSplitter, QVBoxLayout, QWidget

from core.views.run_list import overlay_colour
from gui.common.messages import differences_text
from gui.run.comparison import Comparison
from gui.views.heatmap_view import HeatmapView
from gui.views.loss_plot import LossPlot
from gui.views.predictions_table import PredictionsTable
from gui.views.timeline_bar import TimelineBar

# While two runs train, drawing takes CPU from both engines (on 2 cores, bench/compare_training.py):
# this window redraws at most 10 times a second, each redraw taking what both sides sent since
# the last (and the main window's run sends 5 snapshots a second meanwhile, not 50).
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
        self._names = list(names)
        self.model = Comparison(runs, train, live, latest, self)
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
        # What sets the two runs apart, said once: names cut to fit hid it (both began "1: XOR,
        # 2 hidden, alpha 0.5..." and differed at the end).
        self._differences = differences_text(runs[0].config, runs[1].config)
        self.differs = QLabel(self._differs_text())
        self.differs.setWordWrap(True)
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
        layout.addWidget(self.differs)
        layout.addWidget(self._splitter, 1)
        layout.addWidget(self.timeline)
        layout.addLayout(bottom)
        left, right = (difference or name for difference, name in zip(self._differences, self._names))
        self._left_label = self.tr("left: {0}").format(_short(left))
        self._right_label = self.tr("right: {0}").format(_short(right))
        self._draw_overlay()
        screen = self.screen().availableGeometry()
        self.resize(min(1200, screen.width() - 16), min(900, screen.height() - 48))
        self._splitter.setSizes([int(self.height() * 0.6), int(self.height() * 0.4)])
        self.model.moved_on.connect(self._on_moved_on)
        self.model.running_changed.connect(self._on_running_changed)
        app = QCoreApplication.instance()
        if app is not None:  # quitting without closing the windows (app.quit) ends them too
            app.aboutToQuit.connect(self.end_training)
        self.show_step(self.model.last())
        self.train_on()

    def _differs_text(self) -> str:
        left, right = self._differences
        if not left:
            return self.tr("Same settings: the runs differ in how they went (a branch, or alpha "
                           "or weights changed during training).")
        return self.tr("What differs: {0} (left) and {1} (right).").format(left, right)

    def legend_labels(self) -> tuple[str, str]:
        return self._left_label, self._right_label

    # -- training ----------------------------------------------------------------------------
    def is_training(self) -> bool:
        return self.model.is_training()

    def train_on(self) -> None:
        self.model.train_on()

    def stop_training(self) -> None:
        """Stops this window's runs and waits for their threads: see Comparison.stop_training."""
        self.model.stop_training()

    def end_training(self):
        self.model.end_training()

    def _on_stop_button(self):
        if self.is_training():
            self.stop_training()
        else:
            self.train_on()

    def _on_running_changed(self):
        training = self.is_training()
        left = self.model.steps_left()
        self.stop_button.setText(self.tr("&Stop training") if training else self.tr("&Train on"))
        self.stop_button.setEnabled(training or left)
        if training:
            self.status.setText(self.tr("Training the runs at once; pick any step meanwhile."))
        elif self.model.trains_any():
            self.status.setText(self.tr("Stopped; Train on continues.") if left else
                                self.tr("The run trained here has finished."))
        if not training:
            self._dirty = True
            self._on_refresh()  # the final steps, and the other curve whole

    def _on_moved_on(self, _side: int) -> None:
        self._dirty = True
        if not self._refresh.isActive():
            self._refresh.start()

    def _on_refresh(self) -> None:
        if not self._dirty:
            return
        self._dirty = False
        # The other curve is drawn whole: at most a tenth of the time goes to it (a 10^7-step
        # curve took 0.1 s a redraw).
        wait = max(OVERLAY_REFRESH_S, 10 * self._overlay_cost)
        if time.monotonic() - self._overlay_drawn >= wait or not self.is_training():
            self._draw_overlay()
        self._draw(self.model.current())  # a past step stays; the timeline and curves move on

    def _draw_overlay(self) -> None:
        started = time.monotonic()
        self.loss_plot.set_overlays(
            [(self._right_label, overlay_colour(0), self.model.present(1).losses)],
            main_label=self._left_label)
        self._overlay_drawn = time.monotonic()
        self._overlay_cost = self._overlay_drawn - started

    def closeEvent(self, event):  # noqa: N802 - Qt's name
        self._refresh.stop()
        self.stop_training()
        self.closed.emit(self.model.trained)
        super().closeEvent(event)

    # -- the timeline ------------------------------------------------------------------------
    def showEvent(self, event):  # noqa: N802 - Qt's name
        # The tables keep all four rows (their size is known once polished); without this the
        # layout squeezed them and the 3D views' native windows covered their top rows.
        for table in self.tables:
            table.setMinimumHeight(table.sizeHint().height())
        super().showEvent(event)

    def step(self) -> int:
        return self.model.step()

    def _follow(self) -> None:
        self._draw(self.model.follow())

    def show_step(self, step: int) -> None:
        """Puts both sides at `step` (each run at most at its own last step); a step before
        the present stays shown while the runs train on, until "back to live"."""
        self._draw(self.model.show_step(step))

    def _draw(self, shown: list) -> None:
        for k, snapshot in enumerate(shown):
            self.outputs[k].update_from(snapshot)
            self.tables[k].update_from(snapshot)
        self.loss_plot.update_from(shown[0])
        # The shared timeline spans the longer run: its snapshot says where the pick is.
        self.timeline.update_from(max(shown, key=lambda s: s.live_step or s.step))


def _short(name: str, most: int = 40) -> str:
    """A legend label that fits: the run's number and the start of its name (escaped: the
    legend draws HTML, and a name is what the user typed)."""
    return html.escape(name if len(name) <= most else name[: most - 1] + "…")
