"""Every diagnosis kind, on runs built to be that kind, and the many-seeds grouping."""

import numpy as np
import pytest

from core.model.config import TrainConfig
from core.model.network import Weights
from core.training.ensemble import run_ensemble
from core.training.history import trend_window
from core.training.trainer import Trainer
from core.views import diagnosis as dg
from core.views.snapshot import make_snapshot


def trained(**settings) -> Trainer:
    trainer = Trainer(TrainConfig(**settings))
    trainer.run()
    return trainer


def kind_of(trainer: Trainer) -> dg.Diagnosis:
    return dg.diagnose_run(trainer.config, trainer.weights, trainer.history.values(),
                           trainer.outcome.reason if trainer.outcome else None)


def test_a_solved_run_says_how_clearly_by_its_worst_row():
    barely = kind_of(trained(steps=2000, seed=0))  # (1, 1) ends at 0.43 for target 0
    assert barely.kind == "solved" and barely.facts["how"] == "barely"
    assert barely.facts["row"] == "(1, 1)" and barely.facts["margin"] == pytest.approx(0.07, abs=0.01)
    assert "barely" in barely.message and "0.43" in barely.message
    clearly = kind_of(trained(steps=20000, seed=6))
    assert clearly.kind == "solved" and clearly.facts["how"] == "clearly"


def test_the_2_layer_model_on_xor_and_xnor_is_not_separable_and_on_and_is_solved():
    for gate in ("XOR", "XNOR"):
        result = kind_of(trained(gate=gate, hidden_nodes=0, steps=2000))
        assert result.kind == "not_separable" and "no straight line" in result.message
    assert kind_of(trained(gate="AND", hidden_nodes=0, steps=2000)).kind == "solved"
    assert dg.not_separable([0, 1, 1, 0]) and dg.not_separable([1, 0, 0, 1])
    assert not dg.not_separable([0, 0, 0, 1]) and not dg.not_separable([0, 1, 1, 1])


def test_a_run_whose_loss_still_falls_is_still_learning_and_more_steps_solve_it():
    seed6 = trained(steps=2000, seed=6)
    result = kind_of(seed6)
    assert result.kind == "still_learning" and result.facts["fall"] > dg.STILL_FALLING
    assert kind_of(trained(steps=20000, seed=6)).kind == "solved"  # as it said


@pytest.mark.parametrize("seed", [2, 13])
def test_a_flat_unsolved_run_is_stuck_with_its_rows_near_half(seed):
    result = kind_of(trained(steps=20000, seed=seed))
    assert result.kind == "stuck" and abs(result.facts["fall"]) < dg.STILL_FALLING
    assert result.facts["near_half"] and result.facts["wrong"]
    assert "local minimum" in result.message


def test_alpha_far_too_large_saturates_the_output():
    result = kind_of(trained(alpha=100, steps=2000))
    assert result.kind == "saturated" and result.facts["output"] and "Xavier" in result.message


def test_most_hidden_nodes_pinned_is_saturated():
    # Four nodes with huge weights: each is 0 or 1 on every row, its slope ~0.
    hidden = np.array([[40.0, -40.0, 40.0, -40.0], [40.0, 40.0, -40.0, -40.0], [-60, 60, -60, 60]])
    weights = Weights(hidden, np.array([0.1, -0.1, 0.1, -0.1, 0.0]))
    config = TrainConfig(hidden_nodes=4)
    result = dg.diagnose(config, weights, 2000, (0.5, 0.5))
    assert result.kind == "saturated" and not result.facts["output"]
    assert result.facts["hidden"] == [1, 2, 3, 4] and "4 of 4 hidden nodes" in result.message


def test_a_diverged_run_and_non_finite_weights_are_diverged():
    weights = Weights(np.full((3, 2), np.inf), np.zeros(3))
    assert dg.diagnose(TrainConfig(), weights, 10, None).kind == "diverged"
    assert dg.diagnose(TrainConfig(), Weights(np.zeros((3, 2)), np.zeros(3)), 300, (1, 1),
                       "diverged").kind == "diverged"
    assert dg.diagnose(TrainConfig(), Weights(np.zeros((3, 2)), np.zeros(3)), 300, (1, 1),
                       last_loss=float("nan")).kind == "diverged"


def test_too_few_steps_are_too_early_to_tell():
    result = kind_of(trained(steps=50, seed=1))
    assert result.kind == "too_early" and result.facts["steps"] == 50


def test_two_hidden_nodes_drawing_the_same_line_are_named():
    hidden = np.array([[1.0, 2.0], [1.0, 2.0], [-0.5, -1.0]])  # node 2 = 2 x node 1
    weights = Weights(hidden, np.array([0.2, 0.1, 0.0]))
    result = dg.diagnose(TrainConfig(), weights, 2000, (0.5, 0.5))
    assert result.kind == "stuck" and result.facts["same_lines"] == [[1, 2]]
    assert "Hidden nodes 1 and 2 draw nearly the same line" in result.message


def test_without_a_trend_the_gradient_decides():
    weights = trained(steps=2000, seed=6).weights
    assert dg.diagnose(TrainConfig(), weights, 2000, None).kind == "still_learning"
    flat = trained(steps=20000, seed=2).weights
    assert dg.diagnose(TrainConfig(), flat, 20000, None).kind == "stuck"


