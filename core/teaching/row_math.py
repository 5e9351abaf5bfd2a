"""One online row update, every quantity of it, phase by phase: the article's math, alive.

`row_math` computes, for one truth-table row, what the article's formulas
compute: the forward pass, the row's loss, the deltas and gradients, and the
updated weights. `RowStepper` walks those phases (forward -> loss -> backward
-> update) row after row, the way the article's training loop does, and
reports the new weights after every update.

The arithmetic is written in the same order as the trainer's online kernel
(`core.training.kernels`), so four row updates here give the very weights that one
`Trainer.advance(1)` gives.
"""

import math
from dataclasses import dataclass

import numpy as np

from core.model.config import LIVE_FIELDS
from core.model.gates import ROWS
from core.model.network import Weights

FORWARD, LOSS, BACKWARD, UPDATE = PHASES = ("forward", "loss", "backward", "update")
ROW_COUNT = len(ROWS)

ALL_NODES_MAX = 4  # up to this many hidden nodes every node's formulas are shown
FIRST_NODES = 3  # otherwise only the first few, then "and likewise"
SIGNIFICANT_DIGITS = 4

_SUPERSCRIPT = str.maketrans("-0123456789", "⁻⁰¹²³⁴⁵⁶⁷⁸⁹")


def format_number(value: float, digits: int = SIGNIFICANT_DIGITS) -> str:
    """A number as a student reads it: 4 significant digits, a real minus sign (−),
    and tiny or huge values as 1.234×10⁻⁵ rather than 1.234e-05."""
    value = float(value)
    if math.isnan(value):
        return "NaN"
    if math.isinf(value):
        return "∞" if value > 0 else "−∞"
    if value == 0.0:
        return "0"
    text = f"{value:.{digits}g}"
    if "e" in text:
        mantissa, exponent = text.split("e")
        text = f"{mantissa}×10{str(int(exponent)).translate(_SUPERSCRIPT)}"
    return text.replace("-", "\u2212", 1) if text.startswith("-") else text


def shown_nodes(hidden_nodes: int) -> tuple[range, bool]:
    """The hidden nodes whose formulas are written out, and whether some are left out."""
    if hidden_nodes <= ALL_NODES_MAX:
        return range(hidden_nodes), False
    return range(FIRST_NODES), True


def _sigmoid(z: float) -> float:
    if z >= 0.0:
        return 1.0 / (1.0 + math.exp(-z))
    e = math.exp(z)
    return e / (1.0 + e)


def _activate(name: str, u: float) -> tuple[float, float]:
    """f(u) and f'(u) of a hidden node, as the kernel computes them."""
    if name == "sigmoid":
        h = _sigmoid(u)
        return h, h * (1.0 - h)
    if name == "tanh":
        h = math.tanh(u)
        return h, 1.0 - h * h
    if name == "relu":
        return (u, 1.0) if u > 0.0 else (0.0, 0.0)
    raise ValueError(f"unknown activation {name!r}")


def _loss_and_delta(loss: str, v: float, yp: float, yt: float) -> tuple[float, float]:
    """The row's loss and the output delta dL/dv."""
    if loss == "squared":
        r = yp - yt
        return 0.5 * r * r, r * yp * (1.0 - yp)
    softplus = (v if v > 0.0 else 0.0) + math.log1p(math.exp(-abs(v)))
    return softplus - yt * v, yp - yt


