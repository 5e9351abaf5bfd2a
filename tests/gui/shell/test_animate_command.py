"""`gatelab animate`, run as a user would: in a subprocess, on pytest-xvfb's display (its 3D
view needs OpenGL), and with Qt's offscreen platform, which draws the 2D map instead."""

import os
import subprocess
import sys
from pathlib import Path

import numpy as np
import pytest
from PIL import Image

ROOT = Path(__file__).resolve().parents[3]


def gatelab(*args, env=None):
    return subprocess.run([sys.executable, "main.py", *map(str, args)], cwd=ROOT, capture_output=True,
                          text=True, timeout=120, env={**os.environ, **(env or {})})


@pytest.fixture(scope="module")
def run_file(tmp_path_factory):
    path = tmp_path_factory.mktemp("runs") / "xor.gatelab.json"
    result = gatelab("train", "--steps", "800", "--seed", "2", "--save", path)
    assert result.returncode == 0, result.stderr
    return path


def test_animate_writes_the_frames_asked_for(run_file, tmp_path):
    out = tmp_path / "xor.gif"
    result = gatelab("animate", run_file, "--out", out, "--frames", "5", "--size", "400x300",
                     "--view", "both", "--seconds", "1")
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith(f"wrote {out}: 5 frames, 400 x 300, ")
    with Image.open(out) as gif:
        assert gif.n_frames == 5 and gif.size == (400, 300)
        first = np.asarray(gif.convert("RGB")).astype(int)
        gif.seek(4)
        last = np.asarray(gif.convert("RGB")).astype(int)
        assert gif.info["duration"] == 1500  # the last frame holds
    assert np.abs(first - last).sum() > 0


def test_without_opengl_it_draws_the_2d_map_and_says_so(run_file, tmp_path):
    out = tmp_path / "map.gif"
    result = gatelab("animate", run_file, "--out", out, "--frames", "3", "--view", "surface",
                     "--size", "320x240", env={"QT_QPA_PLATFORM": "offscreen"})
    assert result.returncode == 0, result.stderr
    assert "the 2D map is drawn instead" in result.stderr
    with Image.open(out) as gif:
        assert gif.n_frames == 3 and gif.size == (320, 240)


def test_with_no_display_at_all_it_draws_the_2d_map(run_file, tmp_path):
    out = tmp_path / "map.gif"
    env = {k: v for k, v in os.environ.items()
           if k not in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM")}
    result = subprocess.run([sys.executable, "main.py", "animate", str(run_file), "--out", str(out),
                             "--frames", "2", "--size", "320x240"], cwd=ROOT, capture_output=True,
                            text=True, timeout=120, env=env)
    assert result.returncode == 0, result.stderr
    assert "the 2D map is drawn instead" in result.stderr
    with Image.open(out) as gif:
        assert gif.n_frames == 2


@pytest.mark.parametrize("args, says", [
    (["--out", "{tmp}/a.png"], "--out names a .gif file"),
    (["--out", "{tmp}/missing/a.gif"], "cannot write in"),
    (["--out", "{tmp}/a.gif", "--frames", "1"], "frames is from 2 to 1000"),
    (["--out", "{tmp}/a.gif", "--frames", "many"], "invalid int value"),
    (["--out", "{tmp}/a.gif", "--size", "big"], "WIDTHxHEIGHT"),
    (["--out", "{tmp}/a.gif", "--size", "10x10"], "160 to 3840 pixels"),
    (["--out", "{tmp}/a.gif", "--view", "movie"], "invalid choice"),
    (["--out", "{tmp}/a.gif", "--seconds", "0"], "positive number of seconds"),
    (["--out", "{tmp}/a.gif", "--run", "2"], "run 2 is not in this file"),
    (["--out", "{tmp}/a.gif", "--seconds", "1e306"], "too long a frame"),
    (["--out", "{tmp}/folder.gif"], "is a folder, not a file"),
    ([], "--out"),
])
def test_bad_arguments_exit_2_with_one_line(run_file, tmp_path, args, says):
    (tmp_path / "folder.gif").mkdir()
    result = gatelab("animate", run_file, *[a.format(tmp=tmp_path) for a in args])
    assert result.returncode == 2
    assert says in result.stderr and result.stderr.count("\n") == 1, result.stderr
    assert not [path for path in tmp_path.glob("*.gif") if path.is_file()]


def test_a_missing_or_broken_file_exits_2_with_one_line(tmp_path):
    broken = tmp_path / "broken.gatelab.json"
    broken.write_text('{"format": "gatelab-experiment", "version": 2, "config": {')
    for path, says in ((tmp_path / "none.json", "No such file"), (broken, "refused")):
        result = gatelab("animate", path, "--out", tmp_path / "a.gif")
        assert result.returncode == 2 and says in result.stderr
        assert result.stderr.count("\n") == 1, result.stderr


@pytest.mark.parametrize("flags, turns", [((), False), (("--turn",), True)])
def test_the_view_turns_only_with_turn(run_file, tmp_path, monkeypatch, flags, turns):
    from gui.shell import animate_command

    planned = []
    monkeypatch.setattr(animate_command, "_write", lambda trainer, plan, args: planned.append(plan) or 0)
    assert animate_command.run_animate([str(run_file), "--out", str(tmp_path / "a.gif"), *flags]) == 0
    assert planned[0].turn is turns
