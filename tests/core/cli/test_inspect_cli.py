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


def test_json_is_the_saved_run_in_trains_shape(saved):
    from core.io.report import json_result

    path, trainer = saved
    result = inspect(str(path), "--json")
    assert result.returncode == 0, result.stderr
    expected = json_result(ex.restore_trainer(ex.read(path)))
    assert json.loads(result.stdout) == expected
    assert expected["steps_run"] == 3000 and expected["stopped"] == "completed"


@pytest.mark.parametrize("step", [0, 1, 1234, 1499])
def test_a_past_step_of_a_saved_run_is_train_steps_n_bit_for_bit(saved, step):
    """Rebuilt from the file's run record: the same text `train --steps N --json` prints
    (before step 1500, after which the saved run trained with another alpha)."""
    path, _ = saved
    result = inspect(str(path), "--step", str(step), "--json")
    assert result.returncode == 0, result.stderr
    train = subprocess.run([sys.executable, "main.py", "train", "--steps", str(step), "--seed", "659",
                            "--update-order", "article", "--json"], cwd=ROOT, capture_output=True,
                           text=True, timeout=120) if step else None
    if train is None:  # train needs at least one step; step 0 is the start itself
        data = json.loads(result.stdout)
        assert data["steps_run"] == 0 and data["loss_history"] == [] and data["stopped"] == "stopped"
        assert data["weights"] == data["initial_weights"]
        return
    assert train.returncode == 0, train.stderr
    assert result.stdout == train.stdout


def test_a_step_after_a_mid_run_change_has_that_moments_settings(saved):
    path, trainer = saved
    early = json.loads(inspect(str(path), "--step", "1000", "--json").stdout)
    late = json.loads(inspect(str(path), "--step", "2000", "--json").stdout)
    assert early["config"]["alpha"] == 0.5 and late["config"]["alpha"] == 0.8
    assert late["weights"] == trainer.state_at(2000).weights.to_dict()


@pytest.mark.parametrize("step, words", [("3001", "not in this run"), ("-1", "not in this run"),
                                         ("x", "invalid int value")])
def test_a_step_out_of_reach_is_one_line_and_exit_2(saved, step, words):
    path, _ = saved
    result = inspect(str(path), "--step", step)
    assert result.returncode == 2 and words in result.stderr
    assert len(result.stderr.splitlines()) == 1 and result.stdout == ""


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
    earlier = inspect(str(old), "--step", "100")
    assert earlier.returncode == 2 and "before this file's run record" in earlier.stderr


def test_no_file_is_a_usage_error():
    result = inspect()
    assert result.returncode == 2 and "gatelab inspect: error" in result.stderr


def test_train_save_writes_a_file_that_inspect_reads_back_as_the_same_json(tmp_path):
    path = tmp_path / "run.gatelab.json"
    flags = ["--steps", "800", "--seed", "5", "--hidden", "3", "--json"]
    trained = subprocess.run([sys.executable, "main.py", "train", *flags, "--save", str(path)],
                             cwd=ROOT, capture_output=True, text=True, timeout=120)
    assert trained.returncode == 0, trained.stderr
    result = inspect(str(path), "--json")
    assert result.returncode == 0 and result.stdout == trained.stdout


def test_train_save_to_a_folder_that_does_not_exist_is_exit_1_with_the_reason(tmp_path):
    path = tmp_path / "no" / "such" / "run.gatelab.json"
    result = subprocess.run([sys.executable, "main.py", "train", "--steps", "10", "--save", str(path)],
                            cwd=ROOT, capture_output=True, text=True, timeout=120)
    assert result.returncode == 1 and "could not save" in result.stderr
    assert "No such file or directory" in result.stderr and not path.exists()


def test_inspect_reads_any_run_of_a_session_file(tmp_path):
    from core.io import session_file

    first = Trainer(TrainConfig(steps=600, seed=1))
    first.run()
    second = Trainer(TrainConfig(steps=300, seed=2, alpha=1.5))
    second.run()
    path = tmp_path / "lesson.gatelab.json"
    path.write_text(session_file.to_json([first, second], 1))
    shown = json.loads(inspect(str(path), "--json").stdout)
    assert shown["steps_run"] == 300 and shown["config"]["alpha"] == 1.5  # the current run
    one = json.loads(inspect(str(path), "--run", "1", "--json").stdout)
    assert one["steps_run"] == 600 and one["config"]["seed"] == 1
    assert inspect(str(path), "--run", "1", "--step", "100", "--json").stdout == subprocess.run(
        [sys.executable, "main.py", "train", "--steps", "100", "--seed", "1", "--json"], cwd=ROOT,
        capture_output=True, text=True, timeout=120).stdout
    missing = inspect(str(path), "--run", "3")
    assert missing.returncode == 2 and "run 3 is not in this file (it holds 2 runs)" in missing.stderr


def test_the_summary_in_japanese_has_the_same_facts_in_the_windows_words(saved):
    path, trainer = saved
    result = inspect(str(path), "--lang", "ja")
    assert result.returncode == 0, result.stderr
    text = result.stdout
    assert "XOR、隠れ層のノード 2 個、学習率 α 0.8、3,000 ステップ、シード 659" in text
    assert "オンライン、シグモイド、二乗誤差、初期値 一様乱数、更新順 記事のコードの順序" in text
    assert "ステップ 3,000 / 3,000: 完了" in text and f"現在の損失 {trainer.final_loss():.6g}" in text
    assert text.count("入力: [") == 4 and "解けたか: はい" in text
    assert "ステップ 0 以降のどのステップも表示できます（変更 1 回" in text
    assert not any(word in text for word in ("hidden nodes", "solved", "step ", "online"))


@pytest.mark.parametrize("lang, words", [("en", ("f = bump, 2 hidden nodes", "largest error")),
                                          ("ja", ("f = bump、隠れ層のノード 2 個", "関数: bump"))])
def test_a_function_file_is_summarised_by_its_fit(tmp_path, lang, words):
    """It raised KeyError: 'targets' (a function's settings hold no targets)."""
    trainer = Trainer(TrainConfig(gate="function", function="bump", grid=5, steps=50))
    trainer.run()
    path = tmp_path / "bump.gatelab.json"
    ex.save(path, trainer)
    result = inspect(str(path), "--lang", lang)
    assert result.returncode == 0, result.stderr
    assert all(word in result.stdout for word in words) and "Traceback" not in result.stderr
