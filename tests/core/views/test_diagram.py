"""core.views.diagram: the network diagram as data, checked against core.model.network without a display."""

import math

import numpy as np
import pytest

from core.model.gates import inputs_with_bias
from core.model.network import Weights, forward
from core.views import diagram

XOR_WEIGHTS = Weights(np.array([[6.0, -6.0], [6.0, -6.0], [-3.0, 9.0]]), np.array([10.0, 10.0, -15.0]))
AND_WEIGHTS = Weights(np.zeros((3, 0)), np.array([10.0, 10.0, -15.0]))


def random_weights(hidden_nodes, seed=0):
    rng = np.random.default_rng(seed)
    output_size = hidden_nodes + 1 if hidden_nodes else 3
    return Weights(rng.normal(0, 3, (3, hidden_nodes)), rng.normal(0, 3, output_size))


@pytest.mark.parametrize("hidden_nodes", [0, 1, 2, 5, 16, 64])
def test_edge_and_node_counts(hidden_nodes):
    d = diagram.build(random_weights(hidden_nodes), "sigmoid")
    expected_edges = 3 * hidden_nodes + hidden_nodes + 1 if hidden_nodes else 3
    assert len(d.edges) == expected_edges
    assert len(d.nodes) == (3 + hidden_nodes + 1 + 1 if hidden_nodes else 4)
    assert len({e.key for e in d.edges}) == expected_edges
    assert len({n.key for n in d.nodes}) == len(d.nodes)


@pytest.mark.parametrize("hidden_nodes", [0, 2, 7])
def test_edges_follow_the_weights_in_flat_order(hidden_nodes):
    weights = random_weights(hidden_nodes, seed=hidden_nodes)
    d = diagram.build(weights, "sigmoid")
    assert [e.weight for e in d.edges] == weights.flat().tolist()
    for edge in d.edges:
        assert edge.weight == diagram.parameter_value(weights, edge.key)
        layer, *index = edge.key
        array = weights.hidden if layer == "hidden" else weights.output
        assert array[tuple(index)] == edge.weight


def test_edge_ends_and_names_for_two_hidden_nodes():
    d = diagram.build(XOR_WEIGHTS, "sigmoid")
    by_key = {e.key: e for e in d.edges}
    assert (by_key["hidden", 0, 0].source, by_key["hidden", 0, 0].target) == ("x1", "h1")
    assert by_key["hidden", 0, 0].name == "w1[x1→h1]"
    assert by_key["hidden", 1, 1].name == "w1[x2→h2]"
    assert (by_key["hidden", 2, 1].source, by_key["hidden", 2, 1].name) == ("x_bias", "w1[1→h2]")
    assert (by_key["output", 0].source, by_key["output", 0].target) == ("h1", "yp")
    assert by_key["output", 0].name == "w2[h1→yp]"
    assert (by_key["output", 2].source, by_key["output", 2].name) == ("h_bias", "w2[1→yp]")


def test_two_layer_model_has_no_hidden_nodes():
    d = diagram.build(AND_WEIGHTS, "sigmoid")
    assert [n.key for n in d.nodes] == ["x1", "x2", "x_bias", "yp"]
    assert [e.name for e in d.edges] == ["w[x1→yp]", "w[x2→yp]", "w[1→yp]"]
    assert [e.key for e in d.edges] == [("output", 0), ("output", 1), ("output", 2)]
    assert [c.kind for c in d.layout.columns] == [diagram.INPUT, diagram.OUTPUT]


@pytest.mark.parametrize("weight, colour", [
    (6.0, diagram.POSITIVE_COLOUR), (1e-9, diagram.POSITIVE_COLOUR), (-0.5, diagram.NEGATIVE_COLOUR),
    (0.0, diagram.ZERO_COLOUR), (math.nan, diagram.ZERO_COLOUR), (math.inf, diagram.ZERO_COLOUR),
])
def test_colour_shows_the_sign(weight, colour):
    assert diagram.edge_colour(weight) == colour


def test_colours_are_okabe_ito():
    assert diagram.POSITIVE_COLOUR.lower() == "#0072b2"
    assert diagram.NEGATIVE_COLOUR.lower() == "#d55e00"


def test_width_grows_with_size_and_saturates():
    assert diagram.edge_width(0.0) == diagram.MIN_WIDTH == 1.0
    assert diagram.edge_width(1.0) == pytest.approx(1 + 7 * math.log(2) / math.log(11))
    assert diagram.edge_width(diagram.WIDTH_SCALE) == pytest.approx(diagram.MAX_WIDTH)
    assert diagram.edge_width(1e6) == diagram.MAX_WIDTH == 8.0
    assert diagram.edge_width(-3.0) == diagram.edge_width(3.0)
    assert diagram.edge_width(math.nan) == diagram.MIN_WIDTH
    widths = diagram.edge_widths(np.linspace(0, 12, 50))
    assert np.all(np.diff(widths) >= 0)


