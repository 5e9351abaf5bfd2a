"""StatusLine: the status bar's readouts leave its messages their room."""

import pytest
from PySide6.QtCore import QRect
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QMainWindow

from core.model.config import TrainConfig
from core.training.trainer import initial_weights
from core.views.snapshot import make_snapshot
from gui.views.status_line import StatusLine


def _message_rect(bar) -> QRect:
    """Where QStatusBar writes its message: from 6 pixels in, as wide as its text."""
    width = bar.fontMetrics().horizontalAdvance(bar.currentMessage())
    return QRect(6, 0, width, bar.height())


def _window_with_line(qtbot):
    """A main window whose status bar holds a StatusLine that follows its messages."""
    window = QMainWindow()
    qtbot.addWidget(window)
    line = StatusLine()
    bar = window.statusBar()
    bar.addPermanentWidget(line)
    line.follow(bar)
    return window, line, bar


@pytest.mark.parametrize("language", ["en", "ja"])
def test_at_presentation_size_on_a_1024_projector_the_hint_and_the_readouts_do_not_meet(
        qapp, qtbot, language):
    from gui.common.i18n import install_translators
    from gui.shell.presentation import Presentation

    translators = install_translators(qapp, language)
    try:
        window, line, bar = _window_with_line(qtbot)
        big = QFont(window.font())
        big.setPointSizeF(2 * big.pointSizeF())  # presentation mode's size
        window.setFont(big)
        window.resize(1024, 300)
        window.show()
        qtbot.waitExposed(window)
        config = TrainConfig(steps=3000)
        line.update_from(make_snapshot(config, initial_weights(config), 3000))
        bar.showMessage(Presentation._hint())

        def apart() -> bool:  # once the bar has laid the readouts out at their size
            laid_out = line.isVisible() and line.width() == line.sizeHint().width()
            return laid_out and not _message_rect(bar).intersects(line.geometry())

        qtbot.waitUntil(apart)
        assert bar.rect().contains(line.geometry())  # the readouts whole, in two rows
        bar.clearMessage()  # no message: the readouts back in one row
        qtbot.waitUntil(lambda: not line.is_two_rows())
    finally:
        for translator in translators:
            qapp.removeTranslator(translator)


def test_with_room_to_spare_the_readouts_stay_in_one_row(qtbot):
    window, line, bar = _window_with_line(qtbot)
    window.resize(1366, 300)
    window.show()
    qtbot.waitExposed(window)
    config = TrainConfig(steps=3000)
    line.update_from(make_snapshot(config, initial_weights(config), 3000))
    bar.showMessage("Esc or F11: back to the usual window")
    qtbot.waitUntil(lambda: line.width() == line.sizeHint().width()
                    and not _message_rect(bar).intersects(line.geometry()))
    assert not line.is_two_rows()


def test_in_two_rows_the_readouts_stay_so_while_the_message_shows(qtbot):
    """The readouts' width changes with the step and the speed: near the edge they switched rows
    back and forth under one message, and each switch resized the views over the bar."""
    from qt_waits import drain_events

    from gui.views.status_line import MESSAGE_ROOM

    window, line, bar = _window_with_line(qtbot)
    config = TrainConfig(steps=3000)
    weights = initial_weights(config)
    short, long = make_snapshot(config, weights, 0), make_snapshot(config, weights, 3000)
    line.update_from(short)
    short_width = line._row_width()
    line.update_from(long)
    long_width = line._row_width()
    assert long_width > short_width + 8
    message = "Settings changed (Gate): the network was reset."
    needed = bar.fontMetrics().horizontalAdvance(message) + MESSAGE_ROOM
    window.resize(1366, 300)
    window.show()
    qtbot.waitExposed(window)
    qtbot.waitUntil(lambda: line.width() == line.sizeHint().width())
    after = bar.width() - 1 - line.geometry().right()  # the bar's room right of the readouts
    # A width where the long readouts leave the message too little room, the short enough.
    window.resize(needed + after + (long_width + short_width) // 2, 300)
    qtbot.waitUntil(lambda: bar.width() < 1366)
    bar.showMessage(message)
    qtbot.waitUntil(line.is_two_rows)
    assert bar.width() - after - short_width >= needed, "the short readouts fit in one row"
    line.update_from(short)
    drain_events(qtbot)  # the refit it asked for (a zero-time timer) has had its turn
    assert line.is_two_rows()
    window.resize(1366, 300)  # room again, and another, short message: one row
    bar.showMessage("Showing run 1.")
    qtbot.waitUntil(lambda: not line.is_two_rows())
