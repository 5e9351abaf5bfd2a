"""Presentation mode (View > Presentation mode, F11): the window readable from the back of a
classroom. Full screen, text and lines twice their size, only the essential controls (no docks,
presets or advanced options); Esc or F11 leaves it, and everything is put back as it was."""

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QApplication

SCALE = 2.0  # text and lines, against their usual size
PRESENTED_VIEW_SHARE = 0.7  # of the middle column's height, for the 3D view
SHORT_VIEW_SHARE = 0.6  # on a 768-pixel projector: the loss plot's 2x labels need the room
TALL_COLUMN = 800  # pixels of the middle column from which the larger share applies
QWIDGETSIZE_MAX = (1 << 24) - 1  # Qt's "no maximum size"


class Presentation:
    def __init__(self, window):
        self._window = window
        self._saved = None  # what leaving puts back: (state, geometry, docks shown, font, splitters)
        self._busy = False  # entering or leaving: processEvents may deliver another F11


    def is_on(self) -> bool:
        return self._saved is not None

    def toggle(self) -> None:
        if self._busy:
            return
        self._busy = True
        try:
            self.leave() if self.is_on() else self.enter()
        finally:
            self._busy = False
        # The menu's tick and the Esc key that leaves it, as the mode now is.
        on, w = self.is_on(), self._window
        if hasattr(w, "presentation_action"):
            w.presentation_action.setChecked(on)
            w.leave_presentation.setEnabled(on)

    def end(self) -> None:
        """Esc, or Restore default settings: back to the usual window, if presenting."""
        if self.is_on():
            self.toggle()

    def enter(self) -> None:
        if self.is_on():
            return
        w = self._window
        app = QApplication.instance()
        shown = [key for key, dock in w.docks.items() if dock.isVisible()]
        splitters = {name: splitter.saveState() for name, splitter in w.panes.splitters().items()}
        self._saved = (w.saveState(), w.saveGeometry(), shown, QFont(app.font()), splitters)
        big = QFont(app.font())
        big.setPointSizeF(max(1.0, app.font().pointSizeF()) * SCALE)
        app.setFont(big)
        for dock in w.docks.values():
            dock.hide()
        w.controls.set_presenting(True)
        w.loss_plot.set_scale(SCALE)
        w.output_view.set_scale(SCALE)
        w.showFullScreen()
        QApplication.processEvents()  # the larger font's sizes, before fitting the controls
        w.fit_controls()
        self._share_width()
        w.panes.fit_height(True)
        w.statusBar().showMessage(self._hint(), 8000)

    @staticmethod
    def _hint() -> str:
        return QCoreApplication.translate("Presentation", "Esc or F11: back to the usual window")

    def leave(self) -> None:
        if not self.is_on():
            return
        w = self._window
        if w.statusBar().currentMessage() == self._hint():  # it no longer applies
            w.statusBar().clearMessage()
        state, geometry, shown, font, splitters = self._saved
        self._saved = None
        w.panes.fit_height(False)
        QApplication.instance().setFont(font)
        w.controls.set_presenting(False)
        w.loss_plot.set_scale(1.0)
        w.output_view.set_scale(1.0)
        w.setMinimumSize(0, 0)
        w.setMaximumSize(QWIDGETSIZE_MAX, QWIDGETSIZE_MAX)
        # The usual font's sizes first (Qt applies a font change lazily): restoring the window
        # while every size hint was still double left it wider than the screen.
        QApplication.processEvents()
        w.fit_controls()
        w.showNormal()
        for key in shown:
            w.docks[key].show()
        for _ in range(2):  # again once the docks are back: they take their room
            w.restoreGeometry(geometry)
            w.restoreState(state)
            for name, splitter in w.panes.splitters().items():
                splitter.restoreState(splitters[name])
            QApplication.processEvents()

    def _share_width(self) -> None:
        """The controls and the table under them at their least width, the 3D view and the loss
        plot under it the rest: at twice the size on a 1024-pixel projector nothing is cut off."""
        w = self._window
        # The screen's size, held: without a window manager nothing sizes a full screen, and
        # the larger font's layout widened the window past the screen's edge.
        w.setGeometry(w.screen().geometry())
        w.setFixedSize(w.screen().geometry().size())
        w.setWindowState(w.windowState() | Qt.WindowState.WindowFullScreen)  # resizing dropped it
        QApplication.processEvents()
        total = sum(w.panes.main_splitter.sizes())
        controls = w.panes.controls_scroll.minimumWidth()
        w.panes.main_splitter.setSizes([controls, max(1, total - controls)])
        # The surface is what the class looks at: most of the height, the loss curve under it.
        stack = w.panes.views_splitter
        height = sum(stack.sizes())
        share = PRESENTED_VIEW_SHARE if height >= TALL_COLUMN else SHORT_VIEW_SHARE
        stack.setSizes([round(share * height), round((1 - share) * height)])
