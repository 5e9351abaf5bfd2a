"""Shared fixtures: fail any test that leaves a QThread running."""

import weakref

import pytest

_started_threads: list = []


@pytest.fixture(autouse=True)
def _no_dangling_qthreads(request, monkeypatch):
    """Records every QThread started during a test and fails it if one still runs."""
    if "qtbot" not in request.fixturenames and "qapp" not in request.fixturenames:
        yield
        return
    from PySide6.QtCore import QThread

    started = []
    original_start = QThread.start

    def recording_start(self, *args, **kwargs):
        started.append(weakref.ref(self))
        return original_start(self, *args, **kwargs)

    monkeypatch.setattr(QThread, "start", recording_start)
    yield
    running = []
    for ref in started:
        thread = ref()
        try:
            if thread is not None and thread.isRunning():
                running.append(thread)
        except RuntimeError:  # the C++ object is already deleted: it is not running
            pass
    for thread in running:
        thread.quit()
        thread.wait(2000)
    assert not running, f"{len(running)} QThread(s) still running after the test"
