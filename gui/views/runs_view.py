"""RunsView: every run of the session, to go back to one, compare curves, rename or delete.

One row per run (core.views.run_list.RunInfo): its name (from its settings), steps, loss now
and solved mark; a branch says where it came from. Tick a run to lay its loss curve over the
plot. Enter or a double-click on a row shows that run; F2 renames it; Delete removes it (not
the one shown); a right-click (or the Menu key, or Shift+F10) offers all of these and
comparing the run with the one shown. The view only draws what the session sends.
"""

import math

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QAction, QColor, QIcon, QPixmap
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QLabel,
    QMenu,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

NAME, STEPS, LOSS, SOLVED = range(4)


class RunsView(QWidget):
    run_chosen = Signal(int)  # run_id to show
    run_deleted = Signal(int)
    run_renamed = Signal(int, str)
    overlays_changed = Signal(list)  # run_ids ticked, in list order
    compare_wanted = Signal(int)  # run_id to open beside the run shown, in the compare window

    def __init__(self, parent=None):
        super().__init__(parent)
        self._caption = QLabel(self.tr(
            "Every run of this session. Tick runs to lay their loss curves over the plot; "
            "double-click or Enter shows a run; F2 renames it; Delete removes it."))
        self._caption.setWordWrap(True)
        self._caption.setContentsMargins(6, 4, 6, 4)
        self._tree = QTreeWidget()
        self._tree.setRootIsDecorated(False)
        self._tree.setHeaderLabels([self.tr("Run"), self.tr("Steps"), self.tr("Loss now"),
                                    self.tr("Solved")])
        # The numbers keep their width and the name takes the rest (elided, whole in its
        # tooltip): in a 300-pixel dock the name once pushed Steps, Loss and Solved out of view.
        header = self._tree.header()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(NAME, QHeaderView.ResizeMode.Stretch)
        for column in (STEPS, LOSS, SOLVED):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        self._tree.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self._tree.setEditTriggers(QAbstractItemView.EditTrigger.EditKeyPressed)  # F2
        self._tree.setAccessibleName(self.tr("Runs"))
        self._tree.itemDoubleClicked.connect(self._on_double_clicked)
        self._tree.itemChanged.connect(self._on_item_changed)
        self._tree.installEventFilter(self)
        self._tree.viewport().installEventFilter(self)  # a right-click arrives there
        self._menu = QMenu(self)
        self.menu = None  # the context menu while it is open (for tests)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self._caption)
        layout.addWidget(self._tree, 1)
        self._filling = False
        self._names: dict[int, str] = {}
        self._shown_id = None  # the run the window shows (its row is bold)

    def set_runs(self, infos) -> None:
        ticked = set(self.overlays())
        self._filling = True
        try:
            self._tree.clear()
            self._names = {}
            self._shown_id = next((info.run_id for info in infos if info.current), None)
            for info in infos:
                item = QTreeWidgetItem()
                item.setData(NAME, Qt.ItemDataRole.UserRole, info.run_id)
                item.setText(NAME, info.name)
                item.setText(STEPS, f"{info.steps:,}")
                item.setText(LOSS, f"{info.final_loss:.4g}" if math.isfinite(info.final_loss) else "–")
                item.setText(SOLVED, "✓" if info.solved else "")
                item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable | Qt.ItemFlag.ItemIsEditable)
                shown = info.current
                item.setCheckState(NAME, Qt.CheckState.Checked if info.run_id in ticked and not shown
                                   else Qt.CheckState.Unchecked)
                tip = info.name + (f"\n{info.origin}" if info.origin else "")
                if shown:
                    tip += "\n" + self.tr("shown now")
                    font = item.font(NAME)
                    font.setBold(True)
                    for column in range(4):
                        item.setFont(column, font)
                for column in range(4):
                    item.setToolTip(column, tip)
                for column in (STEPS, LOSS, SOLVED):
                    item.setTextAlignment(column, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
                self._tree.addTopLevelItem(item)
                self._names[info.run_id] = info.name
            for column in range(4):
                self._tree.resizeColumnToContents(column)
        finally:
            self._filling = False
        self.overlays_changed.emit(self.overlays())

    def show_colours(self, colours: dict) -> None:
        """Marks each ticked run's row with its curve's colour (the legend says "run N")."""
        for i in range(self._tree.topLevelItemCount()):
            item = self._tree.topLevelItem(i)
            colour = colours.get(self._id(item))
            self._filling = True
            try:
                item.setIcon(NAME, _swatch(colour) if colour else QIcon())
            finally:
                self._filling = False

    def overlays(self) -> list[int]:
        return [self._id(self._tree.topLevelItem(i)) for i in range(self._tree.topLevelItemCount())
                if self._tree.topLevelItem(i).checkState(NAME) == Qt.CheckState.Checked]

    def run_ids(self) -> list[int]:
        return [self._id(self._tree.topLevelItem(i)) for i in range(self._tree.topLevelItemCount())]

    def tree(self) -> QTreeWidget:
        return self._tree

    def eventFilter(self, watched, event):  # noqa: N802 - Qt's name
        if event.type() == event.Type.ContextMenu and watched in (self._tree, self._tree.viewport()):
            self._show_menu(event)
            return True
        if watched is self._tree and event.type() == event.Type.ShortcutOverride and \
                event.key() == Qt.Key.Key_F2 and self._tree.currentItem() is not None:
            # F2 renames here: the window's F2 (the article guide) would take it first.
            event.accept()
            return True
        if watched is self._tree and event.type() == event.Type.KeyPress and \
                self._tree.state() != QAbstractItemView.State.EditingState:
            item = self._tree.currentItem()
            if item is not None and event.key() == Qt.Key.Key_Delete:
                self.run_deleted.emit(self._id(item))
                return True
            if item is not None and event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
                self.run_chosen.emit(self._id(item))
                return True
            if event.key() == Qt.Key.Key_F10 and event.modifiers() == Qt.KeyboardModifier.ShiftModifier:
                self._open_menu(item)  # the menu from the keyboard where there is no Menu key
                return True
        return super().eventFilter(watched, event)

    def menu_for(self, item) -> QMenu:
        """The context menu of a row: what its keys do, and Compare."""
        run_id = self._id(item)
        shown = run_id == self._shown_id
        ticked = item.checkState(NAME) == Qt.CheckState.Checked
        menu = self._menu
        menu.clear()  # one menu, filled for the row each time

        def add(text, do, enabled=True):
            action = QAction(text, menu)
            action.triggered.connect(do)
            action.setEnabled(enabled)
            menu.addAction(action)
            return action

        add(self.tr("&Show this run"), lambda: self.run_chosen.emit(run_id), not shown)
        add(self.tr("&Compare with the run shown"), lambda: self.compare_wanted.emit(run_id), not shown)
        curve = add(self.tr("Lay its loss curve &over the plot"), lambda: self._tick(run_id, not ticked),
                    not shown)  # the run shown is the plot's own curve
        curve.setCheckable(True)
        curve.setChecked(ticked)
        menu.addSeparator()
        add(self.tr("&Rename"), lambda: self._rename(run_id)).setShortcut(Qt.Key.Key_F2)
        delete = add(self.tr("&Delete"), lambda: self.run_deleted.emit(run_id), not shown)
        delete.setShortcut(Qt.Key.Key_Delete)
        if shown:
            delete.setToolTip(self.tr("The run shown cannot be deleted: show another run first."))
            menu.setToolTipsVisible(True)
        return menu

    def _item(self, run_id: int):
        return next((self._tree.topLevelItem(i) for i in range(self._tree.topLevelItemCount())
                     if self._id(self._tree.topLevelItem(i)) == run_id), None)

    def _tick(self, run_id: int, ticked: bool) -> None:
        item = self._item(run_id)
        if item is not None:
            item.setCheckState(NAME, Qt.CheckState.Checked if ticked else Qt.CheckState.Unchecked)

    def _rename(self, run_id: int) -> None:
        item = self._item(run_id)
        if item is not None:
            self._tree.editItem(item, NAME)

    def _show_menu(self, event) -> None:
        """At the row clicked; from the keyboard (the Menu key), at the current row."""
        if event.reason() == event.Reason.Mouse:
            item = self._tree.itemAt(self._tree.viewport().mapFromGlobal(event.globalPos()))
            self._open_menu(item, event.globalPos())
        else:
            self._open_menu(self._tree.currentItem())

    def _open_menu(self, item, at=None) -> None:
        """item's menu, at `at` (global) or on the row itself."""
        if item is None:
            return
        self._tree.setCurrentItem(item)
        if at is None:
            self._tree.scrollToItem(item)  # the current row may be scrolled out of the list's view
            at = self._tree.viewport().mapToGlobal(self._tree.visualItemRect(item).center())
        self.menu = self.menu_for(item)
        self.menu.exec(at)
        self.menu = None

    def _on_double_clicked(self, item, column) -> None:
        self.run_chosen.emit(self._id(item))

    def _on_item_changed(self, item, column) -> None:
        if self._filling or column != NAME:
            return
        run_id = self._id(item)
        if item.text(NAME) != self._names.get(run_id):
            self._names[run_id] = item.text(NAME)
            self.run_renamed.emit(run_id, item.text(NAME))
        self.overlays_changed.emit(self.overlays())

    def id_of(self, item) -> int:
        return self._id(item)

    @staticmethod
    def _id(item) -> int:
        return int(item.data(NAME, Qt.ItemDataRole.UserRole))


def _swatch(colour: str) -> QIcon:
    pixmap = QPixmap(12, 12)
    pixmap.fill(QColor(colour))
    return QIcon(pixmap)
