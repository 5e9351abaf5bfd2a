"""The hidden space: where the hidden layer puts the four rows, and the line that splits them.

The output neuron sees only the hidden activations, so it can solve the gate when one straight
line in the hidden space (where its input sum is 0: yp = 0.5) puts the target-1 rows on one
side and the target-0 rows on the other. For XOR, the hidden layer moves (0, 1) and (1, 0)
away from (0, 0) and (1, 1) until such a line exists.

Two hidden nodes are shown at a time: by default the two with the largest |output weight|.
With exactly two the picture is exact; with more, the other nodes are held at their mean over
the four rows for the shading and the line (`exact` False), while the points are exact.
"""

from dataclasses import dataclass

import numpy as np

from core.model import step
from core.model.gates import inputs_with_bias
from core.model.layout import layout
from core.model.network import Weights, forward, sigmoid
from core.model.step import EINSUM

SPACE_GRID = 41


@dataclass(frozen=True)
class HiddenSpace:
    nodes: tuple[int, int]  # the two hidden nodes on the axes (from 0)
    points: np.ndarray  # 4 x 2: each row's (h_a, h_b)
    low: float  # the axes' range, both axes
    high: float
    axis: np.ndarray  # SPACE_GRID sample points in [low, high]
    output: np.ndarray  # yp over the plane: output[i, j] at h_a = axis[i], h_b = axis[j]
    line: np.ndarray  # 2 x 2 end points of yp = 0.5 inside the square, or 0 x 2
    trail: np.ndarray  # K x 4 x 2: the rows' positions at the path's steps, oldest first
    exact: bool  # False: other hidden nodes held at their mean over the rows


def default_nodes(weights: Weights, count: int = 2) -> tuple:
    """The `count` hidden nodes weighing most in the output (in node order)."""
    influence = np.abs(np.asarray(weights.params().output, dtype=float))
    influence = np.where(np.isfinite(influence), influence, 0.0)
    return tuple(sorted(np.argsort(-influence, kind="stable")[:count].tolist()))


def space_range(activation: str, h: np.ndarray) -> tuple[float, float]:
    if activation == "sigmoid":
        return 0.0, 1.0
    if activation == "tanh":
        return -1.0, 1.0
    top = float(np.nanmax(h)) if h.size and np.isfinite(h).any() else 1.0
    return 0.0, max(1.0, 1.1 * top)  # ReLU: up to the largest activation


@np.errstate(over="ignore", invalid="ignore")  # huge (finite) weights: inf, kept off the line
def hidden_space(weights: Weights, activation: str, nodes=None, path=None) -> HiddenSpace | None:
    """The hidden space of a network with 2 or more hidden nodes (None for fewer); path:
    (steps, flat weights) of earlier points of the run (core.training.history.WeightPath)."""
    if weights.hidden_nodes < 2 or not weights.is_finite():
        return None
    a, b = nodes if nodes is not None else default_nodes(weights)
    if not (0 <= a < weights.hidden_nodes and 0 <= b < weights.hidden_nodes and a != b):
        raise ValueError(f"nodes {nodes} are not two hidden nodes of {weights.hidden_nodes}")
    h = forward(weights, inputs_with_bias(), activation).h
    points = h[:, [a, b]]
    low, high = space_range(activation, h)
    if not np.isfinite(high):
        return None  # ReLU activations past what a plot can span
    v, bias = np.asarray(weights.output, dtype=float), float(weights.params().bias)
    others = [k for k in range(weights.hidden_nodes) if k not in (a, b)]
    rest = bias + float(h[:, others].mean(axis=0) @ v[others]) if others else bias
    axis = np.linspace(low, high, SPACE_GRID)
    output = sigmoid(v[a] * axis[:, None] + v[b] * axis[None, :] + rest)
    return HiddenSpace((a, b), points, low, high, axis, output,
                       _segment(v[a], v[b], rest, low, high), _trail(path, weights, activation, (a, b)),
                       exact=not others)


@np.errstate(over="ignore", invalid="ignore")
def _trail(path, weights: Weights, activation: str, nodes) -> np.ndarray:
    """K x 4 x len(nodes): each row's activations of `nodes` at the path's points (those of
    another shape of network, or not finite, left out)."""
    nodes = list(nodes)
    empty = np.zeros((0, 4, len(nodes)))
    if path is None or not len(path[0]):
        return empty
    flats = np.asarray(path[1], dtype=float)
    places = layout(weights.hidden_nodes)
    if flats.ndim != 2 or flats.shape[1] != places.size:
        return empty
    u = EINSUM.input_sum(inputs_with_bias(), places.split(flats)[0])  # K x 4 x H
    trail = step.activate(EINSUM, activation, u)[0][:, :, nodes]
    return trail[np.isfinite(trail).all(axis=(1, 2))]


