"""TrainConfig: the one validated description of a training run.

The GUI, the command line and saved files all build this object; its checks
are the authority on what a valid run is.
"""

import math
from dataclasses import asdict, dataclass, fields, replace
from functools import lru_cache

from core.model import target_function as tf
from core.model.gates import GATE_NAMES, GATES, ROWS
from core.model.layout import OPTIMIZERS  # sgd (the article's), momentum, adam

MODES = ("online", "batch")
ACTIVATIONS = ("sigmoid", "tanh", "relu")
LOSSES = ("squared", "cross-entropy")
INITS = ("uniform", "xavier")
UPDATE_ORDERS = ("textbook", "article")

ALPHA_MAX = 100.0
STEPS_MAX = 10**8
HIDDEN_MAX = 64
SEED_MAX = 2**32 - 1
TARGET_LOSS_MAX = 100.0
# The settings a run may change as it goes; changing any other starts a new run.
# The tolerance only judges the run (no step reads it), so it changes as the run goes too.
LIVE_FIELDS = ("alpha", "steps", "tolerance")
# Settings that judge a run or stop it early but never enter a step: runs that differ only in
# these trained the same numbers, so a run's record and a branch's link overlook them.
JUDGE_FIELDS = ("tolerance", "target_loss")
# A run on a target function f(x1, x2) has this as its gate, and its rows are the grid's.
FUNCTION = "function"
GRID_DEFAULT = 11  # samples per side when none is given: 121 rows, every preset learnable
# What a function run trains with unless told otherwise (the gates keep the article's): every
# preset gets within the tolerance on the 11 x 11 grid (measured in docs/design.md, issue #28).
# Adam makes the step's size independent of the gradient's scale, so of n; batch mode lets it
# settle where online updates, each row pulling its own way, keep the error above 0.05.
FUNCTION_DEFAULTS = {"hidden_nodes": 24, "alpha": 0.1, "steps": 10_000, "mode": "batch",
                     "loss": "cross-entropy", "init": "xavier", "optimizer": "adam"}
TOLERANCE_MIN, TOLERANCE_MAX = 0.001, 0.5
# The run's pace (steps per second) is not part of a run's config; this value means "as fast
# as possible".
FULL_SPEED = 0.0


class ConfigError(ValueError):
    """A parameter is malformed or out of range; the message names all three parts."""

    def __init__(self, parameter: str, value, allowed: str):
        self.parameter = parameter
        self.value = value
        self.allowed = allowed
        super().__init__(f"{parameter} = {shown_value(value)} is not allowed: {allowed}")


def shown_value(value, limit: int = 60) -> str:
    """The bad value as typed, cut short: a message must stay one readable line."""
    text = repr(value)
    return text if len(text) <= limit else f"{text[:limit - 20]}... ({len(text)} characters)"


def _number(name, value, allowed):
    if isinstance(value, bool):
        raise ConfigError(name, value, allowed)
    try:
        number = float(value)
    except (TypeError, ValueError, OverflowError):  # OverflowError: an int beyond any float
        raise ConfigError(name, value, allowed) from None
    if not math.isfinite(number):
        raise ConfigError(name, value, allowed)
    return number


def _integer(name, value, low, high):
    allowed = f"a whole number from {low} to {high}"
    if isinstance(value, bool):
        raise ConfigError(name, value, allowed)
    if isinstance(value, str):
        try:
            value = int(value.strip())
        except ValueError:
            raise ConfigError(name, value, allowed) from None
    try:
        number = int(value)
    except (TypeError, ValueError, OverflowError):
        raise ConfigError(name, value, allowed) from None
    if number != value or not low <= number <= high:
        raise ConfigError(name, value, allowed)
    return number


def _choice(name, value, choices):
    allowed = "one of " + ", ".join(choices)
    text = value.strip().lower() if isinstance(value, str) else value
    if text not in choices:
        raise ConfigError(name, value, allowed)
    return text


