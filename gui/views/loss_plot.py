"""LossPlot: the loss of every step so far, drawn live as the network trains."""

import math

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QElapsedTimer, QEvent, Qt, QTimer, Signal
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QCheckBox, QHBoxLayout, QLabel, QVBoxLayout, QWidget

from core.training.history import RecentHistory, clipped_to
from core.training.states import DIVERGED, TRAINING
from core.views.axis_ticks import loss_tick_text, minimum_span, step_tick_text, whole_step_levels
from core.views.decimate import MinMaxEnvelope, decimate_slice
from core.views.loss_convention import GATELAB, loss_factor
from core.views.snapshot import Snapshot
from gui.common.plots import set_scene_menu

CURVE_COLOR = "#1f5fbf"
MARKER_COLOR = "#d62728"
CURSOR_COLOR = "#555555"  # a past step shown on the timeline
AXIS_COLOR = "#333333"
MAX_DRAWN_POINTS = 2048  # a min and a max for each pixel column of a typical plot
# Exact losses kept for hovering and zooming near the end of a run; the whole run is kept
# only as the envelope, so a 10^7-step run costs this plot a few MB (the trainer keeps the record).
RECENT_STEPS = 1 << 18
# A redraw of the plot costs extra frames of the whole window (the scene repaints in
# its own event-loop pass), so while training the curve is redrawn ~10 times a second.
REDRAW_INTERVAL_MS = 250


class _StepAxis(pg.AxisItem):
    """Whole steps only, written short (200k, 1.5M)."""

    def tickValues(self, minVal, maxVal, size):  # noqa: N802 - pyqtgraph's name
        return whole_step_levels(super().tickValues(minVal, maxVal, size))

    def tickStrings(self, values, scale, spacing):  # noqa: N802
        return [step_tick_text(v * scale) for v in values]


class _LossAxis(pg.AxisItem):
    """At most six significant digits (log scale keeps pyqtgraph's powers of ten)."""

    def tickStrings(self, values, scale, spacing):  # noqa: N802
        if self.logMode:
            return super().tickStrings(values, scale, spacing)
        return [loss_tick_text(v * scale, spacing * scale) for v in values]


