"""ContributionsSurfaces: how the sum builds the output, as surfaces in one 3D scene (issue #28).

One tile per hidden node, its contribution w2_j h_j over the input square (x1 across, x2 into
the picture), and in front of them the sum with the bias, v, and the sigmoid of it, yp. The
parts and v share one height scale (core.views.contributions.tile_heights), so a flat tile
really is a small share; red rises above 0, blue sinks below, as on the maps. Where the tiles
go is core.views.contributions.tile_layout. ContributionsView shows this when OpenGL works.
"""

import math

import numpy as np
import pyqtgraph as pg
import pyqtgraph.opengl as gl
from OpenGL import GL
from PySide6.QtCore import QCoreApplication, QEvent, Qt
from PySide6.QtGui import QFont, QVector3D
from PySide6.QtWidgets import QVBoxLayout, QWidget

from core.views.contributions import (
    OUTPUT,
    PART,
    SUM,
    TileLayout,
    centred_on,
    half_tan_to_fit,
    tile_heights,
    tile_layout,
)
from core.views.node_maps import node_colour
from gui.views.gl_canvas import CAMERA_KEYS, CanvasScene, GLCanvas

SHARE_MAP = "CET-D1"  # the maps' colours: blue below 0, white at 0, red above
OUTPUT_MAP = "viridis"  # the output views' scale
ELEVATION, AZIMUTH = 42.0, -90.0  # from the front and above: x1 across, x2 away from the eye
DISTANCE = 2.2  # the camera's distance, in the field's larger side
MARGIN = 1.04  # the field of view this much wider than the tiles need
LABEL_COLOUR = "#ececf2"
FLOOR_GREY = "#a0a0aa"
LABEL_PLATE = (24, 26, 32, 215)  # the background, nearly opaque
_SURFACE_GL = {GL.GL_DEPTH_TEST: True, GL.GL_BLEND: False, GL.GL_CULL_FACE: False,
               GL.GL_POLYGON_OFFSET_FILL: True, "glPolygonOffset": (1.0, 1.0)}
_LINE_GL = {GL.GL_DEPTH_TEST: True, GL.GL_BLEND: True, GL.GL_CULL_FACE: False,
            "glBlendFunc": (GL.GL_SRC_ALPHA, GL.GL_ONE_MINUS_SRC_ALPHA)}


def _lut(name: str) -> np.ndarray:
    table = pg.colormap.get(name).getLookupTable(nPts=256, mode="float")
    return np.column_stack([table[:, :3], np.ones(256)]).astype(np.float32)


