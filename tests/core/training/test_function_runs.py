"""Training on a target function's grid (issue #28): the rows come from the config, a grid of 2
with a gate's targets is that gate's run bit for bit, and the step's loss is per four rows."""

import math
import re

import numpy as np
import pytest

from core.model import step
from core.model.config import TrainConfig
from core.model.gates import ROWS
from core.model.network import inputs_of
from core.training.ensemble import Ensemble, run_ensemble
from core.training.stepping import kernel_rows
from core.training.trainer import Trainer
from tests.helpers.plain_network import activation as plain_activation
from tests.helpers.plain_network import sigmoid

SETTINGS = [
    dict(),
    dict(mode="batch"),
    dict(update_order="article", activation="tanh"),
    dict(optimizer="adam", loss="cross-entropy", hidden_nodes=3),
    dict(optimizer="momentum", mode="batch", activation="relu", alpha=0.2),
    dict(hidden_nodes=0, gate="and"),
]


def gate_and_grid(settings):
    """The gate's config, and the same run on the grid of 2 of its own smooth preset (whose
    corners are the gate's targets: x1 + x2 - 2 x1 x2 is XOR's 0, 1, 1, 0)."""
    gate = TrainConfig(steps=300, **settings)
    grid = TrainConfig(**{**settings, "gate": "function"}, steps=300, function=gate.gate, grid=2)
    return gate, grid


@pytest.mark.parametrize("settings", SETTINGS, ids=str)
def test_a_grid_of_two_with_the_gates_targets_is_the_gates_run_bit_for_bit(settings):
    gate, grid = gate_and_grid(settings)
    assert grid.targets == gate.targets and grid.points == ROWS
    one, two = Trainer(gate), Trainer(grid)
    one.run()
    two.run()
    assert two.flat_state() == one.flat_state()
    assert np.array_equal(two.history.values(), one.history.values())
    assert two.final_loss() == one.final_loss()


@pytest.mark.parametrize("mode", ["online", "batch"])
@pytest.mark.parametrize("loop_max", [0, 64])  # the traced arrays, and the per-network kernel
def test_many_seeds_on_a_grid_of_two_are_the_gates_many_seeds(mode, loop_max, monkeypatch):
    from core.training import ensemble

    monkeypatch.setattr(ensemble, "LOOP_MAX", loop_max)
    gate, grid = gate_and_grid(dict(mode=mode, hidden_nodes=3))
    one, two = run_ensemble(gate, 40), run_ensemble(grid, 40)
    assert np.array_equal(one.weights, two.weights)
    assert np.array_equal(one.final_loss, two.final_loss)


def test_the_rows_are_the_grids_with_x1_fastest():
    config = TrainConfig(function="x1*x2", grid=3)
    assert config.points[:4] == ((0.0, 0.0), (0.5, 0.0), (1.0, 0.0), (0.0, 0.5))
    assert kernel_rows(config.targets, config.points)[5] == (1.0, 0.5, 0.5)
    assert inputs_of(config).shape == (9, 3) and inputs_of(config)[:, 2].tolist() == [1.0] * 9


def plain_loss(weights, points, targets, hidden):
    """The summed squared loss of a network with sigmoid hidden nodes, by plain loops."""
    total = 0.0
    for (x1, x2), t in zip(points, targets, strict=True):
        yp = plain_forward(weights, x1, x2, hidden, "sigmoid")[-1]
        total += 0.5 * (yp - t) ** 2
    return total


def plain_forward(w, x1, x2, hidden, name):
    """(the hidden activations, their slopes, yp) with the weights in GateLab's flat order."""
    hs, ds = [], []
    for j in range(hidden):
        h, d = plain_activation(name, w[j] * x1 + w[hidden + j] * x2 + w[2 * hidden + j])
        hs.append(h)
        ds.append(d)
    v = sum(w[3 * hidden + j] * hs[j] for j in range(hidden)) + w[4 * hidden]
    return hs, ds, sigmoid(v)


@pytest.mark.parametrize("grid", [3, 7])
def test_a_batch_steps_loss_is_per_four_rows(grid):
    config = TrainConfig(function="bump", grid=grid, mode="batch", hidden_nodes=3, steps=1)
    trainer = Trainer(config)
    start = list(trainer.flat_weights())
    trainer.run()
    expected = plain_loss(start, config.points, config.targets, 3) * 4 / grid**2
    assert math.isclose(trainer.history.values()[0], expected, rel_tol=1e-12)


