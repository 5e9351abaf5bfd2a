"""The assembled window: a run from Train to finished, reset, live changes, failures."""

import re

import numpy as np
import pyqtgraph as pg
import pytest
from PySide6.QtCore import QSize, Qt
from PySide6.QtWidgets import QAbstractButton, QLabel, QMessageBox, QWidget
from qt_waits import count_worker_rounds, drain_events, let_timer_fire, settle

from core.model.config import TrainConfig
from core.model.presets import preset_config
from core.training import states
from core.training.trainer import Trainer, initial_weights
from gui.shell.main_window import MainWindow
from gui.views.timeline_bar import PLAY_TICK_MS


def discard_on_close(window):
    """Closing with unsaved changes would ask in a modal box; tests answer Discard."""
    window.unsaved.ask = lambda labels, action: "discard"
    return window


@pytest.fixture
def window(open_window):
    return open_window(TrainConfig(steps=3000, seed=4))


def wait_state(qtbot, window, *wanted, timeout=30000):
    qtbot.waitUntil(lambda: window.state() in wanted and not window.controller.is_running(),
                    timeout=timeout)


def test_title_and_initial_views(window):
    assert window.windowTitle().startswith("GateLab")
    assert window.state() == states.IDLE
    assert window.loss_plot.history().size == 0
    first = window.predictions.cell_text(0, 1)
    expected = Trainer(TrainConfig(steps=3000, seed=4)).predictions()[0]
    assert first == f"{expected:.2f}"


def test_the_network_diagram_is_the_dock_tab_in_front_at_start(window):
    assert not window.docks["network"].visibleRegion().isEmpty()
    assert window.docks["space"].visibleRegion().isEmpty()  # behind the diagram's tab


def test_the_window_fits_a_1366_by_768_laptop_screen(window):
    from gui.shell.window_layout import FRAME_ALLOWANCE

    minimum = window.minimumSizeHint()
    assert minimum.width() <= 1366 - FRAME_ALLOWANCE.width(), minimum
    assert minimum.height() <= 768 - FRAME_ALLOWANCE.height(), minimum


@pytest.mark.parametrize("screen", ["desktop", "laptop"])
def test_at_first_start_the_3d_view_gets_more_room_than_the_dock_column(qtbot, monkeypatch, screen):
    from PySide6.QtCore import QSize

    from gui.shell import window_layout

    if screen == "laptop":  # what a 1366 x 768 screen leaves (the test screen is larger)
        monkeypatch.setattr(window_layout, "PREFERRED_SIZE", QSize(1350, 720))
    window = discard_on_close(MainWindow(TrainConfig(steps=3000, seed=4)))
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    dock = window.docks["network"].width()
    assert dock <= 0.34 * window.width()
    assert window.output_view.width() >= dock
    window.close()


@pytest.mark.parametrize("language", ["en", "ja"])
def test_on_a_1024_screen_the_window_fits_and_the_side_views_wait_in_the_view_menu(
        qtbot, qapp, monkeypatch, tmp_path, language):
    from PySide6.QtCore import QSize

    from gui.common.i18n import install_translators
    from gui.shell import window_layout

    monkeypatch.setattr(window_layout, "PREFERRED_SIZE", QSize(1008, 720))  # 1024 x 768, fitted
    translators = install_translators(qapp, language)
    try:
        from PySide6.QtCore import QSettings

        from gui.shell.settings_store import SettingsStore

        store = SettingsStore(QSettings(str(tmp_path / "g.ini"), QSettings.Format.IniFormat))
        window = discard_on_close(MainWindow(None, store))  # a first start: the guide opens
        qtbot.addWidget(window)
        window.show()
        qtbot.waitExposed(window)
        settle(qtbot, window)
        assert window.width() == 1008  # it was 1,061: past the screen's edge
        assert window.docks["guide"].isVisible() and window.docks["guide"].isFloating()
        window.docks["guide"].hide()
        assert not any(dock.isVisible() for dock in window.docks.values())
        assert window.output_view.width() >= 500
        assert window.statusBar().currentMessage() != ""  # says where the side views are
        window.show_dock("math")  # one opened from the View menu floats over the window
        settle(qtbot, window)
        assert window.width() <= 1008 and window.docks["math"].isVisible()
        assert window.docks["math"].isFloating() and window.docks["math"].width() >= 400
        window.close()
    finally:
        for translator in translators:
            qapp.removeTranslator(translator)


LAYOUT_SIZES = {"1280x720": QSize(1280, 720) - QSize(16, 48),
                "1366x768": QSize(1366, 768) - QSize(16, 48), "1600x900": QSize(1600, 900) - QSize(16, 48),
                "1920x1080": QSize(1920, 1050)}  # the first two as fitted, the last maximised


def _whole(widget) -> bool:
    """Laid out at least at its minimum size: a layout squeezed below it cuts the view off."""
    hint = widget.minimumSizeHint()
    return widget.width() >= hint.width() and widget.height() >= hint.height()


def _seen_in(widget, scroll) -> bool:
    """The widget lies inside the scroll area's visible part."""
    from PySide6.QtCore import QPoint, QRect

    viewport = scroll.viewport()
    rect = QRect(widget.mapTo(viewport, QPoint(0, 0)), widget.size())
    return viewport.rect().contains(rect)


@pytest.mark.parametrize("screen, language, opengl", [
    ("1280x720", "en", True), ("1280x720", "ja", True),
    ("1366x768", "en", True), ("1366x768", "ja", True), ("1366x768", "en", False),
    ("1600x900", "en", True), ("1600x900", "ja", True), ("1920x1080", "en", True),
    ("1920x1080", "ja", False)])
def test_the_layout_gives_the_3d_view_room_and_cuts_off_nothing(qtbot, qapp, monkeypatch, screen,
                                                                 language, opengl):
    from PySide6.QtWidgets import QTableWidget, QTextBrowser, QTreeWidget

    from gui.common.i18n import install_translators
    from gui.shell import window_layout

    if not opengl:
        monkeypatch.setenv("GATELAB_NO_OPENGL", "1")
    size = LAYOUT_SIZES[screen]
    monkeypatch.setattr(window_layout, "PREFERRED_SIZE", size)
    translators = install_translators(qapp, language)
    try:
        window = discard_on_close(MainWindow(TrainConfig(steps=300, seed=4)))
        qtbot.addWidget(window)
        window.resize(size)
        window.show()
        qtbot.waitExposed(window)
        settle(qtbot, window)
        assert window.size() == size
        # The widths table of docs/design.md: the 3D view and the dock column share the room
        # the controls leave, and the dock is wide enough for the math to read without
        # scrolling sideways (it was 24 % and 300 pixels at 1366).
        assert window.output_view.width() >= max(415, 0.33 * window.width())
        assert window.loss_plot.width() >= 415 and window.loss_plot.height() >= 200
        window.show_dock("math")
        qtbot.waitUntil(lambda: "[0, 0]" in window.math_panel.position_text())  # row [0, 0] drawn
        settle(qtbot, window)
        assert window.docks["math"].width() >= 400
        sideways = window.math_panel.findChild(QTextBrowser).horizontalScrollBar()
        qtbot.waitUntil(lambda: not sideways.isVisible())
        window.show_dock("runs")  # its numbers in view beside the names
        tree = window.runs_view.findChild(QTreeWidget)
        qtbot.waitUntil(lambda: tree.topLevelItemCount() == 1)
        header = tree.header()
        assert header.sectionViewportPosition(3) + header.sectionSize(3) <= tree.viewport().width()
        assert all(header.sectionSize(k) >= header.sectionSizeHint(k) for k in (1, 2, 3))
        for view in (window.output_view, window.loss_plot, window.timeline, window.predictions,
                     window.docks["network"].widget()):
            assert _whole(view), (type(view).__name__, view.size(), view.minimumSizeHint())
        scroll = window.panes.controls_scroll
        assert _seen_in(window.controls._train, scroll) and _seen_in(window.predictions, scroll)
        window.controls._advanced._header.setChecked(True)  # Advanced open: the settings scroll,
        settle(qtbot, window)  # but Train, Stop, the predictions and the diagnosis stay in sight
        assert _seen_in(window.controls._train, scroll) and _seen_in(window.controls._stop, scroll)
        assert _seen_in(window.predictions, scroll)  # it was pushed below the screen's edge
        assert not scroll.verticalScrollBar().isVisible()
        table = window.predictions.findChild(QTableWidget)
        assert not table.horizontalScrollBar().isVisible() and not table.verticalScrollBar().isVisible()
        last = table.rowViewportPosition(3) + table.rowHeight(3)
        assert last <= table.viewport().height()  # all four rows
        if not opengl:  # the 2D map whole (it was cut off on the right)
            assert _whole(window.output_view.view.findChild(pg.PlotWidget))
        window.close()
    finally:
        for translator in translators:
            qapp.removeTranslator(translator)


def test_the_solved_line_never_covers_the_table_in_a_narrow_japanese_column(qtbot, qapp):
    from PySide6.QtWidgets import QLabel, QTableWidget

    from core.model.network import Weights
    from core.views.snapshot import make_snapshot
    from gui.common.i18n import install_translators
    from gui.views.predictions_table import PredictionsTable

    translators = install_translators(qapp, "ja")  # its verdict is one line in its size hint,
    try:  # but two in a column narrower than that (the window's is wide enough for one)
        table_view = PredictionsTable()
        qtbot.addWidget(table_view)
        table_view.resize(table_view.minimumSizeHint().width(), 400)
        table_view.show()
        qtbot.waitExposed(table_view)
        solved = Weights(np.array([[6.0, 4.0], [6.0, 4.0], [-2.5, -6.0]]), np.array([9.0, -10.0, -4.0]))
        table_view.update_from(make_snapshot(TrainConfig(), solved, 0))
        label = table_view.findChild(QLabel)
        table = table_view.findChild(QTableWidget)
        qtbot.waitUntil(lambda: label.heightForWidth(label.width()) > 1.5 * label.fontMetrics().height())
        settle(qtbot, table_view)
        assert label.geometry().top() > table.geometry().bottom()  # bottom() is the last row
    finally:
        for translator in translators:
            qapp.removeTranslator(translator)


def test_the_first_size_is_shrunk_to_the_screen_but_not_grown():
    from PySide6.QtCore import QSize

    from gui.shell.window_layout import FRAME_ALLOWANCE, PREFERRED_SIZE, fitted_size

    laptop = fitted_size(PREFERRED_SIZE, QSize(1366, 728))
    assert laptop == QSize(1366, 728) - FRAME_ALLOWANCE
    assert fitted_size(PREFERRED_SIZE, QSize(2560, 1400)) == PREFERRED_SIZE
    assert fitted_size(PREFERRED_SIZE, QSize(1920, 800)) == QSize(1500, 800 - FRAME_ALLOWANCE.height())


def test_train_runs_to_the_end_and_every_view_follows(qtbot, window):
    window.controls.train_pressed.emit()
    wait_state(qtbot, window, states.FINISHED)
    reference = Trainer(TrainConfig(steps=3000, seed=4))
    reference.run()
    np.testing.assert_array_equal(window.loss_plot.history(), np.float32(reference.history.values()))
    assert window.predictions.cell_text(1, 1) == f"{reference.predictions()[1]:.2f}"
    assert "3,000 of 3,000" in window.status_line.texts()[0]
    if window.output_view.is_3d:
        np.testing.assert_allclose(window.output_view.view.surface_z()[0, 0],
                                   reference.predictions()[0], atol=1e-6)


