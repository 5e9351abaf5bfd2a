"""SeedsDialog: how often do these settings learn the gate? Runs many seeds and shows the spread.

K networks with the current settings, differing only in their seed (their random start), are
trained together by core.training.ensemble in a worker thread. The dialog shows the fraction that
solved the gate with a 95 % confidence interval, a histogram of final losses (solved and not
solved stacked), the median loss curve with the band where the middle 80 % of networks lie,
and the failed seeds: double-click one to open it in the main window (`seed_chosen`).
"""

import html

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QCoreApplication, Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QDialog,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QProgressBar,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from core.model.config import SEED_MAX, TrainConfig, differing_fields
from core.training.ensemble import COUNT_MAX, DIVERGED_CODE, judged_by, summarize
from core.views.diagnosis import failure_kinds, with_kinds
from gui.common.messages import diagnosis_kind_name, hidden_nodes_text, option_name, refusal_text
from gui.common.plots import set_scene_menu
from gui.controls.number_box import NumberBox, WholeNumberBox
from gui.run.seeds_worker import SeedsWorker, start_seeds_thread

DEFAULT_COUNT = 1000
FAILED_LISTED = 5000  # failed seeds put in the list (the summary counts them all)
SOLVED_COLOR = "#0072B2"  # Okabe-Ito blue and vermillion: distinct for colour-blind eyes too
FAILED_COLOR = "#D55E00"
CURVE_COLOR = "#1f5fbf"
BAND_COLOR = (31, 95, 191, 60)
AXIS_COLOR = "#333333"
SHUTDOWN_WAIT_MS = 5000


def _percent(value: float) -> str:
    return f"{100 * value:.1f}"


