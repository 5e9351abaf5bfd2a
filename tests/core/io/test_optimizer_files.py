"""An optimizer's state in files, `train --json`, `inspect --step` and `seeds`; files from before
optimizers (fixtures/*_before_optimizers.gatelab.json, written by 60546f5) open unchanged."""

import json
import subprocess
import sys
from pathlib import Path

import numpy as np
import pytest

from core.io import experiment as ex
from core.io import session_file
from core.io.report import json_result
from core.model.config import TrainConfig
from core.training.ensemble import Ensemble
from core.training.trainer import Trainer

ROOT = Path(__file__).resolve().parents[3]
FIXTURES = Path(__file__).with_name("fixtures")
OLD_FILES = sorted(FIXTURES.glob("*_before_optimizers.gatelab.json"))
OPTIMIZERS = ("momentum", "adam")


def main(*args):
    return subprocess.run([sys.executable, "main.py", *args], cwd=ROOT, capture_output=True,
                          text=True, timeout=180)


def test_there_are_old_files():
    assert len(OLD_FILES) == 2


@pytest.mark.parametrize("path", OLD_FILES, ids=lambda p: p.name)
def test_a_file_from_before_optimizers_opens_as_plain_descent_and_is_written_back_unchanged(path):
    experiment = ex.read(path)
    assert experiment.config.optimizer == "sgd" and experiment.optimizer_state == ()
    assert ex.record_reproduces(experiment)
    trainer = ex.restore_trainer(experiment)
    assert trainer.optimizer_state() == ()
    assert ex.to_json(trainer) == path.read_text(encoding="utf-8")


def test_an_old_file_continues_exactly_as_it_would_have():
    path = FIXTURES / "xor_before_optimizers.gatelab.json"
    trainer = ex.restore_trainer(ex.read(path))
    trainer.run()
    # how it was made: 250 steps, alpha 0.9, 100 more; then on to 600
    straight = Trainer(TrainConfig(steps=600, seed=7, update_order="article"))
    straight.advance(250)
    straight.set_alpha(0.9)
    straight.run()
    assert trainer.flat_weights() == straight.flat_weights()
    assert np.array_equal(trainer.history.values(), straight.history.values())


@pytest.mark.parametrize("optimizer", OPTIMIZERS)
@pytest.mark.parametrize("mode", ["online", "batch"])
def test_a_saved_run_keeps_its_optimizer_state_and_continues_bit_for_bit(optimizer, mode):
    config = TrainConfig(optimizer=optimizer, mode=mode, steps=500, alpha=0.3, hidden_nodes=3)
    trainer = Trainer(config)
    trainer.advance(200)
    document = json.loads(ex.to_json(trainer))
    assert document["version"] == 4 and document["config"]["optimizer"] == optimizer
    assert document["optimizer_state"] == list(trainer.optimizer_state())
    restored = ex.restore_trainer(ex.from_json(ex.to_json(trainer)))
    assert restored.optimizer_state() == trainer.optimizer_state()
    assert restored.record is not trainer.record and restored.state_at(77).optimizer_state == \
        trainer.state_at(77).optimizer_state
    restored.run()
    trainer.run()
    assert restored.flat_state() == trainer.flat_state()


def test_a_file_that_lost_its_optimizer_state_is_refused():
    trainer = Trainer(TrainConfig(optimizer="adam", steps=20))
    trainer.run()
    document = json.loads(ex.to_json(trainer))
    del document["optimizer_state"]
    with pytest.raises(ex.ExperimentError) as info:
        ex.from_document(document)
    assert info.value.kind == ex.MISSING_KEY and "optimizer_state" in str(info.value)


def test_a_state_that_does_not_match_the_record_drops_the_record():
    """The file is the truth for where the run is; its record is kept only if it replays there."""
    trainer = Trainer(TrainConfig(optimizer="momentum", steps=100))
    trainer.run()
    document = json.loads(ex.to_json(trainer))
    document["optimizer_state"][0] += 1.0
    experiment = ex.from_document(document)
    assert not ex.record_reproduces(experiment)
    assert ex.restore_trainer(experiment).optimizer_state()[0] == document["optimizer_state"][0]


