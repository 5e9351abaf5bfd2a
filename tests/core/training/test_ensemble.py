"""Many seeds at once: the ensemble equals K single Trainer runs, and summarises them honestly."""

import numpy as np
import pytest

import core.training.ensemble as ensemble_module
from core.model.config import SEED_MAX, ConfigError, TrainConfig
from core.model.gates import is_solved
from core.model.network import Weights
from core.training.ensemble import (
    Ensemble,
    check_seeds,
    draw_initial_params,
    run_ensemble,
    solved_flags,
    summarize,
    wilson_interval,
)
from core.training.trainer import Trainer, initial_weights

COUNT = 40
# Float64 results differ from the single trainer's Python floats only where NumPy's SIMD exp or
# tanh rounds differently (an ulp); rtol 1e-9 allows that, atol only covers weights that shrink
# to ~1e-13 (where an ulp of the original scale is a large fraction of what remains).
RTOL, ATOL = 1e-9, 1e-12


def single_runs(config, seeds=None, params=None):
    """The reference: one Trainer per seed (or per given start weights)."""
    trainers = []
    for k in range(COUNT if seeds is None else len(seeds)):
        seed = k if seeds is None else int(seeds[k])
        start = None if params is None else Weights.from_flat(params[:, k], config.hidden_nodes)
        trainer = Trainer(config.with_changes(seed=seed), weights=start)
        trainer.run()
        trainers.append(trainer)
    return trainers


def curve_from(trainers, result):
    """The quantile curve computed from the single runs' full histories."""
    histories = [t.history.values() for t in trainers]
    columns = []
    for step in result.curve_steps:
        values = np.array([h[step - 1] for h in histories if len(h) >= step])
        columns.append(np.quantile(values, result.quantiles))
    return np.array(columns).T


def assert_same_as_single_runs(result, trainers):
    assert result.count == len(trainers)
    for k, trainer in enumerate(trainers):
        np.testing.assert_allclose(result.weights[k], trainer.weights.flat(), rtol=RTOL, atol=ATOL,
                                   err_msg=f"network {k}")
        assert result.solved[k] == trainer.solved(), k
        assert result.steps_run[k] == trainer.step, k
        assert result.outcome_of(k) == trainer.outcome.reason, k
        np.testing.assert_allclose(result.predictions[k], trainer.predictions(), rtol=RTOL, atol=ATOL)
        np.testing.assert_allclose(result.final_loss[k], trainer.final_loss(), rtol=RTOL, atol=ATOL)
    assert result.curve.shape == (3, len(result.curve_steps))
    np.testing.assert_allclose(result.curve, curve_from(trainers, result), rtol=RTOL, atol=ATOL)


EQUIVALENCE_CASES = [
    dict(mode="online", update_order="textbook"),
    dict(mode="online", update_order="article"),
    dict(mode="batch", update_order="textbook"),
    dict(mode="batch", update_order="article", hidden_nodes=3),
    dict(mode="online", hidden_nodes=0),
    dict(mode="batch", hidden_nodes=0, loss="cross-entropy", gate="and"),
    dict(mode="online", update_order="article", hidden_nodes=3, activation="tanh", loss="cross-entropy"),
    dict(mode="online", hidden_nodes=3, activation="relu", init="xavier", steps=150),
    dict(mode="batch", hidden_nodes=3, activation="relu", init="xavier"),
    dict(mode="online", gate="custom", targets=(0.2, 0.5, 1.0, 0.7), loss="cross-entropy", alpha=0.9),
]


@pytest.mark.parametrize("changes", EQUIVALENCE_CASES, ids=lambda c: "-".join(map(str, c.values())))
def test_vectorised_ensemble_equals_single_runs(changes):
    config = TrainConfig(steps=300).with_changes(**changes)
    result = Ensemble(config, COUNT, engine="vector").run()
    assert list(result.curve_steps) == list(range(1, config.steps + 1))  # every step recorded
    assert_same_as_single_runs(result, single_runs(config))


