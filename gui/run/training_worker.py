"""TrainingWorker: runs the core Trainer in a QThread and emits snapshots.

Control requests (stop, pause, one step, a new alpha or speed) arrive from the
GUI thread through a lock and events, because a queued slot would never run
while the loop is busy. The GUI gets copies only, at most 50 times a second.
"""

import threading
import time

from PySide6.QtCore import QObject, Signal, Slot

from core.model.config import FULL_SPEED
from core.training import states
from core.training.trainer import Trainer
from core.views.snapshot import make_snapshot

# Seconds between snapshots. 50 a second is smooth; at 60 the 3D view's depth-tested redraws
# under software OpenGL took CPU from training (bench/gui_responsiveness.py --views all).
EMIT_INTERVAL = 1.0 / 50.0


class TrainingWorker(QObject):
    snapshot = Signal(object)  # core.views.snapshot.Snapshot
    finished = Signal()

    def __init__(self, trainer: Trainer, steps_per_second: float = FULL_SPEED,
                 start_paused: bool = False, engine=None, emit_interval: float = EMIT_INTERVAL):
        super().__init__()
        self._emit_interval = emit_interval
        self._trainer = trainer
        # The arithmetic runs in the engine's process when there is one (core.training.engine).
        self._engine = engine
        self._lock = threading.Lock()
        self._stop = threading.Event()
        self._abandoned = False
        self._wake = threading.Event()
        self._paused = start_paused
        self._step_requests = 0
        self._alpha = None
        self._steps = None
        self._tolerance = None
        self._speed = steps_per_second
        self._replacement = None  # (weights, completed step's loss or None, optimizer state or None)
        # One snapshot in flight: if the window falls behind, the next one waits (each carries
        # the whole run so far) rather than a queue of stale snapshots building up.
        self._consumed = threading.Event()
        self._consumed.set()

    # -- requests from the GUI thread (thread-safe) -------------------------
    def request_stop(self):
        self._stop.set()
        self._wake.set()

    def abandon(self):
        """Stop, and the engine is about to be ended under the step in flight: its error is
        then the stop, not a failure to report."""
        self._abandoned = True
        self.request_stop()

    def is_paused(self) -> bool:
        with self._lock:
            return self._paused

    def set_paused(self, paused: bool):
        with self._lock:
            self._paused = paused
        self._wake.set()

    def request_step(self):
        with self._lock:
            self._step_requests += 1
        self._wake.set()

    def set_alpha(self, alpha: float):
        with self._lock:
            self._alpha = alpha

    def set_tolerance(self, tolerance: float):
        with self._lock:
            self._tolerance = tolerance
        self._wake.set()  # a paused run is judged again at once

    def set_total_steps(self, steps: int):
        with self._lock:
            self._steps = steps
        self._wake.set()

    def replace_weights(self, weights, completed_step_loss=None, optimizer_state=None):
        """Hand-edited weights, or one step done row by row (with the optimizer's state after
        it; None: unchanged); applied between steps."""
        with self._lock:
            self._replacement = (weights, completed_step_loss, optimizer_state)
        self._wake.set()

    def snapshot_consumed(self):
        self._consumed.set()

    def set_speed(self, steps_per_second: float):
        with self._lock:
            self._speed = steps_per_second
        self._wake.set()

    # -- the loop (worker thread) -------------------------------------------
    @Slot()
    def set_emit_interval(self, seconds: float) -> None:
        """The least seconds between snapshots from now on (read by the training thread)."""
        self._emit_interval = float(seconds)

    def run(self):
        try:
            self._loop()
        except Exception as error:  # noqa: BLE001 - any failure must reach the user
            if self._abandoned:  # the engine was ended on purpose, to quit quickly
                self._emit_end()
            else:
                self._emit(states.FAILED, f"{type(error).__name__}: {error}")
        finally:
            self.finished.emit()

    def _loop(self):
        trainer = self._trainer
        chunk, clock = first_chunk(len(trainer.config.points)), _RateClock()
        self._emit(states.PAUSED if self._paused else states.TRAINING)
        last_emit, last_speed = time.perf_counter(), self._speed
        shown_paused = self._paused
        while not self._stop.is_set():
            paused, one_step, speed, judged = self._take_requests()
            if speed != last_speed:
                clock.restart()
                last_speed = speed
            if trainer.finished:
                break
            if paused and not one_step:
                if not shown_paused or judged:  # tell the views once, and of a new tolerance
                    self._emit(states.PAUSED)
                    shown_paused = True
                clock.restart()
                self._wake.wait(0.05)
                self._wake.clear()
                continue
            shown_paused = paused
            count = 1 if paused else clock.due(speed, chunk)
            if count:
                losses, seconds = self._advance(count, ahead=not paused and speed == FULL_SPEED)
                chunk = _adapt_chunk(chunk, count, seconds, speed, self._emit_interval)
                clock.ran(len(losses))
            now = time.perf_counter()
            due = now - last_emit >= self._emit_interval and self._consumed.is_set()
            if paused or trainer.finished or due:
                self._emit(states.PAUSED if paused else states.TRAINING, rate=clock.rate())
                last_emit = now
            if not count or speed != FULL_SPEED:
                self._wake.wait(min(self._emit_interval, clock.wait_time(speed)))
                self._wake.clear()
        self._emit_end()

    def _advance(self, count, ahead):
        """Runs up to `count` steps (fewer at a checkpoint); returns their losses and the seconds
        the arithmetic took. ahead: at full speed the engine starts the next advance meanwhile."""
        if self._engine is None:
            started = time.perf_counter()
            losses = self._trainer.advance(count)
            return losses, time.perf_counter() - started
        losses = self._engine.advance(self._trainer, count, ahead=ahead)
        return losses, self._engine.compute_seconds

    def _take_requests(self):
        with self._lock:
            if self._alpha is not None:
                self._trainer.set_alpha(self._alpha)
                self._alpha = None
            if self._steps is not None:
                self._trainer.set_steps(self._steps)
                self._steps = None
            judged = self._take_tolerance()
            if self._replacement is not None:
                self._apply_replacement(*self._replacement)
                self._replacement = None
            one_step = self._step_requests > 0
            if one_step:
                self._step_requests -= 1
            return self._paused, one_step, self._speed, judged

    def _take_tolerance(self) -> bool:
        """Judges the run by a tolerance asked for (under the lock); True if there was one."""
        if self._tolerance is None:
            return False
        self._trainer.set_tolerance(self._tolerance)
        self._tolerance = None
        return True

    def _apply_replacement(self, weights, completed_step_loss, optimizer_state):
        if completed_step_loss is None:
            self._trainer.set_weights(weights, optimizer_state)
        else:
            self._trainer.record_step(weights, completed_step_loss, optimizer_state)
        self._emit(states.PAUSED if self._paused else states.TRAINING)

    def _emit_end(self):
        with self._lock:  # one asked for during the last steps still judges the end
            self._take_tolerance()
        outcome = self._trainer.outcome
        if outcome is None:
            self._emit(states.STOPPED, f"stopped at step {self._trainer.step}")
        else:
            self._emit(states.state_after(outcome.reason), outcome.message)

    def _emit(self, state, message="", rate=0.0):
        t = self._trainer
        self._consumed.clear()
        self.snapshot.emit(make_snapshot(t.config, t.weights, t.step, t.history, state, message,
                                         steps_per_second=rate, run=t.run_id, path=t.path,
                                         optimizer_state=t.optimizer_state()))


