"""GradientCheckView: does backprop agree with central finite differences at the current weights?

The check itself and its verdict (core.teaching.gradcheck) run in the GUI thread on the last
snapshot's weights: about 0.5 ms for H = 2 and 25-50 ms for H = 64. "Every N steps" is
throttled by core.teaching.gradcheck.CheckSchedule to at most a tenth of the time, so a large
network is checked less often instead of stalling the window.
"""

import math
import time

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from core.model.config import LOSSES
from core.teaching import gradcheck
from gui.common.messages import hidden_nodes_text, option_name, sentences
from gui.common.number_locale import NUMBER_LOCALE

DEFAULT_EVERY = 500
EVERY_MAX = 10**8
# Background and text colours; the verdict sentence says the same, so colour is never the only cue.
LEVEL_COLOURS = {
    gradcheck.OK: ("#d4edda", "#155724"),
    gradcheck.WARNING: ("#fff3cd", "#5c3c00"),
    gradcheck.BAD: ("#f8d7da", "#721c24"),
    gradcheck.INCONCLUSIVE: ("#e2e3e5", "#383d41"),
    None: ("transparent", "palette(window-text)"),
}


class GradientCheckView(QWidget):
    checked = Signal(object)  # a core.teaching.gradcheck.CheckResult after every check

    def __init__(self, gradient_function=gradcheck.check, clock=time.perf_counter, parent=None):
        super().__init__(parent)
        # (weights, targets, activation, loss) -> CheckResult; tests may replace it.
        self.gradient_function = gradient_function
        self._clock = clock  # seconds; times each check and paces "Every N steps"
        self._snapshot = None
        self._loss = LOSSES[0]
        self._result: gradcheck.CheckResult | None = None
        self._level = None
        self._checked_step: int | None = None
        self._schedule = gradcheck.CheckSchedule(DEFAULT_EVERY)
        self._build()
        self._show_nothing(self.tr("Not checked yet: press Check now, or tick Every."))

    # --- public API -------------------------------------------------------
    def update_from(self, snapshot) -> None:
        if self._snapshot is not None and snapshot.run != self._snapshot.run:
            self._schedule.reset()
            self._result, self._checked_step = None, None
            self._show_nothing(self.tr("New run: not checked yet."))
        self._snapshot = snapshot
        if snapshot.config is not None:
            self._loss = snapshot.config.loss  # the run's loss, at this step
        self._button.setEnabled(True)
        if self._auto.isChecked() and self._schedule.due(snapshot.step, self._clock()):
            self._run(scheduled=True)

    def check_now(self) -> float:
        """Checks the last snapshot's weights now; returns the largest relative error (nan if none)."""
        result = self._run(scheduled=False)
        return math.nan if result is None else result.error

    def last_result(self) -> tuple[float, str] | None:
        return None if self._result is None else (self._result.error, self._result.level)

    def result(self) -> gradcheck.CheckResult | None:
        return self._result

    def checked_step(self) -> int | None:
        return self._checked_step

    def set_loss(self, loss: str) -> None:
        """The loss to check with until a snapshot that carries its config says otherwise."""
        if loss not in LOSSES:
            raise ValueError(f"unknown loss {loss!r}")
        self._loss = loss

    def set_auto(self, on: bool) -> None:
        self._auto.setChecked(on)

    def is_auto(self) -> bool:
        return self._auto.isChecked()

    def set_every(self, steps: int) -> None:
        self._every.setValue(steps)

    def every(self) -> int:
        return self._every.value()

    def readout_text(self) -> str:
        return self._readout.text()

    def verdict_text(self) -> str:
        return self._verdict.text()

    def details_text(self) -> str:
        return self._details.text()

    def shown_level(self) -> str | None:
        """The level the readout is coloured for (None: nothing checked)."""
        return self._level

    # --- layout -----------------------------------------------------------
    def _build(self) -> None:
        intro = QLabel(self.tr("Backprop against finite differences: the largest relative error "
                               "over all weights, at the current weights."))
        intro.setWordWrap(True)
        self._readout = QLabel()
        self._readout.setAlignment(Qt.AlignmentFlag.AlignCenter)
        font = self._readout.font()
        font.setPointSizeF(font.pointSizeF() * 1.8)
        font.setBold(True)
        self._readout.setFont(font)
        self._readout.setToolTip(self._explanation())
        self._verdict = QLabel()
        self._verdict.setWordWrap(True)
        self._verdict.setToolTip(self._explanation())
        self._details = QLabel()
        self._details.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self._readout)
        layout.addWidget(self._verdict)
        layout.addWidget(self._details)
        layout.addLayout(self._build_controls())
        layout.addStretch(1)

    def _build_controls(self) -> QHBoxLayout:
        self._button = QPushButton(self.tr("Check now"))
        self._button.setToolTip(self.tr("Compare backprop with finite differences at the current weights"))
        self._button.setEnabled(False)  # nothing to check before the first snapshot
        self._button.clicked.connect(self._on_check_clicked)
        self._auto = QCheckBox(self.tr("Every"))
        self._every = QSpinBox()
        self._every.setRange(1, EVERY_MAX)
        self._every.setValue(DEFAULT_EVERY)
        self._every.setSingleStep(100)
        self._every.setSuffix(self.tr(" steps"))
        self._every.setLocale(NUMBER_LOCALE)
        self._every.setGroupSeparatorShown(True)
        tip = self.tr("While training, check again each time the run passes another multiple of "
                      "this many steps. Checking takes at most a tenth of the time, so a large "
                      "network is checked less often rather than slowing the window.")
        for widget in (self._auto, self._every):
            widget.setToolTip(tip)
        self._auto.toggled.connect(self._on_auto_toggled)
        self._every.valueChanged.connect(self._on_every_changed)
        row = QHBoxLayout()
        row.addWidget(self._button)
        row.addStretch(1)
        row.addWidget(self._auto)
        row.addWidget(self._every)
        return row

    def _explanation(self) -> str:
        return self.tr(
            "For every weight w, backpropagation gives the slope a = ∂L/∂w, and the central "
            "finite difference n = (L(w + ε) − L(w − ε)) / 2ε with ε = {eps} measures it "
            "directly. The readout is the largest |a − n| / max(|a|, |n|) over all weights.\n"
            "Green, below {green}: they agree, backprop is right. Red, above {red}: backprop has a "
            "bug. Amber is in between. Grey: every gradient is smaller than rounding lets finite "
            "differences measure (a saturated network), so nothing can be concluded. Weights whose "
            "ReLU input sits at the kink (0) are skipped: there the slope jumps."
        ).format(eps=gradcheck.format_error(gradcheck.EPS),
                 green=gradcheck.format_error(gradcheck.GREEN_BELOW),
                 red=gradcheck.format_error(gradcheck.RED_ABOVE))

    # --- checking ---------------------------------------------------------
    def _run(self, scheduled: bool):
        snapshot = self._snapshot
        if snapshot is None:
            return None
        if not snapshot.weights.is_finite():
            self._show_nothing(self.tr("The weights are not finite numbers (the run diverged): "
                                       "there is nothing to check."))
            return None
        start = self._clock()
        result = self.gradient_function(snapshot.weights, snapshot.targets, snapshot.activation,
                                        self._loss)
        cost = self._clock() - start
        if scheduled:
            self._schedule.record(snapshot.step, start, cost)
        self._result, self._checked_step = result, snapshot.step
        self._show(result, snapshot, cost)
        self.checked.emit(result)
        return result

    def _show(self, result: gradcheck.CheckResult, snapshot, cost: float) -> None:
        green, red = (gradcheck.format_error(v) for v in (gradcheck.GREEN_BELOW, gradcheck.RED_ABOVE))
        verdicts = {
            gradcheck.OK: self.tr("Backprop is right: it agrees with finite differences "
                                  "(below {0}).").format(green),
            gradcheck.WARNING: self.tr("Doubtful (between {0} and {1}): backprop and finite "
                                       "differences differ by more than rounding explains."
                                       ).format(green, red),
            gradcheck.BAD: self.tr("Backprop is wrong: it disagrees with finite differences "
                                   "(above {0}).").format(red),
            gradcheck.INCONCLUSIVE: self.tr(
                "Can't tell here: even the largest gradient ({0}) is too small for finite "
                "differences to measure. The network is saturated: its gradients have vanished. "
                "(Largest relative error {1}.)"
            ).format(gradcheck.format_error(result.largest_gradient), gradcheck.format_error(result.error)),
        }
        self._set_level(result.level)
        inconclusive = result.level == gradcheck.INCONCLUSIVE
        self._readout.setText(self.tr("can't tell") if inconclusive else gradcheck.format_error(result.error))
        self._verdict.setText(verdicts[result.level])
        model = (self.tr("{0}, {1}").format(hidden_nodes_text(snapshot.hidden_nodes),
                                            option_name(snapshot.activation))
                 if snapshot.hidden_nodes else self.tr("2-layer model"))
        details = self.tr("Checked at step {0:,} ({1} loss, {2}): {3} weights compared in {4:.1f} ms."
                          ).format(snapshot.step, option_name(self._loss), model, result.checked,
                                   cost * 1e3)
        if result.skipped:
            details = sentences(details, self.tr("{0} weights skipped: their ReLU input is within ε "
                                                 "of the kink at 0.").format(result.skipped))
        self._details.setText(details)

    def _show_nothing(self, message: str) -> None:
        self._set_level(None)
        self._readout.setText("–")
        self._verdict.setText(message)
        self._details.setText("")

    def _set_level(self, level) -> None:
        self._level = level
        background, text = LEVEL_COLOURS[level]
        self._readout.setStyleSheet(f"QLabel {{ background: {background}; color: {text}; "
                                    "padding: 8px; border-radius: 4px; }")

    # --- slots ------------------------------------------------------------
    def _on_check_clicked(self) -> None:
        self.check_now()

    def _on_auto_toggled(self, on: bool) -> None:
        self._schedule.reset()

    def _on_every_changed(self, steps: int) -> None:
        self._schedule.set_every(steps)
