"""A learner working through one exercise: what each typed line does, and the score.

The command line and the window both drive this: a number is checked (right: on to the next;
wrong: the slips it matches), "h" asks for the hint, "s" shows the value and moves on. The
score counts the quantities answered right at the first try without "show me".
"""

from dataclasses import dataclass

from core.teaching.practice import AnswerError, Exercise, Quantity, Verdict, parse_answer

RIGHT, WRONG, HINT, SHOWN, NOT_NUMBER, QUIT = "right", "wrong", "hint", "shown", "not_number", "quit"
HINT_WORDS = ("h", "hint", "ひんと", "ヒント")
SHOW_WORDS = ("s", "show", "show me")
QUIT_WORDS = ("q", "quit", "exit")


@dataclass(frozen=True)
class Reply:
    kind: str  # RIGHT, WRONG, HINT, SHOWN, NOT_NUMBER, QUIT
    quantity: Quantity | None
    verdict: Verdict | None = None


class PracticeSession:
    def __init__(self, exercise: Exercise):
        self.exercise = exercise
        self.index = 0
        self.first_try_right = 0
        self._missed = False  # the current quantity had a wrong answer or was shown

    @property
    def current(self) -> Quantity | None:
        quantities = self.exercise.quantities
        return quantities[self.index] if self.index < len(quantities) else None

    @property
    def finished(self) -> bool:
        return self.current is None

    @property
    def total(self) -> int:
        return len(self.exercise.quantities)

    def respond(self, text: str) -> Reply:
        """What one typed line does to the current quantity."""
        quantity = self.current
        word = text.strip().lower()
        if quantity is None or word in QUIT_WORDS:
            return Reply(QUIT, quantity)
        if word in HINT_WORDS:
            return Reply(HINT, quantity)
        if word in SHOW_WORDS:
            self._next(right=False)
            return Reply(SHOWN, quantity)
        try:
            answer = parse_answer(text)
        except AnswerError:
            return Reply(NOT_NUMBER, quantity)
        verdict = self.exercise.check(self.index, answer)
        if verdict.right:
            self._next(right=not self._missed)
            return Reply(RIGHT, quantity, verdict)
        self._missed = True
        return Reply(WRONG, quantity, verdict)

    def _next(self, right: bool) -> None:
        self.first_try_right += right
        self.index += 1
        self._missed = False
