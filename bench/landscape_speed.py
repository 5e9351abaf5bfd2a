"""Measures the loss landscape (core/views/landscape.py): a 61 x 61 grid of networks.

    python bench/landscape_speed.py [--repeat N]

For the default network (XOR, 2 hidden nodes) and for 64 hidden nodes, both planes (two
weights; through the start, now and the path), after a trained run of 3000 steps: the median
time of N computations, against the same grid computed one network at a time with
core.model.network.total_loss in the same run (the baseline).

Goals (issue 14): <= 50 ms for the default network, <= 300 ms for 64 hidden nodes. Exit code 0
when both are met.
"""

import argparse
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from core.model.config import TrainConfig  # noqa: E402
from core.model.network import Weights, total_loss  # noqa: E402
from core.training.trainer import Trainer  # noqa: E402
from core.views.landscape import LANDSCAPE_GRID, path_landscape, weights_landscape  # noqa: E402

GOALS_MS = {2: 50.0, 64: 300.0}


def timed(function, repeat: int) -> float:
    times = []
    for _ in range(repeat):
        started = time.perf_counter()
        function()
        times.append(time.perf_counter() - started)
    return 1000 * statistics.median(times)


def measure(hidden: int, repeat: int) -> bool:
    config = TrainConfig(hidden_nodes=hidden, steps=3000, seed=0,
                         init="xavier" if hidden > 8 else "uniform")
    run = Trainer(config)
    while not run.finished:
        run.advance(101)
    path = run.path.up_to(run.step)
    weights = run.weights
    fast_w = timed(lambda: weights_landscape(config, weights, path=path), repeat)
    fast_p = timed(lambda: path_landscape(config, weights, path), repeat)
    shown = weights_landscape(config, weights, path=path)
    i, j = 3 * hidden, 3 * hidden + 1  # the default pair: the output weights of h1 and h2
    flat = weights.flat()

    def baseline():
        for x in shown.a:
            for y in shown.b:
                f = flat.copy()
                f[i], f[j] = x, y
                total_loss(Weights.from_flat(f, hidden), config.targets, config.activation,
                           config.loss)

    slow = timed(baseline, 1)
    goal = GOALS_MS[hidden]
    met = max(fast_w, fast_p) <= goal
    print(f"{hidden} hidden nodes, {LANDSCAPE_GRID} x {LANDSCAPE_GRID}: two weights "
          f"{fast_w:.1f} ms, through the path {fast_p:.1f} ms (goal <= {goal:.0f} ms: "
          f"{'met' if met else 'NOT met'}); one network at a time {slow:.0f} ms = "
          f"{slow / fast_w:.0f} x slower")
    return met


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=7)
    args = parser.parse_args()
    results = [measure(hidden, args.repeat) for hidden in (2, 64)]
    return 0 if all(results) else 1


if __name__ == "__main__":
    sys.exit(main())
