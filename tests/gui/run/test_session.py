"""RunSession: the run's state machine, without a window."""

import json
import threading

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


@pytest.fixture
def overflowing():
    """A session showing a run whose first step overflows (ReLU, cross-entropy, alpha 100,
    weights 1e200): it diverges at step 1. Its notices are kept in `notices`."""
    from core.model.network import Weights
    from core.training.trainer import Trainer

    s = RunSession(TrainConfig(activation="relu", loss="cross-entropy", alpha=100))
    s.notices = []
    s.notice.connect(s.notices.append)
    run = Trainer(s.config)
    run.set_weights(Weights(np.full((3, 2), 1e200), np.full(3, 1e200)))
    s.adopt(run)
    yield s
    s.shutdown()


def diverge(qtbot, session):
    session.train()
    qtbot.waitUntil(lambda: session.state == states.DIVERGED and not session.is_running(), timeout=20000)


def with_output_weight(session, value):
    """The weights shown, the first output weight set to `value` (a hand edit)."""
    from core.model.network import Weights

    weights = session.trainer.weights
    return Weights(weights.hidden, np.concatenate([[value], weights.output[1:]]))


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

    from gui.shell.main_window import MainWindow

    window = MainWindow(TrainConfig(steps=200_000, seed=3))
    window.unsaved.ask = lambda labels, action: "discard"
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
        qtbot.waitUntil(lambda: bool(exceptions))  # the failing action raised
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
    after_all = []
    session.when_stopped(lambda: after_all.append(True))  # queued behind the reset
    wait_idle(qtbot, session)
    qtbot.waitUntil(lambda: bool(after_all))  # so the reset has had its turn
    assert session.trainer is opened and session.trainer.step == 1234


# -- the timeline: any recorded step, branching off, one more step, undo ------------------
@pytest.fixture
def finished(qtbot):
    """A session whose 2000-step run has finished."""
    s = RunSession(TrainConfig(steps=2000, seed=3))
    shown, notices = [], []
    s.shown.connect(shown.append)
    s.notice.connect(notices.append)
    s.shown_log, s.notices = shown, notices
    s.set_speed(0.0)
    s.train()
    qtbot.waitUntil(lambda: not s.is_running() and s.state == states.FINISHED, timeout=30000)
    yield s
    s.shutdown()


def test_a_past_step_puts_the_views_at_that_steps_exact_state(finished):
    run = finished.trainer
    finished.show_step(700)
    past = finished.shown_log[-1]
    assert (past.step, past.live_step, len(past.losses)) == (700, 2000, 2000)
    assert past.weights.equals(run.state_at(700).weights)
    np.testing.assert_array_equal(past.predictions, Trainer_at(700).predictions())
    assert finished.viewing == 700 and run.step == 2000
    finished.back_to_live()
    assert finished.shown_log[-1].step == 2000 and finished.shown_log[-1].live_step is None
    assert finished.viewing is None


def Trainer_at(step):  # noqa: N802 - reads as the trainer it builds
    from core.training.trainer import Trainer

    trainer = Trainer(TrainConfig(steps=2000, seed=3))
    trainer.advance(step)
    return trainer


def test_a_pick_outside_the_run_is_held_to_its_steps(finished):
    finished.show_step(-50)
    assert finished.shown_log[-1].step == 0
    finished.show_step(10**9)  # past the end: the present
    assert finished.viewing is None and finished.shown_log[-1].live_step is None


def test_looking_at_the_past_does_not_stop_training_and_the_view_stays(qtbot, session):
    session.train()
    qtbot.waitUntil(lambda: bool(session.shown_log) and session.shown_log[-1].step > 100)
    since = len(session.shown_log)
    session.show_step(40)
    seen = session.shown_log[-1].live_step
    qtbot.waitUntil(lambda: session.shown_log[-1].live_step > seen + 300, timeout=20000)
    assert session.is_running() and session.state == states.TRAINING
    assert len(session.shown_log) - since >= 2 and all(s.step == 40 for s in session.shown_log[since:])
    assert session.shown_log[-1].weights.equals(session.trainer.state_at(40).weights)


def test_train_from_a_past_step_branches_off_and_keeps_the_original(qtbot, finished):
    original = finished.trainer
    end = original.weights.copy()
    finished.show_step(700)
    finished.train()
    qtbot.waitUntil(lambda: finished.trainer is not original and not finished.is_running()
                    and finished.state == states.FINISHED, timeout=30000)
    branch = finished.trainer
    assert branch.branched_from == (original.run_id, 700) and original in finished.runs
    assert original.step == 2000 and original.weights.equals(end)
    assert branch.weights.equals(end)  # the same settings from the same state: the same end
    assert branch.state_at(100).weights.equals(original.state_at(100).weights)
    assert any("branches off at step 700" in n for n in finished.notices)


