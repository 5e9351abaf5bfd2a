"""CompareWindow: two runs side by side on one timeline.

Each side shows its run's output as a 2D map (two native 3D windows side by side in a
small window covered the tables under them) and its predictions at the step picked;
the loss plot holds both curves, and the timeline under it moves both sides at once (a
run shorter than the step picked shows its last step). The runs are finished trainers
(core.training.trainer.Trainer) that nothing else trains; each step shown is rebuilt exactly
from the run's record (state_at).
"""

import html

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QHBoxLayout, QLabel, QSplitter, QVBoxLayout, QWidget

from core.training import states
from core.views.run_list import overlay_colour
from core.views.snapshot import LossRecord, make_snapshot
from gui.views.heatmap_view import HeatmapView
from gui.views.loss_plot import LossPlot
from gui.views.predictions_table import PredictionsTable
from gui.views.timeline_bar import TimelineBar


class CompareWindow(QWidget):
    def __init__(self, runs, names, parent=None):
        """runs: two trainers; names: their labels."""
        super().__init__(parent, Qt.WindowType.Window)
        self.setWindowTitle(self.tr("GateLab — compare two runs"))
        self._runs = list(runs)
        self._names = list(names)
        self._last = max(run.step for run in self._runs)
        self.outputs, self.tables = [], []
        # A column per run (box layouts: they honour the table's height for its width).
        sides = QHBoxLayout()
        for name in self._names:
            title = QLabel(f"<b>{html.escape(name)}</b>")  # a name the user typed is text
            title.setWordWrap(True)
            title.setToolTip(name)
            output = HeatmapView()
            table = PredictionsTable()
            column = QVBoxLayout()
            column.addWidget(title)
            column.addWidget(output, 1)
            column.addWidget(table)
            sides.addLayout(column, 1)
            self.outputs.append(output)
            self.tables.append(table)
        self.loss_plot = LossPlot()
        self.timeline = TimelineBar()
        self.loss_plot.step_picked.connect(self.show_step)
        self.timeline.step_picked.connect(self.show_step)
        self.timeline.live_requested.connect(lambda: self.show_step(self._last))
        top = QWidget()
        top.setLayout(sides)
        # A splitter: the sides get most of the height at first (the plot's own preferred
        # height would take it), and the user can move the line.
        self._splitter = QSplitter(Qt.Orientation.Vertical)
        self._splitter.addWidget(top)
        self._splitter.addWidget(self.loss_plot)
        self._splitter.setStretchFactor(0, 3)
        self._splitter.setStretchFactor(1, 2)
        layout = QVBoxLayout(self)
        layout.addWidget(self._splitter, 1)
        layout.addWidget(self.timeline)
        self.loss_plot.set_overlays(
            [(self.tr("right: {0}").format(_short(self._names[1])), overlay_colour(0),
              LossRecord.of(self._runs[1].history))],
            main_label=self.tr("left: {0}").format(_short(self._names[0])))
        screen = self.screen().availableGeometry()
        self.resize(min(1200, screen.width() - 16), min(900, screen.height() - 48))
        self._splitter.setSizes([int(self.height() * 0.6), int(self.height() * 0.4)])
        self.show_step(self._last)

    def showEvent(self, event):  # noqa: N802 - Qt's name
        # The tables keep all four rows (their size is known once polished); without this the
        # layout squeezed them and the 3D views' native windows covered their top rows.
        for table in self.tables:
            table.setMinimumHeight(table.sizeHint().height())
        super().showEvent(event)

    def step(self) -> int:
        return self._step

    def show_step(self, step: int) -> None:
        """Puts both sides at `step` (each run at most at its own last step)."""
        self._step = max(0, min(int(step), self._last))
        shown = []
        for k, run in enumerate(self._runs):
            at = max(run.record.start_step, min(self._step, run.step))  # within its record
            try:
                state = run.state_at(at)
            except ValueError:  # a damaged file's record: its last step, which is known
                at, state = run.step, run.state_at(run.step)
            ended = states.state_after(run.outcome.reason) if run.outcome else states.STOPPED
            snapshot = make_snapshot(state.config, state.weights, at, run.history, state=ended,
                                     run=run.run_id, live_step=None if at == run.step else run.step)
            self.outputs[k].update_from(snapshot)
            self.tables[k].update_from(snapshot)
            if k == 0:
                self.loss_plot.update_from(snapshot)
            shown.append((run.step, snapshot))
        # The shared timeline spans the longer run: its snapshot says where the pick is.
        self.timeline.update_from(max(shown, key=lambda pair: pair[0])[1])


def _short(name: str, most: int = 28) -> str:
    """A legend label that fits: the run's number and the start of its name (escaped: the
    legend draws HTML, and a name is what the user typed)."""
    return html.escape(name if len(name) <= most else name[: most - 1] + "…")
