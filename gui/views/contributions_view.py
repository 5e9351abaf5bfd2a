"""ContributionsView: how the output node's sum builds the surface (issue #28).

One small map per hidden node of its contribution w2_j h_j over the input square (x1 across,
x2 up), then their sum with the output's bias, v, and the sigmoid of it, yp: the steps and
bumps the universal approximation theorem's proof is built from, as this network found them.
Computed by core.views.contributions; drawn at the step shown, live while training.

The contributions and v share one symmetric colour scale (blue below 0, red above), so a pale
map is a small share; yp has the output views' scale, 0 to 1.
"""

import math

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QRectF
from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from core.views.contributions import GRID, contributions
from core.views.node_maps import mosaic_columns, node_colour
from gui.common.plots import fixed_plot

SHARE_MAP = "CET-D1"  # diverging: blue negative, white 0, red positive
OUTPUT_MAP = "viridis"  # the output views' scale
PITCH, ROW_PITCH = 1.2, 1.35
_STEP = 1.0 / (GRID - 1)


class ContributionsView(QWidget):
    def __init__(self, parent=None):
        super().__init__(parent)
        self._images: list[pg.ImageItem] = []
        self._titles: list[pg.TextItem] = []
        self._hidden = -1
        self._shown = None  # the last Contributions drawn
        caption = QLabel(self.tr(
            "The output node adds its inputs: each hidden node's output times its weight (one map "
            "each, blue below 0, red above), plus its bias, gives v; the sigmoid of v is the "
            "prediction yp. With enough hidden nodes, such steps and bumps add up to any "
            "continuous surface: the universal approximation theorem."))
        caption.setWordWrap(True)
        caption.setContentsMargins(6, 4, 6, 4)
        self._widget = pg.PlotWidget()
        self._plot = self._widget.getPlotItem()
        for name in ("left", "bottom"):
            self._plot.hideAxis(name)
        fixed_plot(self._plot)
        self._bar = pg.ColorBarItem(values=(-1.0, 1.0), colorMap=pg.colormap.get(SHARE_MAP),
                                    interactive=False, label=self.tr("w2 h and v"), colorMapMenu=False)
        self._plot.layout.addItem(self._bar, 2, 5)
        self._plot.layout.setContentsMargins(2, 12, 2, 12)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(caption)
        layout.addWidget(self._widget, 1)

    # --- public API -------------------------------------------------------
    def update_from(self, snapshot) -> None:
        if not snapshot.weights.is_finite():
            return  # a diverged run: keep the last finite maps
        shown = contributions(snapshot.weights, snapshot.activation)
        if shown.parts.shape[0] != self._hidden:
            self._rebuild(shown.parts.shape[0])
        span = shown.span() or 1.0
        levels = (-span, span)
        self._bar.setLevels(levels)
        for image, grid in zip(self._images, [*shown.parts, shown.total], strict=False):
            image.setImage(np.clip(grid, -1e30, 1e30).astype(np.float32), autoLevels=False, levels=levels)
        self._images[-1].setImage(shown.output.astype(np.float32), autoLevels=False, levels=(0.0, 1.0))
        self._shown = shown

    def titles(self) -> list[str]:
        return [title.textItem.toPlainText() for title in self._titles]

    def map_data(self, k: int) -> np.ndarray:
        """Map k: hidden node k's contribution for k < H, then v, then yp."""
        return np.array(self._images[k].image, copy=True)

    # --- layout -----------------------------------------------------------
    def _rebuild(self, hidden: int) -> None:
        for item in self._images + self._titles:
            self._plot.removeItem(item)
        self._images, self._titles = [], []
        self._hidden = hidden
        names = [self.tr("w2 h{0}").format(j + 1) for j in range(hidden)]
        names += [self.tr("v = Σ + b"), self.tr("yp = σ(v)")]
        count = len(names)
        columns = max(2, mosaic_columns(count))
        rows = math.ceil(count / columns)
        for k, name in enumerate(names):
            row, column = divmod(k, columns)
            cell = QRectF(column * PITCH, (rows - 1 - row) * ROW_PITCH, 1.0, 1.0)
            image = pg.ImageItem(np.zeros((GRID, GRID), np.float32), axisOrder="col-major")
            image.setRect(cell.adjusted(-_STEP / 2, -_STEP / 2, _STEP / 2, _STEP / 2))
            image.setColorMap(pg.colormap.get(OUTPUT_MAP if k == count - 1 else SHARE_MAP))
            fill = node_colour(k) if k < hidden else "#dddddd"
            title = pg.TextItem(name, anchor=(0.0, 0.0), color="k", fill=pg.mkBrush(fill))
            title.setPos(cell.left(), cell.bottom())  # inside the map's top-left corner
            self._plot.addItem(image)
            self._plot.addItem(title)
            self._images.append(image)
            self._titles.append(title)
        self._plot.setRange(xRange=(-0.05, columns * PITCH - PITCH + 1.05),
                            yRange=(-0.05, rows * ROW_PITCH), padding=0)
