"""The worker thread and its controller: progress, pause, step, stop, live alpha, failures."""

import time

import numpy as np
import pytest
from qt_waits import count_worker_rounds, drain_events

from core.model.config import TrainConfig
from core.training import states
from core.training.trainer import Trainer
from gui.run.training_controller import TrainingController


@pytest.fixture
def controller(qtbot):
    c = TrainingController()
    received = []
    c.snapshot.connect(received.append)
    c.received = received
    yield c
    c.shutdown()


def wait_finished(qtbot, controller, timeout=20000):
    qtbot.waitUntil(lambda: not controller.is_running(), timeout=timeout)


def all_losses(snapshots):
    """The run's losses as the last snapshot carries them; every snapshot carries one loss per
    step done, and the same values as the last one for those steps."""
    if not snapshots:
        return np.zeros(0)
    whole = snapshots[-1].losses.values()
    for s in snapshots:
        assert len(s.losses) == s.step
        np.testing.assert_array_equal(s.losses.values(), whole[: s.step])
    return whole


def test_start_progress_finished_gives_every_step_once(qtbot, controller):
    trainer = Trainer(TrainConfig(steps=5000, seed=2))
    controller.start(trainer)
    wait_finished(qtbot, controller)
    snaps = controller.received
    assert snaps[0].state == states.TRAINING
    assert snaps[-1].state == states.FINISHED
    losses = all_losses(snaps)
    reference = Trainer(TrainConfig(steps=5000, seed=2))
    reference.run()
    np.testing.assert_array_equal(losses, reference.history.values())
    assert snaps[-1].weights.equals(reference.weights)
    steps = [s.step for s in snaps]
    assert steps == sorted(steps)


def arrival_times(controller) -> list:
    """The monotonic time at which each snapshot from now on reached the GUI thread."""
    times = []
    controller.snapshot.connect(lambda _snapshot: times.append(time.monotonic()))
    return times


def test_snapshots_are_rate_limited(qtbot, controller):
    arrived = arrival_times(controller)
    trainer = Trainer(TrainConfig(steps=300_000, hidden_nodes=1))
    controller.start(trainer)
    wait_finished(qtbot, controller, timeout=60000)
    snaps = controller.received
    # The run's own length, as measured here: a busy machine makes it longer, never the count
    # per second higher (at most 50 a second, one in flight; the slack for the first and last).
    seconds = arrived[-1] - arrived[0]
    assert len(snaps) <= 70 * seconds + 5
    assert all_losses(snaps).size == 300_000


def test_snapshot_arrays_are_copies(qtbot, controller):
    trainer = Trainer(TrainConfig(steps=200))
    controller.start(trainer)
    wait_finished(qtbot, controller)
    last = controller.received[-1]
    assert not last.weights.hidden.flags.writeable
    trainer.set_weights(trainer.initial_weights)
    assert not np.array_equal(last.weights.hidden, trainer.weights.hidden)


def test_pause_then_single_steps_then_resume(qtbot, controller, monkeypatch):
    rounds = count_worker_rounds(monkeypatch)
    controller.set_speed(50.0)
    trainer = Trainer(TrainConfig(steps=10_000))
    controller.start(trainer, paused=True)
    qtbot.waitUntil(lambda: bool(controller.received) and controller.received[-1].state == states.PAUSED)
    assert controller.received[-1].step == 0
    controller.step_once()
    qtbot.waitUntil(lambda: controller.received[-1].step == 1)
    controller.step_once()
    qtbot.waitUntil(lambda: controller.received[-1].step == 2)
    # Paused: no more steps while the training loop goes round five more times (it looks
    # every 50 ms; counted, not timed, so a busy machine cannot make it look zero times).
    seen = rounds[0]
    qtbot.waitUntil(lambda: rounds[0] >= seen + 5)
    drain_events(qtbot)  # a snapshot of a wrong step would have arrived
    assert trainer.step == 2 and controller.received[-1].step == 2
    controller.pause(False)
    qtbot.waitUntil(lambda: controller.received[-1].step >= 5)
    assert controller.received[-1].state == states.TRAINING
    controller.stop()
    wait_finished(qtbot, controller)
    assert controller.received[-1].state == states.STOPPED
    assert trainer.step == controller.received[-1].step < 10_000


def test_speed_limit_paces_training(qtbot, controller):
    controller.set_speed(20.0)
    trainer = Trainer(TrainConfig(steps=10_000))
    started = time.monotonic()
    controller.start(trainer)
    # 10 steps at 20 a second; a pace 60 times too slow would not get there in WAIT_MS.
    qtbot.waitUntil(lambda: trainer.step >= 10)
    controller.stop()
    wait_finished(qtbot, controller)
    seconds = time.monotonic() - started
    # Never faster than 20 a second (the first step at once): a busy machine only makes the
    # measured seconds longer. At full speed it would be thousands of steps by now.
    assert 10 <= controller.received[-1].step <= 20 * seconds + 2


