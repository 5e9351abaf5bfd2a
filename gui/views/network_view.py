"""NetworkView: the network as a live diagram of nodes and weighted edges.

Everything drawn comes from core.views.diagram (positions, colours, widths, node values).
The scene items are created once per network shape; each snapshot only changes pens
and texts. Hovering shows a node's values for the selected row or an edge's weight;
double-clicking an edge edits its weight when the view is editable (paused or idle).
"""

import math

from PySide6.QtCore import QEvent, QLineF, QPointF, Qt, Signal
from PySide6.QtGui import (
    QBrush,
    QColor,
    QCursor,
    QFont,
    QPainter,
    QPen,
    QPixmap,
    QStatusTipEvent,
)
from PySide6.QtWidgets import (
    QApplication,
    QComboBox,
    QDoubleSpinBox,
    QGraphicsScene,
    QGraphicsSimpleTextItem,
    QGraphicsView,
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QSizePolicy,
    QToolTip,
    QVBoxLayout,
    QWidget,
)

from core.model.gates import ROWS
from core.views import diagram
from core.views.node_maps import node_colour

EDIT_LIMIT = 1e6  # the editor accepts weights in [-EDIT_LIMIT, EDIT_LIMIT]
EDIT_DECIMALS = 6
# Antialiasing ~250 edges costs ~10 ms a frame in software rendering: above this many hidden
# nodes the lines are drawn aliased, so 60 updates a second stay cheap.
ANTIALIAS_MAX_HIDDEN = 32
LABEL_MIN_RADIUS = 9.0  # smaller nodes (many hidden nodes) show no text; hover tells which is which
_BACKGROUND = QColor("#ffffff")  # fixed, so the Okabe-Ito colours keep their contrast in dark themes
_TEXT = QColor("#202020")
_NODE_FILL = {diagram.INPUT: "#e8e8e8", diagram.BIAS: "#f6f6f6", diagram.HIDDEN: "#ffffff",
              diagram.OUTPUT: "#fff4d6"}
_NUMBER = "{:.6g}"  # tooltips


def _short(value: float) -> str:
    """A node's value inside its circle: two decimals, fewer digits when large."""
    return f"{value:.2f}" if abs(value) < 100 else f"{value:.3g}"


class _NodeGraphics:
    """A node's circle and its texts (plain items: no Python overrides slow down painting)."""

    def __init__(self, scene, place):
        key, kind, label, x, y, radius = place
        self.centre = QPointF(x, y)
        self.circle = scene.addEllipse(x - radius, y - radius, 2 * radius, 2 * radius)
        self.circle.setBrush(QBrush(QColor(_NODE_FILL[kind])))
        pen = QPen(QColor("#404040"), 1.5 if radius >= LABEL_MIN_RADIUS else 1.0)
        if kind == diagram.HIDDEN:  # its colour, as in the hidden maps and the decision lines
            pen = QPen(QColor(node_colour(int(key[1:]) - 1)), 3.0 if radius >= LABEL_MIN_RADIUS else 2.0)
        if kind == diagram.BIAS:
            pen.setStyle(Qt.PenStyle.DashLine)
        self.circle.setPen(pen)
        self.circle.setZValue(1)
        self.label = self.value_text = None
        if radius >= LABEL_MIN_RADIUS:
            with_value = radius >= 20 and kind != diagram.BIAS  # "1" is already its value
            if with_value:
                self.label = _text(self.circle, label, 13, bold=True)
                self.value_text = _text(self.circle, "", 11)
            else:
                size = 16 if kind == diagram.BIAS and radius >= 20 else min(13, radius * 0.85)
                self.label = _text(self.circle, label, size, bold=True)
            self.place_texts()

    def place_texts(self):
        """Centres the label (and the value below it) in the circle."""
        if self.label is None:
            return
        label = self.label.boundingRect()
        if self.value_text is None:
            self.label.setPos(self.centre - label.center())
            return
        value = self.value_text.boundingRect()
        top = self.centre.y() - (label.height() + value.height()) / 2 + 1
        self.label.setPos(self.centre.x() - label.width() / 2, top)
        self.value_text.setPos(self.centre.x() - value.width() / 2, top + label.height() - 2)


