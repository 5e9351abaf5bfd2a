"""The hidden-nodes study reports its work as a share of the whole, weighted by each count's
cost and also within a count, so a study up to 64 nodes shows its progress as it goes."""

import numpy as np
import pytest

from core.model.config import TrainConfig
from core.training.hidden_study import study, work_shares

CONFIG = TrainConfig(function="ridge", grid=3, steps=40)


def test_a_counts_share_grows_with_its_weights():
    shares = work_shares((1, 8))
    assert shares.sum() == pytest.approx(1.0)
    assert shares.tolist() == pytest.approx([5 / 38, 33 / 38])


def test_the_work_reported_rises_to_the_whole_through_each_counts_start():
    seen = []
    rows = study(CONFIG, (1, 8), 3, on_work=seen.append)
    assert [r.hidden_nodes for r in rows] == [1, 8]
    assert np.all(np.diff(seen) >= 0) and seen[-1] == pytest.approx(1.0)
    assert any(v == pytest.approx(5 / 38) for v in seen)  # the first count done, the second begun


def test_a_stopped_study_reports_no_more_than_it_did():
    seen = []
    assert study(CONFIG, (1, 2), 3, should_stop=lambda: bool(seen), on_work=seen.append) is None
    assert seen and max(seen) < 1.0


def test_the_work_reaches_the_whole_when_every_seed_stops_early():
    # A loose target loss ends every seed long before its steps: each count still counts as done.
    seen = []
    rows = study(CONFIG.with_changes(steps=2000, target_loss=0.5), (1, 2, 3), 3, on_work=seen.append)
    assert len(rows) == 3
    assert seen[-1] == pytest.approx(1.0)
