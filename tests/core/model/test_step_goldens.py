"""Every path that trains or shows a step gives exactly the floats it gave before the step was
written once (issue 26): saved runs replay their steps and are checked against their
checkpoints, so a changed rounding would break users' files.

The golden outputs in step_goldens.json were recorded from the code at fd70ab0 (seven copies of
the step) with `python tests/core/model/test_step_goldens.py --record`; never re-record them to
make a change pass. Each value is a fingerprint of float64 bytes (sha256), so a sign of zero or
a last bit counts; small arrays are kept as float hex too, to show where a mismatch lies.
"""

import hashlib
import itertools
import json
import sys
from pathlib import Path

import numpy as np
import pytest

from core.model import network
from core.model.config import ACTIVATIONS, LOSSES, MODES, UPDATE_ORDERS, TrainConfig
from core.model.gates import inputs_with_bias
from core.model.network import Weights
from core.teaching import gradcheck
from core.teaching.row_math import RowStepper, row_math
from core.training.ensemble import Ensemble, draw_initial_params
from core.training.trainer import Trainer
from core.views import diagram, hidden_space, landscape, node_maps

GOLDENS = Path(__file__).with_name("step_goldens.json")
GATES = (("xor", None), ("custom", (0.3, 1.0, 0.0, 0.7)), ("and", None), ("xnor", None))
ALPHAS = (0.5, 2.0, 7.0)


def fingerprint(values) -> str:
    array = np.ascontiguousarray(np.asarray(values, dtype=np.float64))
    digest = hashlib.sha256(array.tobytes()).hexdigest()[:20]
    text = f"{array.shape}:{digest}"
    if array.size <= 9:
        text += ":" + ",".join(float(v).hex() for v in array.ravel())
    return text


def sample_weights(hidden_nodes, seed, scale=1.5):
    rng = np.random.default_rng(1000 + seed)
    return Weights(rng.normal(0.0, scale, (3, hidden_nodes)),
                   rng.normal(0.0, scale, hidden_nodes + 1 if hidden_nodes else 3))


def grid_config(index, hidden, activation, loss, order, mode, steps):
    gate, targets = GATES[index % len(GATES)]
    return TrainConfig(gate=gate, targets=targets, hidden_nodes=hidden, alpha=ALPHAS[index % 3],
                       steps=steps, seed=index, mode=mode, activation=activation, loss=loss,
                       init=("uniform", "xavier")[index % 2], update_order=order)


def grid(hiddens, steps):
    options = itertools.product(hiddens, ACTIVATIONS, LOSSES, UPDATE_ORDERS, MODES)
    return [grid_config(i, *option, steps) for i, option in enumerate(options)]


SPECIAL = [
    dict(hidden_nodes=2, activation="relu", loss="cross-entropy", alpha=100.0, steps=200),
    dict(hidden_nodes=8, activation="tanh", loss="squared", alpha=100.0, steps=200),
    dict(hidden_nodes=0, loss="cross-entropy", alpha=100.0, steps=300, gate="xor"),
    dict(hidden_nodes=2, alpha=2.0, steps=3000, target_loss=0.1),
    dict(hidden_nodes=0, gate="and", alpha=2.0, steps=3000, target_loss=0.05),
    dict(hidden_nodes=64, loss="cross-entropy", steps=12),
    dict(hidden_nodes=64, activation="relu", init="xavier", steps=12),
    dict(hidden_nodes=2, steps=2000, seed=659, update_order="article"),
    dict(hidden_nodes=5, activation="relu", alpha=30.0, steps=300, gate="custom",
         targets=(0.0, 1.0, 0.3, 1.0)),
]


def special_configs():
    return [TrainConfig(mode=mode, **options) for options in SPECIAL for mode in MODES]


def trainer_cases():
    return grid((0, 1, 2, 3, 5, 16), 25) + special_configs()


