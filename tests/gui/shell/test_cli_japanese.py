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
