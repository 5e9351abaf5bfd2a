"""ContributionsSurfaces: how the sum builds the output, as surfaces in one 3D scene (issue #28).

One tile per hidden node, its contribution w2_j h_j over the input square (x1 across, x2 into
the picture), and in front of them the sum with the bias, v, and the sigmoid of it, yp. The
parts and v share one height scale (core.views.contributions.tile_heights), so a flat tile
really is a small share; red rises above 0, blue sinks below, grey is about 0. Each tile's
square at 0, posts from it to the surface's corners, lines across the surface and light from
one side (core's lighting) make a step or a bump read as one. Where the tiles go and where
the camera stands are core's (layout_to_fit, fitted_camera): seen from low in front, no tile
or label covers another; a tall dock stacks them, a wide slide spreads them out.
ContributionsView shows this when OpenGL works.

The GL items are made once per number of tiles and then only given new heights and colours
(setData), so a live run's refresh costs no rebuilding.
"""

import math

import numpy as np
import pyqtgraph as pg
import pyqtgraph.opengl as gl
from OpenGL import GL
from PySide6.QtCore import QCoreApplication, QEvent, QSize, Qt
from PySide6.QtGui import QFont, QImage, QVector3D
from PySide6.QtWidgets import QVBoxLayout, QWidget

from core.views.contributions import (
    AZIMUTH,
    ELEVATION,
    MARGIN,
    OUTPUT,
    PART,
    SUM,
    TileLayout,
    fitted_camera,
    half_tan_to_fit,
    layout_to_fit,
    tile_heights,
    tile_lines,
)
from core.views.node_maps import node_colour
from gui.views.gl_canvas import CAMERA_KEYS, CanvasScene, GLCanvas

# a share's colours: blue below 0, a neutral grey at 0 (not white: on the dark background a
# near-zero share reads as "nothing", not as a bright sheet), red above, both strong
SHARE_COLOURS = ((0.16, 0.38, 0.95), (0.6, 0.6, 0.6), (0.93, 0.24, 0.16))
OUTPUT_MAP = "viridis"  # the output views' scale
WIRE_COLOUR = (0.06, 0.06, 0.09, 0.55)  # the lines across each surface: its shape at a glance
LABEL_COLOUR = "#ececf2"
LABEL_PLATE = (24, 26, 32, 215)  # behind each label: readable over a surface that dips under it
FLOOR_GREY = "#a0a0aa"
_SURFACE_GL = {GL.GL_DEPTH_TEST: True, GL.GL_BLEND: False, GL.GL_CULL_FACE: False,
               GL.GL_POLYGON_OFFSET_FILL: True, "glPolygonOffset": (1.0, 1.0)}
_LINE_GL = {GL.GL_DEPTH_TEST: True, GL.GL_BLEND: True, GL.GL_CULL_FACE: False,
            "glBlendFunc": (GL.GL_SRC_ALPHA, GL.GL_ONE_MINUS_SRC_ALPHA)}


def _lut(name: str) -> np.ndarray:
    table = pg.colormap.get(name).getLookupTable(nPts=256, mode="float")
    return np.column_stack([table[:, :3], np.ones(256)]).astype(np.float32)


def _share_lut() -> np.ndarray:
    at = np.linspace(0.0, 1.0, 256)
    rgb = [np.interp(at, (0.0, 0.5, 1.0), channel) for channel in zip(*SHARE_COLOURS, strict=True)]
    return np.column_stack([*rgb, np.ones(256)]).astype(np.float32)


def _aspect(size: QSize) -> float:
    return max(1, size.height()) / max(1, size.width())


