"""WindowLayout: where the main window's views sit, and its docks.

The layout (docs/design.md, "Layout", with its widths table): the controls with the
predictions under them on the left, the 3D view over the loss plot in the middle, the side
column of docks on the right, a third of the window so the math reads without scrolling
sideways; the guide sits under the views, not among their tabs. In the left column the
settings scroll on their own: Advanced never pushes the buttons or the table out of sight.
The views are made here and handed to the window as attributes; the window wires them.
"""

from PySide6.QtCore import QEvent, QObject, QSize, Qt, QTimer
from PySide6.QtWidgets import (
    QDockWidget,
    QLabel,
    QScrollArea,
    QSplitter,
    QTabBar,
    QVBoxLayout,
    QWidget,
)

from gui.controls.control_panel import ControlPanel
from gui.views.article_guide_view import ArticleGuideView
from gui.views.contributions_view import ContributionsView
from gui.views.gate_only import GateOnly
from gui.views.gradient_check_view import GradientCheckView
from gui.views.help_panel import HelpPanel
from gui.views.hidden_maps_view import HiddenMapsView
from gui.views.hidden_space_view import HiddenSpaceView
from gui.views.landscape_view import LandscapeView
from gui.views.loss_plot import LossPlot
from gui.views.math_panel import MathPanel
from gui.views.network_view import NetworkView
from gui.views.output_view import OutputView
from gui.views.practice_panel import PracticePanel
from gui.views.predictions_table import PredictionsTable
from gui.views.runs_view import RunsView
from gui.views.status_line import StatusLine
from gui.views.theorem_guide_view import TheoremGuideView
from gui.views.timeline_bar import TimelineBar

PREFERRED_SIZE = QSize(1500, 950)
DOCK_SHARE = 0.33  # of the window's width, for the dock column at first start,
DOCK_MIN, DOCK_MAX = 320, 600  # within these (pixels): the math panel reads well from ~400
NARROW_WINDOW = 1100  # pixels: a narrower first window starts without the side column
FLOATING_SIZE = QSize(440, 600)  # a side view opened there, floating over the window
READING_SHARE = 0.4  # of the window's height, for a guide or help under the views
# The views in the dock column's tabs, in tab order, and those open at first start: four tabs
# fit whole at 1366 pixels; the rest are a click away in the View menu.
VIEW_DOCKS = ("network", "hidden", "space", "landscape", "math", "practice", "gradient", "sum", "runs")
READING_DOCKS = ("guide", "theorem", "help")
SHOWN_AT_FIRST = ("network", "space", "math", "runs")
VIEW_SHARE = 0.62  # of the middle column's height, for the 3D view over the loss plot
COLUMN_MAX_SHARE = 0.5  # of the window's width: the most the left column widens to fit its height
# Room left on the screen for the window's frame and title bar, which Qt's sizes exclude.
FRAME_ALLOWANCE = QSize(16, 48)
# The dock views that draw the step shown (gui.shell.dock_refresh), by dock.
STEP_DOCKS = {"network": "network_view", "hidden": "hidden_maps", "space": "hidden_space",
              "landscape": "landscape", "gradient": "gradient_check"}
# The views of a gate's four rows: each sits in a GateOnly, which says so for a function's run.
GATE_DOCKS = STEP_DOCKS | {"math": "math_panel", "practice": "practice_panel"}


def fitted_size(preferred: QSize, available: QSize) -> QSize:
    """The preferred window size, shrunk to fit a screen with `available` room (a laptop's
    1366 x 768 as well as a large monitor)."""
    return preferred.boundedTo(available - FRAME_ALLOWANCE)


