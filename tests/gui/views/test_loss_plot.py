"""LossPlot: fed snapshots, it holds and draws every step's loss."""

import dataclasses

import numpy as np
import pyqtgraph as pg
import pytest
from PySide6.QtWidgets import QCheckBox, QLabel
from qt_waits import PaintCounter

from core.model.config import TrainConfig
from core.training.states import DIVERGED, STOPPED, TRAINING
from core.training.trainer import initial_weights
from core.views.snapshot import make_snapshot
from gui.views.loss_plot import LossPlot

CONFIG = TrainConfig()
WEIGHTS = initial_weights(CONFIG)


_RUN = {"id": 0, "losses": np.zeros(0)}


def snapshot(step, losses=(), state=TRAINING, message="", new_run=False):
    """A snapshot of the test's run at `step`: it carries the whole run so far, which is the
    losses of earlier snapshots followed by `losses` (new_run: a run of its own)."""
    if new_run:
        _RUN["id"] += 1
        _RUN["losses"] = np.zeros(0)
    _RUN["losses"] = np.concatenate([_RUN["losses"], np.asarray(losses, dtype=float)])
    return make_snapshot(CONFIG, WEIGHTS, step, _RUN["losses"], state, message, run=_RUN["id"])


@pytest.fixture
def plot(qtbot):
    widget = LossPlot()
    qtbot.addWidget(widget)
    widget.resize(640, 400)
    return widget


def curve_of(widget):
    (curve,) = widget.findChild(pg.PlotWidget).getPlotItem().listDataItems()
    return curve


def data_given_to_curve(widget):
    widget.flush()  # while training, redraws are spaced REDRAW_INTERVAL_MS apart
    x, y = curve_of(widget).getOriginalDataset()
    return (np.zeros(0), np.zeros(0)) if x is None else (x, y)


def show(widget, qtbot) -> PaintCounter:
    """Shows the plot and waits until it is laid out and painted; returns its paint counter."""
    paints = PaintCounter(widget.findChild(pg.PlotWidget))
    widget.show()
    qtbot.waitExposed(widget)
    paints.wait_for_paint(qtbot, 0)
    return paints


def test_snapshots_accumulate_with_their_step_numbers(plot):
    plot.update_from(snapshot(3, [0.9, 0.8, 0.7], new_run=True))
    plot.update_from(snapshot(5, [0.6, 0.5]))
    plot.update_from(snapshot(5))  # nothing new, e.g. a pause
    np.testing.assert_array_equal(plot.history(), np.float32([0.9, 0.8, 0.7, 0.6, 0.5]))  # kept as float32
    x, y = data_given_to_curve(plot)
    np.testing.assert_array_equal(x, [1, 2, 3, 4, 5])
    np.testing.assert_array_equal(y, plot.history())


def test_a_skipped_snapshot_loses_no_step_each_carries_the_whole_run(plot):
    """Deltas once made a missed snapshot a gap in the curve."""
    first = snapshot(2, [0.9, 0.8], new_run=True)
    snapshot(4, [0.7, 0.6])  # made, never shown (the window was busy)
    plot.update_from(first)
    plot.update_from(snapshot(6, [0.4, 0.3]))
    np.testing.assert_array_equal(plot.history(), np.float32([0.9, 0.8, 0.7, 0.6, 0.4, 0.3]))
    assert plot.value_at(3) == np.float32(0.7)


def test_the_same_run_at_an_earlier_step_is_drawn_to_that_step(plot):
    whole = snapshot(5, [0.9, 0.8, 0.7, 0.6, 0.5], new_run=True)
    plot.update_from(whole)
    earlier = make_snapshot(CONFIG, WEIGHTS, 2, whole.losses.values(0, 2), run=whole.run)
    plot.update_from(earlier)
    np.testing.assert_array_equal(plot.history(), np.float32([0.9, 0.8]))
    plot.update_from(whole)
    assert plot.step_count() == 5


def test_nothing_new_is_not_uploaded_again(plot, monkeypatch):
    plot.update_from(snapshot(2, [0.9, 0.8], new_run=True))
    calls = []
    curve = curve_of(plot)
    monkeypatch.setattr(curve, "setData", lambda *a, **k: calls.append(a))
    plot.update_from(snapshot(2, state="paused"))
    assert calls == []