def test_an_alpha_typed_while_looking_at_the_past_is_the_branchs(qtbot, finished):
    original = finished.trainer
    finished.show_step(500)
    finished.apply_live(finished.config.with_changes(alpha=2.0))
    assert original.config.alpha == 0.5  # the run it came from is untouched
    finished.step()
    qtbot.waitUntil(lambda: finished.trainer is not original and finished.trainer.step == 501)
    finished.stop()
    wait_idle(qtbot, finished)
    assert finished.trainer.config.alpha == 2.0 and finished.trainer.state_at(500).config.alpha == 2.0
    assert finished.trainer.state_at(499).config.alpha == 0.5


def test_back_to_live_forgets_an_alpha_typed_for_a_branch_not_made(finished):
    changed = []
    finished.config_changed.connect(changed.append)
    finished.show_step(500)
    finished.apply_live(finished.config.with_changes(alpha=2.0))
    finished.back_to_live()
    assert finished.config.alpha == 0.5 and changed[-1].alpha == 0.5


def test_step_on_a_finished_run_takes_one_more_step_of_the_same_run(qtbot, finished):
    """Step once reset the finished run to step 1 of the same seed, without a word."""
    run = finished.trainer
    finished.step()
    qtbot.waitUntil(lambda: run.step == 2001)
    finished.stop()
    wait_idle(qtbot, finished)
    assert finished.trainer is run and run.config.steps == 2001
    reference = Trainer_at(2000)
    reference.set_steps(2001)
    reference.advance(1)
    assert run.weights.equals(reference.weights)
    assert any("One more step" in n for n in finished.notices)


def test_a_new_alpha_after_a_run_has_finished_is_for_the_next_run(qtbot, finished):
    """It was written into the finished run's settings: run 1 trained at 0.5 read "alpha 2"."""
    run = finished.trainer
    assert finished.apply_live(finished.config.with_changes(alpha=2.0)) is False
    assert run.config.alpha == 0.5 and "for the next run" in finished.notices[-1]
    assert "alpha 0.5" in finished.run_label(run)
    finished.step()  # one more step of the same run, at the alpha now in the controls
    qtbot.waitUntil(lambda: run.step == 2001)
    finished.stop()
    wait_idle(qtbot, finished)
    reference = Trainer_at(2000)
    reference.set_steps(2001)
    reference.set_alpha(2.0)
    reference.advance(1)
    assert run.weights.equals(reference.weights)
    finished.apply_live(finished.config.with_changes(steps=3000))  # more steps: it goes on
    assert finished.trainer is run and run.config.steps == 3000


def test_step_on_a_diverged_run_says_why_not(qtbot, overflowing):
    s, trainer = overflowing, overflowing.trainer
    diverge(qtbot, s)
    s.step()
    assert s.trainer is trainer and trainer.step == 0 and not s.is_running()
    assert "diverged at step 1" in s.notices[-1]


def test_undo_puts_back_the_weights_from_before_a_hand_edit(finished):
    finished.edit_weights(finished.trainer.weights.copy())  # a finished run's edit: a branch
    run = finished.trainer
    before = run.weights.copy()
    finished.edit_weights(type(before)(before.hidden + 1.0, before.output))
    assert not run.weights.equals(before)
    finished.undo_edit()
    assert run.weights.equals(before) and finished.notices[-1] == "Undid the weight edit."
    finished.undo_edit()  # the edit that made the branch
    assert finished.trainer is not run
    finished.undo_edit()
    assert finished.notices[-1].startswith("Nothing to undo")


def test_undoing_the_edit_of_a_finished_run_shows_it_again_and_drops_the_branch(finished):
    run = finished.trainer
    before = run.weights.copy()
    finished.edit_weights(type(before)(before.hidden + 1.0, before.output))
    branch = finished.trainer
    assert branch is not run and branch in finished.runs
    finished.undo_edit()  # the branch began with the edit: nothing of it is left
    assert finished.trainer is run and branch not in finished.runs
    assert run.weights.equals(before) and finished.state == states.FINISHED
    assert finished.notices[-1] == "Undid the weight edit: run 1 is shown as it trained."
    finished.train()  # as after any end: a new run from the seed
    assert finished.trainer is not run and finished.trainer.branched_from is None
    assert finished.trainer.record.state_at(0).weights.equals(run.initial_weights)


def test_after_editing_a_finished_run_alpha_step_and_a_past_step_leave_it_as_it_trained(
        qtbot, finished):
    """The edit stayed on the finished run: Step wrote the edited weights into its step 2,000,
    a past step's branch left them there, and a new alpha said Train would start from the seed."""
    run = finished.trainer
    trained = run.weights.copy()
    edited = type(trained)(trained.hidden + 1.0, trained.output)
    finished.edit_weights(edited)
    branch = finished.trainer
    assert finished.apply_live(finished.config.with_changes(alpha=2.0)) is True  # the branch's
    assert branch.config.alpha == 2.0 and run.config.alpha == 0.5
    finished.step()
    qtbot.waitUntil(lambda: branch.step == 2001, timeout=30000)
    assert branch.state_at(2000).weights.equals(edited)
    finished.show_step(1000)
    finished.train()
    qtbot.waitUntil(lambda: finished.trainer not in (run, branch), timeout=30000)
    finished.stop()
    qtbot.waitUntil(lambda: not finished.is_running(), timeout=30000)
    assert run.step == 2000 and run.weights.equals(trained)
    assert run.state_at(2000).weights.equals(trained)


