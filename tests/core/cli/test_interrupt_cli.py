"""The command line on crafted files and long runs: Ctrl+C, progress on a terminal, files whose
record does not replay, huge losses, a --save that cannot work. Run as a user would."""

import json
import os
import pty
import select
import signal
import subprocess
import sys
import time
from pathlib import Path

import numpy as np

from core.io import experiment as ex
from core.model.config import TrainConfig
from core.training.trainer import Trainer

ROOT = Path(__file__).resolve().parents[3]
HANG_S = 120  # "it did not hang": each of these takes a few seconds at most


def gatelab(*args, warnings_as_errors=False):
    python = [sys.executable, "-W", "error"] if warnings_as_errors else [sys.executable]
    return subprocess.run([*python, "main.py", *args], cwd=ROOT, capture_output=True, text=True,
                          timeout=HANG_S)


def on_a_terminal(args, interrupt=True):
    """Runs gatelab with standard error on a pseudo-terminal; once a progress line shows,
    presses Ctrl+C (interrupt). Returns (status, standard output, what the terminal got)."""
    master, slave = pty.openpty()
    process = subprocess.Popen([sys.executable, "main.py", *args], cwd=ROOT, stdin=subprocess.DEVNULL,
                               stdout=subprocess.PIPE, stderr=slave)
    os.close(slave)
    seen = b""
    deadline = time.monotonic() + HANG_S
    try:
        while interrupt and b" of " not in seen:
            ready, _, _ = select.select([master], [], [], max(0.0, deadline - time.monotonic()))
            assert ready, f"no progress line: {seen!r}"
            seen += os.read(master, 4096)
        if interrupt:
            process.send_signal(signal.SIGINT)
        stdout, _ = process.communicate(timeout=HANG_S)
        while select.select([master], [], [], 0)[0]:
            try:
                chunk = os.read(master, 4096)
            except OSError:  # the other side is gone
                break
            if not chunk:
                break
            seen += chunk
    finally:
        if process.poll() is None:
            process.kill()
        os.close(master)
    return process.returncode, stdout.decode(), seen.decode().replace("\r\n", "\n")


# -- 7. Ctrl+C and progress -------------------------------------------------------------------
def test_ctrl_c_stops_train_with_one_line_and_save_keeps_what_was_trained(tmp_path):
    path = tmp_path / "long.gatelab.json"
    status, stdout, terminal = on_a_terminal(["train", "--steps", "100000000", "--save", str(path)])
    assert status == 130 and stdout == "" and "Traceback" not in terminal
    assert terminal.count("\n") == 1 and "gatelab train: step " in terminal
    line = terminal.split("\r")[-1]
    assert line.startswith("gatelab train: stopped by Ctrl+C after ") and str(path) in line
    saved = ex.read(path)
    assert 0 < saved.step < 10**8 and saved.outcome is None  # it goes on when opened
    trainer = ex.restore_trainer(saved)
    trainer.advance(10)
    assert trainer.step == saved.step + 10


def test_ctrl_c_stops_seeds_with_one_line():
    status, stdout, terminal = on_a_terminal(["seeds", "--count", "500", "--steps", "100000000"])
    assert status == 130 and stdout == "" and "Traceback" not in terminal
    assert terminal.count("\n") == 1
    assert terminal.split("\r")[-1].startswith("gatelab seeds: stopped by Ctrl+C after ")


def test_progress_goes_to_a_terminal_only_and_never_into_the_json():
    status, stdout, terminal = on_a_terminal(["train", "--steps", "400000", "--json"],
                                             interrupt=False)
    assert status == 0 and json.loads(stdout)["steps_run"] == 400_000
    assert "gatelab train: step " in terminal and "\n" not in terminal
    assert terminal.split("\r")[-1] == "" and terminal.split("\r")[-2].strip() == ""  # erased
    piped = gatelab("train", "--steps", "400000", "--json")  # standard error is not a terminal
    assert piped.returncode == 0 and piped.stderr == "" and piped.stdout == stdout


def test_a_save_that_cannot_work_is_refused_before_training(tmp_path):
    path = tmp_path / "no" / "such" / "run.gatelab.json"
    result = gatelab("train", "--steps", "100000000", "--save", str(path))  # ~7 min if trained
    assert result.returncode == 1 and "could not save" in result.stderr
    assert "No such file or directory" in result.stderr


# -- 1. a record that does not replay; 5. huge losses ------------------------------------------
def test_inspect_says_which_steps_a_tampered_file_cannot_show(tmp_path):
    trainer = Trainer(TrainConfig(steps=6000, seed=1))
    trainer.run()
    data = json.loads(ex.to_json(trainer))
    data["record"]["checkpoints"][1][2][0] = 99.0  # the checkpoint at step 2048
    path = tmp_path / "tampered.gatelab.json"
    path.write_text(json.dumps(data))
    summary = gatelab("inspect", str(path))
    assert summary.returncode == 0
    assert "every step from 4,096 can be shown" in summary.stdout
    assert "steps 0 to 4,095 are not shown: the file's run record does not replay between " \
           "steps 2,048 and 4,096" in summary.stdout
    past = gatelab("inspect", str(path), "--step", "3000", "--json")
    assert past.returncode == 2 and past.stdout == "" and len(past.stderr.splitlines()) == 1
    assert "step 3,000 cannot be shown" in past.stderr


def test_huge_losses_print_no_warning(tmp_path):
    trainer = Trainer(TrainConfig(steps=5000, seed=1), None, 5000, np.full(5000, 1e308))
    path = tmp_path / "huge.gatelab.json"
    ex.save(path, trainer)
    for flags in ([], ["--json"], ["--step", "5000"]):
        result = gatelab("inspect", str(path), *flags, warnings_as_errors=True)
        assert result.returncode == 0 and result.stderr == "", (flags, result.stderr)
