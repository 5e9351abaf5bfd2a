"""NetworkView: fed snapshots with known weights, checked against core.views.diagram."""

import math

import numpy as np
import pytest
from PySide6.QtCore import QEvent, QPoint, QPointF, Qt
from PySide6.QtGui import QColor, QHelpEvent
from PySide6.QtWidgets import QInputDialog, QToolTip

from core.model.config import TrainConfig
from core.model.network import Weights
from core.views import diagram
from core.views.snapshot import make_snapshot
from gui.views.network_view import EDIT_LIMIT, NetworkView

XOR_CONFIG = TrainConfig(gate="xor", hidden_nodes=2)
XOR_WEIGHTS = Weights(np.array([[6.0, -6.0], [6.0, -6.0], [-3.0, 9.0]]),
                      np.array([10.0, 0.123456789012345, -15.0]))
AND_CONFIG = TrainConfig(gate="and", hidden_nodes=0)
AND_WEIGHTS = Weights(np.zeros((3, 0)), np.array([10.0, 10.0, -15.0]))


@pytest.fixture
def view(qtbot):
    widget = NetworkView()
    qtbot.addWidget(widget)
    widget.resize(640, 500)
    widget.show()
    qtbot.waitExposed(widget)
    return widget


def _snapshot(config, weights):
    return make_snapshot(config, weights, 0)


def _random(hidden_nodes, seed=0):
    rng = np.random.default_rng(seed)
    return Weights(rng.normal(0, 4, (3, hidden_nodes)), rng.normal(0, 4, hidden_nodes + 1))


def test_edge_pens_equal_the_model(view):
    view.update_from(_snapshot(XOR_CONFIG, XOR_WEIGHTS))
    model = view.current_diagram()
    assert len(view.edge_keys()) == 3 * 2 + 2 + 1
    for edge in model.edges:
        colour, width = view.edge_pen(edge.key)
        assert colour == QColor(edge.colour)
        assert width == pytest.approx(edge.width)
        # ... and the model is the documented rule for these known weights
        expected = diagram.POSITIVE_COLOUR if edge.weight > 0 else diagram.NEGATIVE_COLOUR
        assert colour == QColor(expected)
        assert width == pytest.approx(diagram.edge_width(edge.weight))
    assert view.edge_pen(("hidden", 0, 1))[0] == QColor("#D55E00")
    assert view.edge_pen(("output", 2))[1] == pytest.approx(8.0)


def test_pens_follow_new_weights_and_items_are_reused(view):
    view.update_from(_snapshot(XOR_CONFIG, XOR_WEIGHTS))
    item = view._edge_items[("hidden", 0, 0)]
    flipped = Weights(-XOR_WEIGHTS.hidden, XOR_WEIGHTS.output.copy())
    view.update_from(_snapshot(XOR_CONFIG, flipped))
    assert view._edge_items[("hidden", 0, 0)] is item
    assert view.edge_pen(("hidden", 0, 0))[0] == QColor(diagram.NEGATIVE_COLOUR)


def test_edge_tooltip_names_the_weight_at_full_precision(view):
    view.update_from(_snapshot(XOR_CONFIG, XOR_WEIGHTS))
    tip = view.edge_tooltip(("output", 1))
    assert "w2[h2→yp]" in tip and repr(0.123456789012345) in tip
    assert "w1[x1→h1]" in view.edge_tooltip(("hidden", 0, 0))
    assert "w1[1→h2]" in view.edge_tooltip(("hidden", 2, 1)) and "9.0" in view.edge_tooltip(("hidden", 2, 1))
    assert "Pause" in tip
    view.set_editable(True)
    assert "Double-click" in view.edge_tooltip(("output", 1))


