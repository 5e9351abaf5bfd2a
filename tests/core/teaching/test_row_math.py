"""Row math: each number of one online row update, and the stepper that walks the phases.

Four row updates must give exactly what one trainer step gives, and every
number must be what the NumPy reference network computes for that row.
"""

import itertools
import math

import numpy as np
import pytest

from core.model import network
from core.model.config import TrainConfig
from core.model.gates import ROWS, inputs_with_bias
from core.model.network import Weights
from core.teaching.row_math import (
    BACKWARD,
    FORWARD,
    LOSS,
    PHASES,
    UPDATE,
    RowStepper,
    format_number,
    row_math,
    shown_nodes,
)
from core.training.trainer import Trainer

ACTIVATIONS = ("sigmoid", "tanh", "relu")
LOSSES = ("squared", "cross-entropy")
ORDERS = ("textbook", "article")
HIDDEN = (0, 2, 3)
CASES = list(itertools.product(HIDDEN, ACTIVATIONS, LOSSES, ORDERS))


def _config(hidden_nodes, activation="sigmoid", loss="squared", order="textbook", gate="xor", **changes):
    return TrainConfig(gate=gate, hidden_nodes=hidden_nodes, activation=activation, loss=loss,
                       update_order=order, **changes)


def _weights(hidden_nodes, seed=1):
    """Normal weights with every hidden sum away from ReLU's kink."""
    rng = np.random.default_rng(seed)
    x = inputs_with_bias()
    while True:
        hidden = rng.normal(0.0, 1.5, (3, hidden_nodes))
        output = rng.normal(0.0, 1.5, hidden_nodes + 1 if hidden_nodes else 3)
        if hidden_nodes == 0 or np.abs(x @ hidden).min() >= 1e-3:
            return Weights(hidden, output)


def _run_updates(stepper, count):
    return [update for _, update in zip(range(count), stepper.updates())]


# -- four row updates are one trainer step -----------------------------------------------

@pytest.mark.parametrize("hidden_nodes, activation, loss, order", CASES)
def test_four_row_updates_equal_one_trainer_step(hidden_nodes, activation, loss, order):
    config = _config(hidden_nodes, activation, loss, order, seed=7)
    trainer = Trainer(config)
    stepper = RowStepper(config, trainer.weights)
    for step in range(1, 4):
        updates = _run_updates(stepper, 4)
        recorded = trainer.advance(1)
        assert [u.row for u in updates] == [0, 1, 2, 3]
        assert [u.step_completed for u in updates] == [False, False, False, True]
        np.testing.assert_allclose(updates[-1].weights.flat(), trainer.weights.flat(), rtol=0, atol=1e-12)
        assert updates[-1].step_loss == pytest.approx(recorded[0], rel=1e-12, abs=1e-15)
        assert updates[-1].steps_done == step == trainer.step
        assert all(math.isnan(u.step_loss) for u in updates[:-1])


@pytest.mark.parametrize("hidden_nodes, activation, loss, order", CASES)
def test_row_updates_from_other_weights_match_the_trainer(hidden_nodes, activation, loss, order):
    config = _config(hidden_nodes, activation, loss, order, alpha=0.9)
    start = _weights(hidden_nodes, seed=3)
    trainer = Trainer(config, weights=start, step=41)
    stepper = RowStepper(config, start, step=41)
    update = _run_updates(stepper, 4)[-1]
    recorded = trainer.advance(1)
    np.testing.assert_allclose(update.weights.flat(), trainer.weights.flat(), rtol=0, atol=1e-12)
    assert update.step_loss == pytest.approx(recorded[0], rel=1e-12)
    assert update.steps_done == 42
    assert trainer.history.values()[-1] == pytest.approx(update.step_loss, rel=1e-12)


# -- every number is the reference network's -------------------------------------------

THREE_WAY = list(itertools.product(HIDDEN, ACTIVATIONS, LOSSES))


