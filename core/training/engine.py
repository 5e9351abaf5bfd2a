"""TrainingEngine: runs the trainer's arithmetic in a child process.

Training is pure-Python arithmetic, so a training *thread* shares Python's
global lock with the window and, on a 2-core machine, halves the window's
frame rate (bench/gui_responsiveness.py). The engine moves only the arithmetic:
the caller's Trainer stays the record of the run, and each `advance` copies the
child's results (losses, weights, step, outcome) back into it. The thread that
calls `advance` waits on a pipe meanwhile, which releases the lock.
"""

import multiprocessing
import os

import numpy as np

from core.model.config import TrainConfig
from core.model.network import Weights
from core.training.trainer import Outcome, Trainer

_START_TIMEOUT_S = 30.0


class EngineError(RuntimeError):
    """The child process died or stopped answering."""


class TrainingEngine:
    def __init__(self):
        context = multiprocessing.get_context("spawn")  # no fork: the parent runs Qt threads
        self._conn, child = context.Pipe()
        self._process = context.Process(target=serve, args=(child,), daemon=True,
                                         name="gatelab-engine")
        self._process.start()
        child.close()
        self._loaded = None  # (id of the trainer, its state) the child holds
        self._failed = False  # a call failed: the process is gone, or as good as gone

    def advance(self, trainer: Trainer, count: int) -> np.ndarray:
        """Same contract as trainer.advance(count), but it may stop early at the run record's
        next checkpoint (as a short advance does); the trainer is updated in place."""
        count = min(count, trainer.steps_until_checkpoint())
        state = (id(trainer), trainer.step, trainer.flat_weights(), trainer.outcome)
        if state != self._loaded:
            self._call(("load", trainer.config.to_dict(), trainer.flat_weights(), trainer.step,
                        _outcome_tuple(trainer.outcome)))
        losses, flat, status = self._call(
            ("advance", count, trainer.config.alpha, trainer.config.steps, trainer.config.target_loss))
        trainer.adopt_advance(losses, flat, status)
        self._loaded = (id(trainer), trainer.step, trainer.flat_weights(), trainer.outcome)
        return losses

    def _call(self, message):
        try:
            self._conn.send(message)
            if not self._conn.poll(_START_TIMEOUT_S):
                self._failed = True
                raise EngineError("the training process did not answer")
            reply = self._conn.recv()
        except (EOFError, OSError, BrokenPipeError) as error:
            self._failed = True
            raise EngineError(f"the training process ended unexpectedly ({error})") from None
        if isinstance(reply, BaseException):
            raise reply
        return reply

    def is_alive(self) -> bool:
        # A killed process can still count as alive for a moment after its pipe closed (it is
        # not reaped yet): a failed call is the surer sign, so the next run gets a new engine.
        return not self._failed and self._process.is_alive()

    def kill(self) -> None:
        """Ends the process at once; a call waiting on it raises EngineError. The caller's
        Trainer keeps the state of the last completed advance."""
        self._process.kill()
        self._process.join(1.0)

    def close(self, timeout: float = 1.0) -> None:
        try:
            self._conn.send(("quit",))
        except (OSError, BrokenPipeError):
            pass
        self._process.join(timeout)
        if self._process.is_alive():
            self._process.terminate()
            self._process.join(timeout)
        self._conn.close()


def _outcome_tuple(outcome):
    return None if outcome is None else (outcome.reason, outcome.message)


def serve(conn) -> None:
    """The child's loop: load a trainer's state, advance it, send the results back."""
    trainer = None
    while True:
        try:
            message = conn.recv()
        except (EOFError, OSError):
            return
        kind = message[0]
        if kind == "quit":
            # Nothing here needs saving (the parent keeps the record); skipping the
            # interpreter's teardown ends the process ~0.13 s sooner, so quitting is prompt.
            conn.close()
            os._exit(0)
        try:
            if kind == "load":
                _, config, flat, step, outcome = message
                config = TrainConfig.from_dict(config)
                trainer = Trainer(config, Weights.from_flat(flat, config.hidden_nodes), step,
                                  recording=False)  # the parent's trainer keeps the record
                trainer.outcome = None if outcome is None else Outcome(*outcome)
                conn.send(None)
            else:
                _, count, alpha, steps, target_loss = message
                if (alpha, steps, target_loss) != (trainer.config.alpha, trainer.config.steps,
                                                   trainer.config.target_loss):
                    trainer.config = trainer.config.with_changes(
                        alpha=alpha, steps=steps, target_loss=target_loss)
                losses = trainer.advance(count)
                trainer.history.truncate(0)  # the parent's trainer keeps the losses
                conn.send((losses, trainer.flat_weights(), trainer.status()))
        except Exception as error:  # noqa: BLE001 - sent back and raised in the parent
            conn.send(error)