def ensemble_cases():
    cases = [(c, 3, "vector") for c in grid((0, 1, 2, 5), 20)]
    cases += [(c, 5, "vector") for c in special_configs() if c.hidden_nodes < 64]
    cases += [(c, 3, "vector") for c in special_configs() if c.hidden_nodes == 64]
    cases += [(c, 4, "loop") for c in grid((0, 2), 20) if c.mode == "online"]
    cases += [(c, 4, "loop") for c in special_configs() if c.mode == "online" and c.hidden_nodes < 64]
    cases.append((TrainConfig(hidden_nodes=2, steps=40), 70, "auto"))
    return cases


BLOWN = 1e250  # start weights scaled by this overflow on the first update (ReLU, cross-entropy)


def blown_cases():
    return [TrainConfig(hidden_nodes=h, activation="relu", loss="cross-entropy", alpha=100.0, steps=50,
                        mode=mode, seed=4) for h in (2, 5) for mode in MODES]


def record_trainer(config, scale=1.0):
    start = Trainer(config).initial_weights
    trainer = Trainer(config, Weights(start.hidden * scale, start.output * scale))
    trainer.advance(config.steps)
    return {"losses": fingerprint(trainer.history.values()), "weights": fingerprint(trainer.weights.flat()),
            "status": trainer.status(), "step": trainer.step}


def kernel_cases():
    return list(itertools.product((0, 2, 5), UPDATE_ORDERS))


def record_kernel(hidden, order):
    """A target of 2 (only reachable by calling the kernel) keeps ReLU growing until it overflows
    in the middle of a call."""
    from core.training.kernels import online_kernel

    weights = [float(w) for w in sample_weights(hidden, 3).flat()]
    losses = []
    status = online_kernel(hidden, "relu", "cross-entropy", order == "article")(
        weights, 100.0, ((0.0, 0.0, 2.0), (1.0, 0.0, 2.0), (0.0, 1.0, 2.0), (1.0, 1.0, 2.0)), 100,
        float("-inf"), losses)
    return {"losses": fingerprint(losses), "weights": fingerprint(weights), "status": status}


def record_ensemble(config, count, engine, blown=()):
    seeds = np.arange(config.seed, config.seed + count)
    params = draw_initial_params(config, seeds)
    params[:, list(blown)] *= BLOWN
    ensemble = Ensemble(config, count, first_seed=config.seed, engine=engine, params=params)
    while not ensemble.finished:  # fixed chunks: the trend's sums are added chunk by chunk
        ensemble.advance(7)
    result = ensemble.result()
    return {name: fingerprint(getattr(result, name)) for name in
            ("weights", "steps_run", "outcomes", "predictions", "final_loss", "curve", "trend")}


def row_math_cases():
    options = itertools.product((0, 1, 2, 5), ACTIVATIONS, LOSSES, UPDATE_ORDERS)
    return [grid_config(i, h, a, lo, order, "online", 2) for i, (h, a, lo, order) in enumerate(options)]


ROW_FIELDS = ("x", "u", "h", "dh", "v", "yp", "dv", "row_loss", "delta_out", "grad_output", "w2_used",
              "delta_hidden", "grad_hidden")


def record_row_math(config):
    out = {}
    stepper = RowStepper(config, Trainer(config).initial_weights)
    for n, update in zip(range(8), stepper.updates()):
        m = stepper.math
        out[f"update {n}"] = fingerprint(np.concatenate(
            [np.ravel(getattr(m, name)) for name in ROW_FIELDS]
            + [m.after.flat(), update.weights.flat(), [update.step_loss]]))
    weights = sample_weights(config.hidden_nodes, 7)
    for row in range(4):
        m = row_math(config, weights, row)
        out[f"row {row}"] = fingerprint(np.concatenate(
            [np.ravel(getattr(m, name)) for name in ROW_FIELDS] + [m.after.flat()]))
    return out


def network_cases():
    return list(itertools.product((0, 1, 2, 5, 16), ACTIVATIONS, LOSSES))


