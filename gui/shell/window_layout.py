"""WindowLayout: where the main window's views sit, and its docks.

The layout (docs/design.md, "Layout"): the controls with the predictions under them on the
left, the 3D view over the loss plot in the middle, the docks on the right. The loss curve
reads well wide and short, and the 3D view gets the width: at 1366 x 768 it is half the
window, where beside a loss column it was a quarter. The left column scrolls as one: with
Advanced open the table moves down, never the Train button. The views are made here and
handed to the window as attributes; the window wires them.
"""

from PySide6.QtCore import QObject, QSize, Qt, QTimer
from PySide6.QtWidgets import (
    QDockWidget,
    QLabel,
    QScrollArea,
    QSplitter,
    QStyle,
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
from gui.views.predictions_table import PredictionsTable
from gui.views.runs_view import RunsView
from gui.views.status_line import StatusLine
from gui.views.timeline_bar import TimelineBar

PREFERRED_SIZE = QSize(1500, 950)
DOCK_SHARE = 0.22  # of the window's width, for the dock column at first start
VIEW_SHARE = 0.62  # of the middle column's height, for the 3D view over the loss plot
# Room left on the screen for the window's frame and title bar, which Qt's sizes exclude.
FRAME_ALLOWANCE = QSize(16, 48)
# The dock views that draw the step shown (gui.shell.dock_refresh), by dock.
STEP_DOCKS = {"network": "network_view", "hidden": "hidden_maps", "space": "hidden_space",
              "landscape": "landscape", "gradient": "gradient_check"}
GATE_DOCKS = STEP_DOCKS | {"math": "math_panel"}


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
        self.left_column = _column(w.controls, 0, w.predictions, spaced=True)
        self.controls_scroll = scroll = QScrollArea()
        scroll.setWidget(self.left_column)
        scroll.setWidgetResizable(True)
        self.main_splitter = None
        self.fit_controls()
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
        self._docks()
        w.resize(fitted_size(PREFERRED_SIZE, w.screen().availableGeometry().size()))
        # Qt would give the dock column its widest view's preferred width; the 3D view and the
        # loss plot are what a student watches, so they get the room (saved layouts still win).
        w.resizeDocks([w.docks["network"]], [round(DOCK_SHARE * w.width())],
                      Qt.Orientation.Horizontal)

    def _docks(self) -> None:
        w = self._window
        w.network_view, w.hidden_maps = NetworkView(), HiddenMapsView()
        w.hidden_space, w.landscape = HiddenSpaceView(), LandscapeView()
        w.math_panel, w.gradient_check = MathPanel(), GradientCheckView()
        w.runs_view, w.article_guide = RunsView(), ArticleGuideView()
        w.contributions = ContributionsView()
        w.docks = {}
        # The views of a gate's four rows, each in a GateOnly: a function's run shows a notice.
        self.gate_only = {key: GateOnly(getattr(w, name)) for key, name in GATE_DOCKS.items()}
        g = self.gate_only
        for key, title, widget in (
                ("network", self.tr("Network diagram"), g["network"]),
                ("hidden", self.tr("Hidden node maps"), g["hidden"]),
                ("space", self.tr("Hidden space"), g["space"]),
                ("landscape", self.tr("Loss landscape"), g["landscape"]),
                ("math", self.tr("Step-by-step math"), g["math"]),
                ("gradient", self.tr("Gradient check"), g["gradient"]),
                ("sum", self.tr("How the sum builds it"), w.contributions),
                ("runs", self.tr("Runs"), w.runs_view),
                ("help", self.tr("What am I looking at?"), HelpPanel()),
                ("guide", self.tr("Follow the article"), w.article_guide)):
            self._add_dock(key, title, widget, visible=key not in ("help", "guide"))
        w.docks["network"].raise_()  # last: adding the hidden help tab changes the current one
        self._whole_tab_titles()

    def _add_dock(self, key, title, widget, visible=True) -> None:
        w = self._window
        dock = QDockWidget(title, w)
        dock.setObjectName(f"dock_{key}")  # saveState() needs names
        dock.setWidget(widget)
        area = Qt.DockWidgetArea.RightDockWidgetArea
        previous = next((d for d in w.docks.values() if w.dockWidgetArea(d) == area), None)
        w.addDockWidget(area, dock)
        if previous is not None:
            w.tabifyDockWidget(previous, dock)
        dock.setVisible(visible)
        # Qt makes a new tab bar when docks are moved, floated or shown: keep titles whole there.
        dock.visibilityChanged.connect(lambda _shown: QTimer.singleShot(0, self._whole_tab_titles))
        dock.dockLocationChanged.connect(lambda _area: QTimer.singleShot(0, self._whole_tab_titles))
        w.docks[key] = dock

    def _whole_tab_titles(self) -> None:
        """Dock tabs show their whole titles and scroll when there is no room: elided, five
        tabs at 1366 wide read "Netw…", "ネットワー…"."""
        for bar in self._window.findChildren(QTabBar):
            bar.setElideMode(Qt.TextElideMode.ElideNone)
            bar.setUsesScrollButtons(True)

    def step_views(self) -> dict:
        """The dock views that draw the step shown, by dock (each in its GateOnly)."""
        return {key: self.gate_only[key] for key in STEP_DOCKS} | {"sum": self._window.contributions}

    def fit_controls(self) -> None:
        """The controls' column at their minimum (not preferred) width: the window must fit a
        1366-pixel laptop screen. Again after the font changes (presentation mode)."""
        scroll = self.controls_scroll
        scroll_bar = scroll.style().pixelMetric(QStyle.PixelMetric.PM_ScrollBarExtent)
        width = self.left_column.minimumSizeHint().width() + scroll_bar + 2 * scroll.frameWidth()
        scroll.setMinimumWidth(width)
        if self.main_splitter is not None:
            sizes = self.main_splitter.sizes()
            if sizes and sizes[0] < width:
                self.main_splitter.setSizes([width, max(1, sum(sizes) - width)])

    def splitters(self) -> dict:
        # "stack": the 3D view over the loss plot. It was "views", side by side: a layout saved
        # then is not restored into the new one.
        return {"main": self.main_splitter, "stack": self.views_splitter}


def _column(top, stretch: int, bottom, margins: bool = False, spaced: bool = False) -> QWidget:
    """Two widgets one over the other; stretch: the top's share (0: the bottom takes the room,
    or with spaced, the space between them)."""
    widget = QWidget()
    layout = QVBoxLayout(widget)
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
