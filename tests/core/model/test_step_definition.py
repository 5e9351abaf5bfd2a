"""The step's one definition (core.model.step) against finite differences and a plain reference
trainer, through every path that runs it: the compiled kernels and the math panel (the floats
dialect), the many-seeds engine (the arrays dialect) and batch training (NumPy arrays).

test_step_goldens.py holds each path to the very floats it gave before; these tests hold the
definition itself to the mathematics, for every option.
"""

import itertools
import math
import random
import re
from pathlib import Path

import numpy as np
import pytest
from plain_network import activation, sigmoid
from weight_samples import random_weights

from core.model import step, tracing
from core.model.config import ACTIVATIONS, LOSSES, MODES, UPDATE_ORDERS, TrainConfig
from core.model.gates import ROWS, inputs_with_bias
from core.model.layout import layout
from core.model.network import Weights
from core.model.step import MATMUL
from core.teaching.row_math import RowStepper, row_math
from core.training.ensemble import Ensemble
from core.training.trainer import Trainer

HIDDEN = (0, 1, 2, 3, 5)
TARGET_SETS = ((0.0, 1.0, 1.0, 0.0), (0.3, 1.0, 0.0, 0.7))
ROOT = Path(__file__).resolve().parents[3]


# -- a plain reference trainer, written from the article's formulas ------------------------------
def _row_loss_and_delta(loss, yp, yt):
    if loss == "squared":
        return 0.5 * (yp - yt) ** 2, (yp - yt) * yp * (1.0 - yp)
    return -(yt * math.log(yp) + (1.0 - yt) * math.log(1.0 - yp)), yp - yt


def _row_gradient(config, w1, w2, x, yt, article_alpha=None):
    """(loss, dL/dw1, dL/dw2) of one row; article_alpha: update w2 first and use it for w1's."""
    nodes = len(w2) - 1 if w1 else 0
    if not nodes:
        yp = sigmoid(sum(wi * xi for wi, xi in zip(w2, x)))
        loss, g = _row_loss_and_delta(config.loss, yp, yt)
        return loss, [], [g * xi for xi in x]
    u = [sum(x[i] * w1[i][j] for i in range(3)) for j in range(nodes)]
    h, d = zip(*(activation(config.activation, uj) for uj in u))
    yp = sigmoid(sum(w2[j] * h[j] for j in range(nodes)) + w2[nodes])
    loss, g = _row_loss_and_delta(config.loss, yp, yt)
    grad2 = [g * hj for hj in h] + [g]
    used = w2 if article_alpha is None else [w - article_alpha * gw for w, gw in zip(w2, grad2)]
    grad1 = [[g * used[j] * d[j] * x[i] for j in range(nodes)] for i in range(3)]
    return loss, grad1, grad2


def reference_step(config, w1, w2):
    """One step of the article's training loop: (loss, w1, w2) after it."""
    alpha, total = config.alpha, 0.0
    rows = [((x1, x2, 1.0), yt) for (x1, x2), yt in zip(ROWS, config.targets)]
    if config.mode == "batch":
        sum1 = [[0.0] * (len(w2) - 1) for _ in range(3)] if w1 else []
        sum2 = [0.0] * len(w2)
        for x, yt in rows:
            loss, g1, g2 = _row_gradient(config, w1, w2, x, yt)
            total += loss
            sum1 = [[a + b for a, b in zip(r1, r2)] for r1, r2 in zip(sum1, g1)]
            sum2 = [a + b for a, b in zip(sum2, g2)]
        return (total, [[w - alpha * g for w, g in zip(r, gr)] for r, gr in zip(w1, sum1)],
                [w - alpha * g for w, g in zip(w2, sum2)])
    for x, yt in rows:
        article = alpha if config.update_order == "article" else None
        loss, g1, g2 = _row_gradient(config, w1, w2, x, yt, article)
        total += loss
        w1 = [[w - alpha * g for w, g in zip(r, gr)] for r, gr in zip(w1, g1)]
        w2 = [w - alpha * g for w, g in zip(w2, g2)]
    return total, w1, w2


def reference_run(config, weights, steps):
    w1, w2 = weights.hidden.tolist() if weights.hidden_nodes else [], weights.output.tolist()
    losses = []
    for _ in range(steps):
        loss, w1, w2 = reference_step(config, w1, w2)
        losses.append(loss)
    hidden = np.array(w1, dtype=float).reshape(3, weights.hidden_nodes)
    return Weights(hidden, np.array(w2)), np.array(losses)


