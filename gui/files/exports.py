"""Exports: the loss plot (PNG, SVG), the 3D view (PNG), pictures for slides (either view at
a chosen pixel size, with a caption), the loss history and predictions (CSV, clipboard) and the
weights (JSON).

Each function takes only what it exports and returns None on success or a message
saying what went wrong; none raises or shows a dialog. Files are written with
QSaveFile, so a failed export leaves no partial file and an earlier file intact.
Pictures are encoded in memory first: a failed write is then ours to report (a full disk
says so), not libpng's error on stderr.
"""

import errno
import functools
import importlib
import os
import re
import stat
from contextlib import contextmanager

import numpy as np
import pyqtgraph as pg
import pyqtgraph.exporters  # noqa: F401 - registers ImageExporter and SVGExporter
from PySide6.QtCore import (
    QBuffer,
    QCoreApplication,
    QFile,
    QFileDevice,
    QIODevice,
    QPoint,
    QRect,
    QRectF,
    QSaveFile,
    QSize,
    Qt,
)
from PySide6.QtGui import (
    QColor,
    QFont,
    QFontDatabase,
    QFontMetrics,
    QGuiApplication,
    QImage,
    QPainter,
    QPalette,
    QPen,
)
from PySide6.QtWidgets import QAbstractScrollArea

from core.io import export_data
from gui.common.picture_sizes import SLIDE_MAX, SLIDE_MIN

MAX_SCALE = 8  # 8x a 600-pixel view is 4800 pixels: enough for a poster, within GL limits
CAPTION_SHARE = 0.07  # the caption band's height, as a share of the picture's
DARK = QColor(24, 26, 32)  # the 3D view's background


# -- pictures for slides -------------------------------------------------------------
def export_slide(view, path, size: QSize, caption: str = "", legend=()) -> str | None:
    """`view` (the output view, or the loss plot) drawn to fill a `size` picture, keeping
    its proportions, with `caption` (and `legend`, right-aligned) in a band under it.
    legend: the view's marker_key() (KeyEntry list: each marker drawn as the view draws it),
    or a text."""
    width, height = size.width(), size.height()
    if not (SLIDE_MIN <= width <= SLIDE_MAX and SLIDE_MIN <= height <= SLIDE_MAX):
        return QCoreApplication.translate(
            "Exports", "A picture is from {0} to {1} pixels each way, not {2} x {3}.").format(
            SLIDE_MIN, SLIDE_MAX, width, height)
    try:
        picture = slide_image([view], size, caption, legend)
    except Exception as error:  # noqa: BLE001 - a GL or paint failure is reported, not raised
        return _render_failed(error)
    return _save_image(picture, path)