def test_reset_returns_to_the_same_initial_weights(qtbot, window):
    shown = []
    window.snapshot_shown.connect(shown.append)
    window.controls.train_pressed.emit()
    wait_state(qtbot, window, states.FINISHED)
    window.controls.reset_pressed.emit()
    qtbot.waitUntil(lambda: shown[-1].state == states.IDLE)
    assert shown[-1].weights.equals(initial_weights(TrainConfig(seed=4)))
    assert shown[-1].step == 0 and window.loss_plot.history().size == 0


def test_reset_while_training_stops_then_resets(qtbot, window):
    shown = []
    window.snapshot_shown.connect(shown.append)
    window.controller.set_speed(100.0)
    window.controls.train_pressed.emit()
    qtbot.waitUntil(lambda: bool(shown) and shown[-1].step > 3)
    window.controls.reset_pressed.emit()
    wait_state(qtbot, window, states.IDLE)
    assert shown[-1].step == 0 and shown[-1].run != shown[0].run


def test_pause_and_resume_from_the_train_button(qtbot, window, monkeypatch):
    rounds = count_worker_rounds(monkeypatch)
    window.controller.set_speed(200.0)
    window.controls.train_pressed.emit()
    qtbot.waitUntil(lambda: window.state() == states.TRAINING)
    window.controls.train_pressed.emit()
    qtbot.waitUntil(lambda: window.state() == states.PAUSED)
    assert window.controls._train.text() == "Resume"
    step = window.loss_plot.history().size
    # Paused: no step while the training loop goes round five more times (it looks every
    # 50 ms; counted, not timed, so a busy machine cannot make it look zero times).
    seen = rounds[0]
    qtbot.waitUntil(lambda: rounds[0] >= seen + 5)
    drain_events(qtbot)  # a snapshot of a later step would have arrived
    assert window.session.trainer.step == step and window.loss_plot.history().size == step
    window.controls.train_pressed.emit()
    qtbot.waitUntil(lambda: window.loss_plot.history().size > step)
    window.controls.stop_pressed.emit()
    wait_state(qtbot, window, states.STOPPED)


def test_step_button_runs_exactly_one_step(qtbot, window):
    window.controls.step_pressed.emit()
    qtbot.waitUntil(lambda: window.loss_plot.history().size == 1)
    window.controls.step_pressed.emit()
    qtbot.waitUntil(lambda: window.loss_plot.history().size == 2)
    assert window.state() == states.PAUSED
    window.controls.stop_pressed.emit()
    wait_state(qtbot, window, states.STOPPED)


def test_stop_then_train_continues_the_same_run(qtbot, window):
    window.controller.set_speed(500.0)
    window.controls.train_pressed.emit()
    qtbot.waitUntil(lambda: window.loss_plot.history().size > 10)
    window.controls.stop_pressed.emit()
    wait_state(qtbot, window, states.STOPPED)
    window.controller.set_speed(0.0)
    window.controls.train_pressed.emit()
    wait_state(qtbot, window, states.FINISHED)
    reference = Trainer(TrainConfig(steps=3000, seed=4))
    reference.run()
    np.testing.assert_array_equal(window.loss_plot.history(), np.float32(reference.history.values()))


def test_live_alpha_change_keeps_the_run(qtbot, window):
    window.controller.set_speed(200.0)
    window.controls.train_pressed.emit()
    qtbot.waitUntil(lambda: window.loss_plot.history().size > 5)
    trainer = window.session.trainer
    window.controls._alpha.setValue(2.5)
    qtbot.waitUntil(lambda: trainer.config.alpha == 2.5)  # the run training took it
    taken = trainer.step
    qtbot.waitUntil(lambda: window.loss_plot.history().size > taken)  # and trains on with it
    assert window.session.trainer is trainer and window.state() == states.TRAINING
    assert window.loss_plot.history().size > 5  # not reset
    assert window.config().alpha == 2.5
    window.controls.stop_pressed.emit()
    wait_state(qtbot, window, states.STOPPED)
    assert window.session.trainer.config.alpha == 2.5


def test_structural_change_resets_visibly(qtbot, window):
    window.controls.train_pressed.emit()
    wait_state(qtbot, window, states.FINISHED)
    window.controls._hidden.setValue(3)
    qtbot.waitUntil(lambda: window.loss_plot.history().size == 0)
    assert "reset" in window.statusBar().currentMessage()
    assert window.windowTitle().startswith("GateLab — XOR, 3 hidden nodes")
    assert window.windowTitle().endswith("*")  # unsaved changes
    window.controls._hidden.setValue(1)
    qtbot.waitUntil(lambda: window.windowTitle().startswith("GateLab — XOR, 1 hidden node"))
    assert "1 hidden nodes" not in window.windowTitle()


def test_divergence_shows_message_and_last_finite_state(qtbot, window):
    from core.model.network import Weights

    window.controls.set_config(TrainConfig(activation="relu", loss="cross-entropy", alpha=100))
    trainer = Trainer(window.controls.config())
    trainer.set_weights(Weights(np.full((3, 2), 1e200), np.full(3, 1e200)))
    window.session.adopt(trainer)
    window.controls.train_pressed.emit()
    wait_state(qtbot, window, states.DIVERGED)
    assert window.notice.isVisible() and "diverged at step 1" in window.notice.text()
    assert window.loss_plot.divergence_step() == 1
    # The sentence is said once (the banner), not again under the plot with another step.
    from PySide6.QtWidgets import QLabel

    saying = [label for label in window.findChildren(QLabel)
              if label.isVisible() and "Training diverged" in label.text()]
    assert saying == [window.notice]
    assert window.controls._train.text() == "Train"
    # Every view shows the last finite state, and its weights can be edited: "pause training"
    # refused it, and the run had stopped. The edit goes to a run that branches off there.
    diverged = window.session.trainer
    assert window.network_view.is_editable()
    assert window.network_view.edit_weight(("output", 0), 0.5)
    qtbot.waitUntil(lambda: window.session.trainer is not diverged)
    branch = window.session.trainer
    assert branch.branched_from is not None and branch.step == diverged.step
    assert branch.weights.output[0] == 0.5 and diverged in window.session.runs
    assert diverged.weights.output[0] == 1e200  # the diverged run stays as it ended


def test_worker_exception_shows_message_and_reenables(qtbot, window, monkeypatch):
    from core.training.engine import TrainingEngine

    def broken(self, trainer, count, ahead=False):
        raise RuntimeError("injected fault")

    monkeypatch.setattr(TrainingEngine, "advance", broken)
    window.controls.train_pressed.emit()
    wait_state(qtbot, window, states.FAILED)
    assert window.notice.text() == "Training failed: RuntimeError: injected fault"
    assert window.notice.isVisible()
    assert window.controls._train.isEnabled() and window.controls._train.text() == "Train"


def test_space_toggles_training(qtbot, window):
    window.activateWindow()
    qtbot.waitUntil(lambda: window.isActiveWindow())
    window.controller.set_speed(100.0)
    qtbot.keyClick(window, Qt.Key.Key_Space)
    qtbot.waitUntil(lambda: window.state() == states.TRAINING)
    qtbot.keyClick(window, Qt.Key.Key_Space)
    qtbot.waitUntil(lambda: window.state() == states.PAUSED)
    window.controls.stop_pressed.emit()
    wait_state(qtbot, window, states.STOPPED)


def test_fallback_to_2d_when_opengl_is_unavailable(qtbot, monkeypatch):
    monkeypatch.setenv("GATELAB_NO_OPENGL", "1")
    w = discard_on_close(MainWindow(TrainConfig(steps=200)))
    qtbot.addWidget(w)
    w.show()
    qtbot.waitExposed(w)
    assert not w.output_view.is_3d
    w.controller.set_speed(0.0)
    w.controls.train_pressed.emit()
    wait_state(qtbot, w, states.FINISHED)
    assert w.loss_plot.history().size == 200
    w.close()


def test_math_panel_rows_move_the_run_and_views(qtbot, window):
    panel = window.math_panel
    for _ in range(16):  # 4 phases x 4 rows = one whole step
        panel.next_phase()
    qtbot.waitUntil(lambda: window.loss_plot.history().size == 1)
    reference = Trainer(TrainConfig(steps=3000, seed=4))
    reference.advance(1)
    np.testing.assert_allclose(window.session.trainer.weights.flat(), reference.weights.flat(),
                               rtol=0, atol=1e-12)
    assert window.loss_plot.history()[0] == np.float32(reference.history.values()[0])
    assert window.predictions.cell_text(0, 1) == f"{reference.predictions()[0]:.2f}"


def test_hand_edited_weight_updates_views_and_training_continues_from_it(qtbot, window):
    from core.views.diagram import with_parameter

    assert window.network_view.is_editable()
    edited = with_parameter(window.session.trainer.weights, ("output", 0), 5.0)
    window.network_view.edit_weight(("output", 0), 5.0)
    assert window.session.trainer.weights.equals(edited)
    expected = Trainer(TrainConfig(steps=3000, seed=4), weights=edited).predictions()[0]
    assert window.predictions.cell_text(0, 1) == f"{expected:.2f}"
    window.controller.set_speed(500.0)
    window.controls.train_pressed.emit()
    qtbot.waitUntil(lambda: window.state() == states.TRAINING)
    assert not window.network_view.is_editable()
    window.controller.set_speed(0.0)
    wait_state(qtbot, window, states.FINISHED)
    reference = Trainer(TrainConfig(steps=3000, seed=4), weights=edited)
    reference.run()
    assert window.session.trainer.weights.equals(reference.weights)


def test_editing_a_finished_runs_weight_branches_and_train_trains_on_from_it(qtbot, window):
    """Train started a new run from the seed: the edit stayed on the finished run, unsaid. Now
    the edit goes to a branch off the run's end, which Train continues; the run stays as it
    trained, whatever is done next (switching runs, Step, a past step)."""
    from core.views.diagram import with_parameter

    window.controls.train_pressed.emit()
    wait_state(qtbot, window, states.FINISHED)
    first = window.session.trainer
    trained = first.weights.copy()
    assert window.network_view.is_editable()
    window.network_view.edit_weight(("output", 0), 5.0)
    edited = with_parameter(trained, ("output", 0), 5.0)
    assert window.statusBar().currentMessage() == (
        "The edit goes to a new run that branches off at step 3,000: run 1 is kept as it trained "
        "(Ctrl+Z goes back to it).")
    branch = window.session.trainer
    assert branch is not first and branch.branched_from == (first.run_id, 3000)
    assert first.weights.equals(trained) and branch.weights.equals(edited)
    window.session.switch_to(first.run_id)  # away and back: the edit is the branch's still
    qtbot.waitUntil(lambda: window.session.trainer is first)
    window.session.switch_to(branch.run_id)
    qtbot.waitUntil(lambda: window.session.trainer is branch)
    window.controls.train_pressed.emit()
    qtbot.waitUntil(lambda: branch.step == 6000, timeout=60000)
    wait_state(qtbot, window, states.FINISHED)
    assert branch.state_at(3000).weights.equals(edited)
    reference = Trainer(TrainConfig(steps=6000, seed=4), weights=edited, step=3000)
    reference.run()
    assert branch.weights.equals(reference.weights)
    assert first in window.session.runs and first.step == 3000 and first.weights.equals(trained)
    assert first.state_at(3000).weights.equals(trained)


