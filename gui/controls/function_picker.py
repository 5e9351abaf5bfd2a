"""FunctionPicker: a target function f(x1, x2) to learn instead of a gate (issue #28).

A preset from the list, or an expression typed in x1 and x2; the grid's samples per side, and
how close a sample must come to count as met (the tolerance: it judges the run, never trains it).
Its fields are rows of the control panel's own form (add_to), so their labels line up with the
others'; a form of its own inside one row had its labels out of line with them.
What is typed is checked by core (the whitelist parser and the range check on the grid and
the check grid) when the field is left or Enter pressed; a refusal is shown here, under the
field, and the last accepted function stays in force, so a half-typed expression never
resets the run.
"""

from PySide6.QtCore import QCoreApplication, QObject, Signal
from PySide6.QtWidgets import QComboBox, QFormLayout, QHBoxLayout, QLabel, QLineEdit, QWidget

from core.model.config import GRID_DEFAULT, TOLERANCE_MAX, TOLERANCE_MIN, ConfigError, function_rows
from core.model.target_function import GRID_MAX, GRID_MIN, PRESETS, TOLERANCE
from gui.common.messages import function_error_text, refusal_text
from gui.controls.number_box import NumberBox, WholeNumberBox

TYPED = ""  # the list's item for an expression of one's own


