"""The diagnosis and the fit of a run on a target function (issue #28): it speaks of error,
"not yet within 0.05: the largest error is 0.12 at (0.3, 0.7)", with the tolerance adjustable."""

import numpy as np
import pytest

from core.model.config import TrainConfig
from core.model.network import Weights, forward, inputs_of
from core.training.trainer import Trainer
from core.views.diagnosis import diagnose, diagnose_run
from core.views.function_fit import fit_of, target_grid


def trained(steps=300, **changes):
    trainer = Trainer(TrainConfig(function="bump", grid=5, hidden_nodes=6, steps=steps, **changes))
    trainer.run()
    return trainer


def test_a_run_not_yet_within_the_tolerance_names_its_largest_error_and_where():
    trainer = trained()
    errors = np.abs(trainer.predictions() - np.asarray(trainer.config.targets))
    worst = int(np.argmax(errors))
    x1, x2 = trainer.config.points[worst]
    diagnosis = diagnose_run(trainer.config, trainer.weights, trainer.history.values())
    assert diagnosis.kind == "not_within" and errors.max() > 0.05
    assert diagnosis.facts["error"] == errors.max() and diagnosis.facts["at"] == f"({x1:.2g}, {x2:.2g})"
    assert diagnosis.message.startswith(f"Not yet within 0.05: the largest error is {errors.max():.2g} "
                                        f"at ({x1:.2g}, {x2:.2g})")


def test_the_tolerance_is_adjustable():
    trainer = trained()
    error = float(np.abs(trainer.predictions() - np.asarray(trainer.config.targets)).max())
    loose = diagnose_run(trainer.config, trainer.weights, trainer.history.values(), tolerance=error + 0.01)
    assert loose.kind == "solved" and loose.facts["how"] == "function"
    assert loose.message.startswith(f"Within {error + 0.01:g} at every sample")
    tight = diagnose_run(trainer.config, trainer.weights, trainer.history.values(), tolerance=error - 0.01)
    assert tight.kind == "not_within"


@pytest.mark.parametrize("losses, learning", [(np.linspace(1.0, 0.1, 400), True), (np.full(400, 0.1), False)])
def test_it_says_whether_the_loss_is_still_falling(losses, learning):
    trainer = trained(steps=5)
    diagnosis = diagnose_run(trainer.config, trainer.weights, losses)
    assert diagnosis.facts["learning"] is learning
    assert ("train on" in diagnosis.message) is learning


def test_a_grid_of_441_rows_is_diagnosed_without_trouble():
    config = TrainConfig(function="ripple", grid=21, hidden_nodes=4)
    weights = Trainer(config).weights
    assert diagnose(config, weights, 0, None).kind == "not_within"
    assert diagnose(config, Weights(weights.hidden * np.inf, weights.output), 3, None).kind == "diverged"


def test_the_fit_measures_the_samples_and_the_check_grid_between_them():
    trainer = trained()
    fit = fit_of(trainer.config, trainer.weights)
    errors = np.abs(forward(trainer.weights, inputs_of(trainer.config), "sigmoid").yp
                    - np.asarray(trainer.config.targets))
    assert fit.max_error == errors.max() and fit.rms_error == pytest.approx(np.sqrt((errors ** 2).mean()))
    assert fit.check_max_error >= fit.max_error - 1e-12  # the 41 x 41 grid holds the 5 x 5 one's points
    surface = target_grid(trainer.config)
    assert surface.shape == (41, 41) and surface[20, 20] == pytest.approx(0.9)
    # z[i, j] is at x1 = i/40, x2 = j/40, as the network's own output grid
    assert target_grid(TrainConfig(function="x1*x1*x2"), 3)[2, 1] == 0.5