def test_new_run_drops_earlier_history(plot):
    plot.update_from(snapshot(3, [0.9, 0.8, 0.7], new_run=True))
    plot.update_from(snapshot(2, [0.3, 0.2], new_run=True))
    np.testing.assert_array_equal(plot.history(), np.float32([0.3, 0.2]))
    np.testing.assert_array_equal(data_given_to_curve(plot)[0], [1, 2])
    plot.update_from(snapshot(0, new_run=True))
    assert plot.history().size == 0
    assert data_given_to_curve(plot)[0].size == 0


def test_clear_empties_plot(plot):
    plot.update_from(snapshot(2, [0.9, 0.8], new_run=True))
    plot.clear()
    assert plot.history().size == 0
    assert plot.value_at(1) is None


def test_log_toggle_switches_the_plot_log_mode(plot, qtbot):
    item = plot.findChild(pg.PlotWidget).getPlotItem()
    plot.update_from(snapshot(4, [0.5, 0.0, -1.0, 0.1], new_run=True))  # log10 undefined for two
    paints = show(plot, qtbot)
    assert not plot.is_log_scale() and not item.getAxis("left").logMode
    box = plot.findChild(QCheckBox)
    assert box.toolTip()
    before = paints.count
    box.click()
    paints.wait_for_paint(qtbot, before)  # repainted in log mode: a RuntimeWarning would fail
    assert plot.is_log_scale()
    assert item.getAxis("left").logMode and curve_of(plot).opts["logMode"][1]
    plot.set_log_scale(False)
    assert not box.isChecked() and not item.getAxis("left").logMode
    assert plot.value_at(2) == 0.0  # the exact value is kept whatever the scale


def test_value_at_returns_the_exact_loss_of_the_nearest_step(plot):
    assert plot.value_at(1) is None
    losses = np.linspace(1.0, 0.1, 10) ** 3
    plot.update_from(snapshot(10, losses, new_run=True))
    assert plot.value_at(4) == np.float32(losses[3])
    assert plot.value_at(4.4) == np.float32(losses[3])
    assert plot.value_at(4.6) == np.float32(losses[4])
    assert plot.value_at(-50) == np.float32(losses[0])
    assert plot.value_at(10**9) == np.float32(losses[-1])


def test_hover_shows_step_and_loss(plot, qtbot):
    plot.update_from(snapshot(3000, np.linspace(0.5, 0.01, 3000), new_run=True))
    show(plot, qtbot)
    item = plot.findChild(pg.PlotWidget).getPlotItem()
    scene_pos = item.getViewBox().mapViewToScene(pg.Point(1234.2, 0.2))
    item.scene().sigMouseMoved.emit(scene_pos)
    expected = f"step 1234, step loss {plot.value_at(1234):.6g}"
    assert any(label.text() == expected for label in plot.findChildren(QLabel))


def test_the_hover_read_out_goes_when_the_pointer_leaves_or_the_plot_goes_back_to_live(plot, qtbot):
    from PySide6.QtCore import QEvent
    from PySide6.QtWidgets import QApplication

    losses = np.linspace(0.5, 0.01, 3000)
    plot.update_from(snapshot(3000, losses, state=STOPPED, new_run=True))
    show(plot, qtbot)
    item = plot.findChild(pg.PlotWidget).getPlotItem()
    readout = plot._readout
    hint = readout.text()

    def hover(step):
        item.scene().sigMouseMoved.emit(item.getViewBox().mapViewToScene(pg.Point(step, 0.2)))
        assert readout.text().startswith(f"step {step},")

    hover(1234)
    QApplication.sendEvent(plot.findChild(pg.PlotWidget), QEvent(QEvent.Type.Leave))
    assert readout.text() == hint
    hover(1500)
    item.scene().sigMouseMoved.emit(item.getViewBox().mapViewToScene(pg.Point(-10**6, 10**6)))
    assert readout.text() == hint  # outside the axes: nothing there to read
    past = dataclasses.replace(snapshot(1500, state=STOPPED), live_step=3000)
    plot.update_from(past)
    hover(1500)
    plot.update_from(snapshot(3000, state=STOPPED))  # Back to live
    assert readout.text() == hint


