"""No run is lost without a word: the quit question names every unsaved run of the session,
the session keeps unsaved runs past its size, and runs ended from outside go to a recovery
file of this instance's own, offered (or reported damaged) at the next start."""

import json
import os

import pytest

from core.io import experiment as ex
from core.io import session_file
from core.model.config import TrainConfig
from core.training import states
from core.training.trainer import Trainer
from gui.files.recovery import RecoveryFolder
from gui.run.session import RUNS_KEPT, session_trainer
from gui.shell.main_window import MainWindow
from gui.shell.unsaved_work import question_text


class Answers:
    """Answers the unsaved-runs question and records what it was asked."""

    def __init__(self, answer):
        self.answer = answer
        self.asked = []

    def __call__(self, labels, action):
        self.asked.append((list(labels), action))
        return self.answer


@pytest.fixture
def window(qtbot, tmp_path):
    w = MainWindow(TrainConfig(steps=600, seed=4))
    w.unsaved.recovery = RecoveryFolder(str(tmp_path / "recovery"))
    w.unsaved.ask = Answers("discard")
    qtbot.addWidget(w)
    w.show()
    qtbot.waitExposed(w)
    w.controller.set_speed(0.0)
    yield w
    w.unsaved.ask = Answers("discard")
    w.close()


def finish(qtbot, window):
    window.controls.train_pressed.emit()
    qtbot.waitUntil(lambda: window.state() == states.FINISHED and not window.controller.is_running(),
                    timeout=60000)


def three_runs(qtbot, window):
    """A trained run, a second trained run (alpha 2), and a branch of it at step 300."""
    finish(qtbot, window)
    first = window.session.trainer
    window.controls.reset_pressed.emit()
    qtbot.waitUntil(lambda: window.session.trainer is not first)
    window.controls._alpha.setValue(2.0)
    finish(qtbot, window)
    second = window.session.trainer
    window.session.show_step(300)
    window.session.step()
    qtbot.waitUntil(lambda: window.session.trainer.branched_from is not None
                    and window.session.trainer.step == 301, timeout=20000)
    window.session.stop()
    qtbot.waitUntil(lambda: not window.controller.is_running(), timeout=20000)
    return first, second, window.session.trainer


def test_quitting_names_every_unsaved_run_not_only_the_shown_one(qtbot, window, tmp_path):
    first, second, branch = three_runs(qtbot, window)
    window.session.rename_run(first.run_id, "my first try")
    assert window.files.save(branch, str(tmp_path / "branch.gatelab.json"))  # as Ctrl+S does
    window.session.mark_saved([branch])
    window.unsaved.ask = cancel = Answers("cancel")
    window.close()
    assert window.isVisible()  # Cancel keeps everything
    labels, action = cancel.asked[-1]
    assert action == "quit" and len(labels) == 2
    assert labels[0] == "my first try" and "alpha 2" in labels[1]
    assert len(window.session.runs) == 3


def test_save_all_writes_every_run_as_a_session_and_then_quits(qtbot, window, tmp_path):
    three_runs(qtbot, window)
    path = tmp_path / "all.gatelab.json"
    window.files.ask_save_path = lambda suggested: str(path)
    window.unsaved.ask = Answers("save")
    window.close()
    assert not window.isVisible()
    kept = session_file.read(path)
    assert len(kept.runs) == 3 and kept.runs[2].branched_from == (1, 300)
    assert [run.experiment.step for run in kept.runs] == [600, 600, 301]


def test_a_cancelled_save_all_does_not_quit(qtbot, window):
    three_runs(qtbot, window)
    window.files.ask_save_path = lambda suggested: None
    window.unsaved.ask = Answers("save")
    window.close()
    assert window.isVisible() and len(window.session.runs) == 3


def test_nothing_unsaved_quits_without_a_question(qtbot, window, tmp_path):
    window.unsaved.ask = asked = Answers("cancel")
    window.close()  # a run never trained: its settings make it again
    assert not window.isVisible() and asked.asked == []


