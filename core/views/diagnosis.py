"""Why a run is (not) solved, from quantities measured on it.

A diagnosis reads the run's recent losses, the gradient at its weights, the hidden nodes'
activations and the rows' predictions, and names one kind:

- ``solved``: every row on the right side of 0.5 (with how clearly: the worst row's margin);
- ``diverged``: the numbers overflowed;
- ``not_separable``: the 2-layer model on a gate no straight line can split (XOR, XNOR);
- ``saturated``: the output or most hidden nodes pinned where their slope is ~0;
- ``still_learning``: the loss is still clearly falling;
- ``stuck``: the loss is flat and rows are still wrong (a local minimum or a plateau);
- ``too_early``: too few steps to tell.

A run on a target function (issue #28) is read by its error instead of sides of 0.5:
``solved`` (how "function") when every sample is within the tolerance, else ``not_within``:
the largest error and where it is, and whether the loss is still falling.

The facts behind it are kept (`facts`) so the window can word it in the user's language;
`message` is the English sentence the command line prints. The thresholds are below, named.
"""

from dataclasses import dataclass, field, replace

import numpy as np

from core.model.gates import ROWS, inputs_with_bias, rows_met
from core.model.network import Weights, forward, gradients, inputs_of
from core.model.step import output_slope
from core.training.history import FEW_STEPS, trend_window
from core.views.number_format import format_error, sample_text

__all__ = ["KINDS", "Diagnosis", "diagnose", "diagnose_run", "english", "failure_kinds",
           "not_separable", "trend_of", "trend_window", "with_kinds"]

KINDS = ("solved", "diverged", "not_separable", "saturated", "still_learning", "stuck",
         "too_early", "not_within")
STILL_FALLING = 0.02  # the loss fell by more than this share between the last two windows
FLAT_SLOPE = 1e-3  # |f'(u)| below this share of its largest value: a pinned node or output
NEAR_HALF = 0.05  # a prediction within this of 0.5 is "near 0.5"
SAME_LINE = 0.995  # |cosine| of two hidden nodes' (w1, w2, bias): nearly the same line
GRADIENT_SMALL = 0.025  # with no trend known (a cancelled many-seeds run), a gradient norm
# below this reads as stuck: a rough fallback (XOR seeds 6 and 11 at 2000 steps, still falling,
# have 0.035 and 0.031; seeds 2 and 13 at 20000, flat, 0.004 and 0.021)
MARGIN_BARELY = 0.1  # a solved run's worst row closer than this to 0.5 is solved barely
MARGIN_CLEARLY = 0.3  # ... and this far or farther, clearly
_MAX_SLOPE = {"sigmoid": 0.25, "tanh": 1.0, "relu": 1.0}


@dataclass(frozen=True)
class Diagnosis:
    kind: str
    message: str
    facts: dict = field(default_factory=dict)


def not_separable(targets) -> bool:
    """True if no straight line splits the rows by target (above or below 0.5): XOR, XNOR."""
    high = [t > 0.5 for t in targets]
    return high[0] == high[3] and high[1] == high[2] and high[0] != high[1]


def row_name(index: int) -> str:
    x1, x2 = ROWS[index]
    return f"({x1:g}, {x2:g})"


def trend_of(recent) -> tuple[float, float]:
    """The mean losses of the two halves of `recent` (the last 2 * window steps' losses)."""
    recent = np.asarray(recent, dtype=float)
    half = recent.size // 2
    with np.errstate(over="ignore"):  # losses near 1e308 sum to inf: a trend of inf, no warning
        return float(recent[:half].mean()), float(recent[half:].mean())


def diagnose_run(config, weights: Weights, losses, outcome_reason: str | None = None,
                 tolerance: float | None = None):
    """diagnose() for a run whose every loss is at hand (oldest first)."""
    losses = np.asarray(losses, dtype=float)
    window = trend_window(losses.size)
    trend = trend_of(losses[losses.size - 2 * window:]) if window else None
    return diagnose(config, weights, losses.size, trend, outcome_reason,
                    last_loss=float(losses[-1]) if losses.size else None, tolerance=tolerance)


