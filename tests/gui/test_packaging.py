"""The PyInstaller bundle: built once per module (~25 s), then run as a student would.

The slow tests build with packaging/build.sh into a temporary folder and run the frozen
executable in subprocesses on pytest-xvfb's display. The fast ones check the packaging
helpers (the PyOpenGL platform choice, what the bundle keeps) without building.
"""

import importlib.util
import json
import os
import re
import shutil
import subprocess
import sys
import time
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
PACKAGING = ROOT / "packaging"
BUDGET_BYTES = 150 * 1024 * 1024
# What pyqtgraph prints when a GL item fails to draw; the self-test's render_ok does not see it.
DRAW_ERRORS = ("Error while drawing item", "no valid context")


def _load(name, path):
    spec = importlib.util.spec_from_file_location(name, path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


platform_hook = _load("pyi_rth_gatelab_opengl", PACKAGING / "pyi_rth_gatelab_opengl.py")
bundle_trim = _load("bundle_trim", PACKAGING / "bundle_trim.py")


# --- fast: the helpers --------------------------------------------------------------------

@pytest.mark.parametrize("qt_platform, environ, expected", [
    ("xcb", {}, "glx"),
    ("xcb", {"QT_XCB_GL_INTEGRATION": "xcb_egl"}, "egl"),
    ("wayland", {}, "egl"),
    ("wayland-egl", {}, "egl"),
    ("eglfs", {}, "egl"),
    ("offscreen", {}, None),
    (None, {}, None),
])
def test_pyopengl_platform_follows_the_qt_platform(qt_platform, environ, expected):
    assert platform_hook.pyopengl_platform_for(qt_platform, environ) == expected


def test_without_a_qt_application_the_guess_prefers_a_reachable_wayland(tmp_path):
    x11_only = {"DISPLAY": ":1", "WAYLAND_DISPLAY": "wayland-0", "XDG_RUNTIME_DIR": str(tmp_path)}
    assert platform_hook.guess_qt_platform(x11_only) == "xcb"
    (tmp_path / "wayland-0").touch()
    assert platform_hook.guess_qt_platform(x11_only) == "wayland"
    assert platform_hook.guess_qt_platform({**x11_only, "QT_QPA_PLATFORM": "xcb;wayland"}) == "xcb"


def test_a_pyopengl_platform_the_user_chose_is_kept():
    environ = {"PYOPENGL_PLATFORM": "egl", "DISPLAY": ":1", "QT_QPA_PLATFORM": "xcb"}
    platform_hook.choose_pyopengl_platform(environ)
    assert environ["PYOPENGL_PLATFORM"] == "egl"
    environ = {"DISPLAY": ":1", "WAYLAND_DISPLAY": "wayland-0", "QT_QPA_PLATFORM": "xcb"}
    platform_hook.choose_pyopengl_platform(environ)
    assert environ["PYOPENGL_PLATFORM"] == "glx"


@pytest.mark.parametrize("dest, kept", [
    ("PySide6/Qt/plugins/platforms/libqxcb.so", True),
    ("PySide6/Qt/plugins/platforms/libqwayland.so", True),
    ("PySide6/Qt/plugins/platforms/libqeglfs.so", False),
    ("PySide6/Qt/plugins/platformthemes/libqgtk3.so", False),
    ("PySide6/Qt/plugins/platforminputcontexts/libibusplatforminputcontextplugin.so", True),
    ("PySide6/Qt/plugins/tls/libqopensslbackend.so", False),
    ("PySide6/Qt/translations/qtbase_ja.qm", True),
    ("PySide6/Qt/translations/qtbase_de.qm", False),
    ("PySide6/Qt/lib/libQt6Core.so.6", True),
    ("libxcb-cursor.so.0", True),
    ("libxkbcommon-x11.so.0", True),
    ("libxcb.so.1", False),
    ("libstdc++.so.6", False),
    ("libfontconfig.so.1", False),
    ("resources/icon.png", True),
    ("resources/i18n/gatelab_ja.qm", True),
])
def test_the_bundle_keeps_what_the_app_loads(dest, kept):
    assert bundle_trim.wanted(dest) is kept


def test_the_icon_and_desktop_entry_exist():
    from PySide6.QtGui import QImage

    from gui.common.icon import ICON_PATH

    image = QImage(str(ICON_PATH))
    assert not image.isNull() and image.width() >= 128 and image.width() == image.height()
    entry = (PACKAGING / "gatelab.desktop").read_text(encoding="utf-8")
    assert re.search(r"^Exec=gatelab$", entry, re.M) and re.search(r"^Icon=gatelab$", entry, re.M)
    assert "Type=Application" in entry


# --- slow: build once, run the frozen app -------------------------------------------------

@pytest.fixture(scope="module")
def bundle(tmp_path_factory):
    if shutil.which("readelf") is None:
        pytest.skip("binutils (readelf) is needed to build the bundle")
    out = tmp_path_factory.mktemp("bundle")
    result = subprocess.run(["bash", str(PACKAGING / "build.sh"), str(out / "dist"), str(out / "build")],
                            cwd=ROOT, capture_output=True, text=True, timeout=600)
    assert result.returncode == 0, result.stdout[-3000:] + result.stderr[-3000:]
    assert "Bundle size:" in result.stdout
    return out / "dist" / "gatelab"


def _clean_env(**extra):
    env = {key: value for key, value in os.environ.items() if key not in (
        "QT_QPA_PLATFORM", "PYOPENGL_PLATFORM", "WAYLAND_DISPLAY", "XDG_SESSION_TYPE",
        "GATELAB_NO_OPENGL", "QT_XCB_GL_INTEGRATION", "LIBGL_DRIVERS_PATH")}
    env.update(extra)
    return env


def _self_test(bundle, tmp_path, **env):
    screenshot = tmp_path / "frozen.png"
    result = subprocess.run([str(bundle / "gatelab"), "--self-test", "--screenshot", str(screenshot)],
                            env=_clean_env(**env), capture_output=True, text=True, timeout=120)
    lines = [line for line in result.stdout.splitlines() if line.startswith("{")]
    assert lines, result.stdout[-2000:] + result.stderr[-2000:]
    status = json.loads(lines[-1])
    status["returncode"] = result.returncode
    status["draw_errors"] = [e for e in DRAW_ERRORS if e in result.stdout + result.stderr]
    status["screenshot_bytes"] = screenshot.stat().st_size if screenshot.exists() else 0
    return status


def _assert_rendered_3d(status):
    assert status["returncode"] == 0 and status["ok"] is True, status
    assert status["opengl"] is True and status["render_ok"] is True, status
    assert status["draw_errors"] == [], status
    assert status["screenshot_bytes"] > 0, status


@pytest.mark.slow
def test_bundle_is_within_budget_and_trimmed(bundle):
    files = [path for path in bundle.rglob("*") if path.is_file() and not path.is_symlink()]
    assert sum(path.stat().st_size for path in files) <= BUDGET_BYTES
    internal = bundle / "_internal"
    assert (internal / "resources" / "icon.png").stat().st_size > 0
    assert (internal / "resources" / "i18n" / "gatelab_ja.qm").stat().st_size > 0
    assert (bundle / "gatelab.desktop").is_file() and (bundle / "gatelab.png").is_file()
    names = {path.name for path in files}
    unused = ("libQt6Network", "libQt6Qml", "libQt6Quick", "libqgtk3")
    assert not any(name.startswith(unused) for name in names)
    assert not (internal / "scipy").exists() and not (internal / "PySide6" / "QtTest.abi3.so").exists()
    assert not [link for link in bundle.rglob("*") if link.is_symlink() and not link.exists()]


@pytest.mark.slow
def test_frozen_self_test_renders_trains_and_saves_a_screenshot(bundle, tmp_path):
    _assert_rendered_3d(_self_test(bundle, tmp_path))


@pytest.mark.slow
def test_frozen_animate_writes_a_gif_with_pillow(bundle, tmp_path):
    run, out = tmp_path / "run.gatelab.json", tmp_path / "run.gif"
    frozen = str(bundle / "gatelab")
    trained = subprocess.run([frozen, "train", "--steps", "300", "--save", str(run)], env=_clean_env(),
                             capture_output=True, text=True, timeout=120)
    assert trained.returncode == 0, trained.stderr
    made = subprocess.run([frozen, "animate", str(run), "--out", str(out), "--frames", "4", "--size",
                           "320x240"], env=_clean_env(), capture_output=True, text=True, timeout=120)
    assert made.returncode == 0, made.stdout + made.stderr
    assert made.stdout.startswith(f"wrote {out}: 4 frames, 320 x 240")
    assert not [e for e in DRAW_ERRORS if e in made.stdout + made.stderr]
    assert out.read_bytes()[:6] == b"GIF89a"


@pytest.mark.slow
def test_frozen_train_json_equals_the_source_output(bundle):
    flags = ["train", "--json", "--steps", "300", "--seed", "5"]
    frozen = subprocess.run([str(bundle / "gatelab"), *flags], env=_clean_env(), capture_output=True,
                            text=True, timeout=120)
    source = subprocess.run([sys.executable, "main.py", *flags], cwd=ROOT, env=_clean_env(),
                            capture_output=True, text=True, timeout=120)
    assert frozen.returncode == 0 == source.returncode, frozen.stderr + source.stderr
    assert frozen.stdout == source.stdout
    assert json.loads(frozen.stdout)["steps_run"] == 300


@pytest.mark.slow
def test_frozen_app_renders_with_wayland_display_set_on_x11(bundle, tmp_path):
    """WAYLAND_DISPLAY names no compositor: Qt falls back to X11, PyOpenGL must use GLX."""
    runtime_dir = tmp_path / "runtime"
    runtime_dir.mkdir(mode=0o700)
    _assert_rendered_3d(_self_test(bundle, tmp_path, WAYLAND_DISPLAY="wayland-0",
                                   XDG_RUNTIME_DIR=str(runtime_dir)))


@pytest.mark.slow
def test_frozen_app_renders_through_egl(bundle, tmp_path):
    """Qt's X11 plugin on EGL: the bundle's PyOpenGL must use (and carry) its EGL platform."""
    _assert_rendered_3d(_self_test(bundle, tmp_path, QT_XCB_GL_INTEGRATION="xcb_egl"))


@pytest.fixture
def wayland_compositor(tmp_path):
    """A headless Weston: a real Wayland session, where Qt draws through EGL."""
    if shutil.which("weston") is None:
        pytest.skip("weston is not installed (Debian: weston libwayland-cursor0 libwayland-egl1)")
    runtime_dir = tmp_path / "wayland-runtime"
    runtime_dir.mkdir(mode=0o700)
    env = _clean_env(XDG_RUNTIME_DIR=str(runtime_dir))
    env.pop("DISPLAY", None)
    weston = subprocess.Popen(["weston", "--backend=headless-backend.so", "--socket=gatelab-test",
                               "--width=1600", "--height=1000", "--idle-time=0"], env=env,
                              stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    deadline = time.monotonic() + 15
    while not (runtime_dir / "gatelab-test").exists() and time.monotonic() < deadline:
        time.sleep(0.05)
    try:
        assert (runtime_dir / "gatelab-test").exists(), "weston did not start"
        yield {"XDG_RUNTIME_DIR": str(runtime_dir), "WAYLAND_DISPLAY": "gatelab-test"}
    finally:
        weston.terminate()
        weston.wait(10)


@pytest.mark.slow
def test_frozen_app_renders_on_wayland(bundle, tmp_path, wayland_compositor, monkeypatch):
    monkeypatch.delenv("DISPLAY", raising=False)  # no X11 at all: Qt must take Wayland
    _assert_rendered_3d(_self_test(bundle, tmp_path, QT_QPA_PLATFORM="wayland", **wayland_compositor))


@pytest.mark.slow
@pytest.mark.parametrize("env", [{"GATELAB_NO_OPENGL": "1"}, {"LIBGL_DRIVERS_PATH": "/nonexistent"}],
                         ids=["turned-off", "no-driver"])
def test_frozen_app_without_opengl_falls_back_to_2d(bundle, tmp_path, env):
    status = _self_test(bundle, tmp_path, **env)
    assert status["returncode"] == 0 and status["ok"] is True, status
    assert status["opengl"] is False and status["screenshot_bytes"] > 0, status
