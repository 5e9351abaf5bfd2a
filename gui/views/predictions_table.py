"""PredictionsTable: the article's per-row printout as a live table.

One row per truth-table input, like the article's `入力: [0, 0], 予測値: 0.08,
真の値: 0`, plus the error and a "solved" line driven by the snapshot.
"""

from PySide6.QtCore import QEvent, QRect, Qt, QTimer
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QLabel,
    QSizePolicy,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from core.model.gates import ROWS, TARGET_TOLERANCE, is_solved
from core.model.target_function import TOLERANCE, within
from core.views.function_fit import worst_samples
from core.views.number_format import format_difference, format_error, format_prediction, sample_text
from gui.common.messages import diagnosis_text

INPUT, PREDICTION, TARGET, ERROR = range(4)

# Translucent, so the tint works on light and dark palettes alike.
_RIGHT_SIDE = QColor(46, 160, 67, 60)
_WRONG_SIDE = QColor(218, 54, 51, 60)
_SOLVED_STYLE = "color: #1a7f37; font-weight: bold;"
# By column, the widest texts it shows: a gate's inputs, a prediction near 0.5 with six
# decimals (format_prediction), a target with three, an error with a sign.
_WIDEST = (("[0, 0]", "[1, 1]"), ("0.499999", "0.500001"), ("0.333", "0.000"), ("-0.00", "-1.00"))
# A function's samples on its grid, two significant digits each (_update_function): 1/12 and 11/12;
# its errors, with as many decimals as it takes to tell the side of the tolerance (format_error).
_WIDEST_SAMPLE = ("[0.083, 0.083]", "[0.92, 0.92]", "[0.083, 0.92]")
_WIDEST_FUNCTION_ERROR = ("-0.050001", "-1.00")


def _target_text(value: float) -> str:
    if value in (0.0, 1.0):
        return str(int(value))
    text = f"{value:.3f}".rstrip("0").rstrip(".")
    # Never show a target that is not exactly 0 or 1 as if it were.
    return f"{value:.3f}" if text in ("0", "1") else text


def _wrapped_height(label: QLabel, width: int) -> int:
    """The height of a word-wrapped plain-text label's lines at `width`, measured as QLabel
    measures them, without touching the label: lifting its minimum height to ask its
    heightForWidth relaid the column out, and presentation mode's fitting measured again on
    every relayout, a loop that kept a core busy."""
    if not label.text():
        return 0
    margins, margin = label.contentsMargins(), label.margin()
    inner = max(1, width - margins.left() - margins.right() - 2 * margin)
    flags = int(Qt.TextFlag.TextWordWrap) | int(label.alignment())
    lines = label.fontMetrics().boundingRect(QRect(0, 0, inner, 1 << 20), flags, label.text())
    return lines.height() + margins.top() + margins.bottom() + 2 * margin