def test_save_and_open_round_trip_restores_every_view(qtbot, window, tmp_path):
    window.controls.train_pressed.emit()
    wait_state(qtbot, window, states.FINISHED)
    path = str(tmp_path / "run.gatelab.json")
    assert window.files.save(window.session.trainer, path)
    assert not window.files.is_dirty() and window.windowTitle().endswith("run.gatelab.json")
    history = window.loss_plot.history().copy()
    window.controls._hidden.setValue(3)  # a different network
    qtbot.waitUntil(lambda: window.loss_plot.history().size == 0)
    window.open_file(path)
    qtbot.waitUntil(lambda: window.loss_plot.history().size == history.size)
    np.testing.assert_array_equal(window.loss_plot.history(), history)
    assert window.config().hidden_nodes == 2 and window.controls._hidden.value() == 2
    assert window.state() == states.FINISHED


def test_undoing_an_edit_of_an_opened_runs_end_goes_back_to_its_file(qtbot, window, tmp_path):
    """The edit's branch left the file (Save must not overwrite it with the branch); Ctrl+Z
    showed the file's run again, unchanged, but the window stayed "Untitled*"."""
    path = tmp_path / "exp1.gatelab.json"
    window.controls.train_pressed.emit()
    wait_state(qtbot, window, states.FINISHED)
    trained = window.session.trainer
    assert window.files.save(trained, str(path))
    window.open_file(str(path))
    qtbot.waitUntil(lambda: window.session.trainer is not trained and window.state() == states.FINISHED)
    opened = window.session.trainer
    assert window.files.path() == str(path)
    window.network_view.edit_weight(("output", 0), 5.0)
    assert window.session.trainer is not opened and window.files.path() is None
    window.session.undo_edit()
    assert window.session.trainer is opened
    assert window.files.path() == str(path) and not window.files.is_dirty()
    assert window.windowTitle().endswith("exp1.gatelab.json")


def test_a_new_run_after_opening_a_file_cannot_overwrite_it(qtbot, window, tmp_path):
    path = tmp_path / "exp1.gatelab.json"
    window.controls.train_pressed.emit()
    wait_state(qtbot, window, states.FINISHED)
    assert window.files.save(window.session.trainer, str(path))
    saved = path.read_bytes()
    window.open_file(str(path))
    qtbot.waitUntil(lambda: window.files.path() == str(path))
    presets = window.controls._presets
    presets.activated.emit(presets.findData("article-and"))  # a new, untrained run
    qtbot.waitUntil(lambda: window.config().gate == "and")
    assert window.files.path() is None and window.windowTitle().endswith("Untitled*")
    assert "exp1.gatelab.json is unchanged" in window.statusBar().currentMessage()
    asked = []
    window.files.ask_save_path = lambda suggested: asked.append(suggested)  # the user cancels
    assert not window.files.save(window.session.trainer)
    assert asked and path.read_bytes() == saved


def test_opening_a_corrupt_file_keeps_the_current_run(qtbot, window, tmp_path):
    messages = []
    window.files.message.disconnect()
    window.files.message.connect(messages.append)
    bad = tmp_path / "bad.gatelab.json"
    bad.write_text('{"format": "gatelab-experiment", "version": 1, "config": {"alpha": NaN}')
    before = window.session.trainer
    window.open_file(str(bad))
    qtbot.waitUntil(lambda: bool(messages))
    assert window.session.trainer is before


def test_settings_are_restored_in_the_next_window(qtbot, tmp_path):
    from PySide6.QtCore import QSettings

    from gui.shell.settings_store import SettingsStore

    path = str(tmp_path / "gatelab.ini")
    first = discard_on_close(MainWindow(TrainConfig(gate="or", hidden_nodes=3, alpha=0.25),
                                        SettingsStore(QSettings(path, QSettings.Format.IniFormat))))
    qtbot.addWidget(first)
    first.loss_plot.set_log_scale(True)
    first.controls.set_speed_index(3)
    first.close()
    second = discard_on_close(MainWindow(None, SettingsStore(QSettings(path, QSettings.Format.IniFormat))))
    qtbot.addWidget(second)
    assert (second.config().gate, second.config().hidden_nodes, second.config().alpha) == ("or", 3, 0.25)
    assert second.controls._gate.currentData() == "or"
    assert second.loss_plot.is_log_scale() and second.controls.speed_index() == 3
    second.docks["guide"].hide()
    second.restore_defaults()
    assert second.config() == preset_config("article-xor") and not second.loss_plot.is_log_scale()
    assert not second.docks["guide"].isHidden()  # the guide, as at a first start
    second.close()


def test_the_guide_keeps_the_height_the_user_gives_it(qtbot, window):
    """Shown again (after Help, or presentation mode) it snapped back to 40 % of the window."""
    guide = window.docks["guide"]
    window.show_dock("guide")
    qtbot.waitUntil(lambda: guide.height() >= 0.3 * window.height())  # its share, the first time
    share = guide.height()
    window.resizeDocks([guide], [share - 100], Qt.Orientation.Vertical)  # the user drags it
    qtbot.waitUntil(lambda: guide.height() <= share - 50)
    settle(qtbot, window)
    views = window.docks["network"]  # the views above: the guide's group has the rest
    above = views.height()
    window.show_dock("help")  # the help panel's tab in front of the guide's, then back
    window.show_dock("guide")
    settle(qtbot, window)
    assert views.height() == above
    window.presentation.enter()
    window.presentation.leave()
    settle(qtbot, window)
    assert guide.isVisible() and views.height() == above


def test_step_0_of_a_trained_run_is_not_called_untrained(qtbot, window):
    window.controls.train_pressed.emit()
    wait_state(qtbot, window, states.FINISHED)
    window.session.show_step(0)
    qtbot.waitUntil(lambda: window.last_snapshot.step == 0)
    settle(qtbot, window)
    assert "Not trained yet" not in window.predictions.why_text()
    assert "too early to tell" in window.predictions.why_text()


@pytest.mark.parametrize("fresh", [False, True])
def test_a_first_start_shows_the_articles_run_the_guide_and_what_to_press(qtbot, tmp_path, fresh):
    from PySide6.QtCore import QSettings

    from gui.shell.settings_store import SettingsStore

    store = SettingsStore(QSettings(str(tmp_path / "gatelab.ini"), QSettings.Format.IniFormat))
    if fresh:  # a classroom machine: someone's settings are stored, a fresh start ignores them
        store.save_config(TrainConfig(gate="or", seed=5))
        store.sync()
    w = discard_on_close(MainWindow(None, store, fresh=fresh))
    qtbot.addWidget(w)
    w.show()
    qtbot.waitExposed(w)
    assert w.config() == preset_config("article-xor")
    assert w.controls._presets.currentText() == "Article: 3-layer XOR"
    assert w.docks["guide"].isVisible() and w.docks["network"].isVisible()
    # The guide sits under the views, not among their tabs: both are in view at once.
    assert w.docks["guide"] not in w.tabifiedDockWidgets(w.docks["network"])
    qtbot.waitUntil(lambda: "Press Train (Space)" in w.predictions.why_text(), timeout=10000)
    w.close()


def test_export_actions_write_files(qtbot, window, tmp_path):
    import csv
    import json

    window.controls.train_pressed.emit()
    wait_state(qtbot, window, states.FINISHED)
    errors = []
    window.exports.message.connect(errors.append)
    targets = iter([tmp_path / "loss.csv", tmp_path / "weights.json", tmp_path / "loss.png"])
    window.exports.ask_path = lambda *args: str(next(targets))
    for name in ("Loss history as CSV…", "Weights as JSON…", "Loss plot as PNG…"):
        window.exports.actions[name].trigger()
    assert errors == []
    rows = list(csv.reader((tmp_path / "loss.csv").read_text().splitlines()))
    assert len(rows) == 3001 and float(rows[-1][1]) == window.loss_plot.history()[-1]
    assert json.loads((tmp_path / "weights.json").read_text()) == window.session.trainer.weights.to_dict()
    assert (tmp_path / "loss.png").stat().st_size > 1000


def test_a_failed_seed_from_the_seeds_dialog_opens_here(qtbot, window):
    window.show_many_seeds()
    dialog = window.many_seeds.dialog
    assert dialog.isVisible() and dialog.config() == window.config()
    dialog.seed_chosen.emit(17)
    qtbot.waitUntil(lambda: window.config().seed == 17)
    assert window.controls._seed.text() == "17"
    assert window.session.trainer.initial_weights.equals(initial_weights(TrainConfig(steps=3000, seed=17)))
    dialog.close()


def test_watching_a_failed_seed_keeps_the_many_seeds_results(qtbot, window):
    from PySide6.QtWidgets import QListWidget, QPushButton, QSpinBox

    window.show_many_seeds()
    dialog = window.many_seeds.dialog
    dialog.findChild(QSpinBox).setValue(40)
    run = next(b for b in dialog.findChildren(QPushButton) if b.text() == "Run")
    qtbot.mouseClick(run, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.result() is not None and not dialog.is_running(), timeout=30000)
    listed = dialog.findChild(QListWidget).count()
    assert listed > 0
    dialog.seed_chosen.emit(17)
    qtbot.waitUntil(lambda: window.config().seed == 17)
    assert dialog.result() is not None and dialog.findChild(QListWidget).count() == listed
    assert "settings changed" not in dialog._status.text()
    # Its own window, not one held above the main window.
    assert dialog.parent() is None and dialog.windowHandle().transientParent() is None
    window.controls._hidden.setValue(3)  # a real change of settings still clears them
    qtbot.waitUntil(lambda: dialog.result() is None)
    window.close()
    assert not dialog.isVisible()  # closing the main window closes it too


def test_the_two_losses_are_named_apart(qtbot, window):
    window.controls._hidden.setValue(0)  # the 2-layer model on XOR: it ends with both visible
    window.controls.train_pressed.emit()
    wait_state(qtbot, window, states.FINISHED)
    step_loss = float(window.loss_plot.history()[-1])
    loss_now = window.session.trainer.final_loss()
    assert abs(step_loss - loss_now) > 1e-3  # two different numbers, as the defect report saw
    status = " ".join(window.status_line.texts())
    assert f"loss now {loss_now:.6g}" in status
    assert "step loss" in window.loss_plot._plot.getAxis("left").labelText


def test_gradient_check_follows_the_loss_setting(qtbot, window):
    window.controls._advanced._combos["loss"].setCurrentIndex(1)
    assert window.config().loss == "cross-entropy"
    assert window.gradient_check._loss == "cross-entropy"


def test_dock_views_skip_frames_while_training_but_catch_up_at_rest(qtbot, window):
    calls = []
    original = window.network_view.update_from
    window.network_view.update_from = lambda s: (calls.append(s.state), original(s))
    window.show_dock("hidden")  # the diagram's tab is now behind another one
    qtbot.waitUntil(lambda: window.docks["network"].visibleRegion().isEmpty())
    window.controller.set_speed(200.0)
    window.controls.train_pressed.emit()
    qtbot.waitUntil(lambda: window.loss_plot.step_count() > 40)
    training_calls = [s for s in calls if s == states.TRAINING]
    assert len(training_calls) <= 1  # only the new run's first snapshot
    window.controls.train_pressed.emit()  # pause
    qtbot.waitUntil(lambda: window.state() == states.PAUSED)
    assert calls[-1] == states.PAUSED  # at rest every dock view is brought up to date
    shown = window.network_view.weights()
    assert shown.equals(window.last_snapshot.weights)
    window.controls.stop_pressed.emit()
    wait_state(qtbot, window, states.STOPPED)


