"""The numbers a practice exercise asks for, and the same numbers with a learner's usual slips.

The right numbers are row_math's (the traced source the trainer runs). A slip is found by
evaluating the step's one definition (core.model.step.row_update) again with one thing changed:
another row, the other update order, a bias input of 0, or a target moved so that the error
yp - yt comes out negated, doubled, halved (the ½ kept or dropped) or divided by (1 - yp) (the
output slope yp (1 - yp) taken as yp). That evaluation runs on plain floats (`Plain` below):
the definition itself, not a copy of its formulas.
"""

from dataclasses import dataclass, fields

import numpy as np

from core.model import step
from core.model.gates import ROWS
from core.model.layout import state_layout
from core.model.network import Weights
from core.model.tracing import Group
from core.teaching.row_math import RowMath

# the usual slips, in the order a verdict names them when several give the same number
NOT_UPDATED, ALPHA_FORGOTTEN, ORDER_OLD, ORDER_NEW, HALF_DROPPED, HALF_KEPT, SIGN, SLOPE_VALUE, BIAS, ROW = \
    SLIPS = ("not_updated", "alpha_forgotten", "order_old", "order_new", "half_dropped", "half_kept",
             "sign", "slope_value", "bias", "row")
# slips of the update itself: an answer one of these gives is told only these (a wrong row or
# a left-out bias input can give the old weight too, by way of a gradient of 0)
UPDATE_SLIPS = (NOT_UPDATED, ALPHA_FORGOTTEN)
# an answer of 0 is what a slip that zeroes a factor gives, too often to say which one
NOT_FOR_ZERO = (BIAS, ROW)


class Plain(step.Matmul):
    """The step's definition evaluated on one row's plain floats (a hidden layer's values are
    NumPy arrays over its nodes): what the traced floats dialect computes, without the tracing.
    The step's NumPy backend, with one row's sums added left to right as the traced code does."""

    @staticmethod
    def input_sum(x, w):
        total = w[0] * x[0]
        for wi, xi in zip(w[1:], x[1:], strict=True):
            total = total + wi * xi
        return total

    @staticmethod
    def node_sum(o, h):
        return float(np.sum(o * h))

    @staticmethod
    def spread(g):
        return g

    @staticmethod
    def row_sum(t):
        return t

    @staticmethod
    def rows_dot(h, g):
        return h * g

    @staticmethod
    def rows_outer(x, e):
        return Group(e * xi for xi in x)


PLAIN = Plain()


class SlopeAsValue(Plain):
    """The definition on plain floats with each hidden slope f'(u) taken as the value f(u):
    the step names h, then its slope d, and here d is h."""

    def name(self, value, label):
        if label == "h":
            self._h = value
        return self._h if label == "d" else value


@dataclass(frozen=True)
class Numbers:
    """The quantities of one row update that practice asks for (RowMath's names)."""

    u: np.ndarray
    h: np.ndarray
    dh: np.ndarray
    v: float
    yp: float
    dv: float
    row_loss: float
    delta_out: float
    w2_used: np.ndarray
    delta_hidden: np.ndarray
    grad_hidden: np.ndarray
    grad_output: np.ndarray
    after: Weights
    error: float  # yp - yt, the chain's first factor for the squared loss

    @classmethod
    def of(cls, m: RowMath) -> "Numbers":
        return cls(m.u, m.h, m.dh, m.v, m.yp, m.dv, m.row_loss, m.delta_out, m.w2_used, m.delta_hidden,
                   m.grad_hidden, m.grad_output, m.after, m.yp - m.yt)


def only_after(numbers: Numbers, after: Weights) -> Numbers:
    """Numbers with only the updated weights: a slip of the update alone (NaN elsewhere)."""
    blank = {f.name: (np.full_like(np.asarray(getattr(numbers, f.name), dtype=float), np.nan)
                      if np.ndim(getattr(numbers, f.name)) else np.nan)
             for f in fields(numbers) if f.name != "after"}
    return Numbers(after=after, **blank)


def _params(weights: Weights) -> step.Params:
    if weights.hidden_nodes == 0:
        return step.Params(None, Group(float(w) for w in weights.output))
    return step.Params(Group(np.array(row) for row in weights.hidden), weights.output[:-1].copy(),
                       float(weights.output[-1]))


def _state(m: RowMath) -> tuple:
    """The optimizer's state before the update as the definition takes it: (Params per slot, t)."""
    where = state_layout(m.hidden_nodes, m.optimizer)
    slots = tuple(_params(Weights.from_flat(m.slot_before(slot.name), m.hidden_nodes))
                  for slot in where.slots)
    return slots, (None if where.count is None else float(m.state_before[-1]))


class BiasTermLeftOut(Plain):
    """The definition on plain floats with the bias node's term 1·b left out of the output's
    sum v (the step names v = Σ w h + b; here it is that minus b)."""

    def __init__(self, bias: float):
        self.bias = float(bias)

    def name(self, value, label):
        return value - self.bias if label == "v" else value


def evaluate(m: RowMath, yt: float | None = None, bias_input: float = 1.0,
             weights: Weights | None = None, f: Plain = PLAIN) -> Numbers:
    """m's row update evaluated by the step's definition with one thing changed: the target,
    the bias input, the weights, or the floats' dialect (SlopeAsValue, BiasTermLeftOut)."""
    x = (*ROWS[m.row], bias_input)
    yt = m.yt if yt is None else yt
    state, t = _state(m)
    s = step.row_update(f, _params(m.before if weights is None else weights), x, yt, m.alpha,
                        m.activation, m.loss, m.article_order, m.optimizer, state, t)
    return _numbers(s, m.hidden_nodes, yt)


def _numbers(s: step.RowStep, hidden_nodes: int, yt: float) -> Numbers:
    fw, grads = s.forward, s.gradients
    empty = np.zeros(0)
    if hidden_nodes == 0:
        grad_output, grad_hidden = np.array(grads.output, dtype=float), np.zeros((3, 0))
        after = Weights(np.zeros((3, 0)), np.array(s.after.output, dtype=float))
        return Numbers(empty, empty, empty, float(fw.v), float(fw.yp), float(s.dv), float(s.loss),
                       float(s.g), empty, empty, grad_hidden, grad_output, after, float(fw.yp) - yt)
    grad_output = np.append(grads.output, grads.bias)
    after = Weights(np.array(s.after.hidden), np.append(s.after.output, s.after.bias))
    return Numbers(np.asarray(fw.u), np.asarray(fw.h), np.asarray(fw.d), float(fw.v), float(fw.yp),
                   float(s.dv), float(s.loss), float(s.g), np.asarray(s.used), np.asarray(s.e),
                   np.array(grads.hidden), grad_output, after, float(fw.yp) - yt)
