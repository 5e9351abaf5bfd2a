"""The training engine's child process: results equal the in-process trainer; it ends promptly."""

import threading
import time

import numpy as np
import pytest
from polling import cpu_ticks, poll_until

from core.model.config import TrainConfig
from core.training.engine import EngineError, TrainingEngine
from core.training.trainer import Trainer


@pytest.fixture
def engine():
    engine = TrainingEngine()
    yield engine
    engine.close()


def test_engine_advance_matches_the_trainer_bit_for_bit(engine):
    config = TrainConfig(steps=3000, seed=4)
    local, remote = Trainer(config), Trainer(config)
    local.advance(3000)
    engine.advance(remote, 1000)
    while not remote.finished:  # an advance stops early at the run record's checkpoints
        engine.advance(remote, 2000)
    assert remote.step == local.step == 3000
    assert remote.weights.equals(local.weights)
    assert np.array_equal(remote.history.values(), local.history.values())


@pytest.mark.parametrize("optimizer, mode", [("momentum", "online"), ("adam", "online"), ("adam", "batch")])
def test_the_engine_carries_the_optimizers_state(engine, optimizer, mode):
    config = TrainConfig(steps=600, seed=4, optimizer=optimizer, mode=mode)
    local, remote = Trainer(config), Trainer(config)
    local.advance(600)
    remote.advance(100)  # in this process: the child then loads a state with moments in it
    while not remote.finished:
        engine.advance(remote, 250)
    assert remote.flat_state() == local.flat_state() and remote.optimizer_state()
    assert np.array_equal(remote.history.values(), local.history.values())


def test_close_ends_the_child_process_cleanly(engine):
    engine.advance(Trainer(TrainConfig(steps=10)), 10)  # the child is up and has worked
    engine.close()
    assert not engine.is_alive()
    assert engine._process.exitcode == 0  # it ended on its own, not terminated


# "It did not hang" bounds, not speed checks (ending the child takes milliseconds; bench/).
KILLED_WITHIN_S = 30.0
CLOSE_TIMEOUT_S = 30.0


def wait_until_busy(pid: int, idle_ticks: int) -> None:
    """Waits until the process has spent a few clock ticks (~50 ms) of CPU time more than
    `idle_ticks`: the child, idle before, is in the kernel loop. Where there is no /proc,
    it returns at once (the kill then may come before the child has read the request)."""
    if cpu_ticks(pid) is None:
        return
    poll_until(lambda: (cpu_ticks(pid) or 0) >= idle_ticks + 5, what="the child working on the advance")


def test_kill_cuts_a_long_advance_short_and_keeps_the_trainer_consistent(engine):
    # Without a record, nothing cuts the advance into checkpoint-sized pieces.
    trainer = Trainer(TrainConfig(steps=10**8), recording=False)
    engine.advance(trainer, 100)
    before = (trainer.step, trainer.weights, len(trainer.history))
    errors = []

    def long_advance():
        try:
            engine.advance(trainer, 10**8)  # minutes of work
        except EngineError as error:
            errors.append(error)

    pid = engine._process.pid
    idle = cpu_ticks(pid) or 0
    worker = threading.Thread(target=long_advance)
    worker.start()
    wait_until_busy(pid, idle)
    engine.kill()
    worker.join(KILLED_WITHIN_S)  # the whole advance would take the child half an hour
    assert not worker.is_alive() and len(errors) == 1
    assert trainer.step == before[0] and len(trainer.history) == before[2]
    assert trainer.weights.equals(before[1])


def test_after_a_failed_call_the_engine_counts_as_dead_even_before_the_process_is_reaped():
    """The window keeps an engine for the next run while is_alive(); a killed process could
    still look alive right after the failed call, and the next run then failed too."""
    engine = TrainingEngine()
    try:
        trainer = Trainer(TrainConfig(steps=1000))
        engine.advance(trainer, 10)
        engine._process.is_alive = lambda: True  # as if not reaped yet
        engine._conn.close()  # the next call cannot reach the process
        with pytest.raises(EngineError):
            engine.advance(trainer, 10)
        assert not engine.is_alive()
    finally:
        del engine._process.is_alive
        engine.kill()