def test_a_saved_run_trained_on_is_unsaved_again(qtbot, window, tmp_path):
    finish(qtbot, window)
    assert window.saving._saved([window.session.trainer],
                         window.files.save(window.session.trainer, str(tmp_path / "a.gatelab.json")))
    assert window.session.unsaved_runs() == []
    window.session.step()  # one more step
    qtbot.waitUntil(lambda: window.session.trainer.step == 601 and not window.controller.is_running(),
                    timeout=20000)
    assert window.session.unsaved_runs() == [window.session.trainer]


@pytest.mark.parametrize("button, answer", [("Save all", "save"), ("Discard and quit", "discard"),
                                            ("Cancel", "cancel")])
def test_the_real_question_offers_save_all_discard_and_cancel(qtbot, window, button, answer):
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication, QMessageBox

    seen = []

    def click():
        box = QApplication.activeModalWidget()
        if not isinstance(box, QMessageBox):
            QTimer.singleShot(20, click)  # until the question is open (exec blocks meanwhile)
            return
        seen.append(box.text())
        wanted = [b for b in box.buttons() if b.text().replace("&", "").startswith(button)]
        (wanted or box.buttons())[0].click()  # a missing button fails below, never hangs

    QTimer.singleShot(0, click)
    window.unsaved.saves_all = True  # several runs: Save writes them all
    assert window.unsaved._ask(["a", "b", "c", "d"], "quit") == answer
    assert seen[0].endswith("\u2022 c\n\u2022 and 1 more")


def test_the_question_names_a_few_runs_then_counts_the_rest(qapp):
    assert question_text(["a"]).splitlines() == ["This run has progress that is not saved:", "\u2022 a"]
    two = question_text(["a", "b"]).splitlines()
    assert two == ["2 runs have progress that is not saved:", "\u2022 a", "\u2022 b"]
    five = question_text(list("abcde")).splitlines()
    assert five[1:] == ["\u2022 a", "\u2022 b", "\u2022 c", "\u2022 and 2 more"]


def test_opening_a_session_file_over_unsaved_runs_asks_first(qtbot, window, tmp_path):
    finish(qtbot, window)
    other = Trainer(TrainConfig(steps=50, seed=9))
    other.run()
    path = tmp_path / "lesson.gatelab.json"
    path.write_text(session_file.to_json([other], 0))
    window.unsaved.ask = cancel = Answers("cancel")
    trained = window.session.trainer
    window.open_file(str(path))
    qtbot.waitUntil(lambda: bool(cancel.asked), timeout=20000)
    assert cancel.asked[-1][1] == "open" and window.session.trainer is trained
    window.unsaved.ask = Answers("discard")
    window.open_file(str(path))
    qtbot.waitUntil(lambda: window.session.trainer.config.seed == 9, timeout=20000)
    assert window.session.unsaved_runs() == []  # as the file holds them


def test_the_session_never_drops_a_run_with_unsaved_progress(qtbot, window):
    session = window.session
    trained = []
    for seed in range(RUNS_KEPT + 3):
        run = session_trainer(TrainConfig(steps=5, seed=seed))
        run.run()
        session.add_run(run)
        trained.append(run)
    assert all(run in session.runs for run in trained)
    assert "unsaved progress" in window.statusBar().currentMessage()
    session.mark_saved(trained[:5])  # saved ones may go, oldest first
    session.add_run(session_trainer(TrainConfig(steps=5, seed=99)))
    assert trained[0] not in session.runs and all(run in session.runs for run in trained[5:])


# -- ended from outside --------------------------------------------------------------------

