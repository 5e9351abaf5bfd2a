"""Experiment files in core: round trips, exact continuation, and every kind of bad file refused."""

import json
import os

import numpy as np
import pytest

from core.io import experiment as ex
from core.io.experiment import ExperimentError, from_json, read, restore_trainer, to_json, write_atomic
from core.model.config import TrainConfig
from core.model.network import Weights
from core.training.states import DIVERGED, TARGET_LOSS
from core.training.trainer import Trainer, initial_weights


def trained(steps_run=700, **config):
    trainer = Trainer(TrainConfig(**config))
    trainer.advance(steps_run)
    return trainer


def document(trainer=None) -> dict:
    return json.loads(to_json(trainer or trained(50, steps=200)))


def refused(text) -> ExperimentError:
    with pytest.raises(ExperimentError) as info:
        from_json(text if isinstance(text, str) else json.dumps(text))
    return info.value


# -- round trips ---------------------------------------------------------------------
def test_file_holds_format_version_and_the_whole_run():
    trainer = trained(700)
    data = json.loads(to_json(trainer))
    assert data["format"] == "gatelab-experiment" and data["version"] == 2
    assert data["config"] == trainer.config.to_dict()
    assert data["initial_weights"] == initial_weights(trainer.config).to_dict()
    assert data["weights"] == trainer.weights.to_dict()
    assert data["step"] == 700 and len(data["loss_history"]) == 700
    assert data["outcome"] is None


def test_round_trip_is_exact():
    trainer = trained(700, gate="custom", targets=(0.1, 0.9, 0.8, 0.25), hidden_nodes=3,
                      activation="tanh", target_loss=1e-9)
    loaded = from_json(to_json(trainer))
    assert loaded.config == trainer.config
    assert loaded.weights.equals(trainer.weights)
    assert loaded.initial_weights.equals(trainer.initial_weights)
    np.testing.assert_array_equal(loaded.loss_history, trainer.history.values())
    assert loaded.step == 700 and loaded.initial_matches_seed
    assert to_json(restore_trainer(loaded)) == to_json(trainer)


@pytest.mark.parametrize("config", [
    dict(),
    dict(mode="batch", hidden_nodes=4),
    dict(gate="and", hidden_nodes=0),
    dict(update_order="article", loss="cross-entropy", activation="tanh", init="xavier", seed=7),
])
def test_continued_run_equals_an_uninterrupted_one_bit_for_bit(config):
    straight = Trainer(TrainConfig(steps=2000, **config))
    straight.run()
    first = Trainer(TrainConfig(steps=2000, **config))
    first.advance(700)
    resumed = restore_trainer(from_json(to_json(first)))
    assert resumed.step == 700 and not resumed.finished
    resumed.run()
    assert resumed.step == straight.step == 2000
    assert resumed.weights.equals(straight.weights)
    np.testing.assert_array_equal(resumed.history.values(), straight.history.values())
    assert resumed.outcome == straight.outcome


def test_write_and_read_a_file(tmp_path):
    path = tmp_path / "xor-run.gatelab.json"
    ex.save(path, trained(300))
    loaded = read(path)
    assert loaded.step == 300
    assert json.loads(path.read_text("utf-8"))["step"] == 300


def test_ended_runs_stay_ended():
    diverged = Trainer(TrainConfig(alpha=100.0, activation="relu", steps=50))
    diverged.advance(5)
    # ReLU nodes at 1.7e308: the next output-weight update overflows (as in test_training).
    diverged.set_weights(Weights(np.array([[0.0, 0.0], [0.0, 0.0], [1.7e308, 1.7e308]]),
                                 np.array([1e-308, -1e-308, 0.3])))
    diverged.run()
    assert diverged.outcome.reason == DIVERGED
    loaded = restore_trainer(from_json(to_json(diverged)))
    assert loaded.outcome == diverged.outcome and loaded.finished
    reached = Trainer(TrainConfig(target_loss=0.05, steps=20000))
    reached.run()
    assert reached.outcome.reason == TARGET_LOSS
    assert restore_trainer(from_json(to_json(reached))).finished


