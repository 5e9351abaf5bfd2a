"""The trainer and its fast kernels: equal to the NumPy reference, seeded, stoppable, honest."""

import itertools
import math
import warnings

import numpy as np
import pytest

from core.model import network
from core.model.config import ConfigError, TrainConfig
from core.model.gates import inputs_with_bias
from core.model.network import Weights
from core.training import trainer as training
from core.training.history import LossHistory
from core.training.kernels import online_kernel
from core.training.trainer import Trainer

ACTIVATIONS = ("sigmoid", "tanh", "relu")
LOSSES = ("squared", "cross-entropy")
HIDDEN = (0, 1, 2, 5)
SOFT_TARGETS = (0.1, 0.9, 0.8, 0.3)
X = inputs_with_bias()

KERNEL_CASES = list(itertools.product(ACTIVATIONS, LOSSES, HIDDEN))


def random_weights(hidden_nodes, seed, scale=1.0):
    rng = np.random.default_rng(seed)
    return Weights(rng.normal(0.0, scale, (3, hidden_nodes)),
                   rng.normal(0.0, scale, hidden_nodes + 1 if hidden_nodes else 3))


def live_weights(hidden_nodes, seed):
    """Random weights whose every hidden node is active (u > 0.05) on every row, so that
    ReLU nodes learn too and the two update orders must differ."""
    weights = random_weights(hidden_nodes, seed)
    hidden = np.abs(weights.hidden)
    hidden[2] += 0.05
    return Weights(hidden, weights.output)


def config_for(hidden_nodes, activation, loss, **changes):
    base = dict(gate="custom", targets=SOFT_TARGETS, hidden_nodes=hidden_nodes, alpha=0.7,
                activation=activation, loss=loss)
    return TrainConfig(**{**base, **changes})


def close(a: Weights, b: Weights, tol=1e-12) -> bool:
    return a.hidden.shape == b.hidden.shape and np.abs(a.flat() - b.flat()).max() <= tol


# -- references, in NumPy ----------------------------------------------------

def textbook_online_step(weights, targets, alpha, activation, loss):
    """Four sequential per-row updates with network.gradients, and the step's loss
    (each row's loss taken before that row's update)."""
    targets = np.asarray(targets, dtype=float)
    total = 0.0
    for k in range(4):
        x, t = X[k:k + 1], targets[k:k + 1]
        fw = network.forward(weights, x, activation)
        total += float(network.row_losses(fw.v, fw.yp, t, loss).sum())
        grad = network.gradients(weights, x, t, activation, loss)
        weights = Weights(weights.hidden - alpha * grad.hidden, weights.output - alpha * grad.output)
    return weights, total


def article_row_update(weights, x, t, alpha, activation, loss):
    """The article's code for one row: output weights first, then the hidden delta
    computed with the *updated* output weights."""
    u = x @ weights.hidden
    h, dh = network.activate(activation, u)
    v = h @ weights.output[:-1] + weights.output[-1]
    yp = 1.0 / (1.0 + math.exp(-v))
    delta = (yp - t) * yp * (1.0 - yp) if loss == "squared" else yp - t
    output = weights.output - alpha * delta * np.append(h, 1.0)
    delta_hidden = delta * output[:-1] * dh
    hidden = weights.hidden - alpha * np.outer(x, delta_hidden)
    return Weights(hidden, output)


def article_online_step(weights, targets, alpha, activation, loss):
    total = 0.0
    for k in range(4):
        total += row_loss(weights, X[k], targets[k], activation, loss)
        weights = article_row_update(weights, X[k], targets[k], alpha, activation, loss)
    return weights, total


def row_loss(weights, x, t, activation, loss):
    """One row's loss written out: 1/2 (yp - t)^2, or cross-entropy
    -(t log yp + (1 - t) log(1 - yp)) in its exact form log(1 + e^v) - t v (no cancellation)."""
    fw = network.forward(weights, x[None, :], activation)
    yp, v = fw.yp[0], fw.v[0]
    if loss == "squared":
        return 0.5 * (yp - t) ** 2
    return max(v, 0.0) + math.log1p(math.exp(-abs(v))) - t * v


def batch_step(weights, targets, alpha, activation, loss):
    grad = network.gradients(weights, X, np.asarray(targets, dtype=float), activation, loss)
    return Weights(weights.hidden - alpha * grad.hidden, weights.output - alpha * grad.output)


