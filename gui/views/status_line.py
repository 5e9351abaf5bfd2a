"""StatusLine: the status bar's permanent readouts (step, loss, speed, state)."""

import math

from PySide6.QtWidgets import QHBoxLayout, QLabel, QWidget

from core.training import states
from core.views.loss_convention import GATELAB, loss_factor


class StatusLine(QWidget):
    def __init__(self, parent=None):
        super().__init__(parent)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self._step, self._loss, self._rate, self._state = (QLabel() for _ in range(4))
        tips = (self.tr("Steps done of the run's total (one step = one pass over all the rows: a "
                        "gate's 4, or a function's grid)"),
                self.tr("Loss now: summed over the 4 rows at the current weights (a function's grid: "
                        "its sum times 4 / the number of rows). The loss plot "
                        "shows each step's loss instead, added up row by row during the step "
                        "(the article's L[step]), so its last point differs a little"),
                self.tr("Training speed"), self.tr("What the trainer is doing"))
        for label, tip in zip((self._step, self._loss, self._rate, self._state), tips):
            label.setToolTip(tip)
            layout.addWidget(label)
        self._names = {states.IDLE: self.tr("ready"), states.TRAINING: self.tr("training"),
                       states.PAUSED: self.tr("paused"), states.FINISHED: self.tr("finished"),
                       states.DIVERGED: self.tr("diverged"), states.FAILED: self.tr("failed"),
                       states.STOPPED: self.tr("stopped")}
        self._convention = GATELAB
        self._last = None

    def update_from(self, snapshot) -> None:
        if snapshot.live_step is None:
            self._step.setText(self.tr("step {0:,} of {1:,}").format(snapshot.step, snapshot.total_steps))
        else:
            self._step.setText(self.tr("step {0:,} of {1:,}, the past (live: {2:,})").format(
                snapshot.step, snapshot.total_steps, snapshot.live_step))
        kind = snapshot.config.loss if snapshot.config is not None else "squared"
        factor = loss_factor(kind, snapshot.hidden_nodes, self._convention)
        if not math.isfinite(snapshot.loss):
            self._loss.setText(self.tr("loss too large to compute"))
        elif factor != 1.0:  # the article's sum: twice the loss, and said so
            self._loss.setText(self.tr("loss now {0:.6g} (the article's sum, no ½)").format(
                factor * snapshot.loss))
        else:
            self._loss.setText(self.tr("loss now {0:.6g}").format(snapshot.loss))
        self._last = snapshot
        rate = snapshot.steps_per_second
        self._rate.setText(self.tr("{0:,.0f} steps/s").format(rate) if rate else "")
        self._state.setText(self._names.get(snapshot.state, snapshot.state))

    def set_loss_convention(self, convention: str) -> None:
        """GATELAB or ARTICLE_SUM (core.views.loss_convention), as the loss plot shows it."""
        self._convention = convention
        if self._last is not None:
            self.update_from(self._last)

    def texts(self) -> list[str]:
        return [w.text() for w in (self._step, self._loss, self._rate, self._state)]