def test_live_alpha_change_is_used_for_later_steps(qtbot, controller):
    controller.set_speed(200.0)
    trainer = Trainer(TrainConfig(steps=100_000, alpha=0.5))
    controller.start(trainer)
    qtbot.waitUntil(lambda: bool(controller.received) and controller.received[-1].step > 20)
    controller.set_alpha(3.25)
    qtbot.waitUntil(lambda: trainer.config.alpha == 3.25)
    controller.stop()
    wait_finished(qtbot, controller)
    assert trainer.config.alpha == 3.25 and trainer.step > 20


def test_divergence_ends_with_message_and_finite_weights(qtbot, controller):
    from core.model.network import Weights

    trainer = Trainer(TrainConfig(activation="relu", loss="cross-entropy", alpha=100, steps=1000))
    trainer.set_weights(Weights(np.full((3, 2), 1e200), np.full(3, 1e200)))
    controller.start(trainer)
    wait_finished(qtbot, controller)
    last = controller.received[-1]
    assert last.state == states.DIVERGED
    assert "diverged at step" in last.message
    assert last.weights.is_finite()


def test_exception_in_worker_reports_failed(qtbot, controller, monkeypatch):
    from core.training.engine import TrainingEngine

    calls = {"n": 0}
    original = TrainingEngine.advance

    def broken(self, trainer, count, ahead=False):
        calls["n"] += 1
        if calls["n"] == 3:
            raise ZeroDivisionError("boom")
        return original(self, trainer, count, ahead)

    monkeypatch.setattr(TrainingEngine, "advance", broken)
    controller.start(Trainer(TrainConfig(steps=100_000)))
    wait_finished(qtbot, controller)
    last = controller.received[-1]
    assert last.state == states.FAILED
    assert "ZeroDivisionError" in last.message and "boom" in last.message


def test_engine_process_dying_mid_run_reports_failed_and_next_run_works(qtbot, controller):
    controller.set_speed(200.0)
    controller.start(Trainer(TrainConfig(steps=100_000)))
    qtbot.waitUntil(lambda: bool(controller.received) and controller.received[-1].step > 5)
    controller._engine._process.kill()
    wait_finished(qtbot, controller)
    assert controller.received[-1].state == states.FAILED
    assert "training process" in controller.received[-1].message
    controller.set_speed(0.0)
    controller.start(Trainer(TrainConfig(steps=500)))
    wait_finished(qtbot, controller)
    assert controller.received[-1].state == states.FINISHED and controller.received[-1].step == 500


def test_shutdown_mid_training_ends_thread(qtbot, controller):
    controller.start(Trainer(TrainConfig(steps=10**8)))
    qtbot.waitUntil(lambda: bool(controller.received) and controller.received[-1].step > 0)
    assert controller.shutdown() is True


def test_replaced_weights_while_paused_reach_the_trainer_and_views(qtbot, controller):
    from core.model.network import Weights

    trainer = Trainer(TrainConfig(steps=1000))
    controller.start(trainer, paused=True)
    qtbot.waitUntil(lambda: bool(controller.received) and controller.received[-1].state == states.PAUSED)
    edited = Weights(np.full((3, 2), 0.25), np.array([1.0, -2.0, 0.5]))
    controller.replace_weights(edited)
    qtbot.waitUntil(lambda: controller.received[-1].weights.equals(edited))
    assert controller.received[-1].step == 0
    controller.replace_weights(edited, completed_step_loss=0.75)
    qtbot.waitUntil(lambda: controller.received[-1].step == 1)
    assert trainer.history.values().tolist() == [0.75]
    assert all_losses(controller.received).tolist() == [0.75]
    controller.step_once()  # training continues from the replaced weights
    qtbot.waitUntil(lambda: controller.received[-1].step == 2)
    reference = Trainer(TrainConfig(steps=1000), weights=edited)
    reference.advance(1)
    assert controller.received[-1].weights.equals(reference.weights)
    controller.stop()
    wait_finished(qtbot, controller)


class _EngineThatFailsAsStopIsAsked:
    """advance() raises just after a stop was requested, as a killed engine does on quit."""

    def __init__(self, abandon: bool):
        self.worker, self.abandon = None, abandon

    def advance(self, trainer, count, ahead=False):
        if self.abandon:
            self.worker.abandon()
        else:
            self.worker.request_stop()
        raise RuntimeError("the training process ended unexpectedly")


@pytest.mark.parametrize("abandon, state", [(True, states.STOPPED), (False, states.FAILED)])
def test_only_an_abandoned_engine_reads_as_a_stop(abandon, state):
    from gui.run.training_worker import TrainingWorker

    engine = _EngineThatFailsAsStopIsAsked(abandon)
    worker = TrainingWorker(Trainer(TrainConfig(steps=100)), engine=engine)
    engine.worker = worker
    shown = []
    worker.snapshot.connect(shown.append)
    worker.run()  # in this thread: the loop ends at the error
    assert shown[-1].state == state  # a real failure at the moment of Stop is still reported


