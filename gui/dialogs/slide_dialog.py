"""SlideDialog: File > Export > Picture for a slide: which view, how many pixels, a caption.

It only gathers the choices; gui.files.exports.export_slide draws the picture.
"""

from PySide6.QtCore import QSize
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLineEdit,
    QSpinBox,
    QWidget,
)

from gui.common.picture_sizes import SLIDE_MAX, SLIDE_MIN, SLIDE_SIZES

OUTPUT, LOSS = "output", "loss"


class SlideDialog(QDialog):
    def __init__(self, caption: str, parent=None):
        super().__init__(parent)
        self.setWindowTitle(self.tr("Picture for a slide"))
        self._view = QComboBox()
        self._view.addItem(self.tr("The output (3D view or 2D map)"), OUTPUT)
        self._view.addItem(self.tr("The loss plot"), LOSS)
        self._size = QComboBox()
        for width, height in SLIDE_SIZES:
            self._size.addItem(self.tr("{0} x {1}").format(width, height), (width, height))
        self._size.addItem(self.tr("Other size"), None)
        self._size.setToolTip(self.tr("1920 x 1080 and 1280 x 720 fill a 16:9 slide; 1600 x 1200 "
                                      "and 1024 x 768 a 4:3 one"))
        self._width, self._height = QSpinBox(), QSpinBox()
        for box, value in ((self._width, 1920), (self._height, 1080)):
            box.setRange(SLIDE_MIN, SLIDE_MAX)
            box.setValue(value)
            box.setSuffix(self.tr(" px"))
        other = QWidget()
        other_row = QHBoxLayout(other)
        other_row.setContentsMargins(0, 0, 0, 0)
        other_row.addWidget(self._width)
        other_row.addWidget(self._height)
        self._other = other
        self._size.currentIndexChanged.connect(self._on_size)
        self._with_caption = QCheckBox(self.tr("Caption under the picture"))
        self._with_caption.setChecked(True)
        self._caption = QLineEdit(caption)
        self._caption.setToolTip(self.tr("The run's settings, step and loss; edit it freely"))
        self._with_caption.toggled.connect(self._caption.setEnabled)
        form = QFormLayout(self)
        form.addRow(self.tr("View:"), self._view)
        form.addRow(self.tr("Size:"), self._size)
        form.addRow("", other)
        form.addRow(self._with_caption)
        form.addRow(self.tr("Caption:"), self._caption)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save
                                   | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)
        self._on_size()

    def _on_size(self, _index=None) -> None:
        self._other.setVisible(self._size.currentData() is None)

    def choices(self) -> tuple[str, QSize, str]:
        """(OUTPUT or LOSS, the picture's size, the caption or "")."""
        chosen = self._size.currentData()
        width, height = chosen if chosen is not None else (self._width.value(), self._height.value())
        caption = self._caption.text().strip() if self._with_caption.isChecked() else ""
        return self._view.currentData(), QSize(width, height), caption

    def choose(self, view: str, size=None, caption=None) -> None:
        """Sets the choices as a user would (tests, and the window's defaults)."""
        self._view.setCurrentIndex(self._view.findData(view))
        if size is not None:
            index = self._size.findData(tuple(size))
            if index < 0:
                self._size.setCurrentIndex(self._size.count() - 1)
                self._width.setValue(size[0])
                self._height.setValue(size[1])
            else:
                self._size.setCurrentIndex(index)
        if caption is not None:
            self._with_caption.setChecked(bool(caption))
            if caption:
                self._caption.setText(caption)