def test_a_session_keeps_each_runs_optimizer(tmp_path):
    runs = [Trainer(TrainConfig(optimizer=name, steps=60)) for name in ("sgd", "momentum", "adam")]
    for run in runs:
        run.run()
    path = tmp_path / "three.gatelab.json"
    ex.write_atomic(path, session_file.to_json(runs, 2))
    restored = session_file.restore(session_file.read(path))
    assert [t.config.optimizer for t in restored] == ["sgd", "momentum", "adam"]
    assert [t.flat_state() for t in restored] == [t.flat_state() for t in runs]


def test_a_math_panel_row_step_keeps_the_optimizer_state_in_the_record():
    from core.teaching.row_math import RowStepper

    config = TrainConfig(optimizer="adam", steps=10)
    trainer = Trainer(config)
    trainer.advance(3)
    stepper = RowStepper(config, trainer.weights, trainer.step, trainer.optimizer_state())
    for update in stepper.updates():
        if update.step_completed:
            trainer.record_step(update.weights, update.step_loss, update.optimizer_state)
            break
        trainer.set_weights(update.weights, update.optimizer_state)
    trainer.run()
    straight = Trainer(config)
    straight.run()
    assert trainer.flat_state() == straight.flat_state()
    assert trainer.state_at(4).optimizer_state == straight.state_at(4).optimizer_state
    restored = ex.restore_trainer(ex.from_json(ex.to_json(trainer)), budget=None)
    assert restored.record.checkpoint_count() == trainer.record.checkpoint_count()
    assert restored.state_at(4).optimizer_state == straight.state_at(4).optimizer_state


# -- the command line ---------------------------------------------------------------------------
@pytest.mark.parametrize("optimizer", OPTIMIZERS)
@pytest.mark.parametrize("mode, order", [("online", "textbook"), ("online", "article"),
                                         ("batch", "textbook"), ("batch", "article")])
def test_train_json_and_inspect_step_agree_bit_for_bit(tmp_path, optimizer, mode, order):
    flags = ["--optimizer", optimizer, "--mode", mode, "--update-order", order, "--seed", "5",
             "--alpha", "0.2"]
    path = tmp_path / "run.gatelab.json"
    saved = main("train", *flags, "--steps", "300", "--save", str(path))
    assert saved.returncode == 0, saved.stderr
    inspected = main("inspect", str(path), "--step", "123", "--json")
    trained = main("train", *flags, "--steps", "123", "--json")
    assert inspected.returncode == 0 and trained.returncode == 0, inspected.stderr + trained.stderr
    assert inspected.stdout == trained.stdout
    result = json.loads(trained.stdout)
    assert result["config"]["optimizer"] == optimizer and len(result["optimizer_state"]) > 0


def test_train_json_of_plain_descent_is_as_before():
    """No optimizer key or state: scripts reading `train --json` see what they always saw."""
    trainer = Trainer(TrainConfig(steps=30))
    trainer.run()
    result = json_result(trainer)
    assert "optimizer" not in result["config"] and "optimizer_state" not in result


def test_seeds_with_adam_trains_each_seed_with_adam():
    result = main("seeds", "--optimizer", "adam", "--count", "40", "--steps", "300", "--alpha", "0.05",
                  "--json")
    assert result.returncode == 0, result.stderr
    report = json.loads(result.stdout)
    assert report["config"]["optimizer"] == "adam"
    config = TrainConfig(optimizer="adam", steps=300, alpha=0.05)
    solved = 0
    for seed in range(40):
        trainer = Trainer(config.with_changes(seed=seed))
        trainer.run()
        solved += trainer.solved()
    assert report["solved"] == solved
    plain = Ensemble(config.with_changes(optimizer="sgd"), 40).run()
    assert int(plain.solved.sum()) != solved  # at this alpha plain descent learns far less


def test_a_bad_optimizer_is_one_line_and_status_2():
    result = main("train", "--optimizer", "rmsprop")
    assert result.returncode == 2
    assert "--optimizer" in result.stderr and "one of sgd, momentum, adam" in result.stderr
    assert len(result.stderr.splitlines()) == 1
