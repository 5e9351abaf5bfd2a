"""ExportActions: the File > Export submenu, asking where to save and reporting the outcome.

The exports themselves are in gui.files.exports; this only turns menu choices into calls
with the current data, which the window hands over as small callables.
"""

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QAction, QKeySequence

from gui.common.file_dialogs import ask_save_path
from gui.files import exports


class ExportActions(QObject):
    message = Signal(str)  # an error to show
    done = Signal(str)  # a short success note for the status bar

    def __init__(self, menu, loss_plot, output_view, snapshot, loss_record, parent=None):
        """snapshot: a callable returning the snapshot shown now; loss_record: a callable
        returning the run's whole loss history and the step number of its first value."""
        super().__init__(parent)
        self._parent = parent
        self.ask_path = self._ask_path  # (title, filter, suffix) -> path or None; tests replace it
        entries = [
            (self.tr("Loss plot as PNG…"), self.tr("PNG image (*.png)"), ".png",
             lambda p: exports.export_loss_png(loss_plot, p)),
            (self.tr("Loss plot as SVG…"), self.tr("SVG image (*.svg)"), ".svg",
             lambda p: exports.export_loss_svg(loss_plot, p)),
            (self.tr("3D view as PNG…"), self.tr("PNG image (*.png)"), ".png",
             lambda p: exports.export_surface_png(output_view, p)),
            (self.tr("3D view as PNG, double size…"), self.tr("PNG image (*.png)"), ".png",
             lambda p: exports.export_surface_png(output_view, p, scale=2)),
            (self.tr("2D map as SVG…"), self.tr("SVG image (*.svg)"), ".svg",
             lambda p: exports.export_plot_svg(output_view, p)),
            (self.tr("Loss history as CSV…"), self.tr("CSV table (*.csv)"), ".csv",
             lambda p: exports.export_loss_csv(*loss_record(), p)),
            (self.tr("Weights as JSON…"), self.tr("JSON file (*.json)"), ".json",
             lambda p: exports.export_weights_json(snapshot().weights, p)),
            (self.tr("Predictions as CSV…"), self.tr("CSV table (*.csv)"), ".csv",
             lambda p: exports.export_predictions_csv(snapshot(), p)),
        ]
        self.actions = {}
        for text, file_filter, suffix, export in entries:
            action = QAction(text, self)
            action.triggered.connect(
                lambda _=False, t=text, f=file_filter, s=suffix, e=export: self._export(t, f, s, e))
            menu.addAction(action)
            self.actions[text] = action
        # The loss plot's right-click menu offers its own exports (pyqtgraph's Export window is gone).
        loss_plot.set_menu_actions([self.actions[text] for text in (
            self.tr("Loss plot as PNG…"), self.tr("Loss plot as SVG…"), self.tr("Loss history as CSV…"))])
        # Without OpenGL the output is the 2D map; the 3D view has no vector form.
        self.actions[self.tr("2D map as SVG…")].setVisible(not getattr(output_view, "is_3d", True))
        copy = QAction(self.tr("Copy predictions"), self)
        copy.setShortcut(QKeySequence("Ctrl+Shift+C"))
        copy.triggered.connect(lambda: self._report(exports.copy_predictions(snapshot()),
                                                    self.tr("Predictions copied.")))
        menu.addSeparator()
        menu.addAction(copy)
        self.actions["copy"] = copy

    def _export(self, title, file_filter, suffix, export):
        path = self.ask_path(title.rstrip("…"), file_filter, suffix)
        if path:
            self._report(export(path), self.tr("Saved {0}").format(path))

    def _report(self, error, success):
        if error:
            self.message.emit(error)
        else:
            self.done.emit(success)

    def _ask_path(self, title, file_filter, suffix):
        path = ask_save_path(self._parent, title, "", file_filter)
        if path and not path.lower().endswith(suffix):
            path += suffix
        return path or None