def test_widths_and_colours_of_known_weights():
    d = diagram.build(XOR_WEIGHTS, "sigmoid")
    assert d.layout.max_edge_width == diagram.MAX_WIDTH
    for edge in d.edges:
        assert edge.width == pytest.approx(1 + 7 * min(math.log1p(abs(edge.weight)) / math.log1p(10), 1))
        assert edge.colour == (diagram.POSITIVE_COLOUR if edge.weight > 0 else diagram.NEGATIVE_COLOUR)


@pytest.mark.parametrize("hidden_nodes", [0, 1, 2, 5])
@pytest.mark.parametrize("activation", ["sigmoid", "tanh", "relu"])
@pytest.mark.parametrize("row", range(4))
def test_node_values_equal_the_forward_pass(hidden_nodes, activation, row):
    weights = random_weights(hidden_nodes, seed=row)
    x = inputs_with_bias()
    fw = forward(weights, x, activation)
    d = diagram.build(weights, activation, row)
    assert d.row == row
    assert d.node("x1").value == x[row, 0] and d.node("x2").value == x[row, 1]
    assert d.node("x_bias").value == 1.0 and d.node("x_bias").input_sum is None
    for j in range(hidden_nodes):
        node = d.node(f"h{j + 1}")
        assert (node.input_sum, node.value) == (fw.u[row, j], fw.h[row, j])
        assert (node.sum_name, node.value_name, node.function) == (f"u{j + 1}", f"h{j + 1}", activation)
    output = d.node("yp")
    assert (output.input_sum, output.value) == (fw.v[row], fw.yp[row])
    assert output.sum_name == ("v" if hidden_nodes else "u")  # the article's names
    assert output.function == "sigmoid"


@pytest.mark.parametrize("row", [-1, 4, 1.5, True, "0"])
def test_bad_row_is_refused(row):
    with pytest.raises((ValueError, TypeError)):
        diagram.build(XOR_WEIGHTS, "sigmoid", row)


@pytest.mark.parametrize("hidden_nodes", [0, 2, 16, 64])
@pytest.mark.parametrize("size", [(600, 420), (360, 240), (1200, 900), (100, 80)])
def test_nodes_are_spread_inside_the_canvas_without_overlapping(hidden_nodes, size):
    shape = diagram.layout(hidden_nodes, *size)
    assert shape.width >= diagram.MIN_WIDTH_PX and shape.height >= diagram.MIN_HEIGHT_PX
    columns = {}
    for _key, _kind, _label, x, y, radius in shape.places:
        assert radius <= diagram.MAX_RADIUS
        assert 0 <= x - radius and x + radius <= shape.width
        assert diagram.TITLE_HEIGHT <= y - radius and y + radius <= shape.height
        columns.setdefault(x, []).append((y, radius))
    assert len(columns) == (3 if hidden_nodes else 2)
    for column in columns.values():
        ys = [y for y, _r in column]
        gaps = np.diff(ys)
        if len(gaps):
            assert np.all(gaps > 0) and np.allclose(gaps, gaps[0])  # evenly spread
            assert 2 * column[0][1] < gaps[0]  # neighbours never touch


def test_many_hidden_nodes_shrink_nodes_and_edge_widths():
    small, large = diagram.layout(2), diagram.layout(64)
    radius = {shape: max(p[5] for p in shape.places if p[1] == diagram.HIDDEN) for shape in (small, large)}
    assert radius[small] == diagram.MAX_RADIUS
    assert radius[large] < 4
    assert small.max_edge_width == diagram.MAX_WIDTH
    assert 2.0 <= large.max_edge_width < diagram.MAX_WIDTH
    d = diagram.build(random_weights(64), "sigmoid")
    assert max(e.width for e in d.edges) <= large.max_edge_width


def test_bias_nodes_sit_at_the_bottom_of_their_columns():
    shape = diagram.layout(3)
    places = {p[0]: p for p in shape.places}
    assert places["x_bias"][4] > places["x2"][4] > places["x1"][4]
    assert places["h_bias"][4] > places["h3"][4]
    assert places["x1"][3] < places["h1"][3] < places["yp"][3]


def test_layout_is_cached_per_shape_and_size():
    assert diagram.layout(4, 600, 420) is diagram.layout(4, 600, 420)
    assert diagram.layout(4, 600, 420) is not diagram.layout(4, 700, 420)


