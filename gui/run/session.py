"""RunSession: the one run being trained or shown, and the state machine around it.

The session owns the run's config, its trainer and the controller whose worker thread trains
it. Everything else learns about the run from `shown`, a complete snapshot of the run at its
current step, so the window only assembles views and wires signals. While the worker thread
runs, the trainer is the thread's: the session changes it only through the controller, and
anything that needs the trainer itself (saving, a reset, opening a file) waits in a queue
until the thread has ended (`when_stopped`).
"""

import numpy as np
from PySide6.QtCore import QObject, Signal

from core.model.config import LIVE_FIELDS, TrainConfig
from core.training import states
from core.training.trainer import Trainer
from core.views.snapshot import make_snapshot
from gui.run.training_controller import TrainingController


class RunSession(QObject):
    shown = Signal(object)  # a Snapshot: what every view draws, after every change
    edited = Signal()  # the run changed (trained, edited, reset): the open file is out of date

    def __init__(self, config: TrainConfig, parent=None, use_engine: bool = True):
        super().__init__(parent)
        self._config = config
        self._trainer = session_trainer(config)
        self._state = states.IDLE
        self._after_stop: list = []  # actions waiting for the training thread to end, in order
        self._adopted = 0  # runs adopted from files so far
        self._shown_step = 0
        self.controller = TrainingController(self, use_engine=use_engine)
        self.controller.snapshot.connect(self._on_worker_snapshot)
        self.controller.running_changed.connect(self._on_running_changed)

    # -- what the run is -----------------------------------------------------------
    @property
    def config(self) -> TrainConfig:
        return self._config

    @property
    def state(self) -> str:
        return self._state

    @property
    def trainer(self) -> Trainer:
        """The run's trainer. Read it freely; change it only through the session, and only
        from an action given to when_stopped() if the thread may be running."""
        return self._trainer

    def is_running(self) -> bool:
        return self.controller.is_running()

    def loss_record(self):
        """The whole run's losses (a copy: the worker may be adding) and the step of the first."""
        history = self._trainer.history
        return history.segment(0, len(history)), 1

    # -- training ------------------------------------------------------------------
    def train_or_pause(self) -> None:
        """The Train button: pause a training run, else start or resume one."""
        if self._state == states.TRAINING:
            self.controller.pause(True)
        else:
            self.train()

    def train(self) -> None:
        if self.controller.is_running():
            self.controller.pause(False)
            return
        self._renew_if_finished()
        self.controller.start(self._trainer)

    def step(self) -> None:
        if not self.controller.is_running():
            self._renew_if_finished()
            self.controller.start(self._trainer, paused=True)
        self.controller.pause(True)
        self.controller.step_once()

    def stop(self) -> None:
        self.controller.stop()

    def set_speed(self, steps_per_second: float) -> None:
        self.controller.set_speed(steps_per_second)

    def _renew_if_finished(self) -> None:
        if self._trainer.finished:
            self._trainer = session_trainer(self._config)

    # -- changes ---------------------------------------------------------------------
    def changed_fields(self, config: TrainConfig) -> list[str]:
        return [f for f in config.to_dict() if getattr(config, f) != getattr(self._config, f)]

    def is_live_change(self, config: TrainConfig) -> bool:
        """True if `config` differs only in what a run may change as it goes (alpha, steps)."""
        return all(f in LIVE_FIELDS for f in self.changed_fields(config))

    def apply_live(self, config: TrainConfig) -> None:
        """A new alpha or number of steps for the run in progress (see is_live_change)."""
        self._config = config
        if self.controller.is_running():
            self.controller.set_alpha(config.alpha)
            self.controller.set_total_steps(config.steps)
        else:
            self._trainer.set_alpha(config.alpha)
            self._trainer.set_steps(config.steps)
            self._show()

    def reset(self, config: TrainConfig | None = None, on_done=None) -> None:
        """A new run from the initial weights of `config` (default: the current one), once the
        training thread has stopped; then on_done() (for the status message)."""
        if config is not None:
            self._config = config
        runs_before = self._adopted

        def restart():
            if self._adopted != runs_before:
                return  # a run opened since (a file) replaced the one this reset was for
            self._trainer = session_trainer(self._config)
            self._show()
            self.edited.emit()
            if on_done is not None:
                on_done()

        self.when_stopped(restart)

    def edit_weights(self, weights) -> None:
        """A hand-edited weight: every view updates, and training continues from it."""
        self.edited.emit()
        if self.controller.is_running():
            self.controller.replace_weights(weights)
            return
        self._trainer.set_weights(weights)
        self._show()

    def apply_row_update(self, weights, step_completed: bool, step_loss: float) -> None:
        """One row of the step-by-step math was applied: the run (and every view) follows."""
        self.edited.emit()
        if self.controller.is_running():
            self.controller.replace_weights(weights, step_loss if step_completed else None)
        elif step_completed:
            self._trainer.record_step(weights, step_loss)
            self._show()
        else:
            self._trainer.set_weights(weights)
            self._show()

    def adopt(self, trainer: Trainer) -> None:
        """Shows a run restored from a file (call it from when_stopped)."""
        self._config = trainer.config
        self._trainer = trainer
        self._adopted += 1
        outcome = trainer.outcome
        state = states.IDLE if outcome is None else states.state_after(outcome.reason)
        self._show(state, outcome.message if outcome else "")

    def show_current(self) -> None:
        """Sends the run as it is now (the window's first frame)."""
        self._show()

    # -- the training thread -----------------------------------------------------------
    def when_stopped(self, action) -> None:
        """Runs `action` now, or once the training thread has ended (it owns the trainer until
        then). Actions queue up in order; none replaces another."""
        if self.controller.is_running():
            self._after_stop.append(action)
            self.controller.stop()
        else:
            action()

    def forget_waiting(self) -> None:
        """Drops the actions waiting for the thread (the window is closing)."""
        self._after_stop.clear()

    def shutdown(self, quitting: bool = True) -> bool:
        return self.controller.shutdown(quitting)

    def _on_worker_snapshot(self, snapshot) -> None:
        if snapshot.step != self._shown_step:
            self.edited.emit()  # it trained
        self._state = snapshot.state
        self._shown_step = snapshot.step
        self.shown.emit(snapshot)

    def _on_running_changed(self, running: bool) -> None:
        # An action may start the thread again (Step after Reset): the rest wait for that run.
        while not running and self._after_stop and not self.controller.is_running():
            action = self._after_stop.pop(0)
            try:
                action()
            except BaseException:
                self._after_stop.clear()  # never run later, after some unrelated run
                raise

    def _show(self, state=states.IDLE, message="") -> None:
        t = self._trainer
        self._state = state
        self._shown_step = t.step
        self.shown.emit(make_snapshot(t.config, t.weights, t.step, t.history, state=state,
                                      message=message, run=t.run_id))


def session_trainer(config, weights=None, step=0, history=()) -> Trainer:
    """The window's trainer records losses as float32: half the memory on long runs."""
    return Trainer(config, weights, step, history, history_dtype=np.float32)
