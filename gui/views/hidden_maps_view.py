"""HiddenMapsView: one small map per hidden node, so a student sees XOR built from half-planes.

Each map is snapshot.hidden_grids[j]: node j's output h_j over the input square. All
maps sit in one ViewBox (64 plots with axes would be slow) and are created once per H;
an update is one setImage per node and one setData for every node's boundary line.
Clicking a map shows it large beside the others, with axes and a colour bar.

Colour levels are fixed per activation so a colour always means the same output:
sigmoid [0, 1] and tanh [-1, 1] are their whole ranges. ReLU has no top, so it uses
[0, top] with top the largest output over all maps rounded up to 1, 2 or 5 x 10^k; the
top only grows during a run (reset by a new run), so colours do not flicker as it trains.
All maps share one scale, so a pale map really is a weak node.
"""

import math

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QRectF, Qt, Signal
from PySide6.QtWidgets import QBoxLayout, QLabel, QVBoxLayout, QWidget

from core.model.gates import ROWS
from core.views.node_maps import boundary_segment, map_levels, mosaic_columns, node_colour
from core.views.snapshot import NODE_GRID_SIZE
from gui.common.plots import fixed_plot

COLORMAP = "viridis"  # the output views' scale: dark blue low, yellow high
PITCH = 1.2  # distance between map origins (a map is 1 x 1) in the mosaic
ROW_PITCH = 1.35  # rows also leave room for the "h1" titles above the maps
BOUNDARY_PEN = pg.mkPen("w", width=1.5, style=Qt.PenStyle.DashLine)
SELECTED_PEN = pg.mkPen((255, 64, 89), width=3)
_STEP = 1.0 / (NODE_GRID_SIZE - 1)  # one map cell


