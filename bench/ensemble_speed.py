"""Times the many-seeds ensemble against K single Trainer runs.

Run by hand: `python bench/ensemble_speed.py` (add `--quick` to skip K = 16384).
XOR, 2 hidden nodes, online, alpha 0.5, 2000 steps, uniform init. One network-update is one
row update of one network, so a run of K networks is K x 4 x 2000 network-updates.

The single-run time is the median of a few Trainer runs on different seeds, multiplied by K
(running them one after another is exactly that). The ensemble time covers training, the
10/50/90 % loss curves and the final predictions; drawing the initial weights (one NumPy
generator per seed) is timed on its own line. Goal (issue 4): >= 5e7 network-updates/s at K = 16384.
"""

import statistics
import sys
import time
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from core.model.config import TrainConfig  # noqa: E402
from core.training.ensemble import LOOP_MAX, Ensemble, draw_initial_params  # noqa: E402
from core.training.trainer import Trainer  # noqa: E402

STEPS = 2000
COUNTS = (1, 64, 1024, 16384)
GOAL_COUNT, GOAL_RATE = 16384, 5e7
SINGLE_RUNS = 7


def single_run_seconds(config) -> float:
    times = []
    for seed in range(SINGLE_RUNS + 1):
        start = time.perf_counter()
        Trainer(config.with_changes(seed=seed)).run()
        times.append(time.perf_counter() - start)
    return statistics.median(times[1:])  # the first run compiles the kernel


def ensemble_seconds(config, count, repeats) -> float:
    params = draw_initial_params(config, np.arange(count))
    times = []
    for _ in range(repeats):
        start = time.perf_counter()
        Ensemble(config, count, params=params).run()
        times.append(time.perf_counter() - start)
    return min(times)


def draw_seconds(config, count) -> float:
    start = time.perf_counter()
    draw_initial_params(config, np.arange(count))
    return time.perf_counter() - start


def main(argv) -> int:
    config = TrainConfig(gate="xor", hidden_nodes=2, alpha=0.5, steps=STEPS, mode="online")
    counts = [k for k in COUNTS if "--quick" not in argv or k < GOAL_COUNT]
    updates_per_network = 4 * STEPS
    single = single_run_seconds(config)
    print(f"GateLab ensemble speed: XOR 2-2-1, online, alpha 0.5, {STEPS} steps")
    print(f"single Trainer run: {1000 * single:.2f} ms = {updates_per_network / single:.2e} updates/s "
          f"(median of {SINGLE_RUNS})")
    print(f"{'K':>6} {'engine':>7} {'ensemble s':>11} {'K singles s':>12} {'ratio':>8} "
          f"{'network-updates/s':>18}")
    ok = True
    for count in counts:
        seconds = ensemble_seconds(config, count, repeats=3 if count < GOAL_COUNT else 2)
        singles = count * single
        rate = count * updates_per_network / seconds
        engine = "loop" if count <= LOOP_MAX else "vector"
        print(f"{count:>6} {engine:>7} {seconds:>11.3f} {singles:>12.3f} {singles / seconds:>7.1f}x "
              f"{rate:>18.2e}")
        if count == GOAL_COUNT:
            ok = rate >= GOAL_RATE
            print(f"goal at K = {GOAL_COUNT}: >= {GOAL_RATE:.0e} network-updates/s -> "
                  f"{'PASS' if ok else 'FAIL'}")
    for count in (16384, 65536):
        print(f"drawing {count} seeds' initial weights (one generator each): "
              f"{draw_seconds(config, count):.2f} s")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
