"""TrainingEngine: runs the trainer's arithmetic in a child process.

Training is pure-Python arithmetic, so a training *thread* shares Python's
global lock with the window and, on a 2-core machine, halves the window's
frame rate (bench/gui_responsiveness.py). The engine moves only the arithmetic:
the caller's Trainer stays the record of the run, and each `advance` copies the
child's results (losses, weights, step, outcome) back into it. The thread that
calls `advance` waits on a pipe meanwhile, which releases the lock.

With `ahead`, the next request is queued before this one's results are read, so the child
starts it the moment it sends them. Without it the child sat idle while the parent's thread
waited for the lock the window's drawing held: two runs side by side on 2 cores got under
half of the headless speed each (bench/compare_training.py, docs/compare_speed.md).
"""

import multiprocessing
import os
import time
import weakref
from collections import deque

import numpy as np

from core.model.config import TrainConfig
from core.model.layout import parameter_count
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
        self._loaded = None  # the state the child's trainer is in after the requests read so far
        self._in_flight = deque()  # advance requests sent whose results are not read yet
        self._failed = False  # a call failed: the process is gone, or as good as gone
        self.compute_seconds = 0.0  # how long the child took over the last advance read

    def advance(self, trainer: Trainer, count: int, ahead: bool = False) -> np.ndarray:
        """Same contract as trainer.advance(count), but it may stop early at the run record's
        next checkpoint (as a short advance does); the trainer is updated in place.

        ahead: also ask the child for the advance after this one (the same count), for the next
        call to take if it runs from the state this call leaves with the same settings; any
        other call throws it away first (at the cost of waiting for it). A call with `ahead`
        takes it even if it is longer than its own count (at full speed a count is only how
        much to do between looks at the stop flag); one without only if it is no longer."""
        settings = (trainer.config.alpha, trainer.config.steps, trainer.config.target_loss)
        wanted = min(count, trainer.steps_until_checkpoint())
        most = trainer.steps_until_checkpoint() if ahead else wanted
        if self._in_flight and not self._fits(self._in_flight[0], trainer, most, settings):
            self._drain()
        if not self._in_flight:
            if self._state_of(trainer) != self._loaded:
                self._call(("load", trainer.config.to_dict(), trainer.flat_state(), trainer.step,
                            _outcome_tuple(trainer.outcome)))
                self._loaded = self._state_of(trainer)
            self._send(("advance", wanted, *settings))
        if ahead and len(self._in_flight) == 1:
            first = self._in_flight[0][1]  # the steps the request answered now will run
            if trainer.step + first < trainer.config.steps:
                self._send(("advance", min(count, trainer.steps_until_checkpoint(first)),
                            *settings))
        try:
            losses, flat, status, self.compute_seconds = self._receive()
            trainer.adopt_advance(losses, flat, status)
        except BaseException:
            self._loaded = None  # the child may be past the trainer's state
            raise
        self._loaded = self._state_of(trainer)
        return losses

    def _fits(self, request, trainer, most, settings) -> bool:
        """The next result to read will do for this call: it runs from the trainer's state as
        it is, at most `most` steps, with the same settings."""
        return (self._state_of(trainer) == self._loaded and request[1] <= most
                and request[2:] == settings)

    def _drain(self) -> None:
        """Reads and drops the results in flight: the child's trainer is then past any state
        the parent knows, so the next advance loads it again."""
        self._loaded = None
        while self._in_flight:
            try:
                self._receive()
            except EngineError:
                raise
            except Exception:  # noqa: BLE001, S110 - an error of a dropped request is moot
                pass

    @staticmethod
    def _state_of(trainer):
        # A weak reference, not id(): a new trainer may get a freed one's id.
        return (_Same(trainer), trainer.step, trainer.flat_state(), trainer.outcome)

    def _send(self, request) -> None:
        self._write(request)
        self._in_flight.append(request)

    def _receive(self):
        self._in_flight.popleft()
        return self._reply()

    def _call(self, message):
        self._write(message)
        return self._reply()

    def _write(self, message) -> None:
        try:
            self._conn.send(message)
        except (OSError, BrokenPipeError) as error:
            self._failed = True
            raise EngineError(f"the training process ended unexpectedly ({error})") from None

    def _reply(self):
        try:
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
        # Results in flight are read first: a child blocked sending a long one to a parent
        # that no longer reads would never see "quit".
        deadline = time.monotonic() + timeout
        while self._in_flight and not self._failed:
            self._in_flight.popleft()
            try:
                if self._conn.poll(max(0.0, deadline - time.monotonic())):
                    self._conn.recv()
            except (EOFError, OSError):
                break
            except Exception:  # noqa: BLE001, S110 - a reply that cannot be read: moot now
                pass
        self._in_flight.clear()
        try:
            self._conn.send(("quit",))
        except (OSError, BrokenPipeError):
            pass
        self._process.join(timeout)
        if self._process.is_alive():
            self._process.terminate()
            self._process.join(timeout)
        self._conn.close()


class _Same:
    """Equal only to a _Same of the very same object, while it lives."""

    def __init__(self, obj):
        self._ref = weakref.ref(obj)

    def __eq__(self, other):
        return isinstance(other, _Same) and self._ref() is not None and self._ref() is other._ref()

    __hash__ = None


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
                size = parameter_count(config.hidden_nodes)  # the weights, then the optimizer's state
                trainer = Trainer.restored(config, Weights.from_flat(flat[:size], config.hidden_nodes), step,
                                           outcome=None if outcome is None else Outcome(*outcome),
                                           optimizer_state=flat[size:],
                                           recording=False)  # the parent's trainer keeps the record
                conn.send(None)
            else:
                _, count, alpha, steps, target_loss = message
                if (alpha, steps, target_loss) != (trainer.config.alpha, trainer.config.steps,
                                                   trainer.config.target_loss):
                    trainer.set_alpha(alpha)
                    trainer.set_steps(steps)
                    trainer.set_target_loss(target_loss)
                started = time.perf_counter()
                losses = trainer.advance(count)
                seconds = time.perf_counter() - started
                trainer.history.truncate(0)  # the parent's trainer keeps the losses
                conn.send((losses, trainer.flat_state(), trainer.status(), seconds))
        except Exception as error:  # noqa: BLE001 - sent back and raised in the parent
            conn.send(error)
