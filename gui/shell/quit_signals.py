"""Ctrl+C, SIGTERM and SIGHUP close the window the normal way.

Python runs a signal handler only between bytecodes, and while Qt's event loop waits in C no
bytecode runs: without this, SIGTERM and SIGHUP ended the app at once (settings unsaved) and
Ctrl+C did nothing. The C-level handler writes the signal's number to a socket
(signal.set_wakeup_fd); a QSocketNotifier wakes the event loop on it, and the window closes as
if its close button was pressed, keeping unsaved work in a recovery file instead of asking.
"""

import signal
import socket

from PySide6.QtCore import QObject, QSocketNotifier, Signal

QUIT_SIGNALS = tuple(s for s in (getattr(signal, name, None) for name in ("SIGINT", "SIGTERM", "SIGHUP"))
                     if s is not None)


class QuitSignals(QObject):
    received = Signal(int)  # the signal's number

    def __init__(self, parent=None):
        super().__init__(parent)
        self._read, self._write = socket.socketpair()
        for end in (self._read, self._write):
            end.setblocking(False)
        self._previous_fd = signal.set_wakeup_fd(self._write.fileno())
        self._previous = {number: signal.signal(number, _noted) for number in QUIT_SIGNALS}
        self._notifier = QSocketNotifier(self._read.fileno(), QSocketNotifier.Type.Read, self)
        self._notifier.activated.connect(self._on_ready)

    def _on_ready(self, *_):
        try:
            data = self._read.recv(64)
        except BlockingIOError:
            return
        for number in data:
            if number in QUIT_SIGNALS:
                self.received.emit(number)

    def restore(self) -> None:
        """Puts back the handlers there were before (a test's own process, say)."""
        for number, handler in self._previous.items():
            signal.signal(number, handler)
        signal.set_wakeup_fd(self._previous_fd)
        self._notifier.setEnabled(False)


def _noted(number, frame):
    """The Python-level handler: nothing to do here; the wake-up socket carries the signal."""
