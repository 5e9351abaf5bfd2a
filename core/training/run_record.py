"""RunRecord: everything that changed one run, and the exact state at any of its steps.

A run is its config and starting state, then training steps, with changes in between: a
new alpha or number of steps, hand-edited weights, a step done row by row. The record
keeps those changes as an ordered log and, every `interval` steps, a checkpoint of the
run's state: the weights and the optimizer's state (core.model.layout.state_layout; for plain
gradient descent the weights alone). `state_at(step)` replays from the nearest checkpoint
before `step` with the same step code the live run used (core.training.stepping), so the
state is bit for bit what the live run had (seeded runs are deterministic; chunking an
advance does not change its arithmetic).

A record read from a file is only as true as the file: each stretch between two checkpoints
(a segment) is checked by replaying it, against the next checkpoint's weights and the file's
own loss history, before any of its steps is shown (check(), or lazily in state_at). The
first segment that does not replay cuts the record: it then starts after that segment, and
`dropped_note` says why the steps before are not shown.

Pure NumPy and the standard library: no Qt. Design notes: docs/run_record.md.
"""

import hashlib
import sys
import threading
from bisect import bisect_left, bisect_right
from dataclasses import dataclass

import numpy as np

from core.model import layout
from core.model.config import STEPS_MAX, TrainConfig, trains_alike
from core.model.network import Weights
from core.training.history import clipped_to
from core.training.kernels import OK
from core.training.stepping import run_steps

# Kinds of change in the log.
SET_ALPHA, SET_STEPS, EDIT_WEIGHTS, ROW_STEP = "alpha", "steps", "weights", "row_step"
_SETTINGS = {SET_ALPHA: "alpha", SET_STEPS: "steps"}

# Replay cost per step (measured, bench/state_at.py): an online step ~0.45 us per weight, a
# batch step ~100 us (NumPy calls) whatever the size. The intervals keep the replay of any
# step under ~10 ms on a quiet machine. Costs below are in weight-steps (~0.45 us each).
_ONLINE_WEIGHT_STEPS = 20_000  # weights x steps between checkpoints
BATCH_INTERVAL = 64
CHECKPOINT_BYTES_MAX = 32 * 2**20  # beyond this, every other checkpoint is dropped
# A saved record is refused if a segment could need more replay than this: ~4 s. A run's own
# record stays below it: even 10^8 steps with 64 hidden nodes, thinned, is ~2.1e6.
REPLAY_COST_MAX = 2**23
BATCH_STEP_COST = 200
# Replaying one change checks a config or copies the weights: ~27 us (bench/record_load.py).
CHANGE_COST = 64
# A run's record keeps at most this many changes (a live run drops its oldest past beyond it;
# a file with more is refused): settings and edits made at one step count once.
CHANGES_MAX = 50_000
# Opening a file checks its newest segments up to this cost (~2 s), the others when shown...
OPEN_CHECK_COST = 2**22
# ... but segments more than twice the interval long are replayed at once to put checkpoints
# back (up to ~15 s in all); a record sparser than that starts after the newest one left.
SPARSE_CHECK_COST = 2**25


class Cancelled(Exception):
    """should_stop() asked a long read or check to stop."""


def checkpoint_interval(config: TrainConfig) -> int:
    """Steps between checkpoints: a power of two, fewer for bigger networks and batch mode."""
    if config.mode == "batch":
        return BATCH_INTERVAL
    weights = _size(config)
    interval = 16
    while interval * 2 * weights <= _ONLINE_WEIGHT_STEPS:
        interval *= 2
    return interval


