"""The headless command line, run as a user would: in a subprocess."""

import json
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]


def run(*args):
    return subprocess.run([sys.executable, "main.py", *args], cwd=ROOT, capture_output=True,
                          text=True, timeout=120)


def test_json_has_exactly_the_documented_keys_and_shapes():
    result = run("train", "--steps", "50", "--seed", "3", "--json")
    assert result.returncode == 0, result.stderr
    data = json.loads(result.stdout)
    assert set(data) == {"config", "initial_weights", "weights", "loss_history", "final_loss",
                         "steps_run", "stopped", "solved", "predictions", "diagnosis"}
    assert set(data["config"]) == {"gate", "targets", "hidden_nodes", "alpha", "steps", "seed", "mode",
                                   "activation", "loss", "init", "update_order", "target_loss"}
    assert data["config"]["gate"] == "xor" and data["config"]["target_loss"] is None
    assert data["config"]["update_order"] == "textbook" and data["config"]["loss"] == "squared"
    hidden = data["weights"]["hidden"]
    assert len(hidden) == 3 and all(len(row) == 2 for row in hidden)
    assert len(data["weights"]["output"]) == 3
    assert len(data["loss_history"]) == 50 == data["steps_run"]
    assert data["stopped"] == "completed"
    assert [p["input"] for p in data["predictions"]] == [[0, 0], [1, 0], [0, 1], [1, 1]]
    assert [p["target"] for p in data["predictions"]] == [0, 1, 1, 0]
    assert all(len(p["hidden"]) == 2 and all(0 < h < 1 for h in p["hidden"])
               for p in data["predictions"])  # each row's hidden activations, sigmoid
    assert data["diagnosis"] == {"kind": "too_early", "message":
                                 "Only 50 steps so far: too early to tell; train on."}


def test_json_matches_the_core_run():
    from core.model.config import TrainConfig
    from core.training.trainer import Trainer

    data = json.loads(run("train", "--steps", "200", "--seed", "9", "--alpha", "0.7", "--json").stdout)
    trainer = Trainer(TrainConfig(steps=200, seed=9, alpha=0.7))
    trainer.run()
    assert data["weights"] == trainer.weights.to_dict()
    assert data["loss_history"] == trainer.history.values().tolist()
    assert data["final_loss"] == trainer.final_loss()


def test_two_layer_json_and_custom_targets():
    data = json.loads(run("train", "--hidden", "0", "--targets", "0,0.5,1,1", "--steps", "10",
                          "--json").stdout)
    assert data["config"]["gate"] == "custom"
    assert data["config"]["targets"] == [0, 0.5, 1, 1]
    assert data["weights"]["hidden"] == [[], [], []]
    assert len(data["weights"]["output"]) == 3


def test_japanese_table_uses_the_article_wording():
    result = run("train", "--gate", "and", "--hidden", "0", "--steps", "1000", "--seed", "1",
                 "--lang", "ja")
    lines = result.stdout.splitlines()
    assert lines[:4] == [
        "入力: [0, 0], 予測値: 0.00, 真の値: 0",
        "入力: [1, 0], 予測値: 0.08, 真の値: 0",
        "入力: [0, 1], 予測値: 0.08, 真の値: 0",
        "入力: [1, 1], 予測値: 0.90, 真の値: 1",
    ]


def test_english_table_reports_loss_and_solved():
    out = run("train", "--steps", "2000", "--seed", "1").stdout
    assert out.splitlines()[0].startswith("input: [0, 0], predicted: ")
    assert "final loss:" in out and "solved: yes" in out


@pytest.mark.parametrize("args, flag", [
    (["--hidden", "65"], "--hidden"),
    (["--alpha", "0"], "--alpha"),
    (["--alpha", "abc"], "--alpha"),
    (["--steps", "0"], "--steps"),
    (["--seed", "-1"], "--seed"),
    (["--targets", "0,1,2,0"], "--targets"),
    (["--gate", "maybe"], "--gate"),
    (["--mode", "sideways"], "--mode"),
    (["--target-loss", "nan"], "--target-loss"),
    (["--gate", "and", "--targets", "0,1,1,0"], "--targets"),
    (["--bogus"], "--bogus"),
])
def test_bad_input_is_one_line_and_status_2(args, flag):
    result = run("train", *args)
    assert result.returncode == 2
    assert result.stdout == ""
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and "Traceback" not in result.stderr
    assert flag in lines[0]


def test_loss_never_written_as_nan():
    result = run("train", "--activation", "relu", "--alpha", "100", "--hidden", "8", "--steps", "3000",
                 "--json")
    assert result.returncode == 0
    assert "NaN" not in result.stdout and "Infinity" not in result.stdout
    json.loads(result.stdout)


@pytest.mark.parametrize("value, text", [(0.08, "0.08"), (0.4996, "0.4996"), (0.5004, "0.5004"),
                                         (0.5, "0.50"), (0.49999999, "0.500000"), (0.92, "0.92")])
