"""HiddenSpaceView: the four rows where the hidden layer puts them, and the output's line.

What is drawn comes from core.views.hidden_space: each row's (h_a, h_b), the output yp over
that plane (the same colours as the output views), the line yp = 0.5 and each row's trail
over the run so far. For XOR a student sees (0, 1) and (1, 0) pulled away from (0, 0) and
(1, 1) until one straight line separates them. With more than two hidden nodes the user picks
the two on the axes (by default the two weighing most in the output).
"""

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtWidgets import QCheckBox, QComboBox, QHBoxLayout, QLabel, QVBoxLayout, QWidget

from core.model.gates import ROWS
from core.views import label_placement
from core.views.hidden_space import default_nodes, hidden_space, hidden_space_3d
from core.views.node_maps import node_colour
from gui.common.plots import fixed_plot
from gui.views import gl_probe

COLORMAP = "viridis"  # the output views' scale
TARGET_PEN = pg.mkPen((255, 64, 89), width=3)  # the output views' target marker
TRAIL_PEN = pg.mkPen(255, 255, 255, 110, width=1.5)


class HiddenSpaceView(QWidget):
    def __init__(self, parent=None):
        super().__init__(parent)
        self._colormap = pg.colormap.get(COLORMAP)
        self._hidden_nodes = -1
        self._chosen = None  # the user's two nodes, or None for the default
        self._chosen3 = None  # ... three nodes, in 3D
        self._snapshot = None
        self._space = None
        self._titles = (
            self.tr("Hidden space: where the hidden layer puts the four rows. The output neuron "
                    "draws one straight line here (dashed: yp = 0.5)."),
            self.tr("Hidden space in 3D: where three hidden nodes put the four rows. The output "
                    "neuron splits them with one flat plane (white: yp = 0.5)."))
        self._title = QLabel(self._titles[0])
        self._title.setWordWrap(True)
        self._message = QLabel()
        self._message.setWordWrap(True)
        self._note = QLabel(self.tr("Other hidden nodes are held at their mean over the rows for "
                                    "the shading and the line; the points are exact."))
        self._note.setWordWrap(True)
        self._x_box, self._y_box, self._z_box = QComboBox(), QComboBox(), QComboBox()
        for box, name in ((self._x_box, self.tr("across")), (self._y_box, self.tr("up")),
                          (self._z_box, self.tr("height, in 3D"))):
            box.setToolTip(self.tr("The hidden node on this axis ({0})").format(name))
            box.activated.connect(self._on_pick)
        self._pickers = QWidget()
        pick_row = QHBoxLayout(self._pickers)
        pick_row.setContentsMargins(0, 0, 0, 0)
        pick_row.addWidget(QLabel(self.tr("Axes:")))
        pick_row.addWidget(self._x_box)
        pick_row.addWidget(self._y_box)
        pick_row.addWidget(self._z_box)
        pick_row.addStretch(1)
        # Three or more nodes: a 3D view with the output's plane, when OpenGL works.
        self._space_3d = None
        self._space3 = None
        self._three_d = QCheckBox(self.tr("3D"))
        ok, reason = gl_probe.opengl_available()
        if ok:
            from gui.views.hidden_space_3d import HiddenSpace3D

            self._space_3d = HiddenSpace3D()
            self._three_d.setToolTip(self.tr("Three hidden nodes at once, with the plane where "
                                             "the output is 0.5 (drag to turn it)"))
        else:
            self._three_d.setToolTip(self.tr("OpenGL is not available ({0}): two nodes at a time "
                                             "in 2D.").format(reason))
            self._three_d.setEnabled(False)
        self._three_d.toggled.connect(self._on_pick)
        pick_row.addWidget(self._three_d)
        self._plot_widget = pg.PlotWidget()
        self._plot_widget.setMinimumSize(220, 220)
        self._plot_widget.setToolTip(self.tr(
            "Each point is a row of the truth table at (h, h) of the two hidden nodes on the "
            "axes; its colour is the target. Faint lines: where the points came from during the "
            "run. Shading: the output yp over this plane."))
        self._build_plot(self._plot_widget.getPlotItem())
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        for widget in (self._title, self._message, self._pickers, self._note):
            layout.addWidget(widget)
        layout.addWidget(self._plot_widget, 1)
        if self._space_3d is not None:
            layout.addWidget(self._space_3d, 1)
            self._space_3d.hide()
        self._show_message(0)

    # --- public API -------------------------------------------------------
    def slide_part(self):
        """What a picture for a slide shows: the 3D scene when it is on, else the view."""
        shown_3d = self._space_3d is not None and not self._space_3d.isHidden()
        return self._space_3d if shown_3d else self

    def update_from(self, snapshot) -> None:
        self._snapshot = snapshot
        hidden_nodes = snapshot.hidden_nodes
        if hidden_nodes != self._hidden_nodes:  # another shape: the default axes again
            self._hidden_nodes, self._chosen = hidden_nodes, None
            self._fill_pickers(hidden_nodes)
            # 3D by default for exactly three nodes (the picture is then exact).
            self._three_d.setChecked(hidden_nodes == 3 and self._space_3d is not None)
        if self.is_3d():
            self._show_3d(snapshot)
            return
        space = hidden_space(snapshot.weights, snapshot.activation, self._chosen, snapshot.path)
        if space is None:
            if hidden_nodes < 2:
                self._show_message(hidden_nodes)
            return  # fewer than two nodes, or a diverged run: keep the last picture
        self._space = space
        if self._chosen is None:  # the default axes may change as the output weights grow
            self._x_box.setCurrentIndex(space.nodes[0])
            self._y_box.setCurrentIndex(space.nodes[1])
        self._show_space(space)

    def space(self):
        """The hidden space drawn now (core.views.hidden_space.HiddenSpace), or None."""
        return self._space

    def space_3d(self):
        """The 3D hidden space drawn now (core.views.hidden_space.HiddenSpace3D), or None."""
        return self._space3 if self.is_3d() else None

    def is_3d(self) -> bool:
        return self._space_3d is not None and self._three_d.isChecked() and self._hidden_nodes >= 3

    def _show_3d(self, snapshot) -> None:
        space = hidden_space_3d(snapshot.weights, snapshot.activation, self._chosen3,
                                snapshot.path)
        if space is None:
            return
        self._space3 = space
        for box, node in zip((self._x_box, self._y_box, self._z_box), space.nodes):
            box.setCurrentIndex(node)
        self._message.hide()
        self._plot_widget.hide()
        self._title.setText(self._titles[1])
        self._title.show()
        self._pickers.show()
        self._z_box.show()
        self._note.setVisible(not space.exact)
        self._space_3d.show()
        self._space_3d.show_space(space, snapshot.targets)

    def pick_nodes(self, a: int, b: int) -> None:
        """Puts hidden nodes a and b (from 0) on the axes."""
        self._x_box.setCurrentIndex(a)
        self._y_box.setCurrentIndex(b)
        self._on_pick()

    # --- drawing ------------------------------------------------------------
    def _build_plot(self, plot: pg.PlotItem) -> None:
        fixed_plot(plot)
        self._image = pg.ImageItem(np.zeros((2, 2), np.float32), axisOrder="col-major",
                                   levels=(0.0, 1.0))
        self._image.setLookupTable(self._colormap.getLookupTable(nPts=256))
        plot.addItem(self._image)
        self._trails = [pg.PlotCurveItem(pen=TRAIL_PEN) for _ in ROWS]
        for trail in self._trails:
            plot.addItem(trail)
        self._line = pg.PlotCurveItem(pen=pg.mkPen("w", width=2.5, style=Qt.PenStyle.DashLine))
        plot.addItem(self._line)
        self._markers = pg.ScatterPlotItem(size=16, pen=TARGET_PEN)
        plot.addItem(self._markers)
        self._labels = []
        for x1, x2 in ROWS:
            label = pg.TextItem(f"({x1:g}, {x2:g})", anchor=(0, 1), color="w",
                                fill=pg.mkBrush(0, 0, 0, 150))
            plot.addItem(label)
            self._labels.append(label)
        plot.getViewBox().sigResized.connect(self._on_resized)

    def _on_resized(self, *_) -> None:
        if self._space is not None and self._plot_widget.isVisible():  # pixels changed: re-place
            self._place_labels(self._space)

    def _show_space(self, space) -> None:
        self._message.hide()
        if self._space_3d is not None:
            self._space_3d.hide()
        self._z_box.hide()
        self._three_d.setVisible(self._hidden_nodes >= 3)
        self._plot_widget.show()
        self._title.show()
        self._pickers.setVisible(self._hidden_nodes > 2)
        self._title.setText(self._titles[0])
        self._title.show()
        self._note.setVisible(not space.exact)
        low, high = space.low, space.high
        step = (high - low) / (len(space.axis) - 1)
        self._image.setImage(space.output.astype(np.float32), autoLevels=False, levels=(0.0, 1.0))
        self._image.setRect(QRectF(low - step / 2, low - step / 2, high - low + step,
                                   high - low + step))
        plot = self._plot_widget.getPlotItem()
        margin = 0.08 * (high - low)
        plot.setRange(xRange=(low - margin, high + margin), yRange=(low - margin, high + margin),
                      padding=0)
        a, b = space.nodes
        plot.setLabel("bottom", self.tr("h{0}").format(a + 1), color=node_colour(a))
        plot.setLabel("left", self.tr("h{0}").format(b + 1), color=node_colour(b))
        self._line.setData(space.line[:, 0], space.line[:, 1])
        for k, trail in enumerate(self._trails):
            if len(space.trail):
                trail.setData(space.trail[:, k, 0], space.trail[:, k, 1])
            else:
                trail.setData([], [])
        targets = np.asarray(self._snapshot.targets, dtype=float)
        self._markers.setData(x=space.points[:, 0], y=space.points[:, 1], brush=[
            pg.mkBrush(self._colormap.map(float(t), mode="qcolor")) for t in targets])
        self._place_labels(space)

    def _place_labels(self, space) -> None:
        """Each row's label beside its point, towards the middle of the plot, placed in pixels
        (core.views.label_placement) so that no two overlap, whatever the font (Japanese text
        is wider) or the size; rows at one place share one label (XOR's (1, 0) and (0, 1)
        often land on the same hidden point)."""
        low, high = space.low, space.high
        gap = 0.03 * (high - low)
        named = [f"({x1:g}, {x2:g})" for x1, x2 in ROWS]
        groups, done = [], set()
        for k in range(len(ROWS)):
            if k in done:
                self._labels[k].setVisible(False)
                continue
            same = [m for m in range(k, len(ROWS)) if np.hypot(*(space.points[m] - space.points[k])) < gap]
            done.update(same)
            self._labels[k].setText(" ".join(named[m] for m in same))
            groups.append(k)
        view = self._plot_widget.getPlotItem().getViewBox()
        area = view.sceneBoundingRect()
        if area.width() < 20 or area.height() < 20:  # not laid out yet: sigResized comes back
            for k in groups:  # meanwhile each beside its point, as drawn in data coordinates
                self._labels[k].setAnchor((0.0, 1.0))
                self._labels[k].setPos(*map(float, space.points[k]))
                self._labels[k].setVisible(True)
            return
        centre = area.center()
        labels = []
        for k in groups:
            anchor = view.mapViewToScene(QPointF(*map(float, space.points[k])))
            size = self._labels[k].boundingRect()
            # towards the middle: away from the point's mirror image through the centre
            away = (2 * anchor.x() - centre.x(), 2 * anchor.y() - centre.y())
            labels.append(label_placement.Label(
                (anchor.x() - area.left(), anchor.y() - area.top()), (size.width(), size.height()),
                away_from=(away[0] - area.left(), away[1] - area.top()), gap=6.0, tries=4,
                required=True, turns=(0, 45, -45, 90, -90, 180)))
        markers = [label_placement.marker_box((a.x() - area.left(), a.y() - area.top()), 16.0)
                   for a in (view.mapViewToScene(QPointF(*map(float, p))) for p in space.points)]
        for k, box in zip(groups, label_placement.place(labels, (area.width(), area.height()), markers)):
            label = self._labels[k]
            label.setVisible(box is not None)
            if box is not None:
                label.setAnchor((0.0, 0.0))  # its top-left corner at the box's
                label.setPos(view.mapSceneToView(QPointF(box.left + area.left(), box.top + area.top())))

    def label_rects(self) -> list:
        """The shown rows' labels as scene rectangles (tests)."""
        return [label.sceneBoundingRect() for label in self._labels if label.isVisible()]

    def _show_message(self, hidden_nodes: int) -> None:
        self._space = None
        if hidden_nodes == 0:
            text = self.tr("The 2-layer model has no hidden layer: its one line is drawn on the "
                           "input square (the output view). Add hidden nodes to see the hidden "
                           "layer move the rows.")
        else:
            text = self.tr("With one hidden node the hidden space is a line; add a second node "
                           "to see the rows moved in a plane.")
        self._message.setText(text)
        self._message.show()
        for widget in (self._plot_widget, self._pickers, self._note, self._title, self._space_3d):
            if widget is not None:
                widget.hide()

    def _fill_pickers(self, hidden_nodes: int) -> None:
        self._chosen3 = None
        for box in (self._x_box, self._y_box, self._z_box):
            box.clear()
            box.addItems([self.tr("h{0}").format(j + 1) for j in range(hidden_nodes)])
        if hidden_nodes >= 2 and self._snapshot is not None:
            a, b = default_nodes(self._snapshot.weights)
            self._x_box.setCurrentIndex(a)
            self._y_box.setCurrentIndex(b)

    def _on_pick(self, _index=None) -> None:
        a, b, c = self._x_box.currentIndex(), self._y_box.currentIndex(), self._z_box.currentIndex()
        if self.is_3d():
            if len({a, b, c}) == 3 and min(a, b, c) >= 0:
                self._chosen3 = (a, b, c)
        elif a != b and a >= 0 and b >= 0:  # the same node twice: wait for the other box
            self._chosen = (a, b)
        if self._snapshot is not None:
            self.update_from(self._snapshot)