def test_a_completed_run_continues_when_its_steps_are_raised_in_the_file():
    data = document(trained(200, steps=200))
    data["config"]["steps"] = 300
    trainer = restore_trainer(from_json(json.dumps(data)))
    assert not trainer.finished
    trainer.run()
    assert trainer.step == 300


def test_steps_lowered_below_the_step_reached_are_saved_as_the_step_reached():
    trainer = trained(500, steps=1000)
    trainer.set_steps(100)
    loaded = from_json(to_json(trainer))
    assert loaded.config.steps == 500 and loaded.step == 500


def test_start_weights_not_from_the_seed_are_kept_and_reported():
    data = document()
    data["initial_weights"]["output"][0] = 0.123
    loaded = from_json(json.dumps(data))
    assert not loaded.initial_matches_seed
    trainer = restore_trainer(loaded)
    assert trainer.initial_weights.output[0] == 0.123
    assert json.loads(to_json(trainer))["initial_weights"] == data["initial_weights"]


def test_unknown_keys_are_ignored():
    data = document()
    data["comment"] = "from a later 1.x"
    assert from_json(json.dumps(data)).step == 50


def test_saved_text_is_strict_json_without_nan():
    text = to_json(trained(100))
    json.loads(text, parse_constant=lambda token: pytest.fail(f"{token} written"))


def test_a_non_finite_value_is_never_written():
    trainer = trained(10)
    broken = ex.experiment_of(trainer)
    broken = ex.Experiment(broken.config, broken.initial_weights,
                           Weights(broken.weights.hidden, np.array([np.nan, 1.0, 2.0])),
                           broken.step, broken.loss_history)
    with pytest.raises(ExperimentError, match="not a finite number"):
        to_json(broken)


def test_a_history_too_long_for_a_file_is_refused_when_saving(monkeypatch):
    monkeypatch.setattr(ex, "MAX_FILE_BYTES", 2000)
    with pytest.raises(ExperimentError, match="101 steps of loss history") as info:
        to_json(trained(101))
    assert info.value.kind == ex.UNSAVABLE


# -- bad files -------------------------------------------------------------------------
def test_not_json():
    error = refused("this is not JSON {")
    assert error.kind == ex.NOT_JSON and "not valid JSON" in str(error) and "line 1" in str(error)


def test_empty():
    assert refused("").kind == ex.EMPTY
    assert "empty" in str(refused("  \n"))


@pytest.mark.parametrize("cut", [0.1, 0.5, 0.9, 0.999])
def test_truncated(cut):
    text = to_json(trained(100))
    error = refused(text[: int(len(text) * cut)])
    assert error.kind == ex.TRUNCATED and "truncated" in str(error)


def test_a_corrupt_middle_is_not_called_truncated():
    text = to_json(trained(100)).replace('"step": 100', '"step": @', 1)
    assert refused(text).kind == ex.NOT_JSON


def test_other_json_is_not_an_experiment():
    assert refused([1, 2, 3]).kind == ex.NOT_EXPERIMENT
    error = refused({"format": "something-else", "version": 1})
    assert "not a GateLab experiment" in str(error)


def test_newer_version():
    data = document()
    data["version"] = 6
    error = refused(data)
    assert error.kind == ex.NEWER_VERSION
    assert str(error) == "made by a newer GateLab (format 6); this version reads format 5"


@pytest.mark.parametrize("version", [0, "1", 1.5, True, None])
def test_invalid_version(version):
    data = document()
    data["version"] = version
    assert refused(data).kind == ex.BAD_VERSION


@pytest.mark.parametrize("key", ex.REQUIRED_KEYS)
def test_missing_key(key):
    data = document()
    del data[key]
    error = refused(data)
    assert error.kind == ex.MISSING_KEY and f'"{key}"' in str(error)


def test_missing_config_field():
    data = document()
    del data["config"]["alpha"]
    assert "alpha" in str(refused(data))


