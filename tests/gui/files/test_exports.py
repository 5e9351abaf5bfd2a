"""gui.files.exports: every export writes a file that parses back as what is on screen, and a
failing export returns a message and leaves nothing half-written."""

import csv
import importlib
import json
import xml.etree.ElementTree as ElementTree

import numpy as np
import pyqtgraph as pg
import pytest
from PySide6.QtGui import QColor, QGuiApplication, QImage
from qt_waits import drain_events, settle

from core.io import export_data
from core.model.config import TrainConfig
from core.model.network import Weights
from core.training.states import TRAINING
from core.views.snapshot import make_snapshot
from gui.files import exports
from gui.views.gl_probe import opengl_available
from gui.views.heatmap_view import HeatmapView
from gui.views.loss_plot import LossPlot
from gui.views.predictions_table import ERROR, PREDICTION, TARGET, PredictionsTable

CONFIG = TrainConfig()
SOLVED_XOR = Weights(np.array([[6.0, 4.0], [6.0, 4.0], [-2.5, -6.0]]), np.array([9.0, -10.0, -4.0]))
LOSSES = 0.5 * np.exp(-np.linspace(0.0, 5.0, 300)) + 0.01
SVG = "{http://www.w3.org/2000/svg}"


def snapshot(weights=SOLVED_XOR, step=300, losses=()):
    return make_snapshot(CONFIG, weights, step, losses, TRAINING)


@pytest.fixture
def loss_plot(qtbot):
    widget = LossPlot()
    qtbot.addWidget(widget)
    widget.resize(640, 400)
    widget.show()
    qtbot.waitExposed(widget)
    widget.update_from(snapshot(losses=LOSSES))
    return widget


@pytest.fixture
def surface(qtbot):
    ok, reason = opengl_available()
    if not ok:
        pytest.skip(f"no OpenGL here: {reason}")
    from gui.views.surface_view import SurfaceView

    view = SurfaceView()
    qtbot.addWidget(view)
    view.resize(480, 400)
    view.update_from(snapshot())
    view.show()
    qtbot.waitExposed(view)
    qtbot.waitUntil(lambda: view.glview.isExposed() and view.canvas_widget.size() == view.glview.size())
    return view


@pytest.fixture
def heatmap(qtbot):
    view = HeatmapView()
    qtbot.addWidget(view)
    view.resize(400, 400)
    view.update_from(snapshot())
    view.show()
    qtbot.waitExposed(view)
    return view


