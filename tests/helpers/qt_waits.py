"""Waiting for what a GUI test needs, never for a fixed time: on a busy machine a step can
take ten times longer, and a test that sleeps 50 ms hoping a layout settled then fails; on a
broken app a test must still fail, so each wait names the thing it waits for.

WAIT_MS is the timeout of these waits: a "did not hang" bound, never a speed check (speed
goals are measured in bench/, by hand). tests/gui/conftest.py gives qtbot's waits the same.
"""

from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QAbstractScrollArea, QApplication, QWidget

WAIT_MS = 30_000


def drain_events(qtbot, rounds: int = 2, timeout: int = WAIT_MS) -> None:
    """Waits until every event, queued signal and zero-time timer posted before the call has
    been handled (and, with rounds=2, what those posted in turn): a marker posted behind them
    has run. For "nothing else happens after X": what X left queued has had its turn."""
    ran = []
    for k in range(rounds):
        QTimer.singleShot(0, lambda: ran.append(True))
        qtbot.waitUntil(lambda: len(ran) > k, timeout=timeout)  # noqa: B023 - used at once


def settle(qtbot, widget: QWidget, passes: int = 3, timeout: int = WAIT_MS) -> None:
    """Waits until `widget` is laid out: the posted events are delivered (layout requests,
    deferred resizes, zero-time timers) and the geometry and visibility of the widget and of
    every widget in it stay the same over `passes` more turns of the event loop."""
    seen = {"last": None, "same": 0}

    def geometry():
        return [(w.geometry().getRect(), w.isVisible())
                for w in (widget, *widget.findChildren(QWidget))]

    def settled():
        QApplication.sendPostedEvents()
        QApplication.processEvents()
        now = geometry()
        seen["same"] = seen["same"] + 1 if now == seen["last"] else 0
        seen["last"] = now
        return seen["same"] >= passes

    qtbot.waitUntil(settled, timeout=timeout)


def let_timer_fire(qtbot, interval_ms: int, times: int, timeout: int = WAIT_MS) -> None:
    """Lets a probe timer of `interval_ms` fire `times` times. For proving that a timer of the
    app with that interval is NOT running: had it been, it would have fired about as often as
    the probe, however busy the machine (overdue timers fire in the order they were due)."""
    fired = []
    probe = QTimer()
    probe.setInterval(interval_ms)
    probe.timeout.connect(lambda: fired.append(True))
    probe.start()
    try:
        qtbot.waitUntil(lambda: len(fired) >= times, timeout=timeout)
    finally:
        probe.stop()


class PaintCounter(QObject):
    """Counts the paint events a widget gets (the viewport's, for a scroll area such as a
    pyqtgraph PlotWidget). `count` has grown once a paint has been handled."""

    def __init__(self, widget: QWidget):
        target = widget.viewport() if isinstance(widget, QAbstractScrollArea) else widget
        super().__init__(target)
        self.count = 0
        target.installEventFilter(self)

    def eventFilter(self, watched, event):  # noqa: N802 - Qt's name
        if event.type() == QEvent.Type.Paint:
            self.count += 1
        return False

    def wait_for_paint(self, qtbot, after: int, timeout: int = WAIT_MS) -> None:
        """Waits until a paint has come after the first `after` ones."""
        qtbot.waitUntil(lambda: self.count > after, timeout=timeout)


def count_worker_rounds(monkeypatch) -> list:
    """Counts the rounds of every training loop started from now on (TrainingWorker reads its
    requests once a round, paused or not): [rounds]. For proving that a paused run does NOT
    step: its loop went round while the test watched."""
    from gui.run.training_worker import TrainingWorker

    rounds = [0]
    take = TrainingWorker._take_requests

    def counting(self):
        rounds[0] += 1
        return take(self)

    monkeypatch.setattr(TrainingWorker, "_take_requests", counting)
    return rounds
