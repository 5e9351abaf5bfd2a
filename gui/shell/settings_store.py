"""SettingsStore: what GateLab remembers between runs, kept in QSettings.

The last training parameters, the window's geometry, dock and splitter layout,
view toggles, the language and the speed. Every value is checked on loading:
anything missing, malformed or out of range (a hand-edited or corrupt file)
falls back to its default, item by item, and nothing here raises.

INI files hand back strings ("3", "true") where the running process handed
back ints and bools, so each loader accepts both.
"""

import json

from PySide6.QtCore import QByteArray, QSettings
from PySide6.QtWidgets import QMainWindow, QSplitter

from core.model.config import TrainConfig
from gui.common.i18n import LANGUAGES

ORGANIZATION = APPLICATION = "GateLab"
# Raise when the docks or toolbars change, so an old layout is ignored (2: Runs; 3: the guide
# under the views, fewer docks open; 4: the theorem guide beside it).
WINDOW_STATE_VERSION = 4

CONFIG_KEY = "training/config"
GEOMETRY_KEY = "window/geometry"
STATE_KEY = "window/state"
SPLITTER_GROUP = "window/splitters/"
TOGGLES_KEY = "view/toggles"
LANGUAGE_KEY = "ui/language"
SPEED_KEY = "ui/speed_index"
PRACTICE_KEY = "practice/score"  # right at the first try, and answered, over all sessions
FRESH_KEY = "ui/fresh_start"  # a classroom machine: every start with the defaults