class WindowLayout(QObject):
    def __init__(self, window, config):
        """Makes the window's views (attributes of `window`) and lays them out."""
        super().__init__(window)
        self._window = w = window
        w.controls, w.predictions = ControlPanel(config), PredictionsTable()
        self.left_column = _column(w.controls, 0, w.predictions, spaced=True,
                                   layout_class=_FittedColumn)
        self.controls_scroll = scroll = QScrollArea()
        scroll.setWidget(self.left_column)
        scroll.setWidgetResizable(True)
        scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.main_splitter = None
        self._fitting_height = False  # presentation mode: the column widens to show it all
        self._refit_due = False  # a refit of the column is queued
        self.fit_controls()
        for widget in (self.left_column, scroll):  # their content's width or height changed
            widget.installEventFilter(self)
        w.output_view, w.loss_plot, w.timeline = OutputView(), LossPlot(), TimelineBar()
        w.notice = QLabel()
        w.notice.setWordWrap(True)
        w.notice.setVisible(False)
        w.notice.setStyleSheet("QLabel { background: #fff3cd; color: #5c3c00; padding: 6px; }")
        self.views_splitter = _splitter(Qt.Orientation.Vertical, w.output_view,
                                        _column(w.loss_plot, 1, w.timeline))
        self.views_splitter.setSizes([round(1000 * VIEW_SHARE), round(1000 * (1 - VIEW_SHARE))])
        centre = _column(w.notice, 0, self.views_splitter, margins=True)
        self.main_splitter = _splitter(Qt.Orientation.Horizontal, scroll, centre)
        self.main_splitter.setStretchFactor(1, 1)
        w.setCentralWidget(self.main_splitter)
        w.status_line = StatusLine()
        w.statusBar().addPermanentWidget(w.status_line)
        w.status_line.follow(w.statusBar())
        size = fitted_size(PREFERRED_SIZE, w.screen().availableGeometry().size())
        # A 1024-pixel projector: the controls, the 3D view and the side column at their least
        # need 1,060 pixels, and the window ran past the screen's edge. The side views start
        # closed there (before the first layout, which would fix the window's least width).
        narrow = size.width() < NARROW_WINDOW
        self._docks(() if narrow else SHOWN_AT_FIRST)
        if narrow:
            for key in VIEW_DOCKS + READING_DOCKS:  # opened, it floats over the window: no room
                w.docks[key].setFloating(True)
                w.docks[key].resize(FLOATING_SIZE)
            w.statusBar().showMessage(self.tr(
                "A narrow screen: the side views (network diagram, math, runs...) are in the View "
                "menu; F11 shows the map large.") if not w.output_view.is_3d else self.tr(
                "A narrow screen: the side views (network diagram, math, runs...) are in the View "
                "menu; F11 shows the 3D view large."), 20000)
        w.layout().activate()  # the least size without the closed docks, before resizing to it
        w.resize(size)
        # Qt would give the dock column its widest view's preferred width (saved layouts win).
        self.share_room()
        w.installEventFilter(self)  # the controls' least width again once the window is shown

    def eventFilter(self, watched, event) -> bool:  # noqa: N802 - Qt's name
        if watched in (self.left_column, self.controls_scroll):
            if event.type() in (QEvent.Type.LayoutRequest, QEvent.Type.Resize) and not self._refit_due:
                self._refit_due = True  # one refit for all the requests of this pass
                QTimer.singleShot(0, self, self._refit)  # after the layout has taken them
            return False
        if watched is self._window and event.type() == QEvent.Type.Show:
            # Built but not yet shown, the controls' least width came out ~25 pixels short
            # (styles are applied on showing): their edge was cut off.
            self._window.removeEventFilter(self)
            QTimer.singleShot(0, self, self.fit_controls)  # after the shown window's first layout
        return False

    def _docks(self, shown: tuple) -> None:
        w = self._window
        w.network_view, w.hidden_maps = NetworkView(), HiddenMapsView()
        w.hidden_space, w.landscape = HiddenSpaceView(), LandscapeView()
        w.math_panel, w.gradient_check = MathPanel(), GradientCheckView()
        flat = not w.output_view.is_3d
        w.runs_view, w.article_guide = RunsView(), ArticleGuideView(flat=flat)
        w.practice_panel, w.theorem_guide = PracticePanel(), TheoremGuideView(flat=flat)
        w.contributions = ContributionsView()
        self.gate_only = {key: GateOnly(getattr(w, name), flat) for key, name in GATE_DOCKS.items()}
        g = self.gate_only
        w.docks = {key: self._dock(key, title, widget) for key, title, widget in (
            ("network", self.tr("Network diagram"), g["network"]),
            ("hidden", self.tr("Hidden node maps"), g["hidden"]),
            ("space", self.tr("Hidden space"), g["space"]),
            ("landscape", self.tr("Loss landscape"), g["landscape"]),
            ("math", self.tr("Step-by-step math"), g["math"]),
            ("practice", self.tr("Practice"), g["practice"]),
            ("gradient", self.tr("Gradient check"), g["gradient"]),
            ("sum", self.tr("How the sum builds it"), w.contributions),
            ("runs", self.tr("Runs"), w.runs_view),
            ("help", self.tr("What am I looking at?"), HelpPanel()),
            ("guide", self.tr("Follow the article"), w.article_guide),
            ("theorem", self.tr("The theorem, step by step"), w.theorem_guide))}
        # The reading panels sit under the views, not among their tabs: the guide says "look at
        # the step-by-step math" and the math is then in view beside it. The split is made
        # while the network diagram is alone; the other views then join its tabs, the open
        # ones first.
        area, docks = Qt.DockWidgetArea.RightDockWidgetArea, w.docks
        places = [("network", lambda: w.addDockWidget(area, docks["network"])),
                  ("guide", lambda: (w.addDockWidget(area, docks["guide"]), w.splitDockWidget(
                      docks["network"], docks["guide"], Qt.Orientation.Vertical))),
                  ("theorem", lambda: w.tabifyDockWidget(docks["guide"], docks["theorem"])),
                  ("help", lambda: w.tabifyDockWidget(docks["guide"], docks["help"]))]
        tabbed = sorted(VIEW_DOCKS[1:], key=lambda key: key not in shown)
        places += [(key, lambda key=key: w.tabifyDockWidget(docks["network"], docks[key]))
                   for key in tabbed]
        for key, place in places:
            place()
            docks[key].setVisible(key in shown)
        docks["network"].raise_()  # last: tabifying changes the current tab
        # The first time a reading panel is shown it takes its share of the column; after that
        # it keeps the height the user gives it (shown again, or after presentation mode).
        self._sized = set()
        for key in READING_DOCKS:
            w.docks[key].visibilityChanged.connect(
                lambda shown, key=key: shown and QTimer.singleShot(0, self, lambda: self._give_height(key)))
        self._whole_tab_titles()

    def _dock(self, key, title, widget) -> QDockWidget:
        dock = QDockWidget(title, self._window)
        dock.setObjectName(f"dock_{key}")  # saveState() needs names
        dock.setWidget(widget)
        # Qt makes a new tab bar when docks are moved, floated or shown: keep titles whole there.
        dock.visibilityChanged.connect(lambda _shown: QTimer.singleShot(0, self._whole_tab_titles))
        dock.dockLocationChanged.connect(lambda _area: QTimer.singleShot(0, self._whole_tab_titles))
        return dock

    def _give_height(self, key) -> None:
        w = self._window
        dock = w.docks[key]
        if dock.isVisible() and not dock.isFloating() and key not in self._sized:
            self._sized.update(READING_DOCKS)  # one group of tabs: sized once for both
            w.resizeDocks([dock], [round(READING_SHARE * w.height())], Qt.Orientation.Vertical)

    def keep_reading_heights(self) -> None:
        """A saved layout was restored: its reading panels keep their saved heights."""
        self._sized.update(READING_DOCKS)

    def share_room(self) -> None:
        """The dock column's width at first start: the views a student reads there (the math,
        the hidden space) need about 400 pixels, the 3D view keeps the rest (docs/design.md,
        "Widths")."""
        w = self._window
        width = min(max(DOCK_MIN, round(DOCK_SHARE * w.width())), DOCK_MAX)
        w.resizeDocks([w.docks["network"]], [width], Qt.Orientation.Horizontal)

    def _whole_tab_titles(self) -> None:
        """Dock tabs show their whole titles and scroll when there is no room: elided, five
        tabs at 1366 wide read "Netw…", "ネットワー…"."""
        bars = [bar for bar in self._window.findChildren(QTabBar) if bar.count()]
        for bar in bars:
            bar.setElideMode(Qt.TextElideMode.ElideNone)
            bar.setUsesScrollButtons(True)
        # A dock sits in one group of tabs; a bar whose tabs another, longer bar also holds is
        # one Qt left behind while the docks were grouped, and it peeked out beside the 3D view.
        for bar in bars:
            titles = _titles(bar)
            if any(other is not bar and other.count() > bar.count() and titles <= _titles(other)
                   for other in bars):
                bar.hide()

    def step_views(self) -> dict:
        """The dock views that draw the step shown, by dock (a gate's views in their GateOnly)."""
        return {key: self.gate_only[key] for key in STEP_DOCKS} | {"sum": self._window.contributions}

    def fit_controls(self) -> None:
        """The controls' column at their minimum (not preferred) width: the window must fit a
        1366-pixel laptop screen. Again after the font changes (presentation mode)."""
        scroll = self.controls_scroll
        # No room for this scroll area's own bar: the settings scroll on their own, so it
        # scrolls only in a window under ~520 pixels tall (the bar then covers their edge).
        width = self.left_column.minimumSizeHint().width() + 2 * scroll.frameWidth()
        scroll.setMinimumWidth(width)
        if self.main_splitter is not None:
            sizes = self.main_splitter.sizes()
            if sizes and sizes[0] < width:
                self.main_splitter.setSizes([width, max(1, sum(sizes) - width)])

    def fit_height(self, on: bool) -> None:
        """Presentation mode (on): the left column as wide as it must be for the speed, the
        buttons, the table and the whole diagnosis to fit the screen's height. At twice the size
        on a 768-pixel screen a stuck run's diagnosis ran past the bottom, cut off."""
        self._fitting_height = on
        if on:
            self._fit_height()

    def _refit(self) -> None:
        """The column's content changed: its least width again if that changed (a function's
        sample inputs widen the table: at presentation size its right side was cut off), and in
        presentation mode its height."""
        self._refit_due = False
        scroll = self.controls_scroll
        if self.left_column.minimumSizeHint().width() + 2 * scroll.frameWidth() != scroll.minimumWidth():
            self.fit_controls()
        self._fit_height()

    def _fit_height(self) -> None:
        if not self._fitting_height:
            return
        w, scroll, splitter = self._window, self.controls_scroll, self.main_splitter
        sizes = splitter.sizes()
        # Measured without the scroll bar's width: while the column is too tall the bar takes
        # it, the text wraps narrower, and the column would stay too tall.
        bar = scroll.verticalScrollBar().sizeHint().width()
        frame = 2 * scroll.frameWidth()
        room = scroll.height() - frame
        layout = self.left_column.layout()
        above = w.controls.minimumSizeHint().height() + layout.spacing()
        margins = layout.contentsMargins()
        above += margins.top() + margins.bottom()
        least = scroll.minimumWidth()
        most = max(least, round(COLUMN_MAX_SHARE * sum(sizes)))
        # Only ever wider, from the width it has: the room goes back when presentation ends.
        width = next((x for x in range(max(least, sizes[0]), most + 1, 4)
                      if above + w.predictions.height_at(x - frame - bar) <= room), None)
        if width is None:  # none fits: the widest, scrolling, with room for its bar
            width = max(most, least + bar)
        if width > sizes[0]:
            splitter.setSizes([width, max(1, sum(sizes) - width)])

    def splitters(self) -> dict:
        # "stack": the 3D view over the loss plot. It was "views", side by side: a layout saved
        # then is not restored into the new one.
        return {"main": self.main_splitter, "stack": self.views_splitter}


