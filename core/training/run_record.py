"""RunRecord: everything that changed one run, and the exact state at any of its steps.

A run is its config and starting weights, then training steps, with changes in between: a
new alpha or number of steps, hand-edited weights, a step done row by row. The record
keeps those changes as an ordered log and, every `interval` steps, a checkpoint of the
weights. `state_at(step)` replays from the nearest checkpoint before `step` with the same
trainer code the live run used, so the weights are bit for bit what the live run had
(seeded runs are deterministic; chunking an advance does not change its arithmetic).

Pure NumPy and the standard library: no Qt. Design notes: docs/run_record.md.
"""

import sys
import threading
from bisect import bisect_right
from dataclasses import dataclass

import numpy as np

from core.model.config import STEPS_MAX, TrainConfig
from core.model.network import Weights

# Kinds of change in the log.
SET_ALPHA, SET_STEPS, EDIT_WEIGHTS, ROW_STEP = "alpha", "steps", "weights", "row_step"
_SETTINGS = {SET_ALPHA: "alpha", SET_STEPS: "steps"}

# Replay cost per step (measured, bench/state_at.py): an online step ~0.5 us per weight, a
# batch step ~100 us (NumPy calls) whatever the size. The intervals keep the replay of any
# step under ~10 ms on a quiet machine.
_ONLINE_WEIGHT_STEPS = 20_000  # weights x steps between checkpoints
BATCH_INTERVAL = 64
CHECKPOINT_BYTES_MAX = 32 * 2**20  # beyond this, every other checkpoint is dropped
# A saved record is refused if a step could need more replay than this (weights x steps;
# a batch step counts as BATCH_STEP_COST weights): ~2 s. A run's own record stays far below
# it: even 10^8 steps with 64 hidden nodes, thinned, is ~2.1e6.
REPLAY_COST_MAX = 2**23
BATCH_STEP_COST = 200


def checkpoint_interval(config: TrainConfig) -> int:
    """Steps between checkpoints: a power of two, fewer for bigger networks and batch mode."""
    if config.mode == "batch":
        return BATCH_INTERVAL
    weights = 4 * config.hidden_nodes + 1 if config.hidden_nodes else 3
    interval = 16
    while interval * 2 * weights <= _ONLINE_WEIGHT_STEPS:
        interval *= 2
    return interval


@dataclass(frozen=True)
class Change:
    step: int  # the number of steps completed when it happened
    kind: str
    value: object  # a number, a flat weight tuple, or (flat weights, loss) for ROW_STEP


@dataclass(frozen=True)
class RunState:
    """The run after `step` steps (and after any change made at that step)."""

    step: int
    config: TrainConfig
    weights: Weights