def test_divergence_marker_at_the_failing_step_until_new_run(plot, qtbot):
    item = plot.findChild(pg.PlotWidget).getPlotItem()
    plot.update_from(snapshot(5, [0.5, 0.6, 2.0, 9.0, 40.0], new_run=True))
    assert plot.divergence_step() is None
    message = "diverged at step 6: the loss or a weight stopped being a finite number"
    plot.update_from(snapshot(5, state=DIVERGED, message=message))
    show(plot, qtbot)
    (line,) = [i for i in item.items if isinstance(i, pg.InfiniteLine) and i.isVisible()]
    assert plot.divergence_step() == 6 and line.value() == 6
    assert item.getViewBox().viewRange()[0][1] >= 6  # the marker is inside the view
    assert line.label.format == "diverged at step 6"  # the window's banner says what it means
    plot.update_from(snapshot(1, [0.5], new_run=True))
    assert plot.divergence_step() is None and not line.isVisible()


def test_a_million_points_are_held_and_drawn(plot, qtbot):
    from gui.views.loss_plot import RECENT_STEPS

    n = 10**6
    losses = 0.5 * np.exp(-np.arange(n) / 2e5)
    plot.update_from(snapshot(n, losses, new_run=True))
    paints = show(plot, qtbot)
    for step in range(n + 1, n + 4):
        before = paints.count
        plot.update_from(snapshot(step, [0.001 * step / n]))
        paints.wait_for_paint(qtbot, before)  # drawn (within REDRAW_INTERVAL_MS while training)
    before = paints.count
    plot.set_log_scale(True)
    paints.wait_for_paint(qtbot, before)
    # the whole run is counted and drawn; exact values are held for the latest steps only
    assert plot.step_count() == n + 3
    held = plot.history()
    assert RECENT_STEPS <= held.size <= 2 * RECENT_STEPS
    assert plot.first_step() == n + 3 - held.size + 1
    assert plot.value_at(n + 3) == np.float32(0.001 * (n + 3) / n)
    assert plot.value_at(n - 5) == np.float32(losses[n - 6])
    assert plot.value_at(10) is None  # before the held part: only the envelope knows it
    x, y = data_given_to_curve(plot)  # a bounded min/max envelope, not 10^6 points
    assert 0 < x.size <= 2048 and n + 3 - 2048 < x[-1] <= n + 3 and x[0] < 1000
    assert y.max() == np.float32(losses.max()) and y.min() == held.min()
    zoom_from = n - 1000
    before = paints.count
    plot.findChild(pg.PlotWidget).getPlotItem().setXRange(zoom_from, zoom_from + 100, padding=0)
    paints.wait_for_paint(qtbot, before)
    drawn_x, drawn_y = data_given_to_curve(plot)  # zoomed in: the visible steps, each one exact
    assert drawn_x.size < 1000 and drawn_x.min() <= zoom_from and drawn_x.max() >= zoom_from + 100
    np.testing.assert_array_equal(drawn_y, held[drawn_x.astype(int) - plot.first_step()])


def test_a_new_run_starts_from_a_fresh_range_not_the_old_runs(plot, qtbot):
    show(plot, qtbot)
    plot.update_from(snapshot(10_000, np.linspace(1e30, 9e30, 10_000), new_run=True))
    plot.flush()
    view = plot._item.getViewBox()
    assert view.viewRange()[1][1] > 1e29  # the big run's range
    plot.update_from(snapshot(0, new_run=True))  # Reset, New seed or a preset
    (x_low, x_high), (y_low, y_high) = view.viewRange()
    assert x_high <= 1.5 and y_high <= 1.5
    plot.findChild(QCheckBox).setChecked(True)  # Log scale on the old range warned "overflow"
    plot.findChild(QCheckBox).setChecked(False)
    plot.update_from(snapshot(3, [0.9, 0.8, 0.7]))
    plot.flush()
    (x_low, x_high), (y_low, y_high) = view.viewRange()
    assert 0.6 < y_low < 0.7 and 0.9 < y_high < 1.0 and x_high >= 3  # follows the new data
    assert view.autoRangeEnabled() == [False, False]  # by its own fit, not pyqtgraph's


def test_losses_beyond_float32_are_drawn_without_overflow_warnings(plot):
    # A diverging run's last finite losses (warnings are errors in this suite).
    plot.update_from(snapshot(3, [0.5, 1e300, 5.3e93], new_run=True))
    plot.flush()
    held = plot.history()
    assert held.dtype == np.float32 and np.isfinite(held).all()


