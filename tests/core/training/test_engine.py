"""The training engine's child process: results equal the in-process trainer; it ends promptly."""

import threading
import time

import numpy as np
import pytest

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


def test_close_ends_the_child_process_cleanly(engine):
    engine.advance(Trainer(TrainConfig(steps=10)), 10)  # the child is up and has worked
    engine.close()
    assert not engine.is_alive()
    assert engine._process.exitcode == 0  # it ended on its own, not terminated


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

    worker = threading.Thread(target=long_advance)
    worker.start()
    time.sleep(0.2)  # the child is busy in the kernel loop
    started = time.monotonic()
    engine.kill()
    worker.join(5)
    assert not worker.is_alive() and len(errors) == 1
    assert time.monotonic() - started < 1.0
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