def test_an_online_steps_loss_is_per_four_rows_and_every_row_updates_with_alpha_itself():
    config = TrainConfig(function="ridge", grid=5, hidden_nodes=2, steps=1)
    trainer = Trainer(config)
    w = list(trainer.flat_weights())
    total = 0.0
    for (x1, x2), t in zip(config.points, config.targets, strict=True):
        hs, ds, yp = plain_forward(w, x1, x2, 2, "sigmoid")
        total += 0.5 * (yp - t) ** 2
        g = (yp - t) * yp * (1 - yp)
        e = [g * w[6 + j] * ds[j] for j in range(2)]
        for j in range(2):
            w[j] -= config.alpha * e[j] * x1
            w[2 + j] -= config.alpha * e[j] * x2
            w[4 + j] -= config.alpha * e[j]
            w[6 + j] -= config.alpha * g * hs[j]
        w[8] -= config.alpha * g
    trainer.run()
    assert math.isclose(trainer.history.values()[0], total * 4 / 25, rel_tol=1e-12)
    assert np.allclose(trainer.flat_weights(), w, rtol=1e-12, atol=1e-14)


def test_the_loss_scale_leaves_a_gate_alone():
    assert step.loss_scale(4) is None and step.scaled(0.3, 4) == 0.3
    assert step.loss_scale(441) == 4 / 441


@pytest.mark.parametrize("mode", ["online", "batch"])
def test_many_seeds_on_a_function_agree_with_single_runs(mode):
    config = TrainConfig(function="saddle", grid=4, mode=mode, hidden_nodes=3, steps=60, alpha=0.8)
    assert_each_network_follows_its_single_run(config, (0, 17, 39))


def assert_each_network_follows_its_single_run(config, networks):
    """40 networks from seed 5 (the traced arrays), each against its own single run to 1e-9
    (not bit for bit: NumPy's exp and the batch trainer's BLAS sums round their own way)."""
    result = Ensemble(config, 40, 5).run()
    for k in networks:
        single = Trainer(config.with_changes(seed=5 + k))
        single.run()
        assert np.allclose(result.weights[k], single.flat_weights(), rtol=1e-9, atol=1e-12)
        assert math.isclose(result.final_loss[k], single.final_loss(), rel_tol=1e-9)
        assert np.allclose(result.predictions[k], single.predictions(), rtol=1e-9)


def test_a_function_run_is_solved_when_every_sample_is_within_its_tolerance():
    trainer = Trainer(TrainConfig(function="and", grid=3, hidden_nodes=2, steps=1))
    targets = np.asarray(trainer.config.targets)
    assert trainer.predictions().shape == (9,)
    errors = np.abs(trainer.predictions() - targets)
    assert trainer.solved() == bool((errors <= 0.05).all())


LINED = [
    dict(),
    dict(hidden_nodes=0),
    dict(activation="relu", loss="cross-entropy", alpha=0.3),
    dict(activation="tanh", optimizer="adam", alpha=0.05),
    dict(optimizer="momentum", hidden_nodes=5, alpha=0.3),
]


@pytest.mark.parametrize("settings", LINED, ids=str)
@pytest.mark.parametrize("grid", [3, 21])
def test_many_seeds_in_batch_on_a_grid_agree_with_single_runs_line_by_line(settings, grid):
    """The batch step on a grid is traced a line of the grid at a time; every network still
    follows its own single run (the trainer sums with BLAS, so to 1e-9, not bit for bit)."""
    config = TrainConfig(**{"function": "bump", "grid": grid, "mode": "batch", "hidden_nodes": 3,
                            "steps": 40, "alpha": 0.8, **settings})
    assert_each_network_follows_its_single_run(config, (0, 23, 39))


def test_a_grids_batch_buffers_hold_one_line_of_it():
    config = TrainConfig(function="bump", grid=21, hidden_nodes=16)
    for kind in (step.BATCH, step.EVALUATE):
        program = step.array_program(kind, 16, "sigmoid", "squared", False, tuple(config.targets),
                                     step.SGD, config.points)
        shapes = {buffer.shape for buffer in program.allocate(7)}
        assert (21, 16, 7) in shapes and not any(441 in shape for shape in shapes)
    assert step.line_rows(config.points) == 21 and step.buffer_rows(ROWS) == 4
    assert step.line_rows(((0.0, 0.0), (1.0, 0.0), (0.0, 1.0))) == 3  # not lines of one length
    assert step.line_rows(((0.0, 0.0), (1.0, 0.0), (0.5, 1.0), (1.0, 1.0))) == 4  # x1 differs


def test_a_grids_batch_code_copies_the_output_weights_to_a_lines_shape_once_a_step():
    """NumPy broadcasting a weight over a line loops over one network row at a time; a copy
    of it, made once a step, is read by every line instead (Arrays.across_rows)."""
    config = TrainConfig(function="bump", grid=21, hidden_nodes=16)
    text = step.array_program(step.BATCH, 16, "sigmoid", "squared", False, tuple(config.targets),
                              step.SGD, config.points).text
    copies = re.findall(r"np\.copyto\((_b\d+), o\)", text)
    assert len(copies) == 1
    wide = copies[0]
    # each line reads the copy twice (the output sum, the hidden deltas), and o itself no more
    assert len(re.findall(rf"np\.multiply\([^)]*\b{wide}\b", text)) >= 2 * 21
    assert not re.search(r"np\.multiply\([^)]*\bo\b", text)
    gate = step.array_program(step.BATCH, 16, "sigmoid", "squared", False, (0.0, 1.0, 1.0, 0.0)).text
    assert not re.search(r"np\.copyto\(_b\d+, o\)", gate)  # a gate's rows are (H, W) already


