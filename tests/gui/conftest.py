"""GUI tests: GL contexts are shared before pytest-qt makes the QApplication, as the app
does (gui.views.gl_probe): a window holds several 3D views, and a test file run alone would
otherwise make its QApplication first."""

from gui.views import gl_probe

gl_probe.share_opengl_contexts()
