"""ExportActions: the File > Export submenu, asking where to save and reporting the outcome.

The exports themselves are in gui.files.exports; this only turns menu choices into calls
with the current data, which the window hands over as small callables.
"""

import os

from PySide6.QtCore import QDir, QObject, QStandardPaths, Signal
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
        self._snapshot = snapshot
        self.folder = ""  # where the last export went; the next one is offered there
        # (title, filter, suffix, kind) -> path or None; tests replace it
        self.ask_path = self._ask_path
        # Without OpenGL the output is the 2D map, and its entries say so.
        is_3d = getattr(output_view, "is_3d", True)
        picture = self.tr("3D view as PNG…") if is_3d else self.tr("2D map as PNG…")
        picture_2x = (self.tr("3D view as PNG, double size…") if is_3d else
                      self.tr("2D map as PNG, double size…"))
        picture_kind = "surface" if is_3d else "map"  # the file name offered
        entries = [
            (self.tr("Loss plot as PNG…"), self.tr("PNG image (*.png)"), ".png", "loss",
             lambda p: exports.export_loss_png(loss_plot, p)),
            (self.tr("Loss plot as SVG…"), self.tr("SVG image (*.svg)"), ".svg", "loss",
             lambda p: exports.export_loss_svg(loss_plot, p)),
            (picture, self.tr("PNG image (*.png)"), ".png", picture_kind,
             lambda p: exports.export_surface_png(output_view, p)),
            (picture_2x, self.tr("PNG image (*.png)"), ".png", picture_kind,
             lambda p: exports.export_surface_png(output_view, p, scale=2)),
            (self.tr("2D map as SVG…"), self.tr("SVG image (*.svg)"), ".svg", "map",
             lambda p: exports.export_plot_svg(output_view, p)),
            (self.tr("Loss history as CSV…"), self.tr("CSV table (*.csv)"), ".csv", "losses",
             lambda p: exports.export_loss_csv(*loss_record(), p)),
            (self.tr("Weights as JSON…"), self.tr("JSON file (*.json)"), ".json", "weights",
             lambda p: exports.export_weights_json(snapshot().weights, p)),
            (self.tr("Predictions as CSV…"), self.tr("CSV table (*.csv)"), ".csv", "predictions",
             lambda p: exports.export_predictions_csv(snapshot(), p)),
        ]
        self.actions = {}
        for text, file_filter, suffix, kind, export in entries:
            action = QAction(text, self)
            action.triggered.connect(lambda _=False, t=text, f=file_filter, s=suffix, k=kind, e=export:
                                     self._export(t, f, s, k, e))
            menu.addAction(action)
            self.actions[text] = action
        # The loss plot's right-click menu offers its own exports (pyqtgraph's Export window is gone).
        loss_plot.set_menu_actions([self.actions[text] for text in (
            self.tr("Loss plot as PNG…"), self.tr("Loss plot as SVG…"), self.tr("Loss history as CSV…"))])
        # The 3D view has no vector form.
        self.actions[self.tr("2D map as SVG…")].setVisible(not is_3d)
        copy = QAction(self.tr("Copy predictions"), self)
        copy.setShortcut(QKeySequence("Ctrl+Shift+C"))
        copy.triggered.connect(lambda: self._report(exports.copy_predictions(snapshot()),
                                                    self.tr("Predictions copied.")))
        menu.addSeparator()
        menu.addAction(copy)
        self.actions["copy"] = copy

    def _export(self, title, file_filter, suffix, kind, export):
        path = self.ask_path(title.rstrip("…"), file_filter, suffix, kind)
        if path:
            self._report(export(path), self.tr("Saved {0}").format(path))

    def _report(self, error, success):
        if error:
            self.message.emit(error)
        else:
            self.done.emit(success)

    def suggested_path(self, suffix: str, kind: str = "") -> str:
        """Where an export is first offered: the last export's folder (else Pictures, else
        home), named after the run and step shown, e.g. xor-2h-step2000-loss.png."""
        folder = self.folder if os.path.isdir(self.folder) else (
            QStandardPaths.writableLocation(QStandardPaths.StandardLocation.PicturesLocation))
        if not folder or not os.path.isdir(folder):
            folder = QDir.homePath()
        shown = self._snapshot()
        if shown is None or shown.config is None:
            name = "gatelab"
        else:
            model = f"{shown.hidden_nodes}h" if shown.hidden_nodes else "2layer"
            name = f"{shown.config.gate}-{model}-step{shown.step}"
        return os.path.join(folder, f"{name}-{kind}{suffix}" if kind else f"{name}{suffix}")

    def _ask_path(self, title, file_filter, suffix, kind=""):
        path = ask_save_path(self._parent, title, self.suggested_path(suffix, kind), file_filter)
        if path and not path.lower().endswith(suffix):
            path += suffix
        if path:
            self.folder = os.path.dirname(path)
        return path or None
