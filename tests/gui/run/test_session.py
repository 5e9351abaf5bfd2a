"""RunSession: the run's state machine, without a window."""

import json

import numpy as np
import pytest
from PySide6.QtGui import QAction

from core.model.config import TrainConfig
from core.training import states
from gui.run.session import RunSession


@pytest.fixture
def session(qtbot):
    s = RunSession(TrainConfig(steps=200_000, seed=3))
    s.set_speed(2000.0)  # slow enough to act on while it runs
    shown = []
    s.shown.connect(shown.append)
    s.shown_log = shown
    yield s
    s.shutdown()


def wait_idle(qtbot, session, timeout=30000):
    qtbot.waitUntil(lambda: not session.is_running(), timeout=timeout)


def test_actions_waiting_for_the_thread_all_run_in_order(qtbot, session):
    session.train()
    qtbot.waitUntil(lambda: session.state == states.TRAINING)
    done = []
    session.when_stopped(lambda: done.append(("first", session.is_running())))
    session.when_stopped(lambda: done.append(("second", session.is_running())))
    wait_idle(qtbot, session)
    qtbot.waitUntil(lambda: len(done) == 2)
    assert done == [("first", False), ("second", False)]


def test_an_action_that_starts_a_run_keeps_the_rest_waiting_for_it(qtbot, session):
    session.train()
    qtbot.waitUntil(lambda: session.state == states.TRAINING)
    order = []
    session.when_stopped(lambda: (order.append("step"), session.step()))
    session.when_stopped(lambda: order.append(("after", session.trainer.step)))
    qtbot.waitUntil(lambda: len(order) == 1)
    assert session.is_running()  # the step runs in a new thread: the second action waits
    session.stop()
    qtbot.waitUntil(lambda: len(order) == 2)
    assert order[1][1] >= 1


def test_reset_while_training_waits_for_the_thread_then_shows_step_zero(qtbot, session):
    session.train()
    qtbot.waitUntil(lambda: session.trainer.step > 0)
    trained_run = session.trainer.run_id
    messages = []
    session.reset(on_done=lambda: messages.append(session.trainer.step))
    wait_idle(qtbot, session)
    qtbot.waitUntil(lambda: messages == [0])
    last = session.shown_log[-1]
    assert last.step == 0 and last.run != trained_run and session.state == states.IDLE


def test_a_live_change_keeps_the_run_and_others_say_they_need_a_new_one(qtbot, session):
    config = session.config
    assert session.is_live_change(config.with_changes(alpha=2.0, steps=10))
    assert not session.is_live_change(config.with_changes(hidden_nodes=3))
    assert set(session.changed_fields(config.with_changes(hidden_nodes=3, alpha=2.0))) == {
        "hidden_nodes", "alpha"}
    session.step()
    wait_idle_after_step(qtbot, session)
    before = session.trainer.weights.flat()
    session.apply_live(config.with_changes(alpha=2.0))
    assert session.trainer.config.alpha == 2.0
    assert np.array_equal(session.trainer.weights.flat(), before) and session.trainer.step == 1


def wait_idle_after_step(qtbot, session):
    qtbot.waitUntil(lambda: session.trainer.step == 1 and session.state == states.PAUSED)
    session.stop()
    wait_idle(qtbot, session)


def test_edited_is_emitted_by_training_and_by_hand_edits(qtbot, session):
    edits = []
    session.edited.connect(lambda: edits.append(1))
    weights = session.trainer.weights
    changed = type(weights)(weights.hidden + 0.25, weights.output)
    session.edit_weights(changed)
    assert edits and np.array_equal(session.trainer.weights.hidden, changed.hidden)
    assert session.shown_log[-1].weights.hidden[0, 0] == changed.hidden[0, 0]


def test_save_then_reset_while_training_does_both(qtbot, tmp_path):
    """With one waiting slot, the Reset replaced the Save: the file was never written."""
    from PySide6.QtWidgets import QMessageBox

    from gui.shell.main_window import MainWindow

    window = MainWindow(TrainConfig(steps=200_000, seed=3))
    window.files.ask_discard = lambda: QMessageBox.StandardButton.Discard
    qtbot.addWidget(window)
    path = tmp_path / "run.gatelab.json"
    window.files.set_current(str(path))
    window.controller.set_speed(2000.0)
    window.start_training()
    qtbot.waitUntil(lambda: window.session.trainer.step > 50)
    save = next(a for a in window.findChildren(QAction) if a.shortcut().toString() == "Ctrl+S")
    save.trigger()
    window.controls.reset_pressed.emit()
    qtbot.waitUntil(lambda: not window.controller.is_running() and window.session.trainer.step == 0,
                    timeout=30000)
    saved = json.loads(path.read_text())
    assert saved["step"] > 50
    window.close()


def test_a_failing_action_drops_the_rest_so_they_never_run_after_a_later_run(qtbot, session):
    session.train()
    qtbot.waitUntil(lambda: session.state == states.TRAINING)
    ran = []

    def failing():
        raise RuntimeError("injected")

    session.when_stopped(failing)
    session.when_stopped(lambda: ran.append("late"))
    with qtbot.captureExceptions() as exceptions:
        session.stop()
        wait_idle(qtbot, session)
        qtbot.wait(50)
    assert exceptions and "injected" in str(exceptions[0][1])
    session.step()
    qtbot.waitUntil(lambda: session.state == states.PAUSED)
    session.stop()
    wait_idle(qtbot, session)
    assert ran == []


def test_a_reset_queued_before_a_file_opened_does_not_wipe_the_opened_run(qtbot, session):
    from core.training.trainer import Trainer

    session.train()
    qtbot.waitUntil(lambda: session.state == states.TRAINING)
    opened = Trainer(TrainConfig(steps=5000, seed=9))
    opened.advance(1234)
    session.when_stopped(lambda: session.adopt(opened))
    session.reset(session.config.with_changes(hidden_nodes=3))
    wait_idle(qtbot, session)
    qtbot.waitUntil(lambda: session.trainer is opened)
    qtbot.wait(50)
    assert session.trainer is opened and session.trainer.step == 1234
