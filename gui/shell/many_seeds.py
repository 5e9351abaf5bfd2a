"""ManySeeds: Tools > Many seeds, the dialog that trains one setting from many seeds, and
Tools > How many hidden nodes?, the study that does so for each count of hidden nodes.

The dialog is a window of its own (no parent), so the main window can come in front of it
to show a seed (a child dialog always stays on top of its parent). It follows the settings
chosen in the main window; a failed seed picked there is opened in the main window.
"""

from PySide6.QtCore import QObject, Signal

from gui.dialogs.seeds_dialog import SeedsDialog
from gui.dialogs.study_dialog import StudyDialog


class ManySeeds(QObject):
    seed_chosen = Signal(int)  # a seed to watch train in the main window

    def __init__(self, parent=None):
        super().__init__(parent)
        self.dialog = None  # made the first time it is asked for
        self.study = None  # the hidden-nodes study, likewise

    def show(self, config) -> None:
        if self.dialog is None:
            self.dialog = SeedsDialog(config)
            self.dialog.seed_chosen.connect(self.seed_chosen)
        self.dialog.set_config(config)
        self.dialog.show()
        self.dialog.raise_()
        self.dialog.activateWindow()

    def show_study(self, config) -> None:
        if self.study is None:
            self.study = StudyDialog(config)
        self.study.set_config(config)
        self.study.show()
        self.study.raise_()
        self.study.activateWindow()

    def set_config(self, config) -> None:
        """The settings changed in the main window: the next seeds train those."""
        if self.dialog is not None:
            self.dialog.set_config(config)
        if self.study is not None:
            self.study.set_config(config)

    def shutdown(self, close: bool = False) -> None:
        """Ends its training threads; close: the window too (it would keep the app running)."""
        if self.study is not None:
            self.study.shutdown()
            if close:
                self.study.close()
        if self.dialog is not None:
            self.dialog.shutdown()
            if close:
                self.dialog.close()