def test_with_parameter_replaces_one_weight_in_a_copy():
    original = XOR_WEIGHTS.copy()
    new = diagram.with_parameter(XOR_WEIGHTS, ("hidden", 2, 1), 1.25)
    assert new.hidden[2, 1] == 1.25
    changed = new.flat() != original.flat()
    assert changed.sum() == 1
    assert XOR_WEIGHTS.equals(original)
    assert new.hidden is not XOR_WEIGHTS.hidden and new.output is not XOR_WEIGHTS.output
    out = diagram.with_parameter(XOR_WEIGHTS, ("output", 2), -0.5)
    assert out.output.tolist() == [10.0, 10.0, -0.5] and np.array_equal(out.hidden, XOR_WEIGHTS.hidden)


def test_with_parameter_works_on_read_only_arrays():
    frozen = XOR_WEIGHTS.copy()
    frozen.hidden.flags.writeable = False
    assert diagram.with_parameter(frozen, ("hidden", 0, 0), 2.0).hidden[0, 0] == 2.0


@pytest.mark.parametrize("key", [("hidden", 3, 0), ("hidden", 0, 2), ("output", 3), ("bias", 0)])
def test_with_parameter_refuses_unknown_weights(key):
    with pytest.raises(ValueError):
        diagram.with_parameter(XOR_WEIGHTS, key, 1.0)


def test_two_layer_model_edit():
    new = diagram.with_parameter(AND_WEIGHTS, ("output", 1), 3.0)
    assert new.output.tolist() == [10.0, 3.0, -15.0] and new.hidden.shape == (3, 0)
    with pytest.raises(ValueError):
        diagram.with_parameter(AND_WEIGHTS, ("hidden", 0, 0), 1.0)


def test_hit_testing_finds_nodes_and_edges():
    shape = diagram.layout(2)
    places = {p[0]: p for p in shape.places}
    x, y = places["h1"][3], places["h1"][4]
    assert diagram.item_at(shape, x + 5, y - 5) == "h1"
    a, b = places["x1"], places["h1"]  # a horizontal edge; nothing else crosses its middle
    middle = ((a[3] + b[3]) / 2, (a[4] + b[4]) / 2)
    assert diagram.item_at(shape, middle[0], middle[1] + 3) == ("hidden", 0, 0)
    assert diagram.item_at(shape, middle[0], middle[1] + 30) is None
    assert diagram.item_at(shape, 2, 2) is None


def test_output_values_match_the_snapshot_predictions():
    from core.model.config import TrainConfig
    from core.views.snapshot import make_snapshot

    snapshot = make_snapshot(TrainConfig(hidden_nodes=2), XOR_WEIGHTS, 0)
    for row in range(4):
        assert diagram.build(snapshot.weights, snapshot.activation, row).node("yp").value == \
            snapshot.predictions[row]


# -- decision lines and node colours (core.views.node_maps) -----------------------------
def test_each_hidden_nodes_decision_line_lies_where_its_input_sum_is_zero():
    from core.views.node_maps import NODE_COLOURS, decision_lines, node_colour

    hidden = np.array([[4.0, -3.0], [4.0, -3.0], [-2.0, 4.5]])  # u1 = 4x1 + 4x2 - 2, ...
    weights = Weights(hidden, np.array([5.0, -6.0, 1.0]))
    lines = decision_lines(weights)
    assert [(node, colour) for node, colour, _ in lines] == [(0, NODE_COLOURS[0]), (1, NODE_COLOURS[1])]
    for node, _colour, segment in lines:
        w1, w2, bias = hidden[:, node]
        np.testing.assert_allclose(segment @ [w1, w2] + bias, 0.0, atol=1e-12)
        assert ((segment >= 0) & (segment <= 1)).all()
    assert node_colour(9) == NODE_COLOURS[1]  # the colours repeat after eight nodes


def test_the_2_layer_model_has_one_white_line_and_many_nodes_show_the_weightiest():
    from core.views.node_maps import LINES_MAX, SINGLE_NEURON_COLOUR, decision_lines

    single = decision_lines(Weights(np.zeros((3, 0)), np.array([1.0, 1.0, -1.5])))
    assert len(single) == 1 and single[0][:2] == (-1, SINGLE_NEURON_COLOUR)
    np.testing.assert_allclose(sorted(map(tuple, single[0][2])), [(0.5, 1.0), (1.0, 0.5)])
    rng = np.random.default_rng(0)
    hidden = np.vstack([np.ones((2, 12)), -np.ones((1, 12))]) + 0.01 * rng.standard_normal((3, 12))
    output = np.concatenate([np.arange(12.0), [0.0]])  # node 11 weighs most
    lines = decision_lines(Weights(hidden, output))
    assert [node for node, _, _ in lines] == list(range(12 - LINES_MAX, 12))
    assert decision_lines(Weights(np.full((3, 2), np.nan), np.zeros(3))) == []