@pytest.mark.parametrize("row", range(4))
def test_node_tooltips_show_the_selected_rows_values(view, row):
    snapshot = _snapshot(XOR_CONFIG, XOR_WEIGHTS)
    view.update_from(snapshot)
    view.set_selected_row(row)
    assert view.selected_row() == row and view._rows.currentIndex() == row
    model = view.current_diagram()
    h1 = model.node("h1")
    tip = view.node_tooltip("h1")
    assert f"u1 = {h1.input_sum:.6g}" in tip and f"h1 = sigmoid(u1) = {h1.value:.6g}" in tip
    yp = float(snapshot.predictions[row])
    assert model.node("yp").value == yp
    assert f"{yp:.6g}" in view.node_tooltip("yp")
    assert view.node_text("yp") == f"yp\n{yp:.2f}"
    x1 = int(model.node("x1").value)
    assert f"x1 = {x1}" in view.node_tooltip("x1")
    assert "always 1" in view.node_tooltip("h_bias")


def test_row_combo_selects_the_row(view):
    view.update_from(_snapshot(XOR_CONFIG, XOR_WEIGHTS))
    view._rows.setCurrentIndex(3)
    assert view.selected_row() == 3
    assert view.current_diagram().row == 3
    assert view._rows.itemText(1) == "Row: [1, 0]"
    with pytest.raises(ValueError):
        view.set_selected_row(4)


def test_edit_when_editable_emits_new_weights(view, qtbot):
    snapshot = _snapshot(XOR_CONFIG, XOR_WEIGHTS)
    view.update_from(snapshot)
    view.set_editable(True)
    with qtbot.waitSignal(view.weights_edited, timeout=1000) as blocker:
        assert view.edit_weight(("hidden", 1, 0), -2.5)
    edited = blocker.args[0]
    assert isinstance(edited, Weights)
    expected = XOR_WEIGHTS.hidden.copy()
    expected[1, 0] = -2.5
    assert np.array_equal(edited.hidden, expected)
    assert np.array_equal(edited.output, XOR_WEIGHTS.output)
    assert np.array_equal(snapshot.weights.hidden, XOR_WEIGHTS.hidden)  # the snapshot is untouched
    # shown at once
    assert view.edge_pen(("hidden", 1, 0))[0] == QColor(diagram.NEGATIVE_COLOUR)
    assert view.edge_pen(("hidden", 1, 0))[1] == pytest.approx(diagram.edge_width(-2.5))
    assert "-2.5" in view.edge_tooltip(("hidden", 1, 0))
    assert view.weights().equals(edited)
    assert edited.hidden is not view.weights().hidden  # the receiver gets its own copy


def test_edit_output_weight_of_two_layer_model(view, qtbot):
    view.update_from(_snapshot(AND_CONFIG, AND_WEIGHTS))
    view.set_editable(True)
    with qtbot.waitSignal(view.weights_edited, timeout=1000) as blocker:
        view.edit_weight(("output", 2), 0.5)
    assert blocker.args[0].output.tolist() == [10.0, 10.0, 0.5]


def test_edit_refused_when_not_editable(view, qtbot):
    view.update_from(_snapshot(XOR_CONFIG, XOR_WEIGHTS))
    with qtbot.assertNotEmitted(view.weights_edited):
        assert not view.edit_weight(("hidden", 0, 0), 1.0)
    assert view.weights().equals(XOR_WEIGHTS)
    assert not view.is_editable()


@pytest.mark.parametrize("value", [math.nan, math.inf, 2 * EDIT_LIMIT])
def test_edit_refuses_impossible_values(view, value):
    view.update_from(_snapshot(XOR_CONFIG, XOR_WEIGHTS))
    view.set_editable(True)
    with pytest.raises(ValueError):
        view.edit_weight(("hidden", 0, 0), value)
    assert view.weights().equals(XOR_WEIGHTS)


def _edge_middle(view, key):
    shape = view.current_diagram().layout
    places = {p[0]: p for p in shape.places}
    edge = view.current_diagram().edge(key)
    a, b = places[edge.source], places[edge.target]
    point = QPointF((a[3] + b[3]) / 2, (a[4] + b[4]) / 2)
    return view._canvas.mapFromScene(point)


