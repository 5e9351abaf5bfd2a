"""StudyDialog: how many hidden nodes? (issue #28). For each count of hidden nodes in the range
chosen (1 to 16 at first, up to HIDDEN_MAX), trains many seeds of the current settings and
plots each one's largest error over the rows at the end: the median with the band of the
middle 80 % of seeds, against the nodes. The error falls as nodes are added (the universal
approximation theorem), and the band shows that training need not find the network the
theorem says exists.
"""

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QDialog, QHBoxLayout, QLabel, QProgressBar, QPushButton, QVBoxLayout

from core.model.config import HIDDEN_MAX
from core.model.target_function import TOLERANCE
from gui.common.messages import refusal_text
from gui.common.plots import set_scene_menu
from gui.controls.number_box import WholeNumberBox
from gui.run.seeds_worker import start_seeds_thread
from gui.run.study_worker import WORK_STEPS, StudyWorker

NODES_DEFAULT = (1, 16)  # the "1 to 16 at least"; the dialog reaches HIDDEN_MAX
DEFAULT_COUNT = 20
SHUTDOWN_WAIT_MS = 5000
CURVE_COLOR = "#1f5fbf"
BAND_COLOR = (31, 95, 191, 60)
AXIS_COLOR = "#333333"


class StudyDialog(QDialog):
    """Non-modal, like the many-seeds dialog."""

    def __init__(self, config, parent=None):
        super().__init__(parent)
        self.setWindowTitle(self.tr("How many hidden nodes?"))
        self._config = config
        self._thread = self._worker = None
        self._rows = None
        self._failed = ""
        self._build()
        app = QCoreApplication.instance()
        if app is not None:
            app.aboutToQuit.connect(self.shutdown)
        self.resize(720, 520)

    def _build(self) -> None:
        intro = QLabel(self.tr(
            "Trains the current settings from many seeds for each number of hidden nodes in the "
            "range below, and plots each seed's largest error over the rows at the end: the line is "
            "the median, the band holds the middle 80 % of seeds. More nodes can come closer, as "
            "the universal approximation theorem promises; the band shows that training does not "
            "always find such a network."))
        intro.setWordWrap(True)
        self._first, self._last = WholeNumberBox(1, HIDDEN_MAX), WholeNumberBox(1, HIDDEN_MAX)
        for box, value in zip((self._first, self._last), NODES_DEFAULT, strict=True):
            box.setValue(value)
            box.valueChanged.connect(self._check_range)
        self._first.setToolTip(self.tr("The fewest hidden nodes to train"))
        self._last.setToolTip(self.tr("The most hidden nodes to train (at most {0}); more nodes "
                                      "take longer per seed").format(HIDDEN_MAX))
        self._count = WholeNumberBox(2, 1000)
        self._count.setValue(DEFAULT_COUNT)
        for box in (self._first, self._last, self._count):
            box.refused.connect(lambda text, box=box: self._status.setText(
                self.tr("Not applied: {0}").format(refusal_text(box, text))))
        self._run = QPushButton(self.tr("Run"))
        self._run.clicked.connect(self.start)
        self._cancel = QPushButton(self.tr("Cancel"))
        self._cancel.clicked.connect(self.cancel)
        self._cancel.setEnabled(False)
        row = QHBoxLayout()
        for text, box in ((self.tr("Hidden nodes from"), self._first), (self.tr("to"), self._last),
                          (self.tr("Seeds per count of nodes"), self._count)):
            label = QLabel(text)
            label.setBuddy(box)
            row.addWidget(label)
            row.addWidget(box)
        row.addStretch(1)
        row.addWidget(self._run)
        row.addWidget(self._cancel)
        self._range_note = QLabel()
        self._range_note.setStyleSheet("QLabel { color: #a40000; }")
        self._range_note.setVisible(False)
        self._progress = QProgressBar()
        self._status = QLabel()
        self._status.setWordWrap(True)
        self._plot = pg.PlotWidget(background="w")  # as the many-seeds dialog's plots
        set_scene_menu(self._plot)
        plot = self._plot.getPlotItem()
        plot.setMenuEnabled(False, enableViewBoxMenu=True)
        plot.showGrid(x=True, y=True, alpha=0.25)
        labels = (("bottom", self.tr("hidden nodes")), ("left", self.tr("largest error at the end")))
        for name, text in labels:
            axis = plot.getAxis(name)
            axis.setPen(AXIS_COLOR)
            axis.setTextPen(AXIS_COLOR)
            axis.setLabel(text)
            axis.enableAutoSIPrefix(False)  # errors as they are, not "x0.001"
        # The band's edges drawn faintly: a PlotDataItem without a pen keeps no path to fill between.
        self._band_low = pg.PlotDataItem(pen=pg.mkPen(BAND_COLOR))
        self._band_high = pg.PlotDataItem(pen=pg.mkPen(BAND_COLOR))
        for item in (self._band_low, self._band_high,
                     pg.FillBetweenItem(self._band_low, self._band_high, brush=pg.mkBrush(*BAND_COLOR))):
            plot.addItem(item)
        self._median = pg.PlotDataItem(pen=pg.mkPen(CURVE_COLOR, width=2), symbol="o", symbolSize=6,
                                       symbolBrush=CURVE_COLOR)
        plot.addItem(self._median)
        self._tolerance_line = pg.InfiniteLine(
            TOLERANCE, angle=0, pen=pg.mkPen("#666666", style=Qt.PenStyle.DashLine),
            label="", labelOpts={"position": 0.9, "color": AXIS_COLOR})
        plot.addItem(self._tolerance_line)
        self._studied_tolerance = TOLERANCE  # the tolerance the rows shown were judged by
        self._show_tolerance()
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(row)
        layout.addWidget(self._range_note)
        layout.addWidget(self._progress)
        layout.addWidget(self._status)
        layout.addWidget(self._plot, 1)
        self._frame_empty()

    # -- state ---------------------------------------------------------------------------------
    def set_config(self, config) -> None:
        """The settings in the main window; the next run studies them."""
        self._config = config
        if self._rows is None and self._thread is None:  # rows shown, or on their way, keep
            self._show_tolerance()  # the line they are judged against

    def tolerance(self) -> float:
        """The tolerance the next run judges by: the run's own (a gate's config has none)."""
        return TOLERANCE if self._config.tolerance is None else self._config.tolerance

    def _show_tolerance(self, tolerance: float | None = None) -> None:
        tolerance = self.tolerance() if tolerance is None else tolerance
        self._tolerance_line.setValue(tolerance)
        self._tolerance_line.label.setFormat(self.tr("tolerance {0}").format(f"{tolerance:g}"))

    def set_range(self, first: int, last: int, count: int) -> None:
        """The hidden node counts and seeds the next run studies (the theorem guide sets them)."""
        self._first.setValue(first)
        self._last.setValue(last)
        self._count.setValue(count)

    def node_counts(self) -> tuple:
        """The counts of hidden nodes the next run studies; () while from is above to."""
        return tuple(range(self._first.value(), self._last.value() + 1))

    def is_running(self) -> bool:
        return self._thread is not None

    def rows(self):
        """The last finished study's core.training.hidden_study.StudyRows, or None."""
        return self._rows

    def curve(self) -> tuple:
        """(nodes, median largest error) as plotted."""
        x, y = self._median.getData()
        return (np.array([]), np.array([])) if x is None else (x, y)

    def start(self) -> None:
        if self._thread is not None:
            return
        nodes = self.node_counts()
        if not nodes:
            self._check_range()
            return
        self._failed = ""
        self._studied_tolerance = self.tolerance()
        self._show_tolerance(self._studied_tolerance)
        self._worker = StudyWorker(self._config, nodes, self._count.value())
        self._worker.progress.connect(self._on_progress)
        self._worker.failed.connect(self._on_failed)
        self._worker.finished.connect(self._on_finished)
        self._progress.setRange(0, WORK_STEPS)
        self._progress.setValue(0)
        self._status.setText(self.tr("Training {0} seeds for each of {1} to {2} hidden nodes…").format(
            self._count.value(), nodes[0], nodes[-1]))
        self._thread = start_seeds_thread(self._worker)
        self._thread.finished.connect(self._on_thread_finished)
        self._run.setEnabled(False)
        self._cancel.setEnabled(True)

    def cancel(self) -> None:
        if self._worker is not None:
            self._worker.request_stop()

    def shutdown(self) -> bool:
        """Stops a study and waits for its thread (closing, quitting); True if it ended in time."""
        thread = self._thread
        if thread is None:
            return True
        self._worker.request_stop()
        thread.quit()
        return bool(thread.wait(SHUTDOWN_WAIT_MS))

    def closeEvent(self, event):  # noqa: N802 - Qt's name
        self.shutdown()
        super().closeEvent(event)

    def reject(self):  # Esc hides the dialog without a closeEvent
        self.shutdown()
        super().reject()

    # -- slots ---------------------------------------------------------------------------------
    def _check_range(self, _value: int = 0) -> None:
        """Run only for a range that holds a count: from above to says so instead."""
        valid = bool(self.node_counts())
        self._run.setEnabled(valid and self._thread is None)
        self._range_note.setText("" if valid else self.tr(
            "“From” is above “to”: choose from {0} to {1} hidden nodes, or swap them.").format(
            self._last.value(), self._first.value()))
        self._range_note.setVisible(not valid)
        self._frame_empty()

    def _frame_empty(self) -> None:
        """Before any result, the axes show the range chosen and errors from 0 to 1 (the most a
        prediction can miss by), not pyqtgraph's empty -0.5..0.5."""
        if self._rows is None and self.node_counts() and getattr(self, "_plot", None) is not None:
            self._plot.setXRange(self._first.value() - 0.5, self._last.value() + 0.5, padding=0)
            self._plot.setYRange(0.0, 1.0, padding=0)

    def _on_progress(self, done: int, total: int) -> None:
        self._progress.setRange(0, total)
        self._progress.setValue(done)

    def _on_failed(self, message: str) -> None:
        self._failed = message

    def _on_finished(self, rows) -> None:
        if self._failed:
            self._status.setText(self.tr("The study failed: {0}").format(self._failed))
        elif rows is None:
            self._status.setText(self.tr("Cancelled: press Run to start again."))
        else:
            self._progress.setValue(WORK_STEPS)
            self._show(rows)

    def _on_thread_finished(self) -> None:
        if self._thread is not None:
            self._thread.wait()  # `finished` comes from the thread just before it really ends
        self._thread = self._worker = None
        self._run.setEnabled(bool(self.node_counts()))
        self._cancel.setEnabled(False)

    def _show(self, rows) -> None:
        self._rows = rows
        self._plot.enableAutoRange()
        self._show_tolerance(self._studied_tolerance)
        nodes = np.array([r.hidden_nodes for r in rows], dtype=float)
        # A diverged seed's error is inf: drawn at 1, the most a finite prediction can miss by.
        low, mid, high = (np.minimum([r.quantiles[k] for r in rows], 1.0) for k in range(3))
        self._median.setData(nodes, mid)
        self._band_low.setData(nodes, low)
        self._band_high.setData(nodes, high)
        best = rows[int(np.argmin(mid))]
        self._status.setText(self.tr(
            "Lowest median error {0:.3f} with {1} hidden nodes; {2} of {3} seeds got within {4} "
            "there.").format(best.quantiles[1], best.hidden_nodes, best.within, len(best.max_errors),
                             f"{self._studied_tolerance:g}"))
