"""Opening crafted and long experiment files: time, peak memory, and replay per past step shown.

    python bench/record_load.py [--only NAME ...] [--folder DIR]

Builds the files the run record's issue describes (a tampered checkpoint, a tampered edit, 2
million changes, sparse checkpoints, "interval": 1, 45,001 checkpoints of 64 hidden nodes,
5,000 losses of 1e308) and two long runs saved by `gatelab train --save` (10^7 and 1.2 x 10^7
steps). Each file is then opened in a fresh process, as `gatelab inspect` and the window do
(session_file.read + restore), which prints: seconds to open, peak resident memory of that
process, what the record kept, and state_at() times at random past steps. Slow (a few
minutes: it trains the runs it needs); run by hand. Figures: docs/run_record.md.
"""

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

import numpy as np  # noqa: E402

from core.io import experiment as ex  # noqa: E402
from core.model.config import TrainConfig  # noqa: E402
from core.model.network import Weights  # noqa: E402
from core.training import run_record  # noqa: E402
from core.training.trainer import Trainer  # noqa: E402

# What the child process runs: open, then show past steps (200 at random, seed 0).
# Peak memory: VmHWM, the high-water mark of this process's own memory (ru_maxrss would count
# the parent's, which a forked child starts from).
PEAK = r"""
def peak_mb():
    with open("/proc/self/status") as status:
        return next(int(line.split()[1]) for line in status if line.startswith("VmHWM")) / 1024
"""
OPEN = PEAK + r"""
import json, random, sys, time
sys.path.insert(0, ROOT)
from core.io import session_file
from core.io.experiment import ExperimentError
started = time.perf_counter()
try:
    session = session_file.read(PATH)
    trainer = session_file.restore(session)[session.current]
except ExperimentError as error:
    print(json.dumps({"refused": str(error), "open_s": time.perf_counter() - started,
                      "peak_mb": peak_mb()}))
    sys.exit()
opened = time.perf_counter() - started
record = trainer.record
result = {"open_s": opened, "start_step": record.start_step, "dropped": record.dropped_note,
          "interval": record.interval, "checkpoints": record.checkpoint_count(),
          "checkpoint_mb": record.checkpoint_bytes() / 2**20, "unchecked": record.unchecked()}
times, refused = [], 0
picks = random.Random(0).sample(range(trainer.step), min(200, trainer.step)) if trainer.step else []
for step in picks:
    began = time.perf_counter()
    try:
        trainer.state_at(step)
    except ValueError:
        refused += 1
    times.append(time.perf_counter() - began)
if times:
    times.sort()
    result.update(state_at_median_ms=1000 * times[len(times) // 2], state_at_max_ms=1000 * times[-1],
                  state_at_refused=refused)
if TRAIN_AFTER:
    trainer.set_steps(trainer.step + TRAIN_AFTER)
    began = time.perf_counter()
    trainer.advance(TRAIN_AFTER)
    result["train_after_s"] = time.perf_counter() - began
result["peak_mb"] = peak_mb()
print(json.dumps(result))
"""


def document(trainer) -> dict:
    return json.loads(ex.to_json(trainer))


def trained(steps, **config) -> Trainer:
    trainer = Trainer(TrainConfig(steps=steps, seed=1, **config))
    trainer.run()
    return trainer


def tampered_checkpoint():
    data = document(trained(6000))
    data["record"]["checkpoints"][1][2][0] = 99.0  # the checkpoint at step 2048
    return data


def tampered_edit():
    trainer = Trainer(TrainConfig(steps=6000, seed=1))
    trainer.advance(2500)
    trainer.set_weights(Weights(trainer.weights.hidden + 0.01, trainer.weights.output))
    trainer.run()
    data = document(trainer)
    data["record"]["changes"][0][2] = [1e300] * 9
    return data


def many_changes():
    data = document(trained(1))
    data["record"]["changes"] = [[0, "alpha", 0.5]] * 1_999_980
    return data


def sparse(mode, hidden, steps, interval):
    data = document(trained(steps, mode=mode, hidden_nodes=hidden))
    data["record"]["interval"] = interval
    data["record"]["checkpoints"] = [p for p in data["record"]["checkpoints"]
                                     if p[0] % interval == 0][:3]
    return data


