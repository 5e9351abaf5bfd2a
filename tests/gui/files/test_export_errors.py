"""Exports onto a full disk say so, keep stderr clean, and leave no file behind.

They said "Unknown error" (a short write carries no reason) and libpng printed its "Write
Error" on stderr. A full disk is met two ways here: a character device that is always full
(a node like /dev/full's, made in the test's folder: never the system's own, which an export
that renames a file over its target replaces when run as root), and a regular file on a tiny
tmpfs that is full, mounted in a mount namespace of a child process. Each is skipped where
the system does not allow it.
"""

import errno
import json
import os
import shutil
import stat
import subprocess
import sys
from pathlib import Path

import numpy as np
import pytest

from core.io.animation import frame_snapshots, plan_animation
from core.model.config import TrainConfig
from core.model.network import Weights
from core.training.states import TRAINING
from core.training.trainer import Trainer
from core.views.snapshot import make_snapshot
from gui.files import exports
from gui.files.animation_writer import AnimationWriter
from gui.views.animation_stage import AnimationStage
from gui.views.heatmap_view import HeatmapView
from gui.views.loss_plot import LossPlot

ROOT = Path(__file__).resolve().parents[3]
FULL = os.strerror(errno.ENOSPC)  # "No space left on device"
CONFIG = TrainConfig()
SOLVED_XOR = Weights(np.array([[6.0, 4.0], [6.0, 4.0], [-2.5, -6.0]]), np.array([9.0, -10.0, -4.0]))
LOSSES = 0.5 * np.exp(-np.linspace(0.0, 5.0, 300)) + 0.01


def snapshot(losses=()):
    return make_snapshot(CONFIG, SOLVED_XOR, 300, losses, TRAINING)


def device_node(folder: Path, name: str, minor: int) -> Path:
    """A node of a memory device (1, minor) in `folder`, never the system's own: an export that
    wrongly renamed a file over it (as root) replaces only this copy."""
    node = folder / name
    try:
        os.mknod(node, stat.S_IFCHR | 0o666, os.makedev(1, minor))
        with open(node, "wb"):  # a file system mounted nodev refuses to open it
            pass
    except OSError as error:
        pytest.skip(f"no device node can be made here (root only): {error}")
    return node


@pytest.fixture
def full_device(tmp_path):
    """Like /dev/full: every write fails with ENOSPC."""
    node = device_node(tmp_path, "full", 7)
    yield node
    assert stat.S_ISCHR(os.stat(node).st_mode), "the export replaced the device node"


@pytest.fixture
def loss_plot(qtbot):
    widget = LossPlot()
    qtbot.addWidget(widget)
    widget.resize(640, 400)
    widget.show()
    qtbot.waitExposed(widget)
    widget.update_from(snapshot(losses=LOSSES))
    return widget


@pytest.fixture
def heatmap(qtbot):
    view = HeatmapView()
    qtbot.addWidget(view)
    view.resize(400, 400)
    view.update_from(snapshot())
    view.show()
    qtbot.waitExposed(view)
    return view


EXPORTS = {
    "loss png": lambda w, path: exports.export_loss_png(w["plot"], path),
    "loss png x4": lambda w, path: exports.export_loss_png(w["plot"], path, scale=4),
    "loss svg": lambda w, path: exports.export_loss_svg(w["plot"], path),
    "map png": lambda w, path: exports.export_surface_png(w["map"], path),
    "slide": lambda w, path: exports.export_slide(w["plot"], path, exports.QSize(1280, 720), "step 300"),
    "loss csv": lambda w, path: exports.export_loss_csv(LOSSES, 1, path),
    "weights json": lambda w, path: exports.export_weights_json(SOLVED_XOR, path),
    "predictions csv": lambda w, path: exports.export_predictions_csv(snapshot(), path),
    "bytes (the GIF)": lambda w, path: exports.save_bytes(path, bytes(300_000)),
}


@pytest.mark.parametrize("name", list(EXPORTS))
def test_an_export_to_a_full_device_says_the_disk_is_full(loss_plot, heatmap, full_device, capfd, name):
    message = EXPORTS[name]({"plot": loss_plot, "map": heatmap}, full_device)
    assert message == f"Could not write {full_device}: {FULL}"
    assert capfd.readouterr().err == ""


def test_an_export_to_a_device_that_takes_it_succeeds(loss_plot, tmp_path):
    null = device_node(tmp_path, "null", 3)  # like /dev/null
    assert exports.export_loss_png(loss_plot, null) is None
    assert stat.S_ISCHR(os.stat(null).st_mode) and sorted(tmp_path.iterdir()) == [null]


