"""Run by tests/gui/shell/test_main_window.py on a display of its own size (xvfb-run): enters
presentation mode in a language and prints each view's size against its least size, as JSON,
once the window is full screen and its layout has settled (no fixed wait)."""

import json
import os
import sys
import time


def main(language: str) -> int:
    from gui.shell.app import make_application

    app = make_application()
    from gui.common.i18n import install_translators

    app._translators = install_translators(app, language)
    from PySide6.QtWidgets import QWidget

    from core.model.config import TrainConfig
    from gui.shell.main_window import MainWindow

    window = MainWindow(TrainConfig(steps=300), None)
    window.show()
    deadline = time.monotonic() + 30  # "did not hang" bounds: the test then fails on the sizes
    while not window.isVisible() and time.monotonic() < deadline:
        app.processEvents()
    window.presentation.toggle()
    screen = window.screen().size()
    settled, last = 0, None
    while settled < 5 and time.monotonic() < deadline:  # full screen, the same five looks running
        app.sendPostedEvents()
        app.processEvents()
        now = [(w.geometry().getRect(), w.isVisible()) for w in window.findChildren(QWidget)]
        full = window.isFullScreen() and window.size() == screen
        settled = settled + 1 if full and now == last else 0
        last = now
        time.sleep(0.01)  # polling: the window system's answers come in their own time
    views = {"output": window.output_view, "predictions": window.predictions,
             "loss": window.loss_plot, "controls": window.panes.controls_scroll}
    sizes = {name: [v.width(), v.height(), v.minimumSizeHint().width(), v.minimumSizeHint().height()]
             for name, v in views.items()}
    print(json.dumps({"window": [window.width(), window.height()], "views": sizes}), flush=True)
    os._exit(0)


if __name__ == "__main__":
    sys.exit(main(sys.argv[1]))
