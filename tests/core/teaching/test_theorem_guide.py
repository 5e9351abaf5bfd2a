"""The theorem guide (issue #28): each section's run is a valid function run with every setting
spelled out, it shows what its text says, and every number the text quotes is its run's."""

import numpy as np
import pytest

from core.model import target_function as tf
from core.model.config import TrainConfig
from core.teaching import theorem_guide as tg
from core.training.hidden_study import study
from core.training.trainer import Trainer
from core.views.function_fit import fit_of

SHOWS = (tg.OUTPUT, tg.ERROR, tg.SUM, tg.STUDY)


def trained(config: TrainConfig) -> Trainer:
    trainer = Trainer(config)
    trainer.run()
    return trainer


def measured(config: TrainConfig):
    """The errors of a run of `config` at its end: what the window shows there."""
    return fit_of(config, trained(config).weights)


@pytest.fixture(scope="module")
def fits():
    """Each section's run at its end, and the other seeds its text quotes."""
    return {(entry.key, seed): measured(entry.config(seed)) for entry in tg.SECTIONS
            for seed in {None} | {q.seed for q in entry.quotes if q.seed is not None}}


def test_the_sections_are_function_runs_with_every_setting_given():
    assert [s.key for s in tg.SECTIONS] == ["promise", "sum", "approximation", "continuous", "found"]
    for entry in tg.SECTIONS:
        config = entry.config()
        assert config.is_function and config.function == entry.function in tf.PRESETS
        assert (config.grid, config.hidden_nodes, config.optimizer, config.alpha, config.loss,
                config.steps, config.seed) == (entry.grid, entry.hidden_nodes, entry.optimizer,
                                               entry.alpha, entry.loss, entry.steps, entry.seed)
        assert TrainConfig.from_dict(config.to_dict()) == config  # a file or the CLI gives it back
        assert entry.show in SHOWS and tg.section(entry.key) is entry
    with pytest.raises(KeyError):
        tg.section("nothing")


def test_every_quoted_number_is_the_runs_as_shown(fits):
    for entry in tg.SECTIONS:
        for q in (q for q in entry.quotes if q.nodes is None):
            fit = fits[entry.key, q.seed]
            value = getattr(fit, q.measure)
            if isinstance(q.value, tuple):
                assert value == q.value, (entry.key, q)
            else:
                assert f"{value:.2f}" == f"{q.value:.2f}", (entry.key, q, value)


def test_the_promise_the_surface_settles_from_a_sheet_near_1_to_its_quoted_error(fits):
    entry = tg.section("promise")
    assert not entry.train  # the learner presses Train and watches it rise
    untrained = Trainer(entry.config())
    assert untrained.predictions().min() > 0.95  # "a flat sheet near 1" (0.97 to 0.99)
    start = fit_of(entry.config(), untrained.weights)
    assert start.max_error > 5 * fits["promise", None].max_error  # 0.89 at first (1, 1)


def test_two_soft_steps_along_the_diagonal_make_the_ridge():
    trainer = trained(tg.section("sum").config())
    hidden, output = np.asarray(trainer.weights.hidden), np.asarray(trainer.weights.output)
    assert hidden.shape == (3, 2)  # x1, x2 and the bias in; two nodes
    for w1, w2 in hidden[:2].T:  # each node steps across a line w1 x1 + w2 x2 + b = 0
        assert abs(w1) > 5 and abs(w1 + w2) < 0.1 * abs(w1)  # parallel to the diagonal, steep
    assert output[0] * output[1] < 0  # one step added, the other taken away: a ridge between
    assert fit_of(trainer.config, trainer.weights).max_error <= tf.TOLERANCE


def test_approximation_the_samples_are_met_far_better_than_between_them(fits):
    entry, fit = tg.section("approximation"), fits["approximation", None]
    assert fit.check_at not in TrainConfig.from_dict(entry.config().to_dict()).points  # no sample there
    assert fit.check_max_error > 2 * fit.max_error


def test_the_step_is_met_at_the_samples_and_rounded_off_at_the_jump(fits):
    fit = fits["continuous", None]
    assert fit.max_error < tf.TOLERANCE and fit.check_max_error > 0.3
    assert 0.5 < fit.check_at[0] < 0.6  # between the samples on either side of the jump (x1 = 0.53)


def test_found_the_quoted_seed_is_stuck_another_comes_far_closer(fits):
    stuck, other = fits["found", None], fits["found", 5]
    assert stuck.max_error > 3 * other.max_error


def test_the_study_the_section_opens_shows_the_quoted_median_and_band():
    entry = tg.section("found")
    fewest, most, seeds = entry.study
    quoted = [q for q in entry.quotes if q.nodes is not None]
    # as the dialog runs it: the section's settings, its seeds from 0
    rows = {r.hidden_nodes: r for r in study(entry.config(), (fewest, most), seeds)}
    for q in quoted:
        value = rows[q.nodes].quantiles[1 if q.measure == "median" else 2]
        assert f"{value:.2f}" == f"{q.value:.2f}", q
    assert rows[most].quantiles[1] < rows[fewest].quantiles[1]  # more nodes, lower median
    assert rows[most].quantiles[2] > 0.6  # and seeds still stuck


def test_the_step_preset_jumps_from_0_1_to_0_9_at_0_53():
    f = tf.function_of("step")
    x2 = np.linspace(0, 1, 5)
    assert np.allclose(f(np.full(5, 0.5299), x2), 0.1) and np.allclose(f(np.full(5, 0.5301), x2), 0.9)


def test_found_the_stuck_run_is_on_a_plateau_below_the_ripples_peak_and_escapes_later():
    entry = tg.section("found")
    trainer = trained(entry.config())
    losses = trainer.history.values()
    assert abs(losses[999] - losses[-1]) < 1e-3 * losses[999]  # from step 1,000 on, barely moves
    middle = trainer.config.points.index((0.5, 0.5))
    assert trainer.predictions()[middle] < trainer.config.targets[middle] - 0.6  # no peak there
    longer = entry.config().with_changes(steps=10 * entry.steps)
    assert measured(longer).max_error < 0.3  # trained far longer, this one escapes
