"""GUI tests: GL contexts are shared before pytest-qt makes the QApplication, as the app
does (gui.views.gl_probe): a window holds several 3D views, and a test file run alone would
otherwise make its QApplication first.

qtbot's waits are made to suit a busy machine (see `qtbot` below), and Python's cycle
collection runs in the GUI thread, as in the app (see `_collect_in_main_thread`)."""

import functools

import pytest
from qt_waits import WAIT_MS

from gui.common.main_thread_gc import collect_in_main_thread
from gui.views import gl_probe

gl_probe.share_opengl_contexts()


@pytest.fixture
def qtbot(qtbot):
    """pytest-qt's qtbot, with two changes so a test waits for its condition, never a time:

    - every wait (waitUntil, waitSignal(s), waitCallback, waitExposed, waitActive) allows at
      least WAIT_MS: a timeout is a "did not hang" bound, not a speed check, and pytest-qt's
      default of 5 s is tight for a CI machine shared with busy processes;
    - waitExposed(widget) and waitActive(widget) called plainly, after the widget is shown,
      wait then: pytest-qt waits only at the end of a `with` block, so a plain call waited
      for nothing. A widget not yet shown keeps pytest-qt's `with` behaviour.
    """
    def floored(method):
        @functools.wraps(method)
        def wait(*args, timeout=WAIT_MS, **kwargs):
            # 0 is "do not wait" (assertNotEmitted's default): it was made 30 s of waiting
            return method(*args, timeout=max(timeout, WAIT_MS) if timeout else timeout, **kwargs)
        return wait

    def waiting_now(method):
        @functools.wraps(method)
        def wait(widget, *, timeout=WAIT_MS):
            timeout = max(timeout, WAIT_MS)
            if widget.isVisible():
                with method(widget, timeout=timeout):
                    pass
            return method(widget, timeout=timeout)
        return wait

    for name, alias in (("waitUntil", "wait_until"), ("waitSignal", "wait_signal"),
                        ("waitSignals", "wait_signals"), ("waitCallback", "wait_callback")):
        setattr(qtbot, name, floored(getattr(qtbot, name)))
        setattr(qtbot, alias, getattr(qtbot, name))
    for name, alias in (("waitExposed", "wait_exposed"), ("waitActive", "wait_active")):
        setattr(qtbot, name, waiting_now(getattr(qtbot, name)))
        setattr(qtbot, alias, getattr(qtbot, name))
    return qtbot


@pytest.fixture(autouse=True)
def _no_unexpected_message_box(request, monkeypatch):
    """A static QMessageBox (warning, critical, ...) nobody answers blocks the run forever: an
    open that failed unexpectedly hung CI that way. Here it fails the test, naming its text; a
    test that expects one replaces it with its own stand-in."""
    if "qtbot" not in request.fixturenames and "qapp" not in request.fixturenames:
        return
    from PySide6.QtWidgets import QMessageBox

    def refuse(kind):
        def box(_parent, _title, text, *args, **kwargs):
            raise AssertionError(f"an unexpected modal QMessageBox.{kind}: {text}")
        return box

    for kind in ("warning", "critical", "information", "question"):
        monkeypatch.setattr(QMessageBox, kind, refuse(kind))


@pytest.fixture(autouse=True)
def _collect_in_main_thread(request):
    """As make_application does: cycles holding Qt objects are freed in the GUI thread, never
    by whichever thread allocates (a file reader, a training thread); once more after each test."""
    if "qtbot" not in request.fixturenames and "qapp" not in request.fixturenames:
        yield
        return
    collector = collect_in_main_thread(request.getfixturevalue("qapp"))
    yield
    collector.check()
