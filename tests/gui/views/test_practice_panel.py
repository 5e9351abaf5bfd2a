"""PracticePanel: a whole exercise typed in with a slip on the way, the keyboard, the score and
the same sentences as `gatelab practice` in both languages."""

import numpy as np
import pytest
from PySide6.QtCore import Qt

from core.model.config import TrainConfig
from core.model.network import Weights
from core.teaching.exercises import article_exercise, generated_exercise
from core.teaching.practice_numbers import SIGN
from core.teaching.practice_text import WORDS, verdict_text
from core.teaching.row_math import format_number
from gui.views.practice_panel import PracticePanel


@pytest.fixture
def panel(qtbot):
    widget = PracticePanel()
    qtbot.addWidget(widget)
    return widget


def _type(qtbot, panel, text):
    field = panel.answer_field()
    field.setFocus()
    qtbot.keyClicks(field, text)
    qtbot.keyClick(field, Qt.Key.Key_Return)


def test_a_whole_exercise_with_a_slip(panel, qtbot):
    panel.set_exercise("article-xor", row=1)
    exercise = article_exercise("article-xor", 1)
    with qtbot.waitSignals([panel.score_changed] * len(exercise.quantities)):
        for k, quantity in enumerate(exercise.quantities):
            assert panel.prompt_text().startswith(f"{k + 1}/{len(exercise.quantities)}  ")
            assert format_number(quantity.value) not in panel.prompt_text()
            slip = next((v for s, v in quantity.slips if s.kind == SIGN), None)
            if slip is not None:
                _type(qtbot, panel, repr(slip))
                last = panel.current_text().splitlines()[-1]
                assert WORDS["en"]["sign"].split(".")[0] in last
                assert format_number(quantity.value) not in last
            _type(qtbot, panel, repr(quantity.value))
            assert panel.current_text().splitlines()[-1].startswith("Right: ")
    slipped = sum(any(s.kind == SIGN for s, _ in q.slips) for q in exercise.quantities)
    assert slipped > 5
    assert panel.score() == (len(exercise.quantities) - slipped, len(exercise.quantities))
    assert panel.prompt_text().startswith("Done: ")
    assert not panel.answer_field().isEnabled()


def test_hint_and_show_me(panel, qtbot):
    panel.set_exercise("generated")
    first = generated_exercise(0).quantities[0]
    qtbot.mouseClick(panel._hint, Qt.MouseButton.LeftButton)
    assert panel.current_text().splitlines()[-1] == f"Hint: {first.asked.symbol['gatelab']} = " \
        f"{first.asked.formula['gatelab']} = {first.asked.numbers}"
    _type(qtbot, panel, "abc")
    assert panel.current_text().splitlines()[-1] == "Please type a number."
    qtbot.mouseClick(panel._show, Qt.MouseButton.LeftButton)
    assert panel.current_text().splitlines()[-1].endswith(f"= {format_number(first.value)}")
    assert panel.score() == (0, 1)
    assert panel.session().index == 1


def test_the_run_shown(panel, qtbot):
    class Snapshot:
        config = TrainConfig(gate="or", hidden_nodes=3)
        weights = Weights(np.full((3, 3), 0.2), np.full(4, -0.3))
        step, optimizer_state = 12, ()

    panel.update_from(Snapshot())
    panel.set_exercise("run", row=3)
    text = panel.current_text()
    assert "OR gate" in text and "Row [1, 1]" in text and "w(2)4 = −0.3" in text


def test_the_score_is_kept_and_shown(panel):
    panel.set_score(7, 10)
    assert panel.score() == (7, 10)
    assert "7 of 10" in panel._score.text()


def test_every_control_has_a_tooltip(panel):
    for widget in (panel._kind, panel._seed, panel._row, panel._notation, panel._new, panel._answer,
                   panel._check, panel._hint, panel._show, panel._sheet, panel._sheet_count):
        assert widget.toolTip()


def test_the_window_says_what_the_command_line_says(qapp, qtbot):
    """The panel's words are the core's, in English and through the Japanese translation (but for
    the sentences that name the command line's keys)."""
    from gui.common.i18n import install_translators

    own = {"none", "intro", "not_number", "prompt", "score"}
    english = PracticePanel()
    qtbot.addWidget(english)
    words = english._words()
    assert {k: v for k, v in words.items() if k in WORDS["en"] and k not in own} == \
        {k: v for k, v in WORDS["en"].items() if k in words and k not in own}
    translators = install_translators(qapp, "ja")
    try:
        japanese = PracticePanel()
        qtbot.addWidget(japanese)
        words = japanese._words()
        assert {k: v for k, v in words.items() if k in WORDS["ja"] and k not in own} == \
            {k: v for k, v in WORDS["ja"].items() if k in words and k not in own}
        exercise = article_exercise("article-and", 3)
        quantity = exercise.quantities[2]
        value = next(v for s, v in quantity.slips if s.kind == "half_dropped")
        japanese.set_exercise("article-and", row=3)
        for q in exercise.quantities[:2]:
            _type(qtbot, japanese, repr(q.value))
        _type(qtbot, japanese, repr(value))
        assert japanese.current_text().splitlines()[-1] == \
            verdict_text(exercise, quantity, quantity_check(quantity, value), "ja")
    finally:
        for translator in translators:
            qapp.removeTranslator(translator)


def quantity_check(quantity, value):
    from core.teaching.practice import check

    return check(quantity, value)


def test_a_batch_run_is_refused_with_a_reason(panel):
    class Snapshot:
        config = TrainConfig(mode="batch")
        weights = Weights(np.full((3, 2), 0.2), np.full(3, -0.3))
        step, optimizer_state = 5, ()

    panel.update_from(Snapshot())
    panel.set_exercise("run")
    assert "batch mode" in panel.current_text()
    assert not panel.answer_field().isEnabled()
