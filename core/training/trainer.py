"""The trainer: initial weights, online and batch steps, stop conditions.

A plain loop that reports through a callback or an iterator and can be asked
to stop between steps; it knows nothing about Qt.
"""

import itertools
import math
from dataclasses import dataclass

import numpy as np

from core.model import network, step
from core.model.config import STEPS_MAX, TrainConfig
from core.model.gates import ROWS, inputs_with_bias, is_solved
from core.model.network import Weights
from core.model.start import initial_flat
from core.model.step import MATMUL
from core.training import states
from core.training.history import LossHistory, WeightPath
from core.training.kernels import DIVERGED, OK, TARGET_REACHED, online_kernel
from core.training.run_record import EDIT_WEIGHTS, ROW_STEP, SET_ALPHA, SET_STEPS, RunRecord
from core.training.states import COMPLETED, STOPPED, TARGET_LOSS


def initial_weights(config: TrainConfig) -> Weights:
    """Seeded start weights (core.model.start): the hidden matrix drawn first, then the output."""
    return Weights.from_flat(initial_flat(config), config.hidden_nodes)


def _finite(p: step.Params) -> bool:
    return all(w is None or bool(np.isfinite(w).all()) for w in (p.hidden, p.output, p.bias))


@dataclass(frozen=True)
class Outcome:
    """Why a run ended, with a sentence a user can read."""

    reason: str
    message: str


_RUN_NUMBERS = itertools.count(1)


