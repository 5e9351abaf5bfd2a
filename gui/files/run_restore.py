"""RunRestore: the runs of an opened file made the session's runs again.

ExperimentFiles reads a file (an experiment file is a session of one run,
core.io.session_file) into restored runs; here they become the session's trainers, with
their records (past steps stay exact), outcomes and branch links, and the session shows them.
What the file holds that is not shown is said in notes.
"""

import os

import numpy as np
from PySide6.QtCore import QObject, Signal

from core.training.trainer import Trainer
from gui.common.messages import sentences


def restored_trainer(run, branched_from=None) -> Trainer:
    """The window's trainer (its losses kept as float32, as the session's are) of one run read
    in the background (core.io.session_file.restore): its weights and optimizer state, record
    (if it checked: past steps stay exact), start and end."""
    return Trainer.restored(run.config, run.weights, run.step, run.history.values(),
                            initial_weights=run.initial_weights, outcome=run.outcome, record=run.record,
                            optimizer_state=run.optimizer_state(), history_dtype=np.float32,
                            branched_from=branched_from)


def restored_trainers(runs) -> list:
    """The trainers of a file's runs, in order, with branch links to the new run ids."""
    trainers, ids = [], {}
    for run in runs:
        origin = run.branched_from
        trainer = restored_trainer(run, None if origin is None else (ids[origin[0]], origin[1]))
        ids[run.run_id] = trainer.run_id
        trainers.append(trainer)
    return trainers


class RunRestore(QObject):
    """File > Open and dropped files: read in the background, then shown in the session."""

    opened = Signal(object)  # the TrainConfig of the run shown now: the controls follow
    notice = Signal(str)  # what the file holds that is not shown (a lasting notice)
    message = Signal(str)  # a sentence for the status bar

    def __init__(self, session, files, before_replacing, parent=None):
        """files: the window's ExperimentFiles; before_replacing(): True to let a session file
        replace the session's runs (the question about unsaved runs; the compare window's runs
        come back first)."""
        super().__init__(parent)
        self._session = session
        self._files = files
        self._before_replacing = before_replacing

    def open(self, path: str | None = None) -> None:
        """Opens an experiment or session file, read in the background (the window keeps
        drawing); a bad file leaves the session untouched."""
        path = path or self._files.ask_open_path()
        if not path:
            return
        self._files.load_in_background(path, lambda opened, runs: self._session.when_stopped(
            lambda: self._show(path, opened, runs)))

    def _show(self, path, opened, runs) -> None:
        """opened: a core.io.session_file.Session (one run for an experiment file). A session
        file replaces the session's runs: unsaved ones are asked about first; one run is added."""
        if not opened.single and not self._before_replacing():
            return
        self._files.set_current(path, session=not opened.single)
        trainers = restored_trainers(runs)
        self.adopt(self._session, opened, trainers, path)
        self.opened.emit(opened.runs[opened.current].experiment.config)
        notes = self.notes(path, opened, trainers)
        if notes:
            self.notice.emit(notes)
        seed = self.seed_note(opened)
        if seed:
            self.message.emit(seed)

    def adopt(self, session, opened, trainers, path: str) -> None:
        """Shows the file's runs: one run joins the session's, a session file's replace them
        (call it while no thread trains them, after the question about unsaved runs)."""
        held_in = os.path.realpath(path)
        if opened.single:
            session.adopt(trainers[0], held_in)
        else:
            names = {k: run.name for k, run in enumerate(opened.runs) if run.name}
            session.adopt_all(trainers, opened.current, names, held_in)

    def notes(self, path: str, opened, trainers) -> str:
        """What the file holds that is not shown: steps its record cannot vouch for, branch
        links that did not hold (the core says why, in its words); "" if nothing."""
        notes = list(opened.notes)
        for number, trainer in enumerate(trainers, start=1):
            note = trainer.record.dropped_note if trainer.record is not None else None
            if note:
                notes.append(self.tr("Run {0}: {1}").format(number, note) if len(trainers) > 1 else note)
        if not notes:
            return ""
        return self.tr("Opened {0}, with notes: {1}").format(os.path.basename(path), sentences(*notes))

    def seed_note(self, opened) -> str:
        """The shown run's initial weights are not its seed's: Reset will not bring them back."""
        experiment = opened.runs[opened.current].experiment
        if experiment.initial_matches_seed:
            return ""
        return self.tr(
            "This file's initial weights differ from seed {0}'s: Reset will use the seed's.").format(
            experiment.config.seed)
