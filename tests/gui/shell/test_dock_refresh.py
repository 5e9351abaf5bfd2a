"""DockRefresh: at rest every dock view draws each snapshot; while training, one shown view at a time."""

from types import SimpleNamespace

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDockWidget, QLabel, QMainWindow

from core.training import states
from gui.shell import dock_refresh
from gui.shell.dock_refresh import DOCK_INTERVAL_S, DockRefresh


class View(QLabel):
    def __init__(self):
        super().__init__("view")
        self.drawn = []

    def update_from(self, snapshot):
        self.drawn.append(snapshot)


def docked(qtbot, keys):
    window = QMainWindow()
    qtbot.addWidget(window)
    views, docks = {}, {}
    for key in keys:
        views[key] = View()
        docks[key] = QDockWidget(key, window)
        docks[key].setWidget(views[key])
        window.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, docks[key])
    window.show()
    qtbot.waitExposed(window)
    return window, views, docks


def test_every_view_draws_at_rest_and_a_new_run_at_once(qtbot):
    window, views, docks = docked(qtbot, ("a", "b"))
    refresh = DockRefresh(views, docks)
    refresh.update_from(SimpleNamespace(state=states.PAUSED), new_run=False)
    refresh.update_from(SimpleNamespace(state=states.TRAINING), new_run=True)
    assert all(len(view.drawn) == 2 for view in views.values())


def test_while_training_one_shown_view_draws_per_interval_in_turn(qtbot, monkeypatch):
    window, views, docks = docked(qtbot, ("a", "b", "hidden"))  # kept: it owns the docks
    docks["hidden"].hide()
    refresh = DockRefresh(views, docks)
    now = [100.0]
    monkeypatch.setattr(dock_refresh, "time", SimpleNamespace(monotonic=lambda: now[0]))
    training = SimpleNamespace(state=states.TRAINING)
    for _ in range(4):
        refresh.update_from(training, new_run=False)
        refresh.update_from(training, new_run=False)  # too soon: nothing
        now[0] += 2 * DOCK_INTERVAL_S
    assert len(views["a"].drawn) == len(views["b"].drawn) == 2 and views["hidden"].drawn == []
    docks["hidden"].show()  # a dock that comes into view draws the last snapshot at once
    assert views["hidden"].drawn == [training]
