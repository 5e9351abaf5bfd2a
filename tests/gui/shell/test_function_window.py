"""The window on a target function (issue #28): a learner picks "bump", presses Train, the run
trains and the 3D view shows the target with the network's surface and the samples."""

import numpy as np
import pytest
from PySide6.QtCore import Qt

from core.model.config import FUNCTION_DEFAULTS, TrainConfig
from core.model.presets import preset_config
from core.training import states
from core.views.function_fit import target_grid


@pytest.fixture
def window(open_window):
    return open_window(TrainConfig(steps=300, seed=4))


def pick(window, data):
    combo = window.controls._gate
    combo.setCurrentIndex(combo.findData(data))


def pick_function(window, hidden=8, steps=300):
    """A function with fewer nodes and steps than recommended: quick runs for the views."""
    pick(window, "function")
    window.controls._hidden.setValue(hidden)
    window.controls._steps.setValue(steps)


def test_a_learner_picks_bump_presses_train_and_sees_target_and_prediction(qtbot, window):
    pick(window, "function")
    picker = window.controls._function
    assert picker.is_shown() and picker.function() == "bump"
    config = window.config()
    # A gate's 2 nodes make no bump: the function's own settings come in, and the status bar says so.
    assert config == TrainConfig(function="bump", steps=300, seed=4).with_changes(**FUNCTION_DEFAULTS)
    qtbot.waitUntil(lambda: "Settings recommended for a function: 24 hidden nodes, alpha 0.1, 10,000 steps, "
                    "batch, cross-entropy, xavier, Adam." in window.statusBar().currentMessage())
    window.controls._steps.setValue(300)  # alpha and steps: the run takes them as it is
    config = window.config()
    assert config.steps == 300 and config.hidden_nodes == 24
    start = window.output_view.view.surface_z()
    window.controls._train.click()
    qtbot.waitUntil(lambda: window.state() == states.FINISHED and not window.controller.is_running(),
                    timeout=60000)
    snapshot = window.last_snapshot
    assert snapshot.step == 300 and snapshot.is_function and snapshot.predictions.shape == (121,)
    surface = window.output_view.view
    assert surface.target_wire_visible()
    wire_z = surface.target_wire_z()
    assert np.isin(wire_z, target_grid(config).astype(np.float32)).all()  # every wire point on the target
    assert wire_z.max() == pytest.approx(0.9, abs=1e-6)  # the bump's top, at (0.5, 0.5)
    assert np.allclose(surface.surface_z(), snapshot.grid) and not np.allclose(surface.surface_z(), start)
    assert len(surface.prediction_positions()) == 121 and len(surface.target_positions()) == 121
    assert np.allclose(surface.target_positions()[:, 2], snapshot.targets)
    assert np.allclose(surface.prediction_positions()[:, 2], snapshot.predictions)
    # the table: the four samples farthest from their targets, the farthest first
    errors = np.abs(snapshot.predictions - snapshot.targets)
    shown = [float(window.predictions.cell_text(row, 3)) for row in range(4)]
    assert abs(shown[0]) == pytest.approx(errors.max(), abs=0.006)
    assert window.predictions.why_text().startswith(("Not yet within 0.05", "Within 0.05"))
    assert window.panes.gate_only["network"].shows_notice()


def test_a_typed_expression_is_checked_inline_and_a_refused_one_changes_nothing(qtbot, window):
    pick(window, "function")
    picker = window.controls._function
    before = window.config()
    picker._expression.clear()
    qtbot.keyClicks(picker._expression, "2*x1")
    qtbot.keyClick(picker._expression, Qt.Key.Key_Return)
    assert "Scale it: f / 2 runs from 0 to 1" in picker.error_text()
    assert window.config() == before
    picker._expression.clear()
    qtbot.keyClicks(picker._expression, "x1*x2")
    qtbot.keyClick(picker._expression, Qt.Key.Key_Return)
    assert picker.error_text() == "" and window.config().function == "x1*x2"
    picker._grid_box.setValue(5)
    assert window.config().grid == 5 and len(window.config().targets) == 25


