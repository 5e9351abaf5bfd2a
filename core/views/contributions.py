"""How the sum builds the output (issue #28): each hidden node's contribution w2_j h_j over the
input square, their sum with the output's bias (the output neuron's input v), and the sigmoid
of it (the prediction yp). The universal approximation theorem's proof builds a surface from
such steps and bumps; here a learner sees the ones the network found.

All from the step's own forward pass (core.model.network.forward), on a size x size grid laid
out like the output view's: z[i, j] at x1 = axis[i], x2 = axis[j].
"""

from dataclasses import dataclass

import numpy as np

from core.model.network import Weights, forward

GRID = 21


@dataclass(frozen=True)
class Contributions:
    axis: np.ndarray  # (size,) the sample points of x1 and x2
    parts: np.ndarray  # (H, size, size): w2_j h_j, hidden node j's share of v
    bias: float  # the output's bias weight (the 2-layer model: the bias input's weight)
    total: np.ndarray  # (size, size): v = sum_j w2_j h_j + bias
    output: np.ndarray  # (size, size): yp = sigmoid(v)

    def span(self) -> float:
        """The largest |value| among the parts and the sum (finite ones): one symmetric colour
        scale for all of them, so a pale map really is a small share."""
        values = np.concatenate([self.parts.ravel(), self.total.ravel()])
        values = np.abs(values[np.isfinite(values)])
        return float(values.max()) if values.size else 1.0


@np.errstate(over="ignore", invalid="ignore")
def contributions(weights: Weights, activation: str, size: int = GRID) -> Contributions:
    axis = np.linspace(0.0, 1.0, size)
    x1, x2 = np.meshgrid(axis, axis, indexing="ij")
    x = np.column_stack([x1.ravel(), x2.ravel(), np.ones(x1.size)])
    fw = forward(weights, x, activation)
    hidden = weights.hidden_nodes
    # the 2-layer model has no parts: v is its one neuron's weighted input sum
    parts = (fw.h * weights.output[:-1]).T.reshape(hidden, size, size) if hidden else \
        np.zeros((0, size, size))
    return Contributions(axis, parts, float(weights.output[-1]), fw.v.reshape(size, size),
                         fw.yp.reshape(size, size))
