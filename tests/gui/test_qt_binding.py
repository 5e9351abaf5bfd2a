"""Guards against a Qt binding that corrupts Python's reference counts.

PySide6 6.12.0 on Python 3.11 loses one reference to None on every Qt call
that returns nothing, and the app aborts once the count reaches zero.
"""

import sys


def test_qt_calls_keep_none_refcount():
    from PySide6.QtCore import QObject

    obj = QObject()
    before = sys.getrefcount(None)
    for _ in range(1000):
        obj.setObjectName("probe")
    assert sys.getrefcount(None) - before > -100, "this PySide6 build leaks references to None"
