"""Attacks on the whole window the way real use does: random actions at random moments."""

import random
import subprocess
import sys
from pathlib import Path

import numpy as np
import pytest
from PySide6.QtCore import Qt
from qt_waits import drain_events

from core.model.config import TrainConfig
from core.training import states
from gui.shell.main_window import MainWindow

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture
def window(qtbot):
    w = MainWindow(TrainConfig(steps=20_000))
    w.unsaved.ask = lambda labels, action: "discard"
    qtbot.addWidget(w)
    w.show()
    qtbot.waitExposed(w)
    yield w
    w.close()


def test_200_random_actions_during_training_leave_a_consistent_window(qtbot, window):
    rng = random.Random(20261128)
    c = window.controls
    actions = [
        ("train", c.train_pressed.emit),
        ("step", c.step_pressed.emit),
        ("stop", c.stop_pressed.emit),
        ("reset", c.reset_pressed.emit),
        ("alpha", lambda: c._alpha.setValue(rng.choice([0.05, 0.5, 2.0, 10.0]))),
        ("hidden", lambda: c._hidden.setValue(rng.randint(0, 6))),
        ("gate", lambda: c._gate.setCurrentIndex(rng.randrange(c._gate.count() - 1))),
        ("speed", lambda: c._speed.setValue(rng.randrange(c._speed.maximum() + 1))),
        ("seed", lambda: c._on_new_seed()),
    ]
    for _ in range(200):
        name, act = rng.choice(actions)
        act()
        # The random moments of the attack, not a wait for anything: the next action comes
        # while the last one's effects are still under way, or just after.
        qtbot.wait(rng.choice([0, 1, 5, 20]))
    c.stop_pressed.emit()
    qtbot.waitUntil(lambda: not window.controller.is_running(), timeout=30_000)
    drain_events(qtbot)  # the snapshots and actions queued as the thread ended have run
    # Whatever happened, the window shows one coherent state that matches its own trainer.
    trainer = window.session.trainer
    assert window.state() in (states.IDLE, states.STOPPED, states.FINISHED, states.PAUSED)
    assert trainer.config.hidden_nodes == window.config().hidden_nodes
    assert trainer.config.gate == window.config().gate
    assert window.loss_plot.history().size == trainer.step == trainer.history.values().size
    np.testing.assert_array_equal(window.loss_plot.history(), trainer.history.values())
    shown = window.predictions.cell_text(0, 1)
    assert shown == f"{trainer.predictions()[0]:.2f}"
    # and it still trains normally afterwards
    window.controller.set_speed(0.0)
    c.train_pressed.emit()
    qtbot.waitUntil(lambda: window.state() == states.FINISHED and not window.controller.is_running(),
                    timeout=30_000)


@pytest.mark.parametrize("field", ["_alpha", "_hidden", "_steps", "_seed", "_target_boxes"])
@pytest.mark.parametrize("text", ["abc", "1e999", "-5", "", "0,5", "99999999999999999999", "  "])
def test_garbage_typed_into_numeric_fields_is_refused_or_corrected(qtbot, window, field, text):
    c = window.controls
    if field == "_target_boxes":
        c._gate.setCurrentIndex(c._gate.findData("custom"))
        box = c._target_boxes[1]
    else:
        box = getattr(c, field)
    before = window.config()
    editor = box.lineEdit() if hasattr(box, "lineEdit") else box
    editor.setFocus()
    editor.selectAll()
    qtbot.keyClick(editor, Qt.Key.Key_Delete)
    qtbot.keyClicks(editor, text)
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    editor.clearFocus()
    after = window.config()
    TrainConfig.from_dict(after.to_dict())  # whatever it holds is valid
    if text == "0,5" and field in ("_alpha", "_target_boxes"):
        value = after.alpha if field == "_alpha" else after.targets[1]
        assert value == 0.5  # a comma is a decimal mark, not a reason to round to 0
    elif field == "_alpha":
        assert after.alpha > 0  # never silently 0
    if field == "_seed" and text not in ("",):
        assert after.seed == before.seed or 0 <= after.seed <= 2**32 - 1
    assert window.isVisible()


def test_quitting_mid_training_twenty_times_exits_cleanly():
    for k in range(20):
        how = "close" if k % 2 else "quit"
        result = subprocess.run([sys.executable, "tests/gui/quit_midrun.py", how, str(150 + 37 * k)],
                                cwd=ROOT, capture_output=True, text=True, timeout=60)
        assert result.returncode == 0, (k, result.stderr)
        assert result.stderr.strip() == "", (k, result.stderr)
        assert "running=True" in result.stdout


def test_divergence_at_alpha_100_keeps_the_last_finite_state_everywhere(qtbot, window, tmp_path):
    """ReLU at alpha 100 from huge weights overflows at once: nothing non-finite may show or be saved."""
    import json

    from core.model.network import Weights
    from core.training.trainer import Trainer

    config = TrainConfig(activation="relu", loss="cross-entropy", alpha=100, hidden_nodes=2)
    window.controls.set_config(config)
    window._on_config_edited(config)
    start = Weights(np.full((3, 2), 1e200), np.full(3, 1e200))
    window.network_view.edit_weight(("output", 0), 1e6)  # the hand-edit path, then huge weights
    window.session.trainer.set_weights(start)
    window.controller.set_speed(0.0)
    window.controls.train_pressed.emit()
    qtbot.waitUntil(lambda: window.state() == states.DIVERGED and not window.controller.is_running())
    assert "diverged at step 1" in window.notice.text().lower()
    assert window.session.trainer.weights.equals(start)  # the last finite state is kept
    texts = [window.predictions.cell_text(r, c) for r in range(4) for c in range(4)]
    texts += window.status_line.texts() + [window.notice.text()]
    assert not any(bad in text.lower() for text in texts for bad in ("nan", "inf"))
    path = tmp_path / "diverged.gatelab.json"
    assert window.files.save(window.session.trainer, str(path))
    saved = path.read_text()
    assert "NaN" not in saved and "Infinity" not in saved
    json.loads(saved)
    assert Trainer(config).config.alpha == 100