def test_small_ensembles_run_the_single_kernel_and_match_exactly():
    config = TrainConfig(steps=300, update_order="article")
    result = Ensemble(config, 12, first_seed=5).run()  # auto: the per-network kernel
    trainers = single_runs(config, seeds=range(5, 17))
    for k, trainer in enumerate(trainers):
        np.testing.assert_array_equal(result.weights[k], trainer.weights.flat())
    np.testing.assert_array_equal(result.curve, curve_from(trainers, result))


def test_decimated_curve_takes_the_single_runs_quantiles_at_its_steps():
    config = TrainConfig(steps=2000, hidden_nodes=3)
    result = Ensemble(config, COUNT, engine="vector", curve_points=100).run()
    steps = result.curve_steps
    assert steps[0] == 1 and steps[-1] == 2000 and len(steps) <= 101
    assert np.all(np.diff(steps[:-1]) == 20)
    assert_same_as_single_runs(result, single_runs(config))


def test_initial_weights_are_the_single_trainers_for_every_seed():
    seeds = [0, 1, 2, 123456, SEED_MAX - 1, SEED_MAX]
    for init in ("uniform", "xavier"):
        for hidden in (0, 1, 2, 7):
            config = TrainConfig(hidden_nodes=hidden, init=init)
            params = draw_initial_params(config, seeds)
            for k, seed in enumerate(seeds):
                expected = initial_weights(config.with_changes(seed=seed)).flat()
                np.testing.assert_array_equal(params[:, k], expected)


@pytest.mark.parametrize("mode, engine", [("online", "vector"), ("batch", "vector"), ("online", "loop")])
def test_each_network_diverges_on_its_own_and_keeps_its_last_finite_state(mode, engine):
    config = TrainConfig(steps=200, mode=mode, activation="relu", loss="cross-entropy", alpha=100)
    params = draw_initial_params(config, range(COUNT))
    blown = [3, 17, 30]
    params[:, blown] *= 1e200  # overflows on the first update
    result = Ensemble(config, COUNT, params=params, engine=engine).run()
    for k in blown:
        assert result.outcome_of(k) == "diverged" and result.steps_run[k] == 0
        np.testing.assert_array_equal(result.weights[k], params[:, k])
    assert summarize(result).diverged_count == len(blown)
    assert_same_as_single_runs(result, single_runs(config, params=params))


@pytest.mark.parametrize("engine", ["vector", "loop"])
def test_target_loss_stops_each_network_at_its_own_step(engine, monkeypatch):
    monkeypatch.setattr(ensemble_module, "BLOCK_ELEMENTS", 24)  # several blocks of 8 networks
    config = TrainConfig(steps=3000, hidden_nodes=3, target_loss=0.03)
    ensemble = Ensemble(config, COUNT, engine=engine, curve_points=3000)
    while not ensemble.finished:
        ensemble.advance(7)  # chunks that do not divide the stopping steps
    result = ensemble.result()
    trainers = single_runs(config)
    stopped = [t.step for t in trainers if t.outcome.reason == "target_loss"]
    assert len(set(stopped)) > 10  # many different stopping steps
    assert_same_as_single_runs(result, trainers)


def test_cancel_stops_between_chunks_and_keeps_a_consistent_state():
    config = TrainConfig(steps=100_000)
    polls = []

    def should_stop():
        polls.append(1)
        return len(polls) > 4

    result = Ensemble(config, COUNT, engine="vector").run(should_stop=should_stop)
    assert result.cancelled and 0 < result.steps_done < config.steps
    assert set(result.outcome_of(k) for k in range(COUNT)) == {"stopped"}
    assert np.all(result.steps_run == result.steps_done)
    shorter = config.with_changes(steps=result.steps_done)
    reference = single_runs(shorter)
    for k, trainer in enumerate(reference):
        np.testing.assert_allclose(result.weights[k], trainer.weights.flat(), rtol=RTOL, atol=ATOL)


def test_cancel_while_drawing_returns_none_and_progress_is_reported():
    assert run_ensemble(TrainConfig(), 5000, should_stop=lambda: True) is None
    reports = []
    result = run_ensemble(TrainConfig(steps=500), 100, on_progress=lambda d, t: reports.append((d, t)))
    assert reports[0] == (0, 500) and reports[-1] == (500, 500)
    assert [d for d, _ in reports] == sorted(d for d, _ in reports)
    assert not result.cancelled and result.steps_done == 500


