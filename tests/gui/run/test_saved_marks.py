"""SavedMarks: which runs a file holds as they are now (no window, no thread)."""

from core.model.config import TrainConfig
from gui.run.saved_marks import SavedMarks
from gui.run.session import session_trainer


def run(seed=0, steps=0):
    trainer = session_trainer(TrainConfig(steps=100, seed=seed))
    trainer.advance(steps)
    return trainer


def test_a_run_is_unsaved_once_it_has_progress_no_file_holds():
    marks, fresh, trained = SavedMarks(), run(), run(1, 20)
    marks.remember(fresh)
    marks.remember(trained)  # it arrives with progress: all of it unsaved
    assert not marks.is_unsaved(fresh, None) and marks.is_unsaved(trained, None)
    assert marks.is_unsaved(fresh, "named")  # a name is something to save too
    marks.mark_saved([trained], {}, "/runs/a.json")
    assert not marks.is_unsaved(trained, None)
    trained.advance(5)
    assert marks.is_unsaved(trained, None)


def test_a_file_written_again_without_a_run_no_longer_holds_it():
    marks, a, b = SavedMarks(), run(1, 10), run(2, 10)
    marks.mark_saved([a, b], {}, "/runs/s.json", session=True)
    assert marks.in_session_file(a.run_id) and marks.in_session_file(b.run_id)
    marks.mark_saved([a], {}, "/runs/s.json", session=True)
    assert marks.is_unsaved(b, None) and not marks.in_session_file(b.run_id)
    assert not marks.is_unsaved(a, None)
    marks.forget(a.run_id)
    assert marks.is_unsaved(a, None) and not marks.in_session_file(a.run_id)
