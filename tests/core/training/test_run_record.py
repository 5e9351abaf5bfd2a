"""The run record: state_at(step) is bit for bit what the live run had, whatever happened."""

import random

import numpy as np
import pytest

from core.model.config import ACTIVATIONS, LOSSES, MODES, UPDATE_ORDERS, TrainConfig
from core.model.network import Weights
from core.training import run_record
from core.training.run_record import RunRecord, checkpoint_interval
from core.training.trainer import Trainer


def _random_config(rng: random.Random) -> TrainConfig:
    return TrainConfig(gate=rng.choice(["xor", "and", "or", "xnor"]),
                       hidden_nodes=rng.choice([0, 1, 2, 3, 5]), alpha=rng.choice([0.1, 0.5, 2.0, 8.0]),
                       steps=rng.randint(50, 9000),
                       seed=rng.randrange(10**6), mode=rng.choice(MODES),
                       activation=rng.choice(ACTIVATIONS), loss=rng.choice(LOSSES),
                       init=rng.choice(["uniform", "xavier"]), update_order=rng.choice(UPDATE_ORDERS),
                       target_loss=rng.choice([None, None, 0.2, 0.01]))


def _nudged(weights: Weights, rng: random.Random) -> Weights:
    flat = weights.flat() + np.array([rng.uniform(-0.5, 0.5) for _ in range(weights.flat().size)])
    return Weights.from_flat(flat, weights.hidden_nodes)


def _live_run(seed: int):
    """A run with random advances and mid-run changes; returns the trainer and, for each step
    it stopped at, the weights and alpha it had there (after any change made at that step)."""
    rng = random.Random(seed)
    trainer = Trainer(_random_config(rng))
    seen = {0: (trainer.weights, trainer.config.alpha)}
    for _ in range(rng.randint(5, 25)):
        if trainer.finished and rng.random() < 0.7:
            trainer.set_steps(trainer.config.steps + rng.randint(1, 3000))
            if trainer.outcome is not None:  # diverged or reached its target: the run is over
                break
        action = rng.random()
        if action < 0.55:
            trainer.advance(rng.randint(1, 4000))
        elif action < 0.7:
            trainer.set_alpha(rng.choice([0.05, 0.3, 1.0, 4.0]))
        elif action < 0.8:
            trainer.set_steps(max(trainer.step + 1, trainer.config.steps + rng.randint(-200, 2000)))
        elif action < 0.9:
            trainer.set_weights(_nudged(trainer.weights, rng))  # a hand edit
        elif not trainer.finished:
            trainer.record_step(_nudged(trainer.weights, rng), rng.uniform(0, 2))  # row by row
        seen[trainer.step] = (trainer.weights, trainer.config.alpha)
    return trainer, seen


@pytest.mark.parametrize("seed", range(50))
def test_state_at_replays_random_runs_exactly(seed):
    trainer, seen = _live_run(seed)
    for step, (weights, alpha) in seen.items():
        state = trainer.state_at(step)
        assert state.step == step
        assert state.weights.equals(weights), f"step {step}"
        assert state.config.alpha == alpha
    assert trainer.state_at(trainer.step).weights.equals(trainer.weights)


@pytest.mark.parametrize("mode", MODES)
def test_every_step_between_checkpoints_matches_a_one_step_at_a_time_run(mode):
    config = TrainConfig(hidden_nodes=3, steps=1, seed=3, mode=mode)
    config = config.with_changes(steps=3 * checkpoint_interval(config) + 17)
    live = Trainer(config)
    live.advance(config.steps)
    single = Trainer(config, recording=False)
    picks = set(random.Random(1).sample(range(config.steps + 1), 40))
    for step in range(config.steps + 1):
        if step in picks:
            assert live.state_at(step).weights.equals(single.weights)
        single.advance(1)  # one step per call: no chunking at all


def test_checkpoints_stay_small_and_thin_out_past_the_memory_bound(monkeypatch):
    config = TrainConfig(hidden_nodes=2, steps=10**5)
    record = RunRecord(config, Trainer(config).weights)
    assert record.checkpoint_count() == 1
    monkeypatch.setattr(run_record, "CHECKPOINT_BYTES_MAX", 20 * record.checkpoint_bytes())
    trainer = Trainer(config)
    trainer.advance(config.steps)
    assert trainer.record.checkpoint_bytes() <= run_record.CHECKPOINT_BYTES_MAX
    assert trainer.record.interval > checkpoint_interval(config)  # thinned at least once
    reference = Trainer(config)
    for step in (1, 4095, 50_000, 99_999):
        reference.advance(step - reference.step)
        assert trainer.state_at(step).weights.equals(reference.weights)


@pytest.mark.parametrize("seed", range(8))
def test_state_at_stays_exact_when_checkpoints_are_thinned(monkeypatch, seed):
    monkeypatch.setattr(run_record, "CHECKPOINT_BYTES_MAX", 1)  # every new checkpoint thins
    trainer, seen = _live_run(seed)
    assert trainer.record.interval > checkpoint_interval(trainer.config)  # it did thin
    for step, (weights, _) in seen.items():
        assert trainer.state_at(step).weights.equals(weights), f"step {step}"


def test_checkpoint_interval_shrinks_with_the_network():
    intervals = [checkpoint_interval(TrainConfig(hidden_nodes=h)) for h in (0, 2, 16, 64)]
    assert intervals == sorted(intervals, reverse=True)
    assert all(i & (i - 1) == 0 for i in intervals)  # powers of two
    assert checkpoint_interval(TrainConfig(mode="batch")) < intervals[-1] * 4


