"""Snapshot: an immutable picture of a run that every view draws from.

The worker thread builds these from the trainer and sends them to the GUI;
all arrays are fresh copies and marked read-only, so no view can disturb the
trainer or another view.
"""

from dataclasses import dataclass

import numpy as np

from core.model import network
from core.model.gates import is_solved
from core.model.network import Weights
from core.training.states import IDLE

GRID_SIZE = 41
NODE_GRID_SIZE = 21  # the small per-hidden-node maps


def _frozen(array) -> np.ndarray:
    array = np.array(array, dtype=float, copy=True)
    array.flags.writeable = False
    return array


@dataclass(frozen=True)
class Snapshot:
    step: int  # steps completed
    total_steps: int  # the run's planned number of steps
    first_step: int  # step number of new_losses[0] (steps count from 1)
    new_losses: np.ndarray  # each step's loss since the previous snapshot
    weights: Weights
    targets: np.ndarray  # the four targets, in row order
    predictions: np.ndarray  # the four row predictions
    grid_axis: np.ndarray  # x1 (and x2) sample points in [0, 1]
    grid: np.ndarray  # output over the square: grid[i, j] at x1 = axis[i], x2 = axis[j]
    hidden_grids: np.ndarray  # H x 21 x 21: each hidden node's activation over the square
    loss: float  # summed loss over the rows at the current weights
    solved: bool
    state: str
    message: str = ""
    steps_per_second: float = 0.0
    activation: str = "sigmoid"
    new_run: bool = False  # views drop earlier history when set

    @property
    def hidden_nodes(self) -> int:
        return self.weights.hidden_nodes


def make_snapshot(config, weights: Weights, step: int, new_losses=(), state: str = IDLE,
                  message: str = "", steps_per_second: float = 0.0,
                  new_run: bool = False, grid_size: int = GRID_SIZE) -> Snapshot:
    """Computes everything the views show from a config and weights."""
    weights = Weights(_frozen(weights.hidden), _frozen(weights.output))
    predictions = network.predictions(weights, config.activation)
    axis, grid = network.output_grid(weights, config.activation, grid_size)
    loss = network.total_loss(weights, config.targets, config.activation, config.loss)
    new_losses = _frozen(new_losses)
    return Snapshot(
        step=step, total_steps=config.steps, first_step=step - new_losses.size + 1,
        new_losses=new_losses, weights=weights, targets=_frozen(config.targets),
        predictions=_frozen(predictions), grid_axis=_frozen(axis), grid=_frozen(grid),
        hidden_grids=_frozen(network.hidden_grids(weights, config.activation, NODE_GRID_SIZE)),
        loss=loss, solved=is_solved(predictions, config.targets), state=state,
        message=message, steps_per_second=steps_per_second,
        activation=config.activation, new_run=new_run)
