"""RunsView on its own, in a window with shortcuts of its own."""

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QAbstractItemView, QApplication, QMainWindow

from core.views.run_list import RunInfo
from gui.views.runs_view import RunsView

TWO_RUNS = [RunInfo(1, "XOR run", 100, 0.2, False, "", True, 1),  # shown now
            RunInfo(2, "AND run", 50, 0.1, True, "", False, 2)]


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
    runs.set_runs(TWO_RUNS)
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


def two_runs_view(qtbot):
    runs = RunsView()
    qtbot.addWidget(runs)
    runs.set_runs(TWO_RUNS)
    runs.show()
    qtbot.waitExposed(runs)
    return runs


def actions_of(menu) -> dict:
    return {action.text().replace("&", ""): action for action in menu.actions() if action.text()}


def test_a_rows_menu_does_what_its_keys_do_and_compares(qtbot):
    runs = two_runs_view(qtbot)
    other = runs.tree().topLevelItem(1)
    chosen, deleted, compared, ticked = [], [], [], []
    runs.run_chosen.connect(chosen.append)
    runs.run_deleted.connect(deleted.append)
    runs.compare_wanted.connect(compared.append)
    runs.overlays_changed.connect(ticked.append)
    menu = actions_of(runs.menu_for(other))
    assert list(menu) == ["Show this run", "Compare with the run shown",
                          "Lay its loss curve over the plot", "Rename", "Delete"]
    assert all(action.isEnabled() for action in menu.values())
    menu["Show this run"].trigger()
    menu["Compare with the run shown"].trigger()
    menu["Lay its loss curve over the plot"].trigger()
    assert chosen == [2] and compared == [2] and ticked[-1] == [2]
    menu = actions_of(runs.menu_for(other))  # filled again for the row as it is now
    assert menu["Lay its loss curve over the plot"].isChecked()
    menu["Delete"].trigger()
    assert deleted == [2]
    menu["Rename"].trigger()
    assert runs.tree().state() == QAbstractItemView.State.EditingState


def test_the_shown_runs_menu_offers_only_what_it_can_do(qtbot):
    runs = two_runs_view(qtbot)
    menu = actions_of(runs.menu_for(runs.tree().topLevelItem(0)))
    enabled = [text for text, action in menu.items() if action.isEnabled()]
    assert enabled == ["Rename"]
    assert "show another run first" in menu["Delete"].toolTip()


def test_the_menu_key_opens_the_current_rows_menu_there(qtbot):
    """From the keyboard the menu belongs to the current row, not the row under the middle of
    the list, where Qt puts a keyboard context-menu event."""
    from PySide6.QtCore import QTimer
    from PySide6.QtGui import QContextMenuEvent

    runs = two_runs_view(qtbot)
    tree = runs.tree()
    tree.setCurrentItem(tree.topLevelItem(1))
    seen = []

    def look():
        seen.append((runs.menu is not None and runs.menu.isVisible(),
                     runs.menu is not None and actions_of(runs.menu)["Delete"].isEnabled()))
        runs.menu.close()

    QTimer.singleShot(0, look)
    middle = tree.rect().center()
    QApplication.sendEvent(tree, QContextMenuEvent(QContextMenuEvent.Reason.Keyboard, middle,
                                                   tree.mapToGlobal(middle)))
    assert seen == [(True, True)] and runs.menu is None
    assert tree.currentItem() is tree.topLevelItem(1)


def test_shift_f10_opens_the_current_rows_menu_where_there_is_no_menu_key(qtbot):
    from PySide6.QtCore import QTimer

    runs = two_runs_view(qtbot)
    tree = runs.tree()
    tree.setCurrentItem(tree.topLevelItem(1))
    seen = []

    def look():
        seen.append(runs.menu is not None and actions_of(runs.menu)["Delete"].isEnabled())
        runs.menu.close()

    QTimer.singleShot(0, look)
    qtbot.keyClick(tree, Qt.Key.Key_F10, Qt.KeyboardModifier.ShiftModifier)
    assert seen == [True] and runs.menu is None
