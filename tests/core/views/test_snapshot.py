"""Snapshots: immutable copies of what the views draw, computed by the core."""

import dataclasses

import numpy as np
import pytest

from core.model import network
from core.model.config import TrainConfig
from core.model.network import Weights
from core.training.states import TRAINING
from core.training.trainer import Trainer
from core.views.snapshot import GRID_SIZE, make_snapshot


@pytest.fixture
def run():
    trainer = Trainer(TrainConfig(gate="and", hidden_nodes=2, steps=1500, seed=1))
    trainer.run()
    return trainer


def snapshot_arrays(snapshot):
    return {
        "weights.hidden": snapshot.weights.hidden,
        "weights.output": snapshot.weights.output, "targets": snapshot.targets,
        "predictions": snapshot.predictions, "grid_axis": snapshot.grid_axis, "grid": snapshot.grid,
    }


def test_snapshot_arrays_are_read_only(run):
    snapshot = make_snapshot(run.config, run.weights, run.step, run.history)
    for name, array in snapshot_arrays(snapshot).items():
        assert not array.flags.writeable, name
        with pytest.raises(ValueError):
            array[...] = 0.0
    with pytest.raises(dataclasses.FrozenInstanceError):
        snapshot.step = 0  # type: ignore[misc]


def test_snapshot_arrays_are_copies(run):
    weights = Weights(run.weights.hidden.copy(), run.weights.output.copy())
    losses = np.array(run.history.values())
    snapshot = make_snapshot(run.config, weights, run.step, losses)
    for name, array in snapshot_arrays(snapshot).items():
        for source in (weights.hidden, weights.output, losses):
            assert not np.shares_memory(array, source), name
    expected = (weights.hidden.copy(), weights.output.copy(), losses.copy())
    weights.hidden[:] = 7.0
    weights.output[:] = 7.0
    losses[:] = 7.0
    np.testing.assert_array_equal(snapshot.weights.hidden, expected[0])
    np.testing.assert_array_equal(snapshot.weights.output, expected[1])
    np.testing.assert_array_equal(snapshot.losses.values(), expected[2])


def test_snapshot_does_not_share_the_trainers_state(run):
    snapshot = make_snapshot(run.config, run.weights, run.step, run.history, run=run.run_id)
    assert not np.shares_memory(snapshot.losses.values(), run.history.values())
    before, losses_before = run.weights, run.history.values().copy()
    run.set_steps(1600)
    run.run()  # training on does not move what was already sent
    np.testing.assert_array_equal(snapshot.weights.flat(), before.flat())
    assert snapshot.step == 1500 and len(snapshot.losses) == 1500
    np.testing.assert_array_equal(snapshot.losses.values(), losses_before)  # not the 100 added
    assert snapshot.run == run.run_id and snapshot.config == run.config.with_changes(steps=1500)


def test_snapshot_grid_predictions_and_loss_come_from_the_network(run):
    snapshot = make_snapshot(run.config, run.weights, run.step, grid_size=9)
    axis, grid = network.output_grid(run.weights, run.config.activation, 9)
    np.testing.assert_array_equal(snapshot.grid_axis, axis)
    np.testing.assert_array_equal(snapshot.grid, grid)
    assert snapshot.grid.shape == (9, 9)
    np.testing.assert_array_equal(snapshot.predictions, run.predictions())
    np.testing.assert_array_equal(snapshot.targets, [0.0, 0.0, 0.0, 1.0])
    assert snapshot.loss == run.final_loss()
    corners = [snapshot.grid[0, 0], snapshot.grid[-1, 0], snapshot.grid[0, -1], snapshot.grid[-1, -1]]
    np.testing.assert_allclose(corners, snapshot.predictions, rtol=1e-14)
    assert snapshot.hidden_nodes == 2
    assert snapshot.total_steps == 1500
    assert snapshot.activation == "sigmoid"


def test_snapshot_default_grid_size():
    config = TrainConfig()
    snapshot = make_snapshot(config, Trainer(config).weights, 0)
    assert snapshot.grid.shape == (GRID_SIZE, GRID_SIZE) and snapshot.grid_axis.shape == (GRID_SIZE,)


def test_snapshot_solved_flag(run):
    assert make_snapshot(run.config, run.weights, run.step).solved
    assert run.solved()
    # The untrained start predicts ~1 everywhere for AND: not solved.
    start = make_snapshot(run.config, run.initial_weights, 0)
    assert not start.solved
    assert np.all(start.predictions > 0.5)


def test_the_loss_record_reads_any_part_across_chunks_while_the_run_appends():
    from core.training.history import LossHistory

    history = LossHistory(dtype=np.float32)
    history.CHUNK = 8  # small chunks, so parts cross chunk borders
    history.extend(np.arange(20))
    record = make_snapshot(TrainConfig(), Trainer(TrainConfig()).weights, 20, history).losses
    history.extend(np.arange(20, 30))  # the run goes on
    assert len(record) == 20
    np.testing.assert_array_equal(record.values(), np.arange(20))
    np.testing.assert_array_equal(record.values(5, 17), np.arange(5, 17))
    np.testing.assert_array_equal(record.values(18, 99), [18, 19])
    assert record.values(7, 7).size == 0


def test_snapshot_carries_state_message_and_rate():
    config = TrainConfig(activation="tanh")
    snapshot = make_snapshot(config, Trainer(config).weights, 5, [0.5] * 5, state=TRAINING,
                             message="going", steps_per_second=1234.5, run=7)
    assert (snapshot.state, snapshot.message, snapshot.steps_per_second, snapshot.run) == (
        TRAINING, "going", 1234.5, 7)
    assert snapshot.activation == "tanh"
    np.testing.assert_array_equal(snapshot.grid, network.output_grid(snapshot.weights, "tanh")[1])


@pytest.mark.parametrize(("state", "finite", "editable"), [
    ("idle", True, True), ("paused", True, True), ("finished", True, True), ("stopped", True, True),
    ("training", True, False), ("failed", True, False),
    ("diverged", True, True),  # its last finite state: an edit branches off there
    ("diverged", False, False),
])
def test_the_weights_shown_are_editable_at_rest_or_where_finite_after_a_divergence(state, finite, editable):
    config = TrainConfig()
    weights = Weights(np.full((3, 2), 0.5 if finite else np.nan), np.full(3, 0.5))
    assert make_snapshot(config, weights, 3, state=state).weights_editable is editable
