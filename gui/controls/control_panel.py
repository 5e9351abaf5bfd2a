"""ControlPanel: the parameter controls and run buttons beside the views.

It only turns edits into a validated TrainConfig (core's checks decide) and
button presses into signals; the main window decides what they do to a run.
"""

import html
import random

from PySide6.QtCore import QEvent, QObject, QSize, Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractSpinBox,
    QComboBox,
    QFormLayout,
    QFrame,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QScrollArea,
    QSizePolicy,
    QSlider,
    QStyle,
    QVBoxLayout,
    QWidget,
)

from core.model.config import (
    FULL_SPEED,
    FUNCTION,
    FUNCTION_DEFAULTS,
    HIDDEN_MAX,
    SEED_MAX,
    STEPS_MAX,
    ConfigError,
    TrainConfig,
)
from core.model.gates import GATES, ROWS
from core.model.presets import PRESETS, preset_config
from core.training import states
from gui.common.messages import config_error_text, hidden_nodes_text, refusal_text, setting_text
from gui.controls.advanced_options import AdvancedOptions
from gui.controls.function_picker import FunctionPicker
from gui.controls.number_box import NumberBox, WholeNumberBox

SPEEDS = (1, 2, 5, 10, 20, 50, 100, 200, 500, 1000, 2000, 5000, 20000, FULL_SPEED)
SETTINGS_MIN_HEIGHT = 120  # pixels: the settings' least height, a few rows, scrolled
DEFAULT_SPEED = 500  # the article's 2000-step XOR run unfolds over about 4 seconds



class _SpaceGuard(QObject):
    """No number field here takes a space; typed into one that Tab had selected, it used to replace
    the whole value. So the space is dropped (Space trains once the focus is outside a field)."""

    def eventFilter(self, watched, event):
        return event.type() == QEvent.Type.KeyPress and event.key() == Qt.Key.Key_Space


class _SettingsScroll(QScrollArea):
    """The settings, scrolling up and down only: as wide as they need, as tall as they need
    when there is room, and down to a few rows when there is not."""

    def __init__(self, settings: QWidget):
        super().__init__()
        self.setWidget(settings)
        self.setWidgetResizable(True)
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        # No taller than the settings: the room left goes below the buttons, not into a gap.
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Maximum)
        settings.installEventFilter(self)

    def eventFilter(self, watched, event):  # noqa: N802 - Qt's name
        if watched is self.widget() and event.type() == QEvent.Type.LayoutRequest:
            self.updateGeometry()  # Advanced opened or closed: a new height wanted
        return False

    def sizeHint(self) -> QSize:  # noqa: N802 - Qt's name
        return self.widget().sizeHint() + QSize(self._bar(), 0)

    def minimumSizeHint(self) -> QSize:  # noqa: N802 - Qt's name
        # No taller than what is in it: in presentation mode only the run's facts, and the
        # rest of a 768-pixel screen's height went to an empty gap over the diagnosis.
        settings = self.widget()
        content = settings.heightForWidth(self.viewport().width()) if settings.hasHeightForWidth() \
            else settings.sizeHint().height()
        return QSize(settings.minimumSizeHint().width() + self._bar(), min(SETTINGS_MIN_HEIGHT, content))

    def _bar(self) -> int:
        return self.style().pixelMetric(QStyle.PixelMetric.PM_ScrollBarExtent)