def test_opening_a_file_keeps_its_run_record_so_saving_again_keeps_the_past(qtbot, window, tmp_path):
    """The window once rebuilt the trainer without the file's record: a save after opening
    started the record at the opened step."""
    import json

    from core.io import experiment as ex

    run = Trainer(TrainConfig(steps=6000, seed=2))
    run.advance(2500)
    run.set_alpha(1.5)
    run.advance(1500)
    path = tmp_path / "run.gatelab.json"
    ex.save(path, run)
    window.open_file(str(path))
    qtbot.waitUntil(lambda: window.session.trainer.step == 4000)
    assert window.session.trainer.state_at(100).weights.equals(run.state_at(100).weights)
    window.files.save(window.session.trainer)
    saved = json.loads(path.read_text())["record"]
    assert saved["start_step"] == 0 and [c[1] for c in saved["changes"]] == ["alpha"]


# -- the timeline ---------------------------------------------------------------------------
def finish(qtbot, window):
    window.controls.train_pressed.emit()
    wait_state(qtbot, window, states.FINISHED)


def test_a_click_on_the_loss_plot_puts_every_view_at_that_step(qtbot, window):
    import pyqtgraph as pg

    finish(qtbot, window)
    plot = window.loss_plot.findChild(pg.PlotWidget)
    window.loss_plot.flush()
    view = plot.getPlotItem().getViewBox()
    point = view.mapViewToScene(pg.Point(1000.3, sum(view.viewRange()[1]) / 2))
    qtbot.mouseClick(plot.viewport(), Qt.MouseButton.LeftButton, pos=plot.mapFromScene(point))
    step = window.session.viewing
    assert step is not None and abs(step - 1000) <= 15  # a pixel is ~7 steps here
    past = window.session.trainer.state_at(step)
    shown = window.last_snapshot
    assert shown.step == step and shown.weights.equals(past.weights)
    from core.model.network import predictions

    assert window.predictions.cell_text(0, 1) == f"{predictions(past.weights, 'sigmoid')[0]:.2f}"
    assert window.status_line.texts()[0] == f"step {step:,} of 3,000, the past (live: 3,000)"
    assert window.loss_plot.cursor_step() == step
    assert window.timeline.value() == step and f"viewing step {step:,}" in window.timeline._label.text()


def test_the_timeline_keys_move_through_the_run_and_end_returns_to_live(qtbot, window):
    finish(qtbot, window)
    slider = window.timeline.slider()
    slider.setFocus()
    qtbot.keyClick(slider, Qt.Key.Key_Home)
    assert window.session.viewing == 0
    qtbot.keyClick(slider, Qt.Key.Key_Right)
    assert window.session.viewing == 1
    qtbot.keyClick(slider, Qt.Key.Key_PageUp)
    assert window.session.viewing == 31  # 1 % of 3,000 steps
    qtbot.keyClick(slider, Qt.Key.Key_End)
    assert window.session.viewing is None and window.loss_plot.cursor_step() is None
    assert window.status_line.texts()[0] == "step 3,000 of 3,000"


def test_back_to_live_button_and_train_from_the_past_keep_the_finished_run(qtbot, window):
    finish(qtbot, window)
    first = window.session.trainer
    window.session.show_step(1500)
    assert window.timeline._live.isVisible()
    qtbot.mouseClick(window.timeline._live, Qt.MouseButton.LeftButton)
    assert window.session.viewing is None and not window.timeline._live.isVisible()
    assert window.timeline.slider().width() > 200  # the slider has the column's width
    window.session.show_step(1500)
    window.controls.train_pressed.emit()
    qtbot.waitUntil(lambda: window.session.trainer is not first, timeout=10000)
    wait_state(qtbot, window, states.FINISHED)
    assert first in window.session.runs and first.step == 3000
    assert window.session.trainer.branched_from == (first.run_id, 1500)


