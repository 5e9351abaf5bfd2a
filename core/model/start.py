"""The seeded start weights, drawn once for the single trainer and the many-seeds engine alike.

Every weight, in flat order (core.model.layout), is low + span * u with u the seed's NumPy
generator's uniform [0, 1) draws in turn: "uniform" (the article's: every weight, bias
included, in [0, 1)) has low 0 and span 1; "xavier" (Glorot uniform) draws each layer within
+-sqrt(6 / (fan_in + fan_out)).
"""

import math

import numpy as np

from core.model.layout import INPUT_COUNT, layout, output_size

DRAW_BATCH = 1024  # seeds drawn between stop polls


def scale(hidden_nodes: int, init: str):
    """(low, span) per weight so that weight = low + span * u; None for "uniform" (u itself)."""
    if init == "uniform":
        return None
    places = layout(hidden_nodes)
    hidden_limit = math.sqrt(6.0 / (INPUT_COUNT + hidden_nodes)) if hidden_nodes else 0.0
    limits = np.full(places.size, math.sqrt(6.0 / (output_size(hidden_nodes) + 1)))
    limits[places.hidden] = hidden_limit
    return -limits, limits - (-limits)  # as Generator.uniform computes low + (high - low) * u


def initial_flat(config) -> np.ndarray:
    """The start weights of one run, in flat order."""
    return initial_columns(config, [config.seed])[:, 0]


def initial_columns(config, seeds, should_stop=None) -> np.ndarray | None:
    """(weights x K) start weights, column k those of seed k (one generator per seed); None if
    should_stop() said so between batches of DRAW_BATCH seeds."""
    seeds = np.asarray(seeds, dtype=np.int64)
    size = layout(config.hidden_nodes).size
    rows = np.empty((seeds.size, size))
    default_rng = np.random.default_rng
    for start in range(0, seeds.size, DRAW_BATCH):
        if should_stop is not None and should_stop():
            return None
        for k in range(start, min(start + DRAW_BATCH, seeds.size)):
            rows[k] = default_rng(int(seeds[k])).random(size)
    params = np.ascontiguousarray(rows.T)
    low_span = scale(config.hidden_nodes, config.init)
    if low_span is not None:
        low, span = low_span
        params *= span[:, None]
        params += low[:, None]
    return params
