"""Comparison: two runs of the session on one timeline, the model the compare window shows.

Each side is a ShownStep (gui.run.shown_step), the same "run R at step S" the session shows,
so a past step is rebuilt the one way. A side is either trained here (a run nothing else
trains, in its own thread and engine process, so two runs use two cores) or fed from
elsewhere: `live` is a signal of snapshots, such as the session's, and a side takes those of
its own run. Until a past step is picked the comparison follows the runs' present.
"""

from PySide6.QtCore import QObject, Signal

from core.model.config import ALPHA_MAX, HIDDEN_MAX, TrainConfig
from gui.run.shown_step import ShownStep, resting_snapshot
from gui.run.training_controller import TrainingController

# The run trained here sends 10 snapshots a second while two runs train: enough for a 2D map
# and a table, and drawing takes CPU from both engines (bench/compare_training.py).
EMIT_INTERVAL_S = 0.1
ALPHA_SMALLEST = 0.0001  # the Alpha field's smallest value
KINDS = ("order", "alpha_up", "alpha_down", "hidden", "two_layer", "momentum", "adam")


def comparison_config(config: TrainConfig, kind: str) -> TrainConfig:
    """The settings of the run to compare with: the same seed and all else, but one thing."""
    if kind == "order":
        other = "article" if config.update_order == "textbook" else "textbook"
        return config.with_changes(update_order=other)
    if kind == "alpha_up":
        return config.with_changes(alpha=min(ALPHA_MAX, config.alpha * 4))
    if kind == "alpha_down":
        return config.with_changes(alpha=max(ALPHA_SMALLEST, config.alpha / 4))
    if kind == "hidden":
        return config.with_changes(hidden_nodes=min(HIDDEN_MAX, config.hidden_nodes + 1))
    if kind == "two_layer":
        return config.with_changes(hidden_nodes=0 if config.hidden_nodes else 2)
    if kind in ("momentum", "adam"):  # a run that has it already: against plain descent
        return config.with_changes(optimizer="sgd" if config.optimizer == kind else kind)
    raise ValueError(f"unknown comparison {kind!r}")


class Comparison(QObject):
    moved_on = Signal(int)  # a side's present moved on (its index)
    running_changed = Signal()  # a run trained here started or stopped

    def __init__(self, runs, train=(False, False), live=None, latest=None, parent=None):
        """runs: two trainers; train: per side, whether this comparison trains it (nothing
        else may touch that trainer until the comparison has ended); live: a signal of
        snapshots from elsewhere; latest: per side, the newest snapshot of a run trained
        elsewhere (None: the trainer is idle, and read as it is)."""
        super().__init__(parent)
        self.runs = list(runs)
        latest = list(latest or (None, None))
        self.sides = [ShownStep(run, latest[k] if latest[k] is not None else resting_snapshot(run))
                      for k, run in enumerate(self.runs)]
        self.following = True  # at the present, moving on as the runs train
        self._step = 0
        self.trained = [run for k, run in enumerate(self.runs) if train[k]]
        self._controllers = {}
        for k, trained_here in enumerate(train):
            if trained_here:
                controller = TrainingController(self, emit_interval=EMIT_INTERVAL_S)
                controller.snapshot.connect(lambda snapshot, k=k: self._take(k, snapshot))
                controller.running_changed.connect(lambda _running: self.running_changed.emit())
                self._controllers[k] = controller
        if live is not None:
            live.connect(self._take_elsewhere)

    # -- training ----------------------------------------------------------------------------
    def trains_any(self) -> bool:
        """Whether any side is trained here (else both are fed from elsewhere)."""
        return bool(self._controllers)

    def is_training(self) -> bool:
        return any(c.is_running() for c in self._controllers.values())

    def steps_left(self) -> bool:
        """Whether a run trained here has steps left to train."""
        return any(not self.runs[k].finished for k in self._controllers)

    def train_on(self) -> None:
        """Starts (or continues) every run trained here that has steps left."""
        for k, controller in self._controllers.items():
            if not controller.is_running() and not self.runs[k].finished:
                controller.start(self.runs[k])
        self.running_changed.emit()

    def stop_training(self) -> None:
        """Stops the runs trained here and waits for their threads (each run keeps every step
        it completed): then the trainers may be read whole, e.g. to save them."""
        for controller in self._controllers.values():
            if not controller.shutdown(quitting=False):  # a step still in flight after 1.5 s:
                controller.shutdown(quitting=True)  # ended with its engine, keeping the last one
        self.running_changed.emit()

    def end_training(self) -> None:
        """Ends the training threads at once (quitting): a step in flight may be cut short."""
        for controller in self._controllers.values():
            controller.shutdown(quitting=True)

    def _take(self, k: int, snapshot) -> None:
        if self.sides[k].take(snapshot):
            self.moved_on.emit(k)

    def _take_elsewhere(self, snapshot) -> None:
        for k in range(len(self.sides)):
            if k not in self._controllers:
                self._take(k, snapshot)

    # -- the step shown ----------------------------------------------------------------------
    def present(self, k: int):
        """Side k's newest snapshot."""
        return self.sides[k].present

    def last(self) -> int:
        """The present of the longer run: the timeline's end."""
        return max(side.live_step() for side in self.sides)

    def step(self) -> int:
        return self._step

    def show_step(self, step: int) -> list:
        """Puts both sides at `step` (each run at most at its own last step); a step before
        the present stays shown while the runs train on, until follow(). Returns each side's
        snapshot."""
        self.following = int(step) >= self.last()
        return self.at(step)

    def follow(self) -> list:
        self.following = True
        return self.at(self.last())

    def current(self) -> list:
        """Each side's snapshot at the step shown (the present, if following)."""
        return self.at(self.last() if self.following else self._step)

    def at(self, step: int) -> list:
        self._step = max(0, min(int(step), self.last()))
        shown = []
        for side in self.sides:
            try:
                side.go_to(self._step)
            except ValueError:  # a damaged file's record: its last step, which is known
                side.back_to_live()
            shown.append(side.snapshot())
        return shown
