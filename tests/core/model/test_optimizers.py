"""Momentum and Adam (core.model.step.optimizer_update) against a plain reference written here,
with PyTorch's conventions spelled out by hand, and against finite differences; and every path
that runs them (the kernels, batch training, the many-seeds engine, the math panel, replay)
against each other.
"""

import math
import random

import numpy as np
import pytest
from plain_network import activation, sigmoid
from weight_samples import random_weights

from core.model import step
from core.model.config import ACTIVATIONS, LOSSES, MODES, UPDATE_ORDERS, TrainConfig
from core.model.gates import ROWS, inputs_with_bias
from core.model.layout import parameter_count, state_layout
from core.model.network import Weights
from core.teaching.row_math import RowStepper
from core.training.ensemble import Ensemble
from core.training.trainer import Trainer

OPTIMIZERS = ("momentum", "adam")


# -- a plain reference: the network in Python loops, the optimizers as PyTorch writes them -------
def _loss_and_delta(loss, v, yt):
    yp = sigmoid(v)
    if loss == "squared":
        return 0.5 * (yp - yt) ** 2, (yp - yt) * yp * (1.0 - yp)
    # -(t log yp + (1 - t) log(1 - yp)), written so that it keeps its digits near yp = 1
    return max(v, 0.0) + math.log1p(math.exp(-abs(v))) - yt * v, yp - yt


class TorchLike:
    """torch.optim.SGD(momentum=0.9) and torch.optim.Adam() on a flat list of weights: one
    `tick()` per optimizer.step() call, then `apply` to the weights it moves."""

    def __init__(self, name, size):
        self.name = name
        self.buffer = [None] * size  # SGD: momentum_buffer, none until the first step
        self.exp_avg, self.exp_avg_sq = [0.0] * size, [0.0] * size
        self.steps = 0

    def tick(self):
        self.steps += 1

    def apply(self, w, grad, lr, indices):
        for k in indices:
            g = grad[k]
            if self.name == "momentum":
                # torch: buf = clone(g) on the first step, else buf.mul_(momentum).add_(g)
                self.buffer[k] = g if self.buffer[k] is None else 0.9 * self.buffer[k] + g
                w[k] -= lr * self.buffer[k]
            else:
                self.exp_avg[k] = 0.9 * self.exp_avg[k] + (1 - 0.9) * g
                self.exp_avg_sq[k] = 0.999 * self.exp_avg_sq[k] + (1 - 0.999) * g * g
                bias1, bias2 = 1 - 0.9 ** self.steps, 1 - 0.999 ** self.steps
                denom = math.sqrt(self.exp_avg_sq[k]) / math.sqrt(bias2) + 1e-8
                w[k] -= (lr / bias1) * self.exp_avg[k] / denom

    def state(self):
        if self.name == "momentum":
            return [0.0 if b is None else b for b in self.buffer]
        return self.exp_avg + self.exp_avg_sq + [float(self.steps)]


def _row(config, w, x, yt):
    """(loss, output delta g, h, f'(u)) of one row; w flat (core.model.layout)."""
    nodes = config.hidden_nodes
    if not nodes:
        return (*_loss_and_delta(config.loss, sum(w[i] * x[i] for i in range(3)), yt), [], [])
    u = [sum(x[i] * w[i * nodes + j] for i in range(3)) for j in range(nodes)]
    h, d = zip(*(activation(config.activation, uj) for uj in u))
    out = 3 * nodes
    v = sum(w[out + j] * h[j] for j in range(nodes)) + w[out + nodes]
    return (*_loss_and_delta(config.loss, v, yt), h, d)


def _output_grads(config, g, h, x, size):
    grad = [0.0] * size
    if not config.hidden_nodes:
        for i in range(3):
            grad[i] = g * x[i]
        return grad
    out = 3 * config.hidden_nodes
    for j, hj in enumerate(h):
        grad[out + j] = g * hj
    grad[out + config.hidden_nodes] = g
    return grad


def _hidden_grads(config, g, d, used, x, grad):
    nodes, out = config.hidden_nodes, 3 * config.hidden_nodes
    for i in range(3):
        for j in range(nodes):
            grad[i * nodes + j] = g * used[out + j] * d[j] * x[i]


