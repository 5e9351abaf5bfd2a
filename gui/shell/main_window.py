"""MainWindow: assembles the controls, the views and the services, and wires them.

Data flows one way: controls -> TrainConfig -> the run session (its worker runs the core
trainer) -> a snapshot of the run at the step shown (gui.run.shown_step) -> each view's
update_from. The policies live in the services the window assembles: the session (the run,
its steps and settings), RunSaving and RunRestore (files), UnsavedWork (the questions and the
recovery file), CompareRuns, DockRefresh, WindowSettings and the menus (MenuBar).
"""

from PySide6.QtCore import QSize, Signal
from PySide6.QtWidgets import QMainWindow, QMessageBox

from core.model.config import TrainConfig
from core.training import states
from core.views.loss_convention import ARTICLE_SUM, GATELAB
from core.views.run_list import overlay_colour
from gui.common.messages import hidden_nodes_text, run_message, sentences, target_name, weight_edit_refusal
from gui.files.experiment_files import ExperimentFiles, path_from_mime
from gui.files.run_restore import RunRestore
from gui.files.run_saving import RunSaving
from gui.run.session import RunSession
from gui.shell.closing import Closing
from gui.shell.compare_runs import CompareRuns
from gui.shell.dock_refresh import DockRefresh
from gui.shell.guide_setup import GuideSetup
from gui.shell.many_seeds import ManySeeds
from gui.shell.menu_bar import MenuBar
from gui.shell.presentation import Presentation
from gui.shell.slide_export import SlideExport
from gui.shell.unsaved_work import UnsavedWork
from gui.shell.window_layout import WindowLayout
from gui.shell.window_settings import WindowSettings
from gui.shell.worksheet_export import WorksheetExport


