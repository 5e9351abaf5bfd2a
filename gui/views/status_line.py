"""StatusLine: the status bar's permanent readouts (step, loss, speed, state)."""

import math

from PySide6.QtCore import QEvent, QTimer
from PySide6.QtWidgets import QGridLayout, QLabel, QWidget

from core.training import states
from core.views.loss_convention import GATELAB, loss_factor

# QStatusBar draws its message from 6 pixels in and stops 2 short of a permanent widget.
MESSAGE_ROOM = 6 + 2 + 4  # and a little air between the message and the readouts


class StatusLine(QWidget):
    def __init__(self, parent=None):
        super().__init__(parent)
        self._grid = QGridLayout(self)
        self._grid.setContentsMargins(0, 0, 0, 0)
        self._grid.setVerticalSpacing(0)
        self._step, self._loss, self._rate, self._state = (QLabel() for _ in range(4))
        self._bar = None  # the status bar whose messages it makes room for (follow)
        self._two_rows = None
        self._two_rows_for = None  # the message the readouts went to two rows for
        tips = (self.tr("Steps done of the run's total (one step = one pass over all the rows: a "
                        "gate's 4, or a function's grid)"),
                self.tr("Loss now: summed over the 4 rows at the current weights (a function's grid: "
                        "its sum times 4 / the number of rows). The loss plot "
                        "shows each step's loss instead, added up row by row during the step "
                        "(the article's L[step]), so its last point differs a little"),
                self.tr("Training speed"), self.tr("What the trainer is doing"))
        for label, tip in zip((self._step, self._loss, self._rate, self._state), tips):
            label.setToolTip(tip)
        self._arrange(False)
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
        self._make_room()  # longer readouts may no longer leave the message its room

    def set_loss_convention(self, convention: str) -> None:
        """GATELAB or ARTICLE_SUM (core.views.loss_convention), as the loss plot shows it."""
        self._convention = convention
        if self._last is not None:
            self.update_from(self._last)

    def texts(self) -> list[str]:
        return [w.text() for w in (self._step, self._loss, self._rate, self._state)]

    def follow(self, bar) -> None:
        """Makes room for `bar`'s messages (the QStatusBar it sits in). In one row at twice the
        size on a 1024-pixel projector, the readouts covered the end of "Esc or F11: back to
        the usual window": while a message needs the room they stand in two rows."""
        self._bar = bar
        bar.messageChanged.connect(self._make_room)
        bar.installEventFilter(self)

    def eventFilter(self, watched, event) -> bool:  # noqa: N802 - Qt's name
        if watched is self._bar and event.type() in (QEvent.Type.Resize, QEvent.Type.FontChange):
            self._make_room()
        return False

    def _make_room(self, *_) -> None:
        if self._bar is not None:  # after the bar's own layout, where the readouts then stand
            QTimer.singleShot(0, self, self._fit_message)

    def _fit_message(self) -> None:
        message = self._bar.currentMessage()
        if not message or not self.isVisible():
            self._arrange(False)
            return
        # Where the readouts' left edge would be in one row: their right edge stays put.
        right = self.geometry().right() + 1
        needed = self._bar.fontMetrics().horizontalAdvance(message) + MESSAGE_ROOM
        # In two rows for a message, they stay so while it shows: the readouts' width changes
        # with the step and the speed, and each switch would resize the views over the bar.
        held = bool(self._two_rows) and message == self._two_rows_for
        self._arrange(held or right - self._row_width() < needed)
        self._two_rows_for = message if self._two_rows else None

    def _row_width(self) -> int:
        labels = (self._step, self._loss, self._rate, self._state)
        return sum(label.sizeHint().width() for label in labels) + 3 * self._grid.horizontalSpacing()

    def _arrange(self, two_rows: bool) -> None:
        """One row, or two (step and speed over loss and state): narrower, one line taller."""
        if two_rows == self._two_rows:
            return
        self._two_rows = two_rows
        labels = (self._step, self._loss, self._rate, self._state)
        for label in labels:
            self._grid.removeWidget(label)
        places = ((0, 0), (1, 0), (0, 1), (1, 1)) if two_rows else ((0, 0), (0, 1), (0, 2), (0, 3))
        for label, (row, column) in zip(labels, places):
            self._grid.addWidget(label, row, column)

    def is_two_rows(self) -> bool:
        return bool(self._two_rows)