@np.errstate(over="ignore", invalid="ignore", divide="ignore", under="ignore")
def diagnose(config, weights: Weights, steps: int, trend, outcome_reason: str | None = None,
             last_loss: float | None = None, tolerance: float | None = None) -> Diagnosis:
    """The diagnosis of a run with these settings at these weights after `steps` steps;
    trend: the mean losses of its two last windows of trend_window(steps) steps (older
    first), or None if unknown (a cancelled many-seeds run): then the gradient decides
    between still learning and stuck. tolerance: how close a function's samples must be (None:
    the config's own)."""
    targets = np.asarray(config.targets, dtype=float)
    if outcome_reason == "diverged" or not weights.is_finite() or \
            (last_loss is not None and not np.isfinite(last_loss)):
        return _make("diverged", {"step": steps})
    if config.is_function:
        return _diagnose_function(config, weights, steps, trend,
                                  config.tolerance if tolerance is None else tolerance)
    fw = forward(weights, inputs_with_bias(), config.activation)
    yp = fw.yp
    met = rows_met(yp, targets)
    wrong = [row_name(k) for k in range(4) if not met[k]]
    if met.all():
        margins = np.abs(yp - 0.5)
        worst = int(np.argmin(margins))
        margin = float(margins[worst])
        how = "barely" if margin < MARGIN_BARELY else (
            "clearly" if margin >= MARGIN_CLEARLY else "comfortably")
        if not np.isin(targets, (0.0, 1.0)).all():
            how = "within"  # a target between 0 and 1 is met by being near it, not by a side
        return _make("solved", {"row": row_name(worst), "prediction": float(yp[worst]),
                                "target": float(targets[worst]), "margin": margin, "how": how})
    if weights.hidden_nodes <= 1 and not_separable(targets):
        # One hidden node is no better: yp then grows or falls with one input sum, so the
        # output still splits the square along one straight line.
        return _make("not_separable", {"wrong": wrong, "nodes": weights.hidden_nodes})
    # A pinned output stops learning under the squared loss only: with cross-entropy the
    # output's gradient is yp - yt, as large as the error.
    output_pinned = config.loss == "squared" and bool((output_slope(yp) < FLAT_SLOPE * 0.25).all())
    hidden_pinned = _pinned_nodes(fw.dh, config.activation)
    if output_pinned or (weights.hidden_nodes and len(hidden_pinned) * 2 > weights.hidden_nodes):
        return _make("saturated", {"output": output_pinned, "hidden": hidden_pinned,
                                   "nodes": weights.hidden_nodes, "wrong": wrong,
                                   "activation": config.activation})
    if steps < FEW_STEPS:
        return _make("too_early", {"steps": steps, "wrong": wrong})
    window = trend_window(steps)
    fall = None
    if trend is not None and np.all(np.isfinite(trend)):
        before, last = trend
        fall = (before - last) / before if before > 0 else 0.0
    grad = gradients(weights, inputs_with_bias(), targets, config.activation, config.loss)
    norm = float(np.sqrt(np.sum(grad.hidden ** 2) + np.sum(grad.output ** 2))) \
        if weights.hidden_nodes else float(np.sqrt(np.sum(grad.output ** 2)))
    if not np.isfinite(norm):  # weights so large the gradient overflows
        return _make("diverged", {"step": steps})
    facts = {"fall": fall, "window": window, "gradient": norm, "wrong": wrong,
             "near_half": [row_name(k) for k in range(4) if abs(yp[k] - 0.5) < NEAR_HALF],
             "same_lines": []}
    learning = fall > STILL_FALLING if fall is not None else norm >= GRADIENT_SMALL
    if not learning:
        facts["same_lines"] = _same_lines(weights)  # only the stuck message names them
    return _make("still_learning" if learning else "stuck", facts)


def largest_error(config, weights: Weights) -> tuple[float, float, float]:
    """(the largest |prediction - target| over a function's samples, its x1, its x2)."""
    errors = np.abs(forward(weights, inputs_of(config), config.activation).yp - np.asarray(config.targets))
    worst = int(np.argmax(np.where(np.isfinite(errors), errors, np.inf)))
    x1, x2 = config.points[worst]
    return float(errors[worst]), x1, x2


def _diagnose_function(config, weights: Weights, steps: int, trend, tolerance: float) -> Diagnosis:
    error, x1, x2 = largest_error(config, weights)
    facts = {"error": error, "at": f"({sample_text(x1, x2)})", "tolerance": float(tolerance)}
    if error <= tolerance:
        return _make("solved", facts | {"how": "function"})
    fall = None
    if trend is not None and np.all(np.isfinite(trend)):
        before, last = trend
        fall = (before - last) / before if before > 0 else 0.0
    learning = None if fall is None or steps < FEW_STEPS else fall > STILL_FALLING
    return _make("not_within", facts | {"fall": fall, "window": trend_window(steps), "learning": learning})


def with_kinds(result, should_stop=None):
    """The many-seeds result (core.training.ensemble) with each network's diagnosis kind;
    unchanged (kinds None) if should_stop() turns true meanwhile."""
    kinds = []
    for k in range(result.count):
        if should_stop is not None and k % 256 == 0 and should_stop():
            return result
        if result.solved[k]:
            kinds.append("solved")
            continue
        trend = result.trend[:, k]
        kinds.append(diagnose(result.config, result.weights_of(k), int(result.steps_run[k]),
                              trend if np.all(np.isfinite(trend)) else None,
                              result.outcome_of(k), last_loss=float(result.final_loss[k])).kind)
    return replace(result, kinds=tuple(kinds))