def trained(config, weights=None, steps=None):
    trainer = Trainer(config if steps is None else config.with_changes(steps=steps), weights)
    trainer.run()
    return trainer


# -- online kernels equal the reference ----------------------------------------

@pytest.mark.parametrize("activation, loss, hidden_nodes", KERNEL_CASES)
def test_online_step_equals_four_sequential_row_updates(activation, loss, hidden_nodes):
    config = config_for(hidden_nodes, activation, loss, steps=3)
    start = random_weights(hidden_nodes, 100 + hidden_nodes)
    trainer = trained(config, start)
    expected, losses = start, []
    for _ in range(3):
        expected, step_loss = textbook_online_step(expected, SOFT_TARGETS, 0.7, activation, loss)
        losses.append(step_loss)
    assert trainer.step == 3 and trainer.outcome.reason == "completed"
    assert close(trainer.weights, expected), (trainer.weights, expected)
    np.testing.assert_allclose(trainer.history.values(), losses, rtol=1e-12, atol=1e-14)
    assert not close(trainer.weights, start, tol=1e-3)  # it did learn something


@pytest.mark.parametrize("activation, loss, hidden_nodes", KERNEL_CASES)
def test_article_order_equals_its_numpy_reference(activation, loss, hidden_nodes):
    config = config_for(hidden_nodes, activation, loss, steps=1, update_order="article")
    start = live_weights(hidden_nodes, 200 + hidden_nodes)
    article = trained(config, start)
    textbook = trained(config.with_changes(update_order="textbook"), start)
    if hidden_nodes == 0:  # no hidden layer: both orders are the same computation
        reference, reference_loss = textbook_online_step(start, SOFT_TARGETS, 0.7, activation, loss)
        assert article.weights.equals(textbook.weights)
    else:
        reference, reference_loss = article_online_step(start, SOFT_TARGETS, 0.7, activation, loss)
        assert not close(article.weights, textbook.weights, tol=1e-9)
    assert close(article.weights, reference), (article.weights, reference)
    # The step's loss is the sum of each row's loss taken before that row's update.
    assert article.history.values()[0] == pytest.approx(reference_loss, rel=1e-12)


@pytest.mark.parametrize("activation, loss", list(itertools.product(ACTIVATIONS, LOSSES)))
@pytest.mark.parametrize("hidden_nodes", (1, 2, 5))
def test_orders_differ_only_in_the_hidden_update_of_a_row(activation, loss, hidden_nodes):
    """One row through the kernels: the output weights and the loss are identical in both
    orders; only the hidden weights differ, and each order matches its reference."""
    start = live_weights(hidden_nodes, 300 + hidden_nodes)
    row = (1.0, 0.0, 0.9)  # x1, x2, target
    results = {}
    for article in (False, True):
        kernel = online_kernel(hidden_nodes, activation, loss, article)
        flat, losses = [float(w) for w in start.flat()], []
        kernel(flat, 0.7, (row,), 1, -math.inf, losses)
        results[article] = (Weights.from_flat(flat, hidden_nodes), losses)
    (textbook, textbook_loss), (article, article_loss) = results[False], results[True]
    np.testing.assert_array_equal(textbook.output, article.output)
    assert textbook_loss == article_loss
    assert np.abs(textbook.hidden - article.hidden).max() > 1e-9
    x = np.array([row[0], row[1], 1.0])
    grad = network.gradients(start, x[None, :], [row[2]], activation, loss)
    assert close(textbook, Weights(start.hidden - 0.7 * grad.hidden, start.output - 0.7 * grad.output))
    assert close(article, article_row_update(start, x, row[2], 0.7, activation, loss))


@pytest.mark.parametrize("activation, loss, hidden_nodes", KERNEL_CASES)
def test_batch_step_is_one_update_with_the_gradient_of_the_summed_loss(activation, loss, hidden_nodes):
    config = config_for(hidden_nodes, activation, loss, steps=2, mode="batch")
    start = random_weights(hidden_nodes, 400 + hidden_nodes)
    trainer = trained(config, start)
    middle = batch_step(start, SOFT_TARGETS, 0.7, activation, loss)
    expected = batch_step(middle, SOFT_TARGETS, 0.7, activation, loss)
    assert close(trainer.weights, expected)
    expected_losses = [network.total_loss(w, SOFT_TARGETS, activation, loss) for w in (start, middle)]
    np.testing.assert_allclose(trainer.history.values(), expected_losses, rtol=1e-12)
    # Batch is not online: the per-row path gives something else.
    online, _ = textbook_online_step(start, SOFT_TARGETS, 0.7, activation, loss)
    assert not close(batch_step(start, SOFT_TARGETS, 0.7, activation, loss), online, tol=1e-9)


