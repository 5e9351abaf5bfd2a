"""Training speed per row on a function's grid against a gate's four rows (issue #28).

Run by hand: `python bench/function_speed.py`. The same network (16 hidden nodes, sigmoid,
squared loss, alpha 0.5) on XOR's 4 rows and on the bump's 21 x 21 grid (441 rows), in one
run so the machine's load is shared: the single trainer online and in batch mode, and many
seeds (1,024 networks, the traced NumPy code) online. Prints row updates per second (for many
seeds: network-row updates) and the ratio function / gate; median of REPEATS.
Goal: each ratio at least 0.8 (within 20 % of a gate's rate per row).
Measured (shared 2-core machine): 1,024 seeds in batch mode 0.39 with one block of all
networks, 0.50 with grid blocks of 74 networks (ensemble.GRID_ELEMENTS); online 0.82.
"""

import statistics
import sys
import time
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from core.model.config import TrainConfig  # noqa: E402
from core.training.ensemble import Ensemble, draw_initial_params  # noqa: E402
from core.training.trainer import Trainer  # noqa: E402

HIDDEN = 16
REPEATS = 5
ROW_UPDATES = 100_000  # per single-trainer timing: 25,000 gate steps, ~227 grid steps
SEEDS = 1024
GOAL = 0.8

GATE = TrainConfig(hidden_nodes=HIDDEN)
FUNCTION = TrainConfig(function="bump", grid=21, hidden_nodes=HIDDEN)


def single_rate(config, mode: str) -> float:
    """Row updates per second of one Trainer (one step = one pass over the rows)."""
    rows = len(config.points)
    steps = max(1, ROW_UPDATES // rows)
    config = config.with_changes(mode=mode, steps=steps)
    times = []
    for _ in range(REPEATS):
        trainer = Trainer(config)
        start = time.perf_counter()
        trainer.run()
        times.append(time.perf_counter() - start)
    return steps * rows / statistics.median(times)


def ensemble_rate(config, mode: str = "online") -> float:
    """Network-row updates per second of SEEDS networks at once."""
    rows = len(config.points)
    steps = max(2, 40_000 // rows)
    config = config.with_changes(steps=steps, mode=mode)
    params = draw_initial_params(config, np.arange(SEEDS))
    Ensemble(config, SEEDS, params=params).run()  # compiles the traced code (cached after)
    times = []
    for _ in range(REPEATS):
        ensemble = Ensemble(config, SEEDS, params=params)
        start = time.perf_counter()
        ensemble.run()
        times.append(time.perf_counter() - start)
    return steps * rows * SEEDS / statistics.median(times)


def main() -> int:
    ok = True
    for label, rate in (("single trainer, online", lambda c: single_rate(c, "online")),
                        ("single trainer, batch", lambda c: single_rate(c, "batch")),
                        (f"{SEEDS:,} seeds, online", ensemble_rate),
                        (f"{SEEDS:,} seeds, batch", lambda c: ensemble_rate(c, "batch"))):
        gate, function = rate(GATE), rate(FUNCTION)
        ratio = function / gate
        ok &= ratio >= GOAL
        print(f"{label:24s} gate {gate:12,.0f}/s   21 x 21 grid {function:12,.0f}/s   "
              f"ratio {ratio:.2f} {'ok' if ratio >= GOAL else 'BELOW GOAL'}")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
