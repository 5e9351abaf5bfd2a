"""A run on a target function in files (issue #28): format version 5 for it alone, its config
without the samples, reopened and continued bit for bit, any past step replayed exactly."""

import json

import numpy as np
import pytest

from core.io import experiment as ex
from core.model.config import TrainConfig
from core.training.trainer import Trainer


def function_run(steps=400, **changes) -> Trainer:
    config = TrainConfig(function="ripple", grid=6, hidden_nodes=5, steps=steps, **changes)
    trainer = Trainer(config)
    trainer.advance(150)
    trainer.set_alpha(0.9)  # a change mid-run: the record must replay it
    trainer.advance(100)
    return trainer


@pytest.mark.parametrize("changes", [{}, {"optimizer": "adam", "mode": "batch"}], ids=str)
def test_a_function_run_is_saved_as_version_5_and_continues_bit_for_bit(changes):
    trainer = function_run(**changes)
    text = ex.to_json(trainer)
    document = json.loads(text)
    assert document["version"] == 5
    assert document["config"]["function"] == "ripple" and document["config"]["grid"] == 6
    assert "targets" not in document["config"]
    restored = ex.restore_trainer(ex.from_json(text))
    assert restored.config == trainer.config and ex.to_json(restored) == text
    restored.run()
    trainer.run()
    assert restored.flat_state() == trainer.flat_state()
    assert np.array_equal(restored.history.values(), trainer.history.values())


def test_a_past_step_of_a_function_run_replays_exactly():
    trainer = function_run(steps=250)
    trainer.run()
    straight = Trainer(trainer.config.with_changes(alpha=0.5))
    straight.advance(211)  # by hand: 150 steps at 0.5, then 61 at 0.9
    for at in (0, 77, 150, 211):
        assert trainer.state_at(at).weights.flat().tolist() == _weights_after(trainer.config, at)
    restored = ex.restore_trainer(ex.from_json(ex.to_json(trainer)))
    assert restored.state_at(211).weights.flat().tolist() == trainer.state_at(211).weights.flat().tolist()


@pytest.mark.parametrize("judge", [{"tolerance": 0.2}, {"target_loss": 1e-4},
                                   {"tolerance": 0.3, "target_loss": 1e-4}], ids=str)
@pytest.mark.parametrize("later", [50, 0], ids=["then-trained", "then-saved"])
def test_a_run_whose_tolerance_or_target_loss_changed_reopens_with_its_whole_past(judge, later):
    """They judge or stop a run but are not logged: the file's record must still be its own."""
    trainer = function_run(steps=400)
    if "tolerance" in judge:
        trainer.set_tolerance(judge["tolerance"])
    if "target_loss" in judge:
        trainer.set_target_loss(judge["target_loss"])
    trainer.advance(later)
    experiment = ex.from_json(ex.to_json(trainer))
    assert ex.record_reproduces(experiment)
    restored = ex.restore_trainer(experiment)
    assert restored.record.start_step == 0 and restored.record.dropped_note is None
    assert restored.config.tolerance == trainer.config.tolerance
    assert restored.state_at(10).weights.flat().tolist() == trainer.state_at(10).weights.flat().tolist()
    assert restored.state_at(10).weights.flat().tolist() == _weights_after(trainer.config, 10)


def test_a_gate_run_whose_target_loss_changed_reopens_with_its_whole_past():
    trainer = Trainer(TrainConfig(steps=300))
    trainer.advance(100)
    trainer.set_target_loss(0.001)
    trainer.advance(10)
    restored = ex.restore_trainer(ex.from_json(ex.to_json(trainer)))
    assert restored.record is not None and restored.record.start_step == 0
    assert restored.state_at(10).weights.equals(trainer.state_at(10).weights)


def test_a_file_whose_other_settings_differ_from_its_record_still_loses_the_record():
    document = json.loads(ex.to_json(function_run(steps=300)))
    document["config"]["loss"] = "cross-entropy"  # it changes the numbers, unlike the tolerance
    assert not ex.record_reproduces(ex.from_json(json.dumps(document)))


def _weights_after(config, steps) -> list:
    again = Trainer(config.with_changes(alpha=0.5))
    again.advance(min(steps, 150))
    if steps > 150:
        again.set_alpha(0.9)
        again.advance(steps - 150)
    return again.weights.flat().tolist()


def test_a_file_whose_function_was_edited_out_of_range_is_refused_with_the_reason():
    document = json.loads(ex.to_json(function_run(steps=300)))
    document["config"]["function"] = "2*x1"
    with pytest.raises(ex.ExperimentError) as raised:
        ex.from_json(json.dumps(document))
    assert raised.value.kind == ex.BAD_CONFIG and "scale it: f / 2 runs from 0 to 1" in str(raised.value)


def test_a_gate_run_is_still_written_as_version_2_without_function_keys():
    trainer = Trainer(TrainConfig(steps=50))
    trainer.run()
    document = json.loads(ex.to_json(trainer))
    assert document["version"] == 2 and "function" not in document["config"]


def test_a_function_runs_predictions_export_lists_every_sample_with_its_inputs():
    from core.io.export_data import predictions_csv

    config = TrainConfig(function="x1*x2", grid=3)
    lines = predictions_csv([0.5] * 9, config.targets, config.points).splitlines()
    assert len(lines) == 10 and lines[0] == "input_x1,input_x2,predicted,target,error"
    assert lines[6] == "1.0,0.5,0.5,0.5,0.0"  # row 5: x1 = 1, x2 = 0.5, x1 fastest
