"""ContributionsView: how the output node's sum builds the surface (issue #28).

Each hidden node's contribution w2_j h_j over the input square, then their sum with the
output's bias, v, and the sigmoid of it, yp: the steps and bumps the universal approximation
theorem's proof is built from, as this network found them. Computed by
core.views.contributions; drawn at the step shown, live while training.

As 3D surfaces (ContributionsSurfaces) when OpenGL works, else as small colour maps (x1
across, x2 up); a check box switches. Both lay the tiles out alike (core tile_layout): the
parts in rows, v and yp in front (on the maps: below). The contributions and v share one
scale (height, or a symmetric colour scale: blue below 0, red above), so a small one looks
small; yp has the output views' scale, 0 to 1.
"""

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QRectF
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QCheckBox, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from core.views.contributions import GRID, PART, PITCH, contributions, tile_layout
from core.views.node_maps import node_colour
from gui.common.plots import fixed_plot
from gui.views import gl_probe

SHARE_MAP = "CET-D1"  # diverging: blue negative, white 0, red positive
OUTPUT_MAP = "viridis"  # the output views' scale
_STEP = 1.0 / (GRID - 1)
MAP_ROW_PITCH = 1.12  # the maps' rows nearly touch: their titles are inside them
MIN_TITLE_POINTS = 8.0  # smaller is hard to read: the title wraps instead