def test_a_hand_edit_on_a_past_step_edits_a_branch(finished):
    original = finished.trainer
    finished.show_step(300)
    past = original.state_at(300).weights
    finished.edit_weights(type(past)(past.hidden, past.output + 0.5))
    assert finished.trainer is not original and finished.trainer.branched_from == (original.run_id, 300)
    assert original.step == 2000 and finished.trainer.step == 300
    np.testing.assert_array_equal(finished.trainer.weights.output, past.output + 0.5)


# -- found in review: the past and the live run never mix ------------------------------------
def paused_at(qtbot, session, steps):
    for _ in range(steps):
        session.step()
    qtbot.waitUntil(lambda: session.trainer.step == steps and session.state == states.PAUSED,
                    timeout=20000)


def test_an_edit_on_a_past_step_while_paused_branches_and_leaves_the_live_run(qtbot, session):
    paused_at(qtbot, session, 30)
    live = session.trainer
    session.show_step(10)
    past = live.state_at(10).weights
    session.edit_weights(type(past)(past.hidden, past.output + 1.0))
    qtbot.waitUntil(lambda: session.trainer is not live, timeout=10000)
    assert live.step == 30 and not live.weights.equals(type(past)(past.hidden, past.output + 1.0))
    assert session.trainer.branched_from == (live.run_id, 10)
    np.testing.assert_array_equal(session.trainer.weights.output, past.output + 1.0)


def test_two_steps_from_the_past_before_the_thread_stops_branch_once(qtbot, session):
    paused_at(qtbot, session, 20)
    session.show_step(5)
    session.step()
    session.step()  # pressed again while the paused thread is still ending
    after_all = []
    session.when_stopped(lambda: after_all.append(True))  # queued behind both steps
    qtbot.waitUntil(lambda: session.trainer.branched_from is not None
                    and session.trainer.step >= 6, timeout=10000)
    session.stop()
    wait_idle(qtbot, session)
    qtbot.waitUntil(lambda: bool(after_all))  # so the second step has had its turn
    assert len(session.runs) == 2 and not session.is_running()


def test_listing_a_run_past_the_limit_keeps_the_run_shown(finished):
    from core.training.trainer import Trainer
    from gui.run.session import RUNS_KEPT

    shown = finished.trainer
    for seed in range(RUNS_KEPT):
        finished.add_run(Trainer(TrainConfig(steps=10, seed=seed)))
    assert shown in finished.runs and len(finished.runs) == RUNS_KEPT


def test_the_timeline_right_after_a_branch_stays_within_the_branch(qtbot, finished):
    finished.show_step(1000)
    finished.step()  # a branch at 1000, one step
    qtbot.waitUntil(lambda: finished.trainer.step == 1001, timeout=10000)
    finished.stop()
    wait_idle(qtbot, finished)
    finished.show_step(1900)  # beyond the branch: held to its last step, no error
    assert finished.viewing is None and finished.shown_log[-1].step == 1001


def test_a_step_a_damaged_record_cannot_rebuild_is_refused_with_a_notice(finished, monkeypatch):
    run = finished.trainer

    def broken(step):
        raise ValueError("the run record does not replay to step 5")

    monkeypatch.setattr(run, "state_at", broken)
    finished.show_step(5)
    assert finished.viewing is None and "cannot be shown" in finished.notices[-1]


# -- review fixes: opened runs, finished runs, the runs lent to the compare window ----------
def test_a_past_step_of_a_run_opened_from_a_file_is_shown(qtbot, tmp_path):
    """Its weight path starts at the saved step: a step before it raised in make_snapshot,
    yet the session was left "viewing" it, so the next Train branched from an unseen step."""
    from core.io import experiment as ex
    from core.training.trainer import Trainer

    run = Trainer(TrainConfig(steps=2000, seed=3))
    run.run()
    ex.save(tmp_path / "run.gatelab.json", run)
    opened = ex.restore_trainer(ex.read(tmp_path / "run.gatelab.json"))
    s = RunSession(TrainConfig())
    shown = []
    s.shown.connect(shown.append)
    s.adopt(opened)
    s.show_step(500)
    assert s.viewing == 500 and shown[-1].step == 500 and shown[-1].path[1].shape[0] == 0
    assert shown[-1].weights.equals(run.state_at(500).weights)
    s.shutdown()


