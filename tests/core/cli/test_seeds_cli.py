"""`python main.py seeds`, run as a user would: in a subprocess."""

import json
import subprocess
import sys
from pathlib import Path

import numpy as np
import pytest

from core.model.config import TrainConfig
from core.training.ensemble import run_ensemble, summarize

ROOT = Path(__file__).resolve().parents[3]


def run(*args):
    return subprocess.run([sys.executable, "main.py", "seeds", *args], cwd=ROOT, capture_output=True,
                          text=True, timeout=120)


def test_text_report_matches_the_core_summary():
    result = run("--count", "300", "--steps", "1500")
    assert result.returncode == 0, result.stderr
    summary = summarize(run_ensemble(TrainConfig(steps=1500), 300))
    low, high = summary.interval
    lines = result.stdout.splitlines()
    assert lines[0].startswith("XOR, 2 hidden nodes, alpha 0.5, 1500 steps, online")
    assert "seeds 0-299 (300 networks)" in lines[0]
    assert lines[1] == (f"solved: {summary.solved_count} of 300 = {100 * summary.fraction:.1f} % "
                        f"(95 % confidence interval {100 * low:.1f}-{100 * high:.1f} %)")
    assert lines[2].startswith("final loss quantiles: 10 % ")
    failed = [int(s) for s in lines[3].split(": ", 1)[1].split(", ...")[0].split(", ")]
    assert failed == summary.failed_seeds[:20].tolist()
    assert f"({len(summary.failed_seeds) - 20} more; --json lists all)" in lines[3]


def test_json_is_strict_and_lists_every_failed_seed():
    result = run("--count", "200", "--first-seed", "50", "--steps", "800", "--hidden", "3",
                 "--mode", "batch", "--json")
    assert result.returncode == 0, result.stderr
    assert "NaN" not in result.stdout and "Infinity" not in result.stdout
    data = json.loads(result.stdout)
    config = TrainConfig(steps=800, hidden_nodes=3, mode="batch")
    core = run_ensemble(config, 200, first_seed=50)
    summary = summarize(core)
    assert data["first_seed"] == 50 and data["count"] == 200
    assert "seed" not in data["config"] and data["config"]["mode"] == "batch"
    assert data["solved"] == summary.solved_count
    assert data["fraction_solved"] == summary.fraction
    assert data["ci95"] == list(summary.interval)
    assert data["failed_seeds"] == summary.failed_seeds.tolist()
    assert sum(data["final_loss_histogram"]["counts"]) == 200
    curve = data["loss_curve"]
    assert curve["quantiles"] == [0.1, 0.5, 0.9] and len(curve["values"]) == 3
    np.testing.assert_allclose(curve["values"], core.curve)
    assert curve["steps"][0] == 1 and curve["steps"][-1] == 800


def test_seed_is_the_first_seed_and_target_loss_null_safe():
    result = run("--count", "3", "--seed", "7", "--gate", "and", "--hidden", "0", "--target-loss",
                 "0.2", "--json")
    assert result.returncode == 0, result.stderr
    data = json.loads(result.stdout)
    assert data["first_seed"] == 7 and data["config"]["target_loss"] == 0.2
    assert data["failed_seeds"] == []


@pytest.mark.parametrize("args, flag", [
    (["--count", "0"], "--count"),
    (["--count", "65537"], "--count"),
    (["--count", "ten"], "--count"),
    (["--first-seed", "-1"], "--first-seed"),
    (["--first-seed", "4294967295", "--count", "2"], "--first-seed"),
    (["--seed", "3", "--first-seed", "4"], "--first-seed"),
    (["--alpha", "0"], "--alpha"),
    (["--hidden", "65"], "--hidden"),
    (["--mode", "sideways"], "--mode"),
    (["--bogus"], "--bogus"),
])
def test_bad_input_is_one_line_and_status_2(args, flag):
    result = run(*args)
    assert result.returncode == 2
    assert result.stdout == ""
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and "Traceback" not in result.stderr
    assert flag in lines[0]
