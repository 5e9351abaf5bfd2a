"""SurfaceView: the network's output over the input square as a 3D surface.

The scene lives in unit coordinates (x1, x2, output all in [0, 1]), so the
box is a cube and the camera alone sets the size on screen. Every item is
created once; an update only rewrites preallocated arrays and calls setData.
"""

import warnings

import numpy as np
import pyqtgraph as pg
import pyqtgraph.opengl as gl
from OpenGL import GL
from PySide6.QtCore import QCoreApplication, QEvent, QSize, Qt
from PySide6.QtGui import QColor, QFont, QImage, QVector3D
from PySide6.QtWidgets import QCheckBox, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from core.views.node_maps import decision_lines
from core.views.snapshot import GRID_SIZE
from gui.common.marker_key import KeyEntry
from gui.views.colour_bar import ColourBar
from gui.views.gl_canvas import CAMERA_KEYS, ON_TOP_GL, GLCanvas, PlacedText, fov_for
from gui.views.gl_probe import share_opengl_contexts

COLORMAP = "viridis"  # blue (low) to yellow (high), readable for colour-blind students
WIRE_STRIDE = 4  # a wire every 4th sample: 11 lines each way show the shape without clutter
TARGET_COLOR = (1.0, 0.25, 0.35, 1.0)
PREDICTION_COLOR = (1.0, 1.0, 1.0, 1.0)
TARGET_SIZE, PREDICTION_SIZE = 14, 8  # pixels on screen (presentation mode doubles them)
TARGET_TO_PREDICTION = PREDICTION_SIZE / TARGET_SIZE
SAMPLE_SCALE = 0.4  # a function's samples: small markers, so the surfaces between them show
TARGET_WIRE_COLOR = (1.0, 0.25, 0.35, 0.55)  # a function's target surface, in the targets' red
DEFAULT_CAMERA = {"center": QVector3D(0.5, 0.5, 0.4), "distance": 3.4,
                  "elevation": 26.0, "azimuth": -62.0}  # like matplotlib's default 3/4 view
# GLViewWidget's fov is horizontal, so a short wide view would cut off the top and bottom.
# The fov is refitted on resize so this much of the scene always fits both ways.
VIEW_HALF_TAN = 0.33
# Presentation mode: the cube nearer, filling more of the view (labels, twice their size,
# are placed by core.views.label_placement and hidden rather than overlapped if crowded).
PRESENTED_HALF_TAN = 0.30
# The surface is pushed back in depth so its wireframe never z-fights with it.
_SURFACE_GL = {GL.GL_DEPTH_TEST: True, GL.GL_BLEND: False, GL.GL_CULL_FACE: False,
               GL.GL_POLYGON_OFFSET_FILL: True, "glPolygonOffset": (1.0, 1.0)}
_PLANE_GL = {**ON_TOP_GL, GL.GL_DEPTH_TEST: True, GL.GL_POLYGON_OFFSET_FILL: False}


def _wire_indices(size: int, stride: int) -> np.ndarray:
    """Flat grid indices of line-segment end points along every stride-th row and column."""
    index = np.arange(size * size).reshape(size, size)
    rows, cols = index[::stride], index[:, ::stride].T
    segments = [np.stack([lines[:, :-1], lines[:, 1:]], axis=-1).reshape(-1) for lines in (rows, cols)]
    return np.concatenate(segments)


