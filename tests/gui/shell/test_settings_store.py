"""SettingsStore: what is saved comes back, and a broken store gives defaults, item by item."""

import json
import subprocess
import sys
from pathlib import Path

import pytest
from PySide6.QtCore import QByteArray, QSettings, Qt
from PySide6.QtWidgets import QLabel, QMainWindow, QSplitter

from core.model.config import TrainConfig
from core.model.presets import preset_config
from gui.shell import settings_store
from gui.shell.settings_store import SettingsStore

ROOT = Path(__file__).resolve().parents[3]
CONFIG = TrainConfig(gate="custom", targets=(0.0, 0.25, 0.75, 1.0), hidden_nodes=3, alpha=0.125,
                     steps=12345, seed=7, mode="batch", activation="tanh", loss="cross-entropy",
                     init="xavier", update_order="article", target_loss=0.01)
TOGGLES = {"decision_plane": False, "log_scale": False, "network": True}
SPEED_COUNT, SPEED_DEFAULT = 14, 8


def ini(path) -> QSettings:
    return QSettings(str(path), QSettings.Format.IniFormat)


@pytest.fixture
def path(tmp_path):
    return tmp_path / "settings.ini"


@pytest.fixture
def store(path):
    return SettingsStore(ini(path))


def fill(store):
    store.save_config(CONFIG)
    store.save_view_toggles({"decision_plane": True, "log_scale": True, "network": False})
    store.save_language("ja")
    store.save_speed_index(3)
    store.sync()


def assert_defaults(store):
    assert store.load_config() == TrainConfig()
    assert store.load_view_toggles(TOGGLES) == TOGGLES
    assert store.load_language() == ""
    assert store.load_speed_index(SPEED_COUNT, SPEED_DEFAULT) == SPEED_DEFAULT


def test_the_default_store_is_gatelabs(qapp):
    settings = SettingsStore().settings
    assert (settings.organizationName(), settings.applicationName()) == ("GateLab", "GateLab")


def test_an_empty_store_gives_defaults(store):
    assert_defaults(store)
    assert store.load_config(default=CONFIG) == CONFIG


def test_round_trip(store, path):
    fill(store)
    again = SettingsStore(ini(path))
    assert again.load_config() == CONFIG
    assert again.load_view_toggles(TOGGLES) == {"decision_plane": True, "log_scale": True, "network": False}
    assert again.load_language() == "ja"
    assert again.load_speed_index(SPEED_COUNT, SPEED_DEFAULT) == 3


def test_round_trip_through_the_file_in_a_new_process(store, path):
    """A new process reads the INI text itself (in one process QSettings hands back its cache)."""
    fill(store)
    code = (
        "import json, sys\n"
        "from PySide6.QtCore import QSettings\n"
        "from gui.shell.settings_store import SettingsStore\n"
        "s = SettingsStore(QSettings(sys.argv[1], QSettings.Format.IniFormat))\n"
        f"print(json.dumps([s.load_config().to_dict(), s.load_view_toggles({TOGGLES!r}),\n"
        f"                  s.load_language(), s.load_speed_index({SPEED_COUNT}, {SPEED_DEFAULT})]))\n")
    done = subprocess.run([sys.executable, "-c", code, str(path)], cwd=ROOT, capture_output=True,
                          text=True, timeout=60)
    assert done.returncode == 0, done.stderr
    config, toggles, language, speed = json.loads(done.stdout)
    assert TrainConfig.from_dict(config) == CONFIG
    assert toggles == {"decision_plane": True, "log_scale": True, "network": False}
    assert (language, speed) == ("ja", 3)


def test_the_ini_text_holds_plain_values(store, path):
    fill(store)
    text = path.read_text(encoding="utf-8")
    assert "language=ja" in text and "speed_index=3" in text