def slide_image(views, size: QSize, caption: str = "", legend=()) -> QImage | None:
    """`views` side by side, each drawn to fill its share of a `size` picture, with `caption`
    (and `legend`) in a band under them; None if a view drew nothing. Raises if one fails."""
    band = round(size.height() * CAPTION_SHARE) if caption or legend else 0
    share = QSize(size.width() // len(views), size.height() - band)
    pictures = []
    for view in views:
        picture, dark = _picture_to_fit(view, share)
        if picture is None or picture.isNull():
            return None
        pictures.append((picture, dark))
    return _slide(pictures, size, band, caption, legend)


# A slide is drawn as a view this tall, enlarged: text stays in scale. 400: at 1280 x 720 a
# tick label is about 18 pixels high, readable from the back of a classroom.
SLIDE_TEXT_HEIGHT = 400
# Curves as thick as the text is large: 2 of a slide's pixels per 400 of its height.
SLIDE_LINE_PER_K = 2.0


def _picture_to_fit(view, area: QSize):
    """The view drawn to fill `area` (as if it were area / k logical pixels, k making it
    SLIDE_TEXT_HEIGHT tall, then enlarged k times), and whether its background is dark."""
    # An OutputView holds the real view; a dock view (GateOnly too) says what a slide shows.
    inner = view if hasattr(view, "slide_part") else getattr(view, "view", view)
    k = area.height() / SLIDE_TEXT_HEIGHT
    glview = getattr(inner, "glview", None)
    if glview is not None:
        return _render_gl_filling(inner, glview, area, k), True
    slide_part = getattr(inner, "slide_part", None)  # a dock view: the part a slide shows
    if slide_part is not None:
        part = slide_part()
        if getattr(part, "glview", None) is not None:  # its 3D scene, drawn offscreen
            return _render_gl_filling(part, part.glview, area, k), True
        hidden = [w for w in getattr(inner, "slide_hidden", list)() if w.isVisible()]
        for widget in hidden:  # the view's controls have no place on a slide
            widget.hide()
        try:
            return _render_widget_filling(part, area, k), False
        finally:
            for widget in hidden:
                widget.show()
    item = _plot_item(inner)
    old, view_state = item.geometry(), item.getViewBox().getState(copy=True)
    widened = getattr(inner, "widened_lines", None)  # a LossPlot's curves: 1 pixel on screen
    restore = widened(max(2.0, SLIDE_LINE_PER_K * k)) if widened is not None else (lambda: None)
    try:  # the plot laid out at the slide's proportions for the export, then put back
        item.setGeometry(QRectF(old.x(), old.y(), area.width() / k, area.height() / k))
        item.layout.activate()
        exporter = pg.exporters.ImageExporter(item)
        exporter.parameters()["width"] = area.width()
        image = exporter.export(toBytes=True)
    finally:
        restore()
        item.setGeometry(old)
        item.layout.activate()
        QCoreApplication.processEvents()  # its own size's layout, then its range as it was
        item.getViewBox().setState(view_state)
    return image, _is_dark(inner)


def _render_gl_filling(view, glview, area: QSize, k: float) -> QImage:
    """The 3D scene drawn offscreen at the slide's size and proportions, its labels and
    markers k times their on-screen size, the camera's field of view fitted to it."""
    fov = getattr(view, "fov_for", None)
    before = glview.cameraParams()["fov"]
    grown = _grown_items(glview.items, k)
    ratio = glview.devicePixelRatioF()
    size = QSize(round(area.width() / ratio), round(area.height() / ratio))
    try:
        for item, name, _, larger in grown:
            item.setData(**{name: larger})
        if fov is not None:
            glview.setCameraParams(fov=fov(size.width(), size.height()))
        image = view.render_image(size)
    finally:
        for item, name, original, _ in grown:
            item.setData(**{name: original})
        glview.setCameraParams(fov=before)
    return image


def _render_widget_filling(widget, area: QSize, k: float) -> QImage:
    """A widget view (the diagram, the hidden maps and space, the landscape, the math) laid out
    at area / k logical pixels and painted k times larger, so its text and lines stay sharp
    and in scale with the slide. The widget gets its own size back after."""
    logical = QSize(max(1, round(area.width() / k)), max(1, round(area.height() / k)))
    QCoreApplication.processEvents()  # what the caller changed (controls hidden) laid out first
    old = widget.size()
    scrolled = isinstance(widget, QAbstractScrollArea)
    policies = (widget.horizontalScrollBarPolicy(), widget.verticalScrollBarPolicy()) if scrolled else ()
    if scrolled:  # the text as scrolled on screen, with no scroll bar beside it
        widget.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        widget.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
    # The layout holding the widget (its dock's) is paused: while the events below are
    # processed it gave the widget its on-screen size back, and the slide showed a corner.
    holder = widget.parentWidget().layout() if widget.parentWidget() is not None else None
    if holder is not None:
        holder.setEnabled(False)
    image = QImage(area, QImage.Format.Format_RGB32)
    image.fill(widget.palette().color(QPalette.ColorRole.Window))
    try:
        widget.resize(logical)
        if widget.layout() is not None:
            widget.layout().activate()
        QCoreApplication.processEvents()  # pyqtgraph lays its plots out on the event loop
        painter = QPainter(image)
        try:
            painter.setRenderHints(QPainter.RenderHint.Antialiasing | QPainter.RenderHint.TextAntialiasing
                                   | QPainter.RenderHint.SmoothPixmapTransform)
            painter.scale(area.width() / logical.width(), area.height() / logical.height())
            widget.render(painter, QPoint(0, 0))
        finally:
            painter.end()
    finally:
        widget.resize(old)
        if widget.layout() is not None:
            widget.layout().activate()
        if holder is not None:
            holder.setEnabled(True)
            holder.activate()
        if scrolled:
            widget.setHorizontalScrollBarPolicy(policies[0])
            widget.setVerticalScrollBarPolicy(policies[1])
    return image


def _is_dark(view) -> bool:
    return getattr(view, "background_is_dark", False)


def _slide(pictures, size: QSize, band: int, caption: str, legend) -> QImage:
    """[(picture, dark background)] side by side over a caption band (dark if the first is)."""
    slide = QImage(size, QImage.Format.Format_RGB32)
    dark = pictures[0][1]
    slide.fill(DARK if dark else QColor("white"))
    share = QSize(size.width() // len(pictures), size.height() - band)
    painter = QPainter(slide)
    try:
        for k, (picture, picture_dark) in enumerate(pictures):
            left = k * share.width()
            if picture_dark != dark:  # each picture keeps its own background around it
                painter.fillRect(left, 0, share.width(), share.height(),
                                 DARK if picture_dark else QColor("white"))
            fitted = picture if picture.size() == share else picture.scaled(
                share, Qt.AspectRatioMode.KeepAspectRatio, Qt.TransformationMode.SmoothTransformation)
            painter.drawImage(left + (share.width() - fitted.width()) // 2,
                              (share.height() - fitted.height()) // 2, fitted)
        if band:
            font, caption, legend, boxes = caption_layout(size.width(), share.height(), band,
                                                          caption, legend)
            painter.setFont(font)
            painter.setPen(QColor("white") if dark else QColor(32, 32, 32))
            align = Qt.AlignmentFlag.AlignVCenter
            painter.drawText(boxes[0], align | Qt.AlignmentFlag.AlignLeft, caption)
            if legend:
                _draw_key(painter, boxes[1], legend, QFontMetrics(font))
    finally:
        painter.end()
    return slide


def _key_width(metrics: QFontMetrics, legend) -> int:
    """The key's width: a text's, or for KeyEntries each marker, a space, its name, and three
    spaces between entries."""
    if isinstance(legend, str):
        return metrics.horizontalAdvance(legend) if legend else 0
    if not legend:
        return 0
    space = metrics.horizontalAdvance(" ")
    dot = metrics.height() * 0.8
    return round(sum(dot + space + metrics.horizontalAdvance(entry.text) for entry in legend)
                 + 3 * space * (len(legend) - 1))


def _draw_key(painter: QPainter, box: QRect, legend, metrics: QFontMetrics) -> None:
    """The key in `box`: a text as it is, or each entry's marker in its own colour (a thin
    grey ring keeps a white dot visible on a white band) and its name in the text's colour."""
    align = Qt.AlignmentFlag.AlignVCenter
    if isinstance(legend, str):
        painter.drawText(box, align | Qt.AlignmentFlag.AlignRight, legend)
        return
    text_pen = painter.pen()
    space, dot = metrics.horizontalAdvance(" "), metrics.height() * 0.8
    x, middle = float(box.left()), box.top() + box.height() / 2.0
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    for entry in legend:
        d = dot * entry.size
        painter.setPen(QPen(QColor(128, 128, 128), max(1.0, dot / 14)))
        painter.setBrush(entry.colour)
        painter.drawEllipse(QRectF(x + (dot - d) / 2, middle - d / 2, d, d))
        x += dot + space
        width = metrics.horizontalAdvance(entry.text)
        painter.setPen(text_pen)
        painter.drawText(QRectF(x, box.top(), width + space, box.height()),
                         align | Qt.AlignmentFlag.AlignLeft, entry.text)
        x += width + 3 * space
    painter.setBrush(Qt.BrushStyle.NoBrush)


_JAPANESE = re.compile(r"[\u3040-\u30ff\u4e00-\u9fff]")


def caption_font(texts) -> QFont:
    """The application's font; for Japanese text, one Japanese font for the whole line (a
    proportional one if there is one). Left to Qt, digits beside Japanese came from the
    Japanese font and the others from the Latin one, at two widths in one caption."""
    font = QFont(QGuiApplication.font())
    if any(_JAPANESE.search(text) for text in texts):
        family = _japanese_family()
        if family:
            font.setFamilies([family])
    return font


@functools.cache  # asked once per GIF frame: the installed fonts do not change meanwhile
def _japanese_family() -> str | None:
    families = QFontDatabase.families(QFontDatabase.WritingSystem.Japanese)
    proportional = [f for f in families if not QFontDatabase.isFixedPitch(f)]
    return (proportional or families)[0] if families else None


def caption_layout(width: int, top: int, band: int, caption: str, legend):
    """(font, caption, legend, (caption box, legend box)) for a band `band` high at `top` of a
    `width` picture: the font shrinks until both fit side by side, so the legend never covers
    the step and the loss; if even the smallest font leaves no room, the legend is left out
    and the caption elided."""
    font = caption_font([caption] + ([legend] if isinstance(legend, str) else [e.text for e in legend]))
    # In proportion to the band, but never more than the picture's width allows (tall, narrow).
    margin, gap = min(round(band * 0.5), width // 40), min(round(band * 0.8), width // 20)
    room = max(0, width - 2 * margin)
    pixels = max(8, round(band * 0.42))
    while True:
        font.setPixelSize(pixels)
        metrics = QFontMetrics(font)
        legend_width = _key_width(metrics, legend)
        needed = metrics.horizontalAdvance(caption) + (gap + legend_width if legend else 0)
        if needed <= room or pixels <= 8:
            break
        pixels = max(8, int(pixels * room / needed))
    if legend and metrics.horizontalAdvance(caption) + gap + legend_width > room:
        legend, legend_width = (), 0  # the step and the loss matter more than the key
    caption_room = max(0, room - (gap + legend_width if legend else 0))
    caption = metrics.elidedText(caption, Qt.TextElideMode.ElideRight, caption_room)
    caption_box = QRect(margin, top, caption_room, band)
    legend_box = QRect(width - margin - legend_width, top, legend_width, band)
    return font, caption, legend, (caption_box, legend_box)


# -- loss plot -----------------------------------------------------------------------
def export_loss_png(plot_widget, path, scale: float = 1) -> str | None:
    """The loss plot as PNG at its on-screen pixel size (x scale); plot_widget is a LossPlot,
    a pyqtgraph PlotWidget or a PlotItem."""
    if not 1 <= scale <= MAX_SCALE:
        return _bad_scale(scale)
    try:
        image = _plot_image(_plot_item(plot_widget), scale)
    except Exception as error:  # noqa: BLE001 - pyqtgraph raises bare Exception; report, never crash
        return _render_failed(error)
    return _save_image(image, path)


def export_loss_svg(plot_widget, path) -> str | None:
    """The loss plot as SVG, through pyqtgraph's SVGExporter."""
    return export_plot_svg(plot_widget, path)


def export_plot_svg(view, path) -> str | None:
    """A 2D plot (the loss plot, or the 2D map the output view shows without OpenGL) as SVG:
    lines, points and text as vectors, the map's colours as an embedded image."""
    view = getattr(view, "view", view)  # an OutputView holds the real view
    if getattr(view, "glview", None) is not None:
        return QCoreApplication.translate(
            "Exports", "The 3D view is drawn by OpenGL and has no SVG: save it as PNG.")
    try:
        item = _plot_item(view)
        with _closed_paths_tolerated():
            data = pg.exporters.SVGExporter(item).export(toBytes=True)
    except Exception as error:  # noqa: BLE001 - as above
        return _render_failed(error)
    return _save_chunks(path, [data])


def _plot_image(item: pg.PlotItem, scale: float) -> QImage:
    """pyqtgraph's ImageExporter at the item's on-screen pixel size times scale."""
    exporter = pg.exporters.ImageExporter(item)
    ratio = item.getViewWidget().devicePixelRatioF()
    # The parameter is typed int: set an int, or the exporter's height follows a float width.
    exporter.parameters()["width"] = max(1, int(round(exporter.getTargetRect().width() * scale * ratio)))
    return exporter.export(toBytes=True)


def _plot_item(plot) -> pg.PlotItem:
    if isinstance(plot, pg.PlotItem):
        return plot
    if isinstance(plot, pg.PlotWidget):
        return plot.getPlotItem()
    widget = plot.findChild(pg.PlotWidget)
    if widget is None:
        raise TypeError(f"{type(plot).__name__} holds no pyqtgraph PlotWidget")
    return widget.getPlotItem()


@contextmanager
def _closed_paths_tolerated():
    """Works around pyqtgraph 0.14.0's SVGExporter failing on Qt >= 6.10 output.

    Qt now ends closed paths with "Z", which pyqtgraph's coordinate rewriter cannot parse
    (pyqtgraph issues #3485, #3495: every PlotItem's clip path is closed). The "Z" tokens
    are taken out before the rewrite and put back after it, so the SVG stays exact.
    """
    module = importlib.import_module("pyqtgraph.exporters.SVGExporter")
    original = getattr(module, "correctCoordinates", None)
    if original is None:  # a newer pyqtgraph without this function: nothing to fix
        yield
        return

    def tolerant(node, defs, item, options):
        closed = _take_out_closes(node)
        original(node, defs, item, options)
        _put_back_closes(closed)

    module.correctCoordinates = tolerant
    try:
        yield
    finally:
        module.correctCoordinates = original


def _take_out_closes(node) -> list:
    closed = []
    for path in node.getElementsByTagName("path"):
        tokens = path.getAttribute("d").split()
        where = [i for i, token in enumerate(tokens) if token in ("Z", "z")]
        if where:
            path.setAttribute("d", " ".join(t for t in tokens if t not in ("Z", "z")))
            closed.append((path, where))
    return closed


def _put_back_closes(closed: list) -> None:
    for path, where in closed:
        tokens = path.getAttribute("d").split()
        for index in where:  # ascending, so each lands at its original place
            tokens.insert(index, "Z")
        path.setAttribute("d", " ".join(tokens))


# -- 3D view -------------------------------------------------------------------------
def export_surface_png(surface_view, path, scale: float = 1) -> str | None:
    """The output view as PNG at its on-screen resolution (x scale).

    surface_view is an OutputView, a SurfaceView or (without OpenGL) a HeatmapView.
    """
    if not 1 <= scale <= MAX_SCALE:
        return _bad_scale(scale)
    view = getattr(surface_view, "view", surface_view)  # an OutputView holds the real view
    try:
        glview = getattr(view, "glview", None)
        image = _render_gl(view, glview, scale) if glview is not None else _render_widget(view, scale)
    except Exception as error:  # noqa: BLE001 - a GL or paint failure is reported, not raised
        return _render_failed(error)
    return _save_image(image, path)


def _render_gl(view, glview, scale: float) -> QImage:
    """A fresh frame of the view; for scale > 1 drawn offscreen at scale x its size, with the
    labels, markers and lines grown to match, so it looks like the screen with more pixels."""
    if scale == 1:
        return view.render_image()
    size = glview.size()
    grown = _grown_items(glview.items, scale)
    try:
        for item, name, _, larger in grown:
            item.setData(**{name: larger})
        larger = QSize(round(size.width() * scale), round(size.height() * scale))
        image = view.render_image(larger)
    finally:
        for item, name, original, _ in grown:
            item.setData(**{name: original})
    expected = round(larger.width() * glview.devicePixelRatioF())  # rounded as the render does
    if image.width() != expected:
        raise RuntimeError(f"the view rendered {image.width()} pixels wide, not {expected}")
    return image


def _grown_items(items, scale: float) -> list:
    """(item, setData keyword, value now, value at `scale`) for whatever is sized in pixels."""
    # only here: OpenGL is loaded once a GL view exists
    from pyqtgraph.opengl import GLLinePlotItem, GLScatterPlotItem, GLTextItem

    grown = []
    for item in items:
        if isinstance(item, GLTextItem):
            grown.append((item, "font", item.font, _scaled_font(item.font, scale)))
        elif isinstance(item, GLScatterPlotItem):
            grown.append((item, "size", item.size, np.asarray(item.size) * scale))
        elif isinstance(item, GLLinePlotItem):
            grown.append((item, "width", item.width, item.width * scale))
    return grown


def _scaled_font(font, scale: float):
    scaled = type(font)(font)
    if font.pointSizeF() > 0:
        scaled.setPointSizeF(font.pointSizeF() * scale)
    else:
        scaled.setPixelSize(round(font.pixelSize() * scale))
    return scaled


def _render_widget(view, scale: float) -> QImage:
    """A 2D view (the heatmap fallback): its whole plot through ImageExporter, sharp at any scale."""
    return _plot_image(_plot_item(view), scale)


# -- data ----------------------------------------------------------------------------
def export_loss_csv(history, first_step: int, path) -> str | None:
    """`step,step_loss` rows; history[0] is the loss of step first_step (LossPlot.first_step())."""
    chunks = (text.encode("utf-8") for text in export_data.iter_loss_csv(history, first_step))
    return _save_chunks(path, chunks)


def export_weights_json(weights, path) -> str | None:
    """Weights.to_dict() as strict JSON (no NaN or Infinity)."""
    try:
        text = export_data.weights_json(weights)
    except ValueError:
        return QCoreApplication.translate(
            "Exports", "The weights are not finite numbers (the run diverged), "
            "so they cannot be saved as JSON.")
    return _save_chunks(path, [text.encode("utf-8")])


def export_predictions_csv(snapshot, path) -> str | None:
    """input_x1,input_x2,predicted,target,error for the four rows of the snapshot."""
    text = export_data.predictions_csv(snapshot.predictions, snapshot.targets, _points(snapshot))
    return _save_chunks(path, [text.encode("utf-8")])


def copy_predictions(snapshot) -> str | None:
    """The predictions table as tab-separated text, which pastes into a spreadsheet's cells."""
    clipboard = QGuiApplication.clipboard()
    if clipboard is None:
        return QCoreApplication.translate("Exports", "The clipboard is not available.")
    clipboard.setText(export_data.predictions_tsv(snapshot.predictions, snapshot.targets,
                                                  _points(snapshot)))
    return None


def _points(snapshot) -> tuple:
    """The snapshot's inputs: a gate's four rows, or a function's grid (which failed, unsaid)."""
    return snapshot.config.points if snapshot.config is not None else export_data.ROWS


# -- writing -------------------------------------------------------------------------
def _save_image(image: QImage, path) -> str | None:
    if image is None or image.isNull() or image.width() == 0:
        return QCoreApplication.translate("Exports", "The view could not be drawn (is it hidden?).")
    data = _png_bytes(image)
    if data is None:
        return _render_failed(RuntimeError("the PNG could not be encoded"))
    return _save_chunks(path, [data])


def _png_bytes(image: QImage) -> bytes | None:
    """`image` encoded as PNG in memory (None if Qt cannot): libpng never meets the file, so
    a disk that fills up is reported by the write, not by libpng on stderr."""
    buffer = QBuffer()
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    return bytes(buffer.data()) if image.save(buffer, "PNG") else None


def save_bytes(path, data: bytes) -> str | None:
    """`data` written to `path` whole, or not at all; None or what went wrong."""
    return _save_chunks(path, [data])


def _save_chunks(path, chunks) -> str | None:
    return _save(path, lambda device: all(_write_all(device, chunk) for chunk in chunks))


def _write_all(device, data: bytes) -> bool:
    """A short write is retried with the rest: the retry fails with the reason (a full disk),
    where the short count alone left Qt's "Unknown error"."""
    while data:
        written = device.write(data)
        if written <= 0:
            return False
        data = data[written:]
    return True


def _save(path, write) -> str | None:
    """Runs write(device) on a QSaveFile and keeps the file only if everything succeeded."""
    name = os.fspath(path)
    if _is_device(name):
        return _save_to_device(name, write)
    file = QSaveFile(name)
    if not file.open(QIODevice.OpenModeFlag.WriteOnly):
        return _write_failed(name, _reason(file, writing=False))
    try:
        written, reason = write(file), ""
    except Exception as error:  # noqa: BLE001 - nothing half-written, whatever went wrong
        written, reason = False, _error_text(error)
    if written and file.commit():
        return None
    reason = reason or _reason(file)
    if file.isOpen():  # a failed write: drop the temporary file (a failed commit already did)
        file.cancelWriting()
        file.commit()
    return _write_failed(name, reason)


def _is_device(name: str) -> bool:
    """An existing character device (/dev/null, /dev/full): QSaveFile would rename a new
    file over the device node itself (as root), so it is written directly."""
    try:
        return stat.S_ISCHR(os.stat(name).st_mode)
    except OSError:
        return False


def _save_to_device(name: str, write) -> str | None:
    file = QFile(name)
    if not file.open(QIODevice.OpenModeFlag.WriteOnly | QIODevice.OpenModeFlag.Unbuffered):
        return _write_failed(name, _reason(file, writing=False))
    try:
        written, reason = write(file), ""
    except Exception as error:  # noqa: BLE001 - as above
        written, reason = False, _error_text(error)
    if not written:
        reason = reason or _reason(file)
    file.close()
    return None if written else _write_failed(name, reason)


def _reason(file: QFileDevice, writing: bool = True) -> str:
    """Qt's reason for a failed open or write. A write fails with ResourceError only on a full
    disk (ENOSPC); its text is "Unknown error" again once the file is committed, so the
    system's words are used."""
    if writing and file.error() == QFileDevice.FileError.ResourceError:
        return os.strerror(errno.ENOSPC)
    return file.errorString()


def _error_text(error: Exception) -> str:
    return (error.strerror if isinstance(error, OSError) else None) or str(error)


def _write_failed(name: str, reason: str) -> str:
    return QCoreApplication.translate("Exports", "Could not write {0}: {1}").format(name, reason)


def _render_failed(error: Exception) -> str:
    return QCoreApplication.translate("Exports", "Could not draw the image: {0}").format(error)


def _bad_scale(scale) -> str:
    return QCoreApplication.translate("Exports", "The scale must be from 1 to {0}, not {1}.").format(
        MAX_SCALE, scale)
