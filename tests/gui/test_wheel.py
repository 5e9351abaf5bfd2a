"""The wheel (what `pip install .` and pipx install): it carries the translations and the icon,
and the app installed from it, outside the repository, finds them.

The wheel is built once per module (a few seconds) from a copy of the source tree, so the
build's own build/ and egg-info never land in the checkout.
"""

import importlib.metadata
import json
import os
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
import zipfile
from pathlib import Path

import pytest
from packaging.requirements import Requirement

try:
    import tomllib
except ModuleNotFoundError:  # Python 3.10: build as pip install does, with isolation
    tomllib = None

ROOT = Path(__file__).resolve().parents[2]
NOT_BUILT_FROM = (".git", ".venv*", "build", "dist", "*.egg-info", "tests", "docs", "bench", ".ci",
                  "__pycache__", ".*_cache", ".import_linter_cache")


def _build_without_isolation() -> bool:
    """The environment's own setuptools if it is new enough (no network); otherwise pip fetches
    the one pyproject asks for, as `pip install .` does."""
    if tomllib is None:
        return False
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    for text in project["build-system"]["requires"]:
        requirement = Requirement(text)
        try:
            version = importlib.metadata.version(requirement.name)
        except importlib.metadata.PackageNotFoundError:
            return False
        if not requirement.specifier.contains(version, prereleases=True):
            return False
    return True


@pytest.fixture(scope="module")
def wheel(tmp_path_factory) -> Path:
    source = tmp_path_factory.mktemp("source") / "gatelab"
    shutil.copytree(ROOT, source, ignore=shutil.ignore_patterns(*NOT_BUILT_FROM))
    out = tmp_path_factory.mktemp("wheel")
    command = [sys.executable, "-m", "pip", "wheel", str(source), "--no-deps", "-w", str(out), "-q"]
    if _build_without_isolation():
        command.append("--no-build-isolation")
    result = subprocess.run(command, capture_output=True, text=True, timeout=600)
    assert result.returncode == 0, result.stdout[-3000:] + result.stderr[-3000:]
    [built] = out.glob("gatelab-*.whl")
    return built


@pytest.fixture(scope="module")
def installed(wheel, tmp_path_factory) -> Path:
    """The wheel installed into a bare folder, as pip puts it in site-packages."""
    target = tmp_path_factory.mktemp("site")
    result = subprocess.run([sys.executable, "-m", "pip", "install", "--no-deps", "--no-compile", "-q",
                             "--target", str(target), str(wheel)], capture_output=True, text=True,
                            timeout=300)
    assert result.returncode == 0, result.stdout[-3000:] + result.stderr[-3000:]
    return target


def test_the_wheel_holds_the_translations_and_the_icon(wheel):
    with zipfile.ZipFile(wheel) as archive:
        names = set(archive.namelist())
        for inside, source in (("gui/resources/icon.png", "resources/icon.png"),
                               ("gui/resources/i18n/gatelab_ja.qm", "resources/i18n/gatelab_ja.qm")):
            assert inside in names, sorted(n for n in names if "resources" in n)
            assert archive.read(inside) == (ROOT / source).read_bytes()
        entry_points = next(archive.read(n).decode() for n in names if n.endswith("entry_points.txt"))
    assert not [name for name in names if name.endswith(".ts")]  # sources of the .qm stay behind
    assert "gatelab = main:main" in entry_points and "main.py" in names


def test_every_package_of_the_source_is_in_the_wheel(wheel):
    """pyproject lists the packages (resources/ is mapped into gui/): a new one must be added."""
    with zipfile.ZipFile(wheel) as archive:
        names = set(archive.namelist())
    packages = [init.parent.relative_to(ROOT).as_posix() for top in ("core", "gui")
                for init in (ROOT / top).rglob("__init__.py")]
    assert len(packages) > 10
    missing = [package for package in packages if f"{package}/__init__.py" not in names]
    assert not missing, f"add {missing} to [tool.setuptools] packages in pyproject.toml"


# Run in a fresh interpreter with the installed folder first on sys.path and the working
# directory elsewhere: what it finds must come from the installed copy.
PROBE = """
import json, sys
sys.path.insert(0, sys.argv[1])
from PySide6.QtWidgets import QApplication
app = QApplication([])
import gui
from gui.common.i18n import install_translators, translation_file
from gui.common.icon import ICON_PATH, application_icon
from gui.common.resource_paths import resources_dir
translators = install_translators(app, "ja")
print(json.dumps({
    "gui": gui.__file__,
    "resources": str(resources_dir()),
    "translation": str(translation_file("ja")),
    "loaded": [t.filePath() for t in translators],
    "translated": app.translate(sys.argv[2], sys.argv[3]),
    "icon": str(ICON_PATH),
    "icon_sizes": [[s.width(), s.height()] for s in application_icon().availableSizes()],
}))
"""


def _a_finished_translation() -> tuple[str, str, str]:
    """(context, source, Japanese) of a message the committed .ts translates."""
    root = ET.parse(ROOT / "resources" / "i18n" / "gatelab_ja.ts").getroot()
    for context in root.iter("context"):
        for message in context.iter("message"):
            translation = message.find("translation")
            if translation.get("type") is None and translation.text and message.find("comment") is None:
                return context.findtext("name"), message.findtext("source"), translation.text
    pytest.fail("the .ts file has no finished translation")


def test_the_installed_app_finds_japanese_and_its_icon(installed, tmp_path):
    context, source, japanese = _a_finished_translation()
    env = {key: value for key, value in os.environ.items() if key != "PYTHONPATH"}
    env["QT_QPA_PLATFORM"] = "offscreen"
    result = subprocess.run([sys.executable, "-c", PROBE, str(installed), context, source],
                            cwd=tmp_path, env=env, capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stdout[-2000:] + result.stderr[-2000:]
    found = json.loads(result.stdout.splitlines()[-1])
    resources = installed / "gui" / "resources"
    assert Path(found["gui"]).parent == installed / "gui"  # not the checkout's
    assert Path(found["resources"]) == resources
    assert Path(found["translation"]) == resources / "i18n" / "gatelab_ja.qm"
    assert found["loaded"] and Path(found["loaded"][0]) == resources / "i18n" / "gatelab_ja.qm"
    assert found["translated"] == japanese != source
    assert Path(found["icon"]) == resources / "icon.png"
    assert found["icon_sizes"] and min(found["icon_sizes"][0]) >= 128


def test_a_checkout_finds_the_resources_beside_the_code():
    from gui.common.resource_paths import resources_dir

    assert resources_dir() == ROOT / "resources"