def test_ctrl_z_undoes_a_hand_edited_weight(qtbot, window):
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    before = window.session.trainer.weights.copy()
    window.network_view.weights_edited.emit(type(before)(before.hidden * 0 + 0.5, before.output))
    assert not window.session.trainer.weights.equals(before)
    qtbot.keyClick(window, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert window.session.trainer.weights.equals(before)
    assert window.statusBar().currentMessage() == "Undid the weight edit."


# -- the Runs panel ---------------------------------------------------------------------------
def two_runs(qtbot, window):
    finish(qtbot, window)
    first = window.session.trainer
    window.controls.reset_pressed.emit()
    qtbot.waitUntil(lambda: window.session.trainer is not first)
    window.controls._alpha.setValue(2.0)
    finish(qtbot, window)
    return first, window.session.trainer


def test_the_runs_panel_lists_every_run_with_its_settings_and_result(qtbot, window):
    first, second = two_runs(qtbot, window)
    tree = window.runs_view.tree()
    assert tree.topLevelItemCount() == 2
    rows = [[tree.topLevelItem(i).text(c) for c in range(4)] for i in range(2)]
    assert rows[0][0] == "1: XOR, 2 hidden, alpha 0.5, seed 4, textbook"
    assert rows[1][0] == "2: XOR, 2 hidden, alpha 2, seed 4, textbook"
    assert rows[0][1] == "3,000" and rows[0][2] == f"{first.final_loss():.4g}"
    assert rows[1][3] == ("✓" if second.solved() else "")
    assert tree.topLevelItem(1).font(0).bold() and not tree.topLevelItem(0).font(0).bold()


def test_double_click_shows_an_earlier_run_and_tick_lays_its_curve_over(qtbot, window):
    first, second = two_runs(qtbot, window)
    tree = window.runs_view.tree()
    item = tree.topLevelItem(0)
    item.setCheckState(0, Qt.CheckState.Checked)
    assert window.loss_plot.overlay_count() == 1
    assert not item.icon(0).isNull()  # the row shows its curve's colour
    import pyqtgraph as pg

    plot_item = window.loss_plot.findChild(pg.PlotWidget).getPlotItem()
    labels = [label.text for _, label in plot_item.legend.items]
    assert labels == ["shown run", "run 1"]
    low, high = plot_item.getViewBox().viewRange()[1]
    first_losses = first.history.values()
    assert low <= float(first_losses.min()) and float(first_losses.max()) <= high  # all of it shows
    window.runs_view._on_double_clicked(item, 1)
    qtbot.waitUntil(lambda: window.session.trainer is first)
    assert window.last_snapshot.run == first.run_id and window.last_snapshot.step == 3000
    assert window.controls.config().alpha == 0.5  # the controls show the run's settings
    assert window.state() == states.FINISHED


def test_delete_removes_a_run_but_not_the_one_shown(qtbot, window):
    first, second = two_runs(qtbot, window)
    tree = window.runs_view.tree()
    tree.setFocus()
    tree.setCurrentItem(tree.topLevelItem(1))
    qtbot.keyClick(tree, Qt.Key.Key_Delete)
    assert tree.topLevelItemCount() == 2 and "cannot be deleted" in window.statusBar().currentMessage()
    tree.setCurrentItem(tree.topLevelItem(0))
    qtbot.keyClick(tree, Qt.Key.Key_Delete)
    assert window.runs_view.run_ids() == [second.run_id] and first not in window.session.runs


def test_a_run_can_be_renamed_and_a_branch_says_where_it_came_from(qtbot, window):
    finish(qtbot, window)
    first = window.session.trainer
    window.session.rename_run(first.run_id, "  my   first run ")
    window.session.show_step(1500)
    window.controls.train_pressed.emit()
    qtbot.waitUntil(lambda: window.session.trainer is not first)
    wait_state(qtbot, window, states.FINISHED)
    tree = window.runs_view.tree()
    assert tree.topLevelItem(0).text(0) == "my first run"
    assert "from run 1 at step 1,500" in tree.topLevelItem(1).toolTip(0)
    tree.topLevelItem(1).setText(0, "the branch")  # as F2 and typing would
    assert window.runs_view.tree().topLevelItem(1).text(0) == "the branch"
    window.session.rename_run(first.run_id, "")  # an empty name: back to the settings' one
    assert window.runs_view.tree().topLevelItem(0).text(0).startswith("1: XOR, 2 hidden")


class HeldRead:
    """Reading a file waits until `release()` (a 10^7-step file takes ~10 s to read): the test
    decides how long the read lasts, whatever the machine's speed. `readers` are the threads
    that read."""

    def __init__(self, monkeypatch):
        import threading

        from core.io import experiment as ex

        self._released = threading.Event()
        self.readers = []
        real = ex.read_text

        def read_text(path, *args, **kwargs):
            self.readers.append(threading.current_thread())
            self._released.wait(60)  # a bound, so a read the test never releases still ends
            return real(path, *args, **kwargs)

        monkeypatch.setattr(ex, "read_text", read_text)

    def release(self) -> None:
        self._released.set()


def test_opening_reads_in_the_background_and_the_window_keeps_drawing(qtbot, window, tmp_path,
                                                                     monkeypatch):
    """A valid 10^7-step file froze the window for 9.9 s while it was read."""
    import threading

    from PySide6.QtCore import QTimer

    finish(qtbot, window)
    path = tmp_path / "run.gatelab.json"
    assert window.files.save(window.session.trainer, str(path))
    window.controls._hidden.setValue(3)
    read = HeldRead(monkeypatch)
    ticks, dialog_seen = [], []
    timer = QTimer()
    timer.timeout.connect(lambda: (ticks.append(True), dialog_seen.append(
        window.files.opening_dialog is not None and window.files.opening_dialog.isVisible())))
    timer.start(20)
    try:
        window.open_file(str(path))
        # open_file did not wait for the file: the read is held until released, and goes on
        assert window.files.is_opening() and window.files.path() != str(path)
        qtbot.waitUntil(lambda: bool(read.readers))
        qtbot.waitUntil(lambda: any(dialog_seen))  # the progress dialog came, after a moment
        seen = len(ticks)
        qtbot.waitUntil(lambda: len(ticks) > seen + 20)  # the event loop runs during the read
    finally:
        read.release()
    qtbot.waitUntil(lambda: window.files.path() == str(path))
    timer.stop()
    assert read.readers[0] is not threading.main_thread()
    assert window.config().hidden_nodes == 2
    assert not dialog_seen[0]
    assert window.files.opening_dialog is None  # and went


def test_cancel_while_opening_keeps_the_current_run(qtbot, window, tmp_path, monkeypatch):
    finish(qtbot, window)
    path = tmp_path / "run.gatelab.json"
    assert window.files.save(window.session.trainer, str(path))
    window.controls._hidden.setValue(3)
    qtbot.waitUntil(lambda: window.session.trainer.config.hidden_nodes == 3)
    current = window.session.trainer
    read = HeldRead(monkeypatch)
    try:
        window.open_file(str(path))
        dialog = window.files.opening_dialog
        qtbot.waitUntil(dialog.isVisible)  # shown after OPEN_PROGRESS_MS, the read still held
        from PySide6.QtWidgets import QPushButton

        qtbot.mouseClick(dialog.findChild(QPushButton), Qt.MouseButton.LeftButton)  # Cancel
    finally:
        read.release()
    reading = window.files.opening
    reading.join(30)
    qtbot.waitUntil(lambda: not window.files.is_opening())
    assert window.session.trainer is current and window.files.path() is None


def test_play_goes_through_the_run_forward_and_backward_and_stops_at_the_ends(qtbot, window):
    finish(qtbot, window)
    window.timeline.set_speed(3000.0)  # 120 steps a tick
    window.session.show_step(600)
    forward = window.timeline._forward
    qtbot.mouseClick(forward, Qt.MouseButton.LeftButton)
    assert window.timeline.playing() == 1
    qtbot.waitUntil(lambda: (window.session.viewing or 0) > 900, timeout=5000)
    qtbot.mouseClick(forward, Qt.MouseButton.LeftButton)  # again: pause
    assert window.timeline.playing() == 0
    paused_at = window.session.viewing
    let_timer_fire(qtbot, PLAY_TICK_MS, 5)  # five ticks' time: the paused playback moves not
    assert window.session.viewing == paused_at
    qtbot.mouseClick(window.timeline._back, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: window.session.viewing == 0, timeout=5000)  # back to the start
    assert window.timeline.playing() == 0  # and it stopped there
    qtbot.mouseClick(forward, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: window.session.viewing is None, timeout=10000)  # the end: live
    assert window.timeline.playing() == 0


def test_a_session_file_reopens_with_every_run_and_save_writes_them_all(qtbot, window, tmp_path):
    import json

    first, second = two_runs(qtbot, window)
    window.session.rename_run(first.run_id, "alpha 0.5")
    path = tmp_path / "lesson.gatelab.json"
    window.files.ask_save_path = lambda suggested: str(path)
    window.saving.save_all(ask=True)
    assert json.loads(path.read_text())["format"] == "gatelab-session"
    window.controls._hidden.setValue(5)  # something else entirely
    qtbot.waitUntil(lambda: window.session.trainer.config.hidden_nodes == 5)
    window.files.mark_clean()
    window.open_file(str(path))
    qtbot.waitUntil(lambda: window.files.path() == str(path), timeout=10000)
    tree = window.runs_view.tree()
    assert tree.topLevelItemCount() == 2 and tree.topLevelItem(0).text(0) == "alpha 0.5"
    assert window.session.trainer.weights.equals(second.weights)
    assert window.config().alpha == 2.0 and window.files.is_session()
    # Save (Ctrl+S) of a session file writes every run again, not just the one shown.
    window.session.switch_to(window.session.runs[0].run_id)
    window.saving.save()
    document = json.loads(path.read_text())
    assert len(document["runs"]) == 2 and document["current"] == 0


# -- compare two runs --------------------------------------------------------------------------
def compare_action(window, text):
    from PySide6.QtGui import QAction

    return next(a for a in window.findChildren(QAction) if a.text().replace("&", "") == text)


def opened_compare(qtbot, window, text, done=True):
    """The compare window after its menu entry (two clicks), its runs trained if `done`."""
    compare_action(window, text).trigger()
    compare = window.compare.window
    assert compare is not None  # at once: the run to compare with trains in it
    if done:
        qtbot.waitUntil(lambda: compare.model.runs[1].finished and not compare.is_training(),
                        timeout=30000)
    return compare


def test_two_clicks_compare_the_run_with_the_other_update_order(qtbot, window):
    from core.training.trainer import Trainer

    finish(qtbot, window)
    shown = window.session.trainer
    compare = opened_compare(qtbot, window, "the other update order (same seed)")
    other = compare.model.runs[1]
    assert compare.model.runs[0] is shown and other.config == shown.config.with_changes(
        update_order="article") and other.step == 3000
    reference = Trainer(TrainConfig(steps=3000, seed=4, update_order="article"))
    reference.run()
    assert other.weights.equals(reference.weights)
    assert other in window.session.runs  # it is listed in the Runs panel too
    assert compare.loss_plot.overlay_count() == 1
    assert "finished" in compare.status.text()


@pytest.mark.parametrize("text, optimizer", [("momentum, or plain gradient descent (same seed)", "momentum"),
                                             ("Adam, or plain gradient descent (same seed)", "adam")])
def test_two_clicks_compare_the_run_with_momentum_or_adam(qtbot, window, text, optimizer):
    from core.training.trainer import Trainer

    finish(qtbot, window)
    shown = window.session.trainer
    compare = opened_compare(qtbot, window, text)
    other = compare.model.runs[1]
    assert other.config == shown.config.with_changes(optimizer=optimizer) and other.step == 3000
    reference = Trainer(TrainConfig(steps=3000, seed=4, optimizer=optimizer))
    reference.run()
    assert other.flat_state() == reference.flat_state()  # the weights and the optimizer's state
    # Both names began "XOR, 2 hidden, alpha 0.5, seed 4, ..." and were cut before the end:
    # the window says what differs, and the legend names each run by it.
    name = {"momentum": "momentum", "adam": "Adam"}[optimizer]
    assert compare.differs.text() == f"What differs: gradient descent (left) and {name} (right)."
    assert compare.legend_labels() == ("left: gradient descent", f"right: {name}")
    assert window.session.run_label(other).endswith(f", {name}")


def test_choosing_plain_descent_again_after_adam_makes_a_plain_descent_run(qtbot, window):
    """The change back went unseen (the settings compared were the new config's file keys,
    which leave plain descent out): the run kept training with Adam."""
    adam = window.session.config.with_changes(optimizer="adam")
    window.session.edit_config(adam)
    qtbot.waitUntil(lambda: window.session.trainer.config.optimizer == "adam", timeout=10000)
    window.session.edit_config(adam.with_changes(optimizer="sgd"))
    qtbot.waitUntil(lambda: window.session.trainer.config.optimizer == "sgd", timeout=10000)
    assert window.session.trainer.step == 0


def test_a_compare_of_runs_with_the_same_settings_says_they_differ_in_how_they_went(qtbot, window):
    from gui.dialogs.compare_window import CompareWindow

    finish(qtbot, window)
    run = window.session.trainer
    compare = CompareWindow([run, run], ["1: mine", "2: yours"])
    qtbot.addWidget(compare)
    assert compare.differs.text().startswith("Same settings: the runs differ in how they went")
    assert compare.legend_labels() == ("left: 1: mine", "right: 2: yours")
    compare.close()


def test_a_compare_of_runs_with_and_without_a_target_loss_opens_and_says_so(qtbot, window):
    """A run without a target loss (None) made the compare window raise as it opened."""
    from gui.dialogs.compare_window import CompareWindow

    stopping = Trainer(TrainConfig(steps=3000, seed=4, target_loss=0.01))
    compare = CompareWindow([window.session.trainer, stopping], ["1", "2"])
    qtbot.addWidget(compare)
    assert compare.differs.text() == "What differs: no target loss (left) and target loss 0.01 (right)."
    longer = CompareWindow([window.session.trainer, Trainer(TrainConfig(steps=6000, seed=4))], ["1", "2"])
    qtbot.addWidget(longer)
    assert longer.differs.text() == "What differs: 3,000 steps (left) and 6,000 steps (right)."


def test_the_main_run_sends_fewer_snapshots_while_the_compare_window_trains(qtbot, window):
    from gui.run.training_worker import EMIT_INTERVAL
    from gui.shell.compare_runs import SHARED_EMIT_INTERVAL_S

    assert window.session.controller.emit_interval() == EMIT_INTERVAL
    compare = opened_compare(qtbot, window, "alpha × 4 (same seed)")  # trains its own run
    assert window.session.controller.emit_interval() == SHARED_EMIT_INTERVAL_S
    compare.close()
    qtbot.waitUntil(lambda: window.compare.window is None, timeout=20000)
    assert window.session.controller.emit_interval() == EMIT_INTERVAL


def test_the_compare_window_redraws_at_most_10_times_a_second_while_both_train(qtbot, window):
    """Each side's snapshots come out of step with the other's: a redraw waits 100 ms and takes
    all that came meanwhile (drawing took the CPU the two engines need,
    bench/compare_training.py)."""
    import time

    long_run(qtbot, window, 10**7)
    window.controls.train_pressed.emit()
    qtbot.waitUntil(window.session.is_running)
    compare = opened_compare(qtbot, window, "the other update order (same seed)", done=False)
    qtbot.waitUntil(lambda: compare.model.present(0).step > 0 and compare.model.present(1).step > 0,
                    timeout=20000)
    drawn, show = [], compare._draw
    compare._draw = lambda shown: (drawn.append(time.monotonic()), show(shown))
    qtbot.waitUntil(lambda: len(drawn) >= 20, timeout=60000)  # 2 s at 10 a second
    both = window.session.is_running() and compare.is_training()
    compare._draw = show  # closing draws the runs' last steps at once
    compare.close()
    gaps = np.diff(drawn)
    assert both
    assert gaps.min() >= 0.09, f"redraws {gaps.min() * 1000:.0f} ms apart"


def test_the_shared_timeline_moves_both_sides(qtbot, window):
    finish(qtbot, window)
    compare = opened_compare(qtbot, window, "alpha × 4 (same seed)")
    qtbot.waitExposed(compare)
    slider = compare.timeline.slider()
    slider.setFocus()
    qtbot.keyClick(slider, Qt.Key.Key_Home)
    assert compare.step() == 0
    compare.show_step(500)
    left, right = compare.model.runs
    from core.model.network import predictions

    for side, run in zip(compare.tables, (left, right)):
        expected = predictions(run.state_at(500).weights, "sigmoid")[0]
        assert side.cell_text(0, 1) == f"{expected:.2f}"
    assert compare.loss_plot.cursor_step() == 500 and compare.timeline.value() == 500
    compare.close()


def long_run(qtbot, window, steps=5_000_000):
    """The window's run set to `steps` steps, at full speed (not started)."""
    window.controls._steps.setValue(steps)
    qtbot.waitUntil(lambda: window.session.config.steps == steps)


def test_both_runs_train_at_once_and_each_ends_as_if_trained_alone(qtbot, window):
    from core.model.network import predictions
    from core.training.trainer import Trainer

    long_run(qtbot, window, 10**7)
    window.controls.train_pressed.emit()
    qtbot.waitUntil(window.session.is_running)
    compare = opened_compare(qtbot, window, "the other update order (same seed)", done=False)
    left, right = compare.model.runs
    seen = []  # (left's step, right's step) while both threads run

    def both_running():
        if window.session.is_running() and compare.is_training():
            seen.append((compare.model.present(0).step, compare.model.present(1).step))
        return len({pair for pair in seen if pair[0] and pair[1]}) >= 3

    qtbot.waitUntil(both_running, timeout=30000)
    assert "at once" in compare.status.text()
    # Both sides moved on while both trained: the left from the main window's run.
    assert len({a for a, _ in seen}) > 1 and len({b for _, b in seen}) > 1
    compare.stop_training()
    window.session.stop()
    qtbot.waitUntil(lambda: not window.session.is_running(), timeout=10000)
    for run, order in ((left, "textbook"), (right, "article")):
        alone = Trainer(TrainConfig(steps=10**7, seed=4, update_order=order))
        while alone.step < run.step:
            alone.advance(run.step - alone.step)
        assert run.weights.equals(alone.weights)  # the window keeps losses as float32:
        assert np.array_equal(run.history.values(), alone.history.values().astype(np.float32))
    qtbot.waitUntil(lambda: compare.model.present(0).step == left.step, timeout=5000)
    compare._on_refresh()
    assert compare.step() == max(left.step, right.step)  # it followed both to the present
    expected = predictions(right.weights, "sigmoid")[0]
    assert compare.tables[1].cell_text(0, 1) == f"{expected:.2f}"


def test_a_run_training_in_the_compare_window_is_not_shown_or_deleted_meanwhile(qtbot, window):
    long_run(qtbot, window)
    compare = opened_compare(qtbot, window, "alpha ÷ 4 (same seed)", done=False)
    other = compare.model.runs[1]
    qtbot.waitUntil(lambda: compare.model.present(1).step > 0, timeout=20000)
    shown = window.session.trainer
    window.session.switch_to(other.run_id)
    assert window.session.trainer is shown
    assert "belongs to the compare window" in window.statusBar().currentMessage()
    window.session.delete_run(other.run_id)
    assert other in window.session.runs
    compare.close()  # stops it: the run keeps its steps, and is the session's again
    assert window.compare.window is None and not other.finished and 0 < other.step < 5_000_000
    window.session.switch_to(other.run_id)
    assert window.session.trainer is other


def delete_in_runs_panel(qtbot, window, run):
    tree = window.runs_view.tree()
    row = window.runs_view.run_ids().index(run.run_id)
    tree.setCurrentItem(tree.topLevelItem(row))
    qtbot.keyClick(tree, Qt.Key.Key_Delete)


def test_a_run_shown_in_the_compare_window_is_not_deleted_until_it_closes(qtbot, window):
    """The Runs panel deleted a run the compare window went on showing (it neither trains it
    nor owned it): a run the session no longer had, still drawn there."""
    first, second = two_runs(qtbot, window)
    tree = window.runs_view.tree()
    tree.setCurrentItem(tree.topLevelItem(0))
    compare_action(window, "the run selected in the Runs panel").trigger()
    compare = window.compare.window
    assert compare is not None and compare.model.runs == [second, first]
    asked = []
    window.unsaved.ask = lambda labels, action: asked.append(action) or "discard"
    delete_in_runs_panel(qtbot, window, first)
    assert first in window.session.runs and window.runs_view.run_ids() == [first.run_id, second.run_id]
    assert window.statusBar().currentMessage() == (
        "Run 1 is shown in the compare window: close that window to delete it.")
    assert not asked  # refused before asking whether to lose its progress
    # The run shown, once another is shown instead, is kept for the compare window too.
    window.session.switch_to(first.run_id)
    qtbot.waitUntil(lambda: window.session.trainer is first)
    delete_in_runs_panel(qtbot, window, second)
    assert second in window.session.runs and "Run 2 is shown" in window.statusBar().currentMessage()
    compare.close()
    qtbot.waitUntil(lambda: window.compare.window is None)
    assert window.statusBar().currentMessage() == ""  # "close that window" no longer holds
    delete_in_runs_panel(qtbot, window, second)  # given back: it may go now (asked first)
    assert asked == ["delete"] and window.runs_view.run_ids() == [first.run_id]


def test_a_runs_menu_in_the_runs_panel_compares_it_with_the_run_shown(qtbot, window):
    first, second = two_runs(qtbot, window)
    tree = window.runs_view.tree()
    menu = window.runs_view.menu_for(tree.topLevelItem(0))  # its right-click menu
    next(a for a in menu.actions() if a.text() == "&Compare with the run shown").trigger()
    compare = window.compare.window
    assert compare is not None and compare.model.runs == [second, first]
    compare.close()
    qtbot.waitUntil(lambda: window.compare.window is None)


def test_the_compare_timeline_stays_at_a_past_step_while_the_runs_train(qtbot, window):
    from core.model.network import predictions

    long_run(qtbot, window)
    compare = opened_compare(qtbot, window, "the other update order (same seed)", done=False)
    qtbot.waitUntil(lambda: compare.model.present(1).step > 2000, timeout=20000)
    compare.show_step(700)
    before = compare.model.present(1).step
    qtbot.waitUntil(lambda: compare.model.present(1).step > before + 1000, timeout=20000)
    compare._on_refresh()
    assert compare.step() == 700 and compare.timeline.value() == 700
    expected = predictions(compare.model.runs[1].state_at(700).weights, "sigmoid")[0]
    assert compare.tables[1].cell_text(0, 1) == f"{expected:.2f}"
    assert compare.timeline.slider().maximum() > before  # the timeline learnt the present
    compare.timeline.live_requested.emit()  # back to live: it follows the run again
    later = compare.model.present(1).step
    qtbot.waitUntil(lambda: compare.step() > later, timeout=20000)
    compare.stop_button.click()
    assert not compare.is_training() and compare.stop_button.text().replace("&", "") == "Train on"
    compare.close()


def test_saving_the_session_writes_a_comparison_run_whole(qtbot, window, tmp_path):
    import json

    long_run(qtbot, window)
    compare = opened_compare(qtbot, window, "alpha × 4 (same seed)", done=False)
    qtbot.waitUntil(lambda: compare.model.present(1).step > 0, timeout=20000)
    path = tmp_path / "both.gatelab.json"
    window.files.ask_save_path = lambda suggested: str(path)
    assert window.saving.save_all(ask=True)
    assert not compare.is_training()  # stopped first, so the file holds whole runs
    other = compare.model.runs[1]
    saved = json.loads(path.read_text())["runs"][1]["experiment"]
    assert saved["step"] == other.step and len(saved["loss_history"]) == other.step


def test_closing_the_window_while_the_compare_window_trains_ends_both(qtbot, window):
    long_run(qtbot, window)
    compare = opened_compare(qtbot, window, "alpha × 4 (same seed)", done=False)
    qtbot.waitUntil(lambda: compare.model.present(1).step > 0, timeout=20000)
    window.close()  # the thread fixture fails the test if a training thread is left
    assert not compare.is_training() and window.compare.window is None


def test_compare_with_the_selected_run_needs_another_run(qtbot, window):
    finish(qtbot, window)
    compare_action(window, "the run selected in the Runs panel").trigger()
    qtbot.waitUntil(lambda: "Select another run" in window.statusBar().currentMessage())
    assert getattr(window, "compare_window", None) is None


def test_comparison_configs_change_one_thing_only():
    from gui.run.comparison import comparison_config

    base = TrainConfig(alpha=0.5, hidden_nodes=2, update_order="textbook", seed=7)
    assert comparison_config(base, "order") == base.with_changes(update_order="article")
    assert comparison_config(base, "alpha_up").alpha == 2.0
    assert comparison_config(base.with_changes(alpha=60.0), "alpha_up").alpha == 100.0
    assert comparison_config(base, "alpha_down").alpha == 0.125
    assert comparison_config(base, "hidden").hidden_nodes == 3
    assert comparison_config(base, "two_layer").hidden_nodes == 0
    assert comparison_config(base.with_changes(hidden_nodes=0), "two_layer").hidden_nodes == 2
    assert comparison_config(base, "momentum") == base.with_changes(optimizer="momentum")
    assert comparison_config(base, "adam") == base.with_changes(optimizer="adam")
    adam = base.with_changes(optimizer="adam")
    assert comparison_config(adam, "adam") == base
    assert comparison_config(adam, "momentum").optimizer == "momentum"


def test_a_branch_or_another_run_never_overwrites_the_single_run_file_open(qtbot, window, tmp_path):
    finish(qtbot, window)
    path = tmp_path / "run.gatelab.json"
    assert window.files.save(window.session.trainer, str(path))
    saved = path.read_bytes()
    window.session.show_step(1000)
    window.session.step()  # a branch
    qtbot.waitUntil(lambda: window.session.trainer.branched_from is not None, timeout=10000)
    window.session.stop()
    wait_state(qtbot, window, states.STOPPED, states.PAUSED, states.IDLE)
    assert window.files.path() is None
    asked = []
    window.files.ask_save_path = lambda suggested: asked.append(suggested)  # the user cancels
    assert not window.saving.save() and asked and path.read_bytes() == saved


def test_save_when_closing_with_a_session_file_open_writes_every_run(qtbot, window, tmp_path):
    import json

    two_runs(qtbot, window)
    path = tmp_path / "lesson.gatelab.json"
    window.files.ask_save_path = lambda suggested: str(path)
    assert window.saving.save_all(ask=True)
    window.session.rename_run(window.session.runs[0].run_id, "renamed")  # unsaved now
    assert window.files.is_dirty()
    window.unsaved.ask = lambda labels, action: "save"
    window.files.ask_save_path = lambda suggested: pytest.fail("it is the session file's run")
    window.close()
    document = json.loads(path.read_text())
    assert len(document["runs"]) == 2 and document["runs"][0]["name"] == "renamed"


def test_compare_holds_a_run_whose_record_starts_later_at_its_first_recorded_step(qtbot, window):
    from core.training.trainer import Trainer
    from gui.dialogs.compare_window import CompareWindow

    finish(qtbot, window)
    late = Trainer(TrainConfig(steps=3000, seed=4), window.session.trainer.weights, 3000,
                   window.session.trainer.history.values())  # as a version 1 file opens
    compare = CompareWindow([window.session.trainer, late], ["a", "b"])
    qtbot.addWidget(compare)
    compare.show_step(100)
    assert compare.step() == 100  # no error: the late run shows its first recorded step


def test_dock_tabs_keep_their_whole_titles_and_scroll_instead(qtbot, window):
    """At 1366 wide the tabs read "Netw…" and "ネットワー…"."""
    from PySide6.QtWidgets import QTabBar

    window.show_dock("help")  # a new tab: Qt may make a new tab bar

    def whole_titles():
        bars = [bar for bar in window.findChildren(QTabBar) if bar.count()]
        assert bars
        for bar in bars:
            assert bar.elideMode() == Qt.TextElideMode.ElideNone and bar.usesScrollButtons()

    qtbot.waitUntil(whole_titles)  # set on the event loop's next turn after the tab appears
    bars = [bar for bar in window.findChildren(QTabBar) if bar.count() and bar.isVisible()]
    titles = {bar.tabText(i) for bar in bars for i in range(bar.count())}
    # The views' tabs, and the reading panels' under them (help beside the guide).
    assert {"Network diagram", "Runs", "What am I looking at?"} <= titles


def test_a_run_named_with_markup_is_shown_as_typed_in_compare(qtbot, window):
    from PySide6.QtWidgets import QLabel

    from gui.dialogs.compare_window import CompareWindow

    finish(qtbot, window)
    run = window.session.trainer
    compare = CompareWindow([run, run], ["<i>mine</i> & <b>yours", "b"])
    qtbot.addWidget(compare)
    title = next(label for label in compare.findChildren(QLabel) if "mine" in label.text())
    assert "&lt;i&gt;mine&lt;/i&gt; &amp; &lt;b&gt;yours" in title.text()


# -- presentation mode ----------------------------------------------------------------------
def test_presentation_mode_is_full_screen_large_and_plain_and_esc_puts_everything_back(qtbot, window):
    from PySide6.QtWidgets import QApplication

    font = QApplication.font().pointSizeF()
    docks = {key for key, dock in window.docks.items() if dock.isVisible()}
    assert docks
    size, least = window.size(), window.minimumSizeHint().width()
    splitters = {name: s.sizes() for name, s in window.panes.splitters().items()}
    tick_font = window.loss_plot._item.getAxis("left").style["tickFont"]
    from PySide6.QtWidgets import QTableWidget

    table = window.predictions.findChild(QTableWidget)
    rows = [table.rowHeight(r) for r in range(4)]
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)  # shortcuts reach the active window
    qtbot.keyClick(window, Qt.Key.Key_F11)
    qtbot.waitUntil(window.isFullScreen, timeout=5000)
    assert window.presentation.is_on() and window.presentation_action.isChecked()
    assert QApplication.font().pointSizeF() == 2 * font
    assert not any(dock.isVisible() for dock in window.docks.values())
    assert not window.controls._advanced.isVisible() and not window.controls._presets.isVisible()
    assert not window.controls._parameters.isVisible() and window.controls._train.isVisible()
    assert window.loss_plot._curve.opts["pen"].width() == 2
    left_axis = window.loss_plot._item.getAxis("left")
    assert left_axis.labelText == "L[step]"  # the long name was taller than the enlarged plot
    assert window.output_view.width() >= 0.5 * window.width()
    # The class sees what is learnt, and the surface gets most of the height.
    assert window.controls.run_facts() == "XOR · 2 hidden nodes · α = 0.5 · 3,000 steps"
    assert window.controls._run_facts.isVisible()
    qtbot.waitUntil(lambda: window.output_view.height() >= 0.6 * window.panes.views_splitter.height())
    assert "Esc or F11" in window.statusBar().currentMessage()  # how to leave it
    qtbot.keyClick(window, Qt.Key.Key_Escape)  # leaves presentation mode; does not stop a run
    qtbot.waitUntil(lambda: not window.isFullScreen(), timeout=5000)
    assert not window.presentation.is_on() and QApplication.font().pointSizeF() == font
    assert {key for key, dock in window.docks.items() if dock.isVisible()} == docks
    assert window.controls._advanced.isVisible() and window.loss_plot._curve.opts["pen"].width() == 1
    # The window as it was: leaving it wider than the screen, or with a larger minimum, or
    # with double-size axis text, was what the font's lazy update caused.
    assert window.size() == size and window.minimumSizeHint().width() <= least
    assert {name: s.sizes() for name, s in window.panes.splitters().items()} == splitters
    assert window.loss_plot._item.getAxis("left").style["tickFont"] == tick_font
    assert left_axis.labelText == "step loss L[step]"
    assert not window.controls._run_facts.isVisible() and window.statusBar().currentMessage() == ""
    qtbot.waitUntil(lambda: [table.rowHeight(r) for r in range(4)] == rows)  # not left cramped


