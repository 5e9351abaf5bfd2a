"""`gatelab inspect FILE`, run as a user would: in a subprocess."""

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from core.io import experiment as ex
from core.model.config import TrainConfig
from core.training.trainer import Trainer

ROOT = Path(__file__).resolve().parents[3]


def inspect(*args):
    return subprocess.run([sys.executable, "main.py", "inspect", *args], cwd=ROOT,
                          capture_output=True, text=True, timeout=120)


@pytest.fixture
def saved(tmp_path):
    trainer = Trainer(TrainConfig(steps=3000, seed=659, update_order="article"))
    trainer.advance(1500)
    trainer.set_alpha(0.8)
    trainer.run()
    path = tmp_path / "xor.gatelab.json"
    ex.save(path, trainer)
    return path, trainer


def test_a_good_file_is_summarised_with_its_numbers(saved):
    path, trainer = saved
    result = inspect(str(path))
    assert result.returncode == 0, result.stderr
    text = result.stdout
    assert "XOR, 2 hidden nodes, alpha 0.8, 3,000 steps, seed 659" in text
    assert "step 3,000 of 3,000: completed 3000 steps" in text
    assert f"loss now {trainer.final_loss():.6g}" in text
    assert f"L[step] {trainer.history.values()[-1]:.6g}" in text
    assert "every step from 0 can be shown (1 change, " in text
    assert text.count("input [") == 4


def test_json_holds_the_same_facts(saved):
    path, trainer = saved
    result = inspect(str(path), "--json")
    assert result.returncode == 0, result.stderr
    info = json.loads(result.stdout)
    assert info["step"] == 3000 and info["loss"] == trainer.final_loss()
    assert info["predictions"] == [float(p) for p in trainer.predictions()]
    assert info["record"] == {"kept": True, "first_step": 0, "changes": 1,
                              "checkpoints": trainer.record.checkpoint_count()}


@pytest.mark.parametrize("content, reason", [
    ("", "the file is empty"),
    ('{"format": "gatelab-experiment", "version": 9}', "made by a newer GateLab (format 9)"),
    ('{"format": "gatelab-experiment", "version": 2, "alpha": 1' + "0" * 400, "truncated"),
    ("[1, 2", "truncated"),
    ("\xff\xfe", "not UTF-8"),
])
def test_a_bad_file_is_refused_with_the_reason_and_exit_2(tmp_path, content, reason):
    path = tmp_path / "bad.gatelab.json"
    path.write_bytes(content.encode("latin-1"))
    result = inspect(str(path))
    assert result.returncode == 2 and result.stdout == ""
    assert result.stderr.startswith(f"gatelab inspect: refused {path}: ") and reason in result.stderr
    assert len(result.stderr.splitlines()) == 1


def test_a_fifo_or_a_folder_is_refused_at_once(tmp_path):
    fifo = tmp_path / "pipe.gatelab.json"
    os.mkfifo(fifo)
    for path in (fifo, tmp_path):
        result = inspect(str(path))
        assert result.returncode == 2 and "refused" in result.stderr


def test_a_version_1_file_says_its_past_before_the_saved_step_is_not_recorded(saved, tmp_path):
    path, _ = saved
    data = json.loads(path.read_text())
    data["version"] = 1
    del data["record"]
    old = tmp_path / "old.gatelab.json"
    old.write_text(json.dumps(data))
    result = inspect(str(old))
    assert result.returncode == 0
    assert "no run record kept" in result.stdout and "steps from 3,000 on" in result.stdout


def test_no_file_is_a_usage_error():
    result = inspect()
    assert result.returncode == 2 and "gatelab inspect: error" in result.stderr
