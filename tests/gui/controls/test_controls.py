"""The control panel turns edits into validated TrainConfigs and refuses bad input."""

import pytest
from PySide6.QtCore import Qt

from core.model.config import TrainConfig
from gui.controls.control_panel import DEFAULT_SPEED, SPEEDS, ControlPanel


@pytest.fixture
def panel(qtbot):
    widget = ControlPanel(TrainConfig())
    qtbot.addWidget(widget)
    widget.show()
    qtbot.waitExposed(widget)
    widget.activateWindow()
    qtbot.waitUntil(widget.isActiveWindow)  # window shortcuts need an active window
    edited = []
    widget.config_edited.connect(edited.append)
    widget.edited = edited
    return widget


def type_into(qtbot, box, text):
    """Replaces a field's text by typing, then commits with Enter as a user would."""
    editor = box.lineEdit() if hasattr(box, "lineEdit") else box
    editor.selectAll()
    qtbot.keyClick(editor, Qt.Key.Key_Delete)
    qtbot.keyClicks(editor, text)
    qtbot.keyClick(editor, Qt.Key.Key_Return)


def test_shows_the_articles_defaults(panel):
    assert panel.config() == TrainConfig()
    assert panel._gate.currentData() == "xor"
    assert panel._hidden.value() == 2 and panel._alpha.value() == 0.5
    assert panel.speed() == DEFAULT_SPEED


def test_each_control_changes_the_config(qtbot, panel):
    panel._gate.setCurrentIndex(panel._gate.findData("nand"))
    type_into(qtbot, panel._hidden, "5")
    type_into(qtbot, panel._alpha, "0.0001")
    type_into(qtbot, panel._steps, "12345")
    type_into(qtbot, panel._seed, "4294967295")
    last = panel.edited[-1]
    assert last == TrainConfig(gate="nand", hidden_nodes=5, alpha=0.0001, steps=12345,
                               seed=4294967295)


def test_small_alpha_is_kept_exactly_and_comma_is_a_decimal_mark(qtbot, panel):
    type_into(qtbot, panel._alpha, "0,0025")
    assert panel.config().alpha == 0.0025
    assert panel._alpha.text() == "0.0025"


def test_alpha_garbage_is_refused_not_zeroed(qtbot, panel):
    type_into(qtbot, panel._alpha, "abc")
    assert panel.config().alpha == 0.5
    type_into(qtbot, panel._alpha, "1000")  # not cut to 100: refused whole, with the range
    assert panel.config().alpha == 0.5 and panel._alpha.text() == "0.5"
    assert "1000 is not from 0.0001 to 100" in panel._error.text()


def test_seed_out_of_range_shows_message_and_keeps_last_value(qtbot, panel):
    type_into(qtbot, panel._seed, "4294967296")
    assert "Seed" in panel._error.text() and "4294967295" in panel._error.text()
    assert panel.config().seed == 0 and panel._seed.text() == "0"
    type_into(qtbot, panel._seed, "12x")
    assert panel.config().seed == 0 and "Seed" in panel._error.text()


def test_new_seed_button_draws_another_seed(qtbot, panel):
    qtbot.keyClick(panel, Qt.Key.Key_D, Qt.KeyboardModifier.ControlModifier)
    seeds = {panel.config().seed}
    qtbot.keyClick(panel, Qt.Key.Key_D, Qt.KeyboardModifier.ControlModifier)
    seeds.add(panel.config().seed)
    assert len(seeds | {0}) >= 2 and panel.edited


def test_custom_gate_shows_target_boxes(qtbot, panel):
    assert not panel._targets_box.isVisible()
    panel._gate.setCurrentIndex(panel._gate.findData("custom"))
    assert panel._targets_box.isVisible()
    type_into(qtbot, panel._target_boxes[1], "0.25")
    assert panel.config().gate == "custom"
    assert panel.config().targets == (0.0, 0.25, 1.0, 0.0)  # starts from XOR's targets


def test_hidden_zero_says_it_is_the_two_layer_model(qtbot, panel):
    type_into(qtbot, panel._hidden, "0")
    assert "2-layer" in panel._hidden_note.text()


def test_one_hidden_node_is_singular(qtbot, panel):
    type_into(qtbot, panel._hidden, "1")
    assert "1 hidden node + a bias node" in panel._hidden_note.text()
    assert "1 hidden node ·" in panel._run_facts.text() and "1 hidden nodes" not in panel._run_facts.text()


