"""AnimationStage: the views an animation is drawn from, its own and nobody else's.

An output view (3D surface, or the 2D map without OpenGL) and a loss plot, side by side. The
animation writer puts each frame's snapshot here and draws the views offscreen at the frame's
size, so the window's own views keep showing what the user chose while it works. It must be
shown for OpenGL to draw; the progress window shows it as a preview.
"""

from PySide6.QtWidgets import QHBoxLayout, QWidget

from gui.views.loss_plot import LossPlot
from gui.views.output_view import OutputView


class AnimationStage(QWidget):
    def __init__(self, parent=None):
        super().__init__(parent)
        self.output = OutputView()
        self.loss_plot = LossPlot()
        self.loss_plot.set_end_room(0.03)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.output, 1)
        layout.addWidget(self.loss_plot, 1)
        self.setMinimumSize(480, 300)
        # A preview: its checkboxes and buttons would change the frames still to come.
        self.setEnabled(False)

    def update_from(self, snapshot) -> None:
        self.output.update_from(snapshot)
        self.loss_plot.update_from(snapshot)
        self.loss_plot.flush()  # the frame is drawn now, not at the plot's next redraw

    def can_draw(self) -> bool:
        """Shown where OpenGL can draw: not hidden or minimised (the 2D map draws anyway)."""
        if not self.is_3d:
            return True
        return self.isVisible() and not self.window().isMinimized() and \
            self.output.view.glview.isExposed()

    @property
    def is_3d(self) -> bool:
        return self.output.is_3d

    def camera(self) -> dict | None:
        """The 3D camera (None for the 2D map)."""
        return self.output.view.camera_params() if self.is_3d else None

    def set_camera(self, **params) -> None:
        """Sets the 3D camera (center, distance, elevation, azimuth); the 2D map ignores it."""
        if self.is_3d:
            self.output.view.glview.setCameraParams(**params)
