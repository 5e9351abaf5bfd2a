"""A plain reference for the network's math, in Python loops over floats, written apart from
core/model/step.py: the tests hold the step definition to it."""

import math


def sigmoid(z: float) -> float:
    return 1.0 / (1.0 + math.exp(-z)) if z >= 0 else math.exp(z) / (1.0 + math.exp(z))


def activation(name: str, u: float) -> tuple[float, float]:
    """A hidden node's activation and its slope."""
    if name == "sigmoid":
        h = sigmoid(u)
        return h, h * (1.0 - h)
    if name == "tanh":
        return math.tanh(u), 1.0 - math.tanh(u) ** 2
    return max(u, 0.0), float(u > 0)
