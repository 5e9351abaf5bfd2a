"""GuideSetup: a guide's Set up (the article guide's, the theorem guide's): a section's run from
its start and the view to look at.

The section's run is a new one, not the open file's (a session file keeps it: it saves every
run, this one too); the run shown before stays in the Runs panel.
"""

from PySide6.QtCore import QObject, Signal

from core.teaching import article_guide, theorem_guide
from core.teaching.notation import ARTICLE
from gui.common.messages import sentences

DOCKS = {article_guide.MATH: "math", article_guide.DIAGRAM: "network", article_guide.HIDDEN: "hidden",
         theorem_guide.SUM: "sum"}


class GuideSetup(QObject):
    message = Signal(str, int)  # a sentence for the status bar, and for how many milliseconds
    done = Signal()  # the section's run is shown (the window's title follows)

    def __init__(self, window):
        """window: the main window, whose session, controls and views the section sets."""
        super().__init__(window)
        self._window = window
        self._latest = 0  # the Set up pressed last: only its view and message follow its run
        window.article_guide.setup_requested.connect(self.set_up)
        window.theorem_guide.setup_requested.connect(self.set_up_theorem)

    def set_up(self, key: str) -> None:
        """A section of the article guide."""
        w = self._window
        entry = article_guide.section(key)

        def then():
            if entry.show == article_guide.MATH:
                w.math_panel.set_notation(ARTICLE)
            if entry.show in DOCKS:
                w.show_dock(DOCKS[entry.show])
            if entry.train:
                w.session.train()
            if entry.compare_order:
                w.compare.compare_with("order")

        self._load(entry.config(), w.article_guide.texts(key), then)

    def set_up_theorem(self, key: str) -> None:
        """A section of the theorem guide: the 3D view shows the output or the error as the
        section says; the study opens on the section's range, for the learner to run."""
        w = self._window
        entry = theorem_guide.section(key)
        config = entry.config()

        def then():
            w.output_view.view.show_error(entry.show == theorem_guide.ERROR)  # 3D or the 2D map
            if entry.show in DOCKS:
                w.show_dock(DOCKS[entry.show])
            if entry.train:
                w.session.train()
            if entry.show == theorem_guide.STUDY:
                w.many_seeds.show_study(config)
                w.many_seeds.study.set_range(*entry.study)

        self._load(config, w.theorem_guide.texts(key), then)

    def _load(self, config, texts: tuple, then) -> None:
        """The section's settings in the controls and a new run of them; once it is shown, the
        status bar says what to look at and `then` brings the section's view forward."""
        w = self._window
        title, _about, look = texts
        message = self.tr("Set up for \u201c{0}\u201d. Look at {1}").format(title, look)
        w.controls.set_config(config)
        w.many_seeds.set_config(config)
        message = sentences(message, w.saving.leave_file(keep_session=True))

        self._latest += 1
        pressed = self._latest

        def shown():
            # Two presses while training wait for the same stop, and the session builds the
            # settings set last: the earlier press's view and words would describe that run.
            if pressed != self._latest:
                return
            self.message.emit(message, 20000)
            then()
            self.done.emit()

        w.session.reset(config, on_done=shown)