def test_a_run_that_ended_early_keeps_its_settings_too(qtbot):
    """Only a completed run kept them: one ended by its target loss took the new alpha."""
    s = RunSession(TrainConfig(steps=100_000, seed=3, target_loss=0.3))
    notices = []
    s.notice.connect(notices.append)
    s.set_speed(0.0)
    s.train()
    qtbot.waitUntil(lambda: not s.is_running() and s.state == states.FINISHED, timeout=30000)
    run = s.trainer
    assert run.outcome.reason == "target_loss" and run.step < 100_000
    assert s.apply_live(s.config.with_changes(alpha=2.0)) is False
    assert run.config.alpha == 0.5 and "for the next run" in notices[-1]
    assert s.apply_live(s.config.with_changes(steps=200_000)) is False  # it ended: no more steps
    s.shutdown()


def test_a_run_lent_to_the_compare_window_is_not_trimmed_from_the_list(qtbot):
    from gui.run.session import RUNS_KEPT, session_trainer

    s = RunSession(TrainConfig(steps=10))
    lent = session_trainer(TrainConfig(steps=10, alpha=2.0))
    s.add_run(lent, elsewhere=True)
    shown = session_trainer(TrainConfig(steps=10, alpha=3.0))  # shown there, not trained
    s.add_run(shown)
    s.lend([shown])
    for k in range(RUNS_KEPT + 3):
        s.add_run(session_trainer(TrainConfig(steps=10, seed=k + 10)))
    assert lent in s.runs and shown in s.runs and len(s.runs) == RUNS_KEPT
    s.give_back([lent, shown])
    s.add_run(session_trainer(TrainConfig(steps=10, seed=99)))
    assert lent not in s.runs  # given back, the oldest with nothing to lose goes again
    s.shutdown()


def test_a_training_thread_is_freed_once_it_has_ended(qtbot):
    """The thread's finished signal held the thread itself: every run's QThread lived on."""
    import gc
    import weakref

    s = RunSession(TrainConfig(steps=300))
    s.set_speed(0.0)
    threads = []
    for _ in range(3):
        s.reset()
        s.train()
        qtbot.waitUntil(s.is_running, timeout=10000)
        threads.append(weakref.ref(s.controller._thread))
        wait_idle(qtbot, s)

    def all_freed() -> bool:
        gc.collect()
        return all(ref() is None for ref in threads)

    qtbot.waitUntil(all_freed)  # the events queued as each run ended have had their turn
    s.shutdown()


def test_edited_settings_go_to_the_run_or_make_a_new_one_from_the_seed(qtbot):
    """The config-edit policy is the session's: alpha and steps are the run's to take as it
    goes; any other setting is a new run, and the window's note (the file left) is added."""
    s = RunSession(TrainConfig(steps=300, seed=3), use_engine=False)
    notices = []
    s.notice.connect(notices.append)
    first = s.trainer
    s.edit_config(s.config.with_changes(alpha=2.0, steps=400), lambda: "not asked")
    assert s.trainer is first and first.config.alpha == 2.0 and first.config.steps == 400
    assert notices == ["Alpha 2, steps 400: applied to the run."]
    s.edit_config(s.config.with_changes(hidden_nodes=3), lambda: "The file stays.")
    assert s.trainer is not first and s.trainer.config.hidden_nodes == 3 and s.trainer.step == 0
    assert notices[-1].startswith("Settings changed (") and notices[-1].endswith(
        "the network was reset. The file stays.")
    s.shutdown()


def test_a_switch_between_gate_and_function_names_only_the_settings_chosen(qtbot):
    """The targets follow from the gate or function, and a gate has no tolerance (#28); the
    settings a switch brings are the control panel's note to say, so the message names only
    the choice (with all of them it ran past a laptop's status bar)."""
    s = RunSession(TrainConfig(steps=300, seed=3), use_engine=False)
    notices = []
    s.notice.connect(notices.append)
    s.edit_config(s.config.with_changes(gate="function", function="ridge", grid=5, hidden_nodes=24))
    qtbot.waitUntil(lambda: len(notices) == 1)
    assert notices[-1] == "Settings changed (Function): the network was reset."
    s.edit_config(s.config.with_changes(gate="and", hidden_nodes=2))
    qtbot.waitUntil(lambda: len(notices) == 2)
    assert notices[-1] == "Settings changed (Gate): the network was reset."
    s.edit_config(s.config.with_changes(gate="xor", hidden_nodes=3))
    qtbot.waitUntil(lambda: len(notices) == 3)
    assert notices[-1] == "Settings changed (Gate, Hidden nodes): the network was reset."
    s.shutdown()


FUNCTION_RUN = TrainConfig(function="ridge", grid=5, hidden_nodes=4, steps=200_000, seed=3)


