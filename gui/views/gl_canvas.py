"""GLCanvas: pyqtgraph's 3D view as a native OpenGL window, embedded with a window container.

Why not pyqtgraph's GLViewWidget (a QOpenGLWidget): a QOpenGLWidget makes Qt compose the
whole top-level window through OpenGL on every flush, so any repaint in the main window
(the loss plot, a label) uploads the window as a texture and swaps it. Under software
OpenGL that copying took about a fifth of the GUI thread while training, and the event
loop stalled for 50-65 ms at the 99th percentile (bench/gui_responsiveness.py --views all).
A QOpenGLWindow draws only itself; the rest of the window stays plain raster.
"""

import atexit
import math

import numpy as np
from OpenGL import GL
from pyqtgraph.opengl import GLTextItem
from pyqtgraph.opengl.GLViewWidget import GLViewMixin
from PySide6.QtCore import QCoreApplication, QElapsedTimer, QEvent, QPoint, QPointF, QRect, QSize, Qt, Signal
from PySide6.QtGui import QFontMetricsF, QImage, QMatrix4x4, QPainter, QSurfaceFormat, QVector3D, QVector4D
from PySide6.QtOpenGL import QOpenGLFramebufferObject, QOpenGLWindow

from core.views import label_placement

# A native window's exposure is confirmed by the window system, asynchronously.
WAIT_MS = 2000
# When the window closes, Qt still delivers an expose (and so a paint) after hiding the GL
# window and starting to destroy its surface; painting then dereferences a null context and
# the process dies with SIGSEGV (seen on quitting as the first frame appeared).
_PAINT_EVENTS = (QEvent.Type.Expose, QEvent.Type.Paint, QEvent.Type.UpdateRequest)
ORBIT_KEYS = (Qt.Key.Key_Left, Qt.Key.Key_Right, Qt.Key.Key_Up, Qt.Key.Key_Down)  # pyqtgraph's
ZOOM_KEYS = {Qt.Key.Key_Plus: 0.9, Qt.Key.Key_Equal: 0.9, Qt.Key.Key_Minus: 1 / 0.9}
CAMERA_KEYS = (*ORBIT_KEYS, *ZOOM_KEYS)
# Markers, paths and planes drawn over the scene, blended: a target hidden under a surface
# would teach nothing.
ON_TOP_GL = {GL.GL_DEPTH_TEST: False, GL.GL_BLEND: True, GL.GL_CULL_FACE: False,
             "glBlendFunc": (GL.GL_SRC_ALPHA, GL.GL_ONE_MINUS_SRC_ALPHA)}


def fov_for(width: int, height: int, half_tan: float) -> float:
    """The field of view (degrees) that keeps a scene of half-width tangent `half_tan` whole
    in a width x height picture: pyqtgraph's fov is horizontal, so a short, wide view would
    otherwise cut off the top and bottom."""
    return math.degrees(2 * math.atan(half_tan * max(1.0, max(1, width) / max(1, height))))
MIN_DISTANCE, MAX_DISTANCE = 1.0, 20.0  # camera distance; the scene is a unit cube


@atexit.register  # registered after PySide's own clean-up, so it runs before it
def _delete_pending_widgets() -> None:
    """Carries out deleteLater() calls still pending at interpreter exit.

    Otherwise PySide's exit clean-up deletes the canvas it owns before QApplication destroys
    the widget that was to be deleted, whose container then reads the freed canvas (SIGSEGV
    in QWindowContainer::toplevelAboutToBeDestroyed; pytest-qt leaves such a deleteLater
    after the last test).
    """
    if QCoreApplication.instance() is not None:
        QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)


class PlacedText(GLTextItem):
    """A label the canvas places by its projected position (core.views.label_placement): its
    box is pushed `gap` font heights off its anchor, away from the scene point `away_from`,
    and left out where it would overlap a label of higher `priority` or a marker."""

    def __init__(self, priority: int = 0, away_from=(0.5, 0.5, 0.5), gap: float = 0.25,
                 tries: int = 3, required: bool = False, turns=(0.0,), **kwds):
        super().__init__(**kwds)
        self.turns = turns  # directions (degrees off straight away) it may take
        self.required = required  # an axis title: drawn over a marker rather than left out
        self.priority = priority
        self.tries = tries  # places to try, each half a height further out, before leaving it out
        self.away_from = away_from
        self.gap = gap  # in heights of the label's own font, so it grows with the text


