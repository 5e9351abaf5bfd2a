"""Where resources/ (translations, icon) is: inside a PyInstaller bundle (sys._MEIPASS), inside
the installed package (a wheel maps resources/ to gui/resources, see pyproject.toml), or beside
the code in a checkout (and an editable install)."""

import sys
from pathlib import Path

_GUI = Path(__file__).resolve().parents[1]


def resources_dir() -> Path:
    bundle = getattr(sys, "_MEIPASS", None)
    if bundle is not None:
        return Path(bundle) / "resources"
    installed = _GUI / "resources"
    # Checked first: beside an installed gui/ is site-packages, where "resources" may be anything.
    if installed.is_dir():
        return installed
    return _GUI.parent / "resources"