def normal_interval(config: TrainConfig, steps: int, bytes_each: int) -> int:
    """The interval a live run has after `steps` steps of record: checkpoint_interval, doubled
    as often as CHECKPOINT_BYTES_MAX made it thin its checkpoints."""
    interval = checkpoint_interval(config)
    while (steps // interval + 1) * bytes_each > CHECKPOINT_BYTES_MAX:
        interval *= 2
    return interval


def _size(config: TrainConfig) -> int:
    """Numbers in the run's state: the weights, then the optimizer's state."""
    return layout.state_size(config.hidden_nodes, config.optimizer)


def _step_cost(config: TrainConfig) -> int:
    return _size(config) if config.mode == "online" else BATCH_STEP_COST


def loss_digest(values) -> int:
    """A fingerprint of losses at float32 precision (the window keeps float32, the command
    line float64: both give the same one)."""
    data = clipped_to(np.float32, values).astype("<f4").tobytes()
    return int.from_bytes(hashlib.blake2b(data, digest_size=8).digest(), "little")


@dataclass(frozen=True)
class Change:
    step: int  # the number of steps completed when it happened
    kind: str
    # a number; the flat weights, or the whole state (a math panel row moves the optimizer's
    # too); or (the flat state, loss) for ROW_STEP
    value: object


@dataclass(frozen=True)
class RunState:
    """The run after `step` steps (and after any change made at that step)."""

    step: int
    config: TrainConfig
    weights: Weights
    optimizer_state: tuple = ()  # core.model.layout.state_layout, after the weights


class _Witness:
    """What a file says about the segments of its record not checked yet: for each, its
    steps [start, end) and the digest of the file's losses for them."""

    def __init__(self, starts, ends, digests):
        self.starts = np.asarray(starts, dtype=np.int64)
        self.ends = np.asarray(ends, dtype=np.int64)
        self.digests = np.asarray(digests, dtype=np.uint64)
        self.pending = np.ones(self.starts.size, dtype=bool)

    def within(self, start: int, end: int) -> np.ndarray:
        """Indices of pending entries that start in [start, end)."""
        low, high = np.searchsorted(self.starts, [start, end])
        return low + np.flatnonzero(self.pending[low:high])

    def newest_before(self, step) -> int | None:
        """The start of the latest pending entry that starts before `step` (None: any)."""
        high = self.starts.size if step is None else int(np.searchsorted(self.starts, step))
        while high > 0:  # a window at a time: check() walks down, so the next one is near
            low = max(0, high - 1024)
            found = np.flatnonzero(self.pending[low:high])
            if found.size:
                return int(self.starts[low + found[-1]])
            high = low
        return None

    def drop_before(self, step: int) -> None:
        self.pending[self.starts < step] = False

    def left(self) -> int:
        return int(self.pending.sum())

    def copy(self) -> "_Witness":
        copy = _Witness(self.starts.copy(), self.ends.copy(), self.digests.copy())
        copy.pending = self.pending.copy()
        return copy


class RunRecord:
    def __init__(self, config: TrainConfig, weights: Weights, step: int = 0, optimizer_state=()):
        self.config = config  # the settings in force at start_step
        self.start_step = step
        self.interval = checkpoint_interval(config)
        self.changes: list[Change] = []
        # Why steps before start_step are not shown, when the record was cut (else None).
        self.dropped_note: str | None = None
        # The training thread adds to the record while the window reads past steps from it.
        self._lock = threading.Lock()
        self._steps: list[int] = []  # checkpoint steps, ascending
        self._marks: list[tuple[int, TrainConfig]] = []  # (changes applied, config) at each
        self._weights: list[np.ndarray] = []  # the run's state at each
        start = np.concatenate([weights.flat(), np.asarray(optimizer_state, dtype=float)])
        self._bytes_each = _bytes_each(start, config)
        self._witness: _Witness | None = None  # a file's segments not checked yet
        self._end = None  # a file's saved (step, weights, settings): its last segment's end
        self._end_ok: bool | None = None
        self._generation = 0  # changes when the record is cut (indices move)
        self._add_checkpoint(step, config, start)

    # -- what the live run reports -------------------------------------------
    def next_checkpoint(self, step: int) -> int:
        """The next step (after `step`) at which the live run must call reached()."""
        return (step // self.interval + 1) * self.interval

    def reached(self, step: int, config: TrainConfig, flat) -> None:
        """The live run has completed `step` steps by training; checkpoints its state (flat)
        when due."""
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
            if kind != ROW_STEP:
                # A later setting or edit at the same step replaces an earlier one of its kind:
                # a slider dragged on a paused run logs one change, not hundreds.
                floor = self._marks[-1][0]
                index = len(self.changes) - 1
                while index >= floor and self.changes[index].step == step and \
                        self.changes[index].kind != ROW_STEP:
                    if self.changes[index].kind == kind:
                        del self.changes[index]
                        break
                    index -= 1
            self.changes.append(Change(step, kind, value))
            if len(self.changes) > CHANGES_MAX:
                self._shed_changes(step)

    # -- any step's state ------------------------------------------------------
    def state_at(self, step: int) -> RunState:
        """The exact state after `step` steps; ValueError outside the recorded steps or in a
        part of a file's record that does not replay."""
        if not self.start_step <= step:
            raise ValueError(self._before_start(step))
        self._check_around(step)
        with self._lock:  # what the replay needs, as it is now
            if step < self.start_step:  # cut meanwhile
                raise ValueError(self._before_start(step))
            index = bisect_right(self._steps, step) - 1
            applied, live = self._marks[index]
            start, flat = self._steps[index], self._weights[index]
            later = self.changes[applied:]
        replay = _Replay(live, flat, start)
        try:
            for change in later:
                if change.step + (1 if change.kind == ROW_STEP else 0) > step:
                    break
                replay.train_to(change.step)
                live = replay.apply(live, change)
            replay.train_to(step)
        except RuntimeError as error:  # a record that is not this run's (a damaged file)
            raise ValueError(f"the run record does not replay to step {step}: {error}") from None
        return replay.state(live)

    def _before_start(self, step: int) -> str:
        if self.dropped_note:
            return f"step {step:,} cannot be shown: {self.dropped_note}"
        return f"step {step} is before this record's start ({self.start_step})"

    def up_to(self, step: int) -> "RunRecord":
        """A copy of this record as far as `step` (and the changes made at it): the record of a
        run that branches off here, so its past reaches back as far as this one's."""
        with self._lock:
            copy = RunRecord.__new__(RunRecord)
            copy._lock = threading.Lock()
            copy.config, copy.start_step, copy.interval = self.config, self.start_step, self.interval
            copy.dropped_note = self.dropped_note
            # Changes are in step order; a row step at s completes step s + 1.
            copy.changes = [c for c in self.changes
                            if c.step + (1 if c.kind == ROW_STEP else 0) <= step]
            keep = bisect_right(self._steps, step)
            copy._steps, copy._marks = self._steps[:keep], self._marks[:keep]
            copy._weights = self._weights[:keep]
            copy._bytes_each = self._bytes_each
            copy._witness = None
            if self._witness is not None:
                copy._witness = self._witness.copy()
                # Segments reaching past `step` cannot be checked in the copy; fork() has
                # checked the one `step` is in (state_at).
                copy._witness.pending &= copy._witness.ends <= step
            copy._end, copy._end_ok, copy._generation = None, True, 0
            return copy

    # -- a file's record: what it must show before its steps are shown -------------------
    def witness(self, history, weights: Weights, config: TrainConfig,
                should_stop=None, optimizer_state=()) -> None:
        """Keeps what the file says beyond the record: its loss history (one digest per
        segment) and its saved weights, optimizer state and settings, which its last segment
        must reach."""
        history = np.asarray(history)
        end = len(history)
        starts, ends, digests = [], [], []
        for k, start in enumerate(self._steps):
            stop = self._steps[k + 1] if k + 1 < len(self._steps) else end
            if stop > start:
                starts.append(start)
                ends.append(stop)
                digests.append(loss_digest(history[start:stop]))
            if should_stop is not None and k % 256 == 255 and should_stop():
                raise Cancelled()
        self._witness = _Witness(starts, ends, digests)
        live = self._marks[-1][1]
        for change in self.changes[self._marks[-1][0]:]:
            if change.kind in _SETTINGS:
                live = live.with_changes(**{_SETTINGS[change.kind]: change.value})
        state = np.concatenate([weights.flat(), np.asarray(optimizer_state, dtype=float)])
        self._end = (end, state, config, live)

    def settings_at_end(self) -> TrainConfig | None:
        """A file's record: the settings after all its changes (None for a live one)."""
        return None if self._end is None else self._end[3]

    def verify_end(self, should_stop=None) -> bool | None:
        """Whether the last segment of a file's record replays to the file's own weights, loss
        history and settings (but for steps, and the tolerance and target loss, which judge
        and stop a run but are not logged: JUDGE_FIELDS); None if should_stop() stopped it."""
        if self._end_ok is not None or self._end is None:
            return bool(self._end_ok) if self._end is not None else True
        _, _, config, live = self._end
        settings_ok = trains_alike(live, config, "steps")
        result = self._check_segment(self._steps[-1], should_stop, at_end=True)
        if result is None:
            return None
        self._end_ok = bool(result) and settings_ok
        return self._end_ok

    def unchecked(self) -> int:
        """Segments of a file's record not checked yet (they are checked when shown)."""
        with self._lock:
            return 0 if self._witness is None else self._witness.left()

    def check(self, should_stop=None, budget: int | None = None,
              sparse_budget: int | None = None) -> bool:
        """Checks the segments of a file's record not checked yet, the newest first, and cuts
        the record after the first one that does not replay (nothing before it is shown).

        budget: the replay cost (weight-steps) to spend on segments of normal length; past it
        they wait until shown (None: no limit). sparse_budget: the same for segments more than
        twice the interval long (replayed once, they get checkpoints at the interval); past
        it the record is cut after the newest one left. True when none is left unchecked;
        False too when should_stop() said to stop."""
        spent = spent_sparse = 0
        below = None
        waiting = False
        while True:
            if should_stop is not None and should_stop():
                return False
            with self._lock:
                start = None if self._witness is None else self._witness.newest_before(below)
                if start is None:
                    return not waiting
                index = bisect_right(self._steps, start) - 1
                first, end, cost = self._segment(index)
                sparse = end - first > 2 * self.interval
            below = first
            if sparse and sparse_budget is not None and spent_sparse + cost > sparse_budget:
                with self._lock:
                    self._cut_after(first, "the file's checkpoints there are too far apart to "
                                    "check in reasonable time")
                return not waiting
            if not sparse and (waiting or budget is not None and spent + cost > budget):
                waiting = True  # this one and every older one of normal length wait
                continue
            result = self._check_segment(first, should_stop)
            if result is None:
                return False
            if not result:
                return not waiting
            if sparse:
                spent_sparse += cost
            else:
                spent += cost

    def _segment(self, index: int) -> tuple[int, int, int]:
        """(first step, end step, replay cost) of the segment from checkpoint `index`."""
        first = self._steps[index]
        if index + 1 < len(self._steps):
            end, applied = self._steps[index + 1], self._marks[index + 1][0]
        else:
            end = self._end[0] if self._end is not None else first
            applied = len(self.changes)
        cost = (end - first) * _step_cost(self.config) + \
            (applied - self._marks[index][0]) * CHANGE_COST
        return first, end, cost

    def _check_around(self, step: int) -> None:
        """Before a step is shown: checks its segment if it is a file's and not checked yet."""
        with self._lock:
            if self._witness is None:
                return
            index = bisect_right(self._steps, step) - 1
            first = self._steps[index]
            end = self._steps[index + 1] if index + 1 < len(self._steps) else STEPS_MAX + 1
            if not self._witness.within(first, end).size:
                return
        if not self._check_segment(first):
            raise ValueError(self._before_start(step))

    def _check_segment(self, first: int, should_stop=None, at_end: bool = False):
        """Replays the segment that holds step `first` and compares it with what the file says:
        the next checkpoint's state (or the saved one) and the losses. True: its witnesses
        are done and checkpoints are added on the interval grid where they were missing.
        False: the record is cut after it (at_end: nothing is cut). None: stopped."""
        with self._lock:
            generation = self._generation
            index = bisect_right(self._steps, first) - 1
            first = self._steps[index]
            applied, live = self._marks[index]
            flat = self._weights[index]
            if index + 1 < len(self._steps) and not at_end:
                end, last, target = self._steps[index + 1], self._marks[index + 1][0], \
                    self._weights[index + 1]
            elif self._end is not None and index == len(self._steps) - 1 and self._end[0] > first:
                end, target = self._end[0], self._end[1]
                last = applied + sum(1 for c in self.changes[applied:] if c.step < end)
            else:
                return True  # a live run's last segment: nothing to check it against
            later = self.changes[applied:last]
            witness = self._witness
            entries = [] if witness is None else [
                (int(witness.starts[k]), int(witness.ends[k]), int(witness.digests[k]), k)
                for k in witness.within(first, end)]
            interval = self.interval
        try:
            replayed = _replay_segment(live, flat, first, applied, later, end, interval,
                                       should_stop)
        except (RuntimeError, ValueError, FloatingPointError):
            replayed = False  # it did not reach the next checkpoint: not this run's record
        if replayed is None:
            return None
        ok = replayed is not False and np.array_equal(replayed[0], target) and all(
            loss_digest(replayed[1][start - first:stop - first]) == digest
            for start, stop, digest, _ in entries)
        with self._lock:
            if self._generation != generation:
                return ok  # cut meanwhile: what was found is about steps no longer shown
            if ok:
                for *_, k in entries:
                    witness.pending[k] = False
                self._add_points(first, replayed[2])
            elif not at_end:
                self._cut_after(first, f"the file's run record does not replay between steps "
                                f"{first:,} and {end:,} (a checkpoint, change or loss there "
                                "is not this run's)")
        return ok

    def _add_points(self, first: int, points) -> None:
        """Checkpoints found by replaying the segment from `first`, where they are missing."""
        index = bisect_left(self._steps, first)
        if index == len(self._steps) or self._steps[index] != first:
            return
        end = self._steps[index + 1] if index + 1 < len(self._steps) else None
        position = index + 1
        for step, applied, config, flat in points:
            if (end is None or step < end) and step % self.interval == 0:
                self._insert(position, step, applied, config, flat)
                position += 1
        while self.checkpoint_bytes() > CHECKPOINT_BYTES_MAX:
            self._thin()

    def _insert(self, position, step, applied, config, flat) -> None:
        self._steps.insert(position, step)
        self._marks.insert(position, (applied, config))
        self._weights.insert(position, flat)

    def _cut_after(self, first: int, reason: str) -> None:
        """Cuts the record at the checkpoint after the segment that holds `first`: the steps
        before it are not shown (nothing vouches for them)."""
        index = bisect_right(self._steps, first) - 1
        if index + 1 >= len(self._steps):
            return
        cut = self._steps[index + 1]
        self._rebase(index + 1, f"steps {self.start_step:,} to {cut - 1:,} are not shown: "
                                f"{reason}")

    def _shed_changes(self, step: int) -> None:
        """Past CHANGES_MAX changes, the record starts at the first checkpoint after which at
        most half of them are left (its older past is no longer shown)."""
        target = len(self.changes) - CHANGES_MAX // 2
        index = next((k for k, (applied, _) in enumerate(self._marks) if k and applied >= target),
                     len(self._marks) - 1)
        if index:
            self._rebase(index, f"the run's record keeps at most {CHANGES_MAX:,} changes; steps "
                                f"before {self._steps[index]:,} are no longer kept")

    def _rebase(self, index: int, note: str) -> None:
        """The record from checkpoint `index` on (under the lock)."""
        applied, config = self._marks[index]
        self.start_step, self.config = self._steps[index], config
        self.changes = self.changes[applied:]
        self._marks = [(count - applied, marked) for count, marked in self._marks[index:]]
        self._steps, self._weights = self._steps[index:], self._weights[index:]
        if self._witness is not None:
            self._witness.drop_before(self.start_step)
        self._generation += 1
        self.dropped_note = note

    # -- saving ------------------------------------------------------------------
    def to_dict(self) -> dict:
        """Plain JSON-ready data: the start config, the changes and the checkpoints."""
        with self._lock:
            return {
                "config": self.config.to_dict(),
                "start_step": self.start_step,
                "interval": self.interval,
                "changes": [[c.step, c.kind, _plain(c.value)] for c in self.changes],
                "checkpoints": [[step, mark[0], [float(v) for v in flat]] for step, mark, flat
                                in zip(self._steps, self._marks, self._weights)],
            }

    @classmethod
    def from_dict(cls, data, last_step: int, should_stop=None) -> "RunRecord":
        """The record to_dict() wrote, checked for a run that has reached `last_step`;
        ValueError says what is wrong (a config error is a ConfigError). Its checkpoints are
        thinned to the spacing a live run of that length has. Raises Cancelled if
        should_stop() says so."""
        if not isinstance(data, dict):
            raise ValueError("the record must be an object")
        config = TrainConfig.from_dict(data.get("config"))
        start, interval = data.get("start_step"), data.get("interval")
        if not _whole(start) or not 0 <= start <= last_step:
            raise ValueError(f"start_step must be a whole number from 0 to {last_step}")
        size, step_cost = _size(config), _step_cost(config)
        # A power of two a live run could have had (it is replaced by the normal one below).
        if not _whole(interval) or interval < 1 or interval & (interval - 1) or \
                interval * step_cost > REPLAY_COST_MAX:
            raise ValueError("interval must be a power of two small enough to replay")
        raw_changes = data.get("changes")
        if not isinstance(raw_changes, list):
            raise ValueError("changes must be a list")
        if len(raw_changes) > CHANGES_MAX:
            raise ValueError(f"{len(raw_changes):,} changes, more than the {CHANGES_MAX:,} a "
                             "run's record keeps")
        changes = []
        for entry in raw_changes:
            changes.append(_change(entry, size, changes[-1].step if changes else start, last_step,
                                   layout.parameter_count(config.hidden_nodes)))
            _poll(should_stop, len(changes))
        raw_points = data.get("checkpoints")
        if not isinstance(raw_points, list) or not raw_points:
            raise ValueError("checkpoints must be a non-empty list")
        points = _checkpoints(raw_points, changes, start, last_step, size, should_stop)
        changes, points = _coalesced(changes, points)
        bytes_each = _bytes_each(np.zeros(size), config)
        normal = normal_interval(config, last_step - start, bytes_each)
        if normal < interval <= 2 * normal:  # within a thinning of it (getsizeof differs by platform)
            normal = interval
        points = _spaced(points, normal)

        record = cls.__new__(cls)
        record._lock = threading.Lock()
        record.config, record.start_step, record.interval = config, start, normal
        record.changes, record.dropped_note = changes, None
        record._steps, record._marks, record._weights = [], [], []
        record._bytes_each = bytes_each
        record._witness, record._end, record._end_ok, record._generation = None, None, None, 0
        live, settled = config, 0
        for k, (step, applied, flat) in enumerate(points):
            for change in changes[settled:applied]:
                if change.kind in _SETTINGS:  # checked when read: ConfigError cannot happen here
                    live = live.with_changes(**{_SETTINGS[change.kind]: change.value})
            settled = applied
            record._steps.append(step)
            record._marks.append((applied, live))
            record._weights.append(_flat(flat, size))
            _poll(should_stop, k)
        while record.checkpoint_bytes() > CHECKPOINT_BYTES_MAX:
            record._thin()
        for index in range(len(record._steps)):
            if index + 1 == len(record._steps):
                end, applied = last_step, len(changes)
            else:
                end, applied = record._steps[index + 1], record._marks[index + 1][0]
            cost = (end - record._steps[index]) * step_cost + \
                (applied - record._marks[index][0]) * CHANGE_COST
            if cost > REPLAY_COST_MAX:
                raise ValueError("the checkpoints are too far apart to replay a step in "
                                 "reasonable time")
        return record

    # -- memory ----------------------------------------------------------------
    def checkpoints_up_to(self, step: int) -> dict:
        """{step: the flat state} of the checkpoints at or before `step`."""
        with self._lock:
            keep = bisect_right(self._steps, step)
            return dict(zip(self._steps[:keep], self._weights[:keep]))

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


def _bytes_each(flat, config) -> int:
    return (sys.getsizeof(np.asarray(flat, dtype=float)) + sys.getsizeof((0, config))
            + sys.getsizeof(2**40) + 3 * 8)


def _poll(should_stop, count: int) -> None:
    if should_stop is not None and count % 4096 == 4095 and should_stop():
        raise Cancelled()


def _replay_segment(live, flat, first, applied, later, end, interval, should_stop):
    """Replays from a checkpoint (step `first`, `applied` changes made, settings `live`)
    through `later` to step `end`. Returns (the state at `end`, losses of steps first+1..end,
    [(step, changes applied, settings, state)] at each multiple of `interval` between), or
    None if should_stop() said to stop. RuntimeError if the replay cannot get there."""
    replay = _Replay(live, flat, first)
    points, index = [], 0
    point = (first // interval + 1) * interval
    while True:
        until = min(point, end)
        while index < len(later) and later[index].step < until:
            replay.train_to(later[index].step)
            live = replay.apply(live, later[index])
            index += 1
            if should_stop is not None and index % 1024 == 0 and should_stop():
                return None
        replay.train_to(until)
        if until == end:
            return np.array(replay.flat, dtype=float), np.array(replay.losses, dtype=float), points
        points.append((point, applied + index, live, np.array(replay.flat, dtype=float)))
        point += interval
        if should_stop is not None and should_stop():  # every interval: ~10 ms of replay
            return None


class _Replay:
    """A run replayed from a checkpoint by the live run's own step code (core.training.stepping),
    never stopping on its own: where the live run stopped is already known."""

    def __init__(self, live: TrainConfig, flat, step: int):
        self.config = live.with_changes(steps=STEPS_MAX, target_loss=None)
        self.flat = [float(v) for v in flat]
        self.step = step
        self.losses: list[float] = []
        self._size = layout.parameter_count(live.hidden_nodes)

    def train_to(self, step: int) -> None:
        done = len(self.losses)
        if step > self.step:
            status = run_steps(self.config, self.flat, step - self.step, -np.inf, self.losses)
            self.step += len(self.losses) - done
            if status != OK and self.step != step:  # the live run did these steps: so must the replay
                raise RuntimeError(f"replay stopped at step {self.step} before reaching {step}")
        if self.step != step:
            raise RuntimeError(f"replay stopped at step {self.step} before reaching {step}")

    def apply(self, live: TrainConfig, change: Change) -> TrainConfig:
        """Applies a change; returns the live run's settings after it."""
        if change.kind in _SETTINGS:
            if change.kind == SET_ALPHA:
                self.config = self.config.with_changes(alpha=change.value)
            return live.with_changes(**{_SETTINGS[change.kind]: change.value})
        if change.kind == EDIT_WEIGHTS:  # the weights, or (a math panel row) the whole state
            self.flat[:len(change.value)] = change.value
        else:
            self.flat[:] = change.value[0]
            self.step += 1
            self.losses.append(change.value[1])
        return live

    def state(self, live: TrainConfig) -> RunState:
        weights = Weights.from_flat(self.flat[:self._size], live.hidden_nodes)
        return RunState(self.step, live, weights, tuple(self.flat[self._size:]))


def _checkpoints(raw_points, changes, start, last_step, size, should_stop) -> list:
    """[(step, changes applied, raw weights)], checked for order and for changes that come
    before each (a change at a checkpoint's step comes after it)."""
    points, applied_before = [], -1
    for entry in raw_points:
        if not (isinstance(entry, list) and len(entry) == 3 and _whole(entry[0])
                and _whole(entry[1])):
            raise ValueError("each checkpoint must be [step, changes applied, weights]")
        step, applied, flat = entry
        previous = points[-1][0] if points else None
        first_ok = step == start if previous is None else step > previous
        if not first_ok or step > last_step or not applied_before <= applied <= len(changes):
            raise ValueError("the checkpoints must start at start_step, go forward and stay "
                             "within the run")
        if applied and changes[applied - 1].step >= step:
            raise ValueError("a checkpoint counts a change made at or after it")
        if applied < len(changes) and changes[applied].step < step:
            raise ValueError("a checkpoint leaves out a change made before it")
        if not isinstance(flat, list) or len(flat) != size:
            raise ValueError(f"weights in the record must be {size} numbers")
        applied_before = applied
        points.append((step, applied, flat))
        _poll(should_stop, len(points))
    return points


def _coalesced(changes, points):
    """Drops each setting or edit that a later one of its kind at the same step replaces (with
    no checkpoint or row step between): the replay is the same, and costs what it must."""
    bounds = {applied for _, applied, _ in points}
    keep = [True] * len(changes)
    group: dict = {}
    for i, change in enumerate(changes):
        if i in bounds or change.kind == ROW_STEP or (i and changes[i - 1].step != change.step):
            group = {}
        if change.kind == ROW_STEP:
            continue
        if change.kind in group:
            keep[group[change.kind]] = False
        group[change.kind] = i
    if all(keep):
        return changes, points
    before = np.concatenate([[0], np.cumsum(keep)])  # kept changes before each index
    return ([c for c, k in zip(changes, keep) if k],
            [(step, int(before[applied]), flat) for step, applied, flat in points])


def _spaced(points, interval: int) -> list:
    """The checkpoints a live run with this interval would keep: the first, those on the
    interval, and others at least an interval after the one before (a file may hold more)."""
    kept = [points[0]]
    for point in points[1:]:
        if point[0] % interval == 0 or point[0] - kept[-1][0] >= interval:
            kept.append(point)
    return kept


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
    if not set(map(type, values)) <= {float, int}:
        raise ValueError("a weight or loss in the record is not a number")
    try:
        array = np.array(values, dtype=float)
    except OverflowError:  # an integer literal beyond any float
        raise ValueError("a weight or loss in the record is not a finite number") from None
    if not np.isfinite(array).all():
        raise ValueError("a weight or loss in the record is not a finite number")
    return array


def _change(entry, size: int, after: int, last_step: int, weights: int) -> Change:
    """A change read from a file: size numbers in the run's state, `weights` of them weights."""
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
    if kind == EDIT_WEIGHTS:  # the weights, or with them the optimizer's state
        edited = weights if isinstance(value, list) and len(value) == weights else size
        return Change(step, kind, tuple(_flat(value, edited).tolist()))
    if kind == ROW_STEP:
        if not (isinstance(value, list) and len(value) == 2) or step >= last_step:
            raise ValueError("a row step must be [weights, loss] before the run's last step")
        return Change(step, kind, (tuple(_flat(value[0], size).tolist()), _number(value[1])))
    raise ValueError(f"unknown change {str(kind)[:20]!r} in the record")