def window_with_splitters(qtbot):
    window = QMainWindow()
    qtbot.addWidget(window)
    outer = QSplitter(Qt.Orientation.Horizontal)
    outer.setObjectName("mainSplitter")
    inner = QSplitter(Qt.Orientation.Vertical)
    inner.setObjectName("viewsSplitter")
    for splitter in (outer, inner):
        splitter.addWidget(QLabel("a"))
        splitter.addWidget(QLabel("b"))
    outer.addWidget(inner)
    window.setCentralWidget(outer)
    window.resize(900, 600)
    return window, outer, inner


def test_window_geometry_and_splitters_round_trip(store, path, qtbot):
    window, outer, inner = window_with_splitters(qtbot)
    window.show()
    qtbot.waitExposed(window)
    outer.setSizes([100, 300, 500])
    inner.setSizes([150, 450])
    window.resize(820, 560)
    expected = (outer.sizes(), inner.sizes(), window.size())
    store.save_window(window)
    store.sync()

    again, outer2, inner2 = window_with_splitters(qtbot)
    assert SettingsStore(ini(path)).restore_window(again)
    again.show()
    qtbot.waitExposed(again)
    assert (outer2.sizes(), inner2.sizes(), again.size()) == expected


def test_named_splitters_can_be_given(store, qtbot):
    window, outer, inner = window_with_splitters(qtbot)
    window.show()
    qtbot.waitExposed(window)
    inner.setSizes([50, 550])
    store.save_window(window, {"views": inner})
    assert store.bytes_value("window/splitters/views") is not None
    assert store.bytes_value("window/splitters/viewsSplitter") is None


def test_restoring_an_empty_store_leaves_the_window_alone(store, qtbot):
    window, outer, _ = window_with_splitters(qtbot)
    sizes = outer.sizes()
    assert store.restore_window(window) is False
    assert outer.sizes() == sizes


# -- corrupt items: each falls back on its own, the others survive -----------------------
CORRUPT = {
    "config": [("training/config", "not json"), ("training/config", "[1, 2]"),
               ("training/config", '{"gate": "xor", "alpha": -1}'),
               ("training/config", '{"alpha": NaN}'), ("training/config", '{"colour": "red"}'),
               ("training/config", 17), ("training/config", '{"hidden_nodes": 2.5}'),
               # integers too large for a float (once a traceback at start-up)
               ("training/config", '{"alpha": ' + "9" * 401 + "}"),
               ("training/config", '{"gate": "custom", "targets": [' + "9" * 401 + ", 0, 0, 1]}"),
               ("training/config", '{"alpha": ' + "9" * 5000 + "}")],
    "toggles": [("view/toggles", "nonsense"), ("view/toggles", "[true]"), ("view/toggles", 3)],
    "language": [("ui/language", "fr"), ("ui/language", 1), ("ui/language", "JA ")],
    "speed": [("ui/speed_index", "fast"), ("ui/speed_index", 99), ("ui/speed_index", -1),
              ("ui/speed_index", "2.5"), ("ui/speed_index", True), ("ui/speed_index", 1.5),
              ("ui/speed_index", "9" * 401), ("ui/speed_index", "9" * 5000)],
}
CASES = [(item, key, value) for item, values in CORRUPT.items() for key, value in values]


@pytest.mark.parametrize(("item", "key", "value"), CASES, ids=[f"{c[0]}-{c[2]!r}"[:48] for c in CASES])
def test_a_corrupt_item_falls_back_to_its_default_only(store, path, item, key, value):
    fill(store)
    store.settings.setValue(key, value)
    store.sync()
    loaded = SettingsStore(ini(path))
    defaults = {"config": TrainConfig(), "toggles": TOGGLES, "language": "", "speed": SPEED_DEFAULT}
    saved = {"config": CONFIG, "toggles": {"decision_plane": True, "log_scale": True, "network": False},
             "language": "ja", "speed": 3}
    got = {"config": loaded.load_config(), "toggles": loaded.load_view_toggles(TOGGLES),
           "language": loaded.load_language(),
           "speed": loaded.load_speed_index(SPEED_COUNT, SPEED_DEFAULT)}
    assert got == {**saved, item: defaults[item]}