class SettingsStore:
    def __init__(self, settings: QSettings | None = None):
        self._settings = settings if settings is not None else QSettings(ORGANIZATION, APPLICATION)
        # Keys whose stored value could not be used, so it fell back to its default.
        self.unreadable: list[str] = []

    def _fell_back(self, key: str, default):
        if self._settings.value(key) is not None and key not in self.unreadable:
            self.unreadable.append(key)
        return default

    @property
    def settings(self) -> QSettings:
        return self._settings

    # -- training parameters -------------------------------------------------------
    def save_config(self, config: TrainConfig) -> None:
        self._settings.setValue(CONFIG_KEY, json.dumps(config.to_dict(), allow_nan=False))

    def load_config(self, default: TrainConfig | None = None) -> TrainConfig:
        """The last saved TrainConfig, or `default` (TrainConfig()) if it is missing or invalid."""
        text = self._settings.value(CONFIG_KEY)
        try:
            return TrainConfig.from_dict(json.loads(text, parse_constant=_reject))
        except (TypeError, ValueError, RecursionError):  # ConfigError is a ValueError
            return self._fell_back(CONFIG_KEY, default if default is not None else TrainConfig())

    # -- window --------------------------------------------------------------------
    def save_window(self, window: QMainWindow, splitters: dict | None = None) -> None:
        """Geometry, dock/toolbar state and each splitter's sizes. splitters maps a name to a
        QSplitter; by default every QSplitter child of the window with an objectName."""
        self._settings.setValue(GEOMETRY_KEY, window.saveGeometry())
        self._settings.setValue(STATE_KEY, window.saveState(WINDOW_STATE_VERSION))
        for name, splitter in _splitters(window, splitters).items():
            self._settings.setValue(SPLITTER_GROUP + name, splitter.saveState())

    def restore_window(self, window: QMainWindow, splitters: dict | None = None) -> bool:
        """Restores what save_window saved; True if the geometry was restored. Parts that are
        missing or unreadable are left as they are."""
        geometry = self.bytes_value(GEOMETRY_KEY)
        restored = bool(geometry) and window.restoreGeometry(geometry)
        state = self.bytes_value(STATE_KEY)
        if state:
            window.restoreState(state, WINDOW_STATE_VERSION)
        for name, splitter in _splitters(window, splitters).items():
            sizes = self.bytes_value(SPLITTER_GROUP + name)
            if sizes:
                splitter.restoreState(sizes)
        return restored

    def bytes_value(self, key: str) -> QByteArray | None:
        """A stored QByteArray, or None when it is missing or of another type."""
        value = self._settings.value(key)
        if isinstance(value, (bytes, bytearray)):
            value = QByteArray(bytes(value))
        return value if isinstance(value, QByteArray) and not value.isEmpty() else None

    # -- view toggles, language, speed ----------------------------------------------
    def save_view_toggles(self, toggles: dict) -> None:
        self._settings.setValue(TOGGLES_KEY, json.dumps({str(k): bool(v) for k, v in toggles.items()}))

    def load_view_toggles(self, defaults: dict) -> dict:
        """defaults, with each name's saved value where that is a bool; unknown names are dropped."""
        result = dict(defaults)
        try:
            saved = json.loads(self._settings.value(TOGGLES_KEY), parse_constant=_reject)
        except (TypeError, ValueError, RecursionError):
            return self._fell_back(TOGGLES_KEY, result)
        if not isinstance(saved, dict):
            return self._fell_back(TOGGLES_KEY, result)
        result.update({k: v for k, v in saved.items() if k in defaults and isinstance(v, bool)})
        return result

    def save_language(self, language: str) -> None:
        self._settings.setValue(LANGUAGE_KEY, language)

    def load_language(self) -> str:
        """"en", "ja", or "" for the system's language (also for anything unknown)."""
        value = self._settings.value(LANGUAGE_KEY)
        if value is None or value == "":
            return ""
        return value if isinstance(value, str) and value in LANGUAGES else self._fell_back(LANGUAGE_KEY, "")

    def save_speed_index(self, index: int) -> None:
        self._settings.setValue(SPEED_KEY, int(index))

    def load_speed_index(self, count: int, default: int) -> int:
        """The saved index if it is a whole number in range(count), else default."""
        value = self._settings.value(SPEED_KEY)
        if isinstance(value, str):
            try:
                value = int(value.strip())
            except ValueError:  # not a number, or more digits than Python converts
                return self._fell_back(SPEED_KEY, default)
        if isinstance(value, bool) or not isinstance(value, int) or not 0 <= value < count:
            return self._fell_back(SPEED_KEY, default)
        return value

    def save_fresh_start(self, fresh: bool) -> None:
        self._settings.setValue(FRESH_KEY, bool(fresh))

    def load_fresh_start(self) -> bool:
        """True if every start should use the defaults (QSettings may give "true" as text)."""
        value = self._settings.value(FRESH_KEY)
        if value is None or isinstance(value, bool):
            return bool(value)
        if isinstance(value, str) and value.strip().lower() in ("true", "false"):
            return value.strip().lower() == "true"
        return self._fell_back(FRESH_KEY, False)

    def save_practice_score(self, right: int, asked: int) -> None:
        self._settings.setValue(PRACTICE_KEY, json.dumps([int(right), int(asked)]))

    def load_practice_score(self) -> tuple[int, int]:
        """(right, answered), or (0, 0) if none was kept or it is not two whole numbers right <= answered."""
        text = self._settings.value(PRACTICE_KEY)
        if text is None:
            return 0, 0
        try:
            right, asked = json.loads(text, parse_constant=_reject)
        except (TypeError, ValueError):
            return self._fell_back(PRACTICE_KEY, (0, 0))
        if not all(isinstance(v, int) and not isinstance(v, bool) for v in (right, asked)) or \
                not 0 <= right <= asked:
            return self._fell_back(PRACTICE_KEY, (0, 0))
        return right, asked

    # -- whole store ---------------------------------------------------------------
    def sync(self) -> None:
        self._settings.sync()

    def restore_defaults(self) -> None:
        """Forgets everything; the next load of every item returns its default."""
        self._settings.clear()
        self._settings.sync()


def _splitters(window, splitters: dict | None) -> dict:
    if splitters is not None:
        return dict(splitters)
    return {s.objectName(): s for s in window.findChildren(QSplitter) if s.objectName()}


def _reject(constant: str):
    raise ValueError(f"{constant} is not a number JSON allows")
