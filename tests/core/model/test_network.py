"""The NumPy network: stable sigmoid and losses, backprop against finite differences, grids."""

import itertools
import warnings

import numpy as np
import pytest
from weight_samples import random_weights

from core.model import network, step
from core.model.gates import inputs_with_bias
from core.model.network import Weights

ACTIVATIONS = ("sigmoid", "tanh", "relu")
LOSSES = ("squared", "cross-entropy")
HIDDEN = (0, 1, 2, 5)
TARGET_SETS = {"xor": (0.0, 1.0, 1.0, 0.0), "soft": (0.2, 0.7, 0.9, 0.4)}


# -- sigmoid ----------------------------------------------------------------

@pytest.mark.parametrize("u, expected", [
    (1e6, 1.0), (-1e6, 0.0), (1e308, 1.0), (-1e308, 0.0), (np.inf, 1.0), (-np.inf, 0.0),
    (800.0, 1.0), (-800.0, 0.0), (0.0, 0.5),
])
def test_sigmoid_is_exact_at_extremes_without_warnings(u, expected):
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        with np.errstate(over="raise", invalid="raise", divide="raise"):
            assert network.sigmoid(u) == expected
            assert network.sigmoid(np.array([u, u]))[1] == expected


def test_sigmoid_matches_the_formula_and_is_symmetric():
    u = np.linspace(-30.0, 30.0, 601)
    s = network.sigmoid(u)
    np.testing.assert_allclose(s, 1.0 / (1.0 + np.exp(-u)), rtol=1e-14, atol=0)
    np.testing.assert_allclose(s + network.sigmoid(-u), 1.0, rtol=0, atol=1e-15)
    assert np.all(np.diff(s) > 0)


def test_sigmoid_tiny_tail_is_positive_not_zero():
    # exp(-700) is still representable: a stable sigmoid keeps it, it does not round to 0.
    assert network.sigmoid(-700.0) == pytest.approx(np.exp(-700.0), rel=1e-12)


@pytest.mark.parametrize("activation", ACTIVATIONS)
def test_activation_slopes_match_finite_differences(activation):
    u = np.array([-2.0, -0.5, 0.3, 1.7])
    h, dh = network.activate(activation, u)
    eps = 1e-6
    up, down = network.activate(activation, u + eps)[0], network.activate(activation, u - eps)[0]
    numeric = (up - down) / (2 * eps)
    np.testing.assert_allclose(dh, numeric, rtol=1e-7, atol=1e-9)
    expected = {"sigmoid": 1 / (1 + np.exp(-u)), "tanh": np.tanh(u), "relu": np.maximum(u, 0)}[activation]
    np.testing.assert_allclose(h, expected, rtol=1e-14)


def test_unknown_activation_is_an_error():
    with pytest.raises(ValueError):
        network.activate("softsign", np.zeros(2))


# -- losses -----------------------------------------------------------------

def test_squared_loss_is_half_the_squared_error():
    yp = np.array([0.1, 0.6, 0.8, 0.3])
    targets = np.array([0.0, 1.0, 1.0, 0.0])
    losses = network.row_losses(np.zeros(4), yp, targets, "squared")
    np.testing.assert_allclose(losses, 0.5 * (yp - targets) ** 2, rtol=1e-15)


def test_cross_entropy_matches_its_definition_at_moderate_v():
    v = np.array([-3.0, -0.5, 0.7, 2.5])
    yp = network.sigmoid(v)
    targets = np.array([0.0, 1.0, 0.3, 1.0])
    expected = -(targets * np.log(yp) + (1 - targets) * np.log(1 - yp))
    np.testing.assert_allclose(network.row_losses(v, yp, targets, "cross-entropy"), expected, rtol=1e-12)


@pytest.mark.parametrize("magnitude", [40.0, 800.0, 1e6, 1e300])
def test_cross_entropy_is_finite_for_huge_v(magnitude):
    v = np.array([magnitude, magnitude, -magnitude, -magnitude])
    targets = np.array([1.0, 0.0, 1.0, 0.0])
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        yp = network.sigmoid(v)
        losses = network.row_losses(v, yp, targets, "cross-entropy")
        deltas = network.output_delta(yp, targets, "cross-entropy")
    assert np.all(np.isfinite(losses))
    # Right side: ~0; wrong side: ~|v| (softplus grows linearly, it does not overflow).
    assert losses[0] == pytest.approx(0.0, abs=1e-17) and losses[3] == pytest.approx(0.0, abs=1e-17)
    assert losses[1] == pytest.approx(magnitude, rel=1e-12)
    assert losses[2] == pytest.approx(magnitude, rel=1e-12)
    np.testing.assert_allclose(deltas, [0.0, 1.0, -1.0, 0.0], atol=1e-17)