def _text(parent, text, pixel_size, bold=False):
    item = QGraphicsSimpleTextItem(text, parent)
    font = QFont()
    font.setPixelSize(max(1, round(pixel_size)))
    font.setBold(bold)
    item.setFont(font)
    item.setBrush(QBrush(_TEXT))
    return item


class _DiagramCanvas(QGraphicsView):
    """The graphics view: fits the scene, asks the NetworkView for tooltips, reports double-clicks."""

    edge_double_clicked = Signal(object)
    resized = Signal()

    def __init__(self, tooltip_for, parent=None):
        super().__init__(parent)
        self._tooltip_for = tooltip_for
        self.shape = None  # the core Layout drawn, for hit testing
        self.tip = None  # (key, global position, text) of the tooltip shown last
        self.setRenderHint(QPainter.RenderHint.Antialiasing)
        self.setViewportUpdateMode(QGraphicsView.ViewportUpdateMode.FullViewportUpdate)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setBackgroundBrush(QBrush(_BACKGROUND))
        self.setMouseTracking(True)

    def fit(self):
        """Draws the scene 1:1 when it fits (crisp text), scaled down when the canvas is smaller."""
        rect, port = self.sceneRect(), self.viewport().size()
        if rect.width() <= port.width() and rect.height() <= port.height():
            self.resetTransform()
            self.centerOn(rect.center())
        else:
            self.fitInView(rect, Qt.AspectRatioMode.KeepAspectRatio)

    def resizeEvent(self, event):
        super().resizeEvent(event)
        self.resized.emit()

    def key_at(self, pos):
        """The node or edge key under a viewport position (hit-tested in core, on the layout)."""
        if self.shape is None:
            return None
        point = self.mapToScene(pos)
        tolerance = max(4.0, self.shape.max_edge_width / 2 + 2) / max(self.transform().m11(), 1e-6)
        return diagram.item_at(self.shape, point.x(), point.y(), tolerance)

    def viewportEvent(self, event):
        if event.type() == QEvent.Type.ToolTip:
            key = self.key_at(event.pos())
            text = self._tooltip_for(key) if key is not None else ""
            if text:
                QToolTip.showText(event.globalPos(), text, self.viewport())
                self.tip = (key, event.globalPos(), text)
            else:
                QToolTip.hideText()
                self.tip = None
            return True
        return super().viewportEvent(event)

    def refresh_tip(self):
        """Keeps a visible tooltip's numbers live while the weights change."""
        if self.tip is None or not QToolTip.isVisible():
            return
        key, pos, text = self.tip
        if QToolTip.text() != text:
            self.tip = None
            return
        text = self._tooltip_for(key)
        QToolTip.showText(pos, text, self.viewport())
        self.tip = (key, pos, text)

    def mouseDoubleClickEvent(self, event):
        key = self.key_at(event.position().toPoint())
        if isinstance(key, tuple):
            self.edge_double_clicked.emit(key)
            event.accept()
            return
        super().mouseDoubleClickEvent(event)


