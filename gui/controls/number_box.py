"""NumberBox: a QDoubleSpinBox that keeps small values exactly.

QDoubleSpinBox rounds to its `decimals` (2 by default, so 0.0001 becomes 0).
This one keeps 6 decimals, shows only the digits that matter, and accepts a
comma as the decimal mark and scientific notation (1e-3, as on the command line).
"""

import re

from PySide6.QtCore import Signal
from PySide6.QtGui import QValidator
from PySide6.QtWidgets import QDoubleSpinBox, QSpinBox

from gui.common.number_locale import NUMBER_LOCALE

# A number still being typed in scientific notation: "1e", "2.5e-".
_EXPONENT_STARTED = re.compile(r"^[+-]?(\d+\.?\d*|\.\d+)[eE][+-]?$")


class NumberBox(QDoubleSpinBox):
    refused = Signal(str)  # a number typed outside the range, when the field is left

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
        # Out of range: kept as typed (too small may still grow into range: 0.0 -> 0.0005),
        # and refused with a reason (fixup) when the field is left. Invalid dropped the last
        # keystroke, so 150 in a field up to 100 became 15 and was applied without a word.
        return QValidator.State.Intermediate, text, pos

    def fixup(self, text: str) -> str:
        number = self.typed_number(text)
        if number is not None and not self.minimum() <= number <= self.maximum():
            self.refused.emit(text.strip())
        return text

    def typed_number(self, text: str) -> float | None:
        """The number `text` reads as, in range or not; None if it is not one."""
        try:
            return float(self._normalise(text))
        except ValueError:
            return None

    @staticmethod
    def _normalise(text: str) -> str:
        return text.strip().replace(",", ".")


# A whole number as typed: digits, commas between thousands, or a power of ten (2e6).
_WHOLE = re.compile(r"^[+-]?(\d[\d,]*)?([eE][+-]?\d*)?$")


class WholeNumberBox(QSpinBox):
    """A QSpinBox that reads numbers by the app's one rule (gui.common.number_locale).

    "2,000" and "2000" are two thousand, "2e6" two million. Text with a decimal point
    ("1.000", meant as a thousand under a German locale, or 2.5) is shown as typed but never
    taken: Enter or leaving the field restores the last value and `refused` says why, rather
    than Qt's way of dropping the "." keystroke and keeping a different number."""

    refused = Signal(str)  # the text that was not taken (not whole, or out of range)

    def __init__(self, minimum: int, maximum: int, parent=None):
        super().__init__(parent)
        self.setRange(minimum, maximum)
        self.setLocale(NUMBER_LOCALE)

    def validate(self, text: str, pos: int):
        plain = text.strip().replace(",", "")
        if not _WHOLE.match(text.strip()):
            if re.match(r"^[+-]?[\d,]*\.[\d,]*([eE][+-]?\d*)?$", text.strip()):
                return QValidator.State.Intermediate, text, pos  # seen, never taken
            return QValidator.State.Invalid, text, pos
        if plain in ("", "+", "-") or plain.lower().endswith(("e", "e+", "e-")):
            return QValidator.State.Intermediate, text, pos
        number = self._number(plain)
        if number is None:
            return QValidator.State.Intermediate, text, pos
        if self.minimum() <= number <= self.maximum():
            return QValidator.State.Acceptable, text, pos
        # Out of range: kept as typed, and refused with a reason (fixup) when the field is left.
        # Invalid dropped the keystroke, so "30" in a field of 2 to 21 became 3 without a word.
        return QValidator.State.Intermediate, text, pos

    def valueFromText(self, text: str) -> int:
        number = self._number(text.strip().replace(",", ""))
        return self.value() if number is None else number

    def textFromValue(self, value: int) -> str:
        return f"{value:,}" if self.isGroupSeparatorShown() else str(value)

    def fixup(self, text: str) -> str:
        # text left unfinished or not taken ("1e-5", "2e", 2.5, 30 of 2-21): said, not dropped
        number = self.typed_number(text)
        if text.strip() and (number is None or not self.minimum() <= number <= self.maximum()):
            self.refused.emit(text.strip())
        return text

    def typed_number(self, text: str) -> int | None:
        """The whole number `text` reads as by the app's rule, in range or not; else None (a
        decimal point is never taken: "1.0e3" is a thousand, but written as a decimal)."""
        return None if "." in text else self._number(text.strip().replace(",", ""))

    @staticmethod
    def _number(plain: str) -> int | None:
        try:
            value = float(plain) if "e" in plain.lower() else int(plain)
        except (ValueError, OverflowError):
            return None
        if isinstance(value, float) and not value.is_integer():
            return None
        return int(value)
