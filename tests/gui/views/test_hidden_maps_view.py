"""HiddenMapsView: one map per hidden node, their scale and lines, the H = 0 message, the large map."""

import dataclasses

import numpy as np
import pytest
from PySide6.QtCore import QPointF, Qt
from qt_waits import settle

from core.model import network
from core.model.config import TrainConfig
from core.model.network import Weights
from core.training.trainer import initial_weights
from core.views.node_maps import boundary_segment, map_levels, mosaic_columns, nice_ceiling
from core.views.snapshot import NODE_GRID_SIZE, make_snapshot
from gui.views.hidden_maps_view import HiddenMapsView

KNOWN = Weights(np.array([[4.0, -3.0, 0.5], [4.0, -3.0, -2.0], [-2.0, 5.0, 0.7]]),
                np.array([6.0, 5.0, -1.0, -4.0]))


_RUN = [1]


def snapshot(weights=KNOWN, activation="sigmoid", step=0, new_run=False):
    """A snapshot of the test's run (new_run: of a run after it)."""
    if new_run:
        _RUN[0] += 1
    config = TrainConfig(hidden_nodes=weights.hidden_nodes, activation=activation)
    return make_snapshot(config, weights, step, run=_RUN[0])


@pytest.fixture
def view(qtbot):
    widget = HiddenMapsView()
    qtbot.addWidget(widget)
    return widget


# -- pure helpers --------------------------------------------------------------------

def test_levels_are_fixed_per_activation():
    grids = np.full((2, 3, 3), 0.3)
    assert map_levels("sigmoid", grids) == (0.0, 1.0)
    assert map_levels("tanh", grids) == (-1.0, 1.0)
    assert map_levels("relu", grids) == (0.0, 1.0)
    assert map_levels("relu", grids + 2.0) == (0.0, 5.0)
    assert map_levels("relu", grids, top=10.0) == (0.0, 10.0)  # the top never shrinks within a run


@pytest.mark.parametrize("value, nice", [
    (0.0, 1.0), (0.7, 1.0), (1.0, 1.0), (1.3, 2.0), (2.0, 2.0), (4.34, 5.0), (7.0, 10.0), (23.0, 50.0),
    (float("nan"), 1.0),
])
def test_nice_ceiling(value, nice):
    assert nice_ceiling(value) == nice


def test_boundary_segment_lies_on_the_line_and_the_square():
    w1, w2, bias = 4.0, 4.0, -2.0  # x1 + x2 = 0.5
    segment = boundary_segment(w1, w2, bias)
    np.testing.assert_allclose(w1 * segment[:, 0] + w2 * segment[:, 1] + bias, 0.0, atol=1e-12)
    np.testing.assert_allclose(sorted(map(tuple, segment)), [(0.0, 0.5), (0.5, 0.0)])


def test_boundary_segment_of_a_vertical_line_and_of_lines_that_miss():
    np.testing.assert_allclose(sorted(map(tuple, boundary_segment(2.0, 0.0, -1.0))), [(0.5, 0.0), (0.5, 1.0)])
    assert boundary_segment(1.0, 1.0, 5.0).shape == (0, 2)  # u > 0 everywhere
    assert boundary_segment(0.0, 0.0, 1.0).shape == (0, 2)  # a node with no input weights
    assert boundary_segment(1.0, -1.0, 1.0).shape == (0, 2)  # only touches the corner (0, 1)
    assert boundary_segment(2.19, -2.15, 2.147).shape == (0, 2)  # clips 0.002 off that corner
    assert boundary_segment(1.0, -1.0, 0.9).shape == (2, 2)  # clips 0.1: drawn


def test_boundary_separates_high_from_low_outputs():
    grid = network.hidden_grids(KNOWN, "sigmoid", NODE_GRID_SIZE)[0]
    axis = np.linspace(0, 1, NODE_GRID_SIZE)
    u = KNOWN.hidden[0, 0] * axis[:, None] + KNOWN.hidden[1, 0] * axis[None, :] + KNOWN.hidden[2, 0]
    clear = np.abs(u) > 1e-9  # points on the line itself are 0.5 give or take rounding
    assert np.all((grid > 0.5)[clear] == (u > 0)[clear])


