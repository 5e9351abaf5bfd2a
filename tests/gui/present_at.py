"""Run by tests/gui/shell/test_main_window.py on a display of its own size (xvfb-run): enters
presentation mode in a language and prints each view's size against its least size, as JSON."""

import json
import os
import sys
import time


def main(language: str) -> int:
    from gui.shell.app import make_application

    app = make_application()
    from gui.common.i18n import install_translators

    app._translators = install_translators(app, language)
    from core.model.config import TrainConfig
    from gui.shell.main_window import MainWindow

    window = MainWindow(TrainConfig(steps=300), None)
    window.show()
    deadline = time.monotonic() + 5
    while not window.isVisible() and time.monotonic() < deadline:
        app.processEvents()
    window._toggle_presentation()
    for _ in range(50):
        app.processEvents()
        time.sleep(0.02)
    views = {"output": window.output_view, "predictions": window.predictions,
             "loss": window.loss_plot, "controls": window._controls_scroll}
    sizes = {name: [v.width(), v.height(), v.minimumSizeHint().width(), v.minimumSizeHint().height()]
             for name, v in views.items()}
    print(json.dumps({"window": [window.width(), window.height()], "views": sizes}), flush=True)
    os._exit(0)


if __name__ == "__main__":
    sys.exit(main(sys.argv[1]))
