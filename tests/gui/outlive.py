"""Run by test_app_process.py in a subprocess: a top-level window of no parent (as pyqtgraph's
Export dialog was, or any stray dialog) is open when the main window closes; the process must
end anyway, not live on with no main window.

Usage: python tests/gui/outlive.py
"""

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from PySide6.QtCore import QTimer  # noqa: E402
from PySide6.QtWidgets import QWidget  # noqa: E402

from gui.shell import app as app_module  # noqa: E402


def with_a_stray_window(app, window):
    # Not watching for ends from outside: closing destroys the native window, which that would
    # take as the window lost and end the process by itself, hiding what is tested here.
    stray = QWidget()
    stray.setWindowTitle("a stray top-level window")
    stray.show()
    app.stray = stray
    QTimer.singleShot(0, window.close)
    print("closing", flush=True)


app_module.watch_for_ends_from_outside = with_a_stray_window
sys.exit(app_module.run_app(None, fresh=True))
