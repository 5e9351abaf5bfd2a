"""Cycles holding Qt objects are freed in the GUI thread, in the app and in these tests, even
when another thread's allocations would have started Python's collection."""

import gc
import pathlib
import subprocess
import sys
import threading

import pytest

from gui.common.main_thread_gc import CollectionPlan, collect_in_main_thread

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


@pytest.mark.parametrize(("counts", "due"), [
    ((700, 9, 9), None),  # young objects under the threshold: nothing, whatever else
    ((701, 0, 0), 0),
    ((701, 10, 10), 0),  # counts equal to a threshold have not passed it
    ((701, 11, 0), 1),
    ((701, 0, 11), 2),  # the oldest generation past its threshold, as Python chooses
    ((701, 11, 11), 2),
    ((7001, 0, 0), 1),  # a burst worth ten young collections at once
])
def test_the_plan_collects_the_oldest_generation_past_its_threshold(counts, due):
    assert CollectionPlan().generation(counts, (700, 10, 10), now=0.0) == due


def test_a_full_collection_waits_until_the_last_ones_share_of_the_time_is_small():
    plan = CollectionPlan(spacing=19.0)
    assert plan.generation((701, 0, 11), (700, 10, 10), now=10.0) == 2
    plan.full_took(10.0, 10.1)  # 0.1 s: the next waits 1.9 s
    assert plan.generation((701, 0, 11), (700, 10, 10), now=11.0) == 1  # a middle one meanwhile
    assert plan.generation((701, 0, 11), (700, 10, 10), now=12.0) == 2