@pytest.mark.parametrize("past", [False, True], ids=["present", "past-step"])
def test_a_new_tolerance_while_paused_judges_the_step_shown_at_once(qtbot, past):
    s = RunSession(FUNCTION_RUN)
    shown = []
    s.shown.connect(shown.append)
    try:
        s.set_speed(2000.0)
        s.train()
        qtbot.waitUntil(lambda: s.state == states.TRAINING and s.live_step() > 20, timeout=30000)
        s.train_or_pause()
        qtbot.waitUntil(lambda: s.state == states.PAUSED and shown[-1].state == states.PAUSED)
        if past:
            s.show_step(10)
            assert shown[-1].step == 10 and shown[-1].config.tolerance == 0.05
        s.edit_config(s.config.with_changes(tolerance=0.4))
        qtbot.waitUntil(lambda: shown[-1].config.tolerance == 0.4, timeout=10000)
        assert shown[-1].step == (10 if past else s.live_step()) and s.is_running()
    finally:
        s.shutdown()


def test_a_branch_from_a_past_step_keeps_the_tolerance_in_force(qtbot):
    s = RunSession(FUNCTION_RUN.with_changes(steps=200), use_engine=False)
    try:
        s.set_speed(0.0)
        s.train()
        qtbot.waitUntil(lambda: not s.is_running() and s.state == states.FINISHED, timeout=30000)
        s.show_step(100)
        s.edit_config(s.config.with_changes(tolerance=0.3))
        origin = s.trainer
        s.train()
        qtbot.waitUntil(lambda: s.trainer is not origin and not s.is_running(), timeout=30000)
        assert s.trainer.branched_from == (origin.run_id, 100)
        assert s.trainer.config.tolerance == 0.3 and s.config.tolerance == 0.3
    finally:
        s.shutdown()


# -- optimizers: a row of the math panel moves the optimizer's state with the weights -------
@pytest.mark.parametrize("optimizer", ["momentum", "adam"])
def test_a_math_panel_step_carries_the_optimizers_state_into_the_run(qtbot, optimizer):
    from core.teaching.row_math import RowStepper
    from core.training.trainer import Trainer

    config = TrainConfig(steps=50, seed=3, optimizer=optimizer)
    s = RunSession(config)
    try:
        s.set_speed(0.0)
        s.train()
        qtbot.waitUntil(lambda: not s.is_running() and s.state == states.FINISHED, timeout=30000)
        run = s.trainer
        before = run.optimizer_state()
        assert any(before)  # 50 steps in, the state is not zero
        stepper = RowStepper(run.config, run.weights, run.step, before)
        update = next(u for u in stepper.updates() if u.step_completed)  # the four rows of one step
        s.apply_row_update(stepper.weights, True, stepper.last_step_loss, stepper.optimizer_state)
        finished, run = run, s.trainer  # the finished run stays as it was: a branch takes the step
        assert run.branched_from == (finished.run_id, 50) and finished.step == 50
        assert run.step == 51 and run.optimizer_state() == tuple(stepper.optimizer_state)
        # the same as a step of the trainer's own (the kernels): one step is one step
        same = Trainer(config.with_changes(steps=51))
        same.advance(51)
        assert same.flat_state() == run.flat_state()
        assert update.weights.equals(run.weights)
        # the past step rebuilt from the record has it too
        assert run.state_at(51).optimizer_state == run.optimizer_state()
    finally:
        s.shutdown()


def test_after_a_math_panel_row_an_earlier_hand_edit_is_no_longer_undone(qtbot):
    """Undo put back the weights from before the edit and left the row's optimizer state."""
    from core.teaching.row_math import RowStepper

    s = RunSession(TrainConfig(steps=50, seed=3, optimizer="adam"), use_engine=False)
    notices = []
    s.notice.connect(notices.append)
    try:
        run = s.trainer
        edited = run.weights.flat().copy()
        edited[0] += 0.5
        s.edit_weights(type(run.weights).from_flat(edited, 2))
        row = next(RowStepper(run.config, run.weights, run.step, run.optimizer_state()).updates())
        s.apply_row_update(row.weights, False, float("nan"), row.optimizer_state)
        s.undo_edit()
        assert run.weights.equals(row.weights) and run.optimizer_state() == tuple(row.optimizer_state)
        assert notices and notices[-1].startswith("Nothing to undo")
    finally:
        s.shutdown()


@pytest.fixture
def left_its_loop(monkeypatch):
    """An event set once a training thread has run its worker to the end (set before the
    thread's end reaches the GUI thread, which is what the session learns from)."""
    from gui.run.training_worker import TrainingWorker

    left, loop = threading.Event(), TrainingWorker._loop

    def loop_then_tell(worker):
        try:
            loop(worker)
        finally:
            left.set()

    monkeypatch.setattr(TrainingWorker, "_loop", loop_then_tell)
    return left


def _until_the_thread_leaves_its_loop(session, start, left):
    """start() starts the run; this waits, without handing the GUI thread's events on, until the
    training thread has run its last step and left its loop: the session still takes the run to
    be training (the thread's end is queued for this thread)."""
    start()
    assert left.wait(60), "the run did not end"
    assert session.is_running() and session.trainer.finished