def test_total_loss_with_huge_weights_is_finite_and_warning_free():
    # H = 0 with a bias of +-1e6: v = bias on every row.
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        and_targets = (0.0, 0.0, 0.0, 1.0)
        up = network.total_loss(Weights(np.zeros((3, 0)), np.array([0.0, 0.0, 1e6])),
                                and_targets, "sigmoid", "cross-entropy")
        down = network.total_loss(Weights(np.zeros((3, 0)), np.array([0.0, 0.0, -1e6])),
                                  and_targets, "sigmoid", "cross-entropy")
        squared = network.total_loss(Weights(np.zeros((3, 0)), np.array([0.0, 0.0, 1e300])),
                                     and_targets, "sigmoid", "squared")
    assert up == pytest.approx(3e6, rel=1e-12)
    assert down == pytest.approx(1e6, rel=1e-12)
    assert squared == 1.5


# -- backprop ----------------------------------------------------------------

GRADIENT_CASES = list(itertools.product(ACTIVATIONS, LOSSES, HIDDEN, TARGET_SETS))


@pytest.mark.parametrize("activation, loss, hidden_nodes, targets_name", GRADIENT_CASES)
def test_backprop_matches_central_finite_differences(activation, loss, hidden_nodes, targets_name):
    targets = TARGET_SETS[targets_name]
    for seed in (11, 12):
        weights = random_weights(hidden_nodes, seed)
        analytic = network.gradients(weights, inputs_with_bias(), targets, activation, loss)
        numeric = network.numerical_gradients(weights, targets, activation, loss)
        assert analytic.hidden.shape == (3, hidden_nodes)
        assert analytic.output.shape == ((hidden_nodes + 1,) if hidden_nodes else (3,))
        a, n = analytic.flat(), numeric.flat()
        relative = np.abs(a - n) / np.maximum(np.maximum(np.abs(a), np.abs(n)), 1e-4)
        assert relative.max() < 1e-5, (relative, a, n)
        # Not a vacuous comparison: the gradient is substantial.
        assert np.abs(a).max() > 1e-3


def test_gradients_of_one_row_sum_to_the_gradient_of_all_rows():
    weights = random_weights(3, 5)
    x = inputs_with_bias()
    targets = np.array(TARGET_SETS["soft"])
    whole = network.gradients(weights, x, targets, "tanh", "squared").flat()
    parts = sum(network.gradients(weights, x[k:k + 1], targets[k:k + 1], "tanh", "squared").flat()
                for k in range(4))
    np.testing.assert_allclose(parts, whole, rtol=1e-12, atol=1e-15)


@pytest.mark.parametrize("activation, loss", list(itertools.product(ACTIVATIONS, LOSSES)))
@pytest.mark.parametrize("hidden_nodes", HIDDEN)
def test_gradient_check_is_tiny_for_correct_gradients(activation, loss, hidden_nodes):
    for seed in (21, 22, 23):
        weights = random_weights(hidden_nodes, seed, scale=1.0)
        assert network.gradient_check(weights, TARGET_SETS["xor"], activation, loss) < 1e-3


def test_gradient_check_is_not_fooled_by_rounding_noise_in_near_zero_components():
    """Correct gradients must pass the check at ordinary weights too.

    Here (H = 5, ReLU, cross-entropy, loss ~10) some components are ~1e-9, i.e. zero next
    to components of ~6; finite differences carry ~1e-9 of rounding noise, so an absolute
    floor of 1e-7 turns that noise into a "relative error" of ~1e-2 although backprop is exact.
    """
    weights = random_weights(5, 21)
    targets = TARGET_SETS["xor"]
    a = network.gradients(weights, inputs_with_bias(), targets, "relu", "cross-entropy").flat()
    n = network.numerical_gradients(weights, targets, "relu", "cross-entropy").flat()
    # Backprop is right to ~1e-9 of the gradient's size ...
    assert np.abs(a - n).max() < 1e-8 * np.abs(a).max()
    # ... so the check must not report an error on the scale of a real bug.
    assert network.gradient_check(weights, targets, "relu", "cross-entropy") < 1e-3


@pytest.mark.parametrize("loss", LOSSES)
@pytest.mark.parametrize("hidden_nodes", (0, 2))
def test_gradient_check_is_large_when_backprop_is_broken(monkeypatch, loss, hidden_nodes):
    weights = random_weights(hidden_nodes, 21)
    correct = step.output_delta
    monkeypatch.setattr(step, "output_delta", lambda f, yp, t, name: 2.0 * correct(f, yp, t, name))
    # Every analytic gradient is doubled: relative error |2g - g| / |2g| = 0.5.
    assert network.gradient_check(weights, TARGET_SETS["xor"], "sigmoid", loss) > 0.4