@pytest.mark.parametrize("hidden_nodes, activation, loss", THREE_WAY)
@pytest.mark.parametrize("row", range(4))
def test_forward_loss_and_textbook_gradients_match_the_network(hidden_nodes, activation, loss, row):
    config = _config(hidden_nodes, activation, loss, "textbook")
    weights = _weights(hidden_nodes)
    m = row_math(config, weights, row)
    x = inputs_with_bias()[row:row + 1]
    target = np.array([config.targets[row]])
    fw = network.forward(weights, x, activation)
    close = dict(rtol=1e-12, atol=1e-14)
    np.testing.assert_allclose(m.x, x[0], rtol=0, atol=0)
    np.testing.assert_allclose(m.u, fw.u[0], **close)
    np.testing.assert_allclose(m.h, fw.h[0], **close)
    np.testing.assert_allclose(m.dh, fw.dh[0], **close)
    assert m.v == pytest.approx(fw.v[0], **_approx())
    assert m.yp == pytest.approx(fw.yp[0], **_approx())
    assert m.dv == pytest.approx(fw.yp[0] * (1 - fw.yp[0]), **_approx())
    assert m.row_loss == pytest.approx(network.row_losses(fw.v, fw.yp, target, loss)[0], **_approx())
    assert m.delta_out == pytest.approx(network.output_delta(fw.yp, target, loss)[0], **_approx())
    grad = network.gradients(weights, x, target, activation, loss)
    np.testing.assert_allclose(m.gradients.flat(), grad.flat(), **close)
    after = weights.flat() - config.alpha * grad.flat()
    np.testing.assert_allclose(m.after.flat(), after, **close)


def _approx():
    return dict(rel=1e-12, abs=1e-14)


@pytest.mark.parametrize("hidden_nodes, activation, loss",
                         list(itertools.product((2, 3), ACTIVATIONS, LOSSES)))
def test_article_order_uses_the_updated_output_weights_in_the_hidden_deltas(hidden_nodes, activation, loss):
    weights = _weights(hidden_nodes)
    textbook = row_math(_config(hidden_nodes, activation, loss, "textbook"), weights, 1)
    article = row_math(_config(hidden_nodes, activation, loss, "article"), weights, 1)
    np.testing.assert_array_equal(textbook.grad_output, article.grad_output)
    np.testing.assert_array_equal(textbook.after.output, article.after.output)
    np.testing.assert_array_equal(textbook.w2_used, weights.output[:-1])
    np.testing.assert_array_equal(article.w2_used, article.after.output[:-1])
    expected = article.delta_out * article.after.output[:-1] * article.dh
    np.testing.assert_allclose(article.delta_hidden, expected, rtol=1e-12, atol=1e-15)
    np.testing.assert_allclose(article.grad_hidden, np.outer(article.x, expected), rtol=1e-12, atol=1e-15)
    if np.any(textbook.delta_hidden):
        assert not np.array_equal(textbook.delta_hidden, article.delta_hidden)


def test_two_layer_row_math_is_the_article_neuron():
    config = _config(0, gate="and")
    weights = Weights(np.zeros((3, 0)), np.array([0.64, 0.04, 0.81]))
    m = row_math(config, weights, 3)  # row (1, 1), target 1
    u = 0.64 + 0.04 + 0.81
    yp = 1 / (1 + math.exp(-u))
    assert m.v == pytest.approx(u) and m.yp == pytest.approx(yp)
    assert m.row_loss == pytest.approx(0.5 * (yp - 1) ** 2)
    grad = (yp - 1) * yp * (1 - yp)
    np.testing.assert_allclose(m.grad_output, [grad, grad, grad], rtol=1e-12)
    np.testing.assert_allclose(m.after.output, weights.output - 0.5 * grad, rtol=1e-12)
    assert m.u.size == m.h.size == m.delta_hidden.size == 0


def test_row_math_leaves_its_input_weights_alone():
    weights = _weights(2)
    before = weights.copy()
    m = row_math(_config(2), weights, 2)
    assert weights.equals(before) and m.before.equals(before)
    assert not m.after.equals(before)


@pytest.mark.parametrize("row", [-1, 4])
def test_row_outside_the_table_is_an_error(row):
    with pytest.raises(ValueError):
        row_math(_config(2), _weights(2), row)


# -- the stepper ----------------------------------------------------------------------------

def test_stepper_walks_the_phases_in_the_articles_order():
    config = _config(2)
    stepper = RowStepper(config, _weights(2), step=11)
    seen = [(stepper.step_number, stepper.row, stepper.phase)]
    updates = []
    for _ in range(4 * 4 + 1):
        update = stepper.advance()
        seen.append((stepper.step_number, stepper.row, stepper.phase))
        if update is not None:
            updates.append((stepper.row, stepper.phase))
    expected = [(12, row, phase) for row in range(4) for phase in PHASES]
    assert seen[:16] == expected
    assert seen[16:] == [(13, 0, FORWARD), (13, 0, LOSS)]
    assert updates == [(row, UPDATE) for row in range(4)]
    assert stepper.steps_done == 12


