"""The trainer: initial weights, online and batch steps, stop conditions.

A plain loop that reports through a callback or an iterator and can be asked
to stop between steps; it knows nothing about Qt.
"""

import itertools
import math
from dataclasses import dataclass

import numpy as np

from core.model import network
from core.model.config import JUDGE_FIELDS, STEPS_MAX, TrainConfig
from core.model.gates import is_solved
from core.model.layout import state_layout
from core.model.network import Weights, inputs_of
from core.model.start import initial_flat
from core.model.target_function import within
from core.training import states
from core.training.history import LossHistory, WeightPath
from core.training.kernels import DIVERGED, OK, TARGET_REACHED
from core.training.run_record import EDIT_WEIGHTS, ROW_STEP, SET_ALPHA, SET_STEPS, RunRecord
from core.training.states import COMPLETED, STOPPED, TARGET_LOSS
from core.training.stepping import run_steps


def initial_weights(config: TrainConfig) -> Weights:
    """Seeded start weights (core.model.start): the hidden matrix drawn first, then the output."""
    return Weights.from_flat(initial_flat(config), config.hidden_nodes)


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
                 step: int = 0, history=(), history_dtype=np.float64, recording: bool = True,
                 optimizer_state=None):
        self.config = config
        self.run_id = next(_RUN_NUMBERS)  # tells views one run from another (Snapshot.run)
        self.branched_from: tuple[int, int] | None = None  # (run_id, step) of a fork's origin
        self.initial_weights = initial_weights(config)
        start = weights if weights is not None else self.initial_weights
        self._flat = [float(w) for w in start.flat()]
        # The optimizer's state after the weights (core.model.layout.state_layout): none for
        # plain descent; a new run's starts at zero (PyTorch's first momentum step is v = g).
        self._opt = self._optimizer_values(optimizer_state)
        self.step = step
        self.history = LossHistory(history, history_dtype)
        self.outcome: Outcome | None = None
        # Every change and a checkpoint every record.interval steps: any step can be replayed.
        self.record = RunRecord(config, start, step, self._opt) if recording else None
        self.path = WeightPath()  # where the weights went, for trails (not for replay)
        self.path.add(step, self._flat)

    @classmethod
    def restored(cls, config: TrainConfig, weights: Weights | None = None, step: int = 0, history=(), *,
                 initial_weights: Weights | None = None, outcome: "Outcome | None" = None,
                 record: RunRecord | None = None, optimizer_state=None, history_dtype=np.float64,
                 recording: bool = True, branched_from: tuple[int, int] | None = None) -> "Trainer":
        """A run as it was left (a file, another process, a past step): its weights, optimizer
        state, step and losses, and where given its start weights, end, run record and the
        (run_id, step) it branched off."""
        trainer = cls(config, weights, step, history, history_dtype, recording and record is None,
                      optimizer_state)
        if initial_weights is not None:
            trainer.initial_weights = initial_weights.copy()
        if record is not None:
            trainer.record = record
        trainer.outcome = outcome
        trainer.branched_from = branched_from
        return trainer

    def set_branched_from(self, origin: tuple[int, int] | None) -> None:
        """Links this run to the (run_id, step) it branched off (runs restored together)."""
        self.branched_from = origin

    def _optimizer_values(self, values) -> list:
        size = state_layout(self.config.hidden_nodes, self.config.optimizer).size - len(self._flat)
        if values is None:
            return [0.0] * size
        values = [float(v) for v in values]
        if len(values) != size or not all(map(math.isfinite, values)):
            raise ValueError(f"the {self.config.optimizer} optimizer's state must be {size} finite numbers")
        return values

    # -- state -------------------------------------------------------------
    def flat_weights(self) -> tuple:
        """The weights in Weights.flat() order, as Python floats."""
        return tuple(self._flat)

    def optimizer_state(self) -> tuple:
        """The optimizer's state (core.model.layout.state_layout, after the weights): momentum's
        velocity, or Adam's m, v and t; empty for plain gradient descent."""
        return tuple(self._opt)

    def flat_state(self) -> tuple:
        """The run's whole state: the weights, then the optimizer's state."""
        return tuple(self._flat + self._opt)

    def _set_state(self, flat) -> None:
        size = len(self._flat)
        self._flat, self._opt = [float(v) for v in flat[:size]], [float(v) for v in flat[size:]]

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

    def set_weights(self, weights: Weights, optimizer_state=None) -> None:
        """Hand-edited weights, logged in the run record; the optimizer's state stays unless
        given (a row of the math panel moves both). The log always holds the whole state: an
        edit replaces an earlier one at the same step (a row of the math panel), whose
        optimizer state must not be lost with it."""
        self._assign(weights)
        if optimizer_state is not None:
            self._opt = self._optimizer_values(optimizer_state)
        self._log(EDIT_WEIGHTS, self._flat + self._opt)

    def record_step(self, weights: Weights, loss: float, optimizer_state=None) -> None:
        """Accounts for one step done outside advance() (the row-by-row math panel), with the
        optimizer's state after it (None: unchanged)."""
        self._assign(weights)
        if optimizer_state is not None:
            self._opt = self._optimizer_values(optimizer_state)
        self._log(ROW_STEP, (self._flat + self._opt, loss))
        self.step += 1
        self.history.extend([loss])
        self._mark_completed()

    def set_alpha(self, alpha) -> None:
        """Changes the learning rate for the steps still to come (validated)."""
        self.config = self.config.with_changes(alpha=alpha)
        self._log(SET_ALPHA, self.config.alpha)

    def set_target_loss(self, target_loss) -> None:
        """Changes when the run stops early (not part of the record: a replay never stops)."""
        self.config = self.config.with_changes(target_loss=target_loss)

    def set_tolerance(self, tolerance) -> None:
        """How close a function's samples must come to count as met: it judges, never trains
        (not part of the record, like the target loss)."""
        self.config = self.config.with_changes(tolerance=tolerance)

    def set_steps(self, steps) -> None:
        self.config = self.config.with_changes(steps=steps)
        self._log(SET_STEPS, self.config.steps)
        if self.outcome and self.outcome.reason == COMPLETED and self.step < steps:
            self.outcome = None

    @property
    def finished(self) -> bool:
        return self.outcome is not None or self.step >= self.config.steps

    def predictions(self) -> np.ndarray:
        """The prediction at each of the config's rows (a gate's four, a function's grid)."""
        return network.predictions(self.weights, self.config.activation, inputs_of(self.config))

    def final_loss(self) -> float:
        c = self.config
        return network.total_loss(self.weights, c.targets, c.activation, c.loss, inputs_of(c))

    def solved(self) -> bool:
        """Every row met: a gate's on its side of 0.5, a function's within its tolerance."""
        if self.config.is_function:
            return bool(within(self.predictions(), self.config.targets, self.config.tolerance).all())
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
        shares this run's past (its losses and record up to `step`); this run is unchanged.
        It is judged and stopped as this run is now: the tolerance and target loss are not
        logged (JUDGE_FIELDS), so the step's own settings do not know them."""
        state = self.state_at(step)
        config = state.config.with_changes(**{name: getattr(self.config, name) for name in JUDGE_FIELDS})
        # exact_values: losses too large for a float32 history are kept as they were.
        branch = Trainer.restored(config, state.weights, step, self.history.exact_values()[:step],
                                  initial_weights=self.initial_weights, record=self.record.up_to(step),
                                  optimizer_state=state.optimizer_state, history_dtype=self.history.dtype)
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
        advance() had run them: at most steps_until_checkpoint() of them. flat: the run's state
        after them (flat_state())."""
        losses = np.asarray(losses, dtype=float)
        if losses.size > self.steps_until_checkpoint():
            raise ValueError("an adopted advance may not pass a checkpoint")
        self._set_state(flat)
        self._completed(int(losses.size))
        self.history.extend(losses)
        self._set_outcome(status)

    def _completed(self, steps: int) -> None:
        """`steps` more steps were trained: the count, and a checkpoint when one is due."""
        self.step += steps
        if self.record is not None:
            self.record.reached(self.step, self.config, self._flat + self._opt)
        self.path.add(self.step, self._flat)

    def _run_steps(self, count, losses) -> int:
        target = self.config.target_loss if self.config.target_loss is not None else -math.inf
        if not self._opt:  # plain descent: the state is the weights, updated in place
            return run_steps(self.config, self._flat, count, target, losses)
        state = self._flat + self._opt
        status = run_steps(self.config, state, count, target, losses)
        self._set_state(state)
        return status

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
