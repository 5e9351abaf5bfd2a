"""Practice: the learner computes one row update number by number and is told where it went wrong.

An exercise is a config, weights, a truth-table row and the optimizer's state; its quantities
are those of core.teaching.practice_formulas, valued by row_math (the one step definition).
An answer is right within 0.5 % of the value or 0.005 of it. A wrong answer is compared with
the same quantity under each usual slip (core.teaching.practice_numbers), and the verdict names
the slips it matches, never the right value: that only comes with "show me". How each slip is
computed: docs/design.md, "Practice".
"""

import math
import unicodedata
from dataclasses import dataclass, replace

import numpy as np

from core.model.network import Weights
from core.teaching.practice_formulas import Asked, asked
from core.teaching.practice_numbers import (
    BIAS,
    HALF_DROPPED,
    HALF_KEPT,
    ORDER_NEW,
    ORDER_OLD,
    ROW,
    SIGN,
    SLOPE_VALUE,
    Numbers,
    evaluate,
)
from core.teaching.row_math import ROW_COUNT, RowMath, row_math

RELATIVE = 0.005  # 0.5 % of the value
ABSOLUTE = 0.005  # or this close, for values near 0
RIGHT_RELATIVE, RIGHT_ABSOLUTE = "relative", "absolute"


def within(answer: float, value: float) -> str | None:
    """Which tolerance accepts `answer` for `value` (the relative one first), or None."""
    if not (math.isfinite(answer) and math.isfinite(value)):
        return None
    gap = abs(answer - value)
    if gap <= RELATIVE * abs(value):
        return RIGHT_RELATIVE
    return RIGHT_ABSOLUTE if gap <= ABSOLUTE else None


@dataclass(frozen=True)
class Slip:
    kind: str  # core.teaching.practice_numbers.SLIPS
    row: int | None = None  # for ROW: the row whose numbers the answer has


@dataclass(frozen=True)
class Quantity:
    asked: Asked
    value: float
    slips: tuple  # (Slip, value) whose value the right-answer check would not accept

    @property
    def key(self) -> str:
        return self.asked.key


@dataclass(frozen=True)
class Verdict:
    right: bool
    tolerance: str | None = None  # which tolerance accepted a right answer
    slips: tuple = ()  # the slips a wrong answer matches, in SLIPS order


@dataclass(frozen=True)
class Exercise:
    source: str  # article-and, article-xor, run, generated
    config: object  # TrainConfig
    math: RowMath
    quantities: tuple
    step: int = 0  # the run's completed steps before this update

    def check(self, index: int, answer: float) -> Verdict:
        return check(self.quantities[index], answer)


def check(quantity: Quantity, answer: float) -> Verdict:
    tolerance = within(answer, quantity.value)
    if tolerance is not None:
        return Verdict(True, tolerance)
    matched = dict.fromkeys(slip for slip, value in quantity.slips if within(answer, value) is not None)
    return Verdict(False, None, tuple(matched))


def make_exercise(source: str, config, weights: Weights, row: int, optimizer_state=None,
                  step: int = 0) -> Exercise:
    """The exercise of the online update of `weights` on `row` under `config`."""
    m = row_math(config, weights, row, optimizer_state)
    if not m.is_finite:
        raise ValueError("the numbers of this update are not finite (the run diverged)")
    variants = slip_variants(config, m)
    quantities = []
    for item in asked(m):
        value = float(item.get(Numbers.of(m)))
        slips = tuple((slip, v) for slip, numbers in variants
                      if math.isfinite(v := float(item.get(numbers))) and within(v, value) is None)
        quantities.append(Quantity(item, value, slips))
    return Exercise(source, config, m, tuple(quantities), step)


def slip_variants(config, m: RowMath) -> list:
    """(Slip, Numbers): the row update as each usual slip computes it. NaN: the slip has no
    meaning for that quantity."""
    right, r = Numbers.of(m), m.yp - m.yt
    out = []
    if m.hidden_nodes:
        other = "textbook" if m.article_order else "article"
        flipped = row_math(config.with_changes(update_order=other), m.before, m.row, m.state_before)
        out.append((Slip(ORDER_OLD if m.article_order else ORDER_NEW), Numbers.of(flipped)))
    if m.loss == "squared":
        # a target moved so that yp - yt is 2r or r/2: the slope of (yp - yt)² without the ½,
        # or of ½ (yp - yt)² with the ½ kept; the loss itself without the ½ is r² = 2 L
        dropped = evaluate(m, yt=m.yp - 2.0 * r)
        out.append((Slip(HALF_DROPPED), replace(dropped, row_loss=2.0 * m.row_loss)))
        out.append((Slip(HALF_KEPT), replace(evaluate(m, yt=m.yp - 0.5 * r), row_loss=math.nan)))
        if m.yp < 1.0:  # r / (1 - yp) times yp (1 - yp) is r yp: the slope taken as yp
            as_value = evaluate(m, yt=m.yp - r / (1.0 - m.yp))
            out.append((Slip(SLOPE_VALUE), replace(as_value, dv=m.yp, error=math.nan, row_loss=math.nan)))
    out.append((Slip(SIGN), replace(evaluate(m, yt=m.yp + r), row_loss=math.nan)))
    if m.hidden_nodes:
        out.append((Slip(SLOPE_VALUE), _hidden_slope_as_value(m, right)))
    out += _bias_forgotten(m)
    for other_row in range(ROW_COUNT):
        if other_row != m.row:
            numbers = Numbers.of(row_math(config, m.before, other_row, m.state_before))
            out.append((Slip(ROW, other_row), numbers))
    return out


def _hidden_slope_as_value(m: RowMath, right: Numbers) -> Numbers:
    """The hidden slopes f'(u_j) taken as f(u_j) = h_j. The step's definition has no input that
    turns the one into the other, so the hidden deltas are formed here as it forms them
    (δout w(2)j f'(u_j)); the updated weights only for plain descent (w - α ∂L/∂w)."""
    deltas = m.delta_out * m.w2_used * m.h
    grads = np.outer(m.x, deltas)
    hidden = m.before.hidden - m.alpha * grads if m.optimizer == "sgd" else np.full_like(grads, np.nan)
    return replace(right, dh=m.h.copy(), delta_hidden=deltas, grad_hidden=grads,
                   after=Weights(hidden, np.full_like(m.after.output, np.nan)))


def _bias_forgotten(m: RowMath) -> list:
    """The bias input taken as 0 and, in the 3-layer model, the bias node's term left out of v
    (its weight taken as 0; the update moves it from its own value: the change subtracted from
    a weight does not depend on the weight)."""
    out = [(Slip(BIAS), evaluate(m, bias_input=0.0))]
    if m.hidden_nodes:
        output = m.before.output.copy()
        output[-1] = 0.0
        numbers = evaluate(m, weights=Weights(m.before.hidden, output))
        after = numbers.after.output.copy()
        after[-1] += m.before.output[-1]
        out.append((Slip(BIAS), replace(numbers, after=Weights(numbers.after.hidden, after))))
    return out


class AnswerError(ValueError):
    """Text that is not a number."""


def parse_answer(text: str) -> float:
    """A typed number: full-width digits, a real minus sign (−) and a decimal comma allowed."""
    cleaned = unicodedata.normalize("NFKC", str(text)).strip().replace("\u2212", "-").replace(" ", "")
    if cleaned.count(",") == 1 and "." not in cleaned:
        cleaned = cleaned.replace(",", ".")
    try:
        value = float(cleaned)
    except ValueError:
        raise AnswerError(text) from None
    if not math.isfinite(value):
        raise AnswerError(text)
    return value
