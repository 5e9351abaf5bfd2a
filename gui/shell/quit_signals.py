"""Ctrl+C, SIGTERM and SIGHUP, and the window destroyed from outside, close it the normal way.

Python runs a signal handler only between bytecodes, and while Qt's event loop waits in C no
bytecode runs: without this, SIGTERM and SIGHUP ended the app at once (settings unsaved) and
Ctrl+C did nothing. The C-level handler writes the signal's number to a socket
(signal.set_wakeup_fd); a QSocketNotifier wakes the event loop on it, and the window closes as
if its close button was pressed, keeping unsaved work in a recovery file instead of asking.

Another X client may destroy the window (a window manager's "destroy", a script's
XDestroyWindow): Qt then goes on without a window, and the process stayed alive with no way to
reach it. WindowLoss watches X's DestroyNotify for the window and closes the same way.

When the display itself is lost (the X server ends, or xkill cuts GateLab's connection), Qt
prints one warning and calls exit(1), whose teardown ran while the 3D view's paint path was
still in use: a segmentation fault in 6 of 70 tries. DisplayLoss sees that warning first:
the unsaved runs are kept for the next start, and the process ends at once with code 1.
"""

import ctypes
import os
import signal
import socket
import sys

from PySide6.QtCore import (
    QAbstractNativeEventFilter,
    QObject,
    QSocketNotifier,
    QtMsgType,
    Signal,
    qInstallMessageHandler,
)

DISPLAY_LOST = "The X11 connection broke"  # the start of Qt's xcb warning before its exit(1)

XCB_DESTROY_NOTIFY = 17  # xcb_destroy_notify_event_t: type, pad, sequence, event, window
_WINDOW_OFFSET = 8

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


class WindowLoss(QObject):
    """`lost` when X destroys the window `window_id` (xcb only; elsewhere it never fires)."""

    lost = Signal()

    def __init__(self, app, window_id: int, parent=None):
        super().__init__(parent)
        self._filter = _DestroyFilter(int(window_id), self.lost.emit)
        app.installNativeEventFilter(self._filter)
        self._app = app

    def stop(self) -> None:
        self._app.removeNativeEventFilter(self._filter)


class _DestroyFilter(QAbstractNativeEventFilter):
    def __init__(self, window_id: int, on_lost):
        super().__init__()
        self._window_id = window_id
        self._on_lost = on_lost
        self._fired = False

    def nativeEventFilter(self, kind, message):  # noqa: N802 - Qt's name
        if kind != b"xcb_generic_event_t" or self._fired:
            return False, 0
        address = int(message)  # an xcb_generic_event_t *
        if ctypes.c_uint8.from_address(address).value & 0x7F == XCB_DESTROY_NOTIFY and \
                ctypes.c_uint32.from_address(address + _WINDOW_OFFSET).value == self._window_id:
            self._fired = True
            self._on_lost()
        return False, 0


class DisplayLoss:
    """Calls `keep_work()` and ends the process (code 1) when Qt says the display is gone."""

    def __init__(self, keep_work):
        self._keep_work = keep_work
        self._previous = qInstallMessageHandler(self._handle)

    def _handle(self, kind, context, message):
        if kind == QtMsgType.QtWarningMsg and message.startswith(DISPLAY_LOST):
            sys.stderr.write(f"gatelab: the display is gone ({message})\n")
            try:
                self._keep_work()
            finally:
                sys.stderr.flush()
                os._exit(1)
        if self._previous is not None:
            self._previous(kind, context, message)
        else:
            sys.stderr.write(message + "\n")