def test_mosaic_columns():
    assert [mosaic_columns(h) for h in (1, 2, 4, 5, 8, 9, 16, 64)] == [1, 2, 4, 3, 3, 3, 4, 8]


# -- the view ------------------------------------------------------------------------

def test_each_map_holds_its_nodes_grid(view):
    view.update_from(snapshot())
    expected = network.hidden_grids(KNOWN, "sigmoid", NODE_GRID_SIZE)
    assert view.hidden_nodes() == 3
    assert view.titles() == ["h1", "h2", "h3"]
    for j in range(3):
        np.testing.assert_allclose(view.map_data(j), expected[j], rtol=1e-6)
    assert view.levels() == (0.0, 1.0)
    assert view.message() == ""


@pytest.mark.parametrize("activation, levels", [("tanh", (-1.0, 1.0)), ("relu", (0.0, 10.0))])
def test_other_activations_have_their_own_scale(view, activation, levels):
    view.update_from(snapshot(activation=activation))
    expected = network.hidden_grids(KNOWN, activation, NODE_GRID_SIZE)
    np.testing.assert_allclose(view.map_data(2), expected[2], rtol=1e-6)
    assert view.levels() == levels  # ReLU: the largest output, 6, rounds up to 10


def test_relu_scale_only_grows_within_a_run(view):
    view.update_from(snapshot(activation="relu"))
    small = Weights(KNOWN.hidden * 0.1, KNOWN.output)
    view.update_from(snapshot(small, activation="relu", step=1))
    assert view.levels() == (0.0, 10.0)
    view.update_from(snapshot(small, activation="relu", new_run=True))
    assert view.levels() == (0.0, 1.0)


def test_maps_follow_live_snapshots(view):
    view.update_from(snapshot())
    other = Weights(-KNOWN.hidden, KNOWN.output)
    view.update_from(snapshot(other, step=10))
    np.testing.assert_allclose(view.map_data(1), network.hidden_grids(other, "sigmoid", NODE_GRID_SIZE)[1],
                               rtol=1e-6)


def test_two_layer_model_shows_a_message(view):
    view.update_from(snapshot(Weights(np.zeros((3, 0)), np.array([1.0, 1.0, -1.5]))))
    assert view.hidden_nodes() == 0
    assert "no hidden nodes" in view.message()
    assert not view._maps.isVisibleTo(view)


def test_changing_h_rebuilds(view):
    view.update_from(snapshot())
    view.select_node(2)
    for hidden_nodes in (8, 0, 64, 2):
        weights = initial_weights(TrainConfig(hidden_nodes=hidden_nodes, init="xavier"))
        view.update_from(snapshot(weights, new_run=True))
        assert view.hidden_nodes() == hidden_nodes
        assert view.titles() == [f"h{j + 1}" for j in range(hidden_nodes)]
        assert view.selected_node() is None and not view.is_large_shown()
        assert bool(view.message()) == (hidden_nodes == 0)
    np.testing.assert_allclose(view.map_data(1), network.hidden_grids(weights, "sigmoid", NODE_GRID_SIZE)[1],
                               rtol=1e-6)


def test_selecting_a_node_shows_it_large(qtbot, view):
    view.update_from(snapshot())
    assert view.selected_node() is None and view.large_map_data() is None
    with qtbot.waitSignal(view.node_selected) as blocker:
        view.select_node(1)
    assert blocker.args == [1]
    assert view.selected_node() == 1 and view.is_large_shown()
    np.testing.assert_array_equal(view.large_map_data(), view.map_data(1))
    view.update_from(snapshot(Weights(KNOWN.hidden * 0.5, KNOWN.output), step=5))
    np.testing.assert_array_equal(view.large_map_data(), view.map_data(1))  # stays live
    with pytest.raises(IndexError):
        view.select_node(3)