@pytest.mark.parametrize("more_steps", [True, False])
def test_alpha_and_steps_asked_as_the_run_ends_are_not_lost(qtbot, more_steps, left_its_loop):
    """The thread can leave its loop before a change reaches it: a completed run given more
    steps trains on with the new alpha, as it would have a moment before; given fewer, the
    finished run keeps its settings and says the next run takes them."""
    s = RunSession(TrainConfig(steps=100, seed=3), use_engine=False)
    notices = []
    s.notice.connect(notices.append)
    try:
        _until_the_thread_leaves_its_loop(s, s.train, left_its_loop)
        s.edit_config(s.config.with_changes(alpha=0.7, steps=300 if more_steps else 40))
        if more_steps:
            qtbot.waitUntil(lambda: s.trainer.step == 300 and not s.is_running(), timeout=60000)
            assert s.trainer.config.alpha == 0.7 and s.state == states.FINISHED
            assert len(s.trainer.history) == 300
        else:
            qtbot.waitUntil(lambda: not s.is_running() and any("next run" in n for n in notices))
            assert s.trainer.step == 100 and s.trainer.config.alpha == 0.5
            assert s.config.alpha == 0.7 and s.config.steps == 40  # the next run's
    finally:
        s.shutdown()


def test_more_steps_asked_as_a_stepped_run_ends_wait_for_the_next_step(qtbot, left_its_loop):
    s = RunSession(TrainConfig(steps=1, seed=3), use_engine=False)
    try:
        _until_the_thread_leaves_its_loop(s, s.step, left_its_loop)  # the run's one step, by hand
        s.edit_config(s.config.with_changes(steps=50))
        qtbot.waitUntil(lambda: not s.is_running() and s.trainer.config.steps == 50)
        assert s.trainer.step == 1 and not s.trainer.finished  # taken, and still stepped by hand
    finally:
        s.shutdown()


def test_closing_as_more_steps_are_asked_starts_no_training(qtbot, left_its_loop):
    s = RunSession(TrainConfig(steps=100, seed=3), use_engine=False)
    _until_the_thread_leaves_its_loop(s, s.train, left_its_loop)
    s.edit_config(s.config.with_changes(steps=300))
    s.forget_waiting()  # the window closing
    assert s.shutdown()
    assert not s.is_running() and s.trainer.step == 100
    assert s.trainer.config.steps == 300  # taken: if the quit is cancelled, Train goes on


def test_stop_pressed_as_more_steps_are_asked_keeps_the_run_stopped(qtbot, left_its_loop):
    s = RunSession(TrainConfig(steps=100, seed=3), use_engine=False)
    try:
        _until_the_thread_leaves_its_loop(s, s.train, left_its_loop)
        s.edit_config(s.config.with_changes(steps=300))
        s.stop()
        qtbot.waitUntil(lambda: not s.is_running() and s.trainer.config.steps == 300)
        assert s.trainer.step == 100
    finally:
        s.shutdown()


def test_a_save_waiting_for_the_thread_sees_the_late_settings(qtbot, left_its_loop):
    s = RunSession(TrainConfig(steps=100, seed=3), use_engine=False)
    try:
        _until_the_thread_leaves_its_loop(s, s.train, left_its_loop)
        s.edit_config(s.config.with_changes(alpha=0.7, steps=300))
        seen = []
        s.when_stopped(lambda: seen.append((s.trainer.config.steps, s.trainer.config.alpha)))
        qtbot.waitUntil(lambda: bool(seen) and not s.is_running())
        assert seen == [(300, 0.7)] and s.trainer.step == 100
    finally:
        s.shutdown()


def test_a_row_of_the_math_on_a_finished_run_goes_to_a_branch(finished):
    """The step-by-step math's Next, on a run that stopped at its target loss (Next stays on
    before the planned last step), changed that run's end in place."""
    run = finished.trainer
    trained = run.weights.copy()
    moved = type(trained)(trained.hidden + 0.25, trained.output)
    finished.apply_row_update(moved, False, 0.0)
    branch = finished.trainer
    assert branch is not run and branch.branched_from == (run.run_id, 2000)
    assert branch.weights.equals(moved)
    assert run.weights.equals(trained) and run.state_at(2000).weights.equals(trained)
    assert finished.notices[-1] == ("The step-by-step math goes on in a new run that branches off "
                                    "at step 2,000: run 1 is kept as it trained.")


def test_undoing_the_edit_keeps_a_branch_that_was_named(finished):
    run = finished.trainer
    finished.edit_weights(type(run.weights)(run.weights.hidden + 1.0, run.weights.output))
    branch = finished.trainer
    finished.rename_run(branch.run_id, "my edit")
    finished.undo_edit()
    assert finished.trainer is run and branch in finished.runs  # a name: the user keeps it


