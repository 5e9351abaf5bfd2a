"""Crafted files against the run record and its loaders: what does not replay is never shown,
nothing stalls, and a run too long for a list of losses still saves.

Each file is built as the issue describes it: a tampered checkpoint, a tampered edit, a bogus
branch, a record with 2 million changes, sparse checkpoints, "interval": 1, huge losses, a
history longer than the old 10.3 M-step limit.
"""

import base64
import json
import zlib

import numpy as np
import pytest

from core.io import experiment as ex
from core.io import session_file as sf
from core.io.experiment import ExperimentError, ReadCancelled, from_json, restore_trainer, to_json
from core.model.config import TrainConfig
from core.model.network import Weights
from core.training import run_record
from core.training.run_record import RunRecord, checkpoint_interval
from core.training.trainer import Trainer


def trained(steps=6000, **config) -> Trainer:
    trainer = Trainer(TrainConfig(steps=steps, seed=1, **config))
    trainer.run()
    return trainer


def document(trainer) -> dict:
    return json.loads(to_json(trainer))


def opened(data, **options) -> Trainer:
    return restore_trainer(from_json(json.dumps(data)), **options)


def checkpoint_index(data, step) -> int:
    return [point[0] for point in data["record"]["checkpoints"]].index(step)


# -- 1. a checkpoint or an edit that is not the run's -------------------------------------
def test_a_checkpoint_with_one_weight_changed_is_not_shown_nor_any_step_before_it():
    live = trained()
    data = document(live)
    data["record"]["checkpoints"][checkpoint_index(data, 2048)][2][0] = 99.0
    trainer = opened(data)
    record = trainer.record
    assert record.start_step == 4096
    assert "does not replay between steps 2,048 and 4,096" in record.dropped_note
    with pytest.raises(ValueError):
        trainer.state_at(3000)
    with pytest.raises(ValueError, match="cannot be shown: steps 0 to 4,095 are not shown"):
        record.state_at(3000)
    assert trainer.state_at(5000).weights.equals(live.state_at(5000).weights)


def test_a_hand_edit_changed_to_huge_weights_is_not_shown():
    live = Trainer(TrainConfig(steps=6000, seed=1))
    live.advance(2500)
    live.set_weights(Weights(live.weights.hidden + 0.01, live.weights.output))
    live.run()
    data = document(live)
    edit = data["record"]["changes"][0]
    edit[2] = [1e300] * len(edit[2])
    trainer = opened(data)
    assert trainer.record.start_step == 4096 and trainer.record.changes == []
    with pytest.raises(ValueError):
        trainer.state_at(3000)
    assert trainer.state_at(4500).weights.equals(live.state_at(4500).weights)


def test_a_loss_changed_in_the_files_history_cuts_the_record_after_it():
    data = document(trained())
    data["loss_history"][2500] *= 1.5
    trainer = opened(data)
    assert trainer.record.start_step == 4096
    assert trainer.step == 6000  # the run itself opens as saved


def test_a_segment_past_the_opening_budget_is_checked_before_its_steps_are_shown():
    live = trained(12_000)
    good = opened(document(live), budget=0)
    assert good.record.unchecked() == 5  # all but the last segment wait
    assert good.state_at(3000).weights.equals(live.state_at(3000).weights)
    assert good.record.unchecked() == 4 and good.record.start_step == 0
    data = document(live)
    data["record"]["checkpoints"][checkpoint_index(data, 4096)][2][3] += 1e-9
    bad = opened(data, budget=0)
    assert bad.record.start_step == 0  # not known yet
    with pytest.raises(ValueError, match="between steps 4,096 and 6,144"):
        bad.state_at(5000)
    assert bad.record.start_step == 6144  # nothing before the cut is offered any more
    assert bad.state_at(7000).weights.equals(live.state_at(7000).weights)


def test_check_walks_from_the_end_and_stops_at_the_first_segment_that_does_not_replay():
    live = trained(12_000)
    data = document(live)
    data["record"]["checkpoints"][checkpoint_index(data, 2048)][2][0] = 99.0
    trainer = opened(data, budget=0)
    assert trainer.record.check() and trainer.record.start_step == 4096
    assert trainer.record.unchecked() == 0


def test_a_window_run_with_float32_losses_keeps_every_step():
    live = Trainer(TrainConfig(steps=6000, seed=4), history_dtype=np.float32)
    live.run()
    trainer = opened(document(live))
    assert trainer.record.start_step == 0 and trainer.record.dropped_note is None
    assert trainer.state_at(3000).weights.equals(live.state_at(3000).weights)


