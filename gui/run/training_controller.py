"""TrainingController: owns the QThread and the worker for one run at a time.

The wiring follows Qt's worker-object pattern: the worker is moved to the
thread, `started` runs it, and `finished` quits the thread. Both objects are
owned by Python, not deleted with deleteLater: dropping the last Python
reference deletes the C++ object at once, and doing that while a deferred
delete was still queued in the worker thread crashed (a double delete, seen
about once in 30 test runs). So the controller waits for the thread to end,
then drops its references, and nothing else deletes them.
"""

import weakref

from PySide6.QtCore import QObject, QThread, QTimer, Signal

from core.training.engine import TrainingEngine
from core.training.trainer import Trainer
from gui.run.training_worker import EMIT_INTERVAL, FULL_SPEED, TrainingWorker

SHUTDOWN_WAIT_MS = 1500
# On quit, how long the step in flight may finish on its own before the engine is ended:
# on a busy machine that step took 0.2-0.5 s, and nothing will show its result.
QUIT_GRACE_MS = 50


class TrainingController(QObject):
    snapshot = Signal(object)  # forwarded from the worker, in the GUI thread
    running_changed = Signal(bool)

    def __init__(self, parent=None, use_engine: bool = True, emit_interval: float = EMIT_INTERVAL):
        """emit_interval: the least seconds between snapshots of a run that trains on."""
        super().__init__(parent)
        self._emit_interval = emit_interval
        self._thread: QThread | None = None
        self._worker: TrainingWorker | None = None
        self._speed = FULL_SPEED
        self._use_engine = use_engine
        self._engine: TrainingEngine | None = None  # started at the first run, kept for the next

    def is_running(self) -> bool:
        return self._thread is not None

    def set_emit_interval(self, seconds: float) -> None:
        """The least seconds between snapshots, for the run training now and the next ones."""
        self._emit_interval = seconds
        if self._worker is not None:
            self._worker.set_emit_interval(seconds)

    def emit_interval(self) -> float:
        return self._emit_interval

    def start(self, trainer: Trainer, paused: bool = False) -> None:
        """Runs `trainer` in a new thread; the caller must not touch it until finished."""
        if self._thread is not None:
            raise RuntimeError("a run is already in progress")
        if self._use_engine and self._engine is None:
            self._engine = TrainingEngine()
        thread = QThread()
        worker = TrainingWorker(trainer, self._speed, start_paused=paused, engine=self._engine,
                                emit_interval=self._emit_interval)
        worker.moveToThread(thread)
        thread.started.connect(worker.run)
        worker.snapshot.connect(self._on_worker_snapshot)
        worker.finished.connect(thread.quit)
        # A weak reference: a lambda holding the thread, connected to the thread, kept every
        # run's QThread alive for good.
        ended = weakref.ref(thread)
        thread.finished.connect(lambda: self._on_thread_finished(ended()))
        self._thread, self._worker = thread, worker
        thread.start()
        self.running_changed.emit(True)

    def _on_worker_snapshot(self, snapshot):
        self.snapshot.emit(snapshot)  # the views update synchronously here
        worker = self._worker
        if worker is not None:
            # Runs after the repaint the views just asked for: then the next one may come.
            QTimer.singleShot(0, worker.snapshot_consumed)

    def _on_thread_finished(self, thread):
        if thread is None or thread is not self._thread:
            return  # shutdown() has seen it end already (and another run may have started)
        thread.wait()  # `finished` comes from the thread just before it really ends
        self._thread = self._worker = None
        if self._engine is not None and not self._engine.is_alive():
            self._engine.close()  # it failed; the next run starts a fresh one
            self._engine = None
        self.running_changed.emit(False)

    def pause(self, paused: bool) -> None:
        if self._worker is not None:
            self._worker.set_paused(paused)

    def is_paused(self) -> bool:
        """The run training now was asked to pause (or started paused, for Step)."""
        return self._worker is not None and self._worker.is_paused()

    def step_once(self) -> None:
        if self._worker is not None:
            self._worker.request_step()

    def set_alpha(self, alpha: float) -> None:
        if self._worker is not None:
            self._worker.set_alpha(alpha)

    def set_tolerance(self, tolerance: float) -> None:
        if self._worker is not None:
            self._worker.set_tolerance(tolerance)

    def set_total_steps(self, steps: int) -> None:
        if self._worker is not None:
            self._worker.set_total_steps(steps)

    def replace_weights(self, weights, completed_step_loss=None, optimizer_state=None) -> None:
        if self._worker is not None:
            self._worker.replace_weights(weights, completed_step_loss, optimizer_state)

    def set_speed(self, steps_per_second: float) -> None:
        self._speed = steps_per_second
        if self._worker is not None:
            self._worker.set_speed(steps_per_second)

    def stop(self) -> None:
        """Asks the run to end after its current step; returns at once."""
        if self._worker is not None:
            self._worker.request_stop()

    def shutdown(self, quitting: bool = True) -> bool:
        """Stops and waits for the thread and the engine (used on close); True if in time.

        quitting: the app is ending, so a step still in flight after QUIT_GRACE_MS is cut
        short by ending the engine (the trainer keeps the last completed step). With False
        the run ends after its current step, as when the trainer must be saved first."""
        thread, ended = self._thread, True
        if thread is not None:
            self._worker.request_stop()
            thread.quit()
            ended = bool(thread.wait(QUIT_GRACE_MS if quitting else SHUTDOWN_WAIT_MS))
            if not ended and quitting:
                if self._engine is not None:
                    self._worker.abandon()
                    self._engine.kill()
                ended = bool(thread.wait(SHUTDOWN_WAIT_MS))
        if self._engine is not None and ended:
            self._engine.close(timeout=0.3)
            self._engine = None
        if thread is not None and ended:
            self._on_thread_finished(thread)  # now, not when the queued signal arrives
        return ended
