"""RunSession: the one run being trained or shown, and the state machine around it.

The session owns the run's config, its trainer and the controller whose worker thread trains
it. Everything else learns about the run from `shown`, a complete snapshot of the run at its
current step, so the window only assembles views and wires signals. While the worker thread
runs, the trainer is the thread's: the session changes it only through the controller, and
anything that needs the trainer itself (saving, a reset, opening a file) waits in a queue
until the thread has ended (`when_stopped`).
"""

import time

import numpy as np
from PySide6.QtCore import QObject, Signal

from core.model.config import LIVE_FIELDS, STEPS_MAX, TrainConfig, differing_fields
from core.training import states
from core.training.trainer import Trainer
from core.views.run_list import RunInfo
from core.views.snapshot import LossRecord
from gui.common.messages import option_name, parameter_name, sentences, target_name
from gui.run.saved_marks import SavedMarks
from gui.run.shown_step import ShownStep, ended_state, resting_snapshot
from gui.run.training_controller import TrainingController

# Runs of the session kept (each holds its losses and record). Past it, the oldest run with
# nothing unsaved goes; a run with unsaved progress is never dropped, whatever the count.
RUNS_KEPT = 20
PAST_REFRESH_S = 0.25  # while a past step is shown, how often the live run's progress is sent


class RunSession(QObject):
    shown = Signal(object)  # a Snapshot: what every view draws, after every change
    edited = Signal()  # the run changed (trained, edited, reset): the open file is out of date
    notice = Signal(str)  # one sentence for the status bar: what happened, or why not
    notice_void = Signal(str)  # a notice said earlier no longer holds: take it down if shown
    config_changed = Signal(object)  # the session changed the settings itself: controls follow
    run_replaced = Signal()  # another run (a branch, another listed run, a new one) is shown now
    runs_changed = Signal(list)  # [RunInfo]: the session's runs, after any change to the list

    def __init__(self, config: TrainConfig, parent=None, use_engine: bool = True):
        super().__init__(parent)
        self._config = config
        self._trainer = session_trainer(config)
        self._state = states.IDLE
        self._after_stop: list = []  # actions waiting for the training thread to end, in order
        self._adopted = 0  # runs adopted from files so far
        self._shown_step = 0
        self._shown = ShownStep(self._trainer)  # the run's present, or the past step shown
        self._past_sent = 0.0
        self._asked_tolerance = None  # (run, tolerance) asked of the thread training it
        self._asked_live = None  # (run, alpha, steps, paused) asked of it
        self._applied_said = None  # (run_id, alpha, steps) last said applied
        self._may_restart = True  # False while shutting down
        self._undo: list = []  # (step, weights before a hand edit), newest last
        self._edit_branch = None  # (run, the finished run) when a hand edit made the run shown
        self.runs: list[Trainer] = [self._trainer]  # this session's runs, oldest first
        self._names: dict[int, str] = {}  # run_id -> a name the user gave
        self._numbers = {self._trainer.run_id: 1}  # run_id -> its number in the Runs panel
        self._last_number = 1  # never given again, even once its run is gone: "run 3" is one run
        self._elsewhere: set[int] = set()  # runs another window trains (compare): hands off
        self._lent: set[int] = set()  # runs another window shows (compare): never deleted
        self._refused_while_away: dict[int, set[str]] = {}  # run -> notices void once given back
        self._marks = SavedMarks()  # which runs a file holds as they are now
        self._over_cap_said = False
        self._marks.remember(self._trainer)
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
    def _hold(self) -> None:
        """Paused, stepped or stopped: an alpha or steps asked as the run ends does not make
        it train on."""
        if self._asked_live is not None:
            self._asked_live = self._asked_live[:3] + (True,)

    def train_or_pause(self) -> None:
        """The Train button: pause a training run, else start or resume one."""
        if self._state == states.TRAINING:
            self._hold()
            self.controller.pause(True)
        else:
            self.train()

    def train(self) -> None:
        """Train on; from a past step, a new run that branches off there; after a finished run,
        a new run from the seed (the finished one is kept in `runs`)."""
        if self.viewing is not None:
            self._from_the_past(lambda: self.controller.start(self._trainer))
            return
        if self.controller.is_running():
            self.controller.pause(False)
            return
        if self._trainer.finished:
            self._replace_run(session_trainer(self._config), elsewhere=True)
        self.controller.start(self._trainer)

    def step(self) -> None:
        """One step; from a past step, one step of a new run that branches off there. A
        finished run takes one more step (its planned steps grow by one), or says why not."""
        if self.viewing is not None:
            self._from_the_past(self.step)
            return
        if not self.controller.is_running():
            if self._trainer.finished and not self._one_more_step():
                return
            self.controller.start(self._trainer, paused=True)
        self._hold()
        self.controller.pause(True)
        self.controller.step_once()

    def _one_more_step(self) -> bool:
        t = self._trainer
        if t.outcome is not None and t.outcome.reason == states.DIVERGED:
            self.notice.emit(self.tr(
                "The run diverged at step {0}: there is no step after it. Reset to start again, "
                "edit a weight (a new run branches off with it), or pick an earlier step on the "
                "timeline and continue from there.").format(t.step + 1))
            return False
        if t.outcome is not None and t.outcome.reason == states.TARGET_LOSS:
            self.notice.emit(self.tr(
                "The run reached its target loss at step {0}. Lower or clear the target loss "
                "(Advanced) to train on.").format(t.step))
            return False
        t.set_alpha(self._config.alpha)  # the alpha in the controls, if changed since
        t.set_steps(t.step + 1)
        self._config = t.config
        self.config_changed.emit(t.config)
        self.notice.emit(self.tr("One more step: the run now has {0:,} steps.").format(t.step + 1))
        return True

    def stop(self) -> None:
        self._hold()
        self.controller.stop()

    def set_speed(self, steps_per_second: float) -> None:
        self.controller.set_speed(steps_per_second)

    # -- the timeline: any recorded step of the run ------------------------------------
    @property
    def viewing(self) -> int | None:
        """The past step shown, or None when the run's present is shown."""
        return self._shown.viewing

    def earliest_step(self) -> int:
        """The first step the run's record can show (0, or a version 1 file's saved step)."""
        return self._shown.earliest_step()

    def live_step(self) -> int:
        return self._shown.live_step()

    def show_step(self, step: int) -> None:
        """Puts every view at `step` of the run (clamped to the recorded steps); training, if
        it runs, goes on, and the views stay at that step until back_to_live()."""
        step = self._shown.clamped(step)
        if step == self.live_step():
            self.back_to_live()
            return
        try:
            self._shown.go_to(step)
        except ValueError as error:  # a damaged file's record
            self.notice.emit(self.tr("Step {0:,} cannot be shown: {1}").format(step, error))
            return
        self._send_past()

    def back_to_live(self) -> None:
        if self.viewing is None:
            return
        self._shown.back_to_live()
        if self._config != self._trainer.config:  # settings typed for a branch not made
            self._config = self._trainer.config
            self.config_changed.emit(self._config)
        if self._shown.present is not None:
            self.shown.emit(self._shown.present)
        else:
            self._show(self._state)

    def _send_past(self) -> None:
        self._past_sent = time.monotonic()
        self.shown.emit(self._shown.snapshot(self._state))

    def _from_the_past(self, then) -> None:
        """Once the thread has stopped: the run that branches off at the past step shown, then
        then(). Asked twice before the thread stops, it branches once (the run has changed)."""
        step, origin = self.viewing, self._trainer

        def branch_then():
            if self._trainer is origin and self._fork(step):
                then()

        self.when_stopped(branch_then)

    def _fork(self, step: int, for_edit: str | None = None) -> bool:
        """Makes the run that branches off at `step` (with the alpha and steps typed since)
        the session's run; the run it came from stays in `runs`. for_edit: a change of a
        finished run's end goes to it, "hand" (an edit Ctrl+Z can undo) or "math" (a row of
        the step-by-step math). False (and a notice) if the record cannot rebuild that step
        (a damaged file's)."""
        origin = self._trainer
        try:
            branch = origin.fork(step, alpha=self._config.alpha)
        except ValueError as error:
            self.notice.emit(self.tr("Cannot continue from step {0:,}: {1}").format(step, error))
            return False
        if self._config.steps != branch.config.steps and self._config.steps > step:
            branch.set_steps(self._config.steps)
        elif branch.finished:  # off a completed run's end: the steps typed, again
            branch.set_steps(min(STEPS_MAX, step + self._config.steps))
        self._replace_run(branch, elsewhere=True, keep=origin)
        self._config = branch.config
        self.config_changed.emit(branch.config)
        self.edited.emit()
        if for_edit == "math":
            self.notice.emit(self.tr("The step-by-step math goes on in a new run that branches off "
                                     "at step {0:,}: run {1} is kept as it trained.").format(
                step, self._numbers.get(origin.run_id, "?")))
        elif for_edit:
            self.notice.emit(self.tr("The edit goes to a new run that branches off at step {0:,}: "
                                     "run {1} is kept as it trained (Ctrl+Z goes back to it).").format(
                step, self._numbers.get(origin.run_id, "?")))
        else:
            self.notice.emit(self.tr("A new run branches off at step {0:,}; the run it came from "
                                     "is kept.").format(step))
        return True

    def _replace_run(self, trainer: Trainer, elsewhere: bool = False, keep=None) -> None:
        """Shows `trainer` as the session's run. elsewhere: it is not the run of the file that
        is open, if any (run_replaced tells the window). keep: a run the list must not trim
        (the run a branch came from)."""
        self._trainer = trainer
        # Nothing of the previous run's present: the timeline must not reach past this one.
        self._shown = ShownStep(trainer)
        self._undo.clear()
        self._edit_branch = None
        self._list(trainer, keep)
        if elsewhere:
            self.run_replaced.emit()

    def _list(self, trainer: Trainer, keep=None) -> None:
        if trainer not in self.runs:
            self.runs.append(trainer)
            self._last_number += 1
            self._numbers[trainer.run_id] = self._last_number
            self._marks.remember(trainer)
        while len(self.runs) > RUNS_KEPT:  # the oldest with nothing to lose goes
            # A session file's runs stay: Save writes that file again from this list.
            spare = next((run for run in self.runs if run is not self._trainer and run is not keep
                          and not self.is_lent(run.run_id)
                          and not self._marks.in_session_file(run.run_id)
                          and not self.is_unsaved(run)), None)
            if spare is None:
                if not self._over_cap_said:
                    self._over_cap_said = True
                    self.notice.emit(self.tr(
                        "The session holds {0} runs. Runs with unsaved progress, in the session "
                        "file open or shown in the compare window are all kept: save them, or "
                        "delete some in the Runs panel.")
                        .format(len(self.runs)))
                break
            self._forget(spare)
        self._send_runs()

    # -- what is saved -----------------------------------------------------------------
    def is_unsaved(self, run: Trainer) -> bool:
        """Whether `run` has progress no file holds (not while a thread trains it)."""
        return self._marks.is_unsaved(run, self._names.get(run.run_id))

    def file_holding(self, run: Trainer) -> str | None:
        """The file that holds `run` as it is now, if one does (its real path)."""
        return self._marks.file_holding(run, self._names.get(run.run_id))

    def unsaved_runs(self) -> list[Trainer]:
        """The runs whose progress no file holds (call it while no thread trains them)."""
        return [run for run in self.runs if self.is_unsaved(run)]

    def mark_saved(self, trainers, path: str | None = None, session: bool = False) -> None:
        """These runs were just written to the file `path`, or read from it, as they are now
        (session: a session file, whose runs the session keeps). Other runs that file held are
        no longer in it: they are unsaved again."""
        self._marks.mark_saved(trainers, self._names, path, session)
        self._over_cap_said = False

    def _forget(self, run: Trainer) -> None:
        self.runs.remove(run)
        self._names.pop(run.run_id, None)
        self._numbers.pop(run.run_id, None)  # its branches now say "of a deleted run"
        self._marks.forget(run.run_id)

    # -- the session's runs ----------------------------------------------------------------
    def run_infos(self) -> list[RunInfo]:
        """One line per run, oldest first (read the current run's numbers while it is stopped;
        while it trains they are of the moment)."""
        infos = []
        for run in self.runs:
            origin = ""
            if run.branched_from is not None:
                source, step = run.branched_from
                number = self._numbers.get(source)
                origin = (self.tr("from run {0} at step {1:,}").format(number, step)
                          if number is not None else
                          self.tr("from step {0:,} of a deleted run").format(step))
            infos.append(RunInfo(run.run_id, self.run_label(run), run.step, run.final_loss(),
                                 run.solved(), origin, run is self._trainer,
                                 self._numbers.get(run.run_id, 0)))
        return infos

    def run_label(self, run: Trainer) -> str:
        return self._names.get(run.run_id) or \
            f"{self._numbers.get(run.run_id, '?')}: {self._settings_name(run.config)}"

    def _settings_name(self, config) -> str:
        """A name a student can tell runs apart by, in the user's language: "XOR, 2 hidden,
        alpha 0.5, seed 0, textbook" (and any option that is not the article's default)."""
        model = (self.tr("2-layer") if config.hidden_nodes == 0
                 else self.tr("{0} hidden").format(config.hidden_nodes))
        learned = target_name(config) if config.is_function else config.gate.upper()
        parts = [learned, model, self.tr("alpha {0:g}").format(config.alpha),
                 self.tr("seed {0}").format(config.seed), option_name(config.update_order)]
        parts += [option_name(value) for value, default in (
            (config.mode, "online"), (config.activation, "sigmoid"), (config.loss, "squared"),
            (config.init, "uniform"), (config.optimizer, "sgd")) if value != default]
        return self.tr(", ").join(parts)

    def losses_of(self, run_id: int) -> LossRecord | None:
        run = self._run(run_id)
        return None if run is None else LossRecord.of(run.history)

    def switch_to(self, run_id: int) -> None:
        """Shows another run of the session (once the training thread has stopped)."""
        if self._refuse_elsewhere(run_id):
            return

        def switch():
            run = self._run(run_id)
            if run is None or run is self._trainer:
                return
            self._replace_run(run, elsewhere=True)
            self._config = run.config
            self.config_changed.emit(run.config)
            self.edited.emit()
            self._show(*(ended_state(run) or (states.IDLE, "")))
            self.notice.emit(self.tr("Showing run {0}.").format(self._numbers.get(run_id, "?")))

        self.when_stopped(switch)

    def is_lent(self, run_id: int) -> bool:
        """Another window (compare) trains or shows the run now: it stays in the list."""
        return run_id in self._elsewhere or run_id in self._lent

    def delete_run(self, run_id: int) -> None:
        run = self._run(run_id)
        if run is None:
            return
        if run is self._trainer:
            self.notice.emit(self.tr("The run shown cannot be deleted: show another run first."))
            return
        if self._refuse_elsewhere(run_id):
            return
        if run_id in self._lent:  # the compare window would go on drawing a run gone from here
            self._refuse_while_away(run_id, self.tr(
                "Run {0} is shown in the compare window: close that window to delete it."))
            return
        self._forget(run)
        self._send_runs()

    def rename_run(self, run_id: int, name: str) -> None:
        name = " ".join(str(name).split())[:120]
        if name:
            self._names[run_id] = name
        else:
            self._names.pop(run_id, None)  # an empty name: back to the one from its settings
        self.edited.emit()  # a session file holds the names
        self._send_runs()

    def add_run(self, trainer: Trainer, elsewhere: bool = False) -> None:
        """Lists another run (e.g. one to compare with) without showing it. elsewhere: another
        window trains it, and it cannot be shown or deleted here until given back."""
        if elsewhere:
            self._elsewhere.add(trainer.run_id)
        self._list(trainer)

    def lend(self, trainers) -> None:
        """Runs another window shows (compare): none is deleted or trimmed from the list until
        given back."""
        self._lent.update(trainer.run_id for trainer in trainers)

    def give_back(self, trainers) -> None:
        """The runs another window showed or trained are the session's again (their threads
        ended)."""
        for trainer in trainers:
            self._elsewhere.discard(trainer.run_id)
            self._lent.discard(trainer.run_id)
            for text in self._refused_while_away.pop(trainer.run_id, ()):
                self.notice_void.emit(text)
        self._send_runs()  # their steps and losses, now that they have stopped

    def _refuse_elsewhere(self, run_id: int) -> bool:
        if run_id not in self._elsewhere:
            return False
        self._refuse_while_away(run_id, self.tr(
            "Run {0} belongs to the compare window while it is open: close that window first "
            "(its runs then come back here)."))
        return True

    def _refuse_while_away(self, run_id: int, text: str) -> None:
        """A refusal that holds until the compare window gives the run back."""
        text = text.format(self._numbers.get(run_id, "?"))
        self._refused_while_away.setdefault(run_id, set()).add(text)
        self.notice.emit(text)

    def live_snapshot(self):
        """The run's present as the views last got it (the worker's newest while it trains)."""
        return self._shown.present

    def run_by_id(self, run_id: int) -> Trainer | None:
        return self._run(run_id)

    def _run(self, run_id: int) -> Trainer | None:
        return next((run for run in self.runs if run.run_id == run_id), None)

    def _send_runs(self) -> None:
        self.runs_changed.emit(self.run_infos())

    # -- changes ---------------------------------------------------------------------
    def changed_fields(self, config: TrainConfig) -> list[str]:
        return differing_fields(self._config, config)

    def _chosen_fields(self, config: TrainConfig) -> list[str]:
        """The changed settings the user chose: not the targets that follow from a new gate,
        function or grid; from a gate to a function or back, only that choice (the settings
        that come with it are said by the control panel's note)."""
        if self._config.is_function != config.is_function:
            return ["function" if config.is_function else "gate"]
        fields = self.changed_fields(config)
        if any(f in fields for f in ("gate", "function", "grid")):
            fields = [f for f in fields if f != "targets"]
        return fields

    def is_live_change(self, config: TrainConfig) -> bool:
        """True if `config` differs only in what a run may change as it goes (alpha, steps)."""
        return all(f in LIVE_FIELDS for f in self.changed_fields(config))

    def apply_live(self, config: TrainConfig) -> bool:
        """A new alpha or number of steps for the run in progress (see is_live_change); True
        if the run took them. While a past step is shown they wait for the run that will branch
        off there; a finished run that stays finished keeps the settings it was trained with
        (its name and file say those), and the next run takes the new ones."""
        self._config = config
        if self.viewing is not None:
            self.notice.emit(self.tr("Alpha {0:g}, steps {1:,}: for the new run that Train or "
                                     "Step starts from step {2:,}.").format(
                config.alpha, config.steps, self.viewing))
            return False
        if self.controller.is_running():  # the thread's next snapshot, or its end, tells
            self.controller.set_alpha(config.alpha)
            self.controller.set_total_steps(config.steps)
            self._asked_live = (self._trainer, config.alpha, config.steps, self.controller.is_paused())
            return True
        t = self._trainer
        goes_on = t.outcome is not None and t.outcome.reason == states.COMPLETED and \
            config.steps > t.step  # more steps for a completed run: it trains on
        if t.finished and not goes_on:
            if t.outcome is not None and t.outcome.reason == states.DIVERGED:  # Step refuses it
                self.notice.emit(self.tr(
                    "Alpha {0:g}, steps {1:,}: for the next run (Train starts one from the seed; a "
                    "weight edit branches off with this alpha). The run that diverged keeps its "
                    "settings.").format(config.alpha, config.steps))
                return False
            self.notice.emit(self.tr(
                "Alpha {0:g}, steps {1:,}: for the next run (Train starts one from the seed; Step "
                "adds a step with this alpha). The finished run keeps its settings.").format(
                config.alpha, config.steps))
            return False
        t.set_alpha(config.alpha)
        t.set_steps(config.steps)
        self._show(states.STOPPED if t.step else states.IDLE)  # a run part-way stays "stopped"
        return True

    def edit_config(self, config: TrainConfig, new_run_note=None) -> None:
        """The settings typed in the controls. Alpha and steps go to the run as it goes
        (apply_live); any other change makes a new run from the seed's initial weights.
        new_run_note(): called before that new run, a sentence to add to the notice (say,
        that the file open is left unchanged) or ""."""
        if self.is_live_change(config) and config.tolerance != self._config.tolerance:
            self._judge_by(config.tolerance)
            if (config.alpha, config.steps) == (self._config.alpha, self._config.steps):
                self._config = config
                self.notice.emit(self.tr("Within ±{0:g}: the run is judged by it; its training is "
                                         "unchanged.").format(config.tolerance))
                return
        if self.is_live_change(config):
            # else it said what happens. A training thread says so once it has taken them; a
            # paused one takes them before it steps again (and sends nothing until then).
            # not ending: the last Step's PAUSED snapshot comes just before its FINISHED one
            paused = self.controller.is_paused() and self._state == states.PAUSED and \
                not self._trainer.finished
            if self.apply_live(config) and (self._asked_live is None or paused):
                self._say_applied(config.alpha, config.steps)
            return
        names = self.tr(", ").join(parameter_name(f) for f in self._chosen_fields(config))
        message = self.tr("Settings changed ({0}): the network was reset.").format(names)
        message = sentences(message, new_run_note() if new_run_note is not None else "")
        self.reset(config, on_done=lambda: self.notice.emit(message))

    def _say_applied(self, alpha: float, steps: int) -> None:
        said = (self._trainer.run_id, alpha, steps)
        if said != self._applied_said:  # once, though the thread's snapshot shows it again
            self._applied_said = said
            self.notice.emit(self.tr("Alpha {0:g}, steps {1:,}: applied to the run.").format(alpha, steps))

    def _judge_by(self, tolerance: float) -> None:
        """A function run's tolerance: the run shown is judged by it at once (it changes no
        weight, so a finished run or a past step takes it too)."""
        if self.controller.is_running():
            self.controller.set_tolerance(tolerance)  # the worker's thread owns the trainer now
            self._asked_tolerance = (self._trainer, tolerance)  # its snapshot shows it taken
            return
        self._trainer.set_tolerance(tolerance)
        if self.viewing is not None:
            self._send_past()
        else:
            self._show(*(ended_state(self._trainer) or (self._state, "")))

    def _apply_as_asked(self) -> None:
        """An alpha or steps asked of the thread as it ended, too late for it (the thread had
        left its loop; the stop had not reached this thread yet): applied here instead. A run
        that completed while asked for more steps trains on, as it would have a moment before."""
        asked, self._asked_live = self._asked_live, None
        t = self._trainer
        if asked is None or asked[0] is not t or self.controller.is_running() or self.viewing is not None:
            return  # none asked, or another run now
        if (t.config.alpha, t.config.steps) == asked[1:3]:  # taken as the thread ended
            self._say_applied(*asked[1:3])
            return
        _run, alpha, steps, paused = asked
        goes_on = t.outcome is not None and t.outcome.reason == states.COMPLETED and steps > t.step
        # it trains on unless stepped by hand, paused or stopped, the window is closing, or an
        # action waits for the thread (a save, a reset): they decide what comes next
        restart = goes_on and not paused and self._may_restart and not self._after_stop
        if self.apply_live(self._config.with_changes(alpha=alpha, steps=steps)):  # else it said why
            self._say_applied(alpha, steps)
            if restart:
                self.controller.start(t)

    def _judge_as_asked(self) -> None:
        """A tolerance asked of the thread as it ended, too late for it: judged here instead."""
        asked, self._asked_tolerance = self._asked_tolerance, None
        if asked is not None and asked[0] is self._trainer and \
                self._trainer.config.tolerance != asked[1] and not self.controller.is_running():
            self._judge_by(asked[1])

    def reset(self, config: TrainConfig | None = None, on_done=None) -> None:
        """A new run from the initial weights of `config` (default: the current one), once the
        training thread has stopped; then on_done() (for the status message)."""
        if config is not None:
            self._config = config
        runs_before = self._adopted

        def restart():
            if self._adopted != runs_before:
                return  # a run opened since (a file) replaced the one this reset was for
            self._replace_run(session_trainer(self._config))
            self._show()
            self.edited.emit()
            if on_done is not None:
                on_done()

        self.when_stopped(restart)

    def edit_weights(self, weights) -> None:
        """A hand-edited weight: every view updates, and training continues from it (on a
        past step: in a new run that branches off there). Ctrl+Z undoes it (undo_edit)."""
        if self.viewing is not None:  # the edit is the branch's, once the thread has stopped
            self._from_the_past(lambda: self.edit_weights(weights))
            return
        if self._ending():
            self.when_stopped(lambda: self.edit_weights(weights))
            return
        if not self._branch_off_if_finished():
            return
        t = self._trainer
        self.edited.emit()
        self._undo.append((t.step, t.weights.copy()))
        if self.controller.is_running():
            self.controller.replace_weights(weights)
            return
        t.set_weights(weights)
        self._show()

    def _ending(self) -> bool:
        """The run has ended but its thread has not yet: a change sent to the thread now would
        be lost, or land on the finished run; it waits for the thread (when_stopped)."""
        return self.controller.is_running() and self._state in (states.FINISHED, states.DIVERGED)

    def _branch_off_if_finished(self, change: str = "hand") -> bool:
        """A finished run stays as it trained (its record, its file, its replays): a hand edit
        or a row of the step-by-step math goes to a run that branches off at its end, which
        Train and Step then continue (change: "hand" or "math", see _fork). False if that
        branch cannot be made (it said why)."""
        t = self._trainer
        if not t.finished or self.controller.is_running():
            return True
        if not self._fork(t.step, for_edit=change):
            self._show(*(ended_state(t) or (self._state, "")))  # the diagram drew the edit
            return False
        self._edit_branch = (self._trainer, t)
        return True

    def undo_edit(self) -> None:
        """Puts back the weights from before the last hand edit, if the run has not trained
        on since (then there is nothing of the edit alone to undo)."""
        t = self._trainer
        while self._undo and self._undo[-1][0] != t.step:
            self._undo.pop()
        if t.outcome is not None:  # it has ended since (a divergence keeps its step count)
            # The branch an edit made, ended at once (diverged again): back to the run it came
            # from, as the edit's notice said. Any other run stays as it ended.
            back = bool(self._undo) and self._edit_branch is not None and self._edit_branch[0] is t \
                and not self.controller.is_running() and self._back_from_edit_branch()
            self._undo.clear()
            if back:
                return
        if not self._undo or self.viewing is not None:
            self.notice.emit(self.tr("Nothing to undo: only a weight edit, before the run trains "
                                     "on, can be undone."))
            return
        _, weights = self._undo.pop()
        if not self._undo and self._edit_branch is not None and self._edit_branch[0] is t \
                and not self.controller.is_running() and self._back_from_edit_branch():
            return
        self.edited.emit()
        if self.controller.is_running():
            self.controller.replace_weights(weights)
        else:
            t.set_weights(weights)
            self._show()
        self.notice.emit(self.tr("Undid the weight edit."))

    def _back_from_edit_branch(self) -> bool:
        """Undoing the edit that made the run shown a branch of a finished run: that run is
        shown again and the branch, nothing of its own left, goes. False if the finished run is
        gone."""
        branch, origin = self._edit_branch
        if origin not in self.runs:
            return False
        self._replace_run(origin, elsewhere=True)
        # gone, unless the compare window shows it or it was given a name: then it stays listed
        if not self.is_lent(branch.run_id) and branch.run_id not in self._names:
            self._forget(branch)
        self._send_runs()
        self._config = origin.config
        self.config_changed.emit(origin.config)
        # not `edited`: the run is as it was, as its file (if any, run_replaced) holds it
        self._show(*(ended_state(origin) or (states.IDLE, "")))
        self.notice.emit(self.tr("Undid the weight edit: run {0} is shown as it trained.").format(
            self._numbers.get(origin.run_id, "?")))
        return True

    def apply_row_update(self, weights, step_completed: bool, step_loss: float,
                         optimizer_state=None) -> None:
        """One row of the step-by-step math was applied: the run (and every view) follows (on a
        past step: a new run that branches off there), its optimizer's state too (momentum's
        velocity, Adam's moments: None for plain gradient descent)."""
        if self.viewing is not None:
            self._from_the_past(lambda: self.apply_row_update(weights, step_completed, step_loss,
                                                              optimizer_state))
            return
        if self._ending():
            self.when_stopped(lambda: self.apply_row_update(weights, step_completed, step_loss,
                                                            optimizer_state))
            return
        if not self._branch_off_if_finished("math"):
            return
        self.edited.emit()
        self._undo.clear()  # the run moved on by a row: an earlier hand edit is no longer alone
        state = tuple(optimizer_state) if optimizer_state else None  # sgd keeps none
        if self.controller.is_running():
            self.controller.replace_weights(weights, step_loss if step_completed else None, state)
        elif step_completed:
            self._trainer.record_step(weights, step_loss, state)
            self._show()
        else:
            self._trainer.set_weights(weights, state)
            self._show()

    def adopt(self, trainer: Trainer, path: str | None = None) -> None:
        """Shows a run restored from the file `path` (call it from when_stopped)."""
        self._replace_run(trainer)
        self.mark_saved([trainer], path)  # as the file holds it
        self._show_adopted(trainer)

    def adopt_all(self, trainers: list, current: int, names: dict, path: str | None = None) -> None:
        """Shows the runs of a session file: they replace this session's runs; names maps a
        run's index to its name (call it from when_stopped)."""
        self.runs = []
        self._names, self._numbers = {}, {}
        self._marks.clear()
        for k, trainer in enumerate(trainers):
            self.runs.append(trainer)
            self._numbers[trainer.run_id] = k + 1
            if names.get(k):
                self._names[trainer.run_id] = names[k]
        self._last_number = len(trainers)
        self.mark_saved(trainers, path, session=True)
        self._replace_run(trainers[current])
        self._show_adopted(trainers[current])

    def _show_adopted(self, trainer: Trainer) -> None:
        self._config = trainer.config
        self._adopted += 1
        self._show(*(ended_state(trainer) or (states.IDLE, "")))

    def names_by_id(self) -> dict:
        """The names the user gave, by run_id."""
        return dict(self._names)

    def names_by_index(self) -> dict:
        """The names the user gave, by the run's index in `runs` (for a session file)."""
        return {k: self._names[run.run_id] for k, run in enumerate(self.runs) if run.run_id in self._names}

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
        self._may_restart = False  # the thread's end applies a late ask, and starts nothing
        try:
            return self.controller.shutdown(quitting)
        finally:
            self._may_restart = True

    def _on_worker_snapshot(self, snapshot) -> None:
        if snapshot.step != self._shown_step:
            self.edited.emit()  # it trained
        asked = self._asked_live
        if asked is not None and asked[0] is self._trainer and \
                (snapshot.config.alpha, snapshot.config.steps) == asked[1:3]:
            self._asked_live = None  # taken in time
            self._say_applied(*asked[1:3])
        before = self._shown.present
        changed = snapshot.state != self._state or (
            before is not None and before.config.tolerance != snapshot.config.tolerance)
        self._state = snapshot.state
        self._shown_step = snapshot.step
        self._shown.take(snapshot)
        if self.viewing is None:
            self.shown.emit(snapshot)
        elif changed or time.monotonic() - self._past_sent >= PAST_REFRESH_S:
            self._send_past()  # the views stay at the past step; the timeline learns the present

    def _on_running_changed(self, running: bool) -> None:
        if not running:
            self._send_runs()  # its steps and loss, now that it has stopped
            self._judge_as_asked()
            self._apply_as_asked()
        # An action may start the thread again (Step after Reset): the rest wait for that run.
        while not running and self._after_stop and not self.controller.is_running():
            action = self._after_stop.pop(0)
            try:
                action()
            except BaseException:
                self._after_stop.clear()  # never run later, after some unrelated run
                raise

    def _show(self, state=states.IDLE, message="") -> None:
        self._state = state
        self._shown_step = self._trainer.step
        snapshot = resting_snapshot(self._trainer, state, message)
        self._shown.take(snapshot)
        self.shown.emit(snapshot)


def session_trainer(config, weights=None, step=0, history=()) -> Trainer:
    """The window's trainer records losses as float32: half the memory on long runs."""
    return Trainer(config, weights, step, history, history_dtype=np.float32)
