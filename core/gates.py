"""The four truth-table rows and the named two-input gates."""

import numpy as np

# Row order follows the article: (0,0), (1,0), (0,1), (1,1).
ROWS = ((0.0, 0.0), (1.0, 0.0), (0.0, 1.0), (1.0, 1.0))

GATES = {
    "and": (0.0, 0.0, 0.0, 1.0),
    "or": (0.0, 1.0, 1.0, 1.0),
    "nand": (1.0, 1.0, 1.0, 0.0),
    "nor": (1.0, 0.0, 0.0, 0.0),
    "xor": (0.0, 1.0, 1.0, 0.0),
    "xnor": (1.0, 0.0, 0.0, 1.0),
}

GATE_NAMES = tuple(GATES) + ("custom",)


def inputs_with_bias() -> np.ndarray:
    """The 4x3 input matrix: x1, x2 and the constant bias input 1."""
    rows = np.array(ROWS, dtype=float)
    return np.hstack([rows, np.ones((4, 1))])


def is_solved(predictions, targets) -> bool:
    """Every prediction lies on the same side of 0.5 as its target.

    A target of exactly 0.5 has no side, so it only counts as met when the
    prediction is within 0.1 of it.
    """
    for yp, yt in zip(predictions, targets):
        if not np.isfinite(yp):
            return False
        if yt == 0.5:
            if abs(yp - 0.5) > 0.1:
                return False
        elif (yp > 0.5) != (yt > 0.5):
            return False
    return True