def first_chunk(rows: int) -> int:
    """Steps of the first advance: 64 of a gate's 4 rows; a function's grid as many row updates
    at the least (one step of 441 rows), so its first picture is not 64 slow steps away
    (0.2-0.3 s here); _adapt_chunk then finds the count either way."""
    return max(1, 256 // max(1, rows))


def _adapt_chunk(chunk, count, seconds, speed, emit_interval=EMIT_INTERVAL):
    """At full speed, aim for a quarter to three quarters of the snapshot interval of arithmetic
    (5-15 ms at 50 snapshots a second), as the child measures it; an advance also stops at the
    run record's next checkpoint (every 2,048 steps for the default network). With two runs on
    two cores, 2,048 steps took the child 14-15 ms (medians), so the count kept halving: most
    advances were 1,024 steps, 1.5 times the round trips. At their 10 snapshots a second every
    advance ran to the checkpoint."""
    if speed != FULL_SPEED or count < chunk:
        return chunk
    if seconds < emit_interval / 4:
        return min(chunk * 2, 1 << 16)
    if seconds > emit_interval * 3 / 4:
        return max(chunk // 2, 1)
    return chunk


class _RateClock:
    """Paces limited speeds and measures the achieved steps per second."""

    def __init__(self):
        self.restart()

    def restart(self):
        self._start = time.perf_counter()
        self._done = 0
        self._window = [(self._start, 0)]

    def due(self, speed, chunk):
        if speed == FULL_SPEED:
            return chunk
        owed = int((time.perf_counter() - self._start) * speed) + 1 - self._done
        return max(0, min(owed, chunk, 1 << 16))

    def wait_time(self, speed):
        if speed == FULL_SPEED:
            return 0.0
        return max(0.0, (self._done + 1) / speed - (time.perf_counter() - self._start))

    def ran(self, count):
        self._done += count
        now = time.perf_counter()
        self._window.append((now, self._done))
        while len(self._window) > 2 and now - self._window[0][0] > 1.0:
            self._window.pop(0)

    def rate(self):
        (t0, n0), (t1, n1) = self._window[0], self._window[-1]
        return (n1 - n0) / (t1 - t0) if t1 > t0 else 0.0