def test_a_signal_keeps_every_unsaved_run_and_ends(qtbot, window, tmp_path):
    first, second, branch = three_runs(qtbot, window)
    window.session.rename_run(first.run_id, "kept by name")
    with qtbot.waitSignal(window.ended) as ended:
        window.close_for_signal(15)
    assert ended.args == [0]
    kept = session_file.read(window.unsaved.recovery.path)
    assert [run.experiment.step for run in kept.runs] == [600, 600, 301]
    assert kept.runs[0].name == "kept by name" and kept.current == 2


def test_a_signal_while_the_quit_question_is_open_still_keeps_the_runs(qtbot, window):
    """close() returns at once while closeEvent waits for the answer: the signal went nowhere."""
    finish(qtbot, window)
    ended = []
    window.ended.connect(ended.append)

    def signal_meanwhile(labels, action):
        window.close_for_signal(15)  # what the signal's handler does, the question still open
        return "cancel"

    window.unsaved.ask = signal_meanwhile
    window.close()
    assert ended == [0]
    assert session_file.read(window.unsaved.recovery.path).runs[0].experiment.step == 600


def test_a_run_that_cannot_be_written_leaves_the_others_kept(qtbot, window, monkeypatch, capsys):
    first, second, branch = three_runs(qtbot, window)
    real = ex.to_json

    def refuse_second(trainer):
        if trainer is second:
            raise ex.ExperimentError(ex.UNSAVABLE, "too long for a file")
        return real(trainer)

    monkeypatch.setattr(ex, "to_json", refuse_second)
    path = window.unsaved.keep_for_recovery()
    kept = session_file.read(path)
    assert [run.experiment.step for run in kept.runs] == [600, 301]
    assert "too long for a file" in capsys.readouterr().err


def dead_pid() -> int:
    pid = 4_000_000
    while True:
        try:
            os.kill(pid, 0)
        except ProcessLookupError:
            return pid
        except PermissionError:
            pass
        pid -= 1


def test_two_instances_keep_their_own_files_and_both_are_offered(tmp_path):
    folder = str(tmp_path / "recovery")
    runs = []
    for seed in (1, 2):
        run = Trainer(TrainConfig(steps=20, seed=seed))
        run.run()
        runs.append(run)
    pid = dead_pid()
    first = RecoveryFolder(folder, pid=pid, started=0)
    second = RecoveryFolder(folder, pid=pid - 1, started=0)  # ended at the same moment
    assert first.path != second.path
    first.keep([runs[0]], 0, {}, ["a"])
    second.keep([runs[1]], 0, {}, ["b"])
    found = RecoveryFolder(folder).collect()
    assert len(found) == 2 and all(item.complete for item in found)
    seeds = sorted(session_file.read(item.path).runs[0].experiment.config.seed for item in found)
    assert seeds == [1, 2]
    assert RecoveryFolder(folder).collect() == []  # offered once


def test_the_file_of_an_instance_still_running_is_left_alone(tmp_path):
    folder = str(tmp_path / "recovery")
    run = Trainer(TrainConfig(steps=20))
    run.run()
    RecoveryFolder(folder, pid=os.getppid()).keep([run], 0, {}, ["a"])  # a live process
    assert RecoveryFolder(folder).collect() == []


def test_a_half_written_and_a_damaged_recovery_file_are_reported_as_such(qtbot, window, tmp_path):
    folder = tmp_path / "recovery"
    folder.mkdir()
    pid = dead_pid()
    (folder / f".unsaved-20261206-101500-{pid}.gatelab.json.0123abcd.tmp").write_text('{"format": "gatel')
    (folder / f"unsaved-20261206-101501-{pid - 1}.gatelab.json").write_text("garbage")
    window.unsaved.recovery = RecoveryFolder(str(folder))
    window.tell_about_recovered_work()
    qtbot.waitUntil(lambda: "damaged" in window.notice.text(), timeout=20000)
    text = window.notice.text()
    assert "cut off" in text and "ended last time with unsaved runs" not in text
    assert window.unsaved.recovered_box is None  # nothing to open
    assert sorted(p.name for p in tmp_path.iterdir() if p.name.startswith("recovered-")) == [
        f"recovered-20261206-101500-{pid}.incomplete.json",
        f"recovered-20261206-101501-{pid - 1}.gatelab.json"]