def _targets(gate, value):
    allowed = "four numbers from 0 to 1, one per row (0,0), (1,0), (0,1), (1,1)"
    if gate != "custom":
        if value is not None:
            try:
                same = tuple(float(v) for v in value) == GATES[gate]
            except (TypeError, ValueError, OverflowError):
                same = False
            if not same:
                raise ConfigError("targets", value, f"the {gate.upper()} gate's own targets")
        return GATES[gate]
    if value is None or isinstance(value, str):
        raise ConfigError("targets", value, allowed)
    try:
        items = list(value)
    except TypeError:
        raise ConfigError("targets", value, allowed) from None
    if len(items) != 4:
        raise ConfigError("targets", value, allowed)
    try:
        numbers = tuple(_number("targets", v, allowed) for v in items)
    except ConfigError:
        raise ConfigError("targets", value, allowed) from None
    if not all(0.0 <= v <= 1.0 for v in numbers):
        raise ConfigError("targets", value, allowed)
    return numbers


def _function(value) -> str:
    """The function as it is kept: a preset's name (lower case), or the expression typed,
    stripped; a FunctionError's one-line reason becomes the ConfigError's."""
    if isinstance(value, str) and value.strip().lower() in tf.PRESETS:
        return value.strip().lower()
    try:
        return tf.parse(value).text
    except tf.FunctionError as error:
        raise ConfigError("function", value, str(error)) from error


def _grid(value) -> int:
    return _integer("grid", value, tf.GRID_MIN, tf.GRID_MAX)


def _tolerance(value) -> float:
    allowed = f"a number from {TOLERANCE_MIN:g} to {TOLERANCE_MAX:g}"
    if value is None:
        return tf.TOLERANCE
    number = _number("tolerance", value, allowed)
    if not TOLERANCE_MIN <= number <= TOLERANCE_MAX:
        raise ConfigError("tolerance", value, allowed)
    return number


def function_config(function: str, **settings) -> "TrainConfig":
    """A run on `function` with FUNCTION_DEFAULTS, then `settings` (any TrainConfig field)."""
    return TrainConfig(**(FUNCTION_DEFAULTS | {"function": function} | settings))


@lru_cache(maxsize=32)
def function_rows(function: str, grid: int) -> tuple:
    """((the grid's points), (the targets there)) of a valid function and grid; ConfigError
    (from the FunctionError, naming the range found and how to scale) if its values leave [0, 1]."""
    try:
        targets = tf.samples(tf.function_of(function), grid)
    except tf.FunctionError as error:
        raise ConfigError("function", function, str(error)) from error
    points = tuple((float(x1), float(x2)) for x1, x2 in tf.grid_points(grid))
    return points, tuple(float(t) for t in targets)


def _function_targets(function: str, grid: int, value) -> tuple:
    targets = function_rows(function, grid)[1]
    if value is not None:
        try:
            same = tuple(float(v) for v in value) == targets
        except (TypeError, ValueError, OverflowError):
            same = False
        if not same:
            raise ConfigError("targets", value, "the function's own values on its grid")
    return targets


