"""MenuBar: the main window's menus, each entry wired to the window's services.

The entries only call what the window assembled (the session, the file services, the
compare and export services, the settings); no policy is decided here.
"""

from PySide6.QtCore import QObject, qVersion
from PySide6.QtGui import QAction, QActionGroup, QKeySequence, QShortcut
from PySide6.QtWidgets import QMessageBox

from gui.common.i18n import LANGUAGES
from gui.files.export_actions import ExportActions
from gui.shell.animation_export import AnimationExport

COMPARISONS = ("order", "alpha_up", "alpha_down", "hidden", "two_layer", "momentum", "adam", "selected")


class MenuBar(QObject):
    def __init__(self, window):
        super().__init__(window)
        self._window = window
        bar = window.menuBar()
        self._file_menu(bar.addMenu(self.tr("&File")))
        edit = bar.addMenu(self.tr("&Edit"))
        self._action(edit, self.tr("&Undo weight edit"), "Ctrl+Z", window.session.undo_edit)
        self._view_menu(bar.addMenu(self.tr("&View")))
        self._tools_menu(bar.addMenu(self.tr("&Tools")))
        self._language_menu(bar.addMenu(self.tr("&Language")))
        help_menu = bar.addMenu(self.tr("&Help"))
        self._action(help_menu, self.tr("What am I &looking at?"), "F1",
                     lambda: window.show_dock("help"))
        self._action(help_menu, self.tr("Follow the &article…"), "F2",
                     lambda: window.show_dock("guide"))
        self._action(help_menu, self.tr("The &theorem, step by step…"), "F3",
                     lambda: window.show_dock("theorem"))
        self._action(help_menu, self.tr("A&bout GateLab"), None, self._about)

    def _file_menu(self, menu) -> None:
        w = self._window
        when_stopped, saving = w.session.when_stopped, w.saving
        self._action(menu, self.tr("&Open…"), "Ctrl+O", lambda: w.open_file())
        self._action(menu, self.tr("&Save"), "Ctrl+S", lambda: when_stopped(saving.save))
        self._action(menu, self.tr("Save &As…"), "Ctrl+Shift+S", lambda: when_stopped(saving.save_as))
        self._action(menu, self.tr("Save a&ll runs as a session…"), "Ctrl+Alt+S",
                     lambda: when_stopped(lambda: saving.save_all(ask=True)))
        export_menu = menu.addMenu(self.tr("&Export"))
        w.exports = ExportActions(export_menu, w.loss_plot, w.output_view,
                                  lambda: w.last_snapshot, w.session.loss_record, w)
        export_menu.addSeparator()
        self._action(export_menu, self.tr("Picture for a &slide…"), "Ctrl+Shift+E",
                     w.slides.ask)
        w.animation = AnimationExport(w, lambda *args: w.exports.ask_path(*args))
        self._action(export_menu, self.tr("&Animation (GIF)…"), "Ctrl+Shift+G",
                     w.animation.ask_shown)
        menu.addSeparator()
        self._action(menu, self.tr("&Restore default settings"), None, w.restore_defaults)
        fresh = self._action(menu, self.tr("Start &fresh each time (classroom)"), None,
                             w.window_settings.set_fresh_start)
        fresh.setCheckable(True)
        fresh.setChecked(w.window_settings.fresh_start_stored())
        fresh.setEnabled(w.window_settings.store is not None)
        fresh.setToolTip(self.tr("Every start uses the article's settings and speed, not the last "
                                 "user's (theirs are kept). Also: python main.py --fresh"))
        w.fresh_start_action = fresh
        menu.addSeparator()
        self._action(menu, self.tr("&Quit"), "Ctrl+Q", w.close)

    def _view_menu(self, menu) -> None:
        w = self._window
        for dock in w.docks.values():
            menu.addAction(dock.toggleViewAction())
        menu.addSeparator()
        article = self._action(menu, self.tr("Loss as the article's code &sums it (no ½)"),
                               None, w.set_article_loss)
        article.setCheckable(True)
        article.setToolTip(self.tr(
            "The article's 3-layer code adds up (yp - yt)² without the ½ GateLab uses, so its loss "
            "curve is twice GateLab's. Shows the loss plot and the status bar that way; training "
            "is the same."))
        w.article_loss_action = article
        w.presentation_action = self._action(
            menu, self.tr("&Presentation mode"), "F11", lambda _=False: w.presentation.toggle())
        w.presentation_action.setCheckable(True)
        w.presentation_action.setToolTip(self.tr(
            "Full screen, text and lines twice as large, only the essential controls: for a "
            "projector. Esc or F11 leaves it."))
        # Esc leaves presentation mode (there it does not stop the run: the Stop button does).
        w.leave_presentation = QShortcut(QKeySequence("Esc"), w, w.presentation.end)
        w.leave_presentation.setEnabled(False)

    def _tools_menu(self, menu) -> None:
        w = self._window
        self._action(menu, self.tr("&Many seeds…"), "Ctrl+M", w.show_many_seeds)
        self._action(menu, self.tr("How many &hidden nodes?…"), None,
                     lambda _=False: w.many_seeds.show_study(w.session.config))
        self._action(menu, self.tr("&Practice a step by hand"), "Ctrl+Shift+P",
                     lambda: (w.show_dock("practice"), w.practice_panel.answer_field().setFocus()))
        compare = menu.addMenu(self.tr("&Compare the run with"))
        texts = (self.tr("the other &update order (same seed)"), self.tr("&alpha × 4 (same seed)"),
                 self.tr("a&lpha ÷ 4 (same seed)"), self.tr("one more &hidden node (same seed)"),
                 self.tr("the &2-layer model, or 2 hidden nodes (same seed)"),
                 self.tr("&momentum, or plain gradient descent (same seed)"),
                 self.tr("A&dam, or plain gradient descent (same seed)"),
                 self.tr("the run &selected in the Runs panel"))
        for kind, text in zip(COMPARISONS, texts, strict=True):
            self._action(compare, text, None, lambda _=False, k=kind: w.compare.compare_with(k))

    def _language_menu(self, menu) -> None:
        w = self._window
        group = QActionGroup(w)
        current = w.window_settings.language()
        w.language_actions = {}
        for code, name in [("", self.tr("System default"))] + list(LANGUAGES.items()):
            action = QAction(name, w, checkable=True)
            action.setChecked(code == current)
            action.triggered.connect(lambda _=False, c=code: w.window_settings.choose_language(c))
            group.addAction(action)
            menu.addAction(action)
            w.language_actions[code] = action

    def _about(self) -> None:
        QMessageBox.about(self._window, self.tr("About GateLab"), self.tr(
            "GateLab 0.1: watch a 2- or 3-layer neural network learn a logic gate.\n\n"
            "Built with Qt {0} through PySide6 (LGPLv3), pyqtgraph (MIT), NumPy (BSD) and "
            "PyOpenGL (BSD). GateLab itself is MIT-licensed.").format(qVersion()))

    def _action(self, menu, text, keys, slot):
        action = QAction(text, self._window)
        if keys:
            action.setShortcut(QKeySequence(keys))
        action.triggered.connect(slot)
        menu.addAction(action)
        return action