@pytest.mark.parametrize("token", ["NaN", "Infinity", "-Infinity"])
def test_nan_and_infinity_tokens(token):
    text = to_json(trained(20)).replace('"step": 20', f'"step": 20, "x": {token}', 1)
    error = refused(text)
    assert error.kind == ex.NOT_FINITE and token in str(error)


def test_a_float_literal_that_overflows_to_infinity():
    data = to_json(trained(20))
    value = json.loads(data)["loss_history"][3]
    error = refused(data.replace(repr(value), "1e999", 1))
    assert error.kind == ex.NOT_FINITE and "1e999" in str(error)


def test_a_huge_integer_is_not_a_finite_weight():
    data = document()
    text = json.dumps(data).replace(json.dumps(data["weights"]["output"][0]), "1" + "0" * 400, 1)
    assert refused(text).kind == ex.NOT_FINITE


@pytest.mark.parametrize("alpha", [0, -1, 1000, "fast"])
def test_out_of_range_alpha_reuses_the_config_message(alpha):
    data = document()
    data["config"]["alpha"] = alpha
    error = refused(data)
    assert error.kind == ex.BAD_CONFIG
    assert str(error).startswith(f"config: alpha = {alpha!r} is not allowed")


def test_unknown_config_field():
    data = document()
    data["config"]["momentum"] = 0.9
    assert "momentum" in str(refused(data))


@pytest.mark.parametrize("key, part, value, words", [
    ("weights", "hidden", [[0.1, 0.2, 0.3]] * 3, "does not fit 2 hidden nodes"),
    ("weights", "hidden", [[0.1, 0.2]] * 2, "does not fit 2 hidden nodes"),
    ("initial_weights", "output", [0.1, 0.2], "needs 3"),
    ("weights", "output", [0.1, "0.2", 0.3], "list of numbers"),
    ("weights", "output", [0.1, True, 0.3], "list of numbers"),
    ("weights", "hidden", "[[1]]", "does not fit"),
])
def test_wrong_weights(key, part, value, words):
    data = document()
    data[key][part] = value
    error = refused(data)
    assert words in str(error) and key in str(error)


def test_two_layer_weights_must_be_three_outputs():
    data = document(trained(10, gate="and", hidden_nodes=0))
    assert data["weights"]["hidden"] == [[], [], []]
    data["weights"]["output"].append(0.5)
    assert "needs 3" in str(refused(data))


@pytest.mark.parametrize("step, words", [
    (51, "one loss per step"), (-1, "step = -1"), (201, "step = 201"), (2.5, "step = 2.5"),
    ("50", "step = '50'"), (True, "step = True"),
])
def test_step_out_of_range_or_not_matching_the_history(step, words):
    data = document()
    data["step"] = step
    assert words in str(refused(data))


def test_history_holding_non_numbers():
    data = document()
    data["loss_history"][5] = None
    assert "loss_history must be a list of numbers" in str(refused(data))


def test_bad_outcome():
    data = document()
    data["outcome"] = {"reason": "exploded", "message": "boom"}
    assert "outcome" in str(refused(data))


def test_duplicate_keys_are_ambiguous():
    text = to_json(trained(5)).replace('"step": 5', '"step": 5, "step": 6', 1)
    assert "appears twice" in str(refused(text))


# -- reading files -----------------------------------------------------------------------
def test_huge_file_is_refused_before_it_is_read(tmp_path, monkeypatch):
    path = tmp_path / "huge.gatelab.json"
    path.write_text(to_json(trained(100)), "utf-8")
    monkeypatch.setattr(ex, "MAX_FILE_BYTES", 1000)
    with pytest.raises(ExperimentError, match="larger than") as info:
        read(path)
    assert info.value.kind == ex.TOO_LARGE


def test_missing_file_and_folder_and_binary(tmp_path):
    with pytest.raises(ExperimentError, match="No such file") as info:
        read(tmp_path / "absent.gatelab.json")
    assert info.value.kind == ex.UNREADABLE
    with pytest.raises(ExperimentError, match="cannot read"):
        read(tmp_path)
    binary = tmp_path / "image.gatelab.json"
    binary.write_bytes(b"\x89PNG\r\n\x1a\n\xff\xfe\x00")
    with pytest.raises(ExperimentError, match="not UTF-8") as info:
        read(binary)


