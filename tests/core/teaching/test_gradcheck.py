"""core.teaching.gradcheck: the verdict on backprop, its noise and kink handling, and the every-N schedule."""

import itertools
import math

import numpy as np
import pytest
from weight_samples import random_weights

from core.model import network
from core.model import step as step_definition
from core.model.config import TrainConfig
from core.model.gates import GATES
from core.model.network import Weights
from core.teaching import gradcheck
from core.training.trainer import Trainer, initial_weights

XOR = GATES["xor"]


def trained(**changes) -> TrainConfig:
    config = TrainConfig(seed=1, **changes)
    trainer = Trainer(config)
    trainer.run()
    return trainer


# -- classification ---------------------------------------------------------------

@pytest.mark.parametrize("error, level", [
    (0.0, gradcheck.OK), (9.9e-6, gradcheck.OK), (1e-5, gradcheck.WARNING), (1e-4, gradcheck.WARNING),
    (1e-3, gradcheck.WARNING), (1.01e-3, gradcheck.BAD), (0.5, gradcheck.BAD),
    (math.inf, gradcheck.BAD), (math.nan, gradcheck.BAD),
])
def test_classify_uses_the_thresholds(error, level):
    assert gradcheck.classify(error) == level


def test_thresholds_are_ordered():
    assert 0 < gradcheck.GREEN_BELOW < gradcheck.RED_ABOVE < 1


# -- correct backprop is green -------------------------------------------------------

@pytest.mark.parametrize("activation, loss, hidden_nodes", [
    (a, lo, h) for a, lo, h in itertools.product(("sigmoid", "tanh", "relu"), ("squared", "cross-entropy"),
                                                 (0, 1, 2, 5, 16))
    if h or a == "sigmoid"])
def test_correct_backprop_is_green_at_random_weights(activation, loss, hidden_nodes):
    for seed in range(3):
        result = gradcheck.check(random_weights(hidden_nodes, seed), XOR, activation, loss)
        assert result.level == gradcheck.OK, result
        assert result.error < gradcheck.GREEN_BELOW
        assert result.checked == random_weights(hidden_nodes, seed).flat().size
        assert result.skipped == 0


@pytest.mark.parametrize("changes", [
    {}, {"hidden_nodes": 8}, {"activation": "tanh"}, {"loss": "cross-entropy"},
    {"activation": "relu", "hidden_nodes": 8, "loss": "cross-entropy"}, {"hidden_nodes": 0, "gate": "and"},
])
def test_correct_backprop_is_green_after_training(changes):
    trainer = trained(**changes)
    c = trainer.config
    result = gradcheck.check(trainer.weights, c.targets, c.activation, c.loss)
    assert result.level == gradcheck.OK, result


def test_the_error_is_the_relative_error_formula_of_core_network():
    analytic = np.array([1.0, -2.0, 1e-12, 0.0])
    numeric = np.array([1.1, -2.0, 0.0, 1e-9])
    floor = 1e-6
    expected = max(0.1 / 1.1, 0.0, 1e-12 / floor, 1e-9 / floor)
    assert gradcheck.relative_error(analytic, numeric, floor) == pytest.approx(expected)


def test_far_from_the_noise_floor_it_matches_core_network_gradient_check():
    weights = random_weights(2, 7)
    ours = gradcheck.check(weights, XOR, "sigmoid", "squared").error
    theirs = network.gradient_check(weights, XOR, "sigmoid", "squared")
    assert ours < 1e-7 and theirs < 1e-7


# -- broken backprop is red ----------------------------------------------------------

@pytest.mark.parametrize("loss", ["squared", "cross-entropy"])
@pytest.mark.parametrize("hidden_nodes", [0, 2, 8])
def test_a_wrong_output_delta_is_red(monkeypatch, loss, hidden_nodes):
    correct = step_definition.output_delta
    monkeypatch.setattr(step_definition, "output_delta",
                        lambda f, yp, t, loss_name: 1.01 * correct(f, yp, t, loss_name))
    result = gradcheck.check(random_weights(hidden_nodes, 1), XOR, "sigmoid", loss)
    assert result.level == gradcheck.BAD and result.error > gradcheck.RED_ABOVE


def test_a_wrong_hidden_slope_is_red(monkeypatch):
    correct = step_definition.activate

    def slope_of_one(f, name, u):
        h, _ = correct(f, name, u)
        return h, np.ones_like(h)

    monkeypatch.setattr(step_definition, "activate", slope_of_one)
    assert gradcheck.check(random_weights(2, 3), XOR, "sigmoid", "squared").level == gradcheck.BAD


def test_wrong_gradients_are_red(monkeypatch):
    correct = network.gradients

    def off_by_a_bit(weights, x, targets, activation, loss):
        g = correct(weights, x, targets, activation, loss)
        return Weights(g.hidden * 1.01, g.output)

    monkeypatch.setattr(network, "gradients", off_by_a_bit)
    assert gradcheck.check(random_weights(2, 4), XOR, "tanh", "squared").level == gradcheck.BAD


# -- where finite differences cannot judge -----------------------------------------

