"""AdvancedOptions: the collapsible group of less-used training options."""

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QComboBox, QFormLayout, QLineEdit, QToolButton, QVBoxLayout, QWidget

from core.model.config import ACTIVATIONS, INITS, LOSSES, MODES, OPTIMIZERS, UPDATE_ORDERS, TrainConfig
from gui.common.messages import option_name


class AdvancedOptions(QWidget):
    changed = Signal()

    def __init__(self, parent=None):
        super().__init__(parent)
        self._header = QToolButton()
        self._header.setText(self.tr("Advanced"))
        self._header.setCheckable(True)  # checked = expanded; collapsed by default
        self._header.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        self._header.setArrowType(Qt.ArrowType.RightArrow)
        self._header.setAutoRaise(True)
        self._header.setToolTip(self.tr("Training mode, activation, loss, initial weights, "
                                        "update order, optimizer, target loss"))
        self._header.toggled.connect(self.set_expanded)
        self._body = QWidget(self)
        self._build_form(QFormLayout(self._body))
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self._header)
        layout.addWidget(self._body)
        self._body.setVisible(False)

    def _build_form(self, form):
        tips = {
            "mode": self.tr("online: update after every row (the article); batch: one update per "
                            "step from the summed gradient of the 4 rows"),
            "activation": self.tr("Activation function of the hidden nodes (the output is sigmoid)"),
            "loss": self.tr("squared: ½(yp − yt)² (the article); cross-entropy"),
            "init": self.tr("uniform: every weight in [0, 1) as in the article; xavier: scaled "
                            "to the layer sizes, centred on 0"),
            "update_order": self.tr("textbook: backprop from the weights before the update; "
                                    "article: the article's code, whose hidden delta uses the "
                                    "output weights already updated"),
            "optimizer": self.tr("How each weight moves down its gradient: gradient descent "
                                 "w ← w − α·g (the article); momentum vel ← 0.9·vel + g, "
                                 "w ← w − α·vel; Adam: running means of g and g², bias-corrected "
                                 "(β1 0.9, β2 0.999). The math panel shows each one's numbers"),
        }
        labels = {"mode": self.tr("Mode"), "activation": self.tr("Activation"),
                  "loss": self.tr("Loss"), "init": self.tr("Initial weights"),
                  "update_order": self.tr("Update order"), "optimizer": self.tr("Optimizer")}
        choices = {"mode": MODES, "activation": ACTIVATIONS, "loss": LOSSES, "init": INITS,
                   "update_order": UPDATE_ORDERS, "optimizer": OPTIMIZERS}
        self._combos = {}
        for name, options in choices.items():
            combo = QComboBox()
            for option in options:
                combo.addItem(option_name(option), option)  # shown translated; the value stays
            combo.setToolTip(tips[name])
            combo.currentIndexChanged.connect(self.changed)
            form.addRow(labels[name], combo)
            self._combos[name] = combo
        self._target_loss = QLineEdit()
        self._target_loss.setPlaceholderText(self.tr("none"))
        self._target_loss.setToolTip(self.tr("Stop once a step's loss falls below this value "
                                             "(empty: run all steps)"))
        self._target_loss.editingFinished.connect(self.changed)
        form.addRow(self.tr("Target loss"), self._target_loss)

    def set_expanded(self, expanded: bool) -> None:
        self._header.setChecked(expanded)
        self._header.setArrowType(Qt.ArrowType.DownArrow if expanded else Qt.ArrowType.RightArrow)
        self._body.setVisible(expanded)

    def is_expanded(self) -> bool:
        return self._body.isVisible()

    def values(self) -> dict:
        values = {name: combo.currentData() for name, combo in self._combos.items()}
        text = self._target_loss.text().strip().replace(",", ".")
        values["target_loss"] = text or None
        return values

    def set_config(self, config: TrainConfig) -> None:
        for name, combo in self._combos.items():
            combo.blockSignals(True)
            combo.setCurrentIndex(combo.findData(getattr(config, name)))
            combo.blockSignals(False)
        loss = config.target_loss
        self._target_loss.setText("" if loss is None else f"{loss:g}")
