"""The update rule, written once, plainly, in NumPy: the specification every fast path meets.

`online_step` is one step of the article's training (each of the four rows updates the weights
in turn); `batch_step` is one update with the gradient of the summed loss. Both return the new
weights and the step's loss (the rows' losses before their updates, added in row order, as the
article's `L[step] +=`). The fast paths (core.training.kernels through core.training.trainer.Trainer, the
vectorised core.training.ensemble, the row-by-row core.teaching.row_math) are held to these functions by
tests/core/test_step_paths.py over random configurations.

Update orders: "textbook" computes every gradient at the weights before the row's update;
"article" (the article's code) updates the output weights first and uses the new ones in the
hidden deltas. Batch training has one order: the textbook gradient of the summed loss.
"""

import numpy as np

from core.model import network
from core.model.gates import inputs_with_bias
from core.model.network import Weights


@np.errstate(over="ignore", invalid="ignore")
def row_update(weights: Weights, x, yt: float, config) -> tuple[Weights, float]:
    """One row: x is (x1, x2, 1). Returns the weights after it and the row's loss before it."""
    x = np.asarray(x, dtype=float)
    fw = network.forward(weights, x[None, :], config.activation)
    loss = float(network.row_losses(fw.v, fw.yp, [yt], config.loss)[0])
    g = float(network.output_delta(fw.yp, yt, config.loss)[0])  # dL/dv
    alpha = config.alpha
    if weights.hidden_nodes == 0:
        return Weights(weights.hidden.copy(), weights.output - alpha * g * x), loss
    h, dh = fw.h[0], fw.dh[0]
    output = weights.output - alpha * g * np.append(h, 1.0)
    used = output if config.update_order == "article" else weights.output
    hidden_delta = g * used[:-1] * dh
    return Weights(weights.hidden - alpha * np.outer(x, hidden_delta), output), loss


def online_step(weights: Weights, config) -> tuple[Weights, float]:
    total = 0.0
    for x, yt in zip(inputs_with_bias(), config.targets):
        weights, loss = row_update(weights, x, yt, config)
        total += loss
    return weights, total


def batch_step(weights: Weights, config) -> tuple[Weights, float]:
    """The summed loss's gradient is the sum of the rows' gradients, each read off a textbook
    row update with alpha 1 taken from the same weights (w - row_update(w) = dL_row/dw)."""
    unit = config.with_changes(alpha=1.0, update_order="textbook")
    hidden = np.zeros_like(weights.hidden)
    output = np.zeros_like(weights.output)
    total = 0.0
    with np.errstate(over="ignore", invalid="ignore"):
        for x, yt in zip(inputs_with_bias(), config.targets):
            moved, loss = row_update(weights, x, yt, unit)
            hidden += weights.hidden - moved.hidden
            output += weights.output - moved.output
            total += loss
        return Weights(weights.hidden - config.alpha * hidden,
                       weights.output - config.alpha * output), total


def step(weights: Weights, config) -> tuple[Weights, float]:
    return (online_step if config.mode == "online" else batch_step)(weights, config)