@pytest.mark.parametrize("loss", LOSSES)
def test_final_loss_is_the_total_at_the_final_weights(loss):
    trainer = trained(config_for(2, "sigmoid", loss, steps=5), random_weights(2, 9))
    yp = trainer.predictions()
    targets = np.array(SOFT_TARGETS)
    if loss == "squared":
        expected = float(np.sum(0.5 * (yp - targets) ** 2))
    else:
        expected = float(-np.sum(targets * np.log(yp) + (1 - targets) * np.log(1 - yp)))
    assert trainer.final_loss() == pytest.approx(expected, rel=1e-12)
    # The last step's loss was measured along the way (before each row's update), so it differs.
    assert trainer.history.values()[-1] != pytest.approx(trainer.final_loss(), rel=1e-6)


def test_sixty_four_hidden_nodes_work():
    config = config_for(64, "tanh", "squared", steps=1)
    start = random_weights(64, 64, scale=0.3)
    trainer = trained(config, start)
    expected, step_loss = textbook_online_step(start, SOFT_TARGETS, 0.7, "tanh", "squared")
    assert close(trainer.weights, expected)
    assert trainer.history.values()[0] == pytest.approx(step_loss, rel=1e-12)
    long_run = trained(TrainConfig(hidden_nodes=64, steps=300, seed=3))
    assert long_run.outcome.reason == "completed" and long_run.weights.is_finite()
    assert long_run.weights.hidden.shape == (3, 64) and long_run.weights.output.shape == (65,)


# -- initial weights and determinism -----------------------------------------------

@pytest.mark.parametrize("mode, init, order", [("online", "uniform", "textbook"),
                                               ("batch", "xavier", "textbook"),
                                               ("online", "xavier", "article")])
def test_same_config_and_seed_give_bit_identical_runs(mode, init, order):
    config = TrainConfig(steps=300, seed=42, mode=mode, init=init, update_order=order)
    first, second = trained(config), trained(config)
    assert first.initial_weights.equals(second.initial_weights)
    assert first.weights.equals(second.weights)
    assert np.array_equal(first.history.values(), second.history.values())
    other = trained(config.with_changes(seed=43))
    assert not other.initial_weights.equals(first.initial_weights)
    assert not other.weights.equals(first.weights)
    assert not np.array_equal(other.history.values(), first.history.values())


def test_initial_weights_do_not_depend_on_training_settings():
    base = TrainConfig(seed=5)
    for changes in ({"alpha": 3.0}, {"steps": 7}, {"mode": "batch"}, {"activation": "relu"},
                    {"loss": "cross-entropy"}, {"update_order": "article"}, {"gate": "and"}):
        assert Trainer(base.with_changes(**changes)).initial_weights.equals(Trainer(base).initial_weights)


@pytest.mark.parametrize("hidden_nodes", (0, 1, 2, 64))
def test_uniform_init_is_in_unit_interval_bias_included(hidden_nodes):
    output_size = hidden_nodes + 1 if hidden_nodes else 3
    biases = []
    for seed in range(20):
        weights = training.initial_weights(TrainConfig(hidden_nodes=hidden_nodes, seed=seed))
        assert weights.hidden.shape == (3, hidden_nodes)
        assert weights.output.shape == (output_size,)
        flat = weights.flat()
        assert flat.min() >= 0.0 and flat.max() < 1.0
        biases.append(weights.output[-1])
        if hidden_nodes:
            biases.extend(weights.hidden[2])  # the bias input's row
    # Bias weights are drawn like the others (not fixed at 0 or 1): spread over [0, 1).
    assert len(set(biases)) == len(biases)
    assert min(biases) < 0.2 and max(biases) > 0.8


def test_uniform_init_is_not_degenerate():
    weights = training.initial_weights(TrainConfig(hidden_nodes=64, seed=0))
    assert 0.4 < weights.flat().mean() < 0.6
    assert len(np.unique(weights.flat())) == weights.flat().size


