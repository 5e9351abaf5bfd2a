"""MainWindow: assembles the controls and views and wires them to the run session.

Data flows one way: controls -> TrainConfig -> the run session (its worker runs the core
trainer) -> a snapshot of the run -> each view's update_from. The window is the only place that
wires them; the run itself, its trainer and its state machine are the session's.
"""

import os
import time

from PySide6.QtCore import QSize, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QActionGroup, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QDialog,
    QDockWidget,
    QLabel,
    QMainWindow,
    QMessageBox,
    QScrollArea,
    QSplitter,
    QStyle,
    QTabBar,
    QVBoxLayout,
    QWidget,
)

from core.model.config import ALPHA_MAX, HIDDEN_MAX, TrainConfig
from core.teaching import article_guide
from core.teaching.notation import ARTICLE
from core.training import states
from core.views.loss_convention import ARTICLE_SUM, GATELAB
from core.views.run_list import overlay_colour
from gui.common.i18n import LANGUAGES
from gui.common.messages import parameter_name, run_message, slide_caption
from gui.controls.control_panel import DEFAULT_SPEED, SPEEDS, ControlPanel
from gui.dialogs.seeds_dialog import SeedsDialog
from gui.files import exports
from gui.files.experiment_files import ExperimentFiles, path_from_mime
from gui.files.export_actions import ExportActions
from gui.run.session import RunSession, session_trainer
from gui.run.training_worker import EMIT_INTERVAL
from gui.shell.animation_export import AnimationExport
from gui.shell.presentation import Presentation
from gui.shell.settings_store import (
    CONFIG_KEY,
    LANGUAGE_KEY,
    SPEED_KEY,
    TOGGLES_KEY,
    WINDOW_STATE_VERSION,
)
from gui.shell.unsaved_work import UnsavedWork
from gui.views.article_guide_view import ArticleGuideView
from gui.views.gradient_check_view import GradientCheckView
from gui.views.help_panel import HelpPanel
from gui.views.hidden_maps_view import HiddenMapsView
from gui.views.hidden_space_view import HiddenSpaceView
from gui.views.landscape_view import LandscapeView
from gui.views.loss_plot import LossPlot
from gui.views.math_panel import MathPanel
from gui.views.network_view import NetworkView
from gui.views.output_view import OutputView
from gui.views.predictions_table import PredictionsTable
from gui.views.runs_view import RunsView
from gui.views.status_line import StatusLine
from gui.views.timeline_bar import TimelineBar

EDITABLE_STATES = (states.IDLE, states.PAUSED, states.FINISHED, states.STOPPED)
DEFAULT_TOGGLES = {"log_scale": False, "decision_plane": False, "article_loss": False}
DOCK_INTERVAL_S = 0.05
# While the compare window trains a run too, this window's run sends 5 snapshots a second, not
# 50: drawing them took the CPU both engines need, and the compare window shows this run too,
# 10 times a second. With the engines' advances asked ahead (core.training.engine) and the
# compare window's redraws halved, each run went from 0.47-0.49 of headless to 0.66-0.82
# (medians of bench/compare_training.py's paired measurements, 2 and 4 runs; docs/compare_speed.md).
SHARED_EMIT_INTERVAL_S = 0.2
PREFERRED_SIZE = QSize(1500, 950)
MAXIMIZE_FROM = 1800  # a first start on a screen at least this wide uses all of it (1920 x 1080)
DOCK_SHARE = 0.22  # of the window's width, for the dock column at first start
VIEW_SHARE = 0.62  # of the middle column's height, for the 3D view over the loss plot
# Room left on the screen for the window's frame and title bar, which Qt's sizes exclude.
FRAME_ALLOWANCE = QSize(16, 48)