def image_is_varied(image):
    """Neither blank nor flat: many distinct colours over all the pixels."""
    image = image.convertToFormat(QImage.Format.Format_RGB32)
    pixels = np.frombuffer(image.constBits(), np.uint32, image.sizeInBytes() // 4)
    return len(np.unique(pixels)) > 8


def plot_pixel_width(widget):
    item = widget.findChild(pg.PlotWidget).getPlotItem()
    return round(item.mapRectToDevice(item.boundingRect()).width() * widget.devicePixelRatioF())


def read_csv(path, delimiter=","):
    with open(path, newline="", encoding="utf-8") as file:
        return list(csv.reader(file, delimiter=delimiter))


# -- loss plot ---------------------------------------------------------------------------
@pytest.mark.parametrize("scale", [1, 2])
def test_loss_png_is_the_plot_at_screen_resolution_times_scale(loss_plot, tmp_path, scale):
    path = tmp_path / "loss.png"
    assert exports.export_loss_png(loss_plot, path, scale=scale) is None
    image = QImage(str(path))
    assert image.width() == plot_pixel_width(loss_plot) * scale
    assert image.height() > 0.4 * image.width()
    assert image_is_varied(image)
    rgb = _rgb(image)
    blue = (np.abs(rgb - [0x1F, 0x5F, 0xBF]).sum(axis=2) < 60).sum()
    # the loss curve is drawn, not only the axes (which have no blue); while training the
    # x axis keeps 25 % headroom, so the curve spans about 80 % of the width
    assert blue > 60 * scale


def test_loss_png_accepts_the_plot_widget_or_item(loss_plot, tmp_path):
    plot_widget = loss_plot.findChild(pg.PlotWidget)
    for target in (plot_widget, plot_widget.getPlotItem()):
        path = tmp_path / "loss.png"
        assert exports.export_loss_png(target, path) is None
        assert QImage(str(path)).width() == plot_pixel_width(loss_plot)


def test_loss_svg_is_xml_with_the_curve_as_a_path(loss_plot, tmp_path):
    path = tmp_path / "loss.svg"
    assert exports.export_loss_svg(loss_plot, path) is None
    root = ElementTree.parse(path).getroot()
    assert root.tag == SVG + "svg"
    paths = root.iter(SVG + "path")
    curve = [p for p in paths if p.get("stroke") == "#1f5fbf" or "#1f5fbf" in _group_stroke(root, p)]
    assert curve, "the loss curve's colour is on a path"
    assert max(len(p.get("d").split()) for p in curve) >= 100  # ~300 points, downsampled per pixel


def _group_stroke(root, element):
    parents = {child: parent for parent in root.iter() for child in parent}
    strokes = []
    while element in parents:
        element = parents[element]
        strokes.append(element.get("stroke") or "")
    return " ".join(strokes)


def test_svg_keeps_closed_paths_closed_and_puts_pyqtgraph_back(loss_plot, tmp_path):
    module = importlib.import_module("pyqtgraph.exporters.SVGExporter")
    original = module.correctCoordinates
    path = tmp_path / "loss.svg"
    assert exports.export_loss_svg(loss_plot, path) is None
    assert module.correctCoordinates is original
    clip_paths = ElementTree.parse(path).getroot().iter(SVG + "clipPath")
    clip_d = [p.get("d") for clip in clip_paths for p in clip.iter(SVG + "path")]
    assert clip_d and all(d.split()[-1] == "Z" for d in clip_d)


def test_loss_svg_of_a_log_plot_with_a_divergence_marker(loss_plot, tmp_path, qtbot):
    loss_plot.set_log_scale(True)
    loss_plot.update_from(make_snapshot(CONFIG, SOLVED_XOR, 300, (), "diverged", "diverged"))
    drain_events(qtbot)  # the view re-ranges for the log axis on the next event loop pass
    path = tmp_path / "loss.svg"
    assert exports.export_loss_svg(loss_plot, path) is None
    assert ElementTree.parse(path).getroot().find(f".//{SVG}path") is not None


# -- 3D view and its 2D fallback ---------------------------------------------------------
def test_surface_png_at_window_resolution(surface, tmp_path):
    path = tmp_path / "surface.png"
    assert exports.export_surface_png(surface, path) is None
    image = QImage(str(path))
    ratio = surface.glview.devicePixelRatioF()
    assert (image.width(), image.height()) == (round(surface.glview.width() * ratio),
                                               round(surface.glview.height() * ratio))
    assert image_is_varied(image)


def test_surface_png_larger_than_the_window_then_the_view_is_as_before(surface, tmp_path, qtbot):
    size, camera = surface.glview.size(), surface.camera_params()
    fonts = [item.font.toString() for item in surface.glview.items if hasattr(item, "font")]
    path = tmp_path / "surface.png"
    assert exports.export_surface_png(surface, path, scale=2) is None
    image = QImage(str(path))
    ratio = surface.glview.devicePixelRatioF()
    assert (image.width(), image.height()) == (round(size.width() * 2 * ratio),
                                               round(size.height() * 2 * ratio))
    assert image_is_varied(image)
    assert surface.glview.size() == size
    assert surface.camera_params() == camera
    assert [item.font.toString() for item in surface.glview.items if hasattr(item, "font")] == fonts
    drain_events(qtbot)  # a size change left queued by the large render would show now
    assert surface.render_image().width() == round(size.width() * ratio)


def test_the_larger_render_shows_the_same_picture(surface, tmp_path):
    """Halved, the 2x render matches the 1x render closely (same camera, same scene)."""
    small, large = tmp_path / "small.png", tmp_path / "large.png"
    assert exports.export_surface_png(surface, small) is None
    assert exports.export_surface_png(surface, large, scale=2) is None
    one = _gray(QImage(str(small)))
    two = _gray(QImage(str(large)))
    halved = two.reshape(one.shape[0], 2, one.shape[1], 2).mean(axis=(1, 3))
    assert np.abs(halved - one).mean() < 12


def test_a_larger_render_leaves_the_view_on_screen_alone(surface, tmp_path, monkeypatch):
    resizes = []
    canvas = surface.glview
    monkeypatch.setattr(canvas, "resize", lambda *size: resizes.append(size))
    size = canvas.size()
    assert exports.export_surface_png(surface, tmp_path / "big.png", scale=4) is None
    assert resizes == [] and canvas.size() == size  # drawn offscreen, not by growing the window


def test_a_larger_render_is_opaque_like_the_screen(surface, tmp_path):
    surface.set_plane_visible(True)  # translucent: blending leaves alpha below 1 offscreen
    path = tmp_path / "large.png"
    assert exports.export_surface_png(surface, path, scale=2) is None
    image = QImage(str(path)).convertToFormat(QImage.Format.Format_ARGB32)
    alpha = np.frombuffer(image.constBits(), np.uint8).reshape(-1, 4)[:, 3]
    assert alpha.min() == 255


def test_markers_grow_with_the_scale(surface, tmp_path):
    counts = []
    for scale in (1, 2):
        path = tmp_path / f"x{scale}.png"
        assert exports.export_surface_png(surface, path, scale=scale) is None
        rgb = _rgb(QImage(str(path)))
        counts.append(int(((rgb[..., 0] > 220) & (rgb[..., 1] < 110) & (rgb[..., 2] > 60)).sum()))
    assert counts[0] > 50
    assert 3 < counts[1] / counts[0] < 5  # twice as wide and high: four times the pixels


def _rgb(image) -> np.ndarray:
    """(height, width, 3) ints; converted and copied while the converted image is alive."""
    image = image.convertToFormat(QImage.Format.Format_RGB888)
    rows = np.frombuffer(image.constBits(), np.uint8).reshape(image.height(), image.bytesPerLine())
    return rows[:, : 3 * image.width()].reshape(image.height(), image.width(), 3).astype(int)


def _gray(image):
    image = image.convertToFormat(QImage.Format.Format_Grayscale8)
    pixels = np.frombuffer(image.constBits(), np.uint8).reshape(image.height(), image.bytesPerLine())
    return pixels[:, : image.width()].astype(float)


def test_output_view_exports_whichever_view_it_holds(qtbot, tmp_path):
    from gui.views.output_view import OutputView

    view = OutputView()
    qtbot.addWidget(view)
    view.resize(420, 380)
    view.update_from(snapshot())
    view.show()
    qtbot.waitExposed(view)
    settle(qtbot, view)
    path = tmp_path / "view.png"
    assert exports.export_surface_png(view, path) is None
    assert image_is_varied(QImage(str(path)))


@pytest.mark.parametrize("scale", [1, 2])
def test_heatmap_png_without_opengl(heatmap, tmp_path, scale):
    path = tmp_path / "map.png"
    assert exports.export_surface_png(heatmap, path, scale=scale) is None
    image = QImage(str(path))
    assert image.width() == plot_pixel_width(heatmap) * scale
    assert image_is_varied(image)


@pytest.mark.parametrize("scale", [0, 0.5, 100])
def test_a_scale_out_of_range_is_refused(heatmap, tmp_path, scale):
    path = tmp_path / "map.png"
    assert "scale" in exports.export_surface_png(heatmap, path, scale=scale)
    assert not path.exists()


# -- data --------------------------------------------------------------------------------
def test_loss_csv_equals_the_plot_history(loss_plot, tmp_path):
    path = tmp_path / "loss.csv"
    assert exports.export_loss_csv(loss_plot.history(), loss_plot.first_step(), path) is None
    rows = read_csv(path)
    assert rows[0] == ["step", "step_loss"]
    assert [int(r[0]) for r in rows[1:]] == list(range(1, LOSSES.size + 1))
    # the plot holds float32; each value is written so it reads back as the same float32
    assert [np.float32(r[1]) for r in rows[1:]] == np.float32(LOSSES).tolist()
    assert all(len(r[1]) <= 12 for r in rows[1:])


def test_weights_json_equals_to_dict(tmp_path):
    path = tmp_path / "weights.json"
    assert exports.export_weights_json(SOLVED_XOR, path) is None
    assert json.loads(path.read_text(encoding="utf-8")) == SOLVED_XOR.to_dict()


def test_diverged_weights_are_refused_and_an_earlier_file_stays(tmp_path):
    path = tmp_path / "weights.json"
    path.write_text("earlier", encoding="utf-8")
    diverged = Weights(np.array([[np.nan, 1.0], [1.0, 1.0], [0.0, 0.0]]), np.array([np.inf, 1.0, 0.0]))
    message = exports.export_weights_json(diverged, path)
    assert message and "finite" in message
    assert path.read_text(encoding="utf-8") == "earlier"
    assert [p.name for p in tmp_path.iterdir()] == ["weights.json"]


def test_predictions_csv_equals_the_snapshot(tmp_path):
    shot = snapshot()
    path = tmp_path / "predictions.csv"
    assert exports.export_predictions_csv(shot, path) is None
    rows = read_csv(path)
    assert rows[0] == ["input_x1", "input_x2", "predicted", "target", "error"]
    assert [[float(v) for v in row] for row in rows[1:]] == [
        list(row) for row in export_data.prediction_rows(shot.predictions, shot.targets)]


def test_clipboard_holds_the_table_as_tab_separated_text(qtbot):
    shot = snapshot(weights=Weights(np.zeros((3, 2)), np.array([1.0, -2.0, 0.3])))
    table = PredictionsTable()
    qtbot.addWidget(table)
    table.update_from(shot)
    assert exports.copy_predictions(shot) is None
    text = QGuiApplication.clipboard().text()
    assert text == export_data.predictions_tsv(shot.predictions, shot.targets)
    rows = list(csv.reader(text.splitlines(), delimiter="\t"))
    assert rows[0] == ["input_x1", "input_x2", "predicted", "target", "error"]
    for index, (x1, x2, predicted, target, error) in enumerate(rows[1:]):
        assert f"[{x1}, {x2}]" == table.cell_text(index, 0)
        assert f"{float(predicted):.2f}" == table.cell_text(index, PREDICTION)
        assert float(target) == float(table.cell_text(index, TARGET))
        assert f"{float(error):.2f}" == table.cell_text(index, ERROR)


# -- failures ----------------------------------------------------------------------------
EXPORTS = {
    "loss.png": lambda widgets, path: exports.export_loss_png(widgets["plot"], path),
    "loss.svg": lambda widgets, path: exports.export_loss_svg(widgets["plot"], path),
    "map.png": lambda widgets, path: exports.export_surface_png(widgets["map"], path),
    "loss.csv": lambda widgets, path: exports.export_loss_csv(LOSSES, 1, path),
    "weights.json": lambda widgets, path: exports.export_weights_json(SOLVED_XOR, path),
    "predictions.csv": lambda widgets, path: exports.export_predictions_csv(snapshot(), path),
}


@pytest.mark.parametrize("name", EXPORTS)
def test_a_missing_directory_gives_a_message_and_no_file(loss_plot, heatmap, tmp_path, name):
    path = tmp_path / "missing" / name
    message = EXPORTS[name]({"plot": loss_plot, "map": heatmap}, path)
    assert isinstance(message, str) and str(path) in message
    assert not path.parent.exists()
    assert list(tmp_path.iterdir()) == []


@pytest.mark.parametrize("name", EXPORTS)
def test_a_directory_in_the_way_gives_a_message(loss_plot, heatmap, tmp_path, name):
    path = tmp_path / name
    path.mkdir()
    message = EXPORTS[name]({"plot": loss_plot, "map": heatmap}, path)
    assert isinstance(message, str) and message
    assert [p.name for p in tmp_path.iterdir()] == [name] and path.is_dir()


def test_a_failure_mid_write_keeps_the_earlier_file(tmp_path, monkeypatch):
    def failing_chunks(history, first_step):
        yield "step,loss\n"
        yield "1,0.5\n"
        raise OSError("disk full")

    monkeypatch.setattr(export_data, "iter_loss_csv", failing_chunks)
    path = tmp_path / "loss.csv"
    path.write_text("earlier", encoding="utf-8")
    message = exports.export_loss_csv(LOSSES, 1, path)
    assert message and "disk full" in message
    assert path.read_text(encoding="utf-8") == "earlier"
    assert [p.name for p in tmp_path.iterdir()] == ["loss.csv"]  # no temporary file left


def test_a_widget_without_a_plot_gives_a_message(qtbot, tmp_path):
    table = PredictionsTable()
    qtbot.addWidget(table)
    path = tmp_path / "loss.png"
    assert "PlotWidget" in exports.export_loss_png(table, path)
    assert not path.exists()


# -- pictures for slides ------------------------------------------------------------------
def band_has_text(image, band_top, background):
    """Some pixels of the caption band differ from the background: the caption was drawn."""
    for y in range(band_top, image.height(), 3):
        for x in range(0, image.width() // 2, 3):
            if image.pixelColor(x, y).name() != background:
                return True
    return False


@pytest.mark.parametrize("size", [(1920, 1080), (1024, 768)])
def test_a_slide_of_the_loss_plot_is_the_size_asked_with_its_caption(loss_plot, tmp_path, size):
    from PySide6.QtCore import QSize

    path = tmp_path / "slide.png"
    assert exports.export_slide(loss_plot, path, QSize(*size), "XOR · 2 hidden nodes · step 300") is None
    image = QImage(str(path))
    assert (image.width(), image.height()) == size
    band_top = image.height() - round(image.height() * exports.CAPTION_SHARE)
    assert band_has_text(image, band_top, "#ffffff")
    assert image_is_varied(image.copy(0, 0, image.width(), band_top))  # the plot above it


def test_a_slide_without_a_caption_gives_the_picture_the_whole_height(loss_plot, tmp_path):
    from PySide6.QtCore import QSize

    def lowest_ink(path):
        """The lowest row with anything but white on the right half (the plot's axis; the
        caption, left-aligned, stays on the left half)."""
        image = QImage(str(path))
        for y in range(image.height() - 1, -1, -1):
            if any(image.pixelColor(x, y).name() != "#ffffff"
                   for x in range(image.width() // 2, image.width(), 5)):
                return y
        return -1

    plain, captioned = tmp_path / "plain.png", tmp_path / "captioned.png"
    assert exports.export_slide(loss_plot, plain, QSize(1280, 720)) is None
    assert exports.export_slide(loss_plot, captioned, QSize(1280, 720), "a caption") is None
    assert QImage(str(plain)).size() == QImage(str(captioned)).size() == QSize(1280, 720)
    band = round(720 * exports.CAPTION_SHARE)
    assert lowest_ink(captioned) < 720 - band <= lowest_ink(plain)  # the plot reaches the bottom


def test_a_slide_of_the_3d_view_is_drawn_at_the_size_asked(surface, tmp_path):
    from PySide6.QtCore import QSize

    surface.update_from(snapshot())
    path = tmp_path / "surface.png"
    assert exports.export_slide(surface, path, QSize(1920, 1080), "XOR", surface.marker_key()) is None
    image = QImage(str(path))
    assert (image.width(), image.height()) == (1920, 1080)
    band_top = 1080 - round(1080 * exports.CAPTION_SHARE)
    assert band_has_text(image, band_top, exports.DARK.name())
    assert image_is_varied(image.copy(0, 0, 1920, band_top))


def test_a_slides_key_draws_the_markers_in_the_pictures_colours(surface, tmp_path):
    """The key once said "● target ○ prediction" in the caption's white: a white target and a
    ring, while the picture draws targets red and predictions as white dots."""
    from PySide6.QtCore import QSize

    from gui.views.surface_view import PREDICTION_COLOR, TARGET_COLOR

    surface.update_from(snapshot())
    path = tmp_path / "surface.png"
    assert exports.export_slide(surface, path, QSize(1280, 720), "XOR", surface.marker_key()) is None
    pixels = _rgb(QImage(str(path)))
    band = pixels[720 - round(720 * exports.CAPTION_SHARE):, 640:]  # the key is on the right
    red = np.abs(band - np.array(TARGET_COLOR[:3]) * 255).max(axis=2) < 40
    white = (band > 235).all(axis=2)
    assert red.sum() > 30  # a filled red dot, not a red letter's outline
    # the prediction's white dot is left of "prediction", right of the red one
    red_columns, white_columns = np.nonzero(red.any(axis=0))[0], np.nonzero(white.any(axis=0))[0]
    assert white_columns.max() > red_columns.max()
    prediction_dot = white[:, red_columns.max() + 1:]
    assert prediction_dot.sum() > 20
    colours = [e.colour.getRgbF()[:3] for e in surface.marker_key()]
    assert np.allclose(colours, [TARGET_COLOR[:3], PREDICTION_COLOR[:3]], atol=1 / 255)


def _rgb(image) -> np.ndarray:
    image = image.convertToFormat(QImage.Format.Format_RGB888)
    width, height = image.width(), image.height()
    data = np.frombuffer(image.constBits(), np.uint8, count=image.bytesPerLine() * height)
    return data.reshape(height, image.bytesPerLine())[:, :3 * width].reshape(height, width, 3).astype(int)


def test_a_slide_of_a_size_out_of_range_is_refused(loss_plot, tmp_path):
    from PySide6.QtCore import QSize

    message = exports.export_slide(loss_plot, tmp_path / "x.png", QSize(100, 50000))
    assert "from 320 to 7680" in message and not (tmp_path / "x.png").exists()


def test_a_slide_of_the_2d_map_has_a_dark_band_and_leaves_the_map_as_it_was(heatmap, tmp_path,
                                                                           qtbot):
    from PySide6.QtCore import QSize

    heatmap.update_from(snapshot())
    settle(qtbot, heatmap)  # laid out on screen
    box = exports._plot_item(heatmap).getViewBox()
    before = box.viewRange()
    path = tmp_path / "map.png"
    assert exports.export_slide(heatmap, path, QSize(1280, 720), "XOR") is None
    image = QImage(str(path))
    assert image.pixelColor(1270, 715).name() == exports.DARK.name()  # the band, not white
    np.testing.assert_allclose(box.viewRange(), before)


def test_the_2d_map_as_svg_has_its_points_and_labels_as_vectors(heatmap, tmp_path):
    path = tmp_path / "map.svg"
    assert exports.export_plot_svg(heatmap, path) is None
    root = ElementTree.parse(path).getroot()
    assert root.tag == SVG + "svg"
    assert list(root.iter(SVG + "image"))  # the map's colours
    texts = " ".join("".join(t.itertext()) for t in root.iter(SVG + "text"))
    assert "x1" in texts and "x2" in texts and "yp 0.9" in texts  # axes and the rows' read-outs


def test_the_3d_view_has_no_svg_and_says_so(surface, tmp_path):
    path = tmp_path / "surface.svg"
    error = exports.export_plot_svg(surface, path)
    assert "no SVG" in error and not path.exists()


@pytest.mark.parametrize("language", ["en", "ja"])
def test_a_caption_and_its_legend_never_overlap(qapp, language):
    from PySide6.QtGui import QColor, QFontMetrics

    from gui.common.i18n import install_translators
    from gui.common.marker_key import KeyEntry
    from gui.common.messages import slide_caption

    translators = install_translators(qapp, language)
    try:
        caption = slide_caption(make_snapshot(CONFIG, SOLVED_XOR, 20000, LOSSES))
        legend = [KeyEntry(QColor("red"), 1.0, qapp.translate("SurfaceView", "target")),
                  KeyEntry(QColor("white"), 0.6, qapp.translate("SurfaceView", "prediction"))]
        for width, band in ((800, 42), (400, 21), (1920, 76), (160, 70), (320, 269), (160, 269)):
            font, shown, key, (caption_box, legend_box) = exports.caption_layout(
                width, 0, band, caption, legend)
            metrics = QFontMetrics(font)
            assert 0 <= caption_box.left() and caption_box.right() < width
            assert metrics.horizontalAdvance(shown) <= caption_box.width()
            if key:
                assert caption_box.right() < legend_box.left() and legend_box.right() < width
                names = sum(metrics.horizontalAdvance(entry.text) for entry in key)
                assert names + 2 * metrics.height() * 0.8 <= legend_box.width()  # names and dots
            if width >= 800:  # room for it all: nothing elided or left out
                assert shown == caption and key == legend
            if width <= 160:  # a tall, narrow picture: the key gives way, the caption still shows
                assert not key and len(shown) > 3
    finally:
        for translator in translators:
            qapp.removeTranslator(translator)


def test_a_loss_slides_curve_is_drawn_slide_thick_and_the_screen_keeps_its_thin_one(loss_plot, tmp_path):
    from PySide6.QtCore import QSize

    from gui.views.loss_plot import CURVE_COLOR

    path = tmp_path / "loss.png"
    assert exports.export_slide(loss_plot, path, QSize(1280, 720)) is None
    pixels = _rgb(QImage(str(path)))
    blue = np.abs(pixels - np.array(QColor(CURVE_COLOR).getRgb()[:3])).max(axis=2) < 60
    columns = [c for c in range(300, 1200, 50) if blue[:, c].any()]
    assert len(columns) > 10
    # the curve's thickness down each column (a steep part is taller: the median is the flat)
    thickness = np.median([blue[:, c].sum() for c in columns])
    assert thickness >= 3
    assert loss_plot._curve.opts["pen"].widthF() <= 1  # on screen, thin as before


def test_a_japanese_caption_draws_every_digit_in_one_font(qapp):
    """Digits beside Japanese took the Japanese font's width and the rest the Latin font's."""
    from PySide6.QtGui import QFontDatabase, QFontMetricsF

    if not QFontDatabase.families(QFontDatabase.WritingSystem.Japanese):
        pytest.skip("no Japanese font here (CI installs fonts-ipafont-gothic)")
    font = exports.caption_font(["XOR · 隠れ層のノード 2 個 · ステップ 2,000"])
    metrics = QFontMetricsF(font)
    beside = metrics.horizontalAdvance("ステップ 2,000") - metrics.horizontalAdvance("ステップ ")
    assert beside == pytest.approx(metrics.horizontalAdvance("2,000"), abs=0.5)
    assert exports.caption_font(["XOR · step 2,000"]).families() == QGuiApplication.font().families()