def record_network(hidden, activation, loss):
    weights = sample_weights(hidden, hidden * 7 + len(activation) + len(loss))
    targets = np.array([0.3, 1.0, 0.0, 0.7])
    x = inputs_with_bias()
    fw = network.forward(weights, x, activation)
    out = {name: fingerprint(getattr(fw, name)) for name in ("u", "h", "dh", "v", "yp")}
    out["row_losses"] = fingerprint(network.row_losses(fw.v, fw.yp, targets, loss))
    out["output_delta"] = fingerprint(network.output_delta(fw.yp, targets, loss))
    out["gradients"] = fingerprint(network.gradients(weights, x, targets, activation, loss).flat())
    out["gradients of row 2"] = fingerprint(
        network.gradients(weights, x[2:3], targets[2:3], activation, loss).flat())
    out["total_loss"] = fingerprint([network.total_loss(weights, targets, activation, loss)])
    out["predictions"] = fingerprint(network.predictions(weights, activation))
    out["output_grid"] = fingerprint(network.output_grid(weights, activation)[1])
    out["output_grid 11"] = fingerprint(network.output_grid(weights, activation, size=11)[1])
    out["hidden_grids"] = fingerprint(network.hidden_grids(weights, activation, 21))
    out["numerical_gradients"] = fingerprint(
        network.numerical_gradients(weights, targets, activation, loss).flat())
    out["gradient_check"] = fingerprint([network.gradient_check(weights, targets, activation, loss)])
    check = gradcheck.check(weights, targets, activation, loss)
    out["gradcheck"] = fingerprint([check.error, check.checked, check.skipped, check.largest_gradient,
                                    check.resolution]) + check.level
    big = Weights(weights.hidden * 300.0, weights.output * 300.0)
    out["forward big"] = fingerprint(np.concatenate(
        [np.ravel(v) for v in network.forward(big, x, activation).__dict__.values()]))
    out["total_loss big"] = fingerprint([network.total_loss(big, targets, activation, loss)])
    return out


def record_functions():
    u = np.concatenate([np.linspace(-800.0, 800.0, 161), [-0.0, 0.0, 1e-300, -1e-300, 37.5, -37.5]])
    out = {"sigmoid": fingerprint(network.sigmoid(u))}
    for name in ACTIVATIONS:
        out[name] = fingerprint(np.concatenate(network.activate(name, u)))
    return out


def view_cases():
    return list(itertools.product((0, 1, 2, 5), ACTIVATIONS, LOSSES))


def record_views(hidden, activation, loss):
    config = TrainConfig(gate="custom", targets=(0.0, 1.0, 0.3, 1.0), hidden_nodes=hidden,
                         activation=activation, loss=loss, alpha=3.0, steps=30, seed=hidden + 11)
    trainer = Trainer(config)
    trainer.advance(30)
    weights = trainer.weights
    out = {}
    flats = np.array([w.flat() for w in (trainer.initial_weights, weights)])
    path = (np.array([0, 30]), flats)
    for name, land in (("weights", landscape.weights_landscape(config, weights, path=path, grid=21)),
                       ("path", landscape.path_landscape(config, weights, path, grid=21))):
        out[name] = fingerprint(np.concatenate([land.a, land.b, land.loss.ravel(), land.trajectory.ravel(),
                                                land.current]))
    rng = np.random.default_rng(hidden)
    out["losses_at"] = fingerprint(landscape.losses_at(config, rng.normal(0, 4, (50, weights.flat().size))))
    if hidden >= 2:
        space = hidden_space.hidden_space(weights, activation, path=path)
        out["hidden_space"] = fingerprint(np.concatenate(
            [space.points.ravel(), space.axis, space.output.ravel(), space.line.ravel(),
             space.trail.ravel(), [space.low, space.high]]))
    if hidden >= 3:
        space = hidden_space.hidden_space_3d(weights, activation, path=path)
        out["hidden_space_3d"] = fingerprint(np.concatenate(
            [space.points.ravel(), space.plane.ravel(), space.trail.ravel(), [space.low, space.high]]))
    for row in range(4):
        built = diagram.build(weights, activation, row)
        out[f"diagram {row}"] = fingerprint(
            [n.value for n in built.nodes] + [n.input_sum for n in built.nodes if n.input_sum is not None]
            + [e.weight for e in built.edges] + [e.width for e in built.edges])
    out["decision_lines"] = fingerprint(np.concatenate(
        [np.ravel(seg) for _, _, seg in node_maps.decision_lines(weights)] or [np.zeros(0)]))
    return out