def test_leave_now_keeps_the_process_when_it_owns_the_clipboard(qapp):
    from gui.shell.app import leave_now

    qapp.clipboard().setText("input\tprediction\n[0, 0]\t0.08")
    if not qapp.clipboard().ownsClipboard():
        pytest.skip("this platform's clipboard has no owner")
    assert leave_now(0) == 0  # returned: the normal teardown hands the text on


def test_the_snapshot_rate_can_be_lowered_while_a_run_trains(qtbot, controller):
    arrived = arrival_times(controller)
    controller.set_speed(0.0)  # full speed
    controller.start(Trainer(TrainConfig(steps=10**8, hidden_nodes=1)))
    qtbot.waitUntil(lambda: len(controller.received) > 3, timeout=20000)
    controller.set_emit_interval(0.25)  # 4 a second
    first = len(arrived)
    qtbot.waitUntil(lambda: len(arrived) > first)  # one at the new interval: count from it
    counted = len(arrived)
    qtbot.waitUntil(lambda: len(arrived) >= counted + 10)
    # Ten snapshots took at least 2.25 s at 4 a second (0.2 s at the old 50); a busy machine
    # makes the measured seconds longer, never the count higher.
    seconds = arrived[counted + 9] - arrived[counted - 1]
    assert 10 <= 4 * seconds + 2  # was 50 a second
    assert controller.emit_interval() == 0.25
    controller.stop()
    wait_finished(qtbot, controller, timeout=20000)


def test_rarer_snapshots_let_each_advance_run_longer():
    """At 50 snapshots a second an advance aims at 5-15 ms; at 10 a second (two runs training
    side by side) at 25-75 ms: fewer round trips to the engine, more of a core for training."""
    from gui.run.training_worker import EMIT_INTERVAL, FULL_SPEED, _adapt_chunk

    assert _adapt_chunk(1024, 1024, 0.02, FULL_SPEED, EMIT_INTERVAL) == 512
    assert _adapt_chunk(1024, 1024, 0.02, FULL_SPEED, 0.1) == 2048
    assert _adapt_chunk(1024, 1024, 0.05, FULL_SPEED, 0.1) == 1024
    assert _adapt_chunk(1024, 1024, 0.09, FULL_SPEED, 0.1) == 512
    assert _adapt_chunk(1024, 1024, 0.001, 500.0, 0.1) == 1024  # a set speed paces itself


def test_at_full_speed_the_worker_asks_the_engine_ahead_and_keeps_every_step(qtbot, controller):
    asked = []
    controller.set_speed(0.0)
    trainer = Trainer(TrainConfig(steps=20000, seed=5))
    controller.start(trainer)
    engine = controller._engine
    advance = engine.advance
    engine.advance = lambda t, count, ahead=False: (asked.append(ahead), advance(t, count, ahead))[1]
    wait_finished(qtbot, controller)
    assert asked and all(asked)
    local = Trainer(TrainConfig(steps=20000, seed=5))
    local.advance(20000)
    assert trainer.weights.equals(local.weights)
    np.testing.assert_array_equal(all_losses(controller.received), local.history.values())


@pytest.mark.parametrize("config, first", [(TrainConfig(steps=100), 64),
                                           (TrainConfig(function="bump", grid=21, steps=3), 1)])
def test_a_functions_first_advance_is_one_step_of_its_grid_not_64(qapp, config, first):
    """A 21 x 21 grid's step is 441 row updates: the first picture comes after one of them;
    every step is still trained and kept."""
    from gui.run.training_worker import TrainingWorker

    trainer = Trainer(config)
    asked, advance = [], trainer.advance
    trainer.advance = lambda count: asked.append(count) or advance(count)
    worker = TrainingWorker(trainer)
    shown = []
    worker.snapshot.connect(shown.append)
    worker.run()  # in this thread, to the end of the run
    assert asked[0] == first
    assert trainer.step == config.steps == len(trainer.history)
    assert shown[-1].step == config.steps


def test_a_tolerance_asked_for_as_the_run_ends_still_judges_its_end(qapp):
    """The thread may end between the last look at requests and the end's snapshot (#28)."""
    from gui.run.training_worker import TrainingWorker

    trainer = Trainer(TrainConfig(function="ridge", grid=5, hidden_nodes=4, steps=20))
    worker = TrainingWorker(trainer)
    shown = []
    worker.snapshot.connect(shown.append)
    worker.request_stop()  # the loop takes no request before it ends
    worker.set_tolerance(0.3)
    worker.run()
    assert trainer.config.tolerance == 0.3 and shown[-1].config.tolerance == 0.3