class FunctionPicker(QObject):
    changed = Signal()  # an accepted function, grid or tolerance

    def __init__(self, parent=None):
        super().__init__(parent)
        self._function, self._grid = "bump", GRID_DEFAULT  # the last accepted pair
        self._updating = False
        self._form, self._rows, self._shown = None, [], True
        self._presets = QComboBox()
        names = self._preset_names()
        for name in PRESETS:
            self._presets.addItem(names[name], name)
        self._presets.addItem(self.tr("Your own expression"), TYPED)
        self._presets.setToolTip(self.tr("A surface to learn; each is shown as its formula below"))
        self._expression = QLineEdit()
        self._expression.setPlaceholderText("0.5 + 0.4*sin(2*pi*x1)*x2")
        self._expression.setToolTip(self.tr(
            "f(x1, x2) with values from 0 to 1: numbers, pi, x1, x2, + - * / ^, parentheses and "
            "sin cos exp log sqrt abs tanh min max. Enter or leaving the field applies it"))
        self._error = QLabel()
        self._error.setWordWrap(True)
        self._error.setStyleSheet("color: #b00020;")
        self._grid_box = WholeNumberBox(GRID_MIN, GRID_MAX)
        self._grid_box.setKeyboardTracking(False)
        self._grid_box.setToolTip(self.tr(
            "Samples per side ({0}-{1}): the network trains on n x n points, x1 and x2 = 0, "
            "1/(n-1), ..., 1. One step is one pass over all of them").format(GRID_MIN, GRID_MAX))
        self._tolerance = NumberBox(TOLERANCE_MIN, TOLERANCE_MAX, TOLERANCE)
        self._tolerance.setSingleStep(0.01)
        self._tolerance.setKeyboardTracking(False)
        self._tolerance.setToolTip(self.tr(
            "How close every sample's prediction must come to its target for the function to count "
            "as learnt ({0}-{1}). It only judges the run: changing it keeps the training").format(
            TOLERANCE_MIN, TOLERANCE_MAX))
        self._grid_row = QWidget()
        row = QHBoxLayout(self._grid_row)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self._grid_box, 1)
        # No Alt key: every letter of it already has a use in the window (Hidden, Steps, Hint, ...).
        self._tolerance_label = QLabel(self.tr("Within ±"))
        self._tolerance_label.setBuddy(self._tolerance)
        row.addWidget(self._tolerance_label)
        row.addWidget(self._tolerance, 1)
        self._presets.activated.connect(self._on_preset)
        self._expression.editingFinished.connect(self._on_typed)
        self._grid_box.valueChanged.connect(self._on_typed)
        self._grid_box.refused.connect(lambda text: self._show_error(refusal_text(self._grid_box, text)))
        self._tolerance.valueChanged.connect(self._on_tolerance)
        self._tolerance.refused.connect(lambda text: self._show_error(refusal_text(self._tolerance, text)))
        self.set_function("bump", GRID_DEFAULT)

    def add_to(self, form: QFormLayout) -> None:
        """Adds the fields to `form` as its rows, under the control panel's own labels' column."""
        self._form = form
        rows = ((self.tr("F&unction"), self._presets), (self.tr("f(x1, x2) ="), self._expression),
                (None, self._error), (self.tr("G&rid (n x n)"), self._grid_row))
        for label, field in rows:
            form.addRow(field) if label is None else form.addRow(label, field)
            self._rows.append(field)
        self._show_error("")

    def set_shown(self, shown: bool) -> None:
        """Shows or hides the rows (a function run, or a gate's); the error's only with a text."""
        self._shown = shown
        if not shown:
            self._show_error("")  # a gate now: a refusal (or one Qt raised as the rows hid) is past
        for field in self._rows:
            self._form.setRowVisible(field, shown and (field is not self._error or bool(self._error.text())))

    def text_fields(self) -> list:
        """The fields that take free text (the expression: a space is part of it)."""
        return [self._expression]

    def is_shown(self) -> bool:
        return self._shown

    def _preset_names(self) -> dict:
        return {"bump": self.tr("Bump"), "ridge": self.tr("Ridge"), "saddle": self.tr("Saddle"),
                "ripple": self.tr("Ripple"), "step": self.tr("Step (not continuous)"),
                "and": self.tr("Smooth AND"), "or": self.tr("Smooth OR"), "xor": self.tr("Smooth XOR"),
                "nand": self.tr("Smooth NAND"), "nor": self.tr("Smooth NOR"), "xnor": self.tr("Smooth XNOR")}

    # -- state in and out ----------------------------------------------------
    def function(self) -> str:
        """The last accepted function: a preset's name or a typed expression."""
        return self._function

    def grid(self) -> int:
        return self._grid

    def tolerance(self) -> float:
        return self._tolerance.value()

    def error_text(self) -> str:
        return self._error.text()

    def set_function(self, function: str, grid: int, tolerance: float = TOLERANCE) -> None:
        """Shows an accepted function, grid and tolerance without emitting `changed`."""
        self._updating = True
        try:
            self._function, self._grid = function, grid
            self._tolerance.setValue(tolerance)
            index = self._presets.findData(function if function in PRESETS else TYPED)
            self._presets.setCurrentIndex(index)
            self._expression.setText(PRESETS[function].text if function in PRESETS else function)
            self._expression.setCursorPosition(0)  # a long formula shows its start
            self._grid_box.setValue(grid)
            self._show_error("")
        finally:
            self._updating = False

    # -- slots -----------------------------------------------------------------
    def _on_preset(self, index: int) -> None:
        name = self._presets.itemData(index)
        if name == TYPED:
            self._expression.setFocus()
            self._expression.selectAll()
            return
        self._expression.setText(PRESETS[name].text)
        self._expression.setCursorPosition(0)
        self._accept(name, self._grid_box.value())

    def _on_typed(self, *_) -> None:
        if self._updating:
            return
        text = self._expression.text().strip()
        # the shown or running preset's own formula keeps its name (picking "Your own
        # expression" and leaving the field unedited changes nothing)
        function = next((name for name in (self._presets.currentData(), self._function)
                         if name in PRESETS and PRESETS[name].text == text), text)
        grid = self._grid_box.value()
        refusal = self._refusal(function, grid)
        if refusal is None:
            self._presets.setCurrentIndex(self._presets.findData(function if function in PRESETS else TYPED))
            self._accept(function, grid)
            return
        self._show_error(refusal)
        # The typed text waits to be fixed; a new grid applies to the function in force.
        if grid != self._grid and self._refusal(self._function, grid) is None:
            self._take(self._function, grid)
        elif grid != self._grid:
            self._updating = True
            try:
                self._grid_box.setValue(self._grid)  # neither takes it: the grid in force again
            finally:
                self._updating = False

    def _on_tolerance(self, *_) -> None:
        if not self._updating:
            self.changed.emit()

    def _refusal(self, function: str, grid: int) -> str | None:
        """Why core refuses the function on this grid (the user's words for it), or None."""
        try:
            function_rows(function.strip(), grid)
        except ConfigError as error:
            return function_error_text(error.__cause__) if error.__cause__ is not None else str(error)
        return None

    def _accept(self, function: str, grid: int) -> None:
        """Takes a function and grid core accepts; `changed` if they are new."""
        refusal = self._refusal(function, grid)
        if refusal is not None:
            self._show_error(refusal)
            return
        self._show_error("")
        self._take(function.strip(), grid)

    def _take(self, function: str, grid: int) -> None:
        if (function, grid) != (self._function, self._grid):
            self._function, self._grid = function, grid
            self.changed.emit()

    def _show_error(self, text: str) -> None:
        # The control panel's own words for an edit it did not take
        self._error.setText(QCoreApplication.translate("ControlPanel", "Not applied: {0}").format(text)
                            if text else "")
        if self._form is not None:
            self._form.setRowVisible(self._error, bool(text) and self._shown)
