"""File > Export > Picture for a slide: a view at a chosen size, with a caption."""

from PySide6.QtCore import QCoreApplication, QObject, Signal
from PySide6.QtWidgets import QDialog

from gui.common.messages import slide_caption
from gui.files import exports


class SlideExport(QObject):
    message = Signal(str)  # an error to show
    saved = Signal(str)  # the status bar's note

    def __init__(self, window):
        """window: the main window (the dialog's parent; its output view, loss plot, the
        snapshot shown and its export actions' path question)."""
        super().__init__(window)
        self._window = window

    def ask(self) -> None:
        from gui.dialogs.slide_dialog import SlideDialog

        w = self._window
        snapshot = w.last_snapshot
        dialog = SlideDialog(slide_caption(snapshot, w.loss_plot.shown_factor())
                             if snapshot is not None else "", w)
        if dialog.exec() == QDialog.DialogCode.Accepted:
            self.write(*dialog.choices())

    def write(self, view: str, size, caption: str) -> None:
        """Asks where, then writes the picture (view: "output", "loss" or a dock's key)."""
        w = self._window
        path = w.exports.ask_path(self.tr("Picture for a slide"), self.tr("PNG image (*.png)"),
                                  ".png", f"slide-{view}")
        if not path:
            return
        if view in w.docks:
            # Drawn as it is shown: in front, so it has drawn the step shown (DockRefresh).
            w.show_dock(view)
            QCoreApplication.processEvents()
            target = w.docks[view].widget()
        else:
            target = w.output_view if view == "output" else w.loss_plot
        # The 3D view's markers as it draws them (the 2D map writes yt and yp), with the caption only.
        legend = w.output_view.marker_key() if view == "output" and caption else []
        error = exports.export_slide(target, path, size, caption, legend)
        if error:
            self.message.emit(error)
        else:
            self.saved.emit(self.tr("Saved {0}").format(path))
