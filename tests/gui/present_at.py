"""Run by tests/gui/shell/test_main_window.py on a display of its own size (xvfb-run): enters
presentation mode in a language and prints each view's size against its least size, as JSON,
once the window is full screen and its layout has settled (no fixed wait). With "stuck", the
longest diagnosis is shown too, and where its label is against the column's visible part; with
"function", a function's run replaces the gate's. It prints the left column's visible width
against its least width too."""

import json
import os
import sys
import time


def main(language: str, stuck: bool = False, function: bool = False) -> int:
    from gui.shell.app import make_application

    app = make_application()
    from gui.common.i18n import install_translators

    app._translators = install_translators(app, language)
    from PySide6.QtCore import QEventLoop, QTimer
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

    def next_events():
        """Runs the event loop until the window system sends something or 10 ms pass: its
        answers (the full-screen size) come in their own time, and a loop that only polled
        would take its five looks before they came."""
        loop = QEventLoop()
        QTimer.singleShot(10, loop.quit)
        loop.exec()

    def settle():
        settled, last = 0, None
        while settled < 5 and time.monotonic() < deadline:  # full screen, the same five looks
            app.sendPostedEvents()
            next_events()
            now = [(w.geometry().getRect(), w.isVisible()) for w in window.findChildren(QWidget)]
            full = window.isFullScreen() and window.size() == screen
            settled = settled + 1 if full and now == last else 0
            last = now

    settle()
    shown = {}
    if stuck:  # the longest diagnosis: a stuck run's, with every remark it can add
        from dataclasses import replace

        from PySide6.QtCore import QRect

        from core.views.diagnosis import Diagnosis

        facts = {"gradient": 1.2e-5, "wrong": ["(1, 0)", "(0, 1)"],
                 "near_half": ["(1, 0)", "(0, 1)"], "same_lines": [(1, 2)]}
        window.predictions.update_from(replace(window.last_snapshot, diagnosis=Diagnosis("stuck", "", facts)))
        settle()
        why = window.predictions._why
        held = why.minimumHeight()
        why.setMinimumHeight(0)  # QLabel.heightForWidth is never less than the minimum height
        lines = why.heightForWidth(why.width())
        why.setMinimumHeight(held)
        viewport = window.panes.controls_scroll.viewport()
        place = QRect(why.mapTo(window, why.rect().topLeft()), why.size())
        seen = QRect(viewport.mapTo(window, viewport.rect().topLeft()), viewport.size())
        shown["why"] = {"rect": place.getRect(), "lines": lines, "seen": seen.getRect(),
                        "text": why.text()}
    if function:  # a function's run replaces the gate's: its sample inputs widen the table
        window.session.edit_config(window.session.config.with_changes(function="bump", grid=13))
        settle()
        shown["function"] = window.last_snapshot.config.function
    column, viewport = window.panes.left_column, window.panes.controls_scroll.viewport()
    shown["column"] = [viewport.width(), column.minimumSizeHint().width()]
    views = {"output": window.output_view, "predictions": window.predictions,
             "loss": window.loss_plot, "controls": window.panes.controls_scroll}
    sizes = {name: [v.width(), v.height(), v.minimumSizeHint().width(), v.minimumSizeHint().height()]
             for name, v in views.items()}
    shown.update(window=[window.width(), window.height()], views=sizes)
    print(json.dumps(shown), flush=True)
    os._exit(0)


if __name__ == "__main__":
    sys.exit(main(sys.argv[1], "stuck" in sys.argv[2:], "function" in sys.argv[2:]))
