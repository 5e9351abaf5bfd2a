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


# A target between 0 and 1 (a custom gate's 0.3, say) is met when the prediction is this close:
# then the predictions table, at 2 decimals, shows the target itself.
TARGET_TOLERANCE = 0.005


def rows_met(predictions, targets) -> np.ndarray:
    """Which rows the predictions meet (any leading shape, 4 rows last): for a target of 0 or 1
    the prediction is on its side of 0.5, as the article reads its table; for any other target
    it lies within TARGET_TOLERANCE of it (0.46 does not meet 0.5). NaN or inf meets nothing."""
    predictions = np.asarray(predictions, dtype=float)
    targets = np.broadcast_to(np.asarray(targets, dtype=float), predictions.shape)
    binary = (targets == 0.0) | (targets == 1.0)
    with np.errstate(invalid="ignore"):
        same_side = (predictions > 0.5) == (targets > 0.5)
        near = np.abs(predictions - targets) <= TARGET_TOLERANCE
    return np.where(binary, same_side, near) & np.isfinite(predictions)


def is_solved(predictions, targets) -> bool:
    """Every row is met (rows_met)."""
    return bool(rows_met(predictions, targets).all())