def test_the_trend_windows_are_a_tenth_of_the_run_within_bounds():
    assert trend_window(0) == 0 and trend_window(100) == 50 and trend_window(2000) == 200
    assert trend_window(10**7) == 5000


def test_a_snapshot_carries_the_diagnosis_at_its_own_step():
    run = trained(steps=20000, seed=6)
    now = make_snapshot(run.config, run.weights, run.step, run.history)
    assert now.diagnosis.kind == "solved"
    past = run.state_at(2000)  # the loss still falling then, as seen from that step
    snapshot = make_snapshot(past.config, past.weights, 2000, run.history, live_step=run.step)
    assert snapshot.diagnosis.kind == "still_learning"
    assert snapshot.diagnosis == kind_of(trained(steps=2000, seed=6))


def test_many_seeds_group_their_failed_seeds_as_single_runs_would():
    config = TrainConfig(steps=2000)
    result = run_ensemble(config, 30)
    kinds = dg.failure_kinds(result)
    assert sum(kinds.values()) == int((~result.solved).sum()) > 0
    expected = {}
    for k in np.flatnonzero(~result.solved):
        kind = kind_of(trained(steps=2000, seed=int(result.seeds[k]))).kind
        expected[kind] = expected.get(kind, 0) + 1
    assert kinds == expected
    assert list(kinds.values()) == sorted(kinds.values(), reverse=True)


def test_a_cancelled_many_seeds_run_has_no_trend():
    calls = []
    result = run_ensemble(TrainConfig(steps=100_000), 4,
                          should_stop=lambda: calls.append(1) or len(calls) > 2)
    assert result.cancelled and np.isnan(result.trend).all()
    assert sum(dg.failure_kinds(result).values()) == int((~result.solved).sum())


# -- review fixes ------------------------------------------------------------------------
def test_one_hidden_node_cannot_split_xor_either():
    result = kind_of(trained(hidden_nodes=1, steps=2000))
    assert result.kind == "not_separable" and result.message.startswith("With one hidden node")


def test_a_past_step_of_a_diverged_run_is_diagnosed_as_it_was():
    from core.training.states import DIVERGED

    run = trained(steps=2000, seed=6)
    past = run.state_at(1000)
    snapshot = make_snapshot(past.config, past.weights, 1000, run.history, state=DIVERGED,
                             live_step=2000)
    assert snapshot.diagnosis.kind != "diverged"
    now = make_snapshot(run.config, run.weights, 2000, run.history, state=DIVERGED)
    assert now.diagnosis.kind == "diverged"


def test_with_cross_entropy_a_pinned_output_is_not_called_saturated():
    weights = Weights(np.array([[0.1, 0.2], [0.3, 0.1], [0.0, 0.0]]), np.array([0.0, 0.0, -40.0]))
    squared = dg.diagnose(TrainConfig(), weights, 2000, (0.5, 0.5))
    assert squared.kind == "saturated" and squared.facts["output"]
    entropy = dg.diagnose(TrainConfig(loss="cross-entropy"), weights, 2000, (0.5, 0.5))
    assert entropy.kind != "saturated"


@pytest.mark.parametrize("activation, words", [("tanh", "-1 or 1"), ("relu", "switched off")])
def test_pinned_hidden_nodes_are_worded_for_their_activation(activation, words):
    hidden = np.array([[-40.0] * 4, [-40.0] * 4, [-60.0] * 4])  # every input sum far below 0
    weights = Weights(hidden, np.array([0.1, -0.1, 0.1, -0.1, 0.0]))
    result = dg.diagnose(TrainConfig(hidden_nodes=4, activation=activation), weights, 2000, (0.5, 0.5))
    assert result.kind == "saturated" and words in result.message


def test_weights_too_large_for_the_gradient_are_diverged_without_warnings():
    """A file may hold weights up to 1e300: the gradient overflowed with RuntimeWarnings."""
    weights = Weights(np.full((3, 2), 1e300), np.full(3, 1e300))
    config = TrainConfig(activation="relu", loss="cross-entropy")  # nothing pinned: the gradient
    result = dg.diagnose(config, weights, 2000, (0.5, 0.5))
    assert result.kind == "diverged" and "inf" not in result.message


def test_custom_targets_are_solved_by_being_near_them():
    """A target of 0.5 always read "solved barely": the side of 0.5 is not what counts."""
    run = trained(gate="custom", targets=(0.2, 0.8, 0.8, 0.2), steps=20000, seed=6)
    result = kind_of(run)
    assert result.kind == "solved" and result.facts["how"] == "within"
    assert "near its target" in result.message


def test_diagnosing_many_seeds_stops_when_asked():
    result = run_ensemble(TrainConfig(steps=200), 600)
    calls = []
    stopped = dg.with_kinds(result, should_stop=lambda: calls.append(1) or len(calls) > 1)
    assert stopped.kinds is None and dg.with_kinds(result).kinds is not None


def test_huge_finite_losses_give_a_trend_without_a_warning():
    """5,000 losses of 1e308 (a crafted file) made NumPy warn of an overflow in the mean."""
    import warnings

    from core.views.diagnosis import trend_of

    with warnings.catch_warnings():
        warnings.simplefilter("error")
        older, newer = trend_of(np.full(5000, 1e308))
    assert older == newer == float("inf")
