"""GuideSetup: the article guide's Set up, a section's run from its start and the view to look at.

The section's run is a new one, not the open file's (a session file keeps it: it saves every
run, this one too); the run shown before stays in the Runs panel.
"""

from PySide6.QtCore import QObject, Signal

from core.teaching import article_guide
from core.teaching.notation import ARTICLE

DOCKS = {article_guide.MATH: "math", article_guide.DIAGRAM: "network", article_guide.HIDDEN: "hidden"}


class GuideSetup(QObject):
    message = Signal(str, int)  # a sentence for the status bar, and for how many milliseconds
    done = Signal()  # the section's run is shown (the window's title follows)

    def __init__(self, window):
        """window: the main window, whose session, controls and views the section sets."""
        super().__init__(window)
        self._window = window
        window.article_guide.setup_requested.connect(self.set_up)

    def set_up(self, key: str) -> None:
        w = self._window
        entry = article_guide.section(key)
        config = entry.config()
        title, _about, look = w.article_guide.texts(key)
        message = self.tr("Set up for \u201c{0}\u201d. Look at {1}").format(title, look)
        w.controls.set_config(config)
        w.many_seeds.set_config(config)
        message = " ".join(filter(None, (message, w.saving.leave_file(keep_session=True))))

        def then():
            self.message.emit(message, 20000)
            if entry.show == article_guide.MATH:
                w.math_panel.set_notation(ARTICLE)
            if entry.show in DOCKS:
                w.show_dock(DOCKS[entry.show])
            if entry.train:
                w.session.train()
            if entry.compare_order:
                w.compare.compare_with("order")
            self.done.emit()

        w.session.reset(config, on_done=then)
