"""core.io.export_data: the CSV and JSON texts read back as exactly the data."""

import csv
import io
import json
import math

import numpy as np
import pytest

from core.io import export_data
from core.model.config import TrainConfig
from core.model.gates import ROWS
from core.model.network import Weights
from core.training.trainer import initial_weights


def read_csv(text, delimiter=","):
    return list(csv.reader(io.StringIO(text), delimiter=delimiter))


def test_loss_csv_has_a_header_and_one_exact_row_per_step():
    losses = np.random.default_rng(1).random(10) / 3
    rows = read_csv(export_data.loss_csv(losses, first_step=5))
    assert rows[0] == ["step", "step_loss"]
    assert [int(step) for step, _ in rows[1:]] == list(range(5, 15))
    assert [float(loss) for _, loss in rows[1:]] == losses.tolist()  # full precision, no rounding


def test_loss_csv_of_an_empty_history_is_just_the_header():
    assert export_data.loss_csv(np.zeros(0)) == "step,step_loss\n"


def test_a_gap_is_an_empty_cell_and_an_overflow_is_inf():
    rows = read_csv(export_data.loss_csv([0.5, math.nan, math.inf, 0.25]))
    assert rows[1:] == [["1", "0.5"], ["2", ""], ["3", "inf"], ["4", "0.25"]]


def test_long_histories_come_in_chunks_that_join_to_the_whole(monkeypatch):
    monkeypatch.setattr(export_data, "CHUNK_ROWS", 7)
    losses = np.linspace(1.0, 0.0, 30)
    chunks = list(export_data.iter_loss_csv(losses, 1))
    assert len(chunks) == 1 + 5  # the header, then ceil(30 / 7) chunks
    rows = read_csv("".join(chunks))
    assert [float(loss) for _, loss in rows[1:]] == losses.tolist()
    assert rows[-1][0] == "30"


def test_predictions_csv_holds_inputs_prediction_target_and_error():
    predictions, targets = [0.1, 0.8, 0.7, 0.3], [0.0, 1.0, 1.0, 0.0]
    rows = read_csv(export_data.predictions_csv(predictions, targets))
    assert rows[0] == ["input_x1", "input_x2", "predicted", "target", "error"]
    for row, (x1, x2), yp, yt in zip(rows[1:], ROWS, predictions, targets):
        assert [int(row[0]), int(row[1])] == [x1, x2]
        assert [float(v) for v in row[2:]] == [yp, yt, yp - yt]


def test_predictions_tsv_is_the_same_table_with_tabs():
    predictions, targets = [0.1, 0.8, 0.7, 0.3], [0.0, 1.0, 1.0, 0.0]
    tsv = export_data.predictions_tsv(predictions, targets)
    assert "," not in tsv
    assert read_csv(tsv, "\t") == read_csv(export_data.predictions_csv(predictions, targets))


def test_predictions_need_four_rows():
    with pytest.raises(ValueError):
        export_data.predictions_csv([0.1, 0.2], [0.0, 1.0])


@pytest.mark.parametrize("hidden_nodes", [0, 2, 5])
def test_weights_json_loads_as_to_dict(hidden_nodes):
    weights = initial_weights(TrainConfig(hidden_nodes=hidden_nodes, seed=3))
    assert json.loads(export_data.weights_json(weights)) == weights.to_dict()


@pytest.mark.parametrize("bad", [math.nan, math.inf, -math.inf])
def test_weights_json_refuses_non_finite_weights(bad):
    weights = Weights(np.array([[1.0], [bad], [0.0]]), np.array([1.0, 2.0]))
    with pytest.raises(ValueError):
        export_data.weights_json(weights)
