"""The loss landscape (core.views.landscape) against network.total_loss, one network at a time."""

import numpy as np
import pytest

from core.model.config import TrainConfig
from core.model.network import Weights, total_loss
from core.training.trainer import Trainer
from core.views import landscape as ls


def trained(**settings):
    run = Trainer(TrainConfig(**settings))
    while not run.finished:
        run.advance(83)
    return run


@pytest.mark.parametrize("settings", [dict(hidden_nodes=0, gate="AND"), dict(hidden_nodes=2),
                                      dict(hidden_nodes=5, activation="tanh", loss="cross-entropy"),
                                      dict(hidden_nodes=3, activation="relu")])
def test_the_weights_plane_is_the_loss_of_each_network_on_the_grid(settings):
    run = trained(steps=600, seed=3, **settings)
    config, weights = run.config, run.weights
    shown = ls.weights_landscape(config, weights, path=run.path.up_to(run.step), grid=9)
    i, j = ls.default_pair(weights.hidden_nodes)
    flat = weights.flat()
    for p in (0, 4, 8):
        for q in (0, 3, 8):
            f = flat.copy()
            f[i], f[j] = shown.a[p], shown.b[q]
            expected = total_loss(Weights.from_flat(f, weights.hidden_nodes), config.targets,
                                  config.activation, config.loss)
            assert shown.loss[p, q] == pytest.approx(expected, rel=1e-12, abs=1e-12)
    assert shown.current == (flat[i], flat[j])
    assert shown.a[0] < flat[i] < shown.a[-1] and shown.b[0] < flat[j] < shown.b[-1]
    names = ls.parameter_names(weights.hidden_nodes)
    assert shown.labels == (names[i], names[j])
    np.testing.assert_array_equal(shown.trajectory[-1], shown.current)  # the path ends now


def test_the_2_layer_default_is_its_two_input_weights_at_the_current_bias():
    assert ls.default_pair(0) == (0, 1) and ls.parameter_names(0)[:2] == ["w[x1→yp]", "w[x2→yp]"]
    assert ls.parameter_names(2)[ls.default_pair(2)[0]] == "w2[h1→yp]"
    with pytest.raises(ValueError):
        ls.weights_landscape(TrainConfig(), trained(steps=50).weights, pair=(1, 1))


def test_the_path_plane_runs_from_the_start_to_now_and_holds_the_path():
    run = trained(steps=3000, seed=6)
    path = run.path.up_to(run.step)
    shown = ls.path_landscape(run.config, run.weights, path, grid=21)
    np.testing.assert_allclose(shown.trajectory[0], (0.0, 0.0), atol=1e-12)
    np.testing.assert_allclose(shown.current, (1.0, 0.0), atol=1e-9)
    assert shown.a[0] < 0 < 1 < shown.a[-1] and shown.kind == ls.PATH and shown.note == ""
    # On the line b = 0 (the grid's middle column), a grid point is start + a (now - start).
    start, now = path[1][0], run.weights.flat()
    middle = len(shown.b) // 2
    assert abs(shown.b[middle]) < 1e-12
    for k in (0, 7, 20):
        network = start + shown.a[k] * (now - start)
        assert shown.loss[k, middle] == pytest.approx(ls.losses_at(run.config, network[None])[0],
                                                      rel=1e-9)
    # b is the path's main direction off the start-now line: the plane holds as much of the
    # path's spread off that line as any plane through the line can.
    line = (now - start) / np.linalg.norm(now - start)
    away = (path[1] - start) - np.outer((path[1] - start) @ line, line)
    top = np.linalg.svd(away, compute_uv=False)[0]
    held = np.linalg.norm(shown.trajectory[:, 1]) * np.linalg.norm(now - start)
    assert held == pytest.approx(top, rel=1e-9)


def test_without_a_path_the_weights_plane_is_drawn_and_says_so():
    run = Trainer(TrainConfig(steps=100))
    shown = ls.path_landscape(run.config, run.weights, run.path.up_to(0))
    assert shown.kind == ls.WEIGHTS and shown.note == ls.NO_PATH


def test_losses_at_matches_total_loss_for_random_networks():
    rng = np.random.default_rng(0)
    for hidden in (0, 1, 4, 64):
        config = TrainConfig(hidden_nodes=hidden)
        size = 3 if hidden == 0 else 4 * hidden + 1
        flats = rng.normal(scale=3, size=(5, size))
        expected = [total_loss(Weights.from_flat(f, hidden), config.targets, "sigmoid", "squared")
                    for f in flats]
        np.testing.assert_allclose(ls.losses_at(config, flats), expected, rtol=1e-12)