def test_predictions_print_two_decimals_unless_that_hides_the_side_of_one_half(value, text):
    from core.views.number_format import format_prediction

    assert format_prediction(value) == text


def test_differences_that_round_to_zero_print_without_a_sign():
    from core.views.number_format import format_difference

    assert (format_difference(-0.00005), format_difference(0.004), format_difference(-0.2)) == \
        ("0.00", "0.00", "-0.20")


def test_json_in_pieces_is_the_same_text_as_in_one_go():
    from core.io.report import iter_json_result, json_result
    from core.model.config import TrainConfig
    from core.training.trainer import Trainer

    trainer = Trainer(TrainConfig(steps=250, seed=3))
    trainer.run()
    whole = json.dumps(json_result(trainer), allow_nan=False, ensure_ascii=False)
    assert "".join(iter_json_result(trainer, chunk_values=7)) == whole
    empty = Trainer(TrainConfig(steps=5))
    assert json.loads("".join(iter_json_result(empty)))["loss_history"] == []


class _ShortWrites:
    """A stream that takes at most `limit` bytes a call, like an unbuffered pipe near 2 GiB."""

    def __init__(self, limit):
        self.limit, self.data = limit, bytearray()

    def write(self, view):
        taken = bytes(view[: self.limit])
        self.data += taken
        return len(taken)

    def flush(self):
        pass


def test_every_byte_is_written_even_when_writes_are_partial():
    from core.cli.cli_args import write_all

    stream = _ShortWrites(5)
    write_all(["予測値 ", "x" * 101, "\n"], stream)
    assert stream.data.decode("utf-8") == "予測値 " + "x" * 101 + "\n"
    with pytest.raises(OSError):
        write_all(["never written"], _ShortWrites(0))


def test_a_failed_write_is_an_error_not_a_truncated_success():
    with open("/dev/full", "w") as full:  # every write fails: no space left
        result = subprocess.run([sys.executable, "main.py", "train", "--steps", "50", "--json"],
                                cwd=ROOT, stdout=full, stderr=subprocess.PIPE, text=True, timeout=60)
    assert result.returncode == 1
    assert result.stderr.startswith("gatelab train: could not write the result")


@pytest.mark.parametrize("flags", [["--lang", "x" * 100_000], ["--mode", "y" * 100_000],
                                   ["--alpha", "1" * 100_000]])
def test_a_huge_bad_flag_value_gives_one_short_line(flags):
    result = run("train", *flags)
    assert result.returncode == 2
    assert len(result.stderr) < 400 and len(result.stderr.splitlines()) == 1, result.stderr[:500]


def test_the_xor_preset_prints_the_articles_table():
    result = run("train", "--preset", "article-xor")
    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()[:4]
    assert [line.split("predicted: ")[1].split(",")[0] for line in lines] == ["0.08", "0.92", "0.92", "0.07"]


def test_a_preset_is_the_windows_and_flags_after_it_change_it():
    from core.model.presets import preset_config

    data = json.loads(run("train", "--preset", "article-and", "--alpha", "2", "--json").stdout)
    expected = preset_config("article-and").with_changes(alpha=2.0)
    assert data["config"] == {**expected.to_dict(), "gate": "and"}
    japanese = run("train", "--preset", "article-and", "--lang", "ja")
    assert japanese.returncode == 0 and japanese.stdout.startswith("入力: [0, 0], 予測値:")


def test_an_unknown_preset_is_one_line_and_exit_2():
    result = run("train", "--preset", "article-or")
    assert result.returncode == 2 and "invalid choice" in result.stderr
    assert len(result.stderr.splitlines()) == 1


def test_seeds_takes_a_preset_and_starts_at_its_seed():
    result = run("seeds", "--preset", "article-xor", "--count", "8", "--json")
    assert result.returncode == 0, result.stderr
    report = json.loads(result.stdout)
    assert report["first_seed"] == 659 and report["count"] == 8
    assert report["config"]["update_order"] == "article" and report["config"]["steps"] == 2000
    moved = json.loads(run("seeds", "--preset", "article-xor", "--count", "2", "--first-seed", "5",
                           "--steps", "10", "--json").stdout)
    assert moved["first_seed"] == 5 and moved["config"]["steps"] == 10


def test_inspect_of_a_past_step_says_it_is_one(tmp_path):
    path = tmp_path / "run.gatelab.json"
    assert run("train", "--steps", "600", "--save", str(path)).returncode == 0
    past = run("inspect", str(path), "--step", "300").stdout
    assert "after 300 steps (a past step: the run went on to step 600)" in past
    assert "(completed)" in run("inspect", str(path), "--step", "600").stdout
    # the JSON is still train's for 300 steps, which completed them
    assert json.loads(run("inspect", str(path), "--step", "300", "--json").stdout) == \
        json.loads(run("train", "--steps", "300", "--json").stdout)
