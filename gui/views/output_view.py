"""OutputView: the network's output surface, in 3D when OpenGL works, else as a 2D map.

The choice is made once, at construction, because a GL view that failed to
get a context cannot be repaired later; the notice says why 3D is missing.
"""

from PySide6.QtGui import QImage
from PySide6.QtWidgets import QVBoxLayout, QWidget

from gui.views import gl_probe
from gui.views.heatmap_view import HeatmapView


class OutputView(QWidget):
    def __init__(self, parent=None):
        super().__init__(parent)
        ok, reason = gl_probe.opengl_available()
        self.is_3d = ok
        self.reason = reason
        if ok:
            from gui.views.surface_view import SurfaceView  # imports OpenGL only when it will be used

            self.view = SurfaceView()
        else:
            notice = self.tr("OpenGL is not available ({0}): showing a 2D map instead.").format(reason)
            self.view = HeatmapView(notice)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.view)

    def update_from(self, snapshot) -> None:
        self.view.update_from(snapshot)

    def set_scale(self, factor: float) -> None:
        self.view.set_scale(factor)

    def marker_key(self) -> list:
        """The 3D view's key to its markers; none for the 2D map, which writes yt and yp."""
        key = getattr(self.view, "marker_key", None)
        return key() if key is not None else []

    def render_image(self) -> QImage:
        return self.view.render_image()
