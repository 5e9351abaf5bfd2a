"""Session files: several runs in one file, reopened with all of them."""

import json

import pytest

from core.io import experiment as ex
from core.io import session_file as sf
from core.io.experiment import ExperimentError
from core.model.config import TrainConfig
from core.training.trainer import Trainer


def runs():
    first = Trainer(TrainConfig(steps=3000, seed=2))
    first.advance(3000)
    branch = first.fork(1200, alpha=2.0)
    branch.advance(500)
    other = Trainer(TrainConfig(steps=800, seed=9, hidden_nodes=0, gate="and"))
    other.advance(800)
    return [first, branch, other]


def write(tmp_path, text, name="session.gatelab.json"):
    path = tmp_path / name
    path.write_text(text)
    return path


def test_every_run_comes_back_with_its_names_branches_and_past(tmp_path):
    trainers = runs()
    path = write(tmp_path, sf.to_json(trainers, 1, {0: "the first"}))
    session = sf.read(path)
    assert not session.single and session.current == 1 and len(session.runs) == 3
    assert [r.name for r in session.runs] == ["the first", None, None]
    assert session.runs[1].branched_from == (0, 1200)
    restored = sf.restore(session)
    for before, after in zip(trainers, restored):
        assert after.weights.equals(before.weights) and after.step == before.step
        assert after.config == before.config
    assert restored[1].branched_from == (restored[0].run_id, 1200)
    assert restored[1].state_at(600).weights.equals(trainers[0].state_at(600).weights)


def test_a_branch_judged_otherwise_than_its_origin_keeps_its_link(tmp_path):
    """The tolerance and target loss judge or stop a run but train nothing (JUDGE_FIELDS)."""
    origin = Trainer(TrainConfig(function="ridge", grid=5, hidden_nodes=4, steps=300))
    origin.advance(100)
    branch = origin.fork(50)
    branch.advance(20)
    branch.set_tolerance(0.2)
    branch.set_target_loss(1e-5)
    session = sf.read(write(tmp_path, sf.to_json([origin, branch], 1)))
    assert session.notes == [] and session.runs[1].branched_from == (0, 50)
    restored = sf.restore(session)
    assert restored[1].branched_from == (restored[0].run_id, 50)
    assert restored[1].record.start_step == 0 and restored[1].config.tolerance == 0.2
    assert restored[1].state_at(10).weights.equals(origin.state_at(10).weights)


def test_a_branch_trained_otherwise_than_its_origin_loses_its_link(tmp_path):
    origin = Trainer(TrainConfig(steps=300))
    origin.advance(100)
    document = json.loads(sf.to_json([origin, origin.fork(50)], 1))
    document["runs"][1]["experiment"]["config"]["update_order"] = "article"
    session = sf.read(write(tmp_path, json.dumps(document)))
    assert session.runs[1].branched_from is None
    assert "settings differ" in session.notes[0]


def test_an_experiment_file_reads_as_a_session_of_one_run(tmp_path):
    trainer = runs()[2]
    path = write(tmp_path, ex.to_json(trainer))
    session = sf.read(path)
    assert session.single and len(session.runs) == 1 and session.current == 0
    assert sf.restore(session)[0].weights.equals(trainer.weights)


@pytest.mark.parametrize("damage, words", [
    (lambda d: d.update(version=2), "newer GateLab (session version 2)"),
    (lambda d: d.update(version="1"), "is not valid"),
    (lambda d: d.update(runs=[]), "1 to 200 runs"),
    (lambda d: d.update(runs=d["runs"] * 67), "1 to 200 runs"),
    (lambda d: d.update(current=3), "\"current\""),
    (lambda d: d["runs"][1].update(branched_from=[2, 10]), "run 2: \"branched_from\""),
    (lambda d: d["runs"][2]["experiment"].update(step=-1), "run 3: step = -1"),
    (lambda d: d["runs"][0].update(name="x" * 500), "run 1: its name"),
    (lambda d: d["runs"][0].pop("experiment"), "run 1 has no \"experiment\""),
])
def test_a_damaged_session_file_is_refused_naming_the_run(tmp_path, damage, words):
    document = json.loads(sf.to_json(runs(), 0))
    damage(document)
    with pytest.raises(ExperimentError) as info:
        sf.read(write(tmp_path, json.dumps(document)))
    assert words in str(info.value)


def test_the_counts_are_checked_before_a_session_file_is_parsed(tmp_path):
    text = '{"format": "gatelab-session", "version": 1, "runs": [' + "[]," * ex.MAX_LISTS + "[]]}"
    with pytest.raises(ExperimentError, match="more lists"):
        sf.read(write(tmp_path, text))