class ContributionsView(QWidget):
    def __init__(self, parent=None):
        super().__init__(parent)
        self._images: list[pg.ImageItem] = []
        self._titles: list[pg.TextItem] = []
        self._hidden = -1
        self._shown = None  # the last Contributions drawn
        self._snapshot = None
        self._captions = (
            self.tr("The output node adds its inputs: each hidden node's output times its weight "
                    "(one map each, blue below 0, red above), plus its bias, gives v; the sigmoid "
                    "of v is the prediction yp. With enough hidden nodes, such steps and bumps add "
                    "up to any continuous surface: the universal approximation theorem."),
            self.tr("The output node adds its inputs: each hidden node's output times its weight "
                    "(one surface each, red above 0, blue below), plus its bias, gives v (in "
                    "front); the sigmoid of v is the prediction yp. With enough hidden nodes, such "
                    "steps and bumps add up to any continuous surface: the universal approximation "
                    "theorem."))
        self._caption = QLabel(self._captions[0])
        self._caption.setWordWrap(True)
        self._caption.setContentsMargins(6, 4, 6, 4)
        self._widget = pg.PlotWidget()
        self._plot = self._widget.getPlotItem()
        for name in ("left", "bottom"):
            self._plot.hideAxis(name)
        fixed_plot(self._plot)
        self._bar = pg.ColorBarItem(values=(-1.0, 1.0), colorMap=pg.colormap.get(SHARE_MAP),
                                    interactive=False, label=self.tr("w2 h and v"), colorMapMenu=False)
        self._plot.layout.addItem(self._bar, 2, 5)
        self._plot.layout.setContentsMargins(2, 12, 2, 12)
        self._plot.getViewBox().sigTransformChanged.connect(self._fit_titles)
        self._scale = QLabel()  # the surfaces' height scale, in words
        self._scale.setWordWrap(True)
        self._scale.setContentsMargins(6, 2, 6, 2)
        self._three_d = QCheckBox(self.tr("3D surfaces"))
        self._surfaces = self._make_surfaces()
        self._reset = QPushButton(self.tr("Reset camera"))
        self._reset.setObjectName("sumResetCameraButton")
        self._reset.setToolTip(self.tr("Turn the surfaces back to the starting view, every tile in "
                                       "sight (drag or arrow keys: rotate · wheel or +/-: zoom)."))
        if self._surfaces is not None:
            self._reset.clicked.connect(self._surfaces.reset_camera)
        self._controls = QWidget()
        row = QHBoxLayout(self._controls)
        row.setContentsMargins(6, 0, 6, 0)
        row.addWidget(self._three_d)
        row.addStretch(1)
        row.addWidget(self._reset)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        for widget in (self._caption, self._controls):
            layout.addWidget(widget)
        layout.addWidget(self._widget, 1)
        if self._surfaces is not None:
            layout.addWidget(self._surfaces, 1)
        layout.addWidget(self._scale)
        self._three_d.setChecked(self._surfaces is not None)
        self._three_d.toggled.connect(self._on_three_d)
        self._on_three_d(self._three_d.isChecked())

    def _make_surfaces(self):
        """The 3D surfaces when OpenGL works (a native GL window, made only then), else None
        and the check box says why it is off."""
        ok, reason = gl_probe.opengl_available()
        if not ok:
            self._three_d.setEnabled(False)
            self._three_d.setToolTip(self.tr("OpenGL is not available ({0}): the maps are "
                                             "shown.").format(reason))
            return None
        from gui.views.contributions_surfaces import ContributionsSurfaces

        self._three_d.setToolTip(self.tr("Each share, v and yp as a surface over the input square "
                                         "(drag or arrow keys to turn them); off: flat colour maps"))
        return ContributionsSurfaces()

    # --- public API -------------------------------------------------------
    def slide_part(self):
        """What a picture for a slide shows: the 3D scene when it is on, else the maps."""
        return self._surfaces if self.is_3d() else self

    def slide_hidden(self) -> list:
        return [self._controls]

    def is_3d(self) -> bool:
        return self._surfaces is not None and self._three_d.isChecked()

    def set_3d(self, on: bool) -> None:
        self._three_d.setChecked(bool(on))

    def reset_button(self) -> QPushButton:
        return self._reset

    def surfaces(self):
        """The 3D scene (ContributionsSurfaces), or None without OpenGL."""
        return self._surfaces

    def update_from(self, snapshot) -> None:
        self._snapshot = snapshot
        if not snapshot.weights.is_finite():
            return  # a diverged run: keep the last finite picture
        shown = contributions(snapshot.weights, snapshot.activation)
        if self.is_3d():
            span = self._surfaces.show_contributions(shown, self._names(shown.parts.shape[0]))
            self._scale.setText(self.tr(
                "Heights: the shares and v on one scale, the tallest {0:.3g} (0 is the outlined "
                "square, the posts show the corners' heights); yp from 0 to 1. Colour: the sign, "
                "grey near 0.").format(span))
        else:
            self._draw_maps(shown)
        self._shown = shown

    def titles(self) -> list[str]:
        return [title.textItem.toPlainText() for title in self._titles]

    def map_data(self, k: int) -> np.ndarray:
        """Map k: hidden node k's contribution for k < H, then v, then yp."""
        return np.array(self._images[k].image, copy=True)

    def title_fits(self, k: int) -> bool:
        """Whether map k's title ends before the next map begins (nothing cuts it off)."""
        return self._titles[k].textItem.document().idealWidth() <= self._title_room()

    # --- drawing ----------------------------------------------------------
    def _on_three_d(self, on: bool) -> None:
        on = on and self._surfaces is not None
        if self._surfaces is not None:
            self._surfaces.setVisible(on)
        self._widget.setVisible(not on)
        self._scale.setVisible(on)
        self._reset.setVisible(on)  # the maps have no camera
        self._caption.setText(self._captions[int(on)])
        if self._snapshot is not None:
            self.update_from(self._snapshot)

    def _names(self, hidden: int) -> list[str]:
        return [*(self.tr("w2 h{0}").format(j + 1) for j in range(hidden)),
                self.tr("v = Σ + bias"), self.tr("yp = σ(v)")]

    def _draw_maps(self, shown) -> None:
        if shown.parts.shape[0] != self._hidden:
            self._rebuild(shown.parts.shape[0])
        span = shown.span() or 1.0
        levels = (-span, span)
        self._bar.setLevels(levels)
        for image, grid in zip(self._images, [*shown.parts, shown.total], strict=False):
            image.setImage(np.clip(grid, -1e30, 1e30).astype(np.float32), autoLevels=False, levels=levels)
        self._images[-1].setImage(shown.output.astype(np.float32), autoLevels=False, levels=(0.0, 1.0))

    def _rebuild(self, hidden: int) -> None:
        """The maps where the surfaces' tiles are, seen from above: the parts in rows, v and yp
        on a row of their own below them (so each title has a map's width)."""
        for item in self._images + self._titles:
            self._plot.removeItem(item)
        self._images, self._titles = [], []
        self._hidden = hidden
        layout = tile_layout(hidden, MAP_ROW_PITCH)
        for tile, name in zip(layout.tiles, self._names(hidden), strict=True):
            cell = QRectF(tile.origin[0], tile.origin[1], 1.0, 1.0)
            image = pg.ImageItem(np.zeros((GRID, GRID), np.float32), axisOrder="col-major")
            image.setRect(cell.adjusted(-_STEP / 2, -_STEP / 2, _STEP / 2, _STEP / 2))
            image.setColorMap(pg.colormap.get(SHARE_MAP if tile.kind != "output" else OUTPUT_MAP))
            fill = node_colour(tile.node) if tile.kind == PART else "#dddddd"
            title = pg.TextItem(name, anchor=(0.0, 0.0), color="k", fill=pg.mkBrush(fill))
            title.setPos(cell.left(), cell.bottom())  # inside the map's top-left corner
            title.setZValue(1)  # above every map: a long one reaches over the gap to the next
            self._plot.addItem(image)
            self._plot.addItem(title)
            self._images.append(image)
            self._titles.append(title)
        width, depth = layout.extent()
        self._plot.setRange(xRange=(-0.05, width + 0.05), yRange=(-0.05, depth + 0.05), padding=0)
        self._fit_titles()

    def _fit_titles(self) -> None:
        """Each title in a font small enough to lie within its map (a narrow dock, many nodes,
        the longer Japanese), never below MIN_TITLE_POINTS."""
        room = self._title_room()
        for title in self._titles:
            font = QFont(self._widget.font())
            title.setTextWidth(-1)
            title.setFont(font)
            wide = title.textItem.boundingRect().width()
            if wide > room > 0:
                font.setPointSizeF(max(MIN_TITLE_POINTS, font.pointSizeF() * room / wide))
                title.setFont(font)
                if title.textItem.boundingRect().width() > room:
                    title.setTextWidth(room)  # still too wide: on two lines

    def _title_room(self) -> float:
        """How wide a title may be, in pixels: up to the next map (the titles lie above the
        maps, so none is cut off by its neighbour)."""
        return self._map_pixels() * PITCH - 4.0

    def _map_pixels(self) -> float:
        """A map's width on screen, in pixels (0 before the plot is laid out)."""
        per_pixel = self._plot.getViewBox().viewPixelSize()[0]
        return 1.0 / per_pixel if per_pixel > 0 else 0.0