class MainWindow(QMainWindow):
    snapshot_shown = Signal(object)  # after every view has taken a snapshot (for tests)
    closed = Signal()  # the window accepted closing: the app ends (no other window may stay)
    ended = Signal(int)  # ended from outside, unsaved runs kept: the process ends with this code

    def __init__(self, config: TrainConfig | None = None, settings=None, fresh: bool = False):
        """settings: a gui.shell.settings_store.SettingsStore to restore from and save to at close;
        None keeps nothing (tests). fresh (or the stored "start fresh" setting): the article's
        defaults and speed, not the last user's; theirs stay stored, untouched (a classroom)."""
        super().__init__()
        self.window_settings = WindowSettings(self, settings, fresh)
        self.session = RunSession(config or self.window_settings.config(), self)
        self.files = ExperimentFiles(self)
        self.compare = CompareRuns(self.session, self._selected_run_id,
                                   lambda: self.loss_plot.loss_convention(), self)
        self.saving = RunSaving(self.session, self.files, self.compare.stop, self)
        self.unsaved = UnsavedWork(self.session, lambda: self.saving.save_all(
            ask=not self.files.is_session()), self.saving.save, self)
        self.restore = RunRestore(self.session, self.files, self._may_replace_runs, self)
        self.slides = SlideExport(self)
        self.many_seeds = ManySeeds(self)
        self.closing = Closing(self)
        self.last_snapshot = None
        self.panes = WindowLayout(self, self.session.config)
        self.views = [self.output_view, self.loss_plot, self.timeline, self.predictions,
                      self.status_line]
        self.dock_refresh = DockRefresh(self.panes.step_views(), self.docks)
        self.presentation = Presentation(self)
        self.menus = MenuBar(self)
        self._wire()
        self.setAcceptDrops(True)
        self.window_settings.restore()
        self.session.set_speed(self.controls.speed())
        self.timeline.set_speed(self.controls.speed())
        self.session.show_current()
        self._update_title()

    def show_dock(self, key):
        self.docks[key].show()
        self.docks[key].raise_()

    def _wire(self):
        c, s, status = self.controls, self.session, self.statusBar()
        c.config_edited.connect(self._on_config_edited)
        c.train_pressed.connect(s.train_or_pause)
        c.step_pressed.connect(s.step)
        c.reset_pressed.connect(lambda: s.reset(on_done=lambda: status.showMessage(self.tr(
            "Reset to the initial weights of seed {0}.").format(s.config.seed), 6000)))
        c.stop_pressed.connect(s.stop)
        c.speed_changed.connect(s.set_speed)
        c.speed_changed.connect(self.timeline.set_speed)
        s.shown.connect(self._on_snapshot)
        s.edited.connect(self.files.mark_dirty)
        s.notice.connect(lambda text: status.showMessage(text, 8000))
        s.notice_void.connect(self._take_down_message)
        s.config_changed.connect(self._show_config)
        s.runs_changed.connect(self.runs_view.set_runs)
        for picker in (self.loss_plot, self.timeline):
            picker.step_picked.connect(s.show_step)
        self.timeline.live_requested.connect(s.back_to_live)
        self.runs_view.run_chosen.connect(s.switch_to)
        self.runs_view.run_deleted.connect(self.unsaved.delete_run)
        self.runs_view.run_renamed.connect(s.rename_run)
        self.runs_view.compare_wanted.connect(lambda run_id: self.compare.compare_with("selected", run_id))
        self.runs_view.overlays_changed.connect(self._on_overlays)
        self.runs_view.set_runs(s.run_infos())
        self.network_view.weights_edited.connect(s.edit_weights)
        self.math_panel.weights_updated.connect(  # the optimizer's state moves with the weights
            lambda weights, _row, completed, loss: s.apply_row_update(
                weights, completed, loss, self.math_panel.stepper().optimizer_state))
        self.worksheets = WorksheetExport(self)
        self.practice_panel.worksheet_requested.connect(self.worksheets.write)
        self.worksheets.message.connect(lambda text: QMessageBox.warning(self, "GateLab", text))
        self.worksheets.saved.connect(lambda text: status.showMessage(text, 8000))
        self.guide = GuideSetup(self)
        self.guide.message.connect(status.showMessage)
        self.guide.done.connect(self._update_title)
        for service in (self.files, self.exports, self.animation, self.slides):
            service.message.connect(lambda text: QMessageBox.warning(self, "GateLab", text))
        self.exports.done.connect(lambda text: status.showMessage(text, 5000))
        self.animation.saved.connect(lambda text: status.showMessage(text, 8000))
        self.slides.saved.connect(lambda text: status.showMessage(text, 5000))
        for service in (self.compare, self.saving, self.restore):
            service.message.connect(lambda text: status.showMessage(text, 8000))
        self.compare.runs_wanted.connect(lambda: self.show_dock("runs"))
        self.restore.opened.connect(self._show_config)
        self.restore.notice.connect(self._show_lasting_notice)
        self.window_settings.message.connect(status.showMessage)
        self.closing.message.connect(status.showMessage)
        self.many_seeds.seed_chosen.connect(self._open_seed)
        self.files.changed.connect(self._update_title)
        self.unsaved.message.connect(self._show_lasting_notice)

    # -- public actions (also used by main.py and tests) ---------------------------
    @property
    def controller(self):
        """The session's training controller (speed, shutdown): main.py and tests use it."""
        return self.session.controller

    def config(self) -> TrainConfig:
        return self.session.config

    def state(self) -> str:
        return self.session.state

    def start_training(self):
        self.session.train()

    def open_file(self, path: str | None = None):
        self.restore.open(path)

    def _on_config_edited(self, config: TrainConfig):
        self.files.mark_dirty()
        self.many_seeds.set_config(config)
        note = self.controls.take_note()  # the settings a function was given, said with the reset
        self.session.edit_config(config, lambda: sentences(note, self.saving.leave_file()))
        self._update_title()

    def _may_replace_runs(self) -> bool:
        """Before a session file replaces the runs: the compare window's come back, and the
        unsaved ones are asked about."""
        self.compare.stop()
        if not self.unsaved.confirm("open"):
            return False
        self.compare.close()
        return True

    def _selected_run_id(self):
        item = self.runs_view.tree().currentItem()
        return None if item is None else self.runs_view.id_of(item)

    def _on_overlays(self, run_ids: list):
        """The runs ticked in the Runs panel: their loss curves over the shown run's."""
        numbers = {info.run_id: info.number for info in self.session.run_infos()}
        curves = [(self.tr("run {0}").format(numbers.get(run_id, "?")), overlay_colour(index),
                   losses) for index, run_id in enumerate(run_ids)
                  if (losses := self.session.losses_of(run_id)) is not None]
        self.loss_plot.set_overlays(curves)
        self.runs_view.show_colours({run_id: overlay_colour(i) for i, run_id in enumerate(run_ids)})

    def _show_config(self, config: TrainConfig):
        """The session changed the settings itself (a branch, one more step, a file): show them."""
        self.controls.set_config(config)
        self._update_title()

    def show_many_seeds(self):
        self.many_seeds.show(self.session.config)

    def _open_seed(self, seed: int):
        """A failed seed from the many-seeds dialog: watch it train here."""
        config = self.session.config.with_changes(seed=seed)
        self.controls.set_config(config)
        self._on_config_edited(config)
        self.raise_()
        self.activateWindow()

    def _take_down_message(self, text: str) -> None:
        if self.statusBar().currentMessage() == text:
            self.statusBar().clearMessage()

    def _on_snapshot(self, snapshot):
        last = self.last_snapshot
        new_run = last is None or snapshot.run != last.run
        self.last_snapshot = snapshot
        for view in self.views:
            view.update_from(snapshot)
        self.dock_refresh.update_from(snapshot, new_run)
        self.controls.set_run_state(snapshot.state)
        self.network_view.set_editable(snapshot.weights_editable, weight_edit_refusal(snapshot))
        self.panes.gate_only["math"].update_from(snapshot)
        self.panes.gate_only["practice"].update_from(snapshot)
        if snapshot.state in (states.DIVERGED, states.FAILED):
            self._show_lasting_notice(run_message(snapshot), status=False)
        elif new_run or snapshot.state == states.TRAINING:
            self.notice.setVisible(False)
        self.snapshot_shown.emit(snapshot)

    def _update_title(self):
        c = self.session.config
        model = (self.tr("2-layer") if c.hidden_nodes == 0
                 else hidden_nodes_text(c.hidden_nodes))
        learned = target_name(c) if c.is_function else c.gate.upper()
        title = self.tr("GateLab — {0}, {1}").format(learned, model)
        suffix = self.files.title_suffix()
        self.setWindowTitle(f"{title} — {suffix}" if suffix else title)

    def _show_lasting_notice(self, text: str, status: bool = True) -> None:
        if text:
            self.notice.setText(text)
            self.notice.setVisible(True)
            if status:
                self.statusBar().showMessage(text, 30000)

    # -- drag and drop, shutdown -------------------------------------------------------
    def dragEnterEvent(self, event):
        if path_from_mime(event.mimeData()):
            event.acceptProposedAction()

    def dropEvent(self, event):
        path = path_from_mime(event.mimeData())
        if path:
            self.open_file(path)

    def close_for_signal(self, number: int):
        """Ctrl+C, SIGTERM, SIGHUP or the window destroyed: no question (one may be open already,
        or any other dialog): unsaved runs go to the recovery file, offered at the next start,
        the settings are written, and `ended` asks the app to end at once."""
        try:
            self.end_without_display()
        finally:  # whatever went wrong, the process must still end
            self.ended.emit(0)

    def end_without_display(self):
        """Nothing can be drawn or asked: see Closing.without_display."""
        self.closing.without_display()

    def closeEvent(self, event):
        if not self.closing.may_close():
            event.ignore()
            return
        super().closeEvent(event)
        self.closed.emit()

    def tell_about_recovered_work(self):
        """At start: what ended instances kept is offered; an unwritable folder is reported."""
        self.unsaved.check_at_start()

    # -- settings, exports, presentation ---------------------------------------------------
    def fit_controls(self):
        self.panes.fit_controls()

    def starts_maximized(self, available: QSize | None = None) -> bool:
        return self.window_settings.starts_maximized(
            available if available is not None else self.screen().availableGeometry().size())

    def set_article_loss(self, on: bool) -> None:
        """The loss plot and the status bar in the article's sum, or GateLab's loss."""
        convention = ARTICLE_SUM if on else GATELAB
        self.loss_plot.set_loss_convention(convention)
        self.status_line.set_loss_convention(convention)
        self.compare.set_loss_convention(convention)
        if hasattr(self, "article_loss_action"):
            self.article_loss_action.setChecked(bool(on))

    def restore_defaults(self):
        """Forgets saved settings and shows the defaults now (the language at next start)."""
        self.presentation.end()  # the default layout is the usual window's
        config = self.window_settings.restore_defaults()
        self.controls.set_config(config)
        self._on_config_edited(config)
        self.statusBar().showMessage(self.tr(
            "Default settings restored; the language follows the system from the next start."), 8000)