@dataclass(frozen=True)
class RowMath:
    """Every number of one online update on one row.

    For the 2-layer model (H = 0) the single neuron's input sum is `v` (the
    article calls it u there) and `u`, `h`, `dh`, `delta_hidden` are empty.
    """

    row: int
    x: np.ndarray  # (x1, x2, 1): the inputs and the bias input
    yt: float
    alpha: float
    activation: str  # the hidden nodes' activation; the output is always sigmoid
    loss: str
    article_order: bool  # hidden deltas use the output weights after their update
    before: Weights
    u: np.ndarray  # H hidden input sums
    h: np.ndarray  # H hidden activations f(u_j)
    dh: np.ndarray  # H slopes f'(u_j)
    v: float  # the output neuron's input sum
    yp: float  # prediction f(v)
    dv: float  # f'(v) = yp (1 - yp)
    row_loss: float  # before the update
    delta_out: float  # dL/dv
    grad_output: np.ndarray  # dL/dw of the output neuron's weights (H + 1, or 3 for H = 0)
    w2_used: np.ndarray  # H output weights the hidden deltas use (old, or new in article order)
    delta_hidden: np.ndarray  # H hidden deltas dL/du_j
    grad_hidden: np.ndarray  # 3 x H: dL/dw1_ij = delta_j x_i
    after: Weights

    @property
    def hidden_nodes(self) -> int:
        return self.before.hidden_nodes

    @property
    def gradients(self) -> Weights:
        return Weights(self.grad_hidden.copy(), self.grad_output.copy())

    @property
    def is_finite(self) -> bool:
        return math.isfinite(self.row_loss) and self.after.is_finite()


def _two_layer(weights, x, yt, alpha, loss):
    w = [float(z) for z in weights.output]
    v = w[0] * x[0] + w[1] * x[1] + w[2]
    yp = _sigmoid(v)
    row_loss, g = _loss_and_delta(loss, v, yp, yt)
    s = alpha * g
    after = [w[0] - s * x[0], w[1] - s * x[1], w[2] - s]
    return v, yp, row_loss, g, [g * xi for xi in x], after


def _hidden_forward(weights, x, activation):
    a, b, c = ([float(z) for z in weights.hidden[i]] for i in range(3))
    u = [a[j] * x[0] + b[j] * x[1] + c[j] for j in range(len(a))]
    h, dh = zip(*(_activate(activation, uj) for uj in u)) if u else ((), ())
    return u, list(h), list(dh)


def _output_sum(o, h):
    """o_1 h_1 + o_2 h_2 + ... + bias, added left to right like the kernel."""
    v = o[0] * h[0]
    for oj, hj in zip(o[1:], h[1:]):
        v = v + oj * hj
    return v + o[-1]


def row_math(config, weights: Weights, row: int) -> RowMath:
    """All quantities of the online update of `weights` on truth-table row `row` (0..3)."""
    if not 0 <= row < ROW_COUNT:
        raise ValueError(f"row must be 0..{ROW_COUNT - 1}, not {row!r}")
    x = (ROWS[row][0], ROWS[row][1], 1.0)
    yt, alpha = float(config.targets[row]), float(config.alpha)
    article = config.update_order == "article"
    if weights.hidden_nodes == 0:
        v, yp, row_loss, g, grad_out, after = _two_layer(weights, x, yt, alpha, config.loss)
        empty = np.zeros(0)
        return RowMath(row, np.array(x), yt, alpha, config.activation, config.loss, article,
                       weights.copy(), empty, empty, empty, v, yp, yp * (1.0 - yp), row_loss, g,
                       np.array(grad_out), empty, empty, np.zeros((3, 0)),
                       Weights(np.zeros((3, 0)), np.array(after)))
    return _three_layer(config, weights, row, x, yt, alpha, article)


def _three_layer(config, weights, row, x, yt, alpha, article):
    u, h, dh = _hidden_forward(weights, x, config.activation)
    o = [float(z) for z in weights.output]
    v = _output_sum(o, h)
    yp = _sigmoid(v)
    row_loss, g = _loss_and_delta(config.loss, v, yp, yt)
    s = alpha * g
    new_o = [oj - s * hj for oj, hj in zip(o, h)] + [o[-1] - s]
    w2_used = new_o[:-1] if article else o[:-1]
    deltas = [g * wj * dj for wj, dj in zip(w2_used, dh)]
    # x_i * (alpha delta_j), as the kernel groups it; x_3 = 1 multiplies exactly.
    new_hidden = np.array([[float(weights.hidden[i, j]) - (alpha * e) * x[i]
                            for j, e in enumerate(deltas)] for i in range(3)])
    grad_hidden = np.array([[e * xi for e in deltas] for xi in x])
    return RowMath(row, np.array(x), yt, alpha, config.activation, config.loss, article,
                   weights.copy(), np.array(u), np.array(h), np.array(dh), v, yp, yp * (1.0 - yp),
                   row_loss, g, np.array([g * hj for hj in h] + [g]), np.array(w2_used),
                   np.array(deltas), grad_hidden, Weights(new_hidden, np.array(new_o)))