def test_a_restored_run_knows_only_its_steps_from_the_restore_on():
    config = TrainConfig(steps=500)
    first = Trainer(config)
    first.advance(300)
    restored = Trainer(config, first.weights, first.step, first.history.values())
    restored.advance(200)
    first.advance(200)
    assert restored.state_at(450).weights.equals(first.state_at(450).weights)
    with pytest.raises(ValueError):
        restored.state_at(299)
    with pytest.raises(ValueError):
        restored.state_at(501)


def test_state_at_gives_the_settings_of_that_moment():
    trainer = Trainer(TrainConfig(steps=1000, alpha=0.5))
    trainer.advance(400)
    trainer.set_alpha(2.0)
    trainer.set_steps(1500)
    trainer.advance(1500)
    assert trainer.state_at(399).config.alpha == 0.5 and trainer.state_at(399).config.steps == 1000
    assert trainer.state_at(400).config.alpha == 2.0 and trainer.state_at(400).config.steps == 1500


def test_a_fork_continues_exactly_from_the_past_step_and_leaves_the_run_alone():
    run = Trainer(TrainConfig(steps=6000, seed=8))
    run.advance(2000)
    run.set_alpha(1.5)
    run.advance(2000)
    before = run.weights.flat().copy()
    branch = run.fork(1200)
    assert branch.step == 1200 and branch.config.alpha == 0.5
    assert branch.weights.equals(run.state_at(1200).weights)
    np.testing.assert_array_equal(branch.history.values(), run.history.values()[:1200])
    assert branch.branched_from == (run.run_id, 1200)
    # Its past reaches back to step 0, and it trains on as the run did without the alpha change.
    assert branch.state_at(300).weights.equals(run.state_at(300).weights)
    branch.advance(2800)
    straight = Trainer(TrainConfig(steps=6000, seed=8))
    straight.advance(4000)
    assert branch.weights.equals(straight.weights)
    np.testing.assert_array_equal(run.weights.flat(), before)  # the original is untouched
    assert run.step == 4000


def test_a_fork_with_a_new_alpha_records_it_at_the_fork_step():
    run = Trainer(TrainConfig(steps=3000, seed=8))
    run.advance(2500)
    branch = run.fork(1000, alpha=2.0)
    assert branch.config.alpha == 2.0 and branch.state_at(1000).config.alpha == 2.0
    assert branch.state_at(999).config.alpha == 0.5
    branch.advance(100)
    by_hand = Trainer(TrainConfig(steps=3000, seed=8, alpha=2.0), run.state_at(1000).weights, 1000)
    by_hand.advance(50)
    assert branch.state_at(1050).weights.equals(by_hand.weights)
    assert not branch.state_at(1050).weights.equals(run.state_at(1050).weights)


def test_a_fork_is_judged_and_stopped_as_its_run_is_now():
    """The tolerance and target loss are not logged, so a past step's settings have the first
    ones: a branch takes the run's current ones, as the past step's view does."""
    run = Trainer(TrainConfig(function="ridge", grid=5, hidden_nodes=4, steps=300))
    run.advance(100)
    run.set_tolerance(0.2)
    run.set_target_loss(1e-5)
    branch = run.fork(50)
    assert (branch.config.tolerance, branch.config.target_loss) == (0.2, 1e-5)
    assert branch.config.with_changes(tolerance=None, target_loss=None) == \
        run.state_at(50).config.with_changes(tolerance=None, target_loss=None)
    gate = Trainer(TrainConfig(steps=300))
    gate.advance(100)
    gate.set_target_loss(0.01)
    assert gate.fork(50).config.target_loss == 0.01 and gate.fork(50).config.tolerance is None


def test_a_fork_at_a_row_step_keeps_it_only_once_completed():
    run = Trainer(TrainConfig(steps=100, seed=2))
    run.advance(10)
    nudged = Weights(run.weights.hidden, run.weights.output + 0.01)
    run.record_step(nudged, 0.3)  # step 11, done row by row
    run.advance(5)
    assert len(run.fork(10).record.changes) == 0
    eleven = run.fork(11)
    assert len(eleven.record.changes) == 1 and eleven.weights.equals(nudged)


def test_a_record_that_does_not_replay_is_a_value_error_not_a_crash():
    run = Trainer(TrainConfig(steps=5000, seed=3))
    run.advance(30)
    record = run.record
    record._weights[0] = np.full_like(record._weights[0], np.nan)  # a damaged checkpoint
    with pytest.raises(ValueError, match="does not replay"):
        record.state_at(run.step)


@pytest.mark.parametrize("optimizer", ["momentum", "adam"])
def test_a_hand_edit_after_a_math_panel_row_keeps_the_rows_optimizer_state_in_the_record(optimizer):
    """A row of the math panel that ends no step is logged as a weight edit with the optimizer's
    state; a hand edit at the same step replaced it, and lost that state from the record."""
    from core.teaching.row_math import RowStepper
    from core.training.trainer import Trainer

    run = Trainer(TrainConfig(steps=100, seed=2, optimizer=optimizer))
    run.advance(40)
    stepper = RowStepper(run.config, run.weights, run.step, run.optimizer_state())
    row = next(stepper.updates())  # the first row's update: no step completed
    assert not row.step_completed
    run.set_weights(row.weights, row.optimizer_state)
    edited = run.weights.flat().copy()
    edited[0] += 0.25
    run.set_weights(type(run.weights).from_flat(edited, 2))  # a hand edit, the state kept
    run.advance(20)
    past = run.state_at(run.step)
    assert past.weights.equals(run.weights) and past.optimizer_state == run.optimizer_state()
