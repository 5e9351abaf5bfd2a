"""Closing: what ends with the main window, in which order, and what is kept.

Closing asks about unsaved runs first (the training threads stopped, each run keeping its
last completed step); an answer of Cancel keeps the window. Ended from outside (a signal,
the window destroyed, the display lost) no one can be asked: the unsaved runs go to the
recovery file (gui.shell.unsaved_work), offered at the next start. Either way the threads,
the file being read, the animation, the compare and many-seeds windows end, and the
settings are written.
"""

from PySide6.QtCore import QObject, Signal


class Closing(QObject):
    message = Signal(str, int)  # a sentence for the status bar, and for how many milliseconds

    def __init__(self, window):
        """window: the main window, whose services end here."""
        super().__init__(window)
        self._window = window
        # Set once the quit question is answered (saved or discarded): closing then destroys the
        # native window, which WindowLoss sees as "destroyed from outside"; nothing to keep then.
        self.decided = False

    def without_display(self) -> None:
        """Nothing can be drawn or asked. The training threads end (each run keeps its last
        completed step), unsaved runs go to the recovery file, and the settings are written;
        then the caller ends the process."""
        w = self._window
        w.session.forget_waiting()
        w.files.cancel_reading()
        w.compare.end_training()
        w.session.shutdown(quitting=True)
        w.many_seeds.shutdown()
        w.animation.cancel()
        if not self.decided:  # once the user saved or discarded, there is nothing to keep
            w.unsaved.keep_for_recovery()
        w.window_settings.save()

    def may_close(self) -> bool:
        """The window is asked to close: True once everything has ended (unsaved runs saved
        or discarded); False if the user cancelled (the runs stay, stopped)."""
        w = self._window
        w.session.forget_waiting()
        w.compare.end_training()  # its runs stop, whole, before any question
        was_training = w.session.is_running()
        w.session.shutdown(quitting=True)  # the trainer keeps its last completed step
        if not w.unsaved.confirm("quit"):
            if was_training:
                self.message.emit(self.tr(
                    "Not quitting. Training was stopped to ask; press Train to go on."), 8000)
            return False
        self.decided = True
        w.files.cancel_reading()
        w.animation.cancel()
        w.compare.close()
        w.many_seeds.shutdown(close=True)
        w.presentation.leave()  # the layout saved is the usual one, not the full screen
        w.window_settings.save()
        return True
