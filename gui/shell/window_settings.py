"""WindowSettings: what the main window keeps between starts, and Restore default settings.

The window's layout, its view toggles, the speed, the settings of the run and the language
are read at start and written at close (gui.shell.settings_store holds them). A "fresh"
start (a classroom) shows the article's XOR run and leaves the stored settings untouched.
"""

from PySide6.QtCore import QObject, QSize, Signal

from core.model.config import TrainConfig
from core.model.presets import preset_config
from core.views.loss_convention import ARTICLE_SUM
from gui.controls.control_panel import DEFAULT_SPEED, SPEEDS
from gui.shell.settings_store import (
    CONFIG_KEY,
    LANGUAGE_KEY,
    SPEED_KEY,
    TOGGLES_KEY,
    WINDOW_STATE_VERSION,
)

DEFAULT_TOGGLES = {"log_scale": False, "decision_plane": False, "article_loss": False}
MAXIMIZE_FROM = 1800  # a first start on a screen at least this wide uses all of it (1920 x 1080)

# The run a first start (or a fresh one) shows: the article's XOR run, which solves cleanly
# within its 2,000 steps; seed 0 with the textbook order stalls on a plateau first.
FIRST_RUN = "article-xor"


class WindowSettings(QObject):
    message = Signal(str, int)  # a sentence for the status bar, and for how many milliseconds

    def __init__(self, window, store=None, fresh: bool = False):
        """store: a gui.shell.settings_store.SettingsStore, or None to keep nothing (tests);
        fresh (or the stored "start fresh" setting): the article's defaults and speed."""
        super().__init__(window)
        self._window = window
        self.store = store
        self.fresh = bool(fresh or (store is not None and store.load_fresh_start()))
        self.restored_window = False
        self._default_layout = None

    def config(self) -> TrainConfig:
        """The settings the first run starts with."""
        if self.fresh:
            return preset_config(FIRST_RUN)
        if self.store is None:
            return TrainConfig()
        return self.store.load_config(default=preset_config(FIRST_RUN))

    def language(self) -> str:
        return self.store.load_language() if self.store is not None else ""

    def fresh_start_stored(self) -> bool:
        return self.store is not None and self.store.load_fresh_start()

    # -- start and close -------------------------------------------------------------------
    def restore(self) -> None:
        """At start: the layout as built is the default one; then the stored one, if any."""
        w = self._window
        self._default_layout = (w.saveState(WINDOW_STATE_VERSION),
                                {name: s.saveState() for name, s in w.panes.splitters().items()})
        if self.store is None:
            return
        self.restored_window = bool(self.store.restore_window(w, w.panes.splitters()))
        if self.restored_window:
            w.panes.keep_reading_heights()
        if not self.restored_window or self.fresh:
            w.show_dock("guide")  # a first start: the article's first section says what to do
        if not self.fresh:  # a classroom machine: each student's score starts from 0
            w.practice_panel.set_score(*self.store.load_practice_score())
        self._apply_toggles(self.store.load_view_toggles(DEFAULT_TOGGLES))
        if not self.fresh:
            w.controls.set_speed_index(self.store.load_speed_index(
                len(SPEEDS), SPEEDS.index(DEFAULT_SPEED)))
        self._report_unreadable()
        if self.fresh:
            self.message.emit(self.tr(
                "A fresh start: the article's settings and speed. The last ones are kept (File > "
                "Start fresh each time)."), 15000)

    def starts_maximized(self, available: QSize) -> bool:
        """A first start (no saved window) on a large screen fills it: at 1920 x 1080 the
        1500 x 950 window left a fifth of the screen unused."""
        return not self.restored_window and available.width() >= MAXIMIZE_FROM

    def save(self) -> None:
        if self.store is None:
            return
        w = self._window
        if not self.fresh:  # a fresh start leaves the stored settings as they were
            self.store.save_config(w.session.config)
            self.store.save_speed_index(w.controls.speed_index())
            self.store.save_practice_score(*w.practice_panel.score())
        if not w.presentation.is_on():  # the full-screen layout is not the user's window
            self.store.save_window(w, w.panes.splitters())
        self.store.save_view_toggles(self.toggles())
        self.store.sync()

    def _report_unreadable(self) -> None:
        """A stored setting that could not be used fell back to its default: say which."""
        names = {CONFIG_KEY: self.tr("training settings"), TOGGLES_KEY: self.tr("view options"),
                 LANGUAGE_KEY: self.tr("language"), SPEED_KEY: self.tr("speed")}
        unreadable = [names[key] for key in self.store.unreadable if key in names]
        if unreadable:
            self.message.emit(self.tr(
                "Some saved settings could not be read and are back to their defaults: {0}.")
                .format(", ".join(unreadable)), 15000)

    def toggles(self) -> dict:
        w = self._window
        view = w.output_view.view
        return {"log_scale": w.loss_plot.is_log_scale(),
                "article_loss": w.loss_plot.loss_convention() == ARTICLE_SUM,
                "decision_plane": bool(getattr(view, "plane_visible", lambda: False)())}

    def _apply_toggles(self, toggles: dict) -> None:
        w = self._window
        w.loss_plot.set_log_scale(toggles["log_scale"])
        w.set_article_loss(toggles["article_loss"])
        if w.output_view.is_3d:
            w.output_view.view.set_plane_visible(toggles["decision_plane"])

    # -- the menus' settings ----------------------------------------------------------------
    def choose_language(self, code: str) -> None:
        if self.store is not None:
            self.store.save_language(code)
            self.store.sync()
        self.message.emit(self.tr("The language changes when GateLab starts next time."), 10000)

    def set_fresh_start(self, checked: bool) -> None:
        if self.store is not None:
            self.store.save_fresh_start(checked)
            self.store.sync()
            self.message.emit(self.tr(
                "From the next start on, GateLab starts with the article's settings.") if checked
                else self.tr("From the next start on, GateLab starts with the last settings."), 8000)

    def restore_defaults(self) -> TrainConfig:
        """Forgets the stored settings (a classroom's "start fresh" stays) and puts the window
        as it was built; returns the default settings of the run, for the window to apply."""
        w = self._window
        if self.store is not None:
            fresh = self.store.load_fresh_start()
            self.store.restore_defaults()
            if fresh:
                self.store.save_fresh_start(True)
                self.store.sync()
        state, splitters = self._default_layout
        w.restoreState(state, WINDOW_STATE_VERSION)
        for name, splitter in w.panes.splitters().items():
            splitter.restoreState(splitters[name])
        self._apply_toggles(DEFAULT_TOGGLES)
        w.controls.set_speed_index(SPEEDS.index(DEFAULT_SPEED))
        w.practice_panel.set_score(0, 0)
        w.show_dock("guide")  # as a first start shows it: the article's first section
        return preset_config(FIRST_RUN)