class Trainer:
    """Runs a TrainConfig step by step. One step is one pass over the four rows."""

    CHUNK = 256  # steps between stop-flag polls and progress reports

    def __init__(self, config: TrainConfig, weights: Weights | None = None,
                 step: int = 0, history=(), history_dtype=np.float64, recording: bool = True):
        self.config = config
        self.run_id = next(_RUN_NUMBERS)  # tells views one run from another (Snapshot.run)
        self.branched_from: tuple[int, int] | None = None  # (run_id, step) of a fork's origin
        self.initial_weights = initial_weights(config)
        start = weights if weights is not None else self.initial_weights
        self._flat = [float(w) for w in start.flat()]
        self.step = step
        self.history = LossHistory(history, history_dtype)
        self.outcome: Outcome | None = None
        self._rows = tuple((x1, x2, t) for (x1, x2), t in zip(ROWS, config.targets))
        # Every change and a checkpoint every record.interval steps: any step can be replayed.
        self.record = RunRecord(config, start, step) if recording else None
        self.path = WeightPath()  # where the weights went, for trails (not for replay)
        self.path.add(step, self._flat)

    # -- state -------------------------------------------------------------
    def flat_weights(self) -> tuple:
        """The weights in Weights.flat() order, as Python floats."""
        return tuple(self._flat)

    def status(self) -> int:
        """The kernel's code for how the last advance ended (core.training.kernels)."""
        reason = self.outcome.reason if self.outcome else None
        return {states.DIVERGED: DIVERGED, TARGET_LOSS: TARGET_REACHED}.get(reason, OK)

    @property
    def weights(self) -> Weights:
        return Weights.from_flat(self._flat, self.config.hidden_nodes)

    def _assign(self, weights: Weights) -> None:
        if weights.hidden.shape != self.initial_weights.hidden.shape or \
                weights.output.shape != self.initial_weights.output.shape:
            raise ValueError("weights do not fit this network's shape")
        if not weights.is_finite():
            raise ValueError("weights must be finite numbers")
        self._flat = [float(w) for w in weights.flat()]

    def set_weights(self, weights: Weights) -> None:
        """Hand-edited weights, logged in the run record."""
        self._assign(weights)
        self._log(EDIT_WEIGHTS, self._flat)

    def record_step(self, weights: Weights, loss: float) -> None:
        """Accounts for one step done outside advance() (the row-by-row math panel)."""
        self._assign(weights)
        self._log(ROW_STEP, (self._flat, loss))
        self.step += 1
        self.history.extend([loss])
        self._mark_completed()

    def set_alpha(self, alpha) -> None:
        """Changes the learning rate for the steps still to come (validated)."""
        self.config = self.config.with_changes(alpha=alpha)
        self._log(SET_ALPHA, self.config.alpha)

    def set_steps(self, steps) -> None:
        self.config = self.config.with_changes(steps=steps)
        self._log(SET_STEPS, self.config.steps)
        if self.outcome and self.outcome.reason == COMPLETED and self.step < steps:
            self.outcome = None

    @property
    def finished(self) -> bool:
        return self.outcome is not None or self.step >= self.config.steps

    def predictions(self) -> np.ndarray:
        return network.predictions(self.weights, self.config.activation)

    def final_loss(self) -> float:
        c = self.config
        return network.total_loss(self.weights, c.targets, c.activation, c.loss)

    def solved(self) -> bool:
        return is_solved(self.predictions(), self.config.targets)

    def _log(self, kind, value) -> None:
        if self.record is not None:
            self.record.changed(self.step, kind, value)

    def state_at(self, step: int):
        """The exact state after `step` steps of this run (core.training.run_record.RunState)."""
        if self.record is None or not self.record.start_step <= step <= self.step:
            raise ValueError(f"step {step} is not a recorded step of this run")
        return self.record.state_at(step)

    def fork(self, step: int, alpha=None) -> "Trainer":
        """A new run from this run's exact state at `step`, with another alpha if given: it
        shares this run's past (its losses and record up to `step`); this run is unchanged."""
        state = self.state_at(step)
        # exact_values: losses too large for a float32 history are kept as they were.
        branch = Trainer(state.config, state.weights, step, self.history.exact_values()[:step],
                         history_dtype=self.history.dtype)
        branch.initial_weights = self.initial_weights.copy()
        branch.record = self.record.up_to(step)
        branch.path = self.path.copy_up_to(step)
        branch.path.add(step, branch.flat_weights())
        branch.branched_from = (self.run_id, step)
        if alpha is not None and alpha != state.config.alpha:
            branch.set_alpha(alpha)
        return branch

    # -- running -----------------------------------------------------------
    def steps_until_checkpoint(self, after: int = 0) -> int:
        """How many steps one advance may take before the record wants a checkpoint; with
        `after`, for the advance that starts that many steps from now."""
        if self.record is None:
            return STEPS_MAX
        start = self.step + after
        return self.record.next_checkpoint(start) - start

    def advance(self, count: int) -> np.ndarray:
        """Runs up to `count` steps (never past config.steps); returns their losses."""
        count = min(count, self.config.steps - self.step)
        if count <= 0 or self.outcome is not None:
            self._mark_completed()
            return np.zeros(0)
        losses: list[float] = []
        status = OK
        while count > len(losses) and status == OK:  # pieces that end on checkpoints
            piece = min(count - len(losses), self.steps_until_checkpoint())
            done = len(losses)
            status = self._run_steps(piece, losses)
            self._completed(len(losses) - done)
        self.history.extend(losses)
        self._set_outcome(status)
        return np.array(losses)

    def adopt_advance(self, losses, flat, status: int) -> None:
        """Takes the results of steps run elsewhere from this state (core.training.engine), as if
        advance() had run them: at most steps_until_checkpoint() of them."""
        losses = np.asarray(losses, dtype=float)
        if losses.size > self.steps_until_checkpoint():
            raise ValueError("an adopted advance may not pass a checkpoint")
        self._flat = [float(w) for w in flat]
        self._completed(int(losses.size))
        self.history.extend(losses)
        self._set_outcome(status)

    def _completed(self, steps: int) -> None:
        """`steps` more steps were trained: the count, and a checkpoint when one is due."""
        self.step += steps
        if self.record is not None:
            self.record.reached(self.step, self.config, self._flat)
        self.path.add(self.step, self._flat)

    def _run_steps(self, count, losses) -> int:
        target = self.config.target_loss if self.config.target_loss is not None else -math.inf
        if self.config.mode == "online":
            c = self.config
            kernel = online_kernel(c.hidden_nodes, c.activation, c.loss, c.update_order == "article")
            return kernel(self._flat, c.alpha, self._rows, count, target, losses)
        return self._batch_steps(count, target, losses)

    def _set_outcome(self, status) -> None:
        if status == DIVERGED:
            self.outcome = Outcome(states.DIVERGED, f"diverged at step {self.step + 1}: "
                                   "the loss or a weight stopped being a finite number; "
                                   "showing the last finite state")
        elif status == TARGET_REACHED:
            self.outcome = Outcome(TARGET_LOSS, f"reached the target loss at step {self.step}")
        self._mark_completed()

    def _mark_completed(self):
        if self.outcome is None and self.step >= self.config.steps:
            self.outcome = Outcome(COMPLETED, f"completed {self.step} steps")

    def _batch_steps(self, count, target, losses) -> int:
        """One update per step with the gradient of the summed loss over the rows."""
        weights = self.weights
        with np.errstate(over="ignore", invalid="ignore"):  # overflow is caught below as divergence
            return self._batch_loop(weights, count, target, losses)

    def _batch_loop(self, weights, count, target, losses) -> int:
        c = self.config
        x = inputs_with_bias()
        targets = np.asarray(c.targets)
        params, status = weights.params(), OK
        for _ in range(count):
            total, updated = step.batch_step(MATMUL, params, x, targets, c.alpha, c.activation, c.loss)
            total = float(total)
            if not (math.isfinite(total) and _finite(updated)):
                status = DIVERGED
                break
            params = updated
            losses.append(total)
            if total < target:
                status = TARGET_REACHED
                break
        self._flat = [float(w) for w in Weights.from_params(params).flat()]
        return status

    def run(self, on_progress=None, should_stop=None) -> Outcome:
        """Trains to the end; on_progress(trainer, losses) after each chunk;
        should_stop() is polled between chunks."""
        while not self.finished:
            if should_stop is not None and should_stop():
                self.outcome = Outcome(STOPPED, f"stopped at step {self.step}")
                break
            losses = self.advance(self.CHUNK)
            if on_progress is not None:
                on_progress(self, losses)
        return self.outcome

    def iter_steps(self):
        """Yields (step, loss) after each step; stopping the iteration stops the training there."""
        while not self.finished:
            for loss in self.advance(1):
                yield self.step, float(loss)
