"""Shared test data: random weights that keep clear of ReLU's kink."""

import numpy as np

from core.model.gates import inputs_with_bias
from core.model.network import Weights


def random_weights(hidden_nodes, seed, scale=1.5):
    """Normal random weights with every hidden sum at least 1e-3 away from 0 (ReLU's kink)."""
    rng = np.random.default_rng(seed)
    x = inputs_with_bias()
    while True:
        hidden = rng.normal(0.0, scale, (3, hidden_nodes))
        output = rng.normal(0.0, scale, hidden_nodes + 1 if hidden_nodes else 3)
        if hidden_nodes == 0 or np.abs(x @ hidden).min() >= 1e-3:
            return Weights(hidden, output)
