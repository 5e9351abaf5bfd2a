"""AnimationDialog: File > Export > Animation: which view, how many frames, how long, how big.

It only gathers the choices; core.io.animation checks them and gui.files.animation_writer
draws the frames.
"""

from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QDoubleSpinBox,
    QFormLayout,
    QLabel,
    QSpinBox,
)

from core.io.animation import (
    BOTH,
    DELAY_MAX_MS,
    DELAY_MIN_MS,
    FRAMES_MAX,
    FRAMES_MIN,
    LOSS,
    SIZE_MAX,
    SIZE_MIN,
    SURFACE,
    AnimationError,
    plan_animation,
)
from gui.common.size_picker import SizePicker

# 4:3 and 16:9 frames small enough for a slide and a chat message; 1920 x 1080 for a full slide.
ANIMATION_SIZES = ((800, 600), (1280, 720), (640, 480), (1920, 1080))
DEFAULT_FRAMES, DEFAULT_SECONDS = 100, 10.0


class AnimationDialog(QDialog):
    def __init__(self, first: int, last: int, is_3d: bool, parent=None):
        """first, last: the steps the animation runs over (the record's first, the step shown)."""
        super().__init__(parent)
        self._first, self._last = first, last
        self.plan = None  # once accepted: the checked AnimationPlan
        self.setWindowTitle(self.tr("Animation"))
        about = QLabel(self.tr("The run from step {0:,} to the step shown, {1:,}, as an animated "
                               "GIF.").format(first, last))
        about.setWordWrap(True)
        self._view = QComboBox()
        output = self.tr("The 3D surface") if is_3d else self.tr("The 2D map of the output")
        self._view.addItem(self.tr("Both, side by side"), BOTH)
        self._view.addItem(output, SURFACE)
        self._view.addItem(self.tr("The loss curve, with a dot at the step"), LOSS)
        self._frames = QSpinBox()
        self._frames.setRange(FRAMES_MIN, FRAMES_MAX)
        self._frames.setValue(min(DEFAULT_FRAMES, max(FRAMES_MIN, last - first + 1)))
        self._frames.setToolTip(self.tr("Spread evenly over the steps; more frames make a "
                                        "smoother and larger file"))
        self._seconds = QDoubleSpinBox()
        self._seconds.setRange(0.5, 600.0)
        self._seconds.setDecimals(1)
        self._seconds.setValue(DEFAULT_SECONDS)
        self._seconds.setSuffix(self.tr(" s"))
        self._seconds.setToolTip(self.tr("How long the frames play before they start again; the "
                                         "last frame shows for at least 1.5 s"))
        self._size = SizePicker(ANIMATION_SIZES, SIZE_MIN, SIZE_MAX, self.tr(
            "800 x 600 suits a 4:3 slide, 1280 x 720 a 16:9 one; a larger size makes a larger file"))
        self._caption = QCheckBox(self.tr("Caption: gate, hidden nodes, alpha, seed, step, loss"))
        self._caption.setChecked(True)
        self._turn = QCheckBox(self.tr("Turn the 3D view as it learns"))
        self._turn.setToolTip(self.tr("A quarter turn over the animation, ending on the view you "
                                      "see now. Off: every frame shows the view you see now."))
        self._turn.setEnabled(is_3d)  # the 2D map has no camera
        form = QFormLayout(self)
        form.addRow(about)
        form.addRow(self.tr("View:"), self._view)
        form.addRow(self.tr("Frames:"), self._frames)
        form.addRow(self.tr("Length:"), self._seconds)
        form.addRow(self.tr("Size:"), self._size)
        form.addRow(self._caption)
        form.addRow(self._turn)
        self._problem = QLabel()
        self._problem.setWordWrap(True)
        self._problem.setStyleSheet("QLabel { color: #a40000; }")
        self._problem.hide()
        form.addRow(self._problem)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save
                                   | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)

    def accept(self) -> None:
        """Closes only with choices an animation can be made with; otherwise says why here,
        the choices kept."""
        c = self.choices()
        try:
            self.plan = plan_animation(self._first, self._last, c["frames"], c["size"], c["view"],
                                       c["seconds"], c["turn"])
        except AnimationError as error:
            self._problem.setText(self._refusal(error))
            self._problem.show()
            return
        self._problem.hide()
        super().accept()

    def problem(self) -> str:
        """What stops Save now ("" when nothing did)."""
        return self._problem.text() if self._problem.isVisibleTo(self) else ""

    def _refusal(self, error: AnimationError) -> str:
        if error.kind == "delay":
            count, seconds = error.values
            return self.tr("{0} frames in {1:g} s is not a length a GIF can play: each frame "
                           "shows for {2:g} s to {3:g} s. Change the frames or the length.").format(
                count, seconds, DELAY_MIN_MS / 1000, DELAY_MAX_MS / 1000)
        if error.kind == "pixels":
            count, width, height, millions = error.values
            return self.tr("{0} frames of {1} x {2} are too many pixels to keep (at most {3} "
                           "million): fewer frames or a smaller size.").format(
                count, width, height, millions)
        return str(error)

    def choices(self) -> dict:
        """view, frames, seconds, size (width, height), caption and turn (bools)."""
        size = self._size.pixels()
        return {"view": self._view.currentData(), "frames": self._frames.value(),
                "seconds": self._seconds.value(), "size": tuple(size),
                "caption": self._caption.isChecked(),
                "turn": self._turn.isEnabled() and self._turn.isChecked()}

    def choose(self, view=None, frames=None, seconds=None, size=None, caption=None,
               turn=None) -> None:
        """Sets the choices as a user would (tests)."""
        if view is not None:
            self._view.setCurrentIndex(self._view.findData(view))
        if frames is not None:
            self._frames.setValue(frames)
        if seconds is not None:
            self._seconds.setValue(seconds)
        if size is not None:
            self._size.set_pixels(size)
        if caption is not None:
            self._caption.setChecked(caption)
        if turn is not None:
            self._turn.setChecked(turn)
