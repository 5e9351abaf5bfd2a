"""TrainConfig with a target function (issue #28): validation with the parser's one-line
reasons, the grid, copies and dicts; a gate's config is what it was."""

import pytest

from core.model.config import FUNCTION, GRID_DEFAULT, ConfigError, TrainConfig
from core.model.target_function import PRESETS, grid_points, parse, samples


def test_a_preset_is_kept_by_name_with_its_samples_as_targets():
    config = TrainConfig(function=" Bump ", grid=5)
    assert (config.gate, config.function, config.grid, config.is_function) == (FUNCTION, "bump", 5, True)
    assert config.targets == tuple(samples(parse(PRESETS["bump"].text), 5))
    assert config.points == tuple(map(tuple, grid_points(5)))


def test_an_expression_is_kept_as_typed_and_the_grid_has_a_default():
    config = TrainConfig(function="  x1*x2 ")
    assert (config.function, config.grid, len(config.targets)) == ("x1*x2", GRID_DEFAULT, GRID_DEFAULT**2)
    assert TrainConfig(function="x1", grid=" 5").grid == 5  # as the command line gives it


@pytest.mark.parametrize("function, says", [
    ("x1.__class__", "'.' at character 3 is not allowed"),
    ("import os", "'import' at character 1 is not known"),
    ("2*x1", "the values on the 11 x 11 grid run from 0 to 2, outside [0, 1] (the output is a sigmoid); "
             "scale it: f / 2 runs from 0 to 1"),
    ("log(x1)", "not defined (or not finite) at (0, 0)"),
    ("x" * 501, "the expression has 501 characters; at most 500"),
    ("", "the expression is empty"),
    (3, "the function must be text"),
])
def test_a_bad_function_is_refused_with_the_parsers_one_line_reason(function, says):
    with pytest.raises(ConfigError) as raised:
        TrainConfig(function=function)
    assert raised.value.parameter == "function" and says in str(raised.value)
    assert "\n" not in str(raised.value) and len(str(raised.value)) < 250


@pytest.mark.parametrize("grid", [1, 22, 2.5, "five", True, None])
def test_a_grid_outside_2_to_21_is_refused(grid):
    if grid is None:  # None is the default
        assert TrainConfig(function="bump", grid=grid).grid == GRID_DEFAULT
        return
    with pytest.raises(ConfigError) as raised:
        TrainConfig(function="bump", grid=grid)
    assert raised.value.parameter == "grid" and "from 2 to 21" in str(raised.value)


def test_a_gate_has_no_grid_and_the_function_gate_needs_a_function():
    with pytest.raises(ConfigError, match="grid = 5 is not allowed"):
        TrainConfig(grid=5)
    with pytest.raises(ConfigError, match="function = None"):
        TrainConfig(gate="function")
    with pytest.raises(ConfigError, match="the function's own values"):
        TrainConfig(function="bump", grid=2, targets=(0, 1, 1, 0))


def test_copies_follow_the_function_and_back_to_a_gate():
    config = TrainConfig(function="ridge", grid=4, alpha=0.3)
    assert config.with_changes(alpha=0.7).targets == config.targets
    finer = config.with_changes(grid=6)
    assert len(finer.targets) == 36 and finer.function == "ridge"
    other = config.with_changes(function="x1")
    assert other.targets[:4] == (0.0, 1 / 3, 2 / 3, 1.0)
    gate = config.with_changes(gate="and")
    assert (gate.gate, gate.function, gate.grid, gate.targets) == ("and", None, None, (0.0, 0.0, 0.0, 1.0))


def test_a_function_config_round_trips_through_its_dict_without_its_samples():
    config = TrainConfig(function="1 - x1*x2", grid=7, hidden_nodes=5, optimizer="adam")
    data = config.to_dict()
    assert "targets" not in data
    assert (data["gate"], data["function"], data["grid"]) == ("function", "1 - x1*x2", 7)
    assert TrainConfig.from_dict(data) == config


def test_a_gates_dict_is_what_it_was():
    data = TrainConfig(gate="nand", hidden_nodes=3).to_dict()
    assert list(data) == ["gate", "targets", "hidden_nodes", "alpha", "steps", "seed", "mode", "activation",
                          "loss", "init", "update_order", "target_loss"]
