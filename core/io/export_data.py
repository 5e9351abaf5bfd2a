"""Export formats as text: the loss history and the predictions as CSV, the weights as strict JSON.

Pure Python and NumPy; gui/files/exports.py writes these texts to files or the clipboard.
Numbers are written in full precision (the shortest text that reads back as the
same float); a missing value (NaN) is an empty cell, an overflow is `inf`.
"""

import csv
import io
import json
import math

import numpy as np

from core.model.gates import ROWS
from core.model.network import Weights

# step_loss: the article's L[step], the rows' losses added up during the step's pass.
LOSS_HEADER = ("step", "step_loss")
PREDICTIONS_HEADER = ("input_x1", "input_x2", "predicted", "target", "error")
CHUNK_ROWS = 65536  # a 10^7-step history is written piece by piece, never as one huge string


def number_text(value) -> str:
    """Full-precision text of a float; empty for NaN (a step with no recorded loss)."""
    value = float(value)
    return "" if math.isnan(value) else repr(value)


def iter_loss_csv(history, first_step: int = 1):
    """Yields the CSV `step,step_loss` in chunks; history[0] is the loss of step `first_step`.

    float32 records (the window keeps them) are written with the shortest text that reads
    back as the same float32 (0.9, not 0.8999999761581421)."""
    values = np.asarray(history)
    values = values.ravel() if values.dtype == np.float32 else values.astype(float).ravel()
    first_step = int(first_step)
    yield ",".join(LOSS_HEADER) + "\n"
    for start in range(0, values.size, CHUNK_ROWS):
        chunk = values[start:start + CHUNK_ROWS]
        texts = ([("" if np.isnan(v) else str(v)) for v in chunk] if chunk.dtype == np.float32
                 else [number_text(v) for v in chunk.tolist()])
        step = first_step + start
        yield "".join(f"{step + i},{text}\n" for i, text in enumerate(texts))


def loss_csv(history, first_step: int = 1) -> str:
    return "".join(iter_loss_csv(history, first_step))


def prediction_rows(predictions, targets, points=ROWS) -> list[tuple]:
    """(x1, x2, predicted, target, error) per row (the truth table's, or a function's grid:
    `points`), error = predicted - target; a gate's inputs are the ints 0 and 1."""
    predicted = np.asarray(predictions, dtype=float).ravel()
    wanted = np.asarray(targets, dtype=float).ravel()
    if predicted.size != len(points) or wanted.size != len(points):
        raise ValueError(f"expected {len(points)} predictions and targets, "
                         f"got {predicted.size} and {wanted.size}")
    with np.errstate(invalid="ignore", over="ignore"):  # a diverged run's inf - inf is just NaN
        errors = predicted - wanted
    gate = tuple(points) == ROWS
    return [((int(x1), int(x2)) if gate else (x1, x2)) + (float(yp), float(yt), float(e))
            for (x1, x2), yp, yt, e in zip(points, predicted, wanted, errors)]


def predictions_text(predictions, targets, delimiter: str = ",", points=ROWS) -> str:
    """The predictions table with a header row; "\\t" as delimiter pastes into a spreadsheet."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, delimiter=delimiter, lineterminator="\n")
    writer.writerow(PREDICTIONS_HEADER)
    for x1, x2, *numbers in prediction_rows(predictions, targets, points):
        writer.writerow([x1, x2, *(number_text(v) for v in numbers)])
    return buffer.getvalue()


def predictions_csv(predictions, targets, points=ROWS) -> str:
    return predictions_text(predictions, targets, ",", points)


def predictions_tsv(predictions, targets, points=ROWS) -> str:
    return predictions_text(predictions, targets, "\t", points)


def weights_json(weights: Weights) -> str:
    """Weights.to_dict() as JSON; raises ValueError if a weight is NaN or infinite."""
    return json.dumps(weights.to_dict(), indent=2, allow_nan=False) + "\n"
