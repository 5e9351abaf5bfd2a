"""Target functions: the whitelist parser, the grids and the range check (core.model.target_function)."""

import math

import numpy as np
import pytest

from core.model import target_function as tf
from core.model.gates import GATES, ROWS


def value(text, x1=0.3, x2=0.7):
    return float(tf.parse(text)(x1, x2))


# -- grids ---------------------------------------------------------------------------------------
def test_a_grid_of_two_is_the_gates_rows():
    assert [tuple(p) for p in tf.grid_points(2)] == list(ROWS)


@pytest.mark.parametrize("n", [2, 3, 7, 21])
def test_grid_rows_run_x1_fastest(n):
    points = tf.grid_points(n)
    assert points.shape == (n * n, 2)
    for j in range(n):
        for i in range(n):
            assert tuple(points[j * n + i]) == (i / (n - 1), j / (n - 1))


@pytest.mark.parametrize("n", [1, 22, 0, -3, 2.0, True, "5", None])
def test_grid_sizes_outside_2_to_21_are_refused(n):
    with pytest.raises(tf.FunctionError) as raised:
        tf.grid_points(n)
    assert raised.value.code == "grid"


# -- presets -------------------------------------------------------------------------------------
@pytest.mark.parametrize("name", sorted(tf.PRESETS))
def test_every_preset_is_a_valid_target_on_every_grid(name):
    function = tf.function_of(name)
    for n in range(tf.GRID_MIN, tf.GRID_MAX + 1):
        tf.check(function, n)  # raises if not finite or outside [0, 1]


@pytest.mark.parametrize("gate", ["and", "or", "xor", "nand", "nor", "xnor"])
def test_a_gates_smooth_version_on_a_grid_of_two_is_the_gate(gate):
    assert tf.samples(tf.function_of(gate), 2).tolist() == list(GATES[gate])


def test_the_step_preset_jumps_and_the_others_do_not():
    points = tf.grid_points(21)
    step = tf.function_of("step")(points[:, 0], points[:, 1])
    assert set(np.round(step, 12)) == {0.1, 0.9}
    bump = tf.function_of("bump")(points[:, 0], points[:, 1])
    assert bump.max() == pytest.approx(0.9) and bump.min() == pytest.approx(0.1, abs=1e-3)


# -- the grammar, against Python's own arithmetic ------------------------------------------------
@pytest.mark.parametrize("text, expected", [
    ("1 - 2 - 3", -4.0),
    ("8 / 4 / 2", 1.0),
    ("2 ^ 3 ^ 2", 512.0),  # right-associative
    ("-2 ^ 2", -4.0),  # the power binds tighter than the sign
    ("2 ^ -1", 0.5),
    ("(1 + 2) * 3", 9.0),
    ("1 + 2 * 3", 7.0),
    ("--1", 1.0),
    ("+x1", 0.3),
    ("x1 - x2", 0.3 - 0.7),
    ("pi", math.pi),
    ("1.5e-1 + .5", 0.65),
    ("min(x1, x2, 0.1)", 0.1),
    ("max(x1, x2)", 0.7),
    ("sin(x1) * cos(x2) + exp(-x1) - log(x2) + sqrt(x1) + abs(-x2) + tanh(x1)",
     math.sin(0.3) * math.cos(0.7) + math.exp(-0.3) - math.log(0.7) + math.sqrt(0.3) + 0.7 + math.tanh(0.3)),
    ("  x1*x2  ", 0.21),
])
def test_expressions_evaluate_as_written(text, expected):
    assert value(text) == pytest.approx(expected, rel=1e-15, abs=1e-15)


def test_functions_evaluate_over_arrays_in_one_call():
    points = tf.grid_points(5)
    got = tf.parse("x1 + 10*x2")(points[:, 0], points[:, 1])
    assert got.tolist() == [x1 + 10 * x2 for x1, x2 in points]


# -- refusals ------------------------------------------------------------------------------------
@pytest.mark.parametrize("text, code, at", [
    ("2x1", "unexpected", 2),
    ("x1**2", "power", 3),
    ("y + 1", "name", 1),
    ("__import__(x1)", "name", 1),
    ("__import__('os')", "character", 12),
    ("x1.real", "character", 3),
    ("sin x1", "call", 1),
    ("min(x1)", "arguments", 1),
    ("exp(x1, x2)", "arguments", 1),
    ("(((x1)", "expected", 7),
    ("x1 +", "operand", 5),
    ("x1; 1", "character", 3),
    ("x1 == 1", "character", 4),
    ("1e999", "number", 1),
    ("", "empty", None),
    ("   ", "empty", None),
])
def test_anything_off_the_whitelist_is_refused_saying_where(text, code, at):
    with pytest.raises(tf.FunctionError) as raised:
        tf.parse(text)
    assert raised.value.code == code
    if at is not None:
        assert raised.value.details["at"] == at
        assert f"character {at}" in str(raised.value)
    assert "\n" not in str(raised.value)


