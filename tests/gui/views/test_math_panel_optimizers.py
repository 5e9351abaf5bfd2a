"""The math panel and Advanced options with momentum and Adam: the optimizer's numbers for the
row, live, in both notations and both languages."""

import pytest

from core.model.config import OPTIMIZERS, TrainConfig
from core.model.layout import layout
from core.teaching.notation import ARTICLE
from core.teaching.row_math import UPDATE, format_number
from core.training.trainer import Trainer
from gui.views.math_panel import MathPanel


@pytest.fixture
def panel(qtbot):
    widget = MathPanel()
    qtbot.addWidget(widget)
    widget.resize(720, 760)
    widget.set_enabled_for_state("paused")
    return widget


def _at_update(panel, config, steps=3):
    trainer = Trainer(config)
    trainer.advance(steps)
    panel.set_state(config, trainer.weights, trainer.step, trainer.optimizer_state())
    while panel.stepper().phase != UPDATE:
        panel.next_phase()
    return trainer, panel.stepper().math


def _line(panel, head):
    lines = [line.replace("\xa0", " ") for line in panel.current_text().splitlines()]
    found = [line for line in lines if line.startswith(head + " ")]
    assert len(found) == 1, (head, lines)
    return found[0]


def _shows(panel, head, value):
    assert _line(panel, head).endswith("= " + format_number(value)), (head, value)


@pytest.mark.parametrize("hidden", [0, 2])
def test_momentum_shows_each_weights_velocity_and_update(panel, hidden):
    _, m = _at_update(panel, TrainConfig(optimizer="momentum", hidden_nodes=hidden))
    for place in layout(hidden).weights:
        _shows(panel, f"vel[{place.gatelab}] ←", m.moments["velocity"][place.index])
        _shows(panel, f"{place.gatelab} ←", m.after.flat()[place.index])
    assert "Momentum: each weight keeps a velocity" in panel.current_text()


@pytest.mark.parametrize("hidden", [0, 2])
def test_adam_shows_its_moments_their_correction_and_the_update(panel, hidden):
    _, m = _at_update(panel, TrainConfig(optimizer="adam", hidden_nodes=hidden))
    for place in layout(hidden).weights:
        name, k = place.gatelab, place.index
        _shows(panel, f"m[{name}] ←", m.moments["m"][k])
        _shows(panel, f"v[{name}] ←", m.moments["v"][k])
        _shows(panel, f"m̂[{name}] =", m.moments["m_hat"][k])
        _shows(panel, f"v̂[{name}] =", m.moments["v_hat"][k])
        _shows(panel, f"{name} ←", m.after.flat()[k])
    assert m.t == 13  # 3 steps of 4 rows, and this row
    assert "t = 13 counts the updates so far" in panel.current_text()
    assert "0.913" in _line(panel, f"m̂[{layout(hidden).weights[0].gatelab}] =")


def test_the_article_notation_names_the_state_of_the_articles_weights(panel):
    _at_update(panel, TrainConfig(optimizer="adam", hidden_nodes=2))
    panel.set_notation(ARTICLE)
    text = panel.current_text()
    assert "m[wfirst00]" in text.replace("\xa0", " ") and "v̂[wsecond1]" in text
    assert "m[w(1)11]" not in text


def test_the_panels_rows_give_the_trainers_weights_and_state(panel):
    config = TrainConfig(optimizer="adam", hidden_nodes=2, update_order="article")
    trainer = Trainer(config)
    trainer.advance(2)
    panel.set_state(config, trainer.weights, trainer.step, trainer.optimizer_state())
    emitted = []
    panel.weights_updated.connect(lambda *args: emitted.append(args))
    while len(emitted) < 4:
        panel.next_phase()
    trainer.advance(1)
    assert tuple(emitted[-1][0].flat()) == trainer.flat_weights()
    assert panel.stepper().optimizer_state == trainer.optimizer_state()


