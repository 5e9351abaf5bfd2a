"""Practice: the right numbers are row_math's, a wrong answer names the slip that gives it (worked
out here by hand, as a learner would slip), and never shows the right value."""

import itertools

import numpy as np
import pytest

from core.cli.practice_cli import trained_exercise
from core.model.config import TrainConfig
from core.model.layout import ARTICLE, GATELAB
from core.model.network import Weights
from core.teaching.exercises import article_exercise, generated_exercise
from core.teaching.practice import (
    RIGHT_ABSOLUTE,
    RIGHT_RELATIVE,
    AnswerError,
    Slip,
    check,
    make_exercise,
    parse_answer,
    within,
)
from core.teaching.practice_numbers import (
    BIAS,
    HALF_DROPPED,
    HALF_KEPT,
    ORDER_NEW,
    ORDER_OLD,
    ROW,
    SIGN,
    SLIPS,
    SLOPE_VALUE,
    Numbers,
    evaluate,
)
from core.teaching.practice_text import verdict_text
from core.teaching.row_math import format_number, row_math
from tests.helpers.plain_network import sigmoid

HIDDEN = np.array([[1.0, -1.5], [2.0, 0.5], [-0.5, 1.0]])
OUTPUT = np.array([2.0, -1.5, 0.5])


def _exercise(**changes):
    config = TrainConfig(**{"gate": "xor", "hidden_nodes": 2, "alpha": 0.5, **changes})
    return make_exercise("run", config, Weights(HIDDEN.copy(), OUTPUT.copy()), 1)


def _quantity(exercise, key):
    return next(q for q in exercise.quantities if q.key == key)


def _named(exercise, key, answer):
    """The slips a wrong answer is told it matches (several when they give the same number)."""
    verdict = check(_quantity(exercise, key), answer)
    assert not verdict.right
    return {slip.kind for slip in verdict.slips}


class _Learner:
    """Row [1, 0] of XOR (target 1) worked by hand, with a slip where asked."""

    def __init__(self, order="textbook", alpha=0.5, loss="squared"):
        self.x = (1.0, 0.0, 1.0)
        self.u = [sum(xi * HIDDEN[i, j] for i, xi in enumerate(self.x)) for j in range(2)]
        self.h = [sigmoid(u) for u in self.u]
        self.v = OUTPUT[0] * self.h[0] + OUTPUT[1] * self.h[1] + OUTPUT[2]
        self.yp = sigmoid(self.v)
        self.r = self.yp - 1.0
        self.g = self.r * self.yp * (1 - self.yp) if loss == "squared" else self.r
        self.alpha = alpha

    def hidden_delta(self, j, w2):
        return self.g * w2 * self.h[j] * (1 - self.h[j])


def test_the_right_numbers_are_row_maths():
    exercise = _exercise()
    m = row_math(exercise.config, Weights(HIDDEN, OUTPUT), 1)
    values = {q.key: q.value for q in exercise.quantities}
    assert values["u0"] == m.u[0] and values["yp"] == m.yp and values["loss"] == m.row_loss
    assert values["delta1"] == m.delta_hidden[1] and values["new_h2_1"] == m.after.hidden[2, 1]
    assert values["grad_o2"] == m.grad_output[2] and values["slope_out"] == m.dv


@pytest.mark.parametrize("hidden, activation, loss, order, optimizer", list(itertools.product(
    (0, 2, 3), ("sigmoid", "tanh", "relu"), ("squared", "cross-entropy"), ("textbook", "article"),
    ("sgd", "momentum", "adam"))))
def test_the_plain_evaluation_is_the_step_definitions(hidden, activation, loss, order, optimizer):
    """Slips are the step's definition evaluated again: unchanged, it gives row_math's numbers,
    optimizer state and all (after 3 steps, so the state is not zero)."""
    config = TrainConfig(gate="xor", hidden_nodes=hidden, activation=activation, loss=loss,
                         update_order=order, optimizer=optimizer, seed=5)
    m = trained_exercise(config, 3, row=2).math
    right, again = Numbers.of(m), evaluate(m)
    for name in Numbers.__dataclass_fields__:
        a, b = getattr(right, name), getattr(again, name)
        a, b = (a.flat(), b.flat()) if name == "after" else (a, b)
        np.testing.assert_allclose(b, a, rtol=1e-12, atol=1e-15, err_msg=name)


def test_tolerance_is_half_a_percent_or_five_thousandths():
    assert within(100.4, 100.0) == RIGHT_RELATIVE
    assert within(100.6, 100.0) is None
    assert within(0.004, 0.0) == RIGHT_ABSOLUTE
    assert within(0.006, 0.0) is None
    exercise = _exercise()
    yp = _quantity(exercise, "yp")
    assert check(yp, yp.value * 1.004).tolerance == RIGHT_RELATIVE
    assert "0.5 %" in verdict_text(exercise, yp, check(yp, yp.value * 1.004))
    assert "0.005" in verdict_text(exercise, yp, check(yp, yp.value + 0.0049), "en")
    assert "0.005以内" in verdict_text(exercise, yp, check(yp, yp.value + 0.0049), "ja")


