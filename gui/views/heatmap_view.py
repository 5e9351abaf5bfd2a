"""HeatmapView: the network's output over the input square as a flat colour map.

The fallback when OpenGL is missing or broken: the same grid as SurfaceView,
seen from above, with the same colour scale, so nothing the student needs is lost.
"""

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QFont, QImage, QTransform
from PySide6.QtWidgets import QCheckBox, QLabel, QVBoxLayout, QWidget

from core.model.gates import ROWS
from core.views.node_maps import LINES_MAX, decision_lines
from core.views.snapshot import GRID_SIZE
from gui.common.plots import fixed_plot

COLORMAP = "viridis"  # the same scale as the 3D surface
TARGET_PEN = pg.mkPen((255, 64, 89), width=3)  # the surface view's target colour
SAMPLE_PEN = pg.mkPen((255, 64, 89), width=1)
MARGIN = 0.1  # room around the square so corner markers and labels are not clipped


class HeatmapView(QWidget):
    background_is_dark = True  # pyqtgraph's black: a slide's caption band matches it

    def __init__(self, notice: str = "", parent=None):
        super().__init__(parent)
        self._base_font = QFont(self.font())
        self._scale = 1.0
        self._data = np.zeros((GRID_SIZE, GRID_SIZE), dtype=np.float32)
        self._colormap = pg.colormap.get(COLORMAP)
        self._notice = QLabel(notice)
        self._notice.setWordWrap(True)
        self._notice.setVisible(bool(notice))
        # The title is a wrapping label, not the plot's own: pyqtgraph's title never wraps, so
        # its width became the map's minimum and a narrow column cut the map's right half off.
        self._title = QLabel(self._title_text(False))
        self._title.setWordWrap(True)
        self._title.setAlignment(Qt.AlignmentFlag.AlignCenter)
        # A function run: the map can show |yp - f| instead, as the 3D view can
        self._error_box = QCheckBox(self.tr("Error |yp − f|"))
        self._error_box.setToolTip(self.tr(
            "A function run: show how far the network's output is from the target at every "
            "point, samples and the space between them alike, instead of the output itself."))
        self._error_box.setVisible(False)
        self._error_box.toggled.connect(self._on_error_toggled)
        self._last = None
        self._plot_widget = pg.PlotWidget()
        self._plot_widget.setMinimumWidth(200)
        self._plot_widget.setToolTip(self.tr(
            "Each corner: yt, the target, and yp, the network's prediction for that input. "
            "Solid lines: where each hidden node's input sum is 0, in the node's colour (the "
            "diagram's and the hidden maps'); the 2-layer model's one line is white."))
        self._build_plot(self._plot_widget.getPlotItem())
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self._notice)
        layout.addWidget(self._title)
        layout.addWidget(self._error_box)
        layout.addWidget(self._plot_widget, 1)

    # --- public API -------------------------------------------------------
    def update_from(self, snapshot) -> None:
        grid = np.asarray(snapshot.grid)
        if grid.shape != self._data.shape:
            raise ValueError(f"expected a {self._data.shape} grid, got {grid.shape}")
        if not np.isfinite(grid).all():
            return  # a diverged run: keep the last finite map on screen
        self._last = snapshot
        self._error_box.setVisible(snapshot.is_function)
        showing_error = self.showing_error()
        if showing_error:
            grid = snapshot.error_grid  # the error's colours instead of the output's
        np.copyto(self._data, grid, casting="same_kind")
        self._image.setImage(self._data, autoLevels=False, levels=(0.0, 1.0))
        # the 0.5 contour and the samples' target colours belong to the output, not the error
        self._boundary.setData(*(_contour(self._data, 0.5) if not showing_error else ([], [])))
        self._markers.setVisible(not showing_error)
        # the nodes' lines too: drawn over the error's colours they hid its faint patches
        self._set_lines(decision_lines(snapshot.weights) if not showing_error else [])
        self._set_rows(snapshot.points, np.asarray(snapshot.targets), np.asarray(snapshot.predictions))
        axis = self._bar.getAxis("left")
        height = self.tr("error") if showing_error else self.tr("output")
        if axis.labelText != height:  # the colours and the title say what they show
            axis.setLabel(height)
            self._title.setText(self._title_text(showing_error))

    def show_error(self, on: bool) -> None:
        """A function run: the map is |yp - f| instead of yp (the samples hide)."""
        self._error_box.setChecked(bool(on))

    def showing_error(self) -> bool:
        return not self._error_box.isHidden() and self._error_box.isChecked()  # shown or not

    def _on_error_toggled(self, _checked: bool) -> None:
        if self._last is not None:
            self.update_from(self._last)

    def _title_text(self, error: bool) -> str:
        if error:
            return self.tr("Error |yp − f| seen from above: dark where the network meets the target")
        return self.tr("Network output seen from above (dashed: output = 0.5)")

    def set_scale(self, factor: float) -> None:
        """Markers and corner labels `factor` times their usual size (presentation mode: 2)."""
        self._scale = factor
        if self._last is not None:  # the markers' size depends on the run: a gate's or a grid's
            self.update_from(self._last)
        for label in self._labels:
            font = QFont(self._base_font)  # from the size at construction, not the font now
            font.setPointSizeF(self._base_font.pointSizeF() * factor)
            label.setFont(font)

    def line_data(self) -> list[tuple[str, np.ndarray]]:
        """The decision lines drawn now: (colour, 2 x 2 end points) each."""
        return [(item.opts["pen"].color().name().upper(), np.column_stack(item.getData()))
                for item in self._lines if item.isVisible()]

    def _set_lines(self, lines) -> None:
        for k, item in enumerate(self._lines):
            if k < len(lines):
                _node, colour, segment = lines[k]
                item.setPen(pg.mkPen(colour, width=2.5))
                item.setData(segment[:, 0], segment[:, 1])
                item.setVisible(True)
            else:
                item.setVisible(False)

    def image_data(self) -> np.ndarray:
        return np.array(self._image.image, copy=True)

    def render_image(self) -> QImage:
        """The map as drawn now, like SurfaceView.render_image (for self-tests and screenshots)."""
        return self._plot_widget.grab().toImage()

    def notice(self) -> str:
        return self._notice.text()

    def title(self) -> str:
        return self._title.text()

    def colour_label(self) -> str:
        return self._bar.getAxis("left").labelText

    def markers_visible(self) -> bool:
        return self._markers.isVisible()

    def set_notice(self, text: str) -> None:
        self._notice.setText(text)
        self._notice.setVisible(bool(text))

    def marker_sizes(self) -> set:
        return {spot.size() for spot in self._markers.points()}

    def marker_brushes(self) -> list:
        return [spot.brush().color().getRgb() for spot in self._markers.points()]

    # --- plot -------------------------------------------------------------
    def _build_plot(self, plot: pg.PlotItem) -> None:
        plot.setLabel("bottom", self.tr("x1"))
        plot.setLabel("left", self.tr("x2"))
        fixed_plot(plot)
        plot.setRange(xRange=(-MARGIN, 1 + MARGIN), yRange=(-MARGIN, 1 + MARGIN), padding=0)
        for name in ("bottom", "left"):
            plot.getAxis(name).setTicks([[(0.0, "0"), (0.5, "0.5"), (1.0, "1")]])
        # col-major: image[i, j] is drawn at x = i, y = j, exactly the grid's [x1, x2] order.
        self._image = pg.ImageItem(self._data, axisOrder="col-major", levels=(0.0, 1.0))
        step = 1.0 / (GRID_SIZE - 1)
        self._image.setRect(QRectF(-step / 2, -step / 2, 1 + step, 1 + step))  # pixels centred on samples
        plot.addItem(self._image)
        bar = pg.ColorBarItem(values=(0.0, 1.0), colorMap=self._colormap, interactive=False,
                              label=self.tr("output"), colorMapMenu=False)
        bar.setImageItem(self._image, insert_in=plot)
        plot.layout.setContentsMargins(2, 12, 2, 12)  # the bar's end ticks are centred on its ends
        self._bar = bar
        # Each hidden node's line (where its input sum is 0), in its colour, under the output's
        # 0.5 contour; the 2-layer model's one line in white (core.views.node_maps).
        self._lines = []
        for _ in range(LINES_MAX):
            item = pg.PlotCurveItem()
            item.setVisible(False)
            plot.addItem(item)
            self._lines.append(item)
        # The 0.5 contour is the decision boundary: the flat view's "decision plane".
        self._boundary = pg.PlotCurveItem(pen=pg.mkPen("w", width=2, style=Qt.PenStyle.DashLine),
                                          connect="finite")
        self._boundary.setTransform(QTransform.fromScale(step, step))  # sample index -> x1, x2
        plot.addItem(self._boundary)
        rows = np.asarray(ROWS)
        self._markers = pg.ScatterPlotItem(x=rows[:, 0], y=rows[:, 1], size=18, pen=TARGET_PEN)
        plot.addItem(self._markers)
        self._labels = []
        for x1, x2 in ROWS:
            # Anchor each label on the inner side of its corner so it stays inside the square.
            label = pg.TextItem(anchor=(x1, 1 - x2), color="w", fill=pg.mkBrush(0, 0, 0, 150))
            label.setPos(x1 + (0.04 if x1 == 0 else -0.04), x2 + (0.04 if x2 == 0 else -0.04))
            plot.addItem(label)
            self._labels.append(label)

    def _set_rows(self, points, targets: np.ndarray, predictions: np.ndarray) -> None:
        brushes = [pg.mkBrush(self._colormap.map(float(t), mode="qcolor")) for t in targets]
        points = np.asarray(points, dtype=float)
        gate = len(points) == len(ROWS)
        # A function's samples: small markers in the target's colour, no corner labels; a thin
        # ring, or the colour the guide points to hides under it.
        self._markers.setData(x=points[:, 0], y=points[:, 1], size=(18 if gate else 8) * self._scale,
                              pen=TARGET_PEN if gate else SAMPLE_PEN, brush=brushes)
        for label in self._labels:
            label.setVisible(gate)
        if not gate:
            return
        for label, target, prediction in zip(self._labels, targets, predictions, strict=True):
            # Symbols, not words: two corner labels share a side of a map ~150 px wide.
            label.setText(self.tr("yt {0:g}\nyp {1:.2f}").format(target, prediction))


def _contour(data: np.ndarray, level: float):
    """x, y of the level curves in sample-index units, pieces separated by NaN.

    Not IsocurveItem: its extendToEdge draws hooks along the border.
    """
    pieces = pg.functions.isocurve(data, level, connected=True, extendToEdge=False)
    gap = np.full((1, 2), np.nan)
    points = np.vstack([np.vstack([np.asarray(p, dtype=float), gap]) for p in pieces] or [gap])
    return points[:, 0], points[:, 1]
