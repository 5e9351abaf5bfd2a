"""Practice in the window: its dock and menu entry, the run shown as an exercise, the score kept
with the settings, and the worksheet saved as PDF."""

import pytest
from PySide6.QtCore import QSettings
from PySide6.QtGui import QAction

from core.model.config import TrainConfig
from gui.shell.main_window import MainWindow
from gui.shell.settings_store import PRACTICE_KEY, SettingsStore


def _store(path) -> SettingsStore:
    return SettingsStore(QSettings(str(path), QSettings.Format.IniFormat))


def _window(qtbot, store=None):
    window = MainWindow(TrainConfig(gate="and", hidden_nodes=0, seed=3), settings=store)
    window.unsaved.ask = lambda labels, action: "discard"
    qtbot.addWidget(window)
    return window


def test_the_menu_shows_the_practice_dock_with_the_run_shown(qtbot):
    window = _window(qtbot)
    window.show()
    qtbot.waitExposed(window)
    assert not window.docks["practice"].isVisible()  # not in the way at start
    action = next(a for a in window.findChildren(QAction) if a.shortcut().toString() == "Ctrl+Shift+P")
    action.trigger()
    qtbot.waitUntil(lambda: window.docks["practice"].isVisible())
    panel = window.practice_panel
    panel.set_exercise("run", row=3)
    weights = window.last_snapshot.weights.output
    assert "AND gate" in panel.current_text() and "Row [1, 1]" in panel.current_text()
    assert f"w1 = {weights[0]:.4g}" in panel.current_text()
    window.close()


def test_the_score_is_kept_with_the_settings(qtbot, tmp_path):
    path = tmp_path / "gatelab.ini"
    window = _window(qtbot, _store(path))
    window.practice_panel.set_score(4, 9)
    window.close()
    again = _window(qtbot, _store(path))
    assert again.practice_panel.score() == (4, 9)
    again.restore_defaults()
    assert again.practice_panel.score() == (0, 0)
    again.close()


@pytest.mark.parametrize("value", ['[5, 3]', '[1.5, 2]', '"x"', '[true, 2]', "[-1, 4]"])
def test_a_bad_stored_score_starts_from_nothing(tmp_path, value):
    store = _store(tmp_path / "gatelab.ini")
    store.settings.setValue(PRACTICE_KEY, value)
    assert store.load_practice_score() == (0, 0)
    assert PRACTICE_KEY in store.unreadable


def test_the_worksheet_is_saved_as_pdf(qtbot, tmp_path):
    window = _window(qtbot)
    target = tmp_path / "sheet.pdf"
    window.worksheets.ask_path = lambda suggested: str(target)
    with qtbot.waitSignal(window.worksheets.saved):
        window.practice_panel._sheet.click()
    assert target.read_bytes().startswith(b"%PDF-") and target.stat().st_size > 10_000
    window.close()
