"""LandscapeView: the total loss over a plane through weight space, with the run's path on it.

What is drawn comes from core.views.landscape: the loss of every network on a 61 x 61 grid
of the plane (a colour map with contour lines: dark is low), the run's path projected onto
the plane (white) from its start (a small dot) to now (red: a ring on the map, a dot on the
3D surface, so the text names the colour, not the shape). The plane is either two
weights the user picks, the others held at their current values, or the plane through the
start and the current weights that holds most of the path.
"""

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QRectF
from PySide6.QtWidgets import QCheckBox, QComboBox, QHBoxLayout, QLabel, QVBoxLayout, QWidget

from core.views import landscape as ls
from gui.common.plots import fixed_plot
from gui.views import gl_probe

COLORMAP = "viridis"
CONTOURS = 8  # contour lines between the grid's lowest and highest loss (log spaced)


class LandscapeView(QWidget):
    def __init__(self, parent=None):
        super().__init__(parent)
        self._colormap = pg.colormap.get(COLORMAP)
        self._snapshot = None
        self._landscape = None
        self._hidden_nodes = -1
        self._title = QLabel(self.tr(
            "Loss landscape: the total loss over a plane through the weights (dark: low). White: "
            "the run's path from its start (small dot) to now (red)."))
        self._title.setWordWrap(True)
        self._plane = QComboBox()
        self._plane.addItem(self.tr("Two weights"), ls.WEIGHTS)
        self._plane.addItem(self.tr("Start, now and the path"), ls.PATH)
        self._plane.setToolTip(self.tr(
            "Two weights: the loss as two weights change, every other weight as it is now. "
            "Start, now and the path: the plane through the first and the current weights that "
            "holds most of the path"))
        self._plane.activated.connect(self._redraw)
        self._first, self._second = QComboBox(), QComboBox()
        for box in (self._first, self._second):
            box.setToolTip(self.tr("The weight on this axis (named as in the network diagram)"))
            box.activated.connect(self._redraw)
        for box in (self._plane, self._first, self._second):  # a narrow dock: never wider
            box.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
            box.setMinimumContentsLength(10)
        row = QHBoxLayout()
        row.addWidget(QLabel(self.tr("Plane:")))
        row.addWidget(self._plane, 1)
        weights_row = QHBoxLayout()
        weights_row.addWidget(self._first, 1)
        weights_row.addWidget(self._second, 1)
        self._note = QLabel()
        self._note.setWordWrap(True)
        self._plot_widget = pg.PlotWidget()
        self._plot_widget.setMinimumSize(220, 220)
        self._build_plot(self._plot_widget.getPlotItem())
        # 3D when OpenGL works (a native GL window, made only then), else the 2D map alone.
        ok, reason = gl_probe.opengl_available()
        self._surface = None
        self._three_d = QCheckBox(self.tr("3D"))
        if ok:
            from gui.views.landscape_surface import LandscapeSurface

            self._surface = LandscapeSurface()
            self._three_d.setToolTip(self.tr("The loss as a surface (drag to turn it); off: the "
                                             "2D contour map"))
        else:
            self._three_d.setEnabled(False)
            self._three_d.setToolTip(self.tr("OpenGL is not available ({0}): the 2D map is "
                                             "shown.").format(reason))
        self._three_d.setChecked(ok)
        self._three_d.toggled.connect(self._on_three_d)
        row.addWidget(self._three_d)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(self._title)
        layout.addLayout(row)
        layout.addLayout(weights_row)
        layout.addWidget(self._note)
        layout.addWidget(self._plot_widget, 1)
        if self._surface is not None:
            layout.addWidget(self._surface, 1)
        self._on_three_d(self._three_d.isChecked())

    # --- public API -------------------------------------------------------
    def slide_part(self):
        """What a picture for a slide shows: the 3D surface when it is on, else the view."""
        shown_3d = self._surface is not None and not self._surface.isHidden()
        return self._surface if shown_3d else self

    def update_from(self, snapshot) -> None:
        self._snapshot = snapshot
        if snapshot.hidden_nodes != self._hidden_nodes:
            self._hidden_nodes = snapshot.hidden_nodes
            self._fill_weights(snapshot.hidden_nodes)
        self._redraw()

    def landscape(self):
        """What is drawn now (core.views.landscape.Landscape), or None."""
        return self._landscape

    def is_3d(self) -> bool:
        return self._surface is not None and self._three_d.isChecked()

    def surface(self):
        return self._surface

    def _on_three_d(self, on: bool) -> None:
        if self._surface is not None:
            self._surface.setVisible(on)
        self._plot_widget.setVisible(not on or self._surface is None)

    def set_plane(self, kind: str, pair=None) -> None:
        """kind: landscape.WEIGHTS (with pair: two weight indices) or landscape.PATH."""
        self._plane.setCurrentIndex(self._plane.findData(kind))
        if pair is not None:
            self._first.setCurrentIndex(pair[0])
            self._second.setCurrentIndex(pair[1])
        self._redraw()

    # --- drawing ------------------------------------------------------------
    def _build_plot(self, plot: pg.PlotItem) -> None:
        fixed_plot(plot, square=False)
        self._image = pg.ImageItem(np.zeros((2, 2), np.float32), axisOrder="col-major")
        self._image.setLookupTable(self._colormap.getLookupTable(nPts=256))
        plot.addItem(self._image)
        self._bar = pg.ColorBarItem(values=(0.0, 1.0), colorMap=self._colormap,
                                    interactive=False, label=self.tr("total loss"),
                                    colorMapMenu=False)
        self._bar.setImageItem(self._image, insert_in=plot)
        self._contours = pg.PlotCurveItem(pen=pg.mkPen(255, 255, 255, 70, width=1),
                                          connect="finite")
        plot.addItem(self._contours)
        self._path = pg.PlotCurveItem(pen=pg.mkPen("w", width=2))
        plot.addItem(self._path)
        self._start = pg.ScatterPlotItem(size=7, brush=pg.mkBrush("w"), pen=None)
        plot.addItem(self._start)
        self._now = pg.ScatterPlotItem(size=14, brush=None, pen=pg.mkPen((255, 64, 89), width=3))
        plot.addItem(self._now)

    def _redraw(self, _index=None) -> None:
        snapshot = self._snapshot
        if snapshot is None or not snapshot.weights.is_finite():
            return  # a diverged run: keep the last picture
        if not ls.drawable(snapshot.weights):
            self._note.setText(self.tr("These weights are too large (beyond 1e100) for a landscape "
                                       "around them to be computed."))
            self._note.show()
            return
        kind = self._plane.currentData()
        self._first.setVisible(kind == ls.WEIGHTS)
        self._second.setVisible(kind == ls.WEIGHTS)
        pair = (self._first.currentIndex(), self._second.currentIndex())
        if kind == ls.PATH:
            shown = ls.path_landscape(snapshot.config, snapshot.weights, snapshot.path)
        else:
            if pair[0] == pair[1]:
                self._note.setText(self.tr("Pick two different weights."))
                self._note.show()
                return
            shown = ls.weights_landscape(snapshot.config, snapshot.weights, pair, snapshot.path)
        self._landscape = shown
        self._note.setText(self.tr("No path yet (a run opened from a file, or not trained): two "
                                   "weights are shown.") if shown.note == ls.NO_PATH else "")
        self._note.setVisible(bool(self._note.text()))
        self._draw(shown)
        if self._surface is not None:
            if shown.kind == ls.WEIGHTS:
                names = shown.labels
                axes = self.tr("Axes: {0} and {1}, the other weights as they are now.").format(*names)
            else:
                names = ("a", "b")
                axes = self.tr("a: from where the path starts (0) to now (1); b: the path's other direction.")
            self._surface.show_landscape(shown, names, axes)

    def _draw(self, shown) -> None:
        # Held within float32 (a diverging run's losses are huge), non-finite ones left out.
        limit = float(np.finfo(np.float32).max) / 4
        loss = np.where(np.isfinite(shown.loss), np.clip(shown.loss, -limit, limit), np.nan)
        low, high = float(np.nanmin(loss)), float(np.nanmax(loss))
        if not high > low:
            high = low + 1e-9
        levels = (low, high)
        self._image.setImage(np.nan_to_num(loss, nan=high).astype(np.float32), autoLevels=False,
                             levels=levels)
        a, b = shown.a, shown.b
        da, db = (a[-1] - a[0]) / (len(a) - 1), (b[-1] - b[0]) / (len(b) - 1)
        self._image.setRect(QRectF(a[0] - da / 2, b[0] - db / 2, a[-1] - a[0] + da,
                                   b[-1] - b[0] + db))
        self._bar.setLevels(levels)
        x, y = _contours(loss, low, high, a, b)
        self._contours.setData(x, y)
        path = shown.trajectory.reshape(-1, 2)
        self._path.setData(path[:, 0], path[:, 1])
        self._start.setData(path[:1, 0], path[:1, 1])
        self._now.setData([shown.current[0]], [shown.current[1]])
        plot = self._plot_widget.getPlotItem()
        names = shown.labels if shown.kind == ls.WEIGHTS else (
            self.tr("a: from where the path starts (0) to now (1)"),
            self.tr("b: the path's other direction"))
        plot.setLabel("bottom", names[0])
        plot.setLabel("left", names[1])
        plot.setRange(xRange=(a[0], a[-1]), yRange=(b[0], b[-1]), padding=0.02)

    def _fill_weights(self, hidden_nodes: int) -> None:
        names = ls.parameter_names(hidden_nodes)
        first, second = ls.default_pair(hidden_nodes)
        for box, index in ((self._first, first), (self._second, second)):
            box.clear()
            box.addItems(names)
            box.setCurrentIndex(index)


def _contours(loss: np.ndarray, low: float, high: float, a: np.ndarray, b: np.ndarray):
    """Contour lines at CONTOURS losses spaced evenly in log(loss) (grid units -> a, b)."""
    floor = max(low, 1e-12)
    values = np.geomspace(floor, max(high, floor * 1.0001), CONTOURS + 2)[1:-1]
    gap = np.full((1, 2), np.nan)
    pieces = []
    filled = np.nan_to_num(loss, nan=high)
    for value in values:
        for piece in pg.functions.isocurve(filled, value, connected=True, extendToEdge=False):
            pieces.append(np.asarray(piece, dtype=float))
            pieces.append(gap)
    if not pieces:
        return np.array([]), np.array([])
    points = np.vstack(pieces)
    da, db = (a[-1] - a[0]) / (len(a) - 1), (b[-1] - b[0]) / (len(b) - 1)
    return a[0] + points[:, 0] * da, b[0] + points[:, 1] * db
