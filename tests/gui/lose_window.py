"""Run by test_app_process.py in a subprocess: the window ended from outside.

Usage: python tests/gui/lose_window.py destroy|kill|ask
Starts the window as the app does (gui.shell.app.watch_for_ends_from_outside) and trains; once
a trained step is shown (not after a fixed time: on a busy machine that was too soon):
- destroy: another process destroys the window with libX11's XDestroyWindow: the app must keep
  the unsaved runs for recovery and exit 0;
- kill: another process cuts GateLab's display connection (XKillClient, as xkill does): it must
  keep the unsaved runs and exit 1;
- ask: the window is closed, so the unsaved-runs question opens; "asking" is printed once it
  is on screen, and the test sends a signal, which must keep the runs and exit 0.
"""

import subprocess
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from PySide6.QtCore import QTimer  # noqa: E402
from PySide6.QtWidgets import QApplication  # noqa: E402

from core.model.config import TrainConfig  # noqa: E402
from gui.shell.app import leave_now, make_application, watch_for_ends_from_outside  # noqa: E402

DESTROY = """
import ctypes, sys
x = ctypes.cdll.LoadLibrary("libX11.so.6")
x.XOpenDisplay.restype = ctypes.c_void_p
display = ctypes.c_void_p(x.XOpenDisplay(None))
window = ctypes.c_ulong(int(sys.argv[2]))
(x.XDestroyWindow if sys.argv[1] == "destroy" else x.XKillClient)(display, window)
x.XSync(display, 0)
"""


def main(how: str) -> int:
    app = make_application()
    from gui.shell.main_window import MainWindow

    window = MainWindow(TrainConfig(steps=10**8))
    window.show()
    watch_for_ends_from_outside(app, window)
    window.controller.set_speed(0.0)
    QTimer.singleShot(0, window.start_training)
    done = []

    def end(snapshot):
        if done or snapshot.step == 0:
            return
        done.append(snapshot.step)
        print(f"trained {snapshot.step}", flush=True)
        if how == "ask":
            QTimer.singleShot(0, window.close)  # the question's own event loop runs inside
            return
        print(f"ending {int(window.winId())}", flush=True)
        subprocess.run([sys.executable, "-c", DESTROY, how, str(int(window.winId()))], check=True)

    def asking():
        if QApplication.activeModalWidget() is not None:
            print("asking", flush=True)
            poll.stop()

    window.snapshot_shown.connect(end)
    poll = QTimer()
    poll.timeout.connect(asking)
    if how == "ask":
        poll.start(20)
    code = app.exec()
    print("closed", flush=True)
    return leave_now(code)


if __name__ == "__main__":
    sys.exit(main(sys.argv[1]))
