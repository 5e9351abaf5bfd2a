"""Finds out, before any GL view exists, whether the 3D view can work.

A GL widget or window on a platform without OpenGL does not raise: it logs a
warning and shows a black rectangle, and a broken driver can abort the process. So we
try a throwaway context first (as pyqtgraph's `util/glinfo.py` does) and let
the caller fall back to a 2D view.
"""

import os

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QGuiApplication, QOffscreenSurface, QOpenGLContext

DISABLE_VARIABLE = "GATELAB_NO_OPENGL"
MINIMUM_VERSION = (2, 1)  # pyqtgraph.opengl refuses anything older
# Qt platforms that never show GL widgets or windows, even if a context can be made.
_PLATFORMS_WITHOUT_GL_WIDGETS = ("offscreen", "minimal", "vnc")
_GL_RENDERER = 0x1F01
_GL_VERSION = 0x1F02


def share_opengl_contexts() -> bool:
    """Puts every GL widget's context in one share group; True if that is in effect.

    pyqtgraph caches compiled shader programs process-wide, so a second GL view
    (a new window, a test's fresh widget) otherwise draws with ids from a dead context
    (GLError 1281, pyqtgraph issues #1822, #2618, #3455). Qt only honours this before
    the QApplication exists, so it is called on import too.
    """
    attribute = Qt.ApplicationAttribute.AA_ShareOpenGLContexts
    if QCoreApplication.instance() is None:
        QCoreApplication.setAttribute(attribute, True)
    return QCoreApplication.testAttribute(attribute)


share_opengl_contexts()


def opengl_available() -> tuple[bool, str]:
    """Returns (ok, reason); reason names the renderer on success, the cause otherwise."""
    if os.environ.get(DISABLE_VARIABLE, "").strip() not in ("", "0"):
        return False, f"turned off by {DISABLE_VARIABLE}"
    if QGuiApplication.instance() is None:
        return False, "no Qt application is running"
    platform = QGuiApplication.platformName()
    if platform in _PLATFORMS_WITHOUT_GL_WIDGETS:
        return False, f"the Qt platform '{platform}' has no OpenGL widgets"
    try:
        return _probe_context()
    except Exception as error:  # any failure here means "no 3D", never a crash
        return False, f"OpenGL check failed: {error}"


def _probe_context() -> tuple[bool, str]:
    surface = QOffscreenSurface()
    surface.create()
    context = QOpenGLContext()
    if not surface.isValid() or not context.create():
        return False, "no OpenGL context could be created"
    # QOpenGLFunctions on a context that is not current crashes, so check first.
    if not context.makeCurrent(surface) or not context.isValid():
        return False, "the OpenGL context could not be made current"
    try:
        version = context.format().version()
        functions = context.functions()
        renderer = functions.glGetString(_GL_RENDERER) or "unknown renderer"
        version_text = functions.glGetString(_GL_VERSION) or "{}.{}".format(*version)
    finally:
        context.doneCurrent()
        surface.destroy()
    if version < MINIMUM_VERSION:
        return False, f"OpenGL {version_text} is too old (2.1 or newer is needed)"
    return True, f"OpenGL {version_text}, {renderer}"