class CanvasScene:
    """For a widget that draws a unit-cube scene in a GLCanvas (its `_glview`), fitted to
    SCENE_HALF_TAN: what a slide asks of it (gui.files.exports), a frame at any size, the
    canvas and the field of view for a picture's shape."""

    def render_image(self, size: QSize | None = None) -> QImage:
        """A freshly drawn frame, at the view's size unless `size` is given (a slide)."""
        return self._glview.render_now(size)

    @property
    def glview(self) -> "GLCanvas":
        return self._glview

    @staticmethod
    def fov_for(width: int, height: int) -> float:
        """The field of view (degrees) that fits the scene into a width x height picture."""
        return fov_for(width, height, SCENE_HALF_TAN)


SCENE_HALF_TAN = 0.36  # a unit cube seen from 3.3-3.6: the scene's half-width tangent


class GLCanvas(GLViewMixin, QOpenGLWindow):
    resized = Signal()  # after resizeGL, when the GL side has the new size
    tab_pressed = Signal(bool)  # True for Tab, False for Shift+Tab, while this window has focus

    def __init__(self):
        super().__init__()
        surface = QSurfaceFormat.defaultFormat()
        # The scene relies on depth (the surface hides the wires behind it); Mesa's GLX gave
        # the window no depth buffer at all unless one is asked for.
        surface.setDepthBufferSize(24)
        self.setFormat(surface)
        self._grab_wanted = False
        self._grabbed: QImage | None = None
        self.keep_clear: list = []  # scatter items (pixel-sized markers) no PlacedText may cover
        self.drawn_labels: list = []  # (text, QRectF) of the labels last drawn, for tests

    def fit_fov(self, half_tan: float) -> None:
        """The field of view for the window's size now (connect to `resized`)."""
        self.setCameraParams(fov=fov_for(self.width(), self.height(), half_tan))

    def event(self, event) -> bool:
        if event.type() in _PAINT_EVENTS and not self.isVisible():
            return True  # nothing to paint on: skip, see _PAINT_EVENTS
        return super().event(event)

    def keyPressEvent(self, event):
        if event.key() in (Qt.Key.Key_Tab, Qt.Key.Key_Backtab):
            event.accept()  # a QWindow passes no key on to its container: say where to go
            self.tab_pressed.emit(event.key() == Qt.Key.Key_Tab)
            return
        factor = ZOOM_KEYS.get(event.key())
        if factor is None:
            super().keyPressEvent(event)  # arrows orbit while held
            return
        event.accept()
        self.zoom(factor)

    def keyReleaseEvent(self, event):
        if event.key() in ZOOM_KEYS:
            event.accept()
            return
        super().keyReleaseEvent(event)

    def focusOutEvent(self, event):
        self.stop_orbit()
        super().focusOutEvent(event)

    def hideEvent(self, event):
        self.stop_orbit()
        super().hideEvent(event)

    def stop_orbit(self) -> None:
        """Forgets held arrow keys: a key released after focus left never reaches this window,
        and pyqtgraph would keep orbiting (and redrawing) 60 times a second."""
        self.keysPressed.clear()
        self.keyTimer.stop()

    def zoom(self, factor: float) -> None:
        """Moves the camera closer (factor < 1) or away, never so far that the cube vanishes."""
        distance = self.cameraParams()["distance"] * factor
        self.setCameraParams(distance=min(MAX_DISTANCE, max(MIN_DISTANCE, distance)))

    def rect(self) -> QRect:
        """pyqtgraph's text items project onto view().rect(), which only widgets have."""
        return QRect(QPoint(0, 0), self.size())

    def resizeGL(self, width: int, height: int):
        super().resizeGL(width, height)
        self.resized.emit()

    def paintGL(self):
        super().paintGL()
        if self._grab_wanted:  # the back buffer is only certain to hold this frame right now
            self._grab_wanted = False
            self._grabbed = self.grabFramebuffer()

    def drawItemTree(self, item=None, useItemNames=False):  # noqa: N802, N803 - pyqtgraph's
        """The scene, then its text items with one QPainter: each GLTextItem opening its own
        painter on the window cost about as much as the rest of the 3D scene under software
        OpenGL (a surface has a dozen tick labels)."""
        labels = [] if item is not None or useItemNames else [
            i for i in self.items
            if isinstance(i, GLTextItem) and i.parentItem() is None and not i.childItems()]
        if not labels:
            super().drawItemTree(item, useItemNames)
            return
        everything = self.items
        self.items = [i for i in everything if not any(i is label for label in labels)]
        try:
            super().drawItemTree()
        finally:
            self.items = everything
        shown = [label for label in labels if label.visible() and label.text]
        if shown:
            to_pixels = QMatrix4x4()
            rect = self.rect()
            to_pixels.viewport(0, rect.height(), rect.width(), -rect.height())
            self._draw_labels(self, shown, to_pixels * self.currentProjection()
                              * self.currentModelView(), (rect.width(), rect.height()))

    def render_now(self, size: QSize | None = None) -> QImage:
        """Draws a frame at once and returns it; at `size` (logical pixels), if given, drawn
        offscreen so the view on screen never changes size.

        Raises RuntimeError when the window cannot draw (not shown, or no frame came).
        """
        if not self.isVisible() or not self._wait_for(self.isExposed):
            raise RuntimeError("the 3D view is not shown")
        if size is None or size == self.size():
            return self._draw_and_grab()
        return self._draw_offscreen(size)

    def _draw_and_grab(self) -> QImage:
        self._grab_wanted, self._grabbed = True, None
        self.update()  # marks the window dirty, so the update request below paints it
        QCoreApplication.sendEvent(self, QEvent(QEvent.Type.UpdateRequest))
        image, self._grabbed, self._grab_wanted = self._grabbed, None, False
        if image is None or image.isNull():
            raise RuntimeError("the 3D view did not draw a frame")
        return image

    def _draw_offscreen(self, size: QSize) -> QImage:
        """The scene drawn into a framebuffer object of `size`. Text items paint with a
        QPainter on the window itself, so they are hidden for the GL pass and drawn after."""
        ratio = self.devicePixelRatioF()
        pixels = QSize(round(size.width() * ratio), round(size.height() * ratio))
        labels = [item for item in self.items if isinstance(item, GLTextItem) and item.visible()]
        self.makeCurrent()
        target = QOpenGLFramebufferObject(pixels, QOpenGLFramebufferObject.Attachment.CombinedDepthStencil)
        if not target.isValid():
            self.doneCurrent()
            raise RuntimeError(f"OpenGL here cannot draw {pixels.width()} x {pixels.height()} "
                               "pixels offscreen; try a smaller scale")
        try:
            for item in labels:
                item.setVisible(False)
            target.bind()
            viewport = (0, 0, pixels.width(), pixels.height())
            GL.glViewport(*viewport)
            self.paint(region=viewport, viewport=viewport)
            image = target.toImage()
            # Opaque, as on screen: blending leaves alpha below 1 under translucent items. The
            # colours are already what the screen shows, so the alpha is dropped, not divided out.
            image.reinterpretAsFormat(QImage.Format.Format_RGB32)
        finally:
            target.release()
            for item in labels:
                item.setVisible(True)
            self.doneCurrent()
        if image.isNull():
            raise RuntimeError("the 3D view did not draw a frame")
        image.setDevicePixelRatio(ratio)
        self._paint_labels(image, size, labels, self.projectionMatrix(viewport, viewport))
        return image

    def _paint_labels(self, image: QImage, size: QSize, labels, projection: QMatrix4x4) -> None:
        """The text items as GLTextItem.paint places them, at `size` instead of the window's."""
        to_pixels = QMatrix4x4()
        to_pixels.viewport(0, size.height(), size.width(), -size.height())
        self._draw_labels(image, labels, to_pixels * projection * self.viewMatrix(),
                          (size.width(), size.height()))

    def _draw_labels(self, device, labels, transform: QMatrix4x4, bounds: tuple) -> None:
        """Text items drawn on `device` (`bounds` = its width, height), each anchored where
        `transform` (after the item's own) takes its position; PlacedText boxes are placed
        together so none overlaps another or a marker."""
        def screen(item, point):
            return (transform * item.transform()).map(QVector3D(*point)).toPointF()

        def on_screen(item, point):
            """Where `point` lands, or None behind the camera (pyqtgraph lets the view pan its
            centre anywhere): its projection would come out mirrored, or infinite."""
            v = (transform * item.transform()).map(QVector4D(*point, 1.0))
            return None if v.w() <= 1e-9 else QPointF(v.x() / v.w(), v.y() / v.w())

        placed = [item for item in labels if isinstance(item, PlacedText)]
        boxes = dict(zip(map(id, placed), self._place(placed, on_screen, transform, bounds)))
        drawn = []
        painter = QPainter(device)
        painter.setRenderHints(QPainter.RenderHint.Antialiasing | QPainter.RenderHint.TextAntialiasing)
        try:
            for item in labels:
                painter.setPen(item.color)
                painter.setFont(item.font)
                tight = QFontMetricsF(item.font).tightBoundingRect(item.text)
                if isinstance(item, PlacedText):
                    box = boxes[id(item)]
                    if box is None:
                        continue  # it would cover another label or a marker
                    # drawText takes the baseline's start; the tight box lies at `tight` from it
                    point = QPointF(box.left - tight.x(), box.top - tight.y())
                else:
                    point = item.align_text(screen(item, item.pos))
                backdrop = getattr(item, "backdrop", None)  # a QColor: the text on a plate
                if backdrop is not None:
                    pad = tight.height() / 4
                    painter.fillRect(tight.translated(point).adjusted(-pad, -pad, pad, pad), backdrop)
                painter.drawText(point, item.text)
                drawn.append((item.text, tight.translated(point)))
        finally:
            painter.end()
        self.drawn_labels = drawn

    def _place(self, items, screen, transform, bounds) -> list:
        def seen(point):  # behind the camera (None): not-a-number, which place() leaves out
            return (math.nan, math.nan) if point is None else (point.x(), point.y())

        labels = []
        for item in items:
            tight = QFontMetricsF(item.font).tightBoundingRect(item.text)
            anchor, away = seen(screen(item, item.pos)), seen(screen(item, item.away_from))
            labels.append(label_placement.Label(
                anchor, (tight.width(), tight.height()), item.priority, away,
                item.gap * QFontMetricsF(item.font).height(), tries=item.tries,
                required=item.required, turns=item.turns))
        markers = np.concatenate([self._marker_boxes(marker, transform)
                                  for marker in self.keep_clear] or [np.zeros((0, 4))])
        # Two numbers a few pixels apart read as one ("1" and "0" as "10"): a third of the
        # smallest text's height apart at the least.
        padding = max(label_placement.PADDING, min((b.size[1] for b in labels), default=0.0) / 3.0)
        return label_placement.place(labels, bounds, markers, padding)

    @staticmethod
    def _marker_boxes(marker, transform: QMatrix4x4) -> np.ndarray:
        """Where a scatter item's markers land on screen, as label_placement.marker_boxes: all
        projected at once (a function's grid has hundreds); those behind the camera left out."""
        if not marker.visible() or marker.pos is None or not len(marker.pos):
            return np.zeros((0, 4))
        points = np.asarray(marker.pos, dtype=float).reshape(-1, 3)
        matrix = np.array((transform * marker.transform()).data(), dtype=float).reshape(4, 4).T
        v = np.column_stack([points, np.ones(len(points))]) @ matrix.T
        sizes = np.broadcast_to(np.asarray(marker.size, dtype=float), (len(points),))
        with np.errstate(divide="ignore", invalid="ignore"):
            centres = v[:, :2] / v[:, 3:]
        seen = (v[:, 3] > 1e-9) & np.isfinite(centres).all(axis=1)
        return label_placement.marker_boxes(centres[seen], sizes[seen])

    @staticmethod
    def _wait_for(condition) -> bool:
        clock = QElapsedTimer()
        clock.start()
        while not condition() and clock.elapsed() < WAIT_MS:
            QCoreApplication.processEvents()
        return bool(condition())
