"""Starting the Qt application: the normal window, --autostart and --self-test."""

import json
import sys
import time

import numpy as np
from PySide6.QtCore import QPoint, QTimer
from PySide6.QtGui import QPainter
from PySide6.QtWidgets import QApplication

from core import snapshot as states
from core.config import TrainConfig

SELF_TEST_STEPS = 400
SELF_TEST_TIMEOUT_S = 60


def make_application() -> QApplication:
    from gui.gl_probe import share_opengl_contexts

    share_opengl_contexts()  # must precede the QApplication (see gl_probe)
    app = QApplication.instance() or QApplication(sys.argv[:1])
    app.setApplicationName("GateLab")
    app.setOrganizationName("GateLab")
    return app


def run_app(config: TrainConfig, autostart=False, self_test=False, screenshot=None) -> int:
    app = make_application()
    from gui.main_window import MainWindow  # after QApplication: pyqtgraph needs it

    if self_test:
        config = config.with_changes(steps=min(config.steps, SELF_TEST_STEPS))
    window = MainWindow(config)
    app.aboutToQuit.connect(window.controller.shutdown)
    window.show()
    if self_test:
        return _self_test(app, window, screenshot)
    if autostart:
        QTimer.singleShot(0, window.start_training)
    return app.exec()


def _wait(app, condition, timeout_s) -> bool:
    deadline = time.monotonic() + timeout_s
    while not condition() and time.monotonic() < deadline:
        app.processEvents()
        time.sleep(0.005)
    return condition()


def image_is_varied(image) -> bool:
    """True when a rendered QImage is neither blank nor a single flat colour."""
    if image.isNull() or image.width() == 0:
        return False
    image = image.convertToFormat(image.Format.Format_RGBA8888)
    pixels = np.frombuffer(image.constBits(), np.uint8, image.sizeInBytes())
    rgb = pixels.reshape(-1, 4)[:, :3]
    return int(rgb.max()) > 0 and len(np.unique(rgb[:: max(1, len(rgb) // 20000)], axis=0)) > 8


def window_picture(window):
    """The whole window as a QPixmap, with the 3D view's own render painted in.

    QWidget.grab() leaves out what the GL view draws with QPainter (its axis labels).
    """
    picture = window.grab()
    if window.output_view.is_3d:
        glview = window.output_view.view.glview
        frame = window.output_view.view.render_image()
        frame.setDevicePixelRatio(picture.devicePixelRatio())
        painter = QPainter(picture)
        painter.drawImage(glview.mapTo(window, QPoint(0, 0)), frame)
        painter.end()
    return picture


def _self_test(app, window, screenshot) -> int:
    """Trains a few hundred steps with live views, checks the 3D render, prints JSON."""
    status = {"ok": False, "opengl": window.output_view.is_3d}
    try:
        _wait(app, window.isVisible, 5)
        window.controller.set_speed(0.0)
        window.start_training()
        finished = _wait(app, lambda: window.state() in (states.FINISHED, states.DIVERGED,
                                                          states.FAILED), SELF_TEST_TIMEOUT_S)
        _wait(app, lambda: not window.controller.is_running(), 5)
        status.update(state=window.state(), steps=window.loss_plot.history().size)
        image = window.output_view.view.render_image()
        status["render_ok"] = image_is_varied(image)
        if screenshot:
            app.processEvents()
            status["screenshot"] = bool(window_picture(window).save(screenshot))
        status["ok"] = bool(finished and window.state() == states.FINISHED and status["render_ok"]
                            and status["steps"] > 0 and status.get("screenshot", True))
    except Exception as error:  # noqa: BLE001 - the status line must report any failure
        status["error"] = f"{type(error).__name__}: {error}"
    print(json.dumps(status), flush=True)
    window.close()
    return 0 if status["ok"] else 1
