"""A function run's own settings (issue #28): with FUNCTION_DEFAULTS every preset gets within the
tolerance on the default 11 x 11 grid, seed 0; and the tolerance, a function run's setting, only
judges the run."""

import json

import numpy as np
import pytest

from core.model.config import FUNCTION_DEFAULTS, ConfigError, TrainConfig, function_config
from core.model.target_function import PRESETS, TOLERANCE
from core.training.trainer import Trainer
from core.views.diagnosis import diagnose_run


def trained(config) -> Trainer:
    trainer = Trainer(config, recording=False)  # no record: the fastest single run
    trainer.run()
    return trainer


def largest_error(trainer) -> float:
    return float(np.abs(trainer.predictions() - np.asarray(trainer.config.targets)).max())


@pytest.mark.parametrize("preset", list(PRESETS))
def test_every_preset_gets_within_the_tolerance_with_the_function_defaults(preset):
    trainer = trained(function_config(preset))
    assert largest_error(trainer) <= TOLERANCE and trainer.solved()


def test_the_gates_defaults_do_not_make_a_bump():
    # Why a function has defaults of its own: 2 hidden nodes, descent, 2000 steps stay far off.
    trainer = trained(TrainConfig(function="bump"))
    assert largest_error(trainer) > 0.5 and not trainer.solved()


def test_function_config_takes_the_defaults_then_the_settings_given():
    config = function_config("ripple", alpha=0.05, grid=7)
    assert {f: getattr(config, f) for f in FUNCTION_DEFAULTS} == FUNCTION_DEFAULTS | {"alpha": 0.05}
    assert (config.function, config.grid, config.tolerance) == ("ripple", 7, TOLERANCE)


def test_a_tolerance_judges_the_same_weights_otherwise():
    trainer = trained(function_config("ridge", grid=5, steps=250))
    error = largest_error(trainer)
    assert 0.05 < error < 0.2
    weights, losses = trainer.weights, trainer.history.values()
    usual = diagnose_run(trainer.config, weights, losses)
    loose = diagnose_run(trainer.config.with_changes(tolerance=0.2), weights, losses)
    assert (usual.kind, loose.kind) == ("not_within", "solved")
    assert loose.message.startswith("Within 0.2 at every sample")
    trainer.set_tolerance(0.2)
    assert trainer.solved() and largest_error(trainer) == error  # judged again, not trained


def test_the_tolerance_is_a_function_runs_and_in_its_file_only_when_not_the_usual_one():
    usual = function_config("bump")
    assert "tolerance" not in usual.to_dict() and "tolerance" not in TrainConfig().to_dict()
    loose = usual.with_changes(tolerance=0.1)
    assert loose.to_dict()["tolerance"] == 0.1
    assert TrainConfig.from_dict(json.loads(json.dumps(loose.to_dict()))) == loose
    assert loose.with_changes(gate="xor").tolerance is None  # a gate is judged by its sides of 0.5
    for bad in (0.0, 0.6, "x", float("nan"), True):
        with pytest.raises(ConfigError, match="tolerance"):
            usual.with_changes(tolerance=bad)
    with pytest.raises(ConfigError, match="empty for a gate"):
        TrainConfig(tolerance=0.1)
