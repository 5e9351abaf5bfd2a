"""One online row update, every quantity of it, phase by phase: the article's math, alive.

`row_math` gives, for one truth-table row, what the article's formulas
compute: the forward pass, the row's loss, the deltas and gradients, and the
updated weights. `RowStepper` walks those phases (forward -> loss -> backward
-> update) row after row, the way the article's training loop does, and
reports the new weights after every update.

The numbers come from the step's one definition (core.model.step.row_update), traced into
the same source as the trainer's online kernel, so four row updates here give the very
weights that one `Trainer.advance(1)` gives.
"""

import math
from dataclasses import dataclass

import numpy as np

from core.model.config import LIVE_FIELDS
from core.model.gates import ROWS
from core.model.layout import INPUT_COUNT, counts_updates, parameter_count, state_layout, state_size
from core.model.network import Weights
from core.model.step import row_function

FORWARD, LOSS, BACKWARD, UPDATE = PHASES = ("forward", "loss", "backward", "update")
ROW_COUNT = len(ROWS)

ALL_NODES_MAX = 4  # up to this many hidden nodes every node's formulas are shown
FIRST_NODES = 3  # otherwise only the first few, then "and likewise"
SIGNIFICANT_DIGITS = 4

_SUPERSCRIPT = str.maketrans("-0123456789", "⁻⁰¹²³⁴⁵⁶⁷⁸⁹")


def format_number(value: float, digits: int = SIGNIFICANT_DIGITS, decimals: int = 0) -> str:
    """A number as a student reads it: 4 significant digits, a real minus sign (−),
    and tiny or huge values as 1.234×10⁻⁵ rather than 1.234e-05. With `decimals`, a number
    of 1 or more keeps that many decimals too (trailing zeros dropped): −17.1547, not −17.15."""
    value = float(value)
    if math.isnan(value):
        return "NaN"
    if math.isinf(value):
        return "∞" if value > 0 else "−∞"
    if value == 0.0:
        return "0"
    text = f"{value:.{digits}g}"
    if decimals and 1.0 <= abs(value) < 10.0 ** 15:
        text = f"{value:.{decimals}f}".rstrip("0").rstrip(".")
    if "e" in text:
        mantissa, exponent = text.split("e")
        text = f"{mantissa}×10{str(int(exponent)).translate(_SUPERSCRIPT)}"
    return text.replace("-", "\u2212", 1) if text.startswith("-") else text


def shown_nodes(hidden_nodes: int) -> tuple[range, bool]:
    """The hidden nodes whose formulas are written out, and whether some are left out."""
    if hidden_nodes <= ALL_NODES_MAX:
        return range(hidden_nodes), False
    return range(FIRST_NODES), True


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
    # The optimizer (core.model.step.optimizer_update) and its state (core.model.layout.state_layout,
    # after the weights) before and after the update; empty for plain gradient descent.
    optimizer: str = "sgd"
    state_before: tuple = ()
    state_after: tuple = ()
    # Per weight, in flat order: each state slot's new value (velocity; Adam's m and v), Adam's
    # bias-corrected m_hat and v_hat, and the change subtracted from the weight.
    moments: dict | None = None
    change: np.ndarray | None = None
    t: float | None = None  # Adam's count of updates, this one included

    @property
    def hidden_nodes(self) -> int:
        return self.before.hidden_nodes

    @property
    def gradients(self) -> Weights:
        return Weights(self.grad_hidden.copy(), self.grad_output.copy())

    def slot_before(self, name: str) -> np.ndarray:
        """An optimizer state slot (velocity, m, v) before the update, per weight in flat order."""
        where = state_layout(self.hidden_nodes, self.optimizer)
        place = next(slot.place for slot in where.slots if slot.name == name)
        size = where.weights.size  # state_before leaves out the weights
        return np.array(self.state_before[place.start - size:place.stop - size])

    @property
    def is_finite(self) -> bool:
        finite = math.isfinite(self.row_loss) and self.after.is_finite()
        return finite and all(map(math.isfinite, self.state_after))


