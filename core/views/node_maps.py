"""What the hidden-node maps show, computed without Qt: colour ranges, each node's
decision line inside the unit square, and how the small maps are laid out."""

import math

import numpy as np

from core.views.snapshot import NODE_GRID_SIZE

_STEP = 1.0 / (NODE_GRID_SIZE - 1)


def map_levels(activation: str, grids, top: float = 1.0) -> tuple[float, float]:
    """The colour range for an activation's maps; for ReLU at least (0, top)."""
    if activation == "sigmoid":
        return 0.0, 1.0
    if activation == "tanh":
        return -1.0, 1.0
    largest = float(np.max(grids, initial=0.0))
    return 0.0, max(top, nice_ceiling(largest))


def nice_ceiling(value: float) -> float:
    """The smallest 1, 2 or 5 x 10^k that is >= value (1 for value <= 1)."""
    if not math.isfinite(value) or value <= 1.0:
        return 1.0
    power = 10.0 ** math.floor(math.log10(value))
    return next(m * power for m in (1.0, 2.0, 5.0, 10.0) if m * power >= value * (1 - 1e-12))


def boundary_segment(w1: float, w2: float, bias: float) -> np.ndarray:
    """End points (2 x 2: x1, x2) of the line w1 x1 + w2 x2 + bias = 0 inside the unit
    square, or an empty 0 x 2 array when it misses the square (or only clips a corner)."""
    points = []
    if w2 != 0:
        points += [(x1, -(bias + w1 * x1) / w2) for x1 in (0.0, 1.0)]
    if w1 != 0:
        points += [(-(bias + w2 * x2) / w1, x2) for x2 in (0.0, 1.0)]
    inside = np.array([p for p in points if all(-1e-12 <= c <= 1 + 1e-12 for c in p)]).reshape(-1, 2)
    if len(inside) < 2:
        return np.zeros((0, 2))
    gaps = np.linalg.norm(inside[:, None] - inside[None], axis=-1)
    i, k = np.unravel_index(np.argmax(gaps), gaps.shape)
    # A line that only clips a corner smaller than half a map cell would draw a stray dot.
    return np.clip(inside[[i, k]], 0.0, 1.0) if gaps[i, k] > _STEP / 2 else np.zeros((0, 2))


# Each hidden node's colour, the same in the diagram, the hidden maps and the decision lines:
# colour-blind-safe hues (Okabe-Ito, then Tol's) apart from the edges' sign colours (blue and
# vermillion), repeating after eight nodes.
NODE_COLOURS = ("#E69F00", "#009E73", "#CC79A7", "#56B4E9", "#F0E442", "#999933", "#AA4499",
                "#44AA99")
SINGLE_NEURON_COLOUR = "#FFFFFF"  # the 2-layer model's one line (the output neuron's)
LINES_MAX = 8  # more hidden nodes: the lines of the 8 with the largest |output weight|


def node_colour(j: int) -> str:
    """Hidden node j's colour (j from 0)."""
    return NODE_COLOURS[j % len(NODE_COLOURS)]


def decision_lines(weights) -> list[tuple[int, str, np.ndarray]]:
    """The lines the network draws on the input square: (node, colour, 2 x 2 end points) for
    each hidden node where its input sum w1 x1 + w2 x2 + bias is 0 (node from 0; at most
    LINES_MAX, those weighing most in the output); for the 2-layer model its one line, where
    the output is 0.5 (node -1). A line that misses the square is left out."""
    if not weights.is_finite():
        return []  # a diverged run draws no lines
    p = weights.params()
    if p.hidden is None:
        segment = boundary_segment(*[float(w) for w in p.output])
        return [(-1, SINGLE_NEURON_COLOUR, segment)] if len(segment) else []
    influence = np.abs(np.asarray(p.output, dtype=float))
    chosen = sorted(np.argsort(-influence, kind="stable")[:LINES_MAX].tolist())
    lines = []
    for j in chosen:
        segment = boundary_segment(*[float(w) for w in p.hidden[:, j]])
        if len(segment):
            lines.append((j, node_colour(j), segment))
    return lines


def mosaic_columns(hidden_nodes: int) -> int:
    """One row for up to 4 maps, then a near-square grid (8 x 8 for 64)."""
    return hidden_nodes if hidden_nodes <= 4 else math.ceil(math.sqrt(hidden_nodes))