def test_a_good_recovery_file_is_offered_and_opens(qtbot, window, tmp_path):
    folder = tmp_path / "recovery"
    run = Trainer(TrainConfig(steps=40, seed=11))
    run.run()
    RecoveryFolder(str(folder), pid=dead_pid()).keep([run], 0, {0: "lost run"}, ["lost run"])
    window.unsaved.recovery = RecoveryFolder(str(folder))
    window.tell_about_recovered_work()
    qtbot.waitUntil(lambda: window.unsaved.recovered_box is not None, timeout=20000)
    assert "ended last time with unsaved runs" in window.notice.text()
    box = window.unsaved.recovered_box
    open_button = next(b for b in box.buttons() if "Open" in b.text())
    open_button.click()
    qtbot.waitUntil(lambda: window.session.trainer.config.seed == 11, timeout=20000)


def test_a_recovery_folder_that_cannot_be_written_is_said_at_start(qtbot, window, tmp_path):
    dangling = tmp_path / "recovery"
    dangling.symlink_to(tmp_path / "nowhere" / "at-all")
    window.unsaved.recovery = RecoveryFolder(str(dangling))
    window.tell_about_recovered_work()
    assert window.notice.isVisible() and "cannot be written" in window.notice.text()
    assert str(dangling) in window.notice.text()


def test_the_recovery_file_is_a_session_file_the_window_opens(qtbot, window):
    finish(qtbot, window)
    path = window.unsaved.keep_for_recovery()
    with open(path, encoding="utf-8") as file:
        document = json.load(file)
    assert document["format"] == session_file.FORMAT and os.path.basename(path).startswith("unsaved-")


def test_a_file_whose_record_does_not_replay_says_which_steps_are_not_shown(qtbot, window, tmp_path):
    """A checkpoint changed by hand was shown as the run's state at those steps, without a word."""
    trainer = Trainer(TrainConfig(steps=6000, seed=1))
    trainer.run()
    data = json.loads(ex.to_json(trainer))
    checkpoints = data["record"]["checkpoints"]
    next(point for point in checkpoints if point[0] == 2048)[2][0] = 99.0
    path = tmp_path / "tampered.gatelab.json"
    path.write_text(json.dumps(data))
    window.open_file(str(path))
    qtbot.waitUntil(lambda: window.files.path() == str(path), timeout=30000)
    assert window.notice.isVisible() and "tampered.gatelab.json" in window.notice.text()
    assert "steps 0 to 4,095 are not shown" in window.notice.text()
    assert window.session.earliest_step() == 4096


def test_runs_discarded_at_quit_are_not_kept_when_the_closed_window_is_destroyed(qtbot, window):
    """Closing destroys the native window, which reads as "destroyed from outside": the runs the
    user just discarded went to the recovery file."""
    finish(qtbot, window)
    window.unsaved.ask = Answers("discard")
    window.close()
    with qtbot.waitSignal(window.ended):
        window.close_for_signal(0)  # what WindowLoss does then
    assert not os.path.exists(window.unsaved.recovery.path)


def trained_run(seed, steps=5):
    run = session_trainer(TrainConfig(steps=steps, seed=seed))
    run.run()
    return run


def test_the_runs_of_the_session_file_open_are_never_trimmed(qtbot, window, tmp_path):
    """Past 20 runs the oldest "saved" run went, and the next Save wrote the session file
    without it: runs that existed only in that file were lost."""
    for seed in range(RUNS_KEPT + 4):
        window.session.add_run(trained_run(seed))
    path = tmp_path / "class.gatelab.json"
    window.files.ask_save_path = lambda suggested: str(path)
    assert window.saving.save_all(ask=True)
    held = len(window.session.runs)
    window.session.add_run(trained_run(99))  # a reset, a branch or a compare run does this
    assert len(window.session.runs) == held + 1
    assert window.saving.save()  # Ctrl+S: the session file again
    assert len(session_file.read(path).runs) == held + 1


