"""RunsView on its own, in a window with shortcuts of its own."""

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QAbstractItemView, QApplication, QMainWindow

from core.views.run_list import RunInfo
from gui.views.runs_view import RunsView


def test_f2_renames_the_run_even_where_the_window_has_an_f2_shortcut(qtbot):
    """The window's F2 opens the article guide; in the Runs panel F2 opened the guide too."""
    window = QMainWindow()
    qtbot.addWidget(window)
    guide = QAction("guide", window)
    guide.setShortcut(QKeySequence("F2"))
    opened = []
    guide.triggered.connect(lambda: opened.append(True))
    window.addAction(guide)
    runs = RunsView()
    window.setCentralWidget(runs)
    runs.set_runs([RunInfo(1, "XOR run", 100, 0.2, False, "", True, 1),
                   RunInfo(2, "AND run", 50, 0.1, True, "", False, 2)])
    window.show()
    qtbot.waitExposed(window)
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
    tree = runs._tree
    tree.setFocus()
    tree.setCurrentItem(tree.topLevelItem(1))
    qtbot.waitUntil(tree.hasFocus)
    # through the window, as the keyboard's keys come: the shortcut map sees them first
    QTest.keyClick(window.windowHandle(), Qt.Key.Key_F2)
    qtbot.waitUntil(lambda: tree.state() == QAbstractItemView.State.EditingState)
    assert not opened
    QTest.keyClick(window.windowHandle(), Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: tree.state() != QAbstractItemView.State.EditingState)
    tree.setCurrentItem(None)  # no run chosen: F2 is the window's again
    QTest.keyClick(window.windowHandle(), Qt.Key.Key_F2)
    qtbot.waitUntil(lambda: bool(opened))
