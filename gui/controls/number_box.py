"""NumberBox: a QDoubleSpinBox that keeps small values exactly.

QDoubleSpinBox rounds to its `decimals` (2 by default, so 0.0001 becomes 0).
This one keeps 6 decimals, shows only the digits that matter, and accepts a
comma as the decimal mark and scientific notation (1e-3, as on the command line).
"""

import re

from PySide6.QtGui import QValidator
from PySide6.QtWidgets import QDoubleSpinBox

# A number still being typed in scientific notation: "1e", "2.5e-".
_EXPONENT_STARTED = re.compile(r"^[+-]?(\d+\.?\d*|\.\d+)[eE][+-]?$")


class NumberBox(QDoubleSpinBox):
    def __init__(self, minimum: float, maximum: float, value: float, parent=None):
        super().__init__(parent)
        self.setDecimals(6)  # set before the range and value, or they are rounded
        self.setRange(minimum, maximum)
        self.setValue(value)
        self.setKeyboardTracking(False)  # emit on Enter or focus-out, not per keystroke
        self.setAccelerated(True)

    def textFromValue(self, value: float) -> str:
        return f"{value:.6f}".rstrip("0").rstrip(".")

    def valueFromText(self, text: str) -> float:
        return float(self._normalise(text))

    def validate(self, text: str, pos: int):
        normal = self._normalise(text)
        if normal in ("", ".", "-") or _EXPONENT_STARTED.match(normal):
            return QValidator.State.Intermediate, text, pos
        try:
            number = float(normal)
        except ValueError:
            return QValidator.State.Invalid, text, pos
        if "e" not in normal.lower() and "." in normal and \
                len(normal.split(".")[1]) > self.decimals():
            return QValidator.State.Invalid, text, pos
        if number != round(number, self.decimals()):  # 1e-9 would silently become 0
            return QValidator.State.Invalid, text, pos
        if self.minimum() <= number <= self.maximum():
            return QValidator.State.Acceptable, text, pos
        # Too small may still grow into range while typing (0.0 -> 0.0005).
        return (QValidator.State.Intermediate if number < self.minimum() else
                QValidator.State.Invalid), text, pos

    @staticmethod
    def _normalise(text: str) -> str:
        return text.strip().replace(",", ".")
