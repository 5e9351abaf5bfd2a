"""MainWindow: assembles the controls and views and runs the training state machine.

Data flows one way: controls -> TrainConfig -> controller/worker -> snapshot ->
each view's update_from. The window is the only place that wires them.
"""

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QLabel,
    QMainWindow,
    QMessageBox,
    QScrollArea,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from core import snapshot as states
from core.config import TrainConfig
from core.snapshot import make_snapshot
from core.training import Trainer
from gui.controls import ControlPanel
from gui.loss_plot import LossPlot
from gui.output_view import OutputView
from gui.predictions_table import PredictionsTable
from gui.status_line import StatusLine
from gui.training_controller import TrainingController

LIVE_FIELDS = ("alpha", "steps")  # may change during a run; anything else resets
ENDED = (states.FINISHED, states.DIVERGED, states.FAILED)


class MainWindow(QMainWindow):
    snapshot_shown = Signal(object)  # after every view has taken a snapshot (for tests)

    def __init__(self, config: TrainConfig | None = None):
        super().__init__()
        self._config = config or TrainConfig()
        self._trainer = Trainer(self._config)
        self._state = states.IDLE
        self._after_stop = None  # what to do once the running thread has ended
        self.controller = TrainingController(self)
        self._build()
        self._wire()
        self.controller.set_speed(self.controls.speed())
        self._show_trainer(new_run=True)
        self._update_title()

    # -- layout ------------------------------------------------------------------
    def _build(self):
        self.controls = ControlPanel(self._config)
        scroll = QScrollArea()
        scroll.setWidget(self.controls)
        scroll.setWidgetResizable(True)
        scroll.setMinimumWidth(self.controls.sizeHint().width() + 24)
        self.output_view = OutputView()
        self.loss_plot = LossPlot()
        self.predictions = PredictionsTable()
        self.notice = QLabel()
        self.notice.setWordWrap(True)
        self.notice.setVisible(False)
        self.notice.setStyleSheet("QLabel { background: #fff3cd; color: #5c3c00; padding: 6px; }")
        right = QWidget()
        right_layout = QVBoxLayout(right)
        right_layout.setContentsMargins(0, 0, 0, 0)
        right_layout.addWidget(self.loss_plot, 1)
        right_layout.addWidget(self.predictions)
        views = QSplitter(Qt.Orientation.Horizontal)
        views.addWidget(self.output_view)
        views.addWidget(right)
        views.setSizes([620, 480])
        centre = QWidget()
        centre_layout = QVBoxLayout(centre)
        centre_layout.addWidget(self.notice)
        centre_layout.addWidget(views, 1)
        main = QSplitter(Qt.Orientation.Horizontal)
        main.addWidget(scroll)
        main.addWidget(centre)
        main.setStretchFactor(1, 1)
        self.setCentralWidget(main)
        self.status_line = StatusLine()
        self.statusBar().addPermanentWidget(self.status_line)
        self._build_menus()
        self.resize(1400, 860)

    def _build_menus(self):
        file_menu = self.menuBar().addMenu(self.tr("&File"))
        quit_action = QAction(self.tr("&Quit"), self)
        quit_action.setShortcut(QKeySequence("Ctrl+Q"))
        quit_action.triggered.connect(self.close)
        file_menu.addAction(quit_action)
        help_menu = self.menuBar().addMenu(self.tr("&Help"))
        about = QAction(self.tr("&About GateLab"), self)
        about.triggered.connect(self._on_about)
        help_menu.addAction(about)

    def _wire(self):
        c = self.controls
        c.config_edited.connect(self._on_config_edited)
        c.train_pressed.connect(self._on_train_pressed)
        c.step_pressed.connect(self._on_step_pressed)
        c.reset_pressed.connect(self._on_reset_pressed)
        c.stop_pressed.connect(self.controller.stop)
        c.speed_changed.connect(self.controller.set_speed)
        self.controller.snapshot.connect(self._on_snapshot)
        self.controller.running_changed.connect(self._on_running_changed)

    # -- public actions (also used by main.py and tests) ---------------------------
    def config(self) -> TrainConfig:
        return self._config

    def state(self) -> str:
        return self._state

    def start_training(self):
        if self.controller.is_running():
            self.controller.pause(False)
            return
        new_run = self._trainer.finished
        if new_run:
            self._trainer = Trainer(self._config)
        self.controller.start(self._trainer, new_run=new_run)

    # -- slots ---------------------------------------------------------------------
    def _on_train_pressed(self):
        if self._state == states.TRAINING:
            self.controller.pause(True)
        else:
            self.start_training()

    def _on_step_pressed(self):
        if not self.controller.is_running():
            new_run = self._trainer.finished
            if new_run:
                self._trainer = Trainer(self._config)
            self.controller.start(self._trainer, paused=True, new_run=new_run)
        self.controller.pause(True)
        self.controller.step_once()

    def _on_reset_pressed(self):
        self._reset(self.tr("Reset to the initial weights of seed {0}.").format(self._config.seed))

    def _reset(self, message: str):
        if self.controller.is_running():
            self._after_stop = lambda: self._reset(message)
            self.controller.stop()
            return
        self._trainer = Trainer(self._config)
        self._show_trainer(new_run=True)
        self.statusBar().showMessage(message, 6000)

    def _on_config_edited(self, config: TrainConfig):
        old, self._config = self._config, config
        changed = [f for f in config.to_dict() if getattr(config, f) != getattr(old, f)]
        self._update_title()
        if all(f in LIVE_FIELDS for f in changed):
            self._apply_live(config)
            return
        self._reset(self.tr("Settings changed ({0}): the network was reset.").format(", ".join(changed)))

    def _apply_live(self, config: TrainConfig):
        if self.controller.is_running():
            self.controller.set_alpha(config.alpha)
            self.controller.set_total_steps(config.steps)
        else:
            self._trainer.set_alpha(config.alpha)
            self._trainer.set_steps(config.steps)
            self._show_trainer(new_run=False)
        self.statusBar().showMessage(self.tr("Alpha {0:g}, steps {1:,}: applied to the run.")
                                     .format(config.alpha, config.steps), 4000)

    def _on_snapshot(self, snapshot):
        self._state = snapshot.state
        for view in (self.output_view, self.loss_plot, self.predictions, self.status_line):
            view.update_from(snapshot)
        self.controls.set_run_state(snapshot.state)
        self._show_notice(snapshot)
        self.snapshot_shown.emit(snapshot)

    def _show_notice(self, snapshot):
        if snapshot.state in (states.DIVERGED, states.FAILED):
            self.notice.setText(snapshot.message)
            self.notice.setVisible(True)
        elif snapshot.new_run or snapshot.state == states.TRAINING:
            self.notice.setVisible(False)

    def _on_running_changed(self, running: bool):
        if not running and self._after_stop is not None:
            action, self._after_stop = self._after_stop, None
            action()

    def _show_trainer(self, new_run: bool):
        t = self._trainer
        self._on_snapshot(make_snapshot(t.config, t.weights, t.step, state=states.IDLE,
                                        new_run=new_run))

    def _update_title(self):
        c = self._config
        model = (self.tr("2-layer") if c.hidden_nodes == 0
                 else self.tr("{0} hidden nodes").format(c.hidden_nodes))
        self.setWindowTitle(self.tr("GateLab — {0}, {1}").format(c.gate.upper(), model))

    def _on_about(self):
        QMessageBox.about(self, self.tr("About GateLab"), self.tr(
            "GateLab 0.1: watch a 2- or 3-layer neural network learn a logic gate.\n"
            "Built with Qt (PySide6, LGPLv3), pyqtgraph (MIT), NumPy (BSD) and PyOpenGL (BSD)."))

    # -- shutdown ------------------------------------------------------------------
    def closeEvent(self, event):
        self._after_stop = None
        self.controller.shutdown()
        super().closeEvent(event)