def test_clicking_switches_and_closes(qtbot, view):
    view.update_from(snapshot())
    view.click_map(0)
    view.click_map(2)
    assert view.selected_node() == 2
    with qtbot.waitSignal(view.node_selected) as blocker:
        view.click_map(2)
    assert blocker.args == [None]
    assert view.selected_node() is None and not view.is_large_shown()


def test_a_mouse_click_on_a_map_selects_it(qtbot, view):
    view.resize(900, 400)
    view.show()
    qtbot.waitExposed(view)
    view.update_from(snapshot())
    centre = view._cells[1].center()
    scene_point = view._plot.vb.mapViewToScene(QPointF(centre.x(), centre.y()))
    widget_point = view._mosaic.mapFromScene(scene_point)
    qtbot.mouseClick(view._mosaic.viewport(), Qt.MouseButton.LeftButton, pos=widget_point)
    qtbot.waitUntil(lambda: view.selected_node() == 1, timeout=2000)


def test_diverged_snapshots_keep_the_last_maps(view):
    view.update_from(snapshot())
    before = view.map_data(0)
    snap = snapshot(step=3)
    broken = dataclasses.replace(snap, hidden_grids=np.full_like(snap.hidden_grids, np.nan))
    view.update_from(broken)
    np.testing.assert_array_equal(view.map_data(0), before)


def test_caption_and_tooltip_explain(view):
    view.update_from(snapshot())
    assert "half-plane" in view._caption.text()
    assert view._mosaic.toolTip()


@pytest.mark.parametrize("hidden_nodes", [9, 64])
def test_in_a_grid_each_title_sits_in_its_own_map(view, hidden_nodes):
    config = TrainConfig(hidden_nodes=hidden_nodes)
    view.update_from(make_snapshot(config, initial_weights(config), 0))
    for j, (title, cell) in enumerate(zip(view._titles, view._cells)):
        assert title.toPlainText() == f"h{j + 1}"
        assert cell.contains(title.pos())  # was above its map, on the map of the row above
        assert title.anchor.y() == 0.0  # the text hangs down from there, into its own map


def test_the_colour_bars_end_ticks_and_the_caption_fit_a_narrow_dock(view, qtbot):
    """At 1366 x 768 the dock is ~330 px wide: the bar's "1.0" and "0" were cut in half at the
    widget's edges, and the caption touched the dock's border."""
    view.resize(330, 580)
    view.update_from(snapshot())
    view.show()
    qtbot.waitExposed(view)
    settle(qtbot, view)
    half_line = view._mosaic.fontMetrics().height() / 2
    bar = view._bar.mapRectToScene(view._bar.boundingRect())
    scene = view._mosaic.viewport().rect()
    assert bar.top() >= half_line and bar.bottom() <= scene.height() - half_line
    assert view._caption.contentsMargins().left() > 0 and view._caption.contentsMargins().right() > 0


@pytest.mark.parametrize("size, stacked", [((330, 640), True), ((900, 420), False)])
def test_the_large_map_goes_under_the_small_ones_in_a_narrow_dock(view, qtbot, size, stacked):
    """Side by side in a ~330-pixel dock the small maps shrank to ~25 px and the large map
    ran past the dock's edge, its corner labels on top of each other."""
    from core.model.config import TrainConfig
    from core.training.trainer import initial_weights

    config = TrainConfig()
    view.update_from(make_snapshot(config, initial_weights(config), 0))
    view.resize(*size)
    view.show()
    qtbot.waitExposed(view)
    view.click_map(0)
    settle(qtbot, view)
    assert view.is_stacked() == stacked
    from PySide6.QtCore import QPoint

    left = view._large.mapTo(view, QPoint(0, 0)).x()
    assert left >= 0 and left + view._large.width() <= view.width()  # within the view
    assert view._mosaic.width() >= (280 if stacked else 300) and view._large.width() >= 200
