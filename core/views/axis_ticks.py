"""Tick labels a beginner can read: whole steps, short step numbers, losses without noise."""

import math


def step_tick_text(value: float) -> str:
    """200000 -> "200k", 1500000 -> "1.5M": long step numbers ran into each other."""
    value = round(value)
    if abs(value) < 10_000:
        return str(value)
    if abs(value) < 1_000_000:
        return f"{value / 1e3:g}k"
    return f"{value / 1e6:g}M"


def whole_step_levels(levels):
    """pyqtgraph's tick levels [(spacing, values), ...] with steps that are not whole dropped:
    there is no step 1.5."""
    kept = []
    for spacing, values in levels:
        if spacing < 1:
            continue
        kept.append((spacing, [v for v in values if float(v).is_integer()]))
    return kept or [(1.0, [])]


def loss_tick_text(value: float, spacing: float = 0.0) -> str:
    """Six significant digits at most: a flat curve's 1.00000000000004 reads as 1, and a tick
    a rounding error away from zero (-1e-17 with ticks 0.1 apart) as 0."""
    if not math.isfinite(value):
        return ""
    if abs(value) <= 1e-9 * abs(spacing):
        return "0"
    text = f"{value:.6g}"
    return "0" if text == "-0" else text


def minimum_span(low: float, high: float) -> float:
    """The smallest loss range worth showing around a flat curve: its rounding noise is not
    a change a student should see."""
    return max(high - low, 1e-3 * max(abs(low), abs(high)), 1e-12)
