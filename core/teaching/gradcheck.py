"""Gradient check for the student: backprop against central finite differences, judged.

`core.model.network.gradient_check` gives the raw number. A student also needs to know what
it means, and at some weights finite differences cannot tell right from wrong:

- Rounding: a central difference has an absolute error of about eps_mach * S / eps, where
  S is the size of the numbers in the loss (row losses and output sums). Measured on 468
  states (H 0-64, every activation and loss, uniform and Xavier starts, steps 0, 300 and
  2000) it stayed below 0.8 * eps_mach * S / eps. A component smaller than
  `ROUNDING_SAFETY` times that, divided by `GREEN_BELOW`, cannot be verified to
  `GREEN_BELOW`, so such components are compared against that floor instead. When even
  the largest gradient is below it (a saturated network: vanishing gradients, as in
  H = 64 with the article's uniform start), the check is INCONCLUSIVE, not red.
- ReLU's kink: if a hidden node's input sum lies within eps of 0 for some row (ReLU
  training drives sums there), nudging that node's weights crosses the kink and the
  difference quotient is meaningless. Those weights are skipped and counted.

With the plain formula and eps = 1e-6, 37 % of those correct states read above 1e-5 and
14 % above 1e-3: red for a correct backprop. Here all read green or inconclusive.
"""

import math
from dataclasses import dataclass

import numpy as np

from core.model import network
from core.model.gates import inputs_with_bias
from core.model.layout import hidden_shape, layout

EPS = 1e-5  # finite-difference step: rounding noise ~ 1/eps, truncation ~ eps^2
GREEN_BELOW = 1e-5  # backprop and finite differences agree to 5 significant digits
RED_ABOVE = 1e-3  # a real bug (a wrong factor, a missing slope) gives 1e-2 and more
ROUNDING_SAFETY = 4.0  # the measured worst case was 0.8
RELATIVE_FLOOR = 1e-6  # components below 1e-6 of the largest one are judged on that scale

OK, WARNING, BAD, INCONCLUSIVE = "ok", "warning", "bad", "inconclusive"
LEVELS = (OK, WARNING, BAD, INCONCLUSIVE)


@dataclass(frozen=True)
class CheckResult:
    error: float  # largest relative error over the checked weights (inf if not finite)
    level: str  # OK, WARNING, BAD or INCONCLUSIVE
    checked: int  # weights compared
    skipped: int  # weights skipped because a ReLU sum is at its kink
    largest_gradient: float  # largest finite-difference gradient component
    resolution: float  # smallest gradient component that can be verified to GREEN_BELOW


def classify(error: float) -> str:
    """Green, amber or red for a relative error (nan or inf is BAD)."""
    if not math.isfinite(error) or error > RED_ABOVE:
        return BAD
    return OK if error < GREEN_BELOW else WARNING


def check(weights: network.Weights, targets, activation: str, loss: str, eps: float = EPS) -> CheckResult:
    """Compares core.model.network.gradients with central differences of core.model.network.total_loss."""
    if not weights.is_finite():
        raise ValueError("the weights are not finite numbers: there is nothing to check")
    x = inputs_with_bias()
    targets = np.asarray(targets, dtype=float)
    analytic = network.gradients(weights, x, targets, activation, loss).flat()
    numeric = network.numerical_gradients(weights, targets, activation, loss, eps=eps).flat()
    usable = ~kink_mask(weights, activation, eps)
    resolution = rounding_floor(weights, targets, activation, loss, eps) / GREEN_BELOW
    largest = float(np.abs(numeric[usable]).max(initial=0.0))
    checked, skipped = int(usable.sum()), int((~usable).sum())
    if not (np.isfinite(analytic).all() and np.isfinite(numeric).all()):
        return CheckResult(math.inf, BAD, checked, skipped, largest, resolution)  # inf only from a bug
    error = relative_error(analytic[usable], numeric[usable], max(resolution, RELATIVE_FLOOR * largest))
    level = classify(error)
    if level == OK and largest < resolution:
        level = INCONCLUSIVE  # they agree within rounding, but every gradient is too small to verify
    return CheckResult(error, level, checked, skipped, largest, resolution)


def relative_error(analytic, numeric, floor: float) -> float:
    """max |a - n| / max(|a|, |n|, floor): the formula of core.model.network.gradient_check."""
    scale = np.maximum(np.maximum(np.abs(analytic), np.abs(numeric)), floor)
    return float(np.max(np.abs(analytic - numeric) / scale, initial=0.0))


def kink_mask(weights: network.Weights, activation: str, eps: float = EPS) -> np.ndarray:
    """True for each flat weight whose +-eps nudge may cross ReLU's kink (hidden weights only:
    an input is at most 1, so a nudge moves the node's sum by at most eps)."""
    hidden_nodes = weights.hidden_nodes
    mask = np.zeros(weights.flat().size, dtype=bool)
    if activation != "relu" or hidden_nodes == 0:
        return mask
    u = network.forward(weights, inputs_with_bias(), activation).u
    at_kink = (np.abs(u) <= 2.0 * eps).any(axis=0)
    mask[layout(hidden_nodes).hidden] = np.broadcast_to(at_kink, hidden_shape(hidden_nodes)).ravel()
    return mask


def rounding_floor(weights: network.Weights, targets, activation: str, loss: str,
                   eps: float = EPS) -> float:
    """A bound on a central difference's rounding error at these weights."""
    fw = network.forward(weights, inputs_with_bias(), activation)
    rows = network.row_losses(fw.v, fw.yp, np.asarray(targets, dtype=float), loss)
    size = 1.0 + float(np.abs(rows).sum() + np.abs(fw.v).sum())
    return ROUNDING_SAFETY * np.finfo(float).eps * size / eps


def format_error(error: float) -> str:
    """1.2 × 10⁻⁸ (10⁻⁵ for a mantissa of 1) for a student; "–" for nan, "∞" for inf."""
    if not math.isfinite(error):
        return "∞" if error == math.inf else "–"
    if error == 0.0:
        return "0"
    mantissa, exponent = f"{error:.1e}".split("e")
    power = "10" + str(int(exponent)).translate(str.maketrans("-0123456789", "⁻⁰¹²³⁴⁵⁶⁷⁸⁹"))
    return power if mantissa == "1.0" else f"{mantissa} × {power}"


class CheckSchedule:
    """Decides when "every N steps" runs: at the first snapshot in each new block of N steps
    (steps 0, 250, 500, 750, 1000 with N = 500 -> 0, 500, 1000), but never for more than
    `max_share` of the time, so a slow check (H = 64) cannot stall the window."""

    def __init__(self, every: int = 500, max_share: float = 0.1):
        self.every = every
        self.max_share = max_share
        self._block = None
        self._not_before = -math.inf

    def set_every(self, every: int) -> None:
        self.every = max(1, int(every))
        self._block = None

    def reset(self) -> None:
        self._block = None
        self._not_before = -math.inf

    def due(self, step: int, now: float) -> bool:
        return step // self.every != self._block and now >= self._not_before

    def record(self, step: int, now: float, cost: float) -> None:
        """A check ran at `step`, started at `now` and took `cost` seconds."""
        self._block = step // self.every
        self._not_before = now + cost / self.max_share
