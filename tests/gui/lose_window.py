"""Run by test_app_process.py in a subprocess: the window destroyed by another X client.

Usage: python tests/gui/lose_window.py destroy|kill DELAY_MS
Starts the window as the app does (gui.shell.app.watch_for_ends_from_outside), trains, and
after DELAY_MS another process ends it with libX11: destroy (XDestroyWindow: the app must close
the normal way, unsaved runs kept for recovery, and exit 0) or kill (XKillClient, as xkill
does: GateLab's display connection is cut; it must keep the unsaved runs and exit 1).
"""

import subprocess
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from PySide6.QtCore import QTimer  # noqa: E402

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


def main(how: str, delay_ms: int) -> int:
    app = make_application()
    from gui.shell.main_window import MainWindow

    window = MainWindow(TrainConfig(steps=10**8))
    window.show()
    watch_for_ends_from_outside(app, window)
    window.controller.set_speed(0.0)
    QTimer.singleShot(0, window.start_training)

    def destroy():
        print(f"ending {int(window.winId())}", flush=True)
        subprocess.run([sys.executable, "-c", DESTROY, how, str(int(window.winId()))], check=True)

    QTimer.singleShot(delay_ms, destroy)
    code = app.exec()
    print("closed", flush=True)
    return leave_now(code)


if __name__ == "__main__":
    sys.exit(main(sys.argv[1], int(sys.argv[2])))