def random_config(case: int, steps: int = 3) -> TrainConfig:
    rng = random.Random(case)
    gate = rng.choice(["xor", "and", "nand", "xnor", "custom"])
    targets = tuple(rng.choice([0.0, 0.3, 1.0]) for _ in range(4)) if gate == "custom" else None
    return TrainConfig(gate=gate, targets=targets, hidden_nodes=(0, 1, 2, 3, 4, 5, 7, 16)[case % 8],
                       alpha=rng.choice([0.05, 0.5, 3.0]), steps=steps, seed=rng.randrange(10**6),
                       mode=MODES[(case // 8) % 2], activation=rng.choice(ACTIVATIONS),
                       loss=rng.choice(LOSSES), init=rng.choice(["uniform", "xavier"]),
                       update_order=rng.choice(UPDATE_ORDERS))


CASES = 48


def close(actual, expected, rtol=1e-9):
    np.testing.assert_allclose(actual, expected, rtol=rtol, atol=1e-12)


def close_to_differences(analytic, numeric):
    """Central differences are good to ~1e-10 absolute (rounding / eps): small components are
    compared on the scale of the largest."""
    np.testing.assert_allclose(analytic, numeric, rtol=1e-6, atol=1e-8 * max(1.0, np.abs(numeric).max()))


def test_the_cases_cover_every_option():
    configs = [random_config(case) for case in range(CASES)]
    for name, options in (("activation", ACTIVATIONS), ("loss", LOSSES), ("mode", MODES),
                          ("update_order", UPDATE_ORDERS), ("init", ("uniform", "xavier"))):
        assert {getattr(c, name) for c in configs} == set(options), name
    hidden = (0, 1, 2, 3, 4, 5, 7, 16)
    assert {(c.mode, c.hidden_nodes) for c in configs} == {(m, h) for m in MODES for h in hidden}


@pytest.mark.parametrize("case", range(CASES))
def test_the_trainer_follows_the_reference(case):
    config = random_config(case)
    trainer = Trainer(config)
    weights, losses = reference_run(config, trainer.initial_weights, config.steps)
    trainer.advance(config.steps)
    close(trainer.history.values(), losses)
    close(trainer.weights.flat(), weights.flat())


@pytest.mark.parametrize("case", range(CASES))
def test_the_many_seeds_engine_follows_the_reference(case):
    config = random_config(case)
    engines = ("vector", "loop") if config.mode == "online" else ("vector",)
    for engine in engines:
        result = Ensemble(config, 2, first_seed=config.seed, engine=engine).run()
        for k in range(2):
            start = Trainer(config.with_changes(seed=config.seed + k)).initial_weights
            weights, losses = reference_run(config, start, config.steps)
            close(result.weights[k], weights.flat())
            close(result.final_loss[k], Trainer(config, weights).final_loss())


@pytest.mark.parametrize("case", [c for c in range(CASES) if random_config(c).mode == "online"])
def test_the_math_panel_follows_the_reference(case):
    config = random_config(case)
    start = Trainer(config).initial_weights
    stepper = RowStepper(config, start)
    weights, losses = reference_run(config, start, config.steps)
    done = [u for u in itertools.islice(stepper.updates(), 4 * config.steps) if u.step_completed]
    close([u.step_loss for u in done], losses)
    close(done[-1].weights.flat(), weights.flat())


def test_the_article_order_really_differs_from_the_textbook_one():
    config = TrainConfig(hidden_nodes=2, steps=3, alpha=2.0)
    textbook = Trainer(config)
    article = Trainer(config.with_changes(update_order="article"))
    textbook.advance(3)
    article.advance(3)
    assert not np.allclose(textbook.weights.flat(), article.weights.flat(), rtol=1e-6)


# -- the gradient against finite differences, every option ----------------------------------------
def _summed_loss(config, flat, rows=slice(None)):
    weights = Weights.from_flat(flat, config.hidden_nodes)
    fw = step.forward(MATMUL, weights.params(), inputs_with_bias()[rows], config.activation)
    losses = step.row_loss(MATMUL, fw.v, fw.yp, np.asarray(config.targets)[rows], config.loss, batch=True)
    return float(np.sum(losses))


def _differences(config, flat, rows=slice(None), eps=1e-6):
    grad = np.zeros_like(flat)
    for i in range(flat.size):
        up, down = flat.copy(), flat.copy()
        up[i] += eps
        down[i] -= eps
        grad[i] = (_summed_loss(config, up, rows) - _summed_loss(config, down, rows)) / (2 * eps)
    return grad


OPTIONS = list(itertools.product(HIDDEN, ACTIVATIONS, LOSSES, range(len(TARGET_SETS))))


def _option_config(hidden, activation, loss, targets):
    return TrainConfig(gate="custom", targets=TARGET_SETS[targets], hidden_nodes=hidden,
                       activation=activation, loss=loss, alpha=0.25)


@pytest.mark.parametrize("hidden, activation, loss, targets", OPTIONS)
def test_batch_gradient_matches_finite_differences(hidden, activation, loss, targets):
    config = _option_config(hidden, activation, loss, targets)
    weights = random_weights(hidden, 11 + hidden)
    _, grads = step.batch_gradient(MATMUL, weights.params(), inputs_with_bias(),
                                   np.asarray(config.targets), activation, loss)
    analytic = Weights.from_params(grads).flat() if hidden else grads.output
    close_to_differences(analytic, _differences(config, weights.flat()))


@pytest.mark.parametrize("hidden, activation, loss, targets", OPTIONS)
def test_each_rows_chain_rule_factors_match_finite_differences(hidden, activation, loss, targets):
    """The math panel's gradients (the traced floats code) are the row loss's derivatives."""
    config = _option_config(hidden, activation, loss, targets)
    weights = random_weights(hidden, 5 + hidden)
    for row in range(4):
        m = row_math(config, weights, row)
        close_to_differences(m.gradients.flat(), _differences(config, weights.flat(), slice(row, row + 1)))
        expected_loss = _summed_loss(config, weights.flat(), slice(row, row + 1))
        assert m.row_loss == pytest.approx(expected_loss, rel=1e-12)


@pytest.mark.parametrize("hidden, activation, loss, targets", OPTIONS)
def test_the_engines_batch_update_steps_down_the_gradient(hidden, activation, loss, targets):
    """One batch step of the arrays dialect moves the weights by alpha times the gradient."""
    config = _option_config(hidden, activation, loss, targets).with_changes(mode="batch", steps=1)
    weights = random_weights(hidden, 17 + hidden)
    params = np.repeat(weights.flat()[:, None], 2, axis=1)
    result = Ensemble(config, 2, params=params, engine="vector").run()
    moved = (weights.flat() - result.weights[0]) / config.alpha
    close_to_differences(moved, _differences(config, weights.flat()))


# -- the definition's own pieces -------------------------------------------------------------------
class _FloatNamespace:
    """The array-form sigmoid evaluated on Python floats."""

    exp = staticmethod(math.exp)

    @staticmethod
    def maximum(a, b):
        return a if math.isnan(a) or a >= b else float(b)


SWEEP = [0.0, -0.0, 5e-324, -5e-324, 1e-300, -1e-300, 1e-8, -1e-8, 0.5, -0.5, 36.7, -36.7, 37.5, -37.5,
         700.0, -700.0, 745.2, -745.2, 1e308, -1e308, math.inf, -math.inf, math.nan]


@pytest.mark.parametrize("z", SWEEP + list(np.linspace(-60, 60, 241)))
def test_the_sigmoids_two_forms_are_one_function(z):
    """The floats dialect's branch per sign and the arrays' max(e, z > 0) give the same bits."""
    z = float(z)
    floats = step.compile_function(
        "def s(z):\n" + "\n".join("    " + line for line in step.SIGMOID_FLOATS.format(z="z", y="y", t="e")
                                  .splitlines()) + "\n    return y", "s", "<sigmoid>")(z)
    arrays = step.sigmoid(_FloatNamespace, z)
    assert floats == arrays or (math.isnan(floats) and math.isnan(arrays))
    if math.isfinite(z):
        assert floats.hex() == float(arrays).hex()


def test_a_weight_read_after_its_update_is_refused():
    """Code generation keeps the update order: a value that needs a weight's old value must be
    computed before the weight is overwritten."""
    graph = tracing.Graph(0)
    w, x = graph.input("w"), graph.input("x")
    new = w - x
    late = tracing.name(w * 2.0, "late")  # computed after the update, from the old weight
    with pytest.raises(ValueError, match="read after it was updated"):
        tracing.FloatSource(graph, {w: "w", x: "x"}, {}, [(new, ("set", "w")), (late, ("keep", None))])
    with pytest.raises(ValueError, match="old value is still needed"):
        tracing.ArraySource(graph, {w: "w", x: "x"}, [(new, "w"), (late, "out")])


def test_constant_inputs_fold_away():
    graph = tracing.Graph(0)
    a, b, c = graph.input("a"), graph.input("b"), graph.input("c")
    assert (a * 1.0 + b * 0.0) + c is graph.binary("add", a, c)
    assert a - 0.0 is a and 0.0 * b == 0.0


def test_the_kernel_source_is_the_traced_definition():
    lines = step.online_row_lines(2, "tanh", "squared", False)
    assert "u0 = a0 * x1 + b0 * x2 + c0" in lines
    assert "d1 = 1.0 - h1 * h1" in lines
    assert lines.index("e0 = g * o0 * d0") < lines.index("o0 -= s * h0")  # textbook: old weights
    article = step.online_row_lines(2, "tanh", "squared", True)
    assert article.index("e0 = g * o0 * d0") > article.index("o0 -= s * h0")


MATH = (r"\bexp\(", r"\btanh\(", r"\blog1p\(", r"1\.0 - h\b", r"\(1(\.0)? - (m\.)?yp\)", r"\byp - y?t",
        r"alpha \* ")
SOURCES = {"core/training/kernels.py": (), "core/training/ensemble.py": (), "core/training/trainer.py": (),
           "core/teaching/row_math.py": (), "core/teaching/gradcheck.py": (), "core/model/network.py": (),
           # the path plane's projections, the hidden space's plane (other nodes held at their
           # mean) and the diagram's edge widths are the views' own geometry
           "core/views/landscape.py": (r" @ ",), "core/views/hidden_space.py": (r" @ ",),
           "core/views/diagram.py": (r"\blog1p\(",),
           # how alike two hidden nodes' weights are (a cosine); the panel's formulas as text
           "core/views/diagnosis.py": (r" @ ",), "gui/views/math_panel.py": (r"\btanh\(",)}


@pytest.mark.parametrize("path", SOURCES)
def test_no_other_module_writes_the_math(path):
    """Activations, slopes, losses, deltas, updates and the sums of a forward pass live in
    core/model/step.py only."""
    text = (ROOT / path).read_text(encoding="utf-8")
    code = "\n".join(line.split("#")[0] for line in text.splitlines())
    for pattern in MATH + (r"einsum\(", r" @ "):
        if pattern not in SOURCES[path]:
            assert not re.search(pattern, code), (path, pattern)


# -- the layout -------------------------------------------------------------------------------------
@pytest.mark.parametrize("hidden", [0, 1, 2, 12, 64])
def test_the_layout_is_the_flat_order(hidden):
    places = layout(hidden)
    assert places.size == (4 * hidden + 1 if hidden else 3) == len(places.weights)
    weights = Weights(np.arange(3.0 * hidden).reshape(3, hidden), 100 + np.arange(places.size - 3 * hidden))
    flat = weights.flat()
    for place in places.weights:
        kind, *index = place.key
        value = weights.hidden[index[0], index[1]] if kind == "hidden" else weights.output[index[0]]
        assert flat[place.index] == value and places.index(place.key) == place.index
    hidden_part, output = places.split(flat)
    assert np.array_equal(hidden_part, weights.hidden) and np.array_equal(output, weights.output)
    if hidden:
        assert np.array_equal(flat[places.from_input(1)], weights.hidden[1])
        assert flat[places.output_bias] == weights.output[-1]


def test_the_layout_names_each_weight_in_both_notations():
    places = layout(2)
    first, last = places.weights[0], places.weights[-1]
    assert (first.gatelab, first.article, first.code, first.label) == ("w(1)11", "w^first_00", "w1[0][0]",
                                                                        "w1[x1→h1]")
    assert (last.gatelab, last.article, last.code, last.label) == ("w(2)3", "w^second_2", "w2[2]", "w2[1→yp]")
    bias = layout(0).weights[2]
    assert (bias.gatelab, bias.article, bias.code) == ("w3", "w2", "w1[2]")  # as the article's code
    assert layout(12).weights[13].gatelab == "w(1)2,2"
