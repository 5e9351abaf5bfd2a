"""Snapshot: an immutable picture of a run that every view draws from.

The worker thread builds these from the trainer and sends them to the GUI;
all arrays are fresh copies and marked read-only, so no view can disturb the
trainer or another view.
"""

from dataclasses import dataclass

import numpy as np

from core.model import network
from core.model.config import TrainConfig
from core.model.gates import ROWS, is_solved
from core.model.network import Weights
from core.model.target_function import within
from core.training.history import LossHistory, trend_window
from core.training.states import DIVERGED, FINISHED, IDLE, PAUSED, STOPPED
from core.views.diagnosis import Diagnosis, diagnose, trend_of
from core.views.function_fit import target_grid

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
    losses: "LossRecord"  # the run's loss at each of its steps so far
    weights: Weights
    targets: np.ndarray  # the targets, in row order (a gate's four, a function's grid)
    predictions: np.ndarray  # the prediction at each row
    grid_axis: np.ndarray  # x1 (and x2) sample points in [0, 1]
    grid: np.ndarray  # output over the square: grid[i, j] at x1 = axis[i], x2 = axis[j]
    hidden_grids: np.ndarray  # H x 21 x 21: each hidden node's activation over the square
    loss: float  # summed loss over the rows at the current weights
    solved: bool
    state: str
    message: str = ""
    steps_per_second: float = 0.0
    activation: str = "sigmoid"
    run: int = 0  # which run this is: a view that drew another run starts over
    config: TrainConfig | None = None  # the run's settings at this step
    live_step: int | None = None  # None: the run's present; else the step the run has reached
    diagnosis: Diagnosis | None = None  # why it is (not) solved at this step
    path: tuple | None = None  # (steps, flat weights) of earlier points of the run (trails)
    # The optimizer's state with these weights (core.model.layout.state_layout, after the
    # weights; () for plain descent); None where the caller did not say.
    optimizer_state: tuple | None = None
    # A function run's target over the square, laid out like `grid` (None for a gate); its
    # rows are the grid's samples: `targets` and `predictions` hold one value per sample.
    target_grid: np.ndarray | None = None

    @property
    def error_grid(self) -> np.ndarray | None:
        """A function run's |yp - f| over the square, laid out like `grid` (None for a gate)."""
        if self.target_grid is None:
            return None
        with np.errstate(invalid="ignore", over="ignore"):
            return np.abs(self.grid - self.target_grid)

    @property
    def is_function(self) -> bool:
        return self.config is not None and self.config.is_function

    @property
    def weights_editable(self) -> bool:
        """A hand edit of these weights may be made: the run is at rest, or it diverged and
        these weights are finite (its last finite state, or a step before: the edit goes to a
        run that branches off there, as for a finished run)."""
        if self.state in (IDLE, PAUSED, FINISHED, STOPPED):
            return True
        return self.state == DIVERGED and self.weights.is_finite()

    @property
    def points(self) -> tuple:
        """Each row's (x1, x2), in the order of targets and predictions."""
        return ROWS if self.config is None else self.config.points

    @property
    def hidden_nodes(self) -> int:
        return self.weights.hidden_nodes


@dataclass(frozen=True, eq=False)
class LossRecord:
    """The loss of each step 1..count of a run (the article's L[step]), read-only.

    A window on the run's LossHistory, which the training thread only appends to: the first
    `count` values never change, so any thread may read them while the run goes on."""

    source: LossHistory
    count: int

    def __len__(self) -> int:
        return self.count

    def values(self, start: int = 0, stop: int | None = None) -> np.ndarray:
        """The losses of steps start+1 .. stop (a copy)."""
        return self.source.segment(start, self.count if stop is None else min(stop, self.count))

    @classmethod
    def of(cls, losses) -> "LossRecord":
        """A record holding `losses` (steps 1..len), for a run's history given as values."""
        if isinstance(losses, LossRecord):
            return losses
        if isinstance(losses, LossHistory):
            return cls(losses, len(losses))
        history = LossHistory(losses)
        return cls(history, len(history))


def make_snapshot(config, weights: Weights, step: int, losses=(), state: str = IDLE,
                  message: str = "", steps_per_second: float = 0.0, run: int = 0,
                  live_step: int | None = None, grid_size: int = GRID_SIZE,
                  path=None, optimizer_state=None) -> Snapshot:
    """Computes everything the views show from a config and weights at `step` of run `run`;
    losses: the run's loss at each step so far (a LossRecord, a LossHistory or values; for a
    past step, the whole run, so a plot can show where the step lies in it); path: the run's
    WeightPath (core.training.history), whose points up to `step` the snapshot keeps."""
    weights = Weights(_frozen(weights.hidden), _frozen(weights.output))
    x = network.inputs_of(config)
    predictions = network.predictions(weights, config.activation, x)
    axis, grid = network.output_grid(weights, config.activation, grid_size)
    loss = network.total_loss(weights, config.targets, config.activation, config.loss, x)
    if config.is_function:
        solved = bool(within(predictions, config.targets, config.tolerance).all())
    else:
        solved = is_solved(predictions, config.targets)
    record = LossRecord.of(losses)
    return Snapshot(
        step=step, total_steps=config.steps, losses=record, weights=weights,
        targets=_frozen(config.targets),
        predictions=_frozen(predictions), grid_axis=_frozen(axis), grid=_frozen(grid),
        hidden_grids=_frozen(network.hidden_grids(weights, config.activation, NODE_GRID_SIZE)),
        loss=loss, solved=solved, state=state,
        message=message, steps_per_second=steps_per_second,
        activation=config.activation, run=run, config=config, live_step=live_step,
        # The run's ending (diverged) is its present's: a past step is diagnosed as it was.
        diagnosis=_diagnosis(config, weights, record, step,
                             state if live_step is None or live_step == step else IDLE),
        path=None if path is None else path.up_to(step),
        optimizer_state=None if optimizer_state is None else tuple(optimizer_state),
        target_grid=_frozen(target_grid(config, grid_size)) if config.is_function else None)


def _diagnosis(config, weights, record: "LossRecord", step: int, state: str) -> Diagnosis:
    steps = min(step, len(record))  # a version 1 file's record may start later
    window = trend_window(steps)
    recent = record.values(steps - 2 * window, steps)
    return diagnose(config, weights, step, trend_of(recent) if window else None,
                    DIVERGED if state == DIVERGED else None,
                    last_loss=float(recent[-1]) if recent.size else None)
