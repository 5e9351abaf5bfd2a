"""SeedsWorker: runs the many-seeds ensemble in a QThread, with progress and cancel.

Wiring (docs/design.md, Threads): `start_seeds_thread` moves the worker to a new thread; `started` runs it,
`finished` quits the thread and deletes the worker, the thread deletes itself when done.
Cancel goes through a threading.Event that the core polls between chunks of steps, because
a queued slot would never run while the loop is busy.
"""

import threading

from PySide6.QtCore import QObject, QThread, Signal, Slot

from core.model.config import TrainConfig
from core.training.ensemble import run_ensemble
from core.views.diagnosis import with_kinds


class SeedsWorker(QObject):
    progress = Signal(int, int)  # steps done, steps in total (0 done while drawing the weights)
    finished = Signal(object)  # core.training.ensemble.EnsembleResult with its kinds, or None
    # (failed or cancelled early)
    failed = Signal(str)  # emitted before finished(None) when the run raised

    def __init__(self, config: TrainConfig, count: int, first_seed: int = 0):
        super().__init__()
        self._config, self._count, self._first_seed = config, count, first_seed
        self._stop = threading.Event()

    def request_stop(self) -> None:
        """Thread-safe: the run ends after its current chunk (tens of milliseconds)."""
        self._stop.set()

    @Slot()
    def run(self) -> None:
        result = None
        try:
            result = run_ensemble(self._config, self._count, self._first_seed,
                                  on_progress=self.progress.emit, should_stop=self._stop.is_set)
            if result is not None:
                # Why each failed, here rather than in the window; Cancel still answers.
                result = with_kinds(result, should_stop=self._stop.is_set)
        except Exception as error:  # noqa: BLE001 - any failure must reach the user
            self.failed.emit(f"{type(error).__name__}: {error}")
        finally:
            self.finished.emit(result)


def start_seeds_thread(worker: SeedsWorker) -> QThread:
    """Starts `worker` in a new QThread; the caller keeps both until thread.finished, waits
    for the thread, then drops them (Python owns both: see gui.run.training_controller)."""
    thread = QThread()
    worker.moveToThread(thread)
    thread.started.connect(worker.run)
    worker.finished.connect(thread.quit)
    thread.start()
    return thread