def test_a_byte_order_mark_is_accepted(tmp_path):
    path = tmp_path / "bom.gatelab.json"
    path.write_bytes(b"\xef\xbb\xbf" + to_json(trained(10)).encode())
    assert read(path).step == 10


# -- atomic writes -------------------------------------------------------------------------
def test_write_atomic_replaces_and_keeps_the_mode(tmp_path):
    path = tmp_path / "run.gatelab.json"
    path.write_text("old", "utf-8")
    os.chmod(path, 0o640)
    write_atomic(path, "new ✓")
    assert path.read_text("utf-8") == "new ✓"
    assert os.stat(path).st_mode & 0o777 == 0o640
    assert os.listdir(tmp_path) == ["run.gatelab.json"]


def test_write_atomic_failure_leaves_the_old_file_and_no_temp_file(tmp_path, monkeypatch):
    path = tmp_path / "run.gatelab.json"
    path.write_text("old", "utf-8")

    def failing_replace(source, target):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "replace", failing_replace)
    with pytest.raises(OSError, match="No space left"):
        write_atomic(path, "new")
    assert path.read_text("utf-8") == "old"
    assert os.listdir(tmp_path) == ["run.gatelab.json"]


def test_write_atomic_into_a_missing_folder_raises(tmp_path):
    with pytest.raises(FileNotFoundError):
        write_atomic(tmp_path / "nowhere" / "run.gatelab.json", "text")


@pytest.mark.parametrize("where", ["alpha", "target_loss", "targets"])
def test_an_integer_too_large_for_a_float_is_refused_with_the_reason(where):
    # 310 digits: float() raises OverflowError, which used to escape the loader.
    huge = "1" + "0" * 309
    data = document()
    if where == "targets":
        data["config"]["gate"] = "custom"
        data["config"]["targets"] = [0, 1, 1, "HUGE"]
    else:
        data["config"][where] = "HUGE"
    error = refused(json.dumps(data).replace('"HUGE"', huge))
    assert error.kind == ex.BAD_CONFIG and where in str(error)
    assert len(str(error)) < 300  # the 310 digits are not repeated in full


def test_an_integer_too_large_for_a_float_in_a_named_gates_targets_is_refused():
    data = document()
    data["config"]["targets"] = [0, 1, 1, "HUGE"]
    error = refused(json.dumps(data).replace('"HUGE"', "1" + "0" * 309))
    assert error.kind == ex.BAD_CONFIG and "targets" in str(error)


def test_a_fifo_or_a_device_is_refused_without_waiting(tmp_path):
    fifo = tmp_path / "x.gatelab.json"
    os.mkfifo(fifo)  # opening it for reading used to block until a writer came: forever
    with pytest.raises(ExperimentError, match="not a regular file") as info:
        read(fifo)
    assert info.value.kind == ex.UNREADABLE
    with pytest.raises(ExperimentError, match="not a regular file"):
        read("/dev/zero")  # endless content, no size


# -- the run record (format 2) -------------------------------------------------------
def run_with_changes() -> Trainer:
    """A run with a change of every kind: alpha, steps, a hand edit and a row-by-row step."""
    trainer = Trainer(TrainConfig(steps=9000, seed=5))
    trainer.advance(3000)
    trainer.set_alpha(2.0)
    trainer.advance(1500)
    edited = trainer.weights
    trainer.set_weights(Weights(edited.hidden + 0.125, edited.output))
    trainer.advance(777)
    trainer.set_steps(8000)
    row_weights = Weights(trainer.weights.hidden, trainer.weights.output - 0.01)
    trainer.record_step(row_weights, 0.25)
    trainer.advance(400)
    return trainer


def test_a_saved_record_shows_every_past_step_of_the_opened_run_exactly():
    live = run_with_changes()
    opened = restore_trainer(from_json(to_json(live)))
    assert opened.record is not None and len(opened.record.changes) == 4
    for step in (0, 1, 2999, 3000, 3001, 4500, 5277, 5278, 5600, live.step):
        want, got = live.state_at(step), opened.state_at(step)
        assert got.weights.equals(want.weights), step
        assert got.config == want.config, step