def test_advanced_is_collapsed_and_feeds_the_config(qtbot, panel):
    assert not panel._advanced._body.isVisible()
    panel._advanced._header.click()
    assert panel._advanced._body.isVisible()
    combos = panel._advanced._combos
    combos["mode"].setCurrentIndex(combos["mode"].findData("batch"))
    combos["activation"].setCurrentIndex(combos["activation"].findData("tanh"))
    combos["update_order"].setCurrentIndex(combos["update_order"].findData("article"))
    type_into(qtbot, panel._advanced._target_loss, "0.01")
    c = panel.config()
    assert (c.mode, c.activation, c.update_order, c.target_loss) == ("batch", "tanh", "article", 0.01)
    type_into(qtbot, panel._advanced._target_loss, "-3")
    assert "Target loss" in panel._error.text() and panel.config().target_loss == 0.01


def test_presets_set_the_articles_runs(qtbot, panel):
    panel._presets.activated.emit(panel._presets.findData("article-and"))
    c = panel.config()
    assert (c.gate, c.hidden_nodes, c.alpha, c.steps) == ("and", 0, 0.5, 1000)
    panel._presets.activated.emit(panel._presets.findData("article-xor"))
    c = panel.config()
    assert (c.gate, c.hidden_nodes, c.steps, c.update_order) == ("xor", 2, 2000, "article")
    assert panel.edited[-1] == c


def test_the_presets_box_names_the_loaded_preset_until_a_setting_changes(qtbot, panel):
    assert panel._presets.currentText() == "Presets…"  # TrainConfig() is no preset
    panel._presets.activated.emit(panel._presets.findData("article-xor"))
    assert panel._presets.currentText() == "Article: 3-layer XOR"
    type_into(qtbot, panel._alpha, "0.25")
    assert panel.config().alpha == 0.25 and panel._presets.currentText() == "Presets…"
    type_into(qtbot, panel._alpha, "0.5")  # back to the preset's settings: named again
    assert panel._presets.currentData() == "article-xor"
    from core.model.presets import preset_config

    panel.set_config(preset_config("article-and"))  # a config from elsewhere (a file, the guide)
    assert panel._presets.currentText() == "Article: 2-layer AND"
    panel._presets.activated.emit(0)  # "Presets…" itself picked: it goes on naming the preset
    assert panel._presets.currentText() == "Article: 2-layer AND"


def test_the_xor_preset_gives_the_articles_table_even_after_new_seed(qtbot, panel):
    from core.training.trainer import Trainer

    panel._on_new_seed()  # what the New seed button and Ctrl+D do
    panel._presets.activated.emit(panel._presets.findData("article-xor"))
    trainer = Trainer(panel.config())
    trainer.run()
    assert [f"{p:.2f}" for p in trainer.predictions()] == ["0.08", "0.92", "0.92", "0.07"]
    panel._presets.activated.emit(panel._presets.findData("article-and"))
    assert panel.config().seed == 0 and panel.edited[-1].seed == 0


def test_speed_slider_covers_slow_motion_to_full(qtbot, panel):
    speeds = []
    panel.speed_changed.connect(speeds.append)
    panel._speed.setValue(0)
    panel._speed.setValue(len(SPEEDS) - 1)
    assert speeds == [1.0, 0.0]
    assert panel._speed_label.text() == "Full speed"
    panel._speed.setValue(0)
    assert panel._speed_label.text() == "1 step/s"  # not "1 steps/s"


def test_buttons_have_shortcuts_and_tooltips(qtbot, panel):
    pressed = []
    panel.train_pressed.connect(lambda: pressed.append("train"))
    panel.reset_pressed.connect(lambda: pressed.append("reset"))
    qtbot.keyClick(panel, Qt.Key.Key_Space)
    qtbot.keyClick(panel, Qt.Key.Key_R, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: pressed == ["train", "reset"])
    for button in (panel._train, panel._step, panel._reset, panel._stop):
        assert button.toolTip()


def test_run_state_changes_the_train_button(panel):
    panel.set_run_state("training")
    assert panel._train.text() == "Pause" and panel._stop.isEnabled()
    panel.set_run_state("paused")
    assert panel._train.text() == "Resume"
    panel.set_run_state("finished")
    assert panel._train.text() == "Train" and not panel._stop.isEnabled()


@pytest.mark.parametrize("field", ["_seed", "_steps", "_alpha", "_hidden"])
def test_space_in_a_field_tab_selected_keeps_its_value(qtbot, panel, field):
    from PySide6.QtTest import QTest
    from PySide6.QtWidgets import QLineEdit

    panel.show()
    qtbot.waitExposed(panel)
    panel.activateWindow()
    qtbot.waitActive(panel)
    widget = getattr(panel, field)
    edit = widget if isinstance(widget, QLineEdit) else widget.lineEdit()
    widget.setFocus(Qt.FocusReason.TabFocusReason)
    edit.selectAll()  # as Tab leaves it
    before, config = edit.text(), panel.config()
    QTest.keyClick(widget, Qt.Key.Key_Space)
    assert edit.text() == before  # was " " (seed) or "" (steps): the value replaced
    QTest.keyClick(widget, Qt.Key.Key_Return)
    assert edit.text() == before and panel.config() == config