class LossPlot(QWidget):
    """Loss against step, with a log-scale switch, a hover read-out and a divergence marker.
    It is also the timeline: a click asks for that step (`step_picked`), and a past step
    shown is marked on the whole run's curve."""

    step_picked = Signal(int)

    def __init__(self, parent=None):
        super().__init__(parent)
        self._base_font = QFont(self.font())  # set_scale multiplies this size
        if self._base_font.pointSizeF() <= 0:
            self._base_font.setPointSizeF(9.0)
        self._history = RecentHistory(RECENT_STEPS)
        self._run_first = 1  # step number of the first loss (a run's losses start at step 1)
        self._count = 0  # steps recorded in this run (gaps included)
        self._envelope = MinMaxEnvelope(MAX_DRAWN_POINTS // 2)  # what the whole-run view draws
        self._since_redraw = QElapsedTimer()
        self._since_redraw.start()
        self._redraw_timer = QTimer(self)
        self._redraw_timer.setSingleShot(True)
        self._redraw_timer.timeout.connect(self._redraw)
        self._divergence_step: int | None = None
        self._run: int | None = None  # the run drawn (Snapshot.run)

        self._log_box = QCheckBox(self.tr("Log scale"))
        self._log_box.setToolTip(self.tr(
            "Show the loss on a logarithmic axis, so small losses late in training stay visible"))
        self._log_box.toggled.connect(self._on_log_toggled)
        self._hint = self.tr("Hover over the plot to read a step's loss")
        self._readout = QLabel(self._hint)
        self._readout.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        self._readout.setWordWrap(True)  # wraps in a narrow column instead of widening the window

        self._plot = pg.PlotWidget(background="w", axisItems={
            "bottom": _StepAxis(orientation="bottom"), "left": _LossAxis(orientation="left")})
        self._item = self._plot.getPlotItem()
        # The checkbox is the one log switch; pyqtgraph's own "Plot Options" menu would bypass it.
        self._item.setMenuEnabled(False, enableViewBoxMenu=True)
        self._menu_actions: list = []
        set_scene_menu(self._plot)  # no pyqtgraph "Export..."; set_menu_actions adds the app's
        self._item.showGrid(x=True, y=True, alpha=0.25)
        for name, text in (("bottom", self.tr("step")), ("left", self.tr("step loss L[step]"))):
            axis = self._item.getAxis(name)
            axis.setPen(AXIS_COLOR)
            axis.setTextPen(AXIS_COLOR)
            axis.setLabel(text)
            axis.enableAutoSIPrefix(False)  # "loss (x0.001)" with 500 on the axis misleads a beginner
        # Width 1: wider pens are much slower to draw in Qt's raster engine.
        self._curve = self._item.plot(pen=pg.mkPen(CURVE_COLOR, width=1))
        self._curve.setZValue(10)  # the shown run stays on top of curves laid over it
        self._overlays: list[pg.PlotDataItem] = []
        self._overlay_xy: list[tuple[np.ndarray, np.ndarray]] = []
        self._overlay_sources: tuple = ([], None)  # what set_overlays was given, to redraw
        self._legend = None
        # Long runs: the curve is drawn from a bounded min/max envelope (see core.views.decimate),
        # so a frame costs the same at step 10^3 and 10^7.
        # The view follows the run by setting its range here, not by pyqtgraph's auto-range:
        # that one is computed while painting and asks for a second paint of the whole window.
        view = self._item.getViewBox()
        view.disableAutoRange()
        self._follow = True  # until the user pans or zooms; the "A" button resumes following
        self._live = False  # training: the range moves in coarse jumps (see _fit_range)
        self._setting_range = False
        self._end_room = 0.0  # room after the last step, as a share of the run (set_end_room)
        self._scale = 1.0  # set_scale
        self._convention = GATELAB  # set_loss_convention: GateLab's loss or the article's sum
        self._loss_kind = ("squared", 2)  # the shown run's loss function and hidden nodes
        view.sigRangeChangedManually.connect(self._on_manual_range)
        self._item.autoBtn.clicked.connect(self._on_follow_again)
        view.sigXRangeChanged.connect(self._on_range_changed)
        self._marker = pg.InfiniteLine(
            angle=90, movable=False, pen=pg.mkPen(MARKER_COLOR, width=2, style=Qt.PenStyle.DashLine),
            label=self.tr("diverged"),
            labelOpts={"position": 0.85, "color": MARKER_COLOR, "anchors": [(1, 0.5), (1, 0.5)]})
        self._marker.hide()
        self._item.addItem(self._marker)  # a vertical line's bounds keep its step in the x range
        # The past step shown; the timeline bar under the plot says which step it is.
        self._cursor = pg.InfiniteLine(angle=90, movable=False, pen=pg.mkPen(CURSOR_COLOR, width=2))
        self._cursor.hide()
        self._item.addItem(self._cursor, ignoreBounds=True)
        # ... and a dot on the curve at that step's loss (the marker an animation moves). In
        # the view box itself, not a data item of the plot: it is no curve, and it takes the
        # log scale from _place_cursor_dot.
        self._cursor_dot = pg.ScatterPlotItem(size=9, pen=pg.mkPen("w", width=1.5),
                                              brush=pg.mkBrush(MARKER_COLOR))
        self._cursor_dot.setZValue(20)
        self._cursor_dot.hide()
        self._cursor_dot_at = (0.0, 0.0)
        view.addItem(self._cursor_dot, ignoreBounds=True)
        self._plot.scene().sigMouseMoved.connect(self._on_mouse_moved)
        self._plot.scene().sigMouseClicked.connect(self._on_mouse_clicked)
        self._plot.setToolTip(self.tr("Click a step to see the network as it was then"))
        self._plot.installEventFilter(self)

        top = QHBoxLayout()
        top.addWidget(self._log_box)
        top.addWidget(self._readout, 1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addLayout(top)
        layout.addWidget(self._plot, 1)

    # -- public ----------------------------------------------------------------
    def update_from(self, snapshot: Snapshot) -> None:
        """Draws the run's losses up to the snapshot's step. The snapshot holds the whole run;
        what this plot already drew of the same run is kept, and only later steps are added."""
        losses = snapshot.losses
        kind = (snapshot.config.loss, snapshot.hidden_nodes) if snapshot.config is not None \
            else ("squared", snapshot.hidden_nodes)
        if kind != self._loss_kind:
            self._loss_kind = kind
            self._show_convention()
        if snapshot.run != self._run or len(losses) < self._count:
            self.clear()  # another run, or an earlier point of this one: draw it from its start
            self._run = snapshot.run
        self._live = snapshot.state == TRAINING
        if len(losses) > self._count:
            first_points = self._count == 0
            self._append(losses.values(self._count))
            self._request_redraw(urgent=first_points or snapshot.state != TRAINING)
        live = snapshot.step if snapshot.live_step is None else snapshot.live_step
        if snapshot.state == DIVERGED:
            self._show_divergence(live + 1)
        if snapshot.live_step is None:
            if self._cursor.isVisible():  # back to live: a past step's read-out no longer fits
                self._readout.setText(self._hint)
            self._cursor.hide()
            self._cursor_dot.hide()
        else:
            self._cursor.setValue(snapshot.step)
            self._cursor.show()
            self._show_cursor_dot(snapshot.step, losses)

    def set_menu_actions(self, actions) -> None:
        """`actions` (the app's loss-plot exports) at the end of the plot's right-click menu,
        after pyqtgraph's view entries; the same actions as File > Export, so the same code."""
        menu = self._item.getViewBox().menu
        for action in self._menu_actions:  # pyqtgraph appends scene actions to this menu for good
            menu.removeAction(action)
        self._menu_actions = list(actions)
        set_scene_menu(self._plot, self._menu_actions)

    def set_overlays(self, curves, main_label: str | None = None) -> None:
        """Other runs' loss curves over this run's: [(label, colour, LossRecord)], with a legend
        (main_label names this run's curve in it; by default "shown run"). They are drawn in the
        shown run's loss convention (set_loss_convention)."""
        same_legend = [(label, colour) for label, colour, _ in curves] == [
            (label, colour) for label, colour, _ in self._overlay_sources[0]] \
            and main_label == self._overlay_sources[1] and len(self._overlays) == len(curves)
        self._overlay_sources = (list(curves), main_label)
        if same_legend and curves:
            # New data for the same curves (a run training beside this one): the legend stays,
            # as rebuilding it took most of the time of each redraw.
            for k, (_label, _colour, losses) in enumerate(curves):
                x, y = self._overlay_points(losses)
                self._overlays[k].setData(x, y)
                self._overlay_xy[k] = (np.asarray(x, float), np.asarray(y, float))
            if self._follow:
                self._redraw()
            return
        for item in self._overlays:
            self._item.removeItem(item)
        self._overlays, self._overlay_xy = [], []
        if self._legend is not None:
            self._legend.clear()
            if self._legend.scene() is not None:
                self._legend.scene().removeItem(self._legend)
            self._item.legend = None
            self._legend = None
        if curves:
            # Short labels: the Runs panel, where the runs were ticked, has their names.
            self._legend = self._item.addLegend(offset=(-10, 10), labelTextColor=AXIS_COLOR)
            self._legend.addItem(self._curve, main_label or self.tr("shown run"))
        for label, colour, losses in curves:
            x, y = self._overlay_points(losses)
            item = self._item.plot(x, y, pen=pg.mkPen(colour, width=1), name=label)
            self._overlays.append(item)
            self._overlay_xy.append((np.asarray(x, float), np.asarray(y, float)))
        if self._follow:
            self._redraw()  # the range takes in the curves laid over

    def _overlay_points(self, losses):
        values = clipped_to(np.float32, losses.values()) * np.float32(self._factor())
        return decimate_slice(values, 1, MAX_DRAWN_POINTS)

    def overlay_count(self) -> int:
        return len(self._overlays)

    def cursor_step(self) -> int | None:
        """The past step marked on the curve, or None when the run's present is shown."""
        return int(self._cursor.value()) if self._cursor.isVisible() else None

    def flush(self) -> None:
        """Draws what is recorded now, even within the redraw interval."""
        self._request_redraw(urgent=True)

    def _request_redraw(self, urgent: bool) -> None:
        elapsed = self._since_redraw.elapsed()
        if urgent or elapsed >= REDRAW_INTERVAL_MS:
            self._redraw_timer.stop()
            self._redraw()
        elif not self._redraw_timer.isActive():
            self._redraw_timer.start(REDRAW_INTERVAL_MS - elapsed)

    def clear(self) -> None:
        self._history.clear()
        self._count = 0
        self._envelope.clear()
        self._divergence_step = None
        self._marker.hide()
        self._readout.setText(self._hint)
        # An empty plot keeps whatever range it had (0-10000 steps, a diverged run's 9e+30):
        # start over from the first start's range, following the new run's data again...
        self._follow = True
        self._setting_range = True
        try:
            self._item.getViewBox().setRange(xRange=(0.0, 1.0), yRange=(0.0, 1.0), padding=0.0)
        finally:
            self._setting_range = False
        # ... unless curves are laid over it (ticked runs, after Reset): the range takes them
        # in, or their legend stood over an empty plot.
        self._redraw()

    def history(self) -> np.ndarray:
        """The exact losses held (the whole run up to RECENT_STEPS, else its latest part),
        as a read-only float32 view; copy it to keep it past the next update."""
        return self._history.values()

    def first_step(self) -> int:
        """The step number of history()[0]."""
        return self._run_first + self._history.dropped

    def step_count(self) -> int:
        """Steps recorded in this run, including those only the envelope remembers."""
        return self._count

    def set_scale(self, factor: float) -> None:
        """Lines and axis text `factor` times their usual size (presentation mode: 2)."""
        self._curve.setPen(pg.mkPen(CURVE_COLOR, width=max(1.0, round(factor))))
        font = QFont(self._base_font)  # from the size at construction, not the font now
        font.setPointSizeF(self._base_font.pointSizeF() * factor)
        for name in ("bottom", "left"):
            axis = self._item.getAxis(name)
            axis.setStyle(tickFont=font if factor != 1.0 else None)  # None: pyqtgraph's own
            axis.label.setFont(font)
        # Enlarged, the hover hint took two lines a 768-pixel projector needs for the table.
        self._readout.setVisible(factor <= 1.0)
        self._scale = factor
        self._set_axis_label()

    def widened_lines(self, width: float):
        """Every curve drawn `width` pixels wide (a picture for a slide: on screen they stay
        thin, which is faster to draw); returns the function that puts them back."""
        pens = [(item, item.opts["pen"]) for item in [self._curve, *self._overlays]]
        for item, pen in pens:
            wide = pg.mkPen(pen)
            wide.setWidthF(width)
            item.setPen(wide)

        def restore():
            for item, pen in pens:
                item.setPen(pen)
        return restore

    def set_log_scale(self, on: bool) -> None:
        self._log_box.setChecked(on)  # toggled -> _on_log_toggled

    def is_log_scale(self) -> bool:
        return self._log_box.isChecked()

    def divergence_step(self) -> int | None:
        return self._divergence_step

    def value_at(self, step: float) -> float | None:
        """The exact loss at the recorded step nearest to `step`, or None if there is none."""
        nearest = self._nearest(step)
        return None if nearest is None else nearest[1]

    # -- private ---------------------------------------------------------------
    def _append(self, losses: np.ndarray) -> None:
        losses = clipped_to(np.float32, losses)  # as the window's trainer shows them
        self._history.extend(losses)
        self._envelope.extend(losses)
        self._count += len(losses)

    def _redraw(self) -> None:
        """Whole run: the envelope; zoomed in on part of a long run: that part, decimated."""
        self._since_redraw.restart()
        low, high = self._item.getViewBox().viewRange()[0]
        held_from, held = self.first_step(), len(self._history)
        start, stop = int(low) - held_from, min(int(high) - held_from + 2, held)
        # Zoomed in on the exactly-held part of a long run: draw those steps themselves.
        zoomed = self._count > MAX_DRAWN_POINTS and 0 <= start < stop and (stop - start) < self._count // 2
        if zoomed and not self._follow:
            x, y = decimate_slice(self._history.values()[start:stop], held_from + start,
                                  MAX_DRAWN_POINTS)
        else:
            x, y = self._envelope.xy(self._run_first)
        y = y * self._factor() if self._factor() != 1.0 else y
        self._curve.setData(x, y)
        if self._follow:
            self._fit_range(x, y)

    def _fit_range(self, x, y) -> None:
        """Shows the whole run (and a divergence marker, and curves laid over it), like
        auto-range but without a repaint."""
        if self._overlay_xy:
            x = np.concatenate([x] + [ox for ox, _ in self._overlay_xy])
            y = np.concatenate([y] + [oy for _, oy in self._overlay_xy])
        if self._log_box.isChecked():
            y = np.log10(y[y > 0]) if y.size else y
        finite = y[np.isfinite(y)]
        if not finite.size:
            return
        high_x = max(float(np.nanmax(x)) if x.size else 1.0, self._divergence_step or 0,
                     self._run_first + 1)
        low_y, high_y = float(finite.min()), float(finite.max())
        view = self._item.getViewBox()
        (x0, x1), (y0, y1) = view.viewRange()
        # Change the range in coarse jumps, not every frame: a new range re-lays out the axes,
        # which costs the window extra frames (bench/gui_responsiveness.py).
        x_ok = x0 <= self._run_first and high_x <= x1 <= 1.25 * high_x + 1
        span = minimum_span(low_y, high_y)
        y_ok = y0 <= low_y and high_y <= y1 and (y1 - y0) < 2.5 * span
        if self._live and x_ok and y_ok:
            return
        margin = 0.05 * span
        # Training: leave a quarter of headroom so the x axis changes once per 25 % of progress.
        right = high_x * 1.25 if self._live else high_x  # at rest: fit the run exactly
        right += self._end_room * (right - self._run_first)
        self._setting_range = True
        try:
            view.setRange(xRange=(self._run_first, right),
                          yRange=(low_y - margin, high_y + margin), padding=0)
        finally:
            self._setting_range = False

    def _on_manual_range(self, *_):
        self._follow = False

    def _on_follow_again(self, *_):
        self._follow = True
        self._item.getViewBox().disableAutoRange()
        self._redraw()

    def _on_range_changed(self, *_):
        if self._setting_range:
            return
        self._follow = False  # someone else moved the view (a zoom, a pan): stay there
        if self._count > MAX_DRAWN_POINTS:
            self._redraw()

    def _show_cursor_dot(self, step: int, losses) -> None:
        """The dot at L[step], the loss of the step shown (none before the first step)."""
        value = losses.values(step - 1, step) if 1 <= step <= len(losses) else np.empty(0)
        if value.size and np.isfinite(value[0]) and (value[0] > 0 or not self.is_log_scale()):
            self._cursor_dot_at = (float(step), float(value[0]))
            self._place_cursor_dot()
            self._cursor_dot.show()
        else:
            self._cursor_dot.hide()

    def _place_cursor_dot(self) -> None:
        step, loss = self._cursor_dot_at
        loss *= self._factor()
        if self.is_log_scale():
            loss = math.log10(loss) if loss > 0 else float("nan")
        self._cursor_dot.setData([step], [loss])

    def cursor_dot(self) -> tuple[float, float] | None:
        """(step, loss) of the dot on the curve, or None when it is hidden."""
        return self._cursor_dot_at if self._cursor_dot.isVisible() else None

    def set_loss_convention(self, convention: str) -> None:
        """GATELAB: the loss as trained, ½ Σ (yp − yt)²; ARTICLE_SUM: without the ½, as the
        article's 3-layer code sums it (core.views.loss_convention). The axis label says which."""
        self._convention = convention
        self._show_convention()

    def loss_convention(self) -> str:
        return self._convention

    def shown_factor(self) -> float:
        """What the drawn losses are: the run's losses times this."""
        return self._factor()

    def _factor(self) -> float:
        return loss_factor(*self._loss_kind, self._convention)

    def _show_convention(self) -> None:
        self._set_axis_label()
        if self._overlay_sources[0]:
            self.set_overlays(*self._overlay_sources)  # in the new convention (it redraws)
        self._redraw()
        if self._cursor_dot.isVisible():
            self._place_cursor_dot()

    def _set_axis_label(self) -> None:
        article = self._factor() != 1.0
        if self._scale <= 1.0:
            text = self.tr("step loss L[step], the article's sum (no ½)") if article else \
                self.tr("step loss L[step]")
        else:  # enlarged, the long name was taller than the plot: the article's L[step]
            text = self.tr("L[step], no ½") if article else "L[step]"
        self._item.getAxis("left").setLabel(text)

    def set_end_room(self, share: float) -> None:
        """Leaves `share` of the run's length free after its last step (an animation's dot at
        the last step would otherwise be cut in half by the plot's edge)."""
        self._end_room = float(share)
        self._redraw()

    def _show_divergence(self, step: int) -> None:
        """The marker names the step; the sentence saying what it means is the window's banner
        (once, not again under the plot)."""
        self._divergence_step = step
        self._redraw()  # widen the view to the marker
        self._marker.setValue(step)
        self._marker.label.setFormat(self.tr("diverged at step {0}").format(step))
        self._marker.show()

    def _nearest(self, step: float) -> tuple[int, float] | None:
        """The exactly-held step nearest to `step` (None before the held part of a long run)."""
        size = len(self._history)
        if not size or step is None or not math.isfinite(step):
            return None
        first = self.first_step()
        if step < first - 0.5 and self._history.dropped:
            return None
        index = min(max(round(step - first), 0), size - 1)
        value = float(self._history.values()[index])
        return (first + index, value) if math.isfinite(value) else None

    def _on_log_toggled(self, on: bool) -> None:
        self._setting_range = True
        try:
            self._item.setLogMode(y=on)
        finally:
            self._setting_range = False
        if self._cursor_dot.isVisible():
            self._place_cursor_dot()
        self._redraw()

    def _on_mouse_clicked(self, event) -> None:
        view = self._item.getViewBox()
        if event.button() != Qt.MouseButton.LeftButton or not self._count or \
                not view.sceneBoundingRect().contains(event.scenePos()):
            return
        step = view.mapSceneToView(event.scenePos()).x()
        if math.isfinite(step):
            self.step_picked.emit(max(0, min(round(step), self._run_first + self._count - 1)))

    def eventFilter(self, watched, event) -> bool:  # noqa: N802 - Qt's name
        if watched is self._plot and event.type() == QEvent.Type.Leave:
            self._readout.setText(self._hint)  # the read-out is for where the pointer is
        return super().eventFilter(watched, event)

    def _on_mouse_moved(self, scene_pos) -> None:
        view = self._item.getViewBox()
        if not view.sceneBoundingRect().contains(scene_pos):
            self._readout.setText(self._hint)
            return
        step = view.mapSceneToView(scene_pos).x()
        nearest = self._nearest(step)
        f = self._factor()  # as drawn: the article's sum is twice the loss
        if nearest is not None:
            self._readout.setText(self.tr("step {0}, step loss {1}").format(nearest[0],
                                                                            f"{f * nearest[1]:.6g}"))
            return
        bucket = self._envelope.bucket_at(step, self._run_first) if math.isfinite(step) else None
        if bucket is not None:  # early in a long run only the envelope remains: show its range
            self._readout.setText(self.tr("steps {0}-{1}, step loss {2} to {3}").format(
                bucket[0], bucket[1], f"{f * bucket[2]:.6g}", f"{f * bucket[3]:.6g}"))