@pytest.fixture(scope="module")
def run():
    trainer = Trainer(TrainConfig(steps=300, seed=0))
    trainer.run()
    return trainer


def test_an_animation_onto_a_full_disk_says_so(qtbot, run, full_device, capfd):
    stage = AnimationStage()
    qtbot.addWidget(stage)
    stage.resize(480, 240)
    stage.show()
    qtbot.waitExposed(stage)
    plan = plan_animation(0, run.step, 3, (320, 240), "loss")
    writer = AnimationWriter(stage, plan, frame_snapshots(run, plan), str(full_device), lambda _s: "")
    with qtbot.waitSignal(writer.finished, timeout=60000) as finished:
        writer.start()
    assert finished.args == [f"Could not write {full_device}: {FULL}"]
    assert writer.error == finished.args[0] and writer.written_bytes == 0
    assert capfd.readouterr().err == ""


# -- a regular file on a full file system --------------------------------------------------

# Fills the file system at argv[1], then exports onto it; prints {export: message} as JSON.
ON_A_FULL_DISK = """
import json, os, sys
import numpy as np
from PySide6.QtGui import QColor, QImage
from PySide6.QtWidgets import QApplication
app = QApplication([])
import pyqtgraph as pg
from gui.files import exports
from gui.files.animation_writer import _gif_bytes, _palette_frame

folder = sys.argv[1]
with open(os.path.join(folder, "earlier.png"), "wb") as file:
    file.write(b"earlier")
descriptor = os.open(os.path.join(folder, "filler"), os.O_WRONLY | os.O_CREAT)
try:
    while True:
        os.write(descriptor, bytes(1024))
except OSError:
    pass
os.close(descriptor)
plot = pg.PlotWidget()
plot.plot(np.random.default_rng(0).random(500))
plot.resize(640, 400)
plot.show()
frames = []
for colour in ("red", "blue"):
    image = QImage(320, 240, QImage.Format.Format_RGB32)
    image.fill(QColor(colour))
    frames.append(_palette_frame(image))
path = lambda name: os.path.join(folder, name)
print(json.dumps({
    "png": exports.export_loss_png(plot, path("loss.png"), scale=2),
    "png over an earlier file": exports.export_loss_png(plot, path("earlier.png")),
    "csv": exports.export_loss_csv(np.linspace(1, 0, 100_000), 1, path("loss.csv")),
    "small csv": exports.export_loss_csv(np.linspace(1, 0, 3), 1, path("small.csv")),
    "gif": exports.save_bytes(path("run.gif"), _gif_bytes(frames, [100, 100])),
    "left": sorted(os.listdir(folder)),
    "earlier": open(path("earlier.png"), "rb").read().decode(),
}))
"""

MOUNT_FAILED = 97


def _run_on_a_full_disk(tmp_path):
    """The script in a child process with a 64 KiB tmpfs of its own at tmp_path/disk."""
    if shutil.which("unshare") is None:
        pytest.skip("unshare (util-linux) is not installed")
    disk = tmp_path / "disk"
    disk.mkdir()
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", PYTHONPATH=str(ROOT))
    inner = f'mount -t tmpfs -o size=64k gatelab-full "$1" || exit {MOUNT_FAILED}; exec "$2" -c "$3" "$1"'
    # Unprivileged: a user namespace of its own; root where user namespaces are turned off.
    for flags in (["--user", "--map-root-user", "--mount"], ["--mount"]):
        result = subprocess.run(["unshare", *flags, "sh", "-c", inner, "sh", str(disk), sys.executable,
                                 ON_A_FULL_DISK], env=env, capture_output=True, text=True, timeout=120)
        mounted = result.returncode != MOUNT_FAILED and not result.stderr.startswith("unshare:")
        if mounted:
            return result
    pytest.skip(f"no tmpfs can be mounted here: {result.stderr.strip()}")


def test_exports_onto_a_full_file_system_say_so_and_leave_no_file(tmp_path):
    result = _run_on_a_full_disk(tmp_path)
    assert result.returncode == 0, result.stdout[-2000:] + result.stderr[-2000:]
    found = json.loads(result.stdout.splitlines()[-1])
    for name in ("png", "png over an earlier file", "csv", "small csv", "gif"):
        assert found[name] is not None and found[name].endswith(f": {FULL}"), (name, found[name])
    assert found["left"] == ["earlier.png", "filler"]  # no temporary files
    assert found["earlier"] == "earlier"
    assert "libpng" not in result.stderr and "Unknown error" not in result.stdout
