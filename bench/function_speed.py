"""Training speed per row on a function's grid against a gate's four rows (issue #28).

Run by hand: `python bench/function_speed.py`. The same network (16 hidden nodes, sigmoid,
squared loss, alpha 0.5) on XOR's 4 rows and on the bump's 21 x 21 grid (441 rows), in one
run so the machine's load is shared: the single trainer online and in batch mode, and many
seeds (1,024 networks, the traced NumPy code) online and in batch mode, and with the settings a
function's many seeds start from (FUNCTION_DEFAULTS: batch, Adam, 24 nodes). Prints row updates per
second (for many seeds: network-row updates) and the ratio function / gate: REPEATS timings of
each, taken in turns, and the median of the pairs' ratios (see paired).
For many seeds it also prints what the traced code computes per network-row: its NumPy calls'
element operations (a count, the same on every machine), gate and grid.
Goals: the single trainer within 20 % of a gate's rate per row (0.8); many seeds as fast per row
as on a gate (1.0).
Measured (shared 2-core machine, docs/design.md): 1,024 seeds in batch mode 0.39 with one block
of all networks, 0.50 with grid blocks of 74 networks, 0.81-0.99 traced a line of the grid at a
time (0.92 timed in turns, with the output weights copied to a line's shape once a step; 0.98-1.00
with blocks of equal sizes); online 0.80-1.04, where the grid's code does 407 element operations
per network-row against a gate's 320; with the function defaults 1.5-2.2 (Adam's update of every
weight comes once a step: once per 441 rows on the grid, once per 4 on a gate).
"""

import statistics
import sys
import time
import types
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from core.model import step  # noqa: E402
from core.model.config import FUNCTION_DEFAULTS, TrainConfig  # noqa: E402
from core.training.ensemble import Ensemble, draw_initial_params  # noqa: E402
from core.training.trainer import Trainer  # noqa: E402

HIDDEN = 16
REPEATS = 5
ROW_UPDATES = 100_000  # per single-trainer timing: 25,000 gate steps, ~227 grid steps
SEEDS = 1024
SINGLE_GOAL = 0.8
SEEDS_GOAL = 1.0

GATE = TrainConfig(hidden_nodes=HIDDEN)
FUNCTION = TrainConfig(function="bump", grid=21, hidden_nodes=HIDDEN)
# what a function's many seeds run by default (batch, Adam, 24 nodes, cross-entropy), on both
DEFAULTS = {name: value for name, value in FUNCTION_DEFAULTS.items() if name != "steps"}


def single_timer(config, mode: str):
    """A callable timing one Trainer run: its row updates per second (one step = one pass over
    the rows)."""
    rows = len(config.points)
    steps = max(1, ROW_UPDATES // rows)
    config = config.with_changes(mode=mode, steps=steps)

    def once() -> float:
        trainer = Trainer(config)
        start = time.perf_counter()
        trainer.run()
        return steps * rows / (time.perf_counter() - start)
    return once


def ensemble_timer(config, mode: str = "online", **settings):
    """A callable timing one run of SEEDS networks at once: network-row updates per second."""
    rows = len(config.points)
    steps = max(2, 40_000 // rows)
    config = config.with_changes(steps=steps, mode=mode, **settings)
    params = draw_initial_params(config, np.arange(SEEDS))
    Ensemble(config, SEEDS, params=params).run()  # compiles the traced code (cached after)

    def once() -> float:
        ensemble = Ensemble(config, SEEDS, params=params)
        start = time.perf_counter()
        ensemble.run()
        return steps * rows * SEEDS / (time.perf_counter() - start)
    return once


def paired(gate, function) -> tuple:
    """REPEATS timings of each, taken in turns (gate then grid, then grid then gate, ...) so a
    change in the machine's load falls on both: (median gate rate, median grid rate, median of
    the pairs' ratios). The load of this shared machine moved a rate by up to 15 % between
    timings a minute apart, enough to decide a ratio timed in two blocks."""
    gates, functions, ratios = [], [], []
    for k in range(REPEATS):
        if k % 2:
            f, g = function(), gate()
        else:
            g, f = gate(), function()
        gates.append(g)
        functions.append(f)
        ratios.append(f / g)
    return statistics.median(gates), statistics.median(functions), statistics.median(ratios)


class _CountingNumPy:
    """numpy, with every call's element operations counted (for elements_per_row): an
    elementwise call's one per element written, a reduction's one per element it adds."""

    def __init__(self):
        self.written = 0

    def __getattr__(self, name):
        real = getattr(np, name)
        if not isinstance(real, np.ufunc) and name != "copyto":
            return real
        return _Counted(self, real)


class _Counted:
    def __init__(self, counter, real):
        self._counter, self._real = counter, real

    def __call__(self, *args, out=None, **options):
        self._counter.written += np.size(args[0] if out is None else out)
        return self._real(*args, **options) if out is None else self._real(*args, out=out, **options)

    def reduce(self, array, axis=0, out=None):
        self._counter.written += np.size(array)  # one addition per element read
        return self._real.reduce(array, axis=axis, out=out)


def elements_per_row(config, mode: str, width: int = 64) -> float:
    """Element operations of the traced step's NumPy calls per network-row (its arithmetic)."""
    program = step.array_program(mode, config.hidden_nodes, config.activation, config.loss,
                                 config.update_order == "article", tuple(config.targets),
                                 config.optimizer, config.points)
    counter = _CountingNumPy()
    run = types.FunctionType(program.run.__code__, {**program.run.__globals__, "np": counter})
    params = np.ascontiguousarray(draw_initial_params(config, np.arange(width)))
    with np.errstate(all="ignore"):
        run(params, program.allocate(width), np.empty((2, width)), 2, config.alpha)
    return counter.written / (2 * len(config.points) * width)


def main() -> int:
    ok = True
    for label, timer, goal in (("single trainer, online", lambda c: single_timer(c, "online"), SINGLE_GOAL),
                               ("single trainer, batch", lambda c: single_timer(c, "batch"), SINGLE_GOAL),
                               (f"{SEEDS:,} seeds, online", ensemble_timer, SEEDS_GOAL),
                               (f"{SEEDS:,} seeds, batch", lambda c: ensemble_timer(c, "batch"), SEEDS_GOAL),
                               (f"{SEEDS:,} seeds, defaults", lambda c: ensemble_timer(c, **DEFAULTS),
                                SEEDS_GOAL)):
        gate, function, ratio = paired(timer(GATE), timer(FUNCTION))
        ok &= ratio >= goal
        print(f"{label:24s} gate {gate:12,.0f}/s   21 x 21 grid {function:12,.0f}/s   "
              f"ratio {ratio:.2f} {'ok' if ratio >= goal else f'BELOW GOAL {goal}'}", flush=True)
    for mode in (step.ONLINE, step.BATCH):
        gate, function = elements_per_row(GATE, mode), elements_per_row(FUNCTION, mode)
        print(f"many seeds, {mode:6s}: element operations per network-row: gate {gate:.0f}, "
              f"21 x 21 grid {function:.0f} (gate / grid {gate / function:.2f})")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
