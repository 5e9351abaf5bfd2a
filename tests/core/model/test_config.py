"""TrainConfig: the article's defaults, every validation error, boundaries, round trips."""

import json
import math

import pytest

from core.model.config import ConfigError, TrainConfig
from core.model.gates import ROWS


def test_defaults_are_the_articles_three_layer_xor_run():
    config = TrainConfig()
    assert config.gate == "xor"
    assert config.targets == (0.0, 1.0, 1.0, 0.0)
    assert config.hidden_nodes == 2
    assert config.alpha == 0.5
    assert config.steps == 2000
    assert config.mode == "online"
    assert config.activation == "sigmoid"
    assert config.loss == "squared"
    assert config.init == "uniform"
    assert config.update_order == "textbook"
    assert config.target_loss is None
    assert not config.is_two_layer


def test_config_errors_are_value_errors():
    assert issubclass(ConfigError, ValueError)


CUSTOM = {"gate": "custom"}

# (parameter, changes, text that must appear in the allowed range)
INVALID = [
    ("alpha", {"alpha": 0}, "> 0 and <= 100"),
    ("alpha", {"alpha": -1}, "> 0 and <= 100"),
    ("alpha", {"alpha": math.nan}, "> 0 and <= 100"),
    ("alpha", {"alpha": math.inf}, "> 0 and <= 100"),
    ("alpha", {"alpha": -math.inf}, "> 0 and <= 100"),
    ("alpha", {"alpha": 100.0001}, "> 0 and <= 100"),
    ("alpha", {"alpha": "abc"}, "> 0 and <= 100"),
    ("alpha", {"alpha": True}, "> 0 and <= 100"),
    ("alpha", {"alpha": None}, "> 0 and <= 100"),
    ("steps", {"steps": 0}, "from 1 to 100000000"),
    ("steps", {"steps": 10**8 + 1}, "from 1 to 100000000"),
    ("steps", {"steps": 1.5}, "from 1 to 100000000"),
    ("steps", {"steps": "ten"}, "from 1 to 100000000"),
    ("steps", {"steps": True}, "from 1 to 100000000"),
    ("hidden_nodes", {"hidden_nodes": 65}, "from 0 to 64"),
    ("hidden_nodes", {"hidden_nodes": -1}, "from 0 to 64"),
    ("hidden_nodes", {"hidden_nodes": 2.5}, "from 0 to 64"),
    ("seed", {"seed": -1}, "from 0 to 4294967295"),
    ("seed", {"seed": 2**32}, "from 0 to 4294967295"),
    ("seed", {"seed": math.nan}, "from 0 to 4294967295"),
    ("targets", {**CUSTOM}, "four numbers from 0 to 1"),
    ("targets", {**CUSTOM, "targets": (0, 1, 1)}, "four numbers from 0 to 1"),
    ("targets", {**CUSTOM, "targets": (0, 1, 1, 0, 1)}, "four numbers from 0 to 1"),
    ("targets", {**CUSTOM, "targets": (0, 1, 1, 1.5)}, "four numbers from 0 to 1"),
    ("targets", {**CUSTOM, "targets": (-0.1, 1, 1, 0)}, "four numbers from 0 to 1"),
    ("targets", {**CUSTOM, "targets": (0, 1, "x", 0)}, "four numbers from 0 to 1"),
    ("targets", {**CUSTOM, "targets": (0, 1, math.nan, 0)}, "four numbers from 0 to 1"),
    ("targets", {**CUSTOM, "targets": "0110"}, "four numbers from 0 to 1"),
    ("targets", {**CUSTOM, "targets": 3}, "four numbers from 0 to 1"),
    ("targets", {"gate": "and", "targets": (0, 1, 1, 0)}, "AND gate's own targets"),
    ("gate", {"gate": "xand"}, "one of and, or, nand, nor, xor, xnor, custom"),
    ("mode", {"mode": "minibatch"}, "one of online, batch"),
    ("activation", {"activation": "softmax"}, "one of sigmoid, tanh, relu"),
    ("loss", {"loss": "hinge"}, "one of squared, cross-entropy"),
    ("init", {"init": "zeros"}, "one of uniform, xavier"),
    ("update_order", {"update_order": "random"}, "one of textbook, article"),
    ("update_order", {"update_order": 1}, "one of textbook, article"),
    ("target_loss", {"target_loss": 0}, "> 0 and <= 100"),
    ("target_loss", {"target_loss": -0.5}, "> 0 and <= 100"),
    ("target_loss", {"target_loss": math.nan}, "> 0 and <= 100"),
    ("target_loss", {"target_loss": 101}, "> 0 and <= 100"),
]


def _ids(case):
    parameter, changes, _ = case
    return f"{parameter}={changes.get(parameter, '<missing>')!r}"


@pytest.mark.parametrize("parameter, changes, allowed", INVALID, ids=[_ids(c) for c in INVALID])
def test_invalid_value_raises_an_error_naming_parameter_value_and_range(parameter, changes, allowed):
    with pytest.raises(ConfigError) as info:
        TrainConfig(**changes)
    error = info.value
    message = str(error)
    assert error.parameter == parameter
    assert message.startswith(parameter + " = ")
    assert allowed in message
    assert allowed in error.allowed
    if parameter in changes:
        bad = changes[parameter]
        # The offending value (the whole argument, or the one bad item in a target list).
        assert repr(bad) in message or any(repr(item) in message for item in _items(bad))
    else:
        assert "None" in message