def test_after_a_refused_expression_the_fields_show_what_trains(qtbot, window):
    # The list said "Your own expression" and a new grid was dropped while bump trained on 11 x 11.
    pick(window, "function")
    picker = window.controls._function
    in_force = window.config().function
    picker._expression.clear()
    qtbot.keyClicks(picker._expression, "x1+")
    qtbot.keyClick(picker._expression, Qt.Key.Key_Return)
    assert picker.error_text() != "" and picker._presets.currentData() == in_force
    picker._grid_box.setValue(5)  # the new grid applies to the function in force
    assert (window.config().function, window.config().grid) == (in_force, 5)
    assert picker.error_text() != "" and picker._expression.text() == "x1+"  # still to be fixed


def test_spaces_can_be_typed_in_the_expression(qtbot, window):
    pick(window, "function")
    picker = window.controls._function
    picker._expression.clear()
    qtbot.keyClicks(picker._expression, "0.5 + 0.4*x1")
    assert picker._expression.text() == "0.5 + 0.4*x1"  # kept (a guard for number fields dropped them)
    qtbot.keyClick(picker._expression, Qt.Key.Key_Return)
    assert window.config().function == "0.5 + 0.4*x1"


def test_choosing_your_own_expression_and_leaving_it_unedited_changes_nothing(qtbot, window):
    pick(window, "function")
    picker = window.controls._function
    before, run = window.config(), window.session.trainer
    picker._presets.setCurrentIndex(picker._presets.findData(""))
    picker._presets.activated.emit(picker._presets.currentIndex())
    picker._expression.editingFinished.emit()  # leaving the field
    assert window.config() == before and window.session.trainer is run
    assert picker._presets.currentData() == before.function


def test_a_grid_out_of_range_is_refused_with_the_range(qtbot, window):
    # "30" became 3 (Qt dropped the 0) and "1" went back to 11, both without a word.
    pick(window, "function")
    picker = window.controls._function
    grid = window.config().grid
    for typed in ("30", "1", "1e-5"):
        editor = picker._grid_box.lineEdit()
        editor.selectAll()
        qtbot.keyClick(editor, Qt.Key.Key_Delete)
        qtbot.keyClicks(editor, typed)
        assert editor.text() == typed  # kept as typed until it is applied
        qtbot.keyClick(editor, Qt.Key.Key_Return)
        reason = "is not a whole number" if typed == "1e-5" else f"{typed} is not from 2 to 21"
        assert reason in picker.error_text()
        assert window.config().grid == grid and picker._grid_box.value() == grid


def test_back_to_a_gate_the_views_are_the_gates_again(qtbot, window):
    pick(window, "function")
    window.controls._step.click()
    qtbot.waitUntil(lambda: window.last_snapshot is not None and window.last_snapshot.step == 1
                    and window.last_snapshot.is_function)
    pick(window, "and")
    assert window.config().function is None and window.config().gate == "and"
    qtbot.waitUntil(lambda: not window.last_snapshot.is_function)
    assert not window.output_view.view.target_wire_visible()
    assert len(window.output_view.view.prediction_positions()) == 4
    assert window.predictions.cell_text(1, 0) == "[1, 0]"
    assert not window.panes.gate_only["network"].shows_notice()


def test_a_saved_function_run_opens_with_its_function_and_names_it(qtbot, window, tmp_path):
    from core.io import experiment as ex
    from core.training.trainer import Trainer

    trainer = Trainer(TrainConfig(function="saddle", grid=5, hidden_nodes=4, steps=40))
    trainer.run()
    path = tmp_path / "saddle.gatelab.json"
    ex.save(path, trainer)
    window.open_file(str(path))
    qtbot.waitUntil(lambda: window.config().function == "saddle")
    qtbot.waitUntil(lambda: window.last_snapshot is not None and window.last_snapshot.step == 40)
    assert window.controls._function.is_shown() and window.controls._function.grid() == 5
    assert "f = saddle (5 x 5)" in window.windowTitle()
    assert np.allclose(window.last_snapshot.predictions, trainer.predictions())