def test_axes_label_whole_short_steps_and_plain_losses(plot, qtbot):
    show(plot, qtbot)
    bottom, left = plot._plot.getAxis("bottom"), plot._plot.getAxis("left")
    assert bottom.tickStrings([200_000, 400_000], 1.0, 200_000) == ["200k", "400k"]
    for _, values in bottom.tickValues(0.0, 3.0, 300):
        assert all(float(v).is_integer() for v in values)  # no step 1.5
    flat = 1.0 + np.array([4e-14, -4e-14, 0.0] * 100)
    plot.update_from(snapshot(300, flat, new_run=True))
    plot.flush()
    low, high = plot._item.getViewBox().viewRange()[1]
    spacing, ticks = left.tickValues(low, high, 400)[0]  # the labelled level
    labels = left.tickStrings(ticks, 1.0, spacing)
    assert all(len(text) <= 8 for text in labels)  # was 1.00000000000004
    assert len(set(labels)) == len(labels)


def test_a_past_step_has_a_dot_on_the_curve_at_its_loss(plot):
    losses = [0.9, 0.5, 0.25, 0.125]
    live = make_snapshot(CONFIG, WEIGHTS, 4, losses, run=9001)
    plot.update_from(live)
    assert plot.cursor_dot() is None  # the present: no marker
    plot.update_from(make_snapshot(CONFIG, WEIGHTS, 2, losses, run=9001, live_step=4))
    assert plot.cursor_step() == 2 and plot.cursor_dot() == (2.0, 0.5)
    dot = plot._cursor_dot
    assert dot.data["y"][0] == 0.5
    plot.set_log_scale(True)  # the dot sits on the curve on a log axis too
    assert dot.data["y"][0] == pytest.approx(np.log10(0.5))
    plot.set_log_scale(False)
    assert dot.data["y"][0] == 0.5
    plot.update_from(make_snapshot(CONFIG, WEIGHTS, 0, losses, run=9001, live_step=4))
    assert plot.cursor_step() == 0 and plot.cursor_dot() is None  # step 0 has no loss
    plot.update_from(live)
    assert plot.cursor_dot() is None
    assert len(plot.findChild(pg.PlotWidget).getPlotItem().listDataItems()) == 1  # no extra curve


def test_the_article_sum_draws_twice_the_squared_loss_and_says_so(plot):
    from core.views.loss_convention import ARTICLE_SUM, GATELAB

    losses = [0.9, 0.5, 0.25, 0.125]
    plot.update_from(make_snapshot(CONFIG, WEIGHTS, 4, losses, run=9100))
    label = plot._item.getAxis("left")
    _, gatelab = data_given_to_curve(plot)
    assert "no ½" not in label.labelText
    plot.set_loss_convention(ARTICLE_SUM)
    _, article = data_given_to_curve(plot)
    np.testing.assert_allclose(article, 2 * gatelab)
    assert "article's sum (no ½)" in label.labelText
    np.testing.assert_array_equal(plot.history(), np.float32(losses))  # the record is the run's
    plot.update_from(make_snapshot(CONFIG, WEIGHTS, 2, losses, run=9100, live_step=4))
    assert plot._cursor_dot.data["y"][0] == 1.0  # the dot on the doubled curve
    plot.set_loss_convention(GATELAB)
    np.testing.assert_allclose(data_given_to_curve(plot)[1], gatelab)
    assert plot._cursor_dot.data["y"][0] == 0.5 and "no ½" not in label.labelText


def test_the_2_layer_model_keeps_its_half_and_overlays_follow_the_switch(plot):
    from core.model.network import Weights
    from core.views.loss_convention import ARTICLE_SUM, GATELAB
    from core.views.snapshot import LossRecord

    two_layer = CONFIG.with_changes(hidden_nodes=0)
    plot.set_loss_convention(ARTICLE_SUM)
    plot.update_from(make_snapshot(two_layer, Weights(np.zeros((3, 0)), np.zeros(3)), 2, [0.5, 0.25],
                                   run=9300))
    assert plot.shown_factor() == 1.0  # the article's 2-layer code adds ((yp - yt)**2)/2
    plot.set_loss_convention(GATELAB)
    plot.update_from(make_snapshot(CONFIG, WEIGHTS, 2, [0.5, 0.25], run=9301))
    plot.set_overlays([("other", "#ff0000", LossRecord.of([0.4, 0.2]))])
    overlay = plot._overlays[0]
    np.testing.assert_allclose(overlay.getOriginalDataset()[1], [0.4, 0.2], rtol=1e-6)
    plot.set_loss_convention(ARTICLE_SUM)
    np.testing.assert_allclose(plot._overlays[0].getOriginalDataset()[1], [0.8, 0.4], rtol=1e-6)