class SeedsDialog(QDialog):
    """Non-modal: the main window stays usable while the seeds run."""

    seed_chosen = Signal(int)  # a failed seed the user wants to open in the main window

    def __init__(self, config: TrainConfig, parent=None):
        super().__init__(parent)
        self.setWindowTitle(self.tr("Many seeds"))
        self.setModal(False)
        self._config = config
        self._thread = None
        self._worker = None
        self._failed_message = ""
        self._result = None
        self._notes = {}  # a plot -> the caption under it
        self._count_refused = False
        self._build()
        self._show_empty()
        self.set_config(config)
        app = QCoreApplication.instance()
        if app is not None:
            app.aboutToQuit.connect(self.shutdown)
        self.resize(1150, 720)

    # -- building ----------------------------------------------------------------------------
    def _build(self):
        self._settings = QLabel()
        self._settings.setWordWrap(True)
        intro = self._intro = QLabel()
        intro.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.addWidget(self._settings)
        layout.addWidget(intro)
        layout.addLayout(self._build_run_row())
        self._status = QLabel()
        self._status.setWordWrap(True)
        layout.addWidget(self._status)
        self._headline = QLabel()
        self._headline.setStyleSheet("font-size: 15pt; font-weight: bold;")
        self._interval = QLabel()
        self._interval.setWordWrap(True)
        layout.addWidget(self._headline)
        layout.addWidget(self._interval)
        layout.addLayout(self._build_results(), 1)

    def _build_run_row(self):
        self._count = WholeNumberBox(1, COUNT_MAX)
        self._count.setValue(DEFAULT_COUNT)
        self._count.refused.connect(self._on_count_refused)
        self._count.setGroupSeparatorShown(True)
        self._count.setAccelerated(True)
        self._count.setToolTip(self.tr(
            "How many networks to train, each from its own seed (1 to {0}). More networks give a "
            "narrower confidence interval but take longer.").format(COUNT_MAX))
        self._count.valueChanged.connect(self._on_count_changed)
        self._first_seed = NumberBox(0, SEED_MAX - DEFAULT_COUNT + 1, 0)
        self._first_seed.setDecimals(0)  # seeds are whole numbers
        self._first_seed.setToolTip(self.tr(
            "The first network's seed; the others take the next ones. Another first seed gives "
            "another sample of starts, to check that the share solved holds."))
        self._first_seed.valueChanged.connect(self._show_seed_range)
        self._first_seed.refused.connect(lambda text: self._status.setText(
            self.tr("Not applied: {0}").format(refusal_text(self._first_seed, text))))
        self._seed_range = QLabel()
        self._run = QPushButton(self.tr("Run"))
        self._run.setToolTip(self.tr("Train all the networks with the current settings"))
        self._run.setDefault(True)
        self._run.clicked.connect(self.start)
        self._cancel = QPushButton(self.tr("Cancel"))
        self._cancel.setToolTip(self.tr("Stop the run; nothing is shown for a cancelled run"))
        self._cancel.setEnabled(False)
        self._cancel.clicked.connect(self.cancel)
        self._progress = QProgressBar()
        self._progress.setToolTip(self.tr("Training steps done, for all the networks together"))
        self._progress.setFormat(self.tr("step %v of %m"))
        self._progress.setValue(0)
        row = QHBoxLayout()
        label = QLabel(self.tr("&Networks:"))
        label.setBuddy(self._count)
        first_label = QLabel(self.tr("&First seed:"))
        first_label.setBuddy(self._first_seed)
        for widget in (label, self._count, first_label, self._first_seed, self._seed_range,
                       self._run, self._cancel):
            row.addWidget(widget)
        row.addWidget(self._progress, 1)
        return row

    def _build_results(self):
        grid = QGridLayout()
        self._histogram = self._plot(self.tr("final loss"), self.tr("networks"))
        self._histogram.addLegend(offset=(-10, 10), labelTextColor=AXIS_COLOR)
        self._solved_bars = pg.BarGraphItem(x0=[], x1=[], height=[], brush=SOLVED_COLOR,
                                            pen=pg.mkPen("w", width=0.5), name=self.tr("solved"))
        self._failed_bars = pg.BarGraphItem(x0=[], x1=[], y0=[], height=[], brush=FAILED_COLOR,
                                            pen=pg.mkPen("w", width=0.5), name=self.tr("not solved"))
        self._histogram.addItem(self._solved_bars)
        self._histogram.addItem(self._failed_bars)
        self._curves = self._plot(self.tr("step"), self.tr("loss"))
        self._low = pg.PlotDataItem(pen=pg.mkPen(BAND_COLOR))
        self._high = pg.PlotDataItem(pen=pg.mkPen(BAND_COLOR))
        self._band = pg.FillBetweenItem(self._low, self._high, brush=pg.mkBrush(BAND_COLOR))
        self._median = pg.PlotDataItem(pen=pg.mkPen(CURVE_COLOR, width=2))
        for item in (self._low, self._high, self._band, self._median):
            self._curves.addItem(item)
        self._placeholders = [self._placeholder(plot) for plot in (self._histogram, self._curves)]
        grid.addWidget(self._titled(self.tr("Final loss of each network"), self._histogram, ""), 0, 0)
        grid.addWidget(self._titled(self.tr("Loss during training"), self._curves, self.tr(
            "Line: the median loss at each step (half of the networks are below it). Shaded: "
            "where the middle 80 % of the networks are (between the 10 % and 90 % quantiles).")),
            0, 1)
        grid.addWidget(self._build_failed_list(), 0, 2)
        grid.setColumnStretch(0, 3)
        grid.setColumnStretch(1, 3)
        grid.setColumnStretch(2, 2)
        return grid

    def _plot(self, bottom: str, left: str) -> pg.PlotWidget:
        plot = pg.PlotWidget(background="w")
        item = plot.getPlotItem()
        item.setMenuEnabled(False, enableViewBoxMenu=True)
        set_scene_menu(plot)  # no pyqtgraph "Export...": its dialog bypasses GateLab's checks
        item.showGrid(x=True, y=True, alpha=0.25)
        for name, text in (("bottom", bottom), ("left", left)):
            axis = item.getAxis(name)
            axis.setPen(AXIS_COLOR)
            axis.setTextPen(AXIS_COLOR)
            axis.setLabel(text)
            axis.enableAutoSIPrefix(False)
        return plot

    def _placeholder(self, plot: pg.PlotWidget) -> pg.TextItem:
        """A note in the empty plot, so its bare axes are not read as a result."""
        text = pg.TextItem(self.tr("The results appear here when a run ends."),
                           color=AXIS_COLOR, anchor=(0.5, 0.5))
        plot.addItem(text, ignoreBounds=True)
        return text

    def _show_empty(self):
        for plot, placeholder in zip((self._histogram, self._curves), self._placeholders):
            plot.getPlotItem().disableAutoRange()
            plot.setXRange(0.0, 1.0, padding=0.02)
            plot.setYRange(0.0, 1.0, padding=0.02)
            placeholder.setPos(0.5, 0.5)
            placeholder.show()

    def _titled(self, title: str, widget: QWidget, caption: str) -> QWidget:
        box = QWidget()
        layout = QVBoxLayout(box)
        layout.setContentsMargins(0, 0, 0, 0)
        heading = QLabel(f"<b>{title}</b>")
        note = QLabel(caption)
        note.setWordWrap(True)
        widget.setToolTip(caption)
        self._notes[widget] = note
        layout.addWidget(heading)
        layout.addWidget(widget, 1)
        layout.addWidget(note)
        return box

    def _build_failed_list(self) -> QWidget:
        box = QWidget()
        layout = QVBoxLayout(box)
        layout.setContentsMargins(0, 0, 0, 0)
        self._failed_title = QLabel("<b>" + self.tr("Seeds that failed") + "</b>")
        self._failed = QListWidget()
        self._failed.setUniformItemSizes(True)
        self._failed.itemActivated.connect(self._on_failed_activated)
        self._failed.currentItemChanged.connect(self._on_failed_selected)
        self._open = QPushButton(self.tr("Open in main window"))
        self._open.setToolTip(self.tr("Open the selected seed in the main window to watch it train"))
        self._open.setEnabled(False)
        self._open.clicked.connect(self._on_open_pressed)
        hint = QLabel(self.tr("Double-click a seed to watch it fail in the main window."))
        hint.setWordWrap(True)
        for widget in (self._failed_title, self._failed, hint, self._open):
            layout.addWidget(widget, 1 if widget is self._failed else 0)
        return box

    # -- public ------------------------------------------------------------------------------
    def set_config(self, config: TrainConfig) -> None:
        """The settings for the next run; results of other settings are cleared. The seed is
        not one of them (the runs take their seeds from the first-seed field): watching a
        failed seed in the main window keeps the results, and a new tolerance judges them
        again (it trains nothing)."""
        fields = [f for f in differing_fields(self._config, config) if f != "seed"]
        changed = bool(fields)
        self._config = config
        if not self.is_running() and (changed or self._result is None):
            self._progress.setRange(0, config.steps)  # "step 0 of 2000", not of 100
            self._progress.setValue(0)
        self._settings.setText(self.tr("<b>Settings:</b> {0}").format(self._settings_text(config)))
        self._say_what_is_learnt(config)
        self._on_count_changed(self._count.value())
        if fields == ["tolerance"] and self._result is not None:
            self._show_result(self._judged(self._result))
            self._status.setText(self.tr("The same networks, judged within ±{0:g}: none was "
                                         "trained again.").format(config.tolerance))
        elif changed and self._result is not None:
            self._clear_results()
            self._status.setText(self.tr("The settings changed: press Run for new results."))

    def first_seed(self) -> int:
        return round(self._first_seed.value())

    def config(self) -> TrainConfig:
        return self._config

    def is_running(self) -> bool:
        return self._thread is not None

    def result(self):
        """The last finished run's core.training.ensemble.EnsembleResult, or None."""
        return self._result

    def _on_count_refused(self, text: str) -> None:
        self._status.setText(self.tr("Not applied: {0}").format(refusal_text(self._count, text)))
        # Enter both refuses the count and presses Run (the default button): that Run waits
        # for the learner to read why, within this same key press only.
        self._count_refused = True
        QTimer.singleShot(0, self, lambda: setattr(self, "_count_refused", False))

    def start(self) -> None:
        if self._thread is not None or self._count_refused:
            return
        self._clear_results()
        self._failed_message = ""
        self._worker = SeedsWorker(self._config, self._count.value(), self.first_seed())
        self._worker.progress.connect(self._on_progress)
        self._worker.failed.connect(self._on_failed)
        self._worker.finished.connect(self._on_finished)
        self._progress.setRange(0, self._config.steps)
        self._progress.setValue(0)
        self._status.setText(self.tr("Preparing the initial weights of {0} networks…").format(
            f"{self._count.value():,}"))
        self._thread = start_seeds_thread(self._worker)
        self._thread.finished.connect(self._on_thread_finished)
        self._set_running(True)

    def cancel(self) -> None:
        if self._worker is not None:
            self._worker.request_stop()
            self._status.setText(self.tr("Cancelling…"))

    def shutdown(self) -> bool:
        """Stops a run and waits for its thread (closing, quitting); True if it ended in time."""
        thread = self._thread
        if thread is None:
            return True
        self._worker.request_stop()
        thread.quit()
        return bool(thread.wait(SHUTDOWN_WAIT_MS))

    # -- events ------------------------------------------------------------------------------
    def closeEvent(self, event):
        self.shutdown()
        super().closeEvent(event)

    def reject(self):  # Esc hides the dialog without a closeEvent
        self.shutdown()
        super().reject()

    # -- slots -------------------------------------------------------------------------------
    def _on_count_changed(self, count: int):
        self._first_seed.setMaximum(SEED_MAX - count + 1)  # the last seed stays a valid seed
        self._show_seed_range()

    def _show_seed_range(self):
        first, count = self.first_seed(), self._count.value()
        self._seed_range.setText(self.tr("(seeds {0} to {1})").format(
            f"{first:,}", f"{first + count - 1:,}"))

    def _on_progress(self, done: int, total: int):
        if self._thread is None:
            return
        self._progress.setRange(0, total)
        self._progress.setValue(done)
        if done:
            self._status.setText(self.tr("Training {0} networks…").format(
                f"{self._count.value():,}"))

    def _on_failed(self, message: str):
        self._failed_message = message

    def _on_finished(self, result):
        if self._failed_message:
            self._status.setText(self.tr("The run failed: {0}").format(self._failed_message))
        elif result is None or result.cancelled:
            self._status.setText(self.tr("Cancelled: press Run to start again."))
        else:
            self._progress.setValue(self._progress.maximum())
            self._show_result(self._judged(result))

    def _on_thread_finished(self):
        if self._thread is not None:
            self._thread.wait()  # `finished` comes from the thread just before it really ends
        self._thread = self._worker = None
        self._set_running(False)

    def _on_failed_activated(self, item: QListWidgetItem):
        self.seed_chosen.emit(int(item.data(Qt.ItemDataRole.UserRole)))

    def _on_failed_selected(self, current, _previous):
        self._open.setEnabled(current is not None)

    def _on_open_pressed(self):
        item = self._failed.currentItem()
        if item is not None:
            self._on_failed_activated(item)

    # -- showing -----------------------------------------------------------------------------
    def _set_running(self, running: bool):
        self._run.setEnabled(not running)
        self._count.setEnabled(not running)
        self._first_seed.setEnabled(not running)
        self._cancel.setEnabled(running)

    def _clear_results(self):
        self._result = None
        self._headline.clear()
        self._interval.clear()
        self._solved_bars.setOpts(x0=[], x1=[], height=[])
        self._failed_bars.setOpts(x0=[], x1=[], y0=[], height=[])
        for item in (self._low, self._high, self._median):
            item.setData([], [])
        self._failed.clear()
        self._failed_title.setText("<b>" + self.tr("Seeds that failed") + "</b>")
        self._show_empty()

    def _judged(self, result):
        """`result` judged by the tolerance in force (one set while it ran, or since)."""
        if not self._config.is_function or result.config.tolerance == self._config.tolerance:
            return result
        judged = judged_by(result, self._config.tolerance)
        return with_kinds(judged) if result.kinds is not None else judged

    def _show_result(self, result):
        self._result = result
        summary = summarize(result)
        self._status.setText(self.tr("Done: {0} networks, seeds {1} to {2}.").format(
            f"{result.count:,}", f"{int(result.seeds[0]):,}", f"{int(result.seeds[-1]):,}"))
        self._headline.setText(self.headline_text(summary))
        low, high = summary.interval
        self._interval.setText((self.tr(
            "95 % confidence interval: {0} % to {1} %. With these settings, the share of all seeds "
            "that would learn the function very likely lies in this range.") if self._config.is_function
            else self.tr(
            "95 % confidence interval: {0} % to {1} %. With these settings, the share of all seeds "
            "that would solve the gate very likely lies in this range.")).format(
            _percent(low), _percent(high)))
        for placeholder in self._placeholders:
            placeholder.hide()
        self._show_histogram(result, summary)
        self._show_curves(result)
        self._show_failed(result, summary)

    def headline_text(self, summary) -> str:
        gate = self._gate_name(self._config)
        return self.tr("Solved {0}: {1} of {2} networks = {3} %").format(
            gate, f"{summary.solved_count:,}", f"{summary.count:,}", _percent(summary.fraction))

    def _show_histogram(self, result, summary):
        edges = summary.histogram_edges
        finite = np.isfinite(result.final_loss)
        solved, _ = np.histogram(result.final_loss[finite & result.solved], bins=edges)
        failed = summary.histogram_counts - solved
        self._solved_bars.setOpts(x0=edges[:-1], x1=edges[1:], height=solved)
        self._failed_bars.setOpts(x0=edges[:-1], x1=edges[1:], y0=solved, height=failed)
        # The range is set here, not by pyqtgraph's auto-range: that one is worked out while
        # painting, so the first frame showed the bars on the empty plot's 0-1 axes.
        top = float(max(1, summary.histogram_counts.max(initial=0)))
        self._histogram.setRange(xRange=(float(edges[0]), float(edges[-1])), yRange=(0.0, top),
                                 padding=0.02)

    def _show_curves(self, result):
        steps = result.curve_steps.astype(float)
        low, median, high = result.curve
        self._low.setData(steps, low)
        self._high.setData(steps, high)
        self._median.setData(steps, median)
        finite = np.concatenate([low[np.isfinite(low)], high[np.isfinite(high)]])
        bottom, top = (float(finite.min()), float(finite.max())) if finite.size else (0.0, 1.0)
        if top <= bottom:
            top = bottom + 1.0
        self._curves.setRange(xRange=(float(steps[0]), float(max(steps[-1], steps[0] + 1))),
                              yRange=(bottom, top), padding=0.02)

    def _show_failed(self, result, summary):
        self._failed.clear()  # a result judged again replaces the list
        failed = np.flatnonzero(~result.solved)
        shown = failed[:FAILED_LISTED]
        title = self.tr("Seeds that failed: {0}").format(f"{failed.size:,}")
        if failed.size > shown.size:
            title += self.tr(" (first {0} listed)").format(f"{shown.size:,}")
        kinds = failure_kinds(result) if result.kinds is not None else {}  # none if cancelled
        if kinds:  # why they failed, by kind: "stuck: 10 · still learning: 30" (a colon, so a
            # count is not read as part of the name: "within the tolerance 17")
            title += "<br>" + html.escape(" · ".join(
                f"{diagnosis_kind_name(kind)}: {count:,}" for kind, count in kinds.items()))
        self._failed_title.setText(f"<b>{title}</b>")
        for k in shown:
            self._failed.addItem(self._failed_item(result, int(k)))

    def _failed_item(self, result, k: int) -> QListWidgetItem:
        seed = int(result.seeds[k])
        text = self.tr("seed {0}: final loss {1:.3g}").format(seed, float(result.final_loss[k]))
        if result.outcomes[k] == DIVERGED_CODE:
            text += self.tr(" (diverged at step {0})").format(int(result.steps_run[k]) + 1)
        elif result.kinds is not None:
            text += f" · {diagnosis_kind_name(result.kinds[k])}"
        item = QListWidgetItem(text)
        item.setData(Qt.ItemDataRole.UserRole, seed)
        return item

    def _say_what_is_learnt(self, config: TrainConfig) -> None:
        """The texts that name what the networks learn: a gate, or a function."""
        function = config.is_function
        self._intro.setText(self.tr(
            "Trains many copies of this network that differ only in their random starting weights "
            "(their seed), and shows how often these settings learn the function: every sample "
            "within the tolerance.") if function else self.tr(
            "Trains many copies of this network that differ only in their random starting weights "
            "(their seed), and shows how often these settings learn the gate."))
        caption = (self.tr("How many networks ended with each loss: low is good. Blue networks "
                           "learnt the function.") if function else
                   self.tr("How many networks ended with each loss: low is good. Blue networks "
                           "solved the gate."))
        self._histogram.setToolTip(caption)
        self._notes[self._histogram].setText(caption)
        self._failed.setToolTip(self.tr(
            "Networks that did not learn the function. Double-click a seed to open it in the main "
            "window and watch it train.") if function else self.tr(
            "Networks that did not solve the gate. Double-click a seed to open it in the main "
            "window and watch it train."))

    def _settings_text(self, config: TrainConfig) -> str:
        if config.is_two_layer:
            layers = self.tr("2-layer network (no hidden nodes)")
        else:
            layers = hidden_nodes_text(config.hidden_nodes)
        text = self.tr("{0}, {1}, alpha {2}, {3} steps, {4} updates, {5}, {6} loss, {7} start "
                       "weights, {8} update order").format(
            self._gate_name(config), layers, f"{config.alpha:g}", f"{config.steps:,}",
            *(option_name(v) for v in (config.mode, config.activation, config.loss, config.init,
                                       config.update_order)))
        text += ", " + option_name(config.optimizer)
        if config.is_function:
            text += self.tr(", within ±{0}").format(f"{config.tolerance:g}")
        if config.target_loss is not None:
            text += self.tr(", stop at loss {0}").format(f"{config.target_loss:g}")
        return text

    def _gate_name(self, config: TrainConfig) -> str:
        if config.is_function:
            return self.tr("the function {0} on a {1} x {1} grid").format(config.function, config.grid)
        if config.gate == "custom":
            return self.tr("the custom gate")
        return config.gate.upper()
