"""Python's cyclic garbage collection, moved to the GUI thread.

Python collects reference cycles in whichever thread happens to allocate when a count passes
its threshold: the file reader, the recovery check or a training thread. A Qt object in such
a cycle (a window's timer, a widget kept by a lambda) is then destroyed in that thread, not
in the one it lives in, which Qt does not allow (docs/design.md, "Garbage collection in the
GUI thread"). Automatic collection is switched off and the thresholds are checked from a
timer in the GUI thread instead.
"""

import gc
import threading
import time

from PySide6.QtCore import QCoreApplication, QObject, QTimer

CHECK_MS = 250  # young cycles wait at most this long; the check itself costs microseconds
FULL_SPACING = 19.0  # a full collection waits 19 times the last one's length: <= 5 % of the time


class CollectionPlan:
    """Which generation to collect, from Python's counts and thresholds, as its own collector
    chooses: none until the youngest count passes its threshold, then the oldest generation
    whose count passed its own. Two differences, since this looks only every CHECK_MS:

    - a burst of young objects worth a middle collection's threshold of young collections
      counts as one (Python would have made them as it allocated);
    - Python holds a full collection back until a quarter of the long-lived objects are new,
      which it does not show; here a full one waits instead until the GUI thread has spent at
      most 1 / (1 + FULL_SPACING) of its time on them (a big file's objects made each one take
      0.1 s), and a middle collection is made meanwhile."""

    def __init__(self, spacing: float = FULL_SPACING):
        self._spacing = spacing
        self._full_allowed_at = -float("inf")

    def generation(self, counts, thresholds, now: float) -> int | None:
        (young, middle, old), (first, second, third) = counts, thresholds
        if young <= first:
            return None
        if old > third:
            return 2 if now >= self._full_allowed_at else 1
        if middle > second or young > first * max(second, 1):
            return 1
        return 0

    def full_took(self, start: float, end: float) -> None:
        self._full_allowed_at = end + self._spacing * (end - start)


class MainThreadCollector(QObject):
    """Collects cycles from the GUI thread's event loop (`check` may also be called
    directly, in that thread; from another it does nothing)."""

    def __init__(self, parent: QObject):
        super().__init__(parent)
        self._owner = threading.current_thread()
        self._plan = CollectionPlan()
        self._timer = QTimer(self)
        self._timer.setInterval(CHECK_MS)
        self._timer.timeout.connect(self.check)
        self._timer.start()
        gc.disable()

    def check(self) -> None:
        if threading.current_thread() is not self._owner:
            return
        start = time.monotonic()
        generation = self._plan.generation(gc.get_count(), gc.get_threshold(), start)
        if generation is None:
            return
        gc.collect(generation)
        if generation == 2:
            self._plan.full_took(start, time.monotonic())


def collect_in_main_thread(app: QCoreApplication) -> MainThreadCollector:
    """Installs the collector once for `app` (called in its thread) and returns it."""
    existing = app.findChild(MainThreadCollector)
    return existing if existing is not None else MainThreadCollector(app)