def test_the_contributions_dock_shows_each_nodes_share_their_sum_and_its_sigmoid(qtbot, window):
    from core.views.contributions import contributions, tile_heights
    from gui.views.gl_probe import opengl_available

    window.show_dock("sum")
    pick_function(window)
    window.controls._train.click()
    qtbot.waitUntil(lambda: window.state() == states.FINISHED and not window.controller.is_running(),
                    timeout=60000)
    view = window.contributions
    if opengl_available()[0]:  # surfaces by default, of the step shown, past ones too
        scene = view.surfaces()
        window.timeline.slider().setValue(120)
        qtbot.waitUntil(lambda: window.last_snapshot.step == 120)
        past = window.last_snapshot
        expected = tile_heights(contributions(past.weights, past.activation)).z
        qtbot.waitUntil(lambda: scene.surface_count() == 10 and np.allclose(scene.surface_z(3), expected[3]))
        assert np.allclose(scene.surface_z(9), expected[9], atol=1e-7)  # yp
        window.timeline.slider().setValue(300)
        qtbot.waitUntil(lambda: window.last_snapshot.step == 300)
        view.set_3d(False)
    snapshot = window.last_snapshot
    qtbot.waitUntil(lambda: view.titles()[-1:] == ["yp = σ(v)"] and len(view.titles()) == 10)
    assert view.titles()[:2] == ["w2 h1", "w2 h2"] and view.titles()[8] == "v = Σ + bias"
    expected = contributions(snapshot.weights, snapshot.activation)
    assert np.allclose(view.map_data(3), expected.parts[3], atol=1e-6)
    assert np.allclose(view.map_data(9), snapshot.grid[::2, ::2], atol=1e-6)  # yp: the output surface


def test_the_3d_view_can_show_the_error_instead(qtbot, window):
    surface = window.output_view.view
    pick(window, "function")
    window.controls._step.click()
    qtbot.waitUntil(lambda: window.last_snapshot is not None and window.last_snapshot.step == 1
                    and window.last_snapshot.is_function)
    snapshot = window.last_snapshot
    surface.show_error(True)
    assert surface.showing_error() and not surface.target_wire_visible()
    assert surface._colour_bar.label() == "error" and surface._height_title.text == "error"
    assert np.allclose(surface.surface_z(), np.abs(snapshot.grid - snapshot.target_grid), atol=1e-6)
    surface.show_error(False)
    assert surface.target_wire_visible() and np.allclose(surface.surface_z(), snapshot.grid, atol=1e-6)
    assert surface._colour_bar.label() == "output" and surface._height_title.text == "output"
    pick(window, "xor")  # a gate has no error surface to show
    qtbot.waitUntil(lambda: not window.last_snapshot.is_function)
    assert not surface.showing_error()


def test_tools_opens_the_hidden_nodes_study_on_the_current_settings(qtbot, window):
    from PySide6.QtGui import QAction

    pick(window, "function")
    action = next(a for a in window.findChildren(QAction) if a.text() == "How many &hidden nodes?…")
    action.trigger()
    study = window.many_seeds.study
    qtbot.waitExposed(study)
    assert study.isVisible() and study._config == window.config()
    study.start()
    assert study.is_running()
    window.close()  # closing the window ends the study's thread
    assert not study.is_running() or study._thread.isFinished()


def test_a_function_run_compares_with_one_more_hidden_node_and_its_past_steps_show(qtbot, window):
    from PySide6.QtGui import QAction

    from core.training.trainer import Trainer

    pick_function(window)
    window.controls._train.click()
    qtbot.waitUntil(lambda: window.state() == states.FINISHED and not window.controller.is_running(),
                    timeout=60000)
    window.timeline.slider().setValue(120)  # a past step: the run record replays it
    qtbot.waitUntil(lambda: window.last_snapshot.step == 120)
    past = Trainer(window.config().with_changes(steps=120))
    past.run()
    assert np.array_equal(window.last_snapshot.predictions, past.predictions())
    action = next(a for a in window.findChildren(QAction)
                  if a.text().replace("&", "") == "one more hidden node (same seed)")
    action.trigger()
    compare = window.compare.window
    qtbot.waitUntil(lambda: compare.model.runs[1].finished and not compare.is_training(), timeout=60000)
    other = compare.model.runs[1]
    assert other.config.function == "bump" and other.config.hidden_nodes == 9 and other.step == 300


