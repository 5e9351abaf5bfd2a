"""ShownStep: one run at one step, as every view draws it ("run R at step S").

The run's present is its newest snapshot (the worker's while a thread trains it, else read
from the idle trainer); any earlier step the record holds is rebuilt exactly from it
(Trainer.state_at, which may be called while the run trains). The main window's session and
each side of the compare window hold one of these, so a past step is made in one place
(docs/design.md, "The run at the step shown").
"""

from core.training import states
from core.views.snapshot import LossRecord, make_snapshot


class ShownStep:
    def __init__(self, run, present=None):
        """run: a Trainer; present: its newest snapshot, None to read the trainer when asked
        (it must then be idle)."""
        self.run = run
        self._present = present
        self._past = None  # (step, RunState) while a past step is shown

    # -- the run's present -------------------------------------------------------------
    @property
    def present(self):
        """The newest snapshot of the run taken (None: none yet, read the trainer)."""
        return self._present

    def take(self, snapshot) -> bool:
        """The run's newest snapshot; a snapshot of another run is not this one's (False)."""
        if snapshot.run != self.run.run_id:
            return False
        self._present = snapshot
        return True

    def live_step(self) -> int:
        return self._present.step if self._present is not None else self.run.step

    def earliest_step(self) -> int:
        """The first step the run's record can show (0, or a version 1 file's saved step)."""
        return self.run.record.start_step

    def clamped(self, step: int) -> int:
        return max(self.earliest_step(), min(int(step), self.live_step()))

    # -- the step shown ------------------------------------------------------------------
    @property
    def viewing(self) -> int | None:
        """The past step shown, or None when the run's present is shown."""
        return None if self._past is None else self._past[0]

    def go_to(self, step: int) -> int:
        """Shows `step` (clamped to the recorded steps; the present's step means the present).
        Returns the step shown; ValueError (and nothing changed) if a damaged record cannot
        rebuild it."""
        step = self.clamped(step)
        if step == self.live_step():
            self._past = None
        elif self._past is None or self._past[0] != step:
            self._past = (step, self.run.state_at(step))
        return step

    def back_to_live(self) -> None:
        self._past = None

    def snapshot(self, state: str | None = None):
        """The run at the step shown, complete. state: the run's state machine's (default: the
        present's); a past step carries the whole run's losses and its present's step."""
        live = self._present
        if self._past is None:
            return live if live is not None else resting_snapshot(self.run, state)
        step, past = self._past
        run = self.run
        # The tolerance judges, not trains: a past step is judged by the one in force now.
        config = past.config.with_changes(tolerance=run.config.tolerance) if run.config.is_function \
            else past.config
        return make_snapshot(
            config, past.weights, step,
            live.losses if live is not None else LossRecord.of(run.history),
            state=state or (live.state if live is not None else states.IDLE),
            message=live.message if live is not None else "", run=run.run_id,
            live_step=live.step if live is not None else run.step, path=run.path,
            optimizer_state=past.optimizer_state)


def ended_state(run) -> tuple[str, str] | None:
    """(state, message) of a run that has ended (diverged, finished...), else None."""
    if run.outcome is None:
        return None
    return states.state_after(run.outcome.reason), run.outcome.message


def resting_snapshot(run, state: str | None = None, message: str = ""):
    """An idle run's present (read from the trainer: no thread may train it). state: default
    how it ended, else stopped after some steps, else idle."""
    if state is None:
        ended = ended_state(run)
        if ended is not None:
            state, message = ended[0], message or ended[1]
        else:
            state = states.STOPPED if run.step else states.IDLE
    return make_snapshot(run.config, run.weights, run.step, run.history, state=state,
                         message=message, run=run.run_id, path=run.path,
                         optimizer_state=run.optimizer_state())
