"""RunRestore: the runs of an opened file become the session's trainers again, whole."""

import numpy as np

from core.io import session_file
from core.model.config import TrainConfig
from gui.files.run_restore import RunRestore, restored_trainers
from gui.run.session import RunSession, session_trainer


def saved_and_read(tmp_path, trainers, current=0, names=None):
    path = tmp_path / "runs.gatelab.json"
    path.write_text(session_file.to_json(trainers, current, names or {}), encoding="utf-8")
    opened = session_file.read(path)
    return path, opened, session_file.restore(opened)


def two_runs():
    first = session_trainer(TrainConfig(steps=300, seed=4))
    first.advance(200)
    branch = first.fork(120, alpha=2.0)
    branch.advance(30)
    return first, branch


def test_restored_runs_keep_their_records_outcomes_and_branch_links(tmp_path):
    first, branch = two_runs()
    _, _, runs = saved_and_read(tmp_path, [first, branch], current=1)
    again = restored_trainers(runs)
    assert [t.step for t in again] == [200, 150]
    assert again[1].branched_from == (again[0].run_id, 120)  # the new ids, not the file's
    for old, new in zip((first, branch), again):
        assert new.weights.equals(old.weights) and new.initial_weights.equals(old.initial_weights)
        assert new.outcome == old.outcome and new.config == old.config
        assert new.history.dtype == np.float32  # as every run the window trains
        assert new.state_at(100).weights.equals(old.state_at(100).weights)  # the past, exact


def test_a_session_file_replaces_the_runs_with_their_names_and_says_nothing_more(qtbot, tmp_path):
    first, branch = two_runs()
    path, opened, runs = saved_and_read(tmp_path, [first, branch], current=1, names={0: "origin"})
    session = RunSession(TrainConfig(), use_engine=False)
    restore = RunRestore(session, files=None, before_replacing=lambda: True)
    trainers = restored_trainers(runs)
    restore.adopt(session, opened, trainers, str(path))
    assert session.runs == trainers and session.trainer is trainers[1]
    assert session.run_label(trainers[0]) == "origin" and session.unsaved_runs() == []
    assert restore.notes(str(path), opened, trainers) == ""
    assert restore.seed_note(opened) == ""  # a branch starts from its seed's weights too
    session.shutdown()


def test_an_opened_adam_or_momentum_run_continues_from_its_saved_optimizer_state(tmp_path):
    """The window rebuilt opened runs from their weights only: momentum's velocity and Adam's
    moments started again from zero."""
    from core.training.trainer import Trainer

    for optimizer in ("momentum", "adam"):
        config = TrainConfig(steps=400, seed=4, optimizer=optimizer)
        saved = session_trainer(config)
        saved.advance(250)
        _, _, runs = saved_and_read(tmp_path, [saved])
        [again] = restored_trainers(runs)
        assert again.optimizer_state() == saved.optimizer_state() and any(again.optimizer_state())
        again.advance(150)
        straight = Trainer(config)
        straight.advance(400)
        assert again.flat_state() == straight.flat_state()  # as if never saved
