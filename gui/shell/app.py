"""Starting the Qt application: the normal window, --autostart and --self-test."""

import json
import os
import sys
import time

import numpy as np
from PySide6.QtCore import QPoint, Qt, QTimer
from PySide6.QtGui import QPainter
from PySide6.QtWidgets import QApplication

from core.model.config import TrainConfig
from core.training import states
from gui.common.icon import DESKTOP_FILE_NAME, application_icon
from gui.common.main_thread_gc import collect_in_main_thread

SELF_TEST_STEPS = 400
SELF_TEST_TIMEOUT_S = 60


def make_application() -> QApplication:
    from gui.views.gl_probe import share_opengl_contexts

    share_opengl_contexts()  # must precede the QApplication (see gl_probe)
    # Mesa writes its shader cache from a lowest-priority thread; on a busy machine the
    # process could not end until that thread got a turn: 1.3-2.2 s after quitting, measured
    # (docs/quitting.md). GateLab's few shaders compile in milliseconds without the cache.
    os.environ.setdefault("MESA_SHADER_CACHE_DISABLE", "true")
    # The training thread's NumPy calls release and retake the GIL within microseconds,
    # which can starve the GUI thread for seconds; a 1 ms switch interval forces turns.
    sys.setswitchinterval(0.001)
    app = QApplication.instance()
    if app is None:
        from gui.shell.platform_check import PlatformGuard

        with PlatformGuard():  # one clear line, not Qt's abort, when libraries are missing
            app = QApplication(sys.argv[:1])
    app.setApplicationName("GateLab")
    app.setOrganizationName("GateLab")
    app.setWindowIcon(application_icon())
    app.setDesktopFileName(DESKTOP_FILE_NAME)
    _match_pyopengl_to_qt(app.platformName())
    collect_in_main_thread(app)
    return app


def _match_pyopengl_to_qt(platform: str) -> None:
    """PyOpenGL guesses EGL whenever WAYLAND_DISPLAY is set, even if Qt runs on X11 (GLX):
    then every GL item fails to draw. Tell it what Qt actually uses, before it is imported."""
    if "OpenGL" in sys.modules or os.environ.get("PYOPENGL_PLATFORM"):
        return
    gl = {"xcb": "glx", "wayland": "egl", "wayland-egl": "egl", "eglfs": "egl"}.get(platform)
    if gl == "glx" and os.environ.get("QT_XCB_GL_INTEGRATION") == "xcb_egl":
        gl = "egl"
    if gl:
        os.environ["PYOPENGL_PLATFORM"] = gl


def run_app(config: TrainConfig | None, autostart=False, self_test=False, screenshot=None,
            fresh=False) -> int:
    """config None: the last-used settings (or the defaults; with fresh, always the defaults,
    the stored ones kept). The self-test never reads or writes the user's settings."""
    app = make_application()
    from gui.common.i18n import choose_language, install_translators
    from gui.shell.main_window import MainWindow  # after QApplication: pyqtgraph needs it
    from gui.shell.settings_store import SettingsStore

    settings = None if self_test else SettingsStore()
    language = choose_language(settings.load_language() if settings else None)
    app._translators = install_translators(app, language)  # kept alive with the app
    if self_test:
        config = (config or TrainConfig())
        config = config.with_changes(steps=min(config.steps, SELF_TEST_STEPS))
    window = MainWindow(config, settings, fresh=fresh)
    app.aboutToQuit.connect(window.controller.shutdown)
    # No window outlives the main one (a dialog of pyqtgraph's or the many-seeds window would
    # keep a process with no main window alive).
    window.closed.connect(app.quit, Qt.ConnectionType.QueuedConnection)
    if window.starts_maximized():
        window.showMaximized()
    else:
        window.show()
    if not self_test:
        watch_for_ends_from_outside(app, window)
        window.tell_about_recovered_work()
    if self_test:
        return leave_now(_self_test(app, window, screenshot))
    if autostart:
        QTimer.singleShot(0, window.start_training)
    code = app.exec()
    window.controller.shutdown()  # already done by closeEvent or aboutToQuit; cheap if so
    return leave_now(code)


def watch_for_ends_from_outside(app, window) -> None:
    """Quit signals, and the window destroyed by another X client, close the window as its
    close button does (unsaved work goes to the recovery file); a lost display keeps the
    unsaved work and ends the process."""
    from gui.shell.quit_signals import DisplayLoss, QuitSignals, WindowLoss

    # Ended from outside, the unsaved runs are kept and the process ends at once, even while a
    # question or a file dialog is open (their event loops would otherwise hold it).
    window.ended.connect(lambda code: app.exit(leave_now(code)))
    window.quit_signals = QuitSignals(window)
    window.display_loss = DisplayLoss(window.end_without_display)
    window.quit_signals.received.connect(window.close_for_signal)
    if app.platformName() == "xcb":
        window.window_loss = WindowLoss(app, window.winId(), window)
        window.window_loss.lost.connect(lambda: window.close_for_signal(0))


def leave_now(code: int) -> int:
    """Ends the process once the event loop is over: settings are synced, the training thread
    and process have ended. Python's own teardown of the Qt and pyqtgraph objects that remain
    took 0.2-0.3 s here (seconds on a busy machine) and saves nothing the user needs, except
    a clipboard GateLab owns: Qt hands that to the clipboard manager as it is destroyed."""
    app = QApplication.instance()
    if app is not None and app.clipboard().ownsClipboard():
        return code  # the normal, slower teardown keeps the copied predictions
    for stream in (sys.stdout, sys.stderr):
        try:
            if stream is not None:
                stream.flush()
        except (OSError, ValueError):  # a closed or broken pipe: nothing more to say there
            pass
    os._exit(code)


def _wait(app, condition, timeout_s) -> bool:
    deadline = time.monotonic() + timeout_s
    while not condition() and time.monotonic() < deadline:
        app.processEvents()
        time.sleep(0.005)
    return condition()


def image_is_varied(image, min_fraction: float = 0.03) -> bool:
    """True when a rendered QImage shows something: at least `min_fraction` of its pixels
    differ clearly from the background (its most common colour). Axis labels alone
    cover less than that; the surface covers much more."""
    if image.isNull() or image.width() == 0:
        return False
    image = image.convertToFormat(image.Format.Format_RGBA8888)
    pixels = np.frombuffer(image.constBits(), np.uint8, image.sizeInBytes())
    rgb = pixels.reshape(-1, 4)[:: max(1, image.width() * image.height() // 50000), :3].astype(int)
    colours, counts = np.unique(rgb, axis=0, return_counts=True)
    background = colours[np.argmax(counts)]
    differs = np.abs(rgb - background).max(axis=1) > 30
    return bool(differs.mean() >= min_fraction)


def window_picture(window):
    """The whole window as a QPixmap, with the 3D view's own render painted in.

    QWidget.grab() cannot see into the 3D view, a native OpenGL window (gui.views.gl_canvas).
    """
    picture = window.grab()
    if window.output_view.is_3d:
        canvas = window.output_view.view.canvas_widget
        frame = window.output_view.view.render_image()
        frame.setDevicePixelRatio(picture.devicePixelRatio())
        painter = QPainter(picture)
        painter.drawImage(canvas.mapTo(window, QPoint(0, 0)), frame)
        painter.end()
    return picture


def _self_test(app, window, screenshot) -> int:
    """Trains a few hundred steps with live views, checks the 3D render, prints JSON."""
    status = {"ok": False, "opengl": window.output_view.is_3d}
    window.unsaved.ask = lambda labels, action: "discard"  # never block on exit
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