def test_cross_entropy_has_no_half_to_drop(plot):
    from core.views.loss_convention import ARTICLE_SUM

    config = CONFIG.with_changes(loss="cross-entropy")
    plot.set_loss_convention(ARTICLE_SUM)
    plot.update_from(make_snapshot(config, WEIGHTS, 3, [0.9, 0.5, 0.25], run=9200))
    np.testing.assert_allclose(data_given_to_curve(plot)[1], [0.9, 0.5, 0.25], rtol=1e-6)
    assert plot.shown_factor() == 1.0 and "no ½" not in plot._item.getAxis("left").labelText


def test_the_status_bar_follows_the_loss_convention(qtbot):
    from core.views.loss_convention import ARTICLE_SUM, GATELAB
    from gui.views.status_line import StatusLine

    line = StatusLine()
    qtbot.addWidget(line)
    snap = make_snapshot(CONFIG, WEIGHTS, 0)
    line.update_from(snap)
    assert line.texts()[1] == f"loss now {snap.loss:.6g}"
    line.set_loss_convention(ARTICLE_SUM)
    assert line.texts()[1] == f"loss now {2 * snap.loss:.6g} (the article's sum, no ½)"
    line.set_loss_convention(GATELAB)
    assert line.texts()[1] == f"loss now {snap.loss:.6g}"


def test_new_data_for_the_same_overlays_keeps_the_legend_and_redraws_the_curves(plot):
    """A run training beside this one sends its curve again and again: only the data changes,
    so the legend is not built anew each time (that took most of each redraw)."""
    from core.views.snapshot import LossRecord

    plot.update_from(make_snapshot(CONFIG, WEIGHTS, 2, [0.5, 0.25], run=9400))
    plot.set_overlays([("right", "#ff0000", LossRecord.of([0.4, 0.2]))], main_label="left")
    legend, curve = plot._legend, plot._overlays[0]
    plot.set_overlays([("right", "#ff0000", LossRecord.of([0.4, 0.2, 0.1]))], main_label="left")
    assert plot._legend is legend and plot._overlays[0] is curve
    np.testing.assert_allclose(curve.getOriginalDataset()[1], [0.4, 0.2, 0.1], rtol=1e-6)
    assert [label.text for _sample, label in legend.items] == ["left", "right"]
    plot.set_overlays([("other", "#00ff00", LossRecord.of([0.3]))], main_label="left")
    assert [label.text for _sample, label in plot._legend.items] == ["left", "other"]
    assert plot.overlay_count() == 1


def test_curves_laid_over_are_never_a_blue_like_the_shown_runs():
    from PySide6.QtGui import QColor

    from core.views.run_list import OVERLAY_COLOURS, overlay_colour
    from gui.views.loss_plot import CURVE_COLOR

    shown = QColor(CURVE_COLOR)
    for index in range(len(OVERLAY_COLOURS)):
        other = QColor(overlay_colour(index))
        apart = abs(other.hslHue() - shown.hslHue())
        apart = min(apart, 360 - apart)
        # a hue 40 degrees away, or no hue at all (black); sky blue was 18 away, blue 16
        assert apart >= 40 or other.hslSaturation() < 40, overlay_colour(index)


def test_after_a_new_run_the_curves_laid_over_stay_in_view(plot, qtbot):
    """After Reset the ticked runs kept their legend, but the plot's range was back at steps 0-1."""
    from core.views.snapshot import LossRecord

    plot.update_from(snapshot(3000, np.linspace(0.5, 0.01, 3000), new_run=True))
    show(plot, qtbot)
    other = LossRecord.of(np.linspace(0.6, 0.02, 2500))
    plot.set_overlays([("run 2", "#E69F00", other)])
    plot.update_from(snapshot(0, new_run=True))  # Reset: a new run at step 0
    (x0, x1), (y0, y1) = plot.findChild(pg.PlotWidget).getPlotItem().getViewBox().viewRange()
    assert x0 <= 1 and x1 >= 2500 and y0 <= 0.02 and y1 >= 0.6