def test_gradient_check_catches_a_wrong_hidden_slope(monkeypatch):
    weights = random_weights(2, 21)
    correct = step.activate

    def wrong_slope(f, name, u):
        h, dh = correct(f, name, u)
        return h, dh * 1.1

    monkeypatch.setattr(step, "activate", wrong_slope)
    assert network.gradient_check(weights, TARGET_SETS["xor"], "tanh", "squared") > 0.05


# -- weights -----------------------------------------------------------------

def test_weights_flat_order_round_trip_and_equality():
    weights = Weights(np.arange(6.0).reshape(3, 2), np.array([6.0, 7.0, 8.0]))
    np.testing.assert_array_equal(weights.flat(), np.arange(9.0))
    back = Weights.from_flat(weights.flat(), 2)
    assert back.equals(weights) and back.hidden_nodes == 2
    copy = weights.copy()
    copy.hidden[0, 0] = 99.0
    assert weights.hidden[0, 0] == 0.0 and not copy.equals(weights)
    assert weights.to_dict() == {"hidden": [[0.0, 1.0], [2.0, 3.0], [4.0, 5.0]], "output": [6.0, 7.0, 8.0]}
    assert weights.is_finite()
    assert not Weights(weights.hidden, np.array([6.0, np.nan, 8.0])).is_finite()


def test_two_layer_forward_is_one_sigmoid_neuron():
    weights = Weights(np.zeros((3, 0)), np.array([2.0, -3.0, 0.5]))
    x = inputs_with_bias()
    expected = 1.0 / (1.0 + np.exp(-(2.0 * x[:, 0] - 3.0 * x[:, 1] + 0.5)))
    np.testing.assert_allclose(network.predictions(weights, "relu"), expected, rtol=1e-14)


def test_three_layer_forward_uses_a_bias_node_after_the_hidden_nodes():
    hidden = np.array([[1.0, -2.0], [0.5, 1.5], [-0.25, 0.75]])
    output = np.array([2.0, -1.0, 0.3])
    x = inputs_with_bias()
    h = np.tanh(x @ hidden)
    expected = 1.0 / (1.0 + np.exp(-(h @ output[:2] + output[2])))
    np.testing.assert_allclose(network.predictions(Weights(hidden, output), "tanh"), expected, rtol=1e-14)


# -- grids -------------------------------------------------------------------

@pytest.mark.parametrize("hidden_nodes", (0, 2))
def test_output_grid_shape_and_orientation(hidden_nodes):
    weights = Weights(np.array([[3.0, -1.0], [-2.0, 2.5], [0.5, -0.5]])[:, :hidden_nodes],
                      np.array([2.0, -3.0, 0.5]))
    predictions = network.predictions(weights, "sigmoid")
    # The weights treat x1 and x2 differently, so a transposed grid would be caught.
    assert abs(predictions[1] - predictions[2]) > 0.1
    axis, grid = network.output_grid(weights, "sigmoid", size=11)
    assert grid.shape == (11, 11)
    np.testing.assert_array_equal(axis, np.linspace(0.0, 1.0, 11))
    corners = [grid[0, 0], grid[-1, 0], grid[0, -1], grid[-1, -1]]  # rows (0,0), (1,0), (0,1), (1,1)
    np.testing.assert_allclose(corners, predictions, rtol=1e-14)
    inner = network.forward(weights, np.array([[axis[3], axis[7], 1.0]]), "sigmoid").yp[0]
    assert grid[3, 7] == pytest.approx(inner, rel=1e-14)


def test_output_grid_default_size():
    axis, grid = network.output_grid(random_weights(2, 3), "sigmoid")
    assert axis.shape == (41,) and grid.shape == (41, 41)
    assert np.all((grid > 0) & (grid < 1))


def test_hidden_grids_shape_and_orientation():
    hidden = np.array([[3.0, -1.0], [-2.0, 2.5], [0.5, -0.5]])
    weights = Weights(hidden, np.array([1.0, 1.0, 0.0]))
    grids = network.hidden_grids(weights, "tanh", size=5)
    assert grids.shape == (2, 5, 5)
    axis = np.linspace(0.0, 1.0, 5)
    for j in range(2):
        expected = np.tanh(hidden[0, j] * axis[1] + hidden[1, j] * axis[4] + hidden[2, j])
        assert grids[j, 1, 4] == pytest.approx(expected, rel=1e-14)
