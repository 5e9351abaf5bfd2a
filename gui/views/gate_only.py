"""GateOnly: holds a view drawn for a gate's four rows, and says so in its place while the run
shown learns a function (issue #28): the diagram's row picker, the hidden maps' corners, the
hidden space's four points and the step-by-step math are about the truth table's rows."""

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QStackedWidget


class GateOnly(QStackedWidget):
    def __init__(self, view, flat: bool = False, parent=None):
        """flat: the output is a 2D map (no OpenGL), and the notice points there."""
        super().__init__(parent)
        self.view = view
        self._notice = QLabel(self.tr(
            "This view follows the four rows of a logic gate. The run shown learns a function "
            "f(x1, x2) on a grid: watch the map of the output, where each sample is a dot in its "
            "target's colour, and the table of the samples farthest from their targets.") if flat else
            self.tr(
            "This view follows the four rows of a logic gate. The run shown learns a function "
            "f(x1, x2) on a grid: watch the 3D view, where its target is the red wireframe, and "
            "the table of the samples farthest from their targets."))
        self._notice.setWordWrap(True)
        self._notice.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self._notice.setMargin(12)
        self.addWidget(view)
        self.addWidget(self._notice)

    def update_from(self, snapshot) -> None:
        """The view draws a gate's run; a function's run shows the notice instead."""
        if snapshot.is_function:
            self.setCurrentWidget(self._notice)
            return
        self.setCurrentWidget(self.view)
        self.view.update_from(snapshot)

    def slide_part(self):
        """What a picture of this dock shows (gui.files.exports): the view's own part, or the
        notice while it is shown."""
        if self.shows_notice():
            return self._notice
        part = getattr(self.view, "slide_part", None)
        return part() if part is not None else self.view

    def slide_hidden(self) -> list:
        """The view's controls a slide leaves out (none while the notice is shown)."""
        hidden = getattr(self.view, "slide_hidden", None)
        return hidden() if hidden is not None and not self.shows_notice() else []

    def notice_text(self) -> str:
        return self._notice.text()

    def shows_notice(self) -> bool:
        return self.currentWidget() is self._notice