def failure_kinds(result) -> dict:
    """{kind: count} over the failed seeds of a many-seeds run, most common first."""
    if result.kinds is None:
        result = with_kinds(result)
    counts: dict = {}
    for kind, solved in zip(result.kinds, result.solved):
        if not solved:
            counts[kind] = counts.get(kind, 0) + 1
    return dict(sorted(counts.items(), key=lambda pair: (-pair[1], KINDS.index(pair[0]))))


def _pinned_nodes(dh, activation: str) -> list[int]:
    """Hidden nodes (from 1) whose slope is ~0 on all four rows: they pass no gradient back."""
    if dh.size == 0:
        return []
    flat = dh < FLAT_SLOPE * _MAX_SLOPE.get(activation, 1.0)
    return [int(j) + 1 for j in np.flatnonzero(flat.all(axis=0))]


def _same_lines(weights: Weights) -> list[list[int]]:
    """Pairs of hidden nodes (from 1) whose lines w1 x1 + w2 x2 + bias = 0 nearly coincide."""
    columns = np.asarray(weights.hidden, dtype=float).T  # a node's (w1, w2, bias)
    norms = np.linalg.norm(columns, axis=1)
    alive = norms > 0
    unit = np.zeros_like(columns)
    unit[alive] = columns[alive] / norms[alive, None]
    cosine = np.abs(unit @ unit.T)
    i, j = np.nonzero(np.triu(cosine >= SAME_LINE, k=1))
    return [[int(a) + 1, int(b) + 1] for a, b in zip(i, j)][:8]


def _make(kind: str, facts: dict) -> Diagnosis:
    return Diagnosis(kind, english(kind, facts), facts)


def english(kind: str, facts: dict) -> str:
    """The one-sentence explanation and what to try, for the command line."""
    if kind == "not_within":
        text = (f"Not yet within {facts['tolerance']:g}: the largest error is "
                f"{format_error(facts['error'], facts['tolerance'])} at {facts['at']}")
        if facts["learning"]:
            return text + (f"; the loss is still falling ({facts['fall']:.0%} over the last "
                           f"{facts['window']:,} steps): train on.")
        if facts["learning"] is False:
            return text + ("; the loss has stopped falling: try more hidden nodes, another alpha "
                           "or another seed.")
        return text + "."
    if kind == "solved":
        if facts["how"] == "function":
            return (f"Within {facts['tolerance']:g} at every sample: the largest error is "
                    f"{format_error(facts['error'], facts['tolerance'])} at {facts['at']}.")
        if facts["how"] == "within":
            return "Solved: every prediction is near its target."
        return (f"Solved {facts['how']}: the row closest to 0.5 is {facts['row']} "
                f"({facts['prediction']:.2f} for target {facts['target']:g}, "
                f"{facts['margin']:.2f} from 0.5).")
    if kind == "diverged":
        return "The weights grew until the numbers overflowed: lower alpha and train again."
    if kind == "not_separable":
        model = "A 2-layer model" if facts["nodes"] == 0 else "With one hidden node the network"
        return (f"{model} draws one straight line, and no straight line puts (1, 0) and "
                "(0, 1) on one side and (0, 0) and (1, 1) on the other: add hidden nodes.")
    if kind == "saturated":
        if facts["output"]:
            return ("Not solved: the output is pinned at 0 or 1, where the slope is ~0 and "
                    "learning stops: lower alpha, or start from Xavier weights (Advanced).")
        where = {"tanh": "pinned at -1 or 1, where their slope is ~0",
                 "relu": "switched off (input below 0) on every row, passing no gradient"}.get(
            facts["activation"], "pinned at 0 or 1, where their slope is ~0")
        return (f"Not solved: {len(facts['hidden'])} of {facts['nodes']} hidden nodes are "
                f"{where}, and learning stops: lower alpha, or start from Xavier weights "
                "(Advanced).")
    if kind == "too_early":
        return f"Only {facts['steps']} steps so far: too early to tell; train on."
    if kind == "still_learning":
        if facts["fall"] is None:
            return (f"Not solved yet, and the gradient is not small ({facts['gradient']:.1e}): "
                    "more steps will likely solve it.")
        return (f"Not solved yet, but the loss is still falling ({facts['fall']:.0%} over the "
                f"last {facts['window']:,} steps): more steps will likely solve it.")
    extra = ""
    if facts["near_half"]:
        extra += f" Rows {', '.join(facts['near_half'])} sit near 0.5."
    if facts["same_lines"]:
        i, j = facts["same_lines"][0]
        extra += f" Hidden nodes {i} and {j} draw nearly the same line."
    trend = "the gradient is small" if facts["fall"] is None else \
        f"{facts['fall']:.1%} over the last {facts['window']:,} steps"
    return (f"Stuck: the loss has stopped falling ({trend}; gradient "
            f"{facts['gradient']:.1e}) with {', '.join(facts['wrong'])} still on the wrong "
            f"side: a local minimum, or a plateau that may still end.{extra} Try more steps, "
            "another seed, more hidden nodes or another alpha.")
