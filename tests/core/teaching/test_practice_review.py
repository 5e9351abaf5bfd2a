"""Practice, checked from the outside: what the learner reads is enough to get each number right,
and a wrong answer is told a slip only when that slip gives it (the review of #29)."""

import io
import math
import re

import numpy as np
import pytest

from core.cli.practice_cli import run_practice, trained_exercise
from core.model.config import TrainConfig
from core.model.network import Weights
from core.teaching.exercises import generated_exercise
from core.teaching.practice import AmbiguousAnswer, check, make_exercise, parse_answer
from core.teaching.practice_formulas import number
from core.teaching.practice_numbers import ALPHA_FORGOTTEN, BIAS, NOT_UPDATED, ROW, SLOPE_VALUE
from core.teaching.practice_session import AMBIGUOUS, HINT, QUIT, SHOWN, PracticeSession
from core.teaching.practice_text import WORDS, exercise_lines, verdict_text, weight_list
from core.teaching.worksheet import worksheet_markdown

_SUPER = str.maketrans("⁻⁰¹²³⁴⁵⁶⁷⁸⁹", "-0123456789")


def _value(text: str) -> float:
    mantissa, _, exponent = text.replace("−", "-").partition("×10")
    return float(mantissa) * 10.0 ** int(exponent.translate(_SUPER) or 0)


def _written(text: str) -> dict:
    """name -> value, from "name = value, ..." as practice writes it."""
    return {name: _value(value) for name, value in re.findall(r"(\S+) = ([−\d.]+(?:×10[⁻⁰-⁹]+)?)", text)}


def test_sums_worked_from_the_weights_as_written_are_right():
    # weights of 10 and more: 4 significant digits lost 0.005 a weight, so -1.01 worked from the
    # weights as written was marked wrong (the value is -1.019)
    config = TrainConfig(gate="and", hidden_nodes=3, alpha=2.0, optimizer="adam", seed=1, steps=50)
    exercise = trained_exercise(config, 50, 2)
    x1, x2 = 0.0, 1.0  # row 2 is [0, 1]
    w = _written(weight_list(exercise))
    assert max(abs(v) for v in w.values()) > 10
    for j in range(3):
        by_hand = x1 * w[f"w(1)1{j + 1}"] + x2 * w[f"w(1)2{j + 1}"] + w[f"w(1)3{j + 1}"]
        index = next(k for k, q in enumerate(exercise.quantities) if q.key == f"u{j}")
        assert exercise.check(index, by_hand).right, (j, by_hand, exercise.quantities[index].value)


def _quantity(exercise, key):
    return next(q for q in exercise.quantities if q.key == key)


@pytest.mark.parametrize("step", [0, 3])
def test_adams_update_worked_from_the_state_as_written_is_right(step):
    # the state said t = 0 on a fresh run, and 1 − 0.9^0 = 0 divides by zero
    config = TrainConfig(gate="and", hidden_nodes=0, optimizer="adam", alpha=0.5, steps=10)
    exercise = trained_exercise(config, step, 1)
    state = _written(exercise_lines(exercise)[-1])
    w = _written(weight_list(exercise))
    t = state["t"]
    assert t == 4 * step + 1  # the next update after `step` steps of 4 rows
    for k, name in enumerate(("w1", "w2", "w3")):
        g = _quantity(exercise, f"grad_o{k}").value
        m_hat = (0.9 * state[f"m[{name}]"] + 0.1 * g) / (1 - 0.9 ** t)
        v_hat = (0.999 * state[f"v[{name}]"] + 0.001 * g * g) / (1 - 0.999 ** t)
        by_hand = w[name] - 0.5 * m_hat / (math.sqrt(v_hat) + 1e-8)
        assert check(_quantity(exercise, f"new_o{k}"), by_hand).right, (name, by_hand)


def _kinds(quantity, answer):
    verdict = check(quantity, answer)
    assert not verdict.right
    return {slip.kind for slip in verdict.slips}


def test_the_old_weight_alpha_left_out_and_zero_are_told_as_they_are():
    # over generated exercises, the old weight was told "bias input left out" or "row [...]"
    # ~60 % of the time, w − ∂L/∂w with α 0.5 "the ½ left out", and 0 for a gradient a row or bias
    for seed in range(300):
        exercise = generated_exercise(seed)
        before, m = exercise.math.before.flat(), exercise.math
        offset = 0 if m.hidden_nodes == 0 else 3 * m.hidden_nodes
        for k in range(len(m.before.output)):
            new, grad = _quantity(exercise, f"new_o{k}"), _quantity(exercise, f"grad_o{k}")
            old = before[offset + k]
            if check(new, old).right:  # a gradient of 0: the weight does not move
                continue
            assert _kinds(new, old) == {NOT_UPDATED}, (seed, k)
            if m.alpha != 1.0:
                assert _kinds(new, old - grad.value) == {ALPHA_FORGOTTEN}, (seed, k)
            if not check(grad, 0.0).right:
                assert not _kinds(grad, 0.0) & {ROW, BIAS}, (seed, k)