def test_points_that_are_not_a_grid_train_as_one_line():
    """Lines need a grid (every line the same x1): other points are one line, whose batch step
    is still the step's definition (here against its matrix-product evaluation)."""
    points = ((0.0, 0.0), (1.0, 0.0), (0.5, 1.0), (1.0, 1.0), (0.2, 0.5), (0.9, 0.5))
    targets = (0.1, 0.9, 0.4, 0.6, 0.3, 0.7)
    assert step.line_rows(points) == len(points)
    program = step.array_program(step.BATCH, 3, "sigmoid", "squared", False, targets, step.SGD, points)
    params = np.random.default_rng(0).normal(size=(4 * 3 + 1, 5))
    expected = []
    for k in range(5):
        hidden, output = params[:9, k].reshape(3, 3), params[9:, k]
        x = np.column_stack([np.asarray(points), np.ones(len(points))])
        total, update, _ = step.batch_step(step.MATMUL, step.params_of(hidden, output), x,
                                           np.asarray(targets), 0.5, "sigmoid", "squared")
        after = update.after
        expected.append((total, np.concatenate([after.hidden.ravel(), after.output, np.ravel(after.bias)])))
    losses = np.empty((1, 5))
    program.run(params, program.allocate(5), losses, 1, 0.5)
    for k, (total, weights) in enumerate(expected):
        assert math.isclose(losses[0, k], total, rel_tol=1e-12)
        assert np.allclose(params[:, k], weights, rtol=1e-12, atol=1e-15)


@pytest.mark.parametrize("config", [
    TrainConfig(function="ripple", grid=9, mode="batch", hidden_nodes=16, steps=25, alpha=2.0),
    TrainConfig(gate="xor", mode="batch", hidden_nodes=16, steps=25, alpha=2.0),
    TrainConfig(function="ripple", grid=9, hidden_nodes=16, steps=5, alpha=2.0),
], ids=["grid batch", "gate batch", "grid online"])
def test_a_network_gives_the_same_floats_in_any_block_and_alone(config, monkeypatch):
    """NumPy sums a long axis of a single column pairwise, of several row after row: a lone
    network runs beside a copy of itself, so its floats do not depend on its company."""
    from core.training import ensemble

    monkeypatch.setattr(ensemble, "LOOP_MAX", 0)
    together = Ensemble(config, 6, 11).run()
    for width in (1, 2, 4):
        monkeypatch.setattr(ensemble, "BLOCK_ELEMENTS", 16 * width)
        monkeypatch.setattr(ensemble, "GRID_ELEMENTS", 16 * width * step.buffer_rows(config.points))
        monkeypatch.setattr(ensemble, "BLOCK_MIN", 1)
        apart = Ensemble(config, 6, 11).run()
        assert np.array_equal(apart.weights, together.weights), width
        assert np.array_equal(apart.final_loss, together.final_loss), width
    alone = Ensemble(config, 1, 15).run()
    assert np.array_equal(alone.weights[0], together.weights[4])


def test_networks_split_into_blocks_of_equal_sizes(monkeypatch):
    """1,024 networks on a 21 x 21 grid with 16 nodes fit 195 to a block: six blocks of 170 or
    171, not five of 195 and a narrow one of 49 that pays NumPy's per-call overhead."""
    from core.training import ensemble

    config = TrainConfig(function="bump", grid=21, mode="batch", hidden_nodes=16, steps=1)
    sizes = [block.size for block in Ensemble(config, 1024, 0)._blocks]
    assert sizes == [170, 171, 171, 170, 171, 171]
    monkeypatch.setattr(ensemble, "BLOCK_ELEMENTS", 16 * 4)
    gate = TrainConfig(hidden_nodes=16, mode="batch", steps=1)
    assert [block.size for block in Ensemble(gate, 10, 0)._blocks] == [3, 3, 4]
    indices = np.concatenate([block.index for block in Ensemble(config, 1000, 0)._blocks])
    assert np.array_equal(indices, np.arange(1000))


def test_arithmetic_and_comparisons_with_lines_apply_line_by_line_in_order():
    from core.model.tracing import Graph, Lines

    graph = Graph(2)
    node = graph.input("w", nodes=True)
    lines = Lines(graph, [1.5, 2.5])
    for result, op in ((node >= lines, "ge"), (node > lines, "gt"), (node - lines, "sub"),
                       (node / lines, "div")):
        assert isinstance(result, Lines)
        assert [(part.op, part.args, part.line) for part in result.parts] == [
            (op, (node, 1.5), 0), (op, (node, 2.5), 1)]
