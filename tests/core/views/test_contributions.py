"""How the sum builds the output (issue #28): the parts add up to v, and the sigmoid of v is
the network's own output surface."""

import numpy as np
import pytest

from core.model import network
from core.model.config import TrainConfig
from core.training.trainer import Trainer
from core.views.contributions import contributions


@pytest.mark.parametrize("activation", ["sigmoid", "tanh", "relu"])
def test_the_parts_and_the_bias_add_up_to_v_and_its_sigmoid_is_the_output(activation):
    trainer = Trainer(TrainConfig(function="bump", grid=5, hidden_nodes=4, steps=50, activation=activation))
    trainer.run()
    w = trainer.weights
    c = contributions(w, activation, size=11)
    assert c.parts.shape == (4, 11, 11)
    assert np.allclose(c.parts.sum(axis=0) + c.bias, c.total, rtol=1e-12, atol=1e-12)
    assert np.allclose(c.output, network.output_grid(w, activation, 11)[1], rtol=0, atol=1e-15)
    # node j's part at (x1, x2) = (0.3, 0.7): its activation there times its output weight
    u = 0.3 * w.hidden[0] + 0.7 * w.hidden[1] + w.hidden[2]
    h = {"sigmoid": 1 / (1 + np.exp(-u)), "tanh": np.tanh(u), "relu": np.maximum(u, 0)}[activation]
    assert np.allclose(c.parts[:, 3, 7], h * w.output[:-1], rtol=1e-12)
    assert c.span() == pytest.approx(max(np.abs(c.parts).max(), np.abs(c.total).max()))


def test_the_two_layer_model_has_no_parts_only_its_sum():
    w = Trainer(TrainConfig(hidden_nodes=0, gate="and")).weights
    c = contributions(w, "sigmoid", size=5)
    assert c.parts.shape == (0, 5, 5)
    assert c.total[4, 0] == pytest.approx(w.output[0] + w.output[2])  # x1 = 1, x2 = 0
