"""PracticePanel: the learner computes one row update number by number and is told where it
went wrong.

The exercise, the checking and the slips are the core's (core.teaching.practice,
practice_session); the sentences are the command line's, through Qt's translations, so
`gatelab practice` and this panel say the same. The next number stays hidden until it is
answered right or "Show me" is pressed.
"""

import html

from PySide6.QtCore import Signal
from PySide6.QtGui import QTextCursor
from PySide6.QtWidgets import (
    QComboBox,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from core.model.gates import ROWS
from core.model.layout import ARTICLE, GATELAB
from core.teaching.exercises import (
    GENERATED,
    RUN,
    SEED_LIMIT,
    article_exercise,
    generated_exercise,
    run_exercise,
)
from core.teaching.practice_session import AMBIGUOUS, HINT, NOT_NUMBER, QUIT, RIGHT, SHOWN, PracticeSession
from core.teaching.practice_text import (
    exercise_lines,
    hint_text,
    shown_text,
    symbol,
    verdict_text,
)

SEED_MAX = SEED_LIMIT - 1
SHEET_DEFAULT, SHEET_MAX = 10, 200


class PracticePanel(QWidget):
    score_changed = Signal(int, int)  # right at the first try, and answered, over all sessions
    worksheet_requested = Signal(int, int, str)  # seed, how many exercises, notation

    def __init__(self, parent=None):
        super().__init__(parent)
        self._run = None  # (config, weights, step, optimizer state) of the run shown
        self._session = None
        self._right, self._asked = 0, 0
        self._build()
        self._new_exercise()

    # -- building -----------------------------------------------------------------------------
    def _build(self):
        self._kind = QComboBox()
        for kind, text in ((GENERATED, self.tr("Round numbers from a seed")),
                           ("article-and", self.tr("The article's AND step")),
                           ("article-xor", self.tr("The article's XOR step")),
                           (RUN, self.tr("The run shown, at its step"))):
            self._kind.addItem(text, kind)
        self._kind.setToolTip(self.tr("Which update to work: round numbers for pencil and paper, the "
                                      "first update of the article's runs, or the run in the window"))
        self._seed = QSpinBox()
        self._seed.setRange(0, SEED_MAX)
        self._seed.setToolTip(self.tr("The same seed gives the same exercise"))
        self._row = QComboBox()
        for x1, x2 in ROWS:
            self._row.addItem(f"[{int(x1)}, {int(x2)}]")
        self._row.setToolTip(self.tr("The truth-table row of the update (round numbers draw theirs)"))
        self._notation = QComboBox()
        self._notation.addItem(self.tr("GateLab's symbols"), GATELAB)
        self._notation.addItem(self.tr("The article's symbols"), ARTICLE)
        self._notation.setToolTip(self.tr("GateLab counts from 1 with the bias last; the article "
                                          "counts from 0"))
        self._new = QPushButton(self.tr("Ne&w exercise"))
        self._new.setToolTip(self.tr("Start the exercise chosen above"))
        self._browser = QTextBrowser()
        self._browser.setOpenLinks(False)
        self._prompt = QLabel()
        self._answer = QLineEdit()
        self._answer.setPlaceholderText(self.tr("Your number, then Enter"))
        self._answer.setToolTip(self.tr("Type the number and press Enter: right within 0.5 % or 0.005"))
        self._prompt.setBuddy(self._answer)
        self._check = QPushButton(self.tr("&Check"))
        self._check.setToolTip(self.tr("Check the number typed (Enter)"))
        self._hint = QPushButton(self.tr("H&int"))
        self._hint.setToolTip(self.tr("The formula with the numbers put in"))
        self._show = QPushButton(self.tr("Show &me"))
        self._show.setToolTip(self.tr("Show the right value and go on to the next number"))
        self._score = QLabel()
        self._sheet_count = QSpinBox()
        self._sheet_count.setRange(1, SHEET_MAX)
        self._sheet_count.setValue(SHEET_DEFAULT)
        self._sheet_count.setToolTip(self.tr("How many exercises the worksheet has"))
        self._sheet = QPushButton(self.tr("Wor&ksheet (PDF)…"))
        self._sheet.setToolTip(self.tr("Save this many exercises from the seed, with an answer key, as PDF"))
        self._lay_out()
        self._new.clicked.connect(self._new_exercise)
        self._answer.returnPressed.connect(self._on_check)
        self._check.clicked.connect(self._on_check)
        self._hint.clicked.connect(lambda: self._respond("h"))
        self._show.clicked.connect(lambda: self._respond("s"))
        self._notation.currentIndexChanged.connect(self._on_notation)
        self._kind.currentIndexChanged.connect(self._on_kind)
        self._sheet.clicked.connect(lambda: self.worksheet_requested.emit(
            self._seed.value(), self._sheet_count.value(), self.notation()))

    def _lay_out(self):
        grid = QGridLayout()
        for row, (label, widget) in enumerate(((self.tr("E&xercise:"), self._kind),
                                               (self.tr("See&d:"), self._seed),
                                               (self.tr("&Row:"), self._row),
                                               (self.tr("N&otation:"), self._notation))):
            text = QLabel(label)
            text.setBuddy(widget)
            grid.addWidget(text, row, 0)
            grid.addWidget(widget, row, 1)
        grid.addWidget(self._new, 4, 1)
        grid.setColumnStretch(1, 1)
        answer = QHBoxLayout()
        for widget in (self._prompt, self._answer, self._check, self._hint, self._show):
            answer.addWidget(widget)
        answer.setStretchFactor(self._answer, 1)
        sheet = QHBoxLayout()
        sheet.addWidget(self._sheet_count)
        sheet.addWidget(self._sheet)
        sheet.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addLayout(grid)
        layout.addWidget(self._browser, 1)
        layout.addLayout(answer)
        layout.addWidget(self._score)
        layout.addLayout(sheet)
        self._on_kind()

    # -- API ------------------------------------------------------------------------------------
    def update_from(self, snapshot) -> None:
        """Keeps the run shown, for an exercise of "the run shown"."""
        if snapshot.config is not None:
            self._run = (snapshot.config, snapshot.weights, snapshot.step,
                         getattr(snapshot, "optimizer_state", None))

    def set_score(self, right: int, asked: int) -> None:
        """The score kept with the settings."""
        self._right, self._asked = max(0, int(right)), max(0, int(asked))
        self._show_score()

    def score(self) -> tuple[int, int]:
        return self._right, self._asked

    def notation(self) -> str:
        return self._notation.currentData()

    def set_exercise(self, kind: str, seed: int = 0, row: int = 0) -> None:
        self._kind.setCurrentIndex(self._kind.findData(kind))
        self._seed.setValue(seed)
        self._row.setCurrentIndex(row)
        self._new_exercise()

    def session(self) -> PracticeSession | None:
        return self._session

    def current_text(self) -> str:
        return self._browser.toPlainText()

    def prompt_text(self) -> str:
        return self._prompt.text()

    def answer_field(self) -> QLineEdit:
        return self._answer

    # -- exercises ------------------------------------------------------------------------------
    def _on_kind(self, *_):
        kind = self._kind.currentData()
        self._seed.setEnabled(kind == GENERATED)
        self._row.setEnabled(kind != GENERATED)

    def _new_exercise(self):
        try:
            exercise = self._make()
        except ValueError as error:
            self._session = None
            self._browser.setPlainText(self.tr("No exercise: {0}").format(error))
            self._show_prompt()
            return
        self._session = PracticeSession(exercise)
        self._lines = [html.escape(line) for line in exercise_lines(exercise, self._words(), self.notation())]
        self._lines.append(html.escape(self._words()["intro_window"]))
        self._render()
        self._answer.setFocus()

    def _make(self):
        kind, row = self._kind.currentData(), self._row.currentIndex()
        if kind == GENERATED:
            return generated_exercise(self._seed.value())
        if kind == RUN:
            if self._run is None:
                raise ValueError(self.tr("there is no run yet"))
            config, weights, step, state = self._run
            if state is None and step > 0 and config.optimizer != "sgd":
                raise ValueError(self.tr("the optimizer's state at this step is unknown"))
            if config.mode != "online":
                raise ValueError(self.tr("the run trains in batch mode, and practice works one row's "
                                         "update"))
            if not weights.is_finite():
                raise ValueError(self.tr("the run has diverged"))
            return run_exercise(config, weights, row, state, step)
        return article_exercise(kind, row)

    # -- answers --------------------------------------------------------------------------------
    def _on_check(self):
        text = self._answer.text()
        if text.strip():
            self._respond(text)

    def _respond(self, text: str):
        s = self._session
        if s is None or s.finished:
            return
        quantity, first_tries = s.current, s.first_try_right
        reply = s.respond(text)
        words, notation = self._words(), self.notation()
        if reply.kind == HINT:
            self._add(hint_text(quantity, words, notation), "#5a5a5a")
        elif reply.kind in (NOT_NUMBER, QUIT):  # the window has no quit: q is just not a number
            self._add(words["not_number_window"], "#9a6700")
        elif reply.kind == AMBIGUOUS:
            self._add(words["ambiguous"], "#9a6700")
        elif reply.kind == SHOWN:
            self._add(shown_text(quantity, words, notation), "#0b5394")
            self._count(False)
        elif reply.kind == RIGHT:
            self._add(verdict_text(s.exercise, quantity, reply.verdict, words, notation), "#1a7f37")
            self._count(s.first_try_right > first_tries)
        else:
            self._add(verdict_text(s.exercise, quantity, reply.verdict, words, notation), "#b42318")
        self._answer.clear()
        self._render()
        if not s.finished:
            self._answer.setFocus()  # after Hint or Show me, the next number is typed at once

    def _count(self, right: bool):
        self._asked += 1
        self._right += bool(right)
        self.score_changed.emit(self._right, self._asked)

    def _add(self, text: str, colour: str):
        self._lines.append(f'<span style="color: {colour};">{html.escape(text)}</span>')

    # -- display --------------------------------------------------------------------------------
    def _render(self):
        self._browser.setHtml("<p>" + "</p><p>".join(self._lines) + "</p>")
        self._browser.moveCursor(QTextCursor.MoveOperation.End)  # the latest verdict in view
        self._show_prompt()
        self._show_score()

    def _show_prompt(self):
        s = self._session
        done = s is None or s.finished
        for widget in (self._answer, self._check, self._hint, self._show):
            widget.setEnabled(not done)
        if s is None:
            self._prompt.setText("")
        elif s.finished:
            self._prompt.setText(self.tr("Done: {right} of {total} right at the first try.").format(
                right=s.first_try_right, total=s.total))
        else:
            name = symbol(s.current, self._words(), self.notation())
            self._prompt.setText(f"{s.index + 1}/{s.total}  {name} =")

    def _show_score(self):
        self._score.setText(self.tr("All practice so far: {right} of {asked} right at the first try.")
                            .format(right=self._right, asked=self._asked))

    def _on_notation(self, *_):
        if self._session is not None and not self._session.started:
            self._new_exercise()  # nothing typed yet: write it out in the new symbols
        else:
            self._show_prompt()

    def _words(self) -> dict:
        """core.teaching.practice_text's words, through Qt's translations (the same keys)."""
        return {
            "right_relative": self.tr("Right: {symbol} = {value} (your answer is within 0.5 % of it)."),
            "right_absolute": self.tr("Right: {symbol} = {value} (your answer is within 0.005 of it)."),
            "not_updated": self.tr("the weight left as it was. The new weight is the old one minus the "
                                   "change."),
            "alpha_forgotten": self.tr("α left out. The weight moves by α times the gradient's term, not by "
                                       "the term alone."),
            "order_old": self.tr("the output weight from before its update. In the article's order the "
                                 "output weights are updated first, and the hidden deltas use the new ones."),
            "order_new": self.tr("the output weight after its update. In the textbook order the hidden "
                                 "deltas use the output weights from before the update."),
            "half_dropped": self.tr("the ½ left out. L = ½ (yp − yt)², so ∂L/∂yp = yp − yt, "
                                    "not 2 (yp − yt)."),
            "half_kept": self.tr("the ½ kept in the slope. Differentiating ½ (yp − yt)² brings down the 2, "
                                 "which cancels the ½: ∂L/∂yp = yp − yt."),
            "sign": self.tr("the sign of the error flipped. The error is yp − yt (the prediction minus the "
                            "target), not yt − yp."),
            "slope_value": self.tr("the activation's value f(u) where its slope f′(u) belongs (for the "
                                   "sigmoid, f′(u) = f(u) (1 − f(u)))."),
            "bias": self.tr("the bias input left out. Its 1, times its weight, belongs in the sum too."),
            "row": self.tr("the numbers of row [{x1}, {x2}]; this exercise is row [{y1}, {y2}]."),
            "slip": self.tr("Not quite. Your number is what you get with {what}"),
            "or": self.tr(" Or with "),
            "none": self.tr("Not right, and none of the usual slips gives your number. Press Hint for the "
                            "formula with the numbers put in, or look at it again."),
            "not_number_window": self.tr("Please type a number."),
            "ambiguous": self.tr("A comma before three digits reads two ways (1,000 or 1.000): please write "
                                 "the number with a decimal point."),
            "intro_window": self.tr("Compute each number in turn and press Enter; Hint shows the formula "
                                    "with the numbers put in, Show me the value."),
            "hint": self.tr("Hint: {symbol} = {formula} = {numbers}"),
            "shown": "{symbol} = {formula} = {numbers} = {value}",
            "exercise": self.tr("{model}, {gate} gate, {loss} loss, α = {alpha}, {order} update order, "
                                "{optimizer}."),
            "row_line": self.tr("Row [{x1}, {x2}]: inputs {inputs}; target yt = {yt}."),
            "weights": self.tr("Weights before the update:"),
            "state": self.tr("The optimizer's state before the update:"),
            "adam_t": self.tr("t = {t} (the count of updates, this one included: the t of 1 − 0.9^t)"),
            "two_layer": self.tr("2-layer model"),
            "three_layer": self.tr("3-layer model, {h} {activation} hidden nodes"),
            "new": self.tr(" (new)"),
            "textbook": self.tr("textbook"), "article": self.tr("the article's"),
            "sgd": self.tr("gradient descent"), "momentum": self.tr("momentum 0.9"), "adam": "Adam",
            "squared": self.tr("squared"), "cross-entropy": self.tr("cross-entropy"),
            "sigmoid": self.tr("sigmoid"), "tanh": "tanh", "relu": "ReLU",
        }