class ContributionsSurfaces(CanvasScene, QWidget):
    def __init__(self, parent=None):
        super().__init__(parent)
        self._luts = {PART: _lut(SHARE_MAP), SUM: _lut(SHARE_MAP), OUTPUT: _lut(OUTPUT_MAP)}
        self._glview = GLCanvas()
        self._container = QWidget.createWindowContainer(self._glview, self)
        self._container.setMinimumSize(220, 220)
        self._container.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self._container.setAccessibleName(self.tr("3D view of each hidden node's share, their sum "
                                                  "and its sigmoid"))
        self._container.installEventFilter(self)
        self._glview.tab_pressed.connect(self._tab_out)
        self._glview.resized.connect(self._fit)
        self._glview.setBackgroundColor((24, 26, 32))
        self._surfaces: list[gl.GLSurfacePlotItem] = []
        self._labels: list[gl.GLTextItem] = []
        self._floors = gl.GLLinePlotItem(pos=np.zeros((0, 3)), mode="lines", width=1.0,
                                         color=(0.75, 0.75, 0.8, 0.55), glOptions=_LINE_GL)
        self._glview.addItem(self._floors)
        self._layout: TileLayout | None = None
        self._z = np.zeros((0, 2, 2), np.float32)
        box = QVBoxLayout(self)
        box.setContentsMargins(0, 0, 0, 0)
        box.addWidget(self._container)

    # --- public API -------------------------------------------------------
    def show_contributions(self, shown, names: list[str]) -> float:
        """Draws `shown` (core.views.contributions.Contributions); `names` label the tiles (the
        parts', then v's and yp's). Returns the share that rises the full part height."""
        heights = tile_heights(shown)
        if self._layout is None or len(self._layout.tiles) != len(heights.z) \
                or self._z.shape[1:] != heights.z.shape[1:]:
            self._rebuild(tile_layout(len(heights.z) - 2), shown.axis.astype(np.float32))
        for label, name in zip(self._labels, names, strict=True):
            if label.text != name:
                label.setData(text=name)
        for k, (surface, tile) in enumerate(zip(self._surfaces, self._layout.tiles, strict=True)):
            colours = self._luts[tile.kind][np.clip((heights.shade[k] * 255).astype(np.intp), 0, 255)]
            surface.setData(z=heights.z[k], colors=colours.reshape(-1, 4))
        self._z = heights.z
        return heights.span

    def surface_z(self, k: int) -> np.ndarray:
        """The heights tile k draws (its own z, not counting where the tile is)."""
        return np.array(self._surfaces[k]._z, copy=True)

    def surface_count(self) -> int:
        return len(self._surfaces)

    def label_texts(self) -> list[str]:
        return [label.text for label in self._labels]

    def layout_shown(self) -> TileLayout | None:
        return self._layout

    def reset_camera(self) -> None:
        """From the front and above, far enough that the rows look nearly alike in size."""
        if self._layout is None:
            return
        distance = DISTANCE * max(self._layout.extent())
        centre = centred_on(self._layout.corners(), self._layout.centre(), distance, ELEVATION, AZIMUTH)
        self._glview.setCameraParams(center=QVector3D(*map(float, centre)), distance=distance,
                                     elevation=ELEVATION, azimuth=AZIMUTH)
        self._fit()

    def fov_for(self, width: int, height: int) -> float:
        """The field of view (degrees) that shows every tile and label in a width x height
        picture, from where the camera is now (a slide asks this for its own shape)."""
        if self._layout is None:
            return self._glview.cameraParams()["fov"]
        camera = self._glview.cameraParams()
        centre = camera["center"]
        half_tan = half_tan_to_fit(self._layout.corners(), (centre.x(), centre.y(), centre.z()),
                                   camera["distance"], camera["elevation"], camera["azimuth"],
                                   max(1, height) / max(1, width))
        return math.degrees(2 * math.atan(half_tan * MARGIN))

    def _fit(self) -> None:
        self._glview.setCameraParams(fov=self.fov_for(self._glview.width(), self._glview.height()))

    def eventFilter(self, watched, event) -> bool:
        """The camera keys reach the canvas when the container has the focus (by Tab)."""
        if watched is self._container and event.type() in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease) \
                and event.key() in CAMERA_KEYS:
            QCoreApplication.sendEvent(self._glview, event)
            return True
        if watched is self._container and event.type() == QEvent.Type.FocusOut:
            self._glview.stop_orbit()
        return super().eventFilter(watched, event)

    # --- the scene ----------------------------------------------------------
    def _rebuild(self, layout: TileLayout, axis: np.ndarray) -> None:
        for item in self._surfaces + self._labels:
            self._glview.removeItem(item)
        self._surfaces, self._labels = [], []
        font = QFont(self.font())
        font.setPointSizeF(max(9.0, self.font().pointSizeF()))
        centre = Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop
        flat = np.zeros((len(axis), len(axis)), np.float32)
        floors, colours = [], []
        for tile in layout.tiles:
            surface = gl.GLSurfacePlotItem(x=axis + tile.origin[0], y=axis + tile.origin[1], z=flat,
                                           computeNormals=False, smooth=False, glOptions=_SURFACE_GL)
            label = gl.GLTextItem(pos=tile.label_at(), text="", font=font, alignment=centre,
                                  color=pg.mkColor(LABEL_COLOUR))
            label.backdrop = pg.mkColor(LABEL_PLATE)  # readable over a surface that dips under it
            self._glview.addItem(surface)
            self._glview.addItem(label)
            self._surfaces.append(surface)
            self._labels.append(label)
            x, y = tile.origin
            corners = [(x, y), (x + 1, y), (x + 1, y + 1), (x, y + 1)]
            floors += [(*corners[i], 0.0) for k in range(4) for i in (k, (k + 1) % 4)]
            # a part's square at 0 in its node's colour (the diagram's), the others grey
            colours += [pg.mkColor(node_colour(tile.node) if tile.kind == PART else FLOOR_GREY).getRgbF()] * 8
        self._floors.setData(pos=np.array(floors, np.float32), color=np.array(colours, np.float32))
        self._layout = layout
        self._z = np.zeros((len(layout.tiles), len(axis), len(axis)), np.float32)
        self.reset_camera()

    def _tab_out(self, forward: bool) -> None:
        """Tab pressed in the GL window: move on from the view as from any widget."""
        self._container.setFocus()
        self.focusNextPrevChild(forward)
