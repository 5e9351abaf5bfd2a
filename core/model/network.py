"""The network in NumPy: weights, forward pass, losses, gradients and the output grid.

Every formula comes from the step's one definition (core.model.step), evaluated here on NumPy
arrays with the rows first: the surface grid, the predictions, batch training, the gradient
check and the views all use these functions.
"""

from dataclasses import dataclass

import numpy as np

from core.model import step
from core.model.gates import inputs_with_bias
from core.model.layout import hidden_shape, layout
from core.model.step import MATMUL


@dataclass(frozen=True)
class Weights:
    """hidden: 3 x H (rows x1, x2, bias); output: H + 1 values (hidden nodes, then bias),
    or for the 2-layer model (H = 0) the 3 weights of x1, x2 and bias."""

    hidden: np.ndarray
    output: np.ndarray

    @property
    def hidden_nodes(self) -> int:
        return self.hidden.shape[1]

    def copy(self) -> "Weights":
        return Weights(self.hidden.copy(), self.output.copy())

    def flat(self) -> np.ndarray:
        return np.concatenate([self.hidden.ravel(), self.output])

    @classmethod
    def from_flat(cls, flat, hidden_nodes: int) -> "Weights":
        hidden, output = layout(hidden_nodes).split(np.asarray(flat, dtype=float))
        return cls(hidden.copy(), output.copy())

    def params(self) -> step.Params:
        """The weights as the step's definition names them (views, not copies)."""
        return step.params_of(self.hidden, self.output)

    @classmethod
    def from_params(cls, p: step.Params) -> "Weights":
        if p.hidden is None:
            return cls(np.zeros(hidden_shape(0)), np.asarray(p.output, dtype=float))
        return cls(p.hidden, np.append(p.output, p.bias))

    def is_finite(self) -> bool:
        return bool(np.isfinite(self.hidden).all() and np.isfinite(self.output).all())

    def to_dict(self) -> dict:
        return {"hidden": self.hidden.tolist(), "output": self.output.tolist()}

    def equals(self, other: "Weights") -> bool:
        return np.array_equal(self.hidden, other.hidden) and np.array_equal(self.output, other.output)


def sigmoid(u):
    """Logistic function that never overflows: exp is only taken of -|u|."""
    return step.sigmoid(MATMUL, np.asarray(u, dtype=float))


def activate(name: str, u):
    """Returns f(u) and f'(u) for a hidden activation."""
    return step.activate(MATMUL, name, np.asarray(u, dtype=float))


@dataclass(frozen=True)
class Forward:
    u: np.ndarray  # rows x H hidden input sums (empty for H = 0)
    h: np.ndarray  # rows x H hidden activations
    dh: np.ndarray  # rows x H activation slopes f'(u)
    v: np.ndarray  # rows: the output neuron's input sum
    yp: np.ndarray  # rows: predictions


# Diverging weights may overflow to inf or nan: that is reported by the
# trainer's checks, not by floating-point warnings.
_QUIET = dict(over="ignore", invalid="ignore")


@np.errstate(**_QUIET)
def forward(weights: Weights, x: np.ndarray, activation: str) -> Forward:
    """x is rows x 3 (x1, x2, 1)."""
    fw = step.forward(MATMUL, weights.params(), x, activation)
    if weights.hidden_nodes == 0:
        empty = np.zeros((x.shape[0], 0))
        return Forward(empty, empty, empty, fw.v, fw.yp)
    return Forward(fw.u, fw.h, fw.d, fw.v, fw.yp)


@np.errstate(**_QUIET)
def row_losses(v, yp, targets, loss: str) -> np.ndarray:
    """Per-row loss; cross-entropy is computed from v so it stays finite."""
    return step.row_loss(MATMUL, v, yp, np.asarray(targets, dtype=float), loss, batch=True)


def output_delta(yp, targets, loss: str):
    """dL/dv for the sigmoid output."""
    return step.output_delta(MATMUL, yp, targets, loss)


