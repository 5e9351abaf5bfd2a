"""How many hidden nodes? (issue #28): the study's rows are the many-seeds engine's results per
count of nodes, and `gatelab study` prints them; bad input is one line."""

import json
import subprocess
import sys
from pathlib import Path

import numpy as np
import pytest

from core.model.config import ConfigError, TrainConfig
from core.training.ensemble import run_ensemble
from core.training.hidden_study import largest_errors, node_range, study

ROOT = Path(__file__).resolve().parents[3]


def main(*args):
    return subprocess.run([sys.executable, "main.py", "study", *args], cwd=ROOT, capture_output=True,
                          text=True, timeout=120)


def test_each_row_is_the_largest_error_of_each_seed_of_that_many_nodes():
    config = TrainConfig(function="saddle", grid=4, steps=200)
    rows = study(config, nodes=(1, 3), count=6, first_seed=2)
    assert [r.hidden_nodes for r in rows] == [1, 3]
    for row in rows:
        result = run_ensemble(config.with_changes(hidden_nodes=row.hidden_nodes), 6, 2)
        expected = np.abs(result.predictions - np.asarray(config.targets)).max(axis=1)
        assert np.array_equal(row.max_errors, expected)
        assert row.quantiles[1] == pytest.approx(np.median(expected))
        assert row.within == int((expected <= 0.05).sum())


def test_a_diverged_network_counts_as_infinitely_wrong():
    assert largest_errors(np.array([[0.1, np.nan], [0.2, 0.3]]), [0.0, 0.0]).tolist() == [np.inf, 0.3]


@pytest.mark.parametrize("text, nodes", [("1-4", (1, 2, 3, 4)), ("2,8", (2, 8)), ("0", (0,))])
def test_node_counts_are_a_range_or_a_list(text, nodes):
    assert node_range(text) == nodes


@pytest.mark.parametrize("text", ["1-", "65", "a,b", "3,3", ""])
def test_bad_node_counts_are_refused(text):
    with pytest.raises(ConfigError):
        node_range(text)


def test_the_command_prints_a_line_per_count_of_nodes_and_json_has_every_seed():
    args = ("--function", "xor", "--grid", "3", "--nodes", "1,4", "--count", "5", "--steps", "300")
    result = main(*args)
    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    assert len(lines) == 3 and lines[1].startswith("hidden nodes  1: ") and lines[2].endswith("of 5")
    result = main(*args, "--json")
    report = json.loads(result.stdout)
    assert [r["hidden_nodes"] for r in report["rows"]] == [1, 4] and len(report["rows"][1]["max_errors"]) == 5


@pytest.mark.parametrize("args, says", [(["--nodes", "1-99"], "--nodes: nodes = '1-99'"),
                                        (["--function", "x1+"], "--function: function = 'x1+'")])
def test_bad_input_is_one_line(args, says):
    result = main(*args)
    assert result.returncode == 2 and result.stderr.count("\n") == 1 and says in result.stderr