def test_the_length_limit_is_500_characters():
    longest = "x1" + "+0" * 249
    assert len(longest) == tf.TEXT_MAX
    assert value(longest) == 0.3
    with pytest.raises(tf.FunctionError) as raised:
        tf.parse(longest + "+")
    assert raised.value.code == "length"


@pytest.mark.parametrize("text", ["(" * 200 + "x1" + ")" * 200, "-" * 400 + "x1", "2^" * 200 + "1",
                                  "sin(" * 90 + "x1" + ")" * 90])
def test_deep_nesting_is_refused_not_a_crash(text):
    with pytest.raises(tf.FunctionError) as raised:
        tf.parse(text)
    assert raised.value.code == "depth"


def test_non_text_is_refused():
    with pytest.raises(tf.FunctionError):
        tf.parse(None)


# -- the range check -----------------------------------------------------------------------------
@pytest.mark.parametrize("text", ["x1/0", "log(x1)", "sqrt(x1 - 0.5)", "(x1 - 0.5)^0.5"])
def test_undefined_values_on_the_grid_are_refused(text):
    with pytest.raises(tf.FunctionError) as raised:
        tf.check(tf.parse(text), 5)
    assert raised.value.code == "undefined"


def test_values_outside_0_1_are_refused_with_the_range_and_a_scale_that_works():
    function = tf.parse("3*x1 - 1")
    with pytest.raises(tf.FunctionError) as raised:
        tf.check(function, 5)
    error = raised.value
    assert error.code == "range"
    assert (error.details["low"], error.details["high"]) == (-1.0, 2.0)
    assert "from -1 to 2" in str(error) and "(f + 1) / 3" in str(error)
    tf.check(tf.parse("((3*x1 - 1) + 1) / 3"), 5)  # the advice, taken, passes


def test_a_narrow_range_is_told_to_shift():
    with pytest.raises(tf.FunctionError) as raised:
        tf.check(tf.parse("x1 - 0.5"), 3)
    assert "from -0.5 to 0.5" in str(raised.value) and "f + 0.5 runs from 0 to 1" in str(raised.value)


def test_between_the_samples_is_checked_too():
    # 0.5 at x1 = 0 and 1 (all a grid of 2 sees), 1.1 at x1 = 0.5
    function = tf.parse("0.5 + 0.6*sin(pi*x1)")
    assert tf.parse("0.5 + 0.6*sin(pi*x1)")(np.array([0.0, 1.0]), np.zeros(2)) == pytest.approx([0.5, 0.5])
    with pytest.raises(tf.FunctionError) as raised:
        tf.check(function, 2)
    assert raised.value.code == "range" and "41 x 41 check grid" in str(raised.value)
    hole = tf.parse("0.5 + 0*x1/(x1 - 0.5)")  # 0/0 at x1 = 0.5 only
    with pytest.raises(tf.FunctionError) as raised:
        tf.check(hole, 2)
    assert raised.value.code == "undefined" and raised.value.details == {
        "x1": 0.5, "x2": 0.0, "grid": "41 x 41 check grid", "size": 41, "check": True}


def test_a_range_error_carries_its_remedy_for_a_translated_message():
    with pytest.raises(tf.FunctionError) as raised:
        tf.check(tf.parse("x1 - 0.2"), 6)
    details = raised.value.details
    assert (details["fix"], details["moved"]) == ("shift", "f + 0.2")
    assert (details["size"], details["check"]) == (6, False)
    assert details["start"] == 0.0 and details["end"] == pytest.approx(1.0)
    with pytest.raises(tf.FunctionError) as raised:
        tf.check(tf.parse("3*x2 - 1"), 6)
    assert raised.value.details["fix"] == "scale" and raised.value.details["moved"] == "(f + 1) / 3"


def test_samples_are_the_function_at_the_grid_rows():
    points = tf.grid_points(4)
    assert tf.samples(tf.parse("x1*x2"), 4).tolist() == [x1 * x2 for x1, x2 in points]


def test_only_ascii_digits_are_numbers():
    with pytest.raises(tf.FunctionError) as raised:
        tf.parse("\u0663*x1")  # Arabic-Indic three
    assert raised.value.code == "character"
