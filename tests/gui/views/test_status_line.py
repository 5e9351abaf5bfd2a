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


@pytest.mark.parametrize("language", ["en", "ja"])
def test_at_presentation_size_on_a_1024_projector_the_hint_and_the_readouts_do_not_meet(
        qapp, qtbot, language):
    from gui.common.i18n import install_translators
    from gui.shell.presentation import Presentation

    translators = install_translators(qapp, language)
    try:
        window = QMainWindow()
        qtbot.addWidget(window)
        line = StatusLine()
        bar = window.statusBar()
        bar.addPermanentWidget(line)
        line.follow(bar)
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
    window = QMainWindow()
    qtbot.addWidget(window)
    line = StatusLine()
    window.statusBar().addPermanentWidget(line)
    line.follow(window.statusBar())
    window.resize(1366, 300)
    window.show()
    qtbot.waitExposed(window)
    config = TrainConfig(steps=3000)
    line.update_from(make_snapshot(config, initial_weights(config), 3000))
    window.statusBar().showMessage("Esc or F11: back to the usual window")
    qtbot.waitUntil(lambda: line.width() == line.sizeHint().width()
                    and not _message_rect(window.statusBar()).intersects(line.geometry()))
    assert not line.is_two_rows()
