"""The hidden space (core.views.hidden_space) and the weight path it draws trails from."""

import numpy as np
import pytest

from core.model.config import TrainConfig
from core.model.gates import inputs_with_bias
from core.model.network import Weights, forward, sigmoid
from core.training.history import WeightPath
from core.training.trainer import Trainer
from core.views.hidden_space import default_nodes, hidden_space

SOLVED_XOR = Weights(np.array([[6.0, 4.0], [6.0, 4.0], [-2.5, -6.0]]), np.array([9.0, -10.0, -4.0]))


def test_the_points_are_each_rows_hidden_activations():
    space = hidden_space(SOLVED_XOR, "sigmoid")
    h = forward(SOLVED_XOR, inputs_with_bias(), "sigmoid").h
    np.testing.assert_array_equal(space.points, h)
    assert space.nodes == (0, 1) and space.exact and (space.low, space.high) == (0.0, 1.0)


def test_the_shading_is_the_output_and_the_line_is_where_it_is_one_half():
    space = hidden_space(SOLVED_XOR, "sigmoid")
    v = SOLVED_XOR.output
    i, j = 10, 30
    assert space.output[i, j] == pytest.approx(sigmoid(v[0] * space.axis[i] + v[1] * space.axis[j]
                                                       + v[2]))
    assert space.line.shape == (2, 2)
    np.testing.assert_allclose(space.line @ v[:2] + v[2], 0.0, atol=1e-9)
    # Solved XOR: the line splits the rows by target in the hidden space.
    side = space.points @ v[:2] + v[2] > 0
    assert side.tolist() == [False, True, True, False]


def test_the_2_layer_model_and_a_single_node_have_no_plane():
    assert hidden_space(Weights(np.zeros((3, 0)), np.zeros(3)), "sigmoid") is None
    assert hidden_space(Weights(np.ones((3, 1)), np.ones(2)), "sigmoid") is None


def test_with_more_nodes_the_two_weighing_most_are_the_axes_and_others_are_held_at_their_mean():
    rng = np.random.default_rng(1)
    weights = Weights(rng.normal(size=(3, 5)), np.array([0.1, -3.0, 0.2, 2.5, 0.0, 0.4]))
    assert default_nodes(weights) == (1, 3)
    space = hidden_space(weights, "tanh")
    assert space.nodes == (1, 3) and not space.exact and (space.low, space.high) == (-1.0, 1.0)
    h = forward(weights, inputs_with_bias(), "tanh").h
    rest = weights.output[-1] + h[:, [0, 2, 4]].mean(axis=0) @ weights.output[[0, 2, 4]]
    np.testing.assert_allclose(space.line @ weights.output[[1, 3]] + rest, 0.0, atol=1e-9)
    picked = hidden_space(weights, "tanh", nodes=(4, 0))
    np.testing.assert_array_equal(picked.points, h[:, [4, 0]])
    with pytest.raises(ValueError):
        hidden_space(weights, "tanh", nodes=(2, 2))


def test_the_trail_follows_the_run_from_its_start():
    run = Trainer(TrainConfig(steps=3000, seed=6))
    while not run.finished:
        run.advance(97)
    steps, flats = run.path.up_to(run.step)
    assert steps[0] == 0 and steps[-1] == 3000 and len(steps) > 20
    space = hidden_space(run.weights, "sigmoid", path=(steps, flats))
    first = forward(run.initial_weights, inputs_with_bias(), "sigmoid").h
    np.testing.assert_allclose(space.trail[0], first)
    np.testing.assert_allclose(space.trail[-1], space.points)


def test_a_weight_path_stays_short_and_spread_over_a_long_run():
    path = WeightPath()
    for step in range(0, 100_000, 7):
        path.add(step, (float(step),))
    steps, flats = path.up_to(10**9)
    assert len(steps) <= WeightPath.POINTS_MAX and steps[0] == 0 and steps[-1] > 90_000
    assert np.all(np.diff(steps) > 0) and (flats[:, 0] == steps).all()
    assert (path.up_to(50_000)[0] <= 50_000).all()
    copy = path.copy_up_to(50_000)
    assert copy.up_to(10**9)[0][-1] <= 50_000


def test_a_fork_keeps_the_path_up_to_where_it_branched():
    run = Trainer(TrainConfig(steps=2000, seed=1))
    while not run.finished:
        run.advance(64)
    branch = run.fork(1000)
    steps, _ = branch.path.up_to(10**9)
    assert steps[-1] == 1000 and (steps <= 1000).all()


def test_three_nodes_in_3d_with_the_plane_where_the_output_is_one_half():
    from core.views.hidden_space import hidden_space_3d, plane_in_cube

    rng = np.random.default_rng(4)
    weights = Weights(rng.normal(scale=2, size=(3, 3)), np.array([3.0, -2.0, 1.5, -1.0]))
    space = hidden_space_3d(weights, "sigmoid")
    h = forward(weights, inputs_with_bias(), "sigmoid").h
    np.testing.assert_array_equal(space.points, h)
    assert space.exact and space.nodes == (0, 1, 2) and 3 <= len(space.plane) <= 6
    np.testing.assert_allclose(space.plane @ weights.output[:3] + weights.output[3], 0, atol=1e-9)
    assert ((space.plane >= -1e-12) & (space.plane <= 1 + 1e-12)).all()
    hexagon = plane_in_cube([1, 1, 1], -1.5, 0, 1)
    assert len(hexagon) == 6
    # In order around the polygon: consecutive corners are the hexagon's sides (all equal).
    sides = np.linalg.norm(np.roll(hexagon, -1, axis=0) - hexagon, axis=1)
    np.testing.assert_allclose(sides, sides[0])
    assert plane_in_cube([1, 1, 1], -5, 0, 1).shape == (0, 3)
    assert hidden_space_3d(SOLVED_XOR, "sigmoid") is None  # two nodes: the 2D view


def test_a_corner_on_the_plane_is_a_corner_of_the_polygon():
    from core.views.hidden_space import plane_in_cube

    triangle = plane_in_cube([1, 1, -1], -1, 0, 1)  # through the corner (1, 1, 1) and two edges
    assert len(triangle) == 3
    assert any(np.allclose(point, (1, 1, 1)) for point in triangle)