def test_the_run_an_edit_branches_off_is_not_trimmed_from_a_full_list(finished):
    from core.training.trainer import Trainer
    from gui.run.session import RUNS_KEPT

    run = finished.trainer
    finished.mark_saved([run], "run.gatelab.json")  # saved: a run the list may trim
    for seed in range(RUNS_KEPT - 1):
        finished.add_run(Trainer(TrainConfig(steps=10, seed=seed)))
    assert len(finished.runs) == RUNS_KEPT
    finished.edit_weights(type(run.weights)(run.weights.hidden + 1.0, run.weights.output))
    assert run in finished.runs and len(finished.runs) == RUNS_KEPT
    assert "run 1 is kept as it trained" in finished.notices[-1]
    finished.undo_edit()
    assert finished.trainer is run


def test_an_edit_as_a_finished_runs_thread_winds_down_goes_to_a_branch(qtbot):
    """The views show a run finished a moment before its thread has ended: an edit then went to
    the ending thread, not to a branch."""
    s = RunSession(TrainConfig(steps=300, seed=3))
    edited, seen = [], []

    def on_shown(snapshot):  # the first view of the finished run, as the diagram gets it
        if snapshot.state == states.FINISHED and not edited:
            seen.append(s.is_running())
            trained = s.trainer.weights.copy()
            edited.append((s.trainer, trained, type(trained)(trained.hidden + 1.0, trained.output)))
            s.edit_weights(edited[0][2])

    try:
        s.shown.connect(on_shown)
        s.set_speed(0.0)
        s.train()
        qtbot.waitUntil(lambda: bool(edited) and not s.is_running(), timeout=30000)
        run, trained, weights = edited[0]
        assert seen == [True]  # the thread had not yet ended
        qtbot.waitUntil(lambda: s.trainer is not run, timeout=30000)
        assert s.trainer.weights.equals(weights) and s.trainer.branched_from == (run.run_id, 300)
        assert run.weights.equals(trained)
    finally:
        s.shutdown()


def test_a_deleted_runs_number_is_never_given_to_another_run(finished):
    """Deleting run 3 then adding a run made a second "run 3": notes and the compare window's
    "run 3" then meant two runs."""
    from core.training.trainer import Trainer

    numbers = []
    finished.runs_changed.connect(lambda infos: numbers.append({i.run_id: i.number for i in infos}))
    second, third = (Trainer(TrainConfig(steps=10, seed=seed)) for seed in (7, 8))
    finished.add_run(second)
    finished.add_run(third)
    assert numbers[-1] == {finished.trainer.run_id: 1, second.run_id: 2, third.run_id: 3}
    finished.delete_run(third.run_id)
    fourth = Trainer(TrainConfig(steps=10, seed=9))
    finished.add_run(fourth)
    assert numbers[-1] == {finished.trainer.run_id: 1, second.run_id: 2, fourth.run_id: 4}


def test_an_alpha_typed_while_training_is_said_applied_once_the_thread_has_taken_it(qtbot, session):
    notices = []
    session.notice.connect(notices.append)
    session.train()
    qtbot.waitUntil(session.is_running)
    session.edit_config(session.config.with_changes(alpha=2.0))
    assert notices == []  # asked of the thread: not yet said
    qtbot.waitUntil(lambda: notices == ["Alpha 2, steps 200,000: applied to the run."])
    assert session.is_running() and session.trainer.config.alpha == 2.0
    session.stop()
    wait_idle(qtbot, session)
    assert len(notices) == 1


def test_an_alpha_the_run_ends_before_taking_is_said_once_for_the_next_run(qtbot, monkeypatch):
    """It said "applied to the run", then, as the run finished without it, "for the next run"."""
    s = RunSession(TrainConfig(steps=300, seed=3))
    notices = []
    s.notice.connect(notices.append)
    monkeypatch.setattr(s.controller, "set_alpha", lambda alpha: None)  # it never arrives in time
    s.set_speed(200.0)
    s.train()
    qtbot.waitUntil(s.is_running)
    s.edit_config(s.config.with_changes(alpha=2.0))
    wait_idle(qtbot, s)
    assert s.trainer.config.alpha == 0.5 and s.state == states.FINISHED
    assert len(notices) == 1 and notices[0].startswith("Alpha 2, steps 300: for the next run")
    s.shutdown()


def test_an_alpha_typed_while_paused_is_said_applied_at_once_and_only_once(qtbot, session):
    """A paused thread takes it before its next step but sends nothing until then: the
    status bar stayed silent."""
    notices = []
    session.notice.connect(notices.append)
    session.train()
    qtbot.waitUntil(lambda: session.state == states.TRAINING)
    session.train_or_pause()  # the Train button, as Pause
    qtbot.waitUntil(lambda: session.state == states.PAUSED)
    session.edit_config(session.config.with_changes(alpha=2.0))
    assert notices == ["Alpha 2, steps 200,000: applied to the run."]
    session.train_or_pause()  # on again: its snapshots now carry alpha 2
    qtbot.waitUntil(lambda: session.live_snapshot().config.alpha == 2.0)
    session.stop()
    wait_idle(qtbot, session)
    assert notices == ["Alpha 2, steps 200,000: applied to the run."]