def test_slips_worked_by_hand_are_named():
    exercise, hand = _exercise(), _Learner()
    assert HALF_DROPPED in _named(exercise, "loss", hand.r ** 2)
    assert HALF_DROPPED in _named(exercise, "error", 2 * hand.r)
    assert HALF_KEPT in _named(exercise, "error", hand.r / 2)
    assert SIGN in _named(exercise, "error", -hand.r)
    assert SIGN in _named(exercise, "delta_out", -hand.g)
    assert HALF_DROPPED in _named(exercise, "delta_out", 2 * hand.g)
    assert SLOPE_VALUE in _named(exercise, "slope_out", hand.yp)
    assert SLOPE_VALUE in _named(exercise, "delta_out", hand.r * hand.yp)
    assert SLOPE_VALUE in _named(exercise, "slope1", hand.h[1])
    assert SLOPE_VALUE in _named(exercise, "delta1", hand.g * OUTPUT[1] * hand.h[1])
    assert BIAS in _named(exercise, "u0", HIDDEN[0, 0])  # x1 w(1)11 without the bias input
    assert BIAS in _named(exercise, "sum", OUTPUT[0] * hand.h[0] + OUTPUT[1] * hand.h[1])
    assert ROW in _named(exercise, "u1", HIDDEN[1, 1] + HIDDEN[2, 1])  # row [0, 1]'s sum
    grad = hand.g * hand.h[0]
    assert SIGN in _named(exercise, "new_o0", OUTPUT[0] + 0.5 * grad)


def test_a_wrong_row_is_named_with_its_row():
    exercise = _exercise()
    u1 = _quantity(exercise, "u1")
    verdict = check(u1, HIDDEN[1, 1] + HIDDEN[2, 1])
    assert verdict.slips == (Slip(ROW, 2),)
    assert "row [0, 1]; this exercise is row [1, 0]" in verdict_text(exercise, u1, verdict)


@pytest.mark.parametrize("order, slip", [("textbook", ORDER_NEW), ("article", ORDER_OLD)])
def test_the_other_update_order_is_named(order, slip):
    """With cross-entropy and α = 4 the two orders' hidden deltas differ beyond the tolerance."""
    exercise, hand = _exercise(update_order=order, loss="cross-entropy", alpha=4.0), _Learner()
    hand.g = hand.r  # cross-entropy's δout
    new_w2 = OUTPUT[0] - 4.0 * hand.g * hand.h[0]
    other = OUTPUT[0] if order == "article" else new_w2
    assert slip in _named(exercise, "delta0", hand.hidden_delta(0, other))


def test_every_slip_is_reachable():
    exercises = [_exercise(), _exercise(update_order="article", loss="cross-entropy", alpha=4.0),
                 _exercise(loss="cross-entropy", alpha=4.0), article_exercise("article-and", 3)]
    named = set()
    for exercise in exercises:
        for quantity in exercise.quantities:
            for slip, value in quantity.slips:
                verdict = check(quantity, value)
                assert not verdict.right and slip in verdict.slips
                named.add(slip.kind)
    assert named == set(SLIPS)


@pytest.mark.parametrize("lang, notation", [("en", GATELAB), ("ja", ARTICLE)])
def test_a_wrong_answer_never_shows_the_right_value(lang, notation):
    for exercise in (_exercise(), article_exercise("article-xor", 2), generated_exercise(3)):
        for quantity in exercise.quantities:
            right = format_number(quantity.value)
            wrong = [v for _, v in quantity.slips] + [quantity.value * 1.5 + 0.37]
            for answer in wrong:
                verdict = check(quantity, answer)
                text = verdict_text(exercise, quantity, verdict, lang, notation)
                assert not verdict.right
                if len(right.lstrip("−")) > 1:  # 0 and 1 are in any row's name
                    assert right not in text and f"{quantity.value:.3f}" not in text


def test_generated_exercises_are_round_and_repeatable():
    a, b = generated_exercise(42), generated_exercise(42)
    assert [q.value for q in a.quantities] == [q.value for q in b.quantities]
    flat = a.math.before.flat()
    assert np.array_equal(np.round(flat, 1), flat) and np.all(flat != 0)
    assert a.math.alpha in (0.1, 0.2, 0.5)
    assert [q.value for q in generated_exercise(43).quantities] != [q.value for q in a.quantities]
    assert generated_exercise(5, hidden_nodes=3).math.hidden_nodes == 3


def test_article_runs_start_from_their_seeds():
    xor = article_exercise("article-xor")
    assert xor.config.update_order == "article" and xor.config.seed == 659 and xor.math.hidden_nodes == 2
    assert article_exercise("article-and").math.hidden_nodes == 0


def test_answers_are_read_leniently_and_bad_ones_refused():
    assert parse_answer(" −0.25 ") == -0.25
    assert parse_answer("０．５") == 0.5
    assert parse_answer("0,5") == 0.5
    for bad in ("", "abc", "nan", "1e999", "1,2,3"):
        with pytest.raises(AnswerError):
            parse_answer(bad)


def test_the_session_counts_first_tries_only():
    from core.teaching.practice_session import HINT, NOT_NUMBER, QUIT, RIGHT, SHOWN, WRONG, PracticeSession

    exercise = generated_exercise(1)
    session = PracticeSession(exercise)
    first, second = exercise.quantities[:2]
    assert session.respond("h").kind == HINT and session.index == 0
    assert session.respond("x").kind == NOT_NUMBER
    assert session.respond(repr(first.value * 3 + 1)).kind == WRONG
    assert session.respond(repr(first.value)).kind == RIGHT and session.first_try_right == 0
    assert session.respond(repr(second.value)).kind == RIGHT and session.first_try_right == 1
    assert session.respond("s").kind == SHOWN and session.index == 3 and session.first_try_right == 1
    assert session.respond("q").kind == QUIT and session.index == 3
