"""SlideDialog: File > Export > Picture for a slide: which view, how many pixels, a caption.

It only gathers the choices; gui.files.exports.export_slide draws the picture.
"""

from PySide6.QtCore import QSize
from PySide6.QtWidgets import QCheckBox, QComboBox, QDialog, QDialogButtonBox, QFormLayout, QLineEdit

from gui.common.picture_sizes import SLIDE_MAX, SLIDE_MIN, SLIDE_SIZES
from gui.common.size_picker import SizePicker

OUTPUT, LOSS = "output", "loss"
# The side column's views, by their dock keys (gui.shell.window_layout).
NETWORK, HIDDEN, SPACE, LANDSCAPE, MATH = "network", "hidden", "space", "landscape", "math"
SUM = "sum"
DOCK_VIEWS = (NETWORK, HIDDEN, SPACE, LANDSCAPE, MATH, SUM)


class SlideDialog(QDialog):
    def __init__(self, caption: str, parent=None):
        super().__init__(parent)
        self.setWindowTitle(self.tr("Picture for a slide"))
        self._view = QComboBox()
        self._view.addItem(self.tr("The output (3D view or 2D map)"), OUTPUT)
        self._view.addItem(self.tr("The loss plot"), LOSS)
        for key, title in ((NETWORK, self.tr("The network diagram")),
                           (HIDDEN, self.tr("The hidden node maps")),
                           (SPACE, self.tr("The hidden space")),
                           (LANDSCAPE, self.tr("The loss landscape")),
                           (MATH, self.tr("The step-by-step math (this phase)")),
                           (SUM, self.tr("How the sum builds it"))):
            self._view.addItem(title, key)
        self._view.setToolTip(self.tr("A view from the side column is drawn as it is shown there "
                                      "(its tab is brought to the front)"))
        self._size = SizePicker(SLIDE_SIZES, SLIDE_MIN, SLIDE_MAX, self.tr(
            "1920 x 1080 and 1280 x 720 fill a 16:9 slide; 1600 x 1200 and 1024 x 768 a 4:3 one"))
        self._with_caption = QCheckBox(self.tr("Caption under the picture"))
        self._with_caption.setChecked(True)
        self._caption = QLineEdit(caption)
        self._caption.setToolTip(self.tr("The run's settings, step and loss; edit it freely"))
        self._with_caption.toggled.connect(self._caption.setEnabled)
        form = QFormLayout(self)
        form.addRow(self.tr("View:"), self._view)
        form.addRow(self.tr("Size:"), self._size)
        form.addRow(self._with_caption)
        form.addRow(self.tr("Caption:"), self._caption)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save
                                   | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)

    def choices(self) -> tuple[str, QSize, str]:
        """(OUTPUT, LOSS or one of DOCK_VIEWS, the picture's size, the caption or "")."""
        width, height = self._size.pixels()
        caption = self._caption.text().strip() if self._with_caption.isChecked() else ""
        return self._view.currentData(), QSize(width, height), caption

    def choose(self, view: str, size=None, caption=None) -> None:
        """Sets the choices as a user would (tests, and the window's defaults)."""
        self._view.setCurrentIndex(self._view.findData(view))
        if size is not None:
            self._size.set_pixels(size)
        if caption is not None:
            self._with_caption.setChecked(bool(caption))
            if caption:
                self._caption.setText(caption)
