"""Run by test_app_process.py in a subprocess: start training, then quit mid-run.

Usage: python tests/gui/quit_midrun.py close|quit|idle DELAY_MS   (idle: close without training)
       python tests/gui/quit_midrun.py compare-close|compare-quit DELAY_MS   (a compare window
       trains another run too)
       python tests/gui/quit_midrun.py first-frame 0   (quit as the 3D view's first frame is shown)
It asks to quit DELAY_MS after the start at the soonest, and not before the run has trained
steps (and the compare window's run too), however busy the machine: it is "mid-run" by what
happened, not by the clock. It prints the monotonic time at which it asked to quit, so the
test (a hang bound) and bench/quit_time.py (the figure) can time the exit. Like the app
(gui.shell.app.run_app), close, quit and idle end with leave_now; first-frame goes through
Python's full teardown on purpose, which is where its crash was.
"""

import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from PySide6.QtCore import QTimer  # noqa: E402

from core.model.config import TrainConfig  # noqa: E402
from gui.shell.app import leave_now, make_application  # noqa: E402

MID_RUN_WITHIN_S = 30  # a "did not hang" bound for the runs to have trained steps


def main(how: str, delay_ms: int) -> int:
    app = make_application()
    from gui.shell.main_window import MainWindow

    window = MainWindow(TrainConfig(steps=10**8))
    window.unsaved.ask = lambda labels, action: "discard"  # no modal prompt
    app.aboutToQuit.connect(window.controller.shutdown)
    window.controller.set_speed(0.0)
    window.show()
    if how != "idle":
        QTimer.singleShot(0, window.start_training)
    if how.startswith("compare"):
        QTimer.singleShot(100, lambda: window.compare.compare_with("alpha_up"))

    def mid_run() -> bool:
        """The window's run trains and has done steps; with compare, the other run too."""
        if not window.controller.is_running() or window.session.trainer.step == 0:
            return False
        if how.startswith("compare"):
            compare = window.compare.window
            return compare is not None and compare.is_training() and all(
                run.step > 0 for run in compare.model.trained)
        return True

    def ask_to_quit():
        running = mid_run() if how != "idle" else window.controller.is_running()
        print(f"quit-at {time.monotonic()} running={running}", flush=True)
        if how in ("close", "idle", "compare-close"):
            window.close()
        else:
            app.quit()

    if how == "first-frame":  # Qt then hides the GL window with an expose event still to come
        if not window.output_view.is_3d:
            print("no 3D view here", file=sys.stderr)
            return 3
        window.output_view.view.glview.frameSwapped.connect(ask_to_quit)
    else:
        deadline = time.monotonic() + delay_ms / 1000 + MID_RUN_WITHIN_S

        def when_mid_run():
            if how == "idle" or mid_run() or time.monotonic() > deadline:
                ask_to_quit()  # past the deadline it prints running=False: the test fails
            else:
                QTimer.singleShot(20, when_mid_run)

        QTimer.singleShot(delay_ms, when_mid_run)
        return leave_now(app.exec())
    return app.exec()


if __name__ == "__main__":
    sys.exit(main(sys.argv[1], int(sys.argv[2])))