def _segment(wa: float, wb: float, bias: float, low: float, high: float) -> np.ndarray:
    """wa x + wb y + bias = 0 inside [low, high]^2 (end points), or 0 x 2."""
    if not np.isfinite([wa, wb, bias, low, high]).all():
        return np.zeros((0, 2))
    points = []
    if wb != 0:
        points += [(x, -(bias + wa * x) / wb) for x in (low, high)]
    if wa != 0:
        points += [(-(bias + wb * y) / wa, y) for y in (low, high)]
    span = high - low
    inside = np.array([p for p in points
                       if all(low - 1e-12 * span <= c <= high + 1e-12 * span for c in p)])
    if len(inside) < 2:
        return np.zeros((0, 2))
    gaps = np.linalg.norm(inside[:, None] - inside[None], axis=-1)
    i, k = np.unravel_index(np.argmax(gaps), gaps.shape)
    return np.clip(inside[[i, k]], low, high) if gaps[i, k] > 1e-9 * span else np.zeros((0, 2))


@dataclass(frozen=True)
class HiddenSpace3D:
    nodes: tuple[int, int, int]  # the three hidden nodes on the axes (from 0)
    points: np.ndarray  # 4 x 3: each row's (h_a, h_b, h_c)
    low: float
    high: float
    plane: np.ndarray  # M x 3: the polygon where yp = 0.5 inside the cube (M = 0, or 3 to 6)
    trail: np.ndarray  # K x 4 x 3
    exact: bool  # False: other hidden nodes held at their mean over the rows


@np.errstate(over="ignore", invalid="ignore")
def hidden_space_3d(weights: Weights, activation: str, nodes=None, path=None) -> HiddenSpace3D | None:
    """Three hidden nodes' space (None for fewer than three): the rows, the output's plane
    yp = 0.5 (where v_a h_a + v_b h_b + v_c h_c + rest = 0) clipped to the cube, and trails."""
    if weights.hidden_nodes < 3 or not weights.is_finite():
        return None
    chosen = tuple(nodes) if nodes is not None else default_nodes(weights, 3)
    if len(set(chosen)) != 3 or not all(0 <= k < weights.hidden_nodes for k in chosen):
        raise ValueError(f"nodes {nodes} are not three hidden nodes of {weights.hidden_nodes}")
    h = forward(weights, inputs_with_bias(), activation).h
    low, high = space_range(activation, h)
    if not np.isfinite(high):
        return None
    v, bias = np.asarray(weights.output, dtype=float), float(weights.params().bias)
    others = [k for k in range(weights.hidden_nodes) if k not in chosen]
    rest = bias + float(h[:, others].mean(axis=0) @ v[others]) if others else bias
    normal = v[list(chosen)]
    return HiddenSpace3D(chosen, h[:, list(chosen)], low, high,
                         plane_in_cube(normal, rest, low, high),
                         _trail(path, weights, activation, chosen), exact=not others)


def plane_in_cube(normal, offset: float, low: float, high: float) -> np.ndarray:
    """The polygon (M x 3, in order around it) where normal . p + offset = 0 cuts the cube
    [low, high]^3; 0 x 3 when the plane misses it."""
    normal = np.asarray(normal, dtype=float)
    if not np.isfinite(normal).all() or not np.isfinite(offset) or not np.any(normal):
        return np.zeros((0, 3))
    corners = np.array([[x, y, z] for x in (low, high) for y in (low, high) for z in (low, high)])
    side = corners @ normal + offset
    points = [corner for corner, value in zip(corners, side) if value == 0]  # on the plane
    for i in range(8):
        for j in range(i + 1, 8):
            if np.count_nonzero(corners[i] != corners[j]) != 1:
                continue  # not an edge of the cube
            if side[i] * side[j] < 0:
                t = side[i] / (side[i] - side[j])
                points.append(corners[i] + t * (corners[j] - corners[i]))
    if len(points) < 3:
        return np.zeros((0, 3))
    points = np.unique(np.round(np.array(points), 12), axis=0)
    if len(points) < 3:
        return np.zeros((0, 3))
    centre = points.mean(axis=0)
    unit = normal / np.linalg.norm(normal)
    first = points[0] - centre
    first /= np.linalg.norm(first)
    second = np.cross(unit, first)
    angles = np.arctan2((points - centre) @ second, (points - centre) @ first)
    return points[np.argsort(angles)]
