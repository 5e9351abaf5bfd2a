"""ExperimentFiles: save/open round trips, atomic saves under failure, refused files, the
unsaved-changes mark and title, reading in the background (Cancel stops the reader), and dropped files."""

import json
import os
import threading

import numpy as np
import pytest
from PySide6.QtCore import QMimeData, QSaveFile, QTimer, QUrl
from PySide6.QtWidgets import QApplication, QFileDialog, QMessageBox, QWidget

from core.io import experiment as ex
from core.io.experiment import restore_trainer, to_json
from core.model.config import TrainConfig
from core.training.trainer import Trainer
from gui.files.experiment_files import ExperimentFiles, path_from_mime

Button = QMessageBox.StandardButton


@pytest.fixture
def files(qtbot):
    window = QWidget()
    qtbot.addWidget(window)
    files = ExperimentFiles(window)
    files.messages = []
    files.message.connect(files.messages.append)
    files.ask_save_path = lambda suggested: pytest.fail("unexpected save dialog")
    files.ask_open_path = lambda: pytest.fail("unexpected open dialog")
    return files


def trained(steps_run=300, **config):
    trainer = Trainer(TrainConfig(**config))
    trainer.advance(steps_run)
    return trainer


def listing(folder) -> list[str]:
    return sorted(os.listdir(folder))


# -- save and open ---------------------------------------------------------------------
def test_save_then_open_restores_the_run(files, tmp_path):
    path = str(tmp_path / "xor-run.gatelab.json")
    trainer = trained(700, steps=2000)
    saved = []
    files.saved.connect(saved.append)
    assert files.save(trainer, path)
    assert saved == [path] and files.path() == path and not files.is_dirty()
    assert files.messages == []
    experiment = files.open_path(path)
    assert experiment.step == 700 and experiment.weights.equals(trainer.weights)
    resumed = restore_trainer(experiment)
    resumed.run()
    straight = Trainer(TrainConfig(steps=2000))
    straight.run()
    assert resumed.weights.equals(straight.weights)
    np.testing.assert_array_equal(resumed.history.values(), straight.history.values())


def test_save_without_a_file_asks_where_and_suggests_a_name(files, tmp_path):
    asked = []
    target = str(tmp_path / "mine.gatelab.json")
    files.ask_save_path = lambda suggested: asked.append(suggested) or target
    assert files.save(trained(gate="and"))
    assert os.path.basename(asked[0]) == "and-run.gatelab.json"
    assert files.path() == target and os.path.exists(target)
    assert files.save(trained(50, gate="and"))  # Save again: same file, no question
    assert len(asked) == 1 and ex.read(target).step == 50


def test_cancelling_the_save_dialog_writes_nothing(files, tmp_path):
    files.ask_save_path = lambda suggested: None
    files.mark_dirty()
    assert not files.save(trained())
    assert files.is_dirty() and files.path() is None and files.messages == []


def test_save_as_always_asks(files, tmp_path):
    first, second = str(tmp_path / "a.gatelab.json"), str(tmp_path / "b.gatelab.json")
    assert files.save(trained(), first)
    files.ask_save_path = lambda suggested: suggested.replace("a.gatelab", "b.gatelab")
    assert files.save_as(trained())
    assert files.path() == second and os.path.exists(second)
    files.ask_save_path = lambda suggested: None
    assert not files.save_as(trained()) and files.path() == second


def test_ask_open_uses_the_chosen_path(files, tmp_path):
    path = str(tmp_path / "run.gatelab.json")
    ex.save(path, trained(40))
    files.ask_open_path = lambda: path
    assert files.ask_open().step == 40 and files.path() == path
    files.ask_open_path = lambda: None
    assert files.ask_open() is None and files.path() == path


# -- atomic saves -------------------------------------------------------------------------
@pytest.fixture
def old_file(files, tmp_path):
    path = str(tmp_path / "run.gatelab.json")
    assert files.save(trained(100), path)
    files.mark_dirty()
    with open(path, encoding="utf-8") as file:
        return path, file.read()


def assert_failed_save_left(files, path, old_text, *words):
    assert files.messages and all(word in files.messages[-1] for word in words), files.messages
    assert "unchanged" in files.messages[-1]
    with open(path, encoding="utf-8") as file:
        assert file.read() == old_text
    assert listing(os.path.dirname(path)) == [os.path.basename(path)]  # no temporary file left
    assert files.is_dirty() and files.path() == path


