"""Where resources/ is: beside the code, or inside a PyInstaller bundle (sys._MEIPASS)."""

import sys
from pathlib import Path


def resources_dir() -> Path:
    return Path(getattr(sys, "_MEIPASS", Path(__file__).resolve().parents[2])) / "resources"
