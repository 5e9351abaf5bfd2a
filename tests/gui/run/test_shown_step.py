"""ShownStep and Comparison: one model of "run R at step S", shown by the session and by compare."""

import numpy as np
import pytest

from core.model.config import TrainConfig
from core.training import states
from gui.run.comparison import Comparison
from gui.run.session import RunSession, session_trainer
from gui.run.shown_step import ShownStep, ended_state, resting_snapshot


def trained(steps=400, done=250, **changes):
    run = session_trainer(TrainConfig(steps=steps, seed=4, **changes))
    run.advance(done)
    return run


def same_state(a, b):
    return a.step == b.step and a.run == b.run and a.weights.equals(b.weights) and \
        np.array_equal(a.predictions, b.predictions) and a.config == b.config


def test_a_past_step_is_the_records_exact_state_with_the_whole_runs_losses():
    run = trained()
    shown = ShownStep(run)
    assert shown.go_to(100) == 100 and shown.viewing == 100
    snapshot = shown.snapshot()
    assert snapshot.step == 100 and snapshot.live_step == run.step == 250
    assert snapshot.weights.equals(run.state_at(100).weights)
    assert len(snapshot.losses) == 250  # where the step lies in the run
    assert shown.go_to(10**6) == 250 and shown.viewing is None  # the present: not a past step
    assert same_state(shown.snapshot(), resting_snapshot(run))


def test_the_present_is_the_newest_snapshot_of_its_own_run_only():
    run, other = trained(), trained(done=30)
    shown = ShownStep(run)
    assert not shown.take(resting_snapshot(other)) and shown.present is None
    assert shown.live_step() == 250
    newest = resting_snapshot(run, states.PAUSED, "paused")
    assert shown.take(newest) and shown.snapshot() is newest
    shown.go_to(5)
    past = shown.snapshot()
    assert past.state == states.PAUSED and past.message == "paused" and past.live_step == 250


def test_a_damaged_record_leaves_the_step_shown_as_it_was(monkeypatch):
    run = trained()
    shown = ShownStep(run)
    shown.go_to(40)

    def damaged(step):
        raise ValueError(f"step {step} cannot be rebuilt")

    monkeypatch.setattr(run, "state_at", damaged)
    with pytest.raises(ValueError):
        shown.go_to(60)
    assert shown.viewing == 40


def test_an_idle_run_rests_in_the_state_it_ended_in():
    fresh, stopped, finished = trained(done=0), trained(), trained(steps=100, done=100)
    assert resting_snapshot(fresh).state == states.IDLE and ended_state(fresh) is None
    assert resting_snapshot(stopped).state == states.STOPPED
    assert resting_snapshot(finished).state == ended_state(finished)[0] != states.STOPPED


def test_compare_shows_the_sessions_own_past_step_of_each_run(qtbot):
    session = RunSession(TrainConfig(steps=400, seed=4), use_engine=False)
    shown = []
    session.shown.connect(shown.append)
    session.trainer.advance(250)
    session.show_current()
    other = trained(update_order="article")
    comparison = Comparison([session.trainer, other], latest=(session.live_snapshot(), None))
    left, right = comparison.show_step(120)
    session.show_step(120)
    assert same_state(left, shown[-1]) and left.live_step == shown[-1].live_step == 250
    assert same_state(right, _at(other, 120))
    assert not comparison.following
    # A step past the shorter run's present shows that run's last step, the other's pick.
    short = trained(done=80)
    left, right = Comparison([session.trainer, short]).show_step(200)
    assert left.step == 200 and right.step == 80 and comparison.follow()[0].step == 250


def _at(run, step):
    shown = ShownStep(run)
    shown.go_to(step)
    return shown.snapshot()


def test_a_comparison_follows_the_present_until_a_past_step_is_picked(qtbot):
    run, other = trained(), trained(done=100)
    comparison = Comparison([run, other])
    assert comparison.following and comparison.last() == 250
    assert [s.step for s in comparison.current()] == [250, 100]
    comparison.show_step(50)
    assert comparison.step() == 50 and [s.step for s in comparison.current()] == [50, 50]
    assert not comparison.trains_any() and not comparison.is_training()
