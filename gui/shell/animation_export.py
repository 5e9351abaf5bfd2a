"""File > Export > Animation: the choices, where to save, then the animation drawn in its own
window while the main window goes on; one animation at a time."""

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QDialog

from core.io.animation import frame_snapshots
from core.views.loss_convention import GATELAB, loss_factor
from gui.common.messages import slide_caption
from gui.dialogs.animation_dialog import AnimationDialog
from gui.dialogs.animation_progress import AnimationProgress
from gui.files.animation_writer import AnimationWriter
from gui.views.animation_stage import AnimationStage


class AnimationExport(QObject):
    saved = Signal(str)  # the status bar's note
    message = Signal(str)  # an error to show

    def __init__(self, window, ask_path):
        """window: the main window (the dialogs' parent); ask_path(title, filter, suffix, kind)."""
        super().__init__(window)
        self._window, self._ask_path = window, ask_path
        self.writer: AnimationWriter | None = None
        self.progress: AnimationProgress | None = None

    def is_running(self) -> bool:
        return self.writer is not None and self.writer.is_running()

    def ask_shown(self) -> None:
        """File > Export > Animation: the main window's run from its first recorded step to the
        step shown, the 3D view from where the user turned it."""
        w = self._window
        snapshot, view, session = w.last_snapshot, w.output_view, w.session
        last = snapshot.step if snapshot is not None else session.trainer.step
        self.ask(session.trainer, session.earliest_step(), last,
                 view.view.camera_params() if view.is_3d else None, view.is_3d,
                 w.loss_plot.loss_convention())

    def ask(self, trainer, first: int, last: int, camera: dict | None, is_3d: bool,
            convention: str = GATELAB) -> None:
        """The dialog for `trainer`'s steps first..last, then the file, then the animation;
        convention: the loss as the window shows it (core.views.loss_convention)."""
        if self.is_running():
            self.progress.raise_()
            self.progress.activateWindow()
            return
        if last <= first:
            self._warn(self.tr("An animation needs at least two steps to show: train the run "
                               "first, or show a later step."))
            return
        dialog = AnimationDialog(first, last, is_3d, self._window)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return
        c, plan = dialog.choices(), dialog.plan  # checked in the dialog, which says what is wrong
        if plan is None:
            return
        path = self._ask_path(self.tr("Animation"), self.tr("GIF animation (*.gif)"), ".gif", "animation")
        if path:
            self.start(trainer, plan, path, c["caption"], camera, convention)

    def start(self, trainer, plan, path: str, caption: bool, camera: dict | None,
              convention: str = GATELAB) -> AnimationWriter:
        """Draws `plan` of `trainer` into `path`, the 3D view starting from `camera`, the loss
        in `convention` (its curve and its caption)."""
        if self.writer is not None:  # the last one, done: let it go
            self.writer.deleteLater()
        stage = AnimationStage()
        if camera is not None:
            stage.set_camera(**camera)
        stage.loss_plot.set_loss_convention(convention)

        def captioned(snapshot):
            factor = loss_factor(snapshot.config.loss, snapshot.hidden_nodes, convention)
            return slide_caption(snapshot, factor)

        # The 3D view's markers (the 2D map writes yt and yp), with the caption only.
        legend = stage.output.marker_key() if caption else []
        self.progress = AnimationProgress(stage, len(plan.frame_steps()), path, self._window)
        self.writer = AnimationWriter(stage, plan, frame_snapshots(trainer, plan), path,
                                      captioned if caption else (lambda _snapshot: ""),
                                      legend, self)
        self.progress.cancel_requested.connect(self.writer.cancel)
        self.writer.progress.connect(self.progress.set_progress)
        self.writer.waiting.connect(self.progress.set_waiting)
        self.writer.finished.connect(self._on_finished)
        self.progress.resize(960, 560)  # the preview's views with their labels whole
        self.progress.show()
        self.writer.start()
        return self.writer

    def cancel(self) -> None:
        if self.is_running():
            self.writer.cancel()

    def _on_finished(self, error: str) -> None:
        writer, progress = self.writer, self.progress
        progress.finish()
        progress.deleteLater()
        if error:
            self._warn(error)
        elif not writer.cancelled:
            self.saved.emit(self.tr("Saved {0}: {1} frames, {2:,.0f} KB").format(
                writer.path, writer.total, writer.written_bytes / 1024))

    def _warn(self, text: str) -> None:
        self.message.emit(text)