def test_the_opened_run_continues_recording_after_the_saved_step():
    live = run_with_changes()
    opened = restore_trainer(from_json(to_json(live)))
    saved_step = live.step
    for trainer in (live, opened):
        trainer.advance(1000)
    assert opened.weights.equals(live.weights)
    assert opened.state_at(saved_step + 500).weights.equals(live.state_at(saved_step + 500).weights)


def test_a_version_1_file_still_opens_and_its_record_starts_at_the_saved_step():
    data = document(trained(700))
    data["version"] = 1
    del data["record"]
    experiment = from_json(json.dumps(data))
    assert experiment.record is None
    opened = restore_trainer(experiment)
    assert opened.step == 700 and opened.state_at(700).weights.equals(experiment.weights)
    with pytest.raises(ValueError, match="not a recorded step"):
        opened.state_at(699)


def test_a_record_that_does_not_replay_to_the_files_weights_is_not_kept():
    data = document(run_with_changes())
    data["record"]["changes"][-1][2][0][0] += 1e-9  # the row step's weights: the end follows them
    experiment = from_json(json.dumps(data))
    assert experiment.record is not None and not ex.record_reproduces(experiment)
    opened = restore_trainer(experiment)
    assert opened.record.start_step == opened.step  # a fresh record; the file's weights rule
    assert opened.weights.equals(experiment.weights)


@pytest.mark.parametrize("damage, words", [
    (lambda r: r.update(changes="many"), "changes must be a list"),
    (lambda r: r.update(checkpoints=[]), "checkpoints must be a non-empty list"),
    (lambda r: r.update(interval=3), "power of two"),
    (lambda r: r.update(start_step=10**9), "start_step"),
    (lambda r: r["changes"].append([r["changes"][-1][0], "momentum", 0.9]), "unknown change"),
    (lambda r: r["changes"].insert(0, [10**9, "alpha", 1.0]), "step order"),
    (lambda r: r["changes"][0].__setitem__(2, 1e6), "alpha"),
    (lambda r: r["checkpoints"][0][2].append(1.0), "must be 9 numbers"),
    (lambda r: r["checkpoints"][1][2].__setitem__(0, "x"), "not a number"),
    (lambda r: r["checkpoints"].reverse(), "go forward"),
    (lambda r: r["config"].update(hidden_nodes=5), "must be 21 numbers"),
])
def test_a_damaged_record_is_refused_with_the_reason(damage, words):
    data = document(run_with_changes())
    damage(data["record"])
    error = refused(data)
    assert error.kind in (ex.BAD_VALUE, ex.BAD_CONFIG) and words in str(error), str(error)
    assert str(error).startswith("record")


def test_a_record_whose_steps_would_take_long_to_replay_is_refused():
    """Checkpoints far apart would freeze the window while a past step is replayed."""
    from core.training.run_record import RunRecord

    saved = run_with_changes().record.to_dict()
    assert RunRecord.from_dict(saved, 6000).checkpoint_count() == len(saved["checkpoints"])
    with pytest.raises(ValueError, match="too far apart"):
        RunRecord.from_dict(saved, 10**7)  # 10^7 steps after the last checkpoint


def test_a_record_number_too_large_for_a_float_is_refused_not_raised():
    text = to_json(run_with_changes())
    data = json.loads(text)
    alpha_change = next(c for c in data["record"]["changes"] if c[1] == "alpha")
    marker = json.dumps(alpha_change, separators=(",", ":"))
    assert marker in text
    huge = marker.replace(json.dumps(alpha_change[2]), "1" + "0" * 400)
    error = refused(text.replace(marker, huge))
    assert error.kind == ex.BAD_VALUE and "not a finite number" in str(error)


def test_an_interval_too_long_for_later_checkpoints_is_refused():
    """Accepted, it made the app's own next save of the run unopenable."""
    data = document(run_with_changes())
    data["record"]["interval"] = 2**60
    assert "interval" in str(refused(data))