class MainWindow(QMainWindow):
    snapshot_shown = Signal(object)  # after every view has taken a snapshot (for tests)
    closed = Signal()  # the window accepted closing: the app ends (no other window may stay)
    ended = Signal(int)  # ended from outside, unsaved runs kept: the process ends with this code

    def __init__(self, config: TrainConfig | None = None, settings=None, fresh: bool = False):
        """settings: a gui.shell.settings_store.SettingsStore to restore from and save to at close;
        None keeps nothing (tests). fresh (or the stored "start fresh" setting): the article's
        defaults and speed, not the last user's; theirs stay stored, untouched (a classroom)."""
        super().__init__()
        self._settings = settings
        self._fresh = bool(fresh or (settings is not None and settings.load_fresh_start()))
        if config is None:
            config = settings.load_config() if settings is not None and not self._fresh \
                else TrainConfig()
        self.session = RunSession(config, self)
        self.files = ExperimentFiles(self)
        self.unsaved = UnsavedWork(self.session, lambda: self._save_session(ask=not self.files.is_session()),
                                   self._save, self)
        self._seeds_dialog = None
        # Set once the quit question is answered (saved or discarded): closing then destroys the
        # native window, which WindowLoss sees as "destroyed from outside"; nothing to keep then.
        self._closing_decided = False
        self.compare_window = None
        self._last_snapshot = None
        self._build()
        self._wire()
        self.setAcceptDrops(True)
        self._default_layout = self._layout_state()
        self._restore_settings()
        self.session.set_speed(self.controls.speed())
        self.timeline.set_speed(self.controls.speed())
        self.session.show_current()
        self._update_title()

    # -- layout ------------------------------------------------------------------
    def _build(self):
        self.controls = ControlPanel(self.session.config)
        self.predictions = PredictionsTable()
        # The layout (docs/design.md, "Layout"): the controls with the predictions under them
        # on the left, the 3D view over the loss plot in the middle, the docks on the right. The
        # loss curve reads well wide and short, and the 3D view gets the width: at 1366 x 768
        # it is half the window, where beside a loss column it was a quarter. The left column
        # scrolls as one: with Advanced open the table moves down, never the Train button.
        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        left_layout.addWidget(self.controls)
        left_layout.addStretch(1)
        left_layout.addWidget(self.predictions)
        self._left_column = left
        scroll = QScrollArea()
        scroll.setWidget(left)
        scroll.setWidgetResizable(True)
        self._controls_scroll = scroll
        self.fit_controls()
        self.output_view = OutputView()
        self.loss_plot = LossPlot()
        self.notice = QLabel()
        self.notice.setWordWrap(True)
        self.notice.setVisible(False)
        self.notice.setStyleSheet("QLabel { background: #fff3cd; color: #5c3c00; padding: 6px; }")
        below = QWidget()
        below_layout = QVBoxLayout(below)
        below_layout.setContentsMargins(0, 0, 0, 0)
        below_layout.addWidget(self.loss_plot, 1)
        self.timeline = TimelineBar()
        below_layout.addWidget(self.timeline)
        self.views_splitter = QSplitter(Qt.Orientation.Vertical)
        self.views_splitter.addWidget(self.output_view)
        self.views_splitter.addWidget(below)
        self.views_splitter.setSizes([round(1000 * VIEW_SHARE), round(1000 * (1 - VIEW_SHARE))])
        centre = QWidget()
        centre_layout = QVBoxLayout(centre)
        centre_layout.addWidget(self.notice)
        centre_layout.addWidget(self.views_splitter, 1)
        self.main_splitter = QSplitter(Qt.Orientation.Horizontal)
        self.main_splitter.addWidget(scroll)
        self.main_splitter.addWidget(centre)
        self.main_splitter.setStretchFactor(1, 1)
        self.setCentralWidget(self.main_splitter)
        self.status_line = StatusLine()
        self.statusBar().addPermanentWidget(self.status_line)
        self._build_docks()
        self._build_menus()
        self.resize(fitted_size(PREFERRED_SIZE, self.screen().availableGeometry().size()))
        # Qt would give the dock column its widest view's preferred width; the 3D view and the
        # loss plot are what a student watches, so they get the room (saved layouts still win).
        self.resizeDocks([self.docks["network"]], [round(DOCK_SHARE * self.width())],
                         Qt.Orientation.Horizontal)

    def _build_docks(self):
        self.network_view = NetworkView()
        self.hidden_maps = HiddenMapsView()
        self.hidden_space = HiddenSpaceView()
        self.landscape = LandscapeView()
        self.math_panel = MathPanel()
        self.gradient_check = GradientCheckView()
        self.views = [self.output_view, self.loss_plot, self.timeline, self.predictions,
                      self.status_line]
        # Dock views are refreshed at most DOCK_INTERVAL_S apart while training, and only when
        # shown: each repaint costs the window a frame (bench/gui_responsiveness.py --views all).
        self.dock_views = {"network": self.network_view, "hidden": self.hidden_maps,
                           "space": self.hidden_space, "landscape": self.landscape,
                           "gradient": self.gradient_check}
        self._docks_updated = 0.0
        self._dock_turn = 0
        self.docks = {}
        self._add_dock("network", self.tr("Network diagram"), self.network_view)
        self._add_dock("hidden", self.tr("Hidden node maps"), self.hidden_maps)
        self._add_dock("space", self.tr("Hidden space"), self.hidden_space)
        self._add_dock("landscape", self.tr("Loss landscape"), self.landscape)
        self._add_dock("math", self.tr("Step-by-step math"), self.math_panel)
        self._add_dock("gradient", self.tr("Gradient check"), self.gradient_check)
        self.runs_view = RunsView()
        self._add_dock("runs", self.tr("Runs"), self.runs_view)
        for key, view in self.dock_views.items():
            self.docks[key].visibilityChanged.connect(
                lambda shown, v=view: shown and self._last_snapshot is not None
                and v.update_from(self._last_snapshot))
        self._add_dock("help", self.tr("What am I looking at?"), HelpPanel(), visible=False)
        self.article_guide = ArticleGuideView()
        self.article_guide.setup_requested.connect(self._on_guide_setup)
        self._add_dock("guide", self.tr("Follow the article"), self.article_guide, visible=False)
        self.docks["network"].raise_()  # last: adding the hidden help tab changes the current one
        self._whole_tab_titles()

    def _whole_tab_titles(self):
        """Dock tabs show their whole titles and scroll when there is no room: elided, five
        tabs at 1366 wide read "Netw…", "ネットワー…"."""
        for bar in self.findChildren(QTabBar):
            bar.setElideMode(Qt.TextElideMode.ElideNone)
            bar.setUsesScrollButtons(True)

    def _add_dock(self, key, title, widget, visible=True):
        dock = QDockWidget(title, self)
        dock.setObjectName(f"dock_{key}")  # saveState() needs names
        dock.setWidget(widget)
        area = Qt.DockWidgetArea.RightDockWidgetArea
        previous = next((d for d in self.docks.values() if self.dockWidgetArea(d) == area), None)
        self.addDockWidget(area, dock)
        if previous is not None:
            self.tabifyDockWidget(previous, dock)
        dock.setVisible(visible)
        # Qt makes a new tab bar when docks are moved, floated or shown: keep titles whole there.
        dock.visibilityChanged.connect(lambda _shown: QTimer.singleShot(0, self._whole_tab_titles))
        dock.dockLocationChanged.connect(lambda _area: QTimer.singleShot(0, self._whole_tab_titles))
        self.docks[key] = dock
        return dock

    def _build_menus(self):
        file_menu = self.menuBar().addMenu(self.tr("&File"))
        self._action(file_menu, self.tr("&Open…"), "Ctrl+O", lambda: self.open_file())
        self._action(file_menu, self.tr("&Save"), "Ctrl+S",
                     lambda: self.session.when_stopped(self._save))
        self._action(file_menu, self.tr("Save &As…"), "Ctrl+Shift+S",
                     lambda: self.session.when_stopped(self._save_as))
        self._action(file_menu, self.tr("Save all runs as a s&ession…"), "Ctrl+Alt+S",
                     lambda: self.session.when_stopped(lambda: self._save_session(ask=True)))
        export_menu = file_menu.addMenu(self.tr("&Export"))
        self.exports = ExportActions(export_menu, self.loss_plot, self.output_view,
                                     lambda: self._last_snapshot, self.session.loss_record, self)
        self.exports.message.connect(lambda text: QMessageBox.warning(self, "GateLab", text))
        self.exports.done.connect(lambda text: self.statusBar().showMessage(text, 5000))
        export_menu.addSeparator()
        self._action(export_menu, self.tr("Picture for a &slide…"), "Ctrl+Shift+E",
                     self._export_slide)
        self.animation = AnimationExport(self, lambda *args: self.exports.ask_path(*args))
        self.animation.message.connect(lambda text: QMessageBox.warning(self, "GateLab", text))
        self.animation.saved.connect(lambda text: self.statusBar().showMessage(text, 8000))
        self._action(export_menu, self.tr("&Animation (GIF)…"), "Ctrl+Shift+G",
                     self._export_animation)
        file_menu.addSeparator()
        self._action(file_menu, self.tr("&Restore default settings"), None, self.restore_defaults)
        fresh = self._action(file_menu, self.tr("Start &fresh each time (classroom)"), None,
                             self._on_fresh_start_toggled)
        fresh.setCheckable(True)
        fresh.setChecked(self._settings is not None and self._settings.load_fresh_start())
        fresh.setEnabled(self._settings is not None)
        fresh.setToolTip(self.tr("Every start uses the article's settings and speed, not the last "
                                 "user's (theirs are kept). Also: python main.py --fresh"))
        self.fresh_start_action = fresh
        file_menu.addSeparator()
        self._action(file_menu, self.tr("&Quit"), "Ctrl+Q", self.close)
        edit_menu = self.menuBar().addMenu(self.tr("&Edit"))
        self._action(edit_menu, self.tr("&Undo weight edit"), "Ctrl+Z", self.session.undo_edit)
        self.view_menu = self.menuBar().addMenu(self.tr("&View"))
        for dock in self.docks.values():
            self.view_menu.addAction(dock.toggleViewAction())
        self.view_menu.addSeparator()
        article = self._action(self.view_menu, self.tr("Loss as the article's code &sums it (no ½)"),
                               None, self.set_article_loss)
        article.setCheckable(True)
        article.setToolTip(self.tr(
            "The article's 3-layer code adds up (yp - yt)² without the ½ GateLab uses, so its loss "
            "curve is twice GateLab's. Shows the loss plot and the status bar that way; training "
            "is the same."))
        self.article_loss_action = article
        self.presentation = Presentation(self)
        self.presentation_action = self._action(
            self.view_menu, self.tr("&Presentation mode"), "F11", self._toggle_presentation)
        self.presentation_action.setCheckable(True)
        self.presentation_action.setToolTip(self.tr(
            "Full screen, text and lines twice as large, only the essential controls: for a "
            "projector. Esc or F11 leaves it."))
        # Esc leaves presentation mode (there it does not stop the run: the Stop button does).
        self._leave_presentation = QShortcut(QKeySequence("Esc"), self, self._end_presentation)
        self._leave_presentation.setEnabled(False)
        tools = self.menuBar().addMenu(self.tr("&Tools"))
        self._action(tools, self.tr("&Many seeds…"), "Ctrl+M", self._on_many_seeds)
        compare = tools.addMenu(self.tr("&Compare the run with"))
        for key, text in (("order", self.tr("the other &update order (same seed)")),
                          ("alpha_up", self.tr("&alpha × 4 (same seed)")),
                          ("alpha_down", self.tr("a&lpha ÷ 4 (same seed)")),
                          ("hidden", self.tr("one more &hidden node (same seed)")),
                          ("two_layer", self.tr("the &2-layer model, or 2 hidden nodes (same seed)")),
                          ("selected", self.tr("the run &selected in the Runs panel"))):
            self._action(compare, text, None, lambda _=False, k=key: self._compare_with(k))
        self._build_language_menu()
        help_menu = self.menuBar().addMenu(self.tr("&Help"))
        self._action(help_menu, self.tr("What am I &looking at?"), "F1",
                     lambda: self._show_dock("help"))
        self._action(help_menu, self.tr("Follow the &article…"), "F2", lambda: self._show_dock("guide"))
        self._action(help_menu, self.tr("&About GateLab"), None, self._on_about)

    def _build_language_menu(self):
        menu = self.menuBar().addMenu(self.tr("&Language"))
        group = QActionGroup(self)
        current = self._settings.load_language() if self._settings is not None else ""
        self.language_actions = {}
        for code, name in [("", self.tr("System default"))] + list(LANGUAGES.items()):
            action = QAction(name, self, checkable=True)
            action.setChecked(code == current)
            action.triggered.connect(lambda _=False, c=code: self._on_language(c))
            group.addAction(action)
            menu.addAction(action)
            self.language_actions[code] = action

    def _on_language(self, code: str):
        if self._settings is not None:
            self._settings.save_language(code)
            self._settings.sync()
        self.statusBar().showMessage(self.tr(
            "The language changes when GateLab starts next time."), 10000)

    def _action(self, menu, text, keys, slot):
        action = QAction(text, self)
        if keys:
            action.setShortcut(QKeySequence(keys))
        action.triggered.connect(slot)
        menu.addAction(action)
        return action

    def _show_dock(self, key):
        self.docks[key].show()
        self.docks[key].raise_()

    def _wire(self):
        c = self.controls
        c.config_edited.connect(self._on_config_edited)
        c.train_pressed.connect(self.session.train_or_pause)
        c.step_pressed.connect(self.session.step)
        c.reset_pressed.connect(self._on_reset_pressed)
        c.stop_pressed.connect(self.session.stop)
        c.speed_changed.connect(self.session.set_speed)
        c.speed_changed.connect(self.timeline.set_speed)
        self.session.shown.connect(self._on_snapshot)
        self.session.edited.connect(self.files.mark_dirty)
        self.session.notice.connect(lambda text: self.statusBar().showMessage(text, 8000))
        self.session.config_changed.connect(self._on_session_config)
        self.session.run_replaced.connect(self._on_run_replaced)
        self.loss_plot.step_picked.connect(self.session.show_step)
        self.timeline.step_picked.connect(self.session.show_step)
        self.timeline.live_requested.connect(self.session.back_to_live)
        self.session.runs_changed.connect(self.runs_view.set_runs)
        self.runs_view.run_chosen.connect(self.session.switch_to)
        self.runs_view.run_deleted.connect(self._delete_run)
        self.runs_view.run_renamed.connect(self.session.rename_run)
        self.runs_view.overlays_changed.connect(self._on_overlays)
        self.runs_view.set_runs(self.session.run_infos())
        self.network_view.weights_edited.connect(self.session.edit_weights)
        self.math_panel.weights_updated.connect(self._on_row_update)
        self.files.message.connect(lambda text: QMessageBox.warning(self, "GateLab", text))
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

    def _on_guide_setup(self, key: str) -> None:
        """The article guide's Set up: the section's run from its start, the view to look at."""
        entry = article_guide.section(key)
        config = entry.config()
        title, _about, look = self.article_guide.texts(key)
        message = self.tr("Set up for \u201c{0}\u201d. Look at {1}").format(title, look)
        self.controls.set_config(config)
        if self._seeds_dialog is not None:
            self._seeds_dialog.set_config(config)
        # The section's run is a new one, not the open file's (a session file keeps it: it saves
        # every run, this one too); the run shown before stays in the Runs panel.
        left = None if self.files.is_session() else self.files.detach()
        if left:
            message += " " + self.tr("This is a new, untitled run; {0} is unchanged.").format(left)

        def then():
            self.statusBar().showMessage(message, 20000)
            if entry.show == article_guide.MATH:
                self.math_panel.set_notation(ARTICLE)
            dock = {article_guide.MATH: "math", article_guide.DIAGRAM: "network",
                    article_guide.HIDDEN: "hidden"}.get(entry.show)
            if dock is not None:
                self._show_dock(dock)
            if entry.train:
                self.start_training()
            if entry.compare_order:
                self._compare_with("order")
            self._update_title()

        self.session.reset(config, on_done=then)

    def open_file(self, path: str | None = None):
        """Opens an experiment, read in the background (the window keeps drawing); a bad file
        leaves the current one untouched."""
        path = path or self.files.ask_open_path()
        if not path:
            return
        self.files.load_in_background(path, lambda opened, trainers: self.session.when_stopped(
            lambda: self._open_loaded(path, opened, trainers)))

    # -- slots ---------------------------------------------------------------------
    def _on_reset_pressed(self):
        self._reset(self.tr("Reset to the initial weights of seed {0}.").format(self.session.config.seed))

    def _reset(self, message: str, config: TrainConfig | None = None):
        self.session.reset(config, on_done=lambda: self.statusBar().showMessage(message, 6000))

    def _on_config_edited(self, config: TrainConfig):
        changed = self.session.changed_fields(config)
        self.files.mark_dirty()
        if self._seeds_dialog is not None:
            self._seeds_dialog.set_config(config)
        if self.session.is_live_change(config):
            if self.session.apply_live(config):  # else the session said what happens
                self.statusBar().showMessage(self.tr(
                    "Alpha {0:g}, steps {1:,}: applied to the run.").format(
                    config.alpha, config.steps), 4000)
            self._update_title()
            return
        names = ", ".join(parameter_name(f) for f in changed)
        message = self.tr("Settings changed ({0}): the network was reset.").format(names)
        left = self.files.detach()  # the new run is not the open file's, if one is open
        if left:
            message += " " + self.tr("This is a new, untitled run; {0} is unchanged.").format(left)
        self._reset(message, config)
        self._update_title()

    def _compare_with(self, kind: str):
        """Opens two runs side by side: the run shown and another. A new run to compare with
        trains in the compare window while the run shown goes on training here, if it does."""
        current = self.session.trainer
        if kind == "selected":
            item = self.runs_view.tree().currentItem()
            other = None if item is None else self.session.run_by_id(self.runs_view.id_of(item))
            if other is None or other is current:
                self.statusBar().showMessage(self.tr(
                    "Select another run in the Runs panel first (View > Runs)."), 8000)
                self._show_dock("runs")
                return
            self._open_compare(current, other, train_other=False)
            return
        other = session_trainer(comparison_config(current.config, kind))
        self.session.add_run(other, elsewhere=True)
        self._open_compare(current, other, train_other=True)

    def _open_compare(self, left, right, train_other: bool):
        from gui.dialogs.compare_window import CompareWindow

        self._close_compare()  # one at a time: its runs are handed back first
        window = CompareWindow(
            [left, right], [self.session.run_label(left), self.session.run_label(right)], self,
            train=(False, train_other), live=self.session.controller.snapshot,
            latest=(self.session.live_snapshot() if self.session.is_running() else None, None))
        window.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        window.closed.connect(self.session.give_back)
        window.closed.connect(lambda _runs, w=window: self._forget_compare(w))
        self.compare_window = window
        window.loss_plot.set_loss_convention(self.loss_plot.loss_convention())
        if train_other:
            self.session.controller.set_emit_interval(SHARED_EMIT_INTERVAL_S)
        window.show()

    def _forget_compare(self, window):
        if self.compare_window is window:
            self.compare_window = None
            self.session.controller.set_emit_interval(EMIT_INTERVAL)

    def _stop_compare(self):
        if self.compare_window is not None:
            self.compare_window.stop_training()

    def _close_compare(self):
        if self.compare_window is not None:
            self.compare_window.close()  # it hands its runs back (closed), then is deleted

    def _save(self) -> bool:
        """Save: a session file gets every run again; otherwise the run shown, as one run."""
        if self.files.is_session():
            return self._save_session(ask=False)
        return self._saved([self.session.trainer], self.files.save(self.session.trainer))

    def _save_as(self) -> bool:
        return self._saved([self.session.trainer], self.files.save_as(self.session.trainer))

    def _save_session(self, ask: bool) -> bool:
        self._stop_compare()  # the runs it trains are written whole
        runs = list(self.session.runs)
        return self._saved(runs, self.files.save_session(runs, runs.index(self.session.trainer),
                                                         self.session.names_by_index(), ask=ask),
                           session=True)

    def _saved(self, runs, saved: bool, session: bool = False) -> bool:
        """After a save: these runs are as the file now holds them (and no others are)."""
        if saved:
            self.session.mark_saved(runs, os.path.realpath(self.files.path()), session=session)
        return saved

    def _on_run_replaced(self):
        """Another run is shown (a branch, a listed run, a new one): a single-run file open is
        not its file, so Save must not overwrite that with it. A session file holds them all."""
        if self.files.is_session():
            return
        left = self.files.detach()
        if left:
            self.statusBar().showMessage(self.tr(
                "This run is not the one in {0}: Save asks for a new name.").format(left), 8000)

    def _delete_run(self, run_id: int) -> None:
        """The Runs panel's Delete: a run with unsaved progress is asked about first (the shown
        run and the compare window's are refused by the session, with a reason)."""
        run = self.session.run_by_id(run_id)
        if run is None or run is self.session.trainer or self.session.is_elsewhere(run_id) or \
                self.unsaved.confirm_delete(run):
            self.session.delete_run(run_id)

    def _on_overlays(self, run_ids: list):
        """The runs ticked in the Runs panel: their loss curves over the shown run's."""
        numbers = {info.run_id: info.number for info in self.session.run_infos()}
        curves = []
        for index, run_id in enumerate(run_ids):
            losses = self.session.losses_of(run_id)
            if losses is not None:
                curves.append((self.tr("run {0}").format(numbers.get(run_id, "?")),
                               overlay_colour(index), losses))
        self.loss_plot.set_overlays(curves)
        self.runs_view.show_colours({run_id: overlay_colour(i) for i, run_id in enumerate(run_ids)})

    def _on_session_config(self, config: TrainConfig):
        """The session changed the settings itself (a branch, one more step): show them."""
        self.controls.set_config(config)
        self._update_title()

    def _on_row_update(self, weights, row, step_completed, step_loss):
        self.session.apply_row_update(weights, step_completed, step_loss)

    def _on_many_seeds(self):
        if self._seeds_dialog is None:
            # No parent: a window of its own, so the main window can come in front of it to
            # show a seed (a child dialog always stays on top of its parent).
            self._seeds_dialog = SeedsDialog(self.session.config)
            self._seeds_dialog.seed_chosen.connect(self._open_seed)
        self._seeds_dialog.set_config(self.session.config)
        self._seeds_dialog.show()
        self._seeds_dialog.raise_()
        self._seeds_dialog.activateWindow()

    def _open_seed(self, seed: int):
        """A failed seed from the many-seeds dialog: watch it train here."""
        config = self.session.config.with_changes(seed=seed)
        self.controls.set_config(config)
        self._on_config_edited(config)
        self.raise_()
        self.activateWindow()

    def _on_snapshot(self, snapshot):
        last = self._last_snapshot
        new_run = last is None or snapshot.run != last.run
        self._last_snapshot = snapshot
        for view in self.views:
            view.update_from(snapshot)
        self._update_docks(snapshot, new_run)
        self.controls.set_run_state(snapshot.state)
        self.network_view.set_editable(snapshot.state in EDITABLE_STATES)
        self.math_panel.update_from(snapshot)
        self._show_notice(snapshot, new_run)
        self.snapshot_shown.emit(snapshot)

    def _update_docks(self, snapshot, new_run: bool):
        """At rest every dock view updates; while training, one shown view per interval in turn,
        so no single frame carries all of their repaints."""
        if snapshot.state != states.TRAINING or new_run:
            for view in self.dock_views.values():
                view.update_from(snapshot)
            return
        now = time.monotonic()
        if now - self._docks_updated < DOCK_INTERVAL_S:
            return
        shown = [key for key in self.dock_views
                 if self.docks[key].isVisible() and not self.docks[key].visibleRegion().isEmpty()]
        if shown:
            self._docks_updated = now
            self._dock_turn = (self._dock_turn + 1) % len(shown)
            self.dock_views[shown[self._dock_turn]].update_from(snapshot)

    def _show_notice(self, snapshot, new_run: bool):
        if snapshot.state in (states.DIVERGED, states.FAILED):
            self.notice.setText(run_message(snapshot))
            self.notice.setVisible(True)
        elif new_run or snapshot.state == states.TRAINING:
            self.notice.setVisible(False)

    def _open_loaded(self, path, opened, restored):
        """opened: a core.io.session_file.Session (one run for an experiment file). A session
        file replaces the session's runs: unsaved ones are asked about first; one run is added."""
        if not opened.single:
            if self.compare_window is not None:
                self.compare_window.stop_training()
            if not self.unsaved.confirm("open"):
                return
            self._close_compare()  # its runs come back, then all are replaced
        self.files.set_current(path, session=not opened.single)
        trainers, ids = [], {}
        for run in restored:
            trainer = session_trainer(run.config, run.weights, run.step, run.history.values())
            trainer.initial_weights = run.initial_weights
            trainer.outcome = run.outcome
            trainer.record = run.record  # the file's record, if it checked: past steps stay exact
            if run.branched_from is not None:
                trainer.branched_from = (ids[run.branched_from[0]], run.branched_from[1])
            ids[run.run_id] = trainer.run_id
            trainers.append(trainer)
        experiment = opened.runs[opened.current].experiment
        self.controls.set_config(experiment.config)
        held_in = os.path.realpath(path)
        if opened.single:
            self.session.adopt(trainers[0], held_in)
        else:
            names = {k: run.name for k, run in enumerate(opened.runs) if run.name}
            self.session.adopt_all(trainers, opened.current, names, held_in)
        self._update_title()
        self._tell_about_the_file(path, opened, trainers)
        if not experiment.initial_matches_seed:
            self.statusBar().showMessage(self.tr(
                "This file's initial weights differ from seed {0}'s: Reset will use the seed's.")
                .format(experiment.config.seed), 8000)

    def _tell_about_the_file(self, path, opened, trainers) -> None:
        """What the file holds that is not shown: steps its record cannot vouch for, branch
        links that did not hold (the core says why, in its words)."""
        notes = list(opened.notes)
        for number, trainer in enumerate(trainers, start=1):
            note = trainer.record.dropped_note if trainer.record is not None else None
            if note:
                notes.append(self.tr("Run {0}: {1}").format(number, note) if len(trainers) > 1 else note)
        if notes:
            self._show_lasting_notice(self.tr("Opened {0}, with notes: {1}").format(
                os.path.basename(path), " ".join(notes)))

    def _update_title(self):
        c = self.session.config
        model = (self.tr("2-layer") if c.hidden_nodes == 0
                 else self.tr("{0} hidden nodes").format(c.hidden_nodes))
        title = self.tr("GateLab — {0}, {1}").format(c.gate.upper(), model)
        suffix = self.files.title_suffix()
        self.setWindowTitle(f"{title} — {suffix}" if suffix else title)

    def _on_about(self):
        QMessageBox.about(self, self.tr("About GateLab"), self.tr(
            "GateLab 0.1: watch a 2- or 3-layer neural network learn a logic gate.\n\n"
            "Built with Qt {0} through PySide6 (LGPLv3), pyqtgraph (MIT), NumPy (BSD) and "
            "PyOpenGL (BSD). GateLab itself is MIT-licensed.").format(_qt_version()))

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
        """Nothing can be drawn or asked. The training threads end (each run keeps its last
        completed step), unsaved runs go to the recovery file, and the settings are written;
        then the caller ends the process."""
        self.session.forget_waiting()
        self.files.cancel_reading()
        if self.compare_window is not None:
            self.compare_window.end_training()
        self.session.shutdown(quitting=True)
        if self._seeds_dialog is not None:
            self._seeds_dialog.shutdown()
        self.animation.cancel()
        if not self._closing_decided:  # once the user saved or discarded, there is nothing to keep
            self.unsaved.keep_for_recovery()
        self._save_settings()

    def closeEvent(self, event):
        self.session.forget_waiting()
        if self.compare_window is not None:  # its runs stop, whole, before any question
            self.compare_window.end_training()
        was_training = self.session.is_running()
        self.session.shutdown(quitting=True)  # the trainer keeps its last completed step
        if not self.unsaved.confirm("quit"):
            event.ignore()
            if was_training:
                self.statusBar().showMessage(self.tr(
                    "Not quitting. Training was stopped to ask; press Train to go on."), 8000)
            return
        self._closing_decided = True
        self.files.cancel_reading()
        self.animation.cancel()
        self._close_compare()
        if self._seeds_dialog is not None:
            self._seeds_dialog.shutdown()
            self._seeds_dialog.close()  # a window of its own: it would keep the app running
        self.presentation.leave()  # the layout saved is the usual one, not the full screen
        self._save_settings()
        super().closeEvent(event)
        self.closed.emit()

    def tell_about_recovered_work(self):
        """At start: what ended instances kept is offered; an unwritable folder is reported."""
        self.unsaved.check_at_start()

    def _show_lasting_notice(self, text: str) -> None:
        if text:
            self.notice.setText(text)
            self.notice.setVisible(True)
            self.statusBar().showMessage(text, 30000)

    # -- settings --------------------------------------------------------------------
    def fit_controls(self):
        """The controls' column at their minimum (not preferred) width: the window must fit a
        1366-pixel laptop screen. Again after the font changes (presentation mode)."""
        scroll = self._controls_scroll
        scroll_bar = scroll.style().pixelMetric(QStyle.PixelMetric.PM_ScrollBarExtent)
        width = self._left_column.minimumSizeHint().width() + scroll_bar + 2 * scroll.frameWidth()
        scroll.setMinimumWidth(width)
        if hasattr(self, "main_splitter"):
            sizes = self.main_splitter.sizes()
            if sizes and sizes[0] < width:
                self.main_splitter.setSizes([width, max(1, sum(sizes) - width)])

    def _splitters(self):
        # "stack": the 3D view over the loss plot. It was "views", side by side: a layout saved
        # then is not restored into the new one.
        return {"main": self.main_splitter, "stack": self.views_splitter}

    def _layout_state(self):
        return (self.saveState(WINDOW_STATE_VERSION),
                {name: s.saveState() for name, s in self._splitters().items()})

    def set_article_loss(self, on: bool) -> None:
        """The loss plot and the status bar in the article's sum, or GateLab's loss."""
        convention = ARTICLE_SUM if on else GATELAB
        self.loss_plot.set_loss_convention(convention)
        self.status_line.set_loss_convention(convention)
        if getattr(self, "compare_window", None) is not None:
            self.compare_window.loss_plot.set_loss_convention(convention)
        if hasattr(self, "article_loss_action"):
            self.article_loss_action.setChecked(bool(on))

    def _toggles(self) -> dict:
        view = self.output_view.view
        return {"log_scale": self.loss_plot.is_log_scale(),
                "article_loss": self.loss_plot.loss_convention() == ARTICLE_SUM,
                "decision_plane": bool(getattr(view, "plane_visible", lambda: False)())}

    def _apply_toggles(self, toggles: dict):
        self.loss_plot.set_log_scale(toggles["log_scale"])
        self.set_article_loss(toggles["article_loss"])
        if self.output_view.is_3d:
            self.output_view.view.set_plane_visible(toggles["decision_plane"])

    def starts_maximized(self, available: QSize | None = None) -> bool:
        """A first start (no saved window) on a large screen fills it: at 1920 x 1080 the
        1500 x 950 window left a fifth of the screen unused."""
        size = available if available is not None else self.screen().availableGeometry().size()
        return not self._restored_window and size.width() >= MAXIMIZE_FROM

    def _restore_settings(self):
        self._restored_window = False
        if self._settings is None:
            return
        self._restored_window = bool(self._settings.restore_window(self, self._splitters()))
        self._apply_toggles(self._settings.load_view_toggles(DEFAULT_TOGGLES))
        if not self._fresh:
            self.controls.set_speed_index(self._settings.load_speed_index(
                len(SPEEDS), SPEEDS.index(DEFAULT_SPEED)))
        self._report_unreadable_settings()
        if self._fresh:
            self.statusBar().showMessage(self.tr(
                "A fresh start: the article's settings and speed. The last ones are kept (File > "
                "Start fresh each time)."), 15000)

    def _report_unreadable_settings(self):
        """A stored setting that could not be used fell back to its default: say which."""
        names = {CONFIG_KEY: self.tr("training settings"), TOGGLES_KEY: self.tr("view options"),
                 LANGUAGE_KEY: self.tr("language"), SPEED_KEY: self.tr("speed")}
        unreadable = [names[key] for key in self._settings.unreadable if key in names]
        if unreadable:
            self.statusBar().showMessage(self.tr(
                "Some saved settings could not be read and are back to their defaults: {0}.")
                .format(", ".join(unreadable)), 15000)

    def _save_settings(self):
        if self._settings is None:
            return
        if not self._fresh:  # a fresh start leaves the stored settings as they were
            self._settings.save_config(self.session.config)
            self._settings.save_speed_index(self.controls.speed_index())
        if not self.presentation.is_on():  # the full-screen layout is not the user's window
            self._settings.save_window(self, self._splitters())
        self._settings.save_view_toggles(self._toggles())
        self._settings.sync()

    def _export_slide(self) -> None:
        """File > Export > Picture for a slide: a view at a chosen size, with a caption."""
        from gui.dialogs.slide_dialog import SlideDialog

        snapshot = self._last_snapshot
        dialog = SlideDialog(slide_caption(snapshot, self.loss_plot.shown_factor())
                             if snapshot is not None else "", self)
        if dialog.exec() == QDialog.DialogCode.Accepted:
            self.write_slide(*dialog.choices())

    def _export_animation(self) -> None:
        """File > Export > Animation: the run from its first recorded step to the step shown."""
        snapshot = self._last_snapshot
        last = snapshot.step if snapshot is not None else self.session.trainer.step
        view = self.output_view
        self.animation.ask(self.session.trainer, self.session.earliest_step(), last,
                           view.view.camera_params() if view.is_3d else None, view.is_3d,
                           self.loss_plot.loss_convention())

    def write_slide(self, view: str, size, caption: str) -> None:
        """Asks where, then writes the picture (view: "output" or "loss")."""
        path = self.exports.ask_path(self.tr("Picture for a slide"), self.tr("PNG image (*.png)"),
                                     ".png")
        if not path:
            return
        target = self.output_view if view == "output" else self.loss_plot
        # The 3D view's markers (the 2D map writes yt and yp), with the caption only.
        legend = self.tr("● target   ○ prediction") if view == "output" and caption and \
            self.output_view.is_3d else ""
        error = exports.export_slide(target, path, size, caption, legend)
        if error:
            QMessageBox.warning(self, "GateLab", error)
        else:
            self.statusBar().showMessage(self.tr("Saved {0}").format(path), 5000)

    def _toggle_presentation(self, _checked=False) -> None:
        self.presentation.toggle()
        on = self.presentation.is_on()
        self.presentation_action.setChecked(on)
        self._leave_presentation.setEnabled(on)

    def _end_presentation(self) -> None:
        if self.presentation.is_on():
            self._toggle_presentation()

    def _on_fresh_start_toggled(self, checked: bool) -> None:
        if self._settings is not None:
            self._settings.save_fresh_start(checked)
            self._settings.sync()
            self.statusBar().showMessage(self.tr(
                "From the next start on, GateLab starts with the article's settings.") if checked
                else self.tr("From the next start on, GateLab starts with the last settings."), 8000)

    def restore_defaults(self):
        """Forgets saved settings and shows the defaults now (the language at next start)."""
        self._end_presentation()  # the default layout is the usual window's
        if self._settings is not None:
            fresh = self._settings.load_fresh_start()  # a classroom setting, kept through it
            self._settings.restore_defaults()
            if fresh:
                self._settings.save_fresh_start(True)
                self._settings.sync()
        state, splitters = self._default_layout
        self.restoreState(state, WINDOW_STATE_VERSION)
        for name, splitter in self._splitters().items():
            splitter.restoreState(splitters[name])
        self._apply_toggles(DEFAULT_TOGGLES)
        self.controls.set_speed_index(SPEEDS.index(DEFAULT_SPEED))
        config = TrainConfig()
        self.controls.set_config(config)
        self._on_config_edited(config)
        self.statusBar().showMessage(self.tr(
            "Default settings restored; the language follows the system from the next start."), 8000)


ALPHA_SMALLEST = 0.0001  # the Alpha field's smallest value


def comparison_config(config: TrainConfig, kind: str) -> TrainConfig:
    """The settings of the run to compare with: the same seed and all else, but one thing."""
    if kind == "order":
        other = "article" if config.update_order == "textbook" else "textbook"
        return config.with_changes(update_order=other)
    if kind == "alpha_up":
        return config.with_changes(alpha=min(ALPHA_MAX, config.alpha * 4))
    if kind == "alpha_down":
        return config.with_changes(alpha=max(ALPHA_SMALLEST, config.alpha / 4))
    if kind == "hidden":
        return config.with_changes(hidden_nodes=min(HIDDEN_MAX, config.hidden_nodes + 1))
    if kind == "two_layer":
        return config.with_changes(hidden_nodes=0 if config.hidden_nodes else 2)
    raise ValueError(f"unknown comparison {kind!r}")


def fitted_size(preferred: QSize, available: QSize) -> QSize:
    """The preferred window size, shrunk to fit a screen with `available` room (a laptop's
    1366 x 768 as well as a large monitor)."""
    return preferred.boundedTo(available - FRAME_ALLOWANCE)


def _qt_version() -> str:
    from PySide6.QtCore import qVersion

    return qVersion()