def every_step(hidden, steps):
    trainer = Trainer(TrainConfig(steps=steps, hidden_nodes=hidden, seed=1))
    trainer.record.interval = 1
    trainer.record._bytes_each = 0  # no thinning while it is made
    trainer.run()
    return document(trainer)


def huge_losses():
    return document(Trainer(TrainConfig(steps=5000, seed=1), None, 5000, np.full(5000, 1e308)))


CASES = {
    "tampered_checkpoint": (tampered_checkpoint, 0),
    "tampered_edit": (tampered_edit, 0),
    "two_million_changes": (many_changes, 0),
    "sparse_batch_81920": (lambda: sparse("batch", 2, 81_920, 32_768), 0),
    "sparse_64_hidden_65280": (lambda: sparse("online", 64, 65_280, 16_384), 0),
    "interval_1": (lambda: every_step(2, 20_000), 200_000),
    "checkpoints_45001_64_hidden": (lambda: every_step(64, 45_000), 0),
    "huge_losses": (huge_losses, 0),
}


def child(code: str) -> dict:
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    if result.returncode:
        return {"error": result.stderr.strip().splitlines()[-1:]}
    return json.loads(result.stdout.strip().splitlines()[-1])


def open_file(path, train_after=0) -> dict:
    return child(f"ROOT = {str(ROOT)!r}; PATH = {str(path)!r}; TRAIN_AFTER = {train_after}\n" + OPEN)


def train_and_save(path, steps) -> dict:
    """`gatelab train --steps N --save PATH` in a child: seconds, peak memory, file size."""
    code = PEAK + (f"import sys, time; sys.path.insert(0, {str(ROOT)!r})\n"
            "from core.cli.train_cli import run_train\n"
            "started = time.perf_counter()\n"
            f"status = run_train(['--steps', '{steps}', '--save', {str(path)!r}])\n"
            "import json; print(json.dumps({'status': status, 'seconds': time.perf_counter() - "
            "started, 'peak_mb': peak_mb()}))")
    result = child(code)
    if os.path.exists(path):
        result["file_mb"] = os.path.getsize(path) / 2**20
    return result


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--only", nargs="+", choices=[*CASES, "long_10M", "long_12M"])
    parser.add_argument("--folder", help="keep the files here (default: a temporary folder)")
    args = parser.parse_args()
    names = args.only or [*CASES, "long_10M", "long_12M"]
    with tempfile.TemporaryDirectory() as temporary:
        folder = Path(args.folder or temporary)
        folder.mkdir(parents=True, exist_ok=True)
        print(f"CHANGES_MAX {run_record.CHANGES_MAX:,}, open check budget "
              f"{run_record.OPEN_CHECK_COST:,} weight-steps, sparse {run_record.SPARSE_CHECK_COST:,}")
        for name in names:
            path = folder / f"{name}.gatelab.json"
            began = time.perf_counter()
            if name.startswith("long_"):
                steps = 10_000_000 if name == "long_10M" else 12_000_000
                made = train_and_save(path, steps)
                print(f"{name}: train --steps {steps:,} --save: " + json.dumps(made))
            else:
                build, train_after = CASES[name]
                path.write_text(json.dumps(build()))
                print(f"{name}: built in {time.perf_counter() - began:.1f} s, "
                      f"{path.stat().st_size / 2**20:.1f} MB")
            if path.exists():
                after = 0 if name.startswith("long_") else train_after
                print(f"  opened: {json.dumps(open_file(path, after))}")
            if name == "interval_1":
                reference = Trainer(TrainConfig(steps=220_000, seed=1))
                reference.advance(20_000)
                began = time.perf_counter()
                reference.advance(200_000)
                print(f"  a run's own record trains the same 200,000 steps in "
                      f"{time.perf_counter() - began:.2f} s")
            if name == "huge_losses":
                for flags in ([], ["--json"]):
                    result = subprocess.run([sys.executable, "-W", "error", "main.py", "inspect",
                                             str(path), *flags], cwd=ROOT, capture_output=True,
                                            text=True)
                    print(f"  inspect {' '.join(flags)}: exit {result.returncode}, "
                          f"stderr {result.stderr.strip()[:200]!r}")
            if not args.folder:
                path.unlink(missing_ok=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