def reference_run(config, w, steps):
    """(losses, weights, optimizer state) after `steps` steps of the article's loop."""
    w, size, nodes = list(w), len(w), config.hidden_nodes
    hidden, output = range(3 * nodes), range(3 * nodes, size)
    opt = TorchLike(config.optimizer, size)
    rows = [((x1, x2, 1.0), yt) for (x1, x2), yt in zip(ROWS, config.targets)]
    losses = []
    for _ in range(steps):
        total, summed = 0.0, [0.0] * size
        for x, yt in rows:
            loss, g, h, d = _row(config, w, x, yt)
            total += loss
            grad = _output_grads(config, g, h, x, size)
            if config.mode == "batch":
                _hidden_grads(config, g, d, w, x, grad)
                summed = [a + b for a, b in zip(summed, grad)]
                continue
            opt.tick()  # one update per row
            if config.update_order == "article":  # output weights first; the hidden deltas use them
                opt.apply(w, grad, config.alpha, output)
                _hidden_grads(config, g, d, w, x, grad)
                opt.apply(w, grad, config.alpha, hidden)
            else:
                _hidden_grads(config, g, d, w, x, grad)
                opt.apply(w, grad, config.alpha, range(size))
        if config.mode == "batch":
            opt.tick()  # one update per step
            opt.apply(w, summed, config.alpha, range(size))
        losses.append(total)
    return losses, w, opt.state()