def test_toggles_keep_the_good_entries_and_drop_unknown_names(store):
    store.settings.setValue("view/toggles", json.dumps({"network": False, "log_scale": "yes", "old": True}))
    assert store.load_view_toggles(TOGGLES) == {**TOGGLES, "network": False}


def test_speed_index_written_as_text_by_hand_is_read(store):
    store.settings.setValue("ui/speed_index", " 5 ")
    assert store.load_speed_index(SPEED_COUNT, SPEED_DEFAULT) == 5


@pytest.mark.parametrize("value", ["garbage", b"\x00\x01garbage", QByteArray(b"\xff" * 40), 12])
def test_garbage_window_state_is_ignored(store, qtbot, value):
    for key in ("window/geometry", "window/state", "window/splitters/mainSplitter"):
        store.settings.setValue(key, value)
    window, outer, _ = window_with_splitters(qtbot)
    sizes, size = outer.sizes(), window.size()
    assert store.restore_window(window) is False
    assert (outer.sizes(), window.size()) == (sizes, size)


def test_a_window_state_from_another_layout_version_is_ignored(store, qtbot, monkeypatch):
    window, _, _ = window_with_splitters(qtbot)
    store.save_window(window)
    monkeypatch.setattr(settings_store, "WINDOW_STATE_VERSION", settings_store.WINDOW_STATE_VERSION + 1)
    again, _, _ = window_with_splitters(qtbot)
    assert store.restore_window(again)  # the geometry still applies; the old dock layout does not


# -- the whole store -----------------------------------------------------------------------
def test_restore_defaults_forgets_everything(store, path, qtbot):
    fill(store)
    window, _, _ = window_with_splitters(qtbot)
    store.save_window(window)
    store.restore_defaults()
    assert_defaults(store)
    assert store.restore_window(window) is False
    assert_defaults(SettingsStore(ini(path)))
    assert store.settings.allKeys() == []


@pytest.mark.parametrize("content", [
    b"\x00\xff\xfe[[[ broken\n=== \n[ui\nspeed_index=\n\xc3(",
    b"[training]\nconfig={\"gate\": \n[ui]\nlanguage\nspeed_index=@Invalid()\n[view]\ntoggles=1, 2, 3\n",
    b"[window]\ngeometry=@ByteArray(\\x1\\x2)\nstate=@ByteArray(\nsplitters\\mainSplitter=@@@\n",
    bytes(range(256)) * 8,
])
def test_a_corrupt_ini_file_gives_defaults_and_can_be_rewritten(tmp_path, qtbot, content):
    path = tmp_path / "broken.ini"
    path.write_bytes(content)
    store = SettingsStore(ini(path))
    assert_defaults(store)
    window, outer, _ = window_with_splitters(qtbot)
    store.restore_window(window)  # nothing raises; whatever Qt could not read is left alone
    fill(store)
    assert SettingsStore(ini(path)).load_speed_index(SPEED_COUNT, SPEED_DEFAULT) == 3
    store.restore_defaults()
    assert_defaults(SettingsStore(ini(path)))


@pytest.mark.qt_log_ignore("QVariant::load")
def test_a_corrupt_variant_in_the_ini_file_gives_defaults(tmp_path):
    """Qt itself logs a warning reading this value (ignored here); the store still loads."""
    path = tmp_path / "broken.ini"
    path.write_bytes(b"[ui]\nspeed_index=@Variant(\\0\\0\\0\\x7f\\0\\0\\0\\x6QBogus\\0)\n"
                     b"language=@Variant(\\0\\0\\0\\x7f)\n")
    assert_defaults(SettingsStore(ini(path)))


