"""LandscapeSurface: the loss landscape (core.views.landscape) as a 3D surface.

The scene is a unit cube: the plane's two axes and the loss scaled to [0, 1] between the
grid's lowest and highest loss (the labels give the real values). The run's path is drawn on
the surface (its points projected onto the plane, at the surface's height there), the start
as a white dot and the current weights as a red one. LandscapeView shows this when OpenGL
works and falls back to its 2D contour map otherwise.
"""

import numpy as np
import pyqtgraph as pg
import pyqtgraph.opengl as gl
from OpenGL import GL
from PySide6.QtCore import Qt
from PySide6.QtGui import QFont, QVector3D
from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from gui.common.messages import sentences
from gui.views.gl_canvas import ON_TOP_GL, SCENE_HALF_TAN, CanvasScene, GLCanvas

COLORMAP = "viridis"  # the 2D map's colours: dark is low
CAMERA = {"center": QVector3D(0.5, 0.5, 0.35), "distance": 3.3, "elevation": 32.0,
          "azimuth": -58.0}
_SURFACE_GL = {GL.GL_DEPTH_TEST: True, GL.GL_BLEND: False, GL.GL_CULL_FACE: False,
               GL.GL_POLYGON_OFFSET_FILL: True, "glPolygonOffset": (1.0, 1.0)}
LIFT = 0.01  # the path floats this much above the surface, so it is not hidden in it


class LandscapeSurface(CanvasScene, QWidget):
    def __init__(self, parent=None):
        super().__init__(parent)
        lut = pg.colormap.get(COLORMAP).getLookupTable(nPts=256, mode="float")
        self._lut = np.column_stack([lut[:, :3], np.ones(256)]).astype(np.float32)
        self._glview = GLCanvas()
        self._container = QWidget.createWindowContainer(self._glview, self)
        self._container.setMinimumSize(220, 200)
        self._container.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self._container.setAccessibleName(self.tr("3D view of the loss landscape"))
        self._glview.resized.connect(lambda: self._glview.fit_fov(SCENE_HALF_TAN))
        self._build_scene()
        self._glview.setCameraParams(**CAMERA)
        self._caption = QLabel()  # below the GL window: a label in the scene was cut off
        self._caption.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self._container, 1)
        layout.addWidget(self._caption)
        self._heights = np.zeros((2, 2), np.float32)
        self._path_pos = np.zeros((0, 3), np.float32)

    def show_landscape(self, shown, names, axes_text: str) -> None:
        """names: the two axes' short names, as the scene labels them; axes_text: what the
        axes are, in a sentence under the view."""
        # Held within float32 (a diverging run's losses are huge), non-finite ones left out.
        limit = float(np.finfo(np.float32).max) / 4
        loss = np.where(np.isfinite(shown.loss), np.clip(shown.loss, -limit, limit), np.nan)
        low, high = float(np.nanmin(loss)), float(np.nanmax(loss))
        span = high - low if high > low else 1.0
        heights = np.nan_to_num((loss - low) / span, nan=1.0).astype(np.float32)
        self._heights = heights
        x = np.linspace(0.0, 1.0, len(shown.a), dtype=np.float32)
        y = np.linspace(0.0, 1.0, len(shown.b), dtype=np.float32)
        colours = self._lut[np.clip((heights * 255).astype(np.intp), 0, 255)]
        self._surface.setData(x=x, y=y, z=heights, colors=colours.reshape(-1, 4))
        unit = _unit(shown)
        path = unit(shown.trajectory.reshape(-1, 2))
        self._path_pos = np.column_stack([path, _height_at(heights, path) + LIFT]).astype(np.float32)
        self._path.setData(pos=self._path_pos if len(path) > 1 else np.zeros((0, 3)))
        self._start.setData(pos=self._path_pos[:1])
        now = unit(np.array([shown.current]))
        self._now.setData(pos=np.column_stack([now, _height_at(heights, now) + LIFT]))
        self._labels[0].setData(text=names[0])
        self._labels[1].setData(text=names[1])
        self._caption.setText(sentences(self.tr("Height: the total loss, from {0:.3g} (bottom) to "
                                                "{1:.3g} (top).").format(low, high), axes_text))

    def heights(self) -> np.ndarray:
        return self._heights.copy()

    def path_positions(self) -> np.ndarray:
        return self._path_pos.copy()

    def _build_scene(self) -> None:
        view = self._glview
        view.setBackgroundColor((24, 26, 32))
        self._surface = gl.GLSurfacePlotItem(x=np.linspace(0, 1, 2), y=np.linspace(0, 1, 2),
                                             z=np.zeros((2, 2)), computeNormals=False,
                                             smooth=False, glOptions=_SURFACE_GL)
        self._path = gl.GLLinePlotItem(pos=np.zeros((0, 3)), color=(1, 1, 1, 1), width=2.5,
                                       glOptions=ON_TOP_GL)
        self._start = gl.GLScatterPlotItem(pos=np.zeros((0, 3)), color=(1, 1, 1, 1), size=8,
                                           glOptions=ON_TOP_GL)
        self._now = gl.GLScatterPlotItem(pos=np.zeros((1, 3)), color=(1.0, 0.25, 0.35, 1.0),
                                         size=14, glOptions=ON_TOP_GL)
        box = gl.GLBoxItem(color=(150, 150, 165, 160))
        font = QFont(self.font())
        font.setPointSizeF(max(8.0, self.font().pointSizeF()))
        centre = Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignVCenter
        self._labels = [gl.GLTextItem(pos=pos, text="", color=(255, 255, 255), font=font,
                                      alignment=centre)
                        for pos in ((0.5, -0.2, 0.0), (1.2, 0.5, 0.0))]
        for depth, item in enumerate([self._surface, box, self._path, self._start, self._now,
                                      *self._labels]):
            item.setDepthValue(depth)
            view.addItem(item)



def _unit(shown):
    """Maps plane coordinates to the unit square of the scene."""
    a0, a1, b0, b1 = shown.a[0], shown.a[-1], shown.b[0], shown.b[-1]

    def unit(points):
        points = np.asarray(points, dtype=float).reshape(-1, 2)
        return np.column_stack([(points[:, 0] - a0) / (a1 - a0), (points[:, 1] - b0) / (b1 - b0)])

    return unit


def _height_at(heights: np.ndarray, points: np.ndarray) -> np.ndarray:
    """The surface's height under each point (bilinear between the grid's samples)."""
    if not len(points):
        return np.zeros(0)
    last = np.array(heights.shape) - 1
    where = np.clip(points, 0.0, 1.0) * last
    low = np.minimum(np.floor(where).astype(int), last - 1)
    t = where - low
    i, j = low[:, 0], low[:, 1]
    return (heights[i, j] * (1 - t[:, 0]) * (1 - t[:, 1]) + heights[i + 1, j] * t[:, 0] * (1 - t[:, 1])
            + heights[i, j + 1] * (1 - t[:, 0]) * t[:, 1] + heights[i + 1, j + 1] * t[:, 0] * t[:, 1])