class SurfaceView(QWidget):
    _created = 0  # a second GL view only draws if contexts are shared (see gl_probe)

    def __init__(self, parent=None):
        super().__init__(parent)
        self._half_tan = VIEW_HALF_TAN  # how much of the scene the view fits, both ways
        SurfaceView._created += 1
        if SurfaceView._created > 1 and not share_opengl_contexts():
            warnings.warn("a second 3D view needs Qt.AA_ShareOpenGLContexts set before the "
                          "QApplication is created (gui.views.gl_probe.share_opengl_contexts)",
                          RuntimeWarning, stacklevel=2)
        self._axis = np.linspace(0.0, 1.0, GRID_SIZE, dtype=np.float32)
        self._z = np.zeros((GRID_SIZE, GRID_SIZE), dtype=np.float32)
        self._colors = np.empty((GRID_SIZE, GRID_SIZE, 4), dtype=np.float32)
        self._lut = pg.colormap.get(COLORMAP).getLookupTable(nPts=256, mode="float").astype(np.float32)
        self._lut = np.column_stack([self._lut[:, :3], np.ones(256, np.float32)])
        self._glview = GLCanvas()
        self._container = QWidget.createWindowContainer(self._glview, self)  # owns the canvas
        self._container.setObjectName("surfaceCanvas")
        self._container.setMinimumSize(320, 280)
        # Tab reaches the view: the container then has the focus and passes the camera keys
        # on (eventFilter); after a click the native window has it and handles them itself.
        self._container.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self._container.setAccessibleName(self.tr("3D view of the network's output"))
        self._container.installEventFilter(self)
        self._glview.resized.connect(self._fit_fov)
        self._glview.tab_pressed.connect(self._tab_out)
        self._build_scene()
        self._build_layout()
        self.reset_camera()

    # --- public API -------------------------------------------------------
    def update_from(self, snapshot) -> None:
        grid = np.asarray(snapshot.grid)
        if grid.shape != self._z.shape:
            raise ValueError(f"expected a {self._z.shape} grid, got {grid.shape}")
        if not np.isfinite(grid).all():
            return  # a diverged run: keep the last finite surface on screen
        self._error_box.setVisible(snapshot.is_function)
        showing_error = snapshot.is_function and self._error_box.isChecked()
        if showing_error:
            grid = snapshot.error_grid  # the error's height instead of the output's
        self._last = snapshot
        np.copyto(self._z, grid, casting="same_kind")
        levels = np.clip(self._z * 255.0, 0, 255).astype(np.intp)
        np.take(self._lut, levels, axis=0, out=self._colors)
        # MeshData wants one colour per vertex as (N, 4), not the (rows, cols, 4) the docstring says.
        self._surface.setData(z=self._z, colors=self._colors.reshape(-1, 4))
        self._wire_pos[:, 2] = self._z.ravel()[self._wire_index]
        self._wire.setData(pos=self._wire_pos)
        self._set_rows(snapshot.points, np.asarray(snapshot.targets), np.asarray(snapshot.predictions))
        self._set_target_surface(None if showing_error else snapshot.target_grid)
        for markers in (self._targets, self._predictions, self._errors):
            markers.setVisible(not showing_error)  # heights of another quantity than the error's
        height = self.tr("error") if showing_error else self.tr("output")
        if self._colour_bar.label() != height:  # the height axis and the colours say what they show
            self._colour_bar.set_label(height)
            self._height_title.setData(text=height)
        self._set_floor_lines(decision_lines(snapshot.weights))

    def show_error(self, on: bool) -> None:
        """A function run: the surface is |yp - f| instead of yp (the target and samples hide)."""
        self._error_box.setChecked(bool(on))

    def showing_error(self) -> bool:
        return self._error_box.isVisible() and self._error_box.isChecked()

    def _on_error_toggled(self, _checked: bool) -> None:
        if self._last is not None:
            self.update_from(self._last)

    def _set_target_surface(self, target) -> None:
        """A function's target as a wireframe over the network's surface; none for a gate."""
        self._target_wire.setVisible(target is not None)
        if target is None:
            return
        target = np.asarray(target)
        if target.shape != self._z.shape:
            raise ValueError(f"expected a {self._z.shape} target grid, got {target.shape}")
        self._target_wire_pos[:, 2] = target.ravel()[self._wire_index]
        self._target_wire.setData(pos=self._target_wire_pos)

    def target_wire_visible(self) -> bool:
        return self._target_wire.visible()

    def target_wire_z(self) -> np.ndarray:
        """The target's heights along the wireframe (end points of its segments)."""
        return self._target_wire_pos[:, 2].copy()

    def floor_lines(self) -> tuple[np.ndarray, np.ndarray]:
        """The decision lines on the floor now: (2N x 3 end points, 2N x 4 colours)."""
        return self._floor_pos.copy(), self._floor_colours.copy()

    def _set_floor_lines(self, lines) -> None:
        pos = np.zeros((2 * max(1, len(lines)), 3), np.float32)
        colours = np.zeros((len(pos), 4), np.float32)  # no line: one invisible segment
        for k, (_node, colour, segment) in enumerate(lines):
            pos[2 * k: 2 * k + 2, :2] = segment
            colours[2 * k: 2 * k + 2] = QColor(colour).getRgbF()
        self._floor_pos, self._floor_colours = pos, colours
        self._floor.setData(pos=pos, color=colours)

    def set_scale(self, factor: float) -> None:
        """Markers, lines and labels `factor` times their usual size (presentation mode: 2)."""
        self._scale = factor
        self._size_markers()
        self._errors.setData(width=2.0 * factor)
        self._floor.setData(width=2.5 * factor)
        for label, base in zip(self._text_items, self._text_sizes):
            font = QFont(label.font)
            font.setPointSizeF(base * factor)
            label.setData(font=font)
        # Enlarged (presentation mode), the plane switch and the camera button made the view
        # 650 px wide at the least: on a 1024-pixel projector the table beside it was cut off.
        # The key to the colours stays; the camera keys still work.
        for control in (self._plane_box, self._reset_button, self._hint):
            control.setVisible(factor <= 1.0)
        self._half_tan = VIEW_HALF_TAN if factor <= 1.0 else PRESENTED_HALF_TAN
        self._fit_fov()

    def _size_markers(self) -> None:
        """A grid's many samples get smaller markers than a gate's four, so the surface shows."""
        factor = self._scale * (SAMPLE_SCALE if self._rows > 4 else 1.0)
        self._targets.setData(size=TARGET_SIZE * factor)
        self._predictions.setData(size=PREDICTION_SIZE * factor)

    def reset_camera(self) -> None:
        self._glview.setCameraParams(**DEFAULT_CAMERA)
        self._fit_fov()

    def camera_params(self) -> dict:
        return self._glview.cameraParams()

    def set_plane_visible(self, visible: bool) -> None:
        self._plane_box.setChecked(bool(visible))  # the checkbox's slot shows or hides the plane

    def plane_visible(self) -> bool:
        return self._plane.visible()

    def surface_z(self) -> np.ndarray:
        return self._z.copy()

    def render_image(self, size: QSize | None = None) -> QImage:
        """A freshly drawn frame, at the view's size unless `size` is given."""
        return self._glview.render_now(size)

    @property
    def glview(self) -> GLCanvas:
        return self._glview

    @property
    def canvas_widget(self) -> QWidget:
        """The widget that holds the GL window in the layout (for positions and sizes)."""
        return self._container

    @property
    def surface_item(self) -> gl.GLSurfacePlotItem:
        return self._surface

    # --- scene ------------------------------------------------------------
    def _build_scene(self) -> None:
        view = self._glview
        view.setBackgroundColor((24, 26, 32))
        self._surface = gl.GLSurfacePlotItem(
            x=self._axis, y=self._axis, z=self._z, computeNormals=False, smooth=False,
            glOptions=_SURFACE_GL)
        self._wire_index = _wire_indices(GRID_SIZE, WIRE_STRIDE)
        x1, x2 = np.divmod(self._wire_index, GRID_SIZE)
        self._wire_pos = np.column_stack([self._axis[x1], self._axis[x2], np.zeros(x1.size)])
        self._wire_pos = self._wire_pos.astype(np.float32)
        self._wire = gl.GLLinePlotItem(pos=self._wire_pos, mode="lines", color=(0, 0, 0, 0.45),
                                       width=1.0, glOptions="translucent")
        self._target_wire_pos = self._wire_pos.copy()
        self._target_wire = gl.GLLinePlotItem(pos=self._target_wire_pos, mode="lines",
                                              color=TARGET_WIRE_COLOR, width=1.5, glOptions="translucent")
        self._target_wire.setVisible(False)
        self._scale, self._rows = 1.0, 4
        self._plane = gl.GLMeshItem(
            vertexes=np.array([[0, 0, 0.5], [1, 0, 0.5], [1, 1, 0.5], [0, 1, 0.5]], np.float32),
            faces=np.array([[0, 1, 2], [0, 2, 3]], np.uint32), color=(0.9, 0.9, 1.0, 0.3),
            smooth=False, computeNormals=False, glOptions=_PLANE_GL)
        self._plane.setVisible(False)
        # Each hidden node's line on the floor (z = 0), in the node's colour: where its input
        # sum is 0 (core.views.node_maps); the 2-layer model's one line is white.
        self._floor_pos = np.zeros((2, 3), np.float32)
        self._floor_colours = np.zeros((2, 4), np.float32)
        self._floor = gl.GLLinePlotItem(pos=self._floor_pos, color=self._floor_colours,
                                        mode="lines", width=2.5, glOptions="translucent")
        self._errors = gl.GLLinePlotItem(pos=np.zeros((8, 3), np.float32), mode="lines",
                                         color=(1, 1, 1, 0.8), width=2.0, glOptions=ON_TOP_GL)
        self._predictions = gl.GLScatterPlotItem(pos=np.zeros((4, 3)), color=PREDICTION_COLOR,
                                                 size=PREDICTION_SIZE, glOptions=ON_TOP_GL)
        self._targets = gl.GLScatterPlotItem(pos=np.zeros((4, 3)), color=TARGET_COLOR, size=TARGET_SIZE,
                                             glOptions=ON_TOP_GL)
        view.keep_clear = [self._targets, self._predictions]  # no label covers a row's marker
        self._text_items = self._labels()
        self._height_title = self._text_items[-1]  # "output", up the left edge
        self._text_sizes = [label.font.pointSizeF() for label in self._text_items]
        items = [self._floor, self._surface, self._wire, self._target_wire, _box_lines(), self._plane,
                 self._errors, self._predictions, self._targets, *self._text_items]
        for depth, item in enumerate(items):  # drawn in this order; text (QPainter) last
            item.setDepthValue(depth)
            view.addItem(item)

    def _labels(self) -> list:
        """Ticks on three edges of the cube and the axes' titles, placed on screen by the
        canvas (PlacedText): each box off its anchor away from the cube's middle, titles
        beyond the ticks, and a label that would overlap another or a marker left out."""
        tick_font, title_font = QFont(self.font()), QFont(self.font())
        tick_font.setPointSizeF(max(8.0, self.font().pointSizeF()))
        title_font.setPointSizeF(tick_font.pointSizeF() * 1.25)
        title_font.setBold(True)
        grey, white = (200, 200, 200), (255, 255, 255)
        labels = []
        # x1 along the front edge, x2 along the right-hand one, the output up the left; each
        # label pushed straight out from its edge (away from the cube's axis through it), so
        # two axes' ticks at a shared corner part ways.
        edges = (lambda v: ((v, 0.0, 0.0), (v, 0.5, 0.5)), lambda v: ((1.0, v, 0.0), (0.5, v, 0.5)),
                 lambda v: ((0.0, 0.0, v), (0.5, 0.5, v)))
        for value, text in ((0.0, "0"), (0.5, "0.5"), (1.0, "1")):
            priority = 1 if value == 0.5 else 2  # the ends say the range: they win a clash
            for edge in edges:
                pos, away = edge(value)
                labels.append(PlacedText(pos=pos, away_from=away, text=text, color=grey,
                                         font=tick_font, priority=priority, tries=4))
        # Titles sit past the ticks (1.6 of their own heights out), are placed first, and go
        # further out, or over a marker at worst, rather than be left out. "output" goes above
        # its axis, so its "1" keeps the place beside the top.
        titles = ((edges[0](0.5), self.tr("x1"), 1.6), (edges[1](0.5), self.tr("x2"), 1.6),
                  (((0.0, 0.0, 1.0), (0.0, 0.0, 0.0)), self.tr("output"), 0.6))
        for (pos, away), text, gap in titles:
            labels.append(PlacedText(pos=pos, away_from=away, text=text, color=white,
                                     font=title_font, priority=3, gap=gap, tries=6,
                                     required=True, turns=(0, 45, -45, 90, -90)))
        return labels

    def _set_rows(self, points, targets: np.ndarray, predictions: np.ndarray) -> None:
        """A marker per row (a gate's four, a function's samples) at its target and prediction."""
        rows = np.asarray(points, dtype=np.float32)
        if len(rows) != self._rows:
            self._rows = len(rows)
            self._size_markers()
        target_pos = np.column_stack([rows, targets]).astype(np.float32)
        prediction_pos = np.column_stack([rows, predictions]).astype(np.float32)
        self._targets.setData(pos=target_pos)
        self._predictions.setData(pos=prediction_pos)
        self._errors.setData(pos=np.stack([prediction_pos, target_pos], axis=1).reshape(-1, 3))

    def marker_key(self) -> list:
        """The markers as a picture's key draws them (gui.files.exports)."""
        return [KeyEntry(QColor.fromRgbF(*TARGET_COLOR), 1.0, self.tr("target")),
                KeyEntry(QColor.fromRgbF(*PREDICTION_COLOR), TARGET_TO_PREDICTION, self.tr("prediction"))]

    def target_positions(self) -> np.ndarray:
        return self._targets.pos.copy()

    def prediction_positions(self) -> np.ndarray:
        return self._predictions.pos.copy()

    # --- controls ---------------------------------------------------------
    def _build_layout(self) -> None:
        self._plane_box = QCheckBox(self.tr("Decision plane (0.5)"))
        self._plane_box.setObjectName("decisionPlaneCheckBox")
        self._plane_box.setToolTip(self.tr(
            "Show the level 0.5: where the surface is above it, the network answers 1."))
        self._plane_box.toggled.connect(self._on_plane_toggled)
        self._error_box = QCheckBox(self.tr("Error |yp − f|"))
        self._error_box.setToolTip(self.tr(
            "A function run: show how far the network's surface is from the target at every "
            "point, samples and the space between them alike, instead of the surface itself."))
        self._error_box.setVisible(False)
        self._error_box.toggled.connect(self._on_error_toggled)
        self._last = None
        reset = QPushButton(self.tr("Reset camera"))
        reset.setObjectName("resetCameraButton")
        reset.setToolTip(self.tr("Return to the starting view (drag to rotate, wheel to zoom)."))
        reset.clicked.connect(self.reset_camera)
        self._reset_button = reset
        legend = QLabel(self.tr(
            '<span style="color:#ff4059">\u25cf</span> target &nbsp; '
            '\u25cb prediction'))
        legend.setToolTip(self.tr("Red: each row's target. White: what the network predicts for it "
                                  "(a dot on the surface). A line joins the two."))
        # Said in words, not a tooltip: the GL window is native, so widget tooltips never reach it.
        hint = QLabel(self.tr("drag or arrow keys: rotate · wheel or +/-: zoom"))
        hint.setObjectName("surfaceMouseHint")
        self._hint = hint
        hint.setWordWrap(True)  # wraps rather than widening the window
        hint.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        keys = QHBoxLayout()
        keys.addWidget(legend)
        keys.addWidget(hint, 1)
        self._colour_bar = ColourBar(COLORMAP, self.tr("output"))
        controls = QHBoxLayout()
        controls.addWidget(self._plane_box)
        controls.addWidget(self._error_box)
        controls.addSpacing(12)  # else "Error |yp − f|" ran into the bar's "output 0"
        controls.addWidget(self._colour_bar, 1)
        controls.addWidget(reset)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self._container, 1)
        layout.addLayout(keys)
        layout.addLayout(controls)

    def eventFilter(self, watched, event) -> bool:
        if watched is self._container:
            kind = event.type()
            if kind in (QEvent.Type.FocusIn, QEvent.Type.FocusOut):
                self._show_focus(kind == QEvent.Type.FocusIn)
                if kind == QEvent.Type.FocusOut:
                    self._glview.stop_orbit()
            elif kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
                if event.key() in CAMERA_KEYS:  # the canvas's own keys, as if it had focus
                    QCoreApplication.sendEvent(self._glview, event)
                    return True
        return super().eventFilter(watched, event)

    def _tab_out(self, forward: bool) -> None:
        """Tab pressed in the GL window: move on from the view as from any widget."""
        self._container.setFocus()
        self.focusNextPrevChild(forward)

    def _show_focus(self, focused: bool) -> None:
        """The native GL window cannot draw a focus frame, so the hint below it turns bold."""
        font = self._hint.font()
        font.setBold(focused)
        self._hint.setFont(font)

    def _on_plane_toggled(self, checked: bool) -> None:
        self._plane.setVisible(checked)

    def _fit_fov(self) -> None:
        self._glview.fit_fov(self._half_tan)

    @staticmethod
    def fov_for(width: int, height: int) -> float:
        """The field of view (degrees) that fits the scene into a width x height picture."""
        return fov_for(width, height, VIEW_HALF_TAN)


def _box_lines() -> gl.GLLinePlotItem:
    """The unit cube's 12 edges plus the floor's 0.5 lines, as axis guides."""
    corners = np.array([[x, y, z] for z in (0, 1) for y in (0, 1) for x in (0, 1)], np.float32)
    edges = [(0, 1), (1, 3), (3, 2), (2, 0), (4, 5), (5, 7), (7, 6), (6, 4),
             (0, 4), (1, 5), (2, 6), (3, 7)]
    pos = corners[np.array(edges).ravel()]
    floor = np.array([[0.5, 0, 0], [0.5, 1, 0], [0, 0.5, 0], [1, 0.5, 0]], np.float32)
    return gl.GLLinePlotItem(pos=np.vstack([pos, floor]), mode="lines", color=(0.6, 0.6, 0.65, 0.7),
                             width=1.0, glOptions="translucent")
