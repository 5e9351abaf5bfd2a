"""Python's cyclic garbage collection, moved to the GUI thread.

Python collects reference cycles in whichever thread happens to allocate when a count passes
its threshold: the file reader, the recovery check or a training thread. A Qt object in such
a cycle (a window's timer, a widget kept by a lambda) is then destroyed in that thread, not
in the one it lives in, which Qt does not allow (docs/design.md, "Garbage collection in the
GUI thread"). Automatic collection is switched off and the same thresholds are checked from
a timer in the GUI thread instead.
"""

import gc
import threading

from PySide6.QtCore import QCoreApplication, QObject, QTimer

CHECK_MS = 250  # cycles wait at most this long; the check itself costs microseconds


class MainThreadCollector(QObject):
    """Collects cycles from the GUI thread's event loop, generation by generation as
    Python's own collector would (`check` may also be called directly, in that thread)."""

    def __init__(self, parent: QObject):
        super().__init__(parent)
        self._owner = threading.current_thread()
        self._timer = QTimer(self)
        self._timer.setInterval(CHECK_MS)
        self._timer.timeout.connect(self.check)
        self._timer.start()
        gc.disable()

    def check(self) -> None:
        if threading.current_thread() is not self._owner:
            return
        first, second, third = gc.get_threshold()
        young, middle, old = gc.get_count()
        if young > first:
            generation = 0
            if middle > second:
                generation = 2 if old > third else 1
            gc.collect(generation)


def collect_in_main_thread(app: QCoreApplication) -> MainThreadCollector:
    """Installs the collector once for `app` (called in its thread) and returns it."""
    existing = app.findChild(MainThreadCollector)
    return existing if existing is not None else MainThreadCollector(app)