def test_failed_commit_leaves_the_old_file_and_says_why(files, old_file, monkeypatch):
    path, old_text = old_file

    original = QSaveFile.commit

    def failing_commit(self):
        self.cancelWriting()  # as if the final rename failed: Qt discards the temporary file
        return original(self)

    monkeypatch.setattr(QSaveFile, "commit", failing_commit)
    assert not files.save(trained(900))
    assert_failed_save_left(files, path, old_text, "run.gatelab.json")


def test_failed_write_mid_file_leaves_the_old_file(files, old_file, monkeypatch):
    path, old_text = old_file
    monkeypatch.setattr(QSaveFile, "write", lambda self, data: -1)
    assert not files.save(trained(900))
    assert_failed_save_left(files, path, old_text, "run.gatelab.json")


def test_a_real_short_write_is_never_committed(files, old_file):
    """The OS refuses bytes past a file-size limit part way through the write (like a full disk)."""
    resource = pytest.importorskip("resource")
    import signal

    path, old_text = old_file
    soft, hard = resource.getrlimit(resource.RLIMIT_FSIZE)
    old_handler = signal.signal(signal.SIGXFSZ, signal.SIG_IGN)  # EFBIG instead of a fatal signal
    resource.setrlimit(resource.RLIMIT_FSIZE, (len(old_text) + 1000, hard))
    try:
        saved = files.save(trained(2000))
    finally:
        resource.setrlimit(resource.RLIMIT_FSIZE, (soft, hard))
        signal.signal(signal.SIGXFSZ, old_handler)
    assert not saved
    assert_failed_save_left(files, path, old_text, "run.gatelab.json", "could be written")


def test_saving_into_a_missing_folder_says_why(files, tmp_path):
    files.mark_dirty()
    path = str(tmp_path / "no such folder" / "run.gatelab.json")
    assert not files.save(trained(), path)
    assert "run.gatelab.json" in files.messages[-1]
    assert files.path() is None and files.is_dirty() and listing(tmp_path) == []


def test_saving_over_a_folder_says_why(files, tmp_path):
    folder = tmp_path / "taken.gatelab.json"
    folder.mkdir()
    assert not files.save(trained(), str(folder))
    assert "taken.gatelab.json" in files.messages[-1] and folder.is_dir()


def test_a_run_too_long_for_a_file_is_refused_with_a_reason(files, tmp_path, monkeypatch):
    monkeypatch.setattr(ex, "MAX_FILE_BYTES", 1000)
    assert not files.save(trained(11), str(tmp_path / "long.gatelab.json"))
    assert "11 steps of loss history" in files.messages[-1] and listing(tmp_path) == []


# -- refused files ---------------------------------------------------------------------------
def good_text():
    return to_json(trained(20, steps=100))


def edited(change):
    data = json.loads(good_text())
    change(data)
    return json.dumps(data)


BAD_FILES = {
    "corrupt": (lambda: "{ this is not json", "not valid JSON"),
    "truncated": (lambda: good_text()[:300], "truncated"),
    "empty": (lambda: "", "empty"),
    "newer": (lambda: edited(lambda d: d.update(version=6)), "made by a newer GateLab (format 6)"),
    "nan": (lambda: good_text().replace('"step": 20', '"step": 20, "x": NaN'), "NaN"),
    "alpha": (lambda: edited(lambda d: d["config"].update(alpha=-1)), "alpha = -1"),
    "shapes": (lambda: edited(lambda d: d["weights"].update(output=[1.0])), "needs 3"),
    "not gatelab": (lambda: json.dumps({"hello": 1}), "not a GateLab experiment"),
}


@pytest.mark.parametrize("name", BAD_FILES)
def test_a_bad_file_is_refused_and_the_current_experiment_is_untouched(files, tmp_path, name):
    make_text, words = BAD_FILES[name]
    current = str(tmp_path / "current.gatelab.json")
    assert files.save(trained(), current)
    files.mark_dirty()
    bad = tmp_path / f"{name}.gatelab.json"
    bad.write_text(make_text(), "utf-8")
    assert files.open_path(str(bad)) is None
    assert words in files.messages[-1] and bad.name in files.messages[-1]
    assert files.path() == current and files.is_dirty()


def test_a_huge_file_is_refused(files, tmp_path, monkeypatch):
    path = tmp_path / "huge.gatelab.json"
    path.write_text(good_text(), "utf-8")
    monkeypatch.setattr(ex, "MAX_FILE_BYTES", 100)
    assert files.load(str(path)) is None
    assert "larger than" in files.messages[-1]


def test_load_changes_nothing(files, tmp_path):
    path = tmp_path / "other.gatelab.json"
    path.write_text(good_text(), "utf-8")
    assert files.load(str(path)).step == 20
    assert files.path() is None and files.title_suffix() == ""


