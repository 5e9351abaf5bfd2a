"""SizePicker: a picture's size in pixels, from a list of common sizes or typed in.

The slide and animation dialogs both ask for one."""

from PySide6.QtWidgets import QComboBox, QHBoxLayout, QSpinBox, QVBoxLayout, QWidget


class SizePicker(QWidget):
    def __init__(self, sizes, low: int, high: int, tip: str = "", parent=None):
        """sizes: (width, height) choices, the first the default; low..high: pixels each way
        for a size typed in; tip: the list's tooltip."""
        super().__init__(parent)
        self._combo = QComboBox()
        for width, height in sizes:
            self._combo.addItem(self.tr("{0} x {1}").format(width, height), (width, height))
        self._combo.addItem(self.tr("Other size"), None)
        self._combo.setToolTip(tip)
        self._width, self._height = QSpinBox(), QSpinBox()
        for box, value in zip((self._width, self._height), sizes[0]):
            box.setRange(low, high)
            box.setValue(value)
            box.setSuffix(self.tr(" px"))
        self._width.setAccessibleName(self.tr("Width"))
        self._height.setAccessibleName(self.tr("Height"))
        self._other = QWidget()
        other_row = QHBoxLayout(self._other)
        other_row.setContentsMargins(0, 0, 0, 0)
        other_row.addWidget(self._width)
        other_row.addWidget(self._height)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self._combo)
        layout.addWidget(self._other)
        self._combo.currentIndexChanged.connect(self._on_choice)
        self._on_choice()

    def pixels(self) -> tuple[int, int]:
        """The chosen (width, height)."""
        chosen = self._combo.currentData()
        return tuple(chosen) if chosen is not None else (self._width.value(), self._height.value())

    def set_pixels(self, size) -> None:
        """Chooses `size` from the list, or types it in."""
        index = self._combo.findData(tuple(size))
        if index < 0:
            self._combo.setCurrentIndex(self._combo.count() - 1)
            self._width.setValue(size[0])
            self._height.setValue(size[1])
        else:
            self._combo.setCurrentIndex(index)

    def _on_choice(self, _index=None) -> None:
        self._other.setVisible(self._combo.currentData() is None)