# -- 2. a branch that is not one -----------------------------------------------------------
def _set_initial(data):
    data["runs"][1]["experiment"]["initial_weights"]["output"][0] += 0.25


@pytest.mark.parametrize("other, link, damage, words", [
    (dict(seed=2), [0, 2000], None, "after that run's last step (800)"),
    (dict(seed=2), [0, 500], None, "settings differ"),
    (dict(seed=1, hidden_nodes=3), [0, 500], None, "settings differ"),
    (dict(seed=1, alpha=2.0), [0, 500], None, "losses up to step 500 differ"),
    (dict(seed=1), [0, 500], _set_initial, "initial weights differ"),
], ids=["beyond-its-end", "other-seed", "other-network", "other-past", "other-start"])
def test_a_run_that_claims_to_branch_from_an_unrelated_run_is_kept_on_its_own(
        tmp_path, other, link, damage, words):
    first = trained(800)
    second = Trainer(TrainConfig(steps=3000, **other))
    second.run()
    data = json.loads(sf.to_json([first, second], 0))
    data["runs"][1]["branched_from"] = link
    if damage:
        damage(data)
    path = tmp_path / "session.gatelab.json"
    path.write_text(json.dumps(data))
    session = sf.read(path)
    assert session.runs[1].branched_from is None and len(session.runs) == 2
    assert words in session.runs[1].note and session.notes == [session.runs[1].note]
    assert sf.restore(session)[1].branched_from is None


def test_a_real_branch_keeps_its_link():
    first = trained(3000)
    branch = first.fork(1200, alpha=2.0)
    branch.advance(500)
    session = sf._session(json.loads(sf.to_json([first, branch], 1)))
    assert session.runs[1].branched_from == (0, 1200) and session.notes == []


# -- 3. 2 million changes; changes at their real cost; cancelling --------------------------
def test_a_record_with_two_million_changes_is_refused_naming_the_cap():
    data = document(trained(1))
    data["record"]["changes"] = [[0, "alpha", 0.5]] * 1_999_980  # just under the list count
    with pytest.raises(ExperimentError) as info:
        from_json(json.dumps(data))
    assert info.value.kind == ex.BAD_VALUE
    assert f"more than the {run_record.CHANGES_MAX:,} a run's record keeps" in str(info.value)


def test_many_changes_at_one_step_replay_as_one():
    data = document(trained(1))
    data["record"]["changes"] = [[0, "alpha", a] for a in np.linspace(0.1, 0.5, 40_000).tolist()]
    trainer = opened(data)
    assert len(trainer.record.changes) == 1 and trainer.record.start_step == 0


def test_settings_changed_again_and_again_at_one_step_are_one_change_each():
    trainer = Trainer(TrainConfig(steps=5000, seed=3))
    trainer.advance(100)
    for alpha in np.linspace(0.1, 3.0, 500):
        trainer.set_alpha(float(alpha))
        trainer.set_steps(5000)
    assert [c.kind for c in trainer.record.changes] == ["alpha", "steps"]
    trainer.advance(100)
    reference = Trainer(TrainConfig(steps=5000, seed=3))
    reference.advance(100)
    reference.config = reference.config.with_changes(alpha=3.0)
    reference.advance(100)
    assert trainer.state_at(200).weights.equals(reference.weights)


def test_a_live_run_past_the_change_cap_keeps_its_newest_past(monkeypatch):
    monkeypatch.setattr(run_record, "CHANGES_MAX", 40)
    trainer = Trainer(TrainConfig(steps=200_000, seed=3))
    for k in range(60):
        trainer.advance(1000)
        trainer.set_alpha(0.5 + 0.01 * (k % 7))
    record = trainer.record
    assert len(record.changes) <= 40 and record.start_step > 0
    assert "keeps at most 40 changes" in record.dropped_note
    assert trainer.state_at(trainer.step).weights.equals(trainer.weights)
    reopened = opened(document(trainer))
    assert reopened.record.start_step == record.start_step
    assert reopened.state_at(record.start_step + 10).weights.equals(
        trainer.state_at(record.start_step + 10).weights)


