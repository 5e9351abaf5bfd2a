"""`gatelab train --lang ja` explains the run in Japanese, with the window's translations."""

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[3]


def test_the_japanese_table_ends_with_the_diagnosis_in_japanese():
    result = subprocess.run([sys.executable, "main.py", "train", "--preset", "article-xor", "--lang", "ja"],
                            cwd=ROOT, capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stderr
    last = result.stdout.splitlines()[-1]
    assert last.startswith("理由: ") and "解けました" in last  # the article's run solves XOR
    assert "Solved" not in result.stdout


def test_inspect_in_japanese_says_a_past_step_is_one_and_explains_it(tmp_path):
    saved = tmp_path / "xor.gatelab.json"
    subprocess.run([sys.executable, "main.py", "train", "--preset", "article-xor", "--save", str(saved)],
                   cwd=ROOT, capture_output=True, text=True, timeout=120, check=True)
    command = [sys.executable, "main.py", "inspect", str(saved), "--step", "300", "--lang", "ja"]
    result = subprocess.run(command, cwd=ROOT, capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    assert lines[0].startswith("入力: [0, 0], 予測値: ")
    assert "過去のステップです。この学習はステップ 2,000 まで進みました" in lines[4]
    assert lines[-1].startswith("理由: ") and "completed" not in result.stdout
