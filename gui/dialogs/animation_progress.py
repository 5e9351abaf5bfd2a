"""AnimationProgress: the window an animation is drawn in, with its progress and Cancel.

It holds the animation's own views (its stage, given by the caller) as a preview, since OpenGL
draws only in a window that is shown. Closing it, Esc or Cancel asks to stop.
"""

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QProgressBar, QVBoxLayout


class AnimationProgress(QDialog):
    cancel_requested = Signal()

    def __init__(self, stage, total: int, path: str, parent=None):
        super().__init__(parent)
        self.setWindowTitle(self.tr("Making the animation"))
        self.setWindowModality(Qt.WindowModality.NonModal)  # the run and its window go on
        self._label = QLabel(self.tr("Drawing frame 0 of {0} for {1}").format(total, path))
        self._label.setWordWrap(True)
        self._bar = QProgressBar()
        self._bar.setRange(0, total)
        self._bar.setValue(0)
        self._bar.setFormat(self.tr("%v of %m frames"))
        self._total, self._path = total, path
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(stage, 1)
        layout.addWidget(self._label)
        layout.addWidget(self._bar)
        layout.addWidget(buttons)
        self._finished = False

    def set_progress(self, done: int, total: int) -> None:
        self._bar.setMaximum(total)
        self._bar.setValue(done)
        text = self.tr("Drawing frame {0} of {1} for {2}") if done < total else \
            self.tr("Writing {2} ({1} frames)")
        self._label.setText(text.format(done, total, self._path))

    def set_waiting(self, waiting: bool) -> None:
        """Paused while the window is hidden or minimised (OpenGL draws only when it shows)."""
        if waiting:
            self._label.setText(self.tr("Paused: the frames are drawn only while this window is "
                                        "shown."))
        else:
            self.set_progress(self._bar.value(), self._bar.maximum())

    def frames_done(self) -> int:
        return self._bar.value()

    def finish(self) -> None:
        """Closes the window without asking to stop (the animation has ended)."""
        self._finished = True
        self.close()

    def reject(self) -> None:  # Cancel, Esc and the window's close button
        if not self._finished:
            self.cancel_requested.emit()
        self._finished = True
        super().reject()

    def closeEvent(self, event) -> None:
        if not self._finished:
            self.cancel_requested.emit()
            self._finished = True
        super().closeEvent(event)
