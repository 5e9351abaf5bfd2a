"""Shared fixtures: fail any test that leaves a QThread running; refuse one-shot parametrize values."""

import collections.abc
import weakref

import pytest

pytest_plugins = ["pytester"]  # tests/core/test_suite_rules.py runs small suites of its own


def pytest_generate_tests(metafunc):
    """An iterator as parametrize values is deprecated from pytest 9.1 and breaks collection
    under warnings-as-errors; refuse it on every pytest, so an older pin cannot hide it."""
    for marker in metafunc.definition.iter_markers("parametrize"):
        values = marker.args[1] if len(marker.args) > 1 else marker.kwargs.get("argvalues")
        if not isinstance(values, collections.abc.Collection):
            raise pytest.UsageError(
                f"{metafunc.definition.nodeid}: parametrize values are a one-shot "
                f"{type(values).__name__}; pass a list or tuple")

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