@pytest.mark.parametrize("key, value", [
    ("step", list(range(200_000))),
    ("version", int("9" * 4000)),
    ("config", {**TrainConfig().to_dict(), "alpha": [0.5] * 200_000}),
    ("config", {**TrainConfig().to_dict(), "targets": list(range(10**5)), "gate": "custom"}),
], ids=["step", "version", "alpha", "targets"])
def test_a_refusal_repeats_only_a_short_excerpt_of_a_huge_bad_value(key, value):
    """A 200,000-value alpha once made a 1.49 MB message and a dialog 353,726 px tall."""
    data = document()
    data[key] = value
    message = str(refused(data))
    assert len(message) < 300, message[:400]
    assert "characters)" in message


@pytest.mark.parametrize("extra, what", [
    ("[" + "[]," * ex.MAX_LISTS + "[]]", "lists"),
    ("[" + "1," * ex.MAX_VALUES + "1]", "values"),
    ("[" + "{}," * ex.MAX_OBJECTS + "{}]", "objects"),
], ids=["lists", "values", "objects"])
def test_more_elements_than_a_run_has_are_refused_before_parsing(monkeypatch, extra, what):
    """150 MB of "[]" under an unknown key once took 20 s and 3.9 GB to be parsed, then ignored."""
    text = to_json(trained(50, steps=200))
    text = text[: text.rindex("}")].rstrip() + f',\n  "extra": {extra}\n}}\n'

    def not_parsed(_):
        raise AssertionError("parsed before the counts were checked")

    monkeypatch.setattr(ex, "_parse", not_parsed)
    error = refused(text)
    assert error.kind == ex.BAD_VALUE and f"more {what}" in str(error)


def test_a_long_real_run_is_within_every_count():
    trainer = Trainer(TrainConfig(steps=10**6, seed=1), None, 10**6, np.linspace(1, 0, 10**6))
    text = to_json(trainer)
    assert text.count(",") < ex.MAX_VALUES and text.count("[") < ex.MAX_LISTS
    assert from_json(text).step == 10**6


# -- headless saving follows the same rules as the window's ----------------------------------
def test_save_refuses_a_read_only_file_and_leaves_it(tmp_path):
    path = tmp_path / "kept.gatelab.json"
    path.write_text("precious")
    path.chmod(0o444)
    with pytest.raises(PermissionError, match="read-only"):
        ex.save(path, trained(10, steps=20))
    assert path.read_text() == "precious" and oct(path.stat().st_mode & 0o777) == "0o444"
    assert [p.name for p in tmp_path.iterdir()] == ["kept.gatelab.json"]


def test_save_through_a_symlink_writes_its_target_and_keeps_the_link(tmp_path):
    target = tmp_path / "real.gatelab.json"
    target.write_text("old")
    link = tmp_path / "link.gatelab.json"
    link.symlink_to(target.name)
    ex.save(link, trained(10, steps=20))
    assert link.is_symlink() and from_json(target.read_text()).step == 10


def test_save_keeps_the_files_permissions(tmp_path):
    path = tmp_path / "private.gatelab.json"
    path.write_text("old")
    path.chmod(0o600)
    ex.save(path, trained(10, steps=20))
    assert oct(path.stat().st_mode & 0o777) == "0o600"


def test_save_removes_the_temporary_files_a_killed_save_left(tmp_path):
    path = tmp_path / "run.gatelab.json"
    stale = tmp_path / ".run.gatelab.json.0123abcd.tmp"
    fresh = tmp_path / ".run.gatelab.json.fedc3210.tmp"  # another save may be writing it
    other = tmp_path / ".other.gatelab.json.0123abcd.tmp"
    for leftover in (stale, fresh, other):
        leftover.write_text("half a file")
    old = stale.stat().st_mtime - 2 * ex.STALE_TEMP_S
    os.utime(stale, (old, old))
    os.utime(other, (old, old))
    ex.save(path, trained(10, steps=20))
    assert not stale.exists() and fresh.exists() and other.exists()  # only this file's, if stale