def test_in_presentation_mode_esc_does_not_stop_training_and_stop_still_does(qtbot, window):
    window.controls._steps.setValue(10**7)
    qtbot.waitUntil(lambda: window.session.config.steps == 10**7)
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    window.presentation_action.trigger()
    window.controls.train_pressed.emit()
    qtbot.waitUntil(window.session.is_running, timeout=10000)
    shown = []
    window.snapshot_shown.connect(shown.append)
    qtbot.keyClick(window, Qt.Key.Key_Escape)
    assert not window.presentation.is_on()
    # A stop asked for would end the run at its next step: three more steps shown training
    # say it goes on.
    qtbot.waitUntil(lambda: len({s.step for s in shown if s.state == states.TRAINING}) >= 3)
    assert window.session.is_running()  # Esc left the mode; the run goes on
    assert all(s.state == states.TRAINING for s in shown)
    window.controls._stop.click()
    qtbot.waitUntil(lambda: not window.session.is_running(), timeout=10000)


# -- pictures for slides ---------------------------------------------------------------------
def test_a_picture_for_a_slide_at_1920x1080_with_the_runs_caption(qtbot, window, tmp_path):
    from PySide6.QtGui import QImage

    from gui.common.messages import slide_caption
    from gui.dialogs.slide_dialog import SlideDialog

    finish(qtbot, window)
    caption = slide_caption(window.last_snapshot)
    assert caption.startswith("XOR · 2 hidden nodes · alpha 0.5 · seed 4 · step 3,000 · loss ")
    dialog = SlideDialog(caption)
    qtbot.addWidget(dialog)
    dialog.choose("loss", (1920, 1080))
    view, size, chosen = dialog.choices()
    assert (view, size.width(), size.height(), chosen) == ("loss", 1920, 1080, caption)
    dialog.choose("output", (2000, 1000), caption="")
    view, size, chosen = dialog.choices()
    assert (view, size.width(), size.height(), chosen) == ("output", 2000, 1000, "")
    path = tmp_path / "slide.png"
    window.exports.ask_path = lambda *args: str(path)
    window.slides.write("output", size, "caption")
    image = QImage(str(path))
    assert (image.width(), image.height()) == (2000, 1000)
    assert str(path) in window.statusBar().currentMessage()


