"""HiddenSpace3D: three hidden nodes' space in 3D, with the output's plane yp = 0.5.

What is drawn comes from core.views.hidden_space.hidden_space_3d: each row at (h_a, h_b, h_c)
coloured by its target (the output views' colours), the plane where the output is 0.5
clipped to the cube, and each row's trail. The scene is a unit cube: the activations' range
is scaled to it. HiddenSpaceView shows this for three or more hidden nodes when OpenGL works.
"""

import numpy as np
import pyqtgraph as pg
import pyqtgraph.opengl as gl
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QFont, QVector3D
from PySide6.QtWidgets import QVBoxLayout, QWidget

from core.model.gates import ROWS
from core.views.node_maps import node_colour
from gui.views.gl_canvas import ON_TOP_GL, SCENE_HALF_TAN, CanvasScene, GLCanvas

COLORMAP = "viridis"
CAMERA = {"center": QVector3D(0.5, 0.5, 0.5), "distance": 3.6, "elevation": 22.0,
          "azimuth": -55.0}


class HiddenSpace3D(CanvasScene, QWidget):
    def __init__(self, parent=None):
        super().__init__(parent)
        self._colormap = pg.colormap.get(COLORMAP)
        self._glview = GLCanvas()
        self._container = QWidget.createWindowContainer(self._glview, self)
        self._container.setMinimumSize(220, 220)
        self._container.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self._container.setAccessibleName(self.tr("3D view of the hidden space"))
        self._glview.resized.connect(lambda: self._glview.fit_fov(SCENE_HALF_TAN))
        self._build_scene()
        self._glview.setCameraParams(**CAMERA)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self._container, 1)
        self._points = np.zeros((4, 3), np.float32)

    def show_space(self, space, targets) -> None:
        span = space.high - space.low

        def unit(p):
            return ((np.asarray(p, dtype=float) - space.low) / span).astype(np.float32)

        self._points = unit(space.points)
        colours = np.array([self._colormap.map(float(t), mode="float") for t in targets],
                           dtype=np.float32)
        self._rings.setData(pos=self._points)
        self._markers.setData(pos=self._points, color=colours)
        plane = unit(space.plane)
        if len(plane) >= 3:
            faces = np.array([[0, k, k + 1] for k in range(1, len(plane) - 1)], dtype=np.uint32)
            self._plane.setMeshData(vertexes=plane, faces=faces)
            self._plane.setVisible(True)
        else:
            self._plane.setVisible(False)
        for k, trail in enumerate(self._trails):
            pos = unit(space.trail[:, k]) if len(space.trail) > 1 else np.zeros((0, 3), np.float32)
            trail.setData(pos=pos)
        for label, point, (x1, x2) in zip(self._labels, self._points, ROWS):
            label.setData(pos=point + np.float32(0.04), text=f"({x1:g}, {x2:g})")
        for label, node in zip(self._axis_labels, space.nodes):
            label.setData(text=self.tr("h{0}").format(node + 1),
                          color=QColor(node_colour(node)))

    def point_positions(self) -> np.ndarray:
        return self._points.copy()

    def _build_scene(self) -> None:
        view = self._glview
        view.setBackgroundColor((24, 26, 32))
        box = gl.GLBoxItem(color=(150, 150, 165, 160))
        self._plane = gl.GLMeshItem(vertexes=np.zeros((3, 3), np.float32),
                                    faces=np.array([[0, 1, 2]], np.uint32),
                                    color=(0.95, 0.95, 1.0, 0.35), smooth=False,
                                    computeNormals=False, glOptions=ON_TOP_GL)
        self._trails = [gl.GLLinePlotItem(pos=np.zeros((0, 3)), color=(1, 1, 1, 0.45), width=1.5,
                                          glOptions=ON_TOP_GL) for _ in ROWS]
        # A red ring (a larger red dot behind) as in the 2D views: a dark target-0 dot alone
        # was lost on the dark background.
        self._rings = gl.GLScatterPlotItem(pos=np.zeros((4, 3)), size=20,
                                           color=(1.0, 0.25, 0.35, 1.0), glOptions=ON_TOP_GL)
        self._markers = gl.GLScatterPlotItem(pos=np.zeros((4, 3)), size=13, glOptions=ON_TOP_GL)
        font = QFont(self.font())
        font.setPointSizeF(max(8.0, self.font().pointSizeF()))
        self._labels = [gl.GLTextItem(pos=(0, 0, 0), text="", color=(255, 255, 255), font=font)
                        for _ in ROWS]
        centre = Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignVCenter
        self._axis_labels = [gl.GLTextItem(pos=pos, text="", font=font, alignment=centre)
                             for pos in ((0.5, -0.15, 0.0), (1.15, 0.5, 0.0), (0.0, -0.1, 1.05))]
        for depth, item in enumerate([box, self._plane, *self._trails, self._rings, self._markers,
                                      *self._labels, *self._axis_labels]):
            item.setDepthValue(depth)
            view.addItem(item)