class RunRecord:
    def __init__(self, config: TrainConfig, weights: Weights, step: int = 0):
        self.config = config  # the settings the run started with (or was restored with)
        self.start_step = step
        self.interval = checkpoint_interval(config)
        self.changes: list[Change] = []
        # The training thread adds to the record while the window reads past steps from it.
        self._lock = threading.Lock()
        self._steps: list[int] = []  # checkpoint steps, ascending
        self._marks: list[tuple[int, TrainConfig]] = []  # (changes applied, config) at each
        self._weights: list[np.ndarray] = []
        self._bytes_each = (sys.getsizeof(weights.flat()) + sys.getsizeof((0, config))
                            + sys.getsizeof(2**40) + 3 * 8)
        self._add_checkpoint(step, config, weights.flat())

    # -- what the live run reports -------------------------------------------
    def next_checkpoint(self, step: int) -> int:
        """The next step (after `step`) at which the live run must call reached()."""
        return (step // self.interval + 1) * self.interval

    def reached(self, step: int, config: TrainConfig, flat) -> None:
        """The live run has completed `step` steps by training; checkpoints when due."""
        if step % self.interval == 0 and step > self._steps[-1]:
            self._add_checkpoint(step, config, np.array(flat, dtype=float))

    def changed(self, step: int, kind: str, value) -> None:
        if kind == EDIT_WEIGHTS:
            value = tuple(float(v) for v in value)
        elif kind == ROW_STEP:
            flat, loss = value
            value = (tuple(float(v) for v in flat), float(loss))
        elif kind not in _SETTINGS:
            raise ValueError(f"unknown change {kind!r}")
        with self._lock:
            self.changes.append(Change(step, kind, value))

    # -- any step's state ------------------------------------------------------
    def state_at(self, step: int) -> RunState:
        """The exact state after `step` steps; ValueError outside the recorded steps."""
        if not self.start_step <= step:
            raise ValueError(f"step {step} is before this record's start ({self.start_step})")
        from core.training.trainer import Trainer  # the trainer imports this module

        with self._lock:  # what the replay needs, as it is now
            index = bisect_right(self._steps, step) - 1
            applied, live = self._marks[index]
            start, flat = self._steps[index], self._weights[index]
            later = self.changes[applied:]
        # The replay never stops on its own: where the live run stopped is already known.
        trainer = Trainer(live.with_changes(steps=STEPS_MAX, target_loss=None),
                          Weights.from_flat(flat, live.hidden_nodes), start, recording=False)
        try:
            for change in later:
                if change.step + (1 if change.kind == ROW_STEP else 0) > step:
                    break
                _train_to(trainer, change.step)
                live = _apply(trainer, live, change)
            _train_to(trainer, step)
        except RuntimeError as error:  # a record that is not this run's (a damaged file)
            raise ValueError(f"the run record does not replay to step {step}: {error}") from None
        return RunState(step, live, trainer.weights)

    def up_to(self, step: int) -> "RunRecord":
        """A copy of this record as far as `step` (and the changes made at it): the record of a
        run that branches off here, so its past reaches back as far as this one's."""
        with self._lock:
            copy = RunRecord.__new__(RunRecord)
            copy._lock = threading.Lock()
            copy.config, copy.start_step, copy.interval = self.config, self.start_step, self.interval
            # Changes are in step order; a row step at s completes step s + 1.
            copy.changes = [c for c in self.changes
                            if c.step + (1 if c.kind == ROW_STEP else 0) <= step]
            keep = bisect_right(self._steps, step)
            copy._steps, copy._marks = self._steps[:keep], self._marks[:keep]
            copy._weights = self._weights[:keep]
            copy._bytes_each = self._bytes_each
            return copy

    # -- saving ------------------------------------------------------------------
    def to_dict(self) -> dict:
        """Plain JSON-ready data: the start config, the changes and the checkpoints."""
        return {
            "config": self.config.to_dict(),
            "start_step": self.start_step,
            "interval": self.interval,
            "changes": [[c.step, c.kind, _plain(c.value)] for c in self.changes],
            "checkpoints": [[step, mark[0], [float(v) for v in flat]]
                            for step, mark, flat in zip(self._steps, self._marks, self._weights)],
        }

    @classmethod
    def from_dict(cls, data, last_step: int) -> "RunRecord":
        """The record to_dict() wrote, checked for a run that has reached `last_step`;
        ValueError says what is wrong (a config error is a ConfigError)."""
        if not isinstance(data, dict):
            raise ValueError("the record must be an object")
        config = TrainConfig.from_dict(data.get("config"))
        start, interval = data.get("start_step"), data.get("interval")
        if not _whole(start) or not 0 <= start <= last_step:
            raise ValueError(f"start_step must be a whole number from 0 to {last_step}")
        size = 4 * config.hidden_nodes + 1 if config.hidden_nodes else 3  # weights in flat()
        step_cost = size if config.mode == "online" else BATCH_STEP_COST
        # Bounded so that the checkpoints the run adds after opening stay close enough too.
        if not _whole(interval) or interval < 1 or interval & (interval - 1) or \
                interval * step_cost > REPLAY_COST_MAX:
            raise ValueError("interval must be a power of two small enough to replay")
        changes, live = [], config
        raw_changes = data.get("changes")
        if not isinstance(raw_changes, list):
            raise ValueError("changes must be a list")
        for entry in raw_changes:
            change = _change(entry, size, changes[-1].step if changes else start, last_step)
            if change.kind in _SETTINGS:
                live = live.with_changes(**{_SETTINGS[change.kind]: change.value})  # ConfigError
            changes.append(change)
        raw_points = data.get("checkpoints")
        if not isinstance(raw_points, list) or not raw_points:
            raise ValueError("checkpoints must be a non-empty list")
        record = cls.__new__(cls)
        record._lock = threading.Lock()
        record.config, record.start_step, record.interval = config, start, interval
        record.changes = changes
        record._steps, record._marks, record._weights = [], [], []
        applied_before, live, settled = -1, config, 0
        for entry in raw_points:
            if not (isinstance(entry, list) and len(entry) == 3 and _whole(entry[0])
                    and _whole(entry[1])):
                raise ValueError("each checkpoint must be [step, changes applied, weights]")
            step, applied, flat = entry
            previous = record._steps[-1] if record._steps else None
            first_ok = step == start if previous is None else step > previous
            if not first_ok or step > last_step or not applied_before <= applied <= len(changes):
                raise ValueError("the checkpoints must start at start_step, go forward and stay "
                                 "within the run")
            if applied and changes[applied - 1].step > step:  # changes are in step order
                raise ValueError("a checkpoint counts a change made after it")
            for change in changes[settled:applied]:
                if change.kind in _SETTINGS:
                    live = live.with_changes(**{_SETTINGS[change.kind]: change.value})
            settled = applied_before = applied
            record._steps.append(step)
            record._marks.append((applied, live))
            record._weights.append(_flat(flat, size))
        # What replaying any step can cost: the steps and the changes (each copies the weights)
        # between a checkpoint and the next one.
        ends = record._steps[1:] + [last_step]
        applied = [mark[0] for mark in record._marks[1:]] + [len(changes)]
        for (start_at, mark), end, next_applied in zip(zip(record._steps, record._marks), ends, applied):
            cost = (end - start_at) * step_cost + (next_applied - mark[0]) * size
            if cost > REPLAY_COST_MAX:
                raise ValueError("the checkpoints are too far apart to replay a step in reasonable time")
        record._bytes_each = (sys.getsizeof(record._weights[0]) + sys.getsizeof((0, config))
                              + sys.getsizeof(2**40) + 3 * 8)
        return record

    # -- memory ----------------------------------------------------------------
    def checkpoint_count(self) -> int:
        return len(self._steps)

    def checkpoint_bytes(self) -> int:
        """Memory of the checkpoints: arrays, (changes, config) marks, step ints, list slots."""
        return len(self._steps) * self._bytes_each

    def _add_checkpoint(self, step, config, flat):
        with self._lock:
            self._steps.append(step)
            self._marks.append((len(self.changes), config))
            self._weights.append(flat)
            if self.checkpoint_bytes() > CHECKPOINT_BYTES_MAX:
                self._thin()

    def _thin(self):
        """Doubles the interval and keeps the checkpoints on it (the first always stays)."""
        self.interval *= 2
        keep = [i for i, s in enumerate(self._steps)
                if i == 0 or (s % self.interval == 0)]
        self._steps = [self._steps[i] for i in keep]
        self._marks = [self._marks[i] for i in keep]
        self._weights = [self._weights[i] for i in keep]


def _train_to(trainer, step: int) -> None:
    trainer.advance(step - trainer.step)
    if trainer.step != step:  # the live run did these steps, so the replay must too
        raise RuntimeError(f"replay stopped at step {trainer.step} before reaching {step}")


def _apply(trainer, live: TrainConfig, change: Change) -> TrainConfig:
    """Applies a change to the replaying trainer; returns the live run's settings after it."""
    if change.kind in _SETTINGS:
        if change.kind == SET_ALPHA:
            trainer.config = trainer.config.with_changes(alpha=change.value)
        return live.with_changes(**{_SETTINGS[change.kind]: change.value})
    if change.kind == EDIT_WEIGHTS:
        trainer.set_weights(Weights.from_flat(change.value, live.hidden_nodes))
    else:
        flat, loss = change.value
        trainer.record_step(Weights.from_flat(flat, live.hidden_nodes), loss)
    return live


def _plain(value):
    """A change's value as JSON-ready data."""
    if isinstance(value, tuple) and len(value) == 2 and isinstance(value[0], tuple):
        return [list(value[0]), value[1]]  # a row step: (flat weights, loss)
    return list(value) if isinstance(value, tuple) else value


def _whole(value) -> bool:
    return isinstance(value, int) and not isinstance(value, bool)


def _number(value) -> float:
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        raise ValueError("a weight or loss in the record is not a number")
    try:
        number = float(value)
    except OverflowError:  # an integer literal beyond any float
        raise ValueError("a weight or loss in the record is not a finite number") from None
    if not np.isfinite(number):
        raise ValueError("a weight or loss in the record is not a finite number")
    return number


def _flat(values, size: int) -> np.ndarray:
    if not isinstance(values, list) or len(values) != size:
        raise ValueError(f"weights in the record must be {size} numbers")
    return np.array([_number(v) for v in values], dtype=float)


def _change(entry, size: int, after: int, last_step: int) -> Change:
    if not (isinstance(entry, list) and len(entry) == 3 and _whole(entry[0])):
        raise ValueError("each change must be [step, kind, value]")
    step, kind, value = entry
    if not after <= step <= last_step:
        raise ValueError("the changes must be in step order and within the run")
    if kind == SET_ALPHA:
        return Change(step, kind, _number(value))
    if kind == SET_STEPS:
        if not _whole(value):
            raise ValueError("a change of steps must be a whole number")
        return Change(step, kind, value)
    if kind == EDIT_WEIGHTS:
        return Change(step, kind, tuple(_flat(value, size).tolist()))
    if kind == ROW_STEP:
        if not (isinstance(value, list) and len(value) == 2) or step >= last_step:
            raise ValueError("a row step must be [weights, loss] before the run's last step")
        return Change(step, kind, (tuple(_flat(value[0], size).tolist()), _number(value[1])))
    raise ValueError(f"unknown change {str(kind)[:20]!r} in the record")
