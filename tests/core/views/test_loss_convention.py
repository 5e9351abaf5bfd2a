"""core.views.loss_convention: the article's 3-layer code sums (yp - yt)^2 without the 1/2."""

import numpy as np
import pytest

from core.model import network
from core.model.config import TrainConfig
from core.training.trainer import Trainer
from core.views.loss_convention import ARTICLE_SUM, GATELAB, loss_factor


def test_the_article_sum_is_twice_the_3_layer_squared_loss_and_changes_nothing_else():
    assert loss_factor("squared", 2, ARTICLE_SUM) == 2.0
    assert loss_factor("squared", 2, GATELAB) == 1.0
    assert loss_factor("cross-entropy", 2, ARTICLE_SUM) == 1.0  # no 1/2 to drop
    # The article's 2-layer code adds ((yp - yt)**2)/2: its curve is GateLab's.
    assert loss_factor("squared", 0, ARTICLE_SUM) == 1.0


def test_twice_gatelabs_loss_is_the_article_codes_sum():
    run = Trainer(TrainConfig(steps=50, seed=2))
    run.run()
    predictions = network.predictions(run.weights, "sigmoid")
    article_sum = float(np.sum((predictions - np.asarray(run.config.targets)) ** 2))
    assert loss_factor("squared", 2, ARTICLE_SUM) * run.final_loss() == pytest.approx(article_sum, abs=1e-12)
