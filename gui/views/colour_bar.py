"""ColourBar: a small horizontal key to a view's colours: "output 0 [gradient] 1".

For the 3D surface, whose colour is its height: a student reading colours from the 2D views
(which have pyqtgraph colour bars) finds the same key here.
"""

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QRectF, QSize, Qt
from PySide6.QtGui import QColor, QLinearGradient, QPainter
from PySide6.QtWidgets import QSizePolicy, QWidget


class ColourBar(QWidget):
    def __init__(self, colormap: str, label: str, low: str = "0", high: str = "1", parent=None):
        super().__init__(parent)
        self._stops = pg.colormap.get(colormap).getLookupTable(nPts=16, mode="byte")
        self._label, self._low, self._high = label, low, high
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Fixed)
        self.setToolTip(self.tr("The surface's colour is its height: the network's output, "
                                "from 0 (dark blue) to 1 (yellow)"))

    def set_label(self, label: str) -> None:
        """What the colours measure ("output", or a function run's "error")."""
        if label != self._label:
            self._label = label
            self.updateGeometry()
            self.update()

    def label(self) -> str:
        return self._label

    def stops(self) -> np.ndarray:
        return np.array(self._stops, copy=True)

    def sizeHint(self) -> QSize:  # noqa: N802 - Qt's name
        metrics = self.fontMetrics()
        text = metrics.horizontalAdvance(f"{self._label} {self._low}  {self._high}")
        return QSize(text + 90, metrics.height() + 4)

    def minimumSizeHint(self) -> QSize:  # noqa: N802 - Qt's name
        metrics = self.fontMetrics()
        text = metrics.horizontalAdvance(f"{self._label} {self._low}  {self._high}")
        return QSize(text + 60, metrics.height() + 4)  # at least 60 pixels of gradient

    def paintEvent(self, event):  # noqa: N802 - Qt's name
        painter = QPainter(self)
        metrics = self.fontMetrics()
        height = self.height()
        x = 0
        for text in (self._label, self._low):
            painter.drawText(QRectF(x, 0, metrics.horizontalAdvance(text) + 4, height),
                             Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignLeft, text)
            x += metrics.horizontalAdvance(text) + 6
        end = self.width() - metrics.horizontalAdvance(self._high) - 4
        bar = QRectF(x, height * 0.25, max(10.0, end - x - 4), height * 0.5)
        gradient = QLinearGradient(bar.left(), 0, bar.right(), 0)
        for k, (r, g, b, *_) in enumerate(self._stops):
            gradient.setColorAt(k / (len(self._stops) - 1), QColor(int(r), int(g), int(b)))
        painter.fillRect(bar, gradient)
        painter.drawText(QRectF(end, 0, self.width() - end, height),
                         Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignRight, self._high)
        painter.end()