@pytest.mark.parametrize("key", ["network", "hidden", "space", "landscape", "math", "sum"])
def test_a_picture_for_a_slide_of_each_side_view_is_drawn_at_the_size_asked(qtbot, window, tmp_path, key):
    from PySide6.QtGui import QImage

    from gui.dialogs.slide_dialog import DOCK_VIEWS, SlideDialog
    from gui.shell.app import image_is_varied

    assert key in DOCK_VIEWS
    dialog = SlideDialog("")
    qtbot.addWidget(dialog)
    dialog.choose(key, (1280, 720))
    assert dialog.choices()[0] == key  # the dialog offers it
    finish(qtbot, window)
    window.show_dock(key)
    settle(qtbot, window)
    view = window.docks[key].widget()
    laid_out = view.size()
    part = view.slide_part()
    drawn_at = []  # the part's size as it is drawn: the slide's proportions, not the dock's
    if not hasattr(part, "glview"):
        original = part.render
        part.render = lambda *args: (drawn_at.append(part.size()), original(*args))
    path = tmp_path / f"{key}.png"
    window.exports.ask_path = lambda *args: str(path)
    window.slides.write(key, QSize(1280, 720), "XOR · step 3,000")
    if drawn_at:  # it once drew at the dock's size: a corner of the diagram filled the slide
        size = drawn_at[0]
        assert size.width() / size.height() == pytest.approx(1280 / (720 - round(720 * 0.07)), rel=0.02)
    assert window.docks[key].isVisible() and not window.docks[key].visibleRegion().isEmpty()
    image = QImage(str(path))
    assert (image.width(), image.height()) == (1280, 720), window.statusBar().currentMessage()
    assert image_is_varied(image.copy(0, 0, 1280, 640), 0.02)  # the view, not an empty frame
    settle(qtbot, window)
    assert view.size() == laid_out  # drawn at the slide's proportions, then given its size back
    assert str(path) in window.statusBar().currentMessage()


# -- animations ---------------------------------------------------------------------------------
def _answer_animation_dialog(monkeypatch, window, path, **choices):
    """File > Export > Animation will be answered with `choices`, then saved to `path`."""
    from PySide6.QtWidgets import QDialog

    from gui.dialogs.animation_dialog import AnimationDialog

    def exec_(dialog):
        dialog.choose(**choices)
        dialog.accept()  # as Save: the dialog checks the choices
        return QDialog.DialogCode.Accepted if dialog.result() else QDialog.DialogCode.Rejected

    monkeypatch.setattr(AnimationDialog, "exec", exec_)
    window.exports.ask_path = lambda *args: str(path)


def test_an_animation_of_the_run_up_to_the_step_shown(qtbot, window, tmp_path, monkeypatch):
    from PIL import Image

    finish(qtbot, window)
    window.session.show_step(1200)
    path = tmp_path / "run.gif"
    _answer_animation_dialog(monkeypatch, window, path, view="both", frames=4, size=(320, 240),
                             seconds=2)
    on_screen = window.output_view.view.surface_z() if window.output_view.is_3d else None
    window.animation.ask_shown()
    assert window.animation.is_running() and window.animation.progress.isVisible()
    qtbot.waitUntil(lambda: not window.animation.is_running(), timeout=60000)
    with Image.open(path) as gif:
        assert gif.n_frames == 4 and gif.size == (320, 240)
    assert window.animation.writer.total == 4
    assert f"Saved {path}: 4 frames" in window.statusBar().currentMessage()
    # The window's own views stayed at the step the user chose.
    assert window.session.viewing == 1200 and window.loss_plot.cursor_step() == 1200
    if on_screen is not None:
        assert np.array_equal(window.output_view.view.surface_z(), on_screen)


def test_an_animation_shows_the_loss_as_the_window_does(qtbot, window, tmp_path, monkeypatch):
    finish(qtbot, window)
    window.article_loss_action.trigger()  # the article's sum: twice the 3-layer squared loss
    _answer_animation_dialog(monkeypatch, window, tmp_path / "run.gif", view="loss", frames=2,
                             size=(320, 240))
    captions = []
    from gui.files import animation_writer

    original = animation_writer.AnimationWriter._draw

    def spy(writer, snapshot):
        captions.append(writer._caption_of(snapshot))
        return original(writer, snapshot)

    monkeypatch.setattr(animation_writer.AnimationWriter, "_draw", spy)
    window.animation.ask_shown()
    stage_plot = window.animation.progress.findChild(type(window.loss_plot))
    assert stage_plot is not None and stage_plot.loss_convention() == window.loss_plot.loss_convention()
    qtbot.waitUntil(lambda: not window.animation.is_running(), timeout=60000)
    assert len(captions) == 2 and all("(the article's sum, no ½)" in c for c in captions)


def test_an_animation_needs_two_steps(qtbot, window, monkeypatch):
    warnings = []
    monkeypatch.setattr(QMessageBox, "warning", lambda _parent, _title, text: warnings.append(text))
    window.animation.ask_shown()  # a new run at step 0
    assert warnings and "at least two steps" in warnings[0]
    assert window.animation.writer is None


def test_closing_the_window_mid_animation_writes_nothing(qtbot, window, tmp_path, monkeypatch):
    finish(qtbot, window)
    path = tmp_path / "run.gif"
    _answer_animation_dialog(monkeypatch, window, path, view="loss", frames=200, size=(320, 240))
    window.animation.ask_shown()
    qtbot.waitUntil(lambda: window.animation.writer.done >= 2, timeout=30000)
    window.close()
    assert window.animation.writer.cancelled and not window.animation.is_running()
    drain_events(qtbot)  # what the close left queued has run: still no file
    assert not path.exists()


def test_the_animation_dialog_gives_what_was_chosen(qtbot):
    from gui.dialogs.animation_dialog import AnimationDialog

    dialog = AnimationDialog(0, 2000, True)
    qtbot.addWidget(dialog)
    assert dialog.choices() == {"view": "both", "frames": 100, "seconds": 10.0, "size": (800, 600),
                                "caption": True, "turn": False}
    dialog.choose(view="surface", frames=30, seconds=3, size=(1000, 500), caption=False, turn=True)
    assert dialog.choices() == {"view": "surface", "frames": 30, "seconds": 3.0,
                                "size": (1000, 500), "caption": False, "turn": True}
    dialog.accept()
    assert dialog.plan.turn
    few = AnimationDialog(0, 5, True)
    qtbot.addWidget(few)
    assert few.choices()["frames"] == 6  # a short run: each step once
    flat = AnimationDialog(0, 5, False)  # the 2D map: no camera to turn
    qtbot.addWidget(flat)
    flat.choose(turn=True)
    assert flat.choices()["turn"] is False


def test_the_animation_dialog_says_why_it_cannot_save_and_keeps_the_choices(qtbot):
    from gui.dialogs.animation_dialog import AnimationDialog

    dialog = AnimationDialog(0, 2000, True)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.choose(frames=2, seconds=600)
    dialog.accept()
    assert dialog.isVisible() and dialog.plan is None
    assert "2 frames in 600 s is not a length a GIF can play" in dialog.problem()
    assert dialog.choices()["seconds"] == 600.0
    dialog.choose(frames=1000, size=(1920, 1080), seconds=30)
    dialog.accept()
    assert "too many pixels" in dialog.problem() and dialog.isVisible()
    dialog.choose(frames=50, size=(800, 600), seconds=5)
    dialog.accept()
    assert not dialog.isVisible() and dialog.problem() == ""
    assert dialog.plan.frames == 50 and dialog.plan.delay_ms == 100


