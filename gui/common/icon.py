"""The application icon, from resources/ beside the code or inside the packaged bundle."""

from PySide6.QtGui import QIcon

from gui.common.resource_paths import resources_dir

ICON_PATH = resources_dir() / "icon.png"
DESKTOP_FILE_NAME = "gatelab"  # matches packaging/gatelab.desktop (Wayland's app id)


def application_icon() -> QIcon:
    """The window icon; an empty QIcon if the file is missing (Qt then uses its default)."""
    return QIcon(str(ICON_PATH))
