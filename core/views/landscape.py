"""The loss landscape: the total loss over a plane through weight space, and the run's path.

Two planes:

- ``weights``: two weights the user picks, every other weight at its current value; the axes
  are those two weights' values (default: the 2-layer model's w[x1→yp] and w[x2→yp] at the
  current bias; for the 3-layer model the output weights of h1 and h2).
- ``path``: the plane through the path's first point (a = 0, b = 0: the initial weights, or
  for a run opened from a file the step it was saved at) and the current weights (a = 1,
  b = 0), tilted to the trajectory's main direction away from that line (b): the path lies
  in it as far as a plane can hold it.

The trajectory (the run's weight path, core.training.history.WeightPath) is projected onto
the plane; the current point is marked. Everything is vectorised over the grid's networks.
"""

from dataclasses import dataclass, replace

import numpy as np

from core.model import step
from core.model.gates import inputs_with_bias
from core.model.layout import layout
from core.model.network import Weights
from core.model.step import EINSUM

LANDSCAPE_GRID = 61
WEIGHTS, PATH = "weights", "path"
NO_PATH = "no_path"


@dataclass(frozen=True)
class Landscape:
    kind: str  # WEIGHTS or PATH
    labels: tuple[str, str]  # what the axes are
    a: np.ndarray  # (G,) the first axis' values
    b: np.ndarray  # (G,) the second's
    loss: np.ndarray  # (G, G): loss[i, j] at a[i], b[j]
    trajectory: np.ndarray  # (K, 2): the path's points on the plane, oldest first
    current: tuple[float, float]  # the current weights on the plane
    note: str = ""  # NO_PATH: the weights plane was drawn, there being no path yet ("" if not)


def parameter_names(hidden_nodes: int) -> list[str]:
    """Each weight's name, in Weights.flat() order (as the network diagram names them)."""
    return [place.label for place in layout(hidden_nodes).weights]


def default_pair(hidden_nodes: int) -> tuple[int, int]:
    """2-layer: w[x1→yp], w[x2→yp]; else the output weights of h1 and h2 (or h1 and the
    output bias with a single hidden node)."""
    if hidden_nodes == 0:
        return 0, 1
    first = layout(hidden_nodes).output.start
    return first, first + 1


@np.errstate(over="ignore", invalid="ignore", divide="ignore")
def losses_at(config, flats: np.ndarray) -> np.ndarray:
    """The total loss of each network whose weights are a row of `flats` (N x P)."""
    flats = np.asarray(flats, dtype=float)
    params = step.params_of(*layout(config.hidden_nodes).split(flats))
    targets = np.asarray(config.targets, dtype=float)
    fw = step.forward(EINSUM, params, inputs_with_bias(), config.activation)
    return EINSUM.row_sum(step.row_loss(EINSUM, fw.v, fw.yp, targets, config.loss, batch=True))


def weights_landscape(config, weights: Weights, pair=None, path=None,
                      grid: int = LANDSCAPE_GRID) -> Landscape:
    """The loss over two weights' values (pair: their indices in Weights.flat() order), the
    others held where they are now; the axes span the path and the current point."""
    flat = weights.flat()
    i, j = pair if pair is not None else default_pair(weights.hidden_nodes)
    if not (0 <= i < flat.size and 0 <= j < flat.size and i != j):
        raise ValueError(f"{pair} is not two weights of this network")
    points = _path_points(path, flat.size)
    trajectory = points[:, [i, j]] if len(points) else np.zeros((0, 2))
    a = _axis(np.append(trajectory[:, 0], flat[i]), grid)
    b = _axis(np.append(trajectory[:, 1], flat[j]), grid)
    flats = np.repeat(flat[None, :], grid * grid, axis=0)
    flats[:, i] = np.repeat(a, grid)
    flats[:, j] = np.tile(b, grid)
    names = parameter_names(weights.hidden_nodes)
    return Landscape(WEIGHTS, (names[i], names[j]), a, b,
                     losses_at(config, flats).reshape(grid, grid), trajectory,
                     (float(flat[i]), float(flat[j])))


def path_landscape(config, weights: Weights, path, grid: int = LANDSCAPE_GRID) -> Landscape:
    """The loss over the plane through the initial and the current weights that holds most
    of the path (a: 0 at the start, 1 now; b: the path's main other direction, scaled the
    same). A path of one point (a run opened from a file) gives the weights plane instead."""
    flat = weights.flat()
    points = _path_points(path, flat.size)
    if len(points) < 2 or not np.linalg.norm(flat - points[0]) > 0:
        return replace(weights_landscape(config, weights, path=path, grid=grid), note=NO_PATH)
    start = points[0]
    d1 = flat - start
    length = float(np.linalg.norm(d1))
    u1 = d1 / length
    away = (points - start) - np.outer((points - start) @ u1, u1)
    if len(away) and np.linalg.norm(away) > 1e-12 * length:
        u2 = np.linalg.svd(away, full_matrices=False)[2][0]  # the main direction off the line
    else:  # a straight path: any direction square to it
        u2 = np.zeros_like(u1)
        u2[int(np.argmin(np.abs(u1)))] = 1.0
        u2 -= (u2 @ u1) * u1
        u2 /= np.linalg.norm(u2)
    coords = np.column_stack([(points - start) @ u1, (points - start) @ u2]) / length
    a = _axis(np.concatenate([coords[:, 0], [0.0, 1.0]]), grid)
    b_extent = max(0.5, float(np.abs(coords[:, 1]).max(initial=0.0)) * 1.25)
    b = np.linspace(-b_extent, b_extent, grid)
    grid_a, grid_b = np.meshgrid(a, b, indexing="ij")
    flats = start + length * (grid_a.reshape(-1, 1) * u1 + grid_b.reshape(-1, 1) * u2)
    now = (flat - start) @ np.column_stack([u1, u2]) / length
    return Landscape(PATH, ("a: path's first point → now", "b: the path's other direction"), a, b,
                     losses_at(config, flats).reshape(grid, grid), coords,
                     (float(now[0]), float(now[1])))


def _path_points(path, size: int) -> np.ndarray:
    flats = np.zeros((0, size)) if path is None else np.asarray(path[1], dtype=float)
    if flats.ndim != 2 or flats.shape[1] != size:
        return np.zeros((0, size))  # none yet, or another shape of network
    return flats[(np.isfinite(flats) & (np.abs(flats) <= DRAWABLE_WEIGHT)).all(axis=1)]


# Beyond this size a weight's axis (its span and margins) and the losses over it overflow.
DRAWABLE_WEIGHT = 1e100


def drawable(weights) -> bool:
    """True if a landscape around these weights can be computed: all finite and not so large
    that the axes overflow (a file may hold a weight of 1e308)."""
    flat = weights.flat()
    return bool(np.isfinite(flat).all() and np.abs(flat).max(initial=0.0) <= DRAWABLE_WEIGHT)


def _axis(values, grid: int) -> np.ndarray:
    """An axis spanning `values` with a margin of a quarter of their spread (at least 1)."""
    values = np.asarray(values, dtype=float)
    values = values[np.isfinite(values)]
    low, high = (float(values.min()), float(values.max())) if values.size else (-1.0, 1.0)
    margin = max(1.0, 0.25 * (high - low))
    return np.linspace(low - margin, high + margin, grid)