@dataclass(frozen=True)
class RowUpdate:
    """What one update phase did: the new weights, and the step's loss once its 4th row is done."""

    weights: Weights
    row: int
    step_completed: bool
    step_loss: float  # the step's summed row losses when step_completed, else nan
    steps_done: int  # completed steps after this update


class RowStepper:
    """Walks forward -> loss -> backward -> update for row 0..3, then the next step.

    Starts at the forward phase of row 0. `advance()` moves one phase on and,
    when it enters an update phase, applies it and returns a RowUpdate.
    """

    def __init__(self, config, weights: Weights, step: int = 0):
        self.config = config
        self._weights = weights.copy()
        self.steps_done = step
        self.row = 0
        self._phase = 0
        self._row_losses: list[float] = []
        self.last_step_loss = math.nan
        self.diverged = False
        self.math = row_math(config, self._weights, 0)

    @property
    def phase(self) -> str:
        return PHASES[self._phase]

    @property
    def weights(self) -> Weights:
        """The current weights: the row's new ones once its update phase is shown."""
        return self._weights.copy()

    @property
    def step_number(self) -> int:
        """The step being worked on (steps count from 1)."""
        done_now = self.phase == UPDATE and self.row == ROW_COUNT - 1 and not self.diverged
        return self.steps_done if done_now else self.steps_done + 1

    @property
    def row_losses(self) -> tuple:
        """The losses of this step's rows whose update has been applied."""
        return tuple(self._row_losses)

    def continues(self, config, weights: Weights, step: int) -> bool:
        """Whether (config, weights, step) is where this walk-through stands, so it can go on:
        the same weights and completed steps, and no setting changed but those in LIVE_FIELDS."""
        if step != self.steps_done or not weights.equals(self._weights):
            return False
        old, new = self.config.to_dict(), config.to_dict()
        return all(old[name] == new[name] for name in new if name not in LIVE_FIELDS)

    def set_config(self, config) -> None:
        """Takes a config that `continues` accepts; a new alpha applies to updates not yet made."""
        alpha_changed = config.alpha != self.config.alpha
        self.config = config
        if alpha_changed and self.phase != UPDATE:
            self.math = row_math(config, self._weights, self.row)

    def advance(self) -> RowUpdate | None:
        if self.diverged:
            return None
        if self.phase == UPDATE:
            self._next_row()
            return None
        self._phase += 1
        return self._apply() if self.phase == UPDATE else None

    def _next_row(self):
        self.row = (self.row + 1) % ROW_COUNT
        if self.row == 0:
            self._row_losses = []
        self._phase = 0
        self.math = row_math(self.config, self._weights, self.row)

    def _apply(self) -> RowUpdate | None:
        m = self.math
        if not m.is_finite:
            self.diverged = True
            return None
        self._row_losses.append(m.row_loss)
        self._weights = m.after.copy()
        completed = self.row == ROW_COUNT - 1
        loss = math.nan
        if completed:
            loss = 0.0
            for value in self._row_losses:  # the trainer's summation order
                loss += value
            self.steps_done += 1
            self.last_step_loss = loss
        return RowUpdate(self._weights.copy(), self.row, completed, loss, self.steps_done)

    def updates(self):
        """Yields each RowUpdate as the phases are walked; ends if the numbers diverge."""
        while not self.diverged:
            update = self.advance()
            if update is not None:
                yield update