def _items(value):
    try:
        return list(value)
    except TypeError:
        return []


@pytest.mark.parametrize("changes", [
    {"alpha": 100}, {"alpha": 100.0}, {"alpha": 1e-4}, {"alpha": "0.25"},
    {"steps": 1}, {"steps": 10**8}, {"steps": 5.0}, {"steps": "7"},
    {"hidden_nodes": 0}, {"hidden_nodes": 64},
    {"seed": 0}, {"seed": 2**32 - 1},
    {"target_loss": 100}, {"target_loss": 1e-12},
    {"gate": "custom", "targets": (0, 0, 0, 0)}, {"gate": "custom", "targets": (1, 1, 1, 1)},
])
def test_boundary_values_are_accepted(changes):
    config = TrainConfig(**changes)
    for name, value in changes.items():
        if name != "targets":
            assert getattr(config, name) == type(getattr(config, name))(value)


def test_accepted_values_are_normalised():
    config = TrainConfig(alpha="0.25", steps="7", seed=3.0, mode=" Batch ", activation="TANH")
    assert config.alpha == 0.25 and isinstance(config.alpha, float)
    assert config.steps == 7 and isinstance(config.steps, int)
    assert config.seed == 3 and isinstance(config.seed, int)
    assert config.mode == "batch"
    assert config.activation == "tanh"


def test_custom_gate_gives_its_targets():
    config = TrainConfig(gate="custom", targets=[0.25, 1, 0, 0.5])
    assert config.targets == (0.25, 1.0, 0.0, 0.5)
    assert all(isinstance(t, float) for t in config.targets)


TRUTH = {
    "and": lambda a, b: a and b, "or": lambda a, b: a or b,
    "nand": lambda a, b: not (a and b), "nor": lambda a, b: not (a or b),
    "xor": lambda a, b: a != b, "xnor": lambda a, b: a == b,
}


@pytest.mark.parametrize("gate", sorted(TRUTH))
def test_named_gate_targets_follow_the_truth_table_in_the_articles_row_order(gate):
    assert ROWS == ((0, 0), (1, 0), (0, 1), (1, 1))
    expected = tuple(float(bool(TRUTH[gate](bool(a), bool(b)))) for a, b in ROWS)
    assert TrainConfig(gate=gate).targets == expected
    # A named gate may restate its own targets.
    assert TrainConfig(gate=gate, targets=expected).targets == expected


def test_config_is_frozen():
    config = TrainConfig()
    with pytest.raises(AttributeError):
        config.alpha = 2.0  # type: ignore[misc]


def test_to_dict_from_dict_round_trip_through_json():
    config = TrainConfig(gate="custom", targets=(0.1, 0.9, 0.8, 0.2), hidden_nodes=5, alpha=1.25,
                         steps=321, seed=2**32 - 1, mode="batch", activation="relu",
                         loss="cross-entropy", init="xavier", update_order="article",
                         target_loss=0.01)
    data = json.loads(json.dumps(config.to_dict(), allow_nan=False))
    assert set(data) == {"gate", "targets", "hidden_nodes", "alpha", "steps", "seed", "mode",
                         "activation", "loss", "init", "update_order", "target_loss"}
    assert data["targets"] == [0.1, 0.9, 0.8, 0.2]
    assert TrainConfig.from_dict(data) == config
    assert TrainConfig.from_dict(TrainConfig().to_dict()) == TrainConfig()


def test_from_dict_rejects_unknown_keys():
    data = TrainConfig().to_dict()
    data["learning_rate"] = 0.1
    with pytest.raises(ConfigError) as info:
        TrainConfig.from_dict(data)
    assert info.value.parameter == "learning_rate"
    assert "learning_rate" in str(info.value)


def test_from_dict_rejects_a_non_object():
    with pytest.raises(ConfigError):
        TrainConfig.from_dict([("alpha", 0.5)])


def test_from_dict_validates_values():
    data = TrainConfig().to_dict()
    data["steps"] = 0
    with pytest.raises(ConfigError) as info:
        TrainConfig.from_dict(data)
    assert info.value.parameter == "steps"


def test_with_changes_validates_and_leaves_the_original_alone():
    config = TrainConfig()
    with pytest.raises(ConfigError) as info:
        config.with_changes(alpha=0)
    assert info.value.parameter == "alpha"
    with pytest.raises(ConfigError):
        config.with_changes(hidden_nodes=65)
    changed = config.with_changes(alpha=2, steps=10)
    assert (changed.alpha, changed.steps) == (2.0, 10)
    assert (config.alpha, config.steps) == (0.5, 2000)


def test_with_changes_to_a_named_gate_takes_that_gates_targets():
    custom = TrainConfig(gate="custom", targets=(0.5, 0.5, 0.5, 0.5))
    assert custom.with_changes(gate="and").targets == (0.0, 0.0, 0.0, 1.0)
    assert TrainConfig().with_changes(gate="custom", targets=(1, 0, 0, 0)).targets == (1.0, 0.0, 0.0, 0.0)


def test_differing_fields_sees_the_optimizer_both_ways():
    """to_dict leaves plain descent's optimizer out (files stay as they were); the settings
    that differ are read from the fields, or a switch back to plain descent went unseen."""
    from core.model.config import differing_fields

    base = TrainConfig()
    adam = base.with_changes(optimizer="adam", alpha=0.1)
    assert differing_fields(base, adam) == ["alpha", "optimizer"]
    assert differing_fields(adam, base) == ["alpha", "optimizer"]
    assert differing_fields(base, base) == []