def test_two_runs_differing_in_what_they_learn_are_told_apart_by_it(qapp):
    from gui.common.messages import differences_text

    bump, ridge = TrainConfig(function="bump"), TrainConfig(function="ridge", grid=5, seed=3)
    assert differences_text(bump, ridge) == ("f = bump (11 x 11), seed 0", "f = ridge (5 x 5), seed 3")
    assert differences_text(TrainConfig(), bump) == ("XOR", "f = bump (11 x 11)")


def test_a_gate_views_slide_part_is_its_own_and_the_notice_for_a_function(qtbot, window):
    wrapper = window.panes.gate_only["network"]
    assert wrapper.slide_part() is window.network_view.slide_part()
    pick(window, "function")
    window.controls._step.click()
    qtbot.waitUntil(lambda: window.last_snapshot is not None and window.last_snapshot.is_function)
    qtbot.waitUntil(wrapper.shows_notice)
    assert wrapper.slide_part() is wrapper.currentWidget()


@pytest.mark.parametrize("key", ["network", "landscape"])
def test_a_slide_of_a_gate_view_on_a_function_run_is_the_notice(qtbot, window, tmp_path, key):
    """The slide went round the wrapper: it drew the stale gate view behind the notice, and
    the landscape's failed ("the 3D view is not shown")."""
    from PySide6.QtCore import QSize
    from PySide6.QtGui import QImage

    pick(window, "function")
    window.controls._step.click()
    wrapper = window.panes.gate_only[key]
    qtbot.waitUntil(lambda: window.last_snapshot is not None and window.last_snapshot.is_function)
    qtbot.waitUntil(wrapper.shows_notice)
    notice = wrapper.slide_part()
    drawn = []
    original = notice.render
    notice.render = lambda *args: (drawn.append(True), original(*args))
    path = tmp_path / f"{key}.png"
    window.exports.ask_path = lambda *args: str(path)
    window.slides.write(key, QSize(1280, 720), "")
    assert drawn and QImage(str(path)).width() == 1280


def test_predictions_export_and_copy_hold_every_sample_of_a_function_run(qtbot, window, tmp_path):
    """Both raised on a function run ("expected 4 predictions and targets, got 121"): no file,
    no message."""
    import csv

    from PySide6.QtGui import QGuiApplication

    from gui.files import exports

    pick(window, "function")
    window.controls._step.click()
    qtbot.waitUntil(lambda: window.last_snapshot is not None and window.last_snapshot.is_function)
    snapshot = window.last_snapshot
    path = tmp_path / "predictions.csv"
    assert exports.export_predictions_csv(snapshot, path) is None
    rows = list(csv.reader(path.read_text().splitlines()))
    assert len(rows) == 1 + 121 and [float(v) for v in rows[2][:2]] == [0.1, 0.0]  # x1 fastest
    assert exports.copy_predictions(snapshot) is None
    assert QGuiApplication.clipboard().text().count("\n") >= 121


def test_the_sum_surfaces_change_while_the_run_trains(qtbot, window):
    from gui.views.gl_probe import opengl_available

    if not opengl_available()[0]:
        pytest.skip("no OpenGL here")
    window.show_dock("sum")
    pick_function(window, steps=100000)  # it cannot end while the test watches
    window.controller.set_speed(30.0)  # the dock draws on the way
    window.controls._train.click()
    scene = window.contributions.surfaces()
    qtbot.waitUntil(lambda: window.state() == states.TRAINING and scene.surface_count() == 10)
    first = scene.surface_z(8)  # v
    qtbot.waitUntil(lambda: not np.allclose(scene.surface_z(8), first))
    assert window.state() == states.TRAINING  # drawn live, not only at the end
    window.controller.stop()
    qtbot.waitUntil(lambda: not window.controller.is_running())


