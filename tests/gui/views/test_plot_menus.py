"""No plot in the app offers pyqtgraph's "Export..." on a right-click: its Export window bypassed
GateLab's checked, atomic exports, raised uncaught on some formats, and outlived its window
(a process left with no main window). The loss plot offers the app's own exports there."""

import os
from types import SimpleNamespace

import numpy as np
import pyqtgraph as pg
import pytest
from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QApplication, QMenu

from core.model.config import TrainConfig
from core.training.states import TRAINING
from core.training.trainer import initial_weights
from core.views.snapshot import make_snapshot
from gui.files.export_actions import ExportActions
from gui.views.heatmap_view import HeatmapView
from gui.views.hidden_maps_view import HiddenMapsView
from gui.views.hidden_space_view import HiddenSpaceView
from gui.views.landscape_view import LandscapeView
from gui.views.loss_plot import LossPlot

PYQTGRAPH_EXPORT = {"Export...", QCoreApplication.translate("GraphicsScene", "Export...")}
LOSS_EXPORTS = ["Loss plot as PNG…", "Loss plot as SVG…", "Loss history as CSV…"]
CONFIG = TrainConfig()


def snapshot(losses=()):
    return make_snapshot(CONFIG, initial_weights(CONFIG), len(losses), losses, TRAINING)


def scene_menu_texts(widget) -> list[list[str]]:
    """For each pyqtgraph scene in `widget`: what it adds to any right-click menu in it."""
    views = ([widget] if isinstance(widget, pg.GraphicsView) else []) + widget.findChildren(pg.GraphicsView)
    assert views, f"{type(widget).__name__} holds no pyqtgraph view"
    texts = []
    for view in views:
        entries = view.scene().getContextMenus(SimpleNamespace(acceptedItem=None))
        texts.append([(e.menuAction() if isinstance(e, QMenu) else e).text() for e in entries or []])
    return texts


VIEWS = {
    "loss plot": LossPlot,
    "2D map": HeatmapView,
    "landscape": LandscapeView,
    "hidden space": HiddenSpaceView,
    "hidden maps": HiddenMapsView,
}


@pytest.mark.parametrize("name", list(VIEWS))
def test_no_plot_offers_pyqtgraphs_export(qtbot, name):
    view = VIEWS[name]()
    qtbot.addWidget(view)
    for texts in scene_menu_texts(view):
        assert not PYQTGRAPH_EXPORT & set(texts), texts


def test_nothing_in_the_main_window_offers_pyqtgraphs_export(qtbot):
    from gui.shell.main_window import MainWindow

    window = MainWindow(TrainConfig(steps=300, seed=4))
    qtbot.addWidget(window)
    scenes = scene_menu_texts(window)
    assert len(scenes) >= 5  # the loss plot, the 2D views in the docks, ...
    for texts in scenes:
        assert not PYQTGRAPH_EXPORT & set(texts), texts
    window.close()


@pytest.fixture
def loss_plot(qtbot):
    plot = LossPlot()
    qtbot.addWidget(plot)
    plot.resize(640, 400)
    plot.show()
    qtbot.waitExposed(plot)
    plot.update_from(snapshot(0.5 * np.exp(-np.linspace(0.0, 5.0, 300)) + 0.01))
    return plot


def right_click_menu(qtbot, plot) -> QMenu:
    """The menu a right-click in the middle of the plot pops up."""
    widget = plot.findChild(pg.PlotWidget)
    centre = widget.getPlotItem().getViewBox().sceneBoundingRect().center()
    qtbot.mouseClick(widget.viewport(), Qt.MouseButton.RightButton, pos=widget.mapFromScene(centre))
    qtbot.waitUntil(lambda: isinstance(QApplication.activePopupWidget(), QMenu))
    return QApplication.activePopupWidget()


def test_a_right_click_on_the_loss_plot_offers_its_exports_and_not_pyqtgraphs(qtbot, loss_plot, tmp_path):
    file_menu = QMenu()
    exports = ExportActions(file_menu, loss_plot, SimpleNamespace(is_3d=True), lambda: None,
                            lambda: (loss_plot.history(), loss_plot.first_step()))
    saved = []
    exports.done.connect(saved.append)
    exports.ask_path = lambda title, file_filter, suffix, kind: str(tmp_path / f"{kind}{suffix}")
    menu = right_click_menu(qtbot, loss_plot)
    actions = [action for action in menu.actions() if not action.isSeparator()]
    texts = [action.text() for action in actions]
    assert not PYQTGRAPH_EXPORT & set(texts), texts
    assert "View All" in texts  # pyqtgraph's own view entries stay
    assert texts[-3:] == LOSS_EXPORTS
    # The very actions of File > Export: the same checked, atomic code.
    assert actions[-3:] == [exports.actions[text] for text in LOSS_EXPORTS]
    assert all(action in file_menu.actions() for action in actions[-3:])
    menu.close()
    actions[-3].trigger()
    assert saved == [f"Saved {tmp_path / 'loss.png'}"]
    assert (tmp_path / "loss.png").read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"


def test_the_loss_plots_actions_can_be_replaced_and_are_not_doubled(qtbot, loss_plot):
    first, second = QMenu(), QMenu()
    ExportActions(first, loss_plot, SimpleNamespace(is_3d=True), lambda: None, lambda: ([], 1))
    for _ in range(2):
        menu = right_click_menu(qtbot, loss_plot)
        menu.close()
    exports = ExportActions(second, loss_plot, SimpleNamespace(is_3d=True), lambda: None, lambda: ([], 1))
    menu = right_click_menu(qtbot, loss_plot)
    actions = [action for action in menu.actions() if not action.isSeparator()]
    menu.close()
    assert [a.text() for a in actions].count(LOSS_EXPORTS[0]) == 1
    assert actions[-3:] == [exports.actions[text] for text in LOSS_EXPORTS]


def test_the_many_seeds_window_offers_no_pyqtgraph_export(qtbot):
    from gui.dialogs.seeds_dialog import SeedsDialog

    dialog = SeedsDialog(TrainConfig())
    qtbot.addWidget(dialog)
    scenes = scene_menu_texts(dialog)
    assert len(scenes) >= 1
    for texts in scenes:
        assert not PYQTGRAPH_EXPORT & set(texts), texts
    dialog.shutdown()


def test_an_export_is_offered_under_the_runs_name_in_the_last_folder_used(qtbot, loss_plot, tmp_path,
                                                                            monkeypatch):
    """It opened in the working folder with no name."""
    from core.model.network import Weights
    from gui.files import export_actions

    shown = make_snapshot(TrainConfig(gate="and", hidden_nodes=3), Weights.from_flat(
        [0.1] * 13, 3), 2000)
    exports = ExportActions(QMenu(), loss_plot, SimpleNamespace(is_3d=True), lambda: shown,
                            lambda: (loss_plot.history(), loss_plot.first_step()))
    offered = []
    chosen = tmp_path / "slides" / "mine"
    chosen.parent.mkdir()
    monkeypatch.setattr(export_actions, "ask_save_path",
                        lambda parent, title, where, filters: offered.append(where) or str(chosen))
    assert exports.ask_path("Loss plot as PNG", "PNG image (*.png)", ".png", "loss") == f"{chosen}.png"
    first = offered[0]
    assert os.path.basename(first) == "and-3h-step2000-loss.png"
    assert os.path.isdir(os.path.dirname(first)) and os.path.dirname(first) != os.getcwd()
    exports.ask_path("Animation", "GIF animation (*.gif)", ".gif", "animation")
    assert offered[1] == str(tmp_path / "slides" / "and-3h-step2000-animation.gif")  # the folder kept