def inputs_of(config) -> np.ndarray:
    """The R x 3 input matrix of a config's rows: x1, x2 and the bias input 1 (a gate's four
    rows, or a function's grid)."""
    if not config.is_function:
        return inputs_with_bias()
    return np.column_stack([np.asarray(config.points, dtype=float), np.ones(len(config.points))])


def total_loss(weights: Weights, targets, activation: str, loss: str, x=None) -> float:
    """The loss summed over the rows x (the truth table's by default), per four rows
    (step.loss_scale): what a batch step reports."""
    x = inputs_with_bias() if x is None else x
    fw = forward(weights, x, activation)
    return float(step.scaled(row_losses(fw.v, fw.yp, targets, loss).sum(), len(x)))


def predictions(weights: Weights, activation: str, x=None) -> np.ndarray:
    """The prediction at each row of x (the truth table's by default)."""
    return forward(weights, inputs_with_bias() if x is None else x, activation).yp


@np.errstate(**_QUIET)
def gradients(weights: Weights, x, targets, activation: str, loss: str) -> Weights:
    """Textbook backprop of the summed loss over the given rows (step.batch_gradient's steps,
    the output delta taken through this module's output_delta, which a test may break on
    purpose to show the gradient check turning red)."""
    p = weights.params()
    fw = step.forward(MATMUL, p, x, activation)
    g = output_delta(fw.yp, np.asarray(targets, dtype=float), loss)
    if weights.hidden_nodes == 0:
        return Weights(weights.hidden.copy(), step.gradients(MATMUL, p, x, fw, g, None).output)
    grads = step.gradients(MATMUL, p, x, fw, g, step.hidden_delta(MATMUL, g, p.output, fw.d))
    return Weights(grads.hidden, np.concatenate([grads.output, [grads.bias]]))


def numerical_gradients(weights: Weights, targets, activation, loss, eps=1e-6) -> Weights:
    """Central finite differences of the summed loss over the four rows."""
    flat = weights.flat()
    grad = np.zeros_like(flat)
    hidden_nodes = weights.hidden_nodes
    for i in range(flat.size):
        plus, minus = flat.copy(), flat.copy()
        plus[i] += eps
        minus[i] -= eps
        up = total_loss(Weights.from_flat(plus, hidden_nodes), targets, activation, loss)
        down = total_loss(Weights.from_flat(minus, hidden_nodes), targets, activation, loss)
        grad[i] = (up - down) / (2 * eps)
    return Weights.from_flat(grad, hidden_nodes)


def gradient_check(weights: Weights, targets, activation, loss) -> float:
    """Largest relative error between backprop and finite differences.

    The denominator is floored relative to the largest gradient component, so the
    finite differences' rounding noise on near-zero components is not read as an error.
    """
    analytic = gradients(weights, inputs_with_bias(), targets, activation, loss).flat()
    numeric = numerical_gradients(weights, targets, activation, loss).flat()
    floor = max(1e-7, 1e-6 * float(np.abs(numeric).max(initial=0.0)))
    scale = np.maximum(np.maximum(np.abs(analytic), np.abs(numeric)), floor)
    return float(np.max(np.abs(analytic - numeric) / scale))


def output_grid(weights: Weights, activation: str, size: int = 41):
    """The prediction over x1, x2 in [0, 1]: z[i, j] is at x1 = axis[i], x2 = axis[j]."""
    axis = np.linspace(0.0, 1.0, size)
    x1, x2 = np.meshgrid(axis, axis, indexing="ij")
    x = np.column_stack([x1.ravel(), x2.ravel(), np.ones(x1.size)])
    return axis, forward(weights, x, activation).yp.reshape(size, size)


def hidden_grids(weights: Weights, activation: str, size: int = 41) -> np.ndarray:
    """Each hidden node's activation over the input square: H x size x size."""
    axis = np.linspace(0.0, 1.0, size)
    x1, x2 = np.meshgrid(axis, axis, indexing="ij")
    x = np.column_stack([x1.ravel(), x2.ravel(), np.ones(x1.size)])
    h = forward(weights, x, activation).h
    return h.T.reshape(weights.hidden_nodes, size, size)
