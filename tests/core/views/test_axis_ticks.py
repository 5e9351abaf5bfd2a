"""Tick labels: whole, short step numbers and loss labels without rounding noise."""

import pytest

from core.views.axis_ticks import loss_tick_text, minimum_span, step_tick_text, whole_step_levels


@pytest.mark.parametrize("value, text", [(0, "0"), (1500, "1500"), (200_000, "200k"),
                                         (250_000, "250k"), (1_000_000, "1M"), (1.5e6, "1.5M"),
                                         (2e7, "20M"), (9999.6, "10k")])
def test_step_ticks_are_short(value, text):
    assert step_tick_text(value) == text


def test_four_ticks_of_a_million_step_run_do_not_run_together():
    labels = [step_tick_text(v) for v in (200_000, 400_000, 600_000, 800_000)]
    assert "".join(labels) == "200k400k600k800k" and max(map(len, labels)) <= 4


def test_there_is_no_step_one_and_a_half():
    levels = [(1.0, [1.0, 2.0, 3.0]), (0.5, [1.5, 2.5])]
    assert whole_step_levels(levels) == [(1.0, [1.0, 2.0, 3.0])]
    assert whole_step_levels([(0.2, [0.2, 0.4])]) == [(1.0, [])]


@pytest.mark.parametrize("value, text", [(1.00000000000004, "1"), (0.99999999999996, "1"),
                                         (0.532731, "0.532731"), (-0.0, "0"),
                                         (1.00002, "1.00002"), (float("nan"), "")])
def test_loss_ticks_drop_rounding_noise(value, text):
    assert loss_tick_text(value) == text


def test_a_tick_a_rounding_error_from_zero_reads_zero():
    assert loss_tick_text(-1e-17, spacing=0.1) == "0" and loss_tick_text(1e-5, spacing=0.1) == "1e-05"


def test_a_flat_curve_gets_a_span_whose_ticks_differ():
    low = high = 1.0
    span = minimum_span(low, high)
    margin = 0.05 * span
    ticks = [low - margin + k * span / 5 for k in range(7)]
    assert len({loss_tick_text(t) for t in ticks}) == len(ticks)
    assert minimum_span(0.2, 0.7) == pytest.approx(0.5)