def test_opening_a_session_file_of_more_than_20_runs_shows_them_all(qtbot, window, tmp_path):
    runs = [trained_run(seed) for seed in range(RUNS_KEPT + 5)]
    path = tmp_path / "big.gatelab.json"
    path.write_text(session_file.to_json(runs, 0))
    window.open_file(str(path))
    qtbot.waitUntil(lambda: window.files.path() == str(path), timeout=30000)
    assert len(window.session.runs) == RUNS_KEPT + 5


def test_a_file_saved_over_makes_the_run_it_held_unsaved_again(qtbot, window, tmp_path):
    path = str(tmp_path / "a.gatelab.json")
    first = trained_run(1)
    window.session.add_run(first)
    window.session.mark_saved([first], path)
    second = trained_run(2)
    window.session.add_run(second)
    window.session.mark_saved([second], path)  # saved as a.gatelab.json too: first is gone from it
    assert window.session.unsaved_runs() == [first]


def test_saving_marks_runs_through_the_window(qtbot, window, tmp_path):
    finish(qtbot, window)
    window.files.ask_save_path = lambda suggested: str(tmp_path / "one.gatelab.json")
    window.saving.save()  # Ctrl+S
    assert window.session.unsaved_runs() == []


def test_deleting_an_unsaved_run_asks_first(qtbot, window):
    run = trained_run(3)
    window.session.add_run(run)
    window.unsaved.ask = cancel = Answers("cancel")
    window.runs_view.run_deleted.emit(run.run_id)  # the Delete key
    assert run in window.session.runs and cancel.asked[-1][1] == "delete"
    window.unsaved.ask = Answers("discard")
    window.runs_view.run_deleted.emit(run.run_id)
    assert run not in window.session.runs
    fresh = session_trainer(TrainConfig(seed=5))
    window.session.add_run(fresh)
    window.unsaved.ask = asked = Answers("cancel")
    window.runs_view.run_deleted.emit(fresh.run_id)  # nothing to lose: no question
    assert fresh not in window.session.runs and asked.asked == []


def test_a_signal_after_the_user_discarded_keeps_nothing(qtbot, window):
    """Between the answer and the end of closing (presentation mode's layout, the native window
    destroyed), a signal or the display lost wrote the discarded runs to recovery."""
    finish(qtbot, window)
    decided = []

    def discard_then_signal(labels, action):
        decided.append(True)
        return "discard"

    window.unsaved.ask = discard_then_signal
    window.close()
    window.end_without_display()  # what DisplayLoss does, after the answer
    assert decided and not os.path.exists(window.unsaved.recovery.path)


def test_a_file_whose_pid_now_belongs_to_another_program_is_offered(tmp_path):
    """After a reboot the pid in a recovery file's name may be a running program's."""
    folder = str(tmp_path / "recovery")
    run = Trainer(TrainConfig(steps=20))
    run.run()
    old = RecoveryFolder(folder, pid=os.getpid(), started=0)  # this pid, in 1970: not us
    old.keep([run], 0, {}, ["a"])
    found = RecoveryFolder(folder).collect()
    assert len(found) == 1 and found[0].complete


def test_more_runs_than_a_session_file_holds_are_refused_or_left_out():
    runs = [Trainer(TrainConfig(steps=1, seed=seed)) for seed in range(session_file.RUNS_MAX + 2)]
    for run in runs:
        run.run()
    with pytest.raises(ex.ExperimentError, match="at most 200 runs"):
        session_file.to_json(runs, 5)
    left = []
    text = session_file.to_json(runs, 5, left_out=left)
    assert len(json.loads(text)["runs"]) == session_file.RUNS_MAX and len(left) == 2
    assert 5 not in [k for k, _ in left]  # the run shown is kept
