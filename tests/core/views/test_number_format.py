"""How errors and samples are written, shared by the window's table, its diagnosis and the
command line."""

import pytest

from core.views.number_format import format_error, sample_text


@pytest.mark.parametrize(("value", "text"), [
    (0.081, "0.08"), (-0.081, "-0.08"), (0.049, "0.05"),  # 0.05 within 0.05 reads within
    (0.0504, "0.0504"), (-0.0504, "-0.0504"),  # two decimals would read within 0.05
    (0.05000001, "0.050000"),  # six decimals at most
    (-0.001, "0.00"),  # no sign on a zero
    (0.5, "0.50"),
])
def test_an_error_shows_which_side_of_the_tolerance_it_is(value, text):
    assert format_error(value, 0.05) == text


def test_every_error_reads_on_its_own_side_of_the_tolerance():
    for tolerance in (0.01, 0.05, 0.1, 0.125):
        for k in range(-2000, 2001):
            value = k * 1.37e-4
            shown = abs(float(format_error(value, tolerance)))
            if abs(abs(value) - tolerance) > 1e-6:  # six decimals cannot tell closer than that
                assert (shown <= tolerance) == (abs(value) <= tolerance), (value, tolerance)


def test_a_sample_is_two_significant_digits_each():
    assert sample_text(10 / 12, 0.5) == "0.83, 0.5"