def test_an_alpha_typed_as_a_stepped_run_finishes_is_said_once_for_the_next_run(qtbot):
    """A Step starts its thread paused: an alpha typed as the last Step ended was said applied
    at once, then "for the next run"."""
    s = RunSession(TrainConfig(steps=3, seed=3))
    notices = []
    s.notice.connect(notices.append)
    typed = []

    def type_alpha_when_finished(snapshot):
        if snapshot.state == states.FINISHED and s.is_running() and not typed:
            typed.append(True)
            s.edit_config(s.config.with_changes(alpha=2.0))

    s.shown.connect(type_alpha_when_finished)
    for k in range(1, 4):
        s.step()
        qtbot.waitUntil(lambda k=k: s.live_snapshot() is not None and s.live_snapshot().step == k)
    wait_idle(qtbot, s)
    assert typed, "the thread had ended before its FINISHED snapshot was shown"
    assert len(notices) == 1 and "for the next run" in notices[0], notices
    s.shutdown()


def test_undo_does_not_change_a_run_that_diverged_after_the_edit(qtbot, overflowing):
    """Edit, then Step: the run diverged, its step count unmoved, and Ctrl+Z put the old weight
    into the diverged run (its banner still up)."""
    s = overflowing
    s.edit_weights(with_output_weight(s, 0.5))
    s.step()
    qtbot.waitUntil(lambda: s.state == states.DIVERGED and not s.is_running(), timeout=20000)
    assert s.trainer.step == 0
    s.undo_edit()
    assert s.trainer.weights.output[0] == 0.5 and s.notices[-1].startswith("Nothing to undo")


def test_a_diverged_run_says_what_can_follow_it_not_a_step_it_refuses(qtbot, overflowing):
    s, trainer, notices = overflowing, overflowing.trainer, overflowing.notices
    diverge(qtbot, s)
    s.edit_config(s.config.with_changes(alpha=1.0))
    assert "weight edit branches off with this alpha" in notices[-1] and "Step adds" not in notices[-1]
    s.step()
    assert notices[-1].startswith("The run diverged at step 1") and "edit a weight" in notices[-1]
    s.edit_weights(with_output_weight(s, 0.5))
    qtbot.waitUntil(lambda: s.trainer is not trainer)
    assert s.trainer.config.alpha == 1.0 and trainer.config.alpha == 100  # as it said


def test_an_alpha_the_stopped_run_takes_late_leaves_it_stopped(qtbot, monkeypatch):
    """Paused, an alpha typed, then Stop before the thread took it: the run showed "idle"."""
    s = RunSession(TrainConfig(steps=200_000, seed=3))
    s.set_speed(2000.0)
    monkeypatch.setattr(s.controller, "set_alpha", lambda alpha: None)  # it never arrives in time
    s.train()
    qtbot.waitUntil(lambda: s.state == states.TRAINING)
    s.train_or_pause()
    s.edit_config(s.config.with_changes(alpha=2.0))
    s.stop()
    qtbot.waitUntil(lambda: not s.is_running(), timeout=30000)
    assert s.trainer.config.alpha == 2.0 and s.trainer.step > 0
    assert s.state == states.STOPPED
    s.shutdown()


def test_an_alpha_typed_on_the_last_steps_paused_snapshot_is_said_once(qtbot):
    """The last Step sends PAUSED just before FINISHED: an alpha typed between them was said
    applied, then "for the next run"."""
    s = RunSession(TrainConfig(steps=3, seed=3))
    notices = []
    s.notice.connect(notices.append)
    typed = []

    def type_alpha_on_the_last_pause(snapshot):
        if snapshot.state == states.PAUSED and snapshot.step == 3 and s.is_running() and not typed:
            typed.append(True)
            s.edit_config(s.config.with_changes(alpha=2.0))

    s.shown.connect(type_alpha_on_the_last_pause)
    try:
        for k in range(1, 4):
            s.step()
            qtbot.waitUntil(lambda k=k: s.live_snapshot() is not None and s.live_snapshot().step == k)
        wait_idle(qtbot, s)
        assert typed and len(notices) == 1 and "for the next run" in notices[0], notices
    finally:
        s.shutdown()


def test_undo_after_the_edits_branch_of_a_diverged_run_diverges_goes_back_to_it(qtbot, overflowing):
    """The edit's notice says Ctrl+Z goes back to the diverged run; the branch took one step,
    diverged again (its step count unmoved), and Ctrl+Z said there was nothing to undo."""
    s, origin = overflowing, overflowing.trainer
    diverge(qtbot, s)
    s.edit_weights(with_output_weight(s, 0.5))
    branch = s.trainer
    s.step()
    qtbot.waitUntil(lambda: branch.outcome is not None and not s.is_running(), timeout=20000)
    s.undo_edit()
    assert s.trainer is origin and branch not in s.runs and s.state == states.DIVERGED
    assert origin.weights.output[0] == 1e200
