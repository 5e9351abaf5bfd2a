"""The JSON report's predictions[].input: a gate's rows stay the ints they always were, a function
run's grid points are floats, corners included (a reader's code sees one type per field)."""

import json

from core.io.report import iter_json_result
from core.model.config import TrainConfig
from core.training.trainer import Trainer


def inputs_as_written(config: TrainConfig) -> list:
    text = "".join(iter_json_result(_trained(config)))
    return [p["input"] for p in json.loads(text)["predictions"]]


def test_a_function_runs_inputs_are_all_floats_corners_included():
    inputs = inputs_as_written(TrainConfig(gate="function", function="bump", grid=3, steps=2))
    assert inputs[:3] == [[0.0, 0.0], [0.5, 0.0], [1.0, 0.0]]
    assert all(type(v) is float for point in inputs for v in point)


def test_a_grid_of_two_writes_floats_though_its_points_are_a_gates_corners():
    text = "".join(iter_json_result(_trained(TrainConfig(gate="function", function="xor", grid=2,
                                                         steps=2))))
    assert '"input": [1.0, 0.0]' in text and '"input": [1, 0]' not in text


def test_a_gates_inputs_stay_ints():
    text = "".join(iter_json_result(_trained(TrainConfig(gate="xor", steps=2))))
    assert '"input": [0, 0]' in text and '"input": [1, 1]' in text
    assert all(type(v) is int for point in inputs_as_written(TrainConfig(gate="and", steps=2))
               for v in point)


def _trained(config: TrainConfig) -> Trainer:
    trainer = Trainer(config)
    trainer.run()
    return trainer


def test_a_function_runs_summary_writes_the_worst_sample_as_its_diagnosis_does():
    """It read "largest error: 0.555 at (0.917, 1)" above "the largest error is 0.56 at (0.92, 1)"."""
    from core.io.report import function_lines
    from core.training.trainer import Trainer
    from core.views.diagnosis import diagnose_run

    trainer = Trainer(TrainConfig(function="ripple", grid=13, hidden_nodes=2, seed=1, steps=5))
    trainer.run()
    diagnosis = diagnose_run(trainer.config, trainer.weights, trainer.history.values())
    at = diagnosis.facts["at"]
    assert at == "(0.83, 0.5)"  # 10/12: three digits once wrote it "0.833" here
    error = diagnosis.message.split("the largest error is ")[1].split(" at ")[0]
    assert function_lines(trainer, "en")[1].startswith(f"largest error: {error} at {at}; ")
