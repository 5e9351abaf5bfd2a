"""Where practice exercises come from: the article's two runs, a run at a given step, and ones
generated from a seed with round numbers for pencil and paper (the same seed, the same one)."""

import numpy as np

from core.model.config import TrainConfig
from core.model.layout import parameter_count
from core.model.network import Weights
from core.model.presets import preset_config
from core.model.start import initial_flat
from core.teaching.practice import Exercise, make_exercise

ARTICLE_RUNS = ("article-and", "article-xor")
GENERATED = "generated"
RUN = "run"
KINDS = ARTICLE_RUNS + (RUN, GENERATED)

ROUND_ALPHAS = (0.1, 0.2, 0.5)  # small, and easy to multiply by hand
ROUND_GATES = ("and", "or", "nand", "nor", "xor")
ROUND_HIDDEN = (0, 2)
SEED_LIMIT = 2 ** 32  # what TrainConfig takes
MAX_HIDDEN = 4  # more is no exercise for pencil and paper


def article_exercise(name: str, row: int = 0) -> Exercise:
    """The first update of the article's run `name` (its seed's start weights) on `row`."""
    config = preset_config(name)
    return make_exercise(name, config, Weights.from_flat(initial_flat(config), config.hidden_nodes), row)


def run_exercise(config: TrainConfig, weights: Weights, row: int, optimizer_state=None,
                 step: int = 0) -> Exercise:
    """The update on `row` of a run's weights (and optimizer state) after `step` steps."""
    if config.mode != "online":
        raise ValueError("practice works one row's update, as online training makes it; "
                         "this run trains in batch mode")
    return make_exercise(RUN, config, weights, row, optimizer_state, step)


def generated_exercise(seed: int, hidden_nodes: int | None = None, row: int | None = None) -> Exercise:
    """Round numbers from a seed: weights of one decimal in ±0.1..±0.9, α in ROUND_ALPHAS, a
    gate, a row and the model drawn in turn from the seed's generator (the model and the row
    may be given instead)."""
    if not 0 <= int(seed) < SEED_LIMIT:
        raise ValueError(f"seed must be 0..{SEED_LIMIT - 1}, not {seed}")
    rng = np.random.default_rng(int(seed))
    hidden = int(rng.choice(ROUND_HIDDEN)) if hidden_nodes is None else int(hidden_nodes)
    if not 0 <= hidden <= MAX_HIDDEN:
        raise ValueError(f"hidden nodes must be 0..{MAX_HIDDEN} for an exercise by hand, not {hidden}")
    gate = str(rng.choice(ROUND_GATES))
    alpha = float(rng.choice(ROUND_ALPHAS))
    drawn_row = int(rng.integers(4))
    row = drawn_row if row is None else int(row)
    tenths = rng.integers(1, 10, parameter_count(hidden)) * rng.choice((-1, 1), parameter_count(hidden))
    config = TrainConfig(gate=gate, hidden_nodes=hidden, alpha=alpha, seed=int(seed))
    return make_exercise(GENERATED, config, Weights.from_flat(tenths / 10.0, hidden), row)


def sheet_seeds(seed: int, count: int) -> list[int]:
    """The seeds of a worksheet's exercises, drawn from its own seed."""
    return [int(s) for s in np.random.default_rng(int(seed)).integers(0, SEED_LIMIT, count)]