def test_a_saturated_network_is_inconclusive_not_red():
    # The article's uniform start with 64 hidden nodes: v ~ 25 on every row, gradients ~ 1e-10.
    config = TrainConfig(hidden_nodes=64, seed=0)
    result = gradcheck.check(initial_weights(config), XOR, "sigmoid", "squared")
    assert result.level == gradcheck.INCONCLUSIVE
    assert result.largest_gradient < result.resolution
    assert result.error < gradcheck.GREEN_BELOW


def test_a_gross_error_is_red_even_when_saturated(monkeypatch):
    correct = network.gradients

    def way_off(weights, x, targets, activation, loss):
        g = correct(weights, x, targets, activation, loss)
        return Weights(g.hidden + 1.0, g.output)

    monkeypatch.setattr(network, "gradients", way_off)
    config = TrainConfig(hidden_nodes=64, seed=0)
    assert gradcheck.check(initial_weights(config), XOR, "sigmoid", "squared").level == gradcheck.BAD


def test_weights_at_relus_kink_are_skipped():
    # Node 1's bias is 0, so its sum on row (0, 0) is exactly at the kink.
    hidden = np.array([[1.0, 2.0], [-1.5, 1.0], [0.3, 0.0]])
    weights = Weights(hidden, np.array([1.0, -2.0, 0.5]))
    mask = Weights.from_flat(gradcheck.kink_mask(weights, "relu"), 2)
    assert mask.hidden[:, 1].all() and not mask.hidden[:, 0].any()
    assert not mask.output.any()
    assert network.gradient_check(weights, XOR, "relu", "squared") > gradcheck.RED_ABOVE  # why: the kink
    result = gradcheck.check(weights, XOR, "relu", "squared")
    assert result.skipped == 3 and result.checked == 6
    assert result.level == gradcheck.OK


def test_no_kinks_without_relu():
    weights = Weights(np.zeros((3, 2)), np.ones(3))
    assert not gradcheck.kink_mask(weights, "sigmoid").any()
    assert not gradcheck.kink_mask(Weights(np.zeros((3, 0)), np.ones(3)), "relu").any()


def test_rounding_floor_grows_as_the_step_shrinks():
    weights = random_weights(2, 0)
    coarse = gradcheck.rounding_floor(weights, XOR, "sigmoid", "squared", eps=1e-4)
    fine = gradcheck.rounding_floor(weights, XOR, "sigmoid", "squared", eps=1e-6)
    assert fine == pytest.approx(100 * coarse)
    assert 0 < coarse < 1e-9


def test_non_finite_weights_are_refused():
    weights = Weights(np.full((3, 2), np.nan), np.ones(3))
    with pytest.raises(ValueError, match="not finite"):
        gradcheck.check(weights, XOR, "sigmoid", "squared")


# -- formatting ----------------------------------------------------------------------

@pytest.mark.parametrize("value, text", [
    (1.234e-8, "1.2 × 10⁻⁸"), (1e-5, "10⁻⁵"), (0.5, "5.0 × 10⁻¹"), (12.0, "1.2 × 10¹"),
    (3.0, "3.0 × 10⁰"), (0.0, "0"), (math.nan, "–"), (math.inf, "∞"), (9.96e-6, "10⁻⁵"),
])
def test_format_error(value, text):
    assert gradcheck.format_error(value) == text


# -- the schedule ------------------------------------------------------------------

def run_schedule(schedule, steps, cost=0.0, tick=1.0):
    ran, now = [], 0.0
    for step in steps:
        now += tick
        if schedule.due(step, now):
            ran.append(step)
            schedule.record(step, now, cost)
    return ran


def test_schedule_runs_once_per_block_of_n_steps():
    assert run_schedule(gradcheck.CheckSchedule(500), [0, 250, 500, 750, 1000]) == [0, 500, 1000]


def test_schedule_catches_a_multiple_passed_between_snapshots():
    steps = [256, 512, 768, 1024, 1280, 1536]  # the worker's chunks of 256 steps
    assert run_schedule(gradcheck.CheckSchedule(500), steps) == [256, 512, 1024, 1536]


def test_schedule_does_not_repeat_a_paused_step():
    assert run_schedule(gradcheck.CheckSchedule(500), [500, 500, 500]) == [500]


def test_schedule_runs_again_after_a_reset_or_a_new_run():
    schedule = gradcheck.CheckSchedule(500)
    assert run_schedule(schedule, [0, 100]) == [0]
    assert run_schedule(schedule, [0]) == []
    schedule.reset()
    assert run_schedule(schedule, [0]) == [0]
    assert run_schedule(schedule, [1200, 0]) == [1200, 0]  # the step went back: a new run


def test_schedule_keeps_a_slow_check_to_a_tenth_of_the_time():
    schedule = gradcheck.CheckSchedule(1, max_share=0.1)
    # Each check costs 0.5 s and snapshots come every second: at most one check per 5 s.
    assert run_schedule(schedule, range(20), cost=0.5, tick=1.0) == [0, 5, 10, 15]


def test_set_every_changes_the_blocks():
    schedule = gradcheck.CheckSchedule(500)
    assert run_schedule(schedule, [0, 100]) == [0]
    schedule.set_every(100)
    assert run_schedule(schedule, [150, 199, 200]) == [150, 200]
