"""StudyWorker: runs the hidden-nodes study (core.training.hidden_study) in a QThread.

Wired as gui.run.seeds_worker's (docs/design.md, Threads): `start_seeds_thread` moves it to a
new thread; cancel goes through a threading.Event the many-seeds engine polls between chunks.
"""

import threading

from PySide6.QtCore import QObject, Signal, Slot

from core.training.hidden_study import study

WORK_STEPS = 1000  # the progress bar's resolution


class StudyWorker(QObject):
    progress = Signal(int, int)  # the study's work done, of WORK_STEPS (weighted by nodes)
    finished = Signal(object)  # the StudyRows, or None (failed or cancelled)
    failed = Signal(str)  # emitted before finished(None) when the study raised

    def __init__(self, config, nodes: tuple, count: int):
        super().__init__()
        self._config, self._nodes, self._count = config, nodes, count
        self._stop = threading.Event()

    def request_stop(self) -> None:
        """Thread-safe: the study ends after the engine's current chunk."""
        self._stop.set()

    @Slot()
    def run(self) -> None:
        rows = None
        try:
            rows = study(self._config, self._nodes, self._count, should_stop=self._stop.is_set,
                         on_work=lambda share: self.progress.emit(round(share * WORK_STEPS), WORK_STEPS))
        except Exception as error:  # noqa: BLE001 - any failure must reach the user
            self.failed.emit(f"{type(error).__name__}: {error}")
        finally:
            self.finished.emit(rows)