@pytest.mark.parametrize("hidden_nodes", (0, 1, 2, 16, 64))
def test_xavier_init_is_within_its_limits(hidden_nodes):
    output_size = hidden_nodes + 1 if hidden_nodes else 3
    hidden_limit = math.sqrt(6.0 / (3 + hidden_nodes)) if hidden_nodes else 0.0
    output_limit = math.sqrt(6.0 / (output_size + 1))
    values_h, values_o = [], []
    for seed in range(30):
        weights = training.initial_weights(TrainConfig(hidden_nodes=hidden_nodes, seed=seed, init="xavier"))
        assert weights.hidden.shape == (3, hidden_nodes) and weights.output.shape == (output_size,)
        values_h.extend(weights.hidden.ravel())
        values_o.extend(weights.output)
    values_h, values_o = np.array(values_h), np.array(values_o)
    assert np.all(np.abs(values_o) <= output_limit)
    assert values_o.min() < -0.5 * output_limit and values_o.max() > 0.5 * output_limit
    if hidden_nodes:
        assert np.all(np.abs(values_h) <= hidden_limit)
        assert values_h.min() < -0.5 * hidden_limit and values_h.max() > 0.5 * hidden_limit


# -- what the models can learn -----------------------------------------------------

@pytest.mark.parametrize("gate", ("and", "or", "nand", "nor"))
@pytest.mark.parametrize("seed", (0, 1, 2, 3, 4))
def test_two_layer_model_solves_linearly_separable_gates(gate, seed):
    trainer = trained(TrainConfig(gate=gate, hidden_nodes=0, alpha=0.5, steps=1000, seed=seed))
    assert trainer.solved(), trainer.predictions()
    assert trainer.history.values()[-1] < 0.1 * trainer.history.values()[0]


@pytest.mark.parametrize("gate", ("xor", "xnor"))
@pytest.mark.parametrize("seed", (0, 1, 2, 3, 4))
def test_two_layer_model_never_solves_xor_or_xnor(gate, seed):
    trainer = Trainer(TrainConfig(gate=gate, hidden_nodes=0, alpha=0.5, steps=5000, seed=seed))
    while not trainer.finished:
        trainer.advance(500)
        assert not trainer.solved(), (trainer.step, trainer.predictions())
    assert trainer.step == 5000
    assert trainer.final_loss() > 0.45  # stuck near all-0.5 predictions (loss 0.5)


def test_articles_two_layer_and_run_prints_the_articles_numbers():
    # 入力: [0, 0], 予測値: 0.00 / [1, 0] 0.08 / [0, 1] 0.08 / [1, 1] 0.90
    trainer = trained(TrainConfig(gate="and", hidden_nodes=0, alpha=0.5, steps=1000, seed=1))
    assert [f"{p:.2f}" for p in trainer.predictions()] == ["0.00", "0.08", "0.08", "0.90"]
    assert trainer.solved()
    history = trainer.history.values()
    assert len(history) == 1000
    assert np.all(np.diff(history) < 0)  # this run's loss falls at every step


def test_articles_three_layer_xor_run_solves_xor():
    # The article's run: 2 hidden nodes (its `hidden_layers = 3` counts the bias node),
    # alpha 0.5, 2000 steps, its own update order. Seed 1405 reproduces the article's printout
    # 0.08, 0.92, 0.92, 0.07.
    trainer = trained(TrainConfig(gate="xor", hidden_nodes=2, alpha=0.5, steps=2000, seed=1405,
                                  update_order="article"))
    assert trainer.outcome.reason == "completed"
    assert trainer.solved()
    assert [f"{p:.2f}" for p in trainer.predictions()] == ["0.08", "0.92", "0.92", "0.07"]
    history = trainer.history.values()
    assert len(history) == 2000
    assert history[-1] < 0.05 * history[0]
    means = history.reshape(20, 100).mean(axis=1)
    # Falling overall: a plateau near 0.54 first (no block more than 1e-3 above the one before),
    # then a steady fall over the second half.
    assert np.all(np.diff(means) < 1e-3)
    assert np.all(np.diff(means[10:]) < 0)
    # The textbook order from the same start is a different run.
    textbook = trained(trainer.config.with_changes(update_order="textbook"))
    assert not textbook.weights.equals(trainer.weights)


# -- divergence -------------------------------------------------------------------

# ReLU hidden nodes at 1.7e308 with output weights of 1e-308 give v = 0.3 on every row, but the
# first output-weight update (alpha 100 x delta x 1.7e308) overflows to inf.
BIG = Weights(np.array([[0.0, 0.0], [0.0, 0.0], [1.7e308, 1.7e308]]), np.array([1e-308, -1e-308, 0.3]))