class HiddenMapsView(QWidget):
    node_selected = Signal(object)  # the node index shown large, or None when closed

    def __init__(self, parent=None):
        super().__init__(parent)
        self._run: int | None = None  # the run shown (Snapshot.run)
        self._colormap = pg.colormap.get(COLORMAP)
        self._images: list[pg.ImageItem] = []
        self._cells: list[QRectF] = []
        self._selected: int | None = None
        self._activation = None
        self._relu_top = 1.0
        self._hidden = np.zeros((3, 0))
        self._build()

    # --- public API -------------------------------------------------------
    def slide_part(self):
        """What a picture for a slide shows: the maps with their caption."""
        return self

    def update_from(self, snapshot) -> None:
        grids = np.asarray(snapshot.hidden_grids)
        if snapshot.run != self._run or snapshot.activation != self._activation:
            self._run = snapshot.run
            self._relu_top = 1.0
        if grids.shape[0] != len(self._images) or snapshot.activation != self._activation:
            self._activation = snapshot.activation
            self._rebuild(grids.shape[0])
        if not np.isfinite(grids).all() or not snapshot.weights.is_finite():
            return  # a diverged run: keep the last finite maps on screen
        levels = map_levels(self._activation, grids, self._relu_top)
        self._relu_top = levels[1]
        self._bar.setLevels(levels)
        # Clipped to what float32 holds: ReLU outputs of huge weights must not overflow the cast.
        limit = float(np.finfo(np.float32).max)
        for image, grid in zip(self._images, grids):
            image.setImage(np.clip(grid, -limit, limit).astype(np.float32), autoLevels=False,
                           levels=levels)
        self._hidden = np.array(snapshot.weights.hidden, dtype=float)
        self._boundaries.setData(*self._boundary_points())
        self._show_large()

    def hidden_nodes(self) -> int:
        return len(self._images)

    def titles(self) -> list[str]:
        return [title.textItem.toPlainText() for title in self._titles]

    def map_data(self, j: int) -> np.ndarray:
        return np.array(self._images[j].image, copy=True)

    def large_map_data(self) -> np.ndarray | None:
        return None if self._selected is None else np.array(self._large_image.image, copy=True)

    def levels(self) -> tuple[float, float]:
        return tuple(float(v) for v in self._bar.levels())

    def selected_node(self) -> int | None:
        return self._selected

    def select_node(self, j: int | None) -> None:
        """Shows node j large (None closes the large map)."""
        if j is not None and not 0 <= j < len(self._images):
            raise IndexError(f"no hidden node {j}: the network has {len(self._images)}")
        if j == self._selected:
            return
        self._selected = j
        self._show_large()
        self.node_selected.emit(j)

    def message(self) -> str:
        return self._message.text() if self._message.isVisibleTo(self) else ""

    def is_large_shown(self) -> bool:
        return self._large.isVisibleTo(self)

    def resizeEvent(self, event):  # noqa: N802 - Qt's name
        narrow = self.width() < 1.2 * self.height()
        self._maps_layout.setDirection(QBoxLayout.Direction.TopToBottom if narrow
                                       else QBoxLayout.Direction.LeftToRight)
        super().resizeEvent(event)

    def is_stacked(self) -> bool:
        """True when the large map sits under the small ones (a narrow view)."""
        return self._maps_layout.direction() == QBoxLayout.Direction.TopToBottom

    def click_map(self, j: int) -> None:
        """What a click on map j does: show it large, or close it if it already is."""
        self.select_node(None if j == self._selected else j)

    # --- layout -----------------------------------------------------------
    def _build(self) -> None:
        self._caption = QLabel(self.tr(
            "Each map shows one hidden node's output h over the input square (x1 across, x2 up). "
            "A node splits the square with one straight line (dashed, where its input sum is 0): "
            "its output is high on one side only, a half-plane. The output node adds the maps with "
            "its weights, which is how XOR is built from two half-planes. Click a map to enlarge it."))
        self._caption.setWordWrap(True)
        self._caption.setContentsMargins(6, 4, 6, 4)  # the dock's edge is right beside it
        self._message = QLabel(self.tr(
            "The 2-layer model has no hidden nodes: its single neuron draws one straight line "
            "by itself, which is why it cannot learn XOR."))
        self._message.setWordWrap(True)
        self._message.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self._mosaic = pg.PlotWidget()
        self._mosaic.setToolTip(self.tr("Click a map to see it large; click it again to close it"))
        self._build_mosaic(self._mosaic.getPlotItem())
        self._large = pg.PlotWidget()
        self._build_large(self._large.getPlotItem())
        self._large.hide()
        self._maps = QWidget()  # hidden as a whole for H = 0, so the message gets the space
        # Beside each other in a wide view, the large map under the small ones in a narrow one:
        # side by side in a ~330-pixel dock the small maps shrank to ~25 px and the large map
        # ran past the dock's edge.
        maps = QBoxLayout(QBoxLayout.Direction.LeftToRight, self._maps)
        self._maps_layout = maps
        maps.setContentsMargins(0, 0, 0, 0)
        maps.addWidget(self._mosaic, 1)
        maps.addWidget(self._large, 1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self._caption)
        layout.addWidget(self._message, 1)
        layout.addWidget(self._maps, 1)

    def _build_mosaic(self, plot: pg.PlotItem) -> None:
        for name in ("left", "bottom"):
            plot.hideAxis(name)
        fixed_plot(plot)
        self._plot = plot
        self._titles: list[pg.TextItem] = []
        self._boundaries = pg.PlotCurveItem(pen=BOUNDARY_PEN, connect="finite")
        self._boundaries.setZValue(1)
        self._frame = pg.PlotCurveItem(pen=SELECTED_PEN)
        self._frame.setZValue(2)
        plot.addItem(self._boundaries)
        plot.addItem(self._frame)
        self._bar = pg.ColorBarItem(values=(0.0, 1.0), colorMap=self._colormap, interactive=False,
                                    label=self.tr("h (node output)"), colorMapMenu=False)
        plot.layout.addItem(self._bar, 2, 5)
        # Room above and below the bar: its end ticks ("1.0", "0") are centred on its ends.
        plot.layout.setContentsMargins(2, 12, 2, 12)
        plot.layout.setHorizontalSpacing(12)  # keeps the bar's label off the last map
        plot.scene().sigMouseClicked.connect(self._on_mouse_clicked)

    def _build_large(self, plot: pg.PlotItem) -> None:
        plot.setLabel("bottom", self.tr("x1"))
        plot.setLabel("left", self.tr("x2"))
        fixed_plot(plot)
        plot.setRange(xRange=(0, 1), yRange=(0, 1), padding=0.05)
        for name in ("bottom", "left"):
            plot.getAxis(name).setTicks([[(0.0, "0"), (0.5, "0.5"), (1.0, "1")]])
        self._large_image = pg.ImageItem(np.zeros((NODE_GRID_SIZE, NODE_GRID_SIZE), np.float32),
                                         axisOrder="col-major")  # setRect needs the image's size
        self._large_image.setRect(QRectF(-_STEP / 2, -_STEP / 2, 1 + _STEP, 1 + _STEP))
        plot.addItem(self._large_image)
        self._large_bar = pg.ColorBarItem(values=(0.0, 1.0), colorMap=self._colormap,
                                          interactive=False, colorMapMenu=False)
        self._large_bar.setImageItem(self._large_image, insert_in=plot)
        self._large_boundary = pg.PlotCurveItem(pen=pg.mkPen("w", width=2, style=Qt.PenStyle.DashLine))
        plot.addItem(self._large_boundary)
        self._corner_labels = []
        for x1, x2 in ROWS:  # the node's output at the four truth-table inputs
            label = pg.TextItem(anchor=(x1, 1 - x2), color="w", fill=pg.mkBrush(0, 0, 0, 150))
            label.setPos(x1 + (0.02 if x1 == 0 else -0.02), x2 + (0.02 if x2 == 0 else -0.02))
            plot.addItem(label)
            self._corner_labels.append(label)

    # --- mosaic -----------------------------------------------------------
    def _rebuild(self, hidden_nodes: int) -> None:
        for item in self._images + self._titles:
            self._plot.removeItem(item)
        self._images, self._titles, self._cells = [], [], []
        self._hidden = np.zeros((3, hidden_nodes))
        columns = max(1, mosaic_columns(hidden_nodes))
        rows = math.ceil(hidden_nodes / columns)
        for j in range(hidden_nodes):
            row, column = divmod(j, columns)
            cell = QRectF(column * PITCH, (rows - 1 - row) * ROW_PITCH, 1.0, 1.0)
            self._add_map(j, cell, small=hidden_nodes > 16, inside=rows > 1)
        self._bar.setImageItem(self._images)
        self._boundaries.setData([], [])
        self._message.setVisible(hidden_nodes == 0)
        self._caption.setVisible(hidden_nodes > 0)
        self._maps.setVisible(hidden_nodes > 0)
        self._plot.setRange(xRange=(-0.05, columns * PITCH - PITCH + 1.05),
                            yRange=(-0.05, rows * ROW_PITCH), padding=0)
        self._selected = None
        self._show_large()

    def _add_map(self, j: int, cell: QRectF, small: bool, inside: bool) -> None:
        image = pg.ImageItem(np.zeros((NODE_GRID_SIZE, NODE_GRID_SIZE), np.float32),
                             axisOrder="col-major")
        image.setRect(cell.adjusted(-_STEP / 2, -_STEP / 2, _STEP / 2, _STEP / 2))
        self._plot.addItem(image)
        text = self.tr("h{0}").format(j + 1)
        if inside:
            # In a grid of maps a title above a map sat on the bottom of the map above it
            # (h9 read as h1's): inside its own map's top-left corner it names only that one.
            # On the node's colour (the diagram's ring and its decision line share it).
            title = pg.TextItem(text, anchor=(0.0, 0.0), color="k", fill=pg.mkBrush(node_colour(j)))
            title.setPos(cell.left(), cell.bottom())  # bottom() is the top edge: y points up
        else:
            title = pg.TextItem(text, anchor=(0.5, 1.0), color="k", fill=pg.mkBrush(node_colour(j)))
            title.setPos(cell.center().x(), cell.bottom() + 0.02)
        if small:
            font = title.textItem.font()
            font.setPointSizeF(font.pointSizeF() * 0.8)
            title.setFont(font)
        self._plot.addItem(title)
        self._images.append(image)
        self._titles.append(title)
        self._cells.append(cell)

    def _boundary_points(self):
        pieces = []
        for j, cell in enumerate(self._cells):
            segment = boundary_segment(*self._hidden[:, j])
            if len(segment):
                pieces.append(segment + (cell.left(), cell.top()))
                pieces.append(np.full((1, 2), np.nan))
        points = np.vstack(pieces) if pieces else np.zeros((0, 2))
        return points[:, 0], points[:, 1]

    def _on_mouse_clicked(self, event) -> None:
        if event.button() != Qt.MouseButton.LeftButton:
            return
        pos = self._plot.vb.mapSceneToView(event.scenePos())
        for j, cell in enumerate(self._cells):
            if cell.contains(pos):
                self.click_map(j)
                return

    # --- the large map ----------------------------------------------------
    def _show_large(self) -> None:
        j = self._selected
        self._large.setVisible(j is not None)
        if j is None:
            self._frame.setData([], [])
            return
        cell = self._cells[j].adjusted(-0.04, -0.04, 0.04, 0.04)
        self._frame.setData([cell.left(), cell.right(), cell.right(), cell.left(), cell.left()],
                            [cell.top(), cell.top(), cell.bottom(), cell.bottom(), cell.top()])
        levels = self.levels()
        self._large_image.setImage(self._images[j].image, autoLevels=False, levels=levels)
        self._large_bar.setLevels(levels)
        self._large_bar.setLabel("left", self.tr("h{0}: output of hidden node {0}").format(j + 1))
        self._large.getPlotItem().setTitle(self.tr("Hidden node h{0}").format(j + 1))
        segment = boundary_segment(*self._hidden[:, j])
        self._large_boundary.setPen(pg.mkPen(node_colour(j), width=2.5, style=Qt.PenStyle.DashLine))
        self._large_boundary.setData(segment[:, 0], segment[:, 1])
        image, last = self._images[j].image, NODE_GRID_SIZE - 1
        for label, (x1, x2) in zip(self._corner_labels, ROWS):
            value = float(image[int(x1) * last, int(x2) * last])
            # The corner gives the input; two lines of text per corner overlapped in a small map.
            label.setText(self.tr("h{0} = {1:.2f}").format(j + 1, value))