def random_config(case, optimizer, steps=3):
    rng = random.Random(case)
    gate = rng.choice(["xor", "and", "nand", "xnor", "custom"])
    targets = tuple(rng.choice([0.0, 0.3, 1.0]) for _ in range(4)) if gate == "custom" else None
    return TrainConfig(gate=gate, targets=targets, hidden_nodes=(0, 1, 2, 3, 5)[case % 5],
                       alpha=rng.choice([0.05, 0.5, 2.0]), steps=steps, seed=rng.randrange(10**6),
                       mode=MODES[(case // 5) % 2], activation=rng.choice(ACTIVATIONS),
                       loss=rng.choice(LOSSES), update_order=UPDATE_ORDERS[(case // 10) % 2],
                       optimizer=optimizer)


CASES = [(optimizer, case) for optimizer in OPTIMIZERS for case in range(20)]


def close(actual, expected):
    np.testing.assert_allclose(actual, expected, rtol=1e-9, atol=1e-12)


def test_the_cases_cover_every_option():
    configs = [random_config(case, optimizer) for optimizer, case in CASES]
    for name, options in (("mode", MODES), ("update_order", UPDATE_ORDERS), ("optimizer", OPTIMIZERS)):
        for option in options:
            assert any(getattr(c, name) == option and c.hidden_nodes == h
                       for c in configs for h in (0, 2)), (name, option)


@pytest.mark.parametrize("optimizer, case", CASES)
def test_the_trainer_follows_the_reference(optimizer, case):
    config = random_config(case, optimizer)
    trainer = Trainer(config)
    losses, weights, state = reference_run(config, trainer.flat_weights(), config.steps)
    trainer.run()
    close(trainer.history.values(), losses)
    close(trainer.flat_weights(), weights)
    close(trainer.optimizer_state(), state)


@pytest.mark.parametrize("optimizer, case", CASES)
def test_the_many_seeds_engine_follows_the_trainer(optimizer, case):
    config = random_config(case, optimizer)
    engines = ("vector", "loop") if config.mode == "online" else ("vector",)
    for engine in engines:
        result = Ensemble(config, 3, config.seed, engine=engine).run()
        for k in range(3):
            trainer = Trainer(config.with_changes(seed=config.seed + k))
            trainer.run()
            close(result.weights[k], trainer.flat_weights())


@pytest.mark.parametrize("optimizer, case", [c for c in CASES if random_config(c[1], c[0]).mode == "online"])
def test_the_math_panel_gives_the_trainers_state_bit_for_bit(optimizer, case):
    config = random_config(case, optimizer)
    trainer = Trainer(config)
    stepper = RowStepper(config, trainer.weights)
    updates = [update for _, update in zip(range(4 * config.steps), stepper.updates())]
    trainer.run()
    assert np.array_equal(updates[-1].weights.flat(), trainer.flat_weights())
    assert updates[-1].optimizer_state == trainer.optimizer_state()


@pytest.mark.parametrize("optimizer", OPTIMIZERS)
@pytest.mark.parametrize("mode", MODES)
@pytest.mark.parametrize("order", UPDATE_ORDERS)
def test_any_past_step_replays_with_its_optimizer_state(optimizer, mode, order):
    config = TrainConfig(optimizer=optimizer, mode=mode, update_order=order, steps=400, alpha=0.2)
    trainer = Trainer(config)
    trainer.advance(150)
    trainer.set_alpha(0.4)
    trainer.run()
    for at in (0, 77, 150, 321):
        state = trainer.state_at(at)
        straight = Trainer(config)
        straight.advance(min(at, 150))
        straight.set_alpha(0.4)
        straight.advance(at - straight.step)
        assert state.weights.equals(straight.weights)
        assert state.optimizer_state == straight.optimizer_state()


def test_momentums_first_step_is_pytorchs_v_equals_g():
    """PyTorch starts the buffer at the gradient itself; 0.9 * 0 + g is that very float."""
    config = TrainConfig(optimizer="momentum", mode="batch", steps=1)
    plain, moving = Trainer(config.with_changes(optimizer="sgd")), Trainer(config)
    plain.run()
    moving.run()
    assert plain.flat_weights() == moving.flat_weights()  # w - alpha g either way
    start = Trainer(config).weights
    _, grads = step.batch_gradient(step.MATMUL, start.params(), inputs_with_bias(),
                                   np.asarray(config.targets), config.activation, config.loss)
    assert np.array_equal(moving.optimizer_state(), Weights.from_params(grads).flat())


# -- the gradient the optimizers get, against finite differences ---------------------------------
def _summed_loss(config, flat, rows):
    return sum(_row(config, flat, (x1, x2, 1.0), yt)[0]
               for (x1, x2), yt in list(zip(ROWS, config.targets))[rows])


def _differences(config, flat, rows, eps=1e-6):
    result = []
    for k in range(len(flat)):
        up, down = list(flat), list(flat)
        up[k] += eps
        down[k] -= eps
        result.append((_summed_loss(config, up, rows) - _summed_loss(config, down, rows)) / (2 * eps))
    return np.array(result)


def _gradient_from_state(config, state):
    """The gradient the first update used, read back from the optimizer's state after it:
    momentum's velocity is g; Adam's first moment is (1 - beta1) g."""
    size = parameter_count(config.hidden_nodes)
    first = np.array(state[:size])
    return first if config.optimizer == "momentum" else first / (1 - 0.9)


@pytest.mark.parametrize("optimizer", OPTIMIZERS)
@pytest.mark.parametrize("mode", MODES)
@pytest.mark.parametrize("hidden", [0, 2, 3])
@pytest.mark.parametrize("activation", ACTIVATIONS)
@pytest.mark.parametrize("loss", LOSSES)
def test_the_optimizers_get_the_gradient_of_the_loss(optimizer, mode, hidden, activation, loss):
    """Batch mode: the summed loss's gradient; online: the first row's (its first update)."""
    config = TrainConfig(gate="custom", targets=(0.3, 1.0, 0.0, 0.7), hidden_nodes=hidden, steps=1,
                         mode=mode, activation=activation, loss=loss, optimizer=optimizer)
    weights = random_weights(hidden, 11 + hidden)
    rows = slice(None) if mode == "batch" else slice(0, 1)
    if mode == "batch":
        trainer = Trainer(config, weights)
        trainer.run()
        state = trainer.optimizer_state()
    else:
        stepper = RowStepper(config, weights)
        state = next(stepper.updates()).optimizer_state
    numeric = _differences(config, weights.flat().tolist(), rows)
    np.testing.assert_allclose(_gradient_from_state(config, state), numeric, rtol=1e-6,
                               atol=1e-8 * max(1.0, np.abs(numeric).max()))


def test_adam_counts_one_update_per_row_online_and_one_per_step_in_batch():
    for mode, per_step in (("online", 4), ("batch", 1)):
        config = TrainConfig(optimizer="adam", mode=mode, steps=7)
        trainer = Trainer(config)
        trainer.run()
        where = state_layout(config.hidden_nodes, "adam")
        assert trainer.optimizer_state()[where.count - where.weights.size] == 7 * per_step


def test_the_optimizers_really_differ():
    finals = {}
    for optimizer in ("sgd", *OPTIMIZERS):
        trainer = Trainer(TrainConfig(optimizer=optimizer, steps=50))
        trainer.run()
        finals[optimizer] = trainer.flat_weights()
    assert len(set(finals.values())) == 3