def test_a_change_is_counted_at_its_real_cost(monkeypatch):
    """1000 steps and 300 changes in one segment: 9,000 + 300 x 9 weight-steps looked cheap;
    each change costs about as much as 60 of them."""
    monkeypatch.setattr(run_record, "REPLAY_COST_MAX", 20_000)
    data = document(trained(1000))["record"]
    data["changes"] = [[step, "alpha", 0.5] for step in range(0, 900, 3)]
    with pytest.raises(ValueError, match="too far apart"):
        RunRecord.from_dict(data, 1000)
    data["changes"] = data["changes"][:100]
    assert RunRecord.from_dict(data, 1000).checkpoint_count() == 1


def sparse_file(mode="batch", hidden=2, segments=16):
    """A genuine-looking run whose record kept a checkpoint only every `segments` intervals."""
    config = TrainConfig(steps=1, mode=mode, hidden_nodes=hidden, seed=1)
    base = checkpoint_interval(config)
    live = trained(2 * segments * base + base // 2, mode=mode, hidden_nodes=hidden)
    data = document(live)
    data["record"]["interval"] = segments * base
    data["record"]["checkpoints"] = [p for p in data["record"]["checkpoints"]
                                     if p[0] % (segments * base) == 0]
    return live, data, base


def test_reading_polls_should_stop_and_stops_at_once(tmp_path):
    _, data, _ = sparse_file()
    path = tmp_path / "sparse.gatelab.json"
    path.write_text(json.dumps(data))
    calls = []

    def never():
        calls.append(1)
        return False

    sf.restore(sf.read(path, never), never)
    total = len(calls)
    assert total >= 32  # re-checkpointing 2 x 1024 steps polls every 64
    for stop_at in (1, total // 2, total):
        calls.clear()

        def stop(stop_at=stop_at):
            calls.append(1)
            return len(calls) >= stop_at

        with pytest.raises(ReadCancelled) as info:
            sf.restore(sf.read(path, stop), stop)
        assert stop_at <= len(calls) <= stop_at + 1 and info.value.kind == ex.CANCELLED


# -- 4. sparse, too dense, interval 1 -----------------------------------------------------
@pytest.mark.parametrize("mode, hidden", [("batch", 2), ("online", 64)])
def test_sparse_checkpoints_are_put_back_at_the_normal_spacing(mode, hidden):
    live, data, base = sparse_file(mode, hidden)
    assert len(data["record"]["checkpoints"]) == 3
    trainer = opened(data)
    record = trainer.record
    assert record.interval == base and record.start_step == 0
    steps = [step for step in record.checkpoints_up_to(live.step)]
    assert max(np.diff(steps)) == base and len(steps) == 2 * 16 + 1
    for step in (100, 17 * base + 3, live.step - 1):
        assert trainer.state_at(step).weights.equals(live.state_at(step).weights)


def test_sparse_checkpoints_beyond_the_budget_are_not_offered(monkeypatch):
    monkeypatch.setattr(ex, "SPARSE_CHECK_COST", 1)
    live, data, base = sparse_file()
    trainer = opened(data)
    assert trainer.record.start_step == 32 * base  # after the newest sparse segment
    assert "too far apart" in trainer.record.dropped_note


def dense_file(hidden, steps):
    """A run checkpointed at every step ("interval": 1)."""
    live = Trainer(TrainConfig(steps=steps, hidden_nodes=hidden, seed=1))
    live.record.interval = 1
    live.record._bytes_each = 0  # no thinning while it is made
    live.run()
    return live, document(live)


def test_a_record_with_interval_1_gets_the_normal_one_and_training_goes_on_at_it():
    live, data = dense_file(2, 3000)
    assert data["record"]["interval"] == 1 and len(data["record"]["checkpoints"]) == 3001
    trainer = opened(data)
    assert trainer.record.interval == 2048 and trainer.record.checkpoint_count() == 2
    trainer.set_steps(12_000)
    trainer.run()
    assert sorted(trainer.record.checkpoints_up_to(12_000)) == [0, 2048, 4096, 6144, 8192, 10240]
    assert trainer.state_at(2500).weights.equals(live.state_at(2500).weights)


def test_loading_thins_checkpoints_to_the_memory_bound(monkeypatch):
    live, data = dense_file(64, 1500)
    each = RunRecord(live.config, live.initial_weights).checkpoint_bytes()
    monkeypatch.setattr(run_record, "CHECKPOINT_BYTES_MAX", 10 * each)
    trainer = opened(data)
    assert trainer.record.checkpoint_bytes() <= 10 * each
    assert trainer.record.interval == 256  # 64, doubled until 1500 steps fit in 10
    assert trainer.state_at(777).weights.equals(live.state_at(777).weights)


# -- 6. a run too long for a list of losses -------------------------------------------------
def long_history(steps, dtype=np.float64, noise=0.01):
    rng = np.random.default_rng(0)
    values = np.exp(-np.linspace(0, 12, steps)) * (1 + noise * rng.random(steps))
    return values.astype(dtype).astype(float)


def test_a_run_over_the_old_limit_saves_and_opens_exactly(tmp_path):
    steps = 12_000_000  # the old limit was about 10.3 million
    history = long_history(steps, noise=0)
    trainer = Trainer(TrainConfig(steps=steps, seed=1), None, steps, history)
    path = tmp_path / "long.gatelab.json"
    ex.save(path, trainer)
    assert path.stat().st_size < ex.MAX_FILE_BYTES
    experiment = ex.read(path)
    assert experiment.step == steps and not experiment.history_rounded
    np.testing.assert_array_equal(experiment.loss_history, history)


def test_a_window_history_is_kept_as_float32_exactly(monkeypatch):
    monkeypatch.setattr(ex, "LIST_HISTORY_MAX", 100)
    history = long_history(5000, np.float32)
    trainer = Trainer(TrainConfig(steps=5000, seed=1), None, 5000, history, history_dtype=np.float32)
    data = document(trainer)
    assert data["version"] == 3 and data["loss_history"]["dtype"] == "float32"
    np.testing.assert_array_equal(from_json(json.dumps(data)).loss_history, history)


def test_huge_finite_losses_survive_the_encoding(monkeypatch):
    monkeypatch.setattr(ex, "LIST_HISTORY_MAX", 100)
    history = np.full(5000, 1e308)
    history[::7] = 3.5e38  # beyond float32
    trainer = Trainer(TrainConfig(steps=5000, seed=1), None, 5000, history, history_dtype=np.float32)
    assert trainer.history.exact_values()[0] == 3.5e38
    loaded = from_json(to_json(trainer))
    np.testing.assert_array_equal(loaded.loss_history, history)


def test_a_history_too_large_even_encoded_is_rounded_to_float32_to_fit(monkeypatch):
    monkeypatch.setattr(ex, "LIST_HISTORY_MAX", 100)
    history = long_history(20_000)
    trainer = Trainer(TrainConfig(steps=20_000, seed=1), None, 20_000, history)
    exact = len(to_json(trainer))
    monkeypatch.setattr(ex, "MAX_FILE_BYTES", exact - 1)
    loaded = from_json(to_json(trainer))
    assert loaded.history_rounded
    np.testing.assert_array_equal(loaded.loss_history, history.astype(np.float32))


@pytest.mark.parametrize("damage, words", [
    (lambda h: h.update(count=h["count"] + 1), "values but step"),
    (lambda h: h.update(data=h["data"][: len(h["data"]) // 8 * 4]), "holds"),
    (lambda h: h.update(data="@@" + h["data"][2:]), "damaged"),
    (lambda h: h.update(dtype="float16"), "encoding"),
    (lambda h: h.update(data=base64.b64encode(zlib.compress(bytes(8 * 10**6))).decode()),
     "more values than its count"),
], ids=["count", "cut", "base64", "dtype", "bomb"])
def test_a_damaged_encoded_history_is_refused(monkeypatch, damage, words):
    monkeypatch.setattr(ex, "LIST_HISTORY_MAX", 100)
    data = document(Trainer(TrainConfig(steps=500, seed=1), None, 500, long_history(500)))
    damage(data["loss_history"])
    with pytest.raises(ExperimentError, match=words):
        from_json(json.dumps(data))


def test_a_session_writes_the_runs_it_can_and_lists_the_one_it_cannot(monkeypatch):
    small, other = trained(300), trained(400, alpha=1.0)
    broken = trained(500)
    broken._flat[0] = float("nan")  # cannot be written
    left_out = []
    text = sf.to_json([small, broken, other], 2, {2: "other"}, left_out)
    assert [k for k, _ in left_out] == [1] and "not a finite number" in left_out[0][1]
    session = sf._session(json.loads(text))
    assert [r.experiment.step for r in session.runs] == [300, 400]
    assert session.current == 1 and session.runs[1].name == "other"
    with pytest.raises(ExperimentError):
        sf.to_json([small, broken, other], 0)  # without left_out: refused as before
