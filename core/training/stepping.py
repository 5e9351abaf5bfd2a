"""Training steps on a run's state: what the trainer runs and the run record replays.

A run's state is one flat vector (core.model.layout.state_layout): the weights, then the
optimizer's state. `run_steps` trains it in place, online by the traced kernel
(core.training.kernels) and in batch mode by the step's definition on NumPy arrays. The trainer
adds the record, the history and the stop conditions around it; the run record replays with it
directly, so the two never import each other.
"""

import math
from functools import lru_cache

import numpy as np

from core.model import step
from core.model.gates import ROWS
from core.model.layout import state_layout
from core.model.network import Weights, inputs_of
from core.model.step import MATMUL
from core.training.kernels import DIVERGED, OK, TARGET_REACHED, online_kernel


@lru_cache(maxsize=64)
def kernel_rows(targets: tuple, points: tuple = ROWS) -> tuple:
    """The kernels' rows: (x1, x2, target) per row (the truth table's, or a function's grid)."""
    return tuple((x1, x2, t) for (x1, x2), t in zip(points, targets, strict=True))


def run_steps(config, state: list, count: int, target: float, losses: list) -> int:
    """Runs up to `count` steps of `config` on the run's state (a list, updated in place);
    each step's loss is appended to `losses`. Returns OK, DIVERGED (the state before the
    failing step, which is not recorded) or TARGET_REACHED (after the step whose loss fell
    below `target`)."""
    c = config
    if c.mode == "online":
        kernel = online_kernel(c.hidden_nodes, c.activation, c.loss, c.update_order == "article", c.optimizer)
        return kernel(state, c.alpha, kernel_rows(c.targets, c.points), count, target, losses)
    with np.errstate(over="ignore", invalid="ignore"):  # overflow is caught below as divergence
        return _batch_loop(c, state, count, target, losses)


def _finite(p: step.Params) -> bool:
    return all(w is None or bool(np.isfinite(w).all()) for w in (p.hidden, p.output, p.bias))


def _batch_loop(c, state: list, count: int, target: float, losses: list) -> int:
    """One update per step with the gradient of the step's loss over the rows (summed, per
    four rows: core.model.step.loss_scale)."""
    where = state_layout(c.hidden_nodes, c.optimizer)
    weights, slots, t = where.split(np.array(state, dtype=float))
    params = Weights.from_flat(weights, c.hidden_nodes).params()
    moments = tuple(Weights.from_flat(s, c.hidden_nodes).params() for s in slots)
    x, targets = inputs_of(c), np.asarray(c.targets)
    status = OK
    for _ in range(count):
        total, update, counted = step.batch_step(MATMUL, params, x, targets, c.alpha, c.activation, c.loss,
                                                 c.optimizer, moments, t)
        total = float(total)
        if not (math.isfinite(total) and _finite(update.after) and all(map(_finite, update.state))):
            status = DIVERGED
            break
        params, moments, t = update.after, update.state, counted
        losses.append(total)
        if total < target:
            status = TARGET_REACHED
            break
    parts = [Weights.from_params(p).flat() for p in (params, *moments)]
    state[:] = [float(v) for part in parts for v in part] + ([float(t)] if t is not None else [])
    return status
