"""A missing system library gives one clear line naming the package, not Qt's abort."""

import os
import subprocess
import sys
from pathlib import Path

import pytest

from gui.shell.platform_check import advice, debian_package

ROOT = Path(__file__).resolve().parents[3]


@pytest.mark.parametrize("soname, package", [
    ("libxcb-cursor.so.0", "libxcb-cursor0"), ("libxkbcommon-x11.so.0", "libxkbcommon-x11-0"),
    ("libxcb-icccm.so.4", "libxcb-icccm4"), ("libdbus-1.so.3", "libdbus-1-3"),
    ("libEGL.so.1", "libegl1"), ("libxcb-render-util.so.0", "libxcb-render-util0"),
    ("not a library", ""),
])
def test_debian_package_names_follow_the_soname(soname, package):
    assert debian_package(soname) == package


def test_advice_is_one_line_naming_the_library_and_its_package():
    line = advice("xcb", "libxkbcommon-x11.so.0")
    assert "\n" not in line and "'xcb'" in line and "libxkbcommon-x11.so.0" in line
    assert line.endswith("sudo apt-get install libxkbcommon-x11-0")


def test_an_unloadable_libxcb_cursor_gives_one_line_and_no_abort(tmp_path):
    # A file that is not a library, found first on the search path: Qt's xcb plugin then
    # fails exactly as on a machine without libxcb-cursor0 (Qt would abort with SIGABRT).
    (tmp_path / "libxcb-cursor.so.0").write_text("not a library")
    env = dict(os.environ, LD_LIBRARY_PATH=str(tmp_path), QT_QPA_PLATFORM="xcb")
    result = subprocess.run([sys.executable, "main.py"], cwd=ROOT, env=env, capture_output=True,
                            text=True, timeout=60)
    assert result.returncode == 1, result.stderr
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1, result.stderr
    assert "libxcb-cursor.so.0" in lines[0] and "apt-get install libxcb-cursor0" in lines[0]
    assert "Aborted" not in result.stderr and "Available platform plugins" not in result.stderr


def test_no_display_to_connect_to_gives_qts_reason_not_package_advice():
    env = dict(os.environ, DISPLAY=":999", QT_QPA_PLATFORM="xcb")  # as over ssh without X
    result = subprocess.run([sys.executable, "main.py"], cwd=ROOT, env=env, capture_output=True,
                            text=True, timeout=60)
    assert result.returncode == 1, result.stderr
    assert "could not connect to display" in result.stderr
    assert "apt-get" not in result.stderr and "Aborted" not in result.stderr
