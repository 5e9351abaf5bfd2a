"""PyInstaller runtime hook: make PyOpenGL use the same GL platform as Qt.

PyOpenGL picks its platform (GLX or EGL) once, when `OpenGL` is first imported, and
guesses from the environment: WAYLAND_DISPLAY set means EGL. Qt decides separately and
falls back to X11 (GLX) when it cannot reach a Wayland compositor, so a session with
WAYLAND_DISPLAY set but an X11 display in use got EGL in PyOpenGL and GLX in Qt, and every
pyqtgraph GL item failed to draw ("Attempt to retrieve context when no valid context").

This hook waits for the first `import OpenGL` (GateLab imports it after the QApplication
exists), asks Qt which platform it really uses, and sets PYOPENGL_PLATFORM to match. A
PYOPENGL_PLATFORM the user set is left alone.
"""

import os
import sys

_EGL_QT_PLATFORMS = ("wayland", "wayland-egl", "eglfs", "minimalegl")


def pyopengl_platform_for(qt_platform, environ):
    """'glx' or 'egl' for a Qt platform name, or None when Qt draws no GL there."""
    if qt_platform == "xcb":
        return "egl" if environ.get("QT_XCB_GL_INTEGRATION") == "xcb_egl" else "glx"
    if qt_platform in _EGL_QT_PLATFORMS:
        return "egl"
    return None


def _wayland_socket_exists(environ):
    display = environ.get("WAYLAND_DISPLAY", "")
    if not display:
        return False
    path = display if os.path.isabs(display) else os.path.join(environ.get("XDG_RUNTIME_DIR", ""), display)
    return os.path.exists(path)


def guess_qt_platform(environ):
    """Qt's choice when no QGuiApplication exists yet: QT_QPA_PLATFORM, else Wayland if
    its socket is there, else X11 if DISPLAY is set."""
    requested = environ.get("QT_QPA_PLATFORM", "").split(";")[0].split(":")[0].strip()
    if requested:
        return requested
    if _wayland_socket_exists(environ):
        return "wayland"
    return "xcb" if environ.get("DISPLAY") else None


def current_qt_platform(environ):
    qtgui = sys.modules.get("PySide6.QtGui")
    if qtgui is not None and qtgui.QGuiApplication.instance() is not None:
        return qtgui.QGuiApplication.platformName()
    return guess_qt_platform(environ)


def choose_pyopengl_platform(environ=os.environ):
    if environ.get("PYOPENGL_PLATFORM"):
        return
    platform = pyopengl_platform_for(current_qt_platform(environ), environ)
    if platform:
        environ["PYOPENGL_PLATFORM"] = platform


class _OnFirstOpenGLImport:
    """A meta-path finder that only watches: it makes the choice once and finds nothing.

    It stays in sys.meta_path (removing it while the import system walks the list would
    make that walk skip the next finder).
    """

    done = False

    def find_spec(self, name, path=None, target=None):
        if name == "OpenGL" and not self.done:
            self.done = True
            choose_pyopengl_platform()
        return None


if getattr(sys, "frozen", False) and sys.platform.startswith("linux"):  # importing it in tests: no effect
    sys.meta_path.insert(0, _OnFirstOpenGLImport())
