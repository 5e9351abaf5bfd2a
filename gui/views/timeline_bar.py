"""TimelineBar: a slider over the run's recorded steps, to put every view at any of them.

The loss plot is the timeline to the mouse (click a step); this bar is the same for the
keyboard: Left/Right one step, Page Up/Down 1 % of the run, Home/End the first and last.
Dragging the handle or pressing a key asks for that step (`step_picked`); "Back to live"
returns to the run's present. The bar only draws snapshots: the session decides what is shown.
"""

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QSlider, QVBoxLayout, QWidget


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
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 0, 4, 0)
        layout.setSpacing(2)
        layout.addWidget(self._slider)
        layout.addWidget(self._past_row)
        self._updating = False
        self._past_row.setVisible(False)

    def update_from(self, snapshot) -> None:
        live = snapshot.step if snapshot.live_step is None else snapshot.live_step
        self._updating = True
        try:
            self._slider.setRange(0, live)  # the session keeps a pick within the record
            self._slider.setPageStep(max(1, live // 100))
            self._slider.setValue(snapshot.step)
        finally:
            self._updating = False
        self._slider.setEnabled(live > 0)
        past = snapshot.live_step is not None
        self._past_row.setVisible(past)
        self._label.setText(self.tr("viewing step {0:,} (live: {1:,})").format(snapshot.step, live)
                            if past else "")

    def value(self) -> int:
        return self._slider.value()

    def slider(self) -> QSlider:
        return self._slider

    def _on_value_changed(self, value: int) -> None:
        if not self._updating:
            self.step_picked.emit(value)