def test_double_click_on_an_edge_opens_the_editor(view, qtbot, monkeypatch):
    view.update_from(_snapshot(XOR_CONFIG, XOR_WEIGHTS))
    view.set_editable(True)
    asked = []

    def fake_get_double(parent, title, label, value, low, high, decimals):
        asked.append((label, value, low, high, decimals))
        return 4.25, True

    monkeypatch.setattr(QInputDialog, "getDouble", staticmethod(fake_get_double))
    with qtbot.waitSignal(view.weights_edited, timeout=1000) as blocker:
        qtbot.mouseDClick(view._canvas.viewport(), Qt.MouseButton.LeftButton,
                          pos=_edge_middle(view, ("hidden", 0, 0)))
    assert asked == [("New value of w1[x1→h1]:", 6.0, -EDIT_LIMIT, EDIT_LIMIT, 6)]
    assert blocker.args[0].hidden[0, 0] == 4.25


def test_double_click_does_not_open_the_editor_when_not_editable(view, qtbot, monkeypatch):
    view.update_from(_snapshot(XOR_CONFIG, XOR_WEIGHTS))
    monkeypatch.setattr(QInputDialog, "getDouble", staticmethod(lambda *a: pytest.fail("editor opened")))
    with qtbot.assertNotEmitted(view.weights_edited):
        qtbot.mouseDClick(view._canvas.viewport(), Qt.MouseButton.LeftButton,
                          pos=_edge_middle(view, ("hidden", 0, 0)))
    QToolTip.hideText()


def test_accepting_the_editor_unchanged_keeps_full_precision(view, qtbot, monkeypatch):
    view.update_from(_snapshot(XOR_CONFIG, XOR_WEIGHTS))
    view.set_editable(True)
    monkeypatch.setattr(QInputDialog, "getDouble",
                        staticmethod(lambda parent, title, label, value, *rest: (round(value, 6), True)))
    with qtbot.assertNotEmitted(view.weights_edited):
        view._on_edge_double_clicked(("output", 1))
    assert view.weights().output[1] == 0.123456789012345


def test_accepting_the_editor_unchanged_keeps_a_weight_beyond_its_range(view, qtbot, monkeypatch):
    """The editor takes -1e6 to 1e6 and opens a weight of 1e30 at 1e6: OK without typing
    anything set the weight to 1e6 (a diverged run's last weights are often that big)."""
    big = Weights(XOR_WEIGHTS.hidden, np.array([1e30, -1e30, 0.5]))
    view.update_from(_snapshot(XOR_CONFIG, big))
    view.set_editable(True)
    labels = []

    def as_qt_opens_it(parent, title, label, value, low, high, decimals):
        labels.append(label)
        return min(max(round(value, decimals), low), high), True

    monkeypatch.setattr(QInputDialog, "getDouble", staticmethod(as_qt_opens_it))
    with qtbot.assertNotEmitted(view.weights_edited):
        view._on_edge_double_clicked(("output", 0))
        view._on_edge_double_clicked(("output", 1))
    assert view.weights().output.tolist() == [1e30, -1e30, 0.5]
    assert "now 1e+30" in labels[0] and "-1,000,000 to 1,000,000" in labels[0]


def test_accepting_the_editor_unchanged_keeps_a_weight_qt_rounds_otherwise(view, qtbot, monkeypatch):
    """0.0078125 opens as 0.007813 (Qt rounds the tie up), where Python's round gives 0.007812:
    OK alone made that an edit, and a branch of a finished run."""
    view.update_from(_snapshot(XOR_CONFIG, Weights(XOR_WEIGHTS.hidden, np.array([0.0078125, 1.0, 0.5]))))
    view.set_editable(True)
    monkeypatch.setattr(QInputDialog, "getDouble", staticmethod(lambda *args: (0.007813, True)))
    with qtbot.assertNotEmitted(view.weights_edited):
        view._on_edge_double_clicked(("output", 0))
    assert view.weights().output[0] == 0.0078125