class NetworkView(QWidget):
    """The live network diagram. The main window feeds snapshots and decides when editing is allowed."""

    weights_edited = Signal(object)  # a new core.model.network.Weights after a hand edit

    def __init__(self, parent=None):
        super().__init__(parent)
        self._weights = None
        self._activation = "sigmoid"
        self._row = 0
        self._editable = False
        self._refusal = ""
        self._diagram = None
        self._shape = None  # the Layout the scene items were built for
        self._edge_items = {}
        self._node_items = {}
        self._pens = {}  # edge key -> (colour name, width) currently set
        self._scene = QGraphicsScene(self)
        self._scene.setItemIndexMethod(QGraphicsScene.ItemIndexMethod.NoIndex)
        self._canvas = _DiagramCanvas(self._tooltip_for, self)
        self._canvas.setScene(self._scene)
        self._canvas.edge_double_clicked.connect(self._on_edge_double_clicked)
        self._canvas.resized.connect(self._on_canvas_resized)
        self._rows = QComboBox(self)
        self._hint = QLabel(self)
        self._build()
        self.set_editable(False)

    def slide_part(self):
        """What a picture for a slide shows: the diagram with its key."""
        return self

    def slide_hidden(self) -> list:
        """Left out of a slide: the row picker and the editing hint."""
        return [self._rows, self._hint]

    # -- layout ------------------------------------------------------------------

    def _build(self):
        for x1, x2 in ROWS:
            self._rows.addItem(self.tr("Row: [{0}, {1}]").format(int(x1), int(x2)))
        self._rows.setToolTip(self.tr("The truth-table row whose values the nodes show"))
        self._rows.currentIndexChanged.connect(self._on_row_changed)
        top = QHBoxLayout()
        top.setContentsMargins(4, 2, 4, 0)
        for pixmap, text, tip in self._legend_entries():
            swatch = QLabel(self)
            swatch.setPixmap(pixmap)
            label = QLabel(text, self)
            label.setWordWrap(True)  # a narrow dock wraps the legend instead of widening the window
            for widget in (swatch, label):
                widget.setToolTip(tip)
            top.addWidget(swatch)
            top.addWidget(label)
            top.addSpacing(8)
        top.addStretch(1)
        self._hint.setWordWrap(True)
        self._hint.setStyleSheet("QLabel { color: palette(placeholder-text); }")
        bottom = QHBoxLayout()
        bottom.setContentsMargins(4, 0, 4, 2)
        bottom.addWidget(self._rows)
        bottom.addWidget(self._hint, 1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)
        layout.addLayout(top)
        layout.addWidget(self._canvas, 1)
        layout.addLayout(bottom)
        self._canvas.setMinimumSize(240, 160)
        self._canvas.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)

    def _legend_entries(self):
        scale = f"{diagram.WIDTH_SCALE:g}"
        return [
            (_swatch([(diagram.POSITIVE_COLOUR, 3)]), self.tr("positive weight"),
             self.tr("Blue edge: the weight is positive")),
            (_swatch([(diagram.NEGATIVE_COLOUR, 3)]), self.tr("negative weight"),
             self.tr("Orange edge: the weight is negative")),
            (_swatch([(diagram.ZERO_COLOUR, 1), (diagram.ZERO_COLOUR, 4), (diagram.ZERO_COLOUR, 8)]),
             self.tr("width = |w|"),
             self.tr("The thicker the edge, the larger the weight's size |w| "
                     "(full width from |w| = {0})").format(scale)),
        ]

    def sizeHint(self):
        size = super().sizeHint()
        size.setWidth(max(size.width(), 520))
        size.setHeight(max(size.height(), 420))
        return size

    # -- public API --------------------------------------------------------------
    def update_from(self, snapshot) -> None:
        """Shows a snapshot's weights; called up to 50 times a second."""
        if not snapshot.weights.is_finite():
            return  # a diverged run: keep the last finite weights on screen
        self._weights = snapshot.weights
        self._activation = snapshot.activation
        self._refresh()

    def set_editable(self, editable: bool, refusal: str = "") -> None:
        """refusal: why not, when not editable ("": training must be paused first)."""
        self._editable = bool(editable)
        self._refusal = refusal
        if self._editable:
            self._hint.setText(self.tr("Double-click an edge to change its weight."))
        else:
            self._hint.setText(refusal or self.tr("Pause training to edit a weight (double-click an edge)."))

    def is_editable(self) -> bool:
        return self._editable

    def selected_row(self) -> int:
        return self._row

    def set_selected_row(self, row: int) -> None:
        if isinstance(row, bool) or row not in range(len(ROWS)):
            raise ValueError(f"row must be 0..{len(ROWS) - 1}, got {row!r}")
        self._row = row
        if self._rows.currentIndex() != row:
            self._rows.setCurrentIndex(row)  # comes back through _on_row_changed
        if self._weights is not None:
            self._refresh()

    def weights(self):
        """The weights shown now (after any hand edit)."""
        return self._weights

    def current_diagram(self):
        return self._diagram

    def edge_keys(self) -> tuple:
        return tuple(self._edge_items)

    def node_keys(self) -> tuple:
        return tuple(self._node_items)

    def edge_pen(self, edge_key):
        pen = self._edge_items[tuple(edge_key)].pen()
        return QColor(pen.color()), pen.widthF()

    def node_text(self, node_key) -> str:
        """The text drawn in a node: its label, and its value when there is room."""
        item = self._node_items[node_key]
        parts = [t.text() for t in (item.label, item.value_text) if t is not None]
        return "\n".join(parts)

    def node_tooltip(self, node_key) -> str:
        node = self._diagram.node(node_key)
        x1, x2 = (int(v) for v in ROWS[self._row])
        head = self.tr("{name}, row [{x1}, {x2}]").format(name=self._node_title(node), x1=x1, x2=x2)
        if node.kind == diagram.BIAS:
            return head + "\n" + self.tr("bias node: always 1")
        if node.kind == diagram.INPUT:
            return head + "\n" + self.tr("input {name} = {value}").format(
                name=node.value_name, value=_NUMBER.format(node.value))
        total = self.tr("input sum {name} = {value}").format(
            name=node.sum_name, value=_NUMBER.format(node.input_sum))
        output = self.tr("activation {name} = {f}({sum}) = {value}").format(
            name=node.value_name, f=node.function, sum=node.sum_name, value=_NUMBER.format(node.value))
        return "\n".join((head, total, output))

    def edge_tooltip(self, edge_key) -> str:
        edge = self._diagram.edge(edge_key)
        text = self.tr("{name} = {value}").format(name=edge.name, value=repr(edge.weight))
        if self._editable:
            return text + "\n" + self.tr("Double-click to edit")
        return text + "\n" + (self._refusal or self.tr("Pause training to edit this weight"))

    def edit_weight(self, edge_key, value: float) -> bool:
        """Sets one weight, as accepting the editor does; returns False when editing is not allowed.
        Emits weights_edited with a new Weights; the training itself is left to the main window."""
        if not self._editable or self._weights is None:
            self._refuse()
            return False
        value = float(value)
        if not (math.isfinite(value) and abs(value) <= EDIT_LIMIT):
            raise ValueError(f"a weight must be a number from {-EDIT_LIMIT:g} to {EDIT_LIMIT:g}")
        self._weights = diagram.with_parameter(self._weights, edge_key, value)
        self._refresh()
        self.weights_edited.emit(self._weights.copy())
        return True

    # -- drawing -----------------------------------------------------------------
    def _refresh(self):
        port = self._canvas.viewport().size()
        self._diagram = diagram.build(self._weights, self._activation, self._row,
                                      port.width(), port.height())
        if self._diagram.layout is not self._shape:
            self._rebuild(self._diagram.layout)
        for edge in self._diagram.edges:
            self._set_pen(edge)
        for node in self._diagram.nodes:
            item = self._node_items[node.key]
            if item.value_text is not None:
                item.value_text.setText(_short(node.value) if node.kind != diagram.INPUT
                                        else f"{node.value:g}")
                item.place_texts()
        self._canvas.refresh_tip()

    def _set_pen(self, edge):
        look = (edge.colour, edge.width)
        if self._pens.get(edge.key) == look:
            return
        self._pens[edge.key] = look
        pen = QPen(QColor(edge.colour), edge.width)
        pen.setCosmetic(True)  # widths are pixels whatever the zoom
        pen.setCapStyle(Qt.PenCapStyle.FlatCap)
        self._edge_items[edge.key].setPen(pen)

    def _rebuild(self, shape):
        """Creates the scene items for a network shape (once per shape, not per snapshot)."""
        self._canvas.tip = None
        self._scene.clear()
        self._edge_items, self._node_items, self._pens = {}, {}, {}
        self._shape = self._canvas.shape = shape
        self._scene.setSceneRect(0, 0, shape.width, shape.height)
        self._canvas.setRenderHint(QPainter.RenderHint.Antialiasing,
                                   shape.hidden_nodes <= ANTIALIAS_MAX_HIDDEN)
        places = {place[0]: place for place in shape.places}
        for key, source, target, _name in shape.links:
            a, b = places[source], places[target]
            self._edge_items[key] = self._scene.addLine(QLineF(a[3], a[4], b[3], b[4]))
        for place in shape.places:
            self._node_items[place[0]] = _NodeGraphics(self._scene, place)
        for column in shape.columns:
            title = _text(None, self._column_title(column.kind, shape.hidden_nodes), 13)
            title.setBrush(QBrush(QColor("#555555")))
            left = column.x - title.boundingRect().width() / 2
            title.setPos(min(max(2.0, left), shape.width - title.boundingRect().width() - 2), 4)
            self._scene.addItem(title)
        self._canvas.fit()

    def _column_title(self, kind, hidden_nodes):
        if kind == diagram.INPUT:
            return self.tr("inputs")
        if kind == diagram.HIDDEN:
            return self.tr("hidden layer ({0} nodes)").format(hidden_nodes)
        return self.tr("output")

    def _node_title(self, node):
        if node.kind == diagram.INPUT:
            return self.tr("input {0}").format(node.label)
        if node.kind == diagram.BIAS:
            return self.tr("bias input") if node.key == "x_bias" else self.tr("hidden bias")
        if node.kind == diagram.HIDDEN:
            return self.tr("hidden node {0}").format(node.label)
        return self.tr("output yp")

    def _tooltip_for(self, key):
        if self._diagram is None or key is None:
            return ""
        return self.edge_tooltip(key) if isinstance(key, tuple) else self.node_tooltip(key)

    # -- slots -------------------------------------------------------------------
    def _on_canvas_resized(self):
        if self._weights is not None:
            self._refresh()  # a new size is a new layout: the items are rebuilt for it
        self._canvas.fit()

    def _on_row_changed(self, row):
        if row >= 0 and row != self._row:
            self.set_selected_row(row)

    def _on_edge_double_clicked(self, key):
        if not self._editable:
            self._refuse()
            return
        edge = self._diagram.edge(key)
        label = self.tr("New value of {0}:").format(edge.name)
        if abs(edge.weight) > EDIT_LIMIT:  # the editor opens at its limit, not at the weight
            label = self.tr("New value of {0} (now {1}; the editor takes {2:,.0f} to {3:,.0f}):").format(
                edge.name, repr(edge.weight), -EDIT_LIMIT, EDIT_LIMIT)
        value, ok = QInputDialog.getDouble(self, self.tr("Edit weight"), label, edge.weight,
                                           -EDIT_LIMIT, EDIT_LIMIT, EDIT_DECIMALS)
        if ok and value != _as_the_editor_opens(edge.weight):  # OK alone keeps the weight as it is
            self.edit_weight(key, value)

    def _refuse(self):
        text = self._refusal or self.tr("Pause training to edit a weight.")
        QApplication.sendEvent(self, QStatusTipEvent(text))
        if self.isVisible():
            QToolTip.showText(QCursor.pos(), text, self)


def _as_the_editor_opens(weight: float) -> float:
    """The value the weight editor shows at first: Qt's own rounding to EDIT_DECIMALS (not
    Python's: 0.0078125 opens as 0.007813) within its range."""
    box = QDoubleSpinBox()
    box.setDecimals(EDIT_DECIMALS)
    box.setRange(-EDIT_LIMIT, EDIT_LIMIT)
    box.setValue(weight)
    return box.value()


def _swatch(lines):
    """A small legend picture: horizontal strokes of the given colours and widths, side by side."""
    pixmap = QPixmap(12 * len(lines) + 20, 14)
    pixmap.fill(Qt.GlobalColor.transparent)
    painter = QPainter(pixmap)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    step = pixmap.width() / len(lines)
    for k, (colour, width) in enumerate(lines):
        pen = QPen(QColor(colour), width)
        pen.setCapStyle(Qt.PenCapStyle.FlatCap)
        painter.setPen(pen)
        painter.drawLine(QPointF(k * step + 1, 7), QPointF((k + 1) * step - 2, 7))
    painter.end()
    return pixmap