def test_ahead_the_child_starts_the_next_advance_and_the_results_stay_bit_for_bit(engine):
    config = TrainConfig(steps=5000, seed=7)
    local, remote = Trainer(config), Trainer(config)
    local.advance(5000)
    engine.advance(remote, 700, ahead=True)
    assert len(engine._in_flight) == 1  # the next advance is with the child already
    while not remote.finished:
        engine.advance(remote, 700, ahead=True)
    assert remote.step == local.step == 5000
    assert remote.weights.equals(local.weights)
    assert np.array_equal(remote.history.values(), local.history.values())


def test_an_advance_asked_ahead_is_thrown_away_when_the_run_changed_meanwhile(engine):
    """A new alpha, hand-edited weights or a smaller count: the result in flight ran from
    another state, so it is dropped and the step runs again from the trainer's own state."""
    config = TrainConfig(steps=4000, seed=3)
    local, remote = Trainer(config), Trainer(config)
    local.advance(300)
    engine.advance(remote, 300, ahead=True)
    local.set_alpha(2.0)
    remote.set_alpha(2.0)
    local.advance(300)
    engine.advance(remote, 300, ahead=True)
    edited = local.weights.flat()
    edited[0] += 0.5
    local.set_weights(type(local.weights).from_flat(edited, config.hidden_nodes))
    remote.set_weights(type(remote.weights).from_flat(edited, config.hidden_nodes))
    local.advance(300)
    engine.advance(remote, 300, ahead=True)
    local.advance(1)
    assert len(engine.advance(remote, 1)) == 1  # a single step, not the 300 in flight
    assert not engine._in_flight
    assert remote.step == local.step == 901
    assert remote.weights.equals(local.weights)
    assert np.array_equal(remote.history.values(), local.history.values())


def test_a_second_trainer_on_the_same_engine_never_gets_the_first_ones_steps(engine):
    first, second = Trainer(TrainConfig(steps=10**6, seed=1)), Trainer(TrainConfig(steps=50, seed=2))
    engine.advance(first, 2000, ahead=True)
    engine.advance(second, 50)
    local = Trainer(TrainConfig(steps=50, seed=2))
    local.advance(50)
    assert second.weights.equals(local.weights)


def test_close_with_an_advance_in_flight_still_ends_the_child_cleanly(engine):
    trainer = Trainer(TrainConfig(steps=10**8), recording=False)
    engine.advance(trainer, 50_000, ahead=True)  # about a second of work in flight
    engine.close(timeout=CLOSE_TIMEOUT_S)  # a reply later than the timeout: terminate, exit -15
    assert not engine.is_alive()
    assert engine._process.exitcode == 0  # it read "quit" once its reply was taken: no terminate


def test_the_engine_reports_the_seconds_its_arithmetic_took(engine):
    trainer = Trainer(TrainConfig(steps=10**6))
    started = time.perf_counter()
    engine.advance(trainer, 5000)
    assert 0.0 < engine.compute_seconds <= time.perf_counter() - started


def test_at_full_speed_a_shorter_count_still_takes_the_advance_in_flight(engine):
    """The worker halves its count when an advance took long; the one in flight then still
    serves (throwing it away would waste a chunk of work), while a single step never does."""
    config = TrainConfig(steps=10**6, seed=2)
    local, remote = Trainer(config), Trainer(config)
    engine.advance(remote, 800, ahead=True)
    assert len(engine.advance(remote, 400, ahead=True)) == 800  # the one in flight
    assert len(engine.advance(remote, 1)) == 1  # a single step: the one in flight is dropped
    local.advance(1601)
    assert remote.step == 1601 and remote.weights.equals(local.weights)