def test_the_window_names_the_settings_that_fell_back(tmp_path, qtbot):
    """A stored alpha of 401 digits once stopped the app with a traceback; now the window
    starts with the defaults and says which settings it could not read."""
    from gui.shell.main_window import MainWindow

    path = tmp_path / "gatelab.ini"
    store = SettingsStore(ini(path))
    store.settings.setValue("training/config", '{"alpha": ' + "9" * 401 + "}")
    store.settings.setValue("ui/speed_index", "9" * 5000)
    store.settings.setValue("ui/language", "ja")  # a good value is not reported
    store.sync()
    window = MainWindow(settings=SettingsStore(ini(path)))
    qtbot.addWidget(window)
    assert window.config() == preset_config("article-xor")  # what a first start shows
    message = window.statusBar().currentMessage()
    assert "training settings, speed." in message and "language" not in message
    window.close()


def test_a_store_with_nothing_in_it_reports_nothing(store):
    store.load_config()
    store.load_view_toggles(TOGGLES)
    store.load_language()
    store.load_speed_index(SPEED_COUNT, SPEED_DEFAULT)
    assert store.unreadable == []


# -- a classroom machine: a fresh start each time ---------------------------------------------
def test_a_fresh_start_uses_the_defaults_and_keeps_the_last_users_settings(qtbot, path):
    """A classroom machine restored the previous student's 1,000,000 steps at full speed."""
    from gui.controls.control_panel import DEFAULT_SPEED, SPEEDS
    from gui.shell.main_window import MainWindow

    store = SettingsStore(ini(path))
    last = TrainConfig(steps=1_000_000, alpha=3.0)
    store.save_config(last)
    store.save_speed_index(len(SPEEDS) - 1)  # full speed
    store.sync()
    for fresh_flag, fresh_setting in ((True, False), (False, True)):
        store = SettingsStore(ini(path))
        store.save_fresh_start(fresh_setting)
        window = MainWindow(None, store, fresh=fresh_flag)
        qtbot.addWidget(window)
        assert window.session.config == preset_config("article-xor")  # the article's run
        assert window.controls.speed_index() == SPEEDS.index(DEFAULT_SPEED)
        assert "fresh start" in window.statusBar().currentMessage()
        window.controls._steps.setValue(777)  # this student's change is not kept either
        window.files.mark_clean()
        window.close()
        again = SettingsStore(ini(path))
        assert again.load_config() == last and again.load_speed_index(len(SPEEDS), 0) == len(SPEEDS) - 1
    # Without it, the last settings come back, as before.
    store = SettingsStore(ini(path))
    store.save_fresh_start(False)
    window = MainWindow(None, store)
    qtbot.addWidget(window)
    assert window.session.config == last
    window.files.mark_clean()
    window.close()


def test_the_fresh_start_setting_is_a_menu_toggle_and_reads_back_safely(qtbot, path):
    from gui.shell.main_window import MainWindow

    store = SettingsStore(ini(path))
    window = MainWindow(None, store)
    qtbot.addWidget(window)
    assert not window.fresh_start_action.isChecked()
    window.fresh_start_action.trigger()
    assert SettingsStore(ini(path)).load_fresh_start() is True
    window.files.mark_clean()
    window.close()
    settings = ini(path)
    settings.setValue(settings_store.FRESH_KEY, "perhaps")
    settings.sync()
    odd = SettingsStore(ini(path))
    assert odd.load_fresh_start() is False and settings_store.FRESH_KEY in odd.unreadable


def test_a_first_start_on_a_large_screen_uses_all_of_it_and_a_saved_window_wins(qtbot, path):
    """At 1920 x 1080 the first window was 1500 x 950, a fifth of the screen unused."""
    from PySide6.QtCore import QSize

    from gui.shell.main_window import MainWindow

    first = MainWindow(None, SettingsStore(ini(path)))
    qtbot.addWidget(first)
    assert first.starts_maximized(QSize(1920, 1040))
    assert not first.starts_maximized(QSize(1366, 728))  # a laptop: the fitted window
    first.files.mark_clean()
    first.close()  # its window is saved now
    again = MainWindow(None, SettingsStore(ini(path)))
    qtbot.addWidget(again)
    assert not again.starts_maximized(QSize(1920, 1040))  # the user's own window comes back
    again.files.mark_clean()
    again.close()