def test_closing_the_progress_window_cancels_the_animation(qtbot, window, tmp_path, monkeypatch):
    finish(qtbot, window)
    path = tmp_path / "run.gif"
    _answer_animation_dialog(monkeypatch, window, path, view="loss", frames=100, size=(320, 240))
    window.animation.ask_shown()
    qtbot.waitUntil(lambda: window.animation.writer.done >= 2, timeout=30000)
    window.animation.progress.close()
    assert window.animation.writer.cancelled and not window.animation.is_running()
    drain_events(qtbot)  # what the close left queued has run: still no file
    assert not path.exists() and window.statusBar().currentMessage() == ""


def test_the_2d_map_svg_entry_is_there_only_for_the_2d_map(qtbot, window, monkeypatch, tmp_path):
    svg_map = window.exports.actions["2D map as SVG…"]
    assert svg_map.isVisible() == (not window.output_view.is_3d)
    monkeypatch.setenv("GATELAB_NO_OPENGL", "1")
    flat = discard_on_close(MainWindow(TrainConfig(steps=50)))
    qtbot.addWidget(flat)
    assert not flat.output_view.is_3d and flat.exports.actions["2D map as SVG…"].isVisible()
    path = tmp_path / "map.svg"
    flat.exports.ask_path = lambda *args: str(path)
    errors = []
    flat.exports.message.connect(errors.append)
    flat.exports.actions["2D map as SVG…"].trigger()
    assert errors == [] and path.read_text().lstrip().startswith("<?xml")
    flat.close()


def test_without_opengl_the_menus_and_guides_name_the_map(qtbot, window, monkeypatch):
    from PySide6.QtCore import QSize

    from gui.shell import window_layout

    three_d = {"3D view as PNG…", "3D view as PNG, double size…"}
    flat_names = {"2D map as PNG…", "2D map as PNG, double size…"}
    if window.output_view.is_3d:
        assert three_d <= set(window.exports.actions) and not flat_names & set(window.exports.actions)
        assert "3D surface" in window.article_guide.texts("two_layer_code")[2]
    monkeypatch.setenv("GATELAB_NO_OPENGL", "1")
    monkeypatch.setattr(window_layout, "PREFERRED_SIZE", QSize(1008, 720))  # a narrow screen
    flat = discard_on_close(MainWindow(TrainConfig(steps=50)))
    qtbot.addWidget(flat)
    assert not flat.output_view.is_3d
    assert flat_names <= set(flat.exports.actions) and not three_d & set(flat.exports.actions)
    _title, about, look_at = flat.article_guide.texts("two_layer_code")
    assert "map" in look_at and "3D" not in look_at and "map seen from above" in about
    asked = []
    flat.exports.ask_path = lambda *args: asked.append(args)
    flat.exports.actions["2D map as PNG…"].trigger()
    assert asked[0][2:] == (".png", "map")  # offered as ...-map.png
    notice = flat.statusBar().currentMessage()
    assert "F11 shows the map large" in notice and "3D" not in notice
    flat.close()


def test_the_view_menu_shows_the_loss_as_the_articles_sum(qtbot, window):
    finish(qtbot, window)
    window.loss_plot.flush()
    (curve,) = window.loss_plot.findChild(pg.PlotWidget).getPlotItem().listDataItems()
    before = curve.getOriginalDataset()[1]
    window.article_loss_action.trigger()
    assert window.article_loss_action.isChecked()
    after = curve.getOriginalDataset()[1]
    np.testing.assert_allclose(after, 2 * before)
    assert "(the article's sum, no ½)" in window.status_line.texts()[1]
    assert window.window_settings.toggles()["article_loss"] is True  # kept with the view options
    from gui.common.messages import slide_caption

    snapshot = window.last_snapshot
    caption = slide_caption(snapshot, window.loss_plot.shown_factor())
    assert caption.endswith(f"loss {2 * snapshot.loss:.4g} (the article's sum, no ½)")
    window.compare.compare_with("order")  # the compare window opens in the window's convention
    assert window.compare.window.loss_plot.shown_factor() == 2.0
    window.article_loss_action.trigger()  # and follows it
    assert window.compare.window.loss_plot.shown_factor() == 1.0
    assert "no ½" not in window.status_line.texts()[1]
    assert window.window_settings.toggles()["article_loss"] is False


# -- the article guide ---------------------------------------------------------------------------
def test_the_article_guide_sets_up_the_3_layer_code_section(qtbot, window):
    guide = window.docks["guide"]
    assert not guide.isVisible()
    help_action = next(a for a in window.menuBar().actions() if a.text() == "&Help").menu()
    next(a for a in help_action.actions() if a.text() == "Follow the &article…").trigger()
    assert guide.isVisible()
    window.controller.set_speed(0.0)
    window.article_guide.button("three_layer_code").click()
    qtbot.waitUntil(lambda: window.session.config.seed == 659, timeout=10000)
    wait_state(qtbot, window, states.FINISHED, timeout=60000)
    assert window.session.config.update_order == "article" and window.session.trainer.step == 2000
    assert [f"{p:.2f}" for p in window.session.trainer.predictions()] == ["0.08", "0.92", "0.92", "0.07"]
    assert window.docks["hidden"].isVisible()
    assert window.compare.window is not None and window.compare.window.isVisible()  # the textbook order
    assert "Look at the hidden node maps" in window.statusBar().currentMessage()


def test_the_article_guide_walks_the_2_layer_steps_in_the_articles_notation(qtbot, window):
    from core.teaching.notation import ARTICLE

    window.show_dock("guide")
    window.article_guide.button("two_layer").click()
    qtbot.waitUntil(lambda: window.session.config.hidden_nodes == 0, timeout=10000)
    qtbot.waitUntil(lambda: window.docks["math"].isVisible(), timeout=10000)
    assert window.math_panel.notation() == ARTICLE and not window.session.is_running()
    assert window.controls.config().gate == "and" and window.session.trainer.step == 0


def _present_at(size: str, language: str, *modes: str) -> dict:
    """What tests/gui/present_at.py prints (as a dict) on an xvfb display of `size` ("1366x768"),
    run in a process of its own with this checkout's gui on the path, not the one an editable
    install points at (another worktree's)."""
    import json
    import os
    import shutil
    import subprocess
    import sys
    from pathlib import Path

    if shutil.which("xvfb-run") is None:
        pytest.skip(f"xvfb-run makes the {size} display")
    root = Path(__file__).resolve().parents[3]
    paths = [str(root), os.environ.get("PYTHONPATH", "")]
    result = subprocess.run(
        ["xvfb-run", "-a", "-s", f"-screen 0 {size}x24 +extension GLX", sys.executable,
         "tests/gui/present_at.py", language, *modes], cwd=root, capture_output=True, text=True,
        timeout=120, env=os.environ | {"PYTHONPATH": os.pathsep.join(filter(None, paths))})
    line = next((x for x in result.stdout.splitlines() if x.startswith("{")), None)
    assert line, result.stdout + result.stderr
    shown = json.loads(line)
    assert shown["window"] == [int(n) for n in size.split("x")]
    return shown


@pytest.mark.parametrize("language", ["en", "ja"])
def test_presentation_mode_on_a_1024_projector_cuts_off_nothing(language):
    shown = _present_at("1024x768", language)
    for name, (width, height, least_width, least_height) in shown["views"].items():
        assert width >= least_width and height >= least_height, (name, shown)
    assert shown["views"]["output"][0] >= 400  # the 3D view still a good part of the screen
    visible, least = shown["column"]
    assert visible >= least, shown  # no part of the controls' column cut off at its right


@pytest.mark.parametrize("language", ["en", "ja"])
def test_presentation_mode_on_a_1366_laptop_shows_the_longest_diagnosis_whole(language):
    """A stuck run's diagnosis, with every remark it adds, ran past the bottom of the screen."""
    from PySide6.QtCore import QRect

    shown = _present_at("1366x768", language, "stuck")
    why = shown["why"]
    assert why["text"].startswith(("Stuck", "行き詰まり"))
    rect = QRect(*why["rect"])
    assert rect.height() >= why["lines"], why  # every line has its room in the label
    assert QRect(*why["seen"]).contains(rect), why  # and the label is in sight, not scrolled off
    for name, (width, height, least_width, least_height) in shown["views"].items():
        assert width >= least_width and height >= least_height, (name, shown)


@pytest.mark.parametrize("language", ["en", "ja"])
def test_presentation_mode_widens_the_column_for_a_functions_sample_inputs(language):
    """A function's run replacing the gate's widens the table ("[0.083, 0.92]"): at twice the
    size the column kept the gate's width and its right side (Target, Error, Stop) was cut off."""
    shown = _present_at("1366x768", language, "function")
    assert shown["function"] == "bump"
    visible, least = shown["column"]
    assert visible >= least, shown


def _mnemonic(text: str) -> str | None:
    found = re.search(r"&([^&])", text.replace("&&", ""))
    return found.group(1).lower() if found else None


def _alt_keys(container) -> dict:
    """The Alt+letter keys of the labelled fields and buttons shown in `container`."""
    found = {}
    for widget in container.findChildren(QWidget):
        if isinstance(widget, QAbstractButton | QLabel) and widget.isVisibleTo(container) and (
                isinstance(widget, QAbstractButton) or widget.buddy() is not None):
            letter = _mnemonic(widget.text())
            if letter is not None:
                found.setdefault(letter, []).append(widget.text())
    return found


@pytest.mark.parametrize("language", ["en", "ja"])
@pytest.mark.parametrize("function", [None, "bump"])
def test_each_alt_key_opens_one_thing(qtbot, qapp, language, function):
    # Alt+H was both "&Hidden nodes" and the Help menu, Alt+T Steps and Tools, Alt+E the seed and
    # Edit: Qt then cycles between them, and the menu opens at every other press.
    from gui.common.i18n import install_translators

    translators = install_translators(qapp, language)
    try:
        window = discard_on_close(MainWindow(TrainConfig(steps=50, function=function)))
        qtbot.addWidget(window)
        always = {}
        for action in window.menuBar().actions():
            always.setdefault(_mnemonic(action.text()), []).append(action.text())
        for letter, texts in _alt_keys(window.controls).items():
            always.setdefault(letter, []).extend(texts)
        assert len(always) == sum(map(len, always.values())), always  # none shared
        assert len(always) >= 10  # six menus, four or more fields
        for key, dock in window.docks.items():
            own = _alt_keys(dock)
            for letter, texts in own.items():  # not shared inside the dock, nor with the window
                assert len(texts) == 1 and letter not in always, (key, letter, texts, always)
        if function is None:
            assert len(_alt_keys(window.docks["practice"])) == 9  # its fields keep their keys
        menus = [action.menu() for action in window.menuBar().actions()]
        while menus:  # in each menu and submenu, one entry a letter ("s&ession" was "&Export"'s E)
            menu = menus.pop()
            entries = {}
            for action in menu.actions():
                if action.menu() is not None:
                    menus.append(action.menu())
                if _mnemonic(action.text()) is not None and action.isVisible():
                    entries.setdefault(_mnemonic(action.text()), []).append(action.text())
            assert all(len(texts) == 1 for texts in entries.values()), (menu.title(), entries)
        window.close()
    finally:
        for translator in translators:
            qapp.removeTranslator(translator)
