"""RunsView: every run of the session, to go back to one, compare curves, rename or delete.

One row per run (core.views.run_list.RunInfo): its name (from its settings), steps, loss now
and solved mark; a branch says where it came from. Tick a run to lay its loss curve over the
plot. Enter or a double-click on a row shows that run; F2 renames it; Delete removes it (not
the one shown). The view only draws what the session sends.
"""

import math

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QColor, QIcon, QPixmap
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QLabel,
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
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self._caption)
        layout.addWidget(self._tree, 1)
        self._filling = False
        self._names: dict[int, str] = {}

    def set_runs(self, infos) -> None:
        ticked = set(self.overlays())
        self._filling = True
        try:
            self._tree.clear()
            self._names = {}
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
        return super().eventFilter(watched, event)

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