def test_update_phase_shows_the_rows_math_and_the_new_weights():
    config = _config(2)
    start = _weights(2)
    stepper = RowStepper(config, start)
    first = stepper.math
    assert stepper.weights.equals(start)
    for phase in (LOSS, BACKWARD):
        assert stepper.advance() is None and stepper.phase == phase
        assert stepper.weights.equals(start)
    update = stepper.advance()
    assert stepper.phase == UPDATE and stepper.math is first
    assert update.weights.equals(first.after) and stepper.weights.equals(first.after)
    assert stepper.row_losses == (first.row_loss,)
    assert stepper.advance() is None
    assert stepper.row == 1 and stepper.phase == FORWARD
    assert stepper.math.before.equals(first.after)


def test_step_loss_is_the_sum_of_the_rows_losses_before_their_updates():
    config = _config(3, "tanh", "cross-entropy", "article")
    stepper = RowStepper(config, _weights(3))
    losses = []
    for update in stepper.updates():
        losses.append(stepper.math.row_loss)
        assert stepper.row_losses == tuple(losses)
        if update.step_completed:
            break
    # Added in row order, as the article's L[step] += does (Python 3.12's sum() compensates
    # rounding and can differ in the last bit).
    running = 0.0
    for loss in losses:
        running += loss
    assert update.step_loss == running == stepper.last_step_loss
    stepper.advance()
    assert stepper.row_losses == ()


def test_a_new_alpha_applies_to_updates_not_yet_made():
    config = _config(2)
    stepper = RowStepper(config, _weights(2))
    stepper.advance()
    faster = config.with_changes(alpha=2.0, steps=50)
    assert stepper.continues(faster, _weights(2), 0)
    stepper.set_config(faster)
    assert stepper.row == 0 and stepper.phase == LOSS
    update = _run_updates(stepper, 1)[0]
    expected = row_math(faster, _weights(2), 0).after
    np.testing.assert_array_equal(update.weights.flat(), expected.flat())


def test_a_walk_through_continues_only_from_its_own_weights_step_and_settings():
    config = _config(2)
    stepper = RowStepper(config, _weights(2), step=4)
    update = _run_updates(stepper, 1)[0]
    assert stepper.continues(config, Weights.from_flat(update.weights.flat(), 2), 4)
    assert not stepper.continues(config, _weights(2), 4)
    assert not stepper.continues(config, update.weights, 5)
    for change in (dict(update_order="article"), dict(activation="tanh"), dict(gate="xnor"),
                   dict(loss="cross-entropy"), dict(mode="batch"), dict(seed=9)):
        assert not stepper.continues(config.with_changes(**change), update.weights, 4), change


def test_numbers_that_stop_being_finite_stop_the_stepper():
    config = _config(2, "relu", "cross-entropy")
    huge = Weights(np.full((3, 2), 1e200), np.full(3, 1e200))
    stepper = RowStepper(config, huge)
    assert list(stepper.updates()) == []
    assert stepper.diverged and stepper.weights.equals(huge)
    assert stepper.advance() is None


# -- what a view needs to write the numbers ----------------------------------------------

@pytest.mark.parametrize("value, text", [
    (0.0, "0"), (1.0, "1"), (-1.0, "−1"), (0.5, "0.5"), (1.45, "1.45"), (0.123456, "0.1235"),
    (-0.0012345, "−0.001234"), (1.2345e-5, "1.234×10⁻⁵"), (-3e-9, "−3×10⁻⁹"), (123456.7, "1.235×10⁵"),
    (math.nan, "NaN"), (math.inf, "∞"), (-math.inf, "−∞"),
])
def test_format_number_is_readable(value, text):
    assert format_number(value) == text


@pytest.mark.parametrize("hidden_nodes, nodes, left_out", [
    (0, [], False), (2, [0, 1], False), (4, [0, 1, 2, 3], False), (5, [0, 1, 2], True), (64, [0, 1, 2], True),
])
def test_shown_nodes_keep_wide_layers_legible(hidden_nodes, nodes, left_out):
    shown, more = shown_nodes(hidden_nodes)
    assert list(shown) == nodes and more == left_out


def test_rows_follow_the_articles_order():
    config = _config(0)
    assert [tuple(row_math(config, _weights(0), k).x[:2]) for k in range(4)] == list(ROWS)