class ControlPanel(QWidget):
    config_edited = Signal(object)  # a valid TrainConfig after any edit
    train_pressed = Signal()  # Train / Pause / Resume
    step_pressed = Signal()
    reset_pressed = Signal()
    stop_pressed = Signal()
    speed_changed = Signal(float)  # steps per second, 0 = full speed

    def __init__(self, config: TrainConfig, parent=None):
        super().__init__(parent)
        self._config = config
        self._updating = False
        self._gate_settings = None  # the last gate settings shown: a gate switched back gets them
        self._function_settings = None  # and the last function settings, for a function
        self._note = ""  # what the recommended settings changed, for the window's status bar
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        # The settings scroll on their own: with Advanced open they need ~600 pixels, and they
        # pushed the buttons, the predictions and the diagnosis below a laptop's screen.
        settings = QWidget()
        column = QVBoxLayout(settings)
        column.addWidget(self._build_presets())
        # In presentation mode the settings are hidden; the class still sees what is learnt.
        self._run_facts = QLabel()
        self._run_facts.setWordWrap(True)
        self._run_facts.setVisible(False)
        self._run_facts.setTextFormat(Qt.TextFormat.RichText)  # bold that grows with the font
        column.addWidget(self._run_facts)
        self._parameters = self._build_parameters()
        column.addWidget(self._parameters)
        self._advanced = AdvancedOptions(self)
        self._advanced.changed.connect(self._on_edit)
        column.addWidget(self._advanced)
        column.addStretch(1)
        self._settings = _SettingsScroll(settings)
        layout.addWidget(self._settings)
        self._space_guard = _SpaceGuard(self)
        for field in self.findChildren(QAbstractSpinBox) + self.findChildren(QLineEdit):
            # not a spin box's own editor, nor the expression, whose formulas have spaces
            if not isinstance(field.parent(), QAbstractSpinBox) and field not in self._function.text_fields():
                field.installEventFilter(self._space_guard)
        actions = QVBoxLayout()  # the speed, the buttons and any input error: always in sight
        actions.setContentsMargins(9, 0, 9, 0)
        actions.addWidget(self._build_speed())
        actions.addLayout(self._build_buttons())
        self._error = QLabel()
        self._error.setWordWrap(True)
        self._error.setStyleSheet("color: #b00020;")
        self._error.setAccessibleName(self.tr("Input error"))
        actions.addWidget(self._error)
        layout.addLayout(actions)
        self.set_config(config)
        self.set_run_state(states.IDLE)

    # -- building ------------------------------------------------------------
    def _build_presets(self):
        self._presets = QComboBox()
        self._presets.addItem(self.tr("Presets…"))
        titles = {"article-and": self.tr("Article: 2-layer AND"),
                  "article-xor": self.tr("Article: 3-layer XOR")}
        for name in PRESETS:
            self._presets.addItem(titles[name], name)
        self._presets.setToolTip(self.tr("Load the settings of one of the article's runs"))
        self._presets.activated.connect(self._on_preset)
        return self._presets

    def _build_parameters(self):
        box = QGroupBox(self.tr("Network and training"))
        form = QFormLayout(box)
        self._gate = QComboBox()
        for name in GATES:
            self._gate.addItem(name.upper(), name)
        self._gate.addItem(self.tr("Custom"), "custom")
        self._gate.addItem(self.tr("Function f(x1, x2)"), FUNCTION)
        self._gate.setToolTip(self.tr("The logic gate (truth table) the network learns, or a "
                                      "function of x1 and x2 sampled on a grid"))
        form.addRow(self.tr("&Gate"), self._gate)
        self._targets_box = self._build_targets()
        form.addRow(self._targets_box)
        self._function = FunctionPicker(self)
        self._function.add_to(form)
        self._function.changed.connect(self._on_edit)
        self._hidden = WholeNumberBox(0, HIDDEN_MAX)
        self._hidden.setToolTip(self.tr("Nodes in the hidden layer (0-64). 0 removes the hidden "
                                        "layer: the article's 2-layer model, one neuron"))
        self._hidden_note = QLabel()
        form.addRow(self.tr("Hidden &nodes"), self._hidden)
        form.addRow(self._hidden_note)
        self._alpha = NumberBox(0.0001, 100.0, 0.5)
        self._say_refused(self._alpha)
        self._alpha.setSingleStep(0.05)
        self._alpha.setToolTip(self.tr("Learning rate α (0.0001-100): how far each update moves "
                                       "the weights. Can change while training"))
        form.addRow(self.tr("&Alpha (learning rate)"), self._alpha)
        self._steps = WholeNumberBox(1, STEPS_MAX)
        self._steps.setSingleStep(100)
        self._steps.setGroupSeparatorShown(True)
        self._steps.setToolTip(self.tr("Training steps (1-100,000,000). One step = one pass over "
                                       "all the rows: a gate's 4, or a function's n x n grid"))
        form.addRow(self.tr("Ste&ps"), self._steps)
        for whole in (self._hidden, self._steps):
            self._say_refused(whole)
        form.addRow(self.tr("&Seed"), self._build_seed())
        for box_widget in (self._hidden, self._steps):
            box_widget.setKeyboardTracking(False)
            box_widget.valueChanged.connect(self._on_edit)
        self._alpha.valueChanged.connect(self._on_edit)
        self._gate.currentIndexChanged.connect(self._on_edit)
        return box

    def _say_refused(self, box) -> None:
        box.refused.connect(lambda text: self._error.setText(
            self.tr("Not applied: {0}").format(refusal_text(box, text))))

    def _build_targets(self):
        box = QWidget()
        grid = QGridLayout(box)
        grid.setContentsMargins(0, 0, 0, 0)
        self._target_boxes = []
        for k, (x1, x2) in enumerate(ROWS):
            grid.addWidget(QLabel(f"x = [{x1:.0f}, {x2:.0f}]  →"), k // 2, 2 * (k % 2))
            target = NumberBox(0.0, 1.0, 0.0)
            target.setSingleStep(0.1)
            target.setToolTip(self.tr("Target output for this input, from 0 to 1"))
            target.valueChanged.connect(self._on_edit)
            self._say_refused(target)
            grid.addWidget(target, k // 2, 2 * (k % 2) + 1)
            self._target_boxes.append(target)
        return box

    def _build_seed(self):
        row = QWidget()
        layout = QHBoxLayout(row)
        layout.setContentsMargins(0, 0, 0, 0)
        self._seed = QLineEdit()
        self._seed.setToolTip(self.tr("Random seed (0-4294967295): the same seed always gives "
                                      "the same initial weights"))
        self._seed.editingFinished.connect(self._on_edit)
        new_seed = QPushButton(self.tr("New seed"))
        new_seed.setToolTip(self.tr("Draw a new random seed: new initial weights (Ctrl+D)"))
        new_seed.clicked.connect(self._on_new_seed)
        QShortcut(QKeySequence("Ctrl+D"), self, self._on_new_seed)
        layout.addWidget(self._seed, 1)
        layout.addWidget(new_seed)
        return row

    def _build_speed(self):
        box = QGroupBox(self.tr("Speed"))
        layout = QHBoxLayout(box)
        self._speed = QSlider(Qt.Orientation.Horizontal)
        self._speed.setRange(0, len(SPEEDS) - 1)
        self._speed.setValue(SPEEDS.index(DEFAULT_SPEED))
        self._speed.setToolTip(self.tr("From slow motion (1 step a second) to as fast as the "
                                       "machine goes. Can change while training"))
        self._speed_label = QLabel()
        self._speed_label.setMinimumWidth(90)
        self._speed.valueChanged.connect(self._on_speed)
        layout.addWidget(self._speed, 1)
        layout.addWidget(self._speed_label)
        self._on_speed(self._speed.value())
        return box

    def _build_buttons(self):
        grid = QGridLayout()
        specs = [
            ("_train", self.tr("Train"), self.train_pressed, "Space",
             self.tr("Start, pause or resume training (Space)")),
            ("_step", self.tr("Step"), self.step_pressed, ".",
             self.tr("Run exactly one step, then pause (.)")),
            ("_reset", self.tr("Reset"), self.reset_pressed, "Ctrl+R",
             self.tr("Back to the initial weights of this seed (Ctrl+R)")),
            ("_stop", self.tr("Stop"), self.stop_pressed, "Esc",
             self.tr("End training here and keep the current weights (Esc)")),
        ]
        self._shortcuts = {}
        for k, (name, text, signal, keys, tip) in enumerate(specs):
            button = QPushButton(text)
            button.setToolTip(tip)
            button.clicked.connect(signal)
            self._shortcuts[name] = QShortcut(QKeySequence(keys), self, button.animateClick)
            setattr(self, name, button)
            grid.addWidget(button, k // 2, k % 2)
        return grid

    def set_presenting(self, on: bool) -> None:
        """Presentation mode: only the essential controls, the speed and the Train, Step,
        Reset and Stop buttons (settings are for before the lesson: at twice the size the
        rest took half a 1366-pixel screen); Esc leaves the mode rather than stopping the run
        (the Stop button still stops it)."""
        for part in (self._presets, self._parameters, self._advanced):
            part.setVisible(not on)
        self._run_facts.setVisible(on)
        self._shortcuts["_stop"].setEnabled(not on)

    # -- state in and out ----------------------------------------------------
    def config(self) -> TrainConfig:
        return self._config

    def set_config(self, config: TrainConfig) -> None:
        """Shows `config` without emitting config_edited."""
        self._updating = True
        try:
            self._config = config
            self._keep_settings(config)  # a file, a run, a preset: the settings now
            self._gate.setCurrentIndex(self._gate.findData(config.gate))
            if config.is_function:
                self._function.set_function(config.function, config.grid, config.tolerance)
            else:
                for box, target in zip(self._target_boxes, config.targets):
                    box.setValue(target)
            self._targets_box.setVisible(config.gate == "custom")
            self._function.set_shown(config.is_function)
            self._hidden.setValue(config.hidden_nodes)
            self._alpha.setValue(config.alpha)
            self._steps.setValue(config.steps)
            self._seed.setText(str(config.seed))
            self._name_preset(config)
            self._show_run_facts(config)
            self._advanced.set_config(config)
            self._update_hidden_note(config.hidden_nodes)
            self._error.clear()
        finally:
            self._updating = False

    def speed_index(self) -> int:
        return self._speed.value()

    def set_speed_index(self, index: int) -> None:
        self._speed.setValue(index)  # emits speed_changed

    def speed(self) -> float:
        return float(SPEEDS[self._speed.value()])

    def set_run_state(self, state: str) -> None:
        running = state in (states.TRAINING, states.PAUSED)
        self._train.setText({states.TRAINING: self.tr("Pause"),
                             states.PAUSED: self.tr("Resume")}.get(state, self.tr("Train")))
        self._stop.setEnabled(running)

    def show_error(self, message: str) -> None:
        self._error.setText(message)

    # -- slots -----------------------------------------------------------------
    def _read_config(self) -> TrainConfig:
        gate = self._gate.currentData()
        targets = [b.value() for b in self._target_boxes] if gate == "custom" else None
        function = {"function": self._function.function(), "grid": self._function.grid(),
                    "tolerance": self._function.tolerance()} if gate == FUNCTION else {}
        return TrainConfig(gate=gate, targets=targets, hidden_nodes=self._hidden.value(),
                           alpha=self._alpha.value(), steps=self._steps.value(),
                           seed=self._seed.text(), **self._advanced.values(), **function)

    def _on_edit(self, *_):
        if self._updating:
            return
        # A gate's settings cannot make a bump: switched from a gate, a function starts with the
        # settings it had last, or the first time those that train every preset
        # (FUNCTION_DEFAULTS); switched back, the gate gets the settings it had (the article's if
        # it had none). Picking another function keeps them.
        to_function = self._gate.currentData() == FUNCTION and not self._config.is_function
        to_gate = self._gate.currentData() != FUNCTION and self._config.is_function
        try:
            config = self._read_config()
            if to_function and self._function_settings is not None:
                before = self._function_settings
                config = self._switched(config, {f: getattr(before, f) for f in FUNCTION_DEFAULTS},
                                        self.tr("The function's settings back: {0}."))
            elif to_function:
                config = self._switched(config, FUNCTION_DEFAULTS, self.tr(
                    "Settings recommended for a function: {0}."))
            elif to_gate:
                before = self._gate_settings or TrainConfig()
                config = self._switched(config, {f: getattr(before, f) for f in FUNCTION_DEFAULTS},
                                        self.tr("The gate's settings back: {0}."))
        except ConfigError as error:
            self.set_config(self._config)  # back to the last valid values
            self._error.setText(self.tr("Not applied: {0}").format(config_error_text(error)))
            return
        self._error.clear()
        self._targets_box.setVisible(config.gate == "custom")
        self._function.set_shown(config.is_function)
        self._update_hidden_note(config.hidden_nodes)
        self._keep_settings(config)
        if config != self._config:
            self._config = config
            self._name_preset(config)
            self._show_run_facts(config)
            self.config_edited.emit(config)

    def _keep_settings(self, config: TrainConfig) -> None:
        if config.is_function:
            self._function_settings = config
        else:
            self._gate_settings = config

    def _switched(self, config: TrainConfig, settings: dict, note: str) -> TrainConfig:
        """`config` with `settings`, shown in the controls; the note says what they changed."""
        switched = config.with_changes(**settings)
        changed = [f for f in settings if getattr(config, f) != getattr(switched, f)]
        if changed:
            self._note = note.format(self.tr(", ").join(setting_text(f, switched) for f in changed))
            self._updating = True
            try:
                self._hidden.setValue(switched.hidden_nodes)
                self._alpha.setValue(switched.alpha)
                self._steps.setValue(switched.steps)
                self._advanced.set_config(switched)
                self._update_hidden_note(switched.hidden_nodes)
            finally:
                self._updating = False
        return switched

    def take_note(self) -> str:
        """What the last edit changed by itself (the recommended settings), once; or ""."""
        note, self._note = self._note, ""
        return note

    def _on_new_seed(self):
        self._seed.setText(str(random.randint(0, SEED_MAX)))
        self._on_edit()

    def run_facts(self) -> str:
        return html.unescape(self._run_facts.text().removeprefix("<b>").removesuffix("</b>"))

    def _show_run_facts(self, config) -> None:
        gate = self._gate.itemText(self._gate.findData(config.gate))
        if config.gate == "custom":
            gate += " (" + ", ".join(f"{t:g}" for t in config.targets) + ")"
        nodes = (self.tr("2-layer model") if config.hidden_nodes == 0
                 else hidden_nodes_text(config.hidden_nodes))
        self._run_facts.setText("<b>" + html.escape(self.tr(
            "{gate} · {nodes} · α = {alpha} · {steps} steps").format(
            gate=gate, nodes=nodes, alpha=f"{config.alpha:g}", steps=f"{config.steps:,}")) + "</b>")
        self._run_facts.setToolTip(self.tr("The run's settings (Esc leaves presentation mode "
                                           "to change them)"))

    def _name_preset(self, config) -> None:
        """The Presets box names the preset whose settings are loaded, "Presets…" otherwise."""
        loaded = next((k for k in range(1, self._presets.count())
                       if preset_config(self._presets.itemData(k)) == config), 0)
        self._presets.setCurrentIndex(loaded)

    def _on_preset(self, index):
        name = self._presets.itemData(index)
        if not name:  # "Presets…" itself: the box goes on naming what is loaded
            self._name_preset(self._config)
        if name:
            config = preset_config(name)
            self.set_config(config)
            self.config_edited.emit(config)

    def _on_speed(self, index):
        speed = SPEEDS[index]
        if speed == FULL_SPEED:
            text = self.tr("Full speed")
        elif speed == 1:
            text = self.tr("1 step/s")
        else:
            text = self.tr("{0} steps/s").format(speed)
        self._speed_label.setText(text)
        self.speed_changed.emit(float(speed))

    def _update_hidden_note(self, hidden_nodes):
        self._hidden_note.setText(
            self.tr("0 = the article's 2-layer model (one neuron, 3 weights)") if hidden_nodes == 0
            else self.tr("3-layer model: 1 hidden node + a bias node") if hidden_nodes == 1
            else self.tr("3-layer model: {0} hidden nodes + a bias node").format(hidden_nodes))
