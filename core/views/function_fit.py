"""How well a network fits a target function (issue #28): its error at the samples it trained
on, and on the finer check grid between them, where the universal approximation theorem's
promise is tested (a network can meet every sample and still wander between them)."""

from dataclasses import dataclass
from functools import lru_cache

import numpy as np

from core.model.network import Weights, forward, inputs_of
from core.model.target_function import CHECK_GRID, function_of


@dataclass(frozen=True)
class Fit:
    max_error: float  # the largest |prediction - target| over the grid's samples
    at: tuple  # (x1, x2) of that sample
    rms_error: float  # the root mean square error over the samples
    check_max_error: float  # the largest error on the CHECK_GRID x CHECK_GRID check grid
    check_at: tuple


def target_grid(config, size: int = CHECK_GRID) -> np.ndarray:
    """The target function on a size x size grid: z[i, j] at x1 = i/(size-1), x2 = j/(size-1)
    (as core.model.network.output_grid lays out the network's surface). Read-only: shared."""
    return _target_grid(config.function, size)


@lru_cache(maxsize=16)
def _target_grid(function: str, size: int) -> np.ndarray:
    points = _points(size)
    values = function_of(function)(points[:, 0], points[:, 1]).reshape(size, size).T  # x1 ran fastest
    values = np.ascontiguousarray(values)
    values.flags.writeable = False
    return values


def _points(size: int) -> np.ndarray:
    axis = np.arange(size) / (size - 1)
    x1, x2 = np.meshgrid(axis, axis)
    return np.column_stack([x1.ravel(), x2.ravel()])


@np.errstate(over="ignore", invalid="ignore")
def fit_of(config, weights: Weights) -> Fit:
    """The errors of a function run's network; NaN predictions count as infinitely wrong."""
    errors = np.abs(forward(weights, inputs_of(config), config.activation).yp - np.asarray(config.targets))
    errors = np.where(np.isfinite(errors), errors, np.inf)
    worst = int(np.argmax(errors))
    points = _points(CHECK_GRID)
    x = np.column_stack([points, np.ones(len(points))])
    check = np.abs(forward(weights, x, config.activation).yp
                   - function_of(config.function)(points[:, 0], points[:, 1]))
    check = np.where(np.isfinite(check), check, np.inf)
    far = int(np.argmax(check))
    return Fit(float(errors[worst]), tuple(config.points[worst]), float(np.sqrt(np.mean(errors ** 2))),
               float(check[far]), (float(points[far, 0]), float(points[far, 1])))


def worst_samples(predictions, targets, count: int = 4) -> np.ndarray:
    """The indices of the `count` samples farthest from their targets, the farthest first (a
    NaN prediction counts as farthest); ties keep the grid's order."""
    with np.errstate(invalid="ignore"):
        errors = np.abs(np.asarray(predictions, dtype=float) - np.asarray(targets, dtype=float))
    errors = np.where(np.isfinite(errors), errors, np.inf)
    return np.argsort(-errors, kind="stable")[:count]