def diverge_after_five_steps(mode, loss):
    config = TrainConfig(hidden_nodes=2, activation="relu", alpha=100, steps=50, mode=mode, loss=loss)
    trainer = Trainer(config)
    trainer.advance(5)
    assert trainer.step == 5 and trainer.outcome is None
    trainer.set_weights(BIG)
    return trainer, trainer.run()


def assert_diverged_at_step_6(trainer, outcome):
    assert outcome.reason == "diverged"
    assert "diverged at step 6" in outcome.message
    assert trainer.step == 5 and len(trainer.history) == 5
    assert np.all(np.isfinite(trainer.history.values()))
    assert trainer.weights.is_finite()
    assert trainer.weights.equals(BIG)  # the state before the failing step
    assert trainer.finished
    trainer.run()  # a diverged run stays put
    assert trainer.step == 5 and trainer.weights.equals(BIG)


@pytest.mark.parametrize("loss", LOSSES)
@pytest.mark.parametrize("mode", ("online", "batch"))
def test_divergence_is_detected_without_warnings_and_the_last_finite_state_kept(mode, loss):
    with warnings.catch_warnings():
        warnings.simplefilter("error")  # detecting divergence must not emit overflow warnings
        trainer, outcome = diverge_after_five_steps(mode, loss)
    assert_diverged_at_step_6(trainer, outcome)


@pytest.mark.parametrize("loss", LOSSES)
def test_batch_divergence_is_detected_when_warnings_are_ignored(loss):
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", RuntimeWarning)
        trainer, outcome = diverge_after_five_steps("batch", loss)
    assert_diverged_at_step_6(trainer, outcome)


def test_divergence_on_the_first_step_records_nothing():
    trainer = Trainer(TrainConfig(activation="relu", alpha=100, steps=10), BIG)
    assert trainer.run().reason == "diverged"
    assert "diverged at step 1" in trainer.outcome.message
    assert trainer.step == 0 and len(trainer.history) == 0 and trainer.weights.equals(BIG)


def test_kernel_divergence_mid_call_rolls_back_to_the_last_finite_step():
    """Divergence after many steps inside one kernel call: w must hold the state after the
    last finite step, not the state the call started from.

    A target of 2 (outside [0, 1], so only reachable by calling the kernel directly) keeps
    the cross-entropy gradient from ever vanishing, and ReLU nodes that stay active make the
    weights grow geometrically until they overflow (here after 36 finite steps)."""
    rows = ((1.0, 1.0, 2.0), (0.0, 1.0, 2.0))
    kernel = online_kernel(2, "relu", "cross-entropy", False)
    weights, losses = [0.5] * 9, []
    status = kernel(weights, 100.0, rows, 100, -math.inf, losses)
    assert status == training.DIVERGED
    completed = len(losses)
    assert 2 <= completed < 100
    reference_weights, reference_losses = [0.5] * 9, []
    assert kernel(reference_weights, 100.0, rows, completed, -math.inf, reference_losses) == 0
    assert weights == reference_weights
    assert losses == reference_losses
    assert all(math.isfinite(w) for w in weights) and weights != [0.5] * 9


def test_saturated_but_finite_is_not_divergence():
    # Huge weights that only saturate the output keep loss and weights finite: training goes on.
    weights = Weights(np.full((3, 2), 1e3), np.array([1e3, 1e3, 1e3]))
    trainer = trained(TrainConfig(activation="relu", alpha=100, steps=20), weights)
    assert trainer.outcome.reason == "completed" and trainer.step == 20


def test_set_weights_rejects_wrong_shapes_and_non_finite_values():
    trainer = Trainer(TrainConfig(hidden_nodes=2))
    with pytest.raises(ValueError):
        trainer.set_weights(Weights(np.zeros((3, 3)), np.zeros(4)))
    with pytest.raises(ValueError):
        trainer.set_weights(Weights(np.zeros((3, 2)), np.array([0.0, np.inf, 0.0])))
    assert trainer.weights.equals(trainer.initial_weights)


# -- stopping, reporting, changing course ---------------------------------------------