def test_an_unknown_optimizer_state_past_step_0_is_said_and_not_stepped(panel):
    config = TrainConfig(optimizer="momentum")
    trainer = Trainer(config)
    trainer.advance(5)
    panel.set_state(config, trainer.weights, trainer.step)
    assert not panel.can_step()
    assert "optimizer's state at this step is not known" in panel.current_text()
    panel.set_state(config, Trainer(config).weights, 0)  # a new run's state is zero
    assert panel.can_step()


def test_the_optimizer_is_an_advanced_option_with_a_tooltip(qtbot):
    from gui.controls.advanced_options import AdvancedOptions

    options = AdvancedOptions()
    qtbot.addWidget(options)
    combo = options._combos["optimizer"]
    assert [combo.itemData(i) for i in range(combo.count())] == list(OPTIMIZERS)
    assert "Adam" in combo.toolTip() and "momentum" in combo.toolTip()
    combo.setCurrentIndex(combo.findData("adam"))
    assert options.values()["optimizer"] == "adam"
    options.set_config(TrainConfig(optimizer="momentum"))
    assert combo.currentData() == "momentum"


def test_the_optimizers_read_in_japanese(qapp, qtbot):
    from gui.common.i18n import install_translators
    from gui.controls.advanced_options import AdvancedOptions

    translators = install_translators(qapp, "ja")
    try:
        options = AdvancedOptions()
        qtbot.addWidget(options)
        combo = options._combos["optimizer"]
        assert [combo.itemText(i) for i in range(combo.count())] == ["勾配降下法", "モーメンタム", "Adam"]
        assert "最適化手法" in [label.text() for label in options.findChildren(type(options._header))] + \
            [options._body.layout().labelForField(combo).text()]
        panel = MathPanel()
        qtbot.addWidget(panel)
        panel.set_enabled_for_state("paused")
        _at_update(panel, TrainConfig(optimizer="adam"))
        assert "Adam: 各重みは勾配の移動平均" in panel.current_text()
        _at_update(panel, TrainConfig(optimizer="momentum"))
        assert "モーメンタム: 各重みは速度" in panel.current_text()
    finally:
        for translator in translators:
            qapp.removeTranslator(translator)


@pytest.mark.parametrize("language", ["en", "ja"])
def test_no_formula_line_starts_inside_parentheses_in_a_narrow_panel(qapp, qtbot, panel, language):
    """At 360 pixels a line once ended at "10" and the next began "−8)", or inside
    "(1 + e^−(...))": a parenthesised group stays on one line, lines break around = and /."""
    from PySide6.QtGui import QTextCursor
    from PySide6.QtWidgets import QTextBrowser

    from gui.common.i18n import install_translators

    translators = install_translators(qapp, language)
    try:
        panel.resize(360, 760)
        panel.show()
        checked = 0
        for optimizer in ("sgd", "adam"):
            _at_update(panel, TrainConfig(optimizer=optimizer, hidden_nodes=2))
            for _ in range(4):  # the update, then the next row's forward pass and on
                document = panel.findChild(QTextBrowser).document()
                block = document.begin()
                while block.isValid():
                    text, layout = block.text(), block.layout()
                    formula = text.split(" \xa0 ")[0]  # not a note in words after it
                    cursor = QTextCursor(block)
                    cursor.movePosition(QTextCursor.MoveOperation.NextCharacter)
                    # Formulas are set in a serif face; sentences and the symbols table are not.
                    serif = "Serif" in str(cursor.charFormat().fontFamilies())
                    for k in range(1, layout.lineCount()):
                        start = layout.lineAt(k).textStart()
                        if serif and start < len(formula):
                            depth = text[:start].count("(") - text[:start].count(")")
                            assert depth == 0, (text, text[start:start + 20])
                            checked += 1
                    block = block.next()
                panel.next_phase()
        assert checked > 10  # formulas did wrap at this width, so the check saw breaks
    finally:
        for translator in translators:
            qapp.removeTranslator(translator)