def test_answers_as_the_app_writes_them_and_as_a_keyboard_types_them():
    assert parse_answer("1.234×10⁻⁵") == pytest.approx(1.234e-5)
    assert parse_answer("−7.07×10⁻¹⁴") == pytest.approx(-7.07e-14)
    assert parse_answer(number(-3.2e-7)) == pytest.approx(-3.2e-7)  # whatever the app shows
    assert parse_answer("–0.25") == -0.25  # an en dash, as some keyboards give
    assert parse_answer("0,25") == 0.25  # a decimal comma is still fine
    for ambiguous in ("1,000", "−12,345"):
        with pytest.raises(AmbiguousAnswer):
            parse_answer(ambiguous)


@pytest.mark.parametrize("typed, kind", [("ｈ", HINT), ("Ｈｉｎｔ", HINT), ("ｓ", SHOWN), ("ｑ", QUIT),
                                         ("1,000", AMBIGUOUS)])
def test_full_width_commands_and_a_thousands_comma(typed, kind):
    session = PracticeSession(generated_exercise(0))
    assert session.respond(typed).kind == kind


def test_the_command_line_asks_again_for_a_thousands_comma():
    out = io.StringIO()
    run_practice(["--kind", "article-and"], io.StringIO("1,000\n"), out)
    assert WORDS["en"]["ambiguous"] in out.getvalue()
    assert "none of the usual slips" not in out.getvalue()


def test_each_worksheet_exercise_names_a_seed_that_opens_it():
    text = worksheet_markdown(9, 4)
    seeds = [int(s) for s in re.findall(r"^## Exercise \d+ \(seed (\d+)\)$", text, re.M)]
    assert len(seeds) == 4
    key = text.split("\n---\n", 1)[1]
    for seed, part in zip(seeds, key.split("\n## ")[1:], strict=True):
        assert 0 <= seed < 2 ** 31  # a Qt spin box (the window's seed) takes it
        values = re.findall(r"^\| \d+ \| .* \| (\S+) \|$", part, re.M)
        assert values == [number(q.value) for q in generated_exercise(seed).quantities]


def test_giving_the_model_the_seed_draws_anyway_leaves_the_exercise_alone():
    for seed in range(40):
        drawn = generated_exercise(seed)
        given = generated_exercise(seed, hidden_nodes=drawn.math.hidden_nodes)
        assert [q.value for q in given.quantities] == [q.value for q in drawn.quantities], seed


@pytest.mark.parametrize("optimizer", ["sgd", "momentum", "adam"])
def test_a_hidden_slope_taken_as_the_value_is_named_for_every_optimizer(optimizer):
    # the slip was formed by hand for plain descent only, NaN (never named) for momentum and Adam
    config = TrainConfig(gate="xor", hidden_nodes=2, alpha=4.0, optimizer=optimizer)
    state = {"sgd": (), "momentum": (0.05,) * 9, "adam": (0.02,) * 9 + (0.001,) * 9 + (3.0,)}[optimizer]
    hidden = np.array([[1.0, -1.5], [2.0, 0.5], [-0.5, 1.0]])
    exercise = make_exercise("run", config, Weights(hidden, np.array([2.0, -1.5, 0.5])), 1, state)
    m = exercise.math
    j = 0
    delta = _quantity(exercise, "delta_out").value * m.w2_used[j] * m.h[j]  # f(u) for f'(u)
    assert SLOPE_VALUE in _kinds(_quantity(exercise, f"delta{j}"), delta)
    grad = m.x[0] * delta
    assert SLOPE_VALUE in _kinds(_quantity(exercise, f"grad_h0_{j}"), grad)
    w = m.before.hidden[0, j]
    if optimizer == "sgd":
        by_hand = w - 4.0 * grad
    elif optimizer == "momentum":
        by_hand = w - 4.0 * (0.9 * m.slot_before("velocity")[0] + grad)
    else:
        m_hat = (0.9 * m.slot_before("m")[0] + 0.1 * grad) / (1 - 0.9 ** m.t)
        v_hat = (0.999 * m.slot_before("v")[0] + 0.001 * grad * grad) / (1 - 0.999 ** m.t)
        by_hand = w - 4.0 * m_hat / (math.sqrt(v_hat) + 1e-8)
    assert SLOPE_VALUE in _kinds(_quantity(exercise, f"new_h0_{j}"), by_hand)


@pytest.mark.parametrize("lang", ["en", "ja"])
def test_a_wrong_answers_verdict_holds_no_number_but_rows_and_constants(lang):
    # any number in a verdict could be the right value in some format: allow only the rows'
    # 0 and 1 and the text's own constants (2 of the slope, 0.5 % and 0.005 of the tolerance)
    allowed = {"0", "1", "2", "0.5", "0.005"}
    exercises = [generated_exercise(seed) for seed in range(60)]
    exercises += [trained_exercise(TrainConfig(gate="xor", optimizer=o, alpha=4.0, steps=10), 3, r)
                  for o in ("sgd", "momentum", "adam") for r in range(4)]
    for exercise in exercises:
        for quantity in exercise.quantities:
            for answer in [v for _, v in quantity.slips] + [quantity.value * 1.7 + 0.31, 0.0]:
                verdict = check(quantity, answer)
                if verdict.right:
                    continue
                text = verdict_text(exercise, quantity, verdict, lang)
                assert set(re.findall(r"\d+(?:\.\d+)?", text)) <= allowed, text
