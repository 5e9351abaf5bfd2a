"""How fast the run record gives any step's exact state, and what its checkpoints cost.

    python bench/state_at.py [--steps 1000000] [--memory-steps 10000000] [--hidden 2 64]

For each network size it trains one run of --steps steps, then times state_at() at 200 random
steps (goals: max <= 30 ms for the default network, <= 150 ms for 64 hidden nodes). As the
baseline in the same run it times replaying from step 0, what a run with no checkpoints
would need, at 3 of those steps. Then it trains a --memory-steps default run and reports the
checkpoints' memory (goal <= 16 MB for 10^7 steps).
"""

import argparse
import random
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from core.model.config import TrainConfig  # noqa: E402
from core.training.trainer import Trainer  # noqa: E402

GOALS_MS = {2: 30.0, 64: 150.0}
MEMORY_GOAL_MB = 16.0


def trained(config) -> tuple[Trainer, float]:
    trainer = Trainer(config)
    started = time.perf_counter()
    trainer.advance(config.steps)
    return trainer, time.perf_counter() - started


def time_state_at(trainer, steps) -> list[float]:
    times = []
    for step in steps:
        started = time.perf_counter()
        trainer.state_at(step)
        times.append(time.perf_counter() - started)
    return times


def from_start(config, steps) -> list[float]:
    times = []
    for step in steps:
        started = time.perf_counter()
        Trainer(config, recording=False).advance(step)
        times.append(time.perf_counter() - started)
    return times


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--steps", type=int, default=10**6)
    parser.add_argument("--memory-steps", type=int, default=10**7)
    parser.add_argument("--hidden", type=int, nargs="+", default=[2, 64])
    args = parser.parse_args()
    ok = True
    for hidden in args.hidden:
        config = TrainConfig(hidden_nodes=hidden, steps=args.steps)
        trainer, seconds = trained(config)
        rng = random.Random(hidden)
        picks = [rng.randrange(args.steps + 1) for _ in range(200)]
        times = time_state_at(trainer, picks)
        baseline = from_start(config, sorted(picks)[-3:])
        goal = GOALS_MS.get(hidden)
        worst = max(times) * 1e3
        ok &= goal is None or worst <= goal
        print(f"H={hidden}: {args.steps:,} steps trained in {seconds:.1f} s; checkpoint every "
              f"{trainer.record.interval} steps, {trainer.record.checkpoint_count():,} checkpoints")
        print(f"  state_at over 200 random steps: median {statistics.median(times) * 1e3:.2f} ms, "
              f"max {worst:.2f} ms (goal {goal} ms)")
        print(f"  baseline, replay from step 0 at the 3 latest picks: median "
              f"{statistics.median(baseline) * 1e3:.0f} ms; state_at is "
              f"{statistics.median(baseline) / statistics.median(times):.0f}x faster")
    config = TrainConfig(steps=args.memory_steps)
    trainer, seconds = trained(config)
    megabytes = trainer.record.checkpoint_bytes() / 2**20
    ok &= megabytes <= MEMORY_GOAL_MB
    print(f"memory: {args.memory_steps:,}-step default run (trained in {seconds:.0f} s): "
          f"{trainer.record.checkpoint_count():,} checkpoints, {megabytes:.2f} MB "
          f"(goal <= {MEMORY_GOAL_MB} MB)")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