@dataclass(frozen=True)
class TrainConfig:
    gate: str = "xor"
    targets: tuple | None = None
    hidden_nodes: int = 2
    alpha: float = 0.5
    steps: int = 2000
    seed: int = 0
    mode: str = "online"
    activation: str = "sigmoid"
    loss: str = "squared"
    init: str = "uniform"
    update_order: str = "textbook"
    target_loss: float | None = None
    optimizer: str = "sgd"
    # A target function (a preset's name or an expression in x1, x2) sampled on a grid x grid
    # grid; None for a gate. With a function the gate is FUNCTION and the targets its samples.
    function: str | None = None
    grid: int | None = None
    # How close each sample must come for a function run to count as learnt (None for a gate,
    # whose rows are judged by their side of 0.5); it judges the run, training never reads it.
    tolerance: float | None = None

    def __post_init__(self):
        if self.function is not None or self.gate == FUNCTION:
            self._function_fields()
        else:
            if self.grid is not None:
                raise ConfigError("grid", self.grid, "empty for a gate (a grid is for a function)")
            if self.tolerance is not None:
                raise ConfigError("tolerance", self.tolerance, "empty for a gate (a tolerance is for "
                                  "a function)")
            self._gate_fields()
        self._common_fields()

    def _function_fields(self):
        if self.function is None:
            raise ConfigError("function", None, "a preset's name or an expression in x1 and x2")
        function = _function(self.function)
        grid = _grid(GRID_DEFAULT if self.grid is None else self.grid)
        for name, value in {"gate": FUNCTION, "function": function, "grid": grid,
                            "targets": _function_targets(function, grid, self.targets),
                            "tolerance": _tolerance(self.tolerance)}.items():
            object.__setattr__(self, name, value)

    def _gate_fields(self):
        gate = _choice("gate", self.gate, GATE_NAMES)
        object.__setattr__(self, "gate", gate)
        object.__setattr__(self, "targets", _targets(gate, self.targets))

    def _common_fields(self):
        alpha = _number("alpha", self.alpha, f"a finite number > 0 and <= {ALPHA_MAX:g}")
        if not 0.0 < alpha <= ALPHA_MAX:
            raise ConfigError("alpha", self.alpha, f"a finite number > 0 and <= {ALPHA_MAX:g}")
        target_loss = self.target_loss
        if target_loss is not None:
            allowed = f"empty, or a number > 0 and <= {TARGET_LOSS_MAX:g}"
            target_loss = _number("target_loss", target_loss, allowed)
            if not 0.0 < target_loss <= TARGET_LOSS_MAX:
                raise ConfigError("target_loss", self.target_loss, allowed)
        values = {
            "hidden_nodes": _integer("hidden_nodes", self.hidden_nodes, 0, HIDDEN_MAX),
            "alpha": alpha,
            "steps": _integer("steps", self.steps, 1, STEPS_MAX),
            "seed": _integer("seed", self.seed, 0, SEED_MAX),
            "mode": _choice("mode", self.mode, MODES),
            "activation": _choice("activation", self.activation, ACTIVATIONS),
            "loss": _choice("loss", self.loss, LOSSES),
            "init": _choice("init", self.init, INITS),
            "update_order": _choice("update_order", self.update_order, UPDATE_ORDERS),
            "target_loss": target_loss,
            "optimizer": _choice("optimizer", self.optimizer, OPTIMIZERS),
        }
        for name, value in values.items():
            object.__setattr__(self, name, value)

    def with_changes(self, **changes) -> "TrainConfig":
        """A validated copy; switching to a named gate drops the old targets (and the function
        and its tolerance), a new function or grid its old samples."""
        if any(k in changes for k in ("gate", "function", "grid")) and "targets" not in changes:
            changes["targets"] = None
        if changes.get("gate", FUNCTION) != FUNCTION and "function" not in changes:
            changes |= {"function": None, "grid": None}
        if changes.get("function", self.function) is None and "tolerance" not in changes:
            changes["tolerance"] = None  # a gate is judged by its sides of 0.5
        return replace(self, **changes)

    def to_dict(self) -> dict:
        data = asdict(self)
        data["targets"] = list(self.targets)
        if data["optimizer"] == "sgd":  # files and results of plain descent stay as they were
            del data["optimizer"]
        if self.function is None:  # a gate's files and results stay as they were
            del data["function"], data["grid"]
        else:  # the samples follow from the function and the grid
            del data["targets"]
        if self.tolerance is None or self.tolerance == tf.TOLERANCE:  # as files were before
            del data["tolerance"]
        return data

    @classmethod
    def from_dict(cls, data) -> "TrainConfig":
        if not isinstance(data, dict):
            raise ConfigError("config", data, "an object of named parameters")
        known = {f.name for f in fields(cls)}
        unknown = sorted(set(data) - known)
        if unknown:
            raise ConfigError(unknown[0], data[unknown[0]], "a known parameter name")
        return cls(**data)

    @property
    def is_two_layer(self) -> bool:
        return self.hidden_nodes == 0

    @property
    def is_function(self) -> bool:
        return self.function is not None

    @property
    def points(self) -> tuple:
        """Each row's inputs (x1, x2), in the targets' order: the gates' four rows, or the
        function's grid (x1 fastest)."""
        return ROWS if self.function is None else function_rows(self.function, self.grid)[0]


# Fields whose change needs new initial weights (the network's shape or start).
STRUCTURAL_FIELDS = ("gate", "targets", "hidden_nodes", "seed", "init", "function", "grid")


def differing_fields(first: TrainConfig, second: TrainConfig) -> list[str]:
    """The settings in which two configs differ, in the order of TrainConfig's fields."""
    # Every field, not to_dict's keys: those leave out the optimizer when it is plain descent.
    return [f.name for f in fields(TrainConfig) if getattr(first, f.name) != getattr(second, f.name)]


def trains_alike(first: TrainConfig, second: TrainConfig, *overlooked: str) -> bool:
    """Whether two configs train the same numbers: equal but for JUDGE_FIELDS and `overlooked`."""
    skip = set(JUDGE_FIELDS) | set(overlooked)
    return all(name in skip for name in differing_fields(first, second))