# -- unsaved mark and title -------------------------------------------------------------------
def test_dirty_flag_and_title_suffix(files, tmp_path):
    changes = []
    files.changed.connect(lambda: changes.append(files.title_suffix()))
    assert files.title_suffix() == "" and files.file_name() == "Untitled"
    files.mark_dirty()
    files.mark_dirty()  # no second signal
    assert files.title_suffix() == "Untitled*"
    assert files.save(trained(), str(tmp_path / "xor-run.gatelab.json"))
    assert files.title_suffix() == "xor-run.gatelab.json" and not files.is_dirty()
    files.mark_dirty()
    assert files.title_suffix() == "xor-run.gatelab.json*"
    files.mark_clean()
    assert changes == ["Untitled*", "xor-run.gatelab.json", "xor-run.gatelab.json*",
                       "xor-run.gatelab.json"]


def click_when_shown(qtbot, find, act):
    """Acts on a modal dialog once it is open (the caller is blocked in exec meanwhile)."""
    def poll():
        widget = QApplication.activeModalWidget()
        if widget is not None and find(widget):
            act(widget)
        else:
            QTimer.singleShot(20, poll)
    QTimer.singleShot(0, poll)


def test_the_real_save_dialog_adds_the_suffix(qtbot, files, tmp_path):
    files.ask_save_path = files._ask_save_path
    options = []

    def answer(dialog):
        options.append((dialog.defaultSuffix(), dialog.acceptMode()))
        dialog.reject()

    click_when_shown(qtbot, lambda w: isinstance(w, QFileDialog), answer)
    assert not files.save(trained())
    assert options == [("gatelab.json", QFileDialog.AcceptMode.AcceptSave)]


# -- dropped files ---------------------------------------------------------------------------------
def mime(*urls, text=None):
    data = QMimeData()
    if urls:
        data.setUrls([QUrl(u) if "://" in u else QUrl.fromLocalFile(u) for u in urls])
    if text is not None:
        data.setText(text)
    return data


def test_path_from_mime(tmp_path):
    one = str(tmp_path / "run.gatelab.json")
    assert path_from_mime(mime(one)) == one
    assert path_from_mime(mime(str(tmp_path / "RUN.JSON"))) == str(tmp_path / "RUN.JSON")
    assert path_from_mime(mime(one, str(tmp_path / "b.json"))) is None
    assert path_from_mime(mime(str(tmp_path / "notes.txt"))) is None
    assert path_from_mime(mime("https://example.com/run.gatelab.json")) is None
    assert path_from_mime(mime(text=one)) is None
    assert path_from_mime(None) is None


# -- the same rules as headless saving --------------------------------------------------------
def test_a_read_only_file_is_not_replaced(files, tmp_path):
    path = tmp_path / "kept.gatelab.json"
    path.write_text("precious")
    path.chmod(0o444)
    assert not files.save(trained(), str(path))
    assert path.read_text() == "precious" and "read-only" in files.messages[-1]


def test_a_symlink_keeps_pointing_at_the_saved_run_and_permissions_stay(files, tmp_path):
    target = tmp_path / "real.gatelab.json"
    target.write_text("old")
    target.chmod(0o600)
    link = tmp_path / "link.gatelab.json"
    link.symlink_to(target.name)
    assert files.save(trained(), str(link))
    assert link.is_symlink() and ex.from_json(target.read_text()).step == 300
    assert oct(target.stat().st_mode & 0o777) == "0o600"


def test_cancel_stops_the_reader_itself(qtbot, files, tmp_path, monkeypatch):
    """Cancel only hid the dialog: four open-and-cancel cycles of a slow file left four readers
    running for 10 minutes. The reader is told to stop, and does."""
    from core.io import session_file

    polled = []

    def endless_read(path, should_stop=None):  # as a read that would take minutes
        while not should_stop():
            polled.append(True)
            threading.Event().wait(0.01)  # the reader's own pace between checks
        raise ex.ReadCancelled()

    monkeypatch.setattr(session_file, "read", endless_read)
    loaded = []
    path = tmp_path / "slow.gatelab.json"
    path.write_text("{}")
    for _ in range(4):
        files.load_in_background(str(path), lambda *args: loaded.append(args))
        reading = files.opening
        qtbot.waitUntil(lambda: len(polled) > 0)
        files.cancel_reading()
        qtbot.waitUntil(lambda r=reading: not r.is_alive(), timeout=30000)
        polled.clear()
    qtbot.waitUntil(lambda: not files.is_opening())
    assert loaded == [] and files.messages == []