def _titles(bar) -> set:
    return {bar.tabText(k) for k in range(bar.count())}


class _FittedColumn(QVBoxLayout):
    """The left column's layout. The diagnosis under the table wraps (a height for its width),
    and a scroll area then sized the column at its preferred height, taller than a laptop's
    screen: with Advanced open the table went out of sight. Said to have no height for width,
    the column fits the scroll area's height, and the settings above scroll on their own
    (gui.controls.control_panel); the scroll area still scrolls below the least height."""

    def hasHeightForWidth(self) -> bool:  # noqa: N802 - Qt's name
        return False


def _column(top, stretch: int, bottom, margins: bool = False, spaced: bool = False,
            layout_class=QVBoxLayout) -> QWidget:
    """Two widgets one over the other; stretch: the top's share (0: the bottom takes the room,
    or with spaced, the space between them)."""
    widget = QWidget()
    layout = layout_class(widget)
    if not margins:
        layout.setContentsMargins(0, 0, 0, 0)
    layout.addWidget(top, stretch)
    if spaced:
        layout.addStretch(1)
    layout.addWidget(bottom, 0 if stretch or spaced else 1)
    return widget


def _splitter(orientation, first, second) -> QSplitter:
    splitter = QSplitter(orientation)
    splitter.addWidget(first)
    splitter.addWidget(second)
    return splitter
