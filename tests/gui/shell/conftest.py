"""A shown main window for the window tests, closed after each test."""

import pytest

from gui.shell.main_window import MainWindow


@pytest.fixture
def open_window(qtbot):
    """open_window(config): MainWindow(config), shown, training at full speed; closing it
    answers Discard (no modal box). After the test its many-seeds window and it are closed."""
    opened = []

    def open_(config):
        w = MainWindow(config)
        w.unsaved.ask = lambda labels, action: "discard"
        qtbot.addWidget(w)
        w.show()
        qtbot.waitExposed(w)
        w.controller.set_speed(0.0)
        opened.append(w)
        return w

    yield open_
    for w in opened:
        w.many_seeds.shutdown(close=True)
        w.close()
