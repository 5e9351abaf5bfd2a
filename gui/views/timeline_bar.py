"""TimelineBar: a slider over the run's recorded steps, to put every view at any of them.

The loss plot is the timeline to the mouse (click a step); this bar is the same for the
keyboard: Left/Right one step, Page Up/Down 1 % of the run, Home/End the first and last.
Dragging the handle or pressing a key asks for that step (`step_picked`); "Back to live"
returns to the run's present. ▶ and ◀ play the run forward or backward at the speed the
controls set (the whole run in 5 s at full speed). The bar only draws snapshots: the session
decides what is shown.
"""

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QSlider, QToolButton, QVBoxLayout, QWidget

PLAY_TICK_MS = 40  # 25 pictures a second
WHOLE_RUN_S = 5.0  # at full speed, playing goes through the whole run in this time


class TimelineBar(QWidget):
    step_picked = Signal(int)
    live_requested = Signal()

    def __init__(self, parent=None):
        super().__init__(parent)
        self._slider = QSlider(Qt.Orientation.Horizontal)
        self._slider.setAccessibleName(self.tr("Timeline"))
        self._slider.setToolTip(self.tr(
            "Go back to any step of the run: every view shows the network as it was then. "
            "Left/Right: one step, Page Up/Down: 1 % of the run, Home/End: first and last step. "
            "Train or Step from a past step starts a new run from there; the old one is kept"))
        self._slider.setTracking(True)
        self._slider.valueChanged.connect(self._on_value_changed)
        self._label = QLabel()
        self._live = QPushButton(self.tr("Back to live"))
        self._live.setToolTip(self.tr("Show the run's present again (End does the same)"))
        self._live.clicked.connect(self.live_requested)
        # The slider has the whole width (the column is narrow on a laptop); the line about the
        # past step and the way back appear under it only while a past step is shown.
        self._past_row = QWidget()
        row = QHBoxLayout(self._past_row)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self._label, 1)
        row.addWidget(self._live)
        self._back = self._play_button("◀", self.tr("Play the run backward (again: pause)"), -1)
        self._forward = self._play_button("▶", self.tr("Play the run forward from the step shown "
                                                       "(again: pause)"), 1)
        self._timer = QTimer(self)
        self._timer.setInterval(PLAY_TICK_MS)
        self._timer.timeout.connect(self._tick)
        self._direction = 0
        self._speed = 0.0  # steps per second; 0: full speed
        slider_row = QHBoxLayout()
        slider_row.setContentsMargins(0, 0, 0, 0)
        slider_row.addWidget(self._back)
        slider_row.addWidget(self._slider, 1)
        slider_row.addWidget(self._forward)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 0, 4, 0)
        layout.setSpacing(2)
        layout.addLayout(slider_row)
        layout.addWidget(self._past_row)
        self._updating = False
        self._live_step = 0
        self._run = None
        self._last_pick = None
        self._past_row.setVisible(False)

    def update_from(self, snapshot) -> None:
        if snapshot.run != self._run:
            self._run = snapshot.run
            if self._direction:
                self._play(0)  # another run is shown: what was playing is over
        live = snapshot.step if snapshot.live_step is None else snapshot.live_step
        self._updating = True
        try:
            self._slider.setRange(0, live)  # the session keeps a pick within the record
            self._slider.setPageStep(max(1, live // 100))
            self._slider.setValue(snapshot.step)
        finally:
            self._updating = False
        self._slider.setEnabled(live > 0)
        self._back.setEnabled(live > 0)
        self._forward.setEnabled(live > 0)
        self._live_step = live
        past = snapshot.live_step is not None
        self._past_row.setVisible(past)
        self._label.setText(self.tr("viewing step {0:,} (live: {1:,})").format(snapshot.step, live)
                            if past else "")

    def value(self) -> int:
        return self._slider.value()

    def set_speed(self, steps_per_second: float) -> None:
        self._speed = steps_per_second

    def playing(self) -> int:
        """1 playing forward, -1 backward, 0 not playing."""
        return self._direction

    def _play_button(self, text: str, tip: str, direction: int) -> QToolButton:
        button = QToolButton()
        button.setText(text)
        button.setToolTip(tip)
        button.setAccessibleName(tip)
        button.setCheckable(True)
        button.clicked.connect(lambda on: self._play(direction if on else 0))
        return button

    def _play(self, direction: int) -> None:
        self._direction = direction
        self._forward.setChecked(direction == 1)
        self._back.setChecked(direction == -1)
        self._last_pick = None
        if not direction:
            self._timer.stop()
            return
        if direction == 1 and self._slider.value() >= self._live_step:
            self.step_picked.emit(0)  # from the present, play from the start
        self._timer.start()

    def _tick(self) -> None:
        if self._last_pick is not None and self._slider.value() != self._last_pick:
            self._play(0)  # the pick was held back (the run's record starts later): the end
            return
        live = self._live_step
        rate = self._speed if self._speed > 0 else live / WHOLE_RUN_S
        stride = max(1, round(rate * PLAY_TICK_MS / 1000))
        target = self._slider.value() + self._direction * stride
        if target >= live or target <= 0:
            target = max(0, min(target, live))
            self._play(0)  # the end of the run, or its start
        self._last_pick = target
        self.step_picked.emit(target)

    def slider(self) -> QSlider:
        return self._slider

    def _on_value_changed(self, value: int) -> None:
        if not self._updating:
            self.step_picked.emit(value)