@pytest.mark.parametrize("text, alpha", [("1e-3", 0.001), ("5e-4", 0.0005), ("1E-2", 0.01),
                                         ("2.5e-1", 0.25), ("1e1", 10.0)])
def test_alpha_takes_scientific_notation_as_the_command_line_does(qtbot, panel, text, alpha):
    type_into(qtbot, panel._alpha, text)
    assert panel.config().alpha == alpha  # was 13, 54, 12, 2.51: e and - refused one by one


def test_alpha_too_small_in_scientific_notation_keeps_the_old_value(qtbot, panel):
    type_into(qtbot, panel._alpha, "1e-9")  # below the 0.0001 minimum; would round to 0
    assert panel.config().alpha == 0.5


# -- one rule for numbers, whatever the system locale -----------------------------------
@pytest.fixture
def german_panel(qtbot):
    from PySide6.QtCore import QLocale

    before = QLocale()
    QLocale.setDefault(QLocale(QLocale.Language.German, QLocale.Country.Germany))
    try:
        widget = ControlPanel(TrainConfig())
        qtbot.addWidget(widget)
        widget.show()
        qtbot.waitExposed(widget)
        yield widget
    finally:
        QLocale.setDefault(before)


def test_under_de_de_every_field_writes_numbers_one_way(german_panel):
    """Steps showed "2.000" beside an alpha of "0.5"."""
    assert german_panel._steps.text() == "2,000"
    assert german_panel._alpha.text() == "0.5"


@pytest.mark.parametrize("typed", ["1.000", "2.5", "1.0e3"])
def test_a_decimal_point_in_a_whole_number_field_is_refused_visibly(qtbot, german_panel, typed):
    """Under de_DE, "1.000" gave steps 1000 while the same text gave alpha 1.0; Qt dropped
    the "." and kept a different number without a word."""
    type_into(qtbot, german_panel._steps, typed)
    german_panel._steps.lineEdit().clearFocus()
    qtbot.waitUntil(lambda: "not a whole number" in german_panel._error.text())
    assert german_panel.config().steps == 2000 and german_panel._steps.value() == 2000
    assert typed in german_panel._error.text()


@pytest.mark.parametrize("typed", ["150", "0", "-1"])
def test_an_alpha_out_of_range_is_refused_with_the_range_not_cut_short(qtbot, panel, typed):
    # 150 lost its last keystroke and alpha 15 was applied; 0 and -1 went back without a word.
    editor = panel._alpha.lineEdit()
    editor.selectAll()
    qtbot.keyClick(editor, Qt.Key.Key_Delete)
    qtbot.keyClicks(editor, typed)
    assert editor.text() == typed
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: f"{typed} is not from 0.0001 to 100; the field keeps 0.5" in panel._error.text())
    assert panel.config().alpha == 0.5 and panel.edited == []


def test_a_negative_step_count_is_refused_as_typed(qtbot, panel):
    type_into(qtbot, panel._steps, "-5")
    qtbot.waitUntil(lambda: "-5 is not from 1 to" in panel._error.text())
    assert panel.config().steps == TrainConfig().steps


def test_a_whole_number_out_of_range_is_refused_with_the_range(qtbot, panel):
    from core.model.config import HIDDEN_MAX

    too_many = str(HIDDEN_MAX * 10)
    type_into(qtbot, panel._hidden, too_many)
    qtbot.waitUntil(lambda: f"is not from 0 to {HIDDEN_MAX:,}" in panel._error.text())
    assert f"{HIDDEN_MAX * 10:,}" in panel._error.text()
    assert panel.config().hidden_nodes == TrainConfig().hidden_nodes


@pytest.mark.parametrize("typed, steps", [("3,000", 3000), ("3000", 3000), ("2e6", 2_000_000),
                                          ("1,000,000", 1_000_000)])
def test_whole_numbers_are_read_with_thousands_commas_or_a_power_of_ten(qtbot, german_panel,
                                                                        typed, steps):
    type_into(qtbot, german_panel._steps, typed)
    qtbot.waitUntil(lambda: german_panel.config().steps == steps)
    assert german_panel._error.text() == ""


def test_alpha_reads_a_point_or_a_comma_as_the_decimal_mark(qtbot, german_panel):
    type_into(qtbot, german_panel._alpha, "1.000")
    qtbot.waitUntil(lambda: german_panel.config().alpha == 1.0)
    type_into(qtbot, german_panel._alpha, "0,25")
    qtbot.waitUntil(lambda: german_panel.config().alpha == 0.25)