def row_math(config, weights: Weights, row: int, optimizer_state=None) -> RowMath:
    """All quantities of the online update of `weights` on truth-table row `row` (0..3), with
    the optimizer's state before it (None: a new run's, all zero)."""
    if not 0 <= row < ROW_COUNT:
        raise ValueError(f"row must be 0..{ROW_COUNT - 1}, not {row!r}")
    x1, x2 = ROWS[row]
    yt, alpha = float(config.targets[row]), float(config.alpha)
    article = config.update_order == "article"
    hidden_nodes = weights.hidden_nodes
    size = parameter_count(hidden_nodes)
    before = optimizer_zeros(config, hidden_nodes) if optimizer_state is None else tuple(optimizer_state)
    values = row_function(hidden_nodes, config.activation, config.loss, article, config.optimizer)(
        [float(w) for w in weights.flat()] + [float(v) for v in before], x1, x2, yt, alpha)
    if hidden_nodes == 0:
        empty = np.zeros(0)
        u = h = dh = used = deltas = empty
        grad_output = np.array(values["grad_output"])
        grad_hidden, after = np.zeros((INPUT_COUNT, 0)), Weights(np.zeros((INPUT_COUNT, 0)),
                                                                 np.array(values["output"]))
    else:
        u, h, dh = (np.array(values[k]) for k in ("u", "h", "d"))
        used, deltas = np.array(values["used"]), np.array(values["e"])
        grad_output = np.array(values["grad_output"] + (values["grad_bias"],))
        grad_hidden = np.array(values["grad_hidden"])
        after = Weights(np.array(values["hidden"]), np.array(values["output"] + (values["bias"],)))
    state = values["state"]
    moments = {key.removeprefix("slot_"): np.array(value) for key, value in values.items()
               if key.startswith("slot_") or key in ("m_hat", "v_hat")}
    return RowMath(row, np.array((x1, x2, 1.0)), yt, alpha, config.activation, config.loss, article,
                   weights.copy(), u, h, dh, values["v"], values["yp"], values["dv"], values["loss"],
                   values["g"], grad_output, used, deltas, grad_hidden, after, config.optimizer, before,
                   tuple(state[size:]), moments or None,
                   np.array(values["change"]) if "change" in values else None,
                   state[-1] if counts_updates(config.optimizer) else None)


def optimizer_zeros(config, hidden_nodes: int) -> tuple:
    """A new run's optimizer state: all zero (PyTorch's first momentum step is v = g)."""
    return (0.0,) * (state_size(hidden_nodes, config.optimizer) - parameter_count(hidden_nodes))


@dataclass(frozen=True)
class RowUpdate:
    """What one update phase did: the new weights, and the step's loss once its 4th row is done."""

    weights: Weights
    row: int
    step_completed: bool
    step_loss: float  # the step's summed row losses when step_completed, else nan
    steps_done: int  # completed steps after this update
    optimizer_state: tuple = ()  # the optimizer's state after it (core.model.layout.state_layout)


class RowStepper:
    """Walks forward -> loss -> backward -> update for row 0..3, then the next step.

    Starts at the forward phase of row 0. `advance()` moves one phase on and,
    when it enters an update phase, applies it and returns a RowUpdate.
    """

    def __init__(self, config, weights: Weights, step: int = 0, optimizer_state=None):
        self.config = config
        self._weights = weights.copy()
        self._state = optimizer_zeros(config, weights.hidden_nodes) if optimizer_state is None \
            else tuple(float(v) for v in optimizer_state)
        self.steps_done = step
        self.row = 0
        self._phase = 0
        self._row_losses: list[float] = []
        self.last_step_loss = math.nan
        self.diverged = False
        self.math = row_math(config, self._weights, 0, self._state)

    @property
    def phase(self) -> str:
        return PHASES[self._phase]

    @property
    def weights(self) -> Weights:
        """The current weights: the row's new ones once its update phase is shown."""
        return self._weights.copy()

    @property
    def optimizer_state(self) -> tuple:
        """The optimizer's state with the current weights."""
        return self._state

    @property
    def step_number(self) -> int:
        """The step being worked on (steps count from 1)."""
        done_now = self.phase == UPDATE and self.row == ROW_COUNT - 1 and not self.diverged
        return self.steps_done if done_now else self.steps_done + 1

    @property
    def row_losses(self) -> tuple:
        """The losses of this step's rows whose update has been applied."""
        return tuple(self._row_losses)

    def continues(self, config, weights: Weights, step: int, optimizer_state=None) -> bool:
        """Whether (config, weights, step) is where this walk-through stands, so it can go on:
        the same weights (and optimizer state, if given) and completed steps, and no setting
        changed but those in LIVE_FIELDS."""
        if step != self.steps_done or not weights.equals(self._weights):
            return False
        if optimizer_state is not None and tuple(optimizer_state) != self._state:
            return False
        old, new = self.config.to_dict(), config.to_dict()
        return all(old[name] == new[name] for name in new if name not in LIVE_FIELDS)

    def set_config(self, config) -> None:
        """Takes a config that `continues` accepts; a new alpha applies to updates not yet made."""
        alpha_changed = config.alpha != self.config.alpha
        self.config = config
        if alpha_changed and self.phase != UPDATE:
            self.math = row_math(config, self._weights, self.row, self._state)

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
        self.math = row_math(self.config, self._weights, self.row, self._state)

    def _apply(self) -> RowUpdate | None:
        m = self.math
        if not m.is_finite:
            self.diverged = True
            return None
        self._row_losses.append(m.row_loss)
        self._weights = m.after.copy()
        self._state = m.state_after
        completed = self.row == ROW_COUNT - 1
        loss = math.nan
        if completed:
            loss = 0.0
            for value in self._row_losses:  # the trainer's summation order
                loss += value
            self.steps_done += 1
            self.last_step_loss = loss
        return RowUpdate(self._weights.copy(), self.row, completed, loss, self.steps_done, self._state)

    def updates(self):
        """Yields each RowUpdate as the phases are walked; ends if the numbers diverge."""
        while not self.diverged:
            update = self.advance()
            if update is not None:
                yield update