def compute() -> dict:
    goldens = {"functions": record_functions()}
    for config in trainer_cases():
        goldens[f"trainer {config.to_dict()}"] = record_trainer(config)
    for config in blown_cases():
        goldens[f"trainer blown {config.to_dict()}"] = record_trainer(config, BLOWN)
        for engine in ("vector", "loop") if config.mode == "online" else ("vector",):
            key = f"ensemble blown {engine} {config.to_dict()}"
            goldens[key] = record_ensemble(config, 6, engine, (1, 4))
    for case in kernel_cases():
        goldens[f"kernel {case}"] = record_kernel(*case)
    for config, count, engine in ensemble_cases():
        goldens[f"ensemble {count} {engine} {config.to_dict()}"] = record_ensemble(config, count, engine)
    for config in row_math_cases():
        goldens[f"row_math {config.to_dict()}"] = record_row_math(config)
    for case in network_cases():
        goldens[f"network {case}"] = record_network(*case)
    for case in view_cases():
        goldens[f"views {case}"] = record_views(*case)
    return goldens


def _load():
    return json.loads(GOLDENS.read_text(encoding="utf-8"))


def _check(key, actual):
    expected = _load()[key]
    assert actual == expected, key


def test_activation_functions_are_unchanged():
    _check("functions", record_functions())


@pytest.mark.parametrize("config", trainer_cases(), ids=lambda c: f"{c.hidden_nodes}-{c.activation}-"
                         f"{c.loss}-{c.update_order}-{c.mode}-{c.alpha:g}")
def test_trainer_paths_are_unchanged(config):
    _check(f"trainer {config.to_dict()}", record_trainer(config))


@pytest.mark.parametrize("config", blown_cases(), ids=lambda c: f"{c.hidden_nodes}-{c.mode}")
def test_divergence_is_unchanged(config):
    _check(f"trainer blown {config.to_dict()}", record_trainer(config, BLOWN))
    for engine in ("vector", "loop") if config.mode == "online" else ("vector",):
        _check(f"ensemble blown {engine} {config.to_dict()}", record_ensemble(config, 6, engine, (1, 4)))


@pytest.mark.parametrize("case", kernel_cases(), ids=str)
def test_kernel_divergence_mid_call_is_unchanged(case):
    _check(f"kernel {case}", record_kernel(*case))


@pytest.mark.parametrize("case", ensemble_cases(), ids=lambda case: f"{case[2]}-{case[1]}-"
                         f"{case[0].hidden_nodes}-{case[0].activation}-{case[0].loss}-{case[0].mode}")
def test_ensemble_paths_are_unchanged(case):
    config, count, engine = case
    _check(f"ensemble {count} {engine} {config.to_dict()}", record_ensemble(config, count, engine))


@pytest.mark.parametrize("config", row_math_cases(), ids=lambda c: f"{c.hidden_nodes}-{c.activation}-"
                         f"{c.loss}-{c.update_order}")
def test_row_math_is_unchanged(config):
    _check(f"row_math {config.to_dict()}", record_row_math(config))


@pytest.mark.parametrize("case", network_cases(), ids=str)
def test_network_functions_are_unchanged(case):
    _check(f"network {case}", record_network(*case))


@pytest.mark.parametrize("case", view_cases(), ids=str)
def test_views_are_unchanged(case):
    _check(f"views {case}", record_views(*case))


if __name__ == "__main__":
    if sys.argv[1:] != ["--record"]:
        sys.exit("usage: python tests/core/model/test_step_goldens.py --record")
    GOLDENS.write_text(json.dumps(compute(), indent=1, sort_keys=True) + "\n", encoding="utf-8")