def test_orientation_xor_two_hidden_nodes_about_half_eight_nearly_all():
    two = summarize(run_ensemble(TrainConfig(hidden_nodes=2), 1000))
    assert 0.45 <= two.fraction <= 0.65  # measured here: ~55 %
    low, high = two.interval
    assert low < two.fraction < high and high - low < 0.07
    eight = summarize(run_ensemble(TrainConfig(hidden_nodes=8), 300))
    assert eight.fraction > 0.95  # measured here: ~99 %


def test_wilson_interval_against_hand_computed_values():
    # Newcombe (1998), Statistics in Medicine 17:857, table I, method 3 (Wilson score).
    for successes, count, expected in [(81, 263, (0.2553, 0.3662)), (15, 148, (0.0624, 0.1605)),
                                       (0, 20, (0.0, 0.1611)), (1, 29, (0.0061, 0.1718))]:
        np.testing.assert_allclose(wilson_interval(successes, count), expected, atol=5e-5)
    # By hand with z = 1.959964: 0 of n has upper bound z^2 / (n + z^2); n of n mirrors it.
    z2 = 1.959964**2
    np.testing.assert_allclose(wilson_interval(0, 10), (0.0, z2 / (10 + z2)), rtol=1e-6)
    np.testing.assert_allclose(wilson_interval(10, 10), (10 / (10 + z2), 1.0), rtol=1e-6)
    assert wilson_interval(0, 0) == (0.0, 1.0)


def test_summary_histogram_failed_seeds_and_solved_semantics():
    config = TrainConfig(steps=500)
    result = run_ensemble(config, 200, first_seed=1000)
    summary = summarize(result, bins=20)
    assert summary.histogram_counts.sum() == 200 and len(summary.histogram_edges) == 21
    assert summary.solved_count == int(result.solved.sum())
    np.testing.assert_array_equal(summary.failed_seeds, result.seeds[~result.solved])
    assert summary.failed_seeds.min() >= 1000
    assert list(summary.loss_quantiles) == [0.1, 0.25, 0.5, 0.75, 0.9]

    rng = np.random.default_rng(0)
    predictions = rng.random((500, 4))
    predictions[::7, 2] = np.nan
    for targets in [(0.0, 1.0, 1.0, 0.0), (0.5, 0.55, 1.0, 0.5)]:
        expected = [is_solved(p, targets) for p in predictions]
        assert solved_flags(predictions, targets).tolist() == expected


def test_memory_stays_bounded_curve_has_at_most_the_requested_points():
    ensemble = Ensemble(TrainConfig(steps=5000), 100, curve_points=50)
    assert ensemble.max_chunk * 100 <= ensemble_module.LOSS_BUFFER
    result = ensemble.run()
    assert len(result.curve_steps) <= 51 and result.curve_steps[-1] == 5000


@pytest.mark.parametrize("count, first", [(0, 0), (65_537, 0), (10, -1), (2, SEED_MAX), ("x", 0)])
def test_bad_seed_ranges_are_refused(count, first):
    with pytest.raises(ConfigError):
        check_seeds(count, first)


def test_a_functions_result_judged_by_another_tolerance_is_a_run_with_it():
    """The tolerance trains nothing (#28): judging again gives what a run with it gives."""
    from core.model.config import function_config
    from core.training.ensemble import judged_by

    config = function_config("ridge", grid=5, hidden_nodes=4, steps=150)
    result = run_ensemble(config, 20)
    for tolerance in (0.02, 0.3, 0.5):
        judged = judged_by(result, tolerance)
        direct = run_ensemble(config.with_changes(tolerance=tolerance), 20)
        assert np.array_equal(judged.solved, direct.solved) and judged.config == direct.config
        assert np.array_equal(judged.weights, result.weights) and judged.kinds is None
    assert judged_by(result, 0.5).solved.sum() > result.solved.sum()