@pytest.mark.parametrize("mode", ("online", "batch"))
def test_target_loss_stops_at_the_first_step_below_it(mode):
    config = TrainConfig(seed=1, mode=mode, steps=2000, alpha=2.0 if mode == "batch" else 0.5)
    full = trained(config).history.values()
    target = float(full[700] + full[701]) / 2  # somewhere inside the run
    first = int(np.flatnonzero(full < target)[0])
    trainer = trained(config.with_changes(target_loss=target))
    assert trainer.outcome.reason == "target_loss"
    assert f"step {first + 1}" in trainer.outcome.message
    assert trainer.step == first + 1
    assert np.array_equal(trainer.history.values(), full[:first + 1])
    assert trainer.weights.equals(trained(config, steps=first + 1).weights)


def test_unreached_target_loss_completes():
    trainer = trained(TrainConfig(steps=50, seed=1, target_loss=1e-9))
    assert trainer.outcome.reason == "completed" and trainer.step == 50


def test_should_stop_stops_between_steps_with_a_consistent_state():
    config = TrainConfig(steps=2000, seed=2)
    calls = []

    def should_stop():
        calls.append(1)
        return len(calls) >= 3  # stop at the third poll

    trainer = Trainer(config)
    outcome = trainer.run(should_stop=should_stop)
    assert outcome.reason == "stopped"
    assert 0 < trainer.step < 2000
    assert f"step {trainer.step}" in outcome.message
    assert len(trainer.history) == trainer.step
    reference = trained(config, steps=trainer.step)
    assert trainer.weights.equals(reference.weights)
    assert np.array_equal(trainer.history.values(), reference.history.values())


def test_should_stop_at_once_runs_nothing():
    trainer = Trainer(TrainConfig(steps=100))
    assert trainer.run(should_stop=lambda: True).reason == "stopped"
    assert trainer.step == 0 and trainer.weights.equals(trainer.initial_weights)


def test_progress_callback_reports_every_loss_in_order():
    config = TrainConfig(steps=700, seed=4)
    reported = []
    trainer = Trainer(config)
    trainer.run(on_progress=lambda t, losses: reported.append((t.step, np.array(losses))))
    assert reported[-1][0] == 700
    assert np.array_equal(np.concatenate([r[1] for r in reported]), trainer.history.values())
    steps_seen = np.cumsum([r[1].size for r in reported])
    assert [r[0] for r in reported] == list(steps_seen)


def test_stepping_one_at_a_time_equals_one_run():
    config = TrainConfig(steps=40, seed=8)
    trainer = Trainer(config)
    while not trainer.finished:
        assert trainer.advance(1).size == 1
    reference = trained(config)
    assert trainer.weights.equals(reference.weights)
    assert np.array_equal(trainer.history.values(), reference.history.values())
    assert trainer.outcome.reason == "completed" and trainer.advance(5).size == 0


def test_iter_steps_yields_consecutive_steps_with_the_losses_of_run():
    config = TrainConfig(steps=600, seed=6)  # crosses several chunk boundaries
    pairs = list(Trainer(config).iter_steps())
    assert [step for step, _ in pairs] == list(range(1, 601))
    reference = trained(config)
    assert np.array_equal([loss for _, loss in pairs], reference.history.values())
    assert all(isinstance(loss, float) for _, loss in pairs)


def test_set_alpha_mid_run_takes_effect():
    config = TrainConfig(steps=20, seed=3)
    trainer = Trainer(config)
    trainer.advance(10)
    middle = trainer.weights
    trainer.set_alpha(2.0)
    trainer.run()
    assert trainer.config.alpha == 2.0 and trainer.step == 20
    expected = trained(config.with_changes(alpha=2.0, steps=10), middle)
    assert trainer.weights.equals(expected.weights)
    assert np.array_equal(trainer.history.values()[10:], expected.history.values())
    assert not trainer.weights.equals(trained(config).weights)


def test_set_alpha_is_validated():
    trainer = Trainer(TrainConfig())
    for bad in (0, -1, math.nan, 101):
        with pytest.raises(ConfigError):
            trainer.set_alpha(bad)
    assert trainer.config.alpha == 0.5


def test_set_steps_extends_a_completed_run():
    config = TrainConfig(steps=100, seed=12)
    trainer = trained(config)
    assert trainer.outcome.reason == "completed"
    trainer.set_steps(150)
    assert not trainer.finished
    trainer.run()
    reference = trained(config, steps=150)
    assert trainer.step == 150 and trainer.weights.equals(reference.weights)
    assert np.array_equal(trainer.history.values(), reference.history.values())


