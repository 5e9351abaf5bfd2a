"""Cycles holding Qt objects are freed in the GUI thread, in the app and in these tests, even
when another thread's allocations would have started Python's collection."""

import gc
import pathlib
import subprocess
import sys
import threading

from gui.common.main_thread_gc import collect_in_main_thread

ROOT = pathlib.Path(__file__).resolve().parents[3]

# A QObject with a QTimer child, kept only by a cycle, then a thread that allocates and keeps
# enough lists to pass every generation's threshold many times over.
SCENARIO = """
import gc, threading
from PySide6.QtCore import QObject, QTimer

freed_in = []
kept = []

class Cycle(QObject):
    def __init__(self):
        super().__init__()
        self.itself = self
        QTimer(self).start(60_000)

    def __del__(self):
        freed_in.append(threading.current_thread().name)

def garbage_then_busy_thread():
    Cycle()
    def allocate():
        kept.extend([n] for n in range(300_000))
    worker = threading.Thread(target=allocate, name="allocating thread")
    worker.start()
    worker.join()
"""


def scenario():
    namespace = {}
    exec(SCENARIO, namespace)  # noqa: S102 - the fixed text above, shared with the app's check
    return namespace


def test_a_cycle_the_tests_drop_is_freed_in_the_gui_thread_not_the_allocating_one(qtbot):
    case = scenario()
    case["garbage_then_busy_thread"]()
    assert "allocating thread" not in case["freed_in"]
    qtbot.waitUntil(lambda: case["freed_in"] == ["MainThread"])


def test_the_app_frees_such_a_cycle_in_the_gui_thread():
    program = SCENARIO + """
from gui.shell.app import make_application
app = make_application()
garbage_then_busy_thread()
while not freed_in:
    app.processEvents()
    threading.Event().wait(0.01)
print(freed_in[0])
"""
    result = subprocess.run([sys.executable, "-c", program], cwd=ROOT, capture_output=True,
                            text=True, timeout=120)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "MainThread"


def test_check_collects_past_the_threshold_and_only_in_its_own_thread(qapp):
    collector = collect_in_main_thread(qapp)
    case = scenario()
    freed = case["freed_in"]
    gc.collect()
    case["Cycle"]()
    junk = [[n] for n in range(gc.get_threshold()[0] + 10)]  # past the youngest threshold
    elsewhere = threading.Thread(target=collector.check)
    elsewhere.start()
    elsewhere.join()
    assert freed == []  # another thread's call collects nothing
    collector.check()
    assert freed == ["MainThread"]
    del junk


def test_the_collector_is_installed_once(qapp):
    assert collect_in_main_thread(qapp) is collect_in_main_thread(qapp)
    assert not gc.isenabled()
