"""Every implementation of the training step agrees with the one written in core.model.step_rule.

Random configurations (seeded, so a failure names its case): every activation, loss, mode and
update order, hidden nodes 0 to 64. Paths: the Trainer (generated per-row kernels online,
NumPy batch), the many-seeds engine's vectorised blocks (including the > 4 hidden nodes
branch) and, for online training, the row-by-row math panel.
"""

import random

import numpy as np
import pytest

from core.model import step_rule
from core.model.config import ACTIVATIONS, LOSSES, MODES, UPDATE_ORDERS, TrainConfig
from core.model.network import Weights
from core.teaching.row_math import RowStepper
from core.training.ensemble import Ensemble, draw_initial_params
from core.training.trainer import Trainer

STEPS = 3
HIDDEN = (0, 1, 2, 3, 4, 5, 7, 16, 33, 64)
CASES = 60
# The fast paths add in other orders (Python floats, NumPy reductions); over 3 steps the
# differences stay near rounding.
RTOL, ATOL = 1e-9, 1e-12


def random_config(case: int) -> TrainConfig:
    rng = random.Random(case)
    gate = rng.choice(["xor", "and", "nand", "xnor", "custom"])
    targets = tuple(rng.choice([0.0, 0.3, 1.0]) for _ in range(4)) if gate == "custom" else None
    return TrainConfig(gate=gate, targets=targets, hidden_nodes=HIDDEN[case % len(HIDDEN)],
                       alpha=rng.choice([0.05, 0.5, 3.0]), steps=STEPS, seed=rng.randrange(10**6),
                       mode=MODES[(case // len(HIDDEN)) % 2], activation=rng.choice(ACTIVATIONS),
                       loss=rng.choice(LOSSES), init=rng.choice(["uniform", "xavier"]),
                       update_order=rng.choice(UPDATE_ORDERS))


def reference(config: TrainConfig):
    weights = Trainer(config).initial_weights
    losses = []
    for _ in range(STEPS):
        weights, loss = step_rule.step(weights, config)
        losses.append(loss)
    return weights, np.array(losses)


def close(actual, expected):
    np.testing.assert_allclose(actual, expected, rtol=RTOL, atol=ATOL)


def test_the_cases_cover_every_option():
    configs = [random_config(case) for case in range(CASES)]
    for name, options in (("activation", ACTIVATIONS), ("loss", LOSSES), ("mode", MODES),
                          ("update_order", UPDATE_ORDERS)):
        assert {getattr(c, name) for c in configs} == set(options), name
    assert {c.hidden_nodes for c in configs} == set(HIDDEN)
    assert {(c.mode, c.hidden_nodes) for c in configs} == {(m, h) for m in MODES for h in HIDDEN}


@pytest.mark.parametrize("case", range(CASES))
def test_trainer_matches_the_step_rule(case):
    config = random_config(case)
    weights, losses = reference(config)
    trainer = Trainer(config)
    trainer.advance(STEPS)
    close(trainer.history.values(), losses)
    close(trainer.weights.flat(), weights.flat())


@pytest.mark.parametrize("case", range(CASES))
def test_vectorised_ensemble_matches_the_step_rule(case):
    config = random_config(case)
    seeds = [config.seed, config.seed + 1]
    ensemble = Ensemble(config, 2, first_seed=config.seed, engine="vector",
                        params=draw_initial_params(config, seeds))
    result = ensemble.run()
    for k, seed in enumerate(seeds):
        weights, _ = reference(config.with_changes(seed=seed))
        close(result.weights[k], weights.flat())


@pytest.mark.parametrize("case", [c for c in range(CASES) if random_config(c).mode == "online"])
def test_row_by_row_math_matches_the_step_rule(case):
    config = random_config(case)
    stepper = RowStepper(config, Trainer(config).initial_weights)
    weights = Trainer(config).initial_weights
    for _ in range(STEPS):
        expected, loss = step_rule.online_step(weights, config)
        done = next(u for u in stepper.updates() if u.step_completed)
        close(done.weights.flat(), expected.flat())
        close([done.step_loss], [loss])
        stepper.advance()
        weights = expected


def test_the_article_order_really_differs_from_the_textbook_one():
    config = TrainConfig(hidden_nodes=2, steps=STEPS, alpha=2.0)
    textbook, _ = reference(config)
    article, _ = reference(config.with_changes(update_order="article"))
    assert not np.allclose(textbook.flat(), article.flat(), rtol=1e-6)


def test_the_rule_holds_the_articles_two_layer_update_by_hand():
    # w_i -= alpha (yp - yt) f'(u) x_i for one row, worked out directly.
    config = TrainConfig(gate="and", hidden_nodes=0, alpha=0.5)
    w = Weights(np.zeros((3, 0)), np.array([0.2, -0.4, 0.1]))
    x, yt = np.array([1.0, 1.0, 1.0]), 1.0
    yp = 1 / (1 + np.exp(-(w.output @ x)))
    expected = w.output - 0.5 * (yp - yt) * yp * (1 - yp) * x
    after, loss = step_rule.row_update(w, x, yt, config)
    close(after.output, expected)
    close([loss], [0.5 * (yp - yt) ** 2])