def test_another_function_keeps_the_learners_settings_and_a_gate_gets_its_own_back(qtbot, window):
    controls, picker = window.controls, window.controls._function
    window.controls.set_config(preset_config("article-xor"))
    gate = window.controls.config()
    pick(window, "function")
    assert controls._hidden.value() == 24 and controls._advanced.values()["optimizer"] == "adam"
    controls._hidden.setValue(5)
    assert window.config().hidden_nodes == 5
    picker._presets.setCurrentIndex(picker._presets.findData("ripple"))
    picker._presets.activated.emit(picker._presets.currentIndex())
    assert (window.config().function, window.config().hidden_nodes) == ("ripple", 5)
    picker._expression.setText("x1*x2")
    picker._expression.editingFinished.emit()
    assert (window.config().function, window.config().hidden_nodes) == ("x1*x2", 5)
    pick(window, "xor")  # back to the gate: the article's run, as it was before the function
    assert window.config() == gate
    assert controls._presets.currentText() == "Article: 3-layer XOR"
    qtbot.waitUntil(lambda: "The gate's settings back: 2 hidden nodes" in window.statusBar().currentMessage())
    pick(window, "function")  # and to the function again: the learner's settings, not the defaults
    assert (window.config().function, window.config().hidden_nodes) == ("x1*x2", 5)
    assert window.config().optimizer == "adam" and window.config().steps == 10_000
    qtbot.waitUntil(lambda: "The function's settings back: 5 hidden nodes"
                    in window.statusBar().currentMessage())


def test_the_tolerance_judges_the_trained_run_again_without_resetting_it(qtbot, window):
    pick(window, "function")
    window.controls._steps.setValue(300)
    window.controls._train.click()
    qtbot.waitUntil(lambda: window.state() == states.FINISHED and not window.controller.is_running(),
                    timeout=60000)
    before = window.last_snapshot
    error = float(np.abs(before.predictions - before.targets).max())
    assert 0.05 < error < 0.5 and window.predictions.why_text().startswith("Not yet within 0.05")
    window.controls._function._tolerance.setValue(0.5)
    qtbot.waitUntil(lambda: window.predictions.why_text().startswith("Within 0.5 at every sample"))
    after = window.last_snapshot
    assert after.step == 300 and after.solved and np.array_equal(after.predictions, before.predictions)
    assert window.config().tolerance == 0.5 and window.session.trainer.config.tolerance == 0.5
    assert window.predictions.verdict_text() == "✓ Within 0.5 at every sample"


def test_a_gate_switched_back_gets_the_gate_settings_shown_last(qtbot, window):
    controls = window.controls
    controls.set_config(TrainConfig(hidden_nodes=5, alpha=0.3, steps=3000))
    pick(window, "function")
    controls.set_config(preset_config("article-and"))  # a preset, a run or a file shown meanwhile
    controls.set_config(TrainConfig(function="ridge", hidden_nodes=9))
    pick(window, "xor")
    config = window.config()
    assert (config.gate, config.hidden_nodes, config.alpha, config.steps) == ("xor", 0, 0.5, 1000)


@pytest.mark.parametrize("language", ["en", "ja"])
def test_the_notice_of_a_switch_fits_a_laptops_status_bar(qtbot, qapp, open_window, language):
    # Switched back to a gate, the notice listed every setting twice and ran past 1366 pixels.
    from PySide6.QtCore import QSize
    from PySide6.QtGui import QFontMetrics

    from gui.common.i18n import install_translators

    translators = install_translators(qapp, language)
    try:
        window = open_window(TrainConfig(steps=300, seed=4))
        window.resize(QSize(1350, 720))  # 1366 x 768, fitted
        for target in ("function", "xor"):
            pick(window, target)
            message = window.statusBar().currentMessage()
            room = window.statusBar().width() - window.status_line.width()
            width = QFontMetrics(window.statusBar().font()).horizontalAdvance(message)
            assert message and width < room - 20, (message, width, room)
    finally:
        for translator in translators:
            qapp.removeTranslator(translator)