def test_hover_tooltip_shows_the_node_values(view, qtbot):
    view.update_from(_snapshot(XOR_CONFIG, XOR_WEIGHTS))
    node = view.current_diagram().node("yp")
    pos = view._canvas.mapFromScene(QPointF(node.x, node.y))
    event = QHelpEvent(QEvent.Type.ToolTip, pos, view._canvas.viewport().mapToGlobal(pos))
    view._canvas.viewportEvent(event)
    qtbot.waitUntil(QToolTip.isVisible, timeout=2000)
    assert QToolTip.text() == view.node_tooltip("yp")
    edge_pos = _edge_middle(view, ("hidden", 0, 0))
    view._canvas.viewportEvent(QHelpEvent(QEvent.Type.ToolTip, edge_pos,
                                          view._canvas.viewport().mapToGlobal(edge_pos)))
    qtbot.waitUntil(lambda: "w1[x1→h1]" in QToolTip.text(), timeout=2000)
    QToolTip.hideText()
    assert view._canvas.key_at(QPoint(1, 1)) is None


@pytest.mark.parametrize("hidden_nodes", [0, 1, 2, 16, 64])
def test_every_size_builds(view, hidden_nodes):
    config = TrainConfig(hidden_nodes=hidden_nodes)
    weights = _random(hidden_nodes) if hidden_nodes else AND_WEIGHTS
    view.update_from(_snapshot(config, weights))
    expected = 4 * hidden_nodes + 1 if hidden_nodes else 3
    assert len(view.edge_keys()) == expected
    assert len(view.node_keys()) == (hidden_nodes + 5 if hidden_nodes else 4)
    for edge in view.current_diagram().edges:
        colour, width = view.edge_pen(edge.key)
        assert (colour, width) == (QColor(edge.colour), pytest.approx(edge.width))
    view.grab()  # paints without warnings


def test_shape_change_rebuilds_the_items(view):
    view.update_from(_snapshot(XOR_CONFIG, XOR_WEIGHTS))
    view.update_from(_snapshot(AND_CONFIG, AND_WEIGHTS))
    assert set(view.edge_keys()) == {("output", 0), ("output", 1), ("output", 2)}
    assert view.node_keys() == ("x1", "x2", "x_bias", "yp")
    view.update_from(_snapshot(XOR_CONFIG, XOR_WEIGHTS))
    assert len(view.edge_keys()) == 9


def test_resize_lays_out_again(view, qtbot):
    view.update_from(_snapshot(XOR_CONFIG, XOR_WEIGHTS))
    before = view.current_diagram().layout
    view.resize(900, 700)
    qtbot.waitUntil(lambda: view.current_diagram().layout is not before, timeout=2000)
    shape = view.current_diagram().layout
    port = view._canvas.viewport().size()
    assert (shape.width, shape.height) == (port.width(), port.height())


def test_diverged_weights_keep_the_last_finite_picture(view):
    view.update_from(_snapshot(XOR_CONFIG, XOR_WEIGHTS))
    broken = Weights(np.full((3, 2), np.nan), np.full(3, np.inf))
    view.update_from(_snapshot(XOR_CONFIG, broken))
    assert view.weights().equals(XOR_WEIGHTS)
    assert view.edge_pen(("output", 0))[0] == QColor(diagram.POSITIVE_COLOUR)


def test_hint_follows_editable(view):
    view.set_editable(True)
    assert "Double-click" in view._hint.text()
    view.set_editable(False)
    assert "Pause" in view._hint.text()
    view.set_editable(False, "This run diverged.")  # the window's reason for a run's state
    assert view._hint.text() == "This run diverged."
    view.update_from(_snapshot(XOR_CONFIG, XOR_WEIGHTS))
    assert view.edge_tooltip(("output", 0)).endswith("\nThis run diverged.")
    view.set_editable(False)
    assert "Pause" in view.edge_tooltip(("output", 0))


def test_the_window_says_why_weights_cannot_be_edited_only_where_pause_training_is_wrong(qapp):
    from gui.common.messages import weight_edit_refusal

    def refusal(state, value):
        return weight_edit_refusal(make_snapshot(XOR_CONFIG, Weights(np.full((3, 2), value),
                                                                     np.full(3, 0.5)), 4, state=state))

    assert refusal("training", 0.5) == ""  # the diagram's own "pause training" says it
    assert refusal("finished", 0.5) == "" and refusal("diverged", 0.5) == ""  # editable
    assert "not finite" in refusal("diverged", np.nan) and "earlier step" in refusal("diverged", np.nan)
    assert "failed" in refusal("failed", 0.5)