def test_a_resumed_trainer_continues_the_same_run():
    config = TrainConfig(steps=300, seed=13)
    half = trained(config, steps=120)
    resumed = Trainer(config, half.weights, step=120, history=half.history.values())
    resumed.run()
    reference = trained(config)
    assert resumed.step == 300 and resumed.weights.equals(reference.weights)
    assert np.array_equal(resumed.history.values(), reference.history.values())


# -- the loss history -----------------------------------------------------------

def test_loss_history_grows_past_its_buffer_and_keeps_every_value():
    history = LossHistory([0.5, 0.25])
    expected = [0.5, 0.25]
    for chunk in range(8):
        values = np.arange(700, dtype=float) + 1000 * chunk
        history.extend(values)
        expected.extend(values)
        assert len(history) == len(expected)
    np.testing.assert_array_equal(history.values(), expected)
    history.truncate(3)
    np.testing.assert_array_equal(history.values(), expected[:3])
    history.extend([9.0])
    np.testing.assert_array_equal(history.values(), expected[:3] + [9.0])


def test_loss_history_values_are_read_only():
    history = LossHistory(range(5))
    values = history.values()
    assert not values.flags.writeable
    with pytest.raises(ValueError):
        values[0] = 42.0
    assert history.values()[0] == 0.0


def test_trainer_history_is_read_only_and_one_value_per_step():
    trainer = trained(TrainConfig(steps=30))
    values = trainer.history.values()
    assert len(values) == 30 and not values.flags.writeable
    with pytest.raises(ValueError):
        values[:] = 0.0


def test_a_float32_history_keeps_losses_beyond_its_range_exactly():
    from core.training.history import LossHistory

    values = [0.5, 1e300, -5e100, float("nan"), 3e38, 0.25]
    history = LossHistory(values, np.float32)
    shown = history.values()
    limit = float(np.finfo(np.float32).max)
    assert shown.dtype == np.float32 and shown[1] == limit and shown[2] == -limit
    exact = history.exact_values()
    assert exact[1] == 1e300 and exact[2] == -5e100 and np.isnan(exact[3])
    assert exact[4] == np.float32(3e38) and exact[5] == 0.25
    history.truncate(2)
    history.extend([7e200])
    assert history.exact_values().tolist() == [0.5, 1e300, 7e200]


def test_a_diverged_window_run_can_be_saved_with_what_it_had():
    # The defect report's run: finite losses of 3.4e38-1.8e308 before it diverges.
    from core.io.experiment import from_json, to_json

    config = TrainConfig(activation="relu", loss="cross-entropy", update_order="article", alpha=10)
    window_like = Trainer(config, history_dtype=np.float32)
    window_like.run()
    exact = Trainer(config)
    exact.run()
    assert window_like.outcome.reason == "diverged"
    losses = exact.history.values()
    huge = np.abs(losses) > float(np.finfo(np.float32).max)
    assert huge.any()  # the case that made the window's run unsavable
    saved = from_json(to_json(window_like)).loss_history  # raised "not a finite number" before
    np.testing.assert_array_equal(saved[huge], losses[huge])
    np.testing.assert_allclose(saved[~huge], losses[~huge], rtol=1e-6)


@pytest.mark.parametrize("predictions, targets, solved", [
    ([0.1, 0.9, 0.8, 0.2], (0, 1, 1, 0), True),  # binary targets: the side of 0.5
    ([0.1, 0.9, 0.8, 0.5], (0, 1, 1, 0), True),  # exactly 0.5 reads as the 0 side, as before
    ([0.1, 0.9, 0.46, 0.2], (0, 1, 0.5, 0), False),  # the defect report's case
    ([0.1, 0.9, 0.503, 0.2], (0, 1, 0.5, 0), True),  # shown as 0.50
    ([0.1, 0.9, 0.51, 0.2], (0, 1, 0.5, 0), False),
    ([0.1, 0.9, 0.9, 0.1], (0, 1, 1, 0.3), False),  # 0.1 is on 0.3's side, but not near it
    ([0.1, 0.9, 0.9, 0.298], (0, 1, 1, 0.3), True),
    ([0.1, 0.9, 0.9, float("nan")], (0, 1, 1, 0), False),
])
def test_solved_means_each_target_met(predictions, targets, solved):
    from core.model.gates import is_solved
    from core.training.ensemble import solved_flags

    assert is_solved(predictions, targets) is solved
    assert solved_flags(np.array([predictions]), targets).tolist() == [solved]