class PredictionsTable(QWidget):
    """Inputs, predictions, targets and errors of the four rows, and whether the gate is solved."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self._table = QTableWidget(len(ROWS), 4, self)
        self._label = QLabel(self)
        self._label.setWordWrap(True)  # translations may be longer than the table is wide
        self._why = QLabel(self)  # the diagnosis: why it is (not) solved, and what to try
        self._why.setWordWrap(True)
        self._why.setToolTip(self.tr(
            "Read from the run: the loss trend over recent steps, the gradient, the hidden "
            "nodes' slopes and the rows near 0.5"))
        self._why_text = None
        self._held = None  # the words, width and font the labels' heights were measured for
        self._solved = None  # what the label shows; restyled only when it changes
        self._shown = None
        self._row_right = [None] * len(ROWS)
        self._inputs_are_gates = True
        self._setup_table()
        self._table.installEventFilter(self)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self._table)
        layout.addWidget(self._label)
        layout.addWidget(self._why)
        policy = QSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Minimum)
        policy.setHeightForWidth(True)  # a wrapped label needs more height: never overlap the table
        self.setSizePolicy(policy)
        self._show_solved(False)

    def _setup_table(self):
        table = self._table
        headers = [
            (self.tr("Input"), self.tr("Input: the row of the truth table, [x1, x2]")),
            (self.tr("Prediction"), self.tr("Prediction: the network's output yp for this input")),
            (self.tr("Target"), self.tr("Target: the true value yt the network should learn")),
            (self.tr("Error"), self.tr("Error: prediction − target (yp − yt)")),
        ]
        for column, (text, tip) in enumerate(headers):
            item = QTableWidgetItem(text)
            item.setToolTip(tip)
            table.setHorizontalHeaderItem(column, item)
        for row, (x1, x2) in enumerate(ROWS):
            for column in range(4):
                item = QTableWidgetItem()
                # Enabled only: not editable, not selectable (a selection would hide the row tint).
                item.setFlags(Qt.ItemFlag.ItemIsEnabled)
                align = Qt.AlignmentFlag.AlignCenter if column == INPUT else Qt.AlignmentFlag.AlignRight
                item.setTextAlignment(align | Qt.AlignmentFlag.AlignVCenter)
                table.setItem(row, column, item)
            table.item(row, INPUT).setText(f"[{int(x1)}, {int(x2)}]")
        table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        table.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        table.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        table.verticalHeader().hide()
        table.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        table.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self._fit_size()

    def _fit_size(self):
        """Each column at least as wide as its header and its widest number, the room beyond
        shared equally, and exactly four rows high, so no scrollbar or elided text ever
        appears. (Equal columns, each as wide as "Prediction", made the column of controls
        590 pixels wide in presentation mode: a third of a 1024-pixel projector.)"""
        table, header = self._table, self._table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        header.setMinimumSectionSize(0)  # else its own size hint keeps a larger font's width
        # The widest text each column can be given later in the run, not only today's: at
        # presentation size the short Japanese header left "0.500001" elided to "0.50…".
        metrics = table.fontMetrics()
        texts = _WIDEST if self._inputs_are_gates else (_WIDEST_SAMPLE, *_WIDEST[1:3], _WIDEST_FUNCTION_ERROR)
        widest = [max(metrics.horizontalAdvance(text) for text in column) + 12 for column in texts]
        self._needs = [max(header.sectionSizeHint(c), table.sizeHintForColumn(c), widest[c])
                       for c in range(4)]
        frame = 2 * table.frameWidth()
        table.setMinimumWidth(sum(self._needs) + frame)
        table.setFixedHeight(header.sizeHint().height() + table.verticalHeader().length() + frame)
        self._share_columns()

    def _share_columns(self, width: int | None = None):
        """width: the table's (the viewport's is stale while the table is being resized)."""
        inner = (self._table.width() if width is None else width) - 2 * self._table.frameWidth()
        spare = max(0, inner - sum(self._needs))
        for column, need in enumerate(self._needs):
            # The last column takes the rounding, so the columns fill the table exactly.
            share = spare - (len(self._needs) - 1) * (spare // len(self._needs)) if column == 3 \
                else spare // len(self._needs)
            self._table.setColumnWidth(column, need + share)

    def eventFilter(self, watched, event):  # noqa: N802 - Qt's name
        if watched is self._table and event.type() == QEvent.Type.Resize:
            self._share_columns(event.size().width())
        return False

    def resizeEvent(self, event):  # noqa: N802 - Qt's name
        super().resizeEvent(event)
        self._hold_label_heights()

    def _hold_label_heights(self):
        """Each wrapped label at least as tall as its lines at the width it has: the left
        column has no height for width, and gave the diagnosis less, which cut off its last
        lines at presentation size on a 768-pixel screen."""
        # Set only when the words, width or font change: each new minimum relays the column out,
        # and the table's labels are set on every training update.
        key = (self._label.text(), self._why.text(), self.width(), self.font().key())
        if key == self._held:
            return
        self._held = key
        for label in (self._label, self._why):
            label.setMinimumHeight(_wrapped_height(label, self.width()))

    def height_at(self, width: int) -> int:
        """The height the table and its wrapped lines need at `width`."""
        spacing = self.layout().spacing()
        return self._table.height() + sum(
            spacing + _wrapped_height(label, width) for label in (self._label, self._why) if label.text())

    def _fit_rows(self):
        """Each row as high as usual, or as its text if larger: fitting rows to the text alone
        left them cramped after presentation mode's double font was undone."""
        header = self._table.verticalHeader()
        header.resetDefaultSectionSize()
        for row in range(self._table.rowCount()):
            header.resizeSection(row, max(header.defaultSectionSize(), self._table.sizeHintForRow(row)))
        self._fit_size()
        self._hold_label_heights()  # the labels' lines in the new font

    def changeEvent(self, event):  # noqa: N802 - Qt's name
        # A new font (presentation mode doubles it): rows and columns fit it, and the labels
        # with a style sheet take it (a style sheet keeps the font it was polished with).
        if event.type() == QEvent.Type.FontChange:
            self._fit_size()
            # The rows once the table has the new font too (children get it after this event).
            QTimer.singleShot(0, self, self._fit_rows)
            for label in (self._label, self._why):
                label.setFont(self.font())
                label.setStyleSheet(label.styleSheet())
        super().changeEvent(event)

    def update_from(self, snapshot):
        """Rewrites the texts of the existing items; called up to 50 times a second. A function
        run's grid has up to 441 samples: the table shows the four farthest from their targets."""
        if snapshot.is_function:
            self._update_function(snapshot)
        else:
            self._update_gate(snapshot)
        trained = bool(snapshot.live_step)  # a past step of a run that has gone on
        why = diagnosis_text(snapshot.diagnosis, trained) if snapshot.diagnosis is not None else ""
        if why != self._why_text:  # a relayout only when the words change
            self._why_text = why
            self._why.setText(why)
        self._hold_label_heights()  # the labels' words may have changed

    def _update_function(self, snapshot):
        points = snapshot.points
        rows = worst_samples(snapshot.predictions, snapshot.targets, len(ROWS))
        tolerance = snapshot.config.tolerance if snapshot.config is not None else TOLERANCE
        for row, k in enumerate(rows):
            x1, x2 = points[k]
            self._table.item(row, INPUT).setText(f"[{sample_text(x1, x2)}]")
            self._set_numbers(row, float(snapshot.predictions[k]), float(snapshot.targets[k]), tolerance)
            met = within([snapshot.predictions[k]], [snapshot.targets[k]], tolerance)
            self._tint_row(row, bool(met.all()))
        if self._inputs_are_gates:  # the input column fits the samples' wider texts
            self._inputs_are_gates = False
            self._fit_size()
        self._show_within(bool(snapshot.solved), tolerance)

    def _update_gate(self, snapshot):
        if not self._inputs_are_gates:
            for row, (x1, x2) in enumerate(ROWS):
                self._table.item(row, INPUT).setText(f"[{int(x1)}, {int(x2)}]")
            self._inputs_are_gates = True
            self._fit_size()
        rows = zip(snapshot.predictions, snapshot.targets, strict=True)
        for row, (yp, yt) in enumerate(rows):
            yp, yt = float(yp), float(yt)
            self._set_numbers(row, yp, yt)
            self._tint_row(row, is_solved([yp], [yt]))  # the same rule as the solved check
        binary = all(float(t) in (0.0, 1.0) for t in snapshot.targets)
        self._show_solved(bool(snapshot.solved), binary)

    def _set_numbers(self, row, yp: float, yt: float, tolerance: float | None = None):
        """tolerance: a function run's, which its error is judged against (and written for)."""
        self._set(row, PREDICTION, format_prediction(yp),
                  self.tr("yp = {value}").format(value=repr(yp)))
        self._set(row, TARGET, _target_text(yt), self.tr("yt = {value}").format(value=repr(yt)))
        error = yp - yt
        text = format_difference(error) if tolerance is None else format_error(error, tolerance)
        self._set(row, ERROR, text, self.tr("yp − yt = {value}").format(value=repr(error)))

    def _show_within(self, within_all: bool, tolerance: float):
        """A function run: within the tolerance at every sample, or not yet."""
        if ("function", within_all, tolerance) == self._shown:
            return
        self._solved, self._shown = within_all, ("function", within_all, tolerance)
        self._label.setToolTip(self.tr(
            "A function is learned when every sample's prediction is within {0} of its target; "
            "the table shows the four samples farthest from theirs").format(f"{tolerance:g}"))
        if within_all:
            self._label.setText(self.tr("✓ Within {0} at every sample").format(f"{tolerance:g}"))
            self._label.setStyleSheet(_SOLVED_STYLE)
        else:
            self._label.setText(self.tr("Not yet within {0}: the samples farthest from their "
                                        "targets").format(f"{tolerance:g}"))
            self._label.setStyleSheet("")

    def _set(self, row, column, text, tip):
        item = self._table.item(row, column)
        item.setText(text)
        item.setToolTip(tip)

    def _tint_row(self, row, right_side):
        if self._row_right[row] == right_side:
            return
        self._row_right[row] = right_side
        colour = _RIGHT_SIDE if right_side else _WRONG_SIDE
        for column in range(4):
            self._table.item(row, column).setBackground(colour)

    def _show_solved(self, solved, binary=True):
        if (solved, binary) == self._shown:
            return
        self._solved, self._shown = solved, (solved, binary)
        self._label.setToolTip(self.tr(
            "Solved means: for a target of 0 or 1, the prediction is on the same side of 0.5; "
            "for any other target, the prediction is within {0} of it").format(TARGET_TOLERANCE))
        if solved and binary:
            self._label.setText(self.tr("✓ Solved: every prediction is on the right side of 0.5"))
            self._label.setStyleSheet(_SOLVED_STYLE)
        elif solved:
            self._label.setText(self.tr("✓ Solved: every prediction is within {0} of its target, "
                                        "or on its side of 0.5 for a 0 or 1").format(TARGET_TOLERANCE))
            self._label.setStyleSheet(_SOLVED_STYLE)
        else:
            self._label.setText(self.tr("Not solved"))
            self._label.setStyleSheet("")

    def cell_text(self, row: int, column: int) -> str:
        return self._table.item(row, column).text()

    def cell_tooltip(self, row: int, column: int) -> str:
        return self._table.item(row, column).toolTip()

    def why_text(self) -> str:
        return self._why.text()

    def verdict_text(self) -> str:
        """The line above the table: solved, within the tolerance, or not yet."""
        return self._label.text()

    def is_solved_shown(self) -> bool:
        return bool(self._solved)