class ContributionsSurfaces(CanvasScene, QWidget):
    def __init__(self, parent=None):
        super().__init__(parent)
        self._luts = {PART: _share_lut(), SUM: _share_lut(), OUTPUT: _lut(OUTPUT_MAP)}
        self._glview = GLCanvas()
        self._container = QWidget.createWindowContainer(self._glview, self)
        self._container.setMinimumSize(220, 220)
        self._container.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self._container.setAccessibleName(self.tr("3D view of each hidden node's share, their sum "
                                                  "and its sigmoid"))
        self._container.installEventFilter(self)
        self._glview.tab_pressed.connect(self._tab_out)
        self._glview.resized.connect(self._on_resized)
        self._glview.setBackgroundColor((24, 26, 32))
        self._surfaces: list[gl.GLSurfacePlotItem] = []
        self._labels: list[gl.GLTextItem] = []
        self._floors = gl.GLLinePlotItem(pos=np.zeros((0, 3)), mode="lines", width=1.0,
                                         glOptions=_LINE_GL)
        self._wire = gl.GLLinePlotItem(pos=np.zeros((0, 3)), mode="lines", width=1.0,
                                       color=WIRE_COLOUR, glOptions=_LINE_GL)
        self._glview.addItem(self._floors)
        self._glview.addItem(self._wire)
        self._floor_lines = (np.zeros((0, 3), np.float32), np.zeros((0, 4), np.float32))
        self._layout: TileLayout | None = None
        self._z = np.zeros((0, 2, 2), np.float32)
        self._axis = np.zeros(2, np.float32)
        box = QVBoxLayout(self)
        box.setContentsMargins(0, 0, 0, 0)
        box.addWidget(self._container)

    # --- public API -------------------------------------------------------
    def show_contributions(self, shown, names: list[str]) -> float:
        """Draws `shown` (core.views.contributions.Contributions); `names` label the tiles (the
        parts', then v's and yp's). Returns the share that rises the full part height."""
        heights = tile_heights(shown)
        if len(self._surfaces) != len(heights.z) or self._z.shape[1:] != heights.z.shape[1:]:
            self._make_items(len(heights.z), shown.axis.astype(np.float32))
            self._place(layout_to_fit(len(heights.z) - 2, _aspect(self._glview.size())))
        for label, name in zip(self._labels, names, strict=True):
            if label.text != name:
                label.setData(text=name)
        for k, (surface, tile) in enumerate(zip(self._surfaces, self._layout.tiles, strict=True)):
            colours = self._luts[tile.kind][np.clip((heights.shade[k] * 255).astype(np.intp), 0, 255)]
            colours[..., :3] *= heights.light[k][..., None]
            surface.setData(z=heights.z[k], colors=colours.reshape(-1, 4))
        self._z = heights.z
        self._draw_lines()
        return heights.span

    def surface_z(self, k: int) -> np.ndarray:
        """The heights tile k draws (its own z, not counting where the tile is)."""
        return np.array(self._surfaces[k]._z, copy=True)

    def surface_colours(self, k: int) -> np.ndarray:
        """(size * size, 4): the colours tile k draws its grid points in (RGBA, 0 to 1)."""
        return np.array(self._surfaces[k]._colors, copy=True)

    def surface_count(self) -> int:
        return len(self._surfaces)

    def label_texts(self) -> list[str]:
        return [label.text for label in self._labels]

    def layout_shown(self) -> TileLayout | None:
        return self._layout

    def reset_camera(self) -> None:
        """From the front and above, every tile in sight."""
        if self._layout is not None:
            self._aim(self._layout, _aspect(self._glview.size()))

    def fov_for(self, width: int, height: int) -> float:
        """The field of view (degrees) that shows every tile and label in a width x height
        picture, from where the camera is now."""
        if self._layout is None:
            return self._glview.cameraParams()["fov"]
        camera = self._glview.cameraParams()
        centre = camera["center"]
        half_tan = half_tan_to_fit(self._layout.corners(), (centre.x(), centre.y(), centre.z()),
                                   camera["distance"], camera["elevation"], camera["azimuth"],
                                   max(1, height) / max(1, width))
        return math.degrees(2 * math.atan(half_tan * MARGIN))

    def render_image(self, size: QSize | None = None) -> QImage:
        """A frame; at `size` (a slide) with the tiles laid out for its shape, if another
        layout suits it better (a wide slide spreads them out), then put back."""
        if size is None or self._layout is None:
            return super().render_image(size)
        wanted = layout_to_fit(len(self._layout.tiles) - 2, _aspect(size))
        if wanted == self._layout:
            return super().render_image(size)
        before, camera = self._layout, self._glview.cameraParams()
        try:
            self._place(wanted, _aspect(size))
            return super().render_image(size)
        finally:
            self._place(before)
            self._glview.setCameraParams(**{key: camera[key] for key in
                                            ("center", "distance", "elevation", "azimuth", "fov")})

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
    def _aim(self, layout: TileLayout, aspect: float) -> None:
        camera = fitted_camera(layout, aspect)
        self._glview.setCameraParams(center=QVector3D(*camera.centre), distance=camera.distance,
                                     elevation=ELEVATION, azimuth=AZIMUTH,
                                     fov=math.degrees(2 * math.atan(camera.half_tan)))

    def _make_items(self, count: int, axis: np.ndarray) -> None:
        """`count` surfaces on the grid `axis` and their labels, each at the origin for now."""
        for item in self._surfaces + self._labels:
            self._glview.removeItem(item)
        font = QFont(self.font())
        font.setPointSizeF(max(9.0, self.font().pointSizeF()))
        centre = Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop
        flat = np.zeros((len(axis), len(axis)), np.float32)
        # smooth with no normals: pyqtgraph draws the grid indexed, not one vertex copy per face
        self._surfaces = [gl.GLSurfacePlotItem(x=axis, y=axis, z=flat, computeNormals=False,
                                               smooth=True, glOptions=_SURFACE_GL)
                          for _ in range(count)]
        self._labels = [gl.GLTextItem(pos=(0, 0, 0), text="", font=font, alignment=centre,
                                      color=pg.mkColor(LABEL_COLOUR)) for _ in range(count)]
        for surface, label in zip(self._surfaces, self._labels, strict=True):
            label.backdrop = pg.mkColor(LABEL_PLATE)  # drawn by GLCanvas behind the text
            self._glview.addItem(surface)
            self._glview.addItem(label)
        self._z = np.zeros((count, len(axis), len(axis)), np.float32)
        self._axis = axis
        self._layout = None

    def _place(self, layout: TileLayout, aspect: float | None = None) -> None:
        """Moves the tiles, their labels and their floor squares to `layout`; a new layout
        brings the camera to see all of it (in a picture of `aspect`, else the view's)."""
        floors, colours = [], []
        for surface, label, tile in zip(self._surfaces, self._labels, layout.tiles, strict=True):
            surface.resetTransform()
            surface.translate(*tile.origin, 0.0)
            label.setData(pos=tile.label_at())
            x, y = tile.origin
            corners = [(x, y), (x + 1, y), (x + 1, y + 1), (x, y + 1)]
            floors += [(*corners[i], 0.0) for k in range(4) for i in (k, (k + 1) % 4)]
            # a part's square at 0 in its node's colour (the diagram's), v's and yp's grey
            colour = pg.mkColor(node_colour(tile.node) if tile.kind == PART else FLOOR_GREY)
            colours += [colour.getRgbF()] * 8
        self._floor_lines = (np.array(floors, np.float32).reshape(-1, 3),
                             np.array(colours, np.float32).reshape(-1, 4))
        changed = layout != self._layout
        self._layout = layout
        self._draw_lines()
        if changed:
            self._aim(layout, _aspect(self._glview.size()) if aspect is None else aspect)

    def _draw_lines(self) -> None:
        """The floor squares, the posts from them to the surfaces' corners (both in the tile's
        colour) and the lines across the surfaces, for the heights drawn now."""
        if self._layout is None or len(self._z) != len(self._layout.tiles):
            return
        wire, posts = tile_lines(self._layout, self._z, self._axis)
        floors, colours = self._floor_lines
        post_colours = np.repeat(colours[::8], 8, axis=0)  # 4 posts of 2 points: a tile's 8
        self._floors.setData(pos=np.concatenate([floors, posts]),
                             color=np.concatenate([colours, post_colours]))
        self._wire.setData(pos=wire)

    def _on_resized(self) -> None:
        """Another shape may suit another layout (a floated dock, a wider window)."""
        if self._layout is None:
            return
        wanted = layout_to_fit(len(self._layout.tiles) - 2, _aspect(self._glview.size()))
        if wanted != self._layout:
            self._place(wanted)
        else:
            self._glview.setCameraParams(fov=self.fov_for(self._glview.width(), self._glview.height()))

    def _tab_out(self, forward: bool) -> None:
        """Tab pressed in the GL window: move on from the view as from any widget."""
        self._container.setFocus()
        self.focusNextPrevChild(forward)
